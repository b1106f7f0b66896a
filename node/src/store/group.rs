//! Group commit: many writers, few flushes. A writer applies its batch,
//! then waits until a flush that started after its batch was applied has
//! finished. One writer at a time flushes, on behalf of every batch applied
//! so far; writers arriving during a flush share the next one. Under
//! concurrency the number of flushes stays far below the number of
//! commits, and nobody is acknowledged before their batch is on disk.
//!
//! Just before it flushes, the leading writer may **seal** the group: sign
//! one audit tree head covering every entry applied so far, committed with
//! them (the node signs one head per group this way, not one per change).
//! Every writer the flush covers gets the seal back.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::{Mutex, watch};

use super::{AuditSeal, Store, StoreError};

/// What a leader may add to its group just before flushing it: the tree
/// head to commit with it, and the value it stands for.
pub type Seal<S> = Option<(AuditSeal, S)>;

#[derive(Debug)]
pub struct GroupCommit<S> {
    store: Arc<dyn Store>,
    /// One ticket per batch applied and waiting to be durable.
    tickets: AtomicU64,
    /// Every ticket up to this one is durable, and the latest durable seal.
    durable: watch::Sender<(u64, Option<S>)>,
    /// Held by the writer currently flushing.
    leader: Mutex<()>,
    flushes: AtomicU64,
    /// Every ticket up to this one belongs to a batch the store discarded
    /// after a failed flush ([`GroupCommit::discard_issued`]), with the
    /// failure.
    discarded: std::sync::Mutex<(u64, Option<StoreError>)>,
}

impl<S: Clone + Send + Sync + 'static> GroupCommit<S> {
    pub fn new(store: Arc<dyn Store>) -> Self {
        GroupCommit {
            store,
            tickets: AtomicU64::new(0),
            durable: watch::Sender::new((0, None)),
            leader: Mutex::new(()),
            flushes: AtomicU64::new(0),
            discarded: std::sync::Mutex::new((0, None)),
        }
    }

    /// How many flushes have been made.
    pub fn flushes(&self) -> u64 {
        self.flushes.load(Ordering::SeqCst)
    }

    /// The latest durable seal.
    pub fn latest_seal(&self) -> Option<S> {
        self.durable.borrow().1.clone()
    }

    /// Records a seal made outside any group (e.g. at start), as the latest.
    pub fn set_seal(&self, seal: S) {
        self.durable.send_modify(|(_, s)| *s = Some(seal));
    }

    /// Returns once everything applied before the call is on disk, with the
    /// latest durable seal, which covers it. `seal` is called only if this
    /// writer leads the flush, after every batch it covers was applied.
    pub async fn durable(
        &self,
        seal: impl FnOnce() -> Result<Seal<S>, StoreError>,
    ) -> Result<Option<S>, StoreError> {
        let ticket = self.ticket();
        self.durable_ticket(ticket, seal).await
    }

    /// A ticket for the batches applied so far: take it right after
    /// applying, in the same critical section, and wait on it with
    /// [`GroupCommit::durable_ticket`].
    pub fn ticket(&self) -> u64 {
        self.tickets.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// [`GroupCommit::durable`] for a ticket taken earlier. Fails, without
    /// flushing, if the ticket's batch was discarded after another writer's
    /// flush failed.
    pub async fn durable_ticket(
        &self,
        ticket: u64,
        seal: impl FnOnce() -> Result<Seal<S>, StoreError>,
    ) -> Result<Option<S>, StoreError> {
        let mut seal = Some(seal);
        loop {
            if let Some(done) = self.covered(ticket) {
                return Ok(done);
            }
            self.check_discarded(ticket)?;
            let _leader = self.leader.lock().await;
            if let Some(done) = self.covered(ticket) {
                return Ok(done);
            }
            self.check_discarded(ticket)?;
            // Every ticket issued by now belongs to a batch already applied.
            let covered = self.tickets.load(Ordering::SeqCst);
            let sealed = match seal.take() {
                Some(make) => make()?,
                None => None,
            };
            let store = self.store.clone();
            let value = tokio::task::spawn_blocking(move || {
                let (seal, value) = match sealed {
                    Some((seal, value)) => (Some(seal), Some(value)),
                    None => (None, None),
                };
                store.commit(seal.as_ref()).map(|()| value)
            })
            .await
            .map_err(|e| StoreError::Io(format!("flush task failed: {e}")))??;
            self.flushes.fetch_add(1, Ordering::SeqCst);
            self.durable.send_modify(|(d, s)| {
                *d = (*d).max(covered);
                if value.is_some() {
                    *s = value;
                }
            });
        }
    }

    /// Whether `ticket`'s batches are durable.
    pub fn is_durable(&self, ticket: u64) -> bool {
        self.covered(ticket).is_some()
    }

    /// Whether `ticket`'s batches were discarded.
    pub fn is_discarded(&self, ticket: u64) -> bool {
        self.check_discarded(ticket).is_err()
    }

    /// Records that the store discarded every batch applied and not
    /// durable, after `failure`: every ticket issued so far that is not
    /// durable fails. Call with no batch being applied, so that every
    /// discarded batch has its ticket already.
    pub fn discard_issued(&self, failure: &StoreError) {
        let issued = self.tickets.load(Ordering::SeqCst);
        *self.discarded.lock().unwrap_or_else(|p| p.into_inner()) = (issued, Some(failure.clone()));
    }

    fn check_discarded(&self, ticket: u64) -> Result<(), StoreError> {
        let discarded = self.discarded.lock().unwrap_or_else(|p| p.into_inner());
        match &discarded.1 {
            Some(failure) if ticket <= discarded.0 => Err(failure.clone()),
            _ => Ok(()),
        }
    }

    /// The latest durable seal, if `ticket` is durable.
    fn covered(&self, ticket: u64) -> Option<Option<S>> {
        let durable = self.durable.borrow();
        (durable.0 >= ticket).then(|| durable.1.clone())
    }
}

