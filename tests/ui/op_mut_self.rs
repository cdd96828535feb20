pub struct Counter(i64);

#[matx::op]
impl Counter {
    pub fn new() -> Self {
        Counter(0)
    }
    pub fn bump(&mut self) -> i64 {
        self.0 += 1;
        self.0
    }
}

fn main() {}
