matx::matx_script! {
def f() -> int:
    a, b = (1, 2, 3)
    return a
}

fn main() {}
