from typing import Dict, List, Tuple


def main() -> Dict[str, int]:
    d: Dict[str, int] = {"a": 1, "b": 2, "c": 3}
    print(d.get("a"), d.get("z"), d.get("z", -1), d.get("b", 0))
    print(d.setdefault("a", 100), d.setdefault("d", 4), d)
    print(d.pop("b"), d.pop("zz", -9), d)
    e = d.copy()
    e["a"] = 50
    print(d["a"], e["a"])
    d.update({"c": 30, "e": 5})
    print(d)
    items: List[Tuple[str, int]] = list(d.items())
    print(items)
    print(d.popitem(), d)
    f = dict.fromkeys(["x", "y"], 0)
    print(f)
    d.clear()
    print(d, len(d), e)
    return e
