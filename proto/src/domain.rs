//! Domain types: what the node's logic works on. Every value of these types
//! has passed validation (see [`crate::convert`]), so code holding one does
//! not need to check it again.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Defines a closed set of names shared by the protobuf enum and the domain.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name used in protobuf, config files and the CLI.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;
            fn from_str(s: &str) -> Result<Self, UnknownName> {
                let wanted = s.trim().to_ascii_uppercase().replace('-', "_");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == wanted)
                    .ok_or_else(|| UnknownName {
                        kind: stringify!($name),
                        expected: $name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", "),
                    })
            }
        }
    };
}

/// A name that is not one of an enumeration's values. Its message lists
/// the accepted values and never repeats the text given, so that it can be
/// logged and audited whatever was sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("is not a known {kind} (expected one of: {expected}; case does not matter)")]
pub struct UnknownName {
    pub kind: &'static str,
    pub expected: String,
}

named_enum!(
    /// What a request asks the other country to do or check.
    Category {
        PersonCheck => "PERSON_CHECK",
        PhoneCheck => "PHONE_CHECK",
        WalletTrace => "WALLET_TRACE",
        CompanyCheck => "COMPANY_CHECK",
        VictimIdentification => "VICTIM_IDENTIFICATION",
        EvidencePreservation => "EVIDENCE_PRESERVATION",
        CaseNotification => "CASE_NOTIFICATION",
    }
);

named_enum!(
    /// What part a subject plays in the case, as far as the requester knows.
    SubjectRole {
        Suspect => "SUSPECT",
        PossibleVictim => "POSSIBLE_VICTIM",
        Witness => "WITNESS",
        Unknown => "UNKNOWN",
    }
);

// `named_enum!` takes no attributes on variants, so no `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for SubjectRole {
    fn default() -> Self {
        SubjectRole::Unknown
    }
}

named_enum!(
    /// What a victim-status notification says of its possible victim.
    VictimStatus {
        Confirmed => "CONFIRMED",
        Withdrawn => "WITHDRAWN",
    }
);

/// The non-punishment principle a request about a possible victim carries
/// (see [`crate::legal`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NonPunishment {
    /// A code of [`crate::legal::NON_PUNISHMENT`].
    pub provision: String,
    /// For `NATIONAL_LAW`: the statute and section; empty otherwise.
    #[serde(default)]
    pub reference: String,
}

named_enum!(
    /// What a subject is: the names agreements use for per-kind rules
    /// (`release_by_kind`).
    SubjectKind {
        Person => "PERSON",
        Phone => "PHONE",
        Wallet => "WALLET",
        Company => "COMPANY",
        BankAccount => "BANK_ACCOUNT",
        OnlineAccount => "ONLINE_ACCOUNT",
        Device => "DEVICE",
        IdentityDocument => "IDENTITY_DOCUMENT",
        Vehicle => "VEHICLE",
        IpAddress => "IP_ADDRESS",
    }
);

named_enum!(
    /// The kind of an identity document.
    DocumentType {
        Passport => "PASSPORT",
        NationalId => "NATIONAL_ID",
        ResidencePermit => "RESIDENCE_PERMIT",
        DrivingLicence => "DRIVING_LICENCE",
        SeafarerBook => "SEAFARER_BOOK",
        Other => "OTHER_DOCUMENT",
    }
);

named_enum!(
    /// Why the requesting country needs the information.
    Purpose {
        Investigation => "INVESTIGATION",
        Prosecution => "PROSECUTION",
        VictimAssistance => "VICTIM_ASSISTANCE",
        Intelligence => "INTELLIGENCE",
    }
);

named_enum!(
    /// Where a request is in its lifecycle.
    RequestStatus {
        Submitted => "SUBMITTED",
        Sent => "SENT",
        Received => "RECEIVED",
        Assigned => "ASSIGNED",
        Answered => "ANSWERED",
        Refused => "REFUSED",
        Withdrawn => "WITHDRAWN",
        Expired => "EXPIRED",
        Undeliverable => "UNDELIVERABLE",
    }
);

