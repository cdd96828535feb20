from typing import Any, Dict, List, Optional, Set, Tuple


def main() -> List[str]:
    st: Set[int] = {3}
    opt: Optional[str] = None
    anyv: Any = [1, "a"]
    d: Dict[str, Tuple[int, float]] = {"k": (1, 2.0)}
    items: List[str] = [repr(1), repr(-1.5), repr(True), repr(None), repr("s'q"), repr(b"\x01b"), repr([1, [2]]), repr(d), repr(st), repr((1,)), repr(()), repr(opt), repr(anyv), repr(1e300 * 10), repr(-0.0)]
    for i in items:
        print(i)
    print(str(st), str(anyv), str(d), str(opt))
    return items
