from typing import Dict, List


class Node:
    value: int
    children: List["Node"]

    def __init__(self, value: int) -> None:
        self.value = value
        self.children = []


def total(n: Node) -> int:
    return n.value + sum(total(c) for c in n.children)


def main() -> int:
    root = Node(1)
    a = Node(2)
    b = Node(3)
    root.children.append(a)
    root.children.append(b)
    alias = a
    alias.value = 20
    a.children.append(Node(4))
    print(root.children[0].value, total(root))
    index: Dict[str, Node] = {"a": a}
    index["a"].value += 1
    print(a.value, total(root))
    return total(root)
