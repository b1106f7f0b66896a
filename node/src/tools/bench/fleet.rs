//! The processes of `bench --federation`: N countries generated with the
//! devnet's CA, keys and configurations under a full mesh of agreements,
//! each started as its own `liaison-node bench-node`, and what the
//! benchmark reads of them (readiness, `/proc` figures) and asks them
//! through their APIs.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use liaison_proto::auth::BearerToken;
use liaison_proto::bench_pb::bench_client::BenchClient;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb::audit_client::AuditClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use tokio::io::AsyncBufReadExt as _;
use tokio::process::{Child, Command};
use tonic::codegen::InterceptedService;
use tonic::transport::{Channel, Endpoint};

use super::load::Focal;
use crate::config::Config;
use crate::policy::{AgreementFile, open_agreement};
use crate::tools::devnet::{self, NodeAddresses};

/// What each benchmark node process is given to keep its cost down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeTuning {
    /// Tokio worker threads of each node (`None`: one per core).
    pub worker_threads: Option<usize>,
    /// sled's cache per node, in MiB (`None`: the node's default).
    pub cache_mib: Option<u64>,
}

pub type Auditor = AuditClient<InterceptedService<Channel, BearerToken>>;

/// One running country.
#[derive(Debug)]
pub struct FleetNode {
    pub country: CountryCode,
    pub child: Child,
    pub pid: u32,
    /// The node's public signing key, which its audit export must verify
    /// against.
    pub public_key: String,
    pub focal: Focal,
    pub auditor: Auditor,
    /// The benchmark listener (counters), reached as the first country.
    pub stats: BenchClient<Channel>,
}

/// Every country of the benchmark, started.
#[derive(Debug)]
pub struct Fleet {
    pub nodes: Vec<FleetNode>,
    /// From the first spawn until every process had bound its ports.
    pub spawned_in: Duration,
    /// Writing the CA, keys, certificates, configurations and agreements.
    pub generated_in: Duration,
    /// From telling the nodes to load their configurations until the last
    /// one said `ready`.
    pub started_in: Duration,
}

/// `count` synthetic country codes from the ISO 3166-1 user-assigned range
/// XAA–XZZ (no real country has one): XAA, XAB, … At most 676.
pub fn synthetic_countries(count: usize) -> anyhow::Result<Vec<CountryCode>> {
    anyhow::ensure!(count <= 26 * 26, "at most 676 synthetic countries");
    (0..count)
        .map(|i| {
            let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
            format!("X{}{}", letter(i / 26), letter(i))
                .parse()
                .map_err(|e| anyhow::anyhow!("synthetic country code: {e}"))
        })
        .collect()
}

/// An open agreement (every category both ways, `--allow-all`) without
/// daily limits, which the load would otherwise measure.
pub fn unlimited_agreement(holder: CountryCode, peer: CountryCode) -> Option<AgreementFile> {
    let mut agreement = open_agreement(holder, peer);
    for rule in &mut agreement.rules {
        rule.daily_limit = u32::MAX;
    }
    // Either may check phone numbers against the other's police list.
    agreement.hit_checks = [(holder, peer), (peer, holder)]
        .iter()
        .map(|(asker, holding)| crate::policy::HitChecksSection {
            flow: format!("{asker}->{holding}"),
            lists: vec![format!("police/{}", super::hit_latency::LIST)],
            kinds: vec!["phone".into()],
            daily_quota: crate::policy::MAX_HIT_QUOTA,
        })
        .collect();
    Some(agreement)
}

