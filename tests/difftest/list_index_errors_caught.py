from typing import List


def main() -> int:
    xs: List[int] = [10, 20, 30]
    errors = 0
    for i in [0, 2, 3, -3, -4, 100]:
        try:
            print(i, xs[i])
        except IndexError as e:
            errors += 1
            print(i, "IndexError:", e)
    try:
        xs.index(99)
    except ValueError as e:
        print("ValueError:", e)
    try:
        xs.remove(42)
    except ValueError as e:
        print("ValueError:", e)
    empty: List[int] = []
    try:
        empty.pop()
    except IndexError as e:
        print("IndexError:", e)
    try:
        xs[5] = 1
    except IndexError as e:
        print("IndexError:", e)
    return errors
