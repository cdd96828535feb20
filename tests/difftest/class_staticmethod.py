from typing import List


class MathUtil:
    @staticmethod
    def clamp(x: int, lo: int, hi: int) -> int:
        return max(lo, min(hi, x))

    @staticmethod
    def mean(xs: List[float]) -> float:
        return sum(xs) / len(xs)


def main() -> List[int]:
    print(MathUtil.clamp(15, 0, 10), MathUtil.clamp(-5, 0, 10), MathUtil.clamp(5, 0, 10))
    print(MathUtil.mean([1.0, 2.0, 4.0]))
    return [MathUtil.clamp(i * 7, 3, 20) for i in range(5)]
