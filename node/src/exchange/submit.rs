//! Submitting: a focal point's request checked against the agreement,
//! signed and durably queued for its peer; and the dry run of a request.

use liaison_proto::domain::{
    Category, Content, CountryCode, HitReference, InformationRequest, NonPunishment, OffenceCode,
    Purpose, RequestStatus, RoledSubject, Subject, SubjectRole, VictimStatus,
};

use liaison_proto::offences::NationalOffence;

use crate::config::LocalUser;
use crate::error::{Error, Problem, Result};
use crate::policy::{self, Flow};
use crate::records::{Direction, OutboxKind, RequestRecord, utc_day};

use super::state::{Event, Exchange, MAX_DEADLINE_AHEAD_MS, Pending, new_id, now_ms};

/// A focal point's new request, validated but not yet signed.
#[derive(Debug, Clone)]
pub struct Draft {
    pub to: CountryCode,
    pub category: Category,
    pub purpose: Purpose,
    pub offence_codes: Vec<OffenceCode>,
    pub subject: Subject,
    pub subject_role: SubjectRole,
    pub more_subjects: Vec<RoledSubject>,
    pub case_reference: String,
    /// The case to join; empty: a new case.
    pub case_id: String,
    pub summary: String,
    pub deadline_unix_ms: i64,
    /// The response fields wanted; empty for every field this node's
    /// agreement accepts for the category.
    pub requested_fields: Vec<String>,
    pub legal_bases: Vec<String>,
    pub legal_basis_reference: String,
    /// None: this node's default, `[node] non_punishment`, for a request
    /// about a possible victim.
    pub non_punishment: Option<NonPunishment>,
    pub victim_status: Option<VictimStatus>,
    /// The earlier request followed up; empty if none.
    pub follows_request_id: String,
    /// The statute of one of this node's national offences that the
    /// request concerns; the node adds the titles from its mapping.
    pub national_offence_statute: Option<String>,
    /// The language of the summary (BCP 47), or empty.
    pub summary_language: String,
    /// The listing of a hit this request follows up, and the hit's id.
    pub hit: Option<(HitReference, String)>,
}

impl Exchange {
    /// Checks, signs and durably queues a focal point's request.
    pub async fn submit(&self, caller: &LocalUser, draft: Draft) -> Result<RequestRecord> {
        let now = now_ms();
        if draft.to == self.country() {
            return Err(Error::invalid(Problem::field(
                "to_country",
                "a request cannot go to this node's own country",
            )));
        }
        if !self.config().peers.contains_key(&draft.to) {
            return Err(Error::not_found(format!(
                "no peer {} is configured on this node",
                draft.to
            )));
        }
        if draft.deadline_unix_ms <= now {
            return Err(Error::invalid(Problem::field(
                "deadline_unix_ms",
                "the deadline has already passed",
            )));
        }
        if draft.deadline_unix_ms > now + MAX_DEADLINE_AHEAD_MS {
            return Err(Error::invalid(Problem::field(
                "deadline_unix_ms",
                "more than a year ahead",
            )));
        }
        if !draft.follows_request_id.is_empty() && self.get(&draft.follows_request_id).is_err() {
            return Err(Error::invalid(Problem::field(
                "follows_request_id",
                "names no request this node sent or received",
            )));
        }
        let national_offence = self.national_offence(draft.national_offence_statute.as_deref())?;
        let state = self.state.lock().await;
        self.outbox_has_room(draft.to)?;
        let day = utc_day(now);
        let used = self
            .records
            .count(day, Direction::Outgoing, draft.to, draft.category)?;
        let config = self.config();
        let decision = policy::evaluate_request(
            self.country(),
            config.agreement_with(draft.to),
            Flow {
                from: self.country(),
                to: draft.to,
            },
            draft.category,
            draft.purpose,
            &draft.legal_bases,
            used,
        );
        // The fields asked for must be ones this node's agreement accepts
        // from the peer; none asked for means all of those.
        let accepted = decision
            .grant
            .as_ref()
            .map(|grant| grant.release.clone())
            .unwrap_or_default();
        let unaccepted = draft
            .requested_fields
            .iter()
            .position(|name| !accepted.contains(name));
        if let (true, Some(i)) = (decision.allowed, unaccepted) {
            let rule = format!(
                "{} is not a field {}'s agreement accepts from {} under {} (accepted: {})",
                draft.requested_fields[i],
                self.country(),
                draft.to,
                decision.rule,
                accepted.join(", ")
            );
            let mut event = Event::new("policy.denied", &caller.name)
                .detail(format!("field `requested_fields[{i}]`: {rule}"));
            event.peer = Some(draft.to);
            event.category = Some(draft.category);
            self.commit(
                state,
                Pending {
                    events: vec![event],
                    ..Pending::default()
                },
            )
            .await?;
            return Err(Error::denied(Problem::field(
                format!("requested_fields[{i}]"),
                rule,
            )));
        }
        let requested_fields = if draft.requested_fields.is_empty() {
            accepted
        } else {
            draft.requested_fields
        };
        if !decision.allowed {
            let mut event = Event::new("policy.denied", &caller.name)
                .detail(format!("{}: {}", decision.rule, decision.reason));
            event.peer = Some(draft.to);
            event.category = Some(draft.category);
            let pending = Pending {
                events: vec![event],
                ..Pending::default()
            };
            self.commit(state, pending).await?;
            let text = format!(
                "refused by {}'s own sharing agreement: {} [rule: {}]",
                self.country(),
                decision.reason,
                decision.rule
            );
            return Err(if decision.exhausted {
                Error::exhausted(text)
            } else {
                Error::denied(text)
            });
        }
        let draft_hit = draft.hit.clone();
        let mut request = InformationRequest {
            request_id: new_id(),
            from_country: self.country(),
            to_country: draft.to,
            category: draft.category,
            purpose: draft.purpose,
            offence_codes: draft.offence_codes,
            subject: draft.subject,
            subject_role: draft.subject_role,
            more_subjects: draft.more_subjects,
            case_reference: draft.case_reference,
            case_id: if draft.case_id.is_empty() {
                new_id()
            } else {
                draft.case_id
            },
            summary: draft.summary,
            deadline_unix_ms: draft.deadline_unix_ms,
            requested_by: caller.name.clone(),
            created_unix_ms: now,
            requested_fields,
            accepted_handling: decision.grant.as_ref().map(|g| g.handling),
            max_retention_days: decision.grant.as_ref().map(|g| g.retention_days),
            legal_bases: draft.legal_bases,
            legal_basis_reference: draft.legal_basis_reference,
            non_punishment: draft.non_punishment,
            victim_status: draft.victim_status,
            follows_request_id: draft.follows_request_id,
            national_offence,
            summary_language: draft.summary_language,
            hit: draft.hit.as_ref().map(|(h, _)| h.clone()),
        };
        if request.non_punishment.is_none() && request.concerns_possible_victim() {
            request.non_punishment = config.non_punishment.clone();
        }
        // Checked before anything is signed or stored, as the receiver will.
        liaison_proto::convert::victim_rules(&request).map_err(Error::from)?;
        let (message, sealed) = self.seal(draft.to, Content::Request(request.clone()));
        let mut record = RequestRecord {
            request,
            direction: Direction::Outgoing,
            status: RequestStatus::Submitted,
            history: Vec::new(),
            agency: None,
            answer: None,
            envelope_hash: sealed.hash,
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
            RequestStatus::Submitted,
            now,
            format!("submitted by {}", caller.name),
        );
        let item = self.outbox_item(
            &message,
            &sealed,
            OutboxKind::Request,
            record.request.deadline_unix_ms,
        );

        let mut pending = Pending::default();
        pending.record(&record);
        pending.enqueue(&item);
        pending
            .changes
            .put_due(record.request.deadline_unix_ms, &record.request.request_id);
        pending
            .changes
            .put_count(day, Direction::Outgoing, draft.to, draft.category, used + 1);
        pending.events.push(
            Event::new("request.submitted", &caller.name)
                .about(&record)
                .hash(sealed.hash)
                .detail(format!(
                    "purpose {}; allowed by {}{}",
                    record.request.purpose,
                    decision.rule,
                    draft_hit
                        .as_ref()
                        .map(|(h, id)| format!(
                            "; follows up hit {id} on {}/{} (reference {})",
                            h.agency, h.list, h.reference
                        ))
                        .unwrap_or_default()
                ))
                .grounds(&record),
        );
        self.commit(state, pending).await?;
        tracing::info!(country = %self.country(), request_id = %record.request.request_id, to = %draft.to, category = %record.request.category, "request submitted");
        Ok(record)
    }

