from typing import List, Optional


class Cell:
    val: int
    next: Optional["Cell"]

    def __init__(self, val: int, rest: Optional["Cell"]) -> None:
        self.val = val
        self.next = rest


def build(xs: List[int]) -> Optional[Cell]:
    head: Optional[Cell] = None
    for x in reversed(xs):
        head = Cell(x, head)
    return head


def to_list(c: Optional[Cell]) -> List[int]:
    out: List[int] = []
    while c is not None:
        out.append(c.val)
        c = c.next
    return out


def main() -> List[int]:
    head = build([1, 2, 3, 4])
    print(to_list(head))
    rev: Optional[Cell] = None
    cur = head
    while cur is not None:
        nxt = cur.next
        cur.next = rev
        rev = cur
        cur = nxt
    print(to_list(rev), to_list(None))
    return to_list(rev)
