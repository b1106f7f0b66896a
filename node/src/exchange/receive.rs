//! Receiving: an envelope delivered by a peer, checked (peer, key,
//! signature, then content) and handed to [`route`](super::route) for a new
//! request, [`check_answer`](super::check_answer) for an answer, or taken
//! as a withdrawal; the signed receipt returned.

use liaison_proto::domain::{Category, Content, CountryCode, RequestStatus, SignedBytes};
use liaison_proto::envelope::{self};
use liaison_proto::pb;
use prost::Message as _;

use crate::error::{Error, Result, code_name};
use crate::records::{Direction, RequestRecord, SeenMessage};

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
    /// TLS certificate names), and returns the signed receipt. Delivering the
    /// same envelope again returns the original receipt.
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
                decode_receipt(&seen.receipt).map_err(Rejection::from)
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
            return Err(Error::invalid(format!(
                "envelope timestamp is {} s in the future (more than the {} s clock skew allowed)",
                (message.created_unix_ms - now) / 1000,
                skew / 1000
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
                };
                record.transition(
                    RequestStatus::Received,
                    now,
                    format!("received from {peer}"),
                );
                pending
                    .changes
                    .put_envelope(&verified.hash, envelope.encode_to_vec());
                receipt_event = Event::new("request.received", &actor)
                    .about(&record)
                    .hash(verified.hash);
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
                pending
                    .changes
                    .put_envelope(&verified.hash, envelope.encode_to_vec());
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
        }
        // The receipt names the audit index of the delivery event (the first
        // event of this commit) and the signed tree head that covers it.
        let before = state.frontier.clone();
        let (audit_index, head) = self
            .append_log(&mut state, &mut pending)
            .ok_or_else(|| Error::precondition("nothing to record"))?;
        let body = liaison_proto::domain::ReceiptBody {
            message_id: message.message_id.clone(),
            envelope_hash: verified.hash,
            receiver: self.country(),
            sender: peer,
            received_unix_ms: now,
            audit_index,
            tree_head: Some(SignedBytes {
                body: head.body,
                key_id: head.key_id,
                signature: head.signature,
            }),
        };
        let receipt = self.signer().sign_receipt(&body);
        pending.changes.put_seen(
            &message.message_id,
            &SeenMessage {
                envelope_hash: verified.hash,
                receipt: receipt.encode_to_vec(),
            },
        );
        self.finish(state, before, pending).await?;
        tracing::info!(
            country = %self.country(),
            %peer,
            %request_id,
            kind = receipt_event.event,
            "envelope accepted"
        );
        Ok(receipt)
    }
}
