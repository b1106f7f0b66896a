//! An in-memory [`Store`] for tests and benchmarks: same semantics,
//! nothing on disk.

use std::collections::BTreeMap;
use std::sync::Mutex;

use liaison_proto::merkle::{self, Hash, leaf_hash, node_hash};

use super::{AuditCheckpoint, AuditSeal, Batch, Entry, KeySlots, Store, StoreError};

#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Mutex<BTreeMap<Vec<u8>, Vec<u8>>>,
    audit: Mutex<AuditLog>,
    slots: super::MemorySlots,
}

/// The audit log: every applied entry, every perfect subtree hash, and the
/// committed size with its head.
#[derive(Debug, Default)]
struct AuditLog {
    entries: Vec<Vec<u8>>,
    /// `levels[l][i]`: the hash of perfect subtree `i` at level `l`.
    levels: Vec<Vec<Hash>>,
    checkpoint: Option<AuditCheckpoint>,
}

impl AuditLog {
    fn push(&mut self, entry: Vec<u8>) {
        let mut hash = leaf_hash(&entry);
        self.entries.push(entry);
        let mut level = 0;
        loop {
            if self.levels.len() <= level {
                self.levels.push(Vec::new());
            }
            self.levels[level].push(hash);
            let row = &self.levels[level];
            if row.len() % 2 == 1 {
                break;
            }
            hash = node_hash(&row[row.len() - 2], &row[row.len() - 1]);
            level += 1;
        }
    }

    fn committed(&self) -> u64 {
        self.checkpoint.as_ref().map_or(0, |c| c.size)
    }

    fn node(&self, level: u32, index: u64, size: u64) -> Result<Hash, StoreError> {
        let missing = || {
            StoreError::Audit(format!(
                "no subtree {level}/{index} in a log of {size} committed entries"
            ))
        };
        if level >= 64 || (index + 1).checked_shl(level).is_none_or(|end| end > size) {
            return Err(missing());
        }
        self.levels
            .get(level as usize)
            .and_then(|row| row.get(index as usize))
            .copied()
            .ok_or_else(missing)
    }
}

impl MemoryStore {
    pub fn new() -> Self {
        MemoryStore::default()
    }

    fn entries(&self) -> std::sync::MutexGuard<'_, BTreeMap<Vec<u8>, Vec<u8>>> {
        // A poisoned lock only means another thread panicked mid-test; the
        // map itself is always consistent because batches apply in one step.
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn audit(&self) -> std::sync::MutexGuard<'_, AuditLog> {
        self.audit.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Store for MemoryStore {
    fn key_slots(&self) -> &dyn KeySlots {
        &self.slots
    }

    fn get(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self.entries().get(key).cloned())
    }

    fn scan_prefix(&self, prefix: &[u8]) -> Result<Vec<Entry>, StoreError> {
        Ok(self
            .entries()
            .range(prefix.to_vec()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }

    fn scan_range(&self, start: &[u8], end: &[u8]) -> Result<Vec<Entry>, StoreError> {
        if start >= end {
            return Ok(Vec::new());
        }
        Ok(self
            .entries()
            .range(start.to_vec()..end.to_vec())
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }

    fn last_with_prefix(&self, prefix: &[u8]) -> Result<Option<Entry>, StoreError> {
        Ok(self
            .entries()
            .range(prefix.to_vec()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .last()
            .map(|(k, v)| (k.clone(), v.clone())))
    }

    fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        let mut audit = self.audit();
        let applied = audit.entries.len() as u64;
        if !batch.audit.is_empty() && batch.audit_first != applied {
            return Err(StoreError::Audit(format!(
                "a batch appends entry {} where the log has {applied} entries",
                batch.audit_first
            )));
        }
        let mut entries = self.entries();
        for (key, value) in batch.ops {
            match value {
                Some(v) => entries.insert(key, v),
                None => entries.remove(&key),
            };
        }
        for entry in batch.audit {
            audit.push(entry);
        }
        Ok(())
    }

    fn commit(&self, seal: Option<&AuditSeal>) -> Result<(), StoreError> {
        let Some(seal) = seal else {
            return Ok(());
        };
        let mut audit = self.audit();
        let applied = audit.entries.len() as u64;
        if seal.size > applied || seal.size < audit.committed() {
            return Err(StoreError::Audit(format!(
                "a tree head of {} entries in a log of {applied} applied, {} committed",
                seal.size,
                audit.committed()
            )));
        }
        let root = merkle::root(seal.size, &mut |level, index| {
            audit.node(level, index, seal.size)
        })?;
        audit.checkpoint = Some(AuditCheckpoint {
            size: seal.size,
            root,
            head: seal.head.clone(),
        });
        Ok(())
    }

    fn audit_checkpoint(&self) -> Result<Option<AuditCheckpoint>, StoreError> {
        Ok(self.audit().checkpoint.clone())
    }

    fn audit_applied(&self) -> u64 {
        self.audit().entries.len() as u64
    }

    fn audit_entries(&self, range: std::ops::Range<u64>) -> Result<Vec<Vec<u8>>, StoreError> {
        let audit = self.audit();
        let entries = &audit.entries;
        if range.start > range.end || range.end > entries.len() as u64 {
            return Err(StoreError::Audit(format!(
                "entries {}..{} are not in the log of {}",
                range.start,
                range.end,
                entries.len()
            )));
        }
        Ok(entries[range.start as usize..range.end as usize].to_vec())
    }

    fn audit_node(&self, level: u32, index: u64) -> Result<Hash, StoreError> {
        let audit = self.audit();
        audit.node(level, index, audit.committed())
    }
}
