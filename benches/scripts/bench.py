"""Benchmark kernels for matx: compiled by matx_script! and run unchanged under CPython."""
from typing import Dict, List


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def edit_distance(a: str, b: str) -> int:
    n = len(a)
    m = len(b)
    prev = list(range(m + 1))
    cur = [0] * (m + 1)
    for i in range(1, n + 1):
        cur[0] = i
        ca = a[i - 1]
        for j in range(1, m + 1):
            cost = 0 if ca == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev, cur = cur, prev
    return prev[m]


class Text2Ids:
    vocab: Dict[str, int]
    unk: int

    def __init__(self, words: List[str]) -> None:
        self.vocab = {}
        for i, w in enumerate(words):
            self.vocab[w] = i
        self.unk = len(words)

    def __call__(self, words: List[str]) -> List[int]:
        return [self.vocab.get(w, self.unk) for w in words]
