//! An answer: the field names a request asks for, the fields an agency
//! releases, and the answer itself.

use crate::domain::{Answer, Category, Field, InformationRequest, MAX_SUBJECTS, Outcome};
use crate::pb;

use super::check::*;
use super::enums::*;

/// Whether `name` has the shape of a response field name.
pub fn is_field_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Checks a list of field names (no values).
pub fn field_names(field: &str, names: &[String]) -> Result<Vec<String>> {
    if names.len() > MAX_FIELDS {
        return Err(ConversionError::new(
            field,
            format!("has {} entries, at most {MAX_FIELDS} allowed", names.len()),
        ));
    }
    for (i, name) in names.iter().enumerate() {
        if !is_field_name(name) {
            return Err(ConversionError::new(
                format!("{field}[{i}]"),
                "must be 1 to 64 characters a-z, 0-9 or _, starting with a letter",
            ));
        }
    }
    Ok(names.to_vec())
}

/// Checks the response fields a request asks for: each one of `category`'s
/// catalogue, once. Empty is allowed (every field the agreements allow).
pub fn requested_fields(field: &str, category: Category, names: &[String]) -> Result<Vec<String>> {
    let known = category.response_fields();
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for (i, name) in names.iter().enumerate() {
        if !known.contains(&name.as_str()) {
            return Err(ConversionError::new(
                format!("{field}[{i}]"),
                format!(
                    "is not a response field of {category} (known: {})",
                    known.join(", ")
                ),
            ));
        }
        if let Some(first) = out.iter().position(|o| o == name) {
            return Err(ConversionError::new(
                format!("{field}[{i}]"),
                format!("repeats {field}[{first}]; ask for each field once"),
            ));
        }
        out.push(name.clone());
    }
    Ok(out)
}

/// Checks the fields an agency releases: names `[a-z][a-z0-9_]*` of at most
/// 64 characters, each name once per subject, a subject position below
/// [`MAX_SUBJECTS`], values of bounded length. Whether the position names a
/// subject of the request is checked where the request is known
/// ([`field_subjects`]).
pub fn fields(field: &str, given: &[pb::Field]) -> Result<Vec<Field>> {
    if given.len() > MAX_FIELDS {
        return Err(ConversionError::new(
            field,
            format!("has {} entries, at most {MAX_FIELDS} allowed", given.len()),
        ));
    }
    let mut out: Vec<Field> = Vec::with_capacity(given.len());
    for (i, f) in given.iter().enumerate() {
        let path = format!("{field}[{i}]");
        let name_ok = (1..=64).contains(&f.name.len())
            && f.name.starts_with(|c: char| c.is_ascii_lowercase())
            && f.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !name_ok {
            return Err(ConversionError::new(
                format!("{path}.name"),
                "must be 1 to 64 characters a-z, 0-9 or _, starting with a letter",
            ));
        }
        if f.subject as usize >= MAX_SUBJECTS {
            return Err(ConversionError::new(
                format!("{path}.subject"),
                format!(
                    "is {}, but a request has at most {MAX_SUBJECTS} subjects (positions 0 to {})",
                    f.subject,
                    MAX_SUBJECTS - 1
                ),
            ));
        }
        if let Some(first) = out
            .iter()
            .position(|o| o.name == f.name && o.subject == f.subject)
        {
            return Err(ConversionError::new(
                format!("{path}.name"),
                format!(
                    "repeats the name of {field}[{first}] for subject {}; give each field once per subject",
                    f.subject
                ),
            ));
        }
        out.push(Field {
            name: f.name.clone(),
            value: text(&format!("{path}.value"), &f.value, MAX_TEXT_CHARS, true)?,
            subject: f.subject,
        });
    }
    Ok(out)
}

/// Checks that every field is about a subject `request` names: its
/// position below the request's subject count. `field` is the path of the
/// list, e.g. `answer.released.fields`.
pub fn field_subjects(field: &str, fields: &[Field], request: &InformationRequest) -> Result<()> {
    let count = request.subject_count();
    match fields.iter().position(|f| f.subject as usize >= count) {
        None => Ok(()),
        Some(i) => Err(ConversionError::new(
            format!("{field}[{i}].subject"),
            format!(
                "is {}, but the request names {count} subject{} (positions 0 to {}): a field \
                 is about one of the request's subjects",
                fields[i].subject,
                if count == 1 { "" } else { "s" },
                count - 1
            ),
        )),
    }
}

impl From<&Field> for pb::Field {
    fn from(f: &Field) -> Self {
        pb::Field {
            name: f.name.clone(),
            value: f.value.clone(),
            subject: f.subject,
        }
    }
}

impl TryFrom<&pb::Answer> for Answer {
    type Error = ConversionError;
    fn try_from(a: &pb::Answer) -> Result<Self> {
        use pb::answer::Outcome as PbOutcome;
        let outcome = match &a.outcome {
            None => {
                return Err(ConversionError::new(
                    "outcome",
                    "is required: released or refusal",
                ));
            }
            Some(PbOutcome::Released(r)) => {
                if r.retention_days == 0 {
                    return Err(ConversionError::new(
                        "released.retention_days",
                        "must be at least 1",
                    ));
                }
                Outcome::Released {
                    fields: fields("released.fields", &r.fields)?,
                    remarks: text("released.remarks", &r.remarks, MAX_TEXT_CHARS, true)?,
                    handling: handling("released.handling", r.handling)?,
                    retention_days: r.retention_days,
                    redacted_fields: field_names("released.redacted_fields", &r.redacted_fields)?,
                    rule: required_text("released.rule", &r.rule, MAX_NAME_CHARS)?,
                }
            }
            Some(PbOutcome::Refusal(r)) => Outcome::Refused {
                reason: refusal_reason("refusal.reason", r.reason)?,
                explanation: text("refusal.explanation", &r.explanation, MAX_TEXT_CHARS, true)?,
                rule: text("refusal.rule", &r.rule, MAX_NAME_CHARS, false)?,
            },
        };
        Ok(Answer {
            request_id: uuid("request_id", &a.request_id)?,
            from_country: country("from_country", &a.from_country)?,
            to_country: country("to_country", &a.to_country)?,
            agency: required_text("agency", &a.agency, MAX_NAME_CHARS)?,
            answered_unix_ms: timestamp("answered_unix_ms", a.answered_unix_ms)?,
            outcome,
        })
    }
}

impl From<&Answer> for pb::Answer {
    fn from(a: &Answer) -> Self {
        use pb::answer::Outcome as PbOutcome;
        let outcome = match &a.outcome {
            Outcome::Released {
                fields,
                remarks,
                handling,
                retention_days,
                redacted_fields,
                rule,
            } => PbOutcome::Released(pb::Released {
                fields: fields.iter().map(pb::Field::from).collect(),
                remarks: remarks.clone(),
                handling: pb::HandlingCode::from(*handling) as i32,
                retention_days: *retention_days,
                redacted_fields: redacted_fields.clone(),
                rule: rule.clone(),
            }),
            Outcome::Refused {
                reason,
                explanation,
                rule,
            } => PbOutcome::Refusal(pb::Refusal {
                reason: pb::RefusalReason::from(*reason) as i32,
                explanation: explanation.clone(),
                rule: rule.clone(),
            }),
        };
        pb::Answer {
            request_id: a.request_id.clone(),
            from_country: a.from_country.to_string(),
            to_country: a.to_country.to_string(),
            agency: a.agency.clone(),
            answered_unix_ms: a.answered_unix_ms,
            outcome: Some(outcome),
        }
    }
}
