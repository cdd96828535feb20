from typing import List, Tuple


def hanoi(n: int, src: str, dst: str, via: str, moves: List[Tuple[str, str]]) -> None:
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((src, dst))
    hanoi(n - 1, via, dst, src, moves)


def main() -> int:
    moves: List[Tuple[str, str]] = []
    hanoi(3, "A", "C", "B", moves)
    print(moves)
    big: List[Tuple[str, str]] = []
    hanoi(10, "A", "C", "B", big)
    print(len(big), big[0], big[-1])
    return len(moves)
