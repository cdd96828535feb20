//! Stable sorting with a fallible `<`, as CPython's `list.sort` (never panics on inconsistent orders).

use crate::Result;

/// Length of the run at the start of `v` and whether it is strictly
/// descending (CPython's `count_run`).
fn count_run<T>(v: &[T], lt: &mut impl FnMut(&T, &T) -> Result<bool>) -> Result<(usize, bool)> {
    let n = v.len();
    if n < 2 {
        return Ok((n, false));
    }
    let mut k = 2;
    if lt(&v[1], &v[0])? {
        while k < n && lt(&v[k], &v[k - 1])? {
            k += 1;
        }
        Ok((k, true))
    } else {
        while k < n && !lt(&v[k], &v[k - 1])? {
            k += 1;
        }
        Ok((k, false))
    }
}

/// Binary insertion sort of `v`, whose first `start` items are sorted
/// (CPython's `binarysort`).
fn binary_sort<T>(
    v: &mut [T],
    start: usize,
    lt: &mut impl FnMut(&T, &T) -> Result<bool>,
) -> Result<()> {
    for i in start.max(1)..v.len() {
        let (mut l, mut r) = (0, i);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(&v[i], &v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v[l..=i].rotate_right(1);
    }
    Ok(())
}

/// Sorts one chunk: the natural run at its start, then binary insertion.
fn sort_chunk<T>(v: &mut [T], lt: &mut impl FnMut(&T, &T) -> Result<bool>) -> Result<()> {
    let (run, desc) = count_run(v, lt)?;
    if desc {
        v[..run].reverse();
    }
    binary_sort(v, run, lt)
}

const CHUNK: usize = 32;

/// Sorts `v` stably using only `lt` (`a < b`); an error from `lt` stops the
/// sort and is returned (the items are then in some permuted order).
pub fn py_sort<T: Clone>(v: &mut [T], mut lt: impl FnMut(&T, &T) -> Result<bool>) -> Result<()> {
    let n = v.len();
    if n < 64 {
        return sort_chunk(v, &mut lt);
    }
    for chunk in v.chunks_mut(CHUNK) {
        sort_chunk(chunk, &mut lt)?;
    }
    let mut width = CHUNK;
    let mut buf: Vec<T> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo + width < n {
            let mid = lo + width;
            let hi = (mid + width).min(n);
            buf.clear();
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                if lt(&v[j], &v[i])? {
                    buf.push(v[j].clone());
                    j += 1;
                } else {
                    buf.push(v[i].clone());
                    i += 1;
                }
            }
            buf.extend_from_slice(&v[i..mid]);
            buf.extend_from_slice(&v[j..hi]);
            v[lo..hi].clone_from_slice(&buf);
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v: Vec<(i64, usize)> = (0..500).map(|i| ((i * 7919 % 13) as i64, i)).collect();
        py_sort(&mut v, |a, b| Ok(a.0 < b.0)).unwrap();
        for w in v.windows(2) {
            assert!(w[0].0 < w[1].0 || (w[0].0 == w[1].0 && w[0].1 < w[1].1));
        }
        let mut small = vec![3, 1, 2, 1];
        py_sort(&mut small, |a, b| Ok(a < b)).unwrap();
        assert_eq!(small, vec![1, 1, 2, 3]);
    }

    #[test]
    fn nan_like_cpython() {
        // python3 -c "n=float('nan'); print(sorted([3.0, n, 1.0, 2.0]), sorted([n, 2.0, 1.0]))"
        let n = f64::NAN;
        let mut v = vec![3.0, n, 1.0, 2.0];
        py_sort(&mut v, |a, b| Ok(a < b)).unwrap();
        assert_eq!(format!("{v:?}"), "[3.0, NaN, 1.0, 2.0]");
        let mut v = vec![n, 2.0, 1.0];
        py_sort(&mut v, |a, b| Ok(a < b)).unwrap();
        assert_eq!(format!("{v:?}"), "[NaN, 1.0, 2.0]");
    }

    #[test]
    fn errors_propagate() {
        let mut v: Vec<i64> = (0..100).rev().collect();
        let r = py_sort(&mut v, |a, _| {
            if *a == 50 {
                crate::err(&crate::exc::TypeError, "boom")
            } else {
                Ok(false)
            }
        });
        assert!(r.is_err());
    }
}
