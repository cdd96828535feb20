"""Uncaught exceptions: class, CPython's message, and where they were raised."""
from typing import Dict


def inner(n: int) -> int:
    if n < 0:
        raise ValueError("negative: " + str(n))
    return n


def outer(n: int) -> int:
    return inner(n) * 2


def lookup(d: Dict[str, int], k: str) -> int:
    return d[k]


def parse(s: str) -> int:
    return int(s)
