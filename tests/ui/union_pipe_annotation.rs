matx::matx_script! {
def f(x: int | str) -> int:
    return 1
}

fn main() {}
