matx::matx_script! {
class A:
    x: int
    print("hi")
}

fn main() {}
