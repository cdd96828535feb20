from typing import Dict, List


def main() -> List[str]:
    xs: List[str] = ["a", "b", "c"]
    it = iter(xs)
    print(next(it))
    rest = [x.upper() for x in it]
    print(rest)
    print(next(it, "done"))
    d: Dict[str, int] = {"k1": 1, "k2": 2}
    kit = iter(d)
    print(next(kit), next(kit), next(kit, "end"))
    sit = iter("hé")
    print(next(sit), next(sit), next(sit, "<eof>"))
    rit = iter(range(3))
    print(next(rit) + next(rit) + next(rit))
    return rest
