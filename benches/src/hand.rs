//! The hand-written Rust baselines: each kernel of `scripts/bench.py` as a Rust programmer
//! would write it (std collections, `&str`, no Python semantics to keep beyond the result).

use crate::inputs::Json;
use std::cmp::Reverse;
use std::collections::HashMap;

/// Naive recursive Fibonacci.
pub fn fib(n: u64) -> u64 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

/// Levenshtein distance over code points, two DP rows.
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

/// `Text2Ids`: a `HashMap` vocabulary, unknown words map to `unk`.
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

/// Lowercase, strip, tabs to spaces, whitespace runs to one space.
pub fn normalize(texts: &[String]) -> Vec<String> {
    texts
        .iter()
        .map(|t| {
            let s = t.to_lowercase().trim().replace('\t', " ");
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// Splits on blanks and keeps each punctuation mark as a token.
pub fn basic_tokenize(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == ' ' || c == '\t' || c == '\n' {
            if start < i {
                tokens.push(text[start..i].to_string());
            }
            start = i + 1;
        } else if ",.;:!?".contains(c) {
            if start < i {
                tokens.push(text[start..i].to_string());
            }
            tokens.push(c.to_string());
            start = i + 1;
        }
    }
    if start < text.len() {
        tokens.push(text[start..].to_string());
    }
    tokens
}

/// Counts of the character `n`-grams of `<word>`.
pub fn char_ngrams(words: &[String], n: usize) -> HashMap<String, i64> {
    let mut counts: HashMap<String, i64> = HashMap::new();
    let mut offsets = Vec::new();
    for w in words {
        let s = format!("<{w}>");
        offsets.clear();
        offsets.extend(s.char_indices().map(|(b, _)| b));
        offsets.push(s.len());
        for i in 0..(offsets.len() - 1).saturating_sub(n - 1) {
            let g = &s[offsets[i]..offsets[i + n]];
            match counts.get_mut(g) {
                Some(c) => *c += 1,
                None => {
                    counts.insert(g.to_string(), 1);
                }
            }
        }
    }
    counts
}

/// Rows cut to `max_len` and padded with `pad`, and their masks.
pub fn pad_truncate(
    batch: &[Vec<i64>],
    max_len: usize,
    pad: i64,
) -> (Vec<Vec<i64>>, Vec<Vec<i64>>) {
    let mut ids = Vec::with_capacity(batch.len());
    let mut masks = Vec::with_capacity(batch.len());
    for seq in batch {
        let n = seq.len().min(max_len);
        let mut row = Vec::with_capacity(max_len);
        row.extend_from_slice(&seq[..n]);
        row.resize(max_len, pad);
        ids.push(row);
        let mut mask = vec![1; n];
        mask.resize(max_len, 0);
        masks.push(mask);
    }
    (ids, masks)
}

/// Greedy longest-match-first WordPiece; a word with an untokenizable part is `unk`.
pub fn wordpiece(words: &[String], vocab: &HashMap<String, i64>, unk: i64) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut pieces = Vec::new();
    let mut buf = String::new();
    let mut offsets = Vec::new();
    for word in words {
        offsets.clear();
        offsets.extend(word.char_indices().map(|(b, _)| b));
        offsets.push(word.len());
        let n = offsets.len() - 1;
        pieces.clear();
        let mut start = 0;
        let mut bad = false;
        while start < n {
            let mut end = n;
            let mut cur = None;
            while start < end {
                let sub = &word[offsets[start]..offsets[end]];
                let v = if start > 0 {
                    buf.clear();
                    buf.push_str("##");
                    buf.push_str(sub);
                    vocab.get(buf.as_str())
                } else {
                    vocab.get(sub)
                };
                if let Some(&v) = v {
                    cur = Some(v);
                    break;
                }
                end -= 1;
            }
            match cur {
                Some(v) => pieces.push(v),
                None => {
                    bad = true;
                    break;
                }
            }
            start = end;
        }
        if bad {
            ids.push(unk);
        } else {
            ids.extend_from_slice(&pieces);
        }
    }
    ids
}

/// The walk of `json_walk` over a [`Json`] value.
pub fn json_walk(v: &Json) -> i64 {
    match v {
        Json::Null => 1,
        Json::Bool(b) => {
            if *b {
                2
            } else {
                3
            }
        }
        Json::Int(i) => i.rem_euclid(1000),
        Json::Float(f) => (f * 100.0) as i64,
        Json::Str(s) => s.chars().count() as i64,
        Json::List(xs) => xs.iter().map(json_walk).sum(),
        Json::Dict(kv) => kv
            .iter()
            .map(|(k, x)| k.chars().count() as i64 + json_walk(x))
            .sum(),
    }
}

/// Longest first, then by code point.
pub fn sort_key(words: &[String]) -> Vec<String> {
    let mut v = words.to_vec();
    v.sort_by_cached_key(|w| (Reverse(w.chars().count()), w.clone()));
    v
}

/// Counts of `xs` in `bins` equal bins over `[lo, hi)`.
pub fn histogram(xs: &[f64], lo: f64, hi: f64, bins: usize) -> Vec<i64> {
    let mut counts = vec![0; bins];
    let width = (hi - lo) / bins as f64;
    for &x in xs {
        if x < lo || x >= hi {
            continue;
        }
        let b = (((x - lo) / width) as usize).min(bins - 1);
        counts[b] += 1;
    }
    counts
}

/// Means of each window of `k` consecutive values (a running sum).
pub fn moving_average(xs: &[f64], k: usize) -> Vec<f64> {
    let mut out = Vec::with_capacity(xs.len().saturating_sub(k - 1));
    let mut s = 0.0;
    for i in 0..xs.len() {
        s += xs[i];
        if i >= k {
            s -= xs[i - k];
        }
        if i + 1 >= k {
            out.push(s / k as f64);
        }
    }
    out
}
