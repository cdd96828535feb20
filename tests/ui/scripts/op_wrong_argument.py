from my_ops import shout


def f(x: int) -> str:
    return shout(x)
