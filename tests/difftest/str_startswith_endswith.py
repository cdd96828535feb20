def main() -> bool:
    s = "Straße.tar.gz"
    print(s.startswith("Str"), s.startswith("str"), s.startswith("aße", 3), s.startswith("ß", 4, 5))
    print(s.endswith(".gz"), s.endswith(".tar", 0, 10), s.endswith(""), s.startswith(""))
    print(s.endswith((".zip", ".gz")), s.startswith(("x", "y")), s.startswith(("x", "Straße")))
    print(s.startswith("S", -13), s.endswith("z", -100, -1), "".startswith(""), "".endswith("a"))
    emoji = "😀😃 ok"
    print(emoji.startswith("😀"), emoji.endswith("k"), emoji.startswith("😃", 1))
    return s.endswith(("tar", "gz"))
