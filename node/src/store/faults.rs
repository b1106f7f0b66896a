//! A [`Store`] that fails on demand, for tests of what the node does when
//! its disk fills up or turns read-only: [`FaultyStore`] wraps a real
//! store, reports the free space the test sets, and fails commits with the
//! error the test chooses, as the disk store does when a write meets
//! `ENOSPC` or `EROFS`.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use liaison_proto::merkle::Hash;

use super::{AuditCheckpoint, AuditSeal, Batch, Entry, KeySlots, Space, Store, StoreError};

/// What a failing commit reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// No space left on the device.
    Full,
    /// The file system was remounted read-only.
    ReadOnly,
}

impl Fault {
    fn error(self) -> StoreError {
        let e = match self {
            Fault::Full => std::io::Error::from(std::io::ErrorKind::StorageFull),
            Fault::ReadOnly => std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem),
        };
        StoreError::io("journal: append (injected)", &e)
    }
}

/// A store whose commits fail and whose free space is what the test says.
#[derive(Debug)]
pub struct FaultyStore {
    inner: std::sync::Arc<dyn Store>,
    space: Mutex<Option<Space>>,
    fault: Mutex<Option<Fault>>,
    refused: AtomicU64,
}

impl FaultyStore {
    pub fn new(inner: std::sync::Arc<dyn Store>) -> FaultyStore {
        FaultyStore {
            inner,
            space: Mutex::new(None),
            fault: Mutex::new(None),
            refused: AtomicU64::new(0),
        }
    }

    /// Reports `space` from now on (`None`: the inner store's).
    pub fn set_space(&self, space: Option<Space>) {
        *self.space.lock().unwrap_or_else(|p| p.into_inner()) = space;
    }

    /// Fails every commit with `fault` from now on (`None`: commits work).
    pub fn fail_commits(&self, fault: Option<Fault>) {
        *self.fault.lock().unwrap_or_else(|p| p.into_inner()) = fault;
    }

    /// Commits failed so far.
    pub fn commits_failed(&self) -> u64 {
        self.refused.load(Ordering::SeqCst)
    }
}

impl Store for FaultyStore {
    fn get(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        self.inner.get(key)
    }
    fn scan_prefix(&self, prefix: &[u8]) -> Result<Vec<Entry>, StoreError> {
        self.inner.scan_prefix(prefix)
    }
    fn scan_range(&self, start: &[u8], end: &[u8]) -> Result<Vec<Entry>, StoreError> {
        self.inner.scan_range(start, end)
    }
    fn last_with_prefix(&self, prefix: &[u8]) -> Result<Option<Entry>, StoreError> {
        self.inner.last_with_prefix(prefix)
    }
    fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        self.inner.apply(batch)
    }
    fn commit(&self, seal: Option<&AuditSeal>) -> Result<(), StoreError> {
        let fault = *self.fault.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(fault) = fault {
            self.refused.fetch_add(1, Ordering::SeqCst);
            return Err(fault.error());
        }
        self.inner.commit(seal)
    }
    fn snapshot(&self, dir: &std::path::Path) -> Result<u64, StoreError> {
        self.inner.snapshot(dir)
    }
    fn discard_pending(&self) -> Result<(), StoreError> {
        self.inner.discard_pending()
    }
    fn audit_checkpoint(&self) -> Result<Option<AuditCheckpoint>, StoreError> {
        self.inner.audit_checkpoint()
    }
    fn audit_applied(&self) -> u64 {
        self.inner.audit_applied()
    }
    fn audit_entries(&self, range: std::ops::Range<u64>) -> Result<Vec<Vec<u8>>, StoreError> {
        self.inner.audit_entries(range)
    }
    fn audit_node(&self, level: u32, index: u64) -> Result<Hash, StoreError> {
        self.inner.audit_node(level, index)
    }
    fn key_slots(&self) -> &dyn KeySlots {
        self.inner.key_slots()
    }
    fn space(&self) -> Result<Option<Space>, StoreError> {
        match *self.space.lock().unwrap_or_else(|p| p.into_inner()) {
            Some(space) => Ok(Some(space)),
            None => self.inner.space(),
        }
    }
}
