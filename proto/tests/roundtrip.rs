//! Round trips of the wire types (issue 21): a valid domain value, turned
//! into its protobuf type, encoded, decoded and checked again, is the same
//! value; and every decoder given arbitrary bytes either refuses them or
//! gives a value that round-trips in turn, never a panic.
//!
//! "Valid" means accepted by the domain's own checks: the generators build
//! protobuf values from pieces the checks accept (with random text, sizes,
//! times and lists), and the properties require the conversion to succeed,
//! so a generator drifting out of the valid space fails loudly rather than
//! testing nothing. `PROPTEST_CASES` raises the cases (default [`CASES`]).

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_proto::domain::{
    Answer, Category, EvidenceManifest, HandlingCode, InformationRequest, Message, Purpose,
    ReceiptBody, RefusalReason, TreeHead, Withdrawal,
};
use liaison_proto::pb;
use proptest::prelude::*;
use prost::Message as _;

const CASES: u32 = 1000;

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(CASES),
    )
}

fn arb_uuid() -> impl Strategy<Value = String> {
    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
}

/// Text without control characters (any script), and with newlines and
/// tabs where `multiline`.
fn arb_text(max: usize, multiline: bool) -> BoxedStrategy<String> {
    if multiline {
        proptest::string::string_regex(&format!("[\\PC\\n\\t]{{0,{max}}}"))
            .unwrap()
            .boxed()
    } else {
        proptest::string::string_regex(&format!("\\PC{{0,{max}}}"))
            .unwrap()
            .boxed()
    }
}

fn arb_required(max: usize) -> impl Strategy<Value = String> {
    (
        "[A-Za-z0-9]",
        proptest::string::string_regex(&format!("\\PC{{0,{}}}", max - 1)).unwrap(),
    )
        .prop_map(|(a, b)| a + &b)
}

fn arb_time() -> impl Strategy<Value = i64> {
    1i64..=i64::MAX
}

const PARTIES: &[(&str, &str)] = &[
    ("THA", "KHM"),
    ("KHM", "THA"),
    ("VNM", "LAO"),
    ("MMR", "THA"),
];

fn arb_parties() -> impl Strategy<Value = (String, String)> {
    proptest::sample::select(PARTIES.to_vec()).prop_map(|(a, b)| (a.to_string(), b.to_string()))
}

fn subject(kind: pb::subject::Kind, role: i32) -> pb::Subject {
    pb::Subject {
        kind: Some(kind),
        role,
    }
}

/// A subject of `category`, told apart from the others by `n`.
fn subject_for(category: Category, n: usize, role: i32) -> pb::Subject {
    use pb::subject::Kind;
    let kind = match category {
        Category::PhoneCheck => Kind::OnlineAccount(pb::OnlineAccount {
            platform: "TELEGRAM".into(),
            handle: format!("@jobs_abroad_{n}"),
            user_id: format!("12345{n}"),
        }),
        Category::WalletTrace => Kind::Wallet(pb::Wallet {
            network: "BTC".into(),
            address: format!("bc1q{n}"),
        }),
        Category::CompanyCheck => Kind::Company(pb::Company {
            name: format!("Golden Recruitment {n} Ltd"),
            ..Default::default()
        }),
        _ => Kind::Person(pb::Person {
            full_name: format!("Nguyen Van {n}"),
            nationality: "VNM".into(),
            ..Default::default()
        }),
    };
    subject(kind, role)
}

/// Categories whose requests need nothing beyond their subjects (a victim
/// identification carries the non-punishment principle; see
/// `convert/tests.rs`).
const CATEGORIES: &[Category] = &[
    Category::PersonCheck,
    Category::PhoneCheck,
    Category::WalletTrace,
    Category::CompanyCheck,
    Category::CaseNotification,
];

/// Roles other than a possible victim (which needs the non-punishment
/// principle): unknown, suspect, witness and the like.
fn arb_role() -> impl Strategy<Value = i32> {
    proptest::sample::select(
        [
            pb::SubjectRole::Unknown,
            pb::SubjectRole::Suspect,
            pb::SubjectRole::Witness,
        ]
        .to_vec(),
    )
    .prop_map(|r| r as i32)
}

