//! Case mapping as CPython's regular expression engine does it (`sre_lower_unicode`, ...),
//! and the character categories `\d`, `\s`, `\w` in their ASCII and Unicode forms.

use super::tables;
use crate::text::unicode::{self as uni, ALNUM, DECIMAL, SPACE};

fn lookup(table: &[(u32, u32)], c: u32) -> u32 {
    match table.binary_search_by_key(&c, |p| p.0) {
        Ok(i) => table[i].1,
        Err(_) => c,
    }
}

/// `sre_lower_unicode`.
pub(crate) fn uni_lower(c: u32) -> u32 {
    if c < 0x80 {
        return ascii_lower(c);
    }
    lookup(&tables::LOWER, c)
}

/// `sre_upper_unicode`.
pub(crate) fn uni_upper(c: u32) -> u32 {
    if c < 0x80 {
        return if (u32::from(b'a')..=u32::from(b'z')).contains(&c) {
            c - 32
        } else {
            c
        };
    }
    lookup(&tables::UPPER, c)
}

/// `_sre.unicode_iscased`.
pub(crate) fn uni_iscased(c: u32) -> bool {
    c != uni_lower(c) || c != uni_upper(c)
}

/// `sre_lower_ascii`.
pub(crate) fn ascii_lower(c: u32) -> u32 {
    if (u32::from(b'A')..=u32::from(b'Z')).contains(&c) {
        c + 32
    } else {
        c
    }
}

/// `_sre.ascii_iscased`.
pub(crate) fn ascii_iscased(c: u32) -> bool {
    c < 128 && (c as u8).is_ascii_alphabetic()
}

/// The other lowercase characters `re._casefix` treats as equal to `lo`.
pub(crate) fn extra_cases(lo: u32) -> Vec<u32> {
    let t = &tables::EXTRA_CASES[..];
    let start = t.partition_point(|p| p.0 < lo);
    t[start..]
        .iter()
        .take_while(|p| p.0 == lo)
        .map(|p| p.1)
        .collect()
}

fn has(c: u32, mask: u32) -> bool {
    char::from_u32(c).is_some_and(|ch| uni::has(ch, mask))
}

/// `sre_category(code, ch)` for the codes the compiler emits.
pub(crate) fn category(code: u32, c: u32) -> bool {
    match code {
        0 => c < 128 && (c as u8).is_ascii_digit(),
        1 => !(c < 128 && (c as u8).is_ascii_digit()),
        2 => is_ascii_space(c),
        3 => !is_ascii_space(c),
        4 => is_ascii_word(c),
        5 => !is_ascii_word(c),
        10 => has(c, DECIMAL),
        11 => !has(c, DECIMAL),
        12 => has(c, SPACE),
        13 => !has(c, SPACE),
        14 => is_uni_word(c),
        15 => !is_uni_word(c),
        _ => false,
    }
}

fn is_ascii_space(c: u32) -> bool {
    matches!(c, 9..=13 | 32)
}

pub(crate) fn is_ascii_word(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == u32::from(b'_'))
}

pub(crate) fn is_uni_word(c: u32) -> bool {
    c == u32::from(b'_') || has(c, ALNUM)
}
