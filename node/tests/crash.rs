//! Crash test: two node processes exchange requests continuously while one
//! of them is killed with SIGKILL at random moments and restarted. After
//! every restart nothing either side acknowledged is missing, and each
//! node's audit log verifies (a node whose log does not verify refuses to
//! start; the test also verifies an export offline). At the end every
//! acknowledged request has been delivered exactly once and answered.
//!
//! `LIAISON_CRASH_CYCLES` (default 20) sets the number of kills and
//! `LIAISON_CRASH_SEED` the random seed (printed, for reproduction).

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

mod common;
use common::NodeProcess;

use liaison_node::devnet;
use liaison_node::exchange::now_ms;
use liaison_proto::auth::BearerToken;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::agency_client::AgencyClient;
use liaison_proto::pb::audit_client::AuditClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use tonic::transport::Channel;

/// New requests allowed per cycle.
const PER_CYCLE: usize = 40;

/// A small deterministic generator (xorshift64*), seeded per run.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n
    }
}

fn token(dir: &Path, user: &str) -> BearerToken {
    BearerToken::new(&std::fs::read_to_string(dir.join(format!("tokens/{user}.token"))).unwrap())
        .unwrap()
}

/// Every request a node lists, with its status, page by page.
async fn listed(focal: &mut Focal, police: Option<&mut Police>) -> Vec<(String, i32)> {
    let mut out = Vec::new();
    let mut after = String::new();
    let mut police = police;
    loop {
        let page = match police.as_deref_mut() {
            Some(p) => p
                .inbox(pb::InboxFilter {
                    include_closed: true,
                    limit: 1000,
                    after: after.clone(),
                })
                .await
                .unwrap()
                .into_inner(),
            None => focal
                .list(pb::ListFilter {
                    limit: 1000,
                    after: after.clone(),
                    ..Default::default()
                })
                .await
                .unwrap()
                .into_inner(),
        };
        out.extend(
            page.requests
                .into_iter()
                .map(|v| (v.request.unwrap().request_id, v.status)),
        );
        if page.next.is_empty() {
            return out;
        }
        after = page.next;
    }
}

type Focal = FocalPointClient<tonic::codegen::InterceptedService<Channel, BearerToken>>;
type Police = AgencyClient<tonic::codegen::InterceptedService<Channel, BearerToken>>;

/// Waits between retries while a node is down.
async fn retry_pause() {
    tokio::time::sleep(Duration::from_millis(20)).await;
}

