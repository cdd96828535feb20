"""The call-overhead benchmark of issue 3 (``f``), compiled by matx or run by CPython.

``count_words`` and ``make_ids`` only split matx's Text2Ids time: the conversion of a
``List[str]`` argument alone, and of a ``List[int]`` result alone.
"""
from typing import List


def f(x: int) -> int:
    return x + 1


def count_words(words: List[str]) -> int:
    return len(words)


def make_ids(n: int) -> List[int]:
    return [i % 30000 for i in range(n)]
