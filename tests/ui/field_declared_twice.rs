matx::matx_script! {
class A:
    x: int
    x: int
}

fn main() {}
