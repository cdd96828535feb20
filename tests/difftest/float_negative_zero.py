import math


def main() -> float:
    z = -0.0
    print(z, repr(z), str(z), abs(z))
    print(z == 0.0, math.copysign(1.0, z))
    print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0)
    print(round(-0.4), round(-0.4, 1))
    print(f"{z:.2f}", "%.1f" % z)
    print(math.floor(-0.5), math.ceil(-0.5))
    print(-1e-300 * 1e-300)
    return z
