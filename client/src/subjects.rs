//! The subjects of `request send`: one flag per kind, each repeatable (a
//! phone number and two online accounts of one recruiter, say), each value
//! optionally prefixed with its role (`suspect=`, `possible_victim=`,
//! `witness=`, `unknown=`). The node checks every value; this only splits
//! the flags' text into the protobuf shape.

use clap::Args;
use liaison_proto::pb;
use liaison_proto::subject_text::{self, role_and_value};

use crate::failure::Failure;

/// Who or what the request is about: at least one subject, at most 50 in
/// all (the node may allow fewer).
#[derive(Debug, Args)]
pub struct SubjectArgs {
    /// Subject: a phone number in E.164 form, e.g. +85512345678, valid in
    /// its country's numbering plan. Repeat for several; prefix a role:
    /// suspect=+85512345678.
    #[arg(long, value_name = "[ROLE=]NUMBER")]
    pub phone: Vec<String>,
    /// Subject: a person's full name (possible_victim="Nguyen Van A").
    #[arg(long, value_name = "[ROLE=]FULL_NAME")]
    pub person: Option<String>,
    /// The person's date of birth, YYYY-MM-DD.
    #[arg(long, value_name = "DATE", requires = "person", value_parser = crate::input::parse_birth_date)]
    pub date_of_birth: Option<String>,
    /// The person's nationality, as a country code, e.g. VNM.
    #[arg(long, value_name = "COUNTRY", requires = "person")]
    pub nationality: Option<String>,
    /// The number of the person's passport or identity document.
    #[arg(long, value_name = "NUMBER", requires = "person")]
    pub document: Option<String>,
    /// A trafficking indicator seen for the person, who must then be a
    /// possible victim (--person possible_victim="…"); repeat for several.
    /// The eleven ILO Indicators of Forced Labour (ABUSE_OF_VULNERABILITY,
    /// DECEPTION, RESTRICTION_OF_MOVEMENT, ISOLATION,
    /// PHYSICAL_AND_SEXUAL_VIOLENCE, INTIMIDATION_AND_THREATS,
    /// RETENTION_OF_IDENTITY_DOCUMENTS, WITHHOLDING_OF_WAGES, DEBT_BONDAGE,
    /// ABUSIVE_WORKING_AND_LIVING_CONDITIONS, EXCESSIVE_OVERTIME) and
    /// Liaison's own FORCED_ONLINE_FRAUD, QUOTAS_WITH_PUNISHMENT,
    /// SOLD_BETWEEN_COMPOUNDS.
    #[arg(long = "indicator", value_name = "CODE", requires = "person")]
    pub indicators: Vec<String>,
    /// Subject: a crypto-currency wallet, as NETWORK:ADDRESS (e.g. TRON:T9yD...).
    #[arg(long, value_name = "[ROLE=]NETWORK:ADDRESS")]
    pub wallet: Vec<String>,
    /// Subject: a company's name.
    #[arg(long, value_name = "[ROLE=]NAME")]
    pub company: Option<String>,
    /// The company's registration number.
    #[arg(long, value_name = "NUMBER", requires = "company")]
    pub registration_number: Option<String>,
    /// Where the company is registered, as a country code, e.g. KHM.
    #[arg(long, value_name = "COUNTRY", requires = "company")]
    pub jurisdiction: Option<String>,
    /// Subject: a bank account by IBAN (checked with mod 97; spaces allowed).
    #[arg(long, value_name = "[ROLE=]IBAN")]
    pub iban: Vec<String>,
    /// Subject: a bank account by national number and the bank's BIC, as
    /// NUMBER@BIC (e.g. 0012345678@ABCDKHPP).
    #[arg(long, value_name = "[ROLE=]NUMBER@BIC")]
    pub bank_account: Vec<String>,
    /// Subject: an online account, as PLATFORM:HANDLE (platforms: FACEBOOK,
    /// INSTAGRAM, KAKAOTALK, LINE, SIGNAL, TELEGRAM, TIKTOK, VIBER, WECHAT,
    /// WHATSAPP, X, ZALO, OTHER), e.g. TELEGRAM:@recruiter_jobs.
    #[arg(long, value_name = "[ROLE=]PLATFORM:HANDLE")]
    pub online: Vec<String>,
    /// Subject: a device by IMEI (15 digits, Luhn-checked).
    #[arg(long, value_name = "[ROLE=]IMEI")]
    pub imei: Vec<String>,
    /// Subject: an identity document, as TYPE:NUMBER:COUNTRY (types:
    /// PASSPORT, NATIONAL_ID, RESIDENCE_PERMIT, DRIVING_LICENCE,
    /// SEAFARER_BOOK, OTHER_DOCUMENT), e.g. PASSPORT:C1234567:VNM.
    #[arg(long, value_name = "[ROLE=]TYPE:NUMBER:COUNTRY")]
    pub id_document: Vec<String>,
    /// Subject: a vehicle, as PLATE:COUNTRY, e.g. "1AB 2345:KHM".
    #[arg(long, value_name = "[ROLE=]PLATE:COUNTRY")]
    pub vehicle: Vec<String>,
    /// Subject: an IP address as a provider saw it, as ADDRESS@WHEN or
    /// ADDRESS:PORT@WHEN ([ADDRESS]:PORT for IPv6), WHEN an RFC 3339
    /// date-time (the moment is required: behind carrier-grade NAT an
    /// address names nobody without it).
    #[arg(long, value_name = "[ROLE=]ADDRESS[:PORT]@WHEN")]
    pub ip: Vec<String>,
}

