def main() -> None:
    print(round(0.5), round(1.5), round(2.5), round(-0.5), round(-1.5))
    print(round(3.14159, 2), round(2.675, 2), round(-2.5))
    print(round(1234, -2), round(1250, -2), round(1350, -2))
    print(round(7), round(-7))
    print(round(123.456, -1), round(0.125, 2), round(0.375, 2))
    print(isinstance(round(2.5), int), isinstance(round(2.5, 1), float))
