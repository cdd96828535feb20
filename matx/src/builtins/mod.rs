//! Python builtin functions (`len`, `range`, `sorted`, `int`, …) with CPython semantics.

mod convert;
mod numeric;

pub use self::convert::*;
pub use self::numeric::*;

use crate::error::{err, exc};
use crate::value::{List, PyLen, PyOrd, PyValue, Range, Str};
use crate::Result;
use std::io::Write;

/// `len(x)`.
#[inline]
pub fn len<T: PyLen + ?Sized>(x: &T) -> Result<i64> {
    x.py_len()
}

/// `range(start, stop, step)` (the compiler fills `range(n)` as `range(0, n, 1)`).
#[inline]
pub fn range(start: i64, stop: i64, step: i64) -> Result<Range> {
    Range::new(start, stop, step)
}

/// `print(*args, sep=sep, end=end)`: `parts` are the `str()` of each argument.
pub fn print_values(parts: &[String], sep: &str, end: &str) -> Result<()> {
    let mut buf = String::new();
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            buf.push_str(sep);
        }
        buf.push_str(p);
    }
    buf.push_str(end);
    let stdout = std::io::stdout();
    let mut lock = stdout.lock();
    lock.write_all(buf.as_bytes())
        .or_else(|e| err(&exc::OSError, e.to_string()))
}

/// `sys.stdout.flush()`.
pub fn flush_stdout() -> Result<()> {
    std::io::stdout()
        .lock()
        .flush()
        .or_else(|e| err(&exc::OSError, e.to_string()))
}

/// `str(v)`.
pub fn str_of<T: PyValue>(v: &T) -> Result<Str> {
    Ok(Str::from(crate::value::to_str(v)?))
}

/// `repr(v)`.
pub fn repr_of<T: PyValue>(v: &T) -> Result<Str> {
    Ok(Str::from(crate::value::repr(v)?))
}

/// `bool(v)`.
pub fn bool_of<T: PyValue>(v: &T) -> Result<bool> {
    v.py_bool()
}

/// `hash(v)`.
pub fn hash<T: PyValue>(v: &T) -> Result<i64> {
    v.py_hash()
}

/// `min(items)`: the first smallest item.
pub fn min<T: PyOrd>(items: List<T>) -> Result<T> {
    extreme(items, "min", |a, b| a.py_lt(b))
}

/// `max(items)`: the first largest item.
pub fn max<T: PyOrd>(items: List<T>) -> Result<T> {
    extreme(items, "max", |a, b| a.py_gt(b))
}

fn extreme<T: PyOrd>(
    items: List<T>,
    name: &str,
    better: impl Fn(&T, &T) -> Result<bool>,
) -> Result<T> {
    let v = items.to_vec();
    let mut it = v.into_iter();
    let mut best = match it.next() {
        Some(x) => x,
        None => {
            return err(
                &exc::ValueError,
                format!("{name}() arg is an empty sequence"),
            )
        }
    };
    for x in it {
        if better(&x, &best)? {
            best = x;
        }
    }
    Ok(best)
}

/// `min(items, key=key)`.
pub fn min_by_key<T: Clone, K: PyOrd>(
    items: List<T>,
    key: impl FnMut(&T) -> Result<K>,
) -> Result<T> {
    extreme_by_key(items, "min", key, |a, b| a.py_lt(b))
}

/// `max(items, key=key)`.
pub fn max_by_key<T: Clone, K: PyOrd>(
    items: List<T>,
    key: impl FnMut(&T) -> Result<K>,
) -> Result<T> {
    extreme_by_key(items, "max", key, |a, b| a.py_gt(b))
}

fn extreme_by_key<T: Clone, K: PyOrd>(
    items: List<T>,
    name: &str,
    mut key: impl FnMut(&T) -> Result<K>,
    better: impl Fn(&K, &K) -> Result<bool>,
) -> Result<T> {
    let v = items.to_vec();
    let mut it = v.into_iter();
    let mut best = match it.next() {
        Some(x) => x,
        None => {
            return err(
                &exc::ValueError,
                format!("{name}() arg is an empty sequence"),
            )
        }
    };
    let mut best_key = key(&best)?;
    for x in it {
        let k = key(&x)?;
        if better(&k, &best_key)? {
            best = x;
            best_key = k;
        }
    }
    Ok(best)
}

/// `min(a, b)`.
pub fn min2<T: PyOrd>(a: T, b: T) -> Result<T> {
    Ok(if b.py_lt(&a)? { b } else { a })
}

/// `max(a, b)`.
pub fn max2<T: PyOrd>(a: T, b: T) -> Result<T> {
    Ok(if b.py_gt(&a)? { b } else { a })
}

