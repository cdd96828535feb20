//! `collections.OrderedDict`: a dict with `move_to_end`, `popitem(last=False)`, an
//! order-sensitive `==` between two of them, and CPython 3.11's repr.

use crate::error::{exc, Error};
use crate::value::{repr_guarded, Dict, MapCell, PyValue};
use crate::Result;
use std::hash::Hash;

/// An `OrderedDict`. Cloning aliases.
pub struct OrderedDict<K, V>(Dict<K, V>);

impl<K, V> Clone for OrderedDict<K, V> {
    fn clone(&self) -> Self {
        OrderedDict(self.0.clone())
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: Clone> OrderedDict<K, V> {
    /// `OrderedDict()`.
    pub fn new() -> Self {
        OrderedDict(Dict::new())
    }
    /// `OrderedDict(mapping)` or `OrderedDict(pairs)` (a copy).
    pub fn from_dict(d: &Dict<K, V>) -> Result<Self> {
        Ok(OrderedDict(d.copy()?))
    }
    /// The entries as a dict (the same storage).
    pub fn dict(&self) -> &Dict<K, V> {
        &self.0
    }
    /// `od.move_to_end(key, last)`.
    pub fn move_to_end(&self, key: K, last: bool) -> Result<()> {
        key.py_check_hashable()?;
        let moved = self.0.write_map(|m| match m.get_index_of(&key) {
            None => false,
            Some(i) => {
                let to = if last { m.len() - 1 } else { 0 };
                m.move_index(i, to);
                true
            }
        });
        if moved {
            Ok(())
        } else {
            Err(Error::key_error(&key))
        }
    }
    /// `od.popitem(last)`.
    pub fn popitem(&self, last: bool) -> Result<(K, V)> {
        let item = self.0.write_map(|m| {
            if last {
                m.pop()
            } else {
                m.shift_remove_index(0)
            }
        });
        item.ok_or_else(|| {
            Error::with_repr_arg(&exc::KeyError, "'dictionary is empty'".to_string())
        })
    }
    /// `od.copy()`.
    pub fn copy(&self) -> Result<Self> {
        Ok(OrderedDict(self.0.copy()?))
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: Clone> Default for OrderedDict<K, V> {
    fn default() -> Self {
        OrderedDict::new()
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: PyValue> PyValue for OrderedDict<K, V> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        let pairs = self.0.to_pairs();
        if pairs.is_empty() {
            out.push_str("OrderedDict()");
            return Ok(());
        }
        repr_guarded(self.0.addr(), out, "...", |out| {
            out.push_str("OrderedDict([");
            for (n, (k, v)) in pairs.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                out.push('(');
                k.py_repr(out)?;
                out.push_str(", ");
                v.py_repr(out)?;
                out.push(')');
            }
            out.push_str("])");
            Ok(())
        })
    }
    /// Between two `OrderedDict`s, equal entries in the same order.
    fn py_eq(&self, other: &Self) -> Result<bool> {
        if !self.0.py_eq(&other.0)? {
            return Ok(false);
        }
        let (a, b) = (self.0.to_pairs(), other.0.to_pairs());
        for ((x, _), (y, _)) in a.iter().zip(b.iter()) {
            if !x.py_eq(y)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.0.is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "OrderedDict"
    }
    fn py_check_hashable(&self) -> Result<()> {
        Err(crate::value::unhashable("collections.OrderedDict"))
    }
}
