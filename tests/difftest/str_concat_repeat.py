def main() -> str:
    a = "ab"
    b = "çd"
    print(a + b, b + a)
    print(a * 3, 3 * b, a * 0 == "", a * -2 == "")
    c = a
    c += "!"
    print(a, c)
    parts = ""
    for i in range(5):
        parts += str(i) + ("," if i < 4 else "")
    print(parts)
    print("=" * 20)
    return (a + b) * 2