named_enum!(
    /// Why an agency declined to answer.
    RefusalReason {
        NoCompetentAgency => "NO_COMPETENT_AGENCY",
        InsufficientInformation => "INSUFFICIENT_INFORMATION",
        NoLegalBasis => "NO_LEGAL_BASIS",
        PrejudiceToProceedings => "PREJUDICE_TO_PROCEEDINGS",
        OutsideAgreement => "OUTSIDE_AGREEMENT",
        RequiresMutualLegalAssistance => "REQUIRES_MUTUAL_LEGAL_ASSISTANCE",
        DeadlinePassed => "DEADLINE_PASSED",
        Other => "OTHER",
    }
);

named_enum!(
    /// How the requester may use released data.
    HandlingCode {
        IntelligenceOnly => "INTELLIGENCE_ONLY",
        EvidenceWithConsent => "EVIDENCE_WITH_CONSENT",
        NoOnwardSharing => "NO_ONWARD_SHARING",
        VictimProtected => "VICTIM_PROTECTED",
    }
);

impl HandlingCode {
    /// Whether data released under `self` is restricted at least as much as
    /// under `other`, so that a requester whose agreement demands `other`
    /// may accept it.
    ///
    /// The codes are not a scale, so the order is partial: each code is as
    /// strict as itself, and `INTELLIGENCE_ONLY` (no use as evidence) is
    /// stricter than `EVIDENCE_WITH_CONSENT` (use as evidence once the
    /// providing country consents). `NO_ONWARD_SHARING` restricts a
    /// different thing (passing the data to third parties) and is comparable
    /// only with itself. `VICTIM_PROTECTED` holds all three restrictions
    /// (no evidence against the person, no onward sharing) and is at least
    /// as strict as every code.
    pub fn at_least_as_strict_as(self, other: HandlingCode) -> bool {
        self == other
            || self == HandlingCode::VictimProtected
            || (self == HandlingCode::IntelligenceOnly
                && other == HandlingCode::EvidenceWithConsent)
    }
}

impl RequestStatus {
    /// Whether no further transition can follow.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            RequestStatus::Answered
                | RequestStatus::Refused
                | RequestStatus::Withdrawn
                | RequestStatus::Expired
                | RequestStatus::Undeliverable
        )
    }
}

impl Category {
    /// The response fields an answer in this category may carry. Sharing
    /// agreements release a subset of these; anything else is refused.
    pub fn response_fields(self) -> &'static [&'static str] {
        match self {
            Category::PersonCheck => &[
                "full_name",
                "date_of_birth",
                "nationality",
                "document_number",
                "address",
                "criminal_record",
                "wanted_status",
                "known_associates",
                "photograph_reference",
            ],
            Category::PhoneCheck => &[
                "subscriber_name",
                "subscriber_document",
                "registration_date",
                "sim_status",
                "operator",
                "registered_address",
                "call_detail_summary",
                "location_history",
            ],
            Category::WalletTrace => &[
                "wallet_owner",
                "exchange_name",
                "kyc_name",
                "kyc_document",
                "transaction_summary",
                "linked_addresses",
                "balance",
                "freeze_status",
            ],
            Category::CompanyCheck => &[
                "company_name",
                "registration_number",
                "registration_date",
                "directors",
                "shareholders",
                "beneficial_owners",
                "registered_address",
                "bank_accounts",
                "company_status",
            ],
            Category::VictimIdentification => &[
                "identity_confirmed",
                "full_name",
                "date_of_birth",
                "nationality",
                "document_number",
                "family_contact",
                "consular_contact",
                "victim_status",
            ],
            Category::EvidencePreservation => &[
                "preservation_status",
                "preservation_reference",
                "evidence_holder",
                "preserved_until",
            ],
            Category::CaseNotification => &["acknowledgement", "case_reference", "contact_officer"],
        }
    }

    /// Whether a subject of this kind makes sense for the category: a phone
    /// check is about a phone number, a victim identification about a person.
    ///
    /// A person check or victim identification is about people or their
    /// identity documents; a phone check about numbers, online accounts,
    /// devices or IP addresses (what a provider can look up); a wallet
    /// trace about the money: wallets and bank accounts; a company check
    /// about companies. Preservation and notifications take any kind.
    pub fn accepts(self, subject: &Subject) -> bool {
        match subject.subject_kind() {
            Some(kind) => self.accepts_kind(kind),
            // Erased data, which never comes from the wire.
            None => matches!(
                self,
                Category::EvidencePreservation | Category::CaseNotification
            ),
        }
    }

    /// Whether a subject of `kind` makes sense for the category (see
    /// [`Category::accepts`]).
    pub fn accepts_kind(self, kind: SubjectKind) -> bool {
        use SubjectKind as K;
        match self {
            Category::PersonCheck | Category::VictimIdentification => {
                matches!(kind, K::Person | K::IdentityDocument)
            }
            Category::PhoneCheck => {
                matches!(kind, K::Phone | K::OnlineAccount | K::Device | K::IpAddress)
            }
            Category::WalletTrace => matches!(kind, K::Wallet | K::BankAccount),
            Category::CompanyCheck => kind == K::Company,
            Category::EvidencePreservation | Category::CaseNotification => true,
        }
    }
}

