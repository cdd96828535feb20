//! `str`: an immutable, cheaply shared UTF-8 string indexed by code point.

use crate::error::{err, exc};
use crate::text;
use crate::value::slice::{norm_index, slice_indices};
use crate::value::traits::{PyIterable, PyLen, PyValue};
use crate::value::List;
use crate::Result;
use std::sync::{Arc, OnceLock};

/// A Python `str`. Short strings (up to [`INLINE_CAP`] bytes of UTF-8: nearly every word a
/// tokenizer produces) live inside the handle, so making, cloning and dropping one touches no
/// allocator and no atomic counter; longer ones share one immutable buffer between clones.
#[derive(Clone)]
pub struct Str(Repr);

/// The most UTF-8 bytes a [`Str`] holds without a heap buffer.
pub const INLINE_CAP: usize = 22;

#[derive(Clone)]
enum Repr {
    /// Invariants: `buf[..len]` is valid UTF-8 (only ever copied from a `&str`) and
    /// `buf[len..]` is zero. Only strings of at most `INLINE_CAP` bytes are inline, and only
    /// longer ones are `Heap`.
    Inline {
        len: u8,
        buf: [u8; INLINE_CAP],
    },
    Heap(Arc<HeapStr>),
}

/// `b` (at most `INLINE_CAP` bytes) in a zeroed inline buffer. Two possibly overlapping
/// copies of a fixed size instead of one of `b.len()` bytes: no call to `memcpy` for the
/// short words strings mostly are.
#[inline]
fn inline_bytes(b: &[u8]) -> [u8; INLINE_CAP] {
    fn both_ends<const K: usize>(buf: &mut [u8; INLINE_CAP], b: &[u8]) {
        let n = b.len();
        if let (Ok(head), Ok(tail)) = (
            <[u8; K]>::try_from(&b[..K]),
            <[u8; K]>::try_from(&b[n - K..]),
        ) {
            buf[..K].copy_from_slice(&head);
            buf[n - K..n].copy_from_slice(&tail);
        }
    }
    let mut buf = [0u8; INLINE_CAP];
    match b.len() {
        16.. => both_ends::<16>(&mut buf, b),
        8..=15 => both_ends::<8>(&mut buf, b),
        4..=7 => both_ends::<4>(&mut buf, b),
        n => buf[..n].copy_from_slice(b),
    }
    buf
}

/// A string too long to be inline, with what Python's fixed-width strings know for free:
/// its length in code points, and (made on the first `s[i]` of a non-ASCII string, shared
/// by every clone and thread) the byte offset of each code point.
struct HeapStr {
    text: Box<str>,
    chars: usize,
    offsets: OnceLock<Box<[u32]>>,
}

impl HeapStr {
    fn new(text: Box<str>) -> Self {
        let chars = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        HeapStr {
            text,
            chars,
            offsets: OnceLock::new(),
        }
    }
    fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }
    /// The byte offset of every code point, and the text's length last (made on first use,
    /// shared by every clone and thread); `None` past 4 GiB, where offsets would not fit.
    fn offsets(&self) -> Option<&[u32]> {
        if u32::try_from(self.text.len()).is_err() {
            return None;
        }
        Some(self.offsets.get_or_init(|| {
            let text = &self.text;
            let mut v: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
            v.push(text.len() as u32);
            v.into_boxed_slice()
        }))
    }
    /// The byte offset of code point `j` (`j <= chars`; the text's length for `j == chars`).
    fn byte_offset(&self, j: usize) -> usize {
        match self.offsets() {
            Some(o) => o.get(j).map_or(self.text.len(), |&b| b as usize),
            None => scan_offset(&self.text, j),
        }
    }
    /// The byte range of code point `j` (`j < chars`; the text is not ASCII).
    fn char_at(&self, j: usize) -> Option<&str> {
        let (a, b) = (self.byte_offset(j), self.byte_offset(j + 1));
        self.text.get(a..b)
    }
}

/// The byte offset of code point `j` of `s` by scanning (its length past the end).
fn scan_offset(s: &str, j: usize) -> usize {
    s.char_indices().nth(j).map_or(s.len(), |(b, _)| b)
}

