matx::matx_script! {
def f(x: int) -> str:
    return x.upper()
}

fn main() {}
