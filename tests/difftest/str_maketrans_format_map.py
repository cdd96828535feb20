from typing import Dict


def main() -> str:
    t = str.maketrans("abc", "xyz")
    print(t, "aabbcc-d".translate(t))
    t2 = str.maketrans("ab", "AB", "-")
    print(t2, "a-b-c".translate(t2))
    plain: Dict[int, str] = {ord("é"): "e"}
    print("café".translate(plain))
    m: Dict[str, int] = {"n": 3, "w": 42}
    print("{n} items, width {w:>5}".format_map(m))
    names: Dict[str, str] = {"who": "Ada", "what": "engines"}
    return "{who} likes {what!r}".format_map(names)
