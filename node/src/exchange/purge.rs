//! Purging personal data at the end of its retention period.

use crate::error::Result;

use super::state::{Event, Exchange, Pending};

impl Exchange {
    /// Purges the personal data of every request whose retention period
    /// ended at or before `now` ([`RequestRecord::purge`]) and erases its
    /// stored envelopes, which hold the same data; each purge is an audit
    /// entry. The audit log itself holds no personal data and stays whole
    /// and verifiable. Returns how many requests were purged.
    pub async fn purge_expired(&self, now: i64) -> Result<usize> {
        let due = self.records.purge_due(now)?;
        if due.is_empty() {
            return Ok(0);
        }
        let state = self.state.lock().await;
        // An envelope still waiting for delivery is not erased under the
        // delivery worker: its request is purged at a later sweep.
        let undelivered: std::collections::HashSet<[u8; 32]> = self
            .records
            .outbox_entries()?
            .into_iter()
            .map(|item| item.envelope_hash)
            .collect();
        let mut pending = Pending::essential();
        let mut purged = 0;
        // A request indexed twice (when received, by its deadline; when
        // answered, by its retention period) is purged once.
        let mut seen = std::collections::HashSet::new();
        let mut purged_ids = Vec::new();
        for (key, direction, id) in due {
            if !seen.insert((direction, id.clone())) {
                pending.changes.remove_key(key);
                continue;
            }
            let Some(mut record) = self.records.request(direction, &id)? else {
                pending.changes.remove_key(key);
                continue;
            };
            // Purged already, or final again later (an answer after it
            // expired) and so due later, under another key.
            if record
                .purge_due(self.config().retention_days)
                .is_none_or(|at| at > now)
            {
                pending.changes.remove_key(key);
                continue;
            }
            let envelopes: Vec<[u8; 32]> = std::iter::once(record.envelope_hash)
                .chain(record.answer_envelope_hash)
                .collect();
            if envelopes.iter().any(|hash| undelivered.contains(hash)) {
                continue;
            }
            for hash in &envelopes {
                pending.changes.remove_envelope(hash);
            }
            pending.changes.destroy_request_key(&id);
            self.purge_files(&record, &mut pending)?;
            purged_ids.push(id.clone());
            let expires = !record.status.is_final();
            if expires {
                // Received, never answered, and long past its deadline: it
                // can no longer be answered either.
                pending.expire(&mut record, now, "deadline passed without an answer");
            }
            record.purge(now);
            if expires {
                pending.record(&record);
            } else {
                pending.changes.put_request(&record);
            }
            pending.changes.remove_key(key);
            pending.events.push(
                Event::new("request.purged", "node")
                    .about(&record)
                    .detail("retention period ended"),
            );
            purged += 1;
        }
        if pending.changes.is_empty() {
            return Ok(0);
        }
        self.commit(state, pending).await?;
        self.remove_files(&purged_ids);
        if purged > 0 {
            tracing::info!(country = %self.country(), purged, "personal data purged at the end of its retention period");
        }
        Ok(purged)
    }
}
