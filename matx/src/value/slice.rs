//! Python's slice and index arithmetic (`PySlice_AdjustIndices`), shared by every sequence type.

use crate::error::{err, exc};
use crate::Result;

/// A slice resolved against a sequence length: the selected positions are
/// `start + k * step` for `k` in `0..len`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    /// The selected positions, in order.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        let SliceIdx {
            start, step, len, ..
        } = self;
        (0..len as i64).map(move |k| (start + k * step) as usize)
    }
}

/// Resolves `seq[start:stop:step]` for a sequence of `len` items, as CPython does.
pub fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> Result<SliceIdx> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return err(&exc::ValueError, "slice step cannot be zero");
    }
    let step = step.max(-i64::MAX);
    let length = len as i64;
    let adjust = |v: Option<i64>, default_neg: i64, default_pos: i64| -> i64 {
        match v {
            None => {
                if step < 0 {
                    default_neg
                } else {
                    default_pos
                }
            }
            Some(mut x) => {
                if x < 0 {
                    x += length;
                    if x < 0 {
                        x = if step < 0 { -1 } else { 0 };
                    }
                } else if x >= length {
                    x = if step < 0 { length - 1 } else { length };
                }
                x
            }
        }
    };
    let start = adjust(start, length - 1, 0);
    let stop = adjust(stop, -1, length);
    let n = if step == 1 {
        // Both ends are within 0..=length here: no wider arithmetic needed.
        (stop - start).max(0) as usize
    } else if step < 0 {
        if stop < start {
            ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as usize
        } else {
            0
        }
    } else if start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as usize
    } else {
        0
    };
    Ok(SliceIdx {
        start,
        stop,
        step,
        len: n,
    })
}

/// Resolves a possibly negative index; `None` when out of range.
#[inline]
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i.checked_add(len)? } else { i };
    if j >= 0 && j < len {
        Some(j as usize)
    } else {
        None
    }
}

/// Clamps an index the way `list.insert` and `list.index` bounds do.
#[inline]
pub fn clamp_index(i: i64, len: usize) -> usize {
    let len_i = len as i64;
    if i < 0 {
        let j = i.saturating_add(len_i);
        if j < 0 {
            0
        } else {
            j as usize
        }
    } else if i > len_i {
        len
    } else {
        i as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sel(len: usize, a: Option<i64>, b: Option<i64>, c: Option<i64>) -> Vec<usize> {
        slice_indices(len, a, b, c).unwrap().positions().collect()
    }

    #[test]
    fn slices_like_cpython() {
        // python3 -c "print(list(range(5))[::-1], list(range(5))[-2:], list(range(5))[1:-1:2], list(range(5))[10:0:-2])"
        assert_eq!(sel(5, None, None, Some(-1)), vec![4, 3, 2, 1, 0]);
        assert_eq!(sel(5, Some(-2), None, None), vec![3, 4]);
        assert_eq!(sel(5, Some(1), Some(-1), Some(2)), vec![1, 3]);
        assert_eq!(sel(5, Some(10), Some(0), Some(-2)), vec![4, 2]);
        assert_eq!(
            sel(5, Some(i64::MIN), Some(i64::MAX), Some(i64::MIN)),
            Vec::<usize>::new()
        );
        assert_eq!(sel(5, None, None, Some(i64::MIN)), vec![4]);
        assert_eq!(sel(0, None, None, None), Vec::<usize>::new());
        let e = slice_indices(3, None, None, Some(0)).unwrap_err();
        assert_eq!(e.message(), "slice step cannot be zero");
    }

    #[test]
    fn indices() {
        assert_eq!(norm_index(-1, 3), Some(2));
        assert_eq!(norm_index(-4, 3), None);
        assert_eq!(norm_index(3, 3), None);
        assert_eq!(norm_index(i64::MIN, 3), None);
        assert_eq!(clamp_index(-100, 3), 0);
        assert_eq!(clamp_index(100, 3), 3);
        assert_eq!(clamp_index(-1, 3), 2);
    }
}
