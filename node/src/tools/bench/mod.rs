//! `liaison-node bench`: the full exchange measured against a raw gRPC echo
//! in the same run.
//!
//! Two countries run as separate processes (`liaison-node bench-node`) on
//! loopback with mutual TLS, twice over: one pair on the durable sled store,
//! one pair on the memory store. The variants alternate, several rounds:
//!
//! - **E**: a raw tonic unary echo of a 1 KiB payload over the same mutual
//!   TLS, served by a benchmark node;
//! - **C**: the full exchange on the memory-store pair: signing, verifying,
//!   policy and the audit tree, but nothing written to disk;
//! - **F**: the full exchange on the durable pair: a focal point submits a
//!   phone check, the request is signed, policy-checked and durably audited
//!   on both sides, an automatic test agency answers, and the signed answer
//!   is verified and audited back home, every step behind group commit.
//!
//! Each exchange is timed from `Submit` until the answer is seen on the
//! requester's `Watch` stream. CPU time per operation comes from each
//! process's `/proc/<pid>/stat`, audit records per flush from each node's
//! counters.
//!
//! With `--evidence-mib N` (not 0) the run then measures one evidence file
//! of N MiB on the durable pair: a raw stream of its bytes to B, its upload
//! to A, its transfer from A to B, and the nodes' peak memory meanwhile
//! (see [`evidence`]).
//!
//! With `--hits-set N` (not 0) the run then measures private hit/no-hit
//! checks with a set of N values, in this process (see [`hits()`]);
//! `--hits-only` measures only that.

mod audit_growth;
mod child;
mod evidence;
mod federation;
mod fleet;
mod hit_latency;
mod hits;
mod load;
mod traffic;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use anyhow::Context as _;
use liaison_proto::auth::BearerToken;
use liaison_proto::bench_pb::StatsQuery;
use liaison_proto::bench_pb::bench_client::BenchClient;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb::evidence_client::EvidenceClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use liaison_proto::pb::hits_client::HitsClient;
use tokio::io::AsyncBufReadExt as _;
use tokio::process::{Child, Command};
use tonic::transport::{Channel, Endpoint};

pub use audit_growth::audit_growth;
pub use child::{Storage, serve, serve_prebound};
pub use federation::{FederationOptions, FederationReport, run as run_federation};
pub use fleet::NodeTuning;
pub use hits::{MAX_SET as HITS_MAX_SET, MIN_SET as HITS_MIN_SET, hits, hits_load};
use load::Sample;

use crate::config::{Config, ConfigFile};
use crate::tools::devnet::{self, NodeAddresses};

/// What the benchmark measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Echo,
    Core,
    Full,
}

impl Variant {
    fn label(self) -> &'static str {
        match self {
            Variant::Echo => "E raw echo",
            Variant::Core => "C exchange, memory",
            Variant::Full => "F exchange, durable",
        }
    }
}

/// How to run the benchmark.
#[derive(Debug, Clone)]
pub struct Options {
    /// Calls in flight at once.
    pub concurrency: usize,
    /// Measured time of each variant in each round.
    pub duration: Duration,
    /// Unmeasured time before each measurement.
    pub warmup: Duration,
    /// How many times the variants alternate.
    pub rounds: usize,
    /// Bytes of the echo payload and, roughly, of the request's summary.
    pub payload: usize,
    /// Also run F at 1, 4, 16, 64 and 256 in flight.
    pub scaling: bool,
    /// The size of the evidence file measured on the durable pair, in MiB
    /// (0: none).
    pub evidence_mib: u64,
    /// The `liaison-node` binary the nodes run as.
    pub program: PathBuf,
}

/// One benchmark node process.
#[derive(Debug)]
struct NodeProcess {
    country: CountryCode,
    child: Child,
    stats: BenchClient<Channel>,
}

