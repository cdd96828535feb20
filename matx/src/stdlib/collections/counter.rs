//! `collections.Counter`: a dict of int counts whose missing keys count zero, with CPython's
//! `most_common` order (count descending, ties in insertion order), arithmetic and repr.

use crate::error::Error;
use crate::stdlib::heapq;
use crate::value::{repr_guarded, Dict, List, PyValue};
use crate::Result;
use std::hash::Hash;

/// A `Counter` (counts are ints). Cloning aliases, as for a dict.
pub struct Counter<K>(Dict<K, i64>);

impl<K> Clone for Counter<K> {
    fn clone(&self) -> Self {
        Counter(self.0.clone())
    }
}

fn add(a: i64, b: i64) -> Result<i64> {
    crate::ops::add_int(a, b)
}

impl<K: Hash + Eq + Clone + PyValue> Counter<K> {
    /// `Counter()`.
    pub fn new() -> Self {
        Counter(Dict::new())
    }
    /// `Counter(iterable)`: each item counted, keys in order of first appearance.
    pub fn from_items(items: impl IntoIterator<Item = Result<K>>) -> Result<Self> {
        let c = Counter::new();
        c.update_items(items)?;
        Ok(c)
    }
    /// `Counter(mapping)`: the counts as given (a copy).
    pub fn from_dict(d: &Dict<K, i64>) -> Result<Self> {
        Ok(Counter(d.copy()?))
    }
    /// The counts as a dict (the same storage, not a copy).
    pub fn dict(&self) -> &Dict<K, i64> {
        &self.0
    }
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// `c[k]`: 0 for a missing key (which is not inserted).
    pub fn get_item(&self, k: &K) -> Result<i64> {
        Ok(self.0.get(k.clone())?.unwrap_or(0))
    }
    /// `c[k] = n`.
    pub fn set_item(&self, k: K, n: i64) -> Result<()> {
        self.0.set_item(k, n)
    }
    /// `del c[k]`: no error for a missing key.
    pub fn del_item(&self, k: &K) -> Result<()> {
        if self.0.contains(k) {
            self.0.del_item(k)?;
        }
        Ok(())
    }
    /// `c.update(iterable)`: counts each item.
    pub fn update_items(&self, items: impl IntoIterator<Item = Result<K>>) -> Result<()> {
        for k in items {
            let k = k?;
            let n = add(self.0.get(k.clone())?.unwrap_or(0), 1)?;
            self.0.set_item(k, n)?;
        }
        Ok(())
    }
    /// `c.update(mapping)`: adds the mapping's counts.
    pub fn update_dict(&self, other: &Dict<K, i64>) -> Result<()> {
        for (k, n) in other.to_pairs() {
            let cur = self.0.get(k.clone())?.unwrap_or(0);
            self.0.set_item(k, add(n, cur)?)?;
        }
        Ok(())
    }
    /// `c.subtract(iterable)`.
    pub fn subtract_items(&self, items: impl IntoIterator<Item = Result<K>>) -> Result<()> {
        for k in items {
            let k = k?;
            let n = crate::ops::sub_int(self.0.get(k.clone())?.unwrap_or(0), 1)?;
            self.0.set_item(k, n)?;
        }
        Ok(())
    }
    /// `c.subtract(mapping)`.
    pub fn subtract_dict(&self, other: &Dict<K, i64>) -> Result<()> {
        for (k, n) in other.to_pairs() {
            let cur = self.0.get(k.clone())?.unwrap_or(0);
            self.0.set_item(k, crate::ops::sub_int(cur, n)?)?;
        }
        Ok(())
    }
    /// `c.total()`.
    pub fn total(&self) -> Result<i64> {
        self.0
            .to_pairs()
            .into_iter()
            .try_fold(0, |t, (_, n)| add(t, n))
    }
    /// `c.most_common(n)`: by count, descending; equal counts in insertion order.
    pub fn most_common(&self, n: Option<i64>) -> Result<List<(K, i64)>> {
        let items = self.0.items()?;
        let by_count = |p: &(K, i64)| Ok(p.1);
        match n {
            None => heapq::nlargest_by(items.len() as i64, items, by_count),
            Some(n) => heapq::nlargest_by(n, items, by_count),
        }
    }
    /// `list(c.elements())`: each key repeated by its count (non-positive counts skipped).
    pub fn elements(&self) -> List<K> {
        let mut out = Vec::new();
        for (k, n) in self.0.to_pairs() {
            for _ in 0..n.max(0) {
                out.push(k.clone());
            }
        }
        List::from_vec(out)
    }
    /// `c.copy()`.
    pub fn copy(&self) -> Result<Self> {
        Ok(Counter(self.0.copy()?))
    }

