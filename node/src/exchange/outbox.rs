//! The delivery worker: sends every queued envelope to its peer until a
//! valid receipt comes back, retrying with backoff, and expires requests
//! whose deadline passes. A peer's permanent refusal (see
//! [`DeliveryFailure::from_status`]) ends a delivery at once; only transient
//! failures are retried.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::federation_client::FederationClient;
use prost::Message as _;
use tokio::task::JoinSet;
use tonic::transport::Channel;

use crate::config::Config;
use crate::exchange::{DeliveryFailure, Exchange, now_ms};
use crate::metrics::DeliveryOutcome;
use crate::records::OutboxItem;

/// gRPC metadata carrying the request id a delivery concerns, so that the
/// receiving node's logs can be matched with the sender's.
pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The longest the worker sleeps between looks at the outbox and deadlines.
const MAX_IDLE: Duration = Duration::from_secs(2);

/// One gRPC client per configured peer. Clones share the same set, which a
/// configuration reload replaces ([`PeerClients::rebuild`]).
#[derive(Debug, Clone)]
pub struct PeerClients {
    clients: Arc<std::sync::RwLock<BTreeMap<CountryCode, FederationClient<Channel>>>>,
}

impl PeerClients {
    pub fn new(exchange: &Exchange) -> Result<Self, tonic::transport::Error> {
        Ok(PeerClients {
            clients: Arc::new(std::sync::RwLock::new(Self::build(&exchange.config())?)),
        })
    }

    fn build(
        config: &Config,
    ) -> Result<BTreeMap<CountryCode, FederationClient<Channel>>, tonic::transport::Error> {
        let mut clients = BTreeMap::new();
        for peer in config.peers.values() {
            let channel = crate::pki::tls::peer_channel(config, peer)?;
            clients.insert(
                peer.country,
                FederationClient::new(channel).max_decoding_message_size(1024 * 1024),
            );
        }
        Ok(clients)
    }

    /// Replaces every client by one for the peers `config` names, at their
    /// endpoints now; calls in flight finish on their old channels.
    pub fn rebuild(&self, config: &Config) -> Result<(), tonic::transport::Error> {
        let fresh = Self::build(config)?;
        *self.clients.write().unwrap_or_else(|p| p.into_inner()) = fresh;
        Ok(())
    }

    /// A client for `peer`, if it is configured.
    pub fn get(&self, peer: CountryCode) -> Option<FederationClient<Channel>> {
        self.clients
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(&peer)
            .cloned()
    }
}

