matx::matx_script! {
def f() -> int:
    return y
}

fn main() {}
