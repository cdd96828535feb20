//! `str` methods: search (`find`, `count`, `startswith`, …), `replace`, padding, stripping, `join`, `translate` and the character-class predicates.

use super::search::{str_find, str_rfind, StrMatches};
use super::unicode::{self as uni, ALNUM, ALPHA, DECIMAL, DIGIT, NUMERIC, PRINTABLE, SPACE};
use super::{adjust_indices, count_chars, limit, string_with_capacity, CharIndex};
use crate::error::{err, exc};
use crate::{Dict, List, Result, Str};
use std::collections::HashMap;

/// A search window `s[start:end]` in code points, as a byte range.
struct Window<'a> {
    s: &'a str,
    /// Byte offset of the window in `s`.
    lo: usize,
    /// Code-point index of the window start.
    start: usize,
    /// Whether `s` is ASCII (byte offsets are code-point indices).
    ascii: bool,
}

impl<'a> Window<'a> {
    /// `s[start:end]` after `ADJUST_INDICES`, or `None` when the window is
    /// shorter than `need` code points (CPython's early exit).
    fn new(
        s: &'a str,
        start: Option<i64>,
        end: Option<i64>,
        need: usize,
    ) -> Option<(Self, &'a str)> {
        if start.is_none() && end.is_none() {
            let w = Window {
                s,
                lo: 0,
                start: 0,
                ascii: false,
            };
            // Without bounds, the length check needs no code-point count:
            // fewer bytes than `need` code points means fewer code points.
            if s.len() < need {
                return None;
            }
            return Some((w, s));
        }
        let ascii = s.is_ascii();
        let (st, lo, hi) = match (start.unwrap_or(0), end) {
            // Non-negative bounds of a non-ASCII string: walk to them without
            // counting the whole string. A window too short for a non-empty
            // `sub` cannot match, so only `start` past the end needs a check.
            (st, en) if !ascii && st >= 0 && en.is_none_or(|e| e >= 0) => {
                let st = usize::try_from(st).ok()?;
                let lo = advance(s, 0, st)?;
                let hi = match en.map(|e| usize::try_from(e).unwrap_or(usize::MAX)) {
                    None => s.len(),
                    Some(e) if e < st => return None,
                    Some(e) => advance(s, lo, e - st).unwrap_or(s.len()),
                };
                (st, lo, hi)
            }
            _ => {
                let ci = CharIndex::new(s);
                let (st, en) = adjust_indices(start, end, ci.len());
                if en < st || en - st < need {
                    return None;
                }
                let lo = ci.byte_of(st);
                (st, lo, super::byte_of_from(s, ascii, lo, en - st))
            }
        };
        let w = Window {
            s,
            lo,
            start: st,
            ascii,
        };
        Some((w, s.get(lo..hi).unwrap_or_default()))
    }
    /// The code-point index in `s` of byte offset `b` of the window.
    fn char_index(&self, b: usize) -> i64 {
        let n = if self.ascii {
            b
        } else {
            count_chars(
                self.s
                    .as_bytes()
                    .get(self.lo..self.lo + b)
                    .unwrap_or_default(),
            )
        };
        (self.start + n) as i64
    }
}

/// The byte offset `n` code points after byte `from`, or `None` when `s`
/// ends sooner (landing exactly on the end is fine).
fn advance(s: &str, from: usize, n: usize) -> Option<usize> {
    let mut it = s.get(from..)?.char_indices();
    if n > 0 {
        it.nth(n - 1)?;
    }
    Some(it.next().map_or(s.len(), |(i, _)| from + i))
}

/// Code points of `s`, counting only when it matters (non-ASCII).
fn char_len(s: &str) -> usize {
    CharIndex::new(s).len()
}

fn tail_match(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, suffix: bool) -> bool {
    if start.is_none() && end.is_none() {
        return if suffix {
            s.ends_with(sub)
        } else {
            s.starts_with(sub)
        };
    }
    match Window::new(s, start, end, char_len(sub)) {
        Some((_, w)) if suffix => w.ends_with(sub),
        Some((_, w)) => w.starts_with(sub),
        None => false,
    }
}

/// `fillchar` of `center`/`ljust`/`rjust`, checked as CPython does.
fn fill_char(fillchar: &Str) -> Result<char> {
    let mut it = fillchar.as_str().chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => err(
            &exc::TypeError,
            "The fill character must be exactly one character long",
        ),
    }
}

/// `s` with `left` and `right` copies of `fill` around it.
fn pad(s: &str, left: usize, right: usize, fill: char) -> Result<Str> {
    let cap = left
        .checked_add(right)
        .and_then(|n| n.checked_mul(fill.len_utf8()))
        .and_then(|n| n.checked_add(s.len()))
        .ok_or_else(super::memory_error)?;
    let mut out = string_with_capacity(cap)?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Str::from(out))
}

