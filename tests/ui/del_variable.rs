matx::matx_script! {
def f() -> int:
    x = 1
    del x
    return 1
}

fn main() {}
