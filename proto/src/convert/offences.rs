//! National offences and the dual-criminality indication
//! ([`crate::offences`]) on the wire.

use crate::offences::{
    DualCriminality, DualCriminalityStatus, MAX_STATUTE_CHARS, MAX_TITLE_CHARS, NationalOffence,
};
use crate::pb;

use super::check::*;

/// Checks the sender's national offence of a request, if it names one:
/// a statute reference and both titles, each required, on one line and
/// within its length.
pub fn national_offence(
    field: &str,
    value: Option<&pb::NationalOffence>,
) -> Result<Option<NationalOffence>> {
    let Some(value) = value else {
        return Ok(None);
    };
    let at = |key: &str| format!("{field}.{key}");
    Ok(Some(NationalOffence {
        statute: required_text(&at("statute"), &value.statute, MAX_STATUTE_CHARS)?,
        title: required_text(&at("title"), &value.title, MAX_TITLE_CHARS)?,
        title_en: required_text(&at("title_en"), &value.title_en, MAX_TITLE_CHARS)?,
    }))
}

impl From<&NationalOffence> for pb::NationalOffence {
    fn from(o: &NationalOffence) -> Self {
        pb::NationalOffence {
            statute: o.statute.clone(),
            title: o.title.clone(),
            title_en: o.title_en.clone(),
        }
    }
}

impl From<DualCriminalityStatus> for pb::dual_criminality::Status {
    fn from(s: DualCriminalityStatus) -> Self {
        match s {
            DualCriminalityStatus::Met => pb::dual_criminality::Status::Met,
            DualCriminalityStatus::NotEstablished => pb::dual_criminality::Status::NotEstablished,
        }
    }
}

impl From<&DualCriminality> for pb::DualCriminality {
    fn from(d: &DualCriminality) -> Self {
        pb::DualCriminality {
            status: pb::dual_criminality::Status::from(d.status) as i32,
            matched: d
                .matched
                .iter()
                .map(|m| pb::MatchedOffence {
                    statute: m.statute.clone(),
                    title: m.title.clone(),
                    title_en: m.title_en.clone(),
                    iccs_code: m.iccs_code.as_str().to_string(),
                })
                .collect(),
            request_code: d
                .request_code
                .as_ref()
                .map(|c| c.as_str().to_string())
                .unwrap_or_default(),
            note: d.note.clone(),
        }
    }
}
