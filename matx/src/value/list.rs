//! `list`: a growable sequence shared by reference (`b = a` aliases), safe to use from many threads.

use crate::error::{err, exc, Error};
use crate::value::guard::repr_guarded;
use crate::value::slice::{norm_index, slice_indices};
use crate::value::traits::{
    item_eq, seq_cmp, seq_eq, unhashable, CmpOp, PyIterable, PyLen, PyOrd, PyValue,
};
use crate::Result;
use parking_lot::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A Python `list`. Cloning the handle aliases the same list, as in Python.
pub struct List<T>(pub(crate) Arc<Shared<T>>);

/// The storage of a list: its items under a lock, and a count of the write locks ever taken,
/// by which an iterator knows that the items it copied ahead are still the list's.
pub(crate) struct Shared<T> {
    items: RwLock<Vec<T>>,
    pub(crate) writes: AtomicU64,
}

impl<T> Shared<T> {
    fn new(v: Vec<T>) -> Self {
        Shared {
            items: RwLock::new(v),
            writes: AtomicU64::new(0),
        }
    }
    pub(crate) fn read(&self) -> RwLockReadGuard<'_, Vec<T>> {
        self.items.read()
    }
    /// The items for changing. Counted before any change can be made through the guard.
    pub(crate) fn write(&self) -> RwLockWriteGuard<'_, Vec<T>> {
        let g = self.items.write();
        self.writes.fetch_add(1, Ordering::Release);
        g
    }
}

/// Freed on a stack segment of its own when the stack runs low: a list nested 50,000 deep
/// (each level the last handle of the next) is freed without overflowing, as CPython frees it.
impl<T> Drop for Shared<T> {
    fn drop(&mut self) {
        let items = std::mem::take(self.items.get_mut());
        if !items.is_empty() {
            crate::value::deep(move || drop(items));
        }
    }
}

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        List(Arc::clone(&self.0))
    }
}

