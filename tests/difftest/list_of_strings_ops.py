from typing import List


def main() -> str:
    names: List[str] = ["Émile", "zoë", "Ångel", "bob", "Ólafur"]
    upper = [n.upper() for n in names]
    print(upper)
    print(sorted(names), sorted(names, key=lambda n: n.lower()))
    lengths = [len(n) for n in names]
    print(lengths, max(names, key=len))
    print(" | ".join(n.ljust(8, ".") for n in names))
    return ",".join(sorted(upper))
