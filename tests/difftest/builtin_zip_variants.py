from typing import List, Tuple


def main() -> List[Tuple[str, int]]:
    names: List[str] = ["a", "b", "c"]
    nums: List[int] = [1, 2, 3, 4]
    z = list(zip(names, nums))
    print(z)
    print(list(zip("ab", "xyz", [True, False])))
    keys = [k for k, _ in z]
    vals = [v for _, v in z]
    print(keys, vals)
    print(dict(zip(names, nums)))
    total = 0
    for a, b in zip(nums, nums[1:]):
        total += b - a
    print(total)
    return z
