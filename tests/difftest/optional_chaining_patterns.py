from typing import Dict, List, Optional


def first_even(xs: List[int]) -> Optional[int]:
    for x in xs:
        if x % 2 == 0:
            return x
    return None


def describe(v: Optional[int]) -> str:
    return "none" if v is None else f"value {v}"


def main() -> List[Optional[int]]:
    cases: List[List[int]] = [[1, 3, 4], [1, 3], [], [0]]
    out = [first_even(c) for c in cases]
    print(out, [describe(v) for v in out])
    d: Dict[str, Optional[int]] = {"a": 1, "b": None}
    for k in ["a", "b"]:
        v = d[k]
        if v is not None:
            print(k, v + 1)
        else:
            print(k, "is None")
    print(out.count(None), None in out)
    return out
