from typing import List


def main() -> List[str]:
    words: List[str] = ["résumé", "naïve", "façade", "jalapeño", "Ångström", "crème brûlée", "Øre", "ÉTÉ"]
    out: List[str] = []
    for w in words:
        out.append(w.upper())
        print(w, w.upper(), w.lower(), w.title(), w.swapcase(), w.isalpha(), len(w))
    print(sorted(words))
    print(sorted(w.casefold() for w in words))
    return out
