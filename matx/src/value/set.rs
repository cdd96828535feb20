//! `set`: a hash set shared by reference, safe to use from many threads.

use indexmap::IndexSet;
use parking_lot::RwLock;
use std::hash::Hash;
use std::sync::Arc;

/// A Python `set`. Cloning the handle aliases the same set.
pub struct Set<T>(Arc<RwLock<IndexSet<T>>>);

impl<T> Clone for Set<T> {
    fn clone(&self) -> Self {
        Set(Arc::clone(&self.0))
    }
}

impl<T: Hash + Eq + Clone> Set<T> {
    pub fn new() -> Self {
        Set(Arc::new(RwLock::new(IndexSet::new())))
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
}

impl<T: Hash + Eq + Clone> Default for Set<T> {
    fn default() -> Self {
        Set::new()
    }
}
