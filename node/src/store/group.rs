//! Group commit: many writers, few flushes. A writer applies its batch,
//! then waits until a flush that started after its batch was applied has
//! finished. One writer at a time flushes, on behalf of every batch applied
//! so far; writers arriving during a flush share the next one. Under
//! concurrency the number of flushes stays far below the number of
//! commits, and nobody is acknowledged before their batch is on disk.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::{Mutex, watch};

use super::{Store, StoreError};

#[derive(Debug)]
pub struct GroupCommit {
    store: Arc<dyn Store>,
    /// One ticket per batch applied and waiting to be durable.
    tickets: AtomicU64,
    /// Every ticket up to this one is durable.
    durable: watch::Sender<u64>,
    /// Held by the writer currently flushing.
    leader: Mutex<()>,
    flushes: AtomicU64,
}

impl GroupCommit {
    pub fn new(store: Arc<dyn Store>) -> Self {
        GroupCommit {
            store,
            tickets: AtomicU64::new(0),
            durable: watch::Sender::new(0),
            leader: Mutex::new(()),
            flushes: AtomicU64::new(0),
        }
    }

    /// How many flushes have been made.
    pub fn flushes(&self) -> u64 {
        self.flushes.load(Ordering::SeqCst)
    }

    /// Returns once everything applied before the call is on disk.
    pub async fn durable(&self) -> Result<(), StoreError> {
        let ticket = self.tickets.fetch_add(1, Ordering::SeqCst) + 1;
        loop {
            if *self.durable.borrow() >= ticket {
                return Ok(());
            }
            let _leader = self.leader.lock().await;
            if *self.durable.borrow() >= ticket {
                return Ok(());
            }
            // Every ticket issued by now belongs to a batch already applied.
            let covered = self.tickets.load(Ordering::SeqCst);
            let store = self.store.clone();
            tokio::task::spawn_blocking(move || store.flush())
                .await
                .map_err(|e| StoreError::Io(format!("flush task failed: {e}")))??;
            self.flushes.fetch_add(1, Ordering::SeqCst);
            self.durable.send_modify(|d| *d = (*d).max(covered));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::future::Future;
    use std::pin::Pin;
    use std::sync::Mutex as StdMutex;
    use std::sync::mpsc;

    use super::*;
    use crate::store::{Batch, Entry, MemoryStore};

    /// A store whose first flush waits for the test's signal.
    #[derive(Debug)]
    struct SlowFlush {
        inner: MemoryStore,
        gate: StdMutex<Option<mpsc::Receiver<()>>>,
    }

    impl Store for SlowFlush {
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
        fn flush(&self) -> Result<(), StoreError> {
            let gate = self.gate.lock().unwrap().take();
            if let Some(gate) = gate {
                gate.recv().map_err(|e| StoreError::Io(e.to_string()))?;
            }
            Ok(())
        }
    }

    #[tokio::test]
    async fn writers_arriving_during_a_flush_share_the_next_one() {
        let (release, gate) = mpsc::channel();
        let store = Arc::new(SlowFlush {
            inner: MemoryStore::new(),
            gate: StdMutex::new(Some(gate)),
        });
        let group = GroupCommit::new(store);
        type Writer<'a> = Pin<Box<dyn Future<Output = Result<(), StoreError>> + 'a>>;
        let mut writers: Vec<Writer<'_>> = (0..20)
            .map(|_| Box::pin(group.durable()) as Writer<'_>)
            .collect();
        // The first writer starts flushing (and blocks); the others queue.
        for writer in &mut writers {
            assert!(futures::poll!(writer.as_mut()).is_pending());
        }
        release.send(()).unwrap();
        for writer in writers {
            writer.await.unwrap();
        }
        // Twenty commits, two flushes: the first writer's, and one for all
        // who arrived while it ran.
        assert_eq!(group.flushes(), 2);
        // Alone, a writer still gets its own flush.
        group.durable().await.unwrap();
        assert_eq!(group.flushes(), 3);
    }
}
