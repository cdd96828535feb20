//! `bytes` methods with CPython's ASCII semantics: search, `replace`, padding, stripping, `join`, case mapping and predicates.

use super::search::{bytes_count, bytes_find, bytes_rfind};
use super::{adjust_indices, limit, memory_error, vec_with_capacity};
use crate::error::{err, exc, Error};
use crate::{Bytes, List, Result};

/// CPython's `Py_ISSPACE` (whitespace of `bytes.split()`/`strip()`).
#[inline]
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// `h[start:end]` after `ADJUST_INDICES` with its offset, or `None` when
/// shorter than `need` (CPython's early exit).
fn window(h: &[u8], start: Option<i64>, end: Option<i64>, need: usize) -> Option<(usize, &[u8])> {
    let (st, en) = adjust_indices(start, end, h.len());
    if en < st || en - st < need {
        return None;
    }
    Some((st, h.get(st..en).unwrap_or_default()))
}

/// The byte of `fillchar`, or CPython's `TypeError` naming the method.
fn fill_byte(method: &str, fillchar: &Bytes) -> Result<u8> {
    match fillchar.as_bytes() {
        [b] => Ok(*b),
        _ => err(
            &exc::TypeError,
            format!("{method}() argument 2 must be a byte string of length 1, not bytes"),
        ),
    }
}

fn pad(b: &[u8], left: usize, right: usize, fill: u8) -> Result<Bytes> {
    let cap = left
        .checked_add(right)
        .and_then(|n| n.checked_add(b.len()))
        .ok_or_else(memory_error)?;
    let mut out = vec_with_capacity(cap)?;
    out.resize(left, fill);
    out.extend_from_slice(b);
    out.resize(cap, fill);
    Ok(Bytes::from(out))
}

/// How many bytes of padding reach `width`, if any.
fn margin(width: i64, len: usize) -> Option<usize> {
    usize::try_from(width)
        .ok()
        .and_then(|w| w.checked_sub(len))
        .filter(|&m| m > 0)
}

fn all_bytes(b: &[u8], f: impl Fn(u8) -> bool) -> bool {
    !b.is_empty() && b.iter().all(|&x| f(x))
}

fn strip_range(b: &[u8], chars: &Option<Bytes>, left: bool, right: bool) -> (usize, usize) {
    let in_set = |x: u8| match chars {
        None => is_space(x),
        Some(set) => set.as_bytes().contains(&x),
    };
    let mut lo = 0;
    let mut hi = b.len();
    if left {
        lo = b.iter().position(|&x| !in_set(x)).unwrap_or(b.len());
    }
    if right {
        hi = b
            .iter()
            .rposition(|&x| !in_set(x))
            .map_or(lo, |i| i + 1)
            .max(lo);
    }
    (lo, hi)
}

impl Bytes {
    /// A part of `self`, sharing `self` when it is the whole.
    pub(crate) fn sub_bytes(&self, part: &[u8]) -> Bytes {
        if part.len() == self.as_bytes().len() {
            self.clone()
        } else {
            Bytes::new(part)
        }
    }

