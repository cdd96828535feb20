from typing import Any, Dict, List


def total(items: List[Any]) -> float:
    s = 0.0
    for it in items:
        if isinstance(it, int) and not isinstance(it, bool):
            s += it
        elif isinstance(it, float):
            s += it
        elif isinstance(it, str) and it.isdigit():
            s += int(it)
    return s


def main() -> float:
    items: List[Any] = [1, "2", 3.5, "x", True, None, [4]]
    print(total(items))
    d: Dict[str, Any] = {"a": 1, "b": "s"}
    print(isinstance(d["a"], int), isinstance(d["b"], int), isinstance(d, dict), isinstance(items, list))
    print(isinstance(1, (int, str)), isinstance(2.0, (int, str)))
    return total(items)
