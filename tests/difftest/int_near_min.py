def main() -> int:
    small = -2 ** 63
    print(small)
    print(small + 1)
    print(small // 3, small % 3)
    print(abs(small + 1))
    print(str(small))
    print(-(small + 1))
    print(small < -9223372036854775807)
    return small + 1
