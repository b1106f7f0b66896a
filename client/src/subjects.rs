//! The subjects of `request send`: one flag per kind, each repeatable (a
//! phone number and two online accounts of one recruiter, say), each value
//! optionally prefixed with its role (`suspect=`, `possible_victim=`,
//! `witness=`, `unknown=`). The node checks every value; this only splits
//! the flags' text into the protobuf shape.

use clap::Args;
use liaison_proto::pb;

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

/// `ROLE=value` split into the role and the value; a value without a
/// known role before its first `=` has none (`UNKNOWN` at the node).
fn role_and_value(text: &str) -> (pb::SubjectRole, &str) {
    if let Some((prefix, rest)) = text.split_once('=') {
        let role = match prefix
            .trim()
            .to_ascii_lowercase()
            .replace('-', "_")
            .as_str()
        {
            "suspect" => Some(pb::SubjectRole::Suspect),
            "possible_victim" | "victim" => Some(pb::SubjectRole::PossibleVictim),
            "witness" => Some(pb::SubjectRole::Witness),
            "unknown" => Some(pb::SubjectRole::Unknown),
            _ => None,
        };
        if let Some(role) = role {
            return (role, rest);
        }
    }
    (pb::SubjectRole::Unspecified, text)
}

fn subject(role: pb::SubjectRole, kind: pb::subject::Kind) -> pb::Subject {
    pb::Subject {
        kind: Some(kind),
        role: role as i32,
    }
}

/// `a:b` split at `separator`, or the flag's error naming the form.
fn split<'a>(
    flag: &str,
    text: &'a str,
    separator: char,
    form: &str,
) -> Result<(&'a str, &'a str), Failure> {
    text.split_once(separator)
        .ok_or_else(|| Failure::invalid(flag, format!("{flag} must be {form}")))
}

