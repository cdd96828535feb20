from typing import List, Tuple


def main() -> Tuple[int, int]:
    grid: List[List[int]] = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    found = (-1, -1)
    for r, row in enumerate(grid):
        hit = False
        for c, v in enumerate(row):
            if v * v > 30:
                found = (r, c)
                hit = True
                break
        if hit:
            break
    print(found)
    skipped = 0
    for row in grid:
        for v in row:
            if v % 2 == 0:
                skipped += 1
                continue
            print(v, end=",")
    print()
    print(skipped)
    return found
