//! `dict`: an insertion-ordered hash map shared by reference, safe to use from many threads.

use crate::error::{exc, Error};
use crate::value::dict_ops::{self as ops, dict_methods, pick_key, MapCell, MapIter};
use crate::value::guard::repr_guarded;
use crate::value::repr_str;
use crate::value::traits::{unhashable, PyIterable, PyLen, PyValue};
use crate::value::List;
use crate::value::PyMap;
use crate::Result;
use parking_lot::RwLock;
use std::hash::Hash;
use std::sync::Arc;

/// A Python `dict`. Cloning the handle aliases the same dict.
pub struct Dict<K, V>(pub(crate) Arc<Shared<K, V>>);

/// The storage of a dict: its map under a lock.
pub(crate) struct Shared<K, V>(RwLock<PyMap<K, V>>);

impl<K, V> Shared<K, V> {
    fn new(m: PyMap<K, V>) -> Self {
        Shared(RwLock::new(m))
    }
}

impl<K, V> std::ops::Deref for Shared<K, V> {
    type Target = RwLock<PyMap<K, V>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// Freed on a stack segment of its own when the stack runs low (see `List`'s storage).
impl<K, V> Drop for Shared<K, V> {
    fn drop(&mut self) {
        let map = std::mem::take(self.0.get_mut());
        if !map.is_empty() {
            crate::value::deep(move || drop(map));
        }
    }
}

impl<K, V> Clone for Dict<K, V> {
    fn clone(&self) -> Self {
        Dict(Arc::clone(&self.0))
    }
}

/// `KeyError` whose argument is a str message (`str(e)` is its repr, as in CPython).
pub(crate) fn key_error_msg(msg: &str) -> Error {
    Error::with_repr_arg(&exc::KeyError, repr_str(msg))
}

impl<K: Hash + Eq + Clone, V: Clone> Dict<K, V> {
    pub fn new() -> Self {
        Dict(Arc::new(Shared::new(PyMap::default())))
    }
    /// A dict from pairs; a later pair overwrites an earlier equal key but
    /// keeps its position, as `{1: 'a', 1: 'b'}` does.
    pub fn from_pairs(pairs: Vec<(K, V)>) -> Self {
        let mut m = PyMap::with_capacity_and_hasher(pairs.len(), Default::default());
        for (k, v) in pairs {
            m.insert(k, v);
        }
        Dict(Arc::new(Shared::new(m)))
    }
    /// A dict over `m`.
    pub(crate) fn from_map(m: PyMap<K, V>) -> Self {
        Dict(Arc::new(Shared::new(m)))
    }
    /// The entries: moved out when this is the dict's only handle, else copied.
    pub(crate) fn into_map(self) -> PyMap<K, V> {
        match Arc::try_unwrap(self.0) {
            Ok(mut shared) => std::mem::take(shared.0.get_mut()),
            Err(shared) => shared.read().clone(),
        }
    }
    pub fn len(&self) -> usize {
        self.0.read().len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.read().is_empty()
    }
    /// Whether two handles are the same dict (`a is b`).
    pub fn ptr_eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
    /// Address of the shared storage (identity).
    pub fn addr(&self) -> usize {
        Arc::as_ptr(&self.0) as *const () as usize
    }
    /// The `i`-th entry in insertion order.
    pub fn entry_at(&self, i: usize) -> Option<(K, V)> {
        self.0
            .read()
            .get_index(i)
            .map(|(k, v)| (k.clone(), v.clone()))
    }
    /// A copy of the entries in order.
    pub fn to_pairs(&self) -> Vec<(K, V)> {
        ops::pairs(self)
    }
}

dict_methods!(Dict);

impl<K: Hash + Eq + Clone + PyValue, V: Clone> Dict<K, V> {
    /// `d.copy()`.
    pub fn copy(&self) -> Result<Dict<K, V>> {
        Ok(Dict(Arc::new(Shared::new(self.0.read().clone()))))
    }
    /// `dict.fromkeys(keys, value)`.
    pub fn fromkeys(keys: List<K>, value: V) -> Result<Dict<K, V>> {
        let d = Dict::new();
        for k in keys.to_vec() {
            d.set_item(k, value.clone())?;
        }
        Ok(d)
    }
    /// `a | b` (a new dict).
    pub fn bitor(&self, other: &Dict<K, V>) -> Result<Dict<K, V>> {
        let d = self.copy()?;
        d.update(other.clone())?;
        Ok(d)
    }
    /// `a |= b`.
    pub fn ior(&self, other: &Dict<K, V>) -> Result<()> {
        self.update(other.clone())
    }
}

impl<K, V> MapCell<K, V> for Dict<K, V> {
    fn read_map<R>(&self, f: impl FnOnce(&PyMap<K, V>) -> R) -> R {
        f(&self.0.read())
    }
    fn write_map<R>(&self, f: impl FnOnce(&mut PyMap<K, V>) -> R) -> R {
        f(&mut self.0.write())
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Default for Dict<K, V> {
    fn default() -> Self {
        Dict::new()
    }
}

impl<K: Hash + Eq + PyValue, V: PyValue> std::fmt::Debug for Dict<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::new();
        match self.py_repr(&mut s) {
            Ok(()) => f.write_str(&s),
            Err(_) => f.write_str("<dict>"),
        }
    }
}

impl<K: Hash + Eq + PyValue, V: PyValue> PyValue for Dict<K, V> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        let pairs = self.to_pairs();
        repr_guarded(self.addr(), out, "{...}", |out| {
            out.push('{');
            for (n, (k, v)) in pairs.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                k.py_repr(out)?;
                out.push_str(": ");
                v.py_repr(out)?;
            }
            out.push('}');
            Ok(())
        })
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        if self.ptr_eq(other) {
            return Ok(true);
        }
        if self.len() != other.len() {
            return Ok(false);
        }
        for (k, v) in self.to_pairs() {
            let w = other.0.read().get(&k).cloned();
            match w {
                Some(w) if crate::value::item_eq(&v, &w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }
    fn py_is(&self, other: &Self) -> bool {
        self.ptr_eq(other)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "dict"
    }
    fn py_check_hashable(&self) -> Result<()> {
        Err(unhashable("dict"))
    }
}

impl<K: Hash + Eq + Clone, V: Clone> PyLen for Dict<K, V> {
    fn py_len(&self) -> Result<i64> {
        Ok(self.len() as i64)
    }
}

/// Iterator over a `Dict` (see `MapIter`).
pub type DictIter<K, V, T = K> = MapIter<Dict<K, V>, K, V, T>;

impl<K: Hash + Eq + Clone, V: Clone> PyIterable for Dict<K, V> {
    type Item = K;
    type Iter = DictIter<K, V>;
    fn py_iter(&self) -> DictIter<K, V> {
        MapIter::new(self.clone(), pick_key)
    }
}
