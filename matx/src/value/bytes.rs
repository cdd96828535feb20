//! `bytes`: an immutable, cheaply shared byte string.

use crate::error::{err, exc};
use crate::text;
use crate::value::slice::{norm_index, slice_indices};
use crate::value::str::hash_bytes;
use crate::value::traits::{PyIterable, PyLen, PyValue};
use crate::value::List;
use crate::Result;
use std::sync::Arc;

/// A Python `bytes`. Cloning shares the buffer.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Bytes(Arc<[u8]>);

impl Bytes {
    pub fn new(b: &[u8]) -> Self {
        Bytes(Arc::from(b))
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
    /// Whether two handles share one buffer.
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
    /// `len(b)`.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// `b[i]`: an int in `0..=255`.
    pub fn get_item(&self, i: i64) -> Result<i64> {
        match norm_index(i, self.0.len()) {
            Some(j) => Ok(self.0[j] as i64),
            None => err(&exc::IndexError, "index out of range"),
        }
    }
    /// `b[start:stop:step]`.
    pub fn get_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<Bytes> {
        let idx = slice_indices(self.0.len(), start, stop, step)?;
        if idx.step == 1 {
            let a = idx.start.max(0) as usize;
            return Ok(Bytes::new(&self.0[a..a + idx.len]));
        }
        Ok(Bytes::from(
            idx.positions().map(|p| self.0[p]).collect::<Vec<u8>>(),
        ))
    }
    /// `a + b` (`MemoryError` when the result cannot be allocated).
    pub fn concat(&self, other: &Bytes) -> Result<Bytes> {
        let len = self.0.len().checked_add(other.0.len());
        let mut v = text::vec_with_capacity(len.ok_or_else(text::memory_error)?)?;
        v.extend_from_slice(&self.0);
        v.extend_from_slice(&other.0);
        Ok(Bytes::from(v))
    }
    /// `b * n`.
    pub fn repeat(&self, n: i64) -> Result<Bytes> {
        if n <= 0 || self.is_empty() {
            return Ok(Bytes::new(b""));
        }
        let total = text::repeat_len(self.0.len(), n, "repeated bytes are too long")?;
        let mut out = text::vec_with_capacity(total)?;
        for _ in 0..n {
            out.extend_from_slice(&self.0);
        }
        Ok(Bytes::from(out))
    }
    /// `sub in b`.
    pub fn contains(&self, sub: &Bytes) -> bool {
        let (h, n) = (&self.0[..], &sub.0[..]);
        n.is_empty() || h.windows(n.len()).any(|w| w == n)
    }
    /// `x in b` for an int `x` (`ValueError` outside `0..=255`).
    pub fn contains_int(&self, x: i64) -> Result<bool> {
        if !(0..=255).contains(&x) {
            return err(&exc::ValueError, "byte must be in range(0, 256)");
        }
        Ok(self.0.contains(&(x as u8)))
    }
    /// `list(b)`.
    pub fn to_int_list(&self) -> List<i64> {
        List::from_vec(self.0.iter().map(|&b| b as i64).collect())
    }
}

impl Default for Bytes {
    fn default() -> Self {
        Bytes::new(b"")
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(v: Vec<u8>) -> Self {
        Bytes(Arc::from(v))
    }
}

impl From<&[u8]> for Bytes {
    fn from(v: &[u8]) -> Self {
        Bytes::new(v)
    }
}

impl AsRef<[u8]> for Bytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

/// `repr()` of bytes as CPython writes it: `b'...'` with `\xNN` escapes.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            c if !(0x20..0x7f).contains(&c) => out.push_str(&format!("\\x{c:02x}")),
            c => out.push(c as char),
        }
    }
    out.push(quote as char);
    out
}

impl PyValue for Bytes {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str(&repr_bytes(&self.0));
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(self.0 == other.0)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.0.is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "bytes"
    }
    fn py_hash(&self) -> Result<i64> {
        Ok(hash_bytes(&self.0))
    }
}

impl PyLen for Bytes {
    fn py_len(&self) -> Result<i64> {
        Ok(self.0.len() as i64)
    }
}

/// Iterator over the bytes of a `bytes`, each an int.
pub struct BytesIter {
    b: Bytes,
    pos: usize,
}

impl Iterator for BytesIter {
    type Item = Result<i64>;
    fn next(&mut self) -> Option<Result<i64>> {
        let c = *self.b.0.get(self.pos)?;
        self.pos += 1;
        Some(Ok(c as i64))
    }
}

impl PyIterable for Bytes {
    type Item = i64;
    type Iter = BytesIter;
    fn py_iter(&self) -> BytesIter {
        BytesIter {
            b: self.clone(),
            pos: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_like_cpython() {
        // python3 -c "print(repr(b\"it's\"), repr(b'a\\x00\\x7f\\xff\\t\\\\'), repr(b'\\'\"'))"
        assert_eq!(repr_bytes(b"it's"), "b\"it's\"");
        assert_eq!(
            repr_bytes(b"a\x00\x7f\xff\t\\"),
            "b'a\\x00\\x7f\\xff\\t\\\\'"
        );
        assert_eq!(repr_bytes(b"'\""), "b'\\'\"'");
        assert_eq!(repr_bytes(b""), "b''");
    }

    #[test]
    fn indexing_and_slicing() {
        let b = Bytes::new(b"hello");
        assert_eq!(b.get_item(-1).unwrap(), 111);
        assert_eq!(b.get_item(5).unwrap_err().message(), "index out of range");
        assert_eq!(
            b.get_slice(None, None, Some(-2)).unwrap().as_bytes(),
            b"olh"
        );
        assert_eq!(
            b.get_slice(Some(1), Some(3), None).unwrap().as_bytes(),
            b"el"
        );
        assert_eq!(b.get_slice(Some(9), None, None).unwrap().as_bytes(), b"");
        assert!(b.contains(&Bytes::new(b"ll")));
        assert!(b.contains(&Bytes::new(b"")));
        assert!(!b.contains(&Bytes::new(b"lo!")));
        assert_eq!(b.repeat(2).unwrap().as_bytes(), b"hellohello");
        assert_eq!(b.concat(&Bytes::new(b"!")).unwrap().as_bytes(), b"hello!");
        let v: Vec<i64> = b.py_iter().map(|x| x.unwrap()).collect();
        assert_eq!(v, vec![104, 101, 108, 108, 111]);
        assert_eq!(
            b.contains_int(256).unwrap_err().message(),
            "byte must be in range(0, 256)"
        );
    }
}
