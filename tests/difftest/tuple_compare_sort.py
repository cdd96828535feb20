from typing import List, Tuple


def main() -> List[Tuple[str, int]]:
    people: List[Tuple[str, int]] = [("bob", 25), ("alice", 30), ("bob", 20), ("carol", 25)]
    print(sorted(people))
    print(sorted(people, key=lambda p: (p[1], p[0])))
    print(max(people), min(people))
    print((1, "a") < (1, "b"), (2,) > (1, 99), ("a", 1) == ("a", 1))
    return sorted(people, reverse=True)
