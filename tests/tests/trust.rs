//! Deny by default in the other direction: a requesting node checks every
//! answer a peer sends against its own request and its own agreement, as
//! strictly as the peer checked the request. Hostile answers are signed
//! here with the peer's real key and sent over the peer's real TLS
//! identity, as a peer that holds real credentials but misbehaves would.
//! Final states stay final on both sides, and a peer's permanent refusal
//! of a delivery ends it at once while transient failures are retried.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use liaison_node::exchange::now_ms;
use liaison_node::records::Direction;
use liaison_proto::domain::RequestStatus;
use liaison_proto::pb;
use liaison_tests::{
    PATIENCE, PeerSigner, TestFederation, agreement, audit_events, await_status, envelope_hash,
    export, id_of, next_assignment, phone_check, submit, subscriber_answer, test_uuid, view_of,
    wait_for_record,
};
use tonic::Code;

/// The agreement every pair of nodes holds here: phone checks both ways,
/// for investigations, releasing three fields, INTELLIGENCE_ONLY, 30 days.
fn phone_agreement(a: &str, b: &str) -> liaison_node::policy::AgreementFile {
    let (ab, ba) = (format!("{a}->{b}"), format!("{b}->{a}"));
    agreement(
        a,
        b,
        1,
        100,
        &[(
            pb::Category::PhoneCheck,
            &[ab.as_str(), ba.as_str()],
            &[pb::Purpose::Investigation],
            &["subscriber_name", "registration_date", "sim_status"],
        )],
    )
}

fn phone_agreements(
    holder: liaison_proto::domain::CountryCode,
    peer: liaison_proto::domain::CountryCode,
) -> Option<liaison_node::policy::AgreementFile> {
    Some(phone_agreement(holder.as_str(), peer.as_str()))
}

/// A released answer from `from` to `to` about `request_id`, message id `n`.
fn released(
    n: u64,
    from: &str,
    to: &str,
    request_id: &str,
    fields: &[(&str, &str)],
    handling: pb::HandlingCode,
    retention_days: u32,
) -> pb::Message {
    pb::Message {
        message_id: test_uuid(n),
        from: from.into(),
        to: to.into(),
        created_unix_ms: now_ms(),
        nonce: n.to_le_bytes().repeat(2),
        content: Some(pb::message::Content::Answer(pb::Answer {
            request_id: request_id.into(),
            from_country: from.into(),
            to_country: to.into(),
            agency: "police".into(),
            answered_unix_ms: now_ms(),
            outcome: Some(pb::answer::Outcome::Released(pb::Released {
                fields: fields
                    .iter()
                    .map(|(name, value)| pb::Field {
                        name: name.to_string(),
                        value: value.to_string(),
                        ..Default::default()
                    })
                    .collect(),
                remarks: format!("remark MARKER-REMARK-{n}"),
                handling: handling as i32,
                retention_days,
                redacted_fields: vec![],
                rule: "KHM-THA v1 rule 1 (PHONE_CHECK)".into(),
            })),
        })),
    }
}

/// The `answer.rejected` audit entries of node `code`.
fn rejections(federation: &TestFederation, code: &str) -> Vec<liaison_node::records::AuditEntry> {
    audit_events(federation, code, "answer.rejected")
}

