def main() -> float:
    print(abs(-7), abs(7), abs(-2.5), abs(0))
    print(round(2.567, 1), round(-2.567, 2), round(1e15), round(0.1 + 0.2, 10))
    print(divmod(23, 7), divmod(-23, 7), divmod(23.5, 7))
    print(pow(3, 3), pow(2, -2), pow(4.0, 0.5), pow(10, 18))
    print(pow(3, 200, 13), pow(123456789, 2, 1000000007))
    return round(abs(-3.14159), 3)
