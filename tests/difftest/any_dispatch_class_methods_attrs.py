from typing import Any, Dict, List

class A:
    n: int

    def __init__(self, n: int) -> None:
        self.n = n
    def get(self) -> int:
        return self.n

class B(A):
    def twice(self) -> int:
        return self.n * 2

def use(x: Any) -> int:
    return x.get() + x.n

def main() -> None:
    more()
    d: Dict[str, Any] = {"a": A(1), "b": B(2)}
    print(use(d["a"]), use(d["b"]), d["b"].twice())
    xs: List[Any] = [3, 1, 2]
    y: Any = xs
    y.sort()
    print(xs)
    s: Any = {1}
    s.update([2], [3])
    print(sorted(s))

class P:
    w: int
    def __init__(self) -> None:
        self.w = 4
    @property
    def double(self) -> int:
        return self.w * 2
    @staticmethod
    def make(k: int) -> int:
        return k + 1
    def kw(self, a: int, b: int = 10, *, c: int = 100) -> int:
        return a + b + c
    def __call__(self, x: int) -> int:
        return x * self.w

def more() -> None:
    p: Any = P()
    print(p.double, p.make(2), p.kw(1), p.kw(1, 2), p.kw(1, c=5), p.kw(b=3, a=4), p(5))
    p.w = 7
    print(p.w, p.double, p(2))
    try:
        p.kw()
    except TypeError as e:
        print("TypeError", e)
    try:
        p.kw(1, 2, 3)
    except TypeError as e:
        print("TypeError", e)
    try:
        p.nope()
    except AttributeError as e:
        print("AttributeError", e)
    try:
        print(p.missing)
    except AttributeError as e:
        print("AttributeError", e)
    f: Any = lambda v: v + 1
    xs: List[Any] = [3, 1, 2]
    ys: Any = xs
    ys.sort(key=lambda v: -v)
    print(xs, f(1))
    ys.sort(reverse=True)
    print(xs)
    s: Any = "a,b,c"
    print(s.split(",", maxsplit=1), s.split(sep=","))
