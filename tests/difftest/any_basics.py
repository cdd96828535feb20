from typing import Any, List


def describe(x: Any) -> str:
    if isinstance(x, bool):
        return "bool " + str(x)
    if isinstance(x, int):
        return "int " + str(x + 1)
    if isinstance(x, float):
        return "float " + repr(x * 2)
    if isinstance(x, str):
        return "str " + x.upper()
    if isinstance(x, list):
        return "list of " + str(len(x))
    if x is None:
        return "None"
    return "other"


def main() -> List[str]:
    values: List[Any] = [1, 2.5, "abc", True, [1, 2, 3], None, b"x"]
    out = [describe(v) for v in values]
    for o in out:
        print(o)
    return out