fn arb_request(from: String, to: String) -> impl Strategy<Value = pb::InformationRequest> {
    let bases: Vec<String> = ["ACTIP", "UNTOC_ART_18", "UNTOC_ART_27"]
        .iter()
        .map(|b| b.to_string())
        .collect();
    proptest::sample::select(CATEGORIES.to_vec()).prop_flat_map(move |category| {
        let fields: Vec<String> = category
            .response_fields()
            .iter()
            .map(|f| f.to_string())
            .collect();
        (
            (
                arb_uuid(),
                proptest::option::of(arb_uuid()),
                proptest::collection::vec(arb_role(), 1..=3),
                proptest::sample::subsequence(fields.clone(), 0..=fields.len()),
                proptest::sample::select(Purpose::ALL.to_vec()),
            ),
            (
                arb_text(200, true),
                "[A-Za-z0-9/._ -]{0,40}",
                arb_time(),
                arb_time(),
                arb_required(40),
            ),
            (
                0i32..=4,
                prop_oneof![Just(0u32), 1u32..=3650],
                proptest::sample::subsequence(bases.clone(), 0..=2),
                proptest::sample::subsequence(vec!["0204", "0701", "02011"], 0..=2),
                proptest::option::of(arb_uuid()),
            ),
        )
            .prop_map({
                let (from, to) = (from.clone(), to.clone());
                move |(
                    (request_id, case_id, roles, requested, purpose),
                    (summary, case_reference, deadline, created, requested_by),
                    (handling, retention, legal_bases, more_codes, follows),
                )| {
                    let mut subjects = roles
                        .iter()
                        .enumerate()
                        .map(|(n, role)| subject_for(category, n, *role));
                    pb::InformationRequest {
                        request_id,
                        from_country: from.clone(),
                        to_country: to.clone(),
                        category: pb::Category::from(category) as i32,
                        purpose: pb::Purpose::from(purpose) as i32,
                        offence_code: "0201".into(),
                        more_offence_codes: more_codes.iter().map(|c| c.to_string()).collect(),
                        subject: subjects.next(),
                        more_subjects: subjects.collect(),
                        case_reference: case_reference.trim().to_string(),
                        case_id: case_id.unwrap_or_default(),
                        summary,
                        deadline_unix_ms: deadline,
                        requested_by,
                        created_unix_ms: created,
                        requested_fields: requested,
                        accepted_handling: handling,
                        max_retention_days: retention,
                        legal_bases,
                        follows_request_id: follows.unwrap_or_default(),
                        ..Default::default()
                    }
                }
            })
    })
}

fn arb_field() -> impl Strategy<Value = pb::Field> {
    ("[a-z][a-z0-9_]{0,20}", arb_text(100, true), 0u32..50).prop_map(|(name, value, subject)| {
        pb::Field {
            name,
            value,
            subject,
        }
    })
}

fn arb_answer(from: String, to: String) -> impl Strategy<Value = pb::Answer> {
    use pb::answer::Outcome;
    let released = (
        proptest::collection::vec(arb_field(), 0..=6),
        arb_text(200, true),
        proptest::sample::select(HandlingCode::ALL.to_vec()),
        1u32..=3650,
        proptest::collection::vec("[a-z][a-z0-9_]{0,20}", 0..=4),
        arb_required(60),
    )
        .prop_map(
            |(mut fields, remarks, handling, retention_days, redacted_fields, rule)| {
                // Each name once per subject.
                let mut seen = std::collections::BTreeSet::new();
                fields.retain(|f| seen.insert((f.name.clone(), f.subject)));
                Outcome::Released(pb::Released {
                    fields,
                    remarks,
                    handling: pb::HandlingCode::from(handling) as i32,
                    retention_days,
                    redacted_fields,
                    rule,
                })
            },
        );
    let refused = (
        proptest::sample::select(RefusalReason::ALL.to_vec()),
        arb_text(200, true),
        arb_text(60, false),
    )
        .prop_map(|(reason, explanation, rule)| {
            Outcome::Refusal(pb::Refusal {
                reason: pb::RefusalReason::from(reason) as i32,
                explanation,
                rule,
            })
        });
    (
        arb_uuid(),
        arb_required(60),
        arb_time(),
        prop_oneof![released, refused],
    )
        .prop_map(move |(request_id, agency, answered, outcome)| pb::Answer {
            request_id,
            from_country: from.clone(),
            to_country: to.clone(),
            agency,
            answered_unix_ms: answered,
            outcome: Some(outcome),
        })
}

fn arb_withdrawal() -> impl Strategy<Value = pb::Withdrawal> {
    (arb_uuid(), arb_text(200, true))
        .prop_map(|(request_id, reason)| pb::Withdrawal { request_id, reason })
}

