#[matx::op(title = "x")]
pub fn one() -> i64 {
    1
}

fn main() {}
