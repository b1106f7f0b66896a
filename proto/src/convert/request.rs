//! A request: its subjects ([`super::subject`]) checked against the
//! category, its offences, its case and the terms its requester accepts.

use crate::domain::{
    HandlingCode, HitReference, INDICATOR_KINDS, InformationRequest, MAX_OFFENCE_CODES,
    MAX_SUBJECTS, OffenceCode,
};
use crate::pb;

use super::answer::requested_fields;
use super::check::*;
use super::enums::*;
use super::legal::{legal_bases, non_punishment, victim_rules, victim_status};
use super::offences::national_offence;
use super::subject::{subjects_for, subjects_to_wire};

/// Checks a request's offences: the main code `field` and the further ones
/// in `more_field`, at most [`MAX_OFFENCE_CODES`] in all, each once.
pub fn offence_codes(
    field: &str,
    main: &str,
    more_field: &str,
    more: &[String],
) -> Result<Vec<OffenceCode>> {
    if main.is_empty() {
        return Err(ConversionError::new(field, "is required"));
    }
    if more.len() + 1 > MAX_OFFENCE_CODES {
        return Err(ConversionError::new(
            more_field,
            format!(
                "holds {} codes; at most {MAX_OFFENCE_CODES} in all",
                more.len() + 1
            ),
        ));
    }
    let mut codes = vec![offence_code(field, main)?];
    for (i, code) in more.iter().enumerate() {
        let code = offence_code(&format!("{more_field}[{i}]"), code)?;
        if codes.contains(&code) {
            return Err(ConversionError::new(
                format!("{more_field}[{i}]"),
                "repeats a code already given; give each offence once",
            ));
        }
        codes.push(code);
    }
    Ok(codes)
}

/// The handling code and retention a requester accepts, both unset in
/// requests signed before they were carried.
pub(super) fn accepted_terms(
    r: &pb::InformationRequest,
) -> Result<(Option<HandlingCode>, Option<u32>)> {
    let handling = match r.accepted_handling {
        0 => None,
        raw => Some(handling("accepted_handling", raw)?),
    };
    let retention = match r.max_retention_days {
        0 => None,
        days @ 1..=3650 => Some(days),
        _ => {
            return Err(ConversionError::new(
                "max_retention_days",
                "must be 1 to 3650 days, or 0 when not given",
            ));
        }
    };
    Ok((handling, retention))
}

/// Checks one offence code: it must have the shape of an ICCS code and be
/// one Liaison knows, that is one in `proto/data/iccs.tsv`.
pub fn offence_code(field: &str, value: &str) -> Result<OffenceCode> {
    let code: OffenceCode = value
        .parse()
        .map_err(|e: crate::domain::BadOffenceCode| ConversionError::new(field, e.to_string()))?;
    if !crate::iccs::is_known(code.as_str()) {
        return Err(ConversionError::new(
            field,
            "is not an ICCS code Liaison knows (see proto/data/iccs.tsv)",
        ));
    }
    Ok(code)
}

impl TryFrom<&pb::InformationRequest> for InformationRequest {
    type Error = ConversionError;
    fn try_from(r: &pb::InformationRequest) -> Result<Self> {
        let category = category("category", r.category)?;
        let (accepted_handling, max_retention_days) = accepted_terms(r)?;
        let (subject, subject_role, more_subjects) =
            subjects_for(category, r.subject.as_ref(), &r.more_subjects, MAX_SUBJECTS)?;
        let (legal_bases, legal_basis_reference) =
            legal_bases(&r.legal_bases, &r.legal_basis_reference)?;
        let request = InformationRequest {
            request_id: uuid("request_id", &r.request_id)?,
            from_country: country("from_country", &r.from_country)?,
            to_country: country("to_country", &r.to_country)?,
            category,
            purpose: purpose("purpose", r.purpose)?,
            offence_codes: offence_codes(
                "offence_code",
                &r.offence_code,
                "more_offence_codes",
                &r.more_offence_codes,
            )?,
            subject,
            subject_role,
            more_subjects,
            case_reference: case_reference("case_reference", &r.case_reference)?,
            case_id: optional_uuid("case_id", &r.case_id)?,
            summary: text("summary", &r.summary, MAX_TEXT_CHARS, true)?,
            deadline_unix_ms: timestamp("deadline_unix_ms", r.deadline_unix_ms)?,
            requested_by: required_text("requested_by", &r.requested_by, MAX_NAME_CHARS)?,
            created_unix_ms: timestamp("created_unix_ms", r.created_unix_ms)?,
            requested_fields: requested_fields("requested_fields", category, &r.requested_fields)?,
            accepted_handling,
            max_retention_days,
            legal_bases,
            legal_basis_reference,
            non_punishment: non_punishment(r.non_punishment.as_ref())?,
            victim_status: victim_status("victim_status", r.victim_status)?,
            follows_request_id: optional_uuid("follows_request_id", &r.follows_request_id)?,
            national_offence: national_offence("national_offence", r.national_offence.as_ref())?
                .map(Box::new),
            summary_language: language_tag("summary_language", &r.summary_language)?,
            hit: r.hit.as_ref().map(hit_reference).transpose()?,
        };
        victim_rules(&request)?;
        Ok(request)
    }
}

