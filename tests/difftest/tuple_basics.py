from typing import Tuple


def main() -> Tuple[int, str, float]:
    t: Tuple[int, str, float] = (1, "two", 3.0)
    print(t, len(t), t[0], t[-1], t[1])
    a, b, c = t
    print(a, b, c)
    print(t + (4, 5), (1,) * 3, () + ())
    print(t == (1, "two", 3.0), t != (1, "two", 3.5), (1, 2) < (1, 3), (1, 2) < (1, 2, 0))
    single = (5,)
    print(single, len(single), repr(()))
    return t
