from typing import List


def main() -> bytes:
    data = b"Hello"
    total = 0
    for byte in data:
        total += byte
    print(total)
    codes: List[int] = []
    for i, byte in enumerate(data):
        codes.append((byte + i) % 256)
    print(codes)
    shifted = bytes(codes)
    print(shifted, len(shifted))
    print(bytes([c ^ 0x20 for c in data]))
    print(sorted(data), max(data), min(data))
    return shifted
