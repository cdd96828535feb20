//! The benchmark inputs, drawn from the LCG exactly as `benches/bench_inputs.py` draws them,
//! so every system (compiled, hand-written Rust, CPython, MATXScript) sees the same data.

use crate::Lcg;
use std::collections::HashMap;

/// Seed of the edit-distance strings.
pub const STRING_SEED: u64 = 42;
/// Seed of the Text2Ids vocabulary and input words.
pub const WORDS_SEED: u64 = 7;
/// Seed of the word pool, sentences, kernel words and the WordPiece vocabulary.
pub const TEXT_SEED: u64 = 11;
/// Seed of the floats and id sequences.
pub const NUM_SEED: u64 = 13;
/// Length in code points of each edit-distance string.
pub const STRING_LEN: usize = 100;
/// Number of vocabulary words.
pub const VOCAB_SIZE: usize = 30_000;
/// Number of input words mapped by Text2Ids.
pub const INPUT_WORDS: usize = 1_000_000;
/// `fib(FIB_N)` is benchmarked.
pub const FIB_N: u64 = 30;
/// Words of the pool the sentences and kernel words are drawn from.
pub const POOL_SIZE: usize = 2_000;
/// Sentences (normalize; joined by newlines for basic_tokenize).
pub const SENTENCES: usize = 2_000;
/// Words of char_ngrams, wordpiece and sort_key.
pub const KERNEL_WORDS: usize = 20_000;
/// Id sequences of pad_truncate.
pub const SEQS: usize = 2_000;
/// pad_truncate's length.
pub const MAX_LEN: i64 = 128;
/// Floats of histogram and moving_average.
pub const FLOATS: usize = 200_000;
/// histogram's bins over [0, 10).
pub const BINS: i64 = 50;
/// moving_average's window.
pub const WINDOW: i64 = 16;
/// JSON-like records of json_walk.
pub const RECORDS: usize = 1_000;

/// Characters of the edit-distance strings: ASCII plus some non-ASCII code points.
pub const ALPHABET: &str =
    "abcdefghijklmnopqrstuvwxyz0123456789 \u{e9}\u{fc}\u{df}\u{e7}\u{f1}\u{4e2d}\u{6587}\u{3b1}";
const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
const ACCENTED: [char; 6] = ['\u{e9}', '\u{fc}', '\u{df}', '\u{e7}', '\u{f1}', '\u{3b1}'];
const PUNCT: [&str; 6] = [",", ".", ";", ":", "!", "?"];

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

fn letter(rng: &mut Lcg) -> char {
    char::from(LETTERS.as_bytes()[rng.below(26) as usize])
}

/// `POOL_SIZE` words of 2–10 letters, one letter in 20 accented, one word in 5 capitalised.
fn word_pool(rng: &mut Lcg) -> Vec<String> {
    (0..POOL_SIZE)
        .map(|_| {
            let len = 2 + rng.below(9);
            let mut cs: Vec<char> = (0..len)
                .map(|_| {
                    if rng.below(20) == 0 {
                        ACCENTED[rng.below(ACCENTED.len() as u64) as usize]
                    } else {
                        letter(rng)
                    }
                })
                .collect();
            if rng.below(5) == 0 && cs[0].is_ascii_lowercase() {
                cs[0] = cs[0].to_ascii_uppercase();
            }
            cs.into_iter().collect()
        })
        .collect()
}

fn sentence(rng: &mut Lcg, pool: &[String]) -> String {
    let mut s = String::new();
    if rng.below(4) == 0 {
        s.push_str("  ");
    }
    let n = 5 + rng.below(20);
    for k in 0..n {
        s.push_str(&pool[rng.below(POOL_SIZE as u64) as usize]);
        if rng.below(8) == 0 {
            s.push_str(PUNCT[rng.below(PUNCT.len() as u64) as usize]);
        }
        if k + 1 < n {
            s.push_str(match rng.below(10) {
                0 => "\t",
                1 => "  ",
                _ => " ",
            });
        }
    }
    if rng.below(4) == 0 {
        s.push_str(" \t");
    }
    s
}

