//! Subjects written as one line of text, the way the command line's flags
//! (`--phone`, `--wallet`, ...) and the console's request form take them:
//! an optional role prefix (`suspect=`, `possible_victim=`, `witness=`,
//! `unknown=`) and the kind's own form (`NETWORK:ADDRESS`, `NUMBER@BIC`,
//! ...). This only splits text into the protobuf shape; the node checks
//! every value (`convert`).

use crate::pb;
use crate::pb::subject::Kind;

/// The kinds a line of text can name, by the command line's flag names.
pub const TEXT_KINDS: &[(&str, &str)] = &[
    ("phone", "NUMBER in E.164 form, e.g. +85512345678"),
    ("person", "FULL NAME"),
    (
        "wallet",
        "NETWORK:ADDRESS, e.g. TRON:T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb",
    ),
    ("company", "NAME"),
    ("iban", "IBAN (spaces allowed)"),
    ("bank-account", "NUMBER@BIC, e.g. 0012345678@ABCDKHPP"),
    ("online", "PLATFORM:HANDLE, e.g. TELEGRAM:@recruiter_jobs"),
    ("imei", "IMEI (15 digits)"),
    (
        "id-document",
        "TYPE:NUMBER:COUNTRY, e.g. PASSPORT:C1234567:VNM",
    ),
    ("vehicle", "PLATE:COUNTRY, e.g. 1AB 2345:KHM"),
    (
        "ip",
        "ADDRESS[:PORT]@WHEN with WHEN an RFC 3339 date-time, e.g. \
         203.0.113.7:51234@2026-11-02T14:05:00+07:00",
    ),
];

/// `ROLE=value` split into the role and the value; a value without a
/// known role before its first `=` has none (`UNKNOWN` at the node).
pub fn role_and_value(text: &str) -> (pb::SubjectRole, &str) {
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

/// The form `kind` takes, for messages.
pub fn form_of(kind: &str) -> &'static str {
    TEXT_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("", |(_, form)| form)
}

fn split<'a>(kind: &str, text: &'a str, separator: char) -> Result<(&'a str, &'a str), String> {
    text.split_once(separator)
        .ok_or_else(|| format!("must be {}", form_of(kind)))
}

/// A subject of `kind` (a name of [`TEXT_KINDS`]) from its text, without a
/// role prefix. The error says the form the text must take (never the
/// text).
pub fn parse(kind: &str, text: &str) -> Result<Kind, String> {
    Ok(match kind {
        "phone" => Kind::Phone(pb::Phone {
            number: text.to_string(),
        }),
        "person" => Kind::Person(pb::Person {
            full_name: text.to_string(),
            ..Default::default()
        }),
        "company" => Kind::Company(pb::Company {
            name: text.to_string(),
            ..Default::default()
        }),
        "wallet" => {
            let (network, address) = split(kind, text, ':')?;
            Kind::Wallet(pb::Wallet {
                network: network.to_string(),
                address: address.to_string(),
            })
        }
        "iban" => Kind::BankAccount(pb::BankAccount {
            iban: text.to_string(),
            ..Default::default()
        }),
        "bank-account" => {
            let (number, bic) = split(kind, text, '@')?;
            Kind::BankAccount(pb::BankAccount {
                account_number: number.to_string(),
                bic: bic.to_string(),
                ..Default::default()
            })
        }
        "online" => {
            let (platform, handle) = split(kind, text, ':')?;
            Kind::OnlineAccount(pb::OnlineAccount {
                platform: platform.to_string(),
                handle: handle.to_string(),
                user_id: String::new(),
            })
        }
        "imei" => Kind::Device(pb::Device {
            imei: text.to_string(),
            model: String::new(),
        }),
        "id-document" => {
            let (document, rest) = split(kind, text, ':')?;
            let (number, country) = split(kind, rest, ':')?;
            let document = document.trim().to_ascii_uppercase().replace('-', "_");
            let document = pb::DocumentType::from_str_name(&document)
                .filter(|k| *k != pb::DocumentType::Unspecified)
                .ok_or_else(|| {
                    "TYPE must be PASSPORT, NATIONAL_ID, RESIDENCE_PERMIT, DRIVING_LICENCE, \
                     SEAFARER_BOOK or OTHER_DOCUMENT"
                        .to_string()
                })?;
            Kind::IdentityDocument(pb::IdentityDocument {
                r#type: document as i32,
                number: number.to_string(),
                issuing_country: country.to_string(),
            })
        }
        "vehicle" => {
            let (plate, country) = split(kind, text, ':')?;
            Kind::Vehicle(pb::Vehicle {
                plate: plate.to_string(),
                country: country.to_string(),
            })
        }
        "ip" => Kind::IpAddress(ip_address(text)?),
        _ => {
            return Err(format!(
                "the kind must be one of {}",
                TEXT_KINDS
                    .iter()
                    .map(|(k, _)| *k)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    })
}

/// `ADDRESS[:PORT]@WHEN`, `[IPV6]:PORT@WHEN` or `IPV6@WHEN`.
fn ip_address(text: &str) -> Result<pb::IpAddress, String> {
    let (address, when) = text
        .rsplit_once('@')
        .ok_or_else(|| format!("must be {}", form_of("ip")))?;
    let observed_unix_ms =
        crate::time::parse_rfc3339(when).map_err(|rule| format!("the moment {rule}"))?;
    let port_of = |text: &str| {
        text.parse::<u16>()
            .ok()
            .filter(|p| *p != 0)
            .map(u32::from)
            .ok_or_else(|| "the port must be 1 to 65535".to_string())
    };
    let (address, port) = if let Some(rest) = address.strip_prefix('[') {
        let (v6, port) = split("ip", rest, ']')?;
        let port = match port.strip_prefix(':') {
            Some(port) => port_of(port)?,
            None => 0,
        };
        (v6.to_string(), port)
    } else if address.matches(':').count() == 1 {
        let (v4, port) = split("ip", address, ':')?;
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
        let ip = |text| match parse("ip", text) {
            Ok(Kind::IpAddress(ip)) => Ok(ip),
            Ok(_) => Err("not an IP address".to_string()),
            Err(e) => Err(e),
        };
        let v4 = ip("203.0.113.7:51234@2026-11-02T14:05:00+07:00").unwrap_or_default();
        assert_eq!((v4.address.as_str(), v4.port), ("203.0.113.7", 51234));
        assert_eq!(v4.observed_unix_ms, 1_793_603_100_000);
        let v6 = ip("[2001:db8::1]:443@2026-11-02T07:05:00Z").unwrap_or_default();
        assert_eq!((v6.address.as_str(), v6.port), ("2001:db8::1", 443));
        let bare = ip("2001:db8::1@2026-11-02T07:05:00Z").unwrap_or_default();
        assert_eq!((bare.address.as_str(), bare.port), ("2001:db8::1", 0));
        assert!(ip("203.0.113.7").is_err());
        assert!(ip("203.0.113.7:99999@2026-11-02T07:05:00Z").is_err());
    }

    #[test]
    fn each_kind_says_its_form_and_never_the_value() {
        let error = parse("wallet", "no-colon-secret").err().unwrap_or_default();
        assert!(error.contains("NETWORK:ADDRESS") && !error.contains("secret"));
        let error = parse("id-document", "VISA:1:VNM").err().unwrap_or_default();
        assert!(error.contains("PASSPORT"));
        assert!(parse("nonsense", "x").is_err());
        assert!(matches!(
            parse("online", "TELEGRAM:@a"),
            Ok(Kind::OnlineAccount(_))
        ));
    }
}
