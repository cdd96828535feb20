//! `list`: a growable sequence shared by reference (`b = a` aliases), safe to use from many threads.

use parking_lot::RwLock;
use std::sync::Arc;

/// A Python `list`. Cloning the handle aliases the same list, as in Python.
pub struct List<T>(Arc<RwLock<Vec<T>>>);

impl<T> Clone for List<T> {
    fn clone(&self) -> Self {
        List(Arc::clone(&self.0))
    }
}

impl<T: Clone> List<T> {
    pub fn new() -> Self {
        List(Arc::new(RwLock::new(Vec::new())))
    }
    pub fn from_vec(v: Vec<T>) -> Self {
        List(Arc::new(RwLock::new(v)))
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
}

impl<T: Clone> Default for List<T> {
    fn default() -> Self {
        List::new()
    }
}
