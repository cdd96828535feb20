def main() -> int:
    composed = "é"
    decomposed = "e\u0301"
    print(len(composed), len(decomposed))
    print(composed == decomposed)
    print(decomposed[0], repr(decomposed[1]))
    word = "cafe\u0301s"
    print(len(word), word[:4], word[4:], word[::-1] == "s\u0301efac")
    print(word.upper(), word.title())
    print([hex(ord(c)) for c in word])
    z = "Z\u0351\u0324\u0301"
    print(len(z), z.lower() == "z\u0351\u0324\u0301")
    return len(word)
