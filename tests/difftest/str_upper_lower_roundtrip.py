from typing import List


def main() -> List[str]:
    words: List[str] = ["straße", "ΣΊΣΥΦΟΣ", "ﬁnance", "İzmir", "ǉubljana", "Ärger", "Ωhm", "µ", "ÿ"]
    out: List[str] = []
    for w in words:
        u = w.upper()
        l = w.lower()
        print(w, u, l, u.lower(), l.upper(), len(w), len(u), len(l))
        out.append(u)
    print("µ".upper(), "ÿ".upper(), "ŉ".upper())
    return out
