def main() -> float:
    a = 7.5
    b = 2.0
    print(a + b, a - b, a * b, a / b)
    print(a // b, a % b)
    print(-a // b, -a % b)
    print(a // -b, a % -b)
    print(a ** 2, b ** -1, 2 ** 0.5)
    print(1 + 2.0, 3 * 1.5, 7 / 2)
    print(-7.0 % 3, 7.0 % -3)
    print(0.1 * 3, 1.1 + 2.2)
    return a * b
