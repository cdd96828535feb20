matx::matx_script! {
def f() -> int:
    e = 1
    try:
        return int("x")
    except ValueError as e:
        return 2
}

fn main() {}