fn all_chars(s: &str, mask: u32) -> bool {
    !s.is_empty() && s.chars().all(|c| uni::has(c, mask))
}

/// Whether `c` is in the `chars` argument of `strip`; `None` is whitespace.
fn strip_set(chars: &Option<Str>) -> impl Fn(char) -> bool + '_ {
    move |c| match chars {
        None => uni::is_space(c),
        Some(set) => set.as_str().contains(c),
    }
}

impl Str {
    /// `s.count(sub[, start[, end]])`: non-overlapping occurrences.
    pub fn count(&self, sub: Str, start: Option<i64>, end: Option<i64>) -> Result<i64> {
        let sub = sub.as_str();
        let Some((_, w)) = Window::new(self.as_str(), start, end, char_len(sub)) else {
            return Ok(0);
        };
        if sub.is_empty() {
            return Ok(char_len(w) as i64 + 1);
        }
        Ok(StrMatches::new(w, sub).count() as i64)
    }
    /// `s.find(sub[, start[, end]])`: the lowest code-point index, or -1.
    pub fn find(&self, sub: Str, start: Option<i64>, end: Option<i64>) -> Result<i64> {
        let sub = sub.as_str();
        Ok(
            match Window::new(self.as_str(), start, end, char_len(sub)) {
                Some((win, w)) => str_find(w, sub).map_or(-1, |b| win.char_index(b)),
                None => -1,
            },
        )
    }
    /// `s.rfind(sub[, start[, end]])`: the highest code-point index, or -1.
    pub fn rfind(&self, sub: Str, start: Option<i64>, end: Option<i64>) -> Result<i64> {
        let sub = sub.as_str();
        Ok(
            match Window::new(self.as_str(), start, end, char_len(sub)) {
                Some((win, w)) => str_rfind(w, sub).map_or(-1, |b| win.char_index(b)),
                None => -1,
            },
        )
    }
    /// `s.index(sub[, start[, end]])`: as `find`, but `ValueError` when absent.
    pub fn index(&self, sub: Str, start: Option<i64>, end: Option<i64>) -> Result<i64> {
        match self.find(sub, start, end)? {
            -1 => err(&exc::ValueError, "substring not found"),
            i => Ok(i),
        }
    }
    /// `s.rindex(sub[, start[, end]])`.
    pub fn rindex(&self, sub: Str, start: Option<i64>, end: Option<i64>) -> Result<i64> {
        match self.rfind(sub, start, end)? {
            -1 => err(&exc::ValueError, "substring not found"),
            i => Ok(i),
        }
    }
    /// `s.startswith(prefix[, start[, end]])`.
    pub fn startswith(&self, prefix: Str, start: Option<i64>, end: Option<i64>) -> Result<bool> {
        Ok(tail_match(
            self.as_str(),
            prefix.as_str(),
            start,
            end,
            false,
        ))
    }
    /// `s.startswith((p1, p2, …)[, start[, end]])`.
    pub fn startswith_any(
        &self,
        prefixes: Vec<Str>,
        start: Option<i64>,
        end: Option<i64>,
    ) -> Result<bool> {
        Ok(prefixes
            .iter()
            .any(|p| tail_match(self.as_str(), p.as_str(), start, end, false)))
    }
    /// `s.endswith(suffix[, start[, end]])`.
    pub fn endswith(&self, suffix: Str, start: Option<i64>, end: Option<i64>) -> Result<bool> {
        Ok(tail_match(self.as_str(), suffix.as_str(), start, end, true))
    }
    /// `s.endswith((s1, s2, …)[, start[, end]])`.
    pub fn endswith_any(
        &self,
        suffixes: Vec<Str>,
        start: Option<i64>,
        end: Option<i64>,
    ) -> Result<bool> {
        Ok(suffixes
            .iter()
            .any(|p| tail_match(self.as_str(), p.as_str(), start, end, true)))
    }

