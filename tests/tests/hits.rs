//! Private hit/no-hit checks across real nodes (issue 20, docs/hits.md):
//! Cambodia's police keep a list of numbers; Thailand checks numbers
//! against it without Cambodia learning them. A hit names the agency and
//! its reference and becomes a follow-up request; a miss leaves no trace of
//! the value on either node; the agreement's kinds and quota, the epochs
//! and the holder's proof are enforced.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::sync::Arc;

use liaison_node::policy::HitChecksSection;
use liaison_node::records::{Changes, HITS_KEY_NAME};
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::hits_client::HitsClient;
use liaison_tests::{LogCapture, TestFederation, export, next_assignment};
use sha2::{Digest as _, Sha256};
use tonic::Code;
use tonic::codegen::InterceptedService;
use tonic::transport::Channel;

type HitsApi = HitsClient<InterceptedService<Channel, liaison_proto::auth::BearerToken>>;

async fn hits(federation: &TestFederation, code: &str, user: &str) -> HitsApi {
    let (channel, token) = federation.local(code, user).await;
    HitsClient::with_interceptor(channel, token)
}

/// Open agreements, and Thailand may check phone numbers and bank accounts
/// against the police's `compound-numbers` list, `holder_quota` values a
/// day in Cambodia's copy and `asker_quota` in Thailand's.
fn agreements(
    holder_quota: u32,
    asker_quota: u32,
) -> impl Fn(CountryCode, CountryCode) -> Option<liaison_node::policy::AgreementFile> {
    move |holder, peer| {
        let mut agreement = liaison_node::policy::open_agreement(holder, peer);
        agreement.hit_checks = vec![HitChecksSection {
            flow: "THA->KHM".into(),
            lists: vec!["police/compound-numbers".into()],
            kinds: vec!["phone".into(), "bank_account".into()],
            daily_quota: if holder.as_str() == "KHM" {
                holder_quota
            } else {
                asker_quota
            },
        }];
        Some(agreement)
    }
}

fn entry(value: &str, reference: &str, added: &str) -> pb::IndicatorEntry {
    pb::IndicatorEntry {
        value: value.into(),
        reference: reference.into(),
        added: added.into(),
    }
}

async fn import(api: &mut HitsApi, entries: Vec<pb::IndicatorEntry>) -> pb::IndicatorListSummary {
    api.import_indicators(pb::IndicatorImport {
        agency: "police".into(),
        list: "compound-numbers".into(),
        kind: "phone".into(),
        entries,
    })
    .await
    .unwrap()
    .into_inner()
}

async fn check(api: &mut HitsApi, values: &[&str]) -> Result<pb::HitCheckResult, tonic::Status> {
    api.check(pb::HitCheck {
        peer: "KHM".into(),
        kind: "phone".into(),
        values: values.iter().map(|v| v.to_string()).collect(),
    })
    .await
    .map(tonic::Response::into_inner)
}

/// Every file under `dir` that holds `needle`.
fn holding(dir: &Path, needle: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(holding(&path, needle));
        } else if std::fs::read(&path)
            .unwrap()
            .windows(needle.len())
            .any(|w| w == needle)
        {
            found.push(path.display().to_string());
        }
    }
    found
}

