matx::matx_script! {
def f(x: int) -> int:
    return len(x)
}

fn main() {}
