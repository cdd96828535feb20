matx::matx_script! {
from typing import Tuple

def f(x: Tuple[int, ...]) -> int:
    return 1
}

fn main() {}
