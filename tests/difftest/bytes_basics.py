def main() -> bytes:
    b = b"hello\x00\xff world"
    print(b, len(b))
    print(b[0], b[-1], b[5], b[6])
    print(b[:5], b[6:8], b[::-1], b[::3])
    print(b"abc" + b"def", b"ab" * 3)
    print(b"ell" in b, b"xyz" in b, 104 in b)
    print(list(b"AZaz"))
    print(bytes([72, 105, 0, 255]))
    print(bytes(3), bytes(), b"" == bytes())
    return b[:5] + b"!"
