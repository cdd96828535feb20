//! `bytes`: an immutable, cheaply shared byte string.

use std::sync::Arc;

/// A Python `bytes`. Cloning shares the buffer.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct Bytes(Arc<[u8]>);

impl Bytes {
    pub fn new(b: &[u8]) -> Self {
        Bytes(Arc::from(b))
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(v: Vec<u8>) -> Self {
        Bytes(Arc::from(v))
    }
}
