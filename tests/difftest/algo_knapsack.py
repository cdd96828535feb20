from typing import List, Tuple


def knapsack(items: List[Tuple[int, int]], cap: int) -> Tuple[int, List[int]]:
    n = len(items)
    dp = [[0] * (cap + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        w, v = items[i - 1]
        for c in range(cap + 1):
            dp[i][c] = dp[i - 1][c]
            if w <= c and dp[i - 1][c - w] + v > dp[i][c]:
                dp[i][c] = dp[i - 1][c - w] + v
    chosen: List[int] = []
    c = cap
    for i in range(n, 0, -1):
        if dp[i][c] != dp[i - 1][c]:
            chosen.append(i - 1)
            c -= items[i - 1][0]
    return dp[n][cap], sorted(chosen)


def main() -> Tuple[int, List[int]]:
    items: List[Tuple[int, int]] = [(12, 4), (2, 2), (1, 1), (1, 2), (4, 10)]
    r = knapsack(items, 15)
    print(r)
    print(knapsack(items, 0), knapsack([], 10))
    return r
