//! The Python methods of a dict, written once over its map: for `Dict` (behind a lock) and `LocalDict` (in a `RefCell`), so the two agree on every result and error.

use crate::error::{exc, Error};
use crate::value::dict::key_error_msg;
use crate::value::traits::PyValue;
use crate::value::{List, PyMap};
use crate::Result;
use std::hash::Hash;

/// Access to a dict's map. `f` runs no script code that could reach the same dict (the
/// methods below only hash, compare and clone), and a value a write replaces is dropped
/// after `f` returns.
pub trait MapCell<K, V> {
    fn read_map<R>(&self, f: impl FnOnce(&PyMap<K, V>) -> R) -> R;
    fn write_map<R>(&self, f: impl FnOnce(&mut PyMap<K, V>) -> R) -> R;
}

/// `d[k]`; `KeyError(k)` when missing.
pub(crate) fn get_item<K, V, C>(d: &C, k: &K) -> Result<V>
where
    K: Hash + Eq + PyValue,
    V: Clone,
    C: MapCell<K, V>,
{
    k.py_check_hashable()?;
    d.read_map(|m| m.get(k).cloned())
        .ok_or_else(|| Error::key_error(k))
}

/// `d[k] = v`.
pub(crate) fn set_item<K: Hash + Eq + PyValue, V, C: MapCell<K, V>>(
    d: &C,
    k: K,
    v: V,
) -> Result<()> {
    k.py_check_hashable()?;
    let old = d.write_map(|m| m.insert(k, v));
    drop(old);
    Ok(())
}

/// `del d[k]`.
pub(crate) fn del_item<K: Hash + Eq + PyValue, V, C: MapCell<K, V>>(d: &C, k: &K) -> Result<()> {
    k.py_check_hashable()?;
    let old = d.write_map(|m| m.shift_remove(k));
    old.map(drop).ok_or_else(|| Error::key_error(k))
}

/// `k in d` (an unhashable dynamic key is simply absent).
pub(crate) fn contains<K: Hash + Eq, V, C: MapCell<K, V>>(d: &C, k: &K) -> bool {
    d.read_map(|m| m.contains_key(k))
}

/// `d.get(k)`.
pub(crate) fn get<K, V, C>(d: &C, k: &K) -> Result<Option<V>>
where
    K: Hash + Eq + PyValue,
    V: Clone,
    C: MapCell<K, V>,
{
    k.py_check_hashable()?;
    Ok(d.read_map(|m| m.get(k).cloned()))
}

/// `d.pop(k)`, or with a default `d.pop(k, default)`.
pub(crate) fn pop<K, V, C>(d: &C, k: &K, default: Option<V>) -> Result<V>
where
    K: Hash + Eq + PyValue,
    C: MapCell<K, V>,
{
    k.py_check_hashable()?;
    match (d.write_map(|m| m.shift_remove(k)), default) {
        (Some(v), _) | (None, Some(v)) => Ok(v),
        (None, None) => Err(Error::key_error(k)),
    }
}

/// `d.popitem()`: the last inserted entry.
pub(crate) fn popitem<K, V, C: MapCell<K, V>>(d: &C) -> Result<(K, V)> {
    d.write_map(|m| m.pop())
        .ok_or_else(|| key_error_msg("popitem(): dictionary is empty"))
}

/// `d.setdefault(k, default)`.
pub(crate) fn setdefault<K, V, C>(d: &C, k: K, default: V) -> Result<V>
where
    K: Hash + Eq + PyValue,
    V: Clone,
    C: MapCell<K, V>,
{
    k.py_check_hashable()?;
    Ok(d.write_map(|m| m.entry(k).or_insert(default).clone()))
}

/// `d.update(other)`, given `other`'s entries (taken first, so `d.update(d)` changes nothing).
pub(crate) fn update<K: Hash + Eq, V, C: MapCell<K, V>>(d: &C, pairs: Vec<(K, V)>) -> Result<()> {
    let old: Vec<V> = d.write_map(|m| {
        pairs
            .into_iter()
            .filter_map(|(k, v)| m.insert(k, v))
            .collect()
    });
    drop(old);
    Ok(())
}

