def main() -> int:
    big = 2 ** 63 - 1
    print(big)
    print(big - 1)
    print(big // 2)
    print(big % 1000000007)
    print(-big)
    print(big == 9223372036854775807)
    print(hex(big), oct(big))
    half = big // 2 + 1
    print(half + (half - 1))
    return big
