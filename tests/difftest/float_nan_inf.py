import math


def main() -> None:
    inf = float("inf")
    nan = float("nan")
    print(inf, -inf, nan)
    print(repr(inf), str(-inf), repr(nan))
    print(inf > 1e308, -inf < -1e308)
    print(nan == nan, nan != nan, nan < 1.0, nan > 1.0)
    print(math.isnan(nan), math.isinf(inf), math.isfinite(1.0), math.isfinite(inf))
    print(inf + 1, inf - inf, inf * 0)
    print(float("-inf"), float("Infinity"), float("  nan "))
    print(math.inf, -math.inf, math.nan)
    print(max(1.0, inf), min(1.0, -inf))
