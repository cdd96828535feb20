from typing import List


def main() -> List[List[int]]:
    row = [0, 0]
    shared = [row, row, row]
    shared[0][0] = 1
    print(shared)
    fresh = [[0, 0] for _ in range(3)]
    fresh[0][0] = 1
    print(fresh)
    mult: List[List[int]] = [[5]] * 2
    mult[1].append(6)
    print(mult)
    copy = [r[:] for r in shared]
    copy[2][1] = 9
    print(shared, copy)
    return shared
