matx::matx_script! {
def f(x: int) -> int
    return x
}

fn main() {}
