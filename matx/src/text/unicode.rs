//! Per-character Unicode properties and case mappings, looked up in the tables generated from CPython.

use super::unicode_tables as t;

pub(crate) const ALPHA: u32 = 1 << 0;
pub(crate) const DECIMAL: u32 = 1 << 1;
pub(crate) const DIGIT: u32 = 1 << 2;
pub(crate) const NUMERIC: u32 = 1 << 3;
pub(crate) const SPACE: u32 = 1 << 4;
pub(crate) const PRINTABLE: u32 = 1 << 5;
pub(crate) const XID_START: u32 = 1 << 6;
pub(crate) const XID_CONTINUE: u32 = 1 << 7;
pub(crate) const LOWER: u32 = 1 << 8;
pub(crate) const UPPER: u32 = 1 << 9;
pub(crate) const TITLE: u32 = 1 << 10;
pub(crate) const CASED: u32 = 1 << 11;
pub(crate) const CASE_IGNORABLE: u32 = 1 << 12;
/// `lower()` of the character alone is another string.
pub(crate) const LOWER_MAPS: u32 = 1 << 13;
/// `upper()` of the character alone is another string.
pub(crate) const UPPER_MAPS: u32 = 1 << 14;
/// `title()` of the character alone is another string.
pub(crate) const TITLE_MAPS: u32 = 1 << 15;
/// `casefold()` of the character alone is another string.
pub(crate) const FOLD_MAPS: u32 = 1 << 16;
/// `str.isalnum` per character: alpha, decimal, digit or numeric.
pub(crate) const ALNUM: u32 = ALPHA | DECIMAL | DIGIT | NUMERIC;

/// Blocks of 256 code points: each table has a per-block index, built at
/// compile time, that narrows its binary search to a few entries.
const BLOCKS: usize = 0x110000 >> 8;

/// For each block, the index in `FLAG_STARTS` of the run holding its first code point.
static FLAG_INDEX: [u16; BLOCKS + 1] = {
    let mut idx = [0u16; BLOCKS + 1];
    let (mut b, mut i) = (0, 0);
    while b <= BLOCKS {
        let cp = (b as u32) << 8;
        while i + 1 < t::FLAG_STARTS.len() && t::FLAG_STARTS[i + 1] <= cp {
            i += 1;
        }
        idx[b] = i as u16;
        b += 1;
    }
    idx
};

/// Code points below this have their property bits in [`DIRECT_FLAGS`]
/// (the alphabetic scripts and punctuation, where runs are short).
const DIRECT: usize = 0x3000;

/// The property bits of U+0000..DIRECT, expanded from the runs at compile time.
static DIRECT_FLAGS: [u32; DIRECT] = {
    let mut out = [0u32; DIRECT];
    let (mut cp, mut i) = (0, 0);
    while cp < DIRECT {
        while i + 1 < t::FLAG_STARTS.len() && t::FLAG_STARTS[i + 1] <= cp as u32 {
            i += 1;
        }
        out[cp] = t::FLAG_VALUES[i];
        cp += 1;
    }
    out
};

/// For each block, how many runs of a mapping end before its first code point.
const fn run_index(runs: &[(u32, u32, i32, u8)]) -> [u16; BLOCKS + 1] {
    let mut idx = [0u16; BLOCKS + 1];
    let (mut b, mut i) = (0, 0);
    while b <= BLOCKS {
        let cp = (b as u32) << 8;
        while i < runs.len() && runs[i].1 < cp {
            i += 1;
        }
        idx[b] = i as u16;
        b += 1;
    }
    idx
}

static LOWER_INDEX: [u16; BLOCKS + 1] = run_index(&t::LOWER_RUNS);
static UPPER_INDEX: [u16; BLOCKS + 1] = run_index(&t::UPPER_RUNS);
static TITLE_INDEX: [u16; BLOCKS + 1] = run_index(&t::TITLE_RUNS);
static FOLD_INDEX: [u16; BLOCKS + 1] = run_index(&t::FOLD_RUNS);

/// The `[lo, hi]` entries of `index` bounding block `cp >> 8`.
#[inline]
fn block_bounds(index: &[u16; BLOCKS + 1], cp: u32) -> (usize, usize) {
    let b = (cp >> 8) as usize;
    let lo = index.get(b).copied().unwrap_or(0) as usize;
    let hi = index.get(b + 1).copied().unwrap_or(0) as usize;
    (lo, hi.max(lo))
}

/// The property bits of `c` (CPython's `_PyUnicode_TypeRecord` flags we use).
#[inline]
pub(crate) fn flags(c: char) -> u32 {
    let cp = c as u32;
    if let Some(&f) = DIRECT_FLAGS.get(cp as usize) {
        return f;
    }
    // The run holding cp starts at the last start <= cp, within the block's runs.
    let (lo, hi) = block_bounds(&FLAG_INDEX, cp);
    let starts = t::FLAG_STARTS.get(lo..=hi).unwrap_or_default();
    let k = starts.partition_point(|&s| s <= cp);
    t::FLAG_VALUES
        .get((lo + k).wrapping_sub(1))
        .copied()
        .unwrap_or(0)
}

/// Whether `c` has any of the property bits in `mask`.
#[inline]
pub(crate) fn has(c: char, mask: u32) -> bool {
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
fn map(
    c: char,
    runs: &[(u32, u32, i32, u8)],
    index: &[u16; BLOCKS + 1],
    multi: &'static [&'static str],
) -> Mapped {
    let cp = c as u32;
    // The first run ending at or after cp, among the block's runs.
    let (lo, hi) = block_bounds(index, cp);
    let i = lo
        + runs
            .get(lo..hi)
            .unwrap_or_default()
            .partition_point(|r| r.1 < cp);
    if let Some(&(first, _last, delta, stride)) = runs.get(i) {
        if stride == 0 && first == cp {
            if let Some(s) = usize::try_from(delta).ok().and_then(|k| multi.get(k)) {
                return Mapped::Many(s);
            }
        } else if stride != 0 && first <= cp && (cp - first).is_multiple_of(u32::from(stride)) {
            let m = cp.wrapping_add_signed(delta);
            return Mapped::One(char::from_u32(m).unwrap_or(c));
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
    if !has(c, LOWER_MAPS) {
        return Mapped::One(c);
    }
    map(c, &t::LOWER_RUNS, &LOWER_INDEX, &t::LOWER_MULTI)
}

/// `_PyUnicode_ToUpperFull`.
#[inline]
pub(crate) fn to_upper(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_uppercase());
    }
    if !has(c, UPPER_MAPS) {
        return Mapped::One(c);
    }
    map(c, &t::UPPER_RUNS, &UPPER_INDEX, &t::UPPER_MULTI)
}

/// `_PyUnicode_ToTitleFull`.
#[inline]
pub(crate) fn to_title(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_uppercase());
    }
    if !has(c, TITLE_MAPS) {
        return Mapped::One(c);
    }
    map(c, &t::TITLE_RUNS, &TITLE_INDEX, &t::TITLE_MULTI)
}

/// `_PyUnicode_ToFoldedFull`.
#[inline]
pub(crate) fn to_fold(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_lowercase());
    }
    if !has(c, FOLD_MAPS) {
        return Mapped::One(c);
    }
    map(c, &t::FOLD_RUNS, &FOLD_INDEX, &t::FOLD_MULTI)
}

/// The Unicode version the tables follow (that of CPython 3.11).
pub fn unicode_version() -> &'static str {
    t::UNICODE_VERSION
}
