//! Shared pieces of the matx benchmarks: the deterministic input generator (an LCG that
//! `benches/bench_inputs.py` implements identically), the hand-written Rust baselines, and
//! the result checksums every system prints so `run.sh` can check they agree.

pub mod checksum;
pub mod hand;
pub mod inputs;

pub use checksum::Checksum;
pub use hand::*;
pub use inputs::*;

/// A 64-bit linear congruential generator (Knuth's MMIX constants); each draw is the
/// top 31 bits of the state. `bench_inputs.py` has the same generator.
pub struct Lcg(u64);

impl Lcg {
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }
    /// The next 31-bit draw.
    pub fn next_u31(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    /// A draw in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u31() % n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baselines() {
        assert_eq!(fib(20), 6765);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("\u{e9}a", "a"), 1);
        let t = Text2Ids::new(&["a".into(), "b".into()]);
        assert_eq!(t.call(&["a".into(), "x".into(), "b".into()]), vec![0, 2, 1]);
        assert_eq!(
            basic_tokenize("Hi, you\tthere."),
            ["Hi", ",", "you", "there", "."]
        );
        assert_eq!(normalize(&[" A\tb  C ".into()]), ["a b c"]);
        let vocab = [("un", 1), ("##aff", 2), ("##able", 3)]
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        assert_eq!(
            wordpiece(&["unaffable".into(), "x".into()], &vocab, 0),
            [1, 2, 3, 0]
        );
        assert_eq!(moving_average(&[1.0, 2.0, 3.0], 2), [1.5, 2.5]);
    }

    #[test]
    fn lcg_is_the_python_one() {
        // First draws of `Lcg(1)` in bench_inputs.py.
        let mut r = Lcg::new(1);
        let v: Vec<u64> = (0..3).map(|_| r.next_u31()).collect();
        assert_eq!(v, [908_834_774, 1_093_944_153, 1_392_341_196]);
        assert_eq!(edit_strings().0.chars().count(), STRING_LEN);
    }
}
