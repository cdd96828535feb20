matx::matx_script! {
def f() -> int:
    return 99999999999999999999
}

fn main() {}
