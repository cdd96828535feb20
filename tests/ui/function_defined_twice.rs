matx::matx_script! {
def f() -> int:
    return 1

def f() -> int:
    return 2
}

fn main() {}
