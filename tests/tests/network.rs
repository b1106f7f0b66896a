//! Broken networks: THA's deliveries to KHM pass through a fault-injecting
//! TCP proxy (`liaison_tests::proxy`) that delays them by 2 s, slows the
//! link, drops connections, resets them mid-call, leaves them half-open
//! and partitions the nodes while thousands of requests queue. Through all
//! of it, every request is delivered exactly once and in the order it was
//! queued, the queue is capped per peer, and the delivery worker holds the
//! bytes of only the first envelopes in memory.
//!
//! `LIAISON_PARTITION_SECS` (default 10) sets how long the partition
//! lasts; `docs/reliability.md` gives the figures of a longer run.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use liaison_tests::proxy::{Fault, FaultyLink};
use liaison_tests::{Focal, TestFederation, audit_events, country, phone_check, set_config};
use tonic::Code;

/// The most envelopes THA queues for KHM.
const CAP: usize = 2000;

/// THA and KHM, THA's deliveries to KHM through `link`; agreements with
/// limits no run reaches.
async fn federation(link: &FaultyLink) -> TestFederation {
    let unlimited = |holder, peer| {
        let mut agreement = liaison_node::policy::open_agreement(holder, peer);
        for rule in &mut agreement.rules {
            rule.daily_limit = 1_000_000;
        }
        Some(agreement)
    };
    TestFederation::start_prepared(&["THA", "KHM"], &unlimited, |planned| {
        let config = &planned.node.config_path;
        if planned.node.country == country("THA") {
            let text = std::fs::read_to_string(config).unwrap();
            let line = text
                .lines()
                .find(|line| line.starts_with("endpoint = "))
                .unwrap()
                .to_string();
            let proxied = format!("endpoint = \"https://{}\"", link.addr());
            std::fs::write(config, text.replace(&line, &proxied)).unwrap();
            set_config(config, "outbox_per_peer", &CAP.to_string());
            // A queue starts draining within 2 s of the link's return.
            set_config(config, "delivery_retry_max_secs", "2");
        } else {
            link.aim(planned.listeners.federation.local_addr().unwrap());
            set_config(config, "peer_rate_per_sec", "100000");
            set_config(config, "peer_burst", "100000");
        }
    })
    .await
}

/// Submits `count` phone checks to KHM, eight at a time; returns their
/// ids.
async fn submit_many(focal: &Focal, first: usize, count: usize) -> Vec<String> {
    let mut ids = Vec::new();
    let numbers: Vec<usize> = (first..first + count).collect();
    for chunk in numbers.chunks(8) {
        let mut calls = tokio::task::JoinSet::new();
        for &n in chunk {
            let mut focal = focal.clone();
            calls.spawn(async move {
                let request = phone_check("KHM", &format!("+8551{n:07}"));
                focal.submit(request).await.unwrap().into_inner()
            });
        }
        while let Some(view) = calls.join_next().await {
            ids.push(view.unwrap().request.unwrap().request_id);
        }
    }
    ids
}

/// Envelopes waiting in THA's outbox.
fn queued(federation: &TestFederation) -> usize {
    federation
        .node("THA")
        .running()
        .exchange()
        .records()
        .outbox_len()
        .unwrap()
}

/// Waits until THA's outbox is empty (every envelope acknowledged by a
/// receipt that checked out), failing after `limit`; returns how long it
/// took.
async fn drained(federation: &TestFederation, limit: Duration) -> Duration {
    let began = Instant::now();
    let mut changes = federation.node("THA").running().exchange().subscribe();
    while queued(federation) > 0 {
        assert!(
            began.elapsed() < limit,
            "{} envelopes still queued after {limit:?}",
            queued(federation)
        );
        // A receipt changes a request; wake on it, or look again soon.
        let _ = tokio::time::timeout(Duration::from_millis(200), changes.recv()).await;
    }
    began.elapsed()
}