impl Str {
    pub fn new(s: &str) -> Self {
        if s.len() <= INLINE_CAP {
            Str(Repr::Inline {
                len: s.len() as u8,
                buf: inline_bytes(s.as_bytes()),
            })
        } else {
            Str(Repr::Heap(Arc::new(HeapStr::new(Box::from(s)))))
        }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Inline { len, buf } => {
                let bytes = &buf[..usize::from(*len).min(INLINE_CAP)];
                // SAFETY: `Repr::Inline` is only built by `Str::new` from the bytes of a
                // `&str` (cut at its end), so `buf[..len]` is valid UTF-8.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Repr::Heap(s) => &s.text,
        }
    }
    /// A one-character string (inline: `s[i]` never allocates).
    pub fn from_char(c: char) -> Self {
        let mut buf = [0u8; INLINE_CAP];
        let len = c.encode_utf8(&mut buf).len() as u8;
        Str(Repr::Inline { len, buf })
    }
    /// `len(s)`: the number of code points.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Heap(h) => h.chars,
            Repr::Inline { .. } => {
                let s = self.as_str();
                if s.is_ascii() {
                    s.len()
                } else {
                    s.chars().count()
                }
            }
        }
    }
    /// Whether every character is ASCII (then code points are bytes).
    pub fn is_ascii(&self) -> bool {
        match &self.0 {
            Repr::Heap(h) => h.is_ascii(),
            Repr::Inline { .. } => self.as_str().is_ascii(),
        }
    }
    pub fn is_empty(&self) -> bool {
        self.as_str().is_empty()
    }

    /// `s[i]` (negative indices count from the end).
    pub fn get_item(&self, i: i64) -> Result<Str> {
        self.char_at(i).map(Str::from_char)
    }

    /// The code point `s[i]` is made of, without making that one-character string (what
    /// compiled code compares with `==` and looks up with `in`).
    #[inline]
    pub fn char_at(&self, i: i64) -> Result<char> {
        let s = self.as_str();
        let c = match &self.0 {
            Repr::Heap(h) if h.is_ascii() => {
                norm_index(i, s.len()).map(|j| char::from(s.as_bytes()[j]))
            }
            // O(1) from the offsets table, as CPython indexes its fixed-width strings.
            Repr::Heap(h) => norm_index(i, h.chars)
                .and_then(|j| h.char_at(j))
                .and_then(|p| p.chars().next()),
            // At most 22 bytes: a scan is cheaper than any table.
            Repr::Inline { .. } if s.is_ascii() => {
                norm_index(i, s.len()).map(|j| char::from(s.as_bytes()[j]))
            }
            Repr::Inline { .. } => norm_index(i, s.chars().count()).and_then(|j| s.chars().nth(j)),
        };
        match c {
            Some(c) => Ok(c),
            None => err(&exc::IndexError, "string index out of range"),
        }
    }

    /// A string literal of at most [`INLINE_CAP`] bytes, made at compile time (compiled
    /// scripts' short literals: no lazy static, no allocation). Longer text fails to compile.
    pub const fn literal(s: &'static str) -> Str {
        let b = s.as_bytes();
        assert!(b.len() <= INLINE_CAP, "Str::literal: too long to be inline");
        let mut buf = [0u8; INLINE_CAP];
        let mut i = 0;
        while i < b.len() {
            buf[i] = b[i];
            i += 1;
        }
        Str(Repr::Inline {
            len: b.len() as u8,
            buf,
        })
    }

    pub fn get_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<Str> {
        let s = self.as_str();
        if self.is_ascii() {
            let idx = slice_indices(s.len(), start, stop, step)?;
            if idx.step == 1 {
                let a = idx.start as usize;
                return Ok(Str::new(&s[a..a + idx.len]));
            }
            let b = s.as_bytes();
            let out: Vec<u8> = idx.positions().map(|p| b[p]).collect();
            return Ok(Str::from(String::from_utf8_lossy(&out).into_owned()));
        }
        // O(length of the slice): code points are found through the offsets table of a
        // long string (as CPython slices its fixed-width strings), by a scan of a short one.
        let idx = slice_indices(self.len(), start, stop, step)?;
        if idx.len == 0 {
            return Ok(Str::new(""));
        }
        let offset = |j: usize| match &self.0 {
            Repr::Heap(h) => h.byte_offset(j),
            Repr::Inline { .. } => scan_offset(s, j),
        };
        if idx.step == 1 {
            let a = offset(idx.start as usize);
            let b = offset(idx.start as usize + idx.len);
            return Ok(Str::new(s.get(a..b).unwrap_or_default()));
        }
        let out: String = idx
            .positions()
            .filter_map(|p| s.get(offset(p)..).and_then(|t| t.chars().next()))
            .collect();
        Ok(Str::from(out))
    }

    /// `a + b` (`MemoryError` when the result cannot be allocated).
    pub fn concat(&self, other: &Str) -> Result<Str> {
        if other.is_empty() {
            return Ok(self.clone());
        }
        if self.is_empty() {
            return Ok(other.clone());
        }
        let (a, b) = (self.as_str().as_bytes(), other.as_str().as_bytes());
        if a.len() + b.len() <= INLINE_CAP {
            // Short enough to be inline: no heap string made and dropped on the way.
            let mut buf = [0u8; INLINE_CAP];
            buf[..a.len()].copy_from_slice(a);
            buf[a.len()..a.len() + b.len()].copy_from_slice(b);
            // Two whole UTF-8 strings one after the other are UTF-8.
            return Ok(Str(Repr::Inline {
                len: (a.len() + b.len()) as u8,
                buf,
            }));
        }
        let len = a.len().checked_add(b.len());
        let mut s = text::string_with_capacity(len.ok_or_else(text::memory_error)?)?;
        s.push_str(self.as_str());
        s.push_str(other.as_str());
        Ok(Str::from(s))
    }

    /// `s * n` (`n <= 0` gives `''`).
    pub fn repeat(&self, n: i64) -> Result<Str> {
        if n <= 0 || self.is_empty() {
            return Ok(Str::new(""));
        }
        if n == 1 {
            return Ok(self.clone());
        }
        let total = text::repeat_len(self.as_str().len(), n, "repeated string is too long")?;
        let mut out = text::string_with_capacity(total)?;
        for _ in 0..n {
            out.push_str(self.as_str());
        }
        Ok(Str::from(out))
    }

    /// `sub in s`.
    pub fn contains(&self, sub: &Str) -> bool {
        self.as_str().contains(sub.as_str())
    }

    /// `list(s)`: one string per code point.
    pub fn chars_list(&self) -> List<Str> {
        List::from_vec(self.as_str().chars().map(Str::from_char).collect())
    }
}