impl SubjectArgs {
    /// Every subject given, in the order of the flags above (the first is
    /// the request's main subject).
    pub fn subjects(&self) -> Result<Vec<pb::Subject>, Failure> {
        use pb::subject::Kind;
        let mut subjects = Vec::new();
        for text in &self.phone {
            let (role, number) = role_and_value(text);
            subjects.push(subject(
                role,
                Kind::Phone(pb::Phone {
                    number: number.to_string(),
                }),
            ));
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
            let (role, wallet) = role_and_value(text);
            let (network, address) = split(
                "--wallet",
                wallet,
                ':',
                "NETWORK:ADDRESS, e.g. TRON:T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb",
            )?;
            subjects.push(subject(
                role,
                Kind::Wallet(pb::Wallet {
                    network: network.to_string(),
                    address: address.to_string(),
                }),
            ));
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
        for text in &self.iban {
            let (role, iban) = role_and_value(text);
            subjects.push(subject(
                role,
                Kind::BankAccount(pb::BankAccount {
                    iban: iban.to_string(),
                    ..Default::default()
                }),
            ));
        }
        for text in &self.bank_account {
            let (role, account) = role_and_value(text);
            let (number, bic) = split(
                "--bank-account",
                account,
                '@',
                "NUMBER@BIC, e.g. 0012345678@ABCDKHPP",
            )?;
            subjects.push(subject(
                role,
                Kind::BankAccount(pb::BankAccount {
                    account_number: number.to_string(),
                    bic: bic.to_string(),
                    ..Default::default()
                }),
            ));
        }
        for text in &self.online {
            let (role, account) = role_and_value(text);
            let (platform, handle) = split(
                "--online",
                account,
                ':',
                "PLATFORM:HANDLE, e.g. TELEGRAM:@recruiter_jobs",
            )?;
            subjects.push(subject(
                role,
                Kind::OnlineAccount(pb::OnlineAccount {
                    platform: platform.to_string(),
                    handle: handle.to_string(),
                    user_id: String::new(),
                }),
            ));
        }
        for text in &self.imei {
            let (role, imei) = role_and_value(text);
            subjects.push(subject(
                role,
                Kind::Device(pb::Device {
                    imei: imei.to_string(),
                    model: String::new(),
                }),
            ));
        }
        for text in &self.id_document {
            let (role, document) = role_and_value(text);
            let form = "TYPE:NUMBER:COUNTRY, e.g. PASSPORT:C1234567:VNM";
            let (kind, rest) = split("--id-document", document, ':', form)?;
            let (number, country) = split("--id-document", rest, ':', form)?;
            let kind = kind.trim().to_ascii_uppercase().replace('-', "_");
            let Some(kind) = pb::DocumentType::from_str_name(&kind)
                .filter(|k| *k != pb::DocumentType::Unspecified)
            else {
                return Err(Failure::invalid(
                    "--id-document",
                    "--id-document TYPE must be PASSPORT, NATIONAL_ID, RESIDENCE_PERMIT, \
                     DRIVING_LICENCE, SEAFARER_BOOK or OTHER_DOCUMENT",
                ));
            };
            subjects.push(subject(
                role,
                Kind::IdentityDocument(pb::IdentityDocument {
                    r#type: kind as i32,
                    number: number.to_string(),
                    issuing_country: country.to_string(),
                }),
            ));
        }
        for text in &self.vehicle {
            let (role, vehicle) = role_and_value(text);
            let (plate, country) = split(
                "--vehicle",
                vehicle,
                ':',
                "PLATE:COUNTRY, e.g. \"1AB 2345:KHM\"",
            )?;
            subjects.push(subject(
                role,
                Kind::Vehicle(pb::Vehicle {
                    plate: plate.to_string(),
                    country: country.to_string(),
                }),
            ));
        }
        for text in &self.ip {
            let (role, seen) = role_and_value(text);
            subjects.push(subject(role, Kind::IpAddress(ip_address(seen)?)));
        }
        Ok(subjects)
    }
}

/// `ADDRESS[:PORT]@WHEN`, `[IPV6]:PORT@WHEN` or `IPV6@WHEN`.
fn ip_address(text: &str) -> Result<pb::IpAddress, Failure> {
    let form = "ADDRESS[:PORT]@WHEN with WHEN an RFC 3339 date-time, e.g. \
                203.0.113.7:51234@2026-11-02T14:05:00+07:00";
    let (address, when) = text
        .rsplit_once('@')
        .ok_or_else(|| Failure::invalid("--ip", format!("--ip must be {form}")))?;
    let observed_unix_ms = liaison_proto::time::parse_rfc3339(when)
        .map_err(|rule| Failure::invalid("--ip", format!("--ip: the moment {rule}")))?;
    let port_of = |text: &str| {
        text.parse::<u16>()
            .ok()
            .filter(|p| *p != 0)
            .map(u32::from)
            .ok_or_else(|| Failure::invalid("--ip", "--ip: the port must be 1 to 65535"))
    };
    let (address, port) = if let Some(rest) = address.strip_prefix('[') {
        let (v6, port) = split("--ip", rest, ']', form)?;
        let port = match port.strip_prefix(':') {
            Some(port) => port_of(port)?,
            None => 0,
        };
        (v6.to_string(), port)
    } else if address.matches(':').count() == 1 {
        let (v4, port) = split("--ip", address, ':', form)?;
        (v4.to_string(), port_of(port)?)
    } else {
        (address.to_string(), 0)
    };
    Ok(pb::IpAddress {
        address,
        observed_unix_ms,
        port,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_read_from_a_known_prefix_only() {
        assert_eq!(
            role_and_value("possible-victim=+85512345678"),
            (pb::SubjectRole::PossibleVictim, "+85512345678")
        );
        assert_eq!(role_and_value("Suspect=x"), (pb::SubjectRole::Suspect, "x"));
        // A value that merely holds `=` keeps it.
        assert_eq!(role_and_value("a=b"), (pb::SubjectRole::Unspecified, "a=b"));
    }

    #[test]
    fn ip_addresses_take_a_port_and_need_a_moment() {
        let v4 = ip_address("203.0.113.7:51234@2026-11-02T14:05:00+07:00").unwrap_or_default();
        assert_eq!((v4.address.as_str(), v4.port), ("203.0.113.7", 51234));
        assert_eq!(v4.observed_unix_ms, 1_793_603_100_000);
        let v6 = ip_address("[2001:db8::1]:443@2026-11-02T07:05:00Z").unwrap_or_default();
        assert_eq!((v6.address.as_str(), v6.port), ("2001:db8::1", 443));
        let bare = ip_address("2001:db8::1@2026-11-02T07:05:00Z").unwrap_or_default();
        assert_eq!((bare.address.as_str(), bare.port), ("2001:db8::1", 0));
        assert!(ip_address("203.0.113.7").is_err());
        assert!(ip_address("203.0.113.7:99999@2026-11-02T07:05:00Z").is_err());
    }
}
