#[matx::op]
pub fn count(s: String) -> i64 {
    s.len() as i64
}

fn main() {}