/// The ways a value could be written down: as given, without `+`, its
/// SHA-256 in hex and in bytes.
fn traces(value: &str) -> Vec<Vec<u8>> {
    let digest = Sha256::digest(value.as_bytes());
    vec![
        value.as_bytes().to_vec(),
        value.trim_start_matches('+').as_bytes().to_vec(),
        hex::encode(digest).into_bytes(),
        digest.to_vec(),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hit_names_whom_to_ask_and_a_miss_leaves_no_trace() {
    let logs = LogCapture::start();
    let choice = agreements(100, 100);
    let federation = TestFederation::start_with(&["THA", "KHM"], &choice).await;
    let mut police = hits(&federation, "KHM", "police-officer").await;

    // Cambodia's police list two numbers (illustrative).
    let listed = import(
        &mut police,
        vec![
            entry("+855 12 345 678", "KH-POL-2026-001", "2026-11-02"),
            entry("+85512345679", "KH-POL-2026-002", ""),
        ],
    )
    .await;
    assert_eq!(listed.added, 2);
    assert_eq!(listed.counts.len(), 1);
    assert_eq!(
        (listed.counts[0].kind.as_str(), listed.counts[0].count),
        ("phone", 2)
    );
    assert!(listed.epoch >= 1);
    // Another agency's officer, and a focal point, may not keep the list.
    let mut fiu = hits(&federation, "KHM", "fiu-officer").await;
    let denied = fiu
        .import_indicators(pb::IndicatorImport {
            agency: "police".into(),
            list: "compound-numbers".into(),
            kind: "phone".into(),
            entries: vec![entry("+85599887766", "X-1", "")],
        })
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied, "{denied:?}");
    // A bad value is named by position, never quoted.
    let bad = police
        .import_indicators(pb::IndicatorImport {
            agency: "police".into(),
            list: "compound-numbers".into(),
            kind: "phone".into(),
            entries: vec![
                entry("+85512345671", "KH-POL-2026-003", ""),
                entry("+855 not-a-number 42", "KH-POL-2026-004", ""),
            ],
        })
        .await
        .unwrap_err();
    assert_eq!(bad.code(), Code::InvalidArgument);
    assert!(
        bad.message().contains("entries[1].value"),
        "{}",
        bad.message()
    );
    assert!(!bad.message().contains("not-a-number"), "{}", bad.message());

    // Thailand checks two numbers: the first listed, written another way;
    // the second on no list.
    let listed_value = "+85512345678";
    let missed = "+85512345670";
    let mut focal = hits(&federation, "THA", "focal-point").await;
    let result = check(&mut focal, &["+855-12-345-678", missed])
        .await
        .unwrap();
    assert_eq!(result.outcomes.len(), 2);
    let hit = &result.outcomes[0];
    assert!(hit.hit);
    assert_eq!(hit.records.len(), 1);
    let record = &hit.records[0];
    assert_eq!(
        (
            record.agency.as_str(),
            record.list.as_str(),
            record.reference.as_str(),
            record.kind.as_str(),
            record.added.as_str()
        ),
        (
            "police",
            "compound-numbers",
            "KH-POL-2026-001",
            "phone",
            "2026-11-02"
        )
    );
    assert!(!result.outcomes[1].hit);
    assert!(result.outcomes[1].hit_id.is_empty() && result.outcomes[1].records.is_empty());
    assert_eq!(result.quota_left, 98);
    assert_eq!(result.set_entries, 2);
    assert!(result.quota_resets_unix_ms > liaison_node::exchange::now_ms());

    // The hit is kept for its follow-up; the miss nowhere.
    let kept = focal
        .get_hit(pb::HitRef {
            hit_id: hit.hit_id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        (kept.peer.as_str(), kept.value.as_str()),
        ("KHM", listed_value)
    );

    // The follow-up: a normal request to the agency that listed it.
    let mut requests = federation.focal_point("THA").await;
    let mut follow_up = liaison_tests::phone_check("", "+66811111111");
    follow_up.subject = None;
    follow_up.follow_up_hit = hit.hit_id.clone();
    let view = requests.submit(follow_up).await.unwrap().into_inner();
    let sent = view.request.unwrap();
    assert_eq!(sent.to_country, "KHM");
    let cited = sent.hit.clone().unwrap();
    assert_eq!(cited.reference, "KH-POL-2026-001");
    let mut officer = federation.agency("KHM", "police").await;
    let assigned = next_assignment(&mut officer).await;
    let received = assigned.request.unwrap();
    assert_eq!(received.request_id, sent.request_id);
    assert_eq!(received.hit.unwrap().reference, "KH-POL-2026-001");
    match received.subject.unwrap().kind.unwrap() {
        pb::subject::Kind::Phone(phone) => assert_eq!(phone.number, listed_value),
        other => panic!("{other:?}"),
    }

    // Both sides audit counts and the follow-up, never a value.
    let mut khm_auditor = federation.auditor("KHM").await;
    let khm_log = export(&mut khm_auditor).await;
    let mut tha_auditor = federation.auditor("THA").await;
    let tha_log = export(&mut tha_auditor).await;
    assert!(
        khm_log.contains("\"hits.evaluated\"") && khm_log.contains("2 phone values evaluated"),
        "{khm_log}"
    );
    assert!(
        khm_log.contains("follows up a hit on police/compound-numbers (reference KH-POL-2026-001)")
    );
    assert!(tha_log.contains("\"hits.checked\"") && tha_log.contains("1 hit"));
    assert!(tha_log.contains(&format!("follows up hit {}", hit.hit_id)));
    assert!(
        federation
            .metrics("KHM")
            .await
            .contains("liaison_hit_evaluations_total{side=\"holder\",peer=\"THA\"} 2")
    );
    assert!(
        federation
            .metrics("THA")
            .await
            .contains("liaison_hits_total{peer=\"KHM\"} 1")
    );

    // No trace of the miss on the holder or the asker: not in the files
    // under either data directory, the audit logs or the logs.
    let log_text = logs.text();
    for code in ["KHM", "THA"] {
        let data_dir = federation.node(code).config().data_dir;
        for trace in traces(missed) {
            let found = holding(&data_dir, &trace);
            assert!(found.is_empty(), "{code}: the missed value is in {found:?}");
        }
        // The value that hit is kept, but only encrypted.
        let found = holding(&data_dir, listed_value.as_bytes());
        assert!(
            found.is_empty(),
            "{code}: the listed value is in plain text in {found:?}"
        );
    }
    for trace in traces(missed).into_iter().take(3) {
        let text = String::from_utf8(trace).unwrap();
        assert!(!khm_log.contains(&text) && !tha_log.contains(&text));
        assert!(!log_text.contains(&text), "the logs hold the missed value");
    }
    assert!(!log_text.contains(listed_value) && !khm_log.contains(listed_value));
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quotas_epochs_kinds_and_proofs_are_enforced() {
    // Cambodia allows 6 values a day; Thailand's copy says 100, so the
    // holder's quota is the one reached.
    let choice = agreements(6, 100);
    let mut federation = TestFederation::start_with(&["THA", "KHM"], &choice).await;
    let mut police = hits(&federation, "KHM", "police-officer").await;
    let first = import(&mut police, vec![entry("+85512345678", "R-1", "")]).await;
    let mut focal = hits(&federation, "THA", "focal-point").await;
    assert!(check(&mut focal, &["+85512345678"]).await.unwrap().outcomes[0].hit);

    // A kind neither copy allows is refused by the asker's own agreement.
    let imei = focal
        .check(pb::HitCheck {
            peer: "KHM".into(),
            kind: "imei".into(),
            values: vec!["490154203237518".into()],
        })
        .await
        .unwrap_err();
    assert_eq!(imei.code(), Code::PermissionDenied, "{imei:?}");
    // A batch over the cap.
    let many: Vec<String> = (0..1001).map(|i| format!("+8551200{i:04}")).collect();
    let over = focal
        .check(pb::HitCheck {
            peer: "KHM".into(),
            kind: "phone".into(),
            values: many,
        })
        .await
        .unwrap_err();
    assert_eq!(over.code(), Code::InvalidArgument);
    assert!(over.message().contains("values"), "{}", over.message());

    // Straight at the holder, as Thailand's node.
    let mut khm = federation.federation_client_as("THA", "KHM").await;
    let evaluate = |epoch: u64, kind: &str, blinded: Vec<Vec<u8>>| pb::HitEvaluation {
        epoch,
        kind: kind.into(),
        blinded,
    };
    let malformed = khm
        .evaluate_hits(evaluate(first.epoch, "phone", vec![vec![0xff; 32]]))
        .await
        .unwrap_err();
    assert_eq!(malformed.code(), Code::InvalidArgument);
    assert!(
        malformed.message().contains("blinded[0]"),
        "{}",
        malformed.message()
    );
    let short = khm
        .evaluate_hits(evaluate(first.epoch, "phone", vec![vec![1; 31]]))
        .await
        .unwrap_err();
    assert_eq!(short.code(), Code::InvalidArgument);
    let kind = khm
        .evaluate_hits(evaluate(first.epoch, "wallet", vec![vec![0; 32]]))
        .await
        .unwrap_err();
    assert_eq!(kind.code(), Code::PermissionDenied);
    let batch = khm
        .evaluate_hits(evaluate(first.epoch, "phone", vec![vec![0; 32]; 1001]))
        .await
        .unwrap_err();
    assert_eq!(batch.code(), Code::InvalidArgument);
    // Cambodia never lets itself be asked the other way.
    let mut tha = federation.federation_client_as("KHM", "THA").await;
    let reverse = tha.get_hit_set(pb::HitSetQuery {}).await.unwrap_err();
    assert_eq!(reverse.code(), Code::PermissionDenied);

    // A list change starts a new epoch: the old one's evaluations are
    // refused, and the asker fetches the new set by itself.
    let second = import(&mut police, vec![entry("+85512345679", "R-2", "")]).await;
    assert!(second.epoch > first.epoch);
    let stale = khm
        .evaluate_hits(evaluate(first.epoch, "phone", vec![vec![0; 32]]))
        .await
        .unwrap_err();
    assert_eq!(stale.code(), Code::FailedPrecondition);
    assert!(stale.message().contains("epoch"), "{}", stale.message());
    let result = check(&mut focal, &["+85512345679"]).await.unwrap();
    assert!(result.outcomes[0].hit);
    assert_eq!(result.epoch, second.epoch);
    assert_eq!(result.quota_left, 4);

    // A holder that answers with another key than the one its signed set
    // commits to: Cambodia's seed is replaced while it is stopped, in the
    // same epoch, so Thailand's set still holds the old key. The answer is
    // refused, audited, and the set dropped; the next check fetches the
    // set of the new key.
    federation.stop("KHM").await;
    {
        let config = Arc::new(federation.node("KHM").config());
        let store: Arc<dyn liaison_node::store::Store> =
            Arc::new(liaison_node::store::open(&config.data_dir).unwrap());
        let exchange = liaison_node::exchange::Exchange::open(config, store).unwrap();
        let mut changes = Changes::new();
        changes.remove_key(b"hitseed".to_vec());
        changes.destroy_data_key(HITS_KEY_NAME);
        exchange.records().apply(changes).unwrap();
        exchange.durable().await.unwrap();
        exchange.close();
    }
    federation.restart("KHM").await;
    let forged = check(&mut focal, &["+85512345678"]).await.unwrap_err();
    assert_eq!(forged.code(), Code::DataLoss, "{forged:?}");
    assert!(
        forged.message().contains("do not verify"),
        "{}",
        forged.message()
    );
    let mut auditor = federation.auditor("THA").await;
    let log = export(&mut auditor).await;
    assert!(
        log.contains("\"hits.refused\"") && log.contains("do not verify"),
        "{log}"
    );
    let again = check(&mut focal, &["+85512345678"]).await.unwrap();
    assert!(again.outcomes[0].hit);
    assert_eq!(again.quota_left, 2);

    // The holder's quota: 4 used, 2 left; 3 more are refused with the time
    // it resets, and nothing is counted.
    let three = ["+85512300001", "+85512300002", "+85512300003"];
    let exhausted = check(&mut focal, &three).await.unwrap_err();
    assert_eq!(exhausted.code(), Code::ResourceExhausted, "{exhausted:?}");
    assert!(
        exhausted.message().contains("resets at"),
        "{}",
        exhausted.message()
    );
    assert!(
        exhausted.message().contains("T00:00:00"),
        "{}",
        exhausted.message()
    );
    let two = check(&mut focal, &three[..2]).await.unwrap();
    assert_eq!(two.quota_left, 0);
    assert!(two.outcomes.iter().all(|o| !o.hit));
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_epoch_ends_on_its_schedule_and_the_asker_follows() {
    let choice = agreements(100, 100);
    let mut federation = TestFederation::start_with(&["THA", "KHM"], &choice).await;
    let mut police = hits(&federation, "KHM", "police-officer").await;
    let listed = import(&mut police, vec![entry("+85512345678", "R-1", "")]).await;
    let mut focal = hits(&federation, "THA", "focal-point").await;
    assert_eq!(
        check(&mut focal, &["+85512345678"]).await.unwrap().epoch,
        listed.epoch
    );

    // Cambodia's epoch began eight days ago (the default lasts seven).
    federation.stop("KHM").await;
    {
        let config = Arc::new(federation.node("KHM").config());
        let store: Arc<dyn liaison_node::store::Store> =
            Arc::new(liaison_node::store::open(&config.data_dir).unwrap());
        let exchange = liaison_node::exchange::Exchange::open(config, store).unwrap();
        let mut epoch = exchange.records().hit_epoch().unwrap().unwrap();
        assert_eq!(epoch.epoch, listed.epoch);
        epoch.started_unix_ms -= 8 * 86_400_000;
        let mut changes = Changes::new();
        changes.put_hit_epoch(&epoch);
        exchange.records().apply(changes).unwrap();
        exchange.durable().await.unwrap();
        exchange.close();
    }
    federation.restart("KHM").await;

    // The old epoch's evaluations are refused; the asker fetches the new
    // set by itself, and the value still hits under the new key.
    let mut khm = federation.federation_client_as("THA", "KHM").await;
    let stale = khm
        .evaluate_hits(pb::HitEvaluation {
            epoch: listed.epoch,
            kind: "phone".into(),
            blinded: vec![vec![0; 32]],
        })
        .await
        .unwrap_err();
    assert_eq!(stale.code(), Code::FailedPrecondition, "{stale:?}");
    let result = check(&mut focal, &["+85512345678"]).await.unwrap();
    assert!(result.outcomes[0].hit);
    assert_eq!(result.epoch, listed.epoch + 1);
    let mut auditor = federation.auditor("KHM").await;
    let log = export(&mut auditor).await;
    assert!(
        log.contains(&format!("epoch {} began: its schedule", listed.epoch + 1)),
        "{log}"
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removed_values_stop_hitting_and_kept_hits_are_forgotten_with_their_keys() {
    let choice = agreements(100, 100);
    let federation = TestFederation::start_with(&["THA", "KHM"], &choice).await;
    let mut police = hits(&federation, "KHM", "police-officer").await;
    import(
        &mut police,
        vec![
            entry("+85512345678", "R-1", ""),
            entry("+85512345679", "R-2", ""),
        ],
    )
    .await;
    let mut focal = hits(&federation, "THA", "focal-point").await;
    let first = check(&mut focal, &["+85512345678", "+85512345679"])
        .await
        .unwrap();
    assert!(first.outcomes.iter().all(|o| o.hit));

    // One value removed (written another way), one never listed.
    let removed = police
        .remove_indicators(pb::IndicatorRemoval {
            agency: "police".into(),
            list: "compound-numbers".into(),
            kind: "phone".into(),
            values: vec!["+855 12 345 678".into(), "+85512345670".into()],
            whole_list: false,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!((removed.removed, removed.absent), (1, 1));
    assert_eq!(removed.counts[0].count, 1);
    let after = check(&mut focal, &["+85512345678", "+85512345679"])
        .await
        .unwrap();
    assert!(!after.outcomes[0].hit && after.outcomes[1].hit);

    // The whole list: gone, and its data key with it.
    let khm = federation.node("KHM").running().exchange().clone();
    assert!(
        khm.records()
            .data_key("i/police/compound-numbers")
            .unwrap()
            .is_some()
    );
    let gone = police
        .remove_indicators(pb::IndicatorRemoval {
            agency: "police".into(),
            list: "compound-numbers".into(),
            whole_list: true,
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(gone.removed, 1);
    assert!(
        khm.records()
            .data_key("i/police/compound-numbers")
            .unwrap()
            .is_none()
    );
    let lists = police
        .list_indicators(pb::IndicatorListQuery::default())
        .await
        .unwrap()
        .into_inner();
    assert!(lists.lists.is_empty());
    let missing = police
        .remove_indicators(pb::IndicatorRemoval {
            agency: "police".into(),
            list: "compound-numbers".into(),
            whole_list: true,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(missing.code(), Code::NotFound);

    // Kept hits are erased with their keys once their time is over.
    let tha = federation.node("THA").running().exchange().clone();
    let id = first.outcomes[0].hit_id.clone();
    assert!(
        tha.records()
            .data_key(&format!("h/{id}"))
            .unwrap()
            .is_some()
    );
    let later = liaison_node::exchange::now_ms() + 31 * 86_400_000;
    // Three: two from the first check, one from the second.
    assert_eq!(tha.forget_expired_hits(later).await.unwrap(), 3);
    assert!(
        tha.records()
            .data_key(&format!("h/{id}"))
            .unwrap()
            .is_none()
    );
    assert!(tha.records().stored_hit(&id).unwrap().is_none());
    let forgotten = focal.get_hit(pb::HitRef { hit_id: id }).await.unwrap_err();
    assert_eq!(forgotten.code(), Code::NotFound);
    let mut auditor = federation.auditor("THA").await;
    assert!(export(&mut auditor).await.contains("3 kept hits erased"));
    federation.shutdown().await;
}
