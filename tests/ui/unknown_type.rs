matx::matx_script! {
def f(x: Foo) -> int:
    return 1
}

fn main() {}
