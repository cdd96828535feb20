def main() -> None:
    print(float(3), float(-0), float(True))
    print(float("3.25"), float("-1e-3"), float("+inf"))
    print(int(7.9), int(-7.9), int(1e18))
    print(round(7.9), round(-7.9))
    print(bool(0.0), bool(-0.0), bool(0.1))
    print(str(float(10)), repr(float(-10)))
    print(float(2 ** 53), float(2 ** 53 + 1))
    print(10 / 5, isinstance(10 / 5, float))
