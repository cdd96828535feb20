//! Per-character Unicode properties and case mappings, looked up in the tables generated from CPython.

use super::unicode_tables as t;

pub(crate) const ALPHA: u16 = 1 << 0;
pub(crate) const DECIMAL: u16 = 1 << 1;
pub(crate) const DIGIT: u16 = 1 << 2;
pub(crate) const NUMERIC: u16 = 1 << 3;
pub(crate) const SPACE: u16 = 1 << 4;
pub(crate) const PRINTABLE: u16 = 1 << 5;
pub(crate) const XID_START: u16 = 1 << 6;
pub(crate) const XID_CONTINUE: u16 = 1 << 7;
pub(crate) const LOWER: u16 = 1 << 8;
pub(crate) const UPPER: u16 = 1 << 9;
pub(crate) const TITLE: u16 = 1 << 10;
pub(crate) const CASED: u16 = 1 << 11;
pub(crate) const CASE_IGNORABLE: u16 = 1 << 12;
/// `str.isalnum` per character: alpha, decimal, digit or numeric.
pub(crate) const ALNUM: u16 = ALPHA | DECIMAL | DIGIT | NUMERIC;

/// The property bits of `c` (CPython's `_PyUnicode_TypeRecord` flags we use).
#[inline]
pub(crate) fn flags(c: char) -> u16 {
    let cp = c as u32;
    if cp < 256 {
        return t::LATIN1_FLAGS[cp as usize];
    }
    // The run containing cp starts at the last start <= cp; FLAG_STARTS[0] == 0.
    let i = t::FLAG_STARTS.partition_point(|&s| s <= cp);
    t::FLAG_VALUES.get(i.wrapping_sub(1)).copied().unwrap_or(0)
}

/// Whether `c` has any of the property bits in `mask`.
#[inline]
pub(crate) fn has(c: char, mask: u16) -> bool {
    flags(c) & mask != 0
}

/// CPython's `Py_UNICODE_ISSPACE`.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\x1c'..='\x20')
    } else {
        has(c, SPACE)
    }
}

/// CPython's `Py_UNICODE_ISLINEBREAK` (the separators of `str.splitlines`).
#[inline]
pub(crate) fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// A full case mapping of one character: one to three characters.
#[derive(Clone, Copy)]
pub(crate) enum Mapped {
    One(char),
    Many(&'static str),
}

impl Mapped {
    #[inline]
    pub(crate) fn push_to(self, out: &mut String) {
        match self {
            Mapped::One(c) => out.push(c),
            Mapped::Many(s) => out.push_str(s),
        }
    }
}

#[inline]
fn map(c: char, runs: &[(u32, u32, i32, u8)], multi: &'static [(u32, &'static str)]) -> Mapped {
    let cp = c as u32;
    let i = runs.partition_point(|r| r.1 < cp);
    if let Some(&(first, _last, delta, stride)) = runs.get(i) {
        if first <= cp && (cp - first).is_multiple_of(u32::from(stride)) {
            let m = cp.wrapping_add_signed(delta);
            return Mapped::One(char::from_u32(m).unwrap_or(c));
        }
    }
    if !multi.is_empty() {
        if let Ok(j) = multi.binary_search_by_key(&cp, |m| m.0) {
            if let Some(&(_, s)) = multi.get(j) {
                return Mapped::Many(s);
            }
        }
    }
    Mapped::One(c)
}

/// `_PyUnicode_ToLowerFull` (without the final-sigma rule).
#[inline]
pub(crate) fn to_lower(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_lowercase());
    }
    map(c, t::LOWER_RUNS, t::LOWER_MULTI)
}

/// `_PyUnicode_ToUpperFull`.
#[inline]
pub(crate) fn to_upper(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_uppercase());
    }
    map(c, t::UPPER_RUNS, t::UPPER_MULTI)
}

/// `_PyUnicode_ToTitleFull`.
#[inline]
pub(crate) fn to_title(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_uppercase());
    }
    map(c, t::TITLE_RUNS, t::TITLE_MULTI)
}

/// `_PyUnicode_ToFoldedFull`.
#[inline]
pub(crate) fn to_fold(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_lowercase());
    }
    map(c, t::FOLD_RUNS, t::FOLD_MULTI)
}

/// The Unicode version the tables follow (that of CPython 3.11).
pub fn unicode_version() -> &'static str {
    t::UNICODE_VERSION
}
