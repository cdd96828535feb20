import math


def main() -> float:
    print(math.sqrt(16.0), math.sqrt(2))
    try:
        math.sqrt(-1.0)
    except ValueError as e:
        print("ValueError:", e)
    try:
        math.log(0.0)
    except ValueError as e:
        print("ValueError:", e)
    print(math.exp(1.0))
    return math.sqrt(-4.0)