async fn verify_log(node: &NodeProcess, dir: &Path) -> u64 {
    let mut auditor = AuditClient::with_interceptor(node.channel(), token(dir, "auditor"));
    let mut stream = match auditor.export(pb::ExportQuery {}).await {
        Ok(stream) => stream.into_inner(),
        // Killed before its first commit: nothing to verify, and nothing
        // acknowledged (the callers check that separately).
        Err(status)
            if status.code() == tonic::Code::FailedPrecondition
                && status.message() == "the audit log is still empty" =>
        {
            return 0;
        }
        Err(status) => panic!("export failed: {status:?}"),
    };
    let mut text = String::new();
    while let Some(item) = stream.message().await.unwrap() {
        text.push_str(&liaison_proto::audit::item_line(&item).unwrap());
        text.push('\n');
    }
    let key = liaison_node::config::parse_public_key(
        &std::fs::read_to_string(dir.join("signing-key.pub")).unwrap(),
    )
    .unwrap();
    liaison_proto::audit::verify_export(&text, &key)
        .unwrap()
        .tree_size
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_nodes_lose_nothing_acknowledged() {
    let cycles: u64 = std::env::var("LIAISON_CRASH_CYCLES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(20);
    let seed: u64 = std::env::var("LIAISON_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| now_ms() as u64 | 1);
    println!("crash test: {cycles} cycles, seed {seed}");
    let mut random = Random(seed);

    let root = tempfile::tempdir().unwrap();
    let countries: Vec<CountryCode> = ["THA", "KHM"].iter().map(|c| c.parse().unwrap()).collect();
    // Open agreements, with daily limits no run can reach.
    let unlimited = |holder: CountryCode, peer: CountryCode| {
        let mut agreement = liaison_node::policy::open_agreement(holder, peer);
        for rule in &mut agreement.rules {
            rule.daily_limit = 1_000_000;
        }
        Some(agreement)
    };
    let planned = devnet::plan_with(root.path(), &countries, &unlimited).unwrap();
    let mut nodes = Vec::new();
    let mut dirs = Vec::new();
    for plan in planned {
        dirs.push(plan.node.dir.clone());
        nodes.push(NodeProcess::launch(plan).await);
    }
    let (tha_dir, khm_dir) = (dirs[0].clone(), dirs[1].clone());

    // Acknowledged submissions at THA and answers at KHM.
    let submitted: Arc<Mutex<Vec<String>>> = Arc::default();
    let answered: Arc<Mutex<BTreeSet<String>>> = Arc::default();
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);

    let mut focal =
        FocalPointClient::with_interceptor(nodes[0].channel(), token(&tha_dir, "focal-point"));
    let budget = Arc::new(tokio::sync::Semaphore::new(0));
    let submitter = {
        let budget = budget.clone();
        let submitted = submitted.clone();
        let mut stop = stop_rx.clone();
        tokio::spawn(async move {
            let mut n = 0u64;
            loop {
                // Each cycle allows a fixed number of new requests, so that
                // the run's size does not depend on the machine's speed.
                let permit = tokio::select! {
                    permit = budget.acquire() => permit,
                    _ = stop.changed() => break,
                };
                match permit {
                    Ok(permit) => permit.forget(),
                    Err(_) => break,
                }
                let request = pb::NewRequest {
                    to_country: "KHM".into(),
                    category: pb::Category::PhoneCheck as i32,
                    purpose: pb::Purpose::Investigation as i32,
                    offence_code: "0204".into(),
                    subject: Some(pb::Subject {
                        kind: Some(pb::subject::Kind::Phone(pb::Phone {
                            number: format!("+85512{n:06}"),
                        })),
                        ..Default::default()
                    }),
                    summary: String::new(),
                    deadline_unix_ms: now_ms() + 86_400_000,
                    requested_fields: Vec::new(),
                    more_offence_codes: Vec::new(),
                    ..Default::default()
                };
                n += 1;
                // Retried until acknowledged: a submission whose answer was
                // lost in a kill may exist unacknowledged, which is allowed.
                loop {
                    match focal.submit(request.clone()).await {
                        Ok(view) => {
                            let id = view.into_inner().request.unwrap().request_id;
                            submitted.lock().unwrap().push(id);
                            break;
                        }
                        Err(_) if !*stop.borrow() => retry_pause().await,
                        Err(_) => return,
                    }
                }
            }
        })
    };
    let mut police =
        AgencyClient::with_interceptor(nodes[1].channel(), token(&khm_dir, "police-officer"));
    let answerer = {
        let answered = answered.clone();
        let stop = stop_rx.clone();
        tokio::spawn(async move {
            while !*stop.borrow() {
                let inbox = match police.inbox(pb::InboxFilter::default()).await {
                    Ok(inbox) => inbox.into_inner().requests,
                    Err(_) => {
                        retry_pause().await;
                        continue;
                    }
                };
                if inbox.is_empty() {
                    retry_pause().await;
                }
                for view in inbox {
                    let id = view.request.unwrap().request_id;
                    let call = pb::AnswerCall {
                        request_id: id.clone(),
                        fields: vec![pb::Field {
                            name: "sim_status".into(),
                            value: "active".into(),
                            ..Default::default()
                        }],
                        remarks: String::new(),
                        ..Default::default()
                    };
                    if police.answer(call).await.is_ok() {
                        answered.lock().unwrap().insert(id);
                    }
                }
            }
        })
    };

    let mut focal =
        FocalPointClient::with_interceptor(nodes[0].channel(), token(&tha_dir, "focal-point"));
    let mut police =
        AgencyClient::with_interceptor(nodes[1].channel(), token(&khm_dir, "police-officer"));
    for cycle in 0..cycles {
        budget.add_permits(PER_CYCLE);
        tokio::time::sleep(Duration::from_millis(30 + random.below(250))).await;
        let victim = (random.below(2)) as usize;
        nodes[victim].kill().await;
        nodes[victim].start().await;
        // Nothing acknowledged is missing on either side.
        let acked: Vec<String> = submitted.lock().unwrap().clone();
        let done: Vec<String> = answered.lock().unwrap().iter().cloned().collect();
        let stored: BTreeSet<String> = listed(&mut focal, None)
            .await
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        for id in &acked {
            assert!(stored.contains(id), "cycle {cycle}: submitted {id} lost");
        }
        let closed: BTreeSet<String> = listed(&mut focal, Some(&mut police))
            .await
            .into_iter()
            .filter(|(_, status)| *status == pb::RequestStatus::Answered as i32)
            .map(|(id, _)| id)
            .collect();
        for id in &done {
            assert!(closed.contains(id), "cycle {cycle}: answer to {id} lost");
        }
        let size = verify_log(&nodes[victim], &dirs[victim]).await;
        println!(
            "cycle {cycle}: killed {}, {} submissions and {} answers acknowledged, its log ({size} entries) verifies",
            ["THA", "KHM"][victim],
            acked.len(),
            done.len()
        );
    }
    stop_tx.send(true).unwrap();
    submitter.await.unwrap();
    answerer.await.unwrap();

    // Everything acknowledged is delivered exactly once and answered.
    let acked: Vec<String> = submitted.lock().unwrap().clone();
    assert!(!acked.is_empty());
    let mut police =
        AgencyClient::with_interceptor(nodes[1].channel(), token(&khm_dir, "police-officer"));
    loop {
        let open = police
            .inbox(pb::InboxFilter {
                limit: 1000,
                ..Default::default()
            })
            .await
            .unwrap()
            .into_inner()
            .requests;
        if open.is_empty() {
            break;
        }
        for view in open {
            let call = pb::AnswerCall {
                request_id: view.request.unwrap().request_id,
                fields: vec![pb::Field {
                    name: "sim_status".into(),
                    value: "active".into(),
                    ..Default::default()
                }],
                remarks: String::new(),
                ..Default::default()
            };
            police.answer(call).await.unwrap();
        }
    }
    let mut final_focal =
        FocalPointClient::with_interceptor(nodes[0].channel(), token(&tha_dir, "focal-point"));
    // One stream of every change at THA: wake up on each, until every
    // acknowledged request is answered (answering what reaches KHM late).
    let mut changes = final_focal
        .watch(pb::RequestRef::default())
        .await
        .unwrap()
        .into_inner();
    let finish = async {
        loop {
            let statuses: std::collections::BTreeMap<String, i32> =
                listed(&mut final_focal, None).await.into_iter().collect();
            let waiting = acked
                .iter()
                .filter(|id| statuses.get(*id) != Some(&(pb::RequestStatus::Answered as i32)))
                .count();
            if waiting == 0 {
                return;
            }
            let open = police
                .inbox(pb::InboxFilter {
                    limit: 1000,
                    ..Default::default()
                })
                .await
                .unwrap()
                .into_inner()
                .requests;
            for view in open {
                let call = pb::AnswerCall {
                    request_id: view.request.unwrap().request_id,
                    fields: vec![pb::Field {
                        name: "sim_status".into(),
                        value: "active".into(),
                        ..Default::default()
                    }],
                    remarks: String::new(),
                    ..Default::default()
                };
                let _ = police.answer(call).await;
            }
            // A lagging stream ends with an error: start a new one.
            if !matches!(changes.message().await, Ok(Some(_))) {
                changes = final_focal
                    .watch(pb::RequestRef::default())
                    .await
                    .unwrap()
                    .into_inner();
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(120), finish)
        .await
        .expect("every acknowledged request answered in time");
    let delivered: Vec<String> = listed(&mut final_focal, Some(&mut police))
        .await
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let unique: BTreeSet<&String> = delivered.iter().collect();
    assert_eq!(
        unique.len(),
        delivered.len(),
        "a request was delivered twice"
    );
    for id in &acked {
        assert!(unique.contains(id), "{id} never reached KHM");
    }
    let sizes = (
        verify_log(&nodes[0], &tha_dir).await,
        verify_log(&nodes[1], &khm_dir).await,
    );
    println!(
        "crash test passed: {cycles} SIGKILL cycles, {} acknowledged requests delivered exactly once and answered, audit logs of {} and {} entries verify",
        acked.len(),
        sizes.0,
        sizes.1
    );
    for node in &mut nodes {
        node.kill().await;
    }
}