/// Two countries, A asking and B answering.
#[derive(Debug)]
struct Pair {
    storage: Storage,
    nodes: [NodeProcess; 2],
    focal: load::Focal,
    /// The same focal point's evidence API.
    evidence: evidence::EvidenceApi,
    /// The same focal point's hits API, and B's police officer's.
    hits: [hit_latency::HitsApi; 2],
    /// Reaches B's echo over mutual TLS, as A.
    echo: BenchClient<Channel>,
}

/// Counters of one process, taken before and after a run.
#[derive(Debug, Clone, Copy, Default)]
struct Counters {
    cpu: Duration,
    audit_size: u64,
    flushes: u64,
    /// Tree heads signed, and peers' heads verified.
    heads: [u64; 2],
    store_writes: u64,
    /// Values sealed, bytes sealed, values opened, bytes opened.
    crypto: [u64; 4],
}

/// A measured run with what each process spent on it.
#[derive(Debug, Clone)]
struct Run {
    sample: Sample,
    /// CPU per completed operation: A, B, and the driver (this process).
    cpu_per_op: [Duration; 3],
    /// Audit records per flush on A and B (`None`: no flush).
    records_per_flush: [Option<f64>; 2],
    /// Tree heads signed, and peers' tree heads verified, by A and B
    /// together, per completed operation.
    heads_per_op: [f64; 2],
    /// Store keys written or deleted per completed operation, on A and B.
    writes_per_op: [f64; 2],
    /// Values sealed, bytes sealed, values opened, bytes opened per
    /// completed operation, A and B together.
    crypto_per_op: [f64; 4],
}

/// The largest echo payload (well under gRPC's 4 MiB message limit).
const MAX_PAYLOAD: usize = 1 << 20;

/// The largest evidence file the benchmark measures: what its agreements
/// and the node's default `evidence_max_file_mib` allow.
const MAX_EVIDENCE_MIB: u64 = 2048;

const ASKER: &str = "THA";
const ANSWERER: &str = "KHM";

