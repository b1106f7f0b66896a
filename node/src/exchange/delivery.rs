//! Delivery outcomes reported by the outbox worker: a peer's receipt
//! verified and stored (delivered), or a failure retried with backoff or
//! ending the delivery.

use liaison_proto::domain::RequestStatus;
use liaison_proto::pb;
use liaison_proto::receipt::{Expected, verify_receipt};
use prost::Message as _;

use crate::error::{Error, Result, code_name};
use crate::pki::random_bytes;
use crate::records::{Direction, OutboxItem, OutboxKind, StoredReceipt};

use super::state::{Event, Exchange, Pending, now_ms};

/// Why the delivery of an outbox item failed, as the delivery worker saw it.
#[derive(Debug, Clone)]
pub enum DeliveryFailure {
    /// The peer could not be reached, was busy, or its receipt did not
    /// check out: the envelope stays queued and is tried again later.
    Transient(String),
    /// The peer refused the envelope with a status that retrying cannot
    /// change (`NOT_FOUND`, `PERMISSION_DENIED`, `INVALID_ARGUMENT`,
    /// `FAILED_PRECONDITION`, `ALREADY_EXISTS`, `OUT_OF_RANGE`): the
    /// delivery ends at once.
    Permanent { code: tonic::Code, message: String },
    /// The peer refused the envelope because its timestamp is ahead of the
    /// peer's clock by more than it tolerates (`FAILED_PRECONDITION` with
    /// the reason "clock-skew"): kept and tried again like a transient
    /// failure, since the same envelope passes once the clocks agree, and
    /// counted apart so that the operator sees which peer's clock differs.
    ClockSkew(String),
}

impl DeliveryFailure {
    /// Classifies a peer's answer to a delivery: only the codes that say
    /// the envelope itself is refused end the delivery; everything else
    /// (unreachable, overloaded, timed out, or a fault on the peer's side)
    /// may pass on a later attempt.
    pub fn from_status(status: &tonic::Status) -> DeliveryFailure {
        let reason = status
            .metadata()
            .get(liaison_proto::status::REFUSAL_REASON_HEADER)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default();
        DeliveryFailure::from_refusal(status.code(), status.message(), reason)
    }

    /// [`DeliveryFailure::from_status`] from the parts of a status: its
    /// code, message and refusal reason (empty when it gave none).
    pub fn from_refusal(code: tonic::Code, message: &str, reason: &str) -> DeliveryFailure {
        use tonic::Code;
        let message = sanitize(message);
        if code == Code::FailedPrecondition && reason == liaison_proto::status::CLOCK_SKEW {
            return DeliveryFailure::ClockSkew(format!("{}: {message}", code_name(code)));
        }
        match code {
            Code::InvalidArgument
            | Code::NotFound
            | Code::AlreadyExists
            | Code::PermissionDenied
            | Code::FailedPrecondition
            | Code::OutOfRange => DeliveryFailure::Permanent { code, message },
            code => DeliveryFailure::Transient(format!("{}: {message}", code_name(code))),
        }
    }
}

/// Exponential backoff from 250 ms, doubling to at most `max`
/// (`node.delivery_retry_max_secs`, a minute by default), with up to 25%
/// random jitter so that a recovering peer is not hit by every node at
/// once.
pub fn backoff_ms(attempts: u32, max: std::time::Duration) -> i64 {
    let max = i64::try_from(max.as_millis()).unwrap_or(i64::MAX).max(250);
    let base = 250i64.saturating_mul(1i64 << attempts.min(20)).min(max);
    let jitter = random_bytes::<2>()
        .map(|b| i64::from(u16::from_le_bytes(b)))
        .unwrap_or(0);
    base + base * jitter / (4 * 65_536)
}

/// A peer's status message as this node keeps it in a record: at most 300
/// characters, without control characters.
pub(super) fn sanitize(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(300).collect()
}

