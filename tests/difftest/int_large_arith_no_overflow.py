def main() -> int:
    a = 3037000499
    print(a * a)
    b = 9223372036854775807
    print(b - a * a)
    print(b // 7, b % 7, -b // 7, -b % 7)
    c = 4611686018427387904
    print(c + (c - 1), (c - 1) * 2 + 1 == b)
    print((b >> 32) << 32, b & 0xFFFFFFFF)
    print(abs(-b), -(-b))
    return b // 3 * 3
