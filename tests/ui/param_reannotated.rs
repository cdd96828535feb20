matx::matx_script! {
def f(x: int) -> int:
    x: str = "a"
    return 1
}

fn main() {}
