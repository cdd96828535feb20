#[matx::op]
pub fn count(s: &matx::Str) -> i64 {
    s.as_str().len() as i64
}

fn main() {}