impl From<&InformationRequest> for pb::InformationRequest {
    fn from(r: &InformationRequest) -> Self {
        let (first, more_subjects) = subjects_to_wire(r);
        pb::InformationRequest {
            request_id: r.request_id.clone(),
            from_country: r.from_country.to_string(),
            to_country: r.to_country.to_string(),
            category: pb::Category::from(r.category) as i32,
            purpose: pb::Purpose::from(r.purpose) as i32,
            offence_code: r
                .offence_codes
                .first()
                .map(|c| c.as_str().to_string())
                .unwrap_or_default(),
            more_offence_codes: r
                .offence_codes
                .iter()
                .skip(1)
                .map(|c| c.as_str().to_string())
                .collect(),
            accepted_handling: r
                .accepted_handling
                .map_or(0, |h| pb::HandlingCode::from(h) as i32),
            max_retention_days: r.max_retention_days.unwrap_or(0),
            subject: Some(first),
            more_subjects,
            case_reference: r.case_reference.clone(),
            case_id: r.case_id.clone(),
            summary: r.summary.clone(),
            deadline_unix_ms: r.deadline_unix_ms,
            requested_by: r.requested_by.clone(),
            created_unix_ms: r.created_unix_ms,
            requested_fields: r.requested_fields.clone(),
            legal_bases: r.legal_bases.clone(),
            legal_basis_reference: r.legal_basis_reference.clone(),
            non_punishment: r.non_punishment.as_ref().map(pb::NonPunishment::from),
            victim_status: r
                .victim_status
                .map_or(0, |s| pb::VictimStatus::from(s) as i32),
            follows_request_id: r.follows_request_id.clone(),
            national_offence: r.national_offence.as_deref().map(Into::into),
            summary_language: r.summary_language.clone(),
            hit: r.hit.as_ref().map(|h| pb::HitReference {
                agency: h.agency.clone(),
                list: h.list.clone(),
                reference: h.reference.clone(),
                kind: h.kind.clone(),
            }),
        }
    }
}

/// The listing a follow-up request cites: agency, list and reference of 1
/// to 64 letters, digits, spaces or - _ / ., and a known kind.
fn hit_reference(h: &pb::HitReference) -> Result<HitReference> {
    if !INDICATOR_KINDS.contains(&h.kind.as_str()) {
        return Err(ConversionError::new(
            "hit.kind",
            format!("must be one of {}", INDICATOR_KINDS.join(", ")),
        ));
    }
    Ok(HitReference {
        agency: identifier("hit.agency", &h.agency, 64, true)?,
        list: identifier("hit.list", &h.list, 64, true)?,
        reference: identifier("hit.reference", &h.reference, 64, true)?,
        kind: h.kind.clone(),
    })
}

/// The requester's own case number: 1 to 64 letters, digits or - _ / . and
/// spaces; empty when none.
pub fn case_reference(field: &str, value: &str) -> Result<String> {
    identifier(field, value, 64, false)
}

/// A case id: empty, or a UUID.
pub fn optional_uuid(field: &str, value: &str) -> Result<String> {
    if value.is_empty() {
        Ok(String::new())
    } else {
        uuid(field, value)
    }
}

/// A BCP 47 language tag's shape (RFC 5646): a primary language of 2 or 3
/// letters, then subtags of 1 to 8 letters or digits, separated by `-`, 35
/// characters at most; empty for none.
pub fn language_tag(field: &str, value: &str) -> Result<String> {
    if value.is_empty() {
        return Ok(String::new());
    }
    let mut parts = value.split('-');
    let primary = parts.next().unwrap_or("");
    let ok = value.len() <= 35
        && (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if ok {
        Ok(value.to_string())
    } else {
        Err(ConversionError::new(
            field,
            "must be a BCP 47 language tag such as th, km or en-GB",
        ))
    }
}
