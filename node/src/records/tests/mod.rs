//! Properties of issue 21 for the store's records beside requests, outbox
//! items and audit entries (see `migrate::tests`, which also checks that
//! the upgrade is idempotent), in [`round_trips`]; and the generators both
//! share.

use std::sync::Arc;

use liaison_proto::domain::{
    BankAccount, Category, Company, CountryCode, Device, DocumentType, HandlingCode, HitReference,
    INDICATOR_KINDS, IdentityDocument, InformationRequest, IpAddress, NonPunishment, OnlineAccount,
    Person, Phone, Purpose, RoledSubject, Subject, SubjectKind, SubjectRole, Vehicle, VictimStatus,
    Wallet,
};
use liaison_proto::identifiers::PLATFORMS;
use liaison_proto::legal::{LEGAL_BASES, NON_PUNISHMENT};
use liaison_proto::offences::NationalOffence;
use liaison_proto::victims::INDICATORS;
use proptest::prelude::*;

use crate::records::Records;
use crate::store::{MemoryStore, Store};
use crate::vault::{FileKek, Kek};

mod round_trips;

pub(super) fn text() -> impl Strategy<Value = String> {
    "[\\PC\\n]{0,40}"
}

pub(super) fn arb_uuid() -> impl Strategy<Value = String> {
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
}

pub(super) fn country() -> impl Strategy<Value = CountryCode> {
    proptest::sample::select(vec!["THA", "KHM", "VNM"]).prop_map(|c| c.parse().unwrap())
}

/// Identifiers that pass their checks (`liaison_proto::identifiers`), so
/// that a round trip carries what a request may really hold. They are
/// illustrative, widely published examples, nobody's: IBANs (the first is
/// ISO 13616's own example), a BIC in its 8- and 11-character forms, an
/// IMEI whose last digit is its Luhn check digit, numbers valid in the
/// Cambodian and Thai numbering plans, and addresses of the documentation
/// ranges (RFC 5737, RFC 3849). The test below keeps them valid.
const IBANS: [&str; 2] = ["GB82WEST12345698765432", "DE89370400440532013000"];
const BICS: [&str; 2] = ["DEUTDEFF", "DEUTDEFF500"];
const IMEIS: [&str; 1] = ["490154203237518"];
const PHONES: [&str; 2] = ["+85512345678", "+66812345678"];
const IP_ADDRESSES: [&str; 2] = ["203.0.113.7", "2001:db8::1"];

#[test]
fn the_illustrative_identifiers_pass_their_checks() {
    use liaison_proto::identifiers;
    for iban in IBANS {
        assert_eq!(identifiers::iban(iban).as_deref(), Ok(iban));
    }
    for bic in BICS {
        assert_eq!(identifiers::bic(bic).as_deref(), Ok(bic));
    }
    for imei in IMEIS {
        assert_eq!(identifiers::imei(imei).as_deref(), Ok(imei));
    }
    for phone in PHONES {
        assert_eq!(identifiers::phone(phone).as_deref(), Ok(phone));
    }
    for address in IP_ADDRESSES {
        assert_eq!(identifiers::ip_address(address).as_deref(), Ok(address));
    }
}

fn codes(list: &[(&'static str, &'static str)]) -> Vec<&'static str> {
    list.iter().map(|(code, _)| *code).collect()
}