/// Runs the benchmark and returns its report.
pub async fn run(options: &Options) -> anyhow::Result<String> {
    anyhow::ensure!(options.concurrency > 0, "--concurrency must be at least 1");
    anyhow::ensure!(options.rounds > 0, "--rounds must be at least 1");
    anyhow::ensure!(
        options.payload <= MAX_PAYLOAD,
        "--payload must be at most {MAX_PAYLOAD} bytes, got {}",
        options.payload
    );
    anyhow::ensure!(
        !options.duration.is_zero(),
        "--duration-secs must be more than 0"
    );
    anyhow::ensure!(
        options.evidence_mib <= MAX_EVIDENCE_MIB,
        "--evidence-mib must be at most {MAX_EVIDENCE_MIB} (the agreements' limit), got {}",
        options.evidence_mib
    );
    let root = tempfile::tempdir().context("cannot create a temporary directory")?;
    let durable = start_pair(root.path(), Storage::Durable, options).await?;
    let memory = start_pair(root.path(), Storage::Memory, options).await?;

    let mut report = String::new();
    writeln!(
        report,
        "Liaison benchmark: {ASKER} asks {ANSWERER}, one process per node, mutual TLS on loopback"
    )?;
    writeln!(
        report,
        "{} in flight, {} rounds of {:.1} s per variant (after {:.1} s warm-up), {} byte payloads; {}",
        options.concurrency,
        options.rounds,
        options.duration.as_secs_f64(),
        options.warmup.as_secs_f64(),
        options.payload,
        machine()
    )?;
    writeln!(report)?;
    let summary = "x".repeat(options.payload.min(2000));
    let mut runs: Vec<Run> = Vec::new();
    for round in 1..=options.rounds {
        for variant in [Variant::Echo, Variant::Core, Variant::Full] {
            let run = measure(
                variant,
                &durable,
                &memory,
                options,
                options.concurrency,
                &summary,
            )
            .await
            .with_context(|| format!("round {round}, {}", variant.label()))?;
            let line = run_line(&format!("round {round}"), &run);
            eprintln!("{line}");
            writeln!(report, "{line}")?;
            runs.push(run);
        }
    }
    writeln!(report)?;
    summarise(&mut report, &runs, options.rounds)?;
    let echo_rates: Vec<f64> = runs
        .iter()
        .filter(|r| r.sample.variant == Variant::Echo)
        .map(|r| r.sample.per_sec())
        .collect();
    let heads = |k: usize| {
        spread(
            runs.iter()
                .filter(|r| r.sample.variant == Variant::Full)
                .map(|r| r.heads_per_op[k])
                .collect(),
        )
        .0
    };
    crypto_floor(&mut report, spread(echo_rates).0, [heads(0), heads(1)])?;
    at_rest_cost(&mut report, &runs)?;
    let dir = root.path().to_path_buf();
    let disk = tokio::task::spawn_blocking(move || disk_floor(&dir))
        .await
        .context("the disk measurement stopped")??;
    writeln!(report, "{disk}")?;
    if options.evidence_mib > 0 {
        let target = evidence::Target {
            focal: durable.focal.clone(),
            evidence: durable.evidence.clone(),
            bench: durable.echo.clone(),
            pids: pids(&durable)?,
        };
        let figures = evidence::measure(&target, options.evidence_mib)
            .await
            .with_context(|| format!("evidence file of {} MiB", options.evidence_mib))?;
        let lines = evidence::report(&figures);
        eprintln!("{lines}");
        writeln!(report, "{lines}")?;
    }
    let [asker, holder] = durable.hits.clone();
    let lines = hit_latency::measure(holder, asker, ANSWERER)
        .await
        .context("hit/no-hit checks")?;
    eprint!("{lines}");
    write!(report, "{lines}")?;
    if options.scaling {
        writeln!(report)?;
        writeln!(report, "F by requests in flight:")?;
        for concurrency in [1, 4, 16, 64, 256] {
            let run = measure(
                Variant::Full,
                &durable,
                &memory,
                options,
                concurrency,
                &summary,
            )
            .await
            .with_context(|| format!("F at {concurrency} in flight"))?;
            let line = run_line(&format!("{concurrency:>3} in flight"), &run);
            eprintln!("{line}");
            writeln!(report, "{line}")?;
        }
    }
    for pair in [durable, memory] {
        stop_pair(pair).await?;
    }
    Ok(report)
}

/// Which node pair a variant runs on.
async fn measure(
    variant: Variant,
    durable: &Pair,
    memory: &Pair,
    options: &Options,
    concurrency: usize,
    summary: &str,
) -> anyhow::Result<Run> {
    let pair = match variant {
        Variant::Echo | Variant::Full => durable,
        Variant::Core => memory,
    };
    // Counters are read around the measured window only: warm up first.
    let warmup = options.warmup;
    let before_warmup = tokio::time::Instant::now();
    let window = async {
        match variant {
            Variant::Echo => {
                load::echo(
                    pair.echo.clone(),
                    options.payload,
                    concurrency,
                    warmup,
                    options.duration,
                )
                .await
            }
            Variant::Core | Variant::Full => {
                load::exchange(
                    variant,
                    pair.focal.clone(),
                    ANSWERER,
                    summary.to_string(),
                    concurrency,
                    warmup,
                    options.duration,
                )
                .await
            }
        }
    };
    tokio::pin!(window);
    // Take the "before" counters when the warm-up ends.
    let before = tokio::select! {
        ended = &mut window => {
            ended?;
            anyhow::bail!("the run ended during its warm-up");
        }
        _ = tokio::time::sleep_until(before_warmup + warmup) => counters(pair).await?,
    };
    let sample = window.await?;
    let after = counters(pair).await?;
    let ops = sample.latencies.len().max(1) as u32;
    let per_op = |i: usize| after[i].cpu.saturating_sub(before[i].cpu) / ops;
    let per_flush = |i: usize| {
        let flushes = after[i].flushes.saturating_sub(before[i].flushes);
        (flushes > 0).then(|| {
            after[i].audit_size.saturating_sub(before[i].audit_size) as f64 / flushes as f64
        })
    };
    let heads = |k: usize| {
        (0..2)
            .map(|i| after[i].heads[k].saturating_sub(before[i].heads[k]))
            .sum::<u64>() as f64
            / f64::from(ops)
    };
    Ok(Run {
        sample,
        cpu_per_op: [per_op(0), per_op(1), per_op(2)],
        records_per_flush: [per_flush(0), per_flush(1)],
        heads_per_op: [heads(0), heads(1)],
        writes_per_op: [0, 1].map(|i| {
            after[i].store_writes.saturating_sub(before[i].store_writes) as f64 / f64::from(ops)
        }),
        crypto_per_op: [0, 1, 2, 3].map(|k| {
            (0..2)
                .map(|i| after[i].crypto[k].saturating_sub(before[i].crypto[k]))
                .sum::<u64>() as f64
                / f64::from(ops)
        }),
    })
}

