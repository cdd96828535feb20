from typing import Dict, Tuple


def main() -> int:
    d: Dict[str, int] = {"a": 1}
    misses = 0
    for k in ["a", "b", "it's", ""]:
        try:
            print(d[k])
        except KeyError as e:
            misses += 1
            print("KeyError", e, repr(str(e)))
    t: Dict[Tuple[int, str], int] = {(1, "x"): 5}
    try:
        print(t[(2, "y")])
    except KeyError as e:
        print("KeyError", e)
    n: Dict[int, str] = {}
    try:
        n.pop(7)
    except KeyError as e:
        print("KeyError", e)
    try:
        n.popitem()
    except KeyError as e:
        print("KeyError", e)
    return misses
