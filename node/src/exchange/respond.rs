//! Responding: an agency's answer or refusal to a request assigned to it,
//! released under [`answer_terms`].

use liaison_proto::domain::{
    Answer, Content, Field, HandlingCode, InformationRequest, Outcome, RefusalReason, RequestStatus,
};
use liaison_proto::offences::DualCriminalityStatus;
use sha2::{Digest, Sha256};

use crate::config::LocalUser;
use crate::error::{Error, Problem, Result};
use crate::policy::{self};
use crate::records::{DualCriminalityDecision, OutboxKind, RequestRecord};

use super::state::{DELIVERY_GRACE_MS, Event, Exchange, Pending, describe_outcome, join, now_ms};

/// What an agency officer says about a request assigned to the agency.
#[derive(Debug, Clone)]
pub enum AgencyReply {
    /// Answer with these fields; the agreement decides which are released.
    /// `dual_criminality_decision` is the officer's reason for answering
    /// although dual criminality is not established, where the agreement
    /// requires it.
    Release {
        fields: Vec<Field>,
        remarks: String,
        dual_criminality_decision: Option<String>,
    },
    Refuse {
        reason: RefusalReason,
        explanation: String,
    },
}

/// The handling code and retention an answer is released under: the
/// stricter of what this node's agreement attaches (`grant`) and what the
/// requester's agreement accepts (carried in the request), so that the
/// answer meets both. When the two handling codes restrict different
/// things, no answer can meet both: the agreements must be reconciled. A
/// request about a possible victim is always answered under
/// `VICTIM_PROTECTED`, with the shorter of the two retentions.
pub fn answer_terms(
    grant: &policy::Grant,
    request: &InformationRequest,
) -> std::result::Result<(HandlingCode, u32), String> {
    let retention = request
        .max_retention_days
        .map_or(grant.retention_days, |max| max.min(grant.retention_days));
    if request.concerns_possible_victim() {
        // Whatever either agreement says: nothing about a possible victim
        // is released under a looser code.
        return Ok((HandlingCode::VictimProtected, retention));
    }
    let handling = match request.accepted_handling {
        None => grant.handling,
        Some(accepted) if grant.handling.at_least_as_strict_as(accepted) => grant.handling,
        Some(accepted) if accepted.at_least_as_strict_as(grant.handling) => accepted,
        Some(accepted) => {
            return Err(format!(
                "{} accepts released data only under {accepted}, and {} releases it under {}; \
                 no handling code meets both agreements: reconcile them (`liaison policy compare`)",
                request.from_country, grant.rule, grant.handling
            ));
        }
    };
    Ok((handling, retention))
}

/// Checks an answer against the agreement's `require_dual_criminality`:
/// when the rule that granted the request requires it and this node's
/// indication did not establish dual criminality, the officer must give a
/// decision (a reason for answering anyway), which is kept in `record`.
/// Returns the audit detail of the override, if there was one: the rule and
/// the SHA-256 of the reason, never the reason itself.
fn dual_criminality_override(
    record: &mut RequestRecord,
    grant: &policy::Grant,
    decision: Option<String>,
    officer: &str,
    now: i64,
) -> Result<Option<String>> {
    let established = record
        .dual_criminality
        .as_ref()
        .is_some_and(|d| d.status == DualCriminalityStatus::Met);
    if !grant.require_dual_criminality || established {
        return Ok(None);
    }
    let Some(reason) = decision else {
        return Err(Error::precondition(Problem::field(
            "dual_criminality_decision",
            format!(
                "{} requires dual criminality for {}, and it is not established for this \
                 request: give your decision and reason to answer anyway, or refuse",
                grant.rule, record.request.category
            ),
        )));
    };
    let digest = hex::encode(Sha256::digest(reason.as_bytes()));
    record.dual_criminality_decision = Some(DualCriminalityDecision {
        by: officer.to_string(),
        at_unix_ms: now,
        rule: grant.rule.clone(),
        reason,
    });
    Ok(Some(format!(
        "answered although dual criminality is not established, as {} requires it; the \
         officer's reason is kept with the request (sha256 {digest})",
        grant.rule
    )))
}

