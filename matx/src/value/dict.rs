//! `dict`: an insertion-ordered hash map shared by reference, safe to use from many threads.

use indexmap::IndexMap;
use parking_lot::RwLock;
use std::hash::Hash;
use std::sync::Arc;

/// A Python `dict`. Cloning the handle aliases the same dict.
pub struct Dict<K, V>(Arc<RwLock<IndexMap<K, V>>>);

impl<K, V> Clone for Dict<K, V> {
    fn clone(&self) -> Self {
        Dict(Arc::clone(&self.0))
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Dict<K, V> {
    pub fn new() -> Self {
        Dict(Arc::new(RwLock::new(IndexMap::new())))
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
}

impl<K: Hash + Eq + Clone, V: Clone> Default for Dict<K, V> {
    fn default() -> Self {
        Dict::new()
    }
}
