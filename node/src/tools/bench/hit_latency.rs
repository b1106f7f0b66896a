//! One private hit/no-hit check end to end, timed: the asker's focal point
//! calls `Hits.Check` on its node's local API; the node blinds, calls the
//! holder's `EvaluateHits` over mutual TLS on loopback (the holder checks
//! the agreement and the quota, evaluates, and makes the count and its
//! audit entry durable before answering), verifies the proof, looks the
//! values up in the set it holds, and keeps the hits. The holder lists
//! [`LISTED`] numbers; half of the values checked are listed.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use liaison_proto::auth::BearerToken;
use liaison_proto::pb;
use liaison_proto::pb::hits_client::HitsClient;
use tonic::codegen::InterceptedService;
use tonic::transport::Channel;

pub type HitsApi = HitsClient<InterceptedService<Channel, BearerToken>>;

/// Numbers on the holder's list.
const LISTED: usize = 1000;
/// Single-value checks timed.
const SINGLE: usize = 300;
/// Checks of 1,000 values timed.
const BATCHES: usize = 10;

/// The list every bench agreement lets the other country check against.
pub const LIST: &str = "bench-numbers";

/// A valid Cambodian mobile number, distinct for each `i` below 10^6.
fn number(i: usize) -> String {
    format!("+85512{i:06}")
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

fn millis(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Lists the numbers on `holder` (as its police officer), then times
/// checks from `asker` (its focal point) against `peer`.
pub async fn measure(
    mut holder: HitsApi,
    mut asker: HitsApi,
    peer: &str,
) -> anyhow::Result<String> {
    let entries = (0..LISTED)
        .map(|i| pb::IndicatorEntry {
            value: number(i * 2),
            reference: format!("BENCH-{i}"),
            added: String::new(),
        })
        .collect();
    holder
        .import_indicators(pb::IndicatorImport {
            agency: "police".into(),
            list: LIST.into(),
            kind: "phone".into(),
            entries,
        })
        .await?;
    let check = |values: Vec<String>| pb::HitCheck {
        peer: peer.to_string(),
        kind: "phone".into(),
        values,
    };
    // The first check fetches the signed set (built on the holder first).
    let started = Instant::now();
    let first = asker.check(check(vec![number(0)])).await?.into_inner();
    let first_time = started.elapsed();
    anyhow::ensure!(
        first.outcomes.first().is_some_and(|o| o.hit),
        "a listed number did not hit"
    );
    let mut single = Vec::with_capacity(SINGLE);
    let mut hits = 0;
    for i in 0..SINGLE {
        // Above the list: a miss.
        let value = number(2000 + i);
        let started = Instant::now();
        let result = asker.check(check(vec![value])).await?.into_inner();
        single.push(started.elapsed());
        hits += result.outcomes.iter().filter(|o| o.hit).count();
    }
    anyhow::ensure!(
        hits == 0,
        "numbers above the list hit: {hits} (the bench's list is 0 to {})",
        2 * LISTED
    );
    let mut batched = Vec::with_capacity(BATCHES);
    for b in 0..BATCHES {
        let values: Vec<String> = (0..1000).map(|i| number(i + (b % 2) * 1000)).collect();
        let started = Instant::now();
        let result = asker.check(check(values)).await?.into_inner();
        batched.push(started.elapsed());
        let found = result.outcomes.iter().filter(|o| o.hit).count();
        anyhow::ensure!(found > 0, "a batch over the list found no hit");
    }
    single.sort();
    batched.sort();
    let mut report = String::new();
    writeln!(
        report,
        "Hit/no-hit check end to end (local API, then EvaluateHits over mutual TLS on loopback, the holder's count durable), a list of {LISTED}:"
    )?;
    writeln!(
        report,
        "  first check (fetches and verifies the signed set): {:.1} ms",
        millis(first_time)
    )?;
    writeln!(
        report,
        "  one value: p50 {:.2} ms, p99 {:.2} ms ({SINGLE} checks, one after another)",
        millis(percentile(&single, 0.5)),
        millis(percentile(&single, 0.99))
    )?;
    writeln!(
        report,
        "  1,000 values: p50 {:.1} ms, p99 {:.1} ms ({BATCHES} checks), {:.0} values/s",
        millis(percentile(&batched, 0.5)),
        millis(percentile(&batched, 0.99)),
        1000.0 / percentile(&batched, 0.5).as_secs_f64().max(1e-9)
    )?;
    Ok(report)
}
