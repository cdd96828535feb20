def main() -> int:
    inputs = ["ß", "İ", "ς", "ﬁ", "é", "e\u0301", "日本", "😀", "²", "½", "٣", "三", "Ⅻ", "\u3000", "\u00a0", "\u200b", "\u2028", "ǅ", "ᾼ", "ﬀ", "Ω", "µ", "ª", "\x1c", "\x85", "१२३"]
    count = 0
    for s in inputs:
        row = [s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(), s.isidentifier(), s.islower(), s.isnumeric(), s.isprintable(), s.isspace(), s.istitle(), s.isupper()]
        print(repr(s), "".join("T" if v else "." for v in row))
        count += sum(1 for v in row if v)
    return count
