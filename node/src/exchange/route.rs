//! Routing a request just received: refused at once (deadline passed, not
//! allowed by this node's agreement, no competent agency) or assigned, with
//! this node's dual-criminality indication for the officer.

use liaison_proto::domain::{Answer, Content, Outcome, RefusalReason, RequestStatus};

use crate::error::Result;
use crate::policy::{self, Flow};
use crate::records::{Direction, OutboxKind, RequestRecord, utc_day};

use super::state::{DELIVERY_GRACE_MS, Event, Exchange, Pending, describe_outcome};

impl Exchange {
    /// Decides what happens to a request just received: refused at once if
    /// its deadline has passed or this node's agreement does not allow it,
    /// or if no agency handles its category; otherwise assigned.
    pub(super) fn route(
        &self,
        record: &mut RequestRecord,
        now: i64,
        pending: &mut Pending,
    ) -> Result<()> {
        let peer = record.peer();
        if record.request.deadline_unix_ms <= now {
            // Nobody can answer it any more, and the requester has stopped
            // waiting: it expires here at once, and no answer is sent.
            let why = format!(
                "arrived after its deadline, {}",
                liaison_proto::time::rfc3339(record.request.deadline_unix_ms)
            );
            pending.expire(record, now, &why);
            return Ok(());
        }
        let day = utc_day(now);
        let category = record.request.category;
        let used = self
            .records
            .count(day, Direction::Incoming, peer, category)?;
        let config = self.config();
        let agreement = config.agreement_with(peer);
        let decision = policy::evaluate_request(
            self.country(),
            agreement,
            Flow {
                from: peer,
                to: self.country(),
            },
            category,
            record.request.purpose,
            &record.request.legal_bases,
            used,
        );
        if !decision.allowed {
            let refusal = (
                RefusalReason::OutsideAgreement,
                decision.rule,
                decision.reason,
            );
            self.refuse_by_agreement(record, refusal, now, pending);
            return Ok(());
        }
        pending
            .changes
            .put_count(day, Direction::Incoming, peer, category, used + 1);
        pending.events.push(
            Event::new("policy.allowed", "node")
                .about(record)
                .detail(decision.rule.clone()),
        );
        record.grant = decision.grant.clone();
        // Advice for the officer, from this country's own offences.
        let indication = config.dual_criminality(&record.request.offence_codes);
        let indicated = indication.summary();
        record.dual_criminality = Some(indication);
        // A possible victim goes to the agency that protects victims, when
        // the country has named one, whatever the category; and only to an
        // agency the agreement lets see victim data, if it says which.
        let victim = record.request.concerns_possible_victim();
        // A follow-up of a hit goes to the agency whose list it hit, when
        // that agency is one of this node's.
        let listed = record
            .request
            .hit
            .as_ref()
            .and_then(|hit| config.agencies.iter().find(|a| a.name == hit.agency));
        let agency = if victim {
            config
                .victim_protection_agency()
                .or_else(|| listed.or_else(|| config.agency_for(category)))
        } else {
            listed.or_else(|| config.agency_for(category))
        };
        let follow_up = record
            .request
            .hit
            .as_ref()
            .map(|hit| {
                format!(
                    "; follows up a hit on {}/{} (reference {})",
                    hit.agency, hit.list, hit.reference
                )
            })
            .unwrap_or_default();
        if let (true, Some(agency), Some(agreement)) = (victim, agency, agreement)
            && !agreement.may_see_victim_data(self.country(), &agency.name)
        {
            let refusal = (
                RefusalReason::NoCompetentAgency,
                format!("{} victim_data_agencies", agreement.label()),
                format!(
                    "{} may not see data about a possible victim under {} (victim_data_agencies)",
                    agency.name,
                    agreement.label()
                ),
            );
            self.refuse_by_agreement(record, refusal, now, pending);
            return Ok(());
        }
        match agency {
            Some(agency) => {
                record.agency = Some(agency.name.clone());
                record.transition(
                    RequestStatus::Assigned,
                    now,
                    format!("assigned to {}", agency.name),
                );
                pending
                    .events
                    .push(
                        Event::new("request.assigned", "node")
                            .about(record)
                            .detail(format!(
                                "{}; dual criminality {indicated}{follow_up}",
                                agency.name
                            )),
                    );
            }
            None => {
                let outcome = Outcome::Refused {
                    reason: RefusalReason::NoCompetentAgency,
                    explanation: format!("no agency of {} handles {category}", self.country()),
                    rule: String::new(),
                };
                self.refuse_automatically(record, outcome, now, pending);
            }
        }
        Ok(())
    }

    /// Refuses a request because this node's agreement does not allow it:
    /// `policy.denied` audited with the rule and why, and the signed
    /// refusal (`reason`, the rule, why) queued for the requester.
    fn refuse_by_agreement(
        &self,
        record: &mut RequestRecord,
        (reason, rule, why): (RefusalReason, String, String),
        now: i64,
        pending: &mut Pending,
    ) {
        pending.events.push(
            Event::new("policy.denied", "node")
                .about(record)
                .detail(format!("{rule}: {why}")),
        );
        let outcome = Outcome::Refused {
            reason,
            explanation: format!("refused by {}'s sharing agreement: {why}", self.country()),
            rule,
        };
        self.refuse_automatically(record, outcome, now, pending);
    }

    /// Answers a request with a refusal on the node's own authority (no
    /// agency is competent), queuing the signed refusal for the requester.
    pub(super) fn refuse_automatically(
        &self,
        record: &mut RequestRecord,
        outcome: Outcome,
        now: i64,
        pending: &mut Pending,
    ) {
        let answer = Answer {
            request_id: record.request.request_id.clone(),
            from_country: self.country(),
            to_country: record.request.from_country,
            agency: "node".into(),
            answered_unix_ms: now,
            outcome,
        };
        let detail = describe_outcome(&answer.outcome);
        let (message, sealed) = self.seal(record.peer(), Content::Answer(answer.clone()));
        record.answer = Some(answer);
        record.answer_envelope_hash = Some(sealed.hash);
        record.transition(RequestStatus::Refused, now, detail.clone());
        let give_up = record.request.deadline_unix_ms.max(now) + DELIVERY_GRACE_MS;
        pending.enqueue(&self.outbox_item(&message, &sealed, OutboxKind::Answer, give_up));
        pending.events.push(
            Event::new("request.refused", "node")
                .about(record)
                .hash(sealed.hash)
                .detail(detail),
        );
    }
}
