//! Prometheus metrics, served as text on the node's optional metrics
//! listener (`node.metrics_listen`, plain HTTP, `GET /metrics`).
//!
//! Most counters are fed by what the exchange already commits: every audit
//! event (so policy decisions, refusals and witness verdicts are counted
//! where they are recorded), and every change of a request record. Sizes
//! (audit log, outbox, flushes) are read from the store when scraped.
//! Labels carry countries, categories, events and statuses only: never
//! anything about a subject.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use liaison_proto::domain::{Category, CountryCode, RequestStatus};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;
use tonic::codegen::http;

use tokio::sync::watch;

/// A request record's change as the metrics count it: plain values, so that
/// metrics know nothing of the records that hold them.
#[derive(Debug, Clone)]
pub struct RequestChange {
    /// Sent by this node (`true`) or received from the peer.
    pub outgoing: bool,
    pub peer: CountryCode,
    pub category: Category,
    pub status: RequestStatus,
    /// When the request was created, for the time an answer took.
    pub created_unix_ms: i64,
}

/// The sizes read when the metrics are scraped; `None` when the store could
/// not tell.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sizes {
    pub audit_entries: Option<u64>,
    pub outbox_depth: Option<usize>,
    pub flushes: u64,
    /// Tree heads this node signed (one per group commit with new entries).
    pub tree_heads_signed: u64,
    /// Peers' tree heads in receipts: signatures verified, and heads found
    /// verified already.
    pub receipt_heads_verified: u64,
    pub receipt_heads_cached: u64,
}

