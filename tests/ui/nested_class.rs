matx::matx_script! {
def f() -> int:
    class A:
        x: int
    return 1
}

fn main() {}
