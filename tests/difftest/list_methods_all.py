from typing import List


def main() -> List[int]:
    xs: List[int] = [5, 3, 8, 3, 1]
    xs.append(3)
    xs.extend([7, 7])
    xs.extend(range(2))
    print(xs, xs.count(3), xs.count(42))
    print(xs.index(3), xs.index(3, 2), xs.index(7, 0, 8))
    xs.insert(1, 99)
    print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
    xs.remove(3)
    print(xs)
    ys = xs.copy()
    xs.reverse()
    print(xs, ys)
    xs.sort()
    print(xs)
    xs.sort(reverse=True)
    print(xs)
    xs.clear()
    print(xs, len(xs), ys)
    return ys
