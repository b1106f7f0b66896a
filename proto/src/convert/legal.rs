//! A request's legal grounds: the legal bases it names, the non-punishment
//! principle a request about a possible victim carries, and the rules of a
//! victim-status notification (see [`crate::legal`]).

use crate::domain::{
    Category, InformationRequest, NonPunishment, Subject, SubjectRole, VictimStatus,
};
use crate::legal::{self, MAX_LEGAL_BASES, NEEDS_REFERENCE};
use crate::pb;

use super::check::*;
use super::enums::enum_value;

/// Longest reference to a bilateral agreement or a national provision.
pub const MAX_REFERENCE_CHARS: usize = 200;

/// Checks the legal bases a request names (each a known code, each once)
/// and the reference a `BILATERAL` basis needs (and nothing else may have).
pub fn legal_bases(bases: &[String], reference: &str) -> Result<(Vec<String>, String)> {
    let codes = legal_basis_codes(bases)?;
    let reference = text(
        "legal_basis_reference",
        reference.trim(),
        MAX_REFERENCE_CHARS,
        false,
    )?;
    let bilateral = codes.iter().any(|c| c == "BILATERAL");
    if bilateral && reference.is_empty() {
        return Err(ConversionError::new(
            "legal_basis_reference",
            "is required with the BILATERAL basis: name the agreement",
        ));
    }
    if !bilateral && !reference.is_empty() {
        return Err(ConversionError::new(
            "legal_basis_reference",
            "names a bilateral agreement, so it goes with the BILATERAL basis only",
        ));
    }
    Ok((codes, reference))
}

/// Checks legal basis codes (`legal_bases`): each known, each once.
pub fn legal_basis_codes(bases: &[String]) -> Result<Vec<String>> {
    if bases.len() > MAX_LEGAL_BASES {
        return Err(ConversionError::new(
            "legal_bases",
            format!(
                "holds {} codes; at most {MAX_LEGAL_BASES}, each once",
                bases.len()
            ),
        ));
    }
    let mut codes: Vec<String> = Vec::with_capacity(bases.len());
    for (i, text) in bases.iter().enumerate() {
        let field = format!("legal_bases[{i}]");
        let code = legal::legal_basis(text).map_err(|e| ConversionError::new(&field, e))?;
        if codes.iter().any(|c| c == code) {
            return Err(ConversionError::new(
                field,
                "repeats a basis already given; give each once",
            ));
        }
        codes.push(code.to_string());
    }
    Ok(codes)
}

/// Checks a non-punishment element's provision and reference (whether the
/// request needs one is [`victim_rules`]'s concern).
pub fn non_punishment(wire: Option<&pb::NonPunishment>) -> Result<Option<NonPunishment>> {
    let Some(wire) = wire else {
        return Ok(None);
    };
    let provision = legal::non_punishment(&wire.provision)
        .map_err(|e| ConversionError::new("non_punishment.provision", e))?;
    let reference = text(
        "non_punishment.reference",
        wire.reference.trim(),
        MAX_REFERENCE_CHARS,
        false,
    )?;
    let needs = NEEDS_REFERENCE.contains(&provision);
    if needs && reference.is_empty() {
        return Err(ConversionError::new(
            "non_punishment.reference",
            format!("is required with {provision}: name the statute and section"),
        ));
    }
    if !needs && !reference.is_empty() {
        return Err(ConversionError::new(
            "non_punishment.reference",
            format!("is only for NATIONAL_LAW; {provision} needs none"),
        ));
    }
    Ok(Some(NonPunishment {
        provision: provision.to_string(),
        reference,
    }))
}

impl From<&NonPunishment> for pb::NonPunishment {
    fn from(n: &NonPunishment) -> Self {
        pb::NonPunishment {
            provision: n.provision.clone(),
            reference: n.reference.clone(),
        }
    }
}

/// A victim status; unset (0) for every request that is not a
/// victim-status notification.
pub fn victim_status(field: &str, raw: i32) -> Result<Option<VictimStatus>> {
    if raw == 0 {
        return Ok(None);
    }
    enum_value(
        field,
        raw,
        pb::VictimStatus::Unspecified,
        VictimStatus::ALL,
        |s| {
            Some(match s {
                pb::VictimStatus::Unspecified => return None,
                pb::VictimStatus::Confirmed => VictimStatus::Confirmed,
                pb::VictimStatus::Withdrawn => VictimStatus::Withdrawn,
            })
        },
    )
    .map(Some)
}

impl From<VictimStatus> for pb::VictimStatus {
    fn from(s: VictimStatus) -> Self {
        match s {
            VictimStatus::Confirmed => pb::VictimStatus::Confirmed,
            VictimStatus::Withdrawn => pb::VictimStatus::Withdrawn,
        }
    }
}

/// The rules that tie a request's fields together about victims, checked
/// by the sender before signing and by the receiver after verifying:
/// - a request about a possible victim carries the non-punishment element,
///   and no other request does;
/// - a victim-status notification is a `CASE_NOTIFICATION` following up an
///   earlier request, about POSSIBLE_VICTIM persons whose nationality is
///   the country it goes to.
pub fn victim_rules(request: &InformationRequest) -> Result<()> {
    let about_victim = request.concerns_possible_victim();
    match (&request.non_punishment, about_victim) {
        (None, true) => {
            return Err(ConversionError::new(
                "non_punishment",
                "is required for a request about a possible victim (VICTIM_IDENTIFICATION, or a \
                 POSSIBLE_VICTIM subject): cite ACTIP_ART_14_7 or NATIONAL_LAW",
            ));
        }
        (Some(_), false) => {
            return Err(ConversionError::new(
                "non_punishment",
                "is only for a request about a possible victim",
            ));
        }
        _ => {}
    }
    let Some(status) = request.victim_status else {
        return Ok(());
    };
    if request.category != Category::CaseNotification {
        return Err(ConversionError::new(
            "victim_status",
            format!("{status} is a notification: only a CASE_NOTIFICATION carries a victim status"),
        ));
    }
    if request.follows_request_id.is_empty() {
        return Err(ConversionError::new(
            "follows_request_id",
            "is required with victim_status: name the request the notification follows up",
        ));
    }
    let mut victims = 0;
    for (i, (role, subject)) in request.subjects().enumerate() {
        let field = if i == 0 {
            "subject".to_string()
        } else {
            format!("more_subjects[{}]", i - 1)
        };
        match (role, subject) {
            (SubjectRole::PossibleVictim, Subject::Person(person)) => {
                if person.nationality != request.to_country.as_str() {
                    return Err(ConversionError::new(
                        format!("{field}.person.nationality"),
                        format!(
                            "a victim-status notification goes to the country of the person's \
                             nationality, and this one goes to {}",
                            request.to_country
                        ),
                    ));
                }
                victims += 1;
            }
            (SubjectRole::PossibleVictim, _) => {}
            _ => {
                return Err(ConversionError::new(
                    format!("{field}.role"),
                    "a victim-status notification is about POSSIBLE_VICTIM persons only",
                ));
            }
        }
    }
    if victims == 0 {
        return Err(ConversionError::new(
            "subject",
            "a victim-status notification names the POSSIBLE_VICTIM person it is about",
        ));
    }
    Ok(())
}