/// A subject of `kind`, every field drawn.
fn arb_subject_of(kind: SubjectKind) -> BoxedStrategy<Subject> {
    use proptest::option::of;
    use proptest::sample::{select, subsequence};
    let victim_indicators: Vec<&str> = INDICATORS.iter().map(|(code, ..)| *code).collect();
    match kind {
        SubjectKind::Person => (
            text(),
            proptest::option::of((1900u32..2030, 1u32..=12, 1u32..=28)),
            select(vec!["", "THA", "KHM", "VNM"]),
            "[A-Z0-9]{0,12}",
            subsequence(victim_indicators, 0..=3),
        )
            .prop_map(
                |(full_name, born, nationality, document_number, indicators)| {
                    Subject::Person(Person {
                        full_name,
                        date_of_birth: born
                            .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
                            .unwrap_or_default(),
                        nationality: nationality.into(),
                        document_number,
                        indicators: indicators.iter().map(|c| c.to_string()).collect(),
                    })
                },
            )
            .boxed(),
        SubjectKind::Phone => select(PHONES.to_vec())
            .prop_map(|number| {
                Subject::Phone(Phone {
                    number: number.into(),
                })
            })
            .boxed(),
        SubjectKind::Wallet => (select(vec!["BTC", "ETH", "TRON"]), "[A-Za-z0-9]{1,40}")
            .prop_map(|(network, address)| {
                Subject::Wallet(Wallet {
                    network: network.into(),
                    address,
                })
            })
            .boxed(),
        SubjectKind::Company => (text(), "[A-Z0-9/-]{0,12}", select(vec!["", "KHM"]))
            .prop_map(|(name, registration_number, jurisdiction)| {
                Subject::Company(Company {
                    name,
                    registration_number,
                    jurisdiction: jurisdiction.into(),
                })
            })
            .boxed(),
        // An IBAN alone, or a national account number with its BIC.
        SubjectKind::BankAccount => (
            of(select(IBANS.to_vec())),
            "[0-9A-Z]{4,20}",
            select(BICS.to_vec()),
            text(),
        )
            .prop_map(|(iban, number, bic, holder_name)| {
                Subject::BankAccount(match iban {
                    Some(iban) => BankAccount {
                        iban: iban.into(),
                        account_number: String::new(),
                        bic: String::new(),
                        holder_name,
                    },
                    None => BankAccount {
                        iban: String::new(),
                        account_number: number,
                        bic: bic.into(),
                        holder_name,
                    },
                })
            })
            .boxed(),
        SubjectKind::OnlineAccount => {
            (select(codes(PLATFORMS)), "[a-z0-9_.@]{0,20}", "[0-9]{0,12}")
                .prop_map(|(platform, handle, user_id)| {
                    Subject::OnlineAccount(OnlineAccount {
                        platform: platform.into(),
                        handle,
                        user_id,
                    })
                })
                .boxed()
        }
        SubjectKind::Device => (select(IMEIS.to_vec()), text())
            .prop_map(|(imei, model)| {
                Subject::Device(Device {
                    imei: imei.into(),
                    model,
                })
            })
            .boxed(),
        SubjectKind::IdentityDocument => (
            select(DocumentType::ALL.to_vec()),
            "[A-Z0-9]{6,9}",
            country(),
        )
            .prop_map(|(document_type, number, issuing_country)| {
                Subject::IdentityDocument(IdentityDocument {
                    document_type,
                    number,
                    issuing_country,
                })
            })
            .boxed(),
        SubjectKind::Vehicle => ("[A-Z0-9 -]{1,10}", country())
            .prop_map(|(plate, country)| Subject::Vehicle(Vehicle { plate, country }))
            .boxed(),
        SubjectKind::IpAddress => (
            select(IP_ADDRESSES.to_vec()),
            1i64..=4_102_444_800_000,
            any::<u16>(),
        )
            .prop_map(|(address, observed_unix_ms, port)| {
                Subject::IpAddress(IpAddress {
                    address: address.into(),
                    observed_unix_ms,
                    port,
                })
            })
            .boxed(),
    }
}

/// A subject of a kind `category` accepts, with a role.
fn arb_subject_for(category: Category) -> impl Strategy<Value = (SubjectRole, Subject)> {
    let kinds: Vec<SubjectKind> = SubjectKind::ALL
        .iter()
        .copied()
        .filter(|kind| category.accepts_kind(*kind))
        .collect();
    (
        proptest::sample::select(SubjectRole::ALL.to_vec()),
        proptest::sample::select(kinds).prop_flat_map(arb_subject_of),
    )
}