impl<T: Clone> List<T> {
    pub fn new() -> Self {
        List(Arc::new(Shared::new(Vec::new())))
    }
    pub fn from_vec(v: Vec<T>) -> Self {
        List(Arc::new(Shared::new(v)))
    }
    /// The items: moved out when this is the list's only handle, else copied.
    pub fn into_vec(self) -> Vec<T> {
        match Arc::try_unwrap(self.0) {
            Ok(mut shared) => std::mem::take(shared.items.get_mut()),
            Err(shared) => shared.read().clone(),
        }
    }
    /// A copy of the elements (the list itself may change afterwards).
    pub fn to_vec(&self) -> Vec<T> {
        self.0.read().clone()
    }
    pub fn len(&self) -> usize {
        self.0.read().len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.read().is_empty()
    }
    /// Whether two handles are the same list (`a is b`).
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
    /// Address of the shared storage (identity for `id()` and repr guards).
    pub fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as *const () as usize
    }
    /// Runs `f` on the elements under the read lock. `f` must not call back
    /// into user code or lock this list again.
    pub fn with_read<R>(&self, f: impl FnOnce(&[T]) -> R) -> R {
        f(&self.0.read())
    }
    /// The element at `idx` if present (for index-based `for` loops).
    pub fn get_opt(&self, idx: usize) -> Option<T> {
        self.0.read().get(idx).cloned()
    }

    /// `a[i]`.
    pub fn get_item(&self, i: i64) -> Result<T> {
        item(&self.0.read(), i)
    }
    /// `a[i] = x`.
    pub fn set_item(&self, i: i64, x: T) -> Result<()> {
        let mut v = self.0.write();
        let old = replace_item(&mut v, i, x)?;
        drop(v);
        drop(old);
        Ok(())
    }
    /// `del a[i]`.
    pub fn del_item(&self, i: i64) -> Result<()> {
        let mut v = self.0.write();
        match norm_index(i, v.len()) {
            Some(j) => {
                let old = v.remove(j);
                drop(v);
                drop(old);
                Ok(())
            }
            None => err(&exc::IndexError, "list assignment index out of range"),
        }
    }
    /// `a[start:stop:step]` (a new list).
    pub fn get_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<List<T>> {
        let v = self.0.read();
        let idx = slice_indices(v.len(), start, stop, step)?;
        let out: Vec<T> = if idx.step == 1 {
            let a = idx.start.max(0) as usize;
            v[a..a + idx.len].to_vec()
        } else {
            idx.positions().map(|p| v[p].clone()).collect()
        };
        Ok(List::from_vec(out))
    }
    /// `a[start:stop:step] = values`.
    pub fn set_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
        values: List<T>,
    ) -> Result<()> {
        let new = values.to_vec();
        let mut v = self.0.write();
        let idx = slice_indices(v.len(), start, stop, step)?;
        if idx.step == 1 {
            let a = idx.start.max(0) as usize;
            let b = (idx.stop.max(0) as usize).max(a).min(v.len());
            let old: Vec<T> = v.splice(a..b, new).collect();
            drop(v);
            drop(old);
            return Ok(());
        }
        if new.len() != idx.len {
            return err(
                &exc::ValueError,
                format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new.len(),
                    idx.len
                ),
            );
        }
        let mut old = Vec::with_capacity(new.len());
        for (p, x) in idx.positions().zip(new) {
            old.push(std::mem::replace(&mut v[p], x));
        }
        drop(v);
        drop(old);
        Ok(())
    }
    /// `del a[start:stop:step]`.
    pub fn del_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> Result<()> {
        let mut v = self.0.write();
        let idx = slice_indices(v.len(), start, stop, step)?;
        if idx.len == 0 {
            return Ok(());
        }
        if idx.step == 1 {
            let a = idx.start as usize;
            let old: Vec<T> = v.drain(a..a + idx.len).collect();
            drop(v);
            drop(old);
            return Ok(());
        }
        let mut doomed = vec![false; v.len()];
        for p in idx.positions() {
            doomed[p] = true;
        }
        let old = std::mem::take(&mut *v);
        let mut removed = Vec::with_capacity(idx.len);
        for (x, gone) in old.into_iter().zip(doomed) {
            if gone {
                removed.push(x);
            } else {
                v.push(x);
            }
        }
        drop(v);
        drop(removed);
        Ok(())
    }
    /// `a + b` (a new list; `MemoryError` when it cannot be allocated).
    pub fn concat(&self, other: &List<T>) -> Result<List<T>> {
        let mut v = self.to_vec();
        let add = other.to_vec();
        reserve(&mut v, add.len())?;
        v.extend(add);
        Ok(List::from_vec(v))
    }
    /// `a * n` (a new list; `n <= 0` gives `[]`).
    pub fn repeat(&self, n: i64) -> Result<List<T>> {
        let v = self.to_vec();
        Ok(List::from_vec(repeat_vec(&v, n)?))
    }
    /// `a += b` (extends in place; `a += a` doubles `a`).
    pub fn iadd(&self, other: List<T>) -> Result<()> {
        let add = other.to_vec();
        let mut v = self.0.write();
        reserve(&mut v, add.len())?;
        v.extend(add);
        Ok(())
    }
    /// `a *= n` (in place).
    pub fn imul(&self, n: i64) -> Result<()> {
        let v = self.to_vec();
        let new = repeat_vec(&v, n)?;
        let old = std::mem::replace(&mut *self.0.write(), new);
        drop(old);
        Ok(())
    }

    /// `a.append(x)`.
    pub fn append(&self, x: T) -> Result<()> {
        self.0.write().push(x);
        Ok(())
    }
    /// `a.clear()`.
    pub fn clear(&self) -> Result<()> {
        let old = std::mem::take(&mut *self.0.write());
        drop(old);
        Ok(())
    }
    /// `a.copy()`.
    pub fn copy(&self) -> Result<List<T>> {
        Ok(List::from_vec(self.to_vec()))
    }
    /// `a.extend(iterable)` (`a.extend(a)` doubles `a`).
    pub fn extend(&self, iterable: List<T>) -> Result<()> {
        self.iadd(iterable)
    }
    /// `a.insert(i, x)` (`i` is clamped to the list, as in Python).
    pub fn insert(&self, i: i64, x: T) -> Result<()> {
        insert(&mut self.0.write(), i, x);
        Ok(())
    }
    /// `a.pop(i)`.
    pub fn pop(&self, i: i64) -> Result<T> {
        pop(&mut self.0.write(), i)
    }
    /// `a.reverse()`.
    pub fn reverse(&self) -> Result<()> {
        self.0.write().reverse();
        Ok(())
    }
}

/// Room for `more` items, or `MemoryError` (never an abort).
pub(crate) fn reserve<T>(v: &mut Vec<T>, more: usize) -> Result<()> {
    v.try_reserve(more)
        .map_err(|_| Error::bare(&exc::MemoryError))
}

