def main() -> int:
    x = 10
    x += 5
    print(x)
    x -= 3
    print(x)
    x *= 4
    print(x)
    x //= 5
    print(x)
    x %= 4
    print(x)
    x **= 5
    print(x)
    x <<= 2
    x |= 3
    x &= 0xFF
    x ^= 0x0F
    x >>= 1
    print(x)
    y = 7.0
    y /= 2
    y -= 0.25
    print(y)
    return x
