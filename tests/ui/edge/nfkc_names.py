def ﬁx(x: int) -> int:
    return x + 1


def main() -> int:
    return fix(1)