/// An ISO 3166-1 alpha-3 country code, upper case (e.g. `THA`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode([u8; 3]);

/// Text that is not a valid country code. Its message never repeats the
/// text given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "is not an ISO 3166-1 alpha-3 country code (three letters A-Z, e.g. THA; case does not matter)"
)]
pub struct BadCountryCode;

impl CountryCode {
    pub fn as_str(&self) -> &str {
        // The bytes are always ASCII upper-case letters.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl FromStr for CountryCode {
    type Err = BadCountryCode;
    /// Accepts the three letters in either case, around blanks, and
    /// normalises them to upper case, as enumeration names are.
    fn from_str(s: &str) -> Result<Self, BadCountryCode> {
        let bytes = s.trim().as_bytes();
        if bytes.len() == 3 && bytes.iter().all(u8::is_ascii_alphabetic) {
            let upper = |b: u8| b.to_ascii_uppercase();
            Ok(CountryCode([
                upper(bytes[0]),
                upper(bytes[1]),
                upper(bytes[2]),
            ]))
        } else {
            Err(BadCountryCode)
        }
    }
}

impl TryFrom<String> for CountryCode {
    type Error = BadCountryCode;
    fn try_from(s: String) -> Result<Self, BadCountryCode> {
        s.parse()
    }
}

impl From<CountryCode> for String {
    fn from(c: CountryCode) -> String {
        c.as_str().to_string()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub full_name: String,
    pub date_of_birth: String,
    pub nationality: String,
    pub document_number: String,
    /// Trafficking indicator codes ([`crate::victims`]), for a possible
    /// victim only.
    #[serde(default)]
    pub indicators: Vec<String>,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    pub number: String,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wallet {
    pub network: String,
    pub address: String,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    pub name: String,
    pub registration_number: String,
    pub jurisdiction: String,
}

/// Gives personal-data types a `Debug` that shows only the type name.
macro_rules! redacted_debug {
    ($($name:ident),+) => {$(
        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "(<redacted>)"))
            }
        }
    )+};
}

/// An IBAN (normalised, checked with mod 97), or a national account number
/// with its bank's BIC; exactly one of the two forms.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankAccount {
    pub iban: String,
    pub account_number: String,
    pub bic: String,
    pub holder_name: String,
}

/// An account on an online platform: a platform code and a handle, a user
/// id, or both.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OnlineAccount {
    pub platform: String,
    pub handle: String,
    pub user_id: String,
}

/// A device by its IMEI (Luhn-checked).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    pub imei: String,
    pub model: String,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityDocument {
    pub document_type: DocumentType,
    pub number: String,
    pub issuing_country: CountryCode,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vehicle {
    pub plate: String,
    pub country: CountryCode,
}

/// An IP address with the moment it was seen (and the source port, behind
/// carrier-grade NAT).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpAddress {
    pub address: String,
    pub observed_unix_ms: i64,
    /// 0 when unknown.
    pub port: u16,
}