/// The process ids of A and B.
fn pids(pair: &Pair) -> anyhow::Result<[u32; 2]> {
    let pid = |node: &NodeProcess| {
        node.child
            .id()
            .with_context(|| format!("the {} node has exited", node.country))
    };
    Ok([pid(&pair.nodes[0])?, pid(&pair.nodes[1])?])
}

/// CPU time and node counters of A, B and this process.
async fn counters(pair: &Pair) -> anyhow::Result<[Counters; 3]> {
    let mut all = [Counters::default(); 3];
    for (slot, node) in all.iter_mut().zip(&pair.nodes) {
        let pid = node
            .child
            .id()
            .with_context(|| format!("the {} node has exited", node.country))?;
        let stats = node_stats(&node.stats, node.country).await?;
        *slot = Counters {
            cpu: cpu_time(&format!("/proc/{pid}/stat"))?,
            audit_size: stats.audit_size,
            flushes: stats.flushes,
            heads: [stats.tree_heads_signed, stats.receipt_heads_verified],
            store_writes: stats.store_writes,
            crypto: [
                stats.values_sealed,
                stats.bytes_sealed,
                stats.values_opened,
                stats.bytes_opened,
            ],
        };
    }
    all[2].cpu = cpu_time("/proc/self/stat")?;
    Ok(all)
}

/// The counters of `country`'s benchmark node.
async fn node_stats(
    client: &BenchClient<Channel>,
    country: CountryCode,
) -> anyhow::Result<liaison_proto::bench_pb::NodeStats> {
    Ok(client
        .clone()
        .stats(StatsQuery {})
        .await
        .with_context(|| format!("cannot read the {country} node's counters"))?
        .into_inner())
}

/// User plus system CPU time of a process, all threads, from
/// `/proc/<pid>/stat` (fields 14 and 15, in clock ticks of 1/100 s, the
/// fixed USER_HZ of Linux).
fn cpu_time(path: &str) -> anyhow::Result<Duration> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?;
    // The command name (field 2) may hold spaces: count from its end.
    let fields: Vec<&str> = text
        .rsplit_once(')')
        .map(|(_, rest)| rest.split_whitespace().collect())
        .unwrap_or_default();
    let tick = |i: usize| -> anyhow::Result<u64> {
        fields
            .get(i)
            .and_then(|f| f.parse().ok())
            .with_context(|| format!("{path}: no CPU time field"))
    };
    // After the name: state is field 3, so utime (14) and stime (15) are
    // at offsets 11 and 12.
    Ok(Duration::from_millis((tick(11)? + tick(12)?) * 10))
}

/// The CPU model and core count, for the report.
fn machine() -> String {
    let model = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, name)| name.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{model}, {cores} cores")
}

fn micros(d: Duration) -> String {
    format!("{:.0}", d.as_secs_f64() * 1e6)
}

