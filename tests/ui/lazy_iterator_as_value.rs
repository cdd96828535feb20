matx::matx_script! {
from typing import List

def f(xs: List[int]) -> int:
    pairs = enumerate(xs)
    found = 4 in map(abs, xs)
    return len(zip(xs, xs))

def ok(xs: List[int]) -> List[int]:
    total = sum(map(abs, xs)) + len(list(zip(xs, xs)))
    return [i + x for i, x in enumerate(reversed(xs)) if (0, 3) in enumerate(xs)] + [total]
}

fn main() {}