fn arb_signed_head() -> impl Strategy<Value = pb::SignedTreeHead> {
    (
        proptest::collection::vec(any::<u8>(), 0..80),
        "[0-9a-f]{0,16}",
        proptest::collection::vec(any::<u8>(), 0..64),
    )
        .prop_map(|(body, key_id, signature)| pb::SignedTreeHead {
            body,
            key_id,
            signature,
        })
}

fn arb_evidence_file() -> impl Strategy<Value = pb::EvidenceFile> {
    (
        (
            arb_uuid(),
            "[A-Za-z0-9 _-]{1,40}\\.(pdf|png|csv)",
            1u64..=u64::MAX,
        ),
        (
            proptest::sample::select(vec!["application/pdf", "image/png", "text/csv"]),
            any::<[u8; 32]>(),
            arb_required(60),
            arb_time(),
        ),
        (
            arb_text(100, false),
            arb_text(200, true),
            proptest::collection::vec(any::<u8>(), 1..100),
            any::<u64>(),
            proptest::collection::vec(any::<[u8; 32]>(), 0..4),
            arb_signed_head(),
        ),
    )
        .prop_map(
            |(
                (file_id, name, size),
                (media_type, sha256, acquired_by, acquired),
                (source, description, entry, index, path, head),
            )| {
                pb::EvidenceFile {
                    file_id,
                    name,
                    size,
                    media_type: media_type.into(),
                    sha256: sha256.to_vec(),
                    acquired_by,
                    acquired_unix_ms: acquired,
                    source,
                    description,
                    custody_start: liaison_proto::merkle::leaf_hash(&entry).to_vec(),
                    acquisition: Some(pb::AuditProof {
                        entry,
                        index,
                        path: path.iter().map(|p| p.to_vec()).collect(),
                        tree_head: Some(head),
                    }),
                }
            },
        )
}

fn arb_manifest() -> impl Strategy<Value = pb::EvidenceManifest> {
    (
        arb_uuid(),
        proptest::collection::vec(arb_evidence_file(), 1..=3),
    )
        .prop_map(|(request_id, mut files)| {
            let mut seen = std::collections::BTreeSet::new();
            files.retain(|f| seen.insert(f.file_id.clone()));
            pb::EvidenceManifest { request_id, files }
        })
}

fn arb_message() -> impl Strategy<Value = pb::Message> {
    use pb::message::Content;
    arb_parties().prop_flat_map(|(from, to)| {
        let content = prop_oneof![
            arb_request(from.clone(), to.clone()).prop_map(Content::Request),
            arb_answer(from.clone(), to.clone()).prop_map(Content::Answer),
            arb_withdrawal().prop_map(Content::Withdrawal),
            arb_manifest().prop_map(Content::Evidence),
        ];
        (arb_uuid(), arb_time(), any::<[u8; 16]>(), content).prop_map(
            move |(message_id, created, nonce, content)| pb::Message {
                message_id,
                from: from.clone(),
                to: to.clone(),
                created_unix_ms: created,
                nonce: nonce.to_vec(),
                content: Some(content),
            },
        )
    })
}

fn arb_receipt_body() -> impl Strategy<Value = pb::ReceiptBody> {
    (
        arb_uuid(),
        any::<[u8; 32]>(),
        arb_parties(),
        arb_time(),
        any::<u64>(),
        proptest::option::of(arb_signed_head()),
    )
        .prop_map(
            |(message_id, hash, (receiver, sender), received, audit_index, tree_head)| {
                pb::ReceiptBody {
                    message_id,
                    envelope_hash: hash.to_vec(),
                    receiver,
                    sender,
                    received_unix_ms: received,
                    audit_index,
                    tree_head,
                }
            },
        )
}

fn arb_tree_head() -> impl Strategy<Value = pb::TreeHeadBody> {
    (arb_parties(), any::<u64>(), any::<[u8; 32]>(), arb_time()).prop_map(
        |((country, _), tree_size, root, timestamp)| pb::TreeHeadBody {
            country,
            tree_size,
            root_hash: root.to_vec(),
            timestamp_unix_ms: timestamp,
        },
    )
}