    /// `b.count(sub[, start[, end]])`.
    pub fn count(&self, sub: Bytes, start: Option<i64>, end: Option<i64>) -> Result<i64> {
        let n = sub.as_bytes();
        Ok(match window(self.as_bytes(), start, end, n.len()) {
            Some((_, w)) if n.is_empty() => w.len() as i64 + 1,
            Some((_, w)) => bytes_count(w, n, usize::MAX) as i64,
            None => 0,
        })
    }
    /// `b.find(sub[, start[, end]])`.
    pub fn find(&self, sub: Bytes, start: Option<i64>, end: Option<i64>) -> Result<i64> {
        let n = sub.as_bytes();
        Ok(match window(self.as_bytes(), start, end, n.len()) {
            Some((off, w)) => bytes_find(w, n).map_or(-1, |i| (off + i) as i64),
            None => -1,
        })
    }
    /// `b.rfind(sub[, start[, end]])`.
    pub fn rfind(&self, sub: Bytes, start: Option<i64>, end: Option<i64>) -> Result<i64> {
        let n = sub.as_bytes();
        Ok(match window(self.as_bytes(), start, end, n.len()) {
            Some((off, w)) => bytes_rfind(w, n).map_or(-1, |i| (off + i) as i64),
            None => -1,
        })
    }
    /// `b.index(sub[, start[, end]])`.
    pub fn index(&self, sub: Bytes, start: Option<i64>, end: Option<i64>) -> Result<i64> {
        match self.find(sub, start, end)? {
            -1 => err(&exc::ValueError, "subsection not found"),
            i => Ok(i),
        }
    }
    /// `b.rindex(sub[, start[, end]])`.
    pub fn rindex(&self, sub: Bytes, start: Option<i64>, end: Option<i64>) -> Result<i64> {
        match self.rfind(sub, start, end)? {
            -1 => err(&exc::ValueError, "subsection not found"),
            i => Ok(i),
        }
    }
    /// `b.startswith(prefix[, start[, end]])`.
    pub fn startswith(&self, prefix: Bytes, start: Option<i64>, end: Option<i64>) -> Result<bool> {
        let p = prefix.as_bytes();
        Ok(window(self.as_bytes(), start, end, p.len()).is_some_and(|(_, w)| w.starts_with(p)))
    }
    /// `b.endswith(suffix[, start[, end]])`.
    pub fn endswith(&self, suffix: Bytes, start: Option<i64>, end: Option<i64>) -> Result<bool> {
        let p = suffix.as_bytes();
        Ok(window(self.as_bytes(), start, end, p.len()).is_some_and(|(_, w)| w.ends_with(p)))
    }

    /// `b.replace(old, new[, count])`.
    pub fn replace(&self, old: Bytes, new: Bytes, count: i64) -> Result<Bytes> {
        let (h, old, new) = (self.as_bytes(), old.as_bytes(), new.as_bytes());
        let max = limit(count);
        let n = if old.is_empty() {
            (h.len() + 1).min(max)
        } else {
            bytes_count(h, old, max)
        };
        if n == 0 {
            return Ok(self.clone());
        }
        let cap = new
            .len()
            .checked_mul(n)
            .and_then(|x| x.checked_add(h.len()))
            .ok_or_else(memory_error)?;
        let mut out = vec_with_capacity(cap)?;
        if old.is_empty() {
            for (i, &b) in h.iter().enumerate() {
                if i == n {
                    break;
                }
                out.extend_from_slice(new);
                out.push(b);
            }
            if n > h.len() {
                out.extend_from_slice(new);
            }
            out.extend_from_slice(h.get(n.min(h.len())..).unwrap_or_default());
            return Ok(Bytes::from(out));
        }
        let mut pos = 0;
        for _ in 0..n {
            let Some(i) = bytes_find(h.get(pos..).unwrap_or_default(), old) else {
                break;
            };
            out.extend_from_slice(h.get(pos..pos + i).unwrap_or_default());
            out.extend_from_slice(new);
            pos += i + old.len();
        }
        out.extend_from_slice(h.get(pos..).unwrap_or_default());
        Ok(Bytes::from(out))
    }

