matx::matx_script! {
def f(x: int) -> bool:
    return 1 in x
}

fn main() {}
