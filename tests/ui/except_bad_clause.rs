matx::matx_script! {
def f() -> int:
    try:
        return 1
    except ValueError or KeyError:
        return 2
}

fn main() {}
