from typing import List


def sign(x: int) -> str:
    return "neg" if x < 0 else "zero" if x == 0 else "pos"


def main() -> List[str]:
    out = [sign(v) for v in [-3, 0, 7]]
    print(out)
    n = 4
    parity = "even" if n % 2 == 0 else "odd"
    print(parity)
    xs = [1, 2] if n > 3 else [3]
    print(xs, (n if n > 10 else -n) * 2)
    a = 0 or 5
    b = 3 and 0
    c = "" or "default"
    print(a, b, c, None or "x", [] or [1])
    return out
