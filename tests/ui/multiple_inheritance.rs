matx::matx_script! {
class A:
    x: int

class B:
    y: int

class C(A, B):
    z: int
}

fn main() {}