fn millis(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

fn run_line(label: &str, run: &Run) -> String {
    let flush = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{r:.1}"));
    format!(
        "{label:<12} {:<20} {:>9.0}/s  p50 {:>6} ms  p99 {:>6} ms  CPU/op A {:>4} µs  B {:>4} µs  driver {:>4} µs  audit records/flush A {:>5}  B {:>5}  tree heads/op signed {:.2} verified {:.2}  store writes/op A {:.1} B {:.1}",
        run.sample.variant.label(),
        run.sample.per_sec(),
        millis(run.sample.quantile(0.5)),
        millis(run.sample.quantile(0.99)),
        micros(run.cpu_per_op[0]),
        micros(run.cpu_per_op[1]),
        micros(run.cpu_per_op[2]),
        flush(run.records_per_flush[0]),
        flush(run.records_per_flush[1]),
        run.heads_per_op[0],
        run.heads_per_op[1],
        run.writes_per_op[0],
        run.writes_per_op[1],
    )
}

/// Median, minimum and maximum.
fn spread(mut values: Vec<f64>) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return (0.0, 0.0, 0.0);
    }
    let median = if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    };
    (median, values[0], values[n - 1])
}

fn summarise(report: &mut String, runs: &[Run], rounds: usize) -> anyhow::Result<()> {
    let of = |variant: Variant| -> Vec<&Run> {
        runs.iter()
            .filter(|r| r.sample.variant == variant)
            .collect()
    };
    writeln!(
        report,
        "{:<20} {:>28}  {:>9}  {:>9}",
        "variant (median [min, max])", "per s", "p50 ms", "p99 ms"
    )?;
    for variant in [Variant::Echo, Variant::Core, Variant::Full] {
        let runs = of(variant);
        let (rate, low, high) = spread(runs.iter().map(|r| r.sample.per_sec()).collect());
        let (p50, _, _) = spread(
            runs.iter()
                .map(|r| r.sample.quantile(0.5).as_secs_f64() * 1e3)
                .collect(),
        );
        let (p99, _, p99_max) = spread(
            runs.iter()
                .map(|r| r.sample.quantile(0.99).as_secs_f64() * 1e3)
                .collect(),
        );
        writeln!(
            report,
            "{:<27} {rate:>9.0} [{low:.0}, {high:.0}]  {p50:>9.2}  {p99:>9.2} (max {p99_max:.2})",
            variant.label()
        )?;
    }
    // Ratios are taken within a round, where the variants ran back to back.
    let ratio = |top: Variant, bottom: Variant| {
        spread(
            (0..rounds)
                .map(|round| {
                    let rate = |v: Variant| of(v)[round].sample.per_sec();
                    rate(top) / rate(bottom).max(f64::MIN_POSITIVE)
                })
                .collect(),
        )
    };
    for (name, top, bottom) in [
        ("F/E", Variant::Full, Variant::Echo),
        ("F/C", Variant::Full, Variant::Core),
        ("C/E", Variant::Core, Variant::Echo),
    ] {
        let (median, low, high) = ratio(top, bottom);
        writeln!(report, "{name}: {median:.3} (min {low:.3}, max {high:.3})")?;
    }
    Ok(())
}

/// Signatures and verifications one exchange cannot do without (protocol
/// 2): the request and the answer are each signed and verified. Receipts
/// are proofs under tree heads, one signed per group commit and verified
/// once by each sender: what they add per exchange is measured in F.
const SIGNS_PER_EXCHANGE: u32 = 2;
const VERIFIES_PER_EXCHANGE: u32 = 2;

