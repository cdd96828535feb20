from typing import Dict, List, Tuple


def bfs(grid: List[str], start: Tuple[int, int], goal: Tuple[int, int]) -> int:
    dist: Dict[Tuple[int, int], int] = {start: 0}
    queue: List[Tuple[int, int]] = [start]
    head = 0
    while head < len(queue):
        r, c = queue[head]
        head += 1
        if (r, c) == goal:
            return dist[(r, c)]
        for dr, dc in [(1, 0), (-1, 0), (0, 1), (0, -1)]:
            nr, nc = r + dr, c + dc
            if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] != "#" and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                queue.append((nr, nc))
    return -1


def main() -> int:
    grid = ["....#...", ".##.#.#.", ".#..#.#.", ".#.##.#.", "...#..#.", ".#...#..", ]
    print(bfs(grid, (0, 0), (5, 7)))
    print(bfs(grid, (0, 0), (0, 5)))
    return bfs(grid, (0, 0), (2, 3))
