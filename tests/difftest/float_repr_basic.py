from typing import List


def main() -> float:
    vals: List[float] = [0.1 + 0.2, 1e16, 1e-5, -0.0, 0.0, 1.0, 100.0, 1e22, 1.5e-7, 123456789.0, 1e15, 0.0001, 2.5e-324, 1.7976931348623157e308]
    for v in vals:
        print(repr(v), str(v))
    print(vals[0] == 0.3)
    print(1 / 3, 2 / 3, 10 / 4)
    return 0.1 + 0.2