redacted_debug!(
    Person,
    Phone,
    Wallet,
    Company,
    BankAccount,
    OnlineAccount,
    Device,
    IdentityDocument,
    Vehicle,
    IpAddress
);

/// Who or what a request is about. This is personal data: its `Debug`
/// output names only the kind of subject, so it can never reach a log.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    Person(Person),
    Phone(Phone),
    Wallet(Wallet),
    Company(Company),
    BankAccount(BankAccount),
    OnlineAccount(OnlineAccount),
    Device(Device),
    IdentityDocument(IdentityDocument),
    Vehicle(Vehicle),
    IpAddress(IpAddress),
    /// Erased at the end of the request's retention period. Never comes
    /// from the wire: a request must name its subject.
    Purged,
}

impl Subject {
    pub fn kind(&self) -> &'static str {
        match self {
            Subject::Person(_) => "person",
            Subject::Phone(_) => "phone",
            Subject::Wallet(_) => "wallet",
            Subject::Company(_) => "company",
            Subject::BankAccount(_) => "bank_account",
            Subject::OnlineAccount(_) => "online_account",
            Subject::Device(_) => "device",
            Subject::IdentityDocument(_) => "identity_document",
            Subject::Vehicle(_) => "vehicle",
            Subject::IpAddress(_) => "ip_address",
            Subject::Purged => "purged",
        }
    }

    /// The subject's kind as agreements name it; `None` once purged.
    pub fn subject_kind(&self) -> Option<SubjectKind> {
        Some(match self {
            Subject::Person(_) => SubjectKind::Person,
            Subject::Phone(_) => SubjectKind::Phone,
            Subject::Wallet(_) => SubjectKind::Wallet,
            Subject::Company(_) => SubjectKind::Company,
            Subject::BankAccount(_) => SubjectKind::BankAccount,
            Subject::OnlineAccount(_) => SubjectKind::OnlineAccount,
            Subject::Device(_) => SubjectKind::Device,
            Subject::IdentityDocument(_) => SubjectKind::IdentityDocument,
            Subject::Vehicle(_) => SubjectKind::Vehicle,
            Subject::IpAddress(_) => SubjectKind::IpAddress,
            Subject::Purged => return None,
        })
    }
}

/// A subject beside the first of a request, with its role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoledSubject {
    pub role: SubjectRole,
    pub subject: Subject,
}

/// The most subjects one request carries; a node may allow fewer.
pub const MAX_SUBJECTS: usize = 50;

impl fmt::Debug for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Subject::{}(<redacted>)", self.kind())
    }
}

/// A UNODC International Classification of Crime for Statistical Purposes
/// code: two to six digits, the first two a section from 01 to 11
/// (e.g. `0204`, trafficking in persons). Parsing checks only the shape, so
/// that stored records keep reading; codes entering in requests must also be
/// ones Liaison knows (`convert::offence_code`, `crate::iccs`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct OffenceCode(String);

/// Text that is not an ICCS code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "is not a UNODC ICCS offence code (2 to 6 digits, section 01 to 11, e.g. 0204 for trafficking in persons)"
)]
pub struct BadOffenceCode;

impl OffenceCode {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for OffenceCode {
    type Err = BadOffenceCode;
    fn from_str(s: &str) -> Result<Self, BadOffenceCode> {
        let ok = (2..=6).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_digit())
            && matches!(s.get(..2).and_then(|p| p.parse::<u8>().ok()), Some(1..=11));
        if ok {
            Ok(OffenceCode(s.to_string()))
        } else {
            Err(BadOffenceCode)
        }
    }
}

impl TryFrom<String> for OffenceCode {
    type Error = BadOffenceCode;
    fn try_from(s: String) -> Result<Self, BadOffenceCode> {
        s.parse()
    }
}

