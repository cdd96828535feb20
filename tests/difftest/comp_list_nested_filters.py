from typing import List, Tuple


def main() -> List[Tuple[int, int]]:
    evens = [x for x in range(20) if x % 2 == 0 if x % 3 != 0]
    print(evens)
    pairs = [(a, b) for a in range(1, 5) for b in range(a, 5) if (a + b) % 3 == 0]
    print(pairs)
    matrix = [[r * c for c in range(1, 4)] for r in range(1, 4)]
    print(matrix)
    flat = [v for row in matrix for v in row if v > 2]
    print(flat)
    words = ["Hi", "there", "MATX", "x"]
    print([w.lower() for w in words if len(w) > 1])
    print([c for w in words for c in w if c.isupper()])
    print([x if x > 0 else -x for x in [-2, 3, -4]])
    return pairs
