from typing import Dict, Optional


def main() -> Optional[int]:
    d: Dict[str, int] = {"x": 0, "y": 5}
    a = d.get("x")
    b = d.get("q")
    print(a, b, a is None, b is None)
    if d.get("x") is not None:
        print("x present even though falsy")
    c: Optional[int] = d.get("y")
    if c is not None and c > 3:
        print("big", c)
    return d.get("nope")
