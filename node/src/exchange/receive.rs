//! Receiving: an envelope delivered by a peer, checked (peer, key,
//! signature, then content) and handed to [`route`](super::route) for a new
//! request, [`check_answer`](super::check_answer) for an answer, or taken
//! as a withdrawal; the receipt returned (see [`liaison_proto::receipt`]).

use std::sync::Arc;

use liaison_proto::domain::{Category, Content, CountryCode, RequestStatus};
use liaison_proto::envelope::{self};
use liaison_proto::{pb, receipt};
use prost::Message as _;

use crate::error::{Error, Problem, Result, code_name};
use crate::records::{Direction, RequestRecord, SealedHead, SeenMessage};

use super::state::{Event, Exchange, Pending, decode_receipt, describe_outcome, now_ms};

/// An envelope refused by [`Exchange::receive_checked`], with what the
/// audit entry of the refusal needs to say about it.
#[derive(Debug)]
pub(super) struct Rejection {
    error: Error,
    /// Set when the envelope was an answer: it is audited as
    /// `answer.rejected` naming the request and the envelope.
    answer: Option<RejectedAnswer>,
}

#[derive(Debug)]
pub(super) struct RejectedAnswer {
    request_id: String,
    category: Option<Category>,
    envelope_hash: [u8; 32],
}

impl From<Error> for Rejection {
    fn from(error: Error) -> Self {
        Rejection {
            error,
            answer: None,
        }
    }
}

impl From<crate::store::StoreError> for Rejection {
    fn from(error: crate::store::StoreError) -> Self {
        Rejection::from(Error::from(error))
    }
}

impl Exchange {
    /// Verifies and records an envelope delivered by `peer` (the country its
    /// TLS certificate names), and returns the receipt: the delivery's audit
    /// entry proved under a signed tree head. Delivering the same envelope
    /// again proves the same entry, under the latest head.
    ///
    /// A refused envelope stores nothing but its audit entry: `answer.rejected`
    /// for an answer (naming the request, the envelope's hash and the rule),
    /// `call.refused` for anything else. Both say the status, the field and
    /// the rule, never a value.
    pub async fn receive(&self, peer: CountryCode, envelope: &pb::Envelope) -> Result<pb::Receipt> {
        let Rejection { error, answer } = match self.receive_checked(peer, envelope).await {
            Ok(receipt) => return Ok(receipt),
            Err(rejection) => rejection,
        };
        let Some(refusal) = error.refusal() else {
            return Err(error);
        };
        if matches!(error, Error::ClockSkew(_)) {
            self.metrics.clock_skew_refused(peer);
        }
        tracing::warn!(
            country = %self.country(),
            %peer,
            code = code_name(refusal.code),
            field = refusal.problem.field.as_deref().unwrap_or("-"),
            rule = %refusal.problem.rule,
            "envelope refused"
        );
        let actor = format!("peer:{peer}");
        let mut event = match answer {
            Some(answer) => {
                let mut event = Event::new("answer.rejected", actor)
                    .hash(answer.envelope_hash)
                    .detail(refusal.detail());
                event.request_id = Some(answer.request_id);
                event.category = answer.category;
                event
            }
            None => Event::new("call.refused", actor)
                .detail(format!("envelope refused: {}", refusal.detail())),
        };
        event.peer = Some(peer);
        self.record_event(event).await?;
        Err(error)
    }