/// Waits until `done` holds, polling every 50 ms, failing after `limit`.
async fn until(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let began = Instant::now();
    while !done() {
        assert!(began.elapsed() < limit, "{what}: not within {limit:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The request ids of `event` entries in `code`'s audit log, in log order.
fn logged(federation: &TestFederation, code: &str, event: &str) -> Vec<String> {
    audit_events(federation, code, event)
        .into_iter()
        .map(|entry| entry.request_id.unwrap())
        .collect()
}

/// The value of a metric in `code`'s `/metrics` text.
async fn metric(federation: &TestFederation, code: &str, series: &str) -> f64 {
    liaison_tests::metric(&federation.metrics(code).await, series).unwrap_or(0.0)
}

fn partition_secs() -> u64 {
    std::env::var("LIAISON_PARTITION_SECS")
        .ok()
        .map(|v| v.parse().expect("LIAISON_PARTITION_SECS is a whole number"))
        .unwrap_or(10)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deliveries_survive_a_broken_network_exactly_once_and_in_order() {
    let link = FaultyLink::start().await;
    let federation = federation(&link).await;
    let focal = federation.focal_point("THA").await;
    let stats = link.stats();
    let mut sent = Vec::new();
    let mut report = Vec::new();

    // Every byte arrives 2 s late, both ways.
    link.set(Fault::Delay(Duration::from_secs(2)));
    sent.extend(submit_many(&focal, 0, 5).await);
    let took = drained(&federation, Duration::from_secs(120)).await;
    assert!(took >= Duration::from_secs(2), "{took:?}");
    report.push(format!("2 s delays: 5 in {took:.1?}"));

    // A slow link: 16 KiB/s each way.
    link.set(Fault::Slow(16 * 1024));
    sent.extend(submit_many(&focal, 100, 20).await);
    let took = drained(&federation, Duration::from_secs(120)).await;
    report.push(format!("16 KiB/s: 20 in {took:.1?}"));

    // Connections drop: each chunk of bytes has a 1 in 4 chance of
    // ending its connection. Ten requests at a time, until at least three
    // connections have dropped under deliveries.
    link.set(Fault::Drop(4));
    let drops = stats.drops.load(Ordering::SeqCst);
    let began = Instant::now();
    let mut rounds = 0;
    while stats.drops.load(Ordering::SeqCst) < drops + 3 {
        assert!(rounds < 30, "connections did not drop");
        sent.extend(submit_many(&focal, 200 + 10 * rounds, 10).await);
        drained(&federation, Duration::from_secs(120)).await;
        rounds += 1;
    }
    let dropped = stats.drops.load(Ordering::SeqCst) - drops;
    report.push(format!(
        "drops: {} in {:.1?}, {dropped} connections dropped",
        10 * rounds,
        began.elapsed()
    ));

    // Calls cut midway: every connection is reset once 3000 bytes have
    // passed from THA, then the link passes again.
    link.set(Fault::ResetAfter(3000));
    let resets = stats.resets.load(Ordering::SeqCst);
    sent.extend(submit_many(&focal, 300, 20).await);
    until(Duration::from_secs(60), "three resets", || {
        stats.resets.load(Ordering::SeqCst) >= resets + 3
    })
    .await;
    assert!(queued(&federation) > 0, "something waits behind the resets");
    link.set(Fault::Pass);
    let took = drained(&federation, Duration::from_secs(120)).await;
    report.push(format!("resets mid-call: 20, drained {took:.1?} after"));

    // Half-open: the open connection is cut, and the new ones are accepted
    // but never answered.
    link.set(Fault::HalfOpen);
    link.cut();
    let connections = stats.connections.load(Ordering::SeqCst);
    sent.extend(submit_many(&focal, 400, 10).await);
    until(Duration::from_secs(60), "two half-open connections", || {
        stats.connections.load(Ordering::SeqCst) >= connections + 2
    })
    .await;
    assert_eq!(queued(&federation), 10, "nothing passes a half-open link");
    link.set(Fault::Pass);
    let took = drained(&federation, Duration::from_secs(120)).await;
    report.push(format!("half-open: 10, drained {took:.1?} after"));

    // A partition while the queue fills to its cap.
    link.set(Fault::Partition);
    let began = Instant::now();
    sent.extend(submit_many(&focal, 1_000, CAP).await);
    let filled = began.elapsed();
    let mut over = focal.clone();
    let refused = over
        .submit(phone_check("KHM", "+85519999999"))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::ResourceExhausted, "{refused:?}");
    assert!(refused.message().contains("node.outbox_per_peer"));
    assert_eq!(queued(&federation), CAP);
    // The worker holds the bytes of the first envelopes only.
    let envelopes: usize = federation
        .node("THA")
        .running()
        .exchange()
        .records()
        .outbox()
        .unwrap()
        .iter()
        .map(|item| item.envelope.len())
        .sum();
    // Through the partition, the worker's held bytes, as measured at each
    // housekeeping pass.
    let deadline = began + Duration::from_secs(partition_secs());
    let give_up = deadline + Duration::from_secs(30);
    let mut passes = metric(&federation, "THA", "liaison_maintenance_passes_total").await;
    let mut held: f64 = 0.0;
    while Instant::now() < deadline || held == 0.0 {
        assert!(
            Instant::now() < give_up,
            "the held bytes were never measured"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
        let now = metric(&federation, "THA", "liaison_maintenance_passes_total").await;
        if now > passes {
            passes = now;
            held = held.max(metric(&federation, "THA", "liaison_outbox_held_bytes").await);
        }
    }
    assert!(held > 0.0);
    assert!(
        (held as usize) * 4 < envelopes,
        "the worker holds {held} bytes of {envelopes} queued"
    );
    let partition = began.elapsed();
    link.set(Fault::Pass);
    let took = drained(&federation, Duration::from_secs(300)).await;
    report.push(format!(
        "partition of {partition:.0?}: {CAP} queued in {filled:.1?}, the next refused; \
         {held} of {envelopes} envelope bytes held in memory; drained in {took:.1?}"
    ));

    // Exactly once, and in the order queued.
    let received = logged(&federation, "KHM", "request.received");
    let submitted = logged(&federation, "THA", "request.submitted");
    assert_eq!(submitted.len(), sent.len());
    assert_eq!(
        received.len(),
        sent.len(),
        "each request received exactly once"
    );
    let mut unique = received.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), received.len(), "no request received twice");
    assert_eq!(received, submitted, "received in the order queued");
    let views = federation
        .node("THA")
        .running()
        .exchange()
        .records()
        .requests(liaison_node::records::Direction::Outgoing)
        .unwrap();
    assert!(
        views
            .iter()
            .all(|record| record.status == liaison_proto::domain::RequestStatus::Sent)
    );
    println!("{}", report.join("\n"));
    drop(link);
    federation.shutdown().await;
}
