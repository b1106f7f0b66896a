//! Assembles a node: opens the store, builds the exchange, serves the
//! federation API (mutual TLS) and the local API (bearer tokens; plain on loopback or TLS 1.3 with `[local_tls]`),
//! each with health and reflection for what it serves and with every
//! request body checked by [`BodyCheck`], runs the delivery worker, and
//! shuts all of it down in order.

use std::net::SocketAddr;
use std::sync::Arc;

use liaison_proto::domain::CountryCode;
use liaison_proto::pb::account_server::AccountServer;
use liaison_proto::pb::admin_server::AdminServer;
use liaison_proto::pb::agency_server::AgencyServer;
use liaison_proto::pb::audit_server::AuditServer;
use liaison_proto::pb::evidence_server::EvidenceServer;
use liaison_proto::pb::federation_server::FederationServer;
use liaison_proto::pb::focal_point_server::FocalPointServer;
use liaison_proto::pb::hits_server::HitsServer;
use liaison_proto::pb::users_server::UsersServer;
use tokio::task::JoinHandle;
use tonic::transport::Server;
use tonic::transport::server::TcpIncoming;

use crate::api::account::AccountService;
use crate::api::admin::AdminService;
use crate::api::audit::AuditService;
use crate::api::body_check::BodyCheck;
use crate::api::evidence::EvidenceService;
use crate::api::federation::FederationService;
use crate::api::hits::HitsService;
use crate::api::listener::{Listener, Surface};
use crate::api::local::{AgencyService, FocalPointService};
use crate::api::users::UsersService;
use crate::config::Config;
use crate::exchange::Exchange;
use crate::exchange::outbox::{self, PeerClients};
use crate::exchange::witness;
use crate::store::{self, Store};

/// The node's two sockets, bound before the node starts so that callers
/// (and tests binding port 0) know the addresses.
#[derive(Debug)]
pub struct Listeners {
    pub federation: std::net::TcpListener,
    pub local: std::net::TcpListener,
    /// Prometheus metrics over plain HTTP, if the node serves them.
    pub metrics: Option<std::net::TcpListener>,
    /// The web console, if the node serves one.
    pub console: Option<std::net::TcpListener>,
}

impl Listeners {
    pub fn bind(federation: SocketAddr, local: SocketAddr) -> std::io::Result<Listeners> {
        Ok(Listeners {
            federation: std::net::TcpListener::bind(federation)?,
            local: std::net::TcpListener::bind(local)?,
            metrics: None,
            console: None,
        })
    }

    /// Binds every listener `config` names, the metrics one included.
    pub fn for_config(config: &Config) -> std::io::Result<Listeners> {
        let mut listeners = Listeners::bind(config.federation_listen, config.local_listen)?;
        if let Some(metrics) = config.metrics_listen {
            listeners.metrics = Some(std::net::TcpListener::bind(metrics)?);
        }
        if let Some(console) = &config.console {
            listeners.console = Some(std::net::TcpListener::bind(console.listen)?);
        }
        Ok(listeners)
    }

    /// Binds every listener (metrics included) on `127.0.0.1`, each on a
    /// free port below the system's ephemeral range, so that a node stopped
    /// and started again on the same ports (a restart, in tests and local
    /// federations) does not find one taken as the source port of some
    /// outgoing connection meanwhile.
    pub fn loopback() -> std::io::Result<Listeners> {
        Ok(Listeners {
            federation: bind_below_ephemeral()?,
            local: bind_below_ephemeral()?,
            metrics: Some(bind_below_ephemeral()?),
            console: Some(bind_below_ephemeral()?),
        })
    }
}