    pub(super) async fn receive_checked(
        &self,
        peer: CountryCode,
        envelope: &pb::Envelope,
    ) -> std::result::Result<pb::Receipt, Rejection> {
        let config = self.config();
        let peer_config = config
            .peers
            .get(&peer)
            .ok_or_else(|| Error::denied(format!("{peer} is not a configured peer")))?;
        if envelope.protocol != receipt::PROTOCOL {
            return Err(Error::precondition(Problem::field(
                "protocol",
                receipt::protocol_refusal(envelope.protocol),
            ))
            .into());
        }
        let (keys, revoked) = (&peer_config.keys, &peer_config.revoked);
        if revoked.contains(&envelope.key_id) {
            return Err(Error::unauthenticated(
                "envelope refused: signed with a revoked key of the sender",
            )
            .into());
        }
        let verified =
            envelope::open_envelope(envelope, |id| keys.get(id).copied()).map_err(Error::from)?;
        let message = verified.value;
        let request_id = message.content.request_id().to_string();
        if message.from != peer {
            return Err(Error::denied(format!(
                "envelope from {} arrived over the TLS identity of {peer}",
                message.from
            ))
            .into());
        }
        if message.to != self.country() {
            return Err(Error::invalid(format!(
                "envelope is addressed to {}, this node is {}",
                message.to,
                self.country()
            ))
            .into());
        }
        let mut state = self.state.lock().await;
        if let Some(seen) = self.records.seen(&message.message_id)? {
            return if seen.envelope_hash == verified.hash {
                drop(state);
                self.receipt_again(&seen).await.map_err(Rejection::from)
            } else {
                Err(Error::exists(format!(
                    "message id {} was already delivered with different content",
                    message.message_id
                ))
                .into())
            };
        }
        let now = now_ms();
        let skew = self.skew_ms();
        let max_age = self.config().max_message_age.as_millis() as i64;
        if message.created_unix_ms > now + skew {
            return Err(Error::ClockSkew(Problem::field(
                "created_unix_ms",
                format!(
                    "the envelope's timestamp is {} s ahead of this node's clock, more than the \
                     {} s clock skew allowed (node.max_clock_skew_secs): the two nodes' clocks \
                     disagree; the same envelope is accepted once they agree",
                    (message.created_unix_ms - now) / 1000,
                    skew / 1000
                ),
            ))
            .into());
        }
        if message.created_unix_ms < now - max_age {
            return Err(Error::invalid(format!(
                "stale envelope: created {} s ago, more than the {} s allowed",
                (now - message.created_unix_ms) / 1000,
                max_age / 1000
            ))
            .into());
        }
        let actor = format!("peer:{peer}");
        let mut pending = Pending::default();
        let receipt_event;
        match message.content {
            Content::Request(request) => {
                let max = self.config().max_subjects;
                let subjects = request.subjects().count();
                if subjects > max {
                    return Err(Error::invalid(Problem::field(
                        "more_subjects",
                        format!("holds {subjects} subjects; this node takes at most {max}"),
                    ))
                    .into());
                }
                if self
                    .records
                    .request(Direction::Incoming, &request.request_id)?
                    .is_some()
                {
                    return Err(Error::exists(format!(
                        "request id {} was already delivered in another message",
                        request.request_id
                    ))
                    .into());
                }
                let mut record = RequestRecord {
                    request,
                    direction: Direction::Incoming,
                    status: RequestStatus::Received,
                    history: Vec::new(),
                    agency: None,
                    answer: None,
                    envelope_hash: verified.hash,
                    receipt: None,
                    answer_envelope_hash: None,
                    answer_receipt: None,
                    grant: None,
                    purged_unix_ms: None,
                    delivery_error: None,
                    dual_criminality: None,
                    dual_criminality_decision: None,
                };
                record.transition(
                    RequestStatus::Received,
                    now,
                    format!("received from {peer}"),
                );
                pending.changes.put_envelope(
                    &record.request.request_id,
                    &verified.hash,
                    envelope.encode_to_vec(),
                );
                receipt_event = Event::new("request.received", &actor)
                    .about(&record)
                    .hash(verified.hash)
                    .grounds(&record);
                pending.events.push(receipt_event.clone());
                self.route(&mut record, now, &mut pending)?;
                pending.record(&record);
            }
            Content::Answer(answer) => {
                let rejected = |error: Error, category: Option<Category>| Rejection {
                    error,
                    answer: Some(RejectedAnswer {
                        request_id: answer.request_id.clone(),
                        category,
                        envelope_hash: verified.hash,
                    }),
                };
                let mut record = self
                    .records
                    .request(Direction::Outgoing, &answer.request_id)?
                    .filter(|r| r.peer() == peer)
                    .ok_or_else(|| {
                        rejected(
                            Error::not_found(format!(
                                "no request {} was sent to {peer}",
                                answer.request_id
                            )),
                            None,
                        )
                    })?;
                let category = record.request.category;
                self.check_answer(&record, &answer, now)
                    .map_err(|e| rejected(e, Some(category)))?;
                let status = answer.outcome.status();
                let detail = describe_outcome(&answer.outcome);
                record.transition(
                    status,
                    now,
                    format!(
                        "{} by {} ({peer})",
                        status.as_str().to_lowercase(),
                        answer.agency
                    ),
                );
                record.answer = Some(answer);
                record.answer_envelope_hash = Some(verified.hash);
                pending.changes.put_envelope(
                    &record.request.request_id,
                    &verified.hash,
                    envelope.encode_to_vec(),
                );
                receipt_event = Event::new("answer.received", &actor)
                    .about(&record)
                    .hash(verified.hash)
                    .detail(detail);
                pending.events.push(receipt_event.clone());
                pending.record(&record);
            }
            Content::Withdrawal(withdrawal) => {
                let mut record = self
                    .records
                    .request(Direction::Incoming, &withdrawal.request_id)?
                    .filter(|r| r.peer() == peer)
                    .ok_or_else(|| {
                        Error::not_found(format!(
                            "no request {} was received from {peer}",
                            withdrawal.request_id
                        ))
                    })?;
                if record.status.is_final() {
                    return Err(Error::precondition(format!(
                        "request {} is already {} here; a final state does not change",
                        withdrawal.request_id, record.status
                    ))
                    .into());
                }
                record.transition(
                    RequestStatus::Withdrawn,
                    now,
                    format!("withdrawn by {peer}"),
                );
                receipt_event = Event::new("request.withdrawn", &actor)
                    .about(&record)
                    .hash(verified.hash);
                pending.events.push(receipt_event.clone());
                pending.record(&record);
            }
            Content::Evidence(manifest) => {
                let record = self.receive_manifest(peer, &manifest, verified.hash, &mut pending)?;
                pending.changes.put_envelope(
                    &manifest.request_id,
                    &verified.hash,
                    envelope.encode_to_vec(),
                );
                receipt_event = Event::new("evidence.announced", &actor)
                    .about(&record)
                    .hash(verified.hash)
                    .detail(format!("{} files", manifest.files.len()));
                pending.events.push(receipt_event.clone());
                // The transfers of the peer's files may begin.
            }
        }
        // The receipt proves the delivery event (the first event of this
        // commit) under the tree head that seals the group commit making it
        // durable.
        let before = state.frontier.clone();
        let (audit_index, entry) = self
            .append_log(&mut state, &mut pending)
            .ok_or_else(|| Error::precondition("nothing to record"))?;
        pending.changes.put_seen(
            &message.message_id,
            &SeenMessage {
                envelope_hash: verified.hash,
                audit_index: Some(audit_index),
                receipt: Vec::new(),
            },
        );
        let head = self.finish(state, before, pending).await?;
        let receipt = self.prove(audit_index, entry, head)?;
        tracing::info!(
            country = %self.country(),
            %peer,
            %request_id,
            kind = receipt_event.event,
            "envelope accepted"
        );
        Ok(receipt)
    }

