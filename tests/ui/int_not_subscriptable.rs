matx::matx_script! {
def f(x: int) -> int:
    return x[0]
}

fn main() {}
