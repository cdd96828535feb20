matx::matx_script! {
class A:
    x: int

def f(a: A) -> int:
    return a[0]
}

fn main() {}
