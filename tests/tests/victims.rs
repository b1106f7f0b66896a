//! Possible victims across real nodes: a person flagged `POSSIBLE_VICTIM`
//! carries trafficking indicators; the receiving country routes the request
//! to the agency it named for victim protection, whatever the category; both
//! audit logs record that the request concerns a possible victim and the
//! indicator codes, never who; and a victim without indicators, or
//! indicators on someone else, are refused with the field named.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_proto::pb;
use liaison_tests::local_api::edit_config;
use liaison_tests::{
    TestFederation, audit_events, id_of, outgoing_requests, phone_check, refused_submit,
    victim_identification,
};
use tonic::Code;

fn possible_victim(request: &mut pb::NewRequest, indicators: &[&str]) {
    let subject = request.subject.as_mut().unwrap();
    subject.role = pb::SubjectRole::PossibleVictim as i32;
    if let Some(pb::subject::Kind::Person(person)) = subject.kind.as_mut() {
        person.indicators = indicators.iter().map(|i| i.to_string()).collect();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_possible_victim_goes_to_the_victim_protection_agency_and_is_audited_without_who() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    // KHM names immigration as its victim-protection agency.
    let khm = federation.node("KHM");
    edit_config(&khm.config_path, |text| {
        *text = text.replace(
            "name = \"immigration\"\n",
            "name = \"immigration\"\nvictim_protection = true\n",
        );
    });
    let changes = khm.running().reload().await.unwrap();
    assert!(
        changes
            .iter()
            .any(|c| c.contains("immigration [VICTIM_IDENTIFICATION] (victim protection)")),
        "{changes:?}"
    );

    // A phone check (a police matter) whose second subject is a rescued
    // person, a possible victim with what the officer saw.
    let mut request = phone_check("KHM", "+85512345678");
    let mut person = victim_identification("KHM", "Nguyen Van A")
        .subject
        .unwrap();
    person.role = pb::SubjectRole::PossibleVictim as i32;
    request.category = pb::Category::CaseNotification as i32;
    request.requested_fields = Vec::new();
    if let Some(pb::subject::Kind::Person(p)) = person.kind.as_mut() {
        p.indicators = vec!["deception".into(), "FORCED_ONLINE_FRAUD".into()];
    }
    request.more_subjects = vec![person];
    let mut focal = federation.focal_point("THA").await;
    let view = focal.submit(request).await.unwrap().into_inner();
    let id = id_of(&view);
    let more = &view.request.as_ref().unwrap().more_subjects[0];
    let Some(pb::subject::Kind::Person(p)) = &more.kind else {
        panic!("{more:?}")
    };
    assert_eq!(p.indicators, vec!["DECEPTION", "FORCED_ONLINE_FRAUD"]);

    // KHM routes it to immigration, not to the police who handle
    // notifications.
    let record =
        liaison_tests::wait_for_record(federation.node("KHM").running().exchange(), &id, |r| {
            r.agency.is_some()
        })
        .await;
    assert_eq!(record.agency.as_deref(), Some("immigration"));

    // Both logs say a possible victim and the indicators, and nothing about
    // who: no name, no number.
    let submitted = audit_events(&federation, "THA", "request.submitted");
    let received = audit_events(&federation, "KHM", "request.received");
    for entry in submitted.iter().chain(&received) {
        assert!(
            entry
                .detail
                .ends_with("concerns a possible victim; indicators DECEPTION,FORCED_ONLINE_FRAUD"),
            "{entry:?}"
        );
        let json = serde_json::to_string(entry).unwrap();
        assert!(
            !json.contains("Nguyen") && !json.contains("85512345678"),
            "{json}"
        );
    }

    // A request without a possible victim still goes by its category.
    let plain = focal
        .submit(phone_check("KHM", "+85512345679"))
        .await
        .unwrap()
        .into_inner();
    let record = liaison_tests::wait_for_record(
        federation.node("KHM").running().exchange(),
        &id_of(&plain),
        |r| r.agency.is_some(),
    )
    .await;
    assert_eq!(record.agency.as_deref(), Some("police"));
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn victims_need_indicators_and_only_victims_have_them() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;
    let mut without = victim_identification("KHM", "Nguyen Van A");
    possible_victim(&mut without, &[]);
    let mut suspect = victim_identification("KHM", "Nguyen Van A");
    suspect.subject.as_mut().unwrap().role = pb::SubjectRole::Suspect as i32;
    if let Some(pb::subject::Kind::Person(p)) = suspect.subject.as_mut().unwrap().kind.as_mut() {
        p.indicators = vec!["DECEPTION".into()];
    }
    let mut unknown = victim_identification("KHM", "Nguyen Van A");
    possible_victim(&mut unknown, &["DECEPTION", "tired"]);
    let mut twice = victim_identification("KHM", "Nguyen Van A");
    possible_victim(&mut twice, &["DECEPTION", "deception"]);
    for (what, request, field, rule) in [
        (
            "a victim without indicators",
            without,
            "subject.person.indicators",
            "a POSSIBLE_VICTIM person needs at least one trafficking indicator",
        ),
        (
            "indicators on a suspect",
            suspect,
            "subject.person.indicators",
            "trafficking indicators are only for a POSSIBLE_VICTIM person",
        ),
        (
            "an unknown indicator",
            unknown,
            "subject.person.indicators[1]",
            "is not a trafficking indicator Liaison knows",
        ),
        (
            "an indicator twice",
            twice,
            "subject.person.indicators[1]",
            "repeats an indicator already given",
        ),
    ] {
        let status = refused_submit(&mut focal, request, what, field, rule).await;
        assert!(!status.message().contains("tired"), "{status:?}");
    }
    assert!(outgoing_requests(&federation, "THA").is_empty());
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_about_a_possible_victim_are_victim_protected_and_a_looser_one_is_refused() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;
    let mut request = victim_identification("KHM", "Nguyen Van A");
    possible_victim(&mut request, &["DEBT_BONDAGE"]);
    let id = id_of(&focal.submit(request).await.unwrap().into_inner());
    liaison_tests::await_status(&mut focal, &id, pb::RequestStatus::Sent).await;

    // KHM's peer software tries to release it under a looser code than
    // VICTIM_PROTECTED, with KHM's real key: THA refuses the answer and
    // audits it, and the request stays unanswered.
    let khm = liaison_tests::PeerSigner::of(&federation, "KHM");
    let loose = pb::Message {
        message_id: liaison_tests::test_uuid(7),
        from: "KHM".into(),
        to: "THA".into(),
        created_unix_ms: liaison_node::exchange::now_ms(),
        nonce: vec![7; 16],
        content: Some(pb::message::Content::Answer(pb::Answer {
            request_id: id.clone(),
            from_country: "KHM".into(),
            to_country: "THA".into(),
            agency: "immigration".into(),
            answered_unix_ms: liaison_node::exchange::now_ms(),
            outcome: Some(pb::answer::Outcome::Released(pb::Released {
                fields: vec![pb::Field {
                    name: "identity_confirmed".into(),
                    value: "yes".into(),
                    ..Default::default()
                }],
                remarks: String::new(),
                handling: pb::HandlingCode::IntelligenceOnly as i32,
                retention_days: 30,
                redacted_fields: Vec::new(),
                rule: "KHM-THA v1 rule 5 (VICTIM_IDENTIFICATION)".into(),
            })),
        })),
    };
    let mut as_khm = federation.federation_client_as("KHM", "THA").await;
    let status = as_khm.deliver(khm.seal(&loose)).await.unwrap_err();
    assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
    assert!(
        status
            .message()
            .contains("released only under VICTIM_PROTECTED, whatever the agreements say"),
        "{status:?}"
    );
    let rejected = audit_events(&federation, "THA", "answer.rejected");
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert!(!serde_json::to_string(&rejected).unwrap().contains("Nguyen"));

    // KHM's officer answers through the node: released under
    // VICTIM_PROTECTED whatever the open agreement's own code, and the
    // officer sees that before answering.
    let mut immigration = federation.agency("KHM", "immigration").await;
    let assignment = immigration
        .get(pb::RequestRef {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        assignment.dry_run.as_ref().map(|d| d.handling),
        Some(pb::HandlingCode::VictimProtected as i32)
    );
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
    let answered = liaison_tests::await_status(&mut focal, &id, pb::RequestStatus::Answered).await;
    let Some(pb::answer::Outcome::Released(released)) = answered.answer.and_then(|a| a.outcome)
    else {
        panic!("not released")
    };
    assert_eq!(released.handling, pb::HandlingCode::VictimProtected as i32);
    federation.shutdown().await;
}
