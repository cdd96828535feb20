//! `set`: a hash set shared by reference, safe to use from many threads.

use crate::error::{exc, Error};
use crate::value::dict::key_error_msg;
use crate::value::settable::SetTable;
use crate::value::traits::{unhashable, PyIterable, PyLen, PyOrd, PyValue};
use crate::value::List;
use crate::Result;
use parking_lot::RwLock;
use std::hash::Hash;
use std::sync::Arc;

/// A Python `set`. Cloning the handle aliases the same set. The table is CPython's
/// ([`SetTable`]), so iteration and `repr` follow CPython's order.
pub struct Set<T>(pub(crate) Arc<RwLock<SetTable<T>>>);

impl<T> Clone for Set<T> {
    fn clone(&self) -> Self {
        Set(Arc::clone(&self.0))
    }
}

impl<T: PyValue + Hash + Eq> Set<T> {
    pub fn new() -> Self {
        Set(Arc::new(RwLock::new(SetTable::default())))
    }
    fn from_table(s: SetTable<T>) -> Self {
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
    fn snapshot(&self) -> SetTable<T> {
        self.0.read().clone()
    }

    /// A set of the given items, added one by one (a set display, `set(xs)`, a comprehension).
    pub fn from_vec(v: Vec<T>) -> Result<Self> {
        let mut s = SetTable::default();
        for x in v {
            x.py_check_hashable()?;
            s.insert(x);
        }
        Ok(Set::from_table(s))
    }
    /// A display of three or more constants, which CPython builds as a frozenset constant
    /// merged into a new set (a layout that can differ from adding one by one).
    pub fn from_const(v: Vec<T>) -> Result<Self> {
        let frozen = Set::from_vec(v)?.snapshot();
        let mut s = SetTable::default();
        s.merge(&frozen);
        Ok(Set::from_table(s))
    }
    /// `s.add(x)`.
    pub fn add(&self, x: T) -> Result<()> {
        x.py_check_hashable()?;
        self.0.write().insert(x);
        Ok(())
    }
    /// `s.clear()`.
    pub fn clear(&self) -> Result<()> {
        // The old elements are dropped after the lock is released (their drop may run user code).
        let old = {
            let mut s = self.0.write();
            let kept = s.clone_empty();
            std::mem::replace(&mut *s, kept)
        };
        drop(old);
        Ok(())
    }
    /// `s.copy()`: a new set merged from this one.
    pub fn copy(&self) -> Result<Set<T>> {
        let mut s = SetTable::default();
        s.merge(&self.snapshot());
        Ok(Set::from_table(s))
    }
    /// `s.difference(other)`: a copy with `other`'s elements removed.
    pub fn difference(&self, other: List<T>) -> Result<Set<T>> {
        let r = self.copy()?;
        r.difference_update(other)?;
        Ok(r)
    }
    /// `s.difference_update(other)`.
    pub fn difference_update(&self, other: List<T>) -> Result<()> {
        let o = other.to_vec();
        for x in &o {
            x.py_check_hashable()?;
        }
        let mut s = self.0.write();
        for x in &o {
            s.remove(x);
        }
        Ok(())
    }
    /// `s.discard(x)`.
    pub fn discard(&self, x: T) -> Result<()> {
        x.py_check_hashable()?;
        self.0.write().remove(&x);
        Ok(())
    }
    /// `s.intersection(other)`: `other`'s elements (in its order) that are in `s`.
    pub fn intersection(&self, other: List<T>) -> Result<Set<T>> {
        let me = self.snapshot();
        let mut r = SetTable::default();
        for x in other.to_vec() {
            x.py_check_hashable()?;
            if me.contains(&x) {
                r.insert(x);
            }
        }
        Ok(Set::from_table(r))
    }
    /// `s.intersection_update(other)`.
    pub fn intersection_update(&self, other: List<T>) -> Result<()> {
        let r = self.intersection(other)?.snapshot();
        self.0.write().replace_body(r);
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
    /// `s.pop()`: CPython's choice (the first element from the table's search finger).
    pub fn pop(&self) -> Result<T> {
        let x = self.0.write().pop();
        x.ok_or_else(|| key_error_msg("pop from an empty set"))
    }
    /// `s.remove(x)`; `KeyError(x)` when missing.
    pub fn remove(&self, x: T) -> Result<()> {
        x.py_check_hashable()?;
        if self.0.write().remove(&x) {
            Ok(())
        } else {
            Err(Error::key_error(&x))
        }
    }
    /// `s.symmetric_difference(other)`: a set of `other`, updated with `s`.
    pub fn symmetric_difference(&self, other: List<T>) -> Result<Set<T>> {
        let r = Set::from_vec(other.to_vec())?;
        r.xor_from(&self.snapshot());
        Ok(r)
    }
    /// `s.symmetric_difference_update(other)` (`other` made a set first).
    pub fn symmetric_difference_update(&self, other: List<T>) -> Result<()> {
        let o = Set::from_vec(other.to_vec())?.snapshot();
        self.xor_from(&o);
        Ok(())
    }
    /// For each element of `o` in its order: removed if present, added if not.
    fn xor_from(&self, o: &SetTable<T>) {
        let mut s = self.0.write();
        for x in o.iter() {
            if !s.remove(x) {
                s.insert(x.clone());
            }
        }
    }
    /// `s.union(other)`.
    pub fn union(&self, other: List<T>) -> Result<Set<T>> {
        let r = self.copy()?;
        r.update(other)?;
        Ok(r)
    }
    /// `s.update(*others)`.
    pub fn update_many(&self, others: Vec<List<T>>) -> Result<()> {
        others.into_iter().try_for_each(|o| self.update(o))
    }
    /// `s.union(*others)`: a copy merged with each, in order.
    pub fn union_many(&self, others: Vec<List<T>>) -> Result<Set<T>> {
        let r = self.copy()?;
        r.update_many(others)?;
        Ok(r)
    }
    /// `s.difference_update(*others)`.
    pub fn difference_update_many(&self, others: Vec<List<T>>) -> Result<()> {
        others
            .into_iter()
            .try_for_each(|o| self.difference_update(o))
    }
    /// `s.difference(*others)`.
    pub fn difference_many(&self, others: Vec<List<T>>) -> Result<Set<T>> {
        let r = self.copy()?;
        r.difference_update_many(others)?;
        Ok(r)
    }
    /// `s.intersection(*others)`: intersected with each in turn, as CPython's
    /// `set_intersection_multi` (the order of each step is its argument's).
    pub fn intersection_many(&self, others: Vec<List<T>>) -> Result<Set<T>> {
        let mut r = self.copy()?;
        for o in others {
            r = r.intersection(o)?;
        }
        Ok(r)
    }
    /// `s.intersection_update(*others)`.
    pub fn intersection_update_many(&self, others: Vec<List<T>>) -> Result<()> {
        let r = self.intersection_many(others)?.snapshot();
        self.0.write().replace_body(r);
        Ok(())
    }
    /// `s.update(other)`.
    pub fn update(&self, other: List<T>) -> Result<()> {
        let o = other.to_vec();
        for x in &o {
            x.py_check_hashable()?;
        }
        let mut s = self.0.write();
        for x in o {
            s.insert(x);
        }
        Ok(())
    }

    /// `a | b`: a copy of `a` merged with `b`.
    pub fn bitor(&self, other: &Set<T>) -> Result<Set<T>> {
        let r = self.copy()?;
        r.ior(other)?;
        Ok(r)
    }
    /// `a & b`: the smaller set's elements (in its order) found in the larger.
    pub fn bitand(&self, other: &Set<T>) -> Result<Set<T>> {
        if self.ptr_eq(other) {
            return self.copy();
        }
        let (a, b) = (self.snapshot(), other.snapshot());
        let (big, small) = if b.len() > a.len() { (b, a) } else { (a, b) };
        let mut r = SetTable::default();
        for x in small.iter() {
            if big.contains(x) {
                r.insert(x.clone());
            }
        }
        Ok(Set::from_table(r))
    }
    /// `a - b`.
    pub fn sub(&self, other: &Set<T>) -> Result<Set<T>> {
        let o = other.snapshot();
        if (self.len() >> 2) > o.len() {
            let r = self.copy()?;
            r.isub(other)?;
            return Ok(r);
        }
        let mut r = SetTable::default();
        for x in self.snapshot().iter() {
            if !o.contains(x) {
                r.insert(x.clone());
            }
        }
        Ok(Set::from_table(r))
    }
    /// `a ^ b`: a copy of `b` updated with `a`.
    pub fn bitxor(&self, other: &Set<T>) -> Result<Set<T>> {
        let r = other.copy()?;
        r.xor_from(&self.snapshot());
        Ok(r)
    }
    /// `a |= b`.
    pub fn ior(&self, other: &Set<T>) -> Result<()> {
        if self.ptr_eq(other) {
            return Ok(());
        }
        let o = other.snapshot();
        self.0.write().merge(&o);
        Ok(())
    }
    /// `a &= b`.
    pub fn iand(&self, other: &Set<T>) -> Result<()> {
        let r = self.bitand(other)?.snapshot();
        self.0.write().replace_body(r);
        Ok(())
    }
    /// `a -= b`.
    pub fn isub(&self, other: &Set<T>) -> Result<()> {
        if self.ptr_eq(other) {
            return self.clear();
        }
        let o = other.snapshot();
        let mut s = self.0.write();
        for x in o.iter() {
            s.remove(x);
        }
        Ok(())
    }
    /// `a ^= b`.
    pub fn ixor(&self, other: &Set<T>) -> Result<()> {
        if self.ptr_eq(other) {
            return self.clear();
        }
        self.xor_from(&other.snapshot());
        Ok(())
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

impl<T: PyValue + Hash + Eq> Default for Set<T> {
    fn default() -> Self {
        Set::new()
    }
}

impl<T: PyValue + Hash + Eq> std::fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        match self.py_repr(&mut s) {
            Ok(()) => f.write_str(&s),
            Err(_) => f.write_str("<set>"),
        }
    }
}

impl<T: PyValue + Hash + Eq> PyValue for Set<T> {
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
    fn py_is(&self, other: &Self) -> bool {
        self.ptr_eq(other)
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
impl<T: PyValue + Hash + Eq> PyOrd for Set<T> {
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

impl<T: PyValue + Hash + Eq> PyLen for Set<T> {
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

impl<T: PyValue + Hash + Eq> Iterator for SetIter<T> {
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

impl<T: PyValue + Hash + Eq> PyIterable for Set<T> {
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
