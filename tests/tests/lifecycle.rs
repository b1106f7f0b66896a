//! The request lifecycle across real nodes: submit, deliver, route, answer
//! or refuse, withdraw, and delivery after a peer outage.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_proto::domain::RequestStatus;
use liaison_proto::pb;
use liaison_tests::{
    TestFederation, await_status, id_of, next_assignment, phone_check, subscriber_answer,
    victim_identification, wait_for_record,
};
use tonic::Code;

fn statuses(view: &pb::RequestView) -> Vec<pb::RequestStatus> {
    view.history
        .iter()
        .map(|h| pb::RequestStatus::try_from(h.status).expect("known status"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn phone_check_is_answered_end_to_end() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut tha = federation.focal_point("THA").await;
    let submitted = tha
        .submit(phone_check("KHM", "+85512345678"))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(submitted.status, pb::RequestStatus::Submitted as i32);
    let id = id_of(&submitted);
    let request = submitted.request.as_ref().unwrap();
    assert_eq!(
        (request.from_country.as_str(), request.to_country.as_str()),
        ("THA", "KHM")
    );
    assert_eq!(request.requested_by, "focal-point");

    let mut police = federation.agency("KHM", "police").await;
    let assignment = next_assignment(&mut police).await;
    assert_eq!(id_of(&assignment), id);
    assert_eq!(assignment.agency, "police");
    assert_eq!(assignment.status, pb::RequestStatus::Assigned as i32);
    assert_eq!(assignment.direction, pb::Direction::Incoming as i32);
    // The receiver hashed the same signed bytes the sender did.
    assert_eq!(assignment.envelope_hash, submitted.envelope_hash);
    let subject = assignment
        .request
        .as_ref()
        .unwrap()
        .subject
        .clone()
        .unwrap();
    assert_eq!(
        subject.kind,
        Some(pb::subject::Kind::Phone(pb::Phone {
            number: "+85512345678".into()
        }))
    );

    // Thailand holds Cambodia's receipt (SENT) before the answer comes:
    // otherwise a fast answer may overtake the receipt, and the request goes
    // from SUBMITTED to ANSWERED directly, which is allowed but not what this
    // test follows.
    await_status(&mut tha, &id, pb::RequestStatus::Sent).await;
    let answered = police
        .answer(pb::AnswerCall {
            request_id: id.clone(),
            fields: vec![pb::Field {
                name: "subscriber_name".into(),
                value: "Shell Co Ltd".into(),
                ..Default::default()
            }],
            remarks: "From the operator.".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(answered.status, pb::RequestStatus::Answered as i32);

    let view = await_status(&mut tha, &id, pb::RequestStatus::Answered).await;
    assert_eq!(
        statuses(&view),
        [
            pb::RequestStatus::Submitted,
            pb::RequestStatus::Sent,
            pb::RequestStatus::Answered
        ]
    );
    let answer = view.answer.expect("answer stored");
    assert_eq!(answer.from_country, "KHM");
    assert_eq!(answer.agency, "police");
    match answer.outcome {
        Some(pb::answer::Outcome::Released(released)) => {
            assert_eq!(released.fields.len(), 1);
            assert_eq!(released.fields[0].value, "Shell Co Ltd");
            assert_eq!(released.remarks, "From the operator.");
        }
        other => panic!("expected released fields, got {other:?}"),
    }
    let receipt = view.receipt.expect("receipt for the request");
    assert_eq!(receipt.receiver, "KHM");

    // Get and list agree with the watch.
    let got = tha
        .get(pb::RequestRef {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(got.status, pb::RequestStatus::Answered as i32);
    let listed = tha
        .list(pb::ListFilter::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.requests.len(), 1);
    let none = tha
        .list(pb::ListFilter {
            status: pb::RequestStatus::Refused as i32,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(none.requests.is_empty());

    // Pages: more requests than one page holds come in several.
    for n in 0..4 {
        tha.submit(phone_check("KHM", &format!("+8551234000{n}")))
            .await
            .unwrap();
    }
    let mut seen = Vec::new();
    let mut after = String::new();
    loop {
        let page = tha
            .list(pb::ListFilter {
                limit: 2,
                after: after.clone(),
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner();
        assert!(page.requests.len() <= 2);
        seen.extend(page.requests.iter().map(id_of));
        if page.next.is_empty() {
            break;
        }
        after = page.next;
    }
    assert_eq!(seen.len(), 5);
    assert_eq!(
        seen.iter().collect::<std::collections::BTreeSet<_>>().len(),
        5
    );
    let too_many = tha
        .list(pb::ListFilter {
            limit: 5000,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(too_many.code(), Code::InvalidArgument);

    // The answering side holds THA's receipt for its answer.
    let khm = federation
        .node("KHM")
        .running()
        .exchange()
        .get(&id)
        .unwrap();
    assert_eq!(khm.status, liaison_proto::domain::RequestStatus::Answered);
    let exchange = federation.node("KHM").running().exchange();
    let answer_receipt = wait_for_record(exchange, &id, |r| r.answer_receipt.is_some())
        .await
        .answer_receipt
        .unwrap();
    assert_eq!(answer_receipt.receiver.as_str(), "THA");
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn victim_identification_is_refused_with_a_reason() {
    let federation = TestFederation::start(&["THA", "VNM"]).await;
    let mut vnm = federation.focal_point("VNM").await;
    let id = id_of(
        &vnm.submit(victim_identification("THA", "Nguyen Van A"))
            .await
            .unwrap()
            .into_inner(),
    );

    let mut immigration = federation.agency("THA", "immigration").await;
    assert_eq!(id_of(&next_assignment(&mut immigration).await), id);
    immigration
        .refuse(pb::RefuseCall {
            request_id: id.clone(),
            reason: pb::RefusalReason::InsufficientInformation as i32,
            explanation: "Send a photograph.".into(),
        })
        .await
        .unwrap();
    // Refusing twice is refused.
    let again = immigration
        .refuse(pb::RefuseCall {
            request_id: id.clone(),
            reason: pb::RefusalReason::Other as i32,
            explanation: String::new(),
        })
        .await
        .unwrap_err();
    assert_eq!(again.code(), Code::FailedPrecondition);

    let view = await_status(&mut vnm, &id, pb::RequestStatus::Refused).await;
    match view.answer.and_then(|a| a.outcome) {
        Some(pb::answer::Outcome::Refusal(refusal)) => {
            assert_eq!(
                refusal.reason,
                pb::RefusalReason::InsufficientInformation as i32
            );
            assert_eq!(refusal.explanation, "Send a photograph.");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agencies_see_only_their_own_assignments() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut tha = federation.focal_point("THA").await;
    let id = id_of(
        &tha.submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );
    let mut police = federation.agency("KHM", "police").await;
    assert_eq!(id_of(&next_assignment(&mut police).await), id);

    let mut fiu = federation.agency("KHM", "fiu").await;
    let inbox = fiu
        .inbox(pb::InboxFilter {
            include_closed: true,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(inbox.requests.is_empty(), "fiu sees police's request");
    let stolen = fiu
        .answer(pb::AnswerCall {
            request_id: id.clone(),
            fields: vec![pb::Field {
                name: "x".into(),
                value: "y".into(),
                ..Default::default()
            }],
            remarks: String::new(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(stolen.code(), Code::NotFound);
    let police_inbox = police
        .inbox(pb::InboxFilter::default())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(police_inbox.requests.len(), 1);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn withdrawal_reaches_the_peer_and_blocks_the_answer() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut tha = federation.focal_point("THA").await;
    let id = id_of(
        &tha.submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );
    let mut police = federation.agency("KHM", "police").await;
    assert_eq!(id_of(&next_assignment(&mut police).await), id);

    let withdrawn = tha
        .withdraw(pb::WithdrawCall {
            request_id: id.clone(),
            reason: "Suspect arrested.".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(withdrawn.status, pb::RequestStatus::Withdrawn as i32);
    let twice = tha
        .withdraw(pb::WithdrawCall {
            request_id: id.clone(),
            reason: String::new(),
        })
        .await
        .unwrap_err();
    assert_eq!(twice.code(), Code::FailedPrecondition);

    // Wait until Cambodia has recorded the withdrawal.
    let khm = federation.node("KHM").running().exchange();
    wait_for_record(khm, &id, |r| {
        r.status == liaison_proto::domain::RequestStatus::Withdrawn
    })
    .await;
    let late = police
        .answer(pb::AnswerCall {
            request_id: id.clone(),
            fields: vec![pb::Field {
                name: "subscriber_name".into(),
                value: "x".into(),
                ..Default::default()
            }],
            remarks: String::new(),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(late.code(), Code::FailedPrecondition);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_to_a_stopped_peer_is_delivered_once_it_returns() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    federation.stop("KHM").await;
    let mut tha = federation.focal_point("THA").await;
    let id = id_of(
        &tha.submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );
    let view = tha
        .get(pb::RequestRef {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(view.status, pb::RequestStatus::Submitted as i32);

    federation.restart("KHM").await;
    await_status(&mut tha, &id, pb::RequestStatus::Sent).await;
    let mut police = federation.agency("KHM", "police").await;
    assert_eq!(id_of(&next_assignment(&mut police).await), id);
    let inbox = police
        .inbox(pb::InboxFilter {
            include_closed: true,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(inbox.requests.len(), 1, "delivered exactly once");
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_callers_need_a_token_and_the_right_role() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let (channel, _) = federation.local("THA", "focal-point").await;

    let mut anonymous = pb::focal_point_client::FocalPointClient::new(channel.clone());
    let refused = anonymous.list(pb::ListFilter::default()).await.unwrap_err();
    assert_eq!(refused.code(), Code::Unauthenticated);

    let forged = liaison_proto::auth::BearerToken::new("lsn_not_a_real_token").unwrap();
    let mut forger =
        pb::focal_point_client::FocalPointClient::with_interceptor(channel.clone(), forged);
    assert_eq!(
        forger
            .list(pb::ListFilter::default())
            .await
            .unwrap_err()
            .code(),
        Code::Unauthenticated
    );

    let (_, police_token) = federation.local("THA", "police-officer").await;
    let mut police_as_focal =
        pb::focal_point_client::FocalPointClient::with_interceptor(channel.clone(), police_token);
    let denied = police_as_focal
        .submit(phone_check("KHM", "+85512345678"))
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);

    let (_, focal_token) = federation.local("THA", "focal-point").await;
    let mut focal_as_agency =
        pb::agency_client::AgencyClient::with_interceptor(channel, focal_token);
    let denied = focal_as_agency
        .inbox(pb::InboxFilter::default())
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);

    // Nothing was submitted, and each denial is in the audit trail.
    let exchange = federation.node("THA").running().exchange();
    assert!(exchange.list_outgoing(None, None).unwrap().is_empty());
    let refusals = exchange
        .records()
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "call.refused")
        .map(|e| e.actor)
        .collect::<Vec<_>>();
    assert_eq!(
        refusals,
        ["unknown", "unknown", "police-officer", "focal-point"]
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_submissions_are_refused_and_change_nothing() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut tha = federation.focal_point("THA").await;
    let cases: Vec<(&str, pb::NewRequest, Code)> = vec![
        (
            "no category",
            pb::NewRequest {
                category: 0,
                ..phone_check("KHM", "+85512345678")
            },
            Code::InvalidArgument,
        ),
        (
            "unknown category",
            pb::NewRequest {
                category: 42,
                ..phone_check("KHM", "+85512345678")
            },
            Code::InvalidArgument,
        ),
        (
            "bad phone",
            phone_check("KHM", "12345"),
            Code::InvalidArgument,
        ),
        (
            "subject does not fit",
            victim_identification("KHM", "x").clone_with_category(pb::Category::PhoneCheck),
            Code::InvalidArgument,
        ),
        (
            "bad offence code",
            pb::NewRequest {
                offence_code: "9999".into(),
                ..phone_check("KHM", "+85512345678")
            },
            Code::InvalidArgument,
        ),
        (
            "deadline passed",
            pb::NewRequest {
                deadline_unix_ms: 1,
                ..phone_check("KHM", "+85512345678")
            },
            Code::InvalidArgument,
        ),
        (
            "own country",
            phone_check("THA", "+85512345678"),
            Code::InvalidArgument,
        ),
        (
            "unknown peer",
            phone_check("LAO", "+85512345678"),
            Code::NotFound,
        ),
        (
            "not a country",
            phone_check("Cambodia", "+85512345678"),
            Code::InvalidArgument,
        ),
        (
            "control characters",
            pb::NewRequest {
                summary: "a\u{0}b".into(),
                ..phone_check("KHM", "+85512345678")
            },
            Code::InvalidArgument,
        ),
    ];
    for (what, request, code) in cases {
        let status = tha.submit(request).await.unwrap_err();
        assert_eq!(status.code(), code, "{what}: {status:?}");
        assert!(!status.message().is_empty(), "{what}");
    }
    let bad_get = tha
        .get(pb::RequestRef {
            request_id: "nope".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(bad_get.code(), Code::InvalidArgument);
    let missing = tha
        .get(pb::RequestRef {
            request_id: "00000000-0000-4000-8000-000000000000".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Code::NotFound);
    let exchange = federation.node("THA").running().exchange();
    assert!(exchange.list_outgoing(None, None).unwrap().is_empty());
    assert!(exchange.records().outbox().unwrap().is_empty());
    federation.shutdown().await;
}

trait WithCategory {
    fn clone_with_category(&self, category: pb::Category) -> pb::NewRequest;
}

impl WithCategory for pb::NewRequest {
    fn clone_with_category(&self, category: pb::Category) -> pb::NewRequest {
        pb::NewRequest {
            category: category as i32,
            ..self.clone()
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unanswered_requests_expire_at_their_deadline() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut tha = federation.focal_point("THA").await;
    let submitted = tha
        .submit(phone_check("KHM", "+85512345678"))
        .await
        .unwrap()
        .into_inner();
    let id = id_of(&submitted);
    await_status(&mut tha, &id, pb::RequestStatus::Sent).await;
    let deadline = submitted.request.unwrap().deadline_unix_ms;
    let exchange = federation.node("THA").running().exchange();
    let skew = federation.node("THA").config().max_clock_skew.as_millis() as i64;
    // Not yet due: nothing happens (time given explicitly).
    assert_eq!(exchange.expire_overdue(deadline - 1).await.unwrap(), 0);
    // An answer made by the deadline on a peer whose clock runs ahead may
    // still be on its way: the requester waits the clock skew allowed.
    assert_eq!(
        exchange.expire_overdue(deadline + skew - 1).await.unwrap(),
        0
    );
    // Then it expires, once.
    assert_eq!(exchange.expire_overdue(deadline + skew).await.unwrap(), 1);
    assert_eq!(
        exchange
            .expire_overdue(deadline + skew + 1000)
            .await
            .unwrap(),
        0
    );
    // The answering side expires its copy at the deadline by its own clock,
    // after which the agency can no longer answer it.
    let khm = federation.node("KHM").running().exchange();
    wait_for_record(khm, &id, |r| r.status == RequestStatus::Assigned).await;
    assert_eq!(khm.expire_overdue(deadline - 1).await.unwrap(), 0);
    assert_eq!(khm.expire_overdue(deadline).await.unwrap(), 1);
    let mut police = federation.agency("KHM", "police").await;
    let late = police.answer(subscriber_answer(&id)).await.unwrap_err();
    assert_eq!(late.code(), Code::FailedPrecondition, "{late:?}");
    assert!(late.message().contains("EXPIRED"), "{late:?}");
    let view = tha
        .get(pb::RequestRef {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(view.status, pb::RequestStatus::Expired as i32);
    let expired = exchange
        .records()
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "request.expired" && e.request_id.as_deref() == Some(id.as_str()))
        .count();
    assert_eq!(expired, 1);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn country_codes_are_accepted_in_either_case_and_normalised() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut tha = federation.focal_point("THA").await;
    let view = tha
        .submit(phone_check("khm", "+85512345678"))
        .await
        .unwrap()
        .into_inner();
    let request = view.request.unwrap();
    assert_eq!(request.to_country, "KHM");
    let listed = tha
        .list(pb::ListFilter {
            country: "Khm".into(),
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.requests.len(), 1);
    federation.shutdown().await;
}
