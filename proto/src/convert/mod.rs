//! Conversions between protobuf and domain types. `From<&Domain> for pb::X`
//! cannot fail; `TryFrom<&pb::X> for Domain` validates every field and names
//! the first one that is missing or wrong.

use crate::domain::{
    Answer, Category, Company, Content, CountryCode, Field, HandlingCode, InformationRequest,
    MAX_OFFENCE_CODES, Message, OffenceCode, Outcome, Person, Phone, Purpose, ReceiptBody,
    RefusalReason, RequestStatus, SignedBytes, Subject, TreeHead, Wallet, Withdrawal,
};
use crate::pb;

/// Longest free text (summary, remarks, explanations), in characters.
pub const MAX_TEXT_CHARS: usize = 4000;
/// Longest name-like value (person, company, agency, user), in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Most fields one answer may release.
pub const MAX_FIELDS: usize = 64;

/// A protobuf value that does not make a valid domain value: the field and
/// the rule it breaks. It never holds the value itself, which may be
/// personal data, so that it can be logged and audited as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}`: {problem}")]
pub struct ConversionError {
    /// Dotted path of the offending field, e.g. `subject.phone.number`.
    pub field: String,
    /// The rule the value breaks, without the value.
    pub problem: String,
}

impl ConversionError {
    pub fn new(field: impl Into<String>, problem: impl Into<String>) -> Self {
        ConversionError {
            field: field.into(),
            problem: problem.into(),
        }
    }

    /// The same error, with its field path placed under `parent`.
    pub fn within(self, parent: &str) -> Self {
        ConversionError {
            field: format!("{parent}.{}", self.field),
            problem: self.problem,
        }
    }
}

type Result<T> = std::result::Result<T, ConversionError>;

/// Checks free text: at most `max` characters, and no control characters
/// other than newline and tab when `multiline`.
pub fn text(field: &str, value: &str, max: usize, multiline: bool) -> Result<String> {
    let chars = value.chars().count();
    if chars > max {
        return Err(ConversionError::new(
            field,
            format!("is {chars} characters long, at most {max} allowed"),
        ));
    }
    let allowed = |c: char| multiline && (c == '\n' || c == '\t');
    if let Some(c) = value.chars().find(|&c| c.is_control() && !allowed(c)) {
        return Err(ConversionError::new(
            field,
            format!("contains the control character U+{:04X}", c as u32),
        ));
    }
    Ok(value.to_string())
}

/// Like [`text`], and also refuses an empty or blank value.
pub fn required_text(field: &str, value: &str, max: usize) -> Result<String> {
    if value.trim().is_empty() {
        return Err(ConversionError::new(field, "is required"));
    }
    text(field, value, max, false)
}

/// Checks a UUID in its canonical lower-case hyphenated form.
pub fn uuid(field: &str, value: &str) -> Result<String> {
    let groups: Vec<&str> = value.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    let hex = groups.iter().all(|g| {
        g.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    });
    if value.is_empty() {
        Err(ConversionError::new(field, "is required"))
    } else if lengths == [8, 4, 4, 4, 12] && hex {
        Ok(value.to_string())
    } else {
        Err(ConversionError::new(
            field,
            "is not a lower-case UUID (8-4-4-4-12 hexadecimal digits)",
        ))
    }
}

/// Checks an ISO 3166-1 alpha-3 country code, in either case, and
/// normalises it to upper case.
pub fn country(field: &str, value: &str) -> Result<CountryCode> {
    if value.is_empty() {
        return Err(ConversionError::new(field, "is required"));
    }
    value
        .parse()
        .map_err(|e: crate::domain::BadCountryCode| ConversionError::new(field, e.to_string()))
}

fn optional_country(field: &str, value: &str) -> Result<String> {
    if value.is_empty() {
        Ok(String::new())
    } else {
        country(field, value).map(String::from)
    }
}

fn timestamp(field: &str, value: i64) -> Result<i64> {
    if value <= 0 {
        Err(ConversionError::new(
            field,
            "must be a positive Unix time in milliseconds",
        ))
    } else {
        Ok(value)
    }
}

