from typing import Callable, List


def make_adder(i: int) -> Callable[[int], int]:
    return lambda x: x + i


def main() -> List[int]:
    fs: List[Callable[[int], int]] = []
    for i in range(4):
        fs.append(make_adder(i))
    print([f(10) for f in fs])
    # Late binding (`lambda: j` in a loop) is rejected at compile time: see tests/ui/closure_late_binding.rs.
    return [f(0) for f in fs]
