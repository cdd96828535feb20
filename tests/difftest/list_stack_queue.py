from typing import List


def main() -> List[int]:
    stack: List[int] = []
    for i in range(5):
        stack.append(i * i)
    popped: List[int] = []
    while stack:
        popped.append(stack.pop())
    print(popped)
    queue: List[str] = ["a", "b", "c"]
    order: List[str] = []
    while len(queue) > 0:
        head = queue.pop(0)
        order.append(head)
        if head == "a":
            queue.append("d")
    print(order)
    return popped