/// Domain -> pb -> bytes -> pb -> domain gives `domain` back, and the
/// second protobuf value is the first (the conversion to the wire is a
/// function of the domain value alone).
fn round_trips<D, P>(domain: &D) -> Result<(), TestCaseError>
where
    D: PartialEq + std::fmt::Debug,
    P: prost::Message + Default + PartialEq + for<'a> From<&'a D>,
    for<'a> D: TryFrom<&'a P, Error = liaison_proto::ConversionError>,
{
    let wire = P::from(domain);
    let bytes = wire.encode_to_vec();
    let decoded = P::decode(bytes.as_slice()).unwrap();
    prop_assert!(decoded == wire, "protobuf changed in transit");
    let again = D::try_from(&decoded);
    prop_assert!(again.is_ok(), "{:?}", again.err());
    prop_assert_eq!(&again.unwrap(), domain);
    Ok(())
}

/// Decodes `bytes` as `P`, then checks it as `D`: either may refuse, and
/// whatever is accepted round-trips.
fn decoded_or_refused<D, P>(bytes: &[u8]) -> Result<(), TestCaseError>
where
    D: PartialEq + std::fmt::Debug,
    P: prost::Message + Default + PartialEq + for<'a> From<&'a D>,
    for<'a> D: TryFrom<&'a P, Error = liaison_proto::ConversionError>,
{
    let Ok(wire) = P::decode(bytes) else {
        return Ok(());
    };
    if let Ok(domain) = D::try_from(&wire) {
        round_trips::<D, P>(&domain)?;
    }
    Ok(())
}

/// `bytes` with a few bytes flipped, dropped or inserted.
fn mutate(mut bytes: Vec<u8>, edits: &[(usize, u8)]) -> Vec<u8> {
    for &(at, value) in edits {
        if bytes.is_empty() {
            bytes.push(value);
            continue;
        }
        let i = at % bytes.len();
        match value % 3 {
            0 => bytes[i] ^= value | 1,
            1 => {
                bytes.remove(i);
            }
            _ => bytes.insert(i, value),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn messages_round_trip(message in arb_message()) {
        let domain = Message::try_from(&message);
        prop_assert!(domain.is_ok(), "the generator made an invalid message: {:?}", domain.err());
        round_trips::<Message, pb::Message>(&domain.unwrap())?;
    }

    #[test]
    fn requests_answers_and_manifests_round_trip_on_their_own(message in arb_message()) {
        use pb::message::Content;
        match message.content.as_ref().unwrap() {
            Content::Request(r) => {
                round_trips::<InformationRequest, pb::InformationRequest>(&InformationRequest::try_from(r).unwrap())?
            }
            Content::Answer(a) => round_trips::<Answer, pb::Answer>(&Answer::try_from(a).unwrap())?,
            Content::Withdrawal(w) => {
                round_trips::<Withdrawal, pb::Withdrawal>(&Withdrawal::try_from(w).unwrap())?
            }
            Content::Evidence(e) => {
                round_trips::<EvidenceManifest, pb::EvidenceManifest>(&EvidenceManifest::try_from(e).unwrap())?
            }
        }
    }

    #[test]
    fn receipts_and_tree_heads_round_trip(body in arb_receipt_body(), head in arb_tree_head()) {
        round_trips::<ReceiptBody, pb::ReceiptBody>(&ReceiptBody::try_from(&body).unwrap())?;
        round_trips::<TreeHead, pb::TreeHeadBody>(&TreeHead::try_from(&head).unwrap())?;
    }

    /// Arbitrary bytes, and valid encodings damaged a little (to get past
    /// the protobuf layer into the checks), fed to every decoder.
    #[test]
    fn every_decoder_refuses_or_decodes_arbitrary_bytes(
        random in proptest::collection::vec(any::<u8>(), 0..256),
        message in arb_message(),
        body in arb_receipt_body(),
        head in arb_tree_head(),
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..4),
    ) {
        let damaged = [
            random,
            mutate(message.encode_to_vec(), &edits),
            mutate(body.encode_to_vec(), &edits),
            mutate(head.encode_to_vec(), &edits),
        ];
        for bytes in &damaged {
            decoded_or_refused::<Message, pb::Message>(bytes)?;
            decoded_or_refused::<InformationRequest, pb::InformationRequest>(bytes)?;
            decoded_or_refused::<Answer, pb::Answer>(bytes)?;
            decoded_or_refused::<Withdrawal, pb::Withdrawal>(bytes)?;
            decoded_or_refused::<EvidenceManifest, pb::EvidenceManifest>(bytes)?;
            decoded_or_refused::<ReceiptBody, pb::ReceiptBody>(bytes)?;
            decoded_or_refused::<TreeHead, pb::TreeHeadBody>(bytes)?;
        }
    }
}
