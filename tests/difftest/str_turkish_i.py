def main() -> str:
    s = "İIıi"
    print(s.lower(), len(s.lower()))
    print(s.upper(), len(s.upper()))
    print(s.casefold(), s.swapcase(), s.title())
    print([hex(ord(c)) for c in s.lower()])
    word = "DİYARBAKIR"
    low = word.lower()
    print(low, len(word), len(low))
    print(low[1:3], repr(low[2]))
    print("ı".upper() == "I", "i".upper() == "I")
    return low
