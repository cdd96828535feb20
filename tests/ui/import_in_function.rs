matx::matx_script! {
def f() -> float:
    import math
    return math.pi
}

fn main() {}
