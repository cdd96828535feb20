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

/// Code points below this find their mapping run in one step (the
/// alphabetic scripts of the BMP's first eighth); others search the runs.
const DIRECT_CASE: usize = 0x2000;

/// One case mapping: its runs (see `tools/gen_unicode_tables.py`), their
/// multi-character texts and two compile-time indexes into the runs.
struct CaseMap {
    runs: &'static [(u32, u32, i32, u8)],
    multi: &'static [&'static str],
    /// Per code point below `DIRECT_CASE`: 1 + its run, or 0 (unmapped).
    direct: [u16; DIRECT_CASE],
    /// Per block of 256: how many runs end before the block.
    index: [u16; BLOCKS + 1],
    /// The property bit saying that the character is mapped.
    mask: u32,
}

impl CaseMap {
    const fn new(
        runs: &'static [(u32, u32, i32, u8)],
        multi: &'static [&'static str],
        mask: u32,
    ) -> Self {
        let mut direct = [0u16; DIRECT_CASE];
        let mut index = [0u16; BLOCKS + 1];
        let mut k = 0;
        while k < runs.len() {
            let (first, last, _, stride) = runs[k];
            // `apply` tests the stride with a mask: strides are 0, 1 or 2.
            assert!(stride <= 2);
            let mut cp = first as usize;
            while cp <= last as usize && cp < DIRECT_CASE {
                direct[cp] = k as u16 + 1;
                cp += if stride == 0 { 1 } else { stride as usize };
            }
            k += 1;
        }
        let (mut b, mut i) = (0, 0);
        while b <= BLOCKS {
            while i < runs.len() && runs[i].1 < (b as u32) << 8 {
                i += 1;
            }
            index[b] = i as u16;
            b += 1;
        }
        CaseMap {
            runs,
            multi,
            direct,
            index,
            mask,
        }
    }

    /// The mapping of `c` (not ASCII).
    #[inline]
    fn get(&self, c: char) -> Mapped {
        let cp = c as u32;
        let k = match self.direct.get(cp as usize) {
            Some(0) => return Mapped::One(c),
            Some(&k) => k as usize - 1,
            None => {
                if !has(c, self.mask) {
                    return Mapped::One(c);
                }
                // The first run ending at or after cp, among the block's runs.
                let (lo, hi) = block_bounds(&self.index, cp);
                lo + self
                    .runs
                    .get(lo..hi)
                    .unwrap_or_default()
                    .partition_point(|r| r.1 < cp)
            }
        };
        match self.runs.get(k) {
            Some(&(first, _, delta, 0)) if first == cp => {
                match usize::try_from(delta).ok().and_then(|i| self.multi.get(i)) {
                    Some(s) => Mapped::Many(s),
                    None => Mapped::One(c),
                }
            }
            Some(&(first, _, delta, stride))
                if stride != 0 && first <= cp && (cp - first) & u32::from(stride - 1) == 0 =>
            {
                Mapped::One(char::from_u32(cp.wrapping_add_signed(delta)).unwrap_or(c))
            }
            _ => Mapped::One(c),
        }
    }
}

static LOWER_MAP: CaseMap = CaseMap::new(&t::LOWER_RUNS, &t::LOWER_MULTI, LOWER_MAPS);
static UPPER_MAP: CaseMap = CaseMap::new(&t::UPPER_RUNS, &t::UPPER_MULTI, UPPER_MAPS);
static TITLE_MAP: CaseMap = CaseMap::new(&t::TITLE_RUNS, &t::TITLE_MULTI, TITLE_MAPS);
static FOLD_MAP: CaseMap = CaseMap::new(&t::FOLD_RUNS, &t::FOLD_MULTI, FOLD_MAPS);

/// `_PyUnicode_ToLowerFull` (without the final-sigma rule).
#[inline]
pub(crate) fn to_lower(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_lowercase());
    }
    LOWER_MAP.get(c)
}

/// `_PyUnicode_ToUpperFull`.
#[inline]
pub(crate) fn to_upper(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_uppercase());
    }
    UPPER_MAP.get(c)
}

/// `_PyUnicode_ToTitleFull`.
#[inline]
pub(crate) fn to_title(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_uppercase());
    }
    TITLE_MAP.get(c)
}

/// `_PyUnicode_ToFoldedFull`.
#[inline]
pub(crate) fn to_fold(c: char) -> Mapped {
    if c.is_ascii() {
        return Mapped::One(c.to_ascii_lowercase());
    }
    FOLD_MAP.get(c)
}

/// The Unicode version the tables follow (that of CPython 3.11).
pub fn unicode_version() -> &'static str {
    t::UNICODE_VERSION
}
