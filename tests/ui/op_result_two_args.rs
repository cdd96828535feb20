#[matx::op]
pub fn one() -> Result<i64, String> {
    Ok(1)
}

fn main() {}
