from typing import List


def main() -> List[bytes]:
    b = b"hello WORLD \xc3\xa9 123 they're"
    out: List[bytes] = [b.upper(), b.lower(), b.swapcase(), b.title(), b.capitalize()]
    for x in out:
        print(x)
    for s in [b"abc", b"ABC", b"Abc", b"a1", b"12", b"", b" \t\n", b"Hello World", b"\xc3\xa9"]:
        print(s, s.isalnum(), s.isalpha(), s.isascii(), s.isdigit(), s.islower(), s.isupper(), s.isspace(), s.istitle())
    return out
