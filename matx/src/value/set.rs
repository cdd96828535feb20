//! `set`: a hash set shared by reference, safe to use from many threads.

use crate::error::{exc, Error};
use crate::value::dict::key_error_msg;
use crate::value::traits::{unhashable, PyIterable, PyLen, PyOrd, PyValue};
use crate::value::List;
use crate::value::PySet;
use crate::Result;
use parking_lot::RwLock;
use std::hash::Hash;
use std::sync::Arc;

/// A Python `set`. Cloning the handle aliases the same set.
pub struct Set<T>(pub(crate) Arc<RwLock<PySet<T>>>);

impl<T> Clone for Set<T> {
    fn clone(&self) -> Self {
        Set(Arc::clone(&self.0))
    }
}

impl<T: Hash + Eq + Clone> Set<T> {
    pub fn new() -> Self {
        Set(Arc::new(RwLock::new(PySet::default())))
    }
    fn from_index_set(s: PySet<T>) -> Self {
        Set(Arc::new(RwLock::new(s)))
    }
    pub fn len(&self) -> usize {
        self.0.read().len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.read().is_empty()
    }
    /// Whether two handles are the same set (`a is b`).
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
    /// A copy of the elements in iteration order.
    pub fn to_vec(&self) -> Vec<T> {
        self.0.read().iter().cloned().collect()
    }
    /// `x in s` (an unhashable dynamic value is simply absent).
    pub fn contains(&self, x: &T) -> bool {
        self.0.read().contains(x)
    }
    /// The `i`-th element in iteration order.
    pub fn get_opt(&self, i: usize) -> Option<T> {
        self.0.read().get_index(i).cloned()
    }
    fn snapshot(&self) -> PySet<T> {
        self.0.read().clone()
    }
}

