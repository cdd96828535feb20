from my_ops import shout, whisper


def f(x: str) -> str:
    return whisper(shout(x))