    /// The receipt for a delivery already recorded: a proof of its entry
    /// under the latest durable tree head, or the protocol-1 receipt an
    /// earlier version returned.
    async fn receipt_again(&self, seen: &SeenMessage) -> Result<pb::Receipt> {
        let Some(index) = seen.audit_index else {
            return decode_receipt(&seen.receipt);
        };
        // The first delivery may still be on its way to disk.
        let head = self.durable().await?;
        let entry = self.records.audit_leaf(index)?.ok_or_else(|| {
            Error::Integrity(format!(
                "audit entry {index} of a recorded delivery is missing"
            ))
        })?;
        self.prove(index, entry, head)
    }

    /// A receipt for entry `index` (its exact bytes) under `head`, the
    /// durable tree head covering it.
    pub(super) fn prove(
        &self,
        index: u64,
        entry: Vec<u8>,
        head: Option<Arc<SealedHead>>,
    ) -> Result<pb::Receipt> {
        let head = head.filter(|head| head.size > index).ok_or_else(|| {
            Error::Integrity(format!("no durable tree head covers audit entry {index}"))
        })?;
        let path = crate::audit::inclusion_proof(&self.records, index, head.size)?;
        Ok(receipt::proof_receipt(
            entry,
            index,
            path,
            head.signed.clone(),
        ))
    }
}
