//! The closed vocabularies: categories, purposes, statuses, refusal reasons
//! and handling codes, each accepted only by a name it knows.

use crate::domain::{Category, HandlingCode, Purpose, RefusalReason, RequestStatus};
use crate::pb;

use super::check::*;

/// Converts a protobuf enumeration value; an unset or unknown one is
/// refused with the list of accepted names.
pub(super) fn enum_value<P, D>(
    field: &str,
    raw: i32,
    unspecified: P,
    all: &[D],
    map: impl Fn(P) -> Option<D>,
) -> Result<D>
where
    P: TryFrom<i32> + PartialEq,
    D: std::fmt::Display,
{
    let expected = || {
        all.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match P::try_from(raw) {
        Ok(v) if v == unspecified => Err(ConversionError::new(
            field,
            format!("must be set (one of: {})", expected()),
        )),
        Ok(v) => map(v).ok_or_else(|| {
            ConversionError::new(
                field,
                format!("unknown value {raw} (expected one of: {})", expected()),
            )
        }),
        Err(_) => Err(ConversionError::new(
            field,
            format!("unknown value {raw} (expected one of: {})", expected()),
        )),
    }
}

pub fn category(field: &str, raw: i32) -> Result<Category> {
    enum_value(field, raw, pb::Category::Unspecified, Category::ALL, |c| {
        Some(match c {
            pb::Category::Unspecified => return None,
            pb::Category::PersonCheck => Category::PersonCheck,
            pb::Category::PhoneCheck => Category::PhoneCheck,
            pb::Category::WalletTrace => Category::WalletTrace,
            pb::Category::CompanyCheck => Category::CompanyCheck,
            pb::Category::VictimIdentification => Category::VictimIdentification,
            pb::Category::EvidencePreservation => Category::EvidencePreservation,
            pb::Category::CaseNotification => Category::CaseNotification,
        })
    })
}

impl From<Category> for pb::Category {
    fn from(c: Category) -> Self {
        match c {
            Category::PersonCheck => pb::Category::PersonCheck,
            Category::PhoneCheck => pb::Category::PhoneCheck,
            Category::WalletTrace => pb::Category::WalletTrace,
            Category::CompanyCheck => pb::Category::CompanyCheck,
            Category::VictimIdentification => pb::Category::VictimIdentification,
            Category::EvidencePreservation => pb::Category::EvidencePreservation,
            Category::CaseNotification => pb::Category::CaseNotification,
        }
    }
}

pub fn purpose(field: &str, raw: i32) -> Result<Purpose> {
    enum_value(field, raw, pb::Purpose::Unspecified, Purpose::ALL, |p| {
        Some(match p {
            pb::Purpose::Unspecified => return None,
            pb::Purpose::Investigation => Purpose::Investigation,
            pb::Purpose::Prosecution => Purpose::Prosecution,
            pb::Purpose::VictimAssistance => Purpose::VictimAssistance,
            pb::Purpose::Intelligence => Purpose::Intelligence,
        })
    })
}

impl From<Purpose> for pb::Purpose {
    fn from(p: Purpose) -> Self {
        match p {
            Purpose::Investigation => pb::Purpose::Investigation,
            Purpose::Prosecution => pb::Purpose::Prosecution,
            Purpose::VictimAssistance => pb::Purpose::VictimAssistance,
            Purpose::Intelligence => pb::Purpose::Intelligence,
        }
    }
}

pub fn status(field: &str, raw: i32) -> Result<RequestStatus> {
    enum_value(
        field,
        raw,
        pb::RequestStatus::Unspecified,
        RequestStatus::ALL,
        |s| {
            Some(match s {
                pb::RequestStatus::Unspecified => return None,
                pb::RequestStatus::Submitted => RequestStatus::Submitted,
                pb::RequestStatus::Sent => RequestStatus::Sent,
                pb::RequestStatus::Received => RequestStatus::Received,
                pb::RequestStatus::Assigned => RequestStatus::Assigned,
                pb::RequestStatus::Answered => RequestStatus::Answered,
                pb::RequestStatus::Refused => RequestStatus::Refused,
                pb::RequestStatus::Withdrawn => RequestStatus::Withdrawn,
                pb::RequestStatus::Expired => RequestStatus::Expired,
                pb::RequestStatus::Undeliverable => RequestStatus::Undeliverable,
            })
        },
    )
}

impl From<RequestStatus> for pb::RequestStatus {
    fn from(s: RequestStatus) -> Self {
        match s {
            RequestStatus::Submitted => pb::RequestStatus::Submitted,
            RequestStatus::Sent => pb::RequestStatus::Sent,
            RequestStatus::Received => pb::RequestStatus::Received,
            RequestStatus::Assigned => pb::RequestStatus::Assigned,
            RequestStatus::Answered => pb::RequestStatus::Answered,
            RequestStatus::Refused => pb::RequestStatus::Refused,
            RequestStatus::Withdrawn => pb::RequestStatus::Withdrawn,
            RequestStatus::Expired => pb::RequestStatus::Expired,
            RequestStatus::Undeliverable => pb::RequestStatus::Undeliverable,
        }
    }
}

pub fn refusal_reason(field: &str, raw: i32) -> Result<RefusalReason> {
    enum_value(
        field,
        raw,
        pb::RefusalReason::Unspecified,
        RefusalReason::ALL,
        |r| {
            Some(match r {
                pb::RefusalReason::Unspecified => return None,
                pb::RefusalReason::NoCompetentAgency => RefusalReason::NoCompetentAgency,
                pb::RefusalReason::InsufficientInformation => {
                    RefusalReason::InsufficientInformation
                }
                pb::RefusalReason::NoLegalBasis => RefusalReason::NoLegalBasis,
                pb::RefusalReason::PrejudiceToProceedings => RefusalReason::PrejudiceToProceedings,
                pb::RefusalReason::OutsideAgreement => RefusalReason::OutsideAgreement,
                pb::RefusalReason::RequiresMutualLegalAssistance => {
                    RefusalReason::RequiresMutualLegalAssistance
                }
                pb::RefusalReason::DeadlinePassed => RefusalReason::DeadlinePassed,
                pb::RefusalReason::Other => RefusalReason::Other,
            })
        },
    )
}

impl From<RefusalReason> for pb::RefusalReason {
    fn from(r: RefusalReason) -> Self {
        match r {
            RefusalReason::NoCompetentAgency => pb::RefusalReason::NoCompetentAgency,
            RefusalReason::InsufficientInformation => pb::RefusalReason::InsufficientInformation,
            RefusalReason::NoLegalBasis => pb::RefusalReason::NoLegalBasis,
            RefusalReason::PrejudiceToProceedings => pb::RefusalReason::PrejudiceToProceedings,
            RefusalReason::OutsideAgreement => pb::RefusalReason::OutsideAgreement,
            RefusalReason::RequiresMutualLegalAssistance => {
                pb::RefusalReason::RequiresMutualLegalAssistance
            }
            RefusalReason::DeadlinePassed => pb::RefusalReason::DeadlinePassed,
            RefusalReason::Other => pb::RefusalReason::Other,
        }
    }
}

pub fn handling(field: &str, raw: i32) -> Result<HandlingCode> {
    enum_value(
        field,
        raw,
        pb::HandlingCode::Unspecified,
        HandlingCode::ALL,
        |h| {
            Some(match h {
                pb::HandlingCode::Unspecified => return None,
                pb::HandlingCode::IntelligenceOnly => HandlingCode::IntelligenceOnly,
                pb::HandlingCode::EvidenceWithConsent => HandlingCode::EvidenceWithConsent,
                pb::HandlingCode::NoOnwardSharing => HandlingCode::NoOnwardSharing,
                pb::HandlingCode::VictimProtected => HandlingCode::VictimProtected,
            })
        },
    )
}

impl From<HandlingCode> for pb::HandlingCode {
    fn from(h: HandlingCode) -> Self {
        match h {
            HandlingCode::IntelligenceOnly => pb::HandlingCode::IntelligenceOnly,
            HandlingCode::EvidenceWithConsent => pb::HandlingCode::EvidenceWithConsent,
            HandlingCode::NoOnwardSharing => pb::HandlingCode::NoOnwardSharing,
            HandlingCode::VictimProtected => pb::HandlingCode::VictimProtected,
        }
    }
}
