"""Lists a function makes and keeps to itself (lowered without locks) against lists that leave it: the same results either way."""
from typing import Callable, List


def dp(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    cur = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        cur[0] = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev, cur = cur, prev
    return prev[len(b)]


def swapped_then_returned() -> List[int]:
    a = [1, 2]
    b = [3]
    a, b = b, a
    b.append(9)
    return b


def same_list_twice() -> List[int]:
    a = [1]
    b = [2]
    a, b = a, a
    a.append(5)
    b.append(6)
    return b


def alias_by_assignment() -> List[int]:
    a = [1, 2]
    b = a
    b.append(3)
    return a


def errors() -> List[str]:
    out: List[str] = []
    xs = [10, 20, 30]
    for i in [-4, -3, 2, 3]:
        try:
            out.append(str(xs[i]))
        except IndexError as e:
            out.append("get " + str(i) + ": " + str(e))
        try:
            xs[i] = i
            out.append("set " + str(i))
        except IndexError as e:
            out.append("set " + str(i) + ": " + str(e))
    ys = [1]
    out.append(str(ys.pop()))
    try:
        ys.pop()
    except IndexError as e:
        out.append(str(e))
    zs = [1, 2, 3]
    try:
        zs.pop(7)
    except IndexError as e:
        out.append(str(e))
    zs.insert(-100, 0)
    zs.insert(100, 4)
    zs.reverse()
    out.append(str(len(zs)) + " " + str(zs[0]) + " " + str(zs[-1]))
    zs.clear()
    out.append(str(len(zs)))
    return out


def grows_while_iterated() -> List[int]:
    xs = [1, 2]
    seen: List[int] = []
    for x in xs:
        seen.append(x)
        if x < 5:
            xs.append(x + 2)
    return seen


def grid(n: int) -> List[List[int]]:
    g = [[0] * n for _ in range(n)]
    for i in range(n):
        g[i][i] = i + 1
        g[i][n - 1 - i] += 10
    return g


def escapes_to_call(xs: List[int]) -> int:
    return len(xs)


def escapes() -> List[str]:
    a = [1, 2, 3]
    n = escapes_to_call(a)
    b = [4, 5]
    f: Callable[[int], int] = lambda i: b[i]
    c = [7]
    nested = [c, c]
    c.append(8)
    d = [1, 2]
    e = [1, 2]
    return [str(n), str(f(1)), str(nested), str(d == e), str(d)]


class Tag:
    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def __eq__(self, other: "Tag") -> bool:
        return self.name.lower() == other.name.lower()


def membership() -> List[str]:
    xs = [1, 2, 3]
    ys = list(xs)
    ys.append(4)
    tags = [Tag("a"), Tag("B")]
    return [str(2 in xs), str(4 in xs), str(4 in ys), str(len(xs)), str(Tag("b") in tags)]


def in_finally() -> List[int]:
    xs = [1]
    try:
        return xs
    finally:
        xs.append(2)


def main() -> List[str]:
    out = [str(dp("kitten", "sitting")), str(dp("", "abc")), str(dp("flaw", "lawn"))]
    out.append(str(swapped_then_returned()))
    out.append(str(same_list_twice()))
    out.append(str(alias_by_assignment()))
    out.extend(errors())
    out.append(str(grows_while_iterated()))
    out.append(str(grid(3)))
    out.extend(escapes())
    out.extend(membership())
    out.append(str(in_finally()))
    return out
