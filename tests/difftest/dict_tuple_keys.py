from typing import Dict, Tuple


def main() -> Dict[Tuple[int, int], str]:
    grid: Dict[Tuple[int, int], str] = {}
    for x in range(3):
        for y in range(2):
            grid[(x, y)] = f"{x}{y}"
    print(grid[(2, 1)], (0, 0) in grid, (5, 5) in grid)
    grid[1, 1] = "center"
    print(grid)
    key = (0, 1)
    del grid[key]
    print(list(grid.keys())[:3])
    nested: Dict[Tuple[str, Tuple[int, bool]], int] = {("a", (1, True)): 7}
    print(nested[("a", (1, True))])
    return grid
