from typing import List


def main() -> List[str]:
    out: List[str] = []
    for s in ["", " ", "1.5", "0x10", "١٢", "12_", "_1", "--1", "9" * 18, "1e3", "ⅷ", "+", "1 2"]:
        try:
            out.append(str(int(s)))
        except ValueError as e:
            out.append(str(e))
    for s in ["", "abc", "1.2.3", "inf", "-nan", "1e500", "0x1p3"]:
        try:
            out.append(repr(float(s)))
        except ValueError as e:
            out.append(str(e))
    for o in out:
        print(o)
    return out
