//! Retention: at the end of a request's retention period both nodes purge
//! its personal data (records and stored envelopes), record the purge in
//! the audit log, and the log stays whole and verifiable.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_node::records::Direction;
use liaison_proto::audit::verify_export;
use liaison_proto::domain::{Outcome, RequestStatus, Subject};
use liaison_proto::pb;
use liaison_tests::{
    TestFederation, await_status, exchange_once, export, id_of, phone_check, wait_for_record,
};

const DAY_MS: i64 = 86_400_000;

/// Every key and value of a stopped node's store, as text.
fn store_text(federation: &TestFederation, code: &str) -> String {
    let data_dir = federation.node(code).config().data_dir;
    let store = liaison_node::store::open(&data_dir).unwrap();
    liaison_node::store::Store::scan_prefix(&store, b"")
        .unwrap()
        .into_iter()
        .map(|(k, v)| {
            format!(
                "{} {}\n",
                String::from_utf8_lossy(&k),
                String::from_utf8_lossy(&v)
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn personal_data_is_purged_on_both_sides_when_retention_ends() {
    // Released data is kept 30 days, less than the nodes' default.
    let thirty_days = |holder, peer| {
        let mut agreement = liaison_node::policy::open_agreement(holder, peer);
        for rule in &mut agreement.rules {
            rule.retention_days = 30;
        }
        Some(agreement)
    };
    let mut federation = TestFederation::start_with(&["THA", "KHM"], &thirty_days).await;
    // Released: purged after the answer's retention period, on both sides.
    let answered = exchange_once(&federation, "THA", "KHM").await;
    // Withdrawn, nothing released: purged after the node's default period.
    let mut tha = federation.focal_point("THA").await;
    let withdrawn = id_of(
        &tha.submit(phone_check("KHM", "+85599999999"))
            .await
            .unwrap()
            .into_inner(),
    );
    tha.withdraw(pb::WithdrawCall {
        request_id: withdrawn.clone(),
        reason: String::new(),
    })
    .await
    .unwrap();
    await_status(&mut tha, &withdrawn, pb::RequestStatus::Withdrawn).await;

    let tha_node = federation.node("THA").running().exchange().clone();
    let khm_node = federation.node("KHM").running().exchange().clone();
    // Received and never answered.
    let unanswered = id_of(
        &tha.submit(phone_check("KHM", "+85516888888"))
            .await
            .unwrap()
            .into_inner(),
    );
    wait_for_record(&khm_node, &unanswered, |r| {
        r.status == RequestStatus::Assigned
    })
    .await;
    // Each side counts from when the request became final there.
    let due_on = |record: &liaison_node::records::RequestRecord| {
        let Some(Outcome::Released { retention_days, .. }) =
            record.answer.as_ref().map(|a| &a.outcome)
        else {
            panic!("the phone check was answered with released data");
        };
        assert_eq!(*retention_days, 30);
        let ended = record
            .history
            .iter()
            .rev()
            .find(|c| c.status == RequestStatus::Answered)
            .unwrap()
            .at_unix_ms;
        ended + 30 * DAY_MS
    };
    let tha_due = due_on(&tha_node.get(&answered).unwrap());
    let khm_due = due_on(&khm_node.get(&answered).unwrap());
    let default_days = i64::from(federation.node("THA").config().retention_days);
    assert!(30 < default_days);

    // A moment before the period ends nothing is purged.
    assert_eq!(tha_node.purge_expired(tha_due - 1).await.unwrap(), 0);
    assert_eq!(khm_node.purge_expired(khm_due - 1).await.unwrap(), 0);
    assert!(matches!(
        tha_node.get(&answered).unwrap().request.subject,
        Subject::Phone(_)
    ));

    // Once it has ended, both sides purge the answered request, and only it.
    assert_eq!(tha_node.purge_expired(tha_due + 1).await.unwrap(), 1);
    assert_eq!(khm_node.purge_expired(khm_due + 1).await.unwrap(), 1);
    assert_eq!(
        tha_node.purge_expired(tha_due + 1).await.unwrap(),
        0,
        "once"
    );
    for (node, direction, due) in [
        (&tha_node, Direction::Outgoing, tha_due),
        (&khm_node, Direction::Incoming, khm_due),
    ] {
        let record = node
            .records()
            .request(direction, &answered)
            .unwrap()
            .unwrap();
        assert_eq!(record.purged_unix_ms, Some(due + 1));
        assert_eq!(record.request.subject, Subject::Purged);
        assert!(record.request.summary.is_empty());
        let Some(Outcome::Released {
            fields, remarks, ..
        }) = record.answer.as_ref().map(|a| &a.outcome)
        else {
            panic!("the answer's outcome stays");
        };
        assert_eq!(fields[0].name, "subscriber_name", "names stay");
        assert!(fields.iter().all(|f| f.value.is_empty()) && remarks.is_empty());
        for hash in [record.envelope_hash, record.answer_envelope_hash.unwrap()] {
            let kept = node.records().envelope(&hash).unwrap();
            assert!(kept.is_none(), "{direction:?}: an envelope is still stored");
        }
    }

    // The focal point still sees the request, its status and when it was
    // purged, without a subject.
    let view = tha
        .get(pb::RequestRef {
            request_id: answered.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(view.status, pb::RequestStatus::Answered as i32);
    assert_eq!(view.purged_unix_ms, tha_due + 1);
    assert_eq!(view.request.unwrap().subject.unwrap().kind, None);

    // The withdrawn request waits for the default period.
    let withdrawn_at = tha_node
        .get(&withdrawn)
        .unwrap()
        .history
        .last()
        .unwrap()
        .at_unix_ms;
    let default_due = withdrawn_at + default_days * DAY_MS;
    assert_eq!(tha_node.purge_expired(default_due - 1).await.unwrap(), 0);
    assert_eq!(tha_node.purge_expired(default_due + 1).await.unwrap(), 1);
    assert_eq!(
        tha_node.get(&withdrawn).unwrap().request.subject,
        Subject::Purged
    );
    // Cambodia recorded the withdrawal a moment later.
    assert_eq!(
        khm_node.purge_expired(default_due + DAY_MS).await.unwrap(),
        1
    );

    // Received and never answered: Cambodia purges it the default period
    // after its deadline, and it can no longer be answered.
    let deadline = khm_node.get(&unanswered).unwrap().request.deadline_unix_ms;
    let late = deadline + default_days * DAY_MS;
    assert_eq!(khm_node.purge_expired(late - 1).await.unwrap(), 0);
    assert_eq!(khm_node.purge_expired(late + 1).await.unwrap(), 1);
    let record = khm_node.get(&unanswered).unwrap();
    assert_eq!(record.status, RequestStatus::Expired);
    assert_eq!(record.request.subject, Subject::Purged);
    assert!(
        khm_node
            .records()
            .open_assignments("police")
            .unwrap()
            .is_empty()
    );
    // Thailand expires it once its deadline is the clock skew allowed
    // behind, and purges it the default period after that.
    let skew = federation.node("THA").config().max_clock_skew.as_millis() as i64;
    assert_eq!(tha_node.expire_overdue(deadline + skew).await.unwrap(), 1);
    assert_eq!(tha_node.purge_expired(late + skew - 1).await.unwrap(), 0);
    assert_eq!(tha_node.purge_expired(late + skew).await.unwrap(), 1);

    // Each log records the purges and still verifies offline.
    for (country, purges) in [("THA", 3), ("KHM", 3)] {
        let exported = export(&mut federation.auditor(country).await).await;
        let key = federation.node(country).config().signer.verifying_key();
        verify_export(&exported, &key).unwrap();
        assert_eq!(
            exported.matches("\"event\":\"request.purged\"").count(),
            purges,
            "{country}"
        );
    }

    // Nothing personal is left in either store, and each node starts again
    // on its log.
    drop((tha_node, khm_node));
    for country in ["THA", "KHM"] {
        federation.stop(country).await;
        let text = store_text(&federation, country);
        for value in [
            "+85512345678",
            "+85599999999",
            "+85516888888",
            "Shell Co",
            "Number used to recruit victims.",
        ] {
            assert!(!text.contains(value), "{country} still holds {value}");
        }
        assert!(text.contains(&answered), "the request itself stays");
        federation.restart(country).await;
    }
    federation.shutdown().await;
}