#[cfg(test)]
mod tests {
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::Mutex as StdMutex;
    use std::sync::mpsc;

    use super::*;
    use crate::store::{AuditCheckpoint, Batch, Entry, MemoryStore};
    use liaison_proto::merkle::Hash;

    /// A store whose first flush waits for the test's signal.
    #[derive(Debug)]
    struct SlowFlush {
        inner: MemoryStore,
        gate: StdMutex<Option<mpsc::Receiver<()>>>,
    }

    impl Store for SlowFlush {
        fn key_slots(&self) -> &dyn crate::store::KeySlots {
            self.inner.key_slots()
        }
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
            let gate = self.gate.lock().unwrap().take();
            if let Some(gate) = gate {
                gate.recv().map_err(|e| StoreError::Io(e.to_string()))?;
            }
            self.inner.commit(seal)
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
    }

    #[tokio::test]
    async fn tickets_discarded_after_a_failed_flush_fail_without_flushing() {
        let group = GroupCommit::<u64>::new(Arc::new(MemoryStore::new()));
        let first = group.ticket();
        let second = group.ticket();
        group.discard_issued(&StoreError::Full("journal: append".into()));
        let late = group.ticket();
        for ticket in [first, second] {
            assert!(group.is_discarded(ticket));
            let err = group.durable_ticket(ticket, || Ok(None)).await.unwrap_err();
            assert!(matches!(err, StoreError::Full(_)), "{err}");
        }
        assert_eq!(group.flushes(), 0);
        // A ticket taken after the discard is flushed as usual.
        assert!(!group.is_discarded(late));
        group.durable_ticket(late, || Ok(None)).await.unwrap();
        assert!(group.is_durable(late) && group.flushes() == 1);
    }

    #[tokio::test]
    async fn writers_arriving_during_a_flush_share_the_next_one() {
        let (release, gate) = mpsc::channel();
        let store = Arc::new(SlowFlush {
            inner: MemoryStore::new(),
            gate: StdMutex::new(Some(gate)),
        });
        let group = GroupCommit::<u64>::new(store);
        type Writer<'a> = Pin<Box<dyn Future<Output = Result<Option<u64>, StoreError>> + 'a>>;
        let seals = AtomicU64::new(0);
        let seal = || {
            let n = seals.fetch_add(1, Ordering::SeqCst) + 1;
            Ok(Some((
                AuditSeal {
                    size: 0,
                    head: Vec::new(),
                },
                n,
            )))
        };
        let mut writers: Vec<Writer<'_>> = (0..20)
            .map(|_| Box::pin(group.durable(seal)) as Writer<'_>)
            .collect();
        // The first writer starts flushing (and blocks); the others queue.
        for writer in &mut writers {
            assert!(futures::poll!(writer.as_mut()).is_pending());
        }
        release.send(()).unwrap();
        let mut got = Vec::new();
        for writer in writers {
            got.push(writer.await.unwrap());
        }
        // Twenty commits, two flushes: the first writer's, and one for all
        // who arrived while it ran; each flush sealed once, and every writer
        // got the seal of the flush that covered it.
        assert_eq!(group.flushes(), 2);
        assert_eq!(seals.load(Ordering::SeqCst), 2);
        assert_eq!(got[0], Some(1));
        assert!(got[1..].iter().all(|s| *s == Some(2)), "{got:?}");
        // Alone, a writer still gets its own flush and seal.
        assert_eq!(group.durable(seal).await.unwrap(), Some(3));
        assert_eq!(group.flushes(), 3);
        // A leader with nothing to seal keeps the latest seal.
        assert_eq!(group.durable(|| Ok(None)).await.unwrap(), Some(3));
    }
}
