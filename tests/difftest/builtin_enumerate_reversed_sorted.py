from typing import Dict, List, Tuple


def main() -> List[Tuple[int, str]]:
    letters = "dcab"
    out = list(enumerate(sorted(letters)))
    print(out)
    print(list(reversed(sorted(letters))), sorted(letters, reverse=True))
    d: Dict[str, int] = {"b": 1, "a": 2}
    print(sorted(d), sorted(d.items()), sorted(d.values(), reverse=True))
    print(sorted("Banana"), sorted([3.5, -1.0, 2.0]), sorted([(2, "a"), (1, "b")]))
    print(list(enumerate([], 5)), list(reversed([])))
    return out
