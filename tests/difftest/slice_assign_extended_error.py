from typing import List


def main() -> List[int]:
    xs: List[int] = list(range(10))
    xs[::2] = [0, 0, 0, 0, 0]
    print(xs)
    try:
        xs[::2] = [1]
    except ValueError as e:
        print("ValueError:", e)
    xs[1:9:3] = [-1, -2, -3]
    print(xs)
    xs[-1:-4:-1] = [70, 80, 90]
    print(xs)
    xs[2:2] = [55, 56]
    print(xs)
    return xs
