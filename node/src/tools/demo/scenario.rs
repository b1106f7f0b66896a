//! The demo's data: the requests of its case against a scam compound
//! ([`phone_check`], [`compound_accounts`], [`bank_account_trace`],
//! [`rescued_person`]) and the agreements between its four countries
//! ([`demo_agreements`]). Every name, number and account is illustrative.

use liaison_proto::domain::CountryCode;
use liaison_proto::domain::{Category, HandlingCode, Purpose};
use liaison_proto::pb;

use crate::policy::{
    AgreementFile, EvidenceSection, HitChecksSection, RuleSection, open_agreement,
};

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
        summary_language: "en".into(),
        deadline_unix_ms,
        requested_fields: Vec::new(),
        more_offence_codes: vec!["0701".into()],
        ..Default::default()
    }
}

/// Thailand's case reference, on every request of the demo's case.
pub const CASE_REFERENCE: &str = "TH-DSI-2026-0412";

fn subject(role: pb::SubjectRole, kind: pb::subject::Kind) -> pb::Subject {
    pb::Subject {
        kind: Some(kind),
        role: role as i32,
    }
}

/// The compound's recruiting number and two of its online accounts, in one
/// phone check under ACTIP (illustrative values).
pub fn compound_accounts(to: &str, deadline_unix_ms: i64) -> pb::NewRequest {
    let mut request = phone_check(
        to,
        "+85512345678",
        "Number and accounts used to recruit victims into a scam compound in Sihanoukville.",
        deadline_unix_ms,
    );
    if let Some(first) = request.subject.as_mut() {
        first.role = pb::SubjectRole::Suspect as i32;
    }
    request.more_subjects = vec![
        subject(
            pb::SubjectRole::Suspect,
            pb::subject::Kind::OnlineAccount(pb::OnlineAccount {
                platform: "TELEGRAM".into(),
                handle: "@easy_jobs_abroad".into(),
                user_id: String::new(),
            }),
        ),
        subject(
            pb::SubjectRole::Suspect,
            pb::subject::Kind::OnlineAccount(pb::OnlineAccount {
                platform: "FACEBOOK".into(),
                handle: "High Salary Jobs Asia".into(),
                user_id: "100089000000001".into(),
            }),
        ),
    ];
    request.legal_bases = vec!["ACTIP".into()];
    request.case_reference = CASE_REFERENCE.into();
    request
}

/// The bank account the compound's payroll and victims' "debts" go
/// through (an illustrative account number and BIC).
pub fn bank_account_trace(to: &str, case_id: &str, deadline_unix_ms: i64) -> pb::NewRequest {
    pb::NewRequest {
        to_country: to.into(),
        category: pb::Category::WalletTrace as i32,
        purpose: pb::Purpose::Investigation as i32,
        offence_code: "0204".into(),
        more_offence_codes: vec!["0701".into()],
        subject: Some(subject(
            pb::SubjectRole::Suspect,
            pb::subject::Kind::BankAccount(pb::BankAccount {
                account_number: "001-234-567".into(),
                bic: "EXAMKHPP".into(),
                ..Default::default()
            }),
        )),
        summary: "Account receiving the compound's payments.".into(),
        summary_language: "en".into(),
        deadline_unix_ms,
        legal_bases: vec!["ACTIP".into()],
        // Thailand's own offence, from its (illustrative) offences file.
        national_offence: Some(pb::NationalOffence {
            statute: "Anti-Trafficking in Persons Act B.E. 2551 (2008), s. 6".into(),
            ..Default::default()
        }),
        case_reference: CASE_REFERENCE.into(),
        case_id: case_id.into(),
        ..Default::default()
    }
}

/// A person rescued from the compound, an Indonesian national, flagged as
/// a possible victim with what the Thai officer saw (illustrative person).
pub fn rescued_person(to: &str, case_id: &str, deadline_unix_ms: i64) -> pb::NewRequest {
    pb::NewRequest {
        to_country: to.into(),
        category: pb::Category::VictimIdentification as i32,
        purpose: pb::Purpose::VictimAssistance as i32,
        offence_code: "0204".into(),
        subject: Some(subject(
            pb::SubjectRole::PossibleVictim,
            pb::subject::Kind::Person(pb::Person {
                full_name: "Siti Rahma".into(),
                date_of_birth: "2001-08-17".into(),
                nationality: "IDN".into(),
                document_number: String::new(),
                indicators: [
                    "DECEPTION",
                    "RESTRICTION_OF_MOVEMENT",
                    "RETENTION_OF_IDENTITY_DOCUMENTS",
                    "FORCED_ONLINE_FRAUD",
                    "QUOTAS_WITH_PUNISHMENT",
                ]
                .iter()
                .map(|i| i.to_string())
                .collect(),
            }),
        )),
        summary: "Crossed into Thailand after leaving the compound; her passport was kept there."
            .into(),
        summary_language: "en".into(),
        deadline_unix_ms,
        legal_bases: vec!["ACTIP".into()],
        case_reference: CASE_REFERENCE.into(),
        case_id: case_id.into(),
        ..Default::default()
    }
}

