matx::matx_script! {
def f() -> int:
    try:
        return 1
    except int:
        return 2
}

fn main() {}
