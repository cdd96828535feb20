from typing import List


def find_first(xs: List[int], target: int) -> int:
    idx = -1
    for i, x in enumerate(xs):
        if x == target:
            print("found", target, "at", i)
            idx = i
            break
    else:
        print(target, "not found")
    return idx


def main() -> int:
    xs: List[int] = [4, 8, 15, 16, 23, 42]
    a = find_first(xs, 15)
    b = find_first(xs, 7)
    for n in range(2, 20):
        for d in range(2, n):
            if n % d == 0:
                break
        else:
            print(n, "is prime")
    return a + b
