//! Responding: an agency's answer or refusal to a request assigned to it,
//! released under [`answer_terms`].

use liaison_proto::convert;
use liaison_proto::domain::{
    Answer, Content, Field, HandlingCode, InformationRequest, Outcome, RefusalReason,
    RequestStatus, SubjectKind, SubjectRole,
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

/// What an answer releases about one subject of a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectRelease {
    /// 0-based position in the request's subjects.
    pub position: u32,
    pub role: SubjectRole,
    /// `None` once the subject is purged.
    pub kind: Option<SubjectKind>,
    /// Fields asked for that the grant releases about this subject.
    pub released: Vec<String>,
    /// Fields asked for that it does not.
    pub withheld: Vec<String>,
}

/// The fields `request` asks for: every field `grant` releases, for a
/// request signed before requests named their fields.
pub fn asked_fields<'a>(grant: &'a policy::Grant, request: &'a InformationRequest) -> &'a [String] {
    if request.requested_fields.is_empty() {
        &grant.release
    } else {
        &request.requested_fields
    }
}

/// What an answer to `request` would release about each of its subjects
/// under `grant`: the fields asked for ([`asked_fields`]) that the grant
/// releases for the subject's kind.
pub fn release_per_subject(
    grant: &policy::Grant,
    request: &InformationRequest,
) -> Vec<SubjectRelease> {
    let asked = asked_fields(grant, request);
    request
        .subjects()
        .enumerate()
        .map(|(position, (role, subject))| {
            let kind = subject.subject_kind();
            let (released, withheld) = asked
                .iter()
                .cloned()
                .partition(|name| grant.releases(name, kind));
            SubjectRelease {
                position: position as u32,
                role,
                kind,
                released,
                withheld,
            }
        })
        .collect()
}

/// The fields an agency gave, sorted into what is released and what is
/// withheld: [`redact`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redaction {
    pub released: Vec<Field>,
    /// The names withheld, each once, in the order given.
    pub redacted_fields: Vec<String>,
    /// Why, for the audit log (`answer.redacted`): names, subject
    /// positions and kinds, never a value. `None` when nothing was withheld.
    pub detail: Option<String>,
}

