//! `liaison-node bench --federation N`: N countries on one machine, each
//! its own `bench-node` process, under a full mesh of open agreements.
//!
//! It measures what a federation of many countries costs: the start-up
//! time, each node's memory, threads and descriptors, the memory a peer
//! adds, the exchanges per second at a fixed low rate between random
//! pairs, and the time one country takes to ask every other the same
//! thing; and it checks that every request was answered and that every
//! node's audit log verifies. The country codes are synthetic (XAA, XAB, …
//! from the ISO 3166-1 user-assigned range), not real countries.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context as _;

use super::fleet::{self, Fleet, NodeTuning, ProcessFigures};
use super::traffic::{self, Answers, Outcome, Pairs};

/// The fewest and most countries the benchmark starts.
pub const COUNTRIES: std::ops::RangeInclusive<usize> = 2..=300;
/// The highest random-pair rate, requests per second (a "low rate").
pub const MAX_RATE: f64 = 1000.0;

/// How to run the federation benchmark.
#[derive(Debug, Clone)]
pub struct FederationOptions {
    /// How many countries (`--federation`).
    pub countries: usize,
    /// Random-pair requests per second, federation-wide (`--rate`).
    pub rate: f64,
    /// How long the random-pair load runs (`--duration-secs`).
    pub duration: Duration,
    /// What each node process is given.
    pub tuning: NodeTuning,
    /// The `liaison-node` binary the nodes run as.
    pub program: PathBuf,
}

/// The printed figures, and whether every request was answered and every
/// log verified.
#[derive(Debug, Clone)]
pub struct FederationReport {
    pub text: String,
    pub complete: bool,
}

/// Refuses options outside what the benchmark supports, naming the flag.
pub fn check(options: &FederationOptions) -> anyhow::Result<()> {
    anyhow::ensure!(
        COUNTRIES.contains(&options.countries),
        "--federation must be between {} and {} countries, got {}",
        COUNTRIES.start(),
        COUNTRIES.end(),
        options.countries
    );
    anyhow::ensure!(
        options.rate.is_finite() && options.rate > 0.0 && options.rate <= MAX_RATE,
        "--rate must be requests per second above 0 and at most {MAX_RATE}, got {}",
        options.rate
    );
    anyhow::ensure!(
        !options.duration.is_zero(),
        "--duration-secs must be more than 0"
    );
    if let Some(threads) = options.tuning.worker_threads {
        anyhow::ensure!(
            (1..=64).contains(&threads),
            "--node-worker-threads must be between 1 and 64, got {threads}"
        );
    }
    if let Some(mib) = options.tuning.cache_mib {
        anyhow::ensure!(
            (1..=4096).contains(&mib),
            "--node-cache-mib must be between 1 and 4096, got {mib}"
        );
    }
    Ok(())
}

/// Runs the federation benchmark and returns its report.
pub async fn run(options: &FederationOptions) -> anyhow::Result<FederationReport> {
    check(options)?;
    let root = tempfile::tempdir().context("cannot create a temporary directory")?;
    let countries = fleet::synthetic_countries(options.countries)?;
    let mut report = String::new();
    writeln!(
        report,
        "Liaison federation benchmark: {} countries with synthetic codes {}..{} (not real countries), one bench-node process each, a full mesh of open agreements (every category both ways), mutual TLS on loopback; {}",
        options.countries,
        countries[0],
        countries[countries.len() - 1],
        super::machine()
    )?;
    writeln!(
        report,
        "node runtime: {} worker threads, sled cache {}",
        options
            .tuning
            .worker_threads
            .map_or("one per core".to_string(), |n| n.to_string()),
        options
            .tuning
            .cache_mib
            .map_or("64 MiB (default)".to_string(), |n| format!("{n} MiB"))
    )?;

    // A two-country federation with the same nodes: the base that the
    // memory per peer is measured against.
    let reference = fleet::start(
        &root.path().join("reference"),
        &fleet::synthetic_countries(2)?,
        &options.program,
        options.tuning,
    )
    .await
    .context("the two-country reference federation")?;
    let reference_rss = median(reference.figures()?.iter().map(|f| f.rss));
    reference.stop().await?;

    let fleet = fleet::start(
        &root.path().join("federation"),
        &countries,
        &options.program,
        options.tuning,
    )
    .await?;
    let complete = measure(&fleet, options, reference_rss, &mut report).await;
    let stopped = fleet.stop().await;
    let complete = complete?;
    stopped?;
    Ok(FederationReport {
        text: report,
        complete,
    })
}

