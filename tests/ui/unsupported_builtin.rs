matx::matx_script! {
def f() -> str:
    return open("x").read()
}

fn main() {}