/// Generates `countries` under `root` and starts each as a process of
/// `program`, all at once; returns when every one is ready.
///
/// Each process first binds its listeners on ports the system picks and
/// says which; the configurations are written with those ports, and only
/// then are the nodes told to load them and serve. No port is released
/// between being picked and being served, so no other program can take it.
pub async fn start(
    root: &Path,
    countries: &[CountryCode],
    program: &Path,
    tuning: NodeTuning,
) -> anyhow::Result<Fleet> {
    let began = Instant::now();
    let mut children = Vec::new();
    for &country in countries {
        children.push(spawn(program, &config_path(root, country), tuning)?);
    }
    let timeout = Duration::from_secs(60 + 2 * countries.len() as u64);
    let mut bound = futures::future::join_all(
        children
            .iter_mut()
            .zip(countries)
            .map(|(child, &country)| bound(child, country, timeout)),
    )
    .await
    .into_iter()
    .collect::<anyhow::Result<Vec<_>>>()?;
    let spawned_in = began.elapsed();

    let began = Instant::now();
    let addresses: Vec<NodeAddresses> = bound.iter().map(|(a, _, _)| a.clone()).collect();
    let created = tokio::task::spawn_blocking({
        let root = root.to_path_buf();
        let addresses = addresses.clone();
        move || devnet::create(&root, &addresses, &unlimited_agreement)
    })
    .await??;
    for (node, &country) in created.iter().zip(countries) {
        anyhow::ensure!(
            node.config_path == config_path(root, country),
            "the {country} configuration is not where its node looks for it"
        );
    }
    let generated_in = began.elapsed();

    let began = Instant::now();
    let ready = futures::future::join_all(
        children
            .iter_mut()
            .zip(bound.iter_mut())
            .zip(countries)
            .map(|((child, (_, _, lines)), &country)| go(child, lines, country, timeout)),
    )
    .await;
    ready.into_iter().collect::<anyhow::Result<Vec<()>>>()?;
    let started_in = began.elapsed();

    // The driver reaches every benchmark listener as the first country.
    let first = Config::load(&created[0].config_path)?;
    let mut nodes = Vec::new();
    for ((child, node), (address, echo, _)) in children.into_iter().zip(&created).zip(&bound) {
        nodes.push(connect(child, node, address, echo, &first)?);
    }
    Ok(Fleet {
        nodes,
        spawned_in,
        generated_in,
        started_in,
    })
}

/// Where the devnet writes the configuration of `country`.
fn config_path(root: &Path, country: CountryCode) -> std::path::PathBuf {
    root.join(country.as_str().to_ascii_lowercase())
        .join("liaison.toml")
}

/// mimalloc's option to commit arenas at once.
const EAGER_COMMIT: &str = "MIMALLOC_ARENA_EAGER_COMMIT";

/// Starts a `bench-node` that binds its own ports and waits for its
/// configuration at `config_path`.
fn spawn(program: &Path, config_path: &Path, tuning: NodeTuning) -> anyhow::Result<Child> {
    let mut command = Command::new(program);
    command
        .arg("bench-node")
        .arg("--config")
        .arg(config_path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true);
    // mimalloc commits its arenas eagerly and asks for transparent huge
    // pages, which costs each process about 40 MiB of resident memory it
    // never uses: many nodes on one machine cannot afford that. A value
    // set by the caller wins (e.g. 1, to measure the difference).
    if std::env::var_os(EAGER_COMMIT).is_none() {
        command.env(EAGER_COMMIT, "0");
    }
    if let Some(threads) = tuning.worker_threads {
        command.arg("--worker-threads").arg(threads.to_string());
    }
    if let Some(mib) = tuning.cache_mib {
        command.arg("--cache-mib").arg(mib.to_string());
    }
    command
        .spawn()
        .with_context(|| format!("cannot start {}", program.display()))
}

type Lines = tokio::io::Lines<tokio::io::BufReader<tokio::process::ChildStdout>>;

/// Reads the `bound FEDERATION LOCAL ECHO` line of a node just started.
async fn bound(
    child: &mut Child,
    country: CountryCode,
    timeout: Duration,
) -> anyhow::Result<(NodeAddresses, String, Lines)> {
    let stdout = child.stdout.take().context("no stdout from a bench node")?;
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let line = tokio::time::timeout(timeout, lines.next_line())
        .await
        .with_context(|| format!("the {country} node did not bind within {timeout:?}"))?
        .context("cannot read a bench node's output")?;
    let words: Vec<&str> = line.as_deref().unwrap_or("").split_whitespace().collect();
    let ["bound", federation, local, echo] = words[..] else {
        anyhow::bail!("the {country} bench node failed to bind (said {line:?})");
    };
    let addresses = NodeAddresses {
        country,
        endpoint: format!("https://{federation}"),
        federation_listen: federation.to_string(),
        local_listen: local.to_string(),
        metrics_listen: None,
        console_listen: None,
    };
    Ok((addresses, echo.to_string(), lines))
}

