from typing import List, Set, Tuple


def main() -> List[Tuple[int, int]]:
    visited: Set[Tuple[int, int]] = set()
    pos = (0, 0)
    moves = "RRUULDDDLR"
    for m in moves:
        x, y = pos
        if m == "R":
            pos = (x + 1, y)
        elif m == "L":
            pos = (x - 1, y)
        elif m == "U":
            pos = (x, y + 1)
        else:
            pos = (x, y - 1)
        visited.add(pos)
    print(len(visited), (0, 0) in visited, (2, 2) in visited)
    return sorted(visited)
