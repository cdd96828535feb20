//! `collections.defaultdict`: a dict whose `d[k]` inserts `factory()` for a missing key.

use crate::error::Error;
use crate::value::{Dict, PyValue};
use crate::Result;
use std::hash::Hash;
use std::sync::Arc;

/// The default factory: the function and its repr (`<class 'list'>`).
pub struct Factory<V> {
    pub make: Arc<dyn Fn() -> Result<V> + Send + Sync>,
    pub repr: String,
}

impl<V> Clone for Factory<V> {
    fn clone(&self) -> Self {
        Factory {
            make: Arc::clone(&self.make),
            repr: self.repr.clone(),
        }
    }
}

impl<V: 'static> Factory<V> {
    /// A factory with the repr Python prints for it.
    pub fn new(repr: &str, make: impl Fn() -> Result<V> + Send + Sync + 'static) -> Self {
        Factory {
            make: Arc::new(make),
            repr: repr.to_string(),
        }
    }
}

/// A `defaultdict`; `factory` None is `defaultdict(None)` (missing keys raise `KeyError`).
pub struct DefaultDict<K, V> {
    dict: Dict<K, V>,
    factory: Option<Factory<V>>,
}

impl<K, V> Clone for DefaultDict<K, V> {
    fn clone(&self) -> Self {
        DefaultDict {
            dict: self.dict.clone(),
            factory: self.factory.clone(),
        }
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: Clone + 'static> DefaultDict<K, V> {
    /// `defaultdict(factory)`.
    pub fn new(factory: Option<Factory<V>>) -> Self {
        DefaultDict {
            dict: Dict::new(),
            factory,
        }
    }
    /// `defaultdict(factory, mapping)` (the mapping's entries copied).
    pub fn from_dict(factory: Option<Factory<V>>, d: &Dict<K, V>) -> Result<Self> {
        Ok(DefaultDict {
            dict: d.copy()?,
            factory,
        })
    }
    /// The entries as a dict (the same storage).
    pub fn dict(&self) -> &Dict<K, V> {
        &self.dict
    }
    /// `d.default_factory`'s repr, if any.
    pub fn factory_repr(&self) -> Option<&str> {
        self.factory.as_ref().map(|f| f.repr.as_str())
    }
    /// `d[k]`: a missing key gets `factory()` inserted and returned.
    pub fn get_item(&self, k: &K) -> Result<V> {
        if let Some(v) = self.dict.get(k.clone())? {
            return Ok(v);
        }
        match &self.factory {
            None => Err(Error::key_error(k)),
            Some(f) => {
                let v = (f.make)()?;
                self.dict.set_item(k.clone(), v.clone())?;
                Ok(v)
            }
        }
    }
    /// `d.copy()`: the same factory.
    pub fn copy(&self) -> Result<Self> {
        Ok(DefaultDict {
            dict: self.dict.copy()?,
            factory: self.factory.clone(),
        })
    }
}

impl<K: Hash + Eq + Clone + PyValue, V: PyValue> PyValue for DefaultDict<K, V> {
    fn py_repr(&self, out: &mut String) -> Result<()> {
        out.push_str("defaultdict(");
        match &self.factory {
            None => out.push_str("None"),
            Some(f) => out.push_str(&f.repr),
        }
        out.push_str(", ");
        self.dict.py_repr(out)?;
        out.push(')');
        Ok(())
    }
    fn py_eq(&self, other: &Self) -> Result<bool> {
        self.dict.py_eq(&other.dict)
    }
    fn py_bool(&self) -> Result<bool> {
        Ok(!self.dict.is_empty())
    }
    fn py_type_name(&self) -> &'static str {
        "defaultdict"
    }
    fn py_check_hashable(&self) -> Result<()> {
        Err(crate::value::unhashable("collections.defaultdict"))
    }
}