impl Exchange {
    /// Records a peer's receipt for an outbox item, after checking that it
    /// is signed by that peer and names exactly the envelope we sent.
    pub(crate) async fn delivered(&self, item: &OutboxItem, receipt: &pb::Receipt) -> Result<()> {
        let keys = self.peer_keys(item.to)?;
        let expected = Expected {
            receiver: item.to,
            sender: self.country(),
            message_id: &item.message_id,
            envelope_hash: item.envelope_hash,
            event: item.kind.receipt_event(),
        };
        let delivery = verify_receipt(
            receipt,
            &expected,
            |id| keys.get(id).copied(),
            &self.peer_heads,
        )
        .map_err(|e| Error::invalid(format!("receipt from {}: {e}", item.to)))?;
        if let Some(head) = receipt.proof.as_ref().and_then(|p| p.tree_head.as_ref()) {
            self.note_receipt_head(item.to, head, delivery.tree_head.tree_size);
        }
        let stored = StoredReceipt {
            receiver: item.to,
            received_unix_ms: delivery.received_unix_ms,
            audit_index: delivery.audit_index,
            key_id: delivery.key_id,
            receipt: receipt.encode_to_vec(),
        };
        let state = self.state.lock().await;
        let mut pending = Pending::essential();
        pending.dequeue(item);
        let direction = item.kind.direction();
        let record = self.records.request(direction, &item.request_id)?;
        let mut event = Event::new("receipt.received", format!("peer:{}", item.to))
            .hash(item.envelope_hash)
            .detail(
                format!(
                    "{:?} delivered; peer audit index {}",
                    item.kind, stored.audit_index
                )
                .to_lowercase(),
            );
        event.peer = Some(item.to);
        if let Some(mut record) = record {
            event = event.about(&record);
            match item.kind {
                OutboxKind::Request => {
                    record.receipt = Some(stored);
                    if record.status == RequestStatus::Submitted {
                        record.transition(
                            RequestStatus::Sent,
                            now_ms(),
                            format!("receipt from {}", item.to),
                        );
                    }
                }
                OutboxKind::Answer => record.answer_receipt = Some(stored),
                OutboxKind::Withdrawal => {}
                // The files' transfers wait for this delivery.
                OutboxKind::RequestEvidence | OutboxKind::AnswerEvidence => {
                    self.wake_transfers();
                }
            }
            pending.record(&record);
        }
        pending.events.push(event);
        self.commit(state, pending).await?;
        tracing::info!(
            country = %self.country(),
            peer = %item.to,
            request_id = %item.request_id,
            kind = ?item.kind,
            "receipt accepted"
        );
        Ok(())
    }

    /// Records a failed delivery of an outbox item. A transient failure
    /// reschedules it with backoff, until its time is over (a request then
    /// becomes EXPIRED). A permanent refusal by the peer ends the delivery
    /// at once: `delivery.failed` is audited with the status code, the
    /// record keeps the reason, and an undelivered request becomes
    /// UNDELIVERABLE.
    pub(crate) async fn delivery_failed(
        &self,
        item: &OutboxItem,
        failure: &DeliveryFailure,
    ) -> Result<()> {
        let state = self.state.lock().await;
        // The item may have been delivered by a concurrent attempt.
        let Some(mut current) = self.records.outbox_item(&item.message_id)? else {
            return Ok(());
        };
        let now = now_ms();
        let mut pending = Pending::essential();
        let direction = current.kind.direction();
        let kind = format!("{:?}", current.kind).to_lowercase();
        match failure {
            DeliveryFailure::Permanent { code, message } => {
                pending.dequeue(&current);
                let reason = format!("{}: {message}", code_name(*code));
                // The audit entry names the status only: the peer's message
                // is its own text, kept in the record, not in the log.
                let mut event = Event::new("delivery.failed", "node")
                    .hash(current.envelope_hash)
                    .detail(format!(
                        "{kind} refused by {} with {}; not retried",
                        current.to,
                        code_name(*code)
                    ));
                event.peer = Some(current.to);
                event.request_id = Some(current.request_id.clone());
                if let Some(mut record) = self.records.request(direction, &current.request_id)? {
                    event = event.about(&record);
                    record.delivery_error = Some(reason.clone());
                    if current.kind == OutboxKind::Request && !record.status.is_final() {
                        record.transition(
                            RequestStatus::Undeliverable,
                            now,
                            format!("{} refused the delivery: {reason}", current.to),
                        );
                    }
                    pending.record(&record);
                }
                pending.events.push(event);
                tracing::warn!(
                    country = %self.country(),
                    to = %current.to,
                    request_id = %current.request_id,
                    kind,
                    code = code_name(*code),
                    "delivery refused for good by the peer"
                );
            }
            DeliveryFailure::Transient(_) | DeliveryFailure::ClockSkew(_)
                if now >= current.give_up_unix_ms =>
            {
                pending.dequeue(&current);
                let mut event = Event::new("delivery.abandoned", "node")
                    .hash(current.envelope_hash)
                    .detail(format!("after {} attempts", current.attempts + 1));
                event.peer = Some(current.to);
                event.request_id = Some(current.request_id.clone());
                if current.kind == OutboxKind::Request
                    && let Some(mut record) = self
                        .records
                        .request(Direction::Outgoing, &current.request_id)?
                    && !record.status.is_final()
                {
                    pending.expire(&mut record, now, "deadline passed before delivery");
                    pending.record(&record);
                }
                pending.events.push(event);
                tracing::warn!(to = %current.to, kind, "delivery abandoned");
            }
            DeliveryFailure::Transient(error) | DeliveryFailure::ClockSkew(error) => {
                current.attempts += 1;
                current.next_attempt_unix_ms =
                    now + backoff_ms(current.attempts, self.config().delivery_retry_max);
                current.last_error = Some(error.chars().take(500).collect());
                pending.changes.put_outbox(&current);
            }
        }
        self.commit(state, pending).await?;
        Ok(())
    }
}