/// What the metrics listener reads sizes from when scraped (the exchange,
/// over its store). A trait so that the imports run one way: the exchange
/// knows the metrics, the metrics do not know the exchange.
pub trait SizeSource: Send + Sync + 'static {
    fn sizes(&self) -> Sizes;
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct EventLabels {
    event: String,
    peer: String,
    category: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PolicyLabels {
    /// `outgoing` (checked by the sender) or `incoming` (by the receiver).
    direction: String,
    peer: String,
    category: String,
    decision: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    direction: String,
    peer: String,
    category: String,
    status: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PeerLabels {
    peer: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HitLabels {
    /// `holder` (evaluated for the peer) or `asker` (checked at the peer).
    side: String,
    peer: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OutcomeLabels {
    peer: String,
    outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HeadLabels {
    outcome: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ReloadLabels {
    /// `applied`, `unchanged` or `refused`.
    outcome: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct AnswerLabels {
    peer: String,
    category: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CallLabels {
    /// `federation` or `local`.
    listener: String,
    /// e.g. `liaison.v1.FocalPoint`; `unknown` for a path no service has.
    service: String,
    method: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CertificateLabels {
    certificate: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct InfoLabels {
    country: String,
    version: String,
}

type HistogramFamily<L> = Family<L, Histogram, fn() -> Histogram>;

fn call_buckets() -> Histogram {
    // 0.1 ms to about 3 s.
    Histogram::new(exponential_buckets(0.0001, 2.0, 16))
}

fn latency_buckets() -> Histogram {
    // 1 ms to about 65 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 17))
}

/// How one delivery attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryOutcome {
    /// The peer's receipt was verified.
    Delivered,
    /// A transient failure: the envelope stays queued for a later attempt.
    Retried,
    /// The peer refused it for good: the delivery ended.
    Failed,
}

/// The node's metrics. Cheap to update from any task.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    events: Family<EventLabels, Counter>,
    policy: Family<PolicyLabels, Counter>,
    requests: Family<RequestLabels, Counter>,
    deliveries: Family<OutcomeLabels, Counter>,
    answers_rejected: Family<PeerLabels, Counter>,
    config_reloads: Family<ReloadLabels, Counter>,
    config_reload_failed: Gauge,
    delivery_seconds: HistogramFamily<PeerLabels>,
    answer_seconds: HistogramFamily<AnswerLabels>,
    commit_seconds: Histogram,
    call_seconds: HistogramFamily<CallLabels>,
    witness_checks: Family<OutcomeLabels, Counter>,
    witness_alarm: Family<PeerLabels, Gauge>,
    witness_last_check: Family<PeerLabels, Gauge>,
    certificate_expiry: Family<CertificateLabels, Gauge>,
    audit_entries: Gauge,
    outbox_depth: Gauge,
    flushes: Counter,
    tree_heads_signed: Counter,
    receipt_heads: Family<HeadLabels, Counter>,
    local_lockouts: Counter,
    local_handshakes_refused: Counter,
    hit_evaluations: Family<HitLabels, Counter>,
    hits: Family<PeerLabels, Counter>,
    storage_available: Gauge,
    storage_exhausted: Gauge,
    storage_refusals: Counter,
    outbox_full: Family<PeerLabels, Counter>,
    clock_skew_refused: Family<PeerLabels, Counter>,
    delivery_clock_skew: Family<PeerLabels, Counter>,
    clock_behind: Gauge<f64, std::sync::atomic::AtomicU64>,
    maintenance_passes: Counter,
    outbox_held_bytes: Gauge,
}

impl Metrics {
    pub fn new(country: CountryCode) -> Arc<Metrics> {
        let mut registry = Registry::with_prefix("liaison");
        let info = Family::<InfoLabels, Gauge>::default();
        info.get_or_create(&InfoLabels {
            country: country.to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        })
        .set(1);
        registry.register("node_info", "This node's country and version", info);
        let mut metrics = Metrics {
            registry,
            events: Family::default(),
            policy: Family::default(),
            requests: Family::default(),
            deliveries: Family::default(),
            answers_rejected: Family::default(),
            config_reloads: Family::default(),
            config_reload_failed: Gauge::default(),
            delivery_seconds: Family::new_with_constructor(latency_buckets),
            answer_seconds: Family::new_with_constructor(latency_buckets),
            commit_seconds: Histogram::new(exponential_buckets(0.0001, 2.0, 16)),
            call_seconds: Family::new_with_constructor(call_buckets),
            witness_checks: Family::default(),
            witness_alarm: Family::default(),
            witness_last_check: Family::default(),
            certificate_expiry: Family::default(),
            audit_entries: Gauge::default(),
            outbox_depth: Gauge::default(),
            flushes: Counter::default(),
            tree_heads_signed: Counter::default(),
            receipt_heads: Family::default(),
            local_lockouts: Counter::default(),
            local_handshakes_refused: Counter::default(),
            hit_evaluations: Family::default(),
            hits: Family::default(),
            storage_available: Gauge::default(),
            storage_exhausted: Gauge::default(),
            storage_refusals: Counter::default(),
            outbox_full: Family::default(),
            clock_skew_refused: Family::default(),
            delivery_clock_skew: Family::default(),
            clock_behind: Gauge::default(),
            maintenance_passes: Counter::default(),
            outbox_held_bytes: Gauge::default(),
        };
        metrics.registry.register(
            "audit_events",
            "Audit log entries written, by event, peer and category",
            metrics.events.clone(),
        );
        metrics.registry.register(
            "policy_decisions",
            "Sharing-agreement decisions, by direction, peer, category and decision",
            metrics.policy.clone(),
        );
        metrics.registry.register(
            "requests",
            "Request status changes, by direction, peer, category and new status",
            metrics.requests.clone(),
        );
        metrics.registry.register(
            "deliveries",
            "Envelope delivery attempts to peers, by outcome (delivered; retried after a transient error; failed for good on a permanent refusal)",
            metrics.deliveries.clone(),
        );
        metrics.registry.register(
            "config_reloads",
            "Configuration reloads (SIGHUP), by outcome: applied, unchanged, refused",
            metrics.config_reloads.clone(),
        );
        metrics.registry.register(
            "config_reload_failed",
            "1 when the last configuration reload was refused (the node runs on its earlier configuration; the audit log and the node's log say why), 0 otherwise",
            metrics.config_reload_failed.clone(),
        );
        metrics.registry.register(
            "answers_rejected",
            "Answers from a peer that this node refused (releasing more than was asked or agreed, looser handling, longer retention, late, or about a request not open with that peer)",
            metrics.answers_rejected.clone(),
        );
        metrics.registry.register(
            "delivery_seconds",
            "Time from sending an envelope to accepting the peer's receipt",
            metrics.delivery_seconds.clone(),
        );
        metrics.registry.register(
            "answer_seconds",
            "Time from submitting a request to receiving the peer's signed answer",
            metrics.answer_seconds.clone(),
        );
        metrics.registry.register(
            "commit_seconds",
            "Time for a change to become durable (group commit)",
            metrics.commit_seconds.clone(),
        );
        metrics.registry.register(
            "grpc_server_handling_seconds",
            "Time to answer a gRPC call (to the response headers; for streams, to their start), by listener, service and method",
            metrics.call_seconds.clone(),
        );
        metrics.registry.register(
            "witness_checks",
            "Witnessing of peers' audit logs, by verdict",
            metrics.witness_checks.clone(),
        );
        metrics.registry.register(
            "witness_alarm",
            "1 once a peer's audit log was seen rolled back, forked or badly signed (evidence kept)",
            metrics.witness_alarm.clone(),
        );
        metrics.registry.register(
            "witness_last_check_timestamp_seconds",
            "When a peer's audit log was last witnessed (Unix seconds)",
            metrics.witness_last_check.clone(),
        );
        metrics.registry.register(
            "certificate_expiry_timestamp_seconds",
            "When the node's TLS certificate and the federation CA expire (Unix seconds)",
            metrics.certificate_expiry.clone(),
        );
        metrics.registry.register(
            "audit_log_entries",
            "Entries in this node's audit log",
            metrics.audit_entries.clone(),
        );
        metrics.registry.register(
            "outbox_depth",
            "Envelopes waiting for delivery or retry",
            metrics.outbox_depth.clone(),
        );
        metrics.registry.register(
            "store_flushes",
            "Store flushes (each makes a group of commits durable)",
            metrics.flushes.clone(),
        );
        metrics.registry.register(
            "tree_heads_signed",
            "Signed tree heads of this node's audit log (one per group commit that added entries)",
            metrics.tree_heads_signed.clone(),
        );
        metrics.registry.register(
            "receipt_tree_heads",
            "Peers' tree heads in receipts, by outcome: verified (signature checked) or cached (verified before)",
            metrics.receipt_heads.clone(),
        );
        metrics.registry.register(
            "local_lockouts",
            "Source addresses and users locked out of the local API after repeated failed authentications",
            metrics.local_lockouts.clone(),
        );
        metrics.registry.register(
            "local_tls_handshakes_refused",
            "TLS handshakes the local API refused or that timed out (plain text, old TLS, a client certificate that does not verify)",
            metrics.local_handshakes_refused.clone(),
        );
        metrics.registry.register(
            "hit_evaluations",
            "Values evaluated in private hit/no-hit checks, by side (holder: evaluated for the peer; asker: checked at the peer) and peer",
            metrics.hit_evaluations.clone(),
        );
        metrics.registry.register(
            "hits",
            "Hits found by this node's checks against a peer's lists, by peer",
            metrics.hits.clone(),
        );
        metrics.registry.register(
            "storage_available_bytes",
            "Free space on the data directory's disk at the last write, in bytes",
            metrics.storage_available.clone(),
        );
        metrics.registry.register(
            "storage_exhausted",
            "1 while new work is refused because the data directory's disk is full, under its reserve or read-only (alert on it)",
            metrics.storage_exhausted.clone(),
        );
        metrics.registry.register(
            "storage_refusals",
            "Changes refused because the data directory's disk was full, under its reserve or read-only",
            metrics.storage_refusals.clone(),
        );
        metrics.registry.register(
            "outbox_full_refusals",
            "Requests refused because the envelopes queued for their peer reached node.outbox_per_peer, by peer",
            metrics.outbox_full.clone(),
        );
        metrics.registry.register(
            "clock_skew_refusals",
            "Envelopes from a peer refused because their timestamp was ahead of this node's clock by more than node.max_clock_skew_secs, by peer",
            metrics.clock_skew_refused.clone(),
        );
        metrics.registry.register(
            "delivery_clock_skew",
            "Deliveries a peer refused because this node's clock is ahead of the peer's by more than the peer tolerates (retried), by peer",
            metrics.delivery_clock_skew.clone(),
        );
        metrics.registry.register(
            "clock_behind_seconds",
            "How far the system clock is behind the node's last signed tree head, in seconds; above node.max_clock_skew_secs new work is refused (alert on it)",
            metrics.clock_behind.clone(),
        );
        metrics.registry.register(
            "maintenance_passes",
            "Passes of the delivery worker's housekeeping: expiring overdue requests, purging personal data whose retention ended, erasing expired hits (at least one every 2 s)",
            metrics.maintenance_passes.clone(),
        );
        metrics.registry.register(
            "outbox_held_bytes",
            "Bytes of queued envelopes the delivery worker holds in memory: those of at most the first 128 envelopes per peer, the others being read from the store in their turn",
            metrics.outbox_held_bytes.clone(),
        );
        Arc::new(metrics)
    }

    /// The data directory's free space, as last measured.
    pub fn storage_available(&self, bytes: u64) {
        self.storage_available
            .set(i64::try_from(bytes).unwrap_or(i64::MAX));
    }

    /// Whether new work is refused for lack of storage now; `refused`: a
    /// change was refused for it.
    pub fn storage(&self, exhausted: bool, refused: bool) {
        self.storage_exhausted.set(i64::from(exhausted));
        if refused {
            self.storage_refusals.inc();
        }
    }

    /// A request to `peer` was refused: its queue was full.
    pub fn outbox_full(&self, peer: CountryCode) {
        self.outbox_full
            .get_or_create(&PeerLabels {
                peer: peer.to_string(),
            })
            .inc();
    }

    /// An envelope from `peer` was refused: its timestamp was too far
    /// ahead of this node's clock.
    pub fn clock_skew_refused(&self, peer: CountryCode) {
        self.clock_skew_refused
            .get_or_create(&PeerLabels {
                peer: peer.to_string(),
            })
            .inc();
    }

    /// `peer` refused a delivery: this node's clock is too far ahead of
    /// its own.
    pub fn delivery_clock_skew(&self, peer: CountryCode) {
        self.delivery_clock_skew
            .get_or_create(&PeerLabels {
                peer: peer.to_string(),
            })
            .inc();
    }

    /// How far the system clock is behind the last signed tree head, in
    /// milliseconds (0 when it is not).
    pub fn clock_behind(&self, ms: i64) {
        self.clock_behind.set(ms.max(0) as f64 / 1000.0);
    }

    /// The bytes of queued envelopes the delivery worker holds.
    pub fn outbox_held(&self, bytes: usize) {
        self.outbox_held_bytes
            .set(i64::try_from(bytes).unwrap_or(i64::MAX));
    }

    /// A housekeeping pass (expiry, purges, expired hits) ended.
    pub fn maintenance_pass(&self) {
        self.maintenance_passes.inc();
    }

    /// `count` values evaluated in hit/no-hit checks with `peer`, as
    /// `holder` or as asker.
    pub fn hit_evaluations(&self, holder: bool, peer: CountryCode, count: u64) {
        self.hit_evaluations
            .get_or_create(&HitLabels {
                side: if holder { "holder" } else { "asker" }.into(),
                peer: peer.to_string(),
            })
            .inc_by(count);
    }

    /// `count` hits found at `peer`.
    pub fn hits_found(&self, peer: CountryCode, count: u64) {
        self.hits
            .get_or_create(&PeerLabels {
                peer: peer.to_string(),
            })
            .inc_by(count);
    }

    /// A source address or a user was locked out of the local API.
    pub fn local_lockout(&self) {
        self.local_lockouts.inc();
    }

    /// A TLS handshake on the local API failed.
    pub fn local_handshake_refused(&self) {
        self.local_handshakes_refused.inc();
    }

    /// An audit event was committed.
    pub(crate) fn event(
        &self,
        event: &str,
        actor: &str,
        peer: Option<CountryCode>,
        category: Option<Category>,
    ) {
        let peer = peer.map(|p| p.to_string()).unwrap_or_default();
        let category = category.map(|c| c.to_string()).unwrap_or_default();
        // The receiving node records both decisions as `policy.*` events
        // by `node`; the sender records a denial as `policy.denied` by the
        // focal point who asked, and an allowed request as its submission.
        let decision = match event {
            "request.submitted" => Some("allowed"),
            "policy.checked" => None,
            other => other.strip_prefix("policy."),
        };
        if let Some(decision) = decision {
            self.policy
                .get_or_create(&PolicyLabels {
                    direction: if actor == "node" {
                        "incoming"
                    } else {
                        "outgoing"
                    }
                    .into(),
                    peer: peer.clone(),
                    category: category.clone(),
                    decision: decision.to_string(),
                })
                .inc();
        }
        if event == "answer.rejected" {
            self.answers_rejected
                .get_or_create(&PeerLabels { peer: peer.clone() })
                .inc();
        }
        self.events
            .get_or_create(&EventLabels {
                event: event.to_string(),
                peer,
                category,
            })
            .inc();
    }

    /// A request record changed.
    pub(crate) fn request(&self, change: &RequestChange, now_unix_ms: i64) {
        let peer = change.peer.to_string();
        let category = change.category.to_string();
        self.requests
            .get_or_create(&RequestLabels {
                direction: if change.outgoing {
                    "outgoing"
                } else {
                    "incoming"
                }
                .into(),
                peer: peer.clone(),
                category: category.clone(),
                status: change.status.to_string(),
            })
            .inc();
        if change.outgoing && change.status == RequestStatus::Answered {
            let waited = (now_unix_ms - change.created_unix_ms).max(0) as f64 / 1e3;
            self.answer_seconds
                .get_or_create(&AnswerLabels { peer, category })
                .observe(waited);
        }
    }

    /// A configuration reload ended with `outcome`.
    pub(crate) fn reload(&self, outcome: &str) {
        self.config_reloads
            .get_or_create(&ReloadLabels {
                outcome: outcome.to_string(),
            })
            .inc();
        self.config_reload_failed
            .set(i64::from(outcome == "refused"));
    }

    pub(crate) fn commit(&self, took: Duration) {
        self.commit_seconds.observe(took.as_secs_f64());
    }

    pub(crate) fn delivery(&self, peer: CountryCode, outcome: DeliveryOutcome, took: Duration) {
        let peer = peer.to_string();
        self.deliveries
            .get_or_create(&OutcomeLabels {
                peer: peer.clone(),
                outcome: match outcome {
                    DeliveryOutcome::Delivered => "delivered",
                    DeliveryOutcome::Retried => "retried",
                    DeliveryOutcome::Failed => "failed",
                }
                .into(),
            })
            .inc();
        if outcome == DeliveryOutcome::Delivered {
            self.delivery_seconds
                .get_or_create(&PeerLabels { peer })
                .observe(took.as_secs_f64());
        }
    }

    /// A peer's audit log was witnessed with `verdict`.
    pub(crate) fn witnessed(
        &self,
        peer: CountryCode,
        verdict: &str,
        alarm: bool,
        now_unix_ms: i64,
    ) {
        let labels = PeerLabels {
            peer: peer.to_string(),
        };
        self.witness_checks
            .get_or_create(&OutcomeLabels {
                peer: labels.peer.clone(),
                outcome: verdict.to_string(),
            })
            .inc();
        self.witness_last_check
            .get_or_create(&labels)
            .set(now_unix_ms / 1000);
        let alarm_gauge = self.witness_alarm.get_or_create(&labels);
        if alarm {
            alarm_gauge.set(1);
        }
    }

    /// A peer whose log has raised an alarm before (evidence is stored).
    pub(crate) fn alarm_on_record(&self, peer: &str) {
        self.witness_alarm
            .get_or_create(&PeerLabels {
                peer: peer.to_string(),
            })
            .set(1);
    }

    pub(crate) fn certificate_expires(&self, certificate: &str, not_after_unix: i64) {
        self.certificate_expiry
            .get_or_create(&CertificateLabels {
                certificate: certificate.to_string(),
            })
            .set(not_after_unix);
    }

    /// The text exposition, with `sizes` just read from the store.
    pub fn render(&self, sizes: Sizes) -> String {
        if let Some(size) = sizes.audit_entries {
            self.audit_entries
                .set(i64::try_from(size).unwrap_or(i64::MAX));
        }
        if let Some(depth) = sizes.outbox_depth {
            self.outbox_depth
                .set(i64::try_from(depth).unwrap_or(i64::MAX));
        }
        self.flushes.inner().store(sizes.flushes, Ordering::Relaxed);
        self.tree_heads_signed
            .inner()
            .store(sizes.tree_heads_signed, Ordering::Relaxed);
        for (outcome, count) in [
            ("verified", sizes.receipt_heads_verified),
            ("cached", sizes.receipt_heads_cached),
        ] {
            self.receipt_heads
                .get_or_create(&HeadLabels {
                    outcome: outcome.into(),
                })
                .inner()
                .store(count, Ordering::Relaxed);
        }
        let mut text = String::new();
        if let Err(e) = prometheus_client::encoding::text::encode(&mut text, &self.registry) {
            tracing::error!(error = %e, "cannot encode the metrics");
        }
        text
    }
}

/// Times every gRPC call a server answers (a tower layer for tonic's
/// `Server::layer`). Paths no service knows, which the router answers
/// with `UNIMPLEMENTED`, are counted as `unknown`, so that callers cannot
/// create label values at will.
#[derive(Debug, Clone)]
pub struct CallTimer {
    metrics: Arc<Metrics>,
    listener: &'static str,
}

impl CallTimer {
    pub fn new(metrics: Arc<Metrics>, listener: &'static str) -> Self {
        CallTimer { metrics, listener }
    }
}

impl<S> tower_layer::Layer<S> for CallTimer {
    type Service = TimedService<S>;

    fn layer(&self, inner: S) -> TimedService<S> {
        TimedService {
            inner,
            timer: self.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct TimedService<S> {
    inner: S,
    timer: CallTimer,
}

impl<S, B, R> tower_service::Service<http::Request<B>> for TimedService<S>
where
    S: tower_service::Service<http::Request<B>, Response = http::Response<R>>,
    S::Future: Send + 'static,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<S::Response, S::Error>> + Send>>;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let path = request.uri().path().to_string();
        let began = std::time::Instant::now();
        let answer = self.inner.call(request);
        let timer = self.timer.clone();
        Box::pin(async move {
            let response = answer.await;
            let unknown = response.as_ref().is_ok_and(|r| {
                r.headers()
                    .get("grpc-status")
                    .is_some_and(|code| code == "12")
            });
            let (service, method) = match path.trim_start_matches('/').split_once('/') {
                Some((service, method)) if !unknown => (service.to_string(), method.to_string()),
                _ => ("unknown".to_string(), "unknown".to_string()),
            };
            timer
                .metrics
                .call_seconds
                .get_or_create(&CallLabels {
                    listener: timer.listener.to_string(),
                    service,
                    method,
                })
                .observe(began.elapsed().as_secs_f64());
            response
        })
    }
}

/// Serves `GET /metrics` on `listener` until `closing` turns true, reading
/// sizes from `source` at each scrape.
pub async fn serve(
    listener: tokio::net::TcpListener,
    metrics: Arc<Metrics>,
    source: Arc<dyn SizeSource>,
    mut closing: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let app = axum::Router::new().route(
        "/metrics",
        axum::routing::get(move || {
            let metrics = metrics.clone();
            let source = source.clone();
            async move {
                (
                    [(
                        axum::http::header::CONTENT_TYPE,
                        "application/openmetrics-text; version=1.0.0; charset=utf-8",
                    )],
                    metrics.render(source.sizes()),
                )
            }
        }),
    );
    axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            let _ = closing.wait_for(|closed| *closed).await;
        })
        .await
}