/// Times Ed25519 signing and verification of a 1 KiB message here, and
/// what that alone allows on this machine, against the echo's rate, with
/// the tree heads signed and verified per exchange as measured in F.
fn crypto_floor(report: &mut String, echo_per_sec: f64, heads: [f64; 2]) -> anyhow::Result<()> {
    use ed25519_dalek::Signer as _;
    const N: u32 = 2000;
    let key = crate::pki::generate_signing_key()?;
    let public = key.verifying_key();
    let message = vec![0x42u8; 1024];
    let began = std::time::Instant::now();
    let mut signature = key.sign(&message);
    for _ in 1..N {
        signature = key.sign(&message);
    }
    let sign = began.elapsed() / N;
    let began = std::time::Instant::now();
    for _ in 0..N {
        anyhow::ensure!(
            public.verify_strict(&message, &signature).is_ok(),
            "a fresh signature does not verify"
        );
    }
    let verify = began.elapsed() / N;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    let floor = sign * SIGNS_PER_EXCHANGE + verify * VERIFIES_PER_EXCHANGE;
    let ceiling = cores / floor.as_secs_f64().max(f64::MIN_POSITIVE);
    writeln!(
        report,
        "crypto floor: sign {} µs, verify {} µs; an exchange needs at least {SIGNS_PER_EXCHANGE} signatures and {VERIFIES_PER_EXCHANGE} verifications (request, answer) = {} µs of CPU: {ceiling:.0}/s on {cores} cores = {:.3} of E",
        micros(sign),
        micros(verify),
        micros(floor),
        ceiling / echo_per_sec.max(f64::MIN_POSITIVE)
    )?;
    let measured =
        floor.as_secs_f64() + sign.as_secs_f64() * heads[0] + verify.as_secs_f64() * heads[1];
    let ceiling = cores / measured.max(f64::MIN_POSITIVE);
    writeln!(
        report,
        "with the tree heads F signed ({:.2}) and verified ({:.2}) per exchange (medians): {:.0} µs = {ceiling:.0}/s = {:.3} of E (protocol 1 needed 4 signatures and 6 verifications, plus a tree head per commit)",
        heads[0],
        heads[1],
        measured * 1e6,
        ceiling / echo_per_sec.max(f64::MIN_POSITIVE)
    )?;
    Ok(())
}

/// What encryption at rest costs the exchange: the values F sealed and
/// opened per exchange (medians, both nodes), times what sealing and
/// opening a value of their mean size costs here, against the CPU both
/// nodes spent per exchange.
fn at_rest_cost(report: &mut String, runs: &[Run]) -> anyhow::Result<()> {
    const N: u32 = 2000;
    let full: Vec<&Run> = runs
        .iter()
        .filter(|r| r.sample.variant == Variant::Full)
        .collect();
    let median = |k: usize| spread(full.iter().map(|r| r.crypto_per_op[k]).collect()).0;
    let [sealed, sealed_bytes, opened, opened_bytes] = [0, 1, 2, 3].map(median);
    let nodes_cpu = spread(
        full.iter()
            .map(|r| (r.cpu_per_op[0] + r.cpu_per_op[1]).as_secs_f64())
            .collect(),
    )
    .0;
    let mean = |bytes: f64, values: f64| {
        if values > 0.0 {
            (bytes / values) as usize
        } else {
            0
        }
    };
    let key =
        crate::vault::DataKey::generate().map_err(|e| anyhow::anyhow!("no random bytes: {e}"))?;
    let storage_key = b"out/00000000-0000-4000-8000-000000000000";
    let name = "r/00000000-0000-4000-8000-000000000000";
    let plain = vec![0x42u8; mean(sealed_bytes, sealed).max(1)];
    let began = std::time::Instant::now();
    let mut value = Vec::new();
    for _ in 0..N {
        value = crate::vault::seal::seal(&key, storage_key, name, &plain)
            .map_err(|e| anyhow::anyhow!(e))?;
    }
    let seal = began.elapsed().as_secs_f64() / f64::from(N);
    let plain = vec![0x42u8; mean(opened_bytes, opened).max(1)];
    let sealed_value = crate::vault::seal::seal(&key, storage_key, name, &plain)
        .map_err(|e| anyhow::anyhow!(e))?;
    let began = std::time::Instant::now();
    for _ in 0..N {
        value = crate::vault::seal::open(&key, storage_key, &sealed_value)
            .map_err(|e| anyhow::anyhow!(e))?;
    }
    let open = began.elapsed().as_secs_f64() / f64::from(N);
    anyhow::ensure!(value == plain, "a sealed value does not open to itself");
    let cost = sealed * seal + opened * open;
    writeln!(
        report,
        "encryption at rest: F sealed {sealed:.1} values ({:.1} KiB) and opened {opened:.1} ({:.1} KiB) per exchange, A and B together (medians); sealing one of their mean size takes {:.1} µs, opening {:.1} µs (XChaCha20-Poly1305, here) = {:.1} µs of CPU per exchange = {:.1} % of the {:.0} µs A and B spent on one; plus one fsync of the key slot file per 64 new requests on each side",
        sealed_bytes / 1024.0,
        opened_bytes / 1024.0,
        seal * 1e6,
        open * 1e6,
        cost * 1e6,
        100.0 * cost / nodes_cpu.max(f64::MIN_POSITIVE),
        nodes_cpu * 1e6,
    )?;
    Ok(())
}

