from typing import List


def main() -> str:
    samples: List[str] = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash", "\x00\x07\x1b", "\x7f", "é ü ß", "\u200b", "\u00a0", "😀", "\u0301", "\ud7ff", "\U0010ffff", "\r\n"]
    for s in samples:
        print(repr(s))
    print(str(samples[1]), len(repr(samples[7])))
    print([samples[1], samples[2]])
    return "it's \"x\"\n"
