matx::matx_script! {
def f() -> int:
    try:
        return int("x")
    except ValueError as e:
        raise KeyError("k") from e
}

fn main() {}
