from typing import Dict, List


def main() -> Dict[str, List[int]]:
    count = 0
    name = "x"
    ratio = 0.5
    flags = [True, False]
    nums = []
    for i in range(5):
        nums.append(i * i)
        count += 1
    table = {}
    table[name] = nums
    seen = set()
    seen.add(3)
    pairs = []
    pairs.append((name, ratio))
    print(count, name, ratio, flags, nums, table, sorted(seen), pairs)
    return table