    /// `s.replace(old, new[, count])`: the first `count` occurrences (all when negative).
    pub fn replace(&self, old: Str, new: Str, count: i64) -> Result<Str> {
        let (s, old, new) = (self.as_str(), old.as_str(), new.as_str());
        let max = limit(count);
        let n = if old.is_empty() {
            (char_len(s) + 1).min(max)
        } else if max == 0 {
            0
        } else {
            StrMatches::new(s, old).take(max).count()
        };
        if n == 0 {
            return Ok(self.clone());
        }
        let cap = new
            .len()
            .checked_mul(n)
            .and_then(|x| x.checked_add(s.len()))
            .ok_or_else(super::memory_error)?;
        let mut out = string_with_capacity(cap)?;
        if old.is_empty() {
            // CPython inserts `new` before each character, then at the end.
            let (mut left, mut consumed) = (n, 0);
            for c in s.chars() {
                if left == 0 {
                    break;
                }
                out.push_str(new);
                out.push(c);
                consumed += c.len_utf8();
                left -= 1;
            }
            if left > 0 {
                out.push_str(new);
            }
            out.push_str(s.get(consumed..).unwrap_or_default());
            return Ok(Str::from(out));
        }
        let mut last = 0;
        for i in StrMatches::new(s, old).take(n) {
            out.push_str(s.get(last..i).unwrap_or_default());
            out.push_str(new);
            last = i + old.len();
        }
        out.push_str(s.get(last..).unwrap_or_default());
        Ok(Str::from(out))
    }

    /// `s.center(width[, fillchar])`, extra padding placed as CPython does.
    pub fn center(&self, width: i64, fillchar: Str) -> Result<Str> {
        let fill = fill_char(&fillchar)?;
        let len = char_len(self.as_str());
        let Some(marg) = usize::try_from(width)
            .ok()
            .and_then(|w| w.checked_sub(len))
            .filter(|&m| m > 0)
        else {
            return Ok(self.clone());
        };
        // CPython: left = marg / 2 + (marg & width & 1).
        let left = marg / 2 + (marg & (width as usize) & 1);
        pad(self.as_str(), left, marg - left, fill)
    }
    /// `s.ljust(width[, fillchar])`.
    pub fn ljust(&self, width: i64, fillchar: Str) -> Result<Str> {
        let fill = fill_char(&fillchar)?;
        let len = char_len(self.as_str());
        match usize::try_from(width)
            .ok()
            .and_then(|w| w.checked_sub(len))
            .filter(|&m| m > 0)
        {
            Some(marg) => pad(self.as_str(), 0, marg, fill),
            None => Ok(self.clone()),
        }
    }
    /// `s.rjust(width[, fillchar])`.
    pub fn rjust(&self, width: i64, fillchar: Str) -> Result<Str> {
        let fill = fill_char(&fillchar)?;
        let len = char_len(self.as_str());
        match usize::try_from(width)
            .ok()
            .and_then(|w| w.checked_sub(len))
            .filter(|&m| m > 0)
        {
            Some(marg) => pad(self.as_str(), marg, 0, fill),
            None => Ok(self.clone()),
        }
    }
    /// `s.zfill(width)`: zeros on the left, after a leading sign.
    pub fn zfill(&self, width: i64) -> Result<Str> {
        let s = self.as_str();
        let len = char_len(s);
        let Some(fill) = usize::try_from(width)
            .ok()
            .and_then(|w| w.checked_sub(len))
            .filter(|&m| m > 0)
        else {
            return Ok(self.clone());
        };
        let (sign, rest) = match s.as_bytes().first() {
            Some(b'+') | Some(b'-') => s.split_at(1),
            _ => ("", s),
        };
        let mut out =
            string_with_capacity(fill.checked_add(s.len()).ok_or_else(super::memory_error)?)?;
        out.push_str(sign);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(rest);
        Ok(Str::from(out))
    }
    /// `s.expandtabs(tabsize=8)`: tabs to spaces, columns reset by `\n` and `\r`.
    pub fn expandtabs(&self, tabsize: i64) -> Result<Str> {
        let s = self.as_str();
        let tab = i32::try_from(tabsize).map_err(|_| {
            crate::Error::new(
                &exc::OverflowError,
                "Python int too large to convert to C int",
            )
        })?;
        if !s.contains('\t') {
            return Ok(self.clone());
        }
        let tab = usize::try_from(tab).unwrap_or(0);
        // First pass: the result size (CPython raises before allocating).
        let (mut col, mut size) = (0usize, 0usize);
        for c in s.chars() {
            if c == '\t' {
                if tab > 0 {
                    let incr = tab - col % tab;
                    col += incr;
                    size = size.checked_add(incr).ok_or_else(super::memory_error)?;
                }
            } else {
                col += 1;
                size = size
                    .checked_add(c.len_utf8())
                    .ok_or_else(super::memory_error)?;
                if c == '\n' || c == '\r' {
                    col = 0;
                }
            }
        }
        let mut out = string_with_capacity(size)?;
        col = 0;
        for c in s.chars() {
            if c == '\t' {
                if tab > 0 {
                    let incr = tab - col % tab;
                    col += incr;
                    out.extend(std::iter::repeat_n(' ', incr));
                }
            } else {
                col += 1;
                out.push(c);
                if c == '\n' || c == '\r' {
                    col = 0;
                }
            }
        }
        Ok(Str::from(out))
    }

