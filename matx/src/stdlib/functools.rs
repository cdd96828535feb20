//! `functools`: `reduce`, and `cmp_to_key` as a key type ordered by the comparison function.

use crate::error::{exc, Error};
use crate::value::{PyOrd, PyValue};
use crate::Result;
use std::sync::Arc;

/// `functools.reduce(f, it)`: `TypeError` on an empty iterable, as CPython.
pub fn reduce<T>(
    f: impl Fn(T, T) -> Result<T>,
    it: impl IntoIterator<Item = Result<T>>,
) -> Result<T> {
    let mut it = it.into_iter();
    let mut acc = match it.next() {
        Some(x) => x?,
        None => {
            return Err(Error::new(
                &exc::TypeError,
                "reduce() of empty iterable with no initial value",
            ))
        }
    };
    for x in it {
        acc = f(acc, x?)?;
    }
    Ok(acc)
}

/// `functools.reduce(f, it, initial)`.
pub fn reduce_init<A, T>(
    f: impl Fn(A, T) -> Result<A>,
    it: impl IntoIterator<Item = Result<T>>,
    initial: A,
) -> Result<A> {
    let mut acc = initial;
    for x in it {
        acc = f(acc, x?)?;
    }
    Ok(acc)
}

/// A comparison function (`cmp(a, b)` negative, zero or positive).
pub type Cmp<T> = Arc<dyn Fn(T, T) -> Result<i64> + Send + Sync>;

/// What `cmp_to_key(cmp)(x)` makes: `x` ordered by `cmp`.
pub struct CmpKey<T> {
    pub obj: T,
    cmp: Cmp<T>,
}

impl<T: Clone> Clone for CmpKey<T> {
    fn clone(&self) -> Self {
        CmpKey {
            obj: self.obj.clone(),
            cmp: Arc::clone(&self.cmp),
        }
    }
}

/// `functools.cmp_to_key(cmp)`: the key function.
pub fn cmp_to_key<T: Clone + 'static>(cmp: Cmp<T>) -> impl Fn(&T) -> Result<CmpKey<T>> + Clone {
    move |x: &T| {
        Ok(CmpKey {
            obj: x.clone(),
            cmp: Arc::clone(&cmp),
        })
    }
}

impl<T: PyValue> CmpKey<T> {
    fn cmp(&self, other: &Self) -> Result<i64> {
        (self.cmp)(self.obj.clone(), other.obj.clone())
    }
}

impl<T: PyValue> PyValue for CmpKey<T> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str("<functools.KeyWrapper object>");
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        Ok(self.cmp(other)? == 0)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(true)
    }
    fn py_type_name(&self) -> &'static str {
        "functools.KeyWrapper"
    }
}

impl<T: PyValue> PyOrd for CmpKey<T> {
    fn py_lt(&self, other: &Self) -> Result<bool> {
        Ok(self.cmp(other)? < 0)
    }
    fn py_le(&self, other: &Self) -> Result<bool> {
        Ok(self.cmp(other)? <= 0)
    }
    fn py_gt(&self, other: &Self) -> Result<bool> {
        Ok(self.cmp(other)? > 0)
    }
    fn py_ge(&self, other: &Self) -> Result<bool> {
        Ok(self.cmp(other)? >= 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::List;

    #[test]
    fn reduce_and_cmp_to_key() {
        let xs = || (1..=4).map(Ok);
        assert_eq!(reduce(|a, b| Ok(a * 10 + b), xs()).unwrap(), 1234);
        assert_eq!(reduce_init(|a, b| Ok(a - b), xs(), 100).unwrap(), 90);
        // functools.reduce(lambda a, b: a + b, []) -> TypeError
        let e = reduce(|a: i64, b| Ok(a + b), std::iter::empty()).unwrap_err();
        assert_eq!(
            e.message(),
            "reduce() of empty iterable with no initial value"
        );
        // sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)) == [3, 2, 1]
        let l = List::from_vec(vec![3i64, 1, 2]);
        let key = cmp_to_key(Arc::new(|a: i64, b: i64| Ok(b - a)));
        l.sort_by_key(key, false).unwrap();
        assert_eq!(l.to_vec(), vec![3, 2, 1]);
    }
}
