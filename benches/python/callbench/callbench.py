"""The call-overhead benchmark of issue 3: one tiny function, compiled by matx or run by CPython."""


def f(x: int) -> int:
    return x + 1
