//! `collections.deque`: a double-ended queue shared by reference, with `maxlen`, CPython's
//! errors, and iteration that raises when the deque is changed meanwhile.

use crate::error::{err, exc, Error};
use crate::value::slice::norm_index;
use crate::value::{repr_guarded, seq_cmp, seq_eq, CmpOp, List, PyIterable, PyOrd, PyValue};
use crate::Result;
use parking_lot::RwLock;
use std::collections::VecDeque;
use std::sync::Arc;

struct Inner<T> {
    items: VecDeque<T>,
    maxlen: Option<usize>,
    /// Counts the changes iteration must notice (CPython's `state`).
    state: u64,
}

/// A `deque`. Cloning aliases.
pub struct Deque<T>(Arc<RwLock<Inner<T>>>);

impl<T> Clone for Deque<T> {
    fn clone(&self) -> Self {
        Deque(Arc::clone(&self.0))
    }
}

fn not_in_deque<T: PyValue>(x: &T) -> Error {
    match crate::repr(x) {
        Ok(r) => Error::new(&exc::ValueError, format!("{r} is not in deque")),
        Err(e) => e,
    }
}

impl<T: Clone> Deque<T> {
    /// `deque(items, maxlen)`; with a `maxlen`, only the last `maxlen` items are kept.
    pub fn new(items: Vec<T>, maxlen: Option<i64>) -> Result<Self> {
        let maxlen = match maxlen {
            Some(m) if m < 0 => return err(&exc::ValueError, "maxlen must be non-negative"),
            m => m.map(|m| m as usize),
        };
        let mut items: VecDeque<T> = items.into();
        if let Some(m) = maxlen {
            while items.len() > m {
                items.pop_front();
            }
        }
        Ok(Deque(Arc::new(RwLock::new(Inner {
            items,
            maxlen,
            state: 0,
        }))))
    }
    pub fn len(&self) -> usize {
        self.0.read().items.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// `d.maxlen`.
    pub fn maxlen(&self) -> Option<i64> {
        self.0.read().maxlen.map(|m| m as i64)
    }
    /// A copy of the items, front to back.
    pub fn to_vec(&self) -> Vec<T> {
        self.0.read().items.iter().cloned().collect()
    }
    fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as *const () as usize
    }
    fn change<R>(&self, f: impl FnOnce(&mut Inner<T>) -> R) -> R {
        let mut g = self.0.write();
        g.state = g.state.wrapping_add(1);
        f(&mut g)
    }
    /// `d.append(x)` (drops from the left when full).
    pub fn append(&self, x: T) -> Result<()> {
        let dropped = self.change(|d| {
            if d.maxlen == Some(0) {
                return Some(x);
            }
            d.items.push_back(x);
            match d.maxlen {
                Some(m) if d.items.len() > m => d.items.pop_front(),
                _ => None,
            }
        });
        drop(dropped);
        Ok(())
    }
    /// `d.appendleft(x)` (drops from the right when full).
    pub fn appendleft(&self, x: T) -> Result<()> {
        let dropped = self.change(|d| {
            if d.maxlen == Some(0) {
                return Some(x);
            }
            d.items.push_front(x);
            match d.maxlen {
                Some(m) if d.items.len() > m => d.items.pop_back(),
                _ => None,
            }
        });
        drop(dropped);
        Ok(())
    }
    /// `d.pop()`.
    pub fn pop(&self) -> Result<T> {
        self.change(|d| d.items.pop_back())
            .ok_or_else(|| Error::new(&exc::IndexError, "pop from an empty deque"))
    }
    /// `d.popleft()`.
    pub fn popleft(&self) -> Result<T> {
        self.change(|d| d.items.pop_front())
            .ok_or_else(|| Error::new(&exc::IndexError, "pop from an empty deque"))
    }
    /// `d.extend(items)` (taken first, so `d.extend(d)` doubles it).
    pub fn extend(&self, items: Vec<T>) -> Result<()> {
        for x in items {
            self.append(x)?;
        }
        Ok(())
    }
    /// `d.extendleft(items)`: each item in turn to the left (so they end up reversed).
    pub fn extendleft(&self, items: Vec<T>) -> Result<()> {
        for x in items {
            self.appendleft(x)?;
        }
        Ok(())
    }
    /// `d.rotate(n)`: right by `n` (left when negative).
    pub fn rotate(&self, n: i64) -> Result<()> {
        self.change(|d| {
            let len = d.items.len();
            if len > 1 {
                let k = n.rem_euclid(len as i64) as usize;
                d.items.rotate_right(k);
            }
        });
        Ok(())
    }
    /// `d.clear()`.
    pub fn clear(&self) -> Result<()> {
        let old = self.change(|d| std::mem::take(&mut d.items));
        drop(old);
        Ok(())
    }
    /// `d.copy()`.
    pub fn copy(&self) -> Result<Self> {
        let g = self.0.read();
        Ok(Deque(Arc::new(RwLock::new(Inner {
            items: g.items.clone(),
            maxlen: g.maxlen,
            state: 0,
        }))))
    }
    /// `d.reverse()`.
    pub fn reverse(&self) -> Result<()> {
        self.change(|d| d.items.make_contiguous().reverse());
        Ok(())
    }
    /// `d[i]`.
    pub fn get_item(&self, i: i64) -> Result<T> {
        let g = self.0.read();
        match norm_index(i, g.items.len()) {
            Some(j) => Ok(g.items[j].clone()),
            None => err(&exc::IndexError, "deque index out of range"),
        }
    }
    /// `d[i] = x`.
    pub fn set_item(&self, i: i64, x: T) -> Result<()> {
        let mut g = self.0.write();
        match norm_index(i, g.items.len()) {
            Some(j) => {
                let old = std::mem::replace(&mut g.items[j], x);
                drop(g);
                drop(old);
                Ok(())
            }
            None => err(&exc::IndexError, "deque index out of range"),
        }
    }
    /// `del d[i]`.
    pub fn del_item(&self, i: i64) -> Result<()> {
        let removed = self.change(|d| norm_index(i, d.items.len()).and_then(|j| d.items.remove(j)));
        match removed {
            Some(old) => {
                drop(old);
                Ok(())
            }
            None => err(&exc::IndexError, "deque index out of range"),
        }
    }
    /// `d.insert(i, x)` (`i` clamped as for a list).
    pub fn insert(&self, i: i64, x: T) -> Result<()> {
        let full = self.change(|d| {
            if d.maxlen.is_some_and(|m| d.items.len() >= m) {
                return true;
            }
            let j = crate::value::slice::clamp_index(i, d.items.len());
            d.items.insert(j, x);
            false
        });
        if full {
            return err(&exc::IndexError, "deque already at its maximum size");
        }
        Ok(())
    }
}

