//! Durable state behind a small trait. The node keeps everything in one
//! ordered key space; [`Batch`]es apply atomically, and nothing counts as
//! stored until [`Store::flush`] has returned.
//!
//! Two backends implement [`Store`]: [`SledStore`] for real nodes and
//! [`MemoryStore`] for tests, and one test suite runs against both. Nothing
//! outside this module names sled.

mod group;
mod memory;
mod sled_store;

use std::fmt;
use std::path::Path;

pub use group::GroupCommit;
pub use memory::MemoryStore;
pub use sled_store::SledStore;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("store I/O failed: {0}")]
    Io(String),
    #[error("stored record `{key}` is corrupt: {reason}")]
    Corrupt { key: String, reason: String },
}

/// A key and its value.
pub type Entry = (Vec<u8>, Vec<u8>);

/// Writes that land together or not at all.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    pub(crate) ops: Vec<(Vec<u8>, Option<Vec<u8>>)>,
}

impl Batch {
    pub fn new() -> Self {
        Batch::default()
    }

    pub fn put(&mut self, key: impl Into<Vec<u8>>, value: impl Into<Vec<u8>>) {
        self.ops.push((key.into(), Some(value.into())));
    }

    pub fn delete(&mut self, key: impl Into<Vec<u8>>) {
        self.ops.push((key.into(), None));
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
}

/// An ordered, durable key-value space.
pub trait Store: Send + Sync + fmt::Debug + 'static {
    fn get(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError>;
    /// Every entry whose key starts with `prefix`, in key order.
    fn scan_prefix(&self, prefix: &[u8]) -> Result<Vec<Entry>, StoreError>;
    /// Every entry with `start <= key < end`, in key order.
    fn scan_range(&self, start: &[u8], end: &[u8]) -> Result<Vec<Entry>, StoreError>;
    /// The entry with the greatest key starting with `prefix`.
    fn last_with_prefix(&self, prefix: &[u8]) -> Result<Option<Entry>, StoreError>;
    /// Applies every write of the batch atomically.
    fn apply(&self, batch: Batch) -> Result<(), StoreError>;
    /// Returns once every applied batch is on stable storage.
    fn flush(&self) -> Result<(), StoreError>;
}

/// Opens the sled store kept in `dir`.
pub fn open(dir: &Path) -> Result<SledStore, StoreError> {
    SledStore::open(dir)
}

/// Opens the sled store kept in `dir` with a cache of `cache_bytes`
/// instead of the default: for many nodes on one machine (the federation
/// benchmark), where each node's cache is memory all the others lack.
pub fn open_with_cache(dir: &Path, cache_bytes: u64) -> Result<SledStore, StoreError> {
    SledStore::open_with_cache(dir, cache_bytes)
}

#[cfg(test)]
mod tests;