    /// The national offence a focal point names by its statute, with its
    /// titles from this node's mapping; refused when the mapping does not
    /// hold it.
    fn national_offence(&self, statute: Option<&str>) -> Result<Option<Box<NationalOffence>>> {
        let Some(statute) = statute else {
            return Ok(None);
        };
        let config = self.config();
        let Some(map) = &config.national_offences else {
            return Err(Error::invalid(Problem::field(
                "national_offence.statute",
                "this node has no national offences configured (node.national_offences)",
            )));
        };
        map.get(statute)
            .map(|mapped| Some(Box::new(mapped.offence.clone())))
            .ok_or_else(|| {
                Error::invalid(Problem::field(
                    "national_offence.statute",
                    "is not a statute of this node's national offences (node.national_offences)",
                ))
            })
    }

    /// Evaluates a request going `flow` under `legal_bases` against this
    /// node's agreement with the other country, without sending anything;
    /// audited as a dry run.
    pub async fn dry_run(
        &self,
        actor: &str,
        flow: Flow,
        category: Category,
        purpose: Purpose,
        legal_bases: &[String],
    ) -> Result<policy::Decision> {
        let here = self.country();
        let (peer, direction) = if flow.from == here {
            (flow.to, Direction::Outgoing)
        } else if flow.to == here {
            (flow.from, Direction::Incoming)
        } else {
            return Err(Error::invalid(format!(
                "a request {flow} does not involve {here}"
            )));
        };
        if !self.config().peers.contains_key(&peer) {
            return Err(Error::not_found(format!("{peer} is not a configured peer")));
        }
        let state = self.state.lock().await;
        let used = self
            .records
            .count(utc_day(now_ms()), direction, peer, category)?;
        let decision = policy::evaluate_request(
            here,
            self.config().agreement_with(peer),
            flow,
            category,
            purpose,
            legal_bases,
            used,
        );
        let mut event = Event::new("policy.checked", actor).detail(format!(
            "dry run {flow} {category} for {purpose}: {} by {}",
            if decision.allowed {
                "allowed"
            } else {
                "denied"
            },
            decision.rule
        ));
        event.peer = Some(peer);
        event.category = Some(category);
        let pending = Pending {
            events: vec![event],
            ..Pending::default()
        };
        self.commit(state, pending).await?;
        Ok(decision)
    }
}
