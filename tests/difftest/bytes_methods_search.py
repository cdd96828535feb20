def main() -> int:
    b = b"banana bandana banana"
    print(b.count(b"an"), b.count(b"a", 5), b.count(b"a", 5, 10), b.count(b""))
    print(b.find(b"ban"), b.find(b"ban", 1), b.find(b"zz"), b.rfind(b"ban"), b.rfind(b"ban", 0, 12))
    print(b.index(b"d"), b.rindex(b"n"))
    print(b.startswith(b"ban"), b.startswith(b"an", 1), b.endswith(b"ana"), b.endswith(b"x"))
    print(b.find(b"a", -3), b.rfind(b""), b.find(b""))
    return b.find(b"dana")
