"""A script over ops, bound to Python together with the ops themselves."""
from typing import List

from ops_py import Counter, split_words


def total(c: Counter, words: List[str]) -> int:
    n = 0
    for w in words:
        n = c.add(len(split_words(w)))
        n = c.add(len(split_words(w, ",")) - 1)
    return n


def fresh(start: int) -> Counter:
    return Counter(start)
