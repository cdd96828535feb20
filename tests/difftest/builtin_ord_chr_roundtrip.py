from typing import List


def main() -> str:
    codes: List[int] = [0x41, 0xDF, 0x130, 0x3A3, 0x4E2D, 0x1F600, 0x10FFFF, 0x0A, 0x7F]
    s = "".join(chr(c) for c in codes)
    print(repr(s), len(s))
    print([ord(c) for c in s] == codes)
    print(chr(ord("a") ^ 0x20), ord(chr(1234)))
    return s
