matx::matx_script! {
def f(x) -> int:
    return 1
}

fn main() {}