impl Default for Str {
    fn default() -> Self {
        Str::new("")
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Self {
        Str::new(s)
    }
}

impl From<String> for Str {
    fn from(s: String) -> Self {
        if s.len() <= INLINE_CAP {
            Str::new(&s)
        } else {
            Str(Repr::Heap(Arc::new(HeapStr::new(s.into_boxed_str()))))
        }
    }
}

impl PartialEq for Str {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            // The bytes past `len` are zero, so two inline strings are equal exactly when their
            // whole representations are: one fixed-size compare, no call to `memcmp`.
            (Repr::Inline { len: a, buf: x }, Repr::Inline { len: b, buf: y }) => a == b && x == y,
            (Repr::Heap(a), Repr::Heap(b)) => Arc::ptr_eq(a, b) || a.text == b.text,
            // A string is inline exactly when it is short enough.
            _ => false,
        }
    }
}

impl Eq for Str {}

/// Hashes as the `str` it holds, so a `Dict[str, _]` can be searched with a `&str`.
impl std::hash::Hash for Str {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl From<char> for Str {
    fn from(c: char) -> Self {
        Str::from_char(c)
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for Str {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&repr_str(self.as_str()))
    }
}

impl std::fmt::Display for Str {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `repr()` of a str as CPython writes it (quote choice and escapes).
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c)
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_ascii() => out.push(c),
            c if crate::text::is_printable(c) => out.push(c),
            c => {
                let u = c as u32;
                if u <= 0xff {
                    out.push_str(&format!("\\x{u:02x}"));
                } else if u <= 0xffff {
                    out.push_str(&format!("\\u{u:04x}"));
                } else {
                    out.push_str(&format!("\\U{u:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// A deterministic hash of a byte string (CPython's is randomized per process).
pub(crate) fn hash_bytes(b: &[u8]) -> i64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    b.hash(&mut h);
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

impl PyValue for Str {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str(&repr_str(self.as_str()));
        Ok(())
    }
    fn py_str(&self, out: &mut String) -> Result<()> {
        out.push_str(self.as_str());
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(self == other)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.as_str().is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "str"
    }
    fn py_hash(&self) -> Result<i64> {
        Ok(hash_bytes(self.as_str().as_bytes()))
    }
}

impl PyLen for Str {
    fn py_len(&self) -> Result<i64> {
        Ok(self.len() as i64)
    }
}

/// Iterator over the characters of a `str`, each a one-character `Str`.
pub struct StrIter {
    s: Str,
    pos: usize,
}

impl Iterator for StrIter {
    type Item = Result<Str>;
    fn next(&mut self) -> Option<Result<Str>> {
        let c = self.s.as_str()[self.pos..].chars().next()?;
        self.pos += c.len_utf8();
        Some(Ok(Str::from_char(c)))
    }
}

impl PyIterable for Str {
    type Item = Str;
    type Iter = StrIter;
    fn py_iter(&self) -> StrIter {
        StrIter {
            s: self.clone(),
            pos: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::traits::PyOrd;

    /// Slices and single code points of long and short, ASCII and non-ASCII strings agree
    /// with slicing the code points themselves (Python's meaning), for every bound and step.
    #[test]
    fn slices_and_code_points_by_code_point() {
        let long: String = "aé中😀b ".repeat(9);
        for text in [
            long.as_str(),
            "aé中😀bc",
            "plain ascii text long enough to be heap",
        ] {
            let s = Str::new(text);
            let cs: Vec<char> = text.chars().collect();
            let n = cs.len() as i64;
            for i in -n - 1..=n {
                let want = (i >= -n && i < n).then(|| cs[(i + if i < 0 { n } else { 0 }) as usize]);
                assert_eq!(s.char_at(i).ok(), want, "{text:?}[{i}]");
                assert_eq!(
                    s.get_item(i).ok().map(|c| c.as_str().to_string()),
                    want.map(String::from)
                );
            }
            for step in [1, 2, 3, -1, -2] {
                for a in [-n - 2, -3, 0, 1, 5, n, n + 3] {
                    for b in [-n - 2, -1, 0, 2, 7, n, n + 3] {
                        let got = s.get_slice(Some(a), Some(b), Some(step)).unwrap();
                        let idx = slice_indices(cs.len(), Some(a), Some(b), Some(step)).unwrap();
                        let want: String = idx.positions().map(|p| cs[p]).collect();
                        assert_eq!(got.as_str(), want, "{text:?}[{a}:{b}:{step}]");
                    }
                }
            }
        }
        const LIT: Str = Str::literal("héllo");
        assert_eq!(LIT, Str::new("héllo"));
    }

    #[test]
    fn short_strings_are_inline_and_long_ones_shared() {
        assert_eq!(std::mem::size_of::<Str>(), 24);
        assert_eq!(
            std::mem::size_of::<crate::Any>(),
            24,
            "Str's tag byte is Any's niche"
        );
        for text in [
            "",
            "a",
            "héllo",
            "exactly twenty-two by.",
            "twenty-three bytes long",
        ] {
            let s = Str::new(text);
            assert_eq!(s.as_str(), text);
            assert_eq!(Str::from(text.to_string()).as_str(), text);
            assert_eq!(matches!(s.0, Repr::Inline { .. }), text.len() <= INLINE_CAP);
        }
        // Every inline length, multi-byte characters included, keeps its bytes and compares
        // equal to the same text made another way.
        let text: String = "aé中😀bcdefghijklmnopqrstuvw".into();
        for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
            let t = &text[..end];
            let s = Str::new(t);
            assert_eq!(s.as_str(), t);
            assert!(s == Str::from(t.to_string()) && s.len() == t.chars().count());
        }
        // Multi-byte characters right at the edge stay whole.
        let edge = "ééééééééééé"; // 11 × 2 bytes = 22
        assert_eq!(Str::new(edge).len(), 11);
        let long = Str::new(&"x".repeat(100));
        // A clone of a long string shares its buffer; an equal string made anew does not.
        let shares = |a: &Str, b: &Str| matches!((&a.0, &b.0), (Repr::Heap(x), Repr::Heap(y)) if Arc::ptr_eq(x, y));
        assert!(shares(&long, &long.clone()));
        assert!(!shares(&long, &Str::new(&"x".repeat(100))));
        // Equality, order and hashing see the text, never the representation.
        use std::hash::BuildHasher;
        let h = std::collections::hash_map::RandomState::new();
        let (a, b) = (Str::new(&"y".repeat(30)), Str::from("y".repeat(30)));
        assert!(a == b && a.cmp(&b).is_eq());
        assert_eq!(h.hash_one(&a), h.hash_one("y".repeat(30).as_str()));
        assert_eq!(h.hash_one(Str::new("ab")), h.hash_one("ab"));
        assert!(Str::new("ab") < Str::new(&"b".repeat(40)));
    }

    /// `len` and `s[i]` of long non-ASCII strings (the offsets table) against a plain scan,
    /// from several threads at once (the table is made once, by whichever comes first).
    #[test]
    fn long_strings_index_by_code_point() {
        let text: String = "aé中😀 ".repeat(50);
        let chars: Vec<char> = text.chars().collect();
        let s = Str::new(&text);
        assert_eq!(s.len(), chars.len());
        std::thread::scope(|t| {
            for _ in 0..4 {
                t.spawn(|| {
                    for i in -(chars.len() as i64)..chars.len() as i64 {
                        let j = if i < 0 { i + chars.len() as i64 } else { i } as usize;
                        assert_eq!(s.get_item(i).unwrap().as_str(), chars[j].to_string());
                    }
                });
            }
        });
        assert!(s.get_item(chars.len() as i64).is_err());
        let short = Str::new("é中x");
        assert_eq!(
            (short.len(), short.get_item(1).unwrap().as_str()),
            (3, "中")
        );
        assert_eq!(short.get_item(-1).unwrap().as_str(), "x");
        let ascii = Str::new(&"ab".repeat(20));
        assert!(ascii.is_ascii() && !s.is_ascii());
        assert_eq!(ascii.get_item(-1).unwrap().as_str(), "b");
    }

    fn s(x: &str) -> Str {
        Str::new(x)
    }

    #[test]
    fn reprs_match_cpython() {
        // python3 -c "print(repr(\"it's\"), repr('a\"b'), repr('a\\'\"b'), repr('\\x00\\x7f\\x80\\xa0é\\u200b\\U0001f600\\ud7ff'))"
        assert_eq!(repr_str("it's"), "\"it's\"");
        assert_eq!(repr_str("a\"b"), "'a\"b'");
        assert_eq!(repr_str("a'\"b"), "'a\\'\"b'");
        assert_eq!(repr_str("\\\n\r\t"), "'\\\\\\n\\r\\t'");
        assert_eq!(
            repr_str("\u{0}\u{7f}\u{80}\u{a0}é\u{200b}😀"),
            "'\\x00\\x7f\\x80\\xa0é\\u200b😀'"
        );
        assert_eq!(repr_str("\u{f0000}"), "'\\U000f0000'");
    }

    #[test]
    fn indexing() {
        let t = s("héllo😀");
        assert_eq!(t.len(), 6);
        assert_eq!(t.get_item(-1).unwrap(), "😀");
        assert_eq!(t.get_item(1).unwrap(), "é");
        assert_eq!(t.get_item(-6).unwrap(), "h");
        assert_eq!(
            t.get_item(6).unwrap_err().message(),
            "string index out of range"
        );
        assert!(t.get_item(-7).is_err());
        assert!(t.get_item(i64::MIN).is_err());
        assert_eq!(s("abc").get_item(-1).unwrap(), "c");
        assert!(s("").get_item(0).is_err());
    }

    #[test]
    fn slicing() {
        let t = s("héllo😀");
        // python3 -c "t='héllo😀'; print(t[::-1], t[1:4], t[::2], t[-2:], t[4:1:-1])"
        assert_eq!(t.get_slice(None, None, Some(-1)).unwrap(), "😀olléh");
        assert_eq!(t.get_slice(Some(1), Some(4), None).unwrap(), "éll");
        assert_eq!(t.get_slice(None, None, Some(2)).unwrap(), "hlo");
        assert_eq!(t.get_slice(Some(-2), None, None).unwrap(), "o😀");
        assert_eq!(t.get_slice(Some(4), Some(1), Some(-1)).unwrap(), "oll");
        assert_eq!(
            s("abcdef").get_slice(Some(1), None, Some(2)).unwrap(),
            "bdf"
        );
        assert_eq!(s("abcdef").get_slice(Some(5), Some(1), None).unwrap(), "");
        assert!(s("abc").get_slice(None, None, Some(0)).is_err());
    }

    #[test]
    fn ops() {
        assert_eq!(s("ab").concat(&s("c")).unwrap(), "abc");
        assert_eq!(s("ab").repeat(3).unwrap(), "ababab");
        assert_eq!(s("ab").repeat(-1).unwrap(), "");
        assert!(s("ab").repeat(i64::MAX).is_err());
        assert!(s("abc").contains(&s("")));
        assert!(!s("abc").contains(&s("ac")));
        assert_eq!(s("a😀").chars_list().len(), 2);
        let v: Vec<Str> = s("a😀").py_iter().map(|x| x.unwrap()).collect();
        assert_eq!(v, vec![s("a"), s("😀")]);
        assert!(s("a").py_lt(&s("b")).unwrap());
        assert!(s("\u{ffff}").py_lt(&s("😀")).unwrap());
    }
}
