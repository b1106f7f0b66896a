//! Checking an answer before anything of it is stored: within this node's
//! own request and its own agreement.

use liaison_proto::convert;
use liaison_proto::domain::{Answer, HandlingCode, Outcome, RequestStatus};

use crate::error::{Error, Problem, Result};
use crate::policy::Flow;
use crate::records::RequestRecord;

use super::state::Exchange;

impl Exchange {
    /// Checks an answer a peer sent to one of this node's requests, as
    /// strictly as the peer checked the request: deny by default in both
    /// directions. The request must still be open and its deadline not
    /// passed (within the clock skew allowed); released fields must be ones
    /// this node asked for and its own agreement accepts for the category
    /// and for the kind of the subject each is about (a subject the request
    /// names);
    /// the handling code may not be looser nor the retention longer than its
    /// own agreement says. A refusal releases nothing and is always accepted
    /// while the request is open.
    pub(super) fn check_answer(
        &self,
        record: &RequestRecord,
        answer: &Answer,
        now: i64,
    ) -> Result<()> {
        let id = &record.request.request_id;
        let deadline = record.request.deadline_unix_ms;
        let skew = self.skew_ms();
        if record.status.is_final() {
            return Err(Error::precondition(
                if record.status == RequestStatus::Expired {
                    format!(
                        "request {id} expired at its deadline, {}; a final state does not change",
                        liaison_proto::time::rfc3339(deadline)
                    )
                } else {
                    format!(
                        "request {id} is already {}; a final state does not change",
                        record.status
                    )
                },
            ));
        }
        if now > deadline + skew || answer.answered_unix_ms > deadline + skew {
            return Err(Error::precondition(format!(
                "the deadline of request {id} was {}; an answer made or arriving more than {} s \
                 after it (the clock skew allowed) is not accepted",
                liaison_proto::time::rfc3339(deadline),
                skew / 1000
            )));
        }
        let Outcome::Released {
            fields,
            handling,
            retention_days,
            redacted_fields,
            ..
        } = &answer.outcome
        else {
            return Ok(());
        };
        let category = record.request.category;
        let peer = record.peer();
        let config = self.config();
        let agreement = config.agreement_with(peer);
        let rule = agreement.and_then(|a| a.rule_for(category)).filter(|r| {
            r.flows.contains(&Flow {
                from: self.country(),
                to: peer,
            })
        });
        let (Some(agreement), Some(rule)) = (agreement, rule) else {
            return Err(Error::denied(format!(
                "{} no longer accepts {category} answers from {peer}: no rule of its agreement \
                 covers them [rule: {} default deny]",
                self.country(),
                self.country()
            )));
        };
        let label = format!("{} rule {} ({category})", agreement.label(), rule.number);
        let requested = &record.request.requested_fields;
        convert::field_subjects("answer.released.fields", fields, &record.request)?;
        for (i, field) in fields.iter().enumerate() {
            let path = format!("answer.released.fields[{i}].name");
            let kind = record
                .request
                .subject_at(field.subject)
                .and_then(|(_, subject)| subject.subject_kind());
            if !rule.release.contains(&field.name) {
                return Err(Error::denied(Problem::field(
                    path,
                    format!(
                        "{} is not a field {}'s agreement accepts [rule: {label}]",
                        field.name,
                        self.country()
                    ),
                )));
            }
            if let Some(kind) = kind.filter(|_| !rule.releases(&field.name, kind)) {
                return Err(Error::denied(Problem::field(
                    path,
                    format!(
                        "{} about subject {} ({kind}) is not a field {}'s agreement accepts \
                         about {kind} subjects [rule: {label}]",
                        field.name,
                        field.subject,
                        self.country()
                    ),
                )));
            }
            if !requested.is_empty() && !requested.contains(&field.name) {
                return Err(Error::denied(Problem::field(
                    path,
                    format!(
                        "{} was not requested (requested: {}) [rule: {label}]",
                        field.name,
                        requested.join(", ")
                    ),
                )));
            }
        }
        let known = category.response_fields();
        if let Some(i) = redacted_fields
            .iter()
            .position(|name| !known.contains(&name.as_str()))
        {
            return Err(Error::invalid(Problem::field(
                format!("answer.released.redacted_fields[{i}]"),
                format!("is not a response field of {category}"),
            )));
        }
        if record.request.concerns_possible_victim() && *handling != HandlingCode::VictimProtected {
            return Err(Error::denied(Problem::field(
                "answer.released.handling",
                format!(
                    "{handling} for a request about a possible victim: such answers are released \
                     only under VICTIM_PROTECTED, whatever the agreements say"
                ),
            )));
        }
        if !handling.at_least_as_strict_as(rule.handling) {
            return Err(Error::denied(Problem::field(
                "answer.released.handling",
                format!(
                    "{handling} is less strict than the {} {}'s agreement requires [rule: {label}]",
                    rule.handling,
                    self.country()
                ),
            )));
        }
        if *retention_days > rule.retention_days {
            return Err(Error::denied(Problem::field(
                "answer.released.retention_days",
                format!(
                    "{retention_days} days is longer than the {} days {}'s agreement allows \
                     [rule: {label}]",
                    rule.retention_days,
                    self.country()
                ),
            )));
        }
        Ok(())
    }
}
