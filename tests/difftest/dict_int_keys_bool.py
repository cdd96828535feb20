from typing import Dict


def main() -> Dict[int, str]:
    d: Dict[int, str] = {1: "one", 2: "two", -5: "minus five", 0: "zero"}
    print(d[1], d[-5], d.get(3, "?"))
    print(sorted(d), sorted(d.items()))
    b: Dict[bool, int] = {True: 1, False: 0}
    b[True] += 10
    print(b)
    print(d)
    return d
