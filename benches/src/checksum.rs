//! One number per kernel result, computed as `checksum()` in `benches/bench_inputs.py`
//! computes it on the Python value: ints as themselves, strings by length and code points,
//! floats rounded to 6 places, containers by length and (position-weighted) content.

use matx::{Dict, List, Str};
use std::collections::HashMap;

/// A kernel result's checksum (Python's arbitrary-precision sum; i128 never overflows here).
pub trait Checksum {
    fn checksum(&self) -> i128;
}

impl Checksum for i64 {
    fn checksum(&self) -> i128 {
        i128::from(*self)
    }
}
impl Checksum for usize {
    fn checksum(&self) -> i128 {
        *self as i128
    }
}
impl Checksum for bool {
    fn checksum(&self) -> i128 {
        i128::from(*self)
    }
}
impl Checksum for f64 {
    fn checksum(&self) -> i128 {
        (self * 1e6).round_ties_even() as i128
    }
}
impl Checksum for str {
    fn checksum(&self) -> i128 {
        let (n, sum) = self
            .chars()
            .fold((0i128, 0i128), |(n, s), c| (n + 1, s + c as i128));
        n * 31 + sum
    }
}
impl Checksum for String {
    fn checksum(&self) -> i128 {
        self.as_str().checksum()
    }
}
impl Checksum for Str {
    fn checksum(&self) -> i128 {
        self.as_str().checksum()
    }
}
fn seq<'a, T: Checksum + 'a>(n: usize, xs: impl Iterator<Item = &'a T>) -> i128 {
    n as i128 * 1_000_003
        + xs.enumerate()
            .map(|(i, x)| x.checksum() * (i as i128 % 7 + 1))
            .sum::<i128>()
}
impl<T: Checksum> Checksum for [T] {
    fn checksum(&self) -> i128 {
        seq(self.len(), self.iter())
    }
}
impl<T: Checksum> Checksum for Vec<T> {
    fn checksum(&self) -> i128 {
        self.as_slice().checksum()
    }
}
impl<T: Checksum + Clone> Checksum for List<T> {
    fn checksum(&self) -> i128 {
        self.to_vec().checksum()
    }
}
impl<A: Checksum, B: Checksum> Checksum for (A, B) {
    fn checksum(&self) -> i128 {
        2 * 1_000_003 + self.0.checksum() + self.1.checksum() * 2
    }
}
impl<V: Checksum> Checksum for HashMap<String, V> {
    fn checksum(&self) -> i128 {
        self.len() as i128 * 1_000_003
            + self
                .iter()
                .map(|(k, v)| k.checksum() * 7 + v.checksum())
                .sum::<i128>()
    }
}
impl<V: Checksum + Clone> Checksum for Dict<Str, V> {
    fn checksum(&self) -> i128 {
        let items = self.items().map(|l| l.to_vec()).unwrap_or_default();
        items.len() as i128 * 1_000_003
            + items
                .iter()
                .map(|(k, v)| k.checksum() * 7 + v.checksum())
                .sum::<i128>()
    }
}