/// Tells a node its configuration is written and waits for its `ready`.
async fn go(
    child: &mut Child,
    lines: &mut Lines,
    country: CountryCode,
    timeout: Duration,
) -> anyhow::Result<()> {
    use tokio::io::AsyncWriteExt as _;
    let stdin = child.stdin.as_mut().context("no stdin to a bench node")?;
    stdin.write_all(b"start\n").await?;
    stdin.flush().await?;
    let ready = tokio::time::timeout(timeout, lines.next_line())
        .await
        .with_context(|| format!("the {country} node did not start within {timeout:?}"))?
        .context("cannot read a bench node's output")?;
    anyhow::ensure!(
        ready.as_deref() == Some("ready"),
        "the {country} bench node failed to start (said {ready:?})"
    );
    Ok(())
}

/// Lazily connecting clients of one node's APIs.
fn connect(
    child: Child,
    node: &devnet::CreatedNode,
    address: &NodeAddresses,
    echo: &str,
    first: &Config,
) -> anyhow::Result<FleetNode> {
    let pid = child
        .id()
        .with_context(|| format!("the {} node has exited", node.country))?;
    let local = Endpoint::from_shared(format!("http://{}", address.local_listen))?.connect_lazy();
    let token = |user: &str| -> anyhow::Result<BearerToken> {
        let token = node
            .tokens
            .get(user)
            .with_context(|| format!("the {} node has no {user} user", node.country))?;
        BearerToken::new(token).map_err(|e| anyhow::anyhow!(e))
    };
    let tls_name = crate::config::default_tls_name(node.country);
    let stats = crate::pki::tls::mtls_endpoint(first, &format!("https://{echo}"), &tls_name)?
        .connect_lazy();
    Ok(FleetNode {
        country: node.country,
        child,
        pid,
        public_key: node.public_key.clone(),
        focal: FocalPointClient::with_interceptor(local.clone(), token("focal-point")?),
        auditor: AuditClient::with_interceptor(local, token("auditor")?),
        stats: BenchClient::new(stats),
    })
}

/// What `/proc/<pid>/status` says of a process's memory and threads.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProcessFigures {
    /// Resident set size, bytes.
    pub rss: u64,
    /// The anonymous part of it (heap and stacks, not the binary's pages,
    /// which all nodes share), bytes.
    pub anon: u64,
    pub threads: u64,
    /// Open file descriptors (sockets among them).
    pub fds: u64,
}

/// Reads the RSS (`VmRSS`, and `RssAnon` of it) and thread count of process `pid`, and counts
/// its open descriptors.
pub fn process_figures(pid: u32) -> anyhow::Result<ProcessFigures> {
    let path = format!("/proc/{pid}/status");
    let status = std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
    let field = |name: &str| -> anyhow::Result<u64> {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .with_context(|| format!("{path}: no {name}"))
    };
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|dir| dir.count() as u64)
        .unwrap_or(0);
    Ok(ProcessFigures {
        rss: field("VmRSS:")? * 1024,
        anon: field("RssAnon:")? * 1024,
        threads: field("Threads:")?,
        fds,
    })
}

impl Fleet {
    /// The `/proc` figures of every node, in order.
    pub fn figures(&self) -> anyhow::Result<Vec<ProcessFigures>> {
        self.nodes.iter().map(|n| process_figures(n.pid)).collect()
    }

    /// How many requests the automatic agencies answered, all nodes.
    pub async fn agency_answers(&self) -> anyhow::Result<u64> {
        let mut total = 0;
        for node in &self.nodes {
            total += super::node_stats(&node.stats, node.country).await?.answered;
        }
        Ok(total)
    }

    /// Closes each node's standard input (its signal to shut down) and
    /// waits for all of them.
    pub async fn stop(self) -> anyhow::Result<()> {
        let stopping = self.nodes.into_iter().map(|mut node| async move {
            drop(node.child.stdin.take());
            let status = tokio::time::timeout(Duration::from_secs(60), node.child.wait())
                .await
                .with_context(|| format!("the {} node did not stop within 60 s", node.country))??;
            anyhow::ensure!(
                status.success(),
                "the {} bench node exited with {status}",
                node.country
            );
            Ok(())
        });
        futures::future::join_all(stopping)
            .await
            .into_iter()
            .collect::<anyhow::Result<Vec<()>>>()?;
        Ok(())
    }
}
