matx::matx_script! {
import math

def f(x: float) -> float:
    return math.foo(x)
}

fn main() {}
