//! Sharing agreements enforced across real nodes: refusals on either side,
//! redaction, handling codes, volume limits, role checks, dry runs and
//! comparison of the two copies.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_node::policy::AgreementFile;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_tests::{
    TestFederation, agreement, await_status, id_of, next_assignment, phone_check, wait_for_record,
};
use tonic::Code;

use pb::Category::{PhoneCheck, VictimIdentification, WalletTrace};
use pb::Purpose::{Investigation, Prosecution, VictimAssistance};

/// THA and KHM agree on phone checks both ways for investigations,
/// releasing two fields, at most `limit` a day; KHM's copy may differ.
fn thai_cambodian(
    limit: u32,
    khm_differs: bool,
) -> impl Fn(CountryCode, CountryCode) -> Option<AgreementFile> {
    move |holder, _peer| {
        let mut file = agreement(
            "THA",
            "KHM",
            2,
            limit,
            &[(
                PhoneCheck,
                &["THA->KHM", "KHM->THA"],
                &[Investigation],
                &["subscriber_name", "registration_date"],
            )],
        );
        if khm_differs && holder.as_str() == "KHM" {
            file.rules[0].purposes.push("PROSECUTION".into());
            file.rules[0].release.push("sim_status".into());
            file.rules[0].retention_days = 90;
        }
        Some(file)
    }
}

