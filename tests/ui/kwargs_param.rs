matx::matx_script! {
def f(**kw: int) -> int:
    return 1
}

fn main() {}