    /// `b.center(width[, fillchar])`.
    pub fn center(&self, width: i64, fillchar: Bytes) -> Result<Bytes> {
        let fill = fill_byte("center", &fillchar)?;
        let Some(marg) = margin(width, self.len()) else {
            return Ok(self.clone());
        };
        let left = marg / 2 + (marg & (width as usize) & 1);
        pad(self.as_bytes(), left, marg - left, fill)
    }
    /// `b.ljust(width[, fillchar])`.
    pub fn ljust(&self, width: i64, fillchar: Bytes) -> Result<Bytes> {
        let fill = fill_byte("ljust", &fillchar)?;
        match margin(width, self.len()) {
            Some(m) => pad(self.as_bytes(), 0, m, fill),
            None => Ok(self.clone()),
        }
    }
    /// `b.rjust(width[, fillchar])`.
    pub fn rjust(&self, width: i64, fillchar: Bytes) -> Result<Bytes> {
        let fill = fill_byte("rjust", &fillchar)?;
        match margin(width, self.len()) {
            Some(m) => pad(self.as_bytes(), m, 0, fill),
            None => Ok(self.clone()),
        }
    }
    /// `b.zfill(width)`.
    pub fn zfill(&self, width: i64) -> Result<Bytes> {
        let b = self.as_bytes();
        let Some(fill) = margin(width, b.len()) else {
            return Ok(self.clone());
        };
        let mut out = vec_with_capacity(fill.checked_add(b.len()).ok_or_else(memory_error)?)?;
        let rest = match b.first() {
            Some(&s @ (b'+' | b'-')) => {
                out.push(s);
                b.get(1..).unwrap_or_default()
            }
            _ => b,
        };
        out.resize(out.len() + fill, b'0');
        out.extend_from_slice(rest);
        Ok(Bytes::from(out))
    }
    /// `b.expandtabs(tabsize=8)`.
    pub fn expandtabs(&self, tabsize: i64) -> Result<Bytes> {
        let b = self.as_bytes();
        let tab = i32::try_from(tabsize).map_err(|_| {
            Error::new(
                &exc::OverflowError,
                "Python int too large to convert to C int",
            )
        })?;
        let tab = usize::try_from(tab).unwrap_or(0);
        let (mut col, mut size) = (0usize, 0usize);
        for &c in b {
            if c == b'\t' {
                if tab > 0 {
                    let incr = tab - col % tab;
                    col += incr;
                    size = size.checked_add(incr).ok_or_else(memory_error)?;
                }
            } else {
                col = if c == b'\n' || c == b'\r' { 0 } else { col + 1 };
                size += 1;
            }
        }
        let mut out = vec_with_capacity(size)?;
        col = 0;
        for &c in b {
            if c == b'\t' {
                if tab > 0 {
                    let incr = tab - col % tab;
                    col += incr;
                    out.resize(out.len() + incr, b' ');
                }
            } else {
                col = if c == b'\n' || c == b'\r' { 0 } else { col + 1 };
                out.push(c);
            }
        }
        Ok(Bytes::from(out))
    }

