//! Subjects: the people, numbers, accounts, devices and documents a
//! request is about, each checked and put in its normal form
//! ([`crate::identifiers`]), each with a role, and each fitting the
//! request's category.

use crate::domain::{
    BankAccount, Category, Company, Device, DocumentType, IdentityDocument, InformationRequest,
    IpAddress, OnlineAccount, Person, Phone, RoledSubject, Subject, SubjectRole, Vehicle, Wallet,
};
use crate::identifiers;
use crate::pb;

use super::check::*;
use super::enums::enum_value;

impl TryFrom<&pb::Person> for Person {
    type Error = ConversionError;
    fn try_from(p: &pb::Person) -> Result<Self> {
        Ok(Person {
            full_name: required_text("full_name", &p.full_name, MAX_NAME_CHARS)?,
            date_of_birth: date("date_of_birth", &p.date_of_birth)?,
            nationality: optional_country("nationality", &p.nationality)?,
            document_number: identifier("document_number", &p.document_number, 64, false)?,
            indicators: indicators("indicators", &p.indicators)?,
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
                "is required: one of person, phone, wallet, company, bank_account, \
                 online_account, device, identity_document, vehicle, ip_address",
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
            Some(Kind::BankAccount(b)) => Ok(Subject::BankAccount(
                BankAccount::try_from(b).map_err(|e| e.within("bank_account"))?,
            )),
            Some(Kind::OnlineAccount(o)) => Ok(Subject::OnlineAccount(
                OnlineAccount::try_from(o).map_err(|e| e.within("online_account"))?,
            )),
            Some(Kind::Device(d)) => Ok(Subject::Device(
                Device::try_from(d).map_err(|e| e.within("device"))?,
            )),
            Some(Kind::IdentityDocument(d)) => Ok(Subject::IdentityDocument(
                IdentityDocument::try_from(d).map_err(|e| e.within("identity_document"))?,
            )),
            Some(Kind::Vehicle(v)) => Ok(Subject::Vehicle(
                Vehicle::try_from(v).map_err(|e| e.within("vehicle"))?,
            )),
            Some(Kind::IpAddress(i)) => Ok(Subject::IpAddress(
                IpAddress::try_from(i).map_err(|e| e.within("ip_address"))?,
            )),
        }
    }
}

impl From<&Subject> for pb::Subject {
    fn from(s: &Subject) -> Self {
        use pb::subject::Kind;
        let kind = match s {
            Subject::Purged => return pb::Subject::default(),
            Subject::Person(p) => Kind::Person(pb::Person {
                full_name: p.full_name.clone(),
                date_of_birth: p.date_of_birth.clone(),
                nationality: p.nationality.clone(),
                document_number: p.document_number.clone(),
                indicators: p.indicators.clone(),
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
            Subject::BankAccount(b) => Kind::BankAccount(pb::BankAccount {
                iban: b.iban.clone(),
                account_number: b.account_number.clone(),
                bic: b.bic.clone(),
                holder_name: b.holder_name.clone(),
            }),
            Subject::OnlineAccount(o) => Kind::OnlineAccount(pb::OnlineAccount {
                platform: o.platform.clone(),
                handle: o.handle.clone(),
                user_id: o.user_id.clone(),
            }),
            Subject::Device(d) => Kind::Device(pb::Device {
                imei: d.imei.clone(),
                model: d.model.clone(),
            }),
            Subject::IdentityDocument(d) => Kind::IdentityDocument(pb::IdentityDocument {
                r#type: pb::DocumentType::from(d.document_type) as i32,
                number: d.number.clone(),
                issuing_country: d.issuing_country.to_string(),
            }),
            Subject::Vehicle(v) => Kind::Vehicle(pb::Vehicle {
                plate: v.plate.clone(),
                country: v.country.to_string(),
            }),
            Subject::IpAddress(i) => Kind::IpAddress(pb::IpAddress {
                address: i.address.clone(),
                observed_unix_ms: i.observed_unix_ms,
                port: u32::from(i.port),
            }),
        };
        pb::Subject {
            kind: Some(kind),
            role: 0,
        }
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

impl TryFrom<&pb::BankAccount> for BankAccount {
    type Error = ConversionError;
    /// An IBAN, or an account number with the bank's BIC; not both.
    fn try_from(b: &pb::BankAccount) -> Result<Self> {
        let holder_name = text("holder_name", &b.holder_name, MAX_NAME_CHARS, false)?;
        match (b.iban.is_empty(), b.account_number.is_empty()) {
            (false, true) => {
                if !b.bic.is_empty() {
                    return Err(ConversionError::new(
                        "bic",
                        "goes with account_number; an IBAN names its bank itself",
                    ));
                }
                Ok(BankAccount {
                    iban: identifiers::iban(&b.iban)
                        .map_err(|rule| ConversionError::new("iban", rule))?,
                    account_number: String::new(),
                    bic: String::new(),
                    holder_name,
                })
            }
            (true, false) => Ok(BankAccount {
                iban: String::new(),
                account_number: identifiers::account_number(&b.account_number)
                    .map_err(|rule| ConversionError::new("account_number", rule))?,
                bic: if b.bic.is_empty() {
                    return Err(ConversionError::new(
                        "bic",
                        "is required with account_number: the BIC of the bank that keeps it",
                    ));
                } else {
                    identifiers::bic(&b.bic).map_err(|rule| ConversionError::new("bic", rule))?
                },
                holder_name,
            }),
            (true, true) => Err(ConversionError::new(
                "iban",
                "is required (or account_number with bic)",
            )),
            (false, false) => Err(ConversionError::new(
                "account_number",
                "give the IBAN or the account number with its BIC, not both",
            )),
        }
    }
}

impl TryFrom<&pb::OnlineAccount> for OnlineAccount {
    type Error = ConversionError;
    fn try_from(o: &pb::OnlineAccount) -> Result<Self> {
        let platform = identifiers::platform(&o.platform)
            .map_err(|rule| ConversionError::new("platform", rule))?;
        let handle = text("handle", &o.handle, 128, false)?;
        let user_id = identifier("user_id", &o.user_id, 64, false)?;
        if handle.is_empty() && user_id.is_empty() {
            return Err(ConversionError::new(
                "handle",
                "is required (or user_id, or both)",
            ));
        }
        Ok(OnlineAccount {
            platform,
            handle,
            user_id,
        })
    }
}

impl TryFrom<&pb::Device> for Device {
    type Error = ConversionError;
    fn try_from(d: &pb::Device) -> Result<Self> {
        Ok(Device {
            imei: identifiers::imei(&d.imei).map_err(|rule| ConversionError::new("imei", rule))?,
            model: text("model", &d.model, MAX_NAME_CHARS, false)?,
        })
    }
}

impl TryFrom<&pb::IdentityDocument> for IdentityDocument {
    type Error = ConversionError;
    fn try_from(d: &pb::IdentityDocument) -> Result<Self> {
        Ok(IdentityDocument {
            document_type: document_type("type", d.r#type)?,
            number: identifier("number", &d.number, 64, true)?,
            issuing_country: country("issuing_country", &d.issuing_country)?,
        })
    }
}

impl TryFrom<&pb::Vehicle> for Vehicle {
    type Error = ConversionError;
    fn try_from(v: &pb::Vehicle) -> Result<Self> {
        Ok(Vehicle {
            plate: identifier("plate", &v.plate, 16, true)?,
            country: country("country", &v.country)?,
        })
    }
}

impl TryFrom<&pb::IpAddress> for IpAddress {
    type Error = ConversionError;
    /// An address, with the moment it was seen: without it the address
    /// names nobody.
    fn try_from(i: &pb::IpAddress) -> Result<Self> {
        if i.address.is_empty() {
            return Err(ConversionError::new("address", "is required"));
        }
        let address = identifiers::ip_address(&i.address)
            .map_err(|rule| ConversionError::new("address", rule))?;
        if i.observed_unix_ms == 0 {
            return Err(ConversionError::new(
                "observed_unix_ms",
                "is required: an IP address names nobody without the moment (UTC) it was seen",
            ));
        }
        let observed_unix_ms = timestamp("observed_unix_ms", i.observed_unix_ms)?;
        let port = u16::try_from(i.port)
            .map_err(|_| ConversionError::new("port", "must be 1 to 65535, or 0 when unknown"))?;
        Ok(IpAddress {
            address,
            observed_unix_ms,
            port,
        })
    }
}

fn document_type(field: &str, raw: i32) -> Result<DocumentType> {
    enum_value(
        field,
        raw,
        pb::DocumentType::Unspecified,
        DocumentType::ALL,
        |t| {
            Some(match t {
                pb::DocumentType::Unspecified => return None,
                pb::DocumentType::Passport => DocumentType::Passport,
                pb::DocumentType::NationalId => DocumentType::NationalId,
                pb::DocumentType::ResidencePermit => DocumentType::ResidencePermit,
                pb::DocumentType::DrivingLicence => DocumentType::DrivingLicence,
                pb::DocumentType::SeafarerBook => DocumentType::SeafarerBook,
                pb::DocumentType::OtherDocument => DocumentType::Other,
            })
        },
    )
}

impl From<DocumentType> for pb::DocumentType {
    fn from(t: DocumentType) -> Self {
        match t {
            DocumentType::Passport => pb::DocumentType::Passport,
            DocumentType::NationalId => pb::DocumentType::NationalId,
            DocumentType::ResidencePermit => pb::DocumentType::ResidencePermit,
            DocumentType::DrivingLicence => pb::DocumentType::DrivingLicence,
            DocumentType::SeafarerBook => pb::DocumentType::SeafarerBook,
            DocumentType::Other => pb::DocumentType::OtherDocument,
        }
    }
}

/// Trafficking indicator codes, each known and given once.
fn indicators(field: &str, given: &[String]) -> Result<Vec<String>> {
    let mut codes: Vec<String> = Vec::with_capacity(given.len());
    for (i, text) in given.iter().enumerate() {
        let code = crate::victims::indicator(text)
            .map_err(|rule| ConversionError::new(format!("{field}[{i}]"), rule))?;
        if codes.iter().any(|c| c == code) {
            return Err(ConversionError::new(
                format!("{field}[{i}]"),
                "repeats an indicator already given; give each once",
            ));
        }
        codes.push(code.to_string());
    }
    Ok(codes)
}

/// A possible victim who is a person carries indicators; nobody else does.
fn victim_rule(field: &str, role: SubjectRole, subject: &Subject) -> Result<()> {
    let Subject::Person(person) = subject else {
        return Ok(());
    };
    match (
        role == SubjectRole::PossibleVictim,
        person.indicators.is_empty(),
    ) {
        (true, true) => Err(ConversionError::new(
            format!("{field}.person.indicators"),
            "a POSSIBLE_VICTIM person needs at least one trafficking indicator",
        )),
        (false, false) => Err(ConversionError::new(
            format!("{field}.person.indicators"),
            "trafficking indicators are only for a POSSIBLE_VICTIM person",
        )),
        _ => Ok(()),
    }
}

/// A subject's role: unset (requests signed before roles) is `UNKNOWN`.
pub fn subject_role(field: &str, raw: i32) -> Result<SubjectRole> {
    if raw == 0 {
        return Ok(SubjectRole::Unknown);
    }
    enum_value(
        field,
        raw,
        pb::SubjectRole::Unspecified,
        SubjectRole::ALL,
        |r| {
            Some(match r {
                pb::SubjectRole::Unspecified => return None,
                pb::SubjectRole::Suspect => SubjectRole::Suspect,
                pb::SubjectRole::PossibleVictim => SubjectRole::PossibleVictim,
                pb::SubjectRole::Witness => SubjectRole::Witness,
                pb::SubjectRole::Unknown => SubjectRole::Unknown,
            })
        },
    )
}

impl From<SubjectRole> for pb::SubjectRole {
    fn from(r: SubjectRole) -> Self {
        match r {
            SubjectRole::Suspect => pb::SubjectRole::Suspect,
            SubjectRole::PossibleVictim => pb::SubjectRole::PossibleVictim,
            SubjectRole::Witness => pb::SubjectRole::Witness,
            SubjectRole::Unknown => pb::SubjectRole::Unknown,
        }
    }
}

/// Checks every subject of a request: the first (`subject`) and the others
/// (`more_subjects`), at most `max` in all, each with its role and each
/// fitting the category.
pub fn subjects_for(
    category: Category,
    first: Option<&pb::Subject>,
    more: &[pb::Subject],
    max: usize,
) -> Result<(Subject, SubjectRole, Vec<RoledSubject>)> {
    if more.len() + 1 > max {
        return Err(ConversionError::new(
            "more_subjects",
            format!("holds {} subjects in all; at most {max}", more.len() + 1),
        ));
    }
    let subject = subject_for(category, first)?;
    let role = subject_role("subject.role", first.map_or(0, |s| s.role))?;
    victim_rule("subject", role, &subject)?;
    let mut others = Vec::with_capacity(more.len());
    for (i, wire) in more.iter().enumerate() {
        let field = format!("more_subjects[{i}]");
        let subject = subject_for(category, Some(wire)).map_err(|e| {
            // `subject…` from subject_for, placed under this subject's index.
            ConversionError::new(e.field.replacen("subject", &field, 1), e.problem)
        })?;
        let role = subject_role(&format!("{field}.role"), wire.role)?;
        victim_rule(&field, role, &subject)?;
        others.push(RoledSubject { role, subject });
    }
    Ok((subject, role, others))
}

/// The request's subjects as the wire carries them: the first, and the
/// others.
pub fn subjects_to_wire(r: &InformationRequest) -> (pb::Subject, Vec<pb::Subject>) {
    let with_role = |subject: &Subject, role: SubjectRole| pb::Subject {
        role: pb::SubjectRole::from(role) as i32,
        ..pb::Subject::from(subject)
    };
    (
        with_role(&r.subject, r.subject_role),
        r.more_subjects
            .iter()
            .map(|s| with_role(&s.subject, s.role))
            .collect(),
    )
}
