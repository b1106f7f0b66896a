//! Durable state behind a small trait: request state in one ordered key
//! space, and the audit log, an append-only list of entries under signed
//! tree heads. A [`Batch`] carries both kinds of change and applies
//! atomically; nothing counts as stored until [`Store::commit`] has
//! returned.
//!
//! Two backends implement [`Store`]: [`DiskStore`] for real nodes (a
//! write-ahead journal, sled for the key space, the tile log of
//! [`crate::tlog`] for the audit log: see `docs/audit-storage.md`) and
//! [`MemoryStore`] for tests and benchmarks, and one test suite runs against
//! both. Nothing outside this module names sled.

mod disk;
mod group;
mod journal;
mod memory;
mod overlay;
mod slots;

use std::fmt;
use std::path::Path;

pub use disk::{DiskStore, OpenReport, legacy_audit_key};
pub use group::GroupCommit;
pub use memory::MemoryStore;
pub use slots::{FileSlots, KeySlots, MemorySlots, SLOT, Slot};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("store I/O failed: {0}")]
    Io(String),
    #[error("stored record `{key}` is corrupt: {reason}")]
    Corrupt { key: String, reason: String },
    #[error("audit log: {0}")]
    Audit(String),
    /// The data keys, or the key that wraps them, are missing or wrong.
    #[error("data keys: {0}")]
    Keys(String),
}

impl From<crate::tlog::TlogError> for StoreError {
    fn from(e: crate::tlog::TlogError) -> Self {
        StoreError::Audit(e.to_string())
    }
}

/// A key and its value.
pub type Entry = (Vec<u8>, Vec<u8>);

/// Writes that land together or not at all: key writes, and audit entries
/// appended to the log.
#[derive(Debug, Default, Clone)]
pub struct Batch {
    pub(crate) ops: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    /// The index of the first audit entry, which must continue the log.
    pub(crate) audit_first: u64,
    /// Audit entries, in order, from `audit_first` on.
    pub(crate) audit: Vec<Vec<u8>>,
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

    /// Appends audit entry `index`, which must follow the batch's previous
    /// entry (or, for the first, the log as applied so far).
    pub fn append_audit(&mut self, index: u64, entry: Vec<u8>) {
        if self.audit.is_empty() {
            self.audit_first = index;
        }
        self.audit.push(entry);
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty() && self.audit.is_empty()
    }

    /// The index after the batch's last audit entry.
    pub(crate) fn audit_end(&self) -> u64 {
        self.audit_first + self.audit.len() as u64
    }
}

/// A signed tree head covering the first `size` audit entries: what a
/// commit makes durable with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditSeal {
    pub size: u64,
    /// The signed tree head, encoded.
    pub head: Vec<u8>,
}

/// The latest committed tree head: its size and root as the store computed
/// them from the entries, and the signed head committed with them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditCheckpoint {
    pub size: u64,
    pub root: liaison_proto::merkle::Hash,
    pub head: Vec<u8>,
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
    /// Applies every write of the batch atomically: readers see its keys at
    /// once. Its audit entries must continue the log as applied so far.
    fn apply(&self, batch: Batch) -> Result<(), StoreError>;
    /// Makes batches applied so far durable, in order, and returns once
    /// they are. With a seal, the audit entries up to `seal.size` are
    /// committed under its head; batches holding audit entries beyond what
    /// is committed (and every batch after them) stay pending.
    fn commit(&self, seal: Option<&AuditSeal>) -> Result<(), StoreError>;
    /// [`Store::commit`] without a seal.
    fn flush(&self) -> Result<(), StoreError> {
        self.commit(None)
    }

    /// The latest committed tree head (`None` before the first).
    fn audit_checkpoint(&self) -> Result<Option<AuditCheckpoint>, StoreError>;
    /// Audit entries applied so far, committed or not.
    fn audit_applied(&self) -> u64;
    /// The exact bytes of the applied audit entries in `range`.
    fn audit_entries(&self, range: std::ops::Range<u64>) -> Result<Vec<Vec<u8>>, StoreError>;
    /// The hash of the perfect subtree of the committed audit log at
    /// `level`, `index` (level 0: an entry's leaf hash).
    fn audit_node(&self, level: u32, index: u64)
    -> Result<liaison_proto::merkle::Hash, StoreError>;
    /// The slots holding the wrapped data keys (see [`KeySlots`]).
    fn key_slots(&self) -> &dyn KeySlots;
}

/// Opens the store kept in `dir` (creating it if absent).
pub fn open(dir: &Path) -> Result<DiskStore, StoreError> {
    DiskStore::open(dir).map(|(store, _)| store)
}

/// Opens the store kept in `dir` with a sled cache of `cache_bytes`
/// instead of the default: for many nodes on one machine (the federation
/// benchmark), where each node's cache is memory all the others lack.
pub fn open_with_cache(dir: &Path, cache_bytes: u64) -> Result<DiskStore, StoreError> {
    DiskStore::open_with(dir, disk::Options::with_cache(cache_bytes)).map(|(store, _)| store)
}

#[cfg(test)]
mod tests;
