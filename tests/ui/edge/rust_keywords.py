def match(x: int) -> int:
    return x + 1


def type(x: int) -> int:
    return x * 2


def fn(loop: int, impl: int) -> int:
    mod = loop + impl
    return mod


def self(x: int) -> int:
    return x - 1


def main() -> int:
    r = 0
    for _ in range(3):
        r += 1
    return match(1) + type(2) + fn(3, 4) + self(10) + r
