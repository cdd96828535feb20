from typing import Callable, List, Tuple


def main() -> List[int]:
    sq: Callable[[int], int] = lambda x: x * x
    add: Callable[[int, int], int] = lambda a, b: a + b
    print(sq(7), add(2, 3), (lambda s: s[::-1])("abc"))
    pairs: List[Tuple[int, str]] = [(2, "b"), (1, "z"), (3, "a")]
    print(sorted(pairs, key=lambda p: p[1]))
    k = 3
    mul: Callable[[int], int] = lambda x: x * k
    print([mul(i) for i in range(4)])
    pick: Callable[[bool], str] = lambda b: "yes" if b else "no"
    print(pick(True), pick(False))
    return list(map(lambda x: sq(x) + 1, [1, 2, 3]))
