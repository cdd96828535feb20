from typing import Callable, List


def make_adder(i: int) -> Callable[[int], int]:
    return lambda x: x + i


def main() -> List[int]:
    fs: List[Callable[[int], int]] = []
    for i in range(4):
        fs.append(make_adder(i))
    print([f(10) for f in fs])
    late: List[Callable[[], int]] = []
    for j in range(3):
        late.append(lambda: j)
    print([g() for g in late])
    return [f(0) for f in fs]
