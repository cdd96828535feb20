matx::matx_script! {
def f(x: int) -> bool:
    return x is 1
}

fn main() {}
