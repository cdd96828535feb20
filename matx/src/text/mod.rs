//! `str` and `bytes` methods with CPython 3.11's results on all of Unicode (tables generated from CPython by `tools/gen_unicode_tables.py`).
//!
//! Every method of `class str` / `class bytes` in `matx-macros/src/builtins.pyi`
//! is an inherent method of [`Str`](crate::Str) / [`Bytes`](crate::Bytes)
//! defined in the files of this module:
//!
//! | file | methods |
//! | --- | --- |
//! | `str_methods.rs` | search (`find`, `count`, `startswith`, …), `replace`, padding, `strip`, `join`, `translate`, the `is*` predicates |
//! | `str_case.rs` | `lower`, `upper`, `casefold`, `title`, `capitalize`, `swapcase`, `islower`, `isupper`, `istitle` |
//! | `str_split.rs` | `split`, `rsplit`, `splitlines`, `partition`, `rpartition` |
//! | `bytes_methods.rs`, `bytes_split.rs` | the `bytes` methods (ASCII semantics) |
//! | `codecs.rs` | `str.encode`, `bytes.decode`, `bytes.hex` |
//! | `unicode.rs` + `unicode_tables.rs` | per-character properties and full case mappings |

mod bytes_methods;
mod bytes_split;
mod codecs;
mod search;
mod str_case;
mod str_methods;
mod str_split;
pub(crate) mod unicode;
#[rustfmt::skip]
mod unicode_tables;

pub use search::{bytes_find, bytes_rfind};
pub use unicode::unicode_version;

use crate::error::{exc, Error};
use crate::Result;

/// Python's `str.isprintable()` for one character (what `repr()` escapes).
pub fn is_printable(c: char) -> bool {
    unicode::has(c, unicode::PRINTABLE)
}

/// Python's `str.isspace()` for one character (the separators of `split()`).
pub fn is_space(c: char) -> bool {
    unicode::is_space(c)
}

/// CPython's `ADJUST_INDICES`: `start`/`end` of a search clamped to `0..=len`
/// (negative values count from the end). `start` may exceed `end`.
pub(crate) fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = i64::try_from(len).unwrap_or(i64::MAX);
    let mut e = end.unwrap_or(i64::MAX);
    if e > len_i {
        e = len_i;
    } else if e < 0 {
        e = (e + len_i).max(0);
    }
    let mut s = start.unwrap_or(0);
    if s < 0 {
        s = (s + len_i).max(0);
    }
    // Both are now non-negative; `s` may be larger than `len`.
    (
        usize::try_from(s).unwrap_or(usize::MAX),
        usize::try_from(e).unwrap_or(0),
    )
}

/// `maxsplit`/`count` arguments: negative means "no limit".
pub(crate) fn limit(n: i64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// `MemoryError()`, raised where CPython cannot allocate the result.
pub(crate) fn memory_error() -> Error {
    Error::bare(&exc::MemoryError)
}

/// The length of `n` copies of `len` bytes (`n > 0`), or `OverflowError` with `msg` when it
/// passes what a Python object can hold.
pub(crate) fn repeat_len(len: usize, n: i64, msg: &str) -> Result<usize> {
    usize::try_from(n)
        .ok()
        .and_then(|n| n.checked_mul(len))
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(|| Error::new(&exc::OverflowError, msg))
}

/// An empty `String` able to hold `cap` bytes, or `MemoryError`.
pub(crate) fn string_with_capacity(cap: usize) -> Result<String> {
    let mut s = String::new();
    s.try_reserve_exact(cap).map_err(|_| memory_error())?;
    Ok(s)
}

/// An empty `Vec<u8>` able to hold `cap` bytes, or `MemoryError`.
pub(crate) fn vec_with_capacity(cap: usize) -> Result<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(cap).map_err(|_| memory_error())?;
    Ok(v)
}

/// Code-point positions in a UTF-8 string, with an ASCII fast path.
#[derive(Clone, Copy)]
pub(crate) struct CharIndex<'a> {
    s: &'a str,
    ascii: bool,
}

impl<'a> CharIndex<'a> {
    pub(crate) fn new(s: &'a str) -> Self {
        CharIndex {
            s,
            ascii: s.is_ascii(),
        }
    }
    /// `len(s)` in code points.
    pub(crate) fn len(&self) -> usize {
        if self.ascii {
            self.s.len()
        } else {
            self.s.chars().count()
        }
    }
    /// The byte offset of code point `i` (`len` bytes when `i` is past the end).
    pub(crate) fn byte_of(&self, i: usize) -> usize {
        byte_of_from(self.s, self.ascii, 0, i)
    }
}

/// The byte offset of the code point `n` positions after byte offset `from`.
pub(crate) fn byte_of_from(s: &str, ascii: bool, from: usize, n: usize) -> usize {
    if ascii {
        return from.saturating_add(n).min(s.len());
    }
    match s.get(from..) {
        Some(rest) => match rest.char_indices().nth(n) {
            Some((i, _)) => from + i,
            None => s.len(),
        },
        None => s.len(),
    }
}

/// The number of code points in valid UTF-8 bytes (non-continuation bytes).
#[inline]
pub(crate) fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x as i8) >= -0x40).count()
}

/// The value of a Unicode decimal digit (category Nd), as `int()` reads it: Nd characters
/// come in runs of ten, `0` to `9`, so the value is the position in the run.
pub fn decimal_value(c: char) -> Option<u32> {
    if !unicode::has(c, unicode::DECIMAL) {
        return None;
    }
    let mut cp = c as u32;
    let mut n = 0;
    while cp > 0 {
        match char::from_u32(cp - 1) {
            Some(p) if unicode::has(p, unicode::DECIMAL) => {
                cp -= 1;
                n += 1;
            }
            _ => break,
        }
    }
    Some(n % 10)
}
