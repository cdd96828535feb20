def main() -> str:
    s = "one two one two one"
    print(s.replace("one", "1"))
    print(s.replace("one", "1", 2))
    print(s.replace("one", "1", 0))
    print(s.replace("one", "1", -1))
    print(s.replace("", "-"))
    print("abc".replace("", "|", 2))
    print("aaaa".replace("aa", "b"))
    print("straße".replace("ß", "ss"), "😀😀".replace("😀", "🙂"))
    print("x".replace("x", ""), "".replace("", "z"))
    return s.replace(" ", "_").replace("two", "2")
