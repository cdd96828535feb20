matx::matx_script! {
def f(x: int) -> int:
    x.y = 1
    return x
}

fn main() {}
