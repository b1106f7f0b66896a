//! A request: its subject (person, phone, wallet, company) checked against
//! the category, its offences and the terms its requester accepts.

use crate::domain::{
    Category, Company, HandlingCode, InformationRequest, MAX_OFFENCE_CODES, OffenceCode, Person,
    Phone, Subject, Wallet,
};
use crate::pb;

use super::answer::requested_fields;
use super::check::*;
use super::enums::*;

impl TryFrom<&pb::Person> for Person {
    type Error = ConversionError;
    fn try_from(p: &pb::Person) -> Result<Self> {
        Ok(Person {
            full_name: required_text("full_name", &p.full_name, MAX_NAME_CHARS)?,
            date_of_birth: date("date_of_birth", &p.date_of_birth)?,
            nationality: optional_country("nationality", &p.nationality)?,
            document_number: identifier("document_number", &p.document_number, 64, false)?,
        })
    }
}

impl TryFrom<&pb::Phone> for Phone {
    type Error = ConversionError;
    /// An E.164 number valid in its country's numbering plan, kept in its
    /// normal form (`+85512345678`, whatever spacing the sender used).
    fn try_from(p: &pb::Phone) -> Result<Self> {
        if p.number.is_empty() {
            return Err(ConversionError::new("number", "is required"));
        }
        let number = crate::identifiers::phone(&p.number)
            .map_err(|rule| ConversionError::new("number", rule))?;
        Ok(Phone { number })
    }
}

impl TryFrom<&pb::Wallet> for Wallet {
    type Error = ConversionError;
    fn try_from(w: &pb::Wallet) -> Result<Self> {
        let network_ok = (1..=16).contains(&w.network.len())
            && w.network
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if !network_ok {
            return Err(ConversionError::new(
                "network",
                "must be 1 to 16 upper-case letters, digits or _ (e.g. BTC, ETH, TRON)",
            ));
        }
        let address_ok = (1..=128).contains(&w.address.len())
            && w.address
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b':');
        if !address_ok {
            return Err(ConversionError::new(
                "address",
                "must be 1 to 128 letters or digits",
            ));
        }
        Ok(Wallet {
            network: w.network.clone(),
            address: w.address.clone(),
        })
    }
}

impl TryFrom<&pb::Company> for Company {
    type Error = ConversionError;
    fn try_from(c: &pb::Company) -> Result<Self> {
        Ok(Company {
            name: required_text("name", &c.name, MAX_NAME_CHARS)?,
            registration_number: identifier(
                "registration_number",
                &c.registration_number,
                64,
                false,
            )?,
            jurisdiction: optional_country("jurisdiction", &c.jurisdiction)?,
        })
    }
}

impl TryFrom<&pb::Subject> for Subject {
    type Error = ConversionError;
    fn try_from(s: &pb::Subject) -> Result<Self> {
        use pb::subject::Kind;
        match &s.kind {
            None => Err(ConversionError::new(
                "kind",
                "is required: one of person, phone, wallet, company",
            )),
            Some(Kind::Person(p)) => Ok(Subject::Person(
                Person::try_from(p).map_err(|e| e.within("person"))?,
            )),
            Some(Kind::Phone(p)) => Ok(Subject::Phone(
                Phone::try_from(p).map_err(|e| e.within("phone"))?,
            )),
            Some(Kind::Wallet(w)) => Ok(Subject::Wallet(
                Wallet::try_from(w).map_err(|e| e.within("wallet"))?,
            )),
            Some(Kind::Company(c)) => Ok(Subject::Company(
                Company::try_from(c).map_err(|e| e.within("company"))?,
            )),
        }
    }
}

impl From<&Subject> for pb::Subject {
    fn from(s: &Subject) -> Self {
        use pb::subject::Kind;
        let kind = match s {
            Subject::Purged => return pb::Subject { kind: None },
            Subject::Person(p) => Kind::Person(pb::Person {
                full_name: p.full_name.clone(),
                date_of_birth: p.date_of_birth.clone(),
                nationality: p.nationality.clone(),
                document_number: p.document_number.clone(),
            }),
            Subject::Phone(p) => Kind::Phone(pb::Phone {
                number: p.number.clone(),
            }),
            Subject::Wallet(w) => Kind::Wallet(pb::Wallet {
                network: w.network.clone(),
                address: w.address.clone(),
            }),
            Subject::Company(c) => Kind::Company(pb::Company {
                name: c.name.clone(),
                registration_number: c.registration_number.clone(),
                jurisdiction: c.jurisdiction.clone(),
            }),
        };
        pb::Subject { kind: Some(kind) }
    }
}

/// Checks a subject against the category it is asked under.
pub fn subject_for(category: Category, subject: Option<&pb::Subject>) -> Result<Subject> {
    let subject = subject.ok_or_else(|| ConversionError::new("subject", "is required"))?;
    let subject = Subject::try_from(subject).map_err(|e| e.within("subject"))?;
    if category.accepts(&subject) {
        Ok(subject)
    } else {
        Err(ConversionError::new(
            "subject",
            format!(
                "a {} subject does not fit category {category}",
                subject.kind()
            ),
        ))
    }
}

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
        Ok(InformationRequest {
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
            subject: subject_for(category, r.subject.as_ref())?,
            summary: text("summary", &r.summary, MAX_TEXT_CHARS, true)?,
            deadline_unix_ms: timestamp("deadline_unix_ms", r.deadline_unix_ms)?,
            requested_by: required_text("requested_by", &r.requested_by, MAX_NAME_CHARS)?,
            created_unix_ms: timestamp("created_unix_ms", r.created_unix_ms)?,
            requested_fields: requested_fields("requested_fields", category, &r.requested_fields)?,
            accepted_handling,
            max_retention_days,
        })
    }
}

impl From<&InformationRequest> for pb::InformationRequest {
    fn from(r: &InformationRequest) -> Self {
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
            subject: Some(pb::Subject::from(&r.subject)),
            summary: r.summary.clone(),
            deadline_unix_ms: r.deadline_unix_ms,
            requested_by: r.requested_by.clone(),
            created_unix_ms: r.created_unix_ms,
            requested_fields: r.requested_fields.clone(),
        }
    }
}
