from typing import List


def main() -> List[str]:
    words: List[str] = ["ΟΔΟΣ", "ΣΟΦΟΣ ΚΑΙ ΣΟΦΗ", "Σ", "ΑΣ.", "ΑΣΑ", "ΑΣ1", "Α Σ", "ΜΑΣ'", "ΣΑΣ-ΣΑΣ"]
    out: List[str] = []
    for w in words:
        l = w.lower()
        out.append(l)
        print(w, "->", l, [hex(ord(c)) for c in l if c in "σς"])
    print("ΣΑΣ".casefold(), "ΣΑΣ".title(), "σας".upper(), "ΣΑΣ".capitalize(), "ΣΑΣ".swapcase())
    return out
