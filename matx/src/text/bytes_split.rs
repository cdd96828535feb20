//! `bytes.split`, `rsplit`, `splitlines`, `partition` and `rpartition` with CPython's ASCII whitespace and `maxsplit` rules.

use super::bytes_methods::is_space;
use super::limit;
use super::search::{bytes_find, bytes_rfind};
use crate::error::{err, exc};
use crate::{Bytes, List, Result};

fn empty_separator<T>() -> Result<T> {
    err(&exc::ValueError, "empty separator")
}

/// Byte ranges of CPython's `split_whitespace` on bytes.
fn split_whitespace(b: &[u8], max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (len, mut i, mut left) = (b.len(), 0, max);
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    loop {
        while i < len && is_space(at(i)) {
            i += 1;
        }
        if i == len {
            break;
        }
        if left == 0 {
            out.push((i, len));
            break;
        }
        left -= 1;
        let j = i;
        while i < len && !is_space(at(i)) {
            i += 1;
        }
        out.push((j, i));
    }
    out
}

/// Byte ranges of CPython's `rsplit_whitespace` (right to left).
fn rsplit_whitespace(b: &[u8], max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut i, mut left) = (b.len(), max);
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    loop {
        while i > 0 && is_space(at(i - 1)) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        if left == 0 {
            out.push((0, i));
            break;
        }
        left -= 1;
        let j = i;
        while i > 0 && !is_space(at(i - 1)) {
            i -= 1;
        }
        out.push((i, j));
    }
    out
}

impl Bytes {
    fn pieces(&self, ranges: Vec<(usize, usize)>) -> List<Bytes> {
        let b = self.as_bytes();
        List::from_vec(
            ranges
                .into_iter()
                .map(|(s, e)| self.sub_bytes(b.get(s..e).unwrap_or_default()))
                .collect(),
        )
    }

    /// `b.split(sep=None, maxsplit=-1)`.
    pub fn split(&self, sep: Option<Bytes>, maxsplit: i64) -> Result<List<Bytes>> {
        let b = self.as_bytes();
        let max = limit(maxsplit);
        let ranges = match &sep {
            None => split_whitespace(b, max),
            Some(sep) if sep.is_empty() => return empty_separator(),
            Some(sep) => {
                let sep = sep.as_bytes();
                let mut ranges = Vec::new();
                let mut pos = 0;
                while ranges.len() < max {
                    let Some(i) = bytes_find(b.get(pos..).unwrap_or_default(), sep) else {
                        break;
                    };
                    ranges.push((pos, pos + i));
                    pos += i + sep.len();
                }
                ranges.push((pos, b.len()));
                ranges
            }
        };
        Ok(self.pieces(ranges))
    }
    /// `b.rsplit(sep=None, maxsplit=-1)`.
    pub fn rsplit(&self, sep: Option<Bytes>, maxsplit: i64) -> Result<List<Bytes>> {
        let b = self.as_bytes();
        let max = limit(maxsplit);
        let mut ranges = match &sep {
            None => rsplit_whitespace(b, max),
            Some(sep) if sep.is_empty() => return empty_separator(),
            Some(sep) => {
                let sep = sep.as_bytes();
                let mut ranges = Vec::new();
                let mut end = b.len();
                while ranges.len() < max {
                    let Some(i) = bytes_rfind(b.get(..end).unwrap_or_default(), sep) else {
                        break;
                    };
                    ranges.push((i + sep.len(), end));
                    end = i;
                }
                ranges.push((0, end));
                ranges
            }
        };
        ranges.reverse();
        Ok(self.pieces(ranges))
    }
    /// `b.splitlines(keepends=False)`: at `\n`, `\r` and `\r\n` only.
    pub fn splitlines(&self, keepends: bool) -> Result<List<Bytes>> {
        let b = self.as_bytes();
        let mut ranges = Vec::new();
        let (len, mut i) = (b.len(), 0);
        while i < len {
            let j = i;
            while i < len && !matches!(b.get(i), Some(b'\n' | b'\r')) {
                i += 1;
            }
            let mut eol = i;
            if i < len {
                if b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n') {
                    i += 2;
                } else {
                    i += 1;
                }
                if keepends {
                    eol = i;
                }
            }
            ranges.push((j, eol));
        }
        Ok(self.pieces(ranges))
    }
    /// `b.partition(sep)`.
    pub fn partition(&self, sep: Bytes) -> Result<(Bytes, Bytes, Bytes)> {
        let b = self.as_bytes();
        if sep.is_empty() {
            return empty_separator();
        }
        Ok(match bytes_find(b, sep.as_bytes()) {
            Some(i) => {
                let after = b.get(i + sep.len()..).unwrap_or_default();
                (
                    Bytes::new(b.get(..i).unwrap_or_default()),
                    sep,
                    Bytes::new(after),
                )
            }
            None => (self.clone(), Bytes::new(b""), Bytes::new(b"")),
        })
    }
    /// `b.rpartition(sep)`.
    pub fn rpartition(&self, sep: Bytes) -> Result<(Bytes, Bytes, Bytes)> {
        let b = self.as_bytes();
        if sep.is_empty() {
            return empty_separator();
        }
        Ok(match bytes_rfind(b, sep.as_bytes()) {
            Some(i) => {
                let after = b.get(i + sep.len()..).unwrap_or_default();
                (
                    Bytes::new(b.get(..i).unwrap_or_default()),
                    sep,
                    Bytes::new(after),
                )
            }
            None => (Bytes::new(b""), Bytes::new(b""), self.clone()),
        })
    }
}
