from typing import Dict


def lookup(d: Dict[str, int], k: str) -> int:
    try:
        return d[k]
    except KeyError:
        raise ValueError("unknown key " + k)


def main() -> int:
    d: Dict[str, int] = {"a": 1}
    print(lookup(d, "a"))
    try:
        lookup(d, "b")
    except ValueError as e:
        print("ValueError:", e)
    return lookup(d, "a")
