from typing import List


def main() -> List[str]:
    vals: List[float] = [1 / 3 * 3, 2 ** 0.5, 1e-320, 123e-20, 0.1 * 0.1, 100.0 / 3.0, 1e23, 9.999999999999999e22, 4.35, 0.30000000000000004, 2.0 ** 63, -1.5e-5, 12345678901234567890.0, 1.0e-4, 0.001]
    out = [repr(v) for v in vals]
    for v, r in zip(vals, out):
        print(r, str(v), f"{v}", v == float(r))
    return out
