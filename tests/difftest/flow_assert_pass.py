from typing import List


def checked_mean(xs: List[float]) -> float:
    assert len(xs) > 0, "need at least one value"
    m = sum(xs) / len(xs)
    assert m == m
    return m


def main() -> float:
    print(checked_mean([1.0, 2.0, 6.0]))
    try:
        checked_mean([])
    except AssertionError as e:
        print("AssertionError:", e)
    try:
        assert 1 > 2
    except AssertionError as e:
        print("bare assert message:", repr(str(e)))
    return checked_mean([0.5])
