matx::matx_script! {
def f() -> int:
    x: int = 1
    x: str = "a"
    return 1
}

fn main() {}