    /// `b.strip([chars])`: ASCII whitespace or the given bytes.
    pub fn strip(&self, chars: Option<Bytes>) -> Result<Bytes> {
        let (lo, hi) = strip_range(self.as_bytes(), &chars, true, true);
        Ok(self.sub_bytes(self.as_bytes().get(lo..hi).unwrap_or_default()))
    }
    /// `b.lstrip([chars])`.
    pub fn lstrip(&self, chars: Option<Bytes>) -> Result<Bytes> {
        let (lo, hi) = strip_range(self.as_bytes(), &chars, true, false);
        Ok(self.sub_bytes(self.as_bytes().get(lo..hi).unwrap_or_default()))
    }
    /// `b.rstrip([chars])`.
    pub fn rstrip(&self, chars: Option<Bytes>) -> Result<Bytes> {
        let (lo, hi) = strip_range(self.as_bytes(), &chars, false, true);
        Ok(self.sub_bytes(self.as_bytes().get(lo..hi).unwrap_or_default()))
    }
    /// `b.removeprefix(prefix)`.
    pub fn removeprefix(&self, prefix: Bytes) -> Result<Bytes> {
        Ok(match self.as_bytes().strip_prefix(prefix.as_bytes()) {
            Some(rest) => self.sub_bytes(rest),
            None => self.clone(),
        })
    }
    /// `b.removesuffix(suffix)`.
    pub fn removesuffix(&self, suffix: Bytes) -> Result<Bytes> {
        Ok(match self.as_bytes().strip_suffix(suffix.as_bytes()) {
            Some(rest) => self.sub_bytes(rest),
            None => self.clone(),
        })
    }
    /// `b.join(iterable)`.
    pub fn join(&self, iterable: List<Bytes>) -> Result<Bytes> {
        let items = iterable.to_vec();
        let sep = self.as_bytes();
        let cap = items
            .iter()
            .try_fold(
                sep.len().saturating_mul(items.len().saturating_sub(1)),
                |acc, x| acc.checked_add(x.len()),
            )
            .ok_or_else(memory_error)?;
        let mut out = vec_with_capacity(cap)?;
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(sep);
            }
            out.extend_from_slice(x.as_bytes());
        }
        Ok(Bytes::from(out))
    }

    /// `b.lower()` (ASCII letters only).
    pub fn lower(&self) -> Result<Bytes> {
        Ok(Bytes::from(self.as_bytes().to_ascii_lowercase()))
    }
    /// `b.upper()` (ASCII letters only).
    pub fn upper(&self) -> Result<Bytes> {
        Ok(Bytes::from(self.as_bytes().to_ascii_uppercase()))
    }
    /// `b.swapcase()`.
    pub fn swapcase(&self) -> Result<Bytes> {
        Ok(Bytes::from(
            self.as_bytes()
                .iter()
                .map(|&c| if c.is_ascii_alphabetic() { c ^ 0x20 } else { c })
                .collect::<Vec<u8>>(),
        ))
    }
    /// `b.capitalize()`: the first byte uppercased, the rest lowercased.
    pub fn capitalize(&self) -> Result<Bytes> {
        let b = self.as_bytes();
        let mut out = b.to_ascii_lowercase();
        if let Some(first) = out.first_mut() {
            first.make_ascii_uppercase();
        }
        Ok(Bytes::from(out))
    }
    /// `b.title()`: uppercase after a non-letter, lowercase after a letter.
    pub fn title(&self) -> Result<Bytes> {
        let mut prev_cased = false;
        let out = self
            .as_bytes()
            .iter()
            .map(|&c| {
                let m = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                m
            })
            .collect::<Vec<u8>>();
        Ok(Bytes::from(out))
    }

    /// `b.isalnum()`.
    pub fn isalnum(&self) -> Result<bool> {
        Ok(all_bytes(self.as_bytes(), |c| c.is_ascii_alphanumeric()))
    }
    /// `b.isalpha()`.
    pub fn isalpha(&self) -> Result<bool> {
        Ok(all_bytes(self.as_bytes(), |c| c.is_ascii_alphabetic()))
    }
    /// `b.isascii()`.
    pub fn isascii(&self) -> Result<bool> {
        Ok(self.as_bytes().is_ascii())
    }
    /// `b.isdigit()`.
    pub fn isdigit(&self) -> Result<bool> {
        Ok(all_bytes(self.as_bytes(), |c| c.is_ascii_digit()))
    }
    /// `b.isspace()`.
    pub fn isspace(&self) -> Result<bool> {
        Ok(all_bytes(self.as_bytes(), is_space))
    }
    /// `b.islower()`: an ASCII lowercase letter and no uppercase one.
    pub fn islower(&self) -> Result<bool> {
        let b = self.as_bytes();
        Ok(b.iter().any(u8::is_ascii_lowercase) && !b.iter().any(u8::is_ascii_uppercase))
    }
    /// `b.isupper()`: an ASCII uppercase letter and no lowercase one.
    pub fn isupper(&self) -> Result<bool> {
        let b = self.as_bytes();
        Ok(b.iter().any(u8::is_ascii_uppercase) && !b.iter().any(u8::is_ascii_lowercase))
    }
    /// `b.istitle()`: uppercase only after non-letters, lowercase only after letters.
    pub fn istitle(&self) -> Result<bool> {
        let (mut cased, mut prev_cased) = (false, false);
        for &c in self.as_bytes() {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return Ok(false);
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return Ok(false);
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        Ok(cased)
    }
}
