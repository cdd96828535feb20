matx::matx_script! {
from typing import Tuple

def f(t: Tuple[int, str], i: int) -> int:
    u = t[i:]
    return 1
}

fn main() {}