/// `d.keys()`, `d.values()`, `d.items()`: new lists.
pub(crate) fn keys<K: Clone, V, C: MapCell<K, V>>(d: &C) -> Result<List<K>> {
    Ok(List::from_vec(d.read_map(|m| m.keys().cloned().collect())))
}
pub(crate) fn values<K, V: Clone, C: MapCell<K, V>>(d: &C) -> Result<List<V>> {
    Ok(List::from_vec(
        d.read_map(|m| m.values().cloned().collect()),
    ))
}
pub(crate) fn pairs<K: Clone, V: Clone, C: MapCell<K, V>>(d: &C) -> Vec<(K, V)> {
    d.read_map(|m| m.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
}

/// `d.clear()`.
pub(crate) fn clear<K, V, C: MapCell<K, V>>(d: &C) -> Result<()> {
    let old = d.write_map(std::mem::take);
    drop(old);
    Ok(())
}

/// The Python methods of a dict type over [`MapCell`] (`Dict`, `LocalDict`): one list of
/// inherent methods (generated code calls them by name) for both.
macro_rules! dict_methods {
    ($ty:ident) => {
        impl<K: Hash + Eq + Clone + PyValue, V: Clone> $ty<K, V> {
            /// `d[k]`; `KeyError(k)` when missing.
            pub fn get_item(&self, k: &K) -> Result<V> {
                ops::get_item(self, k)
            }
            /// `d[k] = v`.
            pub fn set_item(&self, k: K, v: V) -> Result<()> {
                ops::set_item(self, k, v)
            }
            /// `del d[k]`.
            pub fn del_item(&self, k: &K) -> Result<()> {
                ops::del_item(self, k)
            }
            /// `k in d` (an unhashable dynamic key is simply absent).
            pub fn contains(&self, k: &K) -> bool {
                ops::contains(self, k)
            }
            /// `d.get(k)`.
            pub fn get(&self, key: K) -> Result<Option<V>> {
                ops::get(self, &key)
            }
            /// `d.get(k, default)`.
            pub fn get_or(&self, key: K, default: V) -> Result<V> {
                Ok(self.get(key)?.unwrap_or(default))
            }
            /// `d.pop(k)`.
            pub fn pop(&self, key: K) -> Result<V> {
                ops::pop(self, &key, None)
            }
            /// `d.pop(k, default)`.
            pub fn pop_or(&self, key: K, default: V) -> Result<V> {
                ops::pop(self, &key, Some(default))
            }
            /// `d.popitem()`: the last inserted entry.
            pub fn popitem(&self) -> Result<(K, V)> {
                ops::popitem(self)
            }
            /// `d.setdefault(k, default)`.
            pub fn setdefault(&self, key: K, default: V) -> Result<V> {
                ops::setdefault(self, key, default)
            }
            /// `d.update(other)` (its entries are taken first: `d.update(d)` is a no-op).
            pub fn update(&self, other: Dict<K, V>) -> Result<()> {
                ops::update(self, other.to_pairs())
            }
            /// `d.keys()` (a new list).
            pub fn keys(&self) -> Result<List<K>> {
                ops::keys(self)
            }
            /// `d.values()` (a new list).
            pub fn values(&self) -> Result<List<V>> {
                ops::values(self)
            }
            /// `d.items()` (a new list).
            pub fn items(&self) -> Result<List<(K, V)>> {
                Ok(List::from_vec(ops::pairs(self)))
            }
            /// `d.clear()`.
            pub fn clear(&self) -> Result<()> {
                ops::clear(self)
            }
            /// `for v in d.values()`, live.
            pub fn iter_values(&self) -> ops::MapIter<Self, K, V, V> {
                ops::MapIter::new(self.clone(), ops::pick_value)
            }
            /// `for k, v in d.items()`, live.
            pub fn iter_items(&self) -> ops::MapIter<Self, K, V, (K, V)> {
                ops::MapIter::new(self.clone(), ops::pick_item)
            }
        }
    };
}
pub(crate) use dict_methods;

/// Iterator over a dict (`D`: a `Dict` or a `LocalDict`), as CPython's over a dict or one
/// of its views: it reads the entry at its index at every step, so it sees values changed
/// by the loop, and raises CPython's `RuntimeError` when the dict changes size between two
/// steps. `T`: the key (`for k in d`, `d.keys()`), the value (`d.values()`) or both
/// (`d.items()`).
pub struct MapIter<D, K, V, T> {
    dict: D,
    idx: usize,
    len: usize,
    done: bool,
    pick: fn(&K, &V) -> T,
}

impl<D: MapCell<K, V>, K, V, T> MapIter<D, K, V, T> {
    /// From the start of `dict` (a handle of its own: the loop keeps the dict alive).
    pub(crate) fn new(dict: D, pick: fn(&K, &V) -> T) -> Self {
        let len = dict.read_map(|m| m.len());
        MapIter {
            dict,
            idx: 0,
            len,
            done: false,
            pick,
        }
    }
}

impl<D: MapCell<K, V>, K, V, T> Iterator for MapIter<D, K, V, T> {
    type Item = Result<T>;
    fn next(&mut self) -> Option<Result<T>> {
        if self.done {
            return None;
        }
        let (idx, len, pick) = (self.idx, self.len, self.pick);
        match self.dict.read_map(|m| iter_step(m, idx, len, pick)) {
            Some(Ok(x)) => {
                self.idx += 1;
                Some(Ok(x))
            }
            end => {
                self.done = true;
                end
            }
        }
    }
}

/// One step of iterating `m` (`len`: its size when the loop began), what `pick` takes of the
/// entry at `idx`: CPython's `RuntimeError` when the size changed since.
fn iter_step<K, V, T>(
    m: &PyMap<K, V>,
    idx: usize,
    len: usize,
    pick: fn(&K, &V) -> T,
) -> Option<Result<T>> {
    if m.len() != len {
        return Some(Err(Error::new(
            &exc::RuntimeError,
            "dictionary changed size during iteration",
        )));
    }
    m.get_index(idx).map(|(k, v)| Ok(pick(k, v)))
}

/// What iterating a dict (or its `keys()`), its `values()` and its `items()` yields.
pub(crate) fn pick_key<K: Clone, V>(k: &K, _: &V) -> K {
    k.clone()
}
pub(crate) fn pick_value<K, V: Clone>(_: &K, v: &V) -> V {
    v.clone()
}
pub(crate) fn pick_item<K: Clone, V: Clone>(k: &K, v: &V) -> (K, V) {
    (k.clone(), v.clone())
}