/// Converts a protobuf enumeration value; an unset or unknown one is
/// refused with the list of accepted names.
fn enum_value<P, D>(
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

fn date(field: &str, value: &str) -> Result<String> {
    if value.is_empty() {
        return Ok(String::new());
    }
    crate::time::parse_date(value)
        .map(|_| value.to_string())
        .map_err(|rule| ConversionError::new(field, rule))
}

fn identifier(field: &str, value: &str, max: usize, required: bool) -> Result<String> {
    if value.is_empty() {
        return if required {
            Err(ConversionError::new(field, "is required"))
        } else {
            Ok(String::new())
        };
    }
    let ok = value.len() <= max
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_/. ".contains(&b));
    if ok {
        Ok(value.to_string())
    } else {
        Err(ConversionError::new(
            field,
            format!("must be 1 to {max} letters, digits, spaces or - _ / ."),
        ))
    }
}

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
    fn try_from(p: &pb::Phone) -> Result<Self> {
        let digits = p.number.strip_prefix('+').unwrap_or("");
        if (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Phone {
                number: p.number.clone(),
            })
        } else if p.number.is_empty() {
            Err(ConversionError::new("number", "is required"))
        } else {
            Err(ConversionError::new(
                "number",
                "must be in E.164 form: '+' then 8 to 15 digits",
            ))
        }
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
fn accepted_terms(r: &pb::InformationRequest) -> Result<(Option<HandlingCode>, Option<u32>)> {
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

pub fn offence_code(field: &str, value: &str) -> Result<OffenceCode> {
    value
        .parse()
        .map_err(|e: crate::domain::BadOffenceCode| ConversionError::new(field, e.to_string()))
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
        }
    }
}

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
/// 64 characters, each name once, values of bounded length.
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
        if let Some(first) = out.iter().position(|o| o.name == f.name) {
            return Err(ConversionError::new(
                format!("{path}.name"),
                format!("repeats the name of {field}[{first}]; give each field once"),
            ));
        }
        out.push(Field {
            name: f.name.clone(),
            value: text(&format!("{path}.value"), &f.value, MAX_TEXT_CHARS, true)?,
        });
    }
    Ok(out)
}

