def main() -> bool:
    a, b, c = 1, 5, 10
    print(a < b < c)
    print(a < c < b)
    print(a <= 1 <= b)
    print(c > b > a > 0)
    print(1 == 1 != 2)
    print(a < b == 5)
    print(0 < a < 0)
    x = 7
    print(0 <= x < 10, 10 <= x < 20)
    return a < b < c
