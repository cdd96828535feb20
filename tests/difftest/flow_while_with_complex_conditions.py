from typing import List


def main() -> List[int]:
    xs: List[int] = [5, 3, 8, 1, 9, 2]
    i = 0
    out: List[int] = []
    while i < len(xs) and xs[i] != 9 and not (len(out) > 3):
        if xs[i] % 2 == 1 or xs[i] > 7:
            out.append(xs[i])
        i += 1
    print(i, out)
    a, b = 0, 1
    fibs: List[int] = []
    while b < 1000 and len(fibs) < 50:
        fibs.append(b)
        a, b = b, a + b
    print(fibs)
    return out