impl From<OffenceCode> for String {
    fn from(c: OffenceCode) -> String {
        c.0
    }
}

/// A structured information request from one country to another.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InformationRequest {
    pub request_id: String,
    pub from_country: CountryCode,
    pub to_country: CountryCode,
    pub category: Category,
    pub purpose: Purpose,
    /// The offences the request concerns: at least one, each once, the
    /// first being the main one. Records written before several were
    /// allowed hold one code under `offence_code`.
    #[serde(alias = "offence_code", deserialize_with = "one_or_more_codes")]
    pub offence_codes: Vec<OffenceCode>,
    /// The first subject. Records and requests from before several
    /// subjects were carried hold only this one.
    pub subject: Subject,
    #[serde(default)]
    pub subject_role: SubjectRole,
    /// The other subjects, in the order given.
    #[serde(default)]
    pub more_subjects: Vec<RoledSubject>,
    /// The requesting country's own case number; empty if none.
    #[serde(default)]
    pub case_reference: String,
    /// The case the request belongs to (a UUID); empty if none.
    #[serde(default)]
    pub case_id: String,
    pub summary: String,
    pub deadline_unix_ms: i64,
    pub requested_by: String,
    pub created_unix_ms: i64,
    /// The response fields asked for, each from the category's catalogue.
    /// Empty only in requests signed before the field existed, which ask
    /// for every field the agreements allow.
    #[serde(default)]
    pub requested_fields: Vec<String>,
    /// The handling code and longest retention the requesting country's
    /// agreement accepts for released data; `None` in requests signed
    /// before they were carried.
    #[serde(default)]
    pub accepted_handling: Option<HandlingCode>,
    #[serde(default)]
    pub max_retention_days: Option<u32>,
    /// The legal bases named (codes of [`crate::legal::LEGAL_BASES`]),
    /// each once; empty in requests signed before they were carried.
    #[serde(default)]
    pub legal_bases: Vec<String>,
    /// The bilateral agreement a `BILATERAL` basis names; empty otherwise.
    #[serde(default)]
    pub legal_basis_reference: String,
    /// Present exactly when the request concerns a possible victim.
    #[serde(default)]
    pub non_punishment: Option<NonPunishment>,
    /// Set on a victim-status notification only.
    #[serde(default)]
    pub victim_status: Option<VictimStatus>,
    /// The earlier request this one follows up (a UUID); empty if none.
    #[serde(default)]
    pub follows_request_id: String,
    /// The requesting country's own offence, from its national offence
    /// mapping; `None` if it named none (and in requests signed before it
    /// was carried). Boxed: most requests name none.
    #[serde(default)]
    pub national_offence: Option<Box<crate::offences::NationalOffence>>,
    /// The language of the summary (BCP 47 tag); empty if not said.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary_language: String,
    /// The listing a hit/no-hit check matched, which this request follows
    /// up; `None` if none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hit: Option<HitReference>,
}

/// An entry of the receiving country's indicator list that the sender's
/// hit/no-hit check matched: the agency, its list, its reference, the kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HitReference {
    pub agency: String,
    pub list: String,
    pub reference: String,
    pub kind: String,
}

/// The names of the kinds of indicators a hit/no-hit check is about.
pub const INDICATOR_KINDS: [&str; 6] = [
    "phone",
    "bank_account",
    "wallet",
    "online_account",
    "imei",
    "identity_document",
];

/// The most offence codes one request carries.
pub const MAX_OFFENCE_CODES: usize = 8;

impl InformationRequest {
    /// Every subject with its role, the first first.
    pub fn subjects(&self) -> impl Iterator<Item = (SubjectRole, &Subject)> {
        std::iter::once((self.subject_role, &self.subject))
            .chain(self.more_subjects.iter().map(|s| (s.role, &s.subject)))
    }

    /// How many subjects the request names: 1 to [`MAX_SUBJECTS`].
    pub fn subject_count(&self) -> usize {
        1 + self.more_subjects.len()
    }