/// Releases a field about subject `i` only if the request asked for it, the
/// grant releases it, and releases it for subject `i`'s kind; the rest is
/// withheld. Every field's subject must be one the request names.
pub fn redact(
    grant: &policy::Grant,
    request: &InformationRequest,
    fields: Vec<Field>,
) -> std::result::Result<Redaction, convert::ConversionError> {
    convert::field_subjects("fields", &fields, request)?;
    let requested = &request.requested_fields;
    let mut released = Vec::new();
    let mut redacted_fields: Vec<String> = Vec::new();
    let mut not_granted: Vec<String> = Vec::new();
    let mut not_for_kind: Vec<(u32, SubjectKind, Vec<String>)> = Vec::new();
    let mut not_asked: Vec<String> = Vec::new();
    let once = |list: &mut Vec<String>, name: &str| {
        if !list.iter().any(|n| n == name) {
            list.push(name.to_string());
        }
    };
    for field in fields {
        let kind = request
            .subject_at(field.subject)
            .and_then(|(_, subject)| subject.subject_kind());
        if grant.releases(&field.name, kind)
            && (requested.is_empty() || requested.contains(&field.name))
        {
            released.push(field);
            continue;
        }
        once(&mut redacted_fields, &field.name);
        if !grant.release.contains(&field.name) {
            once(&mut not_granted, &field.name);
        } else if let Some(kind) = kind.filter(|_| grant.withholds_for_kind(&field.name, kind)) {
            match not_for_kind
                .iter_mut()
                .find(|(position, _, _)| *position == field.subject)
            {
                Some((_, _, names)) => once(names, &field.name),
                None => not_for_kind.push((field.subject, kind, vec![field.name.clone()])),
            }
        } else {
            once(&mut not_asked, &field.name);
        }
    }
    fn names(list: &[String]) -> Vec<&String> {
        list.iter().collect()
    }
    let mut parts = Vec::new();
    if !not_granted.is_empty() {
        parts.push(format!(
            "withheld {} under {}",
            join(&names(&not_granted)),
            grant.rule
        ));
    }
    for (position, kind, list) in &not_for_kind {
        parts.push(format!(
            "withheld {} for subject {position} ({kind}) under {}",
            join(&names(list)),
            grant.rule
        ));
    }
    if !not_asked.is_empty() {
        parts.push(format!(
            "withheld {} as not requested",
            join(&names(&not_asked))
        ));
    }
    Ok(Redaction {
        released,
        redacted_fields,
        detail: (!parts.is_empty()).then(|| parts.join("; ")),
    })
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
                // Released: what the agreement grants for each subject's
                // kind and the requester asked for (a request signed before
                // requests named their fields asks for everything granted).
                let Redaction {
                    released,
                    redacted_fields,
                    detail,
                } = redact(&grant, &record.request, fields)?;
                let (handling, retention_days) =
                    answer_terms(&grant, &record.request).map_err(Error::precondition)?;
                redaction = detail;
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

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use liaison_proto::domain::{
        BankAccount, Category, Purpose, RoledSubject, Subject, SubjectKind, SubjectRole, Wallet,
    };

    use super::*;

    /// A wallet trace about a wallet (subject 0) and a bank account
    /// (subject 1), asking for `requested`.
    fn wallet_and_account(requested: &[&str]) -> InformationRequest {
        InformationRequest {
            request_id: "0b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
            from_country: "THA".parse().unwrap(),
            to_country: "KHM".parse().unwrap(),
            category: Category::WalletTrace,
            purpose: Purpose::Investigation,
            offence_codes: vec!["0204".parse().unwrap()],
            subject: Subject::Wallet(Wallet {
                network: "TRON".into(),
                address: "TXYZ".into(),
            }),
            subject_role: SubjectRole::Suspect,
            more_subjects: vec![RoledSubject {
                role: SubjectRole::Unknown,
                subject: Subject::BankAccount(BankAccount {
                    iban: String::new(),
                    account_number: "123456".into(),
                    bic: "ABCDKHPP".into(),
                    holder_name: String::new(),
                }),
            }],
            case_reference: String::new(),
            case_id: String::new(),
            summary: String::new(),
            deadline_unix_ms: 1,
            requested_by: "fp".into(),
            created_unix_ms: 0,
            requested_fields: requested.iter().map(|f| f.to_string()).collect(),
            accepted_handling: None,
            max_retention_days: None,
            legal_bases: Vec::new(),
            legal_basis_reference: String::new(),
            non_punishment: None,
            victim_status: None,
            follows_request_id: String::new(),
            national_offence: None,
            summary_language: String::new(),
            hit: None,
        }
    }

    /// Releases exchange_name, kyc_name and transaction_summary; about
    /// wallets only exchange_name.
    fn grant() -> policy::Grant {
        policy::Grant {
            rule: "KHM-THA v1 rule 1 (WALLET_TRACE)".into(),
            release: vec![
                "exchange_name".into(),
                "kyc_name".into(),
                "transaction_summary".into(),
            ],
            release_by_kind: BTreeMap::from([(
                SubjectKind::Wallet,
                BTreeSet::from(["exchange_name".to_string()]),
            )]),
            handling: HandlingCode::IntelligenceOnly,
            retention_days: 30,
            require_dual_criminality: false,
        }
    }

    fn field(subject: u32, name: &str) -> Field {
        Field {
            name: name.into(),
            value: format!("SECRET-{name}-{subject}"),
            subject,
        }
    }

    #[test]
    fn fields_are_released_per_subject_kind() {
        let request = wallet_and_account(&["exchange_name", "kyc_name", "balance"]);
        let r = redact(
            &grant(),
            &request,
            vec![
                field(0, "exchange_name"),
                field(0, "kyc_name"),
                field(1, "kyc_name"),
                field(1, "exchange_name"),
                field(1, "balance"),
                field(1, "transaction_summary"),
            ],
        )
        .unwrap();
        let released: Vec<(u32, &str)> = r
            .released
            .iter()
            .map(|f| (f.subject, f.name.as_str()))
            .collect();
        assert_eq!(
            released,
            [(0, "exchange_name"), (1, "kyc_name"), (1, "exchange_name")]
        );
        assert_eq!(
            r.redacted_fields,
            ["kyc_name", "balance", "transaction_summary"]
        );
        let detail = r.detail.unwrap();
        assert_eq!(
            detail,
            "withheld balance under KHM-THA v1 rule 1 (WALLET_TRACE); \
             withheld kyc_name for subject 0 (WALLET) under KHM-THA v1 rule 1 (WALLET_TRACE); \
             withheld transaction_summary as not requested"
        );
        assert!(!detail.contains("SECRET"), "{detail}");
    }

    #[test]
    fn a_field_about_a_subject_the_request_does_not_name_is_refused() {
        let request = wallet_and_account(&[]);
        let err = redact(&grant(), &request, vec![field(2, "kyc_name")]).unwrap_err();
        assert_eq!(err.field, "fields[0].subject");
        assert!(err.problem.contains("names 2 subjects"), "{err}");
    }

    #[test]
    fn nothing_withheld_means_no_detail() {
        let request = wallet_and_account(&[]);
        let r = redact(&grant(), &request, vec![field(1, "transaction_summary")]).unwrap();
        assert_eq!(r.released.len(), 1);
        assert!(r.redacted_fields.is_empty() && r.detail.is_none());
    }

    #[test]
    fn the_dry_run_shows_each_subject() {
        let request = wallet_and_account(&[]);
        let subjects = release_per_subject(&grant(), &request);
        assert_eq!(subjects.len(), 2);
        assert_eq!(
            (subjects[0].position, subjects[0].role, subjects[0].kind),
            (0, SubjectRole::Suspect, Some(SubjectKind::Wallet))
        );
        assert_eq!(subjects[0].released, ["exchange_name"]);
        assert_eq!(subjects[0].withheld, ["kyc_name", "transaction_summary"]);
        assert_eq!(subjects[1].kind, Some(SubjectKind::BankAccount));
        assert_eq!(
            subjects[1].released,
            ["exchange_name", "kyc_name", "transaction_summary"]
        );
        assert!(subjects[1].withheld.is_empty());
    }
}
