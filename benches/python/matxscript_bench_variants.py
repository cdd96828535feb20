"""Kernels of benches/scripts/bench.py rewritten where MATXScript 1.8.1 rejects the original
spelling; each does the same work and returns the same result.

* ``Text2Ids``: MATXScript rejects class-level annotations ("Class only support function and
  slots"), so the fields are declared by annotated assignments in ``__init__``.
* ``edit_distance``: ``list(range(m + 1))`` is rejected ("'<class 'range'>' is not
  supported"): the first row is a comprehension over the range.
* ``sort_key``: lambdas are rejected ("Lambda expression is not supported for now"), and
  ``sorted(words, key=f)`` fails inside MATXScript ("'bool' object has no attribute
  'checked_type'"): a copy of the list sorted in place by a module-level key function.
"""
from typing import Dict, List, Tuple


class Text2Ids:
    def __init__(self, words: List[str]) -> None:
        self.vocab: Dict[str, int] = {}
        for i, w in enumerate(words):
            self.vocab[w] = i
        self.unk: int = len(words)

    def __call__(self, words: List[str]) -> List[int]:
        return [self.vocab.get(w, self.unk) for w in words]


def edit_distance(a: str, b: str) -> int:
    n = len(a)
    m = len(b)
    prev = [j for j in range(m + 1)]
    cur = [0] * (m + 1)
    for i in range(1, n + 1):
        cur[0] = i
        ca = a[i - 1]
        for j in range(1, m + 1):
            cost = 0 if ca == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev, cur = cur, prev
    return prev[m]


def longest_first(w: str) -> Tuple[int, str]:
    return (-len(w), w)


def sort_key(words: List[str]) -> List[str]:
    ws = [w for w in words]
    ws.sort(key=longest_first)
    return ws