/// `sum(items, start)` on ints.
pub fn sum_int(items: List<i64>, start: i64) -> Result<i64> {
    items.with_read(|v| {
        v.iter()
            .try_fold(start, |acc, &x| acc.checked_add(x))
            .ok_or_else(crate::ops::overflow)
    })
}

/// `sum(items, start)` on floats (left to right, as CPython 3.11).
pub fn sum_float(items: List<f64>, start: f64) -> Result<f64> {
    Ok(items.with_read(|v| v.iter().fold(start, |acc, &x| acc + x)))
}

/// `any(items)`.
pub fn any<T: PyValue>(items: List<T>) -> Result<bool> {
    for x in items.to_vec() {
        if x.py_bool()? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `all(items)`.
pub fn all<T: PyValue>(items: List<T>) -> Result<bool> {
    for x in items.to_vec() {
        if !x.py_bool()? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `sorted(items, reverse=reverse)`: a new sorted list.
pub fn sorted<T: PyOrd>(items: List<T>, reverse: bool) -> Result<List<T>> {
    let out = List::from_vec(items.to_vec());
    out.sort(reverse)?;
    Ok(out)
}

/// `sorted(items, key=key, reverse=reverse)`.
pub fn sorted_by_key<T: Clone, K: PyOrd>(
    items: List<T>,
    key: impl FnMut(&T) -> Result<K>,
    reverse: bool,
) -> Result<List<T>> {
    let out = List::from_vec(items.to_vec());
    out.sort_by_key(key, reverse)?;
    Ok(out)
}

/// `list(reversed(items))`.
pub fn reversed<T: Clone>(items: List<T>) -> List<T> {
    let mut v = items.to_vec();
    v.reverse();
    List::from_vec(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Any;

    #[test]
    fn min_max() {
        let l = List::from_vec(vec![3i64, 1, 2, 1]);
        assert_eq!(min(l.clone()).unwrap(), 1);
        assert_eq!(max(l).unwrap(), 3);
        assert_eq!(
            min(List::<i64>::new()).unwrap_err().message(),
            "min() arg is an empty sequence"
        );
        assert_eq!(
            max(List::<i64>::new()).unwrap_err().message(),
            "max() arg is an empty sequence"
        );
        // python3 -c "print(repr(max([1, 1.0])), repr(min([1.0, 1])), repr(max(1, True)))"
        let l = List::from_vec(vec![Any::Int(1), Any::Float(1.0)]);
        assert_eq!(crate::repr(&max(l).unwrap()).unwrap(), "1");
        let l = List::from_vec(vec![Any::Float(1.0), Any::Int(1)]);
        assert_eq!(crate::repr(&min(l).unwrap()).unwrap(), "1.0");
        assert_eq!(
            crate::repr(&max2(Any::Int(1), Any::Bool(true)).unwrap()).unwrap(),
            "1"
        );
        let words = List::from_vec(vec![Str::new("bb"), Str::new("a"), Str::new("cc")]);
        assert_eq!(
            max_by_key(words.clone(), |s| Ok(s.len() as i64)).unwrap(),
            "bb"
        );
        assert_eq!(min_by_key(words, |s| Ok(s.len() as i64)).unwrap(), "a");
    }

    #[test]
    fn sums_and_sorts() {
        assert_eq!(sum_int(List::from_vec(vec![1, 2, 3]), 10).unwrap(), 16);
        assert!(sum_int(List::from_vec(vec![i64::MAX, 1]), 0).is_err());
        assert_eq!(
            sum_float(List::from_vec(vec![0.1; 10]), 0.0).unwrap(),
            0.9999999999999999
        );
        assert!(any(List::from_vec(vec![false, true])).unwrap());
        assert!(!all(List::from_vec(vec![Str::new("a"), Str::new("")])).unwrap());
        assert!(all(List::<i64>::new()).unwrap());
        let l = List::from_vec(vec![3i64, 1, 2]);
        assert_eq!(sorted(l.clone(), true).unwrap().to_vec(), vec![3, 2, 1]);
        assert_eq!(l.to_vec(), vec![3, 1, 2]);
        assert_eq!(reversed(l).to_vec(), vec![2, 1, 3]);
        // python3 -c "print(sorted([(1,'b'),(0,'z'),(1,'a')], key=lambda t: t[0], reverse=True))"
        let l = List::from_vec(vec![
            (1i64, Str::new("b")),
            (0, Str::new("z")),
            (1, Str::new("a")),
        ]);
        let s = sorted_by_key(l, |t| Ok(t.0), true).unwrap();
        assert_eq!(crate::repr(&s).unwrap(), "[(1, 'b'), (1, 'a'), (0, 'z')]");
        assert_eq!(len(&Str::new("h😀")).unwrap(), 2);
        assert_eq!(
            range(0, 5, 0).unwrap_err().message(),
            "range() arg 3 must not be zero"
        );
    }
}
