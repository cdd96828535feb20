def main() -> bool:
    print(1 == 1.0, 2 > 1.5, 3 <= 3.0)
    print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
    print(int(2.5) == 2, float(3) == 3)
    print(-0.0 == 0.0)
    print(max(1, 2.5), min(3, 2.0))
    print(sorted([3.0, 1.5, 2.0, -0.5]))
    print(1 < 1.0000001, 10 ** 15 == 1e15)
    return 5 == 5.0
