def main() -> int:
    s = "hello world"
    print(s.index("o"), s.index("world"))
    return s.index("xyz")