/// Times `fdatasync` after a 2 KiB append (a small journal record) in
/// `dir`, on the disk the nodes write to: the floor under one commit, and
/// how uneven it is, which latency at few requests in flight inherits (an
/// exchange waits for several commits in sequence).
fn disk_floor(dir: &std::path::Path) -> anyhow::Result<String> {
    use std::io::Write as _;
    const N: usize = 500;
    let path = dir.join("fsync-probe");
    let mut file = std::fs::File::create(&path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    let record = [0x4cu8; 2048];
    let mut times = Vec::with_capacity(N);
    for _ in 0..N {
        let began = std::time::Instant::now();
        file.write_all(&record)
            .and_then(|()| file.sync_data())
            .with_context(|| format!("cannot append to {}", path.display()))?;
        times.push(began.elapsed());
    }
    drop(file);
    std::fs::remove_file(&path).with_context(|| format!("cannot remove {}", path.display()))?;
    times.sort();
    let p50 = times[N / 2];
    let p99 = times[N * 99 / 100];
    Ok(format!(
        "disk floor: a 2 KiB append and fdatasync ({N} in a row, beside the nodes' data): p50 {:.1} µs, p99 {:.1} µs, max {:.1} µs, p99/p50 {:.1}",
        p50.as_secs_f64() * 1e6,
        p99.as_secs_f64() * 1e6,
        times[N - 1].as_secs_f64() * 1e6,
        p99.as_secs_f64() / p50.as_secs_f64().max(f64::MIN_POSITIVE)
    ))
}

/// An address on loopback that was free a moment ago. The benchmark's
/// nodes are separate processes that must know each other's addresses
/// before they start, so the ports are picked here and bound there.
fn free_address() -> anyhow::Result<String> {
    // Below the ephemeral range: no outgoing connection (a browser test's,
    // say) takes the port between its release here and the child's bind.
    let listener = crate::api::server::bind_below_ephemeral().context("cannot bind loopback")?;
    Ok(listener.local_addr()?.to_string())
}

/// Creates two countries' files and starts them as processes.
async fn start_pair(root: &Path, storage: Storage, options: &Options) -> anyhow::Result<Pair> {
    let dir = root.join(match storage {
        Storage::Durable | Storage::DurableWithCache(_) => "durable",
        Storage::Memory => "memory",
    });
    let countries: Vec<CountryCode> = [ASKER, ANSWERER]
        .iter()
        .map(|c| c.parse())
        .collect::<Result<_, _>>()
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut addresses = Vec::new();
    let mut echo_addresses = Vec::new();
    for &country in &countries {
        let federation = free_address()?;
        addresses.push(NodeAddresses {
            country,
            endpoint: format!("https://{federation}"),
            federation_listen: federation,
            local_listen: free_address()?,
            metrics_listen: None,
            console_listen: None,
        });
        echo_addresses.push(free_address()?);
    }
    let created = devnet::create(&dir, &addresses, &fleet::unlimited_agreement)?;
    let mut nodes = Vec::new();
    let mut configs = Vec::new();
    for (node, echo) in created.iter().zip(&echo_addresses) {
        unthrottle(&node.config_path)?;
        configs.push(Config::load(&node.config_path)?);
        let mut command = Command::new(&options.program);
        command
            .arg("bench-node")
            .arg("--config")
            .arg(&node.config_path)
            .arg("--echo-listen")
            .arg(echo)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true);
        if storage == Storage::Memory {
            command.arg("--memory");
        }
        let mut child = command
            .spawn()
            .with_context(|| format!("cannot start {}", options.program.display()))?;
        let stdout = child.stdout.take().context("no stdout from a bench node")?;
        let mut lines = tokio::io::BufReader::new(stdout).lines();
        let ready = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
            .await
            .with_context(|| format!("the {} node did not start within 30 s", node.country))?
            .context("cannot read a bench node's output")?;
        anyhow::ensure!(
            ready.as_deref() == Some("ready"),
            "the {} bench node failed to start (said {ready:?})",
            node.country
        );
        let tls_name = crate::config::default_tls_name(node.country);
        nodes.push((node.country, child, echo.clone(), tls_name));
    }
    // Every connection is made as A, with A's certificate.
    let asker = &configs[0];
    let mut processes = Vec::new();
    let mut echo = None;
    for (country, child, address, tls_name) in nodes {
        let channel =
            crate::pki::tls::mtls_endpoint(asker, &format!("https://{address}"), &tls_name)?
                .connect()
                .await
                .with_context(|| format!("cannot reach the {country} bench listener"))?;
        let client = BenchClient::new(channel);
        echo = Some(client.clone());
        processes.push(NodeProcess {
            country,
            child,
            stats: client,
        });
    }
    let token = created[0]
        .tokens
        .get("focal-point")
        .context("the asking node has no focal-point user")?;
    let local = Endpoint::from_shared(format!("http://{}", addresses[0].local_listen))?
        .connect()
        .await
        .context("cannot reach the asking node's local API")?;
    let token = BearerToken::new(token).map_err(|e| anyhow::anyhow!(e))?;
    let focal = FocalPointClient::with_interceptor(local.clone(), token.clone());
    let evidence = EvidenceClient::with_interceptor(local.clone(), token.clone());
    let police = created[1]
        .tokens
        .get("police-officer")
        .context("the answering node has no police officer")?;
    let police = BearerToken::new(police).map_err(|e| anyhow::anyhow!(e))?;
    let holder_local = Endpoint::from_shared(format!("http://{}", addresses[1].local_listen))?
        .connect()
        .await
        .context("cannot reach the answering node's local API")?;
    let hits = [
        HitsClient::with_interceptor(local, token),
        HitsClient::with_interceptor(holder_local, police),
    ];
    let nodes: [NodeProcess; 2] = processes
        .try_into()
        .map_err(|_| anyhow::anyhow!("expected two bench nodes"))?;
    Ok(Pair {
        storage,
        nodes,
        focal,
        evidence,
        hits,
        echo: echo.context("no bench node")?,
    })
}

/// Lifts the per-peer rate and concurrency limits, which would otherwise
/// measure themselves.
fn unthrottle(path: &Path) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut file: ConfigFile =
        toml::from_str(&text).with_context(|| format!("cannot parse {}", path.display()))?;
    file.node.peer_rate_per_sec = 1_000_000;
    file.node.peer_burst = 1_000_000;
    file.node.peer_concurrency = 4096;
    crate::pki::write_config(path, &file)?;
    Ok(())
}

/// Closes each node's standard input (its signal to shut down) and waits.
async fn stop_pair(pair: Pair) -> anyhow::Result<()> {
    for mut node in pair.nodes {
        drop(node.child.stdin.take());
        let status = tokio::time::timeout(Duration::from_secs(30), node.child.wait())
            .await
            .with_context(|| format!("the {} node did not stop within 30 s", node.country))??;
        anyhow::ensure!(
            status.success(),
            "the {} {:?} bench node exited with {status}",
            node.country,
            pair.storage
        );
    }
    Ok(())
}