/// The flags that name a subject, for the `subject` argument group.
pub const SUBJECT_FLAGS: &[&str] = &[
    "phone",
    "person",
    "wallet",
    "company",
    "iban",
    "bank_account",
    "online",
    "imei",
    "id_document",
    "vehicle",
    "ip",
];

fn subject(role: pb::SubjectRole, kind: pb::subject::Kind) -> pb::Subject {
    pb::Subject {
        kind: Some(kind),
        role: role as i32,
    }
}

/// One flag's value: its role prefix, then its kind's form
/// ([`subject_text::parse`]); an error names the flag.
fn from_text(flag: &str, kind: &str, text: &str) -> Result<pb::Subject, Failure> {
    let (role, value) = role_and_value(text);
    subject_text::parse(kind, value)
        .map(|parsed| subject(role, parsed))
        .map_err(|rule| Failure::invalid(flag, format!("{flag} {rule}")))
}

impl SubjectArgs {
    /// Every subject given, in the order of the flags above (the first is
    /// the request's main subject).
    pub fn subjects(&self) -> Result<Vec<pb::Subject>, Failure> {
        use pb::subject::Kind;
        let mut subjects = Vec::new();
        for text in &self.phone {
            subjects.push(from_text("--phone", "phone", text)?);
        }
        if let Some(text) = &self.person {
            let (role, name) = role_and_value(text);
            subjects.push(subject(
                role,
                Kind::Person(pb::Person {
                    full_name: name.to_string(),
                    date_of_birth: self.date_of_birth.clone().unwrap_or_default(),
                    nationality: self.nationality.clone().unwrap_or_default(),
                    document_number: self.document.clone().unwrap_or_default(),
                    indicators: self.indicators.clone(),
                }),
            ));
        }
        for text in &self.wallet {
            subjects.push(from_text("--wallet", "wallet", text)?);
        }
        if let Some(text) = &self.company {
            let (role, name) = role_and_value(text);
            subjects.push(subject(
                role,
                Kind::Company(pb::Company {
                    name: name.to_string(),
                    registration_number: self.registration_number.clone().unwrap_or_default(),
                    jurisdiction: self.jurisdiction.clone().unwrap_or_default(),
                }),
            ));
        }
        let flags: [(&str, &str, &Vec<String>); 7] = [
            ("--iban", "iban", &self.iban),
            ("--bank-account", "bank-account", &self.bank_account),
            ("--online", "online", &self.online),
            ("--imei", "imei", &self.imei),
            ("--id-document", "id-document", &self.id_document),
            ("--vehicle", "vehicle", &self.vehicle),
            ("--ip", "ip", &self.ip),
        ];
        for (flag, kind, values) in flags {
            for text in values {
                subjects.push(from_text(flag, kind, text)?);
            }
        }
        Ok(subjects)
    }
}
