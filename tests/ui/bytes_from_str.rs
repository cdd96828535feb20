matx::matx_script! {
def f() -> bytes:
    return bytes("abc")
}

fn main() {}