    /// The subject at 0-based `position` (what [`Field::subject`] names),
    /// with its role.
    pub fn subject_at(&self, position: u32) -> Option<(SubjectRole, &Subject)> {
        self.subjects().nth(position as usize)
    }

    /// Whether the request is about a possible victim: a victim
    /// identification always is, and so is any request naming a subject
    /// as `POSSIBLE_VICTIM`. It then goes to the agency that protects
    /// victims, and is answered under `VICTIM_PROTECTED`.
    pub fn concerns_possible_victim(&self) -> bool {
        self.category == Category::VictimIdentification
            || self
                .subjects()
                .any(|(role, _)| role == SubjectRole::PossibleVictim)
    }

    /// The trafficking indicators of every possible victim, each code once,
    /// in list order: what the audit log records (never who).
    pub fn victim_indicators(&self) -> Vec<&str> {
        let mut codes: Vec<&str> = Vec::new();
        for (_, subject) in self.subjects() {
            if let Subject::Person(person) = subject {
                for code in &person.indicators {
                    if !codes.contains(&code.as_str()) {
                        codes.push(code);
                    }
                }
            }
        }
        codes
    }

    /// Erases every subject (the end of retention).
    pub fn purge_subjects(&mut self) {
        self.subject = Subject::Purged;
        for more in &mut self.more_subjects {
            more.subject = Subject::Purged;
        }
    }
}

/// Reads `"0204"` (a record of the earlier format) or `["0204", …]`.
fn one_or_more_codes<'de, D>(deserializer: D) -> Result<Vec<OffenceCode>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Codes {
        One(OffenceCode),
        More(Vec<OffenceCode>),
    }
    Ok(match Codes::deserialize(deserializer)? {
        Codes::One(code) => vec![code],
        Codes::More(codes) => codes,
    })
}

impl fmt::Debug for InformationRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Subject and summary are personal data and stay out of Debug output.
        f.debug_struct("InformationRequest")
            .field("request_id", &self.request_id)
            .field("from_country", &self.from_country)
            .field("to_country", &self.to_country)
            .field("category", &self.category)
            .field("purpose", &self.purpose)
            .field("offence_codes", &self.offence_codes)
            .field("subject", &self.subject)
            .field("subjects", &(1 + self.more_subjects.len()))
            .finish_non_exhaustive()
    }
}

/// One released item of an answer, about one subject of the request.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    pub value: String,
    /// The 0-based position of the subject the value is about in the
    /// request's subjects ([`InformationRequest::subjects`]). Records and
    /// answers from before it was carried hold 0: the only subject.
    #[serde(default)]
    pub subject: u32,
}

impl fmt::Debug for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Field({} of subject {}: <redacted>)",
            self.name, self.subject
        )
    }
}

/// What an answer says: released fields or a refusal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Released {
        fields: Vec<Field>,
        remarks: String,
        handling: HandlingCode,
        retention_days: u32,
        /// Names of fields the agency gave that the agreement withheld.
        redacted_fields: Vec<String>,
        /// The agreement rule that released the data.
        rule: String,
    },
    Refused {
        reason: RefusalReason,
        explanation: String,
        /// The agreement rule that refused, for the node's own refusals.
        rule: String,
    },
}

impl Outcome {
    /// The request status this outcome leads to.
    pub fn status(&self) -> RequestStatus {
        match self {
            Outcome::Released { .. } => RequestStatus::Answered,
            Outcome::Refused { .. } => RequestStatus::Refused,
        }
    }
}

/// An agency's reply to a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub request_id: String,
    pub from_country: CountryCode,
    pub to_country: CountryCode,
    pub agency: String,
    pub answered_unix_ms: i64,
    pub outcome: Outcome,
}

/// The sender no longer needs an answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub request_id: String,
    pub reason: String,
}

/// Files sent with a request or its answer: the signed manifest (the
/// bytes travel apart).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceManifest {
    pub request_id: String,
    pub files: Vec<EvidenceFile>,
}