impl From<&Field> for pb::Field {
    fn from(f: &Field) -> Self {
        pb::Field {
            name: f.name.clone(),
            value: f.value.clone(),
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

impl TryFrom<&pb::Withdrawal> for Withdrawal {
    type Error = ConversionError;
    fn try_from(w: &pb::Withdrawal) -> Result<Self> {
        Ok(Withdrawal {
            request_id: uuid("request_id", &w.request_id)?,
            reason: text("reason", &w.reason, MAX_TEXT_CHARS, true)?,
        })
    }
}

impl From<&Withdrawal> for pb::Withdrawal {
    fn from(w: &Withdrawal) -> Self {
        pb::Withdrawal {
            request_id: w.request_id.clone(),
            reason: w.reason.clone(),
        }
    }
}

impl TryFrom<&pb::Message> for Message {
    type Error = ConversionError;
    fn try_from(m: &pb::Message) -> Result<Self> {
        use pb::message::Content as PbContent;
        let from = country("from", &m.from)?;
        let to = country("to", &m.to)?;
        if from == to {
            return Err(ConversionError::new("to", "must differ from `from`"));
        }
        let nonce: [u8; 16] = m.nonce.as_slice().try_into().map_err(|_| {
            ConversionError::new("nonce", format!("must be 16 bytes, not {}", m.nonce.len()))
        })?;
        let content = match &m.content {
            None => {
                return Err(ConversionError::new(
                    "content",
                    "is required: request, answer or withdrawal",
                ));
            }
            Some(PbContent::Request(r)) => {
                let r = InformationRequest::try_from(r).map_err(|e| e.within("request"))?;
                parties("request", (r.from_country, r.to_country), (from, to))?;
                Content::Request(r)
            }
            Some(PbContent::Answer(a)) => {
                let a = Answer::try_from(a).map_err(|e| e.within("answer"))?;
                parties("answer", (a.from_country, a.to_country), (from, to))?;
                Content::Answer(a)
            }
            Some(PbContent::Withdrawal(w)) => {
                Content::Withdrawal(Withdrawal::try_from(w).map_err(|e| e.within("withdrawal"))?)
            }
        };
        Ok(Message {
            message_id: uuid("message_id", &m.message_id)?,
            from,
            to,
            created_unix_ms: timestamp("created_unix_ms", m.created_unix_ms)?,
            nonce,
            content,
        })
    }
}

/// The parties named inside a request or answer must be the envelope's.
fn parties(
    field: &str,
    inner: (CountryCode, CountryCode),
    outer: (CountryCode, CountryCode),
) -> Result<()> {
    if inner == outer {
        Ok(())
    } else {
        Err(ConversionError::new(
            field,
            format!(
                "names {} to {} but the message goes from {} to {}",
                inner.0, inner.1, outer.0, outer.1
            ),
        ))
    }
}

impl From<&Message> for pb::Message {
    fn from(m: &Message) -> Self {
        use pb::message::Content as PbContent;
        let content = match &m.content {
            Content::Request(r) => PbContent::Request(r.into()),
            Content::Answer(a) => PbContent::Answer(a.into()),
            Content::Withdrawal(w) => PbContent::Withdrawal(w.into()),
        };
        pb::Message {
            message_id: m.message_id.clone(),
            from: m.from.to_string(),
            to: m.to.to_string(),
            created_unix_ms: m.created_unix_ms,
            nonce: m.nonce.to_vec(),
            content: Some(content),
        }
    }
}

impl TryFrom<&pb::ReceiptBody> for ReceiptBody {
    type Error = ConversionError;
    fn try_from(r: &pb::ReceiptBody) -> Result<Self> {
        Ok(ReceiptBody {
            message_id: uuid("message_id", &r.message_id)?,
            envelope_hash: r.envelope_hash.as_slice().try_into().map_err(|_| {
                ConversionError::new(
                    "envelope_hash",
                    format!("must be 32 bytes, not {}", r.envelope_hash.len()),
                )
            })?,
            receiver: country("receiver", &r.receiver)?,
            sender: country("sender", &r.sender)?,
            received_unix_ms: timestamp("received_unix_ms", r.received_unix_ms)?,
            audit_index: r.audit_index,
            tree_head: r.tree_head.as_ref().map(|t| SignedBytes {
                body: t.body.clone(),
                key_id: t.key_id.clone(),
                signature: t.signature.clone(),
            }),
        })
    }
}

impl From<&ReceiptBody> for pb::ReceiptBody {
    fn from(r: &ReceiptBody) -> Self {
        pb::ReceiptBody {
            message_id: r.message_id.clone(),
            envelope_hash: r.envelope_hash.to_vec(),
            receiver: r.receiver.to_string(),
            sender: r.sender.to_string(),
            received_unix_ms: r.received_unix_ms,
            audit_index: r.audit_index,
            tree_head: r.tree_head.as_ref().map(pb::SignedTreeHead::from),
        }
    }
}

impl From<&SignedBytes> for pb::SignedTreeHead {
    fn from(s: &SignedBytes) -> Self {
        pb::SignedTreeHead {
            body: s.body.clone(),
            key_id: s.key_id.clone(),
            signature: s.signature.clone(),
        }
    }
}

impl TryFrom<&pb::TreeHeadBody> for TreeHead {
    type Error = ConversionError;
    fn try_from(t: &pb::TreeHeadBody) -> Result<Self> {
        Ok(TreeHead {
            country: country("country", &t.country)?,
            tree_size: t.tree_size,
            root_hash: t.root_hash.as_slice().try_into().map_err(|_| {
                ConversionError::new(
                    "root_hash",
                    format!("must be 32 bytes, not {}", t.root_hash.len()),
                )
            })?,
            timestamp_unix_ms: timestamp("timestamp_unix_ms", t.timestamp_unix_ms)?,
        })
    }
}

impl From<&TreeHead> for pb::TreeHeadBody {
    fn from(t: &TreeHead) -> Self {
        pb::TreeHeadBody {
            country: t.country.to_string(),
            tree_size: t.tree_size,
            root_hash: t.root_hash.to_vec(),
            timestamp_unix_ms: t.timestamp_unix_ms,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phone_request() -> pb::InformationRequest {
        pb::InformationRequest {
            request_id: "0b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
            from_country: "THA".into(),
            to_country: "KHM".into(),
            category: pb::Category::PhoneCheck as i32,
            purpose: pb::Purpose::Investigation as i32,
            offence_code: "0204".into(),
            subject: Some(pb::Subject {
                kind: Some(pb::subject::Kind::Phone(pb::Phone {
                    number: "+85512345678".into(),
                })),
            }),
            summary: "Number used to recruit victims.".into(),
            deadline_unix_ms: 1_900_000_000_000,
            requested_by: "fp-tha".into(),
            created_unix_ms: 1_800_000_000_000,
            requested_fields: vec!["subscriber_name".into()],
            more_offence_codes: vec!["070112".into()],
            accepted_handling: pb::HandlingCode::IntelligenceOnly as i32,
            max_retention_days: 30,
        }
    }

    #[test]
    fn request_round_trips() {
        let pb_request = phone_request();
        let domain = InformationRequest::try_from(&pb_request).unwrap();
        assert_eq!(pb::InformationRequest::from(&domain), pb_request);
    }

    #[test]
    fn each_bad_field_is_named() {
        type Mutation = Box<dyn Fn(&mut pb::InformationRequest)>;
        let cases: Vec<(&str, Mutation)> = vec![
            (
                "request_id",
                Box::new(|r| r.request_id = "not-a-uuid".into()),
            ),
            ("from_country", Box::new(|r| r.from_country = "th".into())),
            ("category", Box::new(|r| r.category = 0)),
            ("category", Box::new(|r| r.category = 99)),
            ("purpose", Box::new(|r| r.purpose = 0)),
            ("offence_code", Box::new(|r| r.offence_code = "9999".into())),
            ("subject", Box::new(|r| r.subject = None)),
            (
                "subject.phone.number",
                Box::new(|r| {
                    r.subject = Some(pb::Subject {
                        kind: Some(pb::subject::Kind::Phone(pb::Phone {
                            number: "12".into(),
                        })),
                    })
                }),
            ),
            (
                "subject",
                Box::new(|r| {
                    r.subject = Some(pb::Subject {
                        kind: Some(pb::subject::Kind::Wallet(pb::Wallet {
                            network: "BTC".into(),
                            address: "bc1q".into(),
                        })),
                    })
                }),
            ),
            (
                "summary",
                Box::new(|r| r.summary = "x".repeat(MAX_TEXT_CHARS + 1)),
            ),
            ("summary", Box::new(|r| r.summary = "bell\u{7}".into())),
            ("deadline_unix_ms", Box::new(|r| r.deadline_unix_ms = -5)),
            ("requested_by", Box::new(|r| r.requested_by = " ".into())),
        ];
        for (field, mutate) in cases {
            let mut r = phone_request();
            mutate(&mut r);
            let err = InformationRequest::try_from(&r).unwrap_err();
            assert_eq!(err.field, field, "{err}");
        }
    }

    #[test]
    fn offence_codes() {
        for good in ["01", "0204", "02041", "110101"] {
            assert!(good.parse::<OffenceCode>().is_ok(), "{good}");
        }
        for bad in ["", "0", "00", "12", "0203x", "1234567", "2a"] {
            assert!(bad.parse::<OffenceCode>().is_err(), "{bad}");
        }
    }

    #[test]
    fn message_parties_must_match_content() {
        let m = pb::Message {
            message_id: "1b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
            from: "VNM".into(),
            to: "KHM".into(),
            created_unix_ms: 1,
            nonce: vec![0; 16],
            content: Some(pb::message::Content::Request(phone_request())),
        };
        let err = Message::try_from(&m).unwrap_err();
        assert_eq!(err.field, "request");
    }

    #[test]
    fn subject_debug_hides_personal_data() {
        let r = InformationRequest::try_from(&phone_request()).unwrap();
        let shown = format!("{r:?}");
        assert!(!shown.contains("+85512345678"), "{shown}");
        assert!(!shown.contains("recruit"), "{shown}");
    }
}
