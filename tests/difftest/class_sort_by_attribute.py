from typing import List


class Player:
    name: str
    score: int

    def __init__(self, name: str, score: int) -> None:
        self.name = name
        self.score = score

    def __repr__(self) -> str:
        return f"{self.name}:{self.score}"


def main() -> List[Player]:
    ps: List[Player] = [Player("ann", 30), Player("bob", 50), Player("cy", 30), Player("dee", 10)]
    by_score = sorted(ps, key=lambda p: (-p.score, p.name))
    print(by_score)
    print(max(ps, key=lambda p: p.score), min(ps, key=lambda p: len(p.name)))
    ps.sort(key=lambda p: p.name, reverse=True)
    print(ps)
    return by_score
