//! The lazy `enumerate`, `zip`, `reversed`, `map` and `filter` a `for` loop runs: like CPython's iterators they read their lists at every step (a change the loop makes to a later item is seen) and call a `map`/`filter` function one element at a time, between the loop's own steps.

use crate::rt::Func;
use crate::value::{List, PyValue};
use crate::Result;
use std::sync::Arc;

/// Takes the next item of `it`, or returns the iterator's end or error from the caller.
macro_rules! next_or_return {
    ($it:expr) => {
        match $it.next()? {
            Ok(x) => x,
            Err(e) => return Some(Err(e)),
        }
    };
}

/// `for i, x in enumerate(it, start)`; `it` is the iterator of a list (live) or another lazy
/// iterator.
pub struct Enumerate<I> {
    it: I,
    start: i64,
    count: i64,
}

pub fn lazy_enumerate<I>(it: I, start: i64) -> Enumerate<I> {
    Enumerate {
        it,
        start,
        count: 0,
    }
}

impl<T, I: Iterator<Item = Result<T>>> Iterator for Enumerate<I> {
    type Item = Result<(i64, T)>;
    fn next(&mut self) -> Option<Self::Item> {
        let x = next_or_return!(self.it);
        let i = crate::ops::add_int(self.start, self.count);
        self.count += 1;
        Some(i.map(|i| (i, x)))
    }
}

/// `for a, b in zip(xs, ys)` (and with three or four iterables): stops at the shortest,
/// having taken the items of the iterables before it at that step, as CPython's `zip` does.
macro_rules! lazy_zip {
    ($name:ident, $fn_name:ident, $($t:ident $i:ident $field:ident),+) => {
        pub struct $name<$($i),+> {
            $($field: $i),+
        }

        pub fn $fn_name<$($i),+>($($field: $i),+) -> $name<$($i),+> {
            $name { $($field),+ }
        }

        impl<$($t, $i: Iterator<Item = Result<$t>>),+> Iterator for $name<$($i),+> {
            type Item = Result<($($t,)+)>;
            fn next(&mut self) -> Option<Self::Item> {
                Some(Ok(($(next_or_return!(self.$field),)+)))
            }
        }
    };
}

lazy_zip!(Zip2, lazy_zip2, A IA a, B IB b);
lazy_zip!(Zip3, lazy_zip3, A IA a, B IB b, C IC c);
lazy_zip!(Zip4, lazy_zip4, A IA a, B IB b, C IC c, D ID d);

/// `for x in reversed(xs)`: from the last index down, reading the list at each step; it
/// stops when the index falls outside the list, as CPython's list reverse iterator does.
pub struct Reversed<T> {
    list: List<T>,
    next: Option<usize>,
}

pub fn lazy_reversed<T: Clone>(xs: List<T>) -> Reversed<T> {
    let next = xs.len().checked_sub(1);
    Reversed { list: xs, next }
}

impl<T: Clone> Iterator for Reversed<T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Self::Item> {
        let i = self.next?;
        let x = self.list.get_opt(i);
        self.next = if x.is_some() { i.checked_sub(1) } else { None };
        x.map(Ok)
    }
}

/// `for y in map(f, it)`: `f` runs on each item when the loop asks for it.
pub struct Map<I, T, R> {
    it: I,
    f: Func<T, R>,
}

pub fn lazy_map<I, T, R>(it: I, f: Func<T, R>) -> Map<I, T, R> {
    Map { it, f }
}

impl<T, R, I: Iterator<Item = Result<T>>> Iterator for Map<I, T, R> {
    type Item = Result<R>;
    fn next(&mut self) -> Option<Self::Item> {
        let x = next_or_return!(self.it);
        Some((self.f)(x))
    }
}

/// `for y in map(f, xs, ys)`.
pub struct Map2<IA, IB, A, B, R> {
    a: IA,
    b: IB,
    f: Arc<dyn Fn(A, B) -> Result<R> + Send + Sync>,
}

pub fn lazy_map2<IA, IB, A, B, R>(
    a: IA,
    b: IB,
    f: Arc<dyn Fn(A, B) -> Result<R> + Send + Sync>,
) -> Map2<IA, IB, A, B, R> {
    Map2 { a, b, f }
}

