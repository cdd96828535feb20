from typing import List


def main() -> List[int]:
    xs: List[int] = [1, 2, 3]
    for x in xs:
        if x < 20:
            xs.append(x * 3)
    print(xs)
    ys: List[int] = [5, 6, 7, 8]
    seen: List[int] = []
    for y in ys:
        seen.append(y)
        if y == 6:
            ys.remove(y)
    print(seen, ys)
    return xs
