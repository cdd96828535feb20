from typing import List


def quicksort(xs: List[int]) -> List[int]:
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    less = [x for x in xs if x < pivot]
    equal = [x for x in xs if x == pivot]
    more = [x for x in xs if x > pivot]
    return quicksort(less) + equal + quicksort(more)


def main() -> List[int]:
    data = [(i * 7919) % 101 - 50 for i in range(40)]
    s = quicksort(data)
    print(s)
    print(s == sorted(data))
    return s[:10]
