def main() -> bytes:
    b = b"Hello, World"
    swapped = bytes([c - 32 if 97 <= c <= 122 else (c + 32 if 65 <= c <= 90 else c) for c in b])
    print(swapped, swapped == b.swapcase())
    digits = b"a1b2c3"
    only = bytes([c for c in digits if 48 <= c <= 57])
    print(only, int(only.decode()))
    return swapped
