from typing import List


def main() -> int:
    xs: List[int] = [3, 1, 4, 1, 5, 9, 2, 6]
    print(sum(x * x for x in xs))
    print(max(x % 5 for x in xs), min(-x for x in xs))
    print(any(x > 8 for x in xs), all(x > 0 for x in xs))
    print(sorted(x for x in xs if x % 2))
    print(",".join(str(x) for x in xs))
    print(list(x + 1 for x in xs), tuple(x for x in range(3)))
    print(sum(1 for c in "hello world" if c in "aeiou"))
    print(set(x % 3 for x in xs) == {0, 1, 2})
    return sum(i * x for i, x in enumerate(xs))
