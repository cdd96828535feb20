from typing import List


class Bag:
    items: List[str]

    def __init__(self, items: List[str]) -> None:
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> str:
        return self.items[i]

    def __contains__(self, x: str) -> bool:
        return x.lower() in [i.lower() for i in self.items]


def main() -> int:
    b = Bag(["Apple", "Pear", "Fig"])
    print(len(b), b[0], b[-1], b[1])
    print("apple" in b, "kiwi" in b, "FIG" not in b)
    if len(b) > 2:
        print("big bag")
    empty = Bag([])
    print(len(empty), bool(len(empty)))
    return len(b)
