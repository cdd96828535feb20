//! Substring search: in byte strings, memchr-driven candidate checks with a linear-time (KMP) fallback, forward and backward; in `str`, std's searchers with a memchr path for one-character needles.

use std::str::{MatchIndices, RMatchIndices};

/// The one character of `sub`, if it has exactly one (searched with memchr).
#[inline]
fn single_char(sub: &str) -> Option<char> {
    let mut it = sub.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Byte offset of the first `sub` in `s`.
#[inline]
pub(crate) fn str_find(s: &str, sub: &str) -> Option<usize> {
    match single_char(sub) {
        Some(c) => s.find(c),
        None => s.find(sub),
    }
}

/// Byte offset of the last `sub` in `s`.
#[inline]
pub(crate) fn str_rfind(s: &str, sub: &str) -> Option<usize> {
    match single_char(sub) {
        Some(c) => s.rfind(c),
        None => s.rfind(sub),
    }
}

/// Byte offsets of the non-overlapping matches of non-empty `sub`, left to right.
pub(crate) enum StrMatches<'a> {
    Char(MatchIndices<'a, char>),
    Str(MatchIndices<'a, &'a str>),
}

impl<'a> StrMatches<'a> {
    pub(crate) fn new(s: &'a str, sub: &'a str) -> Self {
        match single_char(sub) {
            Some(c) => StrMatches::Char(s.match_indices(c)),
            None => StrMatches::Str(s.match_indices(sub)),
        }
    }
}

impl Iterator for StrMatches<'_> {
    type Item = usize;
    #[inline]
    fn next(&mut self) -> Option<usize> {
        match self {
            StrMatches::Char(m) => m.next().map(|x| x.0),
            StrMatches::Str(m) => m.next().map(|x| x.0),
        }
    }
}

/// Byte offsets of the non-overlapping matches of non-empty `sub`, right to left.
pub(crate) enum StrRMatches<'a> {
    Char(RMatchIndices<'a, char>),
    Str(RMatchIndices<'a, &'a str>),
}

impl<'a> StrRMatches<'a> {
    pub(crate) fn new(s: &'a str, sub: &'a str) -> Self {
        match single_char(sub) {
            Some(c) => StrRMatches::Char(s.rmatch_indices(c)),
            None => StrRMatches::Str(s.rmatch_indices(sub)),
        }
    }
}

impl Iterator for StrRMatches<'_> {
    type Item = usize;
    #[inline]
    fn next(&mut self) -> Option<usize> {
        match self {
            StrRMatches::Char(m) => m.next().map(|x| x.0),
            StrRMatches::Str(m) => m.next().map(|x| x.0),
        }
    }
}

/// Index of the first `b` in `h`.
#[inline]
pub(crate) fn memchr(b: u8, h: &[u8]) -> Option<usize> {
    // `<[u8]>::contains` is std's word-at-a-time memchr; use it to skip
    // whole chunks, then locate the byte inside the chunk that has it.
    let mut base = 0;
    for chunk in h.chunks(64) {
        if chunk.contains(&b) {
            return chunk.iter().position(|&x| x == b).map(|i| base + i);
        }
        base += chunk.len();
    }
    None
}

/// Index of the last `b` in `h`.
#[inline]
pub(crate) fn memrchr(b: u8, h: &[u8]) -> Option<usize> {
    let mut end = h.len();
    for chunk in h.rchunks(64) {
        end -= chunk.len();
        if chunk.contains(&b) {
            return chunk.iter().rposition(|&x| x == b).map(|i| end + i);
        }
    }
    None
}

/// KMP failure function of `n`.
fn failure(n: &[u8]) -> Vec<usize> {
    let mut fail = vec![0usize; n.len()];
    let mut k = 0;
    for i in 1..n.len() {
        while k > 0 && n.get(i) != n.get(k) {
            k = fail.get(k - 1).copied().unwrap_or(0);
        }
        if n.get(i) == n.get(k) {
            k += 1;
        }
        if let Some(f) = fail.get_mut(i) {
            *f = k;
        }
    }
    fail
}

/// First match of `n` (non-empty) in the sequence `h`, in linear time;
/// returns the index (in `h`'s order) of the match's first element.
fn kmp<'a>(h: impl Iterator<Item = &'a u8>, n: &[u8]) -> Option<usize> {
    let fail = failure(n);
    let m = n.len();
    let mut q = 0;
    for (i, c) in h.enumerate() {
        while q > 0 && Some(c) != n.get(q) {
            q = fail.get(q - 1).copied().unwrap_or(0);
        }
        if Some(c) == n.get(q) {
            q += 1;
        }
        if q == m {
            return Some(i + 1 - m);
        }
    }
    None
}