/// The demo's agreements. Thailand and Cambodia share phone checks and
/// wallet traces (these only under ACTIP or UNTOC art. 27, releasing the
/// account holder and a transaction summary, not the balance) but do not
/// release a SIM's status, and Cambodia's copy has drifted (it also allows
/// intelligence purposes and keeps data 90 days). Thailand and Indonesia
/// share victim identification and case notifications under ACTIP, and
/// only Indonesia's immigration service may see victim data. Thailand and
/// Viet Nam share victim identification, person checks and case
/// notifications, not wallet traces. Every other pair shares everything.
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
        release_by_kind: Default::default(),
        handling: handling.to_string(),
        retention_days: 180,
        daily_limit: 50,
        legal_bases: Vec::new(),
        require_dual_criminality: false,
        evidence: None,
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
            // About an online account, only when it was registered.
            phone
                .release_by_kind
                .insert("ONLINE_ACCOUNT".into(), vec!["registration_date".into()]);
            // Files may go with these requests and answers: documents and
            // images an operator or an investigator produces.
            phone.evidence = Some(EvidenceSection {
                media_types: ["application/pdf", "image/jpeg", "image/png", "text/plain"]
                    .iter()
                    .map(|m| m.to_string())
                    .collect(),
                max_file_mib: 512,
                max_request_mib: 2048,
            });
            if holder.as_str() == "KHM" {
                phone.purposes.push(Purpose::Intelligence.to_string());
                phone.retention_days = 90;
            }
            let mut wallet = rule(
                Category::WalletTrace,
                both("THA", "KHM"),
                &[Purpose::Investigation],
                &["kyc_name", "transaction_summary", "freeze_status"],
                HandlingCode::EvidenceWithConsent,
            );
            wallet.legal_bases = vec!["ACTIP".into(), "UNTOC_ART_27".into()];
            Some(AgreementFile {
                parties: vec!["THA".into(), "KHM".into()],
                version: 2,
                victim_data_agencies: Default::default(),
                rules: vec![phone, wallet],
                // Thailand may check phone numbers against the list of
                // Cambodia's police (illustrative).
                hit_checks: vec![HitChecksSection {
                    flow: "THA->KHM".into(),
                    lists: vec!["police/compound-numbers".into()],
                    kinds: vec!["phone".into()],
                    daily_quota: 1000,
                }],
            })
        }
        ["IDN", "THA"] => {
            let mut rules = vec![
                rule(
                    Category::VictimIdentification,
                    both("THA", "IDN"),
                    &[Purpose::VictimAssistance],
                    &[
                        "identity_confirmed",
                        "nationality",
                        "consular_contact",
                        "family_contact",
                    ],
                    HandlingCode::VictimProtected,
                ),
                rule(
                    Category::CaseNotification,
                    both("THA", "IDN"),
                    &[Purpose::VictimAssistance, Purpose::Investigation],
                    &["acknowledgement", "contact_officer"],
                    HandlingCode::NoOnwardSharing,
                ),
            ];
            for rule in &mut rules {
                rule.legal_bases = vec!["ACTIP".into()];
            }
            let mut agreement = AgreementFile {
                parties: vec!["IDN".into(), "THA".into()],
                version: 1,
                victim_data_agencies: Default::default(),
                rules,
                hit_checks: Vec::new(),
            };
            agreement
                .victim_data_agencies
                .insert("IDN".into(), vec!["immigration".into()]);
            Some(agreement)
        }
        ["THA", "VNM"] => Some(AgreementFile {
            parties: vec!["THA".into(), "VNM".into()],
            version: 1,
            victim_data_agencies: Default::default(),
            rules: vec![
                rule(
                    Category::VictimIdentification,
                    both("VNM", "THA"),
                    &[Purpose::VictimAssistance, Purpose::Investigation],
                    &["identity_confirmed", "nationality", "consular_contact"],
                    HandlingCode::VictimProtected,
                ),
                rule(
                    Category::PersonCheck,
                    both("VNM", "THA"),
                    &[Purpose::Investigation, Purpose::Prosecution],
                    &["full_name", "date_of_birth", "wanted_status"],
                    HandlingCode::IntelligenceOnly,
                ),
                rule(
                    Category::CaseNotification,
                    both("VNM", "THA"),
                    &[Purpose::Investigation],
                    &["acknowledgement", "contact_officer"],
                    HandlingCode::NoOnwardSharing,
                ),
            ],
            hit_checks: Vec::new(),
        }),
        _ => Some(open_agreement(holder, peer)),
    }
}
