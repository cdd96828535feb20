from typing import List


def decode_all(chunks: List[bytes]) -> str:
    return "".join(c.decode() for c in chunks)


def main() -> str:
    good = b"valid \xe2\x9c\x93 text"
    print(good.decode())
    print(decode_all([b"a", b"\xc3\xa9", b"z"]))
    broken = b"prefix \xe2\x9c suffix"
    print("about to decode", len(broken), "bytes")
    return decode_all([b"ok ", broken])