impl<T: PyValue> Deque<T> {
    /// `x in d`.
    pub fn contains(&self, x: &T) -> Result<bool> {
        for y in self.to_vec() {
            if y.py_eq(x)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
    /// `d.count(x)`.
    pub fn count(&self, x: T) -> Result<i64> {
        let mut n = 0;
        for y in self.to_vec() {
            if y.py_eq(&x)? {
                n += 1;
            }
        }
        Ok(n)
    }
    /// `d.index(x, start, stop)`.
    pub fn index(&self, x: T, start: i64, stop: i64) -> Result<i64> {
        let v = self.to_vec();
        let n = v.len() as i64;
        let clamp = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
        let (a, b) = (clamp(start), clamp(stop));
        for i in a..b {
            if v[i as usize].py_eq(&x)? {
                return Ok(i);
            }
        }
        Err(not_in_deque(&x))
    }
    /// `d.remove(x)`: the first equal item.
    pub fn remove(&self, x: T) -> Result<()> {
        for (i, y) in self.to_vec().into_iter().enumerate() {
            if y.py_eq(&x)? {
                return self.del_item(i as i64);
            }
        }
        Err(not_in_deque(&x))
    }
    /// `a + b`: a new deque with `a`'s maxlen.
    pub fn concat(&self, other: &Deque<T>) -> Result<Deque<T>> {
        let mut v = self.to_vec();
        v.extend(other.to_vec());
        Deque::new(v, self.maxlen())
    }
    /// `d * n`.
    pub fn repeat(&self, n: i64) -> Result<Deque<T>> {
        let v = self.to_vec();
        let mut out = Vec::new();
        for _ in 0..n.max(0) {
            out.extend(v.iter().cloned());
        }
        Deque::new(out, self.maxlen())
    }
    /// `list(d)`.
    pub fn to_list(&self) -> List<T> {
        List::from_vec(self.to_vec())
    }
}

impl<T: PyValue> PyValue for Deque<T> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        let v = self.to_vec();
        let maxlen = self.maxlen();
        repr_guarded(self.addr(), out, "[...]", |out| {
            out.push_str("deque([");
            for (n, x) in v.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                x.py_repr(out)?;
            }
            out.push(']');
            if let Some(m) = maxlen {
                out.push_str(&format!(", maxlen={m}"));
            }
            out.push(')');
            Ok(())
        })
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        if Arc::ptr_eq(&self.0, &other.0) {
            return Ok(true);
        }
        seq_eq(&self.to_vec(), &other.to_vec())
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "deque"
    }
    fn py_check_hashable(&self) -> Result<()> {
        Err(crate::value::unhashable("collections.deque"))
    }
}

impl<T: PyOrd> PyOrd for Deque<T> {
    fn py_lt(&self, other: &Self) -> Result<bool> {
        seq_cmp(&self.to_vec(), &other.to_vec(), CmpOp::Lt)
    }
    fn py_le(&self, other: &Self) -> Result<bool> {
        seq_cmp(&self.to_vec(), &other.to_vec(), CmpOp::Le)
    }
}

/// Iterating a deque: reads the item at its position each step; a change of the deque
/// between steps raises `RuntimeError`, as in CPython.
pub struct DequeIter<T> {
    deque: Deque<T>,
    idx: usize,
    state: u64,
    len: usize,
}

impl<T: Clone> Iterator for DequeIter<T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        let g = self.deque.0.read();
        if g.state != self.state || g.items.len() != self.len {
            self.idx = usize::MAX;
            return if self.len == usize::MAX {
                None
            } else {
                self.len = usize::MAX;
                Some(err(&exc::RuntimeError, "deque mutated during iteration"))
            };
        }
        let x = g.items.get(self.idx).cloned()?;
        self.idx += 1;
        Some(Ok(x))
    }
}

impl<T: Clone> PyIterable for Deque<T> {
    type Item = T;
    type Iter = DequeIter<T>;
    fn py_iter(&self) -> DequeIter<T> {
        let g = self.0.read();
        DequeIter {
            deque: self.clone(),
            idx: 0,
            state: g.state,
            len: g.items.len(),
        }
    }
}

impl<T> crate::value::PyLen for Deque<T> {
    fn py_len(&self) -> Result<i64> {
        Ok(self.0.read().items.len() as i64)
    }
}
