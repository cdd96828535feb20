matx::matx_script! {
class A(B):
    x: int

class B(A):
    y: int
}

fn main() {}