impl<A, B, R, IA, IB> Iterator for Map2<IA, IB, A, B, R>
where
    IA: Iterator<Item = Result<A>>,
    IB: Iterator<Item = Result<B>>,
{
    type Item = Result<R>;
    fn next(&mut self) -> Option<Self::Item> {
        let x = next_or_return!(self.a);
        let y = next_or_return!(self.b);
        Some((self.f)(x, y))
    }
}

/// Whether `filter` keeps an item.
type Keep<T> = Arc<dyn Fn(&T) -> Result<bool> + Send + Sync>;

/// `for x in filter(f, it)` (`f` returning a bool, any value tested for truth, or `None`:
/// the item's own truth): `f` runs on each item when the loop asks for the next one.
pub struct Filter<I, T> {
    it: I,
    keep: Keep<T>,
}

impl<T, I: Iterator<Item = Result<T>>> Iterator for Filter<I, T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let x = next_or_return!(self.it);
            match (self.keep)(&x) {
                Ok(true) => return Some(Ok(x)),
                Ok(false) => {}
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

pub fn lazy_filter<I, T: Clone + 'static>(it: I, f: Func<T, bool>) -> Filter<I, T> {
    Filter {
        it,
        keep: Arc::new(move |x: &T| f(x.clone())),
    }
}

pub fn lazy_filter_by_truth<I, T: Clone + 'static, R: PyValue + 'static>(
    it: I,
    f: Func<T, R>,
) -> Filter<I, T> {
    Filter {
        it,
        keep: Arc::new(move |x: &T| f(x.clone())?.py_bool()),
    }
}

pub fn lazy_filter_truthy<I, T: PyValue>(it: I) -> Filter<I, T> {
    Filter {
        it,
        keep: Arc::new(|x: &T| x.py_bool()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::PyIterable;

    fn l(v: &[i64]) -> List<i64> {
        List::from_vec(v.to_vec())
    }

    #[test]
    fn each_sees_the_list_as_it_is_at_each_step() {
        let xs = l(&[1, 2, 3]);
        let mut seen = Vec::new();
        for p in lazy_enumerate(xs.py_iter(), 10) {
            let (i, x) = p.unwrap();
            seen.push((i, x));
            if i == 10 {
                xs.set_item(2, 30).unwrap();
                xs.append(4).unwrap();
            }
        }
        assert_eq!(seen, vec![(10, 1), (11, 2), (12, 30), (13, 4)]);

        let (a, b) = (l(&[1, 2, 3]), l(&[7, 8]));
        let pairs: Vec<(i64, i64)> = lazy_zip2(a.py_iter(), b.py_iter())
            .map(|p| p.unwrap())
            .collect();
        assert_eq!(pairs, vec![(1, 7), (2, 8)]);

        // CPython: a = [1, 2, 3, 4]; for x in reversed(a): a.pop(); a.pop() -> [4], then the
        // index (2) is past the end.
        let ys = l(&[1, 2, 3, 4]);
        let mut back = Vec::new();
        for x in lazy_reversed(ys.clone()) {
            back.push(x.unwrap());
            ys.pop(-1).unwrap();
            ys.pop(-1).unwrap();
        }
        assert_eq!(back, vec![4]);
        assert_eq!(lazy_reversed(l(&[])).count(), 0);
    }

    #[test]
    fn functions_run_one_item_at_a_time() {
        let calls = Arc::new(std::sync::Mutex::new(Vec::new()));
        let c = Arc::clone(&calls);
        let f: Func<i64, i64> = Arc::new(move |x| {
            c.lock().unwrap().push(x);
            Ok(x * 10)
        });
        let mut m = lazy_map(l(&[1, 2, 3]).py_iter(), f);
        assert_eq!(m.next().map(|r| r.unwrap()), Some(10));
        assert_eq!(*calls.lock().unwrap(), vec![1]);
        let odd: Func<i64, bool> = Arc::new(|x| Ok(x % 2 == 1));
        let kept: Vec<i64> = lazy_filter(l(&[1, 2, 3]).py_iter(), odd)
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(kept, vec![1, 3]);
        let truthy: Vec<i64> = lazy_filter_truthy(l(&[0, 5, 0, 6]).py_iter())
            .map(|r| r.unwrap())
            .collect();
        assert_eq!(truthy, vec![5, 6]);
    }
}