impl<T: Hash + Eq + PyValue> Set<T> {
    /// A set of the given items (duplicates dropped, first occurrence kept).
    pub fn from_vec(v: Vec<T>) -> Result<Self> {
        let mut s = PySet::with_capacity_and_hasher(v.len(), Default::default());
        for x in v {
            x.py_check_hashable()?;
            s.insert(x);
        }
        Ok(Set::from_index_set(s))
    }
    /// `s.add(x)`.
    pub fn add(&self, x: T) -> Result<()> {
        x.py_check_hashable()?;
        self.0.write().insert(x);
        Ok(())
    }
    /// `s.clear()`.
    pub fn clear(&self) -> Result<()> {
        let old = std::mem::take(&mut *self.0.write());
        drop(old);
        Ok(())
    }
    /// `s.copy()`.
    pub fn copy(&self) -> Result<Set<T>> {
        Ok(Set::from_index_set(self.snapshot()))
    }
    /// `s.difference(other)`.
    pub fn difference(&self, other: List<T>) -> Result<Set<T>> {
        let o = Set::from_vec(other.to_vec())?;
        self.sub(&o)
    }
    /// `s.difference_update(other)`.
    pub fn difference_update(&self, other: List<T>) -> Result<()> {
        let o = other.to_vec();
        let mut s = self.0.write();
        for x in &o {
            s.shift_remove(x);
        }
        Ok(())
    }
    /// `s.discard(x)`.
    pub fn discard(&self, x: T) -> Result<()> {
        x.py_check_hashable()?;
        self.0.write().shift_remove(&x);
        Ok(())
    }
    /// `s.intersection(other)`.
    pub fn intersection(&self, other: List<T>) -> Result<Set<T>> {
        let o = Set::from_vec(other.to_vec())?;
        self.bitand(&o)
    }
    /// `s.intersection_update(other)`.
    pub fn intersection_update(&self, other: List<T>) -> Result<()> {
        let o = Set::from_vec(other.to_vec())?.snapshot();
        self.0.write().retain(|x| o.contains(x));
        Ok(())
    }
    /// `s.isdisjoint(other)`.
    pub fn isdisjoint(&self, other: List<T>) -> Result<bool> {
        let s = self.snapshot();
        for x in other.to_vec() {
            x.py_check_hashable()?;
            if s.contains(&x) {
                return Ok(false);
            }
        }
        Ok(true)
    }
    /// `s.issubset(other)`.
    pub fn issubset(&self, other: List<T>) -> Result<bool> {
        let o = Set::from_vec(other.to_vec())?;
        self.py_le_set(&o)
    }
    /// `s.issuperset(other)`.
    pub fn issuperset(&self, other: List<T>) -> Result<bool> {
        let s = self.snapshot();
        for x in other.to_vec() {
            x.py_check_hashable()?;
            if !s.contains(&x) {
                return Ok(false);
            }
        }
        Ok(true)
    }
    /// `s.pop()`: removes and returns the first element in iteration order.
    pub fn pop(&self) -> Result<T> {
        let x = self.0.write().shift_remove_index(0);
        x.ok_or_else(|| key_error_msg("pop from an empty set"))
    }
    /// `s.remove(x)`; `KeyError(x)` when missing.
    pub fn remove(&self, x: T) -> Result<()> {
        x.py_check_hashable()?;
        if self.0.write().shift_remove(&x) {
            Ok(())
        } else {
            Err(Error::key_error(&x))
        }
    }
    /// `s.symmetric_difference(other)`.
    pub fn symmetric_difference(&self, other: List<T>) -> Result<Set<T>> {
        let o = Set::from_vec(other.to_vec())?;
        self.bitxor(&o)
    }
    /// `s.symmetric_difference_update(other)`.
    pub fn symmetric_difference_update(&self, other: List<T>) -> Result<()> {
        let o = Set::from_vec(other.to_vec())?.snapshot();
        let mut s = self.0.write();
        for x in o {
            if !s.shift_remove(&x) {
                s.insert(x);
            }
        }
        Ok(())
    }
    /// `s.union(other)`.
    pub fn union(&self, other: List<T>) -> Result<Set<T>> {
        let r = self.copy()?;
        r.update(other)?;
        Ok(r)
    }
    /// `s.update(other)`.
    pub fn update(&self, other: List<T>) -> Result<()> {
        let o = other.to_vec();
        for x in &o {
            x.py_check_hashable()?;
        }
        self.0.write().extend(o);
        Ok(())
    }

    /// `a | b`.
    pub fn bitor(&self, other: &Set<T>) -> Result<Set<T>> {
        let mut s = self.snapshot();
        s.extend(other.snapshot());
        Ok(Set::from_index_set(s))
    }
    /// `a & b` (in the order of `a`).
    pub fn bitand(&self, other: &Set<T>) -> Result<Set<T>> {
        let o = other.snapshot();
        let mut s = self.snapshot();
        s.retain(|x| o.contains(x));
        Ok(Set::from_index_set(s))
    }
    /// `a - b`.
    pub fn sub(&self, other: &Set<T>) -> Result<Set<T>> {
        let o = other.snapshot();
        let mut s = self.snapshot();
        s.retain(|x| !o.contains(x));
        Ok(Set::from_index_set(s))
    }
    /// `a ^ b`.
    pub fn bitxor(&self, other: &Set<T>) -> Result<Set<T>> {
        let o = other.snapshot();
        let s = self.snapshot();
        let mut r: PySet<T> = s.iter().filter(|x| !o.contains(*x)).cloned().collect();
        r.extend(o.iter().filter(|x| !s.contains(*x)).cloned());
        Ok(Set::from_index_set(r))
    }
    /// `a |= b`.
    pub fn ior(&self, other: &Set<T>) -> Result<()> {
        let o = other.snapshot();
        self.0.write().extend(o);
        Ok(())
    }
    /// `a &= b`.
    pub fn iand(&self, other: &Set<T>) -> Result<()> {
        let o = other.snapshot();
        self.0.write().retain(|x| o.contains(x));
        Ok(())
    }
    /// `a -= b`.
    pub fn isub(&self, other: &Set<T>) -> Result<()> {
        if self.ptr_eq(other) {
            return self.clear();
        }
        let o = other.snapshot();
        self.0.write().retain(|x| !o.contains(x));
        Ok(())
    }
    /// `a ^= b`.
    pub fn ixor(&self, other: &Set<T>) -> Result<()> {
        if self.ptr_eq(other) {
            return self.clear();
        }
        self.symmetric_difference_update(List::from_vec(other.to_vec()))
    }

