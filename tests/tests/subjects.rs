//! The subjects real cases are about, across real nodes: several subjects
//! of many kinds in one request, each with its role, checked and put in
//! normal form at the edge, carried signed to the other country, and seen
//! there by the agency; a case reference and a case id that groups the
//! requests of one case; the cap on subjects on both sides; and every bad
//! value refused with the field named, nothing stored or sent.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_node::records::Direction;
use liaison_proto::pb;
use liaison_proto::pb::subject::Kind;
use liaison_tests::local_api::edit_config;
use liaison_tests::{
    TestFederation, await_status, id_of, next_assignment, outgoing_requests, phone_check,
    refused_submit,
};

fn with_role(role: pb::SubjectRole, kind: Kind) -> pb::Subject {
    pb::Subject {
        kind: Some(kind),
        role: role as i32,
    }
}

fn phone(number: &str) -> Kind {
    Kind::Phone(pb::Phone {
        number: number.into(),
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn several_subjects_with_roles_and_a_case_travel_signed_to_the_agency() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;
    let mut police = federation.agency("KHM", "police").await;

    let mut request = phone_check("KHM", "+855 12 345 678");
    request.subject.as_mut().unwrap().role = pb::SubjectRole::Suspect as i32;
    request.more_subjects = vec![
        with_role(
            pb::SubjectRole::Suspect,
            Kind::OnlineAccount(pb::OnlineAccount {
                platform: "telegram".into(),
                handle: "@jobs_abroad_2026".into(),
                user_id: String::new(),
            }),
        ),
        with_role(
            pb::SubjectRole::Unknown,
            Kind::Device(pb::Device {
                imei: "49-015420-323751-8".into(),
                model: String::new(),
            }),
        ),
        with_role(
            pb::SubjectRole::Unspecified,
            Kind::IpAddress(pb::IpAddress {
                address: "2001:DB8::1".into(),
                observed_unix_ms: 1_793_603_100_000,
                port: 51234,
            }),
        ),
    ];
    request.case_reference = "TH-DSI-2026-0412".into();
    let view = focal.submit(request).await.unwrap().into_inner();
    let sent = view.request.clone().unwrap();
    // Normal forms: the phone without spaces, the platform upper case, the
    // IMEI without hyphens, the IPv6 address compressed in lower case; an
    // unset role is UNKNOWN; the node started a case.
    assert_eq!(
        sent.subject.as_ref().and_then(|s| s.kind.clone()),
        Some(phone("+85512345678"))
    );
    let kinds: Vec<Option<Kind>> = sent.more_subjects.iter().map(|s| s.kind.clone()).collect();
    assert_eq!(
        kinds,
        vec![
            Some(Kind::OnlineAccount(pb::OnlineAccount {
                platform: "TELEGRAM".into(),
                handle: "@jobs_abroad_2026".into(),
                user_id: String::new(),
            })),
            Some(Kind::Device(pb::Device {
                imei: "490154203237518".into(),
                model: String::new(),
            })),
            Some(Kind::IpAddress(pb::IpAddress {
                address: "2001:db8::1".into(),
                observed_unix_ms: 1_793_603_100_000,
                port: 51234,
            })),
        ]
    );
    let roles: Vec<i32> = sent
        .subject
        .iter()
        .chain(&sent.more_subjects)
        .map(|s| s.role)
        .collect();
    use pb::SubjectRole::{Suspect, Unknown};
    assert_eq!(
        roles,
        vec![
            Suspect as i32,
            Suspect as i32,
            Unknown as i32,
            Unknown as i32
        ]
    );
    assert_eq!(sent.case_reference, "TH-DSI-2026-0412");
    assert_eq!(sent.case_id.len(), 36, "{}", sent.case_id);

    // KHM's police receive exactly what THA signed.
    let assigned = next_assignment(&mut police).await;
    assert_eq!(assigned.request, Some(sent.clone()));
    let stored = federation
        .node("KHM")
        .running()
        .exchange()
        .records()
        .request(Direction::Incoming, &id_of(&view))
        .unwrap()
        .unwrap();
    assert_eq!(stored.request.subjects().count(), 4);

    // A second request joins the case.
    let mut follow_up = phone_check("KHM", "+85512345679");
    follow_up.case_id = sent.case_id.clone();
    let joined = focal.submit(follow_up).await.unwrap().into_inner();
    assert_eq!(joined.request.unwrap().case_id, sent.case_id);
    await_status(&mut focal, &id_of(&view), pb::RequestStatus::Sent).await;
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_subjects_are_refused_naming_the_field_and_nothing_is_stored() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;
    let wallet_trace = |subject: Kind| pb::NewRequest {
        category: pb::Category::WalletTrace as i32,
        subject: Some(pb::Subject {
            kind: Some(subject),
            role: 0,
        }),
        ..phone_check("KHM", "+85512345678")
    };
    let iban = |iban: &str| {
        Kind::BankAccount(pb::BankAccount {
            iban: iban.into(),
            ..Default::default()
        })
    };
    let mut cases: Vec<(&str, pb::NewRequest, &str, &str)> = vec![
        (
            "IBAN with a bad checksum",
            wallet_trace(iban("GB82 WEST 1234 5698 7654 33")),
            "subject.bank_account.iban",
            "fails the IBAN check digits",
        ),
        (
            "account number without its BIC",
            wallet_trace(Kind::BankAccount(pb::BankAccount {
                account_number: "0012345678".into(),
                ..Default::default()
            })),
            "subject.bank_account.bic",
            "is required with account_number",
        ),
        (
            "a phone number no plan has",
            phone_check("KHM", "+855 88 888 888"),
            "subject.phone.number",
            "is not a valid number in its country's numbering plan",
        ),
        (
            "a bank account in a phone check",
            pb::NewRequest {
                subject: Some(pb::Subject {
                    kind: Some(iban("GB82WEST12345698765432")),
                    role: 0,
                }),
                ..phone_check("KHM", "+85512345678")
            },
            "subject",
            "a bank_account subject does not fit category PHONE_CHECK",
        ),
        (
            "a case id that is no UUID",
            pb::NewRequest {
                case_id: "case-1".into(),
                ..phone_check("KHM", "+85512345678")
            },
            "case_id",
            "",
        ),
    ];
    let mut imei = phone_check("KHM", "+85512345678");
    imei.more_subjects = vec![with_role(
        pb::SubjectRole::Suspect,
        Kind::Device(pb::Device {
            imei: "490154203237519".into(),
            model: String::new(),
        }),
    )];
    cases.push((
        "an IMEI failing Luhn",
        imei,
        "more_subjects[0].device.imei",
        "fails the IMEI check digit (Luhn)",
    ));
    let mut ip = phone_check("KHM", "+85512345678");
    ip.more_subjects = vec![with_role(
        pb::SubjectRole::Unspecified,
        Kind::IpAddress(pb::IpAddress {
            address: "203.0.113.7".into(),
            observed_unix_ms: 0,
            port: 0,
        }),
    )];
    cases.push((
        "an IP address without its moment",
        ip,
        "more_subjects[0].ip_address.observed_unix_ms",
        "is required: an IP address names nobody without the moment",
    ));
    let mut many = phone_check("KHM", "+85512345678");
    many.more_subjects = (0..50)
        .map(|i| {
            with_role(
                pb::SubjectRole::Witness,
                phone(&format!("+855120000{i:02}")),
            )
        })
        .collect();
    cases.push((
        "51 subjects",
        many,
        "more_subjects",
        "holds 51 subjects in all; at most 50",
    ));
    let mut role = phone_check("KHM", "+85512345678");
    role.subject.as_mut().unwrap().role = 99;
    cases.push(("an unknown role", role, "subject.role", "unknown value 99"));

    for (what, request, field, rule) in cases {
        let status = refused_submit(&mut focal, request, what, field, rule).await;
        // The refused value never comes back in the message.
        for value in ["7654 33", "88 888 888", "490154203237519", "0012345678"] {
            assert!(!status.message().contains(value), "{what}: {status:?}");
        }
    }
    let records = outgoing_requests(&federation, "THA");
    assert!(records.is_empty(), "{} stored", records.len());
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_refuses_more_subjects_than_it_takes_from_a_peer_and_from_its_own_users() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let khm = federation.node("KHM");
    edit_config(&khm.config_path, |text| {
        *text = text.replace("max_subjects = 50\n", "max_subjects = 2\n");
    });
    let changes = khm.running().reload().await.unwrap();
    assert_eq!(changes, vec!["node.max_subjects 50 -> 2"]);
    let mut three = phone_check("KHM", "+85512345678");
    three.more_subjects = vec![
        with_role(pb::SubjectRole::Suspect, phone("+85512345679")),
        with_role(pb::SubjectRole::Suspect, phone("+85512345670")),
    ];
    // THA takes up to 50 and sends it; KHM takes 2 and refuses the delivery.
    let mut focal = federation.focal_point("THA").await;
    let view = focal.submit(three.clone()).await.unwrap().into_inner();
    let undeliverable =
        await_status(&mut focal, &id_of(&view), pb::RequestStatus::Undeliverable).await;
    let history = format!("{:?}", undeliverable.history);
    assert!(
        history.contains("holds 3 subjects; this node takes at most 2"),
        "{history}"
    );
    // KHM's own focal point is held to the same cap.
    let mut khm_focal = federation.focal_point("KHM").await;
    three.to_country = "THA".into();
    let status = khm_focal.submit(three).await.unwrap_err();
    assert!(
        status
            .message()
            .contains("holds 3 subjects in all; at most 2"),
        "{status:?}"
    );
    federation.shutdown().await;
}