/// The text inputs of `TEXT_SEED`.
pub struct TextInputs {
    pub pool: Vec<String>,
    pub sentences: Vec<String>,
    /// Lowercased pool words (char_ngrams, wordpiece, sort_key).
    pub words: Vec<String>,
    /// The WordPiece vocabulary, in insertion order (`[UNK]` is 0).
    pub vocab: Vec<(String, i64)>,
}

/// (pool, sentences, kernel words, WordPiece vocabulary), as `text_inputs()` in Python.
pub fn text_inputs() -> TextInputs {
    let mut rng = Lcg::new(TEXT_SEED);
    let pool = word_pool(&mut rng);
    let sentences: Vec<String> = (0..SENTENCES).map(|_| sentence(&mut rng, &pool)).collect();
    let words: Vec<String> = (0..KERNEL_WORDS)
        .map(|_| pool[rng.below(POOL_SIZE as u64) as usize].to_lowercase())
        .collect();
    let mut vocab: Vec<(String, i64)> = Vec::new();
    let mut seen: HashMap<String, i64> = HashMap::new();
    let mut add = |p: String| {
        if !seen.contains_key(&p) {
            let id = vocab.len() as i64;
            seen.insert(p.clone(), id);
            vocab.push((p, id));
        }
    };
    add("[UNK]".into());
    for c in LETTERS.chars().chain(ACCENTED[..4].iter().copied()) {
        add(c.to_string());
        add(format!("##{c}"));
    }
    for (i, w) in pool.iter().enumerate() {
        let w = w.to_lowercase();
        if i % 2 == 0 {
            add(w);
        } else {
            let cs: Vec<char> = w.chars().collect();
            let h = cs.len() / 2;
            add(cs[..h].iter().collect());
            add(format!("##{}", cs[h..].iter().collect::<String>()));
        }
    }
    TextInputs {
        pool,
        sentences,
        words,
        vocab,
    }
}

impl Lcg {
    /// A float in [0, 1): the draw over 2**31 (exact in both languages).
    pub fn unit(&mut self) -> f64 {
        self.next_u31() as f64 / 2_147_483_648.0
    }
}

/// (floats, id sequences) of `NUM_SEED`: `FLOATS` floats in [-0.5, 10.5), `SEQS` sequences
/// of 0–199 ids.
pub fn num_inputs() -> (Vec<f64>, Vec<Vec<i64>>) {
    let mut rng = Lcg::new(NUM_SEED);
    let xs = (0..FLOATS).map(|_| rng.unit() * 11.0 - 0.5).collect();
    let seqs = (0..SEQS)
        .map(|_| {
            let n = rng.below(200);
            (0..n).map(|_| rng.below(30_000) as i64).collect()
        })
        .collect();
    (xs, seqs)
}

/// A JSON-like value (the hand-written side of `json_walk`).
#[derive(Clone, Debug)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<Json>),
    Dict(Vec<(String, Json)>),
}

/// `RECORDS` JSON-like documents, as `records()` in Python.
pub fn records(t: &TextInputs) -> Vec<Json> {
    let mut rng = Lcg::new(TEXT_SEED + 1);
    let s = |x: &str| x.to_string();
    (0..RECORDS)
        .map(|i| {
            let text = t.sentences[rng.below(SENTENCES as u64) as usize].clone();
            let ntags = rng.below(5);
            let tags = (0..ntags)
                .map(|_| Json::Str(t.pool[rng.below(POOL_SIZE as u64) as usize].clone()))
                .collect();
            let score = rng.unit();
            let lang = if rng.below(3) != 0 { "en" } else { "de" };
            let flag = rng.below(2) == 1;
            let parent = if rng.below(2) != 0 {
                Json::Null
            } else {
                Json::Int(rng.below(RECORDS as u64) as i64)
            };
            Json::Dict(vec![
                (s("id"), Json::Int(i as i64)),
                (s("text"), Json::Str(text)),
                (s("tags"), Json::List(tags)),
                (
                    s("meta"),
                    Json::Dict(vec![
                        (s("score"), Json::Float(score)),
                        (s("lang"), Json::Str(s(lang))),
                        (
                            s("flags"),
                            Json::List(vec![Json::Bool(flag), Json::Bool(false)]),
                        ),
                    ]),
                ),
                (s("parent"), parent),
            ])
        })
        .collect()
}
