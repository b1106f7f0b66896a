//! One node of the benchmark, run as its own process (`liaison-node
//! bench-node`): a real node, an automatic test agency that answers every
//! request assigned to it, and the benchmark's echo, sink and counters on a
//! third listener with the node's own mutual TLS.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::Context as _;
use liaison_proto::bench_pb::bench_server::{Bench, BenchServer};
use liaison_proto::bench_pb::{NodeStats, Payload, SinkSummary, StatsQuery};
use liaison_proto::domain::Field;
use tokio::io::AsyncBufReadExt as _;
use tokio::sync::broadcast::error::RecvError;
use tonic::transport::Server;
use tonic::transport::server::TcpIncoming;
use tonic::{Request, Response, Status, Streaming};

use crate::api::server::{self, Listeners};
use crate::config::{Config, LocalUser, Role};
use crate::exchange::{AgencyReply, Exchange};
use crate::records::{Direction, RequestRecord};
use crate::store::{self, MemoryStore, Store};
use liaison_proto::domain::RequestStatus;

/// The agency the benchmark's requests are routed to (phone checks).
pub const AGENCY: &str = "police";

/// Which store a benchmark node keeps its state in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// sled with durable group commit: the real node.
    Durable,
    /// The same with a sled cache of this many bytes instead of the
    /// default (the federation benchmark runs many nodes on one machine).
    DurableWithCache(u64),
    /// Memory only: signing and verification, no storage cost.
    Memory,
}

#[derive(Debug)]
struct BenchService {
    exchange: Arc<Exchange>,
    answered: Arc<AtomicU64>,
}

#[tonic::async_trait]
impl Bench for BenchService {
    async fn echo(&self, request: Request<Payload>) -> Result<Response<Payload>, Status> {
        Ok(Response::new(request.into_inner()))
    }

    async fn sink(
        &self,
        request: Request<Streaming<Payload>>,
    ) -> Result<Response<SinkSummary>, Status> {
        let mut payloads = request.into_inner();
        let mut summary = SinkSummary::default();
        while let Some(payload) = payloads.message().await? {
            summary.messages += 1;
            summary.bytes += payload.data.len() as u64;
        }
        Ok(Response::new(summary))
    }

    async fn stats(&self, _: Request<StatsQuery>) -> Result<Response<NodeStats>, Status> {
        let records = self.exchange.records();
        let audit_size = self.exchange.tree_head().map_or(0, |head| head.size);
        let sizes = crate::metrics::SizeSource::sizes(self.exchange.as_ref());
        let [values_sealed, bytes_sealed, values_opened, bytes_opened] = records.crypto_counts();
        Ok(Response::new(NodeStats {
            values_sealed,
            bytes_sealed,
            values_opened,
            bytes_opened,
            audit_size,
            flushes: records.flushes(),
            tree_heads_signed: sizes.tree_heads_signed,
            receipt_heads_verified: sizes.receipt_heads_verified,
            store_writes: records.writes(),
            answered: self.answered.load(Ordering::Relaxed),
        }))
    }
}

/// The benchmark node's standard input: its orders, one a line.
type Orders = tokio::io::Lines<tokio::io::BufReader<tokio::io::Stdin>>;

/// Runs a benchmark node on the listeners `config` names until its
/// standard input closes (the benchmark ends or dies), printing `ready`
/// once it serves.
pub async fn serve(config: Config, storage: Storage, echo_listen: &str) -> anyhow::Result<()> {
    let echo = std::net::TcpListener::bind(echo_listen)
        .with_context(|| format!("cannot bind the echo listener {echo_listen}"))?;
    let listeners = Listeners::for_config(&config).context("cannot bind the node's listeners")?;
    let orders = tokio::io::BufReader::new(tokio::io::stdin()).lines();
    serve_on(config, storage, listeners, echo, orders).await
}

/// Like [`serve`], with every listener bound first on a loopback port the
/// system picks, so that no port is ever released and taken by another
/// program before the node binds it again: prints `bound FEDERATION LOCAL
/// ECHO`, waits for a line on standard input (sent once every
/// configuration names every node's ports), then loads `config_path`,
/// which must name the same federation and local addresses.
pub async fn serve_prebound(config_path: &Path, storage: Storage) -> anyhow::Result<()> {
    let bind = || std::net::TcpListener::bind("127.0.0.1:0").context("cannot bind loopback");
    let (federation, local, echo) = (bind()?, bind()?, bind()?);
    println!(
        "bound {} {} {}",
        federation.local_addr()?,
        local.local_addr()?,
        echo.local_addr()?
    );
    let mut orders = tokio::io::BufReader::new(tokio::io::stdin()).lines();
    if orders.next_line().await?.is_none() {
        return Ok(());
    }
    let config = Config::load(config_path)?;
    anyhow::ensure!(
        config.federation_listen == federation.local_addr()?
            && config.local_listen == local.local_addr()?,
        "{}: the listen addresses are not the ones this node bound",
        config_path.display()
    );
    let listeners = Listeners {
        federation,
        local,
        metrics: None,
        console: None,
    };
    serve_on(config, storage, listeners, echo, orders).await
}

