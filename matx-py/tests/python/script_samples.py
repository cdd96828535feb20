"""Script sources for test_script.py: functions and classes ``matx.script`` compiles.

A real module file, so :mod:`inspect` can read the sources. Importing it compiles
``decorated`` (``@matx.script`` at definition time), so the tests import it only once
``MATX_CACHE_DIR`` points at their cache. Everything here also runs under CPython, whose
results the tests compare with the compiled ones.
"""

import math
import os
from typing import Dict, List, Optional, Tuple

import matx

# Module-level constants a script may use (literals).
SCALE = 3
SEPARATOR: str = "-"
# Not a literal: a script that used it would be rejected; nothing here uses it, so it is
# never copied into a script (nor is `os`).
HOME = os.path.expanduser("~")


def word_lengths(words: List[str]) -> List[int]:
    """A plain function."""
    return [len(w) for w in words]


class Counter:
    """A class with fields and methods (compiled classes expose methods and properties)."""

    counts: Dict[str, int]
    total: int

    def __init__(self, words: List[str]) -> None:
        self.counts = {}
        self.total = 0
        for w in words:
            self.add(w)

    def add(self, word: str) -> int:
        self.counts[word] = self.counts.get(word, 0) + 1
        self.total += 1
        return self.counts[word]

    @property
    def size(self) -> int:
        return len(self.counts)

    def count(self, word: str) -> int:
        return self.counts.get(word, 0)

    def get_total(self) -> int:
        return self.total

    def items(self) -> Dict[str, int]:
        return self.counts

    def most_common(self) -> Optional[str]:
        best: Optional[str] = None
        n = 0
        for w, c in self.counts.items():
            if c > n:
                best = w
                n = c
        return best

    def __call__(self, words: List[str]) -> List[int]:
        return [self.counts.get(w, 0) for w in words]


def scaled(x: int) -> int:
    """A helper of `uses_helpers`, using a constant."""
    return x * SCALE


class Point:
    """A helper class of `uses_helpers`."""

    x: float
    y: float

    def __init__(self, x: float, y: float) -> None:
        self.x = x
        self.y = y

    def norm(self) -> float:
        return math.sqrt(self.x * self.x + self.y * self.y)


def joined(words: List[str]) -> str:
    """A second-level helper (through `uses_helpers` -> `describe`)."""
    return SEPARATOR.join(words)


def describe(p: Point, words: List[str]) -> str:
    return joined(words) + SEPARATOR + str(p.norm())


def uses_helpers(xs: List[int], words: List[str]) -> str:
    """Refers to a helper function, a constant and a class of this module."""
    total = 0
    for x in xs:
        total += scaled(x)
    p = Point(float(total), 4.0)
    return describe(p, words)


def shadows(scaled: int) -> int:
    """A parameter named like a module-level function: the function is not pulled in."""
    return scaled + 1


def concurrent_sample(n: int) -> int:
    """Compiled by several processes at once (test_concurrent_compiles)."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def cached_sample(text: str) -> List[str]:
    """Compiled once, then imported from the cache by a new process (test_cache_hit)."""
    return [w.upper() for w in text.split()]


def uncompiled_sample(x: int) -> int:
    """Never compiled successfully: the process that tries has no cargo."""
    return x - 1


def checked_sqrt(x: float) -> float:
    """Raises at run time (the test finds the line by its marker)."""
    if x < 0:
        raise ValueError("negative: " + str(x))  # RUNTIME-ERROR-HERE
    return math.sqrt(x)


def broken(x: int) -> int:
    """Does not compile: `str + int` (the test finds the line by its marker)."""
    y = x + 1
    return "count: " + y  # COMPILE-ERROR-HERE


@matx.script
def decorated(words: List[str], sep: str) -> str:
    """Compiled when this module is imported; the decorator is not part of the script."""
    return sep.join([w[::-1] for w in words])


class Shape:
    """A base class (inheritance, virtual methods, super())."""

    name: str

    def __init__(self, name: str) -> None:
        self.name = name

    def area(self) -> float:
        return 0.0

    def describe(self) -> str:
        return self.name + ":" + str(round(self.area(), 2))


class Square(Shape):
    side: float

    def __init__(self, side: float) -> None:
        super().__init__("square")
        self.side = side

    def area(self) -> float:
        return self.side * self.side


class ParseError(ValueError):
    pass


def parse_int(s: str) -> int:
    if not s.lstrip("-").isdigit():
        raise ParseError("not a number: " + repr(s))
    return int(s)


def constructs(text: str, n: int) -> Tuple[List[str], Dict[str, int], List[str], List[int], List[str], List[str], str, str]:
    """Strings, containers, a class hierarchy, exceptions and a closure in one program."""
    words = text.split()
    upper = [w.upper() for w in words if w]
    counts: Dict[str, int] = {}
    for w in words:
        counts[w.lower()] = counts.get(w.lower(), 0) + 1
    uniq = sorted(set(words))

    def scale(x: int) -> int:
        return x * n

    scaled = [scale(len(w)) for w in words]
    shapes: List[Shape] = [Shape("dot"), Square(float(n) / 2)]
    described = [s.describe() for s in shapes]
    errors: List[str] = []
    for w in words:
        try:
            parse_int(w)
        except ValueError as e:
            errors.append("ValueError: " + str(e))
    return upper, counts, uniq, scaled, described, errors, "{:>12}|{:05d}".format(text[:10], n), text[::-1][:5]


def generator(n: int) -> List[int]:
    """Not in the dialect: `yield` is rejected at compile time."""
    def gen(k: int):  # noqa: ANN202
        for i in range(k):
            yield i

    return list(gen(n))
