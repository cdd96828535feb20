def shift(text: str, k: int) -> str:
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - ord("a") + k) % 26 + ord("a")))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - ord("A") + k) % 26 + ord("A")))
        else:
            out.append(ch)
    return "".join(out)


def main() -> str:
    msg = "Hello, Wörld! xyz ABC"
    enc = shift(msg, 3)
    print(enc)
    print(shift(enc, -3))
    print(shift(msg, 29) == enc, shift(msg, -23) == enc)
    return enc