/// One evidence file as acquired (see `EvidenceFile` in exchange.proto).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFile {
    pub file_id: String,
    pub name: String,
    pub size: u64,
    pub media_type: String,
    #[serde(with = "hex_array")]
    pub sha256: [u8; 32],
    pub acquired_by: String,
    pub acquired_unix_ms: i64,
    pub source: String,
    pub description: String,
    /// The leaf hash of the acquiring node's `evidence.attached` entry.
    #[serde(with = "hex_array")]
    pub custody_start: [u8; 32],
    /// That entry proved under the acquiring node's signed tree head (an
    /// encoded `pb::AuditProof`), checked by the receiver against its keys.
    #[serde(default, with = "base64_vec")]
    pub acquisition: Vec<u8>,
}

/// Base64 for byte strings in JSON.
mod base64_vec {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize as _, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text).map_err(serde::de::Error::custom)
    }
}

/// Hex for 32-byte hashes in JSON.
mod hex_array {
    use serde::{Deserialize as _, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        let text = String::deserialize(d)?;
        let bytes = hex::decode(&text).map_err(serde::de::Error::custom)?;
        bytes
            .try_into()
            .map_err(|_| serde::de::Error::custom("expected 32 bytes of hex"))
    }
}

/// What a message carries.
// Most messages are requests, and a message lives only while it is sealed
// or checked: boxing the request would save nothing worth an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Content {
    Request(InformationRequest),
    Answer(Answer),
    Withdrawal(Withdrawal),
    Evidence(EvidenceManifest),
}

impl Content {
    pub fn kind(&self) -> &'static str {
        match self {
            Content::Request(_) => "request",
            Content::Answer(_) => "answer",
            Content::Withdrawal(_) => "withdrawal",
            Content::Evidence(_) => "evidence",
        }
    }

    /// The request the content is about.
    pub fn request_id(&self) -> &str {
        match self {
            Content::Request(r) => &r.request_id,
            Content::Answer(a) => &a.request_id,
            Content::Withdrawal(w) => &w.request_id,
            Content::Evidence(e) => &e.request_id,
        }
    }
}

/// A message between two nodes, before signing or after verification.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub message_id: String,
    pub from: CountryCode,
    pub to: CountryCode,
    pub created_unix_ms: i64,
    pub nonce: [u8; 16],
    pub content: Content,
}

/// What a receiving node attests about a delivery.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptBody {
    pub message_id: String,
    pub envelope_hash: [u8; 32],
    pub receiver: CountryCode,
    pub sender: CountryCode,
    pub received_unix_ms: i64,
    pub audit_index: u64,
    /// The receiver's signed tree head covering `audit_index`, still to be
    /// verified with the receiver's key.
    pub tree_head: Option<SignedBytes>,
}

/// Signed bytes not yet verified: what a signed tree head is on the wire.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedBytes {
    pub body: Vec<u8>,
    pub key_id: String,
    pub signature: Vec<u8>,
}

