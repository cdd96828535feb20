from typing import List


def main() -> List[str]:
    cells: List[str] = ["a", "日本", "😀x", "e\u0301", "ß"]
    out: List[str] = []
    for c in cells:
        out.append(f"[{c:<5}][{c:>5}][{c:^5}][{c:_^6}]")
    for o in out:
        print(o)
    print("{:·^9}".format("mid"), "{:>3}".format("toolong"))
    print(f"[{'x':>0}]", f"[{'':>3}]")
    return out
