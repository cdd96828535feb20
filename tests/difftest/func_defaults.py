from typing import List


def greet(name: str, greeting: str = "Hello", punct: str = "!") -> str:
    return greeting + ", " + name + punct


def scale(xs: List[int], factor: int = 2, offset: int = 0) -> List[int]:
    return [x * factor + offset for x in xs]


def main() -> str:
    print(greet("Ada"))
    print(greet("Ada", "Hi"))
    print(greet("Ada", "Hey", "?"))
    print(scale([1, 2, 3]), scale([1, 2, 3], 3), scale([1, 2, 3], 3, 1))
    return greet("Grace", punct=".")
