matx::matx_script! {
def f(x: int) -> bool:
    return isinstance(x, 1)
}

fn main() {}