/// A request of any category, its subjects of kinds the category
/// accepts, with the victim elements where the protocol carries them:
/// a non-punishment element exactly when it concerns a possible victim,
/// a victim status only on a notification (following a request).
pub(super) fn arb_request() -> impl Strategy<Value = InformationRequest> {
    use proptest::option::of;
    use proptest::sample::{select, subsequence};
    let offences: Vec<&str> = liaison_proto::iccs::entries()
        .iter()
        .map(|e| e.code)
        .collect();
    let peers = select(vec![("THA", "KHM"), ("KHM", "THA"), ("VNM", "THA")]);
    select(Category::ALL.to_vec())
        .prop_flat_map(move |category| {
            (
                (
                    Just(category),
                    arb_uuid(),
                    text(),
                    1i64..=i64::MAX,
                    1i64..=i64::MAX,
                    arb_subject_for(category),
                    proptest::collection::vec(arb_subject_for(category), 0..3),
                    select(Purpose::ALL.to_vec()),
                    subsequence(offences.clone(), 1..=3),
                    peers.clone(),
                    subsequence(category.response_fields().to_vec(), 0..=3),
                ),
                (
                    of(select(HandlingCode::ALL.to_vec())),
                    of(1u32..=3650),
                    subsequence(codes(LEGAL_BASES), 0..=3),
                    "[A-Za-z0-9 ]{0,20}",
                    (select(codes(NON_PUNISHMENT)), "[A-Za-z0-9 .]{0,20}"),
                    of(select(VictimStatus::ALL.to_vec())),
                    (
                        (arb_uuid(), any::<bool>()),
                        of(arb_uuid()),
                        "[A-Z0-9/-]{0,12}",
                    ),
                    of((text(), text(), text())),
                    select(vec!["", "en", "th", "km"]),
                    of((
                        "[a-z-]{1,12}",
                        "[a-z0-9._-]{1,12}",
                        "[A-Za-z0-9 -]{1,16}",
                        select(INDICATOR_KINDS.to_vec()),
                    )),
                ),
            )
        })
        .prop_map(
            |(
                (
                    category,
                    request_id,
                    summary,
                    deadline_unix_ms,
                    created_unix_ms,
                    (subject_role, subject),
                    more_subjects,
                    purpose,
                    offence_codes,
                    (from, to),
                    requested_fields,
                ),
                (
                    accepted_handling,
                    max_retention_days,
                    legal_bases,
                    legal_basis_reference,
                    (provision, reference),
                    victim_status,
                    (follows, case_id, case_reference),
                    national_offence,
                    summary_language,
                    hit,
                ),
            )| {
                let victim_status =
                    victim_status.filter(|_| category == Category::CaseNotification);
                let mut request = InformationRequest {
                    request_id,
                    from_country: from.parse().unwrap(),
                    to_country: to.parse().unwrap(),
                    category,
                    purpose,
                    offence_codes: offence_codes.iter().map(|c| c.parse().unwrap()).collect(),
                    subject,
                    subject_role,
                    more_subjects: more_subjects
                        .into_iter()
                        .map(|(role, subject)| RoledSubject { role, subject })
                        .collect(),
                    case_reference,
                    case_id: case_id.unwrap_or_default(),
                    summary,
                    deadline_unix_ms,
                    requested_by: "fp".into(),
                    created_unix_ms,
                    requested_fields: requested_fields.iter().map(|f| f.to_string()).collect(),
                    accepted_handling,
                    max_retention_days,
                    legal_bases: legal_bases.iter().map(|b| b.to_string()).collect(),
                    legal_basis_reference,
                    non_punishment: None,
                    victim_status,
                    // A notification always names the request it follows.
                    follows_request_id: if follows.1 || victim_status.is_some() {
                        follows.0
                    } else {
                        String::new()
                    },
                    national_offence: national_offence.map(|(statute, title, title_en)| {
                        Box::new(NationalOffence {
                            statute,
                            title,
                            title_en,
                        })
                    }),
                    summary_language: summary_language.into(),
                    hit: hit.map(|(agency, list, reference, kind)| HitReference {
                        agency,
                        list,
                        reference,
                        kind: kind.into(),
                    }),
                };
                if request.concerns_possible_victim() {
                    request.non_punishment = Some(NonPunishment {
                        provision: provision.into(),
                        reference,
                    });
                }
                request
            },
        )
}

pub(super) fn open(store: &Arc<MemoryStore>, kek: &Arc<FileKek>) -> Records {
    let store: Arc<dyn Store> = store.clone();
    let kek: Arc<dyn Kek> = kek.clone();
    Records::open(store, kek).unwrap().0
}
