//! Withdrawing a request, and expiring requests whose deadline passed.

use liaison_proto::domain::{Content, RequestStatus, Withdrawal};

use crate::config::LocalUser;
use crate::error::{Error, Result};
use crate::records::{Direction, OutboxKind, RequestRecord};

use super::state::{DELIVERY_GRACE_MS, Event, Exchange, Pending, now_ms};

impl Exchange {
    /// The sender withdraws a request; the peer is told.
    pub async fn withdraw(
        &self,
        caller: &LocalUser,
        request_id: &str,
        reason: String,
    ) -> Result<RequestRecord> {
        let state = self.state.lock().await;
        let mut record = self
            .records
            .request(Direction::Outgoing, request_id)?
            .ok_or_else(|| {
                Error::not_found(format!("no request {request_id} sent by this node"))
            })?;
        if record.status.is_final() {
            return Err(Error::precondition(format!(
                "request {request_id} is already {}",
                record.status
            )));
        }
        let now = now_ms();
        record.transition(
            RequestStatus::Withdrawn,
            now,
            format!("withdrawn by {}", caller.name),
        );
        let (message, sealed) = self.seal(
            record.peer(),
            Content::Withdrawal(Withdrawal {
                request_id: request_id.to_string(),
                reason,
            }),
        );
        let give_up = record.request.deadline_unix_ms.max(now) + DELIVERY_GRACE_MS;
        let mut pending = Pending::essential();
        pending.record(&record);
        pending.enqueue(&self.outbox_item(&message, &sealed, OutboxKind::Withdrawal, give_up));
        pending.events.push(
            Event::new("request.withdrawn", &caller.name)
                .about(&record)
                .hash(sealed.hash),
        );
        self.commit(state, pending).await?;
        Ok(record)
    }

    /// Expires requests whose deadline passed without an answer, through
    /// the deadline indexes: a sent request once its deadline is more than
    /// the clock skew allowed behind (an answer made in time on a peer
    /// whose clock runs ahead may still be on its way), a received one at
    /// its deadline by this node's clock, after which its agency can no
    /// longer answer. Returns how many expired.
    pub async fn expire_overdue(&self, now: i64) -> Result<usize> {
        let due = self.records.due(now - self.skew_ms())?;
        let due_incoming = self.records.due_incoming(now)?;
        if due.is_empty() && due_incoming.is_empty() {
            return Ok(0);
        }
        let state = self.state.lock().await;
        let mut pending = Pending::essential();
        for (key, id) in due {
            let Some(mut record) = self.records.request(Direction::Outgoing, &id)? else {
                pending.changes.remove_key(key);
                continue;
            };
            match record.status {
                // Still undelivered: the delivery worker expires it when it
                // gives up at the same deadline.
                RequestStatus::Submitted => {}
                RequestStatus::Sent => {
                    pending.expire(&mut record, now, "deadline passed without an answer");
                    pending.record(&record);
                    pending.changes.remove_key(key);
                }
                _ => pending.changes.remove_key(key),
            }
        }
        for (key, id) in due_incoming {
            match self.records.request(Direction::Incoming, &id)? {
                Some(mut record) if !record.status.is_final() => {
                    // `put_request` removes the index key of a final record.
                    pending.expire(&mut record, now, "deadline passed without an answer");
                    pending.record(&record);
                }
                _ => pending.changes.remove_key(key),
            }
        }
        if pending.changes.is_empty() {
            return Ok(0);
        }
        let count = pending.updated.len();
        self.commit(state, pending).await?;
        Ok(count)
    }
}
