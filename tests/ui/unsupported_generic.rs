matx::matx_script! {
from typing import List

def f(x: Frozen[int]) -> int:
    return 1
}

fn main() {}
