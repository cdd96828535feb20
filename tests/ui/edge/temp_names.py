from typing import List


def main() -> int:
    __t1 = 20
    __item1 = 30
    __flow1 = 1
    __res1 = 2
    xs: List[int] = [1, 2, 3]
    total = 0
    for _ in xs:
        total += __t1 + __item1
    a, b = (__flow1, __res1)
    return total + a + b