/// Runs until the exchange closes; in-flight deliveries are awaited.
///
/// Newly queued envelopes are handed over by the exchange as they become
/// durable and are sent at once. The stored outbox is read in full only at
/// start, after a failed delivery, and when a retry or a deadline comes due
/// (at least every [`MAX_IDLE`]), so the cost of a delivery does not grow
/// with the number of envelopes waiting.
pub async fn run(exchange: Arc<Exchange>, peers: PeerClients) {
    let mut shutdown = exchange.closing();
    let in_flight: Arc<Mutex<HashSet<String>>> = Arc::default();
    let rescan = Arc::new(AtomicBool::new(true));
    let mut scan_at = now_ms();
    let mut tasks = JoinSet::new();
    loop {
        if *shutdown.borrow() {
            break;
        }
        let mut due = exchange.take_ready();
        let now = now_ms();
        if now >= scan_at || rescan.swap(false, Ordering::SeqCst) {
            if let Err(e) = exchange.expire_overdue(now).await {
                tracing::error!(error = %e, "cannot expire overdue requests");
            }
            if let Err(e) = exchange.purge_expired(now).await {
                tracing::error!(error = %e, "cannot purge expired personal data");
            }
            scan_at = now + MAX_IDLE.as_millis() as i64;
            match exchange.records().outbox() {
                Err(e) => tracing::error!(error = %e, "cannot read the outbox"),
                Ok(items) => {
                    for item in items {
                        if item.next_attempt_unix_ms > now {
                            scan_at = scan_at.min(item.next_attempt_unix_ms);
                        } else {
                            due.push(item);
                        }
                    }
                }
            }
        }
        for item in due {
            let Ok(mut busy) = in_flight.lock() else {
                continue;
            };
            if !busy.insert(item.message_id.clone()) {
                continue;
            }
            drop(busy);
            let exchange = exchange.clone();
            let client = peers.get(item.to);
            let in_flight = in_flight.clone();
            let rescan = rescan.clone();
            tasks.spawn(async move {
                let began = std::time::Instant::now();
                let outcome = deliver(&exchange, client, &item, began).await;
                if let Ok(mut busy) = in_flight.lock() {
                    busy.remove(&item.message_id);
                }
                if outcome == DeliveryOutcome::Retried {
                    // Its next attempt is stored: look again.
                    rescan.store(true, Ordering::SeqCst);
                    exchange.wake_outbox();
                }
            });
        }
        while tasks.try_join_next().is_some() {}
        let sleep = Duration::from_millis(
            (scan_at - now_ms()).clamp(1, MAX_IDLE.as_millis() as i64) as u64,
        );
        tokio::select! {
            _ = exchange.outbox_notified() => {}
            _ = tokio::time::sleep(sleep) => {}
            _ = shutdown.changed() => {}
        }
    }
    while tasks.join_next().await.is_some() {}
}

/// Sends one envelope and records how it went, counting the attempt in the
/// metrics before a failure is committed (so that whoever sees the failure
/// also sees it counted).
async fn deliver(
    exchange: &Exchange,
    client: Option<FederationClient<Channel>>,
    item: &OutboxItem,
    began: std::time::Instant,
) -> DeliveryOutcome {
    let outcome = match (client, pb::Envelope::decode(item.envelope.as_slice())) {
        (None, _) => Err(DeliveryFailure::Transient(format!(
            "{} is not a configured peer",
            item.to
        ))),
        (_, Err(e)) => Err(DeliveryFailure::Transient(format!(
            "stored envelope is corrupt: {e}"
        ))),
        (Some(mut client), Ok(envelope)) => match client
            .deliver(with_request_id(envelope, &item.request_id))
            .await
        {
            // A receipt that does not check out is not the peer refusing
            // the envelope: delivering again is safe and may succeed.
            Ok(response) => exchange
                .delivered(item, response.get_ref())
                .await
                .map_err(|e| DeliveryFailure::Transient(format!("receipt refused: {e}"))),
            Err(status) => Err(DeliveryFailure::from_status(&status)),
        },
    };
    let Err(failure) = outcome else {
        exchange
            .metrics()
            .delivery(item.to, DeliveryOutcome::Delivered, began.elapsed());
        return DeliveryOutcome::Delivered;
    };
    let counted = match failure {
        DeliveryFailure::Transient(_) => DeliveryOutcome::Retried,
        DeliveryFailure::Permanent { .. } => DeliveryOutcome::Failed,
    };
    exchange
        .metrics()
        .delivery(item.to, counted, began.elapsed());
    if let DeliveryFailure::Transient(error) = &failure {
        tracing::warn!(
            country = %exchange.country(),
            to = %item.to,
            request_id = %item.request_id,
            attempts = item.attempts + 1,
            %error,
            "delivery failed"
        );
    }
    if let Err(e) = exchange.delivery_failed(item, &failure).await {
        tracing::error!(error = %e, "cannot record a failed delivery");
    }
    counted
}

/// The envelope as a call, naming the request it concerns in the metadata.
fn with_request_id(envelope: pb::Envelope, request_id: &str) -> tonic::Request<pb::Envelope> {
    let mut request = tonic::Request::new(envelope);
    if let Ok(value) = request_id.parse() {
        request.metadata_mut().insert(REQUEST_ID_HEADER, value);
    }
    request
}
