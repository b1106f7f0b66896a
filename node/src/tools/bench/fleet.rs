//! The processes of `bench --federation`: N countries generated with the
//! devnet's CA, keys and configurations under a full mesh of agreements,
//! each started as its own `liaison-node bench-node`, and what the
//! benchmark reads of them (readiness, `/proc` figures) and asks them
//! through their APIs.

use std::net::TcpListener;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use liaison_proto::auth::BearerToken;
use liaison_proto::bench_pb::StatsQuery;
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
    /// Writing the CA, keys, certificates, configurations and agreements.
    pub generated_in: Duration,
    /// From the first spawn until the last node said `ready`.
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
    Some(agreement)
}

/// A loopback socket on a port the system picks, kept bound until its
/// node's process is about to start, so that no other program takes the
/// port while the configurations naming it are written.
fn reserve() -> anyhow::Result<(TcpListener, String)> {
    let listener = TcpListener::bind("127.0.0.1:0").context("cannot bind loopback")?;
    let address = listener.local_addr()?.to_string();
    Ok((listener, address))
}

/// The ports of one country, held until its process starts.
struct Reserved {
    listeners: [TcpListener; 3],
    echo: String,
}

/// Generates `countries` under `root` and starts each as a process of
/// `program`, all at once; returns when every one is ready.
pub async fn start(
    root: &Path,
    countries: &[CountryCode],
    program: &Path,
    tuning: NodeTuning,
) -> anyhow::Result<Fleet> {
    let began = Instant::now();
    let mut addresses = Vec::new();
    let mut reserved = Vec::new();
    for &country in countries {
        let (federation, federation_address) = reserve()?;
        let (local, local_address) = reserve()?;
        let (echo, echo_address) = reserve()?;
        addresses.push(NodeAddresses {
            country,
            endpoint: format!("https://{federation_address}"),
            federation_listen: federation_address,
            local_listen: local_address,
            metrics_listen: None,
        });
        reserved.push(Reserved {
            listeners: [federation, local, echo],
            echo: echo_address,
        });
    }
    let created = tokio::task::spawn_blocking({
        let root = root.to_path_buf();
        let addresses = addresses.clone();
        move || devnet::create(&root, &addresses, &unlimited_agreement)
    })
    .await??;
    let generated_in = began.elapsed();

    let began = Instant::now();
    let mut children = Vec::new();
    let mut echoes = Vec::new();
    for (node, ports) in created.iter().zip(reserved) {
        drop(ports.listeners);
        children.push(spawn(program, &node.config_path, &ports.echo, tuning)?);
        echoes.push(ports.echo);
    }
    let timeout = Duration::from_secs(60 + 2 * countries.len() as u64);
    let ready = futures::future::join_all(
        children
            .iter_mut()
            .zip(&created)
            .map(|(child, node)| wait_ready(child, node.country, timeout)),
    )
    .await;
    ready.into_iter().collect::<anyhow::Result<Vec<()>>>()?;
    let started_in = began.elapsed();

    // The driver reaches every benchmark listener as the first country.
    let first = Config::load(&created[0].config_path)?;
    let mut nodes = Vec::new();
    for (((child, node), address), echo) in children
        .into_iter()
        .zip(&created)
        .zip(&addresses)
        .zip(&echoes)
    {
        nodes.push(connect(child, node, address, echo, &first)?);
    }
    Ok(Fleet {
        nodes,
        generated_in,
        started_in,
    })
}

/// mimalloc's option to commit arenas at once.
const EAGER_COMMIT: &str = "MIMALLOC_ARENA_EAGER_COMMIT";

fn spawn(
    program: &Path,
    config_path: &Path,
    echo: &str,
    tuning: NodeTuning,
) -> anyhow::Result<Child> {
    let mut command = Command::new(program);
    command
        .arg("bench-node")
        .arg("--config")
        .arg(config_path)
        .arg("--echo-listen")
        .arg(echo)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true);
    // mimalloc commits its arenas eagerly and asks for transparent huge
    // pages, which costs each process about 20 MiB of resident memory it
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

/// Waits for the node's `ready` line (printed once it serves).
async fn wait_ready(
    child: &mut Child,
    country: CountryCode,
    timeout: Duration,
) -> anyhow::Result<()> {
    let stdout = child.stdout.take().context("no stdout from a bench node")?;
    let mut lines = tokio::io::BufReader::new(stdout).lines();
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
            let stats = node
                .stats
                .clone()
                .stats(StatsQuery {})
                .await
                .with_context(|| format!("cannot read the {} node's counters", node.country))?
                .into_inner();
            total += stats.answered;
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
