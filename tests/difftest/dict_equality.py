from typing import Dict, List


def main() -> bool:
    a: Dict[str, int] = {"x": 1, "y": 2}
    b: Dict[str, int] = {"y": 2, "x": 1}
    c: Dict[str, int] = {"x": 1}
    print(a == b, a != c, list(a) == list(b))
    la: Dict[str, List[int]] = {"k": [1, 2]}
    lb: Dict[str, List[int]] = {"k": [1, 2]}
    print(la == lb)
    lb["k"].append(3)
    print(la == lb, la, lb)
    return a == b
