//! `LocalDict`: the compiler's representation of a dict that never leaves the function that made it (see `LocalList`): shared by reference within it, with no lock and no atomic count.
//!
//! Made fresh in the function (a display or a comprehension) and used there only by key,
//! `len`, `in`, iteration, its own methods, and at most returned, it cannot be seen by any
//! other thread or function. The operations are `Dict`'s (the same functions over the map),
//! with the same errors. A script `__hash__`/`__eq__` run by a lookup cannot reach the dict
//! (it was never passed on), so it may run under the borrow.

use crate::rt::{Contains, DelItem, GetItem, SetItem};
use crate::value::dict_ops::{self as ops, dict_methods, pick_key, MapCell, MapIter};
use crate::value::traits::{PyIterable, PyLen, PyValue};
use crate::value::{Dict, List, PyMap};
use crate::Result;
use std::cell::RefCell;
use std::hash::Hash;
use std::rc::Rc;

/// A dict local to one call of one function.
pub struct LocalDict<K, V>(Rc<RefCell<PyMap<K, V>>>);

impl<K, V> Clone for LocalDict<K, V> {
    fn clone(&self) -> Self {
        LocalDict(Rc::clone(&self.0))
    }
}

impl<K, V> Default for LocalDict<K, V> {
    fn default() -> Self {
        LocalDict(Rc::new(RefCell::new(PyMap::default())))
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: Clone> LocalDict<K, V> {
    /// Takes over a dict just made (its only handle: the entries move).
    pub fn from_dict(d: Dict<K, V>) -> Self {
        LocalDict(Rc::new(RefCell::new(d.into_map())))
    }
    /// The dict to hand out when the function returns it (entries moved when this is the
    /// only handle left; the others are locals of the returning function).
    pub fn into_dict(&mut self) -> Dict<K, V> {
        let rc = std::mem::take(self).0;
        let map = match Rc::try_unwrap(rc) {
            Ok(cell) => cell.into_inner(),
            Err(shared) => shared.borrow().clone(),
        };
        Dict::from_map(map)
    }
    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }
    /// `d.copy()` (a new, shared dict).
    pub fn copy(&self) -> Result<Dict<K, V>> {
        Ok(Dict::from_map(self.0.borrow().clone()))
    }
}

dict_methods!(LocalDict);

impl<K, V> MapCell<K, V> for LocalDict<K, V> {
    fn read_map<R>(&self, f: impl FnOnce(&PyMap<K, V>) -> R) -> R {
        f(&self.0.borrow())
    }
    fn write_map<R>(&self, f: impl FnOnce(&mut PyMap<K, V>) -> R) -> R {
        f(&mut self.0.borrow_mut())
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: Clone> GetItem<K> for LocalDict<K, V> {
    type Out = V;
    fn get_item_py(&self, k: K) -> Result<V> {
        self.get_item(&k)
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: Clone> SetItem<K, V> for LocalDict<K, V> {
    fn set_item_py(&self, k: K, v: V) -> Result<()> {
        self.set_item(k, v)
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: Clone> DelItem<K> for LocalDict<K, V> {
    fn del_item_py(&self, k: K) -> Result<()> {
        self.del_item(&k)
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: Clone> Contains<K> for LocalDict<K, V> {
    fn contains_py(&self, k: K) -> Result<bool> {
        Ok(self.contains(&k))
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: Clone> PyLen for LocalDict<K, V> {
    fn py_len(&self) -> Result<i64> {
        Ok(self.len() as i64)
    }
}

/// Iterator over a `LocalDict` (see `MapIter`).
pub type LocalDictIter<K, V, T = K> = MapIter<LocalDict<K, V>, K, V, T>;

impl<K: Hash + Eq + Clone + PyValue, V: Clone> PyIterable for LocalDict<K, V> {
    type Item = K;
    type Iter = LocalDictIter<K, V>;
    fn py_iter(&self) -> LocalDictIter<K, V> {
        MapIter::new(self.clone(), pick_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Str;

    use crate::error::outcome as msg;

    /// The same operations on a `Dict` and a `LocalDict` give the same entries and errors.
    #[test]
    fn behaves_as_dict() {
        let s = |x: &str| Str::from(x);
        let pairs = vec![(s("a"), 1i64), (s("b"), 2)];
        let shared = Dict::from_pairs(pairs.clone());
        let mut local = LocalDict::from_dict(Dict::from_pairs(pairs));
        for k in ["a", "z"] {
            assert_eq!(msg(shared.get_item(&s(k))), msg(local.get_item(&s(k))));
            assert_eq!(shared.get(s(k)).ok(), local.get(s(k)).ok());
            assert_eq!(shared.contains(&s(k)), local.contains(&s(k)));
        }
        shared.set_item(s("c"), 3).unwrap();
        local.set_item(s("c"), 3).unwrap();
        assert_eq!(msg(shared.del_item(&s("q"))), msg(local.del_item(&s("q"))));
        assert_eq!(shared.pop(s("a")).ok(), local.pop(s("a")).ok());
        assert_eq!(msg(shared.pop(s("a"))), msg(local.pop(s("a"))));
        assert_eq!(shared.pop_or(s("a"), 7).ok(), local.pop_or(s("a"), 7).ok());
        assert_eq!(
            shared.setdefault(s("d"), 4).ok(),
            local.setdefault(s("d"), 4).ok()
        );
        shared.update(Dict::from_pairs(vec![(s("b"), 20)])).unwrap();
        local.update(Dict::from_pairs(vec![(s("b"), 20)])).unwrap();
        let keys: Vec<Str> = local.py_iter().map(|k| k.unwrap()).collect();
        assert_eq!(keys, shared.keys().unwrap().to_vec());
        assert_eq!(
            local.items().unwrap().to_vec(),
            shared.items().unwrap().to_vec()
        );
        assert_eq!(
            local.values().unwrap().to_vec(),
            shared.values().unwrap().to_vec()
        );
        assert_eq!(shared.popitem().ok(), local.popitem().ok());
        assert_eq!(local.copy().unwrap().to_pairs(), shared.to_pairs());
        assert_eq!(local.into_dict().to_pairs(), shared.to_pairs());
        let empty: LocalDict<Str, i64> = LocalDict::default();
        assert_eq!(msg(empty.popitem()), msg(Dict::<Str, i64>::new().popitem()));
    }

    #[test]
    fn iteration_detects_a_change_of_size() {
        let d = LocalDict::from_dict(Dict::from_pairs(vec![(1i64, 2i64)]));
        let mut err = None;
        for k in d.py_iter() {
            match k {
                Ok(k) => d.set_item(k + 1, 0).unwrap(),
                Err(e) => err = Some(e),
            }
        }
        assert_eq!(
            err.map(|e| e.repr()).unwrap_or_default(),
            "RuntimeError('dictionary changed size during iteration')"
        );
    }
}
