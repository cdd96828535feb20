//! `range`: a lazy arithmetic sequence of ints (`range(0, 10, 2)`).

use crate::error::{err, exc};
use crate::value::slice::slice_indices;
use crate::value::traits::{PyIterable, PyLen, PyValue};
use crate::value::List;
use crate::Result;

/// A Python `range`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    /// `range(start, stop, step)`; `ValueError` when `step == 0`.
    pub fn new(start: i64, stop: i64, step: i64) -> Result<Range> {
        if step == 0 {
            return err(&exc::ValueError, "range() arg 3 must not be zero");
        }
        Ok(Range { start, stop, step })
    }
    /// The number of items (may exceed `i64::MAX` for huge ranges).
    pub fn len_u64(&self) -> u64 {
        let (lo, hi, step) = if self.step > 0 {
            (self.start as i128, self.stop as i128, self.step as i128)
        } else {
            (self.stop as i128, self.start as i128, -(self.step as i128))
        };
        if lo >= hi {
            0
        } else {
            ((hi - lo - 1) / step + 1) as u64
        }
    }
    /// `len(r)`; `OverflowError` beyond `i64::MAX` items, as CPython.
    pub fn len(&self) -> Result<i64> {
        i64::try_from(self.len_u64()).or_else(|_| {
            err(
                &exc::OverflowError,
                "Python int too large to convert to C ssize_t",
            )
        })
    }
    pub fn is_empty(&self) -> bool {
        self.len_u64() == 0
    }
    fn at(&self, k: u64) -> i64 {
        (self.start as i128 + k as i128 * self.step as i128) as i64
    }
    /// `r[i]`.
    pub fn get_item(&self, i: i64) -> Result<i64> {
        let n = self.len_u64() as i128;
        let j = if i < 0 { i as i128 + n } else { i as i128 };
        if j < 0 || j >= n {
            return err(&exc::IndexError, "range object index out of range");
        }
        Ok(self.at(j as u64))
    }
    /// `r[start:stop:step]`: another range, as CPython computes it.
    pub fn get_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<Range> {
        let n = usize::try_from(self.len_u64())
            .unwrap_or(usize::MAX)
            .min(i64::MAX as usize);
        let idx = slice_indices(n, start, stop, step)?;
        let conv = |v: i128| -> Result<i64> {
            i64::try_from(v).or_else(|_| {
                err(
                    &exc::OverflowError,
                    "Python int too large to convert to C int64",
                )
            })
        };
        let s = self.start as i128;
        let st = self.step as i128;
        Ok(Range {
            start: conv(s + idx.start as i128 * st)?,
            stop: conv(s + idx.stop as i128 * st)?,
            step: conv(st * idx.step as i128)?,
        })
    }
    /// `x in r`.
    pub fn contains(&self, x: i64) -> bool {
        let (x, s, e, st) = (
            x as i128,
            self.start as i128,
            self.stop as i128,
            self.step as i128,
        );
        let inside = if st > 0 {
            s <= x && x < e
        } else {
            e < x && x <= s
        };
        inside && (x - s) % st == 0
    }
    /// `r.index(x)`.
    pub fn index(&self, x: i64) -> Result<i64> {
        if !self.contains(x) {
            return err(&exc::ValueError, format!("{x} is not in range"));
        }
        Ok(((x as i128 - self.start as i128) / self.step as i128) as i64)
    }
    /// `r.count(x)`.
    pub fn count(&self, x: i64) -> Result<i64> {
        Ok(self.contains(x) as i64)
    }
}

impl PyValue for Range {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        if self.step == 1 {
            out.push_str(&format!("range({}, {})", self.start, self.stop));
        } else {
            out.push_str(&format!(
                "range({}, {}, {})",
                self.start, self.stop, self.step
            ));
        }
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        let (n, m) = (self.len_u64(), other.len_u64());
        if n != m {
            return Ok(false);
        }
        if n == 0 {
            return Ok(true);
        }
        if self.start != other.start {
            return Ok(false);
        }
        Ok(n == 1 || self.step == other.step)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "range"
    }
}

impl PyLen for Range {
    fn py_len(&self) -> Result<i64> {
        self.len()
    }
}

/// Iterator over a range.
pub struct RangeIter {
    next: i64,
    step: i64,
    remaining: u64,
}

impl Iterator for RangeIter {
    type Item = Result<i64>;
    #[inline]
    fn next(&mut self) -> Option<Result<i64>> {
        if self.remaining == 0 {
            return None;
        }
        let v = self.next;
        self.remaining -= 1;
        self.next = v.wrapping_add(self.step);
        Some(Ok(v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = usize::try_from(self.remaining).unwrap_or(usize::MAX);
        (n, Some(n))
    }
}

impl PyIterable for Range {
    type Item = i64;
    type Iter = RangeIter;
    fn py_iter(&self) -> RangeIter {
        RangeIter {
            next: self.start,
            step: self.step,
            remaining: self.len_u64(),
        }
    }
    fn to_list(&self) -> Result<List<i64>> {
        let n = self.len()?;
        let mut v = Vec::new();
        if v.try_reserve_exact(n as usize).is_err() {
            return Err(crate::Error::bare(&exc::MemoryError));
        }
        v.extend((0..n as u64).map(|k| self.at(k)));
        Ok(List::from_vec(v))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::repr;

    fn r(a: i64, b: i64, c: i64) -> Range {
        Range::new(a, b, c).unwrap()
    }

    #[test]
    fn ranges_like_cpython() {
        // python3 -c "print(range(10)[1:8:3], range(10)[::-1], range(0,10,3)[:2], len(range(-5, 5, 3)), list(range(5, -5, -3)))"
        assert_eq!(
            repr(&r(0, 10, 1).get_slice(Some(1), Some(8), Some(3)).unwrap()).unwrap(),
            "range(1, 8, 3)"
        );
        assert_eq!(
            repr(&r(0, 10, 1).get_slice(None, None, Some(-1)).unwrap()).unwrap(),
            "range(9, -1, -1)"
        );
        assert_eq!(
            repr(&r(0, 10, 3).get_slice(None, Some(2), None).unwrap()).unwrap(),
            "range(0, 6, 3)"
        );
        assert_eq!(r(-5, 5, 3).len().unwrap(), 4);
        let v: Vec<i64> = r(5, -5, -3).py_iter().map(|x| x.unwrap()).collect();
        assert_eq!(v, vec![5, 2, -1, -4]);
        assert_eq!(
            Range::new(0, 1, 0).unwrap_err().message(),
            "range() arg 3 must not be zero"
        );
        assert_eq!(
            r(i64::MIN, i64::MAX, 1).len().unwrap_err().message(),
            "Python int too large to convert to C ssize_t"
        );
        assert_eq!(r(i64::MAX - 2, i64::MAX, 1).py_iter().count(), 2);
        assert_eq!(r(0, 10, 2).get_item(-1).unwrap(), 8);
        assert_eq!(
            r(0, 10, 2).get_item(5).unwrap_err().message(),
            "range object index out of range"
        );
        assert!(r(0, 10, 2).contains(4));
        assert!(!r(0, 10, 2).contains(5));
        assert!(r(0, 0, 1).py_eq(&r(5, 2, 3)).unwrap());
        assert!(r(0, 3, 5).py_eq(&r(0, 1, 7)).unwrap());
        assert_eq!(repr(&r(0, 5, 1)).unwrap(), "range(0, 5)");
    }
}