/// Everything measured on the running federation; `Ok(false)` when a
/// request went unanswered or a log did not verify.
async fn measure(
    fleet: &Fleet,
    options: &FederationOptions,
    reference_rss: u64,
    report: &mut String,
) -> anyhow::Result<bool> {
    let n = fleet.nodes.len();
    writeln!(
        report,
        "start-up: {:.2} s from telling the {n} nodes to load their configurations to all ready ({:.2} s before to spawn the {n} processes and have each bind its ports; {:.2} s to generate the CA, keys, certificates, configurations and {} agreement files)",
        fleet.started_in.as_secs_f64(),
        fleet.spawned_in.as_secs_f64(),
        fleet.generated_in.as_secs_f64(),
        n * (n - 1)
    )?;
    let at_start = fleet.figures()?;
    figures_line(report, "at start", &at_start)?;
    let per_peer = if n > 2 {
        let growth = median(at_start.iter().map(|f| f.rss)) as f64 - reference_rss as f64;
        format!("{:.1} KiB", growth / (n - 2) as f64 / 1024.0)
    } else {
        "n/a (needs more than 2 countries)".to_string()
    };
    writeln!(
        report,
        "memory per configured peer: {per_peer} = (median RSS at start {} MiB - median RSS of a 2-country federation {} MiB) / ({n} - 2)",
        mib(median(at_start.iter().map(|f| f.rss))),
        mib(reference_rss)
    )?;

    let (answers, mut watchers) = Answers::watch(fleet).await?;
    let seed = getrandom::u64().unwrap_or(0x5eed);
    let random = traffic::random_pairs(
        fleet,
        &answers,
        options.rate,
        options.duration,
        &mut Pairs::new(seed),
    )
    .await?;
    outcome_line(
        report,
        &format!(
            "random pairs ({:.1}/s offered for {:.1} s, seed {seed:#x})",
            options.rate,
            options.duration.as_secs_f64()
        ),
        &random,
    )?;
    writeln!(
        report,
        "exchanges per second, whole federation: {:.2} (answered / time from first submit to last answer)",
        random.answered() as f64 / random.elapsed.as_secs_f64().max(f64::MIN_POSITIVE)
    )?;

    let before = fleet::process_figures(fleet.nodes[0].pid)?;
    let fan = traffic::fan_out(fleet, &answers).await?;
    let after = fleet::process_figures(fleet.nodes[0].pid)?;
    writeln!(
        report,
        "fan-out: {} asks all {} others the same request: {:.1} ms until all answers were seen (per peer p50 {:.1} ms, max {:.1} ms)",
        fleet.nodes[0].country,
        n - 1,
        fan.elapsed.as_secs_f64() * 1e3,
        fan.quantile(0.5).as_secs_f64() * 1e3,
        fan.quantile(1.0).as_secs_f64() * 1e3
    )?;
    outcome_line(report, "fan-out", &fan)?;
    writeln!(
        report,
        "memory per connected peer: {:.1} KiB = RSS growth of {} during the fan-out ({} -> {} MiB, {} -> {} descriptors) / {}",
        (after.rss as f64 - before.rss as f64) / (n - 1) as f64 / 1024.0,
        fleet.nodes[0].country,
        mib(before.rss),
        mib(after.rss),
        before.fds,
        after.fds,
        n - 1
    )?;
    figures_line(report, "after load", &fleet.figures()?)?;
    watchers.abort_all();

    let sent = random.sent + fan.sent;
    let answered = random.answered() + fan.answered();
    let by_agencies = fleet.agency_answers().await?;
    writeln!(
        report,
        "answered: {answered}/{sent} requests seen ANSWERED by their asking node ({by_agencies} answered by the automatic agencies)"
    )?;
    let verified = verify_logs(fleet, report).await?;
    let complete = answered == sent && verified;
    writeln!(
        report,
        "result: {}",
        if complete {
            "every request answered, every audit log verified"
        } else {
            "INCOMPLETE (see above)"
        }
    )?;
    Ok(complete)
}

/// Verifies every node's audit log, a few at a time; true if all verify.
async fn verify_logs(fleet: &Fleet, report: &mut String) -> anyhow::Result<bool> {
    use futures::StreamExt as _;
    let results: Vec<_> = futures::stream::iter(fleet.nodes.iter().map(|node| async move {
        (
            node.country,
            traffic::verify_log(node.auditor.clone(), &node.public_key).await,
        )
    }))
    .buffered(4)
    .collect()
    .await;
    let mut verified = 0;
    let mut entries = 0;
    for (country, result) in &results {
        entries += result.entries;
        match &result.failure {
            None => verified += 1,
            Some(why) => writeln!(report, "audit log of {country} FAILED: {why}")?,
        }
    }
    writeln!(
        report,
        "audit logs verified: {verified}/{} (exported through each node's Audit service and checked with its public key: tree head signature, every entry's inclusion proof; {entries} entries in all)",
        results.len()
    )?;
    Ok(verified == results.len())
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

fn median(values: impl Iterator<Item = u64>) -> u64 {
    let mut values: Vec<u64> = values.collect();
    values.sort_unstable();
    values.get(values.len() / 2).copied().unwrap_or(0)
}

/// Min, median and max of one figure, as `min/median/max`.
fn spread(values: impl Iterator<Item = u64> + Clone, show: impl Fn(u64) -> String) -> String {
    let min = values.clone().min().unwrap_or(0);
    let max = values.clone().max().unwrap_or(0);
    format!("{}/{}/{}", show(min), show(median(values)), show(max))
}

fn figures_line(report: &mut String, when: &str, figures: &[ProcessFigures]) -> anyhow::Result<()> {
    let total: u64 = figures.iter().map(|f| f.rss).sum();
    writeln!(
        report,
        "RSS per node {when} (min/median/max): {} MiB (anonymous {} MiB), all nodes {} MiB; threads per node {}; open descriptors per node {}",
        spread(figures.iter().map(|f| f.rss), mib),
        spread(figures.iter().map(|f| f.anon), mib),
        mib(total),
        spread(figures.iter().map(|f| f.threads), |n| n.to_string()),
        spread(figures.iter().map(|f| f.fds), |n| n.to_string()),
    )?;
    Ok(())
}

fn outcome_line(report: &mut String, label: &str, outcome: &Outcome) -> anyhow::Result<()> {
    writeln!(
        report,
        "{label}: sent {}, answered {}; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        outcome.sent,
        outcome.answered(),
        outcome.quantile(0.5).as_secs_f64() * 1e3,
        outcome.quantile(0.99).as_secs_f64() * 1e3,
        outcome.quantile(1.0).as_secs_f64() * 1e3,
    )?;
    for failure in &outcome.failures {
        writeln!(report, "{label}: a submission failed: {failure}")?;
    }
    Ok(())
}
