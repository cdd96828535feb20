pub struct Stopwords(Vec<String>);

#[matx::op]
impl Stopwords {
    pub fn new(vocab_file: matx::Str) -> Self {
        Stopwords(vec![vocab_file.as_str().to_string()])
    }
}

fn main() {}
