from typing import List


def main() -> List[int]:
    chars = "Aaß€😀\x00\n"
    codes = [ord(c) for c in chars]
    print(codes)
    print("".join(chr(c) for c in codes) == chars)
    print(chr(65), chr(0x1F600), chr(0x3B1), repr(chr(7)), chr(0x10FFFF) == "\U0010ffff")
    print([chr(ord("a") + i) for i in range(5)])
    print(ord("é"), ord("\u0301"), hex(ord("€")))
    return codes
