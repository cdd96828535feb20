#[matx::op]
pub struct Counter(i64);

fn main() {}
