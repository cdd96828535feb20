matx::matx_script! {
def f(s: str) -> str:
    return -s
}

fn main() {}
