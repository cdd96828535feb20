from typing import Dict, List, Tuple


def main() -> None:
    print(str(1), str(-2.5), str(True), str(None), str("x"))
    xs: List[str] = ["a", "b'c"]
    print(str(xs), repr(xs))
    d: Dict[str, List[int]] = {"k": [1, 2], "é": []}
    print(str(d))
    t: Tuple[int, str, float] = (1, "x", 2.0)
    print(str(t), repr(t))
    print(str((1,)), str(()))
    print(str(b"ab\x00"), repr(b"it's"))
    nested: List[Tuple[str, bool]] = [("a", True), ("b", False)]
    print(nested)
