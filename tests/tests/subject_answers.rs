//! Answers per subject, across real nodes: THA asks KHM to trace a wallet
//! and a bank account under an agreement that releases fewer fields about
//! wallets (`release_by_kind`). KHM's FIU answers fields for both subjects;
//! the node withholds what the agreement does not release for a subject's
//! kind and audits it by kind and position, never a value; THA sees each
//! value under its subject. A field about a subject the request does not
//! name is refused by the answering node's API, and an answer from a peer
//! releasing what THA's own agreement does not accept about a subject's
//! kind is refused by THA.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use liaison_node::policy::AgreementFile;
use liaison_proto::domain::{CountryCode, RequestStatus};
use liaison_proto::pb;
use liaison_proto::pb::subject::Kind;
use liaison_tests::{
    PeerSigner, TestFederation, agreement, audit_events, await_status, id_of, next_assignment,
    phone_check, test_uuid, wait_for_record,
};
use tonic::Code;

const RULE: &str = "KHM-THA v1 rule 1 (WALLET_TRACE)";

/// Wallet traces THA->KHM releasing three fields; about wallets only
/// `exchange_name`, about bank accounts `kyc_name` and
/// `transaction_summary`. The same text on both sides.
fn wallet_agreement(_holder: CountryCode, _peer: CountryCode) -> Option<AgreementFile> {
    let mut file = agreement(
        "THA",
        "KHM",
        1,
        100,
        &[(
            pb::Category::WalletTrace,
            &["THA->KHM"],
            &[pb::Purpose::Investigation],
            &["exchange_name", "kyc_name", "transaction_summary"],
        )],
    );
    file.rules[0].release_by_kind = BTreeMap::from([
        ("WALLET".to_string(), vec!["exchange_name".to_string()]),
        (
            "BANK_ACCOUNT".to_string(),
            vec!["kyc_name".to_string(), "transaction_summary".to_string()],
        ),
    ]);
    Some(file)
}

/// A wallet trace about a suspect's wallet (subject 0) and a bank account
/// (subject 1), asking for the three fields.
fn wallet_and_account() -> pb::NewRequest {
    pb::NewRequest {
        category: pb::Category::WalletTrace as i32,
        subject: Some(pb::Subject {
            kind: Some(Kind::Wallet(pb::Wallet {
                network: "TRON".into(),
                address: "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb".into(),
            })),
            role: pb::SubjectRole::Suspect as i32,
        }),
        more_subjects: vec![pb::Subject {
            kind: Some(Kind::BankAccount(pb::BankAccount {
                iban: "GB82WEST12345698765432".into(),
                ..Default::default()
            })),
            role: pb::SubjectRole::Unknown as i32,
        }],
        requested_fields: vec![
            "exchange_name".into(),
            "kyc_name".into(),
            "transaction_summary".into(),
        ],
        ..phone_check("KHM", "+85512345678")
    }
}

fn field(subject: u32, name: &str, value: &str) -> pb::Field {
    pb::Field {
        name: name.into(),
        value: value.into(),
        subject,
    }
}

fn released(view: &pb::RequestView) -> pb::Released {
    match view.answer.as_ref().and_then(|a| a.outcome.clone()) {
        Some(pb::answer::Outcome::Released(released)) => released,
        other => panic!("expected released fields, got {other:?}"),
    }
}

