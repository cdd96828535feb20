def main() -> int:
    s = "banana bandana 🍌 banana"
    print(s.count("an"), s.count("ana"), s.count("a", 3), s.count("a", 3, 10), s.count(""), s.count("", 5, 8))
    print(s.count("🍌"), s.count("z"))
    print(s.find("ban"), s.find("ban", 1), s.find("ban", 1, 9), s.find("🍌"), s.find("x"))
    print(s.rfind("ban"), s.rfind("ban", 0, 20), s.rfind(""), s.find(""), s.find("", 100))
    print(s.find("a", -5), s.rfind("a", -10, -2), s.find("na", 100))
    print(s.index("d"), s.rindex("n"))
    return s.find("🍌") + s.rfind("banana")