    /// `a <= b`: `a` is a subset of `b`.
    pub fn py_le_set(&self, other: &Set<T>) -> Result<bool> {
        let s = self.snapshot();
        let o = other.snapshot();
        Ok(s.len() <= o.len() && s.iter().all(|x| o.contains(x)))
    }
    /// `a < b`: proper subset.
    pub fn py_lt_set(&self, other: &Set<T>) -> Result<bool> {
        Ok(self.len() < other.len() && self.py_le_set(other)?)
    }
    /// `a >= b`: superset.
    pub fn py_ge_set(&self, other: &Set<T>) -> Result<bool> {
        other.py_le_set(self)
    }
    /// `a > b`: proper superset.
    pub fn py_gt_set(&self, other: &Set<T>) -> Result<bool> {
        other.py_lt_set(self)
    }
}

impl<T: Hash + Eq + Clone> Default for Set<T> {
    fn default() -> Self {
        Set::new()
    }
}

impl<T: Hash + Eq + PyValue> std::fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        match self.py_repr(&mut s) {
            Ok(()) => f.write_str(&s),
            Err(_) => f.write_str("<set>"),
        }
    }
}

impl<T: Hash + Eq + PyValue> PyValue for Set<T> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        let items = self.to_vec();
        if items.is_empty() {
            out.push_str("set()");
            return Ok(());
        }
        out.push('{');
        for (k, x) in items.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            x.py_repr(out)?;
        }
        out.push('}');
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        if self.ptr_eq(other) {
            return Ok(true);
        }
        Ok(self.len() == other.len() && self.py_le_set(other)?)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "set"
    }
    fn py_check_hashable(&self) -> Result<()> {
        Err(unhashable("set"))
    }
}

/// Sets are ordered by inclusion, as in Python (`{1} < {1, 2}`).
impl<T: Hash + Eq + PyValue> PyOrd for Set<T> {
    fn py_lt(&self, other: &Self) -> Result<bool> {
        self.py_lt_set(other)
    }
    fn py_le(&self, other: &Self) -> Result<bool> {
        self.py_le_set(other)
    }
    fn py_gt(&self, other: &Self) -> Result<bool> {
        self.py_gt_set(other)
    }
    fn py_ge(&self, other: &Self) -> Result<bool> {
        self.py_ge_set(other)
    }
}

impl<T: Hash + Eq + Clone> PyLen for Set<T> {
    fn py_len(&self) -> Result<i64> {
        Ok(self.len() as i64)
    }
}

/// Iterator over a set; raises CPython's `RuntimeError` when the set changes
/// size between two steps.
pub struct SetIter<T> {
    set: Set<T>,
    idx: usize,
    len: usize,
    done: bool,
}

impl<T: Clone> Iterator for SetIter<T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        if self.done {
            return None;
        }
        let s = self.set.0.read();
        if s.len() != self.len {
            self.done = true;
            return Some(Err(Error::new(
                &exc::RuntimeError,
                "Set changed size during iteration",
            )));
        }
        match s.get_index(self.idx) {
            Some(x) => {
                self.idx += 1;
                Some(Ok(x.clone()))
            }
            None => {
                self.done = true;
                None
            }
        }
    }
}

impl<T: Hash + Eq + Clone> PyIterable for Set<T> {
    type Item = T;
    type Iter = SetIter<T>;
    fn py_iter(&self) -> SetIter<T> {
        SetIter {
            set: self.clone(),
            idx: 0,
            len: self.len(),
            done: false,
        }
    }
}
