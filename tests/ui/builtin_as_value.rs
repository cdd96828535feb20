matx::matx_script! {
def f() -> int:
    g = len
    return 1
}

fn main() {}
