from typing import Dict, List


def main() -> Dict[str, List[int]]:
    a: List[int] = [1]
    d: Dict[str, List[int]] = {"x": a}
    d["y"] = a
    a.append(2)
    d["x"].append(3)
    print(d)
    d["y"] = [9]
    d["x"].append(4)
    print(d, a)
    lists: List[List[int]] = [a, a]
    lists[0].append(5)
    print(lists[1], len(a))
    return d
