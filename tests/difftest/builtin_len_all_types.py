from typing import Dict, List, Set, Tuple


def main() -> List[int]:
    s = "héllo😀"
    b = b"bytes\x00"
    xs: List[int] = [1, 2, 3]
    d: Dict[str, int] = {"a": 1, "b": 2}
    st: Set[int] = {1, 1, 2}
    t: Tuple[int, str] = (1, "x")
    out = [len(s), len(b), len(xs), len(d), len(st), len(t), len(range(3, 30, 3)), len(""), len([[]])]
    print(out)
    return out