fn repeat_vec<T: Clone>(v: &[T], n: i64) -> Result<Vec<T>> {
    if n <= 0 || v.is_empty() {
        return Ok(Vec::new());
    }
    let total = usize::try_from(n).ok().and_then(|n| n.checked_mul(v.len()));
    let mut out = Vec::new();
    match total {
        Some(t) if out.try_reserve_exact(t).is_ok() => {
            for _ in 0..n {
                out.extend_from_slice(v);
            }
            Ok(out)
        }
        _ => Err(Error::bare(&exc::MemoryError)),
    }
}

impl<T: PyValue> List<T> {
    /// `x in a`.
    pub fn contains(&self, x: &T) -> Result<bool> {
        // A copy: `==` may run script code (`__eq__`), which may change the list.
        contains(&self.to_vec(), x)
    }
    /// `a.count(x)`.
    pub fn count(&self, x: T) -> Result<i64> {
        let mut n = 0;
        for y in self.to_vec().iter() {
            if item_eq(y, &x)? {
                n += 1;
            }
        }
        Ok(n)
    }
    /// `a.index(x, start, end)`; `ValueError: 3 is not in list`.
    pub fn index(&self, x: T, start: i64, end: i64) -> Result<i64> {
        let v = self.to_vec();
        let a = crate::value::slice::clamp_index(start, v.len());
        let b = crate::value::slice::clamp_index(end, v.len());
        for (k, y) in v.iter().enumerate().take(b).skip(a) {
            if item_eq(y, &x)? {
                return Ok(k as i64);
            }
        }
        let mut msg = String::new();
        x.py_repr(&mut msg)?;
        msg.push_str(" is not in list");
        err(&exc::ValueError, msg)
    }
    /// `a.remove(x)`.
    pub fn remove(&self, x: T) -> Result<()> {
        let v = self.to_vec();
        for (k, y) in v.iter().enumerate() {
            if item_eq(y, &x)? {
                let mut w = self.0.write();
                if k < w.len() {
                    let old = w.remove(k);
                    drop(w);
                    drop(old);
                }
                return Ok(());
            }
        }
        err(&exc::ValueError, "list.remove(x): x not in list")
    }
}

impl<T: PyOrd> List<T> {
    /// `a.sort(reverse=reverse)`: stable, using `<` only, as CPython.
    pub fn sort(&self, reverse: bool) -> Result<()> {
        let mut v = self.to_vec();
        if reverse {
            v.reverse();
        }
        let r = crate::value::sort::py_sort(&mut v, |a, b| a.py_lt(b));
        if reverse {
            v.reverse();
        }
        r?;
        let old = std::mem::replace(&mut *self.0.write(), v);
        drop(old);
        Ok(())
    }
}

impl<T: Clone> List<T> {
    /// `a.sort(key=key, reverse=reverse)`: keys are computed once, first.
    pub fn sort_by_key<K: PyOrd>(
        &self,
        mut key: impl FnMut(&T) -> Result<K>,
        reverse: bool,
    ) -> Result<()> {
        let v = self.to_vec();
        let mut pairs = Vec::with_capacity(v.len());
        for x in v {
            let k = key(&x)?;
            pairs.push((k, x));
        }
        if reverse {
            pairs.reverse();
        }
        let r = crate::value::sort::py_sort(&mut pairs, |a, b| a.0.py_lt(&b.0));
        if reverse {
            pairs.reverse();
        }
        r?;
        let sorted: Vec<T> = pairs.into_iter().map(|(_, x)| x).collect();
        let old = std::mem::replace(&mut *self.0.write(), sorted);
        drop(old);
        Ok(())
    }
}

/// `v[i]` (negative counts from the end), as `list.__getitem__`.
pub(crate) fn item<T: Clone>(v: &[T], i: i64) -> Result<T> {
    match norm_index(i, v.len()) {
        Some(j) => Ok(v[j].clone()),
        None => err(&exc::IndexError, "list index out of range"),
    }
}

/// `v[i] = x`, giving back the item replaced (for the caller to drop after unlocking).
pub(crate) fn replace_item<T>(v: &mut [T], i: i64, x: T) -> Result<T> {
    match norm_index(i, v.len()) {
        Some(j) => Ok(std::mem::replace(&mut v[j], x)),
        None => err(&exc::IndexError, "list assignment index out of range"),
    }
}