/// Serves on listeners already bound until `orders` ends.
async fn serve_on(
    config: Config,
    storage: Storage,
    listeners: Listeners,
    echo: std::net::TcpListener,
    mut orders: Orders,
) -> anyhow::Result<()> {
    echo.set_nonblocking(true)?;
    let echo = tokio::net::TcpListener::from_std(echo)?;
    let store: Arc<dyn Store> = match storage {
        Storage::Durable => Arc::new(store::open(&config.data_dir)?),
        Storage::DurableWithCache(bytes) => {
            Arc::new(store::open_with_cache(&config.data_dir, bytes)?)
        }
        Storage::Memory => Arc::new(MemoryStore::new()),
    };
    let tls = crate::pki::tls::server_config(&config);
    let node = server::start_with_store(config, store, listeners).await?;
    let exchange = node.exchange().clone();
    let answered = Arc::new(AtomicU64::new(0));
    let agency = tokio::spawn(answer_everything(exchange.clone(), answered.clone()));
    let bench = Server::builder()
        .tls_config(tls)?
        .add_service(BenchServer::new(BenchService {
            exchange: exchange.clone(),
            answered,
        }))
        .serve_with_incoming_shutdown(TcpIncoming::from(echo).with_nodelay(Some(true)), {
            let mut closing = exchange.closing();
            async move {
                let _ = closing.wait_for(|closed| *closed).await;
            }
        });
    let bench = tokio::spawn(bench);
    println!("ready");
    while let Ok(Some(_)) = orders.next_line().await {}
    drop(exchange);
    node.shutdown().await?;
    agency.abort();
    bench.await??;
    Ok(())
}

/// The automatic test agency: answers every request assigned to it, each
/// in its own task so that answers share group commits like real ones.
async fn answer_everything(exchange: Arc<Exchange>, answered: Arc<AtomicU64>) {
    let caller = LocalUser {
        name: format!("{AGENCY}-bench"),
        role: Role::Agency(AGENCY.into()),
    };
    let mut updates = exchange.subscribe();
    let mut closing = exchange.closing();
    loop {
        let assigned = tokio::select! {
            update = updates.recv() => match update {
                Ok(record) => vec![(*record).clone()],
                // Fell behind: answer whatever is still open.
                Err(RecvError::Lagged(_)) => match exchange.records().open_assignments(AGENCY) {
                    Ok(open) => open,
                    Err(e) => {
                        tracing::error!(error = %e, "bench agency cannot read its inbox");
                        return;
                    }
                },
                Err(RecvError::Closed) => return,
            },
            _ = closing.wait_for(|closed| *closed) => return,
        };
        for record in assigned.into_iter().filter(is_assigned_to_agency) {
            let exchange = exchange.clone();
            let caller = caller.clone();
            let answered = answered.clone();
            tokio::spawn(async move {
                let reply = AgencyReply::Release {
                    fields: answer_fields(&record),
                    remarks: String::new(),
                    dual_criminality_decision: None,
                };
                match exchange
                    .respond(&caller, AGENCY, &record.request.request_id, reply)
                    .await
                {
                    Ok(_) => {
                        answered.fetch_add(1, Ordering::Relaxed);
                    }
                    // Answered already (a lagged rescan raced the event).
                    Err(crate::Error::FailedPrecondition(_)) => {}
                    Err(e) => tracing::warn!(error = %e, "bench agency could not answer"),
                }
            });
        }
    }
}

fn is_assigned_to_agency(record: &RequestRecord) -> bool {
    record.direction == Direction::Incoming
        && record.status == RequestStatus::Assigned
        && record.agency.as_deref() == Some(AGENCY)
}

/// Synthetic values for every field the request's category can release.
fn answer_fields(record: &RequestRecord) -> Vec<Field> {
    record
        .request
        .category
        .response_fields()
        .iter()
        .map(|name| Field {
            name: (*name).to_string(),
            value: format!("bench value for {name}"),
            subject: 0,
        })
        .collect()
}
