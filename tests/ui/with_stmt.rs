matx::matx_script! {
def f() -> int:
    with g() as h:
        pass
    return 1
}

fn main() {}