fn by_subject(released: &pb::Released) -> Vec<(u32, &str, &str)> {
    released
        .fields
        .iter()
        .map(|f| (f.subject, f.name.as_str(), f.value.as_str()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_release_fields_per_subject_and_withhold_by_kind() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &wallet_agreement).await;
    let mut focal = federation.focal_point("THA").await;
    let mut fiu = federation.agency("KHM", "fiu").await;
    let id = id_of(
        &focal
            .submit(wallet_and_account())
            .await
            .unwrap()
            .into_inner(),
    );
    assert_eq!(id_of(&next_assignment(&mut fiu).await), id);

    // The officer's dry run says, per subject, what would be released.
    let dry_run = fiu
        .get(pb::RequestRef {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner()
        .dry_run
        .unwrap();
    assert_eq!(
        dry_run.released_fields,
        ["exchange_name", "kyc_name", "transaction_summary"]
    );
    assert!(dry_run.withheld_fields.is_empty());
    let subjects: Vec<(u32, &str, &[String], &[String])> = dry_run
        .subjects
        .iter()
        .map(|s| {
            (
                s.subject,
                s.kind.as_str(),
                s.released_fields.as_slice(),
                s.withheld_fields.as_slice(),
            )
        })
        .collect();
    assert_eq!(
        subjects,
        [
            (
                0,
                "WALLET",
                &["exchange_name".to_string()][..],
                &["kyc_name".to_string(), "transaction_summary".to_string()][..]
            ),
            (
                1,
                "BANK_ACCOUNT",
                &["kyc_name".to_string(), "transaction_summary".to_string()][..],
                &["exchange_name".to_string()][..]
            ),
        ]
    );
    assert_eq!(dry_run.subjects[0].role, pb::SubjectRole::Suspect as i32);

    // A field about a subject the request does not name, and a field given
    // twice for one subject: refused by the API, naming the field, and
    // nothing is stored.
    let khm = federation.node("KHM").running().exchange();
    // Durable with its audit entries, so that what follows is counted apart.
    wait_for_record(khm, &id, |r| r.status == RequestStatus::Assigned).await;
    let audit_before = khm.records().audit_entries().unwrap().len();
    for (fields, named, rule) in [
        (
            vec![
                field(0, "exchange_name", "Huobi"),
                field(2, "kyc_name", "SECRET-OUT-OF-RANGE"),
            ],
            "field `fields[1].subject`",
            "the request names 2 subjects (positions 0 to 1)",
        ),
        (
            vec![
                field(1, "kyc_name", "SECRET-ONE"),
                field(1, "kyc_name", "SECRET-TWO"),
            ],
            "field `fields[1].name`",
            "give each field once per subject",
        ),
    ] {
        let status = fiu
            .answer(pb::AnswerCall {
                request_id: id.clone(),
                fields,
                remarks: String::new(),
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
        assert!(status.message().contains(named), "{status:?}");
        assert!(status.message().contains(rule), "{status:?}");
        assert!(!status.message().contains("SECRET"), "{status:?}");
    }
    let record = khm.get(&id).unwrap();
    assert_eq!(record.status, RequestStatus::Assigned);
    assert!(record.answer.is_none());
    let refusals: Vec<_> = khm.records().audit_entries().unwrap()[audit_before..]
        .iter()
        .map(|e| e.event.clone())
        .collect();
    assert_eq!(refusals, ["call.refused", "call.refused"]);

    // The answer: `kyc_name` about the wallet is withheld (the agreement
    // releases only `exchange_name` about wallets); the rest is released,
    // each value under its subject.
    let answered = fiu
        .answer(pb::AnswerCall {
            request_id: id.clone(),
            fields: vec![
                field(0, "exchange_name", "Huobi"),
                field(0, "kyc_name", "SECRET-WALLET-KYC"),
                field(1, "kyc_name", "Shell Co Ltd"),
                field(1, "transaction_summary", "12 transfers in March"),
            ],
            remarks: String::new(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(released(&answered).redacted_fields, ["kyc_name"]);

    let view = await_status(&mut focal, &id, pb::RequestStatus::Answered).await;
    let got = released(&view);
    assert_eq!(
        by_subject(&got),
        [
            (0, "exchange_name", "Huobi"),
            (1, "kyc_name", "Shell Co Ltd"),
            (1, "transaction_summary", "12 transfers in March"),
        ]
    );
    assert_eq!(got.redacted_fields, ["kyc_name"]);
    assert_eq!(got.rule, RULE);

    // KHM audited the withholding by kind and position; the withheld value
    // never left Cambodia.
    let answered = audit_events(&federation, "KHM", "request.answered");
    assert_eq!(
        answered[0].detail,
        "released fields: exchange_name,kyc_name of subject 1,transaction_summary of subject 1; \
         handling INTELLIGENCE_ONLY"
    );
    let redactions = audit_events(&federation, "KHM", "answer.redacted");
    assert_eq!(redactions.len(), 1, "{redactions:?}");
    assert_eq!(
        redactions[0].detail,
        format!("withheld kyc_name for subject 0 (WALLET) under {RULE}")
    );
    let tha = federation.node("THA").running().exchange();
    let tha_record = tha.get(&id).unwrap();
    let envelope = tha
        .records()
        .envelope(&tha_record.answer_envelope_hash.unwrap())
        .unwrap()
        .unwrap();
    assert!(!String::from_utf8_lossy(&envelope).contains("SECRET"));
    for node in ["THA", "KHM"] {
        let log = serde_json::to_string(
            &federation
                .node(node)
                .running()
                .exchange()
                .records()
                .audit_entries()
                .unwrap(),
        )
        .unwrap();
        assert!(
            !log.contains("SECRET") && !log.contains("Shell Co"),
            "{node}"
        );
    }
    federation.shutdown().await;
}

/// An answer from KHM (signed with its real key) to request `id`.
fn answer_from_khm(n: u64, id: &str, fields: Vec<pb::Field>) -> pb::Message {
    let now = liaison_node::exchange::now_ms();
    pb::Message {
        message_id: test_uuid(n),
        from: "KHM".into(),
        to: "THA".into(),
        created_unix_ms: now,
        nonce: n.to_le_bytes().repeat(2),
        content: Some(pb::message::Content::Answer(pb::Answer {
            request_id: id.into(),
            from_country: "KHM".into(),
            to_country: "THA".into(),
            agency: "fiu".into(),
            answered_unix_ms: now,
            outcome: Some(pb::answer::Outcome::Released(pb::Released {
                fields,
                remarks: String::new(),
                handling: pb::HandlingCode::IntelligenceOnly as i32,
                retention_days: 30,
                redacted_fields: Vec::new(),
                rule: RULE.into(),
            })),
        })),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_requester_refuses_fields_its_agreement_does_not_accept_about_a_subjects_kind() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &wallet_agreement).await;
    let mut focal = federation.focal_point("THA").await;
    let id = id_of(
        &focal
            .submit(wallet_and_account())
            .await
            .unwrap()
            .into_inner(),
    );
    await_status(&mut focal, &id, pb::RequestStatus::Sent).await;
    let khm = PeerSigner::of(&federation, "KHM");
    let mut as_khm = federation.federation_client_as("KHM", "THA").await;

    // KHM's software releases `kyc_name` about the wallet, which THA's own
    // agreement does not accept about wallets; then a field about a third
    // subject the request never named.
    let cases = [
        (
            answer_from_khm(
                1,
                &id,
                vec![
                    field(1, "kyc_name", "Shell Co Ltd"),
                    field(0, "kyc_name", "SECRET-WALLET-KYC"),
                ],
            ),
            Code::PermissionDenied,
            "field `answer.released.fields[1].name`: kyc_name about subject 0 (WALLET) is not a \
             field THA's agreement accepts about WALLET subjects [rule: THA-KHM v1 rule 1 \
             (WALLET_TRACE)]",
        ),
        (
            answer_from_khm(2, &id, vec![field(2, "kyc_name", "SECRET-THIRD")]),
            Code::InvalidArgument,
            "field `answer.released.fields[0].subject`: is 2, but the request names 2 subjects",
        ),
    ];
    for (message, code, expected) in cases {
        let status = as_khm.deliver(khm.seal(&message)).await.unwrap_err();
        assert_eq!(status.code(), code, "{status:?}");
        assert!(status.message().contains(expected), "{status:?}");
        assert!(!status.message().contains("SECRET"), "{status:?}");
    }
    let rejected = audit_events(&federation, "THA", "answer.rejected");
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    assert!(!serde_json::to_string(&rejected).unwrap().contains("SECRET"));
    // Nothing of them was kept: the request still waits for its answer.
    let record = federation
        .node("THA")
        .running()
        .exchange()
        .get(&id)
        .unwrap();
    assert_eq!(record.status, RequestStatus::Sent);
    assert!(record.answer.is_none());

    // An answer within both agreements is accepted.
    as_khm
        .deliver(khm.seal(&answer_from_khm(
            3,
            &id,
            vec![
                field(0, "exchange_name", "Huobi"),
                field(1, "kyc_name", "Shell Co Ltd"),
            ],
        )))
        .await
        .unwrap();
    let tha = federation.node("THA").running().exchange();
    let record = wait_for_record(tha, &id, |r| r.status == RequestStatus::Answered).await;
    let view = await_status(&mut focal, &id, pb::RequestStatus::Answered).await;
    assert_eq!(
        by_subject(&released(&view)),
        [
            (0, "exchange_name", "Huobi"),
            (1, "kyc_name", "Shell Co Ltd")
        ]
    );
    assert!(record.answer.is_some());
    federation.shutdown().await;
}