/// The value of the metric line starting with `prefix` on node `code`.
async fn metric(federation: &TestFederation, code: &str, prefix: &str) -> Option<f64> {
    federation
        .metrics(code)
        .await
        .lines()
        .find(|line| line.starts_with(prefix))
        .and_then(|line| line.rsplit(' ').next()?.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_requester_refuses_answers_beyond_its_request_and_agreement() {
    let federation = TestFederation::start_with(&["THA", "KHM", "VNM"], &phone_agreements).await;
    let khm = PeerSigner::of(&federation, "KHM");
    let vnm = PeerSigner::of(&federation, "VNM");
    let mut as_khm = federation.federation_client_as("KHM", "THA").await;
    let mut as_vnm = federation.federation_client_as("VNM", "THA").await;
    let mut focal = federation.focal_point("THA").await;
    let request = pb::NewRequest {
        requested_fields: vec!["subscriber_name".into()],
        ..phone_check("KHM", "+85512345678")
    };
    let id = submit(&mut focal, request.clone()).await;
    await_status(&mut focal, &id, pb::RequestStatus::Sent).await;
    let withdrawn = submit(&mut focal, request).await;
    await_status(&mut focal, &withdrawn, pb::RequestStatus::Sent).await;
    focal
        .withdraw(pb::WithdrawCall {
            request_id: withdrawn.clone(),
            reason: String::new(),
        })
        .await
        .unwrap();

    use pb::HandlingCode::{EvidenceWithConsent, IntelligenceOnly};
    let rule = "[rule: THA-KHM v1 rule 1 (PHONE_CHECK)]";
    let hostile: Vec<(&str, bool, pb::Message, Code, String)> = vec![
        (
            "a field THA's agreement does not accept",
            false,
            released(
                1,
                "KHM",
                "THA",
                &id,
                &[("location_history", "MARKER-1")],
                IntelligenceOnly,
                30,
            ),
            Code::PermissionDenied,
            format!("location_history is not a field THA's agreement accepts {rule}"),
        ),
        (
            "a field accepted but not requested",
            false,
            released(
                2,
                "KHM",
                "THA",
                &id,
                &[
                    ("subscriber_name", "MARKER-2a"),
                    ("sim_status", "MARKER-2b"),
                ],
                IntelligenceOnly,
                30,
            ),
            Code::PermissionDenied,
            format!("sim_status was not requested (requested: subscriber_name) {rule}"),
        ),
        (
            "a looser handling code",
            false,
            released(
                3,
                "KHM",
                "THA",
                &id,
                &[("subscriber_name", "MARKER-3")],
                EvidenceWithConsent,
                30,
            ),
            Code::PermissionDenied,
            "EVIDENCE_WITH_CONSENT is less strict than the INTELLIGENCE_ONLY".into(),
        ),
        (
            "a longer retention",
            false,
            released(
                4,
                "KHM",
                "THA",
                &id,
                &[("subscriber_name", "MARKER-4")],
                IntelligenceOnly,
                3650,
            ),
            Code::PermissionDenied,
            "3650 days is longer than the 30 days".into(),
        ),
        (
            "an unknown request",
            false,
            released(
                5,
                "KHM",
                "THA",
                &test_uuid(999),
                &[("subscriber_name", "MARKER-5")],
                IntelligenceOnly,
                30,
            ),
            Code::NotFound,
            format!("no request {} was sent to KHM", test_uuid(999)),
        ),
        (
            "a withdrawn request",
            false,
            released(
                6,
                "KHM",
                "THA",
                &withdrawn,
                &[("subscriber_name", "MARKER-6")],
                IntelligenceOnly,
                30,
            ),
            Code::FailedPrecondition,
            format!("request {withdrawn} is already WITHDRAWN"),
        ),
        (
            "the wrong peer",
            true,
            released(
                7,
                "VNM",
                "THA",
                &id,
                &[("subscriber_name", "MARKER-7")],
                IntelligenceOnly,
                30,
            ),
            Code::NotFound,
            format!("no request {id} was sent to VNM"),
        ),
    ];
    let cases = hostile.len();
    for (i, (name, from_vnm, message, code, says)) in hostile.into_iter().enumerate() {
        let envelope = if from_vnm {
            vnm.seal(&message)
        } else {
            khm.seal(&message)
        };
        let hash = envelope_hash(&envelope);
        let outcome = if from_vnm {
            as_vnm.deliver(envelope).await
        } else {
            as_khm.deliver(envelope).await
        };
        let status = outcome.expect_err(name);
        assert_eq!(status.code(), code, "{name}: {status:?}");
        assert!(
            status.message().contains(&says),
            "{name}: `{}` does not say `{says}`",
            status.message()
        );
        // Audited once, as a rejected answer naming the envelope and rule.
        let audited = rejections(&federation, "THA");
        assert_eq!(audited.len(), i + 1, "{name}: not audited exactly once");
        let entry = audited.last().unwrap();
        assert_eq!(entry.message_hash.as_deref(), Some(hash.as_str()), "{name}");
        assert_eq!(
            entry.peer.map(|p| p.to_string()).as_deref(),
            Some(if from_vnm { "VNM" } else { "KHM" }),
            "{name}"
        );
        assert!(entry.request_id.is_some(), "{name}");
        assert!(entry.detail.contains(&says), "{name}: {}", entry.detail);
    }

    // Nor can the peer withdraw a request it did not send.
    let withdrawal = pb::Message {
        message_id: test_uuid(20),
        from: "KHM".into(),
        to: "THA".into(),
        created_unix_ms: now_ms(),
        nonce: vec![20; 16],
        content: Some(pb::message::Content::Withdrawal(pb::Withdrawal {
            request_id: id.clone(),
            reason: "MARKER-20".into(),
        })),
    };
    let status = as_khm.deliver(khm.seal(&withdrawal)).await.unwrap_err();
    assert_eq!(status.code(), Code::NotFound, "{status:?}");
    assert!(
        status
            .message()
            .contains(&format!("no request {id} was received from KHM")),
        "{status:?}"
    );

    // The request is still open, holds no answer, and shows no value.
    let view = view_of(&mut focal, &id).await;
    assert_eq!(view.status, pb::RequestStatus::Sent as i32);
    assert!(view.answer.is_none());
    assert!(!format!("{view:?}").contains("MARKER"));
    let tha = federation.node("THA").running().exchange();
    for record in tha.records().requests(Direction::Outgoing).unwrap() {
        assert!(record.answer.is_none(), "a rejected answer was stored");
    }
    assert_eq!(
        metric(
            &federation,
            "THA",
            "liaison_answers_rejected_total{peer=\"KHM\"}"
        )
        .await,
        Some((cases - 1) as f64)
    );

    // A correct answer is still accepted until the deadline, and then the
    // request is final: another answer is refused.
    let good = released(
        8,
        "KHM",
        "THA",
        &id,
        &[("subscriber_name", "Shell Co")],
        IntelligenceOnly,
        30,
    );
    as_khm
        .deliver(khm.seal(&good))
        .await
        .expect("a correct answer is accepted");
    let view = await_status(&mut focal, &id, pb::RequestStatus::Answered).await;
    assert!(format!("{view:?}").contains("Shell Co"));
    let again = released(
        9,
        "KHM",
        "THA",
        &id,
        &[("subscriber_name", "MARKER-9")],
        IntelligenceOnly,
        30,
    );
    let status = as_khm.deliver(khm.seal(&again)).await.unwrap_err();
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    assert!(
        status.message().contains("is already ANSWERED"),
        "{status:?}"
    );

    // Nothing of any rejected answer reached the audit log.
    let log = export(&mut federation.auditor("THA").await).await;
    assert!(!log.contains("MARKER"), "a value reached the audit log");
    assert_eq!(log.matches("\"answer.rejected\"").count(), cases + 1);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadlines_are_final_on_both_sides_within_the_clock_skew_allowed() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &phone_agreements).await;
    let khm = PeerSigner::of(&federation, "KHM");
    let mut as_khm = federation.federation_client_as("KHM", "THA").await;
    let mut focal = federation.focal_point("THA").await;
    let skew = federation.node("THA").config().max_clock_skew.as_millis() as i64;

    // An answer signed as made after the deadline plus the skew allowed is
    // refused; one made within the skew is accepted.
    let deadline = now_ms() + 60_000;
    let due_at = |deadline_unix_ms| pb::NewRequest {
        deadline_unix_ms,
        ..phone_check("KHM", "+85512345678")
    };
    let first = submit(&mut focal, due_at(deadline)).await;
    let answer_at = |n: u64, id: &str, at: i64| {
        let mut m = released(
            n,
            "KHM",
            "THA",
            id,
            &[("subscriber_name", "Shell Co")],
            pb::HandlingCode::IntelligenceOnly,
            30,
        );
        if let Some(pb::message::Content::Answer(a)) = &mut m.content {
            a.answered_unix_ms = at;
        }
        m
    };
    let late = as_khm
        .deliver(khm.seal(&answer_at(1, &first, deadline + skew + 1000)))
        .await
        .unwrap_err();
    assert_eq!(late.code(), Code::FailedPrecondition, "{late:?}");
    assert!(late.message().contains("deadline"), "{late:?}");
    as_khm
        .deliver(khm.seal(&answer_at(2, &first, deadline + skew - 1000)))
        .await
        .expect("an answer made within the skew allowed is accepted");
    await_status(&mut focal, &first, pb::RequestStatus::Answered).await;

    // A request that really expires: the requester's watch ends at EXPIRED,
    // the answering agency can no longer answer, and a late answer, even
    // one signed as made in time, changes nothing.
    let short = now_ms() + 1_500;
    let second = submit(&mut focal, due_at(short)).await;
    let mut police = federation.agency("KHM", "police").await;
    let khm_node = federation.node("KHM").running().exchange();
    wait_for_record(khm_node, &second, |r| r.status == RequestStatus::Assigned).await;
    let expired = await_status(&mut focal, &second, pb::RequestStatus::Expired).await;
    assert!(expired.answer.is_none());
    let refused = police.answer(subscriber_answer(&second)).await.unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    assert!(refused.message().contains("EXPIRED") || refused.message().contains("expired"));
    let on_khm = wait_for_record(khm_node, &second, |r| r.status.is_final()).await;
    assert_eq!(on_khm.status, RequestStatus::Expired);
    let status = as_khm
        .deliver(khm.seal(&answer_at(3, &second, short - 100)))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    assert!(
        status.message().contains("expired at its deadline"),
        "{status:?}"
    );
    let view = view_of(&mut focal, &second).await;
    assert_eq!(view.status, pb::RequestStatus::Expired as i32);
    assert!(view.answer.is_none());
    assert_eq!(rejections(&federation, "THA").len(), 2);
    federation.shutdown().await;
}

/// Waits until `check` holds for node `code`'s stored outbox, looking again
/// whenever the delivery worker may have moved on.
async fn until_outbox(
    federation: &TestFederation,
    code: &str,
    check: impl Fn(&[liaison_node::records::OutboxItem]) -> bool,
) {
    let exchange = federation.node(code).running().exchange();
    tokio::time::timeout(PATIENCE, async {
        loop {
            if check(&exchange.records().outbox().unwrap()) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    })
    .await
    .expect("the outbox reached the expected state");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn permanent_refusals_end_a_delivery_and_transient_failures_are_retried() {
    let mut federation = TestFederation::start_with(&["THA", "KHM"], &phone_agreements).await;
    let mut focal = federation.focal_point("THA").await;

    // Permanent: after Thailand asked, its operator narrowed its agreement
    // (no more subscriber names from Cambodia). Thailand refuses Cambodia's
    // answer with PERMISSION_DENIED, so Cambodia's delivery ends at once,
    // audited, with the reason kept.
    let id = submit(&mut focal, phone_check("KHM", "+85512345678")).await;
    let mut police = federation.agency("KHM", "police").await;
    assert_eq!(id_of(&next_assignment(&mut police).await), id);
    federation.stop("THA").await;
    let mut narrower = phone_agreement("THA", "KHM");
    narrower.version = 2;
    narrower.rules[0].release.retain(|f| f != "subscriber_name");
    let file = federation.node("THA").dir.join("agreements/khm.toml");
    std::fs::write(&file, toml::to_string(&narrower).unwrap()).unwrap();
    federation.restart("THA").await;
    let mut focal = federation.focal_point("THA").await;
    police.answer(subscriber_answer(&id)).await.unwrap();
    let khm = federation.node("KHM").running().exchange();
    let record = wait_for_record(khm, &id, |r| r.delivery_error.is_some()).await;
    let reason = record.delivery_error.unwrap();
    assert!(reason.starts_with("PERMISSION_DENIED: "), "{reason}");
    assert!(
        reason.contains("subscriber_name is not a field THA's agreement accepts"),
        "{reason}"
    );
    assert_eq!(record.status, RequestStatus::Answered);
    assert!(khm.records().outbox().unwrap().is_empty(), "not retried");
    let failed: Vec<_> = khm
        .records()
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "delivery.failed")
        .collect();
    assert_eq!(failed.len(), 1);
    assert!(
        failed[0].detail.contains("PERMISSION_DENIED"),
        "{}",
        failed[0].detail
    );
    assert_eq!(rejections(&federation, "THA").len(), 1);
    assert_eq!(
        metric(
            &federation,
            "KHM",
            "liaison_deliveries_total{peer=\"THA\",outcome=\"failed\"}"
        )
        .await,
        Some(1.0)
    );
    let view = police
        .inbox(pb::InboxFilter {
            include_closed: true,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(
        view.requests[0]
            .delivery_error
            .contains("PERMISSION_DENIED")
    );
    let tha_view = view_of(&mut focal, &id).await;
    assert_eq!(tha_view.status, pb::RequestStatus::Sent as i32);

    // Transient: Cambodia is down. Thailand keeps the request queued and
    // retries it with backoff; once Cambodia is back it is delivered.
    federation.stop("KHM").await;
    let queued = submit(&mut focal, phone_check("KHM", "+85512345679")).await;
    until_outbox(&federation, "THA", |items| {
        items
            .iter()
            .any(|i| i.request_id == queued && i.attempts >= 1)
    })
    .await;
    let item = federation
        .node("THA")
        .running()
        .exchange()
        .records()
        .outbox()
        .unwrap()
        .into_iter()
        .find(|i| i.request_id == queued)
        .unwrap();
    assert!(
        item.last_error
            .as_deref()
            .unwrap_or("")
            .starts_with("UNAVAILABLE"),
        "{:?}",
        item.last_error
    );
    federation.restart("KHM").await;
    let sent = await_status(&mut focal, &queued, pb::RequestStatus::Sent).await;
    assert!(sent.delivery_error.is_empty());

    // Permanent for a request: Cambodia no longer peers with Thailand and
    // refuses its certificate; the request becomes UNDELIVERABLE at once.
    federation.stop("KHM").await;
    let path = federation.node("KHM").config_path.clone();
    let mut config: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let peers = config["peers"].as_array_mut().unwrap();
    peers.retain(|p| p["country"].as_str() != Some("THA"));
    std::fs::write(&path, toml::to_string(&config).unwrap()).unwrap();
    federation.restart("KHM").await;
    let refused = submit(&mut focal, phone_check("KHM", "+85512345670")).await;
    let view = await_status(&mut focal, &refused, pb::RequestStatus::Undeliverable).await;
    assert!(
        view.delivery_error.starts_with("PERMISSION_DENIED: "),
        "{}",
        view.delivery_error
    );
    let tha = federation.node("THA").running().exchange();
    // The watch shows the status as applied; its audit entry is read from
    // the committed log, once the store has flushed.
    tha.durable().await.expect("THA's store flushes");
    assert!(
        tha.records()
            .outbox()
            .unwrap()
            .iter()
            .all(|i| i.request_id != refused)
    );
    assert!(
        tha.records()
            .audit_entries()
            .unwrap()
            .iter()
            .any(|e| e.event == "delivery.failed"
                && e.request_id.as_deref() == Some(refused.as_str()))
    );
    federation.shutdown().await;
}

#[test]
fn delivery_statuses_are_classified_permanent_or_transient() {
    use liaison_node::exchange::DeliveryFailure;
    let permanent = [
        Code::InvalidArgument,
        Code::NotFound,
        Code::AlreadyExists,
        Code::PermissionDenied,
        Code::FailedPrecondition,
        Code::OutOfRange,
    ];
    let transient = [
        Code::Unavailable,
        Code::DeadlineExceeded,
        Code::ResourceExhausted,
        Code::Unknown,
        Code::Internal,
        Code::Cancelled,
        Code::Aborted,
        Code::Unauthenticated,
        Code::Unimplemented,
        Code::DataLoss,
    ];
    for code in permanent {
        let failure = DeliveryFailure::from_status(&tonic::Status::new(code, "no\u{7}pe"));
        match failure {
            DeliveryFailure::Permanent { code: got, message } => {
                assert_eq!(got, code);
                assert_eq!(message, "nope", "control characters are dropped");
            }
            other => panic!("{code:?} should be permanent, got {other:?}"),
        }
    }
    for code in transient {
        let failure = DeliveryFailure::from_status(&tonic::Status::new(code, "busy"));
        assert!(
            matches!(failure, DeliveryFailure::Transient(_)),
            "{code:?} should be retried"
        );
    }
    // A refusal for clock skew is kept and retried: the same envelope
    // passes once the clocks agree. The reason comes with the status, or in
    // a batch's refusal.
    let mut skewed = tonic::Status::new(Code::FailedPrecondition, "ahead");
    skewed.metadata_mut().insert(
        liaison_proto::status::REFUSAL_REASON_HEADER,
        tonic::metadata::MetadataValue::from_static(liaison_proto::status::CLOCK_SKEW),
    );
    assert!(matches!(
        DeliveryFailure::from_status(&skewed),
        DeliveryFailure::ClockSkew(_)
    ));
    assert!(matches!(
        DeliveryFailure::from_refusal(Code::FailedPrecondition, "ahead", "clock-skew"),
        DeliveryFailure::ClockSkew(_)
    ));
    // The reason counts with that code only, and an unknown one with none.
    assert!(matches!(
        DeliveryFailure::from_refusal(Code::InvalidArgument, "bad", "clock-skew"),
        DeliveryFailure::Permanent { .. }
    ));
    assert!(matches!(
        DeliveryFailure::from_refusal(Code::FailedPrecondition, "no", "other"),
        DeliveryFailure::Permanent { .. }
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_meet_both_agreements_and_the_officer_sees_a_dry_run_first() {
    // Each answering country attaches other terms than Thailand accepts:
    // Cambodia looser ones (an answer can meet both), Viet Nam ones that
    // restrict something else (no answer can meet both).
    let terms = |holder: liaison_proto::domain::CountryCode,
                 peer: liaison_proto::domain::CountryCode| {
        let mut file = phone_agreement(holder.as_str(), peer.as_str());
        match (holder.as_str(), peer.as_str()) {
            ("KHM", "THA") => {
                file.rules[0].handling = "EVIDENCE_WITH_CONSENT".into();
                file.rules[0].retention_days = 90;
            }
            ("VNM", "THA") => file.rules[0].handling = "NO_ONWARD_SHARING".into(),
            _ => {}
        }
        Some(file)
    };
    let federation = TestFederation::start_with(&["THA", "KHM", "VNM"], &terms).await;
    let mut focal = federation.focal_point("THA").await;
    let id = submit(
        &mut focal,
        pb::NewRequest {
            requested_fields: vec!["subscriber_name".into(), "sim_status".into()],
            ..phone_check("KHM", "+85512345678")
        },
    )
    .await;
    let khm = federation.node("KHM").running().exchange();
    wait_for_record(khm, &id, |r| r.status == RequestStatus::Assigned).await;

    // The officer sees the whole request and what an answer would release.
    let mut police = federation.agency("KHM", "police").await;
    let assignment = police
        .get(pb::RequestRef {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    let request = assignment.view.unwrap().request.unwrap();
    assert_eq!(request.offence_code, "0204");
    assert_eq!(request.more_offence_codes, ["0701"]);
    assert_eq!(request.requested_fields, ["subscriber_name", "sim_status"]);
    assert_eq!(
        request.accepted_handling,
        pb::HandlingCode::IntelligenceOnly as i32
    );
    assert_eq!(request.max_retention_days, 30);
    assert!(format!("{:?}", request.subject).contains("+85512345678"));
    let dry_run = assignment.dry_run.unwrap();
    assert_eq!(dry_run.released_fields, ["subscriber_name", "sim_status"]);
    assert!(dry_run.withheld_fields.is_empty());
    assert_eq!(dry_run.handling, pb::HandlingCode::IntelligenceOnly as i32);
    assert_eq!(dry_run.retention_days, 30);
    assert_eq!(dry_run.rule, "KHM-THA v1 rule 1 (PHONE_CHECK)");
    assert!(dry_run.problem.is_empty());

    // Other agencies and other roles cannot read it.
    let mut fiu = federation.agency("KHM", "fiu").await;
    let status = fiu
        .get(pb::RequestRef {
            request_id: id.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound, "{status:?}");
    let (channel, token) = federation.local("KHM", "focal-point").await;
    let mut not_an_agency = pb::agency_client::AgencyClient::with_interceptor(channel, token);
    let status = not_an_agency
        .get(pb::RequestRef {
            request_id: id.clone(),
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");

    // The answer goes out under the stricter terms, and Thailand takes it.
    police.answer(subscriber_answer(&id)).await.unwrap();
    let answered = await_status(&mut focal, &id, pb::RequestStatus::Answered).await;
    match answered.answer.unwrap().outcome.unwrap() {
        pb::answer::Outcome::Released(released) => {
            assert_eq!(released.handling, pb::HandlingCode::IntelligenceOnly as i32);
            assert_eq!(released.retention_days, 30);
        }
        other => panic!("expected a released answer, got {other:?}"),
    }

    // Viet Nam cannot meet both: the dry run says so, and so does an answer.
    let to_vnm = submit(&mut focal, phone_check("VNM", "+84912345678")).await;
    let vnm = federation.node("VNM").running().exchange();
    wait_for_record(vnm, &to_vnm, |r| r.status == RequestStatus::Assigned).await;
    let mut vnm_police = federation.agency("VNM", "police").await;
    let dry_run = vnm_police
        .get(pb::RequestRef {
            request_id: to_vnm.clone(),
        })
        .await
        .unwrap()
        .into_inner()
        .dry_run
        .unwrap();
    assert!(
        dry_run
            .problem
            .contains("no handling code meets both agreements"),
        "{}",
        dry_run.problem
    );
    let status = vnm_police
        .answer(subscriber_answer(&to_vnm))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::FailedPrecondition, "{status:?}");
    assert!(
        status
            .message()
            .contains("THA accepts released data only under INTELLIGENCE_ONLY")
    );
    federation.shutdown().await;
}
