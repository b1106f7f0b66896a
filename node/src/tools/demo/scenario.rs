//! The demo's data: the request it sends ([`phone_check`]) and the
//! agreements between its three countries ([`demo_agreements`]).

use liaison_proto::domain::CountryCode;
use liaison_proto::domain::{Category, HandlingCode, Purpose};
use liaison_proto::pb;

use crate::policy::{AgreementFile, RuleSection, open_agreement};

/// A phone check for an investigation of a scam compound that holds
/// trafficked people in forced criminality (ICCS 0204, trafficking in
/// persons, with 0701, fraud) about `number`,
/// to `to`, answered by `deadline_unix_ms`.
pub fn phone_check(to: &str, number: &str, summary: &str, deadline_unix_ms: i64) -> pb::NewRequest {
    pb::NewRequest {
        to_country: to.into(),
        category: pb::Category::PhoneCheck as i32,
        purpose: pb::Purpose::Investigation as i32,
        offence_code: "0204".into(),
        subject: Some(pb::Subject {
            kind: Some(pb::subject::Kind::Phone(pb::Phone {
                number: number.into(),
            })),
            ..Default::default()
        }),
        summary: summary.into(),
        deadline_unix_ms,
        requested_fields: Vec::new(),
        more_offence_codes: vec!["0701".into()],
        ..Default::default()
    }
}

/// The demo's agreements. Thailand and Cambodia share phone checks and
/// wallet traces but do not release a SIM's status, and Cambodia's copy has
/// drifted (it also allows intelligence purposes and keeps data 90 days).
/// Thailand and Viet Nam share victim identification and person checks, not
/// wallet traces. Cambodia and Viet Nam share everything.
pub fn demo_agreements(holder: CountryCode, peer: CountryCode) -> Option<AgreementFile> {
    let mut pair = [holder.as_str(), peer.as_str()];
    pair.sort();
    let rule = |category: Category,
                flows: [String; 2],
                purposes: &[Purpose],
                release: &[&str],
                handling: HandlingCode| RuleSection {
        category: category.to_string(),
        flows: flows.to_vec(),
        purposes: purposes.iter().map(|p| p.to_string()).collect(),
        release: release.iter().map(|f| f.to_string()).collect(),
        handling: handling.to_string(),
        retention_days: 180,
        daily_limit: 50,
        require_dual_criminality: false,
    };
    let both = |a: &str, b: &str| [format!("{a}->{b}"), format!("{b}->{a}")];
    match pair {
        ["KHM", "THA"] => {
            let mut phone = rule(
                Category::PhoneCheck,
                both("THA", "KHM"),
                &[Purpose::Investigation, Purpose::Prosecution],
                &["subscriber_name", "registration_date", "operator"],
                HandlingCode::IntelligenceOnly,
            );
            if holder.as_str() == "KHM" {
                phone.purposes.push(Purpose::Intelligence.to_string());
                phone.retention_days = 90;
            }
            let wallet = rule(
                Category::WalletTrace,
                both("THA", "KHM"),
                &[Purpose::Investigation],
                &["exchange_name", "kyc_name", "freeze_status"],
                HandlingCode::EvidenceWithConsent,
            );
            Some(AgreementFile {
                parties: vec!["THA".into(), "KHM".into()],
                version: 2,
                rules: vec![phone, wallet],
            })
        }
        ["THA", "VNM"] => Some(AgreementFile {
            parties: vec!["THA".into(), "VNM".into()],
            version: 1,
            rules: vec![
                rule(
                    Category::VictimIdentification,
                    both("VNM", "THA"),
                    &[Purpose::VictimAssistance, Purpose::Investigation],
                    &["identity_confirmed", "nationality", "consular_contact"],
                    HandlingCode::NoOnwardSharing,
                ),
                rule(
                    Category::PersonCheck,
                    both("VNM", "THA"),
                    &[Purpose::Investigation, Purpose::Prosecution],
                    &["full_name", "date_of_birth", "wanted_status"],
                    HandlingCode::IntelligenceOnly,
                ),
            ],
        }),
        _ => Some(open_agreement(holder, peer)),
    }
}
