from typing import Dict, List


def add_item(xs: List[int], v: int) -> None:
    xs.append(v)


def main() -> List[int]:
    a = [1, 2]
    b = a
    b.append(3)
    print(a, b, a is b)
    add_item(a, 4)
    print(b)
    c = a[:]
    c.append(5)
    print(a, c, a is c, a == c[:4])
    d: Dict[str, List[int]] = {"nums": a}
    d["nums"].append(6)
    print(a)
    inner = d["nums"]
    inner.clear()
    print(d, a)
    return b
