import math
from typing import List


def main() -> List[float]:
    vals: List[float] = [2.5, 3.5, -2.5, -3.5, 2.4999, 0.5, 1.5, -0.5]
    for v in vals:
        print(v, round(v), math.floor(v), math.ceil(v), math.trunc(v), round(v, 1))
    out = [round(v * 1.1, 2) for v in vals]
    print(out)
    return out
