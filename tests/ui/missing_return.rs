matx::matx_script! {
def f(x: int) -> int:
    if x > 0:
        return 1
}

fn main() {}