fn released(view: &pb::RequestView) -> pb::Released {
    match view.answer.as_ref().and_then(|a| a.outcome.clone()) {
        Some(pb::answer::Outcome::Released(r)) => r,
        other => panic!("expected released fields, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_senders_own_agreement_refuses_before_anything_leaves() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &thai_cambodian(10, false)).await;
    let mut tha = federation.focal_point("THA").await;

    let mut wallet = phone_check("KHM", "+85512345678");
    wallet.category = WalletTrace as i32;
    wallet.subject = Some(pb::Subject {
        kind: Some(pb::subject::Kind::Wallet(pb::Wallet {
            network: "TRON".into(),
            address: "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb".into(),
        })),
        ..Default::default()
    });
    let refused = tha.submit(wallet).await.unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied);
    assert!(
        refused.message().contains("THA's own sharing agreement"),
        "{}",
        refused.message()
    );
    assert!(
        refused.message().contains("no rule for WALLET_TRACE"),
        "{}",
        refused.message()
    );
    assert!(
        refused.message().contains("THA default deny"),
        "{}",
        refused.message()
    );

    let wrong_purpose = tha
        .submit(pb::NewRequest {
            purpose: Prosecution as i32,
            ..phone_check("KHM", "+85512345678")
        })
        .await
        .unwrap_err();
    assert_eq!(wrong_purpose.code(), Code::PermissionDenied);
    assert!(
        wrong_purpose
            .message()
            .contains("THA-KHM v2 rule 1 (PHONE_CHECK)"),
        "{}",
        wrong_purpose.message()
    );

    // Nothing was stored or sent; each decision is audited with the caller.
    let exchange = federation.node("THA").running().exchange();
    assert!(exchange.list_outgoing(None, None).unwrap().is_empty());
    assert!(exchange.records().outbox().unwrap().is_empty());
    let denials: Vec<_> = exchange
        .records()
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "policy.denied")
        .collect();
    assert_eq!(denials.len(), 2);
    assert!(denials.iter().all(|e| e.actor == "focal-point"));
    let khm = federation.node("KHM").running().exchange();
    assert!(
        khm.records().audit_entries().unwrap().is_empty(),
        "KHM heard nothing"
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_receivers_agreement_refuses_with_the_rule() {
    // THA's copy allows prosecutions; KHM's does not.
    let choose = |holder: CountryCode, _peer: CountryCode| {
        let purposes: &[pb::Purpose] = if holder.as_str() == "THA" {
            &[Investigation, Prosecution]
        } else {
            &[Investigation]
        };
        Some(agreement(
            "THA",
            "KHM",
            1,
            10,
            &[(PhoneCheck, &["THA->KHM"], purposes, &["subscriber_name"])],
        ))
    };
    let federation = TestFederation::start_with(&["THA", "KHM"], &choose).await;
    let mut tha = federation.focal_point("THA").await;
    let request = pb::NewRequest {
        purpose: Prosecution as i32,
        ..phone_check("KHM", "+85512345678")
    };
    let id = id_of(&tha.submit(request).await.unwrap().into_inner());
    let view = await_status(&mut tha, &id, pb::RequestStatus::Refused).await;
    let answer = view.answer.unwrap();
    assert_eq!(answer.agency, "node");
    match answer.outcome.unwrap() {
        pb::answer::Outcome::Refusal(refusal) => {
            assert_eq!(refusal.reason, pb::RefusalReason::OutsideAgreement as i32);
            assert_eq!(refusal.rule, "KHM-THA v1 rule 1 (PHONE_CHECK)");
            assert!(
                refusal
                    .explanation
                    .contains("purpose PROSECUTION is not allowed"),
                "{}",
                refusal.explanation
            );
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    // KHM never routed it to an agency.
    let mut police = federation.agency("KHM", "police").await;
    let inbox = police
        .inbox(pb::InboxFilter {
            include_closed: true,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(inbox.requests.is_empty());
    let record = federation
        .node("KHM")
        .running()
        .exchange()
        .get(&id)
        .unwrap();
    assert_eq!(record.agency, None);
    assert_eq!(record.grant, None);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_are_redacted_and_carry_the_handling_code() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &thai_cambodian(10, false)).await;
    let mut tha = federation.focal_point("THA").await;
    let id = id_of(
        &tha.submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );
    let mut police = federation.agency("KHM", "police").await;
    assert_eq!(id_of(&next_assignment(&mut police).await), id);

    // A field that is no response field of the category is refused outright.
    let unknown = police
        .answer(pb::AnswerCall {
            request_id: id.clone(),
            fields: vec![pb::Field {
                name: "favourite_colour".into(),
                value: "blue".into(),
                ..Default::default()
            }],
            remarks: String::new(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(unknown.code(), Code::InvalidArgument);
    // The message names the field and the rule, not the name given.
    assert!(
        unknown
            .message()
            .contains("field `fields[0].name`: is not a response field of PHONE_CHECK"),
        "{}",
        unknown.message()
    );

    let sent = police
        .answer(pb::AnswerCall {
            request_id: id.clone(),
            fields: vec![
                pb::Field {
                    name: "subscriber_name".into(),
                    value: "Shell Co".into(),
                    ..Default::default()
                },
                pb::Field {
                    name: "sim_status".into(),
                    value: "active".into(),
                    ..Default::default()
                },
                pb::Field {
                    name: "location_history".into(),
                    value: "Sihanoukville".into(),
                    ..Default::default()
                },
            ],
            remarks: String::new(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        released(&sent).redacted_fields,
        ["sim_status", "location_history"]
    );

    let view = await_status(&mut tha, &id, pb::RequestStatus::Answered).await;
    let released = released(&view);
    let names: Vec<&str> = released.fields.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["subscriber_name"]);
    assert_eq!(released.redacted_fields, ["sim_status", "location_history"]);
    assert_eq!(released.handling, pb::HandlingCode::IntelligenceOnly as i32);
    assert_eq!(released.retention_days, 30);
    assert_eq!(released.rule, "KHM-THA v2 rule 1 (PHONE_CHECK)");

    // The withheld values never left Cambodia: not in the signed answer
    // THA stored, and KHM recorded the redaction (names only).
    let tha = federation.node("THA").running().exchange();
    let tha_record = tha.get(&id).unwrap();
    let envelope = tha
        .records()
        .envelope(&tha_record.answer_envelope_hash.unwrap())
        .unwrap()
        .expect("THA keeps the signed answer");
    <pb::Envelope as prost::Message>::decode(envelope.as_slice()).unwrap();
    let stored = String::from_utf8_lossy(&envelope).to_string();
    assert!(!stored.contains("Sihanoukville") && !stored.contains("active"));
    let khm = federation.node("KHM").running().exchange();
    let redactions: Vec<_> = khm
        .records()
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "answer.redacted")
        .collect();
    assert_eq!(redactions.len(), 1);
    assert!(
        redactions[0].detail.contains("sim_status,location_history"),
        "{}",
        redactions[0].detail
    );
    assert!(!redactions[0].detail.contains("Sihanoukville"));
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn daily_limits_hold_on_both_sides() {
    // THA allows 3 a day, KHM only 2: the third is refused by KHM, the
    // fourth by THA itself.
    let choose = |holder: CountryCode, _peer: CountryCode| {
        let limit = if holder.as_str() == "THA" { 3 } else { 2 };
        Some(agreement(
            "THA",
            "KHM",
            1,
            limit,
            &[(
                PhoneCheck,
                &["THA->KHM"],
                &[Investigation],
                &["subscriber_name"],
            )],
        ))
    };
    let federation = TestFederation::start_with(&["THA", "KHM"], &choose).await;
    let mut tha = federation.focal_point("THA").await;
    let mut ids = Vec::new();
    for n in 0..3 {
        let number = format!("+8551234567{n}");
        ids.push(id_of(
            &tha.submit(phone_check("KHM", &number))
                .await
                .unwrap()
                .into_inner(),
        ));
    }
    let fourth = tha
        .submit(phone_check("KHM", "+85512345679"))
        .await
        .unwrap_err();
    assert_eq!(fourth.code(), Code::ResourceExhausted);
    assert!(
        fourth.message().contains("daily limit of 3"),
        "{}",
        fourth.message()
    );

    let khm = federation.node("KHM").running().exchange();
    for id in &ids {
        wait_for_record(khm, id, |r| {
            r.status != liaison_proto::domain::RequestStatus::Received
        })
        .await;
    }
    let assigned = khm.assignments("police", true).unwrap().len();
    assert_eq!(assigned, 2, "KHM accepts two a day");
    let mut refused = 0;
    for id in &ids {
        let record = khm.get(id).unwrap();
        if record.status == liaison_proto::domain::RequestStatus::Refused {
            refused += 1;
            match &record.answer.unwrap().outcome {
                liaison_proto::domain::Outcome::Refused { explanation, .. } => {
                    assert!(explanation.contains("daily limit of 2"), "{explanation}")
                }
                other => panic!("{other:?}"),
            }
        }
    }
    assert_eq!(refused, 1);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_agreement_means_nothing_flows() {
    let federation = TestFederation::start_with(&["THA", "VNM"], &|_, _| None).await;
    let mut vnm = federation.focal_point("VNM").await;
    let refused = vnm
        .submit(liaison_tests::victim_identification("THA", "A"))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied);
    assert!(
        refused
            .message()
            .contains("VNM has no sharing agreement with THA"),
        "{}",
        refused.message()
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_reports_both_sides() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &thai_cambodian(10, true)).await;
    let mut admin = federation.admin("THA", "admin").await;
    let query = |purpose: pb::Purpose| pb::PolicyQuery {
        from_country: String::new(),
        to_country: "KHM".into(),
        category: PhoneCheck as i32,
        purpose: purpose as i32,
        ..Default::default()
    };
    let ok = admin
        .check_policy(query(Investigation))
        .await
        .unwrap()
        .into_inner();
    assert!(ok.allowed);
    let local = ok.local.unwrap();
    let peer = ok.peer.unwrap();
    assert_eq!(
        (local.decided_by.as_str(), local.rule.as_str()),
        ("THA", "THA-KHM v2 rule 1 (PHONE_CHECK)")
    );
    assert_eq!(
        (peer.decided_by.as_str(), peer.rule.as_str()),
        ("KHM", "KHM-THA v2 rule 1 (PHONE_CHECK)")
    );
    assert_eq!(
        peer.release,
        ["registration_date", "sim_status", "subscriber_name"]
    );

    // KHM's copy allows prosecutions, THA's does not.
    let split = admin
        .check_policy(query(Prosecution))
        .await
        .unwrap()
        .into_inner();
    assert!(!split.allowed);
    assert!(!split.local.unwrap().allowed);
    assert!(split.peer.unwrap().allowed);

    // A dry run sends no request.
    assert!(
        federation
            .node("THA")
            .running()
            .exchange()
            .list_outgoing(None, None)
            .unwrap()
            .is_empty()
    );
    assert!(
        federation
            .node("KHM")
            .running()
            .exchange()
            .assignments("police", true)
            .unwrap()
            .is_empty()
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn compare_shows_a_seeded_disagreement() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &thai_cambodian(10, true)).await;
    let mut admin = federation.admin("THA", "auditor").await;
    let comparison = admin
        .compare_agreements(pb::PeerRef {
            country: "KHM".into(),
        })
        .await
        .unwrap()
        .into_inner();
    let local = comparison.local.unwrap();
    let peer = comparison.peer.unwrap();
    assert_eq!(
        (local.holder.as_str(), peer.holder.as_str()),
        ("THA", "KHM")
    );
    assert_ne!(local.hash, peer.hash);
    let found: Vec<(String, String)> = comparison
        .disagreements
        .iter()
        .map(|d| (d.aspect.clone(), d.explanation.clone()))
        .collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(found[0].0, "purpose");
    assert_eq!(
        found[0].1,
        "KHM allows PHONE_CHECK requests for PROSECUTION but THA does not, so such requests are refused by THA"
    );
    assert_eq!(found[1].0, "release");
    assert!(
        found[1].1.contains("KHM releases `sim_status`"),
        "{}",
        found[1].1
    );
    assert_eq!(found[2].0, "retention_days");

    // Two matching copies: same hash, nothing to report.
    let matching = TestFederation::start_with(&["THA", "KHM"], &thai_cambodian(10, false)).await;
    let mut admin = matching.admin("KHM", "admin").await;
    let same = admin
        .compare_agreements(pb::PeerRef {
            country: "THA".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(same.disagreements.is_empty());
    assert_eq!(same.local.unwrap().hash, same.peer.unwrap().hash);
    matching.shutdown().await;
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_api_checks_the_callers_role() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let users = ["focal-point", "police-officer", "auditor", "admin"];
    let mut outcomes = Vec::new();
    for user in users {
        let (channel, token) = federation.local("THA", user).await;
        let mut focal = pb::focal_point_client::FocalPointClient::with_interceptor(
            channel.clone(),
            token.clone(),
        );
        let mut agency =
            pb::agency_client::AgencyClient::with_interceptor(channel.clone(), token.clone());
        let mut admin = pb::admin_client::AdminClient::with_interceptor(channel, token);
        let code = |r: Result<tonic::Code, tonic::Status>| r.unwrap_or_else(|s| s.code());
        let f = code(
            focal
                .list(pb::ListFilter::default())
                .await
                .map(|_| Code::Ok),
        );
        let a = code(
            agency
                .inbox(pb::InboxFilter::default())
                .await
                .map(|_| Code::Ok),
        );
        let d = code(admin.list_peers(pb::PeersQuery {}).await.map(|_| Code::Ok));
        let s = code(
            focal
                .submit(liaison_tests::victim_identification("KHM", "x"))
                .await
                .map(|_| Code::Ok),
        );
        outcomes.push((user, f, a, d, s));
    }
    let (ok, denied) = (Code::Ok, Code::PermissionDenied);
    assert_eq!(
        outcomes,
        [
            ("focal-point", ok, denied, denied, ok),
            ("police-officer", denied, ok, denied, denied),
            ("auditor", denied, denied, ok, denied),
            ("admin", denied, denied, ok, denied),
        ]
    );
    // Every refusal names the caller in the audit trail.
    let refusals: Vec<String> = federation
        .node("THA")
        .running()
        .exchange()
        .records()
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "call.refused")
        .map(|e| e.actor)
        .collect();
    assert_eq!(refusals.len(), 11);
    for user in users {
        assert!(refusals.iter().any(|a| a == user), "{user} not named");
    }
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn victim_identification_under_its_own_terms() {
    let choose = |_holder: CountryCode, _peer: CountryCode| {
        let file = agreement(
            "VNM",
            "THA",
            1,
            5,
            &[(
                VictimIdentification,
                &["VNM->THA"],
                &[VictimAssistance],
                &["identity_confirmed", "nationality"],
            )],
        );
        // An agreement cannot set a looser code for victim identification
        // (a looser one is refused at load: see the policy unit tests).
        assert_eq!(file.rules[0].handling, "VICTIM_PROTECTED");
        Some(file)
    };
    let federation = TestFederation::start_with(&["THA", "VNM"], &choose).await;
    let mut vnm = federation.focal_point("VNM").await;
    let id = id_of(
        &vnm.submit(liaison_tests::victim_identification("THA", "Nguyen Van A"))
            .await
            .unwrap()
            .into_inner(),
    );
    let mut immigration = federation.agency("THA", "immigration").await;
    assert_eq!(id_of(&next_assignment(&mut immigration).await), id);
    immigration
        .answer(pb::AnswerCall {
            request_id: id.clone(),
            fields: vec![pb::Field {
                name: "identity_confirmed".into(),
                value: "yes".into(),
                ..Default::default()
            }],
            remarks: String::new(),
            ..Default::default()
        })
        .await
        .unwrap();
    let view = await_status(&mut vnm, &id, pb::RequestStatus::Answered).await;
    // A victim identification is about a possible victim: released under
    // VICTIM_PROTECTED.
    assert_eq!(
        released(&view).handling,
        pb::HandlingCode::VictimProtected as i32
    );
    assert!(released(&view).redacted_fields.is_empty());
    federation.shutdown().await;
}
