def main() -> int:
    a = 17
    b = 5
    print(a + b, a - b, a * b)
    print(a / b)
    print(a // b, a % b)
    print(-a // b, -a % b)
    print(a // -b, a % -b)
    print(-a // -b, -a % -b)
    print(2 ** 10, 3 ** 0, (-2) ** 3)
    return a * b - a // b
