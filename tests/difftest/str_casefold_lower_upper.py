from typing import List


def main() -> List[str]:
    inputs: List[str] = ["Straße", "İstanbul", "ΟΔΥΣΣΕΥΣ", "ﬁnal ﬂow", "ǅ", "ΣΑΣ ΣΑΣ", "Ωmega", "ᾳ", "ŉ", "DŽ"]
    out: List[str] = []
    for s in inputs:
        lo = s.lower()
        up = s.upper()
        cf = s.casefold()
        print(s, "|", lo, len(lo), "|", up, len(up), "|", cf, len(cf))
        out.append(cf)
    print("Straße".casefold() == "STRASSE".casefold())
    print("ΜΆΪΟΣ".lower(), "Σ".lower(), "AΣ".lower(), "AΣb".lower())
    return out
