from typing import List


def main() -> List[str]:
    inputs: List[str] = ["hello WORLD", "ßtraße", "ǆemal", "éCOLE", "ﬁne day", "123abc", "", " lead", "ΣΊΣΥΦΟΣ", "i̇stanbul", "ŉ"]
    out: List[str] = []
    for s in inputs:
        c = s.capitalize()
        out.append(c)
        print(repr(s), "->", repr(c), len(c))
    return out
