import math
import math as m
from math import floor, pi, gcd as g


def main() -> None:
    # int arguments stay exact where CPython keeps them ints (beyond 2**53).
    big = 2**53 + 1
    print(math.floor(big), math.ceil(big), math.trunc(big))
    print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), floor(7))
    print(math.floor(True), math.sqrt(2), math.sqrt(True), m.pi == pi)
    print(g(12, 18, 8), math.gcd(), math.lcm(2, 3, 4), math.gcd(0, -6))
    print(math.fsum([1, 2, 3]), math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([0.5, 4.0]))
    print(math.prod([2, 3], start=5), math.prod([]))
    print(math.frexp(8.0), math.frexp(-0.1), math.frexp(0.0), math.frexp(5e-324))
    print(math.modf(3.75), math.modf(-2.0), math.modf(-0.5))
    print(math.ldexp(0.75, 4), math.ldexp(1.0, -1074), math.ldexp(1.0, -1075))
    print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(a=1.0, b=1.1, rel_tol=0.2))
    print(math.log(8, 2), math.log(100), math.hypot(3, 4), math.copysign(1, -0.0))
    try:
        math.ldexp(1.0, 2000)
    except OverflowError as e:
        print("OverflowError", e)
    try:
        math.sqrt(-1)
    except ValueError as e:
        print("ValueError", e)
