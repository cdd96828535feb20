//! `bisect`: CPython's binary searches (`<` only, `lo`/`hi` checks, `key=`) and insertions.

use crate::error::{err, exc};
use crate::value::{List, PyOrd};
use crate::Result;

/// The search bounds as CPython takes them: `lo` must be non-negative; `hi` of None (or -1,
/// which CPython reads as None) is the list's length.
fn bounds(len: usize, lo: i64, hi: Option<i64>) -> Result<(i64, i64)> {
    if lo < 0 {
        return err(&exc::ValueError, "lo must be non-negative");
    }
    let hi = match hi {
        None | Some(-1) => len as i64,
        Some(h) => h,
    };
    Ok((lo, hi))
}

fn search<T: Clone, K: PyOrd>(
    a: &List<T>,
    x: &K,
    lo: i64,
    hi: Option<i64>,
    key: &mut impl FnMut(&T) -> Result<K>,
    right: bool,
) -> Result<i64> {
    let (mut lo, mut hi) = bounds(a.len(), lo, hi)?;
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let item = key(&a.get_item(mid)?)?;
        if right {
            if x.py_lt(&item)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if item.py_lt(x)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn same<T: Clone>(x: &T) -> Result<T> {
    Ok(x.clone())
}

/// `bisect.bisect_left(a, x, lo, hi)`.
pub fn bisect_left<T: PyOrd>(a: List<T>, x: T, lo: i64, hi: Option<i64>) -> Result<i64> {
    search(&a, &x, lo, hi, &mut same, false)
}

/// `bisect.bisect_right(a, x, lo, hi)` (also `bisect.bisect`).
pub fn bisect_right<T: PyOrd>(a: List<T>, x: T, lo: i64, hi: Option<i64>) -> Result<i64> {
    search(&a, &x, lo, hi, &mut same, true)
}

/// `bisect.bisect_left(a, x, lo, hi, key=key)`: `x` is already a key.
pub fn bisect_left_by<T: Clone, K: PyOrd>(
    a: List<T>,
    x: K,
    lo: i64,
    hi: Option<i64>,
    mut key: impl FnMut(&T) -> Result<K>,
) -> Result<i64> {
    search(&a, &x, lo, hi, &mut key, false)
}

/// `bisect.bisect_right(a, x, lo, hi, key=key)`.
pub fn bisect_right_by<T: Clone, K: PyOrd>(
    a: List<T>,
    x: K,
    lo: i64,
    hi: Option<i64>,
    mut key: impl FnMut(&T) -> Result<K>,
) -> Result<i64> {
    search(&a, &x, lo, hi, &mut key, true)
}

/// `bisect.insort_left(a, x, lo, hi)`.
pub fn insort_left<T: PyOrd>(a: List<T>, x: T, lo: i64, hi: Option<i64>) -> Result<()> {
    let i = search(&a, &x, lo, hi, &mut same, false)?;
    a.insert(i, x)
}

/// `bisect.insort_right(a, x, lo, hi)` (also `bisect.insort`).
pub fn insort_right<T: PyOrd>(a: List<T>, x: T, lo: i64, hi: Option<i64>) -> Result<()> {
    let i = search(&a, &x, lo, hi, &mut same, true)?;
    a.insert(i, x)
}

/// `bisect.insort_left(a, x, lo, hi, key=key)`: the item's key is searched for.
pub fn insort_left_by<T: Clone, K: PyOrd>(
    a: List<T>,
    x: T,
    lo: i64,
    hi: Option<i64>,
    mut key: impl FnMut(&T) -> Result<K>,
) -> Result<()> {
    let k = key(&x)?;
    let i = search(&a, &k, lo, hi, &mut key, false)?;
    a.insert(i, x)
}

/// `bisect.insort_right(a, x, lo, hi, key=key)`.
pub fn insort_right_by<T: Clone, K: PyOrd>(
    a: List<T>,
    x: T,
    lo: i64,
    hi: Option<i64>,
    mut key: impl FnMut(&T) -> Result<K>,
) -> Result<()> {
    let k = key(&x)?;
    let i = search(&a, &k, lo, hi, &mut key, true)?;
    a.insert(i, x)
}
