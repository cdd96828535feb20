def main() -> str:
    n = -12045
    print(str(n), repr(n))
    print(len(str(n)))
    print(str(0), str(-0))
    s = str(2 ** 40)
    print(s, s[::-1])
    print(f"{n}", f"{n!r}")
    return str(n) + "|" + repr(n)
