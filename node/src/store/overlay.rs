//! Batches applied but not yet durable, as [`DiskStore`](super::DiskStore)
//! holds them: readers see their keys at once, while sled receives them
//! only after the journal has made them durable (so sled never holds a
//! change the journal could lose).

use std::collections::{BTreeMap, VecDeque};
use std::ops::Bound;

use super::{Batch, Entry, StoreError};

/// A key's latest pending write: the batch that made it, and the value
/// (`None`: deleted).
type Write = (u64, Option<Vec<u8>>);

#[derive(Debug)]
pub(super) struct Overlay {
    keys: BTreeMap<Vec<u8>, Write>,
    /// Pending batches in the order applied, by sequence number.
    pending: VecDeque<(u64, Batch)>,
    /// The sequence number of the next batch.
    next_seq: u64,
    /// The index after the last audit entry applied.
    audit_applied: u64,
}

impl Overlay {
    pub fn new(next_seq: u64, audit_applied: u64) -> Self {
        Overlay {
            keys: BTreeMap::new(),
            pending: VecDeque::new(),
            next_seq,
            audit_applied,
        }
    }

    pub fn audit_applied(&self) -> u64 {
        self.audit_applied
    }

    /// Whether no batch waits to be made durable or settled.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Adds `batch`; its audit entries must continue the log.
    pub fn apply(&mut self, batch: Batch) -> Result<(), StoreError> {
        if !batch.audit.is_empty() && batch.audit_first != self.audit_applied {
            return Err(StoreError::Audit(format!(
                "a batch appends entry {} where the log has {} entries",
                batch.audit_first, self.audit_applied
            )));
        }
        if batch.is_empty() {
            return Ok(());
        }
        let seq = self.next_seq;
        self.next_seq += 1;
        for (key, value) in &batch.ops {
            self.keys.insert(key.clone(), (seq, value.clone()));
        }
        if !batch.audit.is_empty() {
            self.audit_applied = batch.audit_end();
        }
        self.pending.push_back((seq, batch));
        Ok(())
    }

    /// The pending write of `key`, if any.
    pub fn get(&self, key: &[u8]) -> Option<Option<Vec<u8>>> {
        self.keys.get(key).map(|(_, value)| value.clone())
    }

    /// Pending writes with `start <= key < end` (`end` `None`: every key
    /// starting with `start`), in key order.
    pub fn range(&self, start: &[u8], end: Option<&[u8]>) -> Vec<(Vec<u8>, Option<Vec<u8>>)> {
        let upper = match end {
            Some(end) => Bound::Excluded(end.to_vec()),
            None => Bound::Unbounded,
        };
        self.keys
            .range((Bound::Included(start.to_vec()), upper))
            .take_while(|(k, _)| end.is_some() || k.starts_with(start))
            .map(|(k, (_, v))| (k.clone(), v.clone()))
            .collect()
    }

    /// Copies of the pending batches, oldest first, up to the first one
    /// holding an audit entry at or beyond `audit_limit`.
    pub fn ready(&self, audit_limit: u64) -> Vec<(u64, Batch)> {
        self.pending
            .iter()
            .take_while(|(_, batch)| batch.audit.is_empty() || batch.audit_end() <= audit_limit)
            .cloned()
            .collect()
    }

    /// The applied audit entries in `range` still pending.
    pub fn audit_entries(&self, range: std::ops::Range<u64>) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for (_, batch) in &self.pending {
            for (i, entry) in batch.audit.iter().enumerate() {
                if range.contains(&(batch.audit_first + i as u64)) {
                    out.push(entry.clone());
                }
            }
        }
        out
    }

    /// Forgets the batches up to `seq`, now in sled; a key written again by
    /// a later batch keeps that write.
    pub fn settle(&mut self, seq: u64) {
        while self.pending.front().is_some_and(|(s, _)| *s <= seq) {
            if let Some((_, batch)) = self.pending.pop_front() {
                for (key, _) in batch.ops {
                    if self.keys.get(&key).is_some_and(|(s, _)| *s <= seq) {
                        self.keys.remove(&key);
                    }
                }
            }
        }
    }
}

impl Overlay {
    /// Drops the batches after `seq` (applied, never made durable), as if
    /// never applied; `committed` is the audit log's size without them.
    pub fn discard_after(&mut self, seq: u64, committed: u64) {
        self.pending.retain(|(s, _)| *s <= seq);
        self.keys.clear();
        self.audit_applied = committed;
        for (s, batch) in &self.pending {
            for (key, value) in &batch.ops {
                self.keys.insert(key.clone(), (*s, value.clone()));
            }
            if !batch.audit.is_empty() {
                self.audit_applied = self.audit_applied.max(batch.audit_end());
            }
        }
    }
}

