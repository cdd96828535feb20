import math


def main() -> float:
    print(math.sqrt(2.0), math.pi, math.e, math.tau)
    print(math.sin(0.5), math.cos(0.5), math.tan(0.5))
    print(math.asin(0.5), math.acos(0.5), math.atan(1.0), math.atan2(1.0, -1.0))
    print(math.exp(2.0), math.log(10.0), math.log(8.0, 2.0), math.log10(1000.0), math.log2(1024.0))
    print(math.sinh(1.0), math.cosh(1.0), math.tanh(0.5))
    print(math.hypot(3.0, 4.0), math.degrees(math.pi), math.radians(180.0))
    print(math.fabs(-2.5), math.fmod(-7.5, 2.0), math.copysign(3.0, -0.0))
    print(math.pow(2.0, 10.0), math.expm1(1e-10), math.log1p(1e-10))
    return math.sqrt(10.0)
