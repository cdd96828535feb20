from typing import List


class Box:
    v: int

    def __init__(self, v: int) -> None:
        self.v = v


def main() -> List[int]:
    b = Box(1)
    boxes: List[Box] = [b, b, Box(2)]
    boxes[0].v = 10
    print([x.v for x in boxes])
    copy = boxes[:]
    copy[2].v = 20
    print([x.v for x in boxes])
    copy[2] = Box(99)
    print([x.v for x in boxes], [x.v for x in copy])
    return [x.v for x in copy]
