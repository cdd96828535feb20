pub struct Counter(i64);

#[matx::op]
impl Default for Counter {
    fn default() -> Self {
        Counter(0)
    }
}

fn main() {}
