from typing import List


def main() -> List[int]:
    print(list(range(5)), list(range(2, 12, 3)), list(range(5, 0, -2)), list(range(0)))
    print(list("héllo"), list((1, 2)), list(b"ab"))
    d = {"a": 1, "b": 2}
    print(list(d), list(d.values()), list(d.items()))
    print(list(x * 2 for x in range(3)))
    print(list(map(lambda v: abs(v), [-1, 2, -3])))
    return list(range(10, 0, -3))
