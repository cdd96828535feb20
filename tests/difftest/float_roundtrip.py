from typing import List


def main() -> List[float]:
    vals: List[float] = [0.1, 0.3, 1 / 7, 2.0 ** 0.5, 1e-10, 3.141592653589793, 1e100, 5e-324, 9007199254740993.0]
    out: List[float] = []
    for v in vals:
        s = repr(v)
        back = float(s)
        print(s, back == v)
        out.append(back)
    print(float("1.50"), float("-2e3"), float(" 7 "), float("1_000.5"))
    return out