impl Exchange {
    /// An agency answers or refuses a request assigned to it.
    pub async fn respond(
        &self,
        caller: &LocalUser,
        agency: &str,
        request_id: &str,
        reply: AgencyReply,
    ) -> Result<RequestRecord> {
        let state = self.state.lock().await;
        let mut record = self.assignment(agency, request_id)?;
        if record.status != RequestStatus::Assigned {
            return Err(Error::precondition(format!(
                "request {request_id} is {}, not awaiting an answer",
                record.status
            )));
        }
        let now = now_ms();
        if now >= record.request.deadline_unix_ms {
            // Past its deadline on this node's clock: it expires now, if the
            // periodic sweep has not done so yet, and cannot be answered.
            let mut pending = Pending::default();
            pending.expire(&mut record, now, "deadline passed without an answer");
            pending.record(&record);
            self.commit(state, pending).await?;
            return Err(Error::precondition(format!(
                "request {request_id} expired at its deadline, {}; it can no longer be answered",
                liaison_proto::time::rfc3339(record.request.deadline_unix_ms)
            )));
        }
        let mut redaction = None;
        let mut override_event = None;
        let outcome = match reply {
            AgencyReply::Refuse {
                reason,
                explanation,
            } => Outcome::Refused {
                reason,
                explanation,
                rule: String::new(),
            },
            AgencyReply::Release {
                fields,
                remarks,
                dual_criminality_decision,
            } => {
                let grant = record.grant.clone().ok_or_else(|| {
                    Error::precondition(format!(
                        "request {request_id} holds no grant from the sharing agreement and cannot be answered"
                    ))
                })?;
                override_event = dual_criminality_override(
                    &mut record,
                    &grant,
                    dual_criminality_decision,
                    &caller.name,
                    now,
                )?;
                let category = record.request.category;
                let known = category.response_fields();
                if let Some(i) = fields
                    .iter()
                    .position(|f| !known.contains(&f.name.as_str()))
                {
                    return Err(Error::invalid(Problem::field(
                        format!("fields[{i}].name"),
                        format!(
                            "is not a response field of {category} (known: {})",
                            known.join(", ")
                        ),
                    )));
                }
                // Released: what the agreement grants and the requester
                // asked for (a request signed before requests named their
                // fields asks for everything granted).
                let requested = &record.request.requested_fields;
                let wanted = |name: &String| requested.is_empty() || requested.contains(name);
                let (handling, retention_days) =
                    answer_terms(&grant, &record.request).map_err(Error::precondition)?;
                let (released, withheld): (Vec<_>, Vec<_>) = fields
                    .into_iter()
                    .partition(|f| grant.release.contains(&f.name) && wanted(&f.name));
                let redacted_fields: Vec<String> = withheld.into_iter().map(|f| f.name).collect();
                if !redacted_fields.is_empty() {
                    let (not_granted, not_asked): (Vec<&String>, Vec<&String>) = redacted_fields
                        .iter()
                        .partition(|name| !grant.release.contains(*name));
                    let mut parts = Vec::new();
                    if !not_granted.is_empty() {
                        parts.push(format!(
                            "withheld {} under {}",
                            join(&not_granted),
                            grant.rule
                        ));
                    }
                    if !not_asked.is_empty() {
                        parts.push(format!("withheld {} as not requested", join(&not_asked)));
                    }
                    redaction = Some(parts.join("; "));
                }
                Outcome::Released {
                    fields: released,
                    remarks,
                    handling,
                    retention_days,
                    redacted_fields,
                    rule: grant.rule,
                }
            }
        };
        let answer = Answer {
            request_id: request_id.to_string(),
            from_country: self.country(),
            to_country: record.request.from_country,
            agency: agency.to_string(),
            answered_unix_ms: now,
            outcome,
        };
        let status = answer.outcome.status();
        let detail = describe_outcome(&answer.outcome);
        let (message, sealed) = self.seal(record.peer(), Content::Answer(answer.clone()));
        record.answer = Some(answer);
        record.answer_envelope_hash = Some(sealed.hash);
        record.transition(
            status,
            now,
            format!("{} by {}", status.as_str().to_lowercase(), caller.name),
        );
        let give_up = record.request.deadline_unix_ms.max(now) + DELIVERY_GRACE_MS;
        let mut pending = Pending::default();
        pending.record(&record);
        pending.enqueue(&self.outbox_item(&message, &sealed, OutboxKind::Answer, give_up));
        let event = if status == RequestStatus::Answered {
            "request.answered"
        } else {
            "request.refused"
        };
        pending.events.push(
            Event::new(event, &caller.name)
                .about(&record)
                .hash(sealed.hash)
                .detail(detail),
        );
        if let Some(detail) = override_event {
            pending.events.push(
                Event::new("dual_criminality.overridden", &caller.name)
                    .about(&record)
                    .detail(detail),
            );
        }
        if let Some(redaction) = redaction {
            pending.events.push(
                Event::new("answer.redacted", "node")
                    .about(&record)
                    .detail(redaction),
            );
        }
        self.commit(state, pending).await?;
        tracing::info!(country = %self.country(), request_id, %status, agency, "agency responded");
        Ok(record)
    }
}
