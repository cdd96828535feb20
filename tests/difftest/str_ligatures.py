def main() -> str:
    s = "ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ"
    print(s.upper())
    print(s.lower() == s, s.casefold())
    print(s.title(), s.capitalize(), s.swapcase())
    print(len(s), len(s.upper()))
    print("ﬁne".upper(), "ﬁne".title(), "ﬁne".isalpha(), "ﬁ".isupper(), "ﬁ".islower())
    print("ﬃ".upper().lower(), len("ﬃ".upper()))
    return s.upper()
