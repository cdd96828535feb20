//! `Tuple[T, ...]`: an immutable tuple whose length is known only at run time (`tuple(xs)`).

use super::protocol::{Concat, Contains, GetItem, Slice};
use crate::value::{PyIterable, PyLen};
use crate::{exc, Any, Error, FromAny, List, PyOrd, PyValue, Result, ToAny};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// A tuple of any length with one element type.
pub struct TupleN<T>(pub Arc<[T]>);

impl<T> Clone for TupleN<T> {
    fn clone(&self) -> Self {
        TupleN(Arc::clone(&self.0))
    }
}

impl<T: Clone> TupleN<T> {
    pub fn from_list(l: List<T>) -> Self {
        TupleN(Arc::from(l.to_vec()))
    }
    fn list(&self) -> List<T> {
        List::from_vec(self.0.to_vec())
    }
    /// `t.count(x)`.
    pub fn count(&self, x: T) -> Result<i64>
    where
        T: PyValue,
    {
        let mut n = 0;
        for e in self.0.iter() {
            if crate::value::item_eq(e, &x)? {
                n += 1;
            }
        }
        Ok(n)
    }
    /// `t.index(x)`.
    pub fn index(&self, x: T) -> Result<i64>
    where
        T: PyValue,
    {
        for (i, e) in self.0.iter().enumerate() {
            if crate::value::item_eq(e, &x)? {
                return Ok(i as i64);
            }
        }
        Err(Error::new(
            &exc::ValueError,
            "tuple.index(x): x not in tuple",
        ))
    }
}

/// `tuple(xs)`.
pub fn tuple_n<T: Clone>(l: List<T>) -> Result<TupleN<T>> {
    Ok(TupleN::from_list(l))
}

impl<T: PyValue> PyValue for TupleN<T> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push('(');
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            e.py_repr(out)?;
        }
        if self.0.len() == 1 {
            out.push(',');
        }
        out.push(')');
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        crate::value::seq_eq(&self.0, &other.0)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.0.is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "tuple"
    }
}

impl<T: PyOrd> PyOrd for TupleN<T> {
    fn py_lt(&self, other: &Self) -> Result<bool> {
        crate::value::seq_cmp(&self.0, &other.0, crate::value::CmpOp::Lt)
    }
    fn py_le(&self, other: &Self) -> Result<bool> {
        crate::value::seq_cmp(&self.0, &other.0, crate::value::CmpOp::Le)
    }
}

impl<T: PartialEq> PartialEq for TupleN<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl<T: Eq> Eq for TupleN<T> {}
impl<T: Hash> Hash for TupleN<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state)
    }
}

impl<T> PyLen for TupleN<T> {
    fn py_len(&self) -> Result<i64> {
        Ok(self.0.len() as i64)
    }
}

/// Iterates a `TupleN` by index.
pub struct TupleNIter<T>(TupleN<T>, usize);

impl<T: Clone> Iterator for TupleNIter<T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        let x = self.0 .0.get(self.1).cloned();
        self.1 += 1;
        x.map(Ok)
    }
}

impl<T: Clone> PyIterable for TupleN<T> {
    type Item = T;
    type Iter = TupleNIter<T>;
    fn py_iter(&self) -> TupleNIter<T> {
        TupleNIter(self.clone(), 0)
    }
}

impl<T: Clone> GetItem<i64> for TupleN<T> {
    type Out = T;
    fn get_item_py(&self, i: i64) -> Result<T> {
        let n = self.0.len() as i64;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(Error::new(&exc::IndexError, "tuple index out of range"));
        }
        Ok(self.0[j as usize].clone())
    }
}

impl<T: Clone> Slice for TupleN<T> {
    fn slice_py(&self, a: Option<i64>, b: Option<i64>, c: Option<i64>) -> Result<Self> {
        Ok(TupleN::from_list(self.list().get_slice(a, b, c)?))
    }
}

impl<T: Clone + PyValue> Contains<T> for TupleN<T> {
    fn contains_py(&self, x: T) -> Result<bool> {
        for e in self.0.iter() {
            if crate::value::item_eq(e, &x)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

impl<T: Clone> Concat for TupleN<T> {
    fn concat_py(&self, b: Self) -> Result<Self> {
        let mut v = Vec::new();
        v.try_reserve_exact(self.0.len().saturating_add(b.0.len()))
            .map_err(|_| Error::bare(&exc::MemoryError))?;
        v.extend(self.0.iter().cloned());
        v.extend(b.0.iter().cloned());
        Ok(TupleN(Arc::from(v)))
    }
    fn repeat_py(&self, n: i64) -> Result<Self> {
        Ok(TupleN::from_list(self.list().repeat(n)?))
    }
}

impl<T: ToAny> ToAny for TupleN<T> {
    fn to_any(&self) -> Any {
        Any::tuple(self.0.iter().map(ToAny::to_any).collect())
    }
}

impl<T: FromAny> FromAny for TupleN<T> {
    fn from_any(a: &Any) -> Result<Self> {
        match a {
            Any::Tuple(items) => Ok(TupleN(
                items
                    .iter()
                    .map(T::from_any)
                    .collect::<Result<Vec<T>>>()?
                    .into(),
            )),
            other => Err(crate::value::from_any_error("tuple", other)),
        }
    }
    fn from_any_exact(a: &Any) -> Result<Self> {
        match a {
            Any::Tuple(items) => Ok(TupleN(
                items
                    .iter()
                    .map(T::from_any_exact)
                    .collect::<Result<Vec<T>>>()?
                    .into(),
            )),
            other => Err(crate::value::from_any_error("tuple", other)),
        }
    }
}

impl<T: Clone + PyValue> TupleN<T> {
    /// `t.index(x, start, end)`.
    pub fn index_range(&self, x: T, start: i64, end: i64) -> Result<i64> {
        self.list()
            .index(x, start, end)
            .map_err(|_| Error::new(&exc::ValueError, "tuple.index(x): x not in tuple"))
    }
}
