import math


def main() -> bool:
    print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(0.0))
    print(math.copysign(0.0, -1.0), math.fabs(-math.inf))
    print(math.floor(1e18) > 0, math.sqrt(math.inf), math.exp(-1000.0), math.atan(math.inf))
    print(math.inf > 1e308, -math.inf < -1e308, math.inf == math.inf)
    print(math.hypot(1e200, 1e200))
    try:
        math.floor(math.inf)
    except OverflowError as e:
        print("OverflowError:", e)
    try:
        math.floor(math.nan)
    except ValueError as e:
        print("ValueError:", e)
    return math.isnan(math.inf - math.inf)
