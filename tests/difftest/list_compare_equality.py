from typing import List


def main() -> bool:
    a: List[int] = [1, 2, 3]
    b: List[int] = [1, 2, 3]
    c: List[int] = [1, 2, 4]
    print(a == b, a is b, a != c, a < c, c > a, [1, 2] < [1, 2, 0], [] < [0])
    print([[1, 2], [3]] == [[1, 2], [3]], ["a"] < ["b"], [2] > [1, 99])
    print(max([[1, 5], [2, 0], [1, 9]]), sorted([[3], [1, 2], [1]]))
    print([1.0, 2.0] == [1, 2])
    return a == b
