matx::matx_script! {
def f() -> int:
    break
    return 1
}

fn main() {}