/// Index of the first occurrence of `n` in `h` (`Some(0)` for an empty `n`).
pub fn bytes_find(h: &[u8], n: &[u8]) -> Option<usize> {
    let m = n.len();
    let (&first, rest) = match n.split_first() {
        Some(x) => x,
        None => return Some(0),
    };
    if m > h.len() {
        return None;
    }
    if m == 1 {
        return memchr(first, h);
    }
    let last_start = h.len() - m;
    // Candidate checks cost at most `budget` compared bytes before the
    // linear-time algorithm takes over, so no input makes this quadratic.
    let mut budget = 2 * h.len() + 64;
    let mut pos = 0;
    while pos <= last_start {
        let window = h.get(pos..=last_start).unwrap_or_default();
        let i = pos + memchr(first, window)?;
        let cand = h.get(i + 1..i + m).unwrap_or_default();
        let same = cand.iter().zip(rest).take_while(|(a, b)| a == b).count();
        if same == rest.len() {
            return Some(i);
        }
        budget = budget.saturating_sub(same + 1);
        if budget == 0 {
            let tail = h.get(i + 1..).unwrap_or_default();
            return kmp(tail.iter(), n).map(|j| i + 1 + j);
        }
        pos = i + 1;
    }
    None
}

/// Index of the last occurrence of `n` in `h` (`Some(h.len())` for an empty `n`).
pub fn bytes_rfind(h: &[u8], n: &[u8]) -> Option<usize> {
    let m = n.len();
    let (&last, rest) = match n.split_last() {
        Some(x) => x,
        None => return Some(h.len()),
    };
    if m > h.len() {
        return None;
    }
    if m == 1 {
        return memrchr(last, h);
    }
    let mut budget = 2 * h.len() + 64;
    // Candidates are positions `e` of the needle's last byte, `e >= m - 1`.
    let mut end = h.len();
    while end >= m {
        let window = h.get(m - 1..end).unwrap_or_default();
        let e = m - 1 + memrchr(last, window)?;
        let start = e + 1 - m;
        let cand = h.get(start..e).unwrap_or_default();
        let same = cand
            .iter()
            .rev()
            .zip(rest.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        if same == rest.len() {
            return Some(start);
        }
        budget = budget.saturating_sub(same + 1);
        if budget == 0 {
            let head = h.get(..e).unwrap_or_default();
            let rev: Vec<u8> = n.iter().rev().copied().collect();
            return kmp(head.iter().rev(), &rev).map(|j| e - j - m);
        }
        end = e;
    }
    None
}

/// Non-overlapping occurrences of non-empty `n` in `h`, left to right.
pub(crate) fn bytes_count(h: &[u8], n: &[u8], max: usize) -> usize {
    let mut count = 0;
    let mut pos = 0;
    while count < max {
        match bytes_find(h.get(pos..).unwrap_or_default(), n) {
            Some(i) => {
                count += 1;
                pos += i + n.len();
            }
            None => break,
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(h: &[u8], n: &[u8]) -> Option<usize> {
        (0..=h.len().checked_sub(n.len())?).find(|&i| &h[i..i + n.len()] == n)
    }
    fn naive_r(h: &[u8], n: &[u8]) -> Option<usize> {
        (0..=h.len().checked_sub(n.len())?)
            .rev()
            .find(|&i| &h[i..i + n.len()] == n)
    }

    #[test]
    fn matches_naive_search() {
        let hays: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"abcabcabd".to_vec(),
            vec![b'a'; 300],
            [vec![b'a'; 200], b"b".to_vec(), vec![b'a'; 200]].concat(),
            (0..1000u32).map(|i| (i * 7 % 5) as u8 + b'a').collect(),
        ];
        let needles: Vec<Vec<u8>> = vec![
            b"a".to_vec(),
            b"ab".to_vec(),
            b"abd".to_vec(),
            vec![b'a'; 50],
            [vec![b'a'; 30], b"b".to_vec()].concat(),
            [b"b".to_vec(), vec![b'a'; 30]].concat(),
            b"cabe".to_vec(),
            b"zz".to_vec(),
        ];
        for h in &hays {
            for n in &needles {
                assert_eq!(bytes_find(h, n), naive(h, n), "{h:?} {n:?}");
                assert_eq!(bytes_rfind(h, n), naive_r(h, n), "{h:?} {n:?}");
            }
        }
    }
}
