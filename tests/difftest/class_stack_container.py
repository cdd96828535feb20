from typing import List


class Stack:
    items: List[int]

    def __init__(self) -> None:
        self.items = []

    def push(self, x: int) -> None:
        self.items.append(x)

    def pop(self) -> int:
        if not self.items:
            raise IndexError("pop from empty Stack")
        return self.items.pop()

    def __len__(self) -> int:
        return len(self.items)


def main() -> int:
    s = Stack()
    for i in range(3):
        s.push(i * 10)
    print(len(s), s.pop(), s.pop(), len(s))
    s.pop()
    return s.pop()
