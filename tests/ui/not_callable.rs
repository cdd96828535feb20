matx::matx_script! {
def f(x: int) -> int:
    return x(1)
}

fn main() {}