/// A node's audit log at one moment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TreeHead {
    pub country: CountryCode,
    pub tree_size: u64,
    pub root_hash: [u8; 32],
    pub timestamp_unix_ms: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request_with_subjects() -> InformationRequest {
        InformationRequest {
            request_id: "00000000-0000-4000-8000-000000000001".into(),
            from_country: "THA".parse().unwrap_or_else(|_| unreachable!()),
            to_country: "KHM".parse().unwrap_or_else(|_| unreachable!()),
            category: Category::PhoneCheck,
            purpose: Purpose::Investigation,
            offence_codes: vec!["0204".parse().unwrap_or_else(|_| unreachable!())],
            subject: Subject::Phone(Phone {
                number: "+85512345678".into(),
            }),
            subject_role: SubjectRole::Suspect,
            more_subjects: vec![RoledSubject {
                role: SubjectRole::Witness,
                subject: Subject::Device(Device {
                    imei: "490154203237518".into(),
                    model: String::new(),
                }),
            }],
            case_reference: "TH-1".into(),
            case_id: String::new(),
            summary: String::new(),
            deadline_unix_ms: 2,
            requested_by: "focal-point".into(),
            created_unix_ms: 1,
            requested_fields: Vec::new(),
            accepted_handling: None,
            max_retention_days: None,
            legal_bases: Vec::new(),
            legal_basis_reference: String::new(),
            non_punishment: None,
            victim_status: None,
            follows_request_id: String::new(),
            national_offence: None,
            summary_language: String::new(),
            hit: None,
        }
    }

    #[test]
    fn a_request_stored_before_several_subjects_reads_with_one_of_unknown_role() {
        let mut stored =
            serde_json::to_value(request_with_subjects()).unwrap_or_else(|e| panic!("{e}"));
        for key in [
            "subject_role",
            "more_subjects",
            "case_reference",
            "case_id",
            "national_offence",
        ] {
            stored.as_object_mut().map(|o| o.remove(key));
        }
        let read: InformationRequest =
            serde_json::from_value(stored).unwrap_or_else(|e| panic!("{e}"));
        let roles: Vec<SubjectRole> = read.subjects().map(|(role, _)| role).collect();
        assert_eq!(roles, vec![SubjectRole::Unknown]);
        assert!(read.case_reference.is_empty());
    }

    #[test]
    fn victim_protected_is_at_least_as_strict_as_every_code_and_nothing_else_is_as_strict() {
        for code in HandlingCode::ALL {
            assert!(HandlingCode::VictimProtected.at_least_as_strict_as(*code));
            assert_eq!(
                code.at_least_as_strict_as(HandlingCode::VictimProtected),
                *code == HandlingCode::VictimProtected
            );
        }
    }

    #[test]
    fn a_purge_erases_every_subject_and_debug_shows_none() {
        let mut request = request_with_subjects();
        let shown = format!("{request:?}");
        assert!(
            !shown.contains("+855") && !shown.contains("4901542"),
            "{shown}"
        );
        request.purge_subjects();
        assert!(request.subjects().all(|(_, s)| *s == Subject::Purged));
        // Roles are not personal data: they stay.
        assert_eq!(request.more_subjects[0].role, SubjectRole::Witness);
    }

    #[test]
    fn country_codes_and_names_are_read_alike_in_either_case() {
        for given in ["KHM", "khm", "Khm", " khm "] {
            assert_eq!(
                given.parse::<CountryCode>().map(String::from),
                Ok("KHM".into())
            );
        }
        for given in ["phone_check", "PHONE_CHECK", " Phone-Check "] {
            assert_eq!(given.parse::<Category>(), Ok(Category::PhoneCheck));
        }
        for bad in ["KH", "KHMR", "K1M", "", "ＫＨＭ"] {
            assert!(bad.parse::<CountryCode>().is_err(), "{bad}");
        }
        // Errors say the rule and the accepted values, never the text given.
        let error = "~given~".parse::<Category>().unwrap_err().to_string();
        assert!(error.contains("PHONE_CHECK, WALLET_TRACE"), "{error}");
        assert!(!error.contains("~given~"), "{error}");
        let error = "~given~".parse::<CountryCode>().unwrap_err().to_string();
        assert!(error.contains("three letters A-Z"), "{error}");
        assert!(!error.contains("~given~"), "{error}");
        let error = "~given~".parse::<OffenceCode>().unwrap_err().to_string();
        assert!(!error.contains("~given~"), "{error}");
    }

    #[test]
    fn handling_codes_are_ordered_by_what_they_restrict() {
        use HandlingCode::*;
        assert!(IntelligenceOnly.at_least_as_strict_as(EvidenceWithConsent));
        assert!(!EvidenceWithConsent.at_least_as_strict_as(IntelligenceOnly));
        for code in HandlingCode::ALL {
            assert!(code.at_least_as_strict_as(*code));
            // No onward sharing is comparable only with itself, and with
            // VICTIM_PROTECTED, which holds it too.
            if *code != NoOnwardSharing && *code != VictimProtected {
                assert!(!NoOnwardSharing.at_least_as_strict_as(*code));
                assert!(!code.at_least_as_strict_as(NoOnwardSharing));
            }
        }
    }
}
