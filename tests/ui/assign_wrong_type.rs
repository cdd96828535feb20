matx::matx_script! {
def f() -> int:
    x: int = "a"
    return x
}

fn main() {}