/// `base` (sled's entries, in key order) with the pending `writes` (in key
/// order) laid over it.
pub(super) fn merge(base: Vec<Entry>, writes: Vec<(Vec<u8>, Option<Vec<u8>>)>) -> Vec<Entry> {
    if writes.is_empty() {
        return base;
    }
    let mut out = Vec::with_capacity(base.len() + writes.len());
    let mut base = base.into_iter().peekable();
    let mut writes = writes.into_iter().peekable();
    loop {
        let take_write = match (base.peek(), writes.peek()) {
            (None, None) => break,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (Some((b, _)), Some((w, _))) => {
                if b == w {
                    base.next();
                    true
                } else {
                    w < b
                }
            }
        };
        if take_write {
            if let Some((key, Some(value))) = writes.next() {
                out.push((key, value));
            }
        } else if let Some(entry) = base.next() {
            out.push(entry);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(ops: &[(&str, Option<&str>)]) -> Batch {
        let mut b = Batch::new();
        for (k, v) in ops {
            match v {
                Some(v) => b.put(k.as_bytes().to_vec(), v.as_bytes().to_vec()),
                None => b.delete(k.as_bytes().to_vec()),
            }
        }
        b
    }

    #[test]
    fn pending_writes_lay_over_the_base_until_settled() {
        let mut overlay = Overlay::new(1, 0);
        overlay
            .apply(batch(&[("a", Some("1")), ("c", None)]))
            .unwrap();
        overlay
            .apply(batch(&[("a", Some("2")), ("d", Some("4"))]))
            .unwrap();
        assert_eq!(overlay.get(b"a"), Some(Some(b"2".to_vec())));
        assert_eq!(overlay.get(b"c"), Some(None));
        assert_eq!(overlay.get(b"b"), None);
        let base = vec![
            (b"b".to_vec(), b"base".to_vec()),
            (b"c".to_vec(), b"base".to_vec()),
        ];
        let merged = merge(base, overlay.range(b"", None));
        assert_eq!(
            merged,
            vec![
                (b"a".to_vec(), b"2".to_vec()),
                (b"b".to_vec(), b"base".to_vec()),
                (b"d".to_vec(), b"4".to_vec()),
            ]
        );
        // Settling the first batch keeps `a` (rewritten by the second).
        overlay.settle(1);
        assert_eq!(overlay.get(b"a"), Some(Some(b"2".to_vec())));
        assert_eq!(overlay.get(b"c"), None);
        overlay.settle(2);
        assert_eq!(overlay.get(b"a"), None);
        assert!(overlay.range(b"", None).is_empty());
    }

    #[test]
    fn discarded_batches_are_gone_and_earlier_ones_stay() {
        let mut overlay = Overlay::new(1, 5);
        let mut kept = batch(&[("a", Some("1")), ("b", Some("1"))]);
        kept.append_audit(5, b"e5".to_vec());
        overlay.apply(kept).unwrap();
        let mut dropped = batch(&[("a", Some("2")), ("c", Some("2"))]);
        dropped.append_audit(6, b"e6".to_vec());
        overlay.apply(dropped).unwrap();
        overlay.discard_after(1, 5);
        assert_eq!(overlay.get(b"a"), Some(Some(b"1".to_vec())));
        assert_eq!(overlay.get(b"c"), None);
        assert_eq!(overlay.audit_applied(), 6);
        assert_eq!(overlay.audit_entries(5..7), vec![b"e5".to_vec()]);
        // The next batch continues after what stayed, with a new number.
        let mut next = Batch::new();
        next.append_audit(6, b"e6'".to_vec());
        overlay.apply(next).unwrap();
        assert_eq!(overlay.ready(7).last().map(|(seq, _)| *seq), Some(3));
        // Everything dropped: back to the committed log.
        overlay.discard_after(0, 5);
        assert_eq!(overlay.audit_applied(), 5);
        assert!(overlay.range(b"", None).is_empty());
    }

    #[test]
    fn audit_entries_must_continue_and_hold_back_later_batches() {
        let mut overlay = Overlay::new(1, 5);
        let mut gap = Batch::new();
        gap.append_audit(6, b"x".to_vec());
        let err = overlay.apply(gap).unwrap_err().to_string();
        assert!(err.contains("appends entry 6 where the log has 5"), "{err}");
        overlay.apply(batch(&[("k", Some("v"))])).unwrap();
        let mut first = Batch::new();
        first.append_audit(5, b"e5".to_vec());
        overlay.apply(first).unwrap();
        let mut second = batch(&[("k2", Some("v"))]);
        second.append_audit(6, b"e6".to_vec());
        second.append_audit(7, b"e7".to_vec());
        overlay.apply(second).unwrap();
        assert_eq!(overlay.audit_applied(), 8);
        // Nothing sealed beyond 5: only the batch without entries is ready.
        assert_eq!(overlay.ready(5).len(), 1);
        assert_eq!(overlay.ready(6).len(), 2);
        assert_eq!(overlay.ready(8).len(), 3);
        assert_eq!(
            overlay.audit_entries(6..8),
            vec![b"e6".to_vec(), b"e7".to_vec()]
        );
    }

    #[test]
    fn prefix_and_bounded_ranges() {
        let mut overlay = Overlay::new(1, 0);
        overlay
            .apply(batch(&[
                ("p/1", Some("1")),
                ("p/2", None),
                ("q", Some("q")),
            ]))
            .unwrap();
        assert_eq!(overlay.range(b"p/", None).len(), 2);
        assert_eq!(overlay.range(b"p/", Some(b"p/2")).len(), 1);
        assert_eq!(overlay.range(b"p/2", Some(b"r")).len(), 2);
    }
}
