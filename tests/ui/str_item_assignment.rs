matx::matx_script! {
def f(s: str) -> str:
    s[0] = "a"
    return s
}

fn main() {}
