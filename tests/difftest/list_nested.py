from typing import List


def main() -> List[List[int]]:
    grid: List[List[int]] = [[0] * 3 for _ in range(3)]
    for i in range(3):
        for j in range(3):
            grid[i][j] = i * 3 + j
    print(grid)
    transposed = [[grid[j][i] for j in range(3)] for i in range(3)]
    print(transposed)
    flat = [v for row in grid for v in row]
    print(flat, sum(flat))
    grid[1].append(99)
    print(grid, len(grid[1]))
    diag = [grid[i][i] for i in range(3)]
    print(diag)
    return transposed
