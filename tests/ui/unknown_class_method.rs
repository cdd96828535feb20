matx::matx_script! {
class A:
    x: int

def f(a: A) -> int:
    return a.m()
}

fn main() {}