/// A loopback listener on a random free port from 10000 up to the first
/// port of the ephemeral range (`/proc/sys/net/ipv4/ip_local_port_range`,
/// 32768 when it cannot be read); after 64 ports found taken, on a port the
/// system picks.
pub fn bind_below_ephemeral() -> std::io::Result<std::net::TcpListener> {
    const LOWEST: u16 = 10_000;
    let first_ephemeral = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|text| text.split_whitespace().next()?.parse::<u16>().ok())
        .unwrap_or(32_768);
    if first_ephemeral > LOWEST + 1000 {
        let span = u64::from(first_ephemeral - LOWEST);
        for _ in 0..64 {
            let offset = getrandom::u64().map_err(|e| std::io::Error::other(e.to_string()))? % span;
            let port = LOWEST + offset as u16;
            if let Ok(listener) = std::net::TcpListener::bind(("127.0.0.1", port)) {
                return Ok(listener);
            }
        }
    }
    std::net::TcpListener::bind(("127.0.0.1", 0))
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error(transparent)]
    Node(#[from] crate::error::Error),
    #[error("transport: {0}")]
    Transport(#[from] tonic::transport::Error),
    #[error("socket: {0}")]
    Io(#[from] std::io::Error),
    #[error("reflection: {0}")]
    Reflection(#[from] tonic_reflection::server::Error),
    #[error("service descriptors: {0}")]
    Descriptors(#[from] prost::DecodeError),
}

/// A started node. Dropping it does not stop it; call [`RunningNode::shutdown`].
#[derive(Debug)]
pub struct RunningNode {
    pub country: CountryCode,
    pub federation_addr: SocketAddr,
    pub local_addr: SocketAddr,
    /// Where `GET /metrics` is served, if it is.
    pub metrics_addr: Option<SocketAddr>,
    exchange: Arc<Exchange>,
    /// The clients for peers, shared with the delivery worker, witnessing
    /// and the Admin service; rebuilt when a reload changes the peers.
    peers: PeerClients,
    tasks: Vec<JoinHandle<Result<(), tonic::transport::Error>>>,
    outbox: JoinHandle<()>,
    transfers: JoinHandle<()>,
    witnessing: JoinHandle<()>,
    metrics: Option<JoinHandle<std::io::Result<()>>>,
    /// Where the web console is served, if it is.
    pub console_addr: Option<SocketAddr>,
    console: Option<JoinHandle<std::io::Result<()>>>,
    /// One per listener.
    health: Vec<tonic_health::server::HealthReporter>,
}

impl RunningNode {
    pub fn exchange(&self) -> &Arc<Exchange> {
        &self.exchange
    }

    /// Reloads the configuration from its file (SIGHUP): loads and checks
    /// all of it first, then puts it in force ([`Exchange::reload`]) and
    /// reconnects to the peers. A file that does not load, or a change that
    /// needs a restart, changes nothing: the refusal is audited, logged and
    /// shown in the metrics. Returns what changed.
    pub async fn reload(&self) -> Result<Vec<String>, crate::error::Error> {
        let path = self.exchange.config().path.clone();
        let outcome = match Config::load(&path) {
            Ok(fresh) => self.exchange.reload(fresh).await,
            Err(e) => Err(crate::error::Error::invalid(e.to_string())),
        };
        match outcome {
            Ok(changes) => {
                if let Err(e) = self.peers.rebuild(&self.exchange.config()) {
                    tracing::error!(error = %e, "cannot reconnect to the reloaded peers");
                }
                Ok(changes)
            }
            Err(e) => {
                self.exchange.reload_failed(&e.to_string()).await?;
                Err(e)
            }
        }
    }

    /// Stops accepting calls, lets in-flight calls and deliveries finish,
    /// flushes the store and releases it.
    pub async fn shutdown(self) -> Result<(), StartError> {
        for health in &self.health {
            health
                .set_service_status("", tonic_health::ServingStatus::NotServing)
                .await;
        }
        self.exchange.close();
        let mut result = Ok(());
        for task in self.tasks {
            match task.await {
                Ok(Err(e)) => result = Err(StartError::Transport(e)),
                Err(e) => result = Err(StartError::Io(std::io::Error::other(e))),
                Ok(Ok(())) => {}
            }
        }
        for task in [self.outbox, self.transfers, self.witnessing] {
            if let Err(e) = task.await {
                result = Err(StartError::Io(std::io::Error::other(e)));
            }
        }
        if let Some(task) = self.console {
            match task.await {
                Ok(Err(e)) => result = Err(StartError::Io(e)),
                Err(e) => result = Err(StartError::Io(std::io::Error::other(e))),
                Ok(Ok(())) => {}
            }
        }
        if let Some(task) = self.metrics {
            match task.await {
                Ok(Err(e)) => result = Err(StartError::Io(e)),
                Err(e) => result = Err(StartError::Io(std::io::Error::other(e))),
                Ok(Ok(())) => {}
            }
        }
        // Anything applied and not yet durable is committed, sealed.
        if let Err(e) = self.exchange.durable().await {
            result = Err(e.into());
        }
        result
    }
}

/// Opens the node's store (recovering it after a crash) and starts serving
/// on `listeners`.
pub async fn start(config: Config, listeners: Listeners) -> Result<RunningNode, StartError> {
    let (store, opened) = store::DiskStore::open(&config.data_dir)?;
    if opened.recovered() {
        tracing::info!(
            journal_records_replayed = opened.replayed,
            audit_entries_restored = opened.audit_restored,
            journal_bytes_cut = opened.journal_bytes_cut,
            audit_entries_cut = opened.tlog.entries_cut,
            audit_bytes_cut = opened.tlog.bytes_cut,
            audit_entries_moved_from_sled = opened.migrated,
            "store recovered"
        );
    }
    start_with_store(config, Arc::new(store), listeners).await
}

/// Starts a node over the given store.
pub async fn start_with_store(
    config: Config,
    store: Arc<dyn Store>,
    listeners: Listeners,
) -> Result<RunningNode, StartError> {
    let config = Arc::new(config);
    // Before serving: the first phone number checked would wait for it.
    liaison_proto::identifiers::load_numbering_plans();
    let exchange = Exchange::open(config.clone(), store)?;
    let peers = PeerClients::new(&exchange)?;

    listeners.federation.set_nonblocking(true)?;
    listeners.local.set_nonblocking(true)?;
    let federation_listener = tokio::net::TcpListener::from_std(listeners.federation)?;
    let local_listener = tokio::net::TcpListener::from_std(listeners.local)?;
    let federation_addr = federation_listener.local_addr()?;
    let local_addr = local_listener.local_addr()?;

    crate::pki::tls::check_expiry(&config, exchange.metrics());
    let federation_api = Arc::new(Surface::new(Listener::Federation)?);
    let local_api = Arc::new(Surface::new(Listener::Local)?);
    // Health and reflection on both listeners, each telling only of what
    // that listener serves, so that grpcurl and any gRPC client can list
    // and probe the APIs.
    let (federation_health, federation_health_service) = health(Listener::Federation).await;
    let (local_health, local_health_service) = health(Listener::Local).await;
    let metrics_listener = listeners
        .metrics
        .map(|listener| {
            listener.set_nonblocking(true)?;
            tokio::net::TcpListener::from_std(listener)
        })
        .transpose()?;
    let metrics_addr = metrics_listener
        .as_ref()
        .map(tokio::net::TcpListener::local_addr)
        .transpose()?;
    let mut console_task = None;
    let metrics = metrics_listener.map(|listener| {
        tokio::spawn(crate::metrics::serve(
            listener,
            exchange.metrics().clone(),
            exchange.clone(),
            exchange.closing(),
        ))
    });

    let timer = |listener: Listener| {
        crate::metrics::CallTimer::new(exchange.metrics().clone(), listener.name())
    };
    // Every service on a listener reads request messages up to the same
    // limit, the one `BodyCheck` enforces first; tonic's own check stays
    // behind it.
    let limit = Listener::Federation.message_limit();
    let federation = Server::builder()
        .tls_config(crate::pki::tls::server_config(&config))?
        .layer(timer(Listener::Federation))
        .layer(BodyCheck::new(exchange.clone(), federation_api.clone()))
        .add_service(federation_health_service.max_decoding_message_size(limit))
        .add_service(federation_api.reflection_v1()?)
        .add_service(federation_api.reflection_v1alpha()?)
        .add_service(
            FederationServer::new(FederationService::new(exchange.clone()))
                .max_decoding_message_size(limit),
        );
    let limit = Listener::Local.message_limit();
    let local = Server::builder()
        .layer(timer(Listener::Local))
        .layer(BodyCheck::new(exchange.clone(), local_api.clone()))
        .add_service(local_health_service.max_decoding_message_size(limit))
        .add_service(local_api.reflection_v1()?)
        .add_service(local_api.reflection_v1alpha()?)
        .add_service(
            FocalPointServer::new(FocalPointService::new(exchange.clone()))
                .max_decoding_message_size(limit),
        )
        .add_service(
            AgencyServer::new(AgencyService::new(exchange.clone()))
                .max_decoding_message_size(limit),
        )
        .add_service(
            AdminServer::new(AdminService::new(exchange.clone(), peers.clone()))
                .max_decoding_message_size(limit),
        )
        .add_service(
            AuditServer::new(AuditService::new(exchange.clone())).max_decoding_message_size(limit),
        )
        .add_service(
            AccountServer::new(AccountService::new(exchange.clone()))
                .max_decoding_message_size(limit),
        )
        .add_service(
            UsersServer::new(UsersService::new(exchange.clone())).max_decoding_message_size(limit),
        )
        .add_service(
            EvidenceServer::new(EvidenceService::new(exchange.clone()))
                .max_decoding_message_size(limit),
        )
        .add_service(
            HitsServer::new(HitsService::new(exchange.clone(), peers.clone()))
                .max_decoding_message_size(limit),
        );

    let closed = |exchange: &Arc<Exchange>| {
        let mut closing = exchange.closing();
        async move {
            // An error means the exchange is gone: shut down as well.
            let _ = closing.wait_for(|closed| *closed).await;
        }
    };
    let tasks = vec![
        tokio::spawn(federation.serve_with_incoming_shutdown(
            TcpIncoming::from(federation_listener).with_nodelay(Some(true)),
            closed(&exchange),
        )),
        // TLS 1.3 when configured (always, off loopback).
        match &config.local_tls {
            Some(_) => {
                let current = exchange.clone();
                tokio::spawn(local.serve_with_incoming_shutdown(
                    crate::pki::local_tls::incoming(
                        local_listener,
                        move || {
                            current
                                .config()
                                .local_tls
                                .as_ref()
                                .map(|t| t.server.clone())
                        },
                        exchange.metrics().clone(),
                    ),
                    closed(&exchange),
                ))
            }
            None => tokio::spawn(local.serve_with_incoming_shutdown(
                TcpIncoming::from(local_listener).with_nodelay(Some(true)),
                closed(&exchange),
            )),
        },
    ];
    let console_addr = match (listeners.console, &config.console) {
        (Some(listener), Some(_)) => {
            listener.set_nonblocking(true)?;
            let listener = tokio::net::TcpListener::from_std(listener)?;
            let addr = listener.local_addr()?;
            let console = crate::api::console::Console::new(exchange.clone(), peers.clone())
                .map_err(|e| std::io::Error::other(format!("console languages: {e}")))?;
            console_task = Some(tokio::spawn(crate::api::console::serve(listener, console)));
            Some(addr)
        }
        _ => None,
    };
    let witnessing = tokio::spawn(witness::run(
        exchange.clone(),
        peers.clone(),
        config.witness_interval,
    ));
    let outbox = tokio::spawn(outbox::run(exchange.clone(), peers.clone()));
    let transfers = tokio::spawn(crate::exchange::transfer::run(
        exchange.clone(),
        peers.clone(),
    ));
    tracing::info!(country = %config.country, %federation_addr, %local_addr, metrics_addr = ?metrics_addr, console_addr = ?console_addr, "node started");
    Ok(RunningNode {
        country: config.country,
        federation_addr,
        local_addr,
        metrics_addr,
        exchange,
        peers: peers.clone(),
        tasks,
        outbox,
        transfers,
        witnessing,
        metrics,
        console_addr,
        console: console_task,
        health: vec![federation_health, local_health],
    })
}

/// A health service for `listener`: the node and each of the listener's
/// Liaison services `SERVING`; any other service is unknown there.
async fn health(
    listener: Listener,
) -> (
    tonic_health::server::HealthReporter,
    tonic_health::pb::health_server::HealthServer<impl tonic_health::pb::health_server::Health>,
) {
    let (reporter, service) = tonic_health::server::health_reporter();
    reporter
        .set_service_status("", tonic_health::ServingStatus::Serving)
        .await;
    for name in listener.services() {
        reporter
            .set_service_status(name, tonic_health::ServingStatus::Serving)
            .await;
    }
    (reporter, service)
}
