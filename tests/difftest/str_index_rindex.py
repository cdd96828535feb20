def main() -> int:
    s = "αβγαβγ ñ"
    print(s.index("β"), s.rindex("β"), s.index("γ", 3), s.rindex("α", 0, 4))
    print(s.index("ñ"), s.index(""), s.rindex(""))
    try:
        s.index("δ")
    except ValueError as e:
        print("ValueError:", e)
    try:
        s.rindex("α", 4)
    except ValueError as e:
        print("ValueError:", e)
    return s.rindex("γ")
