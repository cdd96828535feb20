def adler32(data: bytes) -> int:
    a = 1
    b = 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


def fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for byte in data:
        h ^= byte
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def main() -> int:
    for s in [b"", b"a", b"Wikipedia", "héllo 😀".encode()]:
        print(s, adler32(s), hex(fnv1a(s)))
    x = 0xDEADBEEF
    print(hex(((x << 8) | (x >> 24)) & 0xFFFFFFFF))
    return fnv1a(b"matx")
