from typing import Dict, List


def main() -> Dict[str, int]:
    d: Dict[str, int] = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}
    for k in list(d.keys()):
        if d[k] % 2 == 0:
            del d[k]
    print(d)
    removed: List[int] = []
    for k in list(d):
        removed.append(d.pop(k))
        if len(removed) == 2:
            break
    print(removed, d)
    return d
