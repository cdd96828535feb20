from typing import Any, List


def combine(a: Any, b: Any) -> Any:
    return a + b


def main() -> Any:
    print(combine(1, 2))
    print(combine("x", "y"))
    vals: List[Any] = [1, "one"]
    print("mixing", vals)
    return combine(vals[0], vals[1])
