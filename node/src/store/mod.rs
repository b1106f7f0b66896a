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
//! both; [`faults::FaultyStore`] wraps either to fail commits as a full or
//! read-only disk would. Nothing outside this module names sled.

mod disk;
pub mod faults;
mod group;
mod journal;
mod memory;
mod overlay;
mod slots;

use std::fmt;
use std::path::Path;

pub use disk::{DiskStore, OpenReport, copy_dir, legacy_audit_key};
pub use group::GroupCommit;
pub use memory::MemoryStore;
pub use slots::{FileSlots, KeySlots, MemorySlots, SLOT, Slot};

#[derive(Debug, Clone, thiserror::Error)]
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
    /// The disk holding the data directory is full (or over its quota), or
    /// has less free space than the node keeps in reserve.
    #[error("storage full: {0}")]
    Full(String),
    /// The disk holding the data directory was made read-only.
    #[error("storage read-only: {0}")]
    ReadOnly(String),
}

impl StoreError {
    /// `doing`'s I/O failure, as [`StoreError::Full`] or
    /// [`StoreError::ReadOnly`] when the disk is the cause (which the node
    /// waits out), else [`StoreError::Io`].
    pub fn io(doing: impl fmt::Display, e: &std::io::Error) -> StoreError {
        use std::io::ErrorKind;
        let message = format!("{doing}: {e}");
        match e.kind() {
            ErrorKind::StorageFull | ErrorKind::QuotaExceeded => StoreError::Full(message),
            ErrorKind::ReadOnlyFilesystem => StoreError::ReadOnly(message),
            _ => StoreError::Io(message),
        }
    }

    /// Whether the disk is the cause: full, over quota or read-only. Such a
    /// failure ends when the operator frees space or remounts the disk.
    pub fn is_disk(&self) -> bool {
        matches!(self, StoreError::Full(_) | StoreError::ReadOnly(_))
    }
}

impl From<crate::tlog::TlogError> for StoreError {
    fn from(e: crate::tlog::TlogError) -> Self {
        match &e {
            crate::tlog::TlogError::Io { source, .. } => {
                match StoreError::io("audit log", source) {
                    disk @ (StoreError::Full(_) | StoreError::ReadOnly(_)) => disk,
                    _ => StoreError::Audit(e.to_string()),
                }
            }
            _ => StoreError::Audit(e.to_string()),
        }
    }
}

/// The free space of the disk holding a store, as the operating system
/// reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Space {
    /// Bytes an unprivileged writer may still use.
    pub available: u64,
    /// Whether the file system is mounted read-only.
    pub read_only: bool,
}

impl Space {
    /// The space of the file system holding `dir`.
    #[cfg(unix)]
    pub fn of(dir: &Path) -> Result<Space, StoreError> {
        let stat = rustix::fs::statvfs(dir).map_err(|e| {
            StoreError::io(
                format_args!("{}: read the free space", dir.display()),
                &e.into(),
            )
        })?;
        Ok(Space {
            available: stat.f_bavail.saturating_mul(stat.f_frsize),
            read_only: stat.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY),
        })
    }

    /// Elsewhere the space is not measured.
    #[cfg(not(unix))]
    pub fn of(_dir: &Path) -> Result<Space, StoreError> {
        Ok(Space {
            available: u64::MAX,
            read_only: false,
        })
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
    /// Drops every batch applied and not yet durable, after a failed
    /// [`Store::commit`]: readers no longer see them, and the next commit
    /// does not write them. A store that applies batches durably at once
    /// (the memory store) has nothing to drop and refuses.
    fn discard_pending(&self) -> Result<(), StoreError> {
        Err(StoreError::Io(
            "this store cannot take back applied batches".into(),
        ))
    }
    /// Writes what is durable into `dir` (which must not exist) as a store
    /// that opens on its own; refused while changes are pending. Returns
    /// the bytes written.
    fn snapshot(&self, _dir: &Path) -> Result<u64, StoreError> {
        Err(StoreError::Io("this store has no files to snapshot".into()))
    }
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
    /// The free space of the disk the store writes to (`None`: a store
    /// without a disk, which never fills up).
    fn space(&self) -> Result<Option<Space>, StoreError> {
        Ok(None)
    }
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

#[cfg(test)]
mod error_tests {
    use super::*;

    #[test]
    fn a_full_or_read_only_disk_is_told_apart_from_other_failures() {
        use std::io::{Error, ErrorKind};
        let full = StoreError::io("journal: append", &Error::from(ErrorKind::StorageFull));
        assert!(
            matches!(full, StoreError::Full(_)) && full.is_disk(),
            "{full}"
        );
        let quota = StoreError::io("journal: append", &Error::from(ErrorKind::QuotaExceeded));
        assert!(matches!(quota, StoreError::Full(_)), "{quota}");
        let read_only = StoreError::io("sync", &Error::from(ErrorKind::ReadOnlyFilesystem));
        assert!(matches!(read_only, StoreError::ReadOnly(_)), "{read_only}");
        let other = StoreError::io("sync", &Error::from(ErrorKind::PermissionDenied));
        assert!(
            matches!(other, StoreError::Io(_)) && !other.is_disk(),
            "{other}"
        );
        assert!(
            full.to_string()
                .starts_with("storage full: journal: append: ")
        );
    }

    #[test]
    fn the_free_space_of_a_real_directory_is_measured() {
        let dir = tempfile::tempdir().unwrap();
        let space = Space::of(dir.path()).unwrap();
        assert!(space.available > 0 && !space.read_only);
        let missing = Space::of(&dir.path().join("missing")).unwrap_err();
        assert!(
            missing.to_string().contains("read the free space"),
            "{missing}"
        );
    }
}