    fn combine(
        &self,
        other: &Self,
        f: impl Fn(i64, i64) -> Result<i64>,
        neg_other: bool,
    ) -> Result<Self> {
        let out = Counter::new();
        for (k, n) in self.0.to_pairs() {
            let m = f(n, other.get_item(&k)?)?;
            if m > 0 {
                out.0.set_item(k, m)?;
            }
        }
        for (k, n) in other.0.to_pairs() {
            if !self.0.contains(&k) {
                let m = if neg_other {
                    crate::ops::neg_int(n)?
                } else {
                    n
                };
                if m > 0 {
                    out.0.set_item(k, m)?;
                }
            }
        }
        Ok(out)
    }
    /// `a + b`: counts added, only positive ones kept.
    pub fn add(&self, other: &Self) -> Result<Self> {
        self.combine(other, add, false)
    }
    /// `a - b`: counts subtracted, only positive ones kept.
    pub fn sub(&self, other: &Self) -> Result<Self> {
        self.combine(other, crate::ops::sub_int, true)
    }
    /// `a | b`: the larger counts.
    pub fn or(&self, other: &Self) -> Result<Self> {
        self.combine(other, |a, b| Ok(if a < b { b } else { a }), false)
    }
    /// `a & b`: the smaller counts (keys of `a` only).
    pub fn and(&self, other: &Self) -> Result<Self> {
        let out = Counter::new();
        for (k, n) in self.0.to_pairs() {
            let o = other.get_item(&k)?;
            let m = if n < o { n } else { o };
            if m > 0 {
                out.0.set_item(k, m)?;
            }
        }
        Ok(out)
    }
    /// `+c`: the positive counts.
    pub fn pos(&self) -> Result<Self> {
        let out = Counter::new();
        for (k, n) in self.0.to_pairs() {
            if n > 0 {
                out.0.set_item(k, n)?;
            }
        }
        Ok(out)
    }
    /// `-c`: the negated negative counts.
    pub fn neg(&self) -> Result<Self> {
        let out = Counter::new();
        for (k, n) in self.0.to_pairs() {
            if n < 0 {
                out.0.set_item(k, crate::ops::neg_int(n)?)?;
            }
        }
        Ok(out)
    }
    fn keep_positive(&self) -> Result<()> {
        for (k, n) in self.0.to_pairs() {
            if n <= 0 {
                self.0.del_item(&k)?;
            }
        }
        Ok(())
    }
    /// `a += b` (in place; non-positive counts dropped).
    pub fn iadd(&self, other: &Self) -> Result<()> {
        for (k, n) in other.0.to_pairs() {
            let cur = self.get_item(&k)?;
            self.0.set_item(k, add(cur, n)?)?;
        }
        self.keep_positive()
    }
    /// `a -= b`.
    pub fn isub(&self, other: &Self) -> Result<()> {
        for (k, n) in other.0.to_pairs() {
            let cur = self.get_item(&k)?;
            self.0.set_item(k, crate::ops::sub_int(cur, n)?)?;
        }
        self.keep_positive()
    }
    /// `a |= b`.
    pub fn ior(&self, other: &Self) -> Result<()> {
        for (k, n) in other.0.to_pairs() {
            if n > self.get_item(&k)? {
                self.0.set_item(k, n)?;
            }
        }
        self.keep_positive()
    }
    /// `a &= b`.
    pub fn iand(&self, other: &Self) -> Result<()> {
        for (k, n) in self.0.to_pairs() {
            let o = other.get_item(&k)?;
            if o < n {
                self.0.set_item(k, o)?;
            }
        }
        self.keep_positive()
    }
    /// `a == b`: missing counts are zero (`Counter('a') == Counter(a=1, b=0)`).
    pub fn eq_counter(&self, other: &Self) -> Result<bool> {
        for (a, b) in [(self, other), (other, self)] {
            for (k, n) in a.0.to_pairs() {
                if n != b.get_item(&k)? {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }
    /// `a <= b` (every count of `a` at most `b`'s; missing counts are zero).
    pub fn le(&self, other: &Self) -> Result<bool> {
        for (a, b, flip) in [(self, other, false), (other, self, true)] {
            for (k, n) in a.0.to_pairs() {
                let m = b.get_item(&k)?;
                let ok = if flip { m <= n } else { n <= m };
                if !ok {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }
    /// `a < b`.
    pub fn lt(&self, other: &Self) -> Result<bool> {
        Ok(self.le(other)? && !self.eq_counter(other)?)
    }
}

impl<K: Hash + Eq + Clone + PyValue> Default for Counter<K> {
    fn default() -> Self {
        Counter::new()
    }
}

impl<K: Hash + Eq + Clone + PyValue> PyValue for Counter<K> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        if self.is_empty() {
            out.push_str("Counter()");
            return Ok(());
        }
        let items = self.most_common(None)?;
        repr_guarded(self.0.addr(), out, "{...}", |out| {
            out.push_str("Counter({");
            for (n, (k, v)) in items.to_vec().iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                k.py_repr(out)?;
                out.push_str(": ");
                v.py_repr(out)?;
            }
            out.push_str("})");
            Ok(())
        })
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        self.eq_counter(other)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "Counter"
    }
    fn py_check_hashable(&self) -> Result<()> {
        Err(crate::value::unhashable("Counter"))
    }
}

impl<K: Hash + Eq + Clone + PyValue> std::fmt::Debug for Counter<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        let r: std::result::Result<(), Error> = self.py_repr(&mut s);
        match r {
            Ok(()) => f.write_str(&s),
            Err(_) => f.write_str("<Counter>"),
        }
    }
}