    /// `s.strip([chars])`: whitespace (Python's definition) or the given characters.
    pub fn strip(&self, chars: Option<Str>) -> Result<Str> {
        let t = self.as_str().trim_matches(strip_set(&chars));
        Ok(self.sub_str(t))
    }
    /// `s.lstrip([chars])`.
    pub fn lstrip(&self, chars: Option<Str>) -> Result<Str> {
        let t = self.as_str().trim_start_matches(strip_set(&chars));
        Ok(self.sub_str(t))
    }
    /// `s.rstrip([chars])`.
    pub fn rstrip(&self, chars: Option<Str>) -> Result<Str> {
        let t = self.as_str().trim_end_matches(strip_set(&chars));
        Ok(self.sub_str(t))
    }
    /// `s.removeprefix(prefix)`.
    pub fn removeprefix(&self, prefix: Str) -> Result<Str> {
        Ok(match self.as_str().strip_prefix(prefix.as_str()) {
            Some(rest) if !prefix.as_str().is_empty() => Str::new(rest),
            _ => self.clone(),
        })
    }
    /// `s.removesuffix(suffix)`.
    pub fn removesuffix(&self, suffix: Str) -> Result<Str> {
        Ok(match self.as_str().strip_suffix(suffix.as_str()) {
            Some(rest) if !suffix.as_str().is_empty() => Str::new(rest),
            _ => self.clone(),
        })
    }
    /// A part of `self`, sharing `self` when it is the whole string.
    pub(crate) fn sub_str(&self, part: &str) -> Str {
        if part.len() == self.as_str().len() {
            self.clone()
        } else {
            Str::new(part)
        }
    }

    /// `s.join(iterable)`.
    pub fn join(&self, iterable: List<Str>) -> Result<Str> {
        let items = iterable.to_vec();
        if items.len() == 1 {
            if let Some(only) = items.first() {
                return Ok(only.clone());
            }
        }
        let sep = self.as_str();
        let cap = items
            .iter()
            .try_fold(
                sep.len().saturating_mul(items.len().saturating_sub(1)),
                |acc, x| acc.checked_add(x.as_str().len()),
            )
            .ok_or_else(super::memory_error)?;
        let mut out = string_with_capacity(cap)?;
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(x.as_str());
        }
        Ok(Str::from(out))
    }

    /// `s.translate(table)`: each character whose code point is a key is
    /// replaced by the value (`None` deletes it).
    pub fn translate(&self, table: Dict<i64, Option<Str>>) -> Result<Str> {
        let map: HashMap<i64, Option<Str>> = table.to_pairs().into_iter().collect();
        if map.is_empty() {
            return Ok(self.clone());
        }
        let s = self.as_str();
        let mut out = string_with_capacity(s.len())?;
        for c in s.chars() {
            match map.get(&i64::from(u32::from(c))) {
                None => out.push(c),
                Some(None) => {}
                Some(Some(r)) => out.push_str(r.as_str()),
            }
        }
        Ok(Str::from(out))
    }

    /// `s.isalnum()`.
    pub fn isalnum(&self) -> Result<bool> {
        Ok(all_chars(self.as_str(), ALNUM))
    }
    /// `s.isalpha()`: categories Lm, Lt, Lu, Ll, Lo.
    pub fn isalpha(&self) -> Result<bool> {
        Ok(all_chars(self.as_str(), ALPHA))
    }
    /// `s.isascii()`.
    pub fn isascii(&self) -> Result<bool> {
        Ok(self.as_str().is_ascii())
    }
    /// `s.isdecimal()`.
    pub fn isdecimal(&self) -> Result<bool> {
        Ok(all_chars(self.as_str(), DECIMAL))
    }
    /// `s.isdigit()`.
    pub fn isdigit(&self) -> Result<bool> {
        Ok(all_chars(self.as_str(), DIGIT))
    }
    /// `s.isnumeric()`.
    pub fn isnumeric(&self) -> Result<bool> {
        Ok(all_chars(self.as_str(), NUMERIC))
    }
    /// `s.isspace()`.
    pub fn isspace(&self) -> Result<bool> {
        Ok(all_chars(self.as_str(), SPACE))
    }
    /// `s.isprintable()` (true for the empty string).
    pub fn isprintable(&self) -> Result<bool> {
        Ok(self.as_str().chars().all(|c| uni::has(c, PRINTABLE)))
    }
    /// `s.isidentifier()`: XID_Start or `_`, then XID_Continue.
    pub fn isidentifier(&self) -> Result<bool> {
        let mut it = self.as_str().chars();
        Ok(match it.next() {
            Some(c) if c == '_' || uni::has(c, uni::XID_START) => {
                it.all(|c| uni::has(c, uni::XID_CONTINUE))
            }
            _ => false,
        })
    }
}
