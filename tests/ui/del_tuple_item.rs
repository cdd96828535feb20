matx::matx_script! {
from typing import Tuple

def f(t: Tuple[int, int]) -> int:
    del t[0]
    return 1
}

fn main() {}
