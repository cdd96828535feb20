matx::matx_script! {
class C(C):
    x: int
}

fn main() {}
