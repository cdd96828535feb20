from typing import Tuple
LIMIT = 3
NAME: str = "x"
PAIR = (1, "a")

class K:
    def f(self, n: int = LIMIT) -> int:
        return n * 2

def g(n: int = LIMIT, s: str = NAME, p: Tuple[int, str] = PAIR) -> str:
    return str(n) + s + str(p)

def main() -> None:
    print(g(), g(1), K().f())
