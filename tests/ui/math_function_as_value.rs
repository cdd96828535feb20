matx::matx_script! {
import math

def f() -> float:
    g = math.sqrt
    return 1.0
}

fn main() {}
