//! `str` case mapping and case predicates with CPython's full (multi-character) mappings, final-sigma rule and title-casing.

use super::string_with_capacity;
use super::unicode::{self as uni, Mapped, CASED, CASE_IGNORABLE, LOWER, TITLE, UPPER};
use crate::{Result, Str};

const CAPITAL_SIGMA: char = '\u{3a3}';

/// CPython's `handle_capital_sigma`: `ς` when U+03A3 at byte `i` ends a
/// word (cased, case-ignorable*, Σ, not followed by case-ignorable*, cased).
fn final_sigma(s: &str, i: usize) -> char {
    let before = s
        .get(..i)
        .unwrap_or_default()
        .chars()
        .rev()
        .find(|&c| !uni::has(c, CASE_IGNORABLE));
    let is_final = before.is_some_and(|c| uni::has(c, CASED)) && {
        let rest = s.get(i + CAPITAL_SIGMA.len_utf8()..).unwrap_or_default();
        let after = rest.chars().find(|&c| !uni::has(c, CASE_IGNORABLE));
        after.is_none_or(|c| !uni::has(c, CASED))
    };
    if is_final {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

/// CPython's `lower_ucs4`: the full lowercase of `c` at byte `i` of `s`.
#[inline]
fn lower_at(s: &str, i: usize, c: char) -> Mapped {
    if c == CAPITAL_SIGMA {
        Mapped::One(final_sigma(s, i))
    } else {
        uni::to_lower(c)
    }
}

/// Applies a per-character full mapping (`f` sees the string and the byte
/// offset, for the final-sigma rule); shares `s` when nothing changes.
fn map_chars(s: &Str, f: impl Fn(&str, usize, char) -> Mapped) -> Result<Str> {
    let text = s.as_str();
    // Most mappings keep the size; multi-character ones grow it a little.
    let mut out = string_with_capacity(text.len() + text.len() / 8 + 4)?;
    for (i, c) in text.char_indices() {
        match f(text, i, c) {
            Mapped::One(m) => out.push(m),
            Mapped::Many(m) => out.push_str(m),
        }
    }
    Ok(if out == text {
        s.clone()
    } else {
        Str::from(out)
    })
}

impl Str {
    /// `s.lower()`: full lowercase mapping, with the final-sigma rule.
    pub fn lower(&self) -> Result<Str> {
        let s = self.as_str();
        if s.is_ascii() {
            if !s.bytes().any(|b| b.is_ascii_uppercase()) {
                return Ok(self.clone());
            }
            return Ok(Str::from(s.to_ascii_lowercase()));
        }
        map_chars(self, lower_at)
    }
    /// `s.upper()`: full uppercase mapping (`'ß'.upper() == 'SS'`).
    pub fn upper(&self) -> Result<Str> {
        let s = self.as_str();
        if s.is_ascii() {
            if !s.bytes().any(|b| b.is_ascii_lowercase()) {
                return Ok(self.clone());
            }
            return Ok(Str::from(s.to_ascii_uppercase()));
        }
        map_chars(self, |_, _, c| uni::to_upper(c))
    }
    /// `s.casefold()`: full case folding.
    pub fn casefold(&self) -> Result<Str> {
        let s = self.as_str();
        if s.is_ascii() {
            return self.lower();
        }
        map_chars(self, |_, _, c| uni::to_fold(c))
    }
    /// `s.swapcase()`: uppercase characters lowered, lowercase ones uppered.
    pub fn swapcase(&self) -> Result<Str> {
        map_chars(self, |s, i, c| {
            let f = uni::flags(c);
            if f & UPPER != 0 {
                lower_at(s, i, c)
            } else if f & LOWER != 0 {
                uni::to_upper(c)
            } else {
                Mapped::One(c)
            }
        })
    }
    /// `s.title()`: titlecase after an uncased character, lowercase after a cased one.
    pub fn title(&self) -> Result<Str> {
        let s = self.as_str();
        let mut out = string_with_capacity(s.len() + s.len() / 8 + 4)?;
        let mut prev_cased = false;
        if s.is_ascii() {
            for c in s.chars() {
                out.push(if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                });
                prev_cased = c.is_ascii_alphabetic();
            }
        } else {
            for (i, c) in s.char_indices() {
                let m = if prev_cased {
                    lower_at(s, i, c)
                } else {
                    uni::to_title(c)
                };
                m.push_to(&mut out);
                prev_cased = uni::has(c, CASED);
            }
        }
        Ok(if out == s {
            self.clone()
        } else {
            Str::from(out)
        })
    }
    /// `s.capitalize()`: the first character titlecased, the rest lowercased.
    pub fn capitalize(&self) -> Result<Str> {
        let s = self.as_str();
        let mut out = string_with_capacity(s.len() + s.len() / 8 + 4)?;
        for (i, c) in s.char_indices() {
            let m = if i == 0 {
                uni::to_title(c)
            } else {
                lower_at(s, i, c)
            };
            m.push_to(&mut out);
        }
        Ok(if out == s {
            self.clone()
        } else {
            Str::from(out)
        })
    }

    /// `s.islower()`: has a cased character and no uppercase or titlecase one.
    pub fn islower(&self) -> Result<bool> {
        let s = self.as_str();
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(uni::has(c, LOWER));
        }
        let mut cased = false;
        for c in s.chars() {
            let f = uni::flags(c);
            if f & (UPPER | TITLE) != 0 {
                return Ok(false);
            }
            cased |= f & LOWER != 0;
        }
        Ok(cased)
    }
    /// `s.isupper()`: has a cased character and no lowercase or titlecase one.
    pub fn isupper(&self) -> Result<bool> {
        let s = self.as_str();
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(uni::has(c, UPPER));
        }
        let mut cased = false;
        for c in s.chars() {
            let f = uni::flags(c);
            if f & (LOWER | TITLE) != 0 {
                return Ok(false);
            }
            cased |= f & UPPER != 0;
        }
        Ok(cased)
    }
    /// `s.istitle()`: uppercase/titlecase only after uncased, lowercase only after cased.
    pub fn istitle(&self) -> Result<bool> {
        let s = self.as_str();
        let mut it = s.chars();
        if let (Some(c), None) = (it.next(), it.next()) {
            return Ok(uni::has(c, TITLE | UPPER));
        }
        let (mut cased, mut prev_cased) = (false, false);
        for c in s.chars() {
            let f = uni::flags(c);
            if f & (UPPER | TITLE) != 0 {
                if prev_cased {
                    return Ok(false);
                }
                prev_cased = true;
                cased = true;
            } else if f & LOWER != 0 {
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
