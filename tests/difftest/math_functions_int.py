import math
from typing import List


def main() -> List[int]:
    print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.trunc(2.7))
    print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.lcm(4, 6))
    print(math.factorial(0), math.factorial(10), math.factorial(20))
    print(math.isqrt(99), math.isqrt(100), math.comb(10, 3), math.perm(5, 2))
    print(math.floor(7), math.ceil(7), math.sqrt(16))
    print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.1))
    return [math.floor(x / 3) for x in [-4, -3, 0, 5]]
