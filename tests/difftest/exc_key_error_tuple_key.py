from typing import Dict, Tuple


def main() -> int:
    grid: Dict[Tuple[int, str], int] = {(0, "a"): 1}
    print(grid[(0, "a")])
    return grid[(1, "b")]
