//! `str.split`, `rsplit`, `splitlines`, `partition` and `rpartition` with CPython's whitespace, line-break and `maxsplit` rules.

use super::limit;
use super::search::{str_find, str_rfind, StrMatches, StrRMatches};
use super::unicode::{is_linebreak, is_space};
use crate::error::{err, exc};
use crate::{List, Result, Str};

/// `ValueError: empty separator`.
fn empty_separator<T>() -> Result<T> {
    err(&exc::ValueError, "empty separator")
}

/// The character starting at byte `i` of `s` and its length (ASCII fast path).
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => (char::from(b), 1),
        _ => {
            let c = s.get(i..).and_then(|r| r.chars().next()).unwrap_or('\0');
            (c, c.len_utf8())
        }
    }
}

/// The character ending at byte `i` of `s` and its length (ASCII fast path).
#[inline]
fn char_before(s: &str, i: usize) -> (char, usize) {
    match s.as_bytes().get(i.wrapping_sub(1)) {
        Some(&b) if b < 0x80 => (char::from(b), 1),
        _ => {
            let c = s
                .get(..i)
                .and_then(|r| r.chars().next_back())
                .unwrap_or('\0');
            (c, c.len_utf8())
        }
    }
}

/// CPython's `split_whitespace`: runs of whitespace separate, ends are
/// dropped; after `max` splits the rest (leading whitespace skipped) is one piece.
fn split_whitespace(s: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let (len, mut i, mut left) = (s.len(), 0, max);
    loop {
        while i < len {
            let (c, n) = char_at(s, i);
            if !is_space(c) {
                break;
            }
            i += n;
        }
        if i >= len {
            break;
        }
        if left == 0 {
            out.push(s.get(i..).unwrap_or_default());
            break;
        }
        left -= 1;
        let j = i;
        while i < len {
            let (c, n) = char_at(s, i);
            if is_space(c) {
                break;
            }
            i += n;
        }
        out.push(s.get(j..i).unwrap_or_default());
    }
    out
}

/// CPython's `rsplit_whitespace` (pieces in right-to-left order).
fn rsplit_whitespace(s: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut i, mut left) = (s.len(), max);
    loop {
        while i > 0 {
            let (c, n) = char_before(s, i);
            if !is_space(c) {
                break;
            }
            i -= n;
        }
        if i == 0 {
            break;
        }
        if left == 0 {
            out.push(s.get(..i).unwrap_or_default());
            break;
        }
        left -= 1;
        let j = i;
        while i > 0 {
            let (c, n) = char_before(s, i);
            if is_space(c) {
                break;
            }
            i -= n;
        }
        out.push(s.get(i..j).unwrap_or_default());
    }
    out
}

fn to_list(s: &Str, parts: Vec<&str>) -> List<Str> {
    List::from_vec(parts.into_iter().map(|p| s.sub_str(p)).collect())
}

impl Str {
    /// `s.split(sep=None, maxsplit=-1)`.
    pub fn split(&self, sep: Option<Str>, maxsplit: i64) -> Result<List<Str>> {
        let s = self.as_str();
        let max = limit(maxsplit);
        let parts = match &sep {
            None => split_whitespace(s, max),
            Some(sep) if sep.as_str().is_empty() => return empty_separator(),
            Some(sep) => {
                let sep = sep.as_str();
                let mut parts = Vec::new();
                let mut last = 0;
                for i in StrMatches::new(s, sep).take(max) {
                    parts.push(s.get(last..i).unwrap_or_default());
                    last = i + sep.len();
                }
                parts.push(s.get(last..).unwrap_or_default());
                parts
            }
        };
        Ok(to_list(self, parts))
    }
    /// `s.rsplit(sep=None, maxsplit=-1)`: splits from the right.
    pub fn rsplit(&self, sep: Option<Str>, maxsplit: i64) -> Result<List<Str>> {
        let s = self.as_str();
        let max = limit(maxsplit);
        let mut parts = match &sep {
            None => rsplit_whitespace(s, max),
            Some(sep) if sep.as_str().is_empty() => return empty_separator(),
            Some(sep) => {
                let sep = sep.as_str();
                let mut parts = Vec::new();
                let mut last = s.len();
                for i in StrRMatches::new(s, sep).take(max) {
                    parts.push(s.get(i + sep.len()..last).unwrap_or_default());
                    last = i;
                }
                parts.push(s.get(..last).unwrap_or_default());
                parts
            }
        };
        parts.reverse();
        Ok(to_list(self, parts))
    }
    /// `s.splitlines(keepends=False)`: splits at `\n`, `\r`, `\r\n`, `\v`,
    /// `\f`, `\x1c`–`\x1e`, `\x85`, U+2028 and U+2029.
    pub fn splitlines(&self, keepends: bool) -> Result<List<Str>> {
        let s = self.as_str();
        let mut parts = Vec::new();
        let mut it = s.char_indices().peekable();
        let mut start = 0;
        while let Some((i, c)) = it.next() {
            if !is_linebreak(c) {
                continue;
            }
            let mut next = i + c.len_utf8();
            if c == '\r' && it.next_if(|&(_, d)| d == '\n').is_some() {
                next += 1;
            }
            let eol = if keepends { next } else { i };
            parts.push(s.get(start..eol).unwrap_or_default());
            start = next;
        }
        if start < s.len() {
            parts.push(s.get(start..).unwrap_or_default());
        }
        Ok(to_list(self, parts))
    }
    /// `s.partition(sep)`: `(before, sep, after)` at the first `sep`, or `(s, '', '')`.
    pub fn partition(&self, sep: Str) -> Result<(Str, Str, Str)> {
        let s = self.as_str();
        if sep.as_str().is_empty() {
            return empty_separator();
        }
        Ok(match str_find(s, sep.as_str()) {
            Some(i) => {
                let after = s.get(i + sep.as_str().len()..).unwrap_or_default();
                (
                    Str::new(s.get(..i).unwrap_or_default()),
                    sep,
                    Str::new(after),
                )
            }
            None => (self.clone(), Str::new(""), Str::new("")),
        })
    }
    /// `s.rpartition(sep)`: at the last `sep`, or `('', '', s)`.
    pub fn rpartition(&self, sep: Str) -> Result<(Str, Str, Str)> {
        let s = self.as_str();
        if sep.as_str().is_empty() {
            return empty_separator();
        }
        Ok(match str_rfind(s, sep.as_str()) {
            Some(i) => {
                let after = s.get(i + sep.as_str().len()..).unwrap_or_default();
                (
                    Str::new(s.get(..i).unwrap_or_default()),
                    sep,
                    Str::new(after),
                )
            }
            None => (Str::new(""), Str::new(""), self.clone()),
        })
    }
}
