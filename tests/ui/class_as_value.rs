matx::matx_script! {
class A:
    x: int

def f() -> int:
    c = A
    return 1
}

fn main() {}
