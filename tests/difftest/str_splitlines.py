from typing import List


def main() -> List[str]:
    s = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve"
    print(s.splitlines())
    print(s.splitlines(True))
    print("".splitlines(), "\n".splitlines(), "a\n".splitlines(), "a\n\nb".splitlines())
    print("x\r\n".splitlines(keepends=True))
    return "line1\nline2\n".splitlines()