/// `v.insert(i, x)` (`i` clamped to the list, as in Python).
pub(crate) fn insert<T>(v: &mut Vec<T>, i: i64, x: T) {
    let j = crate::value::slice::clamp_index(i, v.len());
    v.insert(j, x);
}

/// `x in v` (Python's `==`, which may fail).
pub(crate) fn contains<T: PyValue>(v: &[T], x: &T) -> Result<bool> {
    for y in v {
        if item_eq(y, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `v.pop(i)`.
pub(crate) fn pop<T>(v: &mut Vec<T>, i: i64) -> Result<T> {
    if v.is_empty() {
        return err(&exc::IndexError, "pop from empty list");
    }
    match norm_index(i, v.len()) {
        Some(j) => Ok(v.remove(j)),
        None => err(&exc::IndexError, "pop index out of range"),
    }
}

impl<T: Clone> Default for List<T> {
    fn default() -> Self {
        List::new()
    }
}

impl<T: Clone> From<Vec<T>> for List<T> {
    fn from(v: Vec<T>) -> Self {
        List::from_vec(v)
    }
}

impl<T: PyValue> std::fmt::Debug for List<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        match self.py_repr(&mut s) {
            Ok(()) => f.write_str(&s),
            Err(_) => f.write_str("<list>"),
        }
    }
}

impl<T: PyValue> PyValue for List<T> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        let items = self.to_vec();
        repr_guarded(self.addr(), out, "[...]", |out| {
            out.push('[');
            for (k, x) in items.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                x.py_repr(out)?;
            }
            out.push(']');
            Ok(())
        })
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        if self.ptr_eq(other) {
            return Ok(true);
        }
        seq_eq(&self.to_vec(), &other.to_vec())
    }
    fn py_is(&self, other: &Self) -> bool {
        self.ptr_eq(other)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "list"
    }
    fn py_check_hashable(&self) -> Result<()> {
        Err(unhashable("list"))
    }
}

impl<T: PyOrd> PyOrd for List<T> {
    fn py_lt(&self, other: &Self) -> Result<bool> {
        seq_cmp(&self.to_vec(), &other.to_vec(), CmpOp::Lt)
    }
    fn py_le(&self, other: &Self) -> Result<bool> {
        seq_cmp(&self.to_vec(), &other.to_vec(), CmpOp::Le)
    }
    fn py_gt(&self, other: &Self) -> Result<bool> {
        seq_cmp(&self.to_vec(), &other.to_vec(), CmpOp::Gt)
    }
    fn py_ge(&self, other: &Self) -> Result<bool> {
        seq_cmp(&self.to_vec(), &other.to_vec(), CmpOp::Ge)
    }
}

impl<T: Clone> PyLen for List<T> {
    fn py_len(&self) -> Result<i64> {
        Ok(self.len() as i64)
    }
}

/// Iterator over a list by index: it sees items appended during the loop and
/// stops when the index passes the end, as CPython's list iterator does.
///
/// It copies the next few items under one read lock (4, doubling up to 256), and hands them
/// out while the list has taken no write lock since: a change to the list, by the loop
/// itself or by another thread, drops the copies and reads again at the current index, so
/// every item is the list's item at that index when `next` returns it.
pub struct ListIter<T> {
    list: List<T>,
    idx: usize,
    ahead: VecDeque<T>,
    /// The list's write count when `ahead` was copied.
    writes: u64,
    chunk: usize,
}

impl<T: Clone> Iterator for ListIter<T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        if self.ahead.is_empty() || self.list.0.writes.load(Ordering::Acquire) != self.writes {
            self.ahead.clear();
            let items = self.list.0.read();
            self.writes = self.list.0.writes.load(Ordering::Acquire);
            let rest = items.get(self.idx..).unwrap_or_default();
            self.ahead.extend(rest.iter().take(self.chunk).cloned());
            self.chunk = (self.chunk * 2).min(256);
        }
        let x = self.ahead.pop_front()?;
        self.idx += 1;
        Some(Ok(x))
    }
}

impl<T: Clone> PyIterable for List<T> {
    type Item = T;
    type Iter = ListIter<T>;
    fn py_iter(&self) -> ListIter<T> {
        ListIter {
            list: self.clone(),
            idx: 0,
            ahead: VecDeque::new(),
            writes: 0,
            chunk: 4,
        }
    }
    fn to_list(&self) -> Result<List<T>> {
        Ok(List::from_vec(self.to_vec()))
    }
}
