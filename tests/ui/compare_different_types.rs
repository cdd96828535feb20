matx::matx_script! {
def f(x: int) -> bool:
    return x == "1"
}

fn main() {}
