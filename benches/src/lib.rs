//! Shared pieces of the matx benchmarks: the deterministic input generator (an LCG that
//! `benches/cpython_bench.py` implements identically) and the hand-written Rust baselines.

use std::collections::HashMap;

/// Seed of the edit-distance strings.
pub const STRING_SEED: u64 = 42;
/// Seed of the Text2Ids vocabulary and input words.
pub const WORDS_SEED: u64 = 7;
/// Length in code points of each edit-distance string.
pub const STRING_LEN: usize = 100;
/// Number of vocabulary words.
pub const VOCAB_SIZE: usize = 30_000;
/// Number of input words mapped by Text2Ids.
pub const INPUT_WORDS: usize = 1_000_000;
/// `fib(FIB_N)` is benchmarked.
pub const FIB_N: u64 = 30;

/// Characters of the edit-distance strings: ASCII plus some non-ASCII code points.
pub const ALPHABET: &str =
    "abcdefghijklmnopqrstuvwxyz0123456789 \u{e9}\u{fc}\u{df}\u{e7}\u{f1}\u{4e2d}\u{6587}\u{3b1}";

/// A 64-bit linear congruential generator (Knuth's MMIX constants); each draw is the
/// top 31 bits of the state. `cpython_bench.py` has the same generator.
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

/// The two edit-distance inputs: `a` is random over [`ALPHABET`], `b` is `a` with about 30% of
/// its positions replaced by random characters.
pub fn edit_strings() -> (String, String) {
    let alphabet: Vec<char> = ALPHABET.chars().collect();
    let n = alphabet.len() as u64;
    let mut rng = Lcg::new(STRING_SEED);
    let a: Vec<char> = (0..STRING_LEN)
        .map(|_| alphabet[rng.below(n) as usize])
        .collect();
    let b: Vec<char> = a
        .iter()
        .map(|&c| {
            if rng.below(10) < 3 {
                alphabet[rng.below(n) as usize]
            } else {
                c
            }
        })
        .collect();
    (a.into_iter().collect(), b.into_iter().collect())
}

/// The Text2Ids inputs: a vocabulary of unique words (3–8 lowercase letters then the word's
/// index) and the input words: ~90% drawn from the vocabulary, ~10% unknown (`zz` + digits,
/// which no vocabulary word matches).
pub fn text2ids_words() -> (Vec<String>, Vec<String>) {
    let mut rng = Lcg::new(WORDS_SEED);
    let vocab: Vec<String> = (0..VOCAB_SIZE)
        .map(|i| {
            let len = 3 + rng.below(6);
            let mut w: String = (0..len)
                .map(|_| (b'a' + rng.below(26) as u8) as char)
                .collect();
            w.push_str(&i.to_string());
            w
        })
        .collect();
    let input = (0..INPUT_WORDS)
        .map(|_| {
            if rng.below(10) == 0 {
                format!("zz{}", rng.below(1_000_000))
            } else {
                vocab[rng.below(VOCAB_SIZE as u64) as usize].clone()
            }
        })
        .collect();
    (vocab, input)
}

/// Hand-written baseline: naive recursive Fibonacci.
pub fn fib(n: u64) -> u64 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

/// Hand-written baseline: Levenshtein distance over code points, two DP rows.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Hand-written baseline of `Text2Ids`: a `HashMap` vocabulary, unknown words map to `unk`.
pub struct Text2Ids {
    vocab: HashMap<String, i64>,
    unk: i64,
}

impl Text2Ids {
    pub fn new(words: &[String]) -> Self {
        let vocab = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), i as i64))
            .collect();
        Text2Ids {
            vocab,
            unk: words.len() as i64,
        }
    }
    pub fn call(&self, words: &[String]) -> Vec<i64> {
        words
            .iter()
            .map(|w| self.vocab.get(w).copied().unwrap_or(self.unk))
            .collect()
    }
}

/// The line both `compiler.rs` and `cpython_bench.py` print, to check they compute the same.
pub fn check_line(fib: i64, edit_distance: i64, ids: &[i64], unk: i64) -> String {
    let sum: i64 = ids.iter().sum();
    let unknown = ids.iter().filter(|&&x| x == unk).count();
    format!(
        "CHECK fib={fib} edit_distance={edit_distance} ids_len={} ids_sum={sum} unknown={unknown}",
        ids.len()
    )
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
    }

    #[test]
    fn lcg_is_the_python_one() {
        // First draws of `Lcg(1)` in cpython_bench.py.
        let mut r = Lcg::new(1);
        let v: Vec<u64> = (0..3).map(|_| r.next_u31()).collect();
        assert_eq!(v, [908_834_774, 1_093_944_153, 1_392_341_196]);
        assert_eq!(edit_strings().0.chars().count(), STRING_LEN);
    }
}
