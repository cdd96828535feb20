from typing import Callable, List


def make_adder(n: int) -> Callable[[int], int]:
    def add(x: int) -> int:
        return x + n
    return add


def make_greeter(greeting: str, punct: str) -> Callable[[str], str]:
    def greet(name: str) -> str:
        return f"{greeting}, {name}{punct}"
    return greet


def main() -> List[int]:
    add5 = make_adder(5)
    add10 = make_adder(10)
    print(add5(1), add10(1), add5(add10(0)))
    hi = make_greeter("Hi", "!")
    print(hi("Ada"), make_greeter("Yo", "?")("Bob"))
    adders = [make_adder(i) for i in range(4)]
    return [f(100) for f in adders]
