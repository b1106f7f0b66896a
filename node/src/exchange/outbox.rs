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
use liaison_proto::receipt::{MAX_BATCH_BYTES, MAX_BATCH_ENVELOPES};
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
            if let Err(e) = exchange.forget_expired_hits(now).await {
                tracing::error!(error = %e, "cannot erase expired hits");
            }
            exchange.metrics().maintenance_pass();
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
        let mut by_peer: BTreeMap<CountryCode, Vec<OutboxItem>> = BTreeMap::new();
        if let Ok(mut busy) = in_flight.lock() {
            for item in due {
                if busy.insert(item.message_id.clone()) {
                    by_peer.entry(item.to).or_default().push(item);
                }
            }
        }
        for (peer, items) in by_peer {
            for batch in batches(items) {
                let exchange = exchange.clone();
                let client = peers.get(peer);
                let in_flight = in_flight.clone();
                let rescan = rescan.clone();
                tasks.spawn(async move {
                    let outcomes = deliver(&exchange, client, &batch).await;
                    if let Ok(mut busy) = in_flight.lock() {
                        for item in &batch {
                            busy.remove(&item.message_id);
                        }
                    }
                    // Their next attempts are stored: look again; unless
                    // the disk refuses writes, when nothing could be stored
                    // and the next regular look (within MAX_IDLE) will do.
                    if outcomes.contains(&DeliveryOutcome::Retried) && !exchange.storage_exhausted()
                    {
                        rescan.store(true, Ordering::SeqCst);
                        exchange.wake_outbox();
                    }
                });
            }
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

/// Splits one peer's due items into batches of at most
/// [`MAX_BATCH_ENVELOPES`] envelopes and [`MAX_BATCH_BYTES`] bytes.
fn batches(items: Vec<OutboxItem>) -> Vec<Vec<OutboxItem>> {
    let mut batches: Vec<Vec<OutboxItem>> = Vec::new();
    let mut bytes = 0;
    for item in items {
        let full = batches.last().is_none_or(|batch| {
            batch.len() == MAX_BATCH_ENVELOPES || bytes + item.envelope.len() > MAX_BATCH_BYTES
        });
        if full {
            batches.push(Vec::new());
            bytes = 0;
        }
        bytes += item.envelope.len();
        if let Some(batch) = batches.last_mut() {
            batch.push(item);
        }
    }
    batches
}

/// Sends a batch of envelopes to one peer (a single one with `Deliver`,
/// several with `DeliverBatch`) and records how each went.
async fn deliver(
    exchange: &Exchange,
    client: Option<FederationClient<Channel>>,
    items: &[OutboxItem],
) -> Vec<DeliveryOutcome> {
    let began = std::time::Instant::now();
    let attempts = attempt(exchange, client, items).await;
    let settled = items
        .iter()
        .zip(attempts)
        .map(|(item, attempt)| settle(exchange, item, attempt, began));
    futures::future::join_all(settled).await
}

/// What became of each item's delivery, in order.
async fn attempt(
    exchange: &Exchange,
    client: Option<FederationClient<Channel>>,
    items: &[OutboxItem],
) -> Vec<Result<(), DeliveryFailure>> {
    let Some(mut client) = client else {
        let to = items
            .first()
            .map(|item| item.to.to_string())
            .unwrap_or_default();
        return items
            .iter()
            .map(|_| {
                Err(DeliveryFailure::Transient(format!(
                    "{to} is not a configured peer"
                )))
            })
            .collect();
    };
    let envelopes: Vec<Result<pb::Envelope, DeliveryFailure>> = items
        .iter()
        .map(|item| {
            pb::Envelope::decode(item.envelope.as_slice())
                .map_err(|e| DeliveryFailure::Transient(format!("stored envelope is corrupt: {e}")))
        })
        .collect();
    let sendable: Vec<pb::Envelope> = envelopes.iter().flatten().cloned().collect();
    let answers: Vec<Result<pb::Receipt, DeliveryFailure>> = match sendable.len() {
        0 => Vec::new(),
        1 => {
            let request_id = items
                .iter()
                .zip(&envelopes)
                .find(|(_, e)| e.is_ok())
                .map(|(item, _)| item.request_id.as_str())
                .unwrap_or_default();
            let call = with_request_id(sendable[0].clone(), request_id);
            vec![
                client
                    .deliver(call)
                    .await
                    .map(tonic::Response::into_inner)
                    .map_err(|status| DeliveryFailure::from_status(&status)),
            ]
        }
        n => match client
            .deliver_batch(pb::EnvelopeBatch {
                envelopes: sendable,
            })
            .await
        {
            Ok(response) if response.get_ref().results.len() == n => response
                .into_inner()
                .results
                .into_iter()
                .map(batch_result)
                .collect(),
            Ok(response) => {
                let got = response.get_ref().results.len();
                (0..n)
                    .map(|_| {
                        Err(DeliveryFailure::Transient(format!(
                            "the peer answered {got} results for {n} envelopes"
                        )))
                    })
                    .collect()
            }
            Err(status) => (0..n)
                .map(|_| Err(DeliveryFailure::from_status(&status)))
                .collect(),
        },
    };
    let mut answers = answers.into_iter();
    let checked = items.iter().zip(envelopes).map(|(item, envelope)| {
        let answer = envelope.and_then(|_| {
            answers.next().unwrap_or_else(|| {
                Err(DeliveryFailure::Transient(
                    "no result for the envelope".into(),
                ))
            })
        });
        async move {
            // A receipt that does not check out is not the peer refusing
            // the envelope: delivering again is safe and may succeed.
            match answer {
                Ok(receipt) => exchange
                    .delivered(item, &receipt)
                    .await
                    .map_err(|e| DeliveryFailure::Transient(format!("receipt refused: {e}"))),
                Err(failure) => Err(failure),
            }
        }
    });
    futures::future::join_all(checked).await
}

/// One envelope's result in a `DeliverBatch` answer.
fn batch_result(result: pb::DeliveryResult) -> Result<pb::Receipt, DeliveryFailure> {
    match result.result {
        Some(pb::delivery_result::Result::Receipt(receipt)) => Ok(receipt),
        Some(pb::delivery_result::Result::Refusal(refusal)) => Err(DeliveryFailure::from_refusal(
            tonic::Code::from(refusal.code),
            &refusal.message,
            &refusal.reason,
        )),
        None => Err(DeliveryFailure::Transient(
            "`result` is missing from the peer's answer".into(),
        )),
    }
}

/// Records how one delivery went, counting the attempt in the metrics
/// before a failure is committed (so that whoever sees the failure also sees
/// it counted).
async fn settle(
    exchange: &Exchange,
    item: &OutboxItem,
    attempt: Result<(), DeliveryFailure>,
    began: std::time::Instant,
) -> DeliveryOutcome {
    let Err(failure) = attempt else {
        exchange
            .metrics()
            .delivery(item.to, DeliveryOutcome::Delivered, began.elapsed());
        return DeliveryOutcome::Delivered;
    };
    let counted = match failure {
        DeliveryFailure::Transient(_) | DeliveryFailure::ClockSkew(_) => DeliveryOutcome::Retried,
        DeliveryFailure::Permanent { .. } => DeliveryOutcome::Failed,
    };
    exchange
        .metrics()
        .delivery(item.to, counted, began.elapsed());
    match &failure {
        DeliveryFailure::Transient(error) => tracing::warn!(
            country = %exchange.country(),
            to = %item.to,
            request_id = %item.request_id,
            attempts = item.attempts + 1,
            %error,
            "delivery failed"
        ),
        DeliveryFailure::ClockSkew(error) => {
            exchange.metrics().delivery_clock_skew(item.to);
            tracing::warn!(
                country = %exchange.country(),
                to = %item.to,
                request_id = %item.request_id,
                attempts = item.attempts + 1,
                %error,
                "delivery refused for clock skew: this node's clock is ahead of the peer's; \
                 check both nodes' time sources (NTP). The envelope stays queued"
            )
        }
        DeliveryFailure::Permanent { .. } => {}
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::OutboxKind;

    fn item(n: usize, bytes: usize) -> OutboxItem {
        OutboxItem {
            message_id: format!("m{n}"),
            to: "KHM".parse().unwrap(),
            request_id: format!("r{n}"),
            kind: OutboxKind::Request,
            envelope: vec![0; bytes],
            envelope_hash: [0; 32],
            attempts: 0,
            next_attempt_unix_ms: 0,
            give_up_unix_ms: 0,
            last_error: None,
        }
    }

    #[test]
    fn batches_hold_at_most_the_envelopes_and_bytes_allowed() {
        let sizes = |items: Vec<OutboxItem>| -> Vec<usize> {
            batches(items).iter().map(Vec::len).collect()
        };
        assert_eq!(sizes(Vec::new()), Vec::<usize>::new());
        assert_eq!(sizes((0..3).map(|n| item(n, 10)).collect()), vec![3]);
        let many = (0..MAX_BATCH_ENVELOPES * 2 + 1)
            .map(|n| item(n, 10))
            .collect();
        assert_eq!(
            sizes(many),
            vec![MAX_BATCH_ENVELOPES, MAX_BATCH_ENVELOPES, 1]
        );
        // 256 KiB envelopes: four fill a batch's bytes.
        let big = (0..9).map(|n| item(n, 256 * 1024)).collect();
        assert_eq!(sizes(big), vec![4, 4, 1]);
        // Order is kept.
        let order: Vec<String> = batches((0..5).map(|n| item(n, 10)).collect())
            .concat()
            .into_iter()
            .map(|i| i.message_id)
            .collect();
        assert_eq!(order, ["m0", "m1", "m2", "m3", "m4"]);
    }
}
