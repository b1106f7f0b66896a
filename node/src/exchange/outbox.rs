//! The delivery worker: sends every queued envelope to its peer until a
//! valid receipt comes back, retrying with backoff, and expires requests
//! whose deadline passes. A peer's permanent refusal (see
//! [`DeliveryFailure::from_status`]) ends a delivery at once; only transient
//! failures are retried.

use std::collections::BTreeMap;
use std::sync::Arc;
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

/// How often the worker reads the whole stored outbox again, to find what
/// it was not handed and to give up on envelopes whose deadline passed
/// while they waited behind others.
const RESYNC: Duration = Duration::from_secs(30);

/// How many of a peer's queued envelopes the worker keeps in memory with
/// their bytes; the others' are read from the store when their turn comes,
/// so that a long queue costs only its small entries.
const HELD_ENVELOPES: usize = 2 * MAX_BATCH_ENVELOPES;

/// One peer's envelopes as the worker holds them, in the order queued.
#[derive(Debug, Default)]
struct PeerQueue {
    /// By place in the order, then message id.
    items: BTreeMap<(u64, String), OutboxItem>,
    /// Envelopes the peer gave receipts for, being checked and recorded;
    /// one whose receipt does not check out goes back into `items`.
    settling: BTreeMap<(u64, String), OutboxItem>,
    /// A batch to this peer is in flight: the next waits for it.
    busy: bool,
}

/// An item's place in its queue.
fn key_of(item: &OutboxItem) -> (u64, String) {
    (item.seq, item.message_id.clone())
}

impl PeerQueue {
    /// Adds or refreshes an entry, keeping the bytes already held unless
    /// `item` brings them; drops them beyond the first [`HELD_ENVELOPES`].
    fn put(&mut self, mut item: OutboxItem) {
        let key = key_of(&item);
        if let Some(held) = self.items.get_mut(&key)
            && item.envelope.is_empty()
        {
            item.envelope = std::mem::take(&mut held.envelope);
        }
        if !item.envelope.is_empty() && self.items.range(..&key).count() >= HELD_ENVELOPES {
            item.envelope = Vec::new();
        }
        self.items.insert(key, item);
    }
}

/// Every peer's queue.
type Queues = BTreeMap<CountryCode, PeerQueue>;

/// What a delivery task tells the worker.
enum Report {
    /// The peer answered every envelope of the batch with a receipt: the
    /// next batch may leave while these are checked and recorded.
    Answered(CountryCode, Vec<(u64, String)>),
    /// The batch's envelopes with what became of each.
    Settled(CountryCode, Vec<(OutboxItem, DeliveryOutcome)>),
}

/// Runs until the exchange closes; in-flight deliveries are awaited.
///
/// Each peer's envelopes are sent in the order they were queued
/// ([`OutboxItem::seq`]), one batch at a time: the next batch leaves once
/// the peer has answered every envelope of the one before with a receipt
/// (while those are recorded), and a failed batch is retried, after its
/// backoff, before anything queued behind it. Only the first envelope's
/// backoff counts, so that a peer's queue waits as one and never
/// overtakes itself.
///
/// The worker keeps each queue's small entries in memory, and the bytes of
/// only the first envelopes ([`HELD_ENVELOPES`]). Newly queued envelopes
/// are handed over by the exchange once durable; the stored outbox is read
/// whole only at start and every [`RESYNC`], so the cost of a delivery does
/// not grow with the number waiting. Every [`MAX_IDLE`] the worker also
/// expires overdue requests and purges what retention ended.
pub async fn run(exchange: Arc<Exchange>, peers: PeerClients) {
    let mut shutdown = exchange.closing();
    let mut queues = Queues::new();
    let (report_tx, mut reports) = tokio::sync::mpsc::unbounded_channel::<Report>();
    let mut housekeeping_at = now_ms();
    let mut resync_at = now_ms();
    let mut tasks = JoinSet::new();
    loop {
        if *shutdown.borrow() {
            break;
        }
        let now = now_ms();
        if now >= housekeeping_at {
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
            exchange.metrics().outbox_held(
                queues
                    .values()
                    .flat_map(|queue| queue.items.values())
                    .map(|item| item.envelope.len())
                    .sum(),
            );
            housekeeping_at = now + MAX_IDLE.as_millis() as i64;
        }
        while let Ok(report) = reports.try_recv() {
            match report {
                Report::Answered(peer, keys) => {
                    let queue = queues.entry(peer).or_default();
                    for key in keys {
                        if let Some(item) = queue.items.remove(&key) {
                            queue.settling.insert(key, item);
                        }
                    }
                    queue.busy = false;
                }
                Report::Settled(peer, settled) => {
                    let queue = queues.entry(peer).or_default();
                    // Still busy unless its receipts freed it already.
                    if !settled
                        .iter()
                        .any(|(item, _)| queue.settling.contains_key(&key_of(item)))
                    {
                        queue.busy = false;
                    }
                    settle_batch(&exchange, queue, settled, now);
                }
            }
        }
        for item in exchange.take_ready() {
            queues.entry(item.to).or_default().put(item);
        }
        if now >= resync_at {
            resync_at = now + RESYNC.as_millis() as i64;
            if let Err(e) = resync(&exchange, &mut queues, now).await {
                tracing::error!(error = %e, "cannot read the outbox");
                resync_at = now + MAX_IDLE.as_millis() as i64;
            }
        }
        let mut wake_at = housekeeping_at.min(resync_at);
        for (&peer, queue) in &mut queues {
            if queue.busy {
                continue;
            }
            let Some(head) = queue.items.values().next() else {
                continue;
            };
            if head.next_attempt_unix_ms > now {
                wake_at = wake_at.min(head.next_attempt_unix_ms);
                continue;
            }
            let batch = next_batch(queue, |id| exchange.records().outbox_item(id));
            if batch.is_empty() {
                continue;
            }
            queue.busy = true;
            let exchange = exchange.clone();
            let client = peers.get(peer);
            let report_tx = report_tx.clone();
            tasks.spawn(async move {
                let keys = batch.iter().map(key_of).collect();
                let answered = || {
                    let _ = report_tx.send(Report::Answered(peer, keys));
                    exchange.wake_outbox();
                };
                let outcomes = deliver(&exchange, client, &batch, answered).await;
                let _ = report_tx.send(Report::Settled(
                    peer,
                    batch.into_iter().zip(outcomes).collect(),
                ));
                exchange.wake_outbox();
            });
        }
        while tasks.try_join_next().is_some() {}
        let sleep = Duration::from_millis(
            (wake_at - now_ms()).clamp(1, MAX_IDLE.as_millis() as i64) as u64,
        );
        tokio::select! {
            _ = exchange.outbox_notified() => {}
            _ = tokio::time::sleep(sleep) => {}
            _ = shutdown.changed() => {}
        }
    }
    while tasks.join_next().await.is_some() {}
}

/// The next batch of a peer's queue, in order: at most
/// [`MAX_BATCH_ENVELOPES`] envelopes and [`MAX_BATCH_BYTES`] bytes (or one
/// larger envelope), their bytes read from the store where not held. An
/// entry no longer stored (delivered or given up meanwhile) is dropped.
/// `load` reads an entry from the store with its envelope.
fn next_batch(
    queue: &mut PeerQueue,
    load: impl Fn(&str) -> Result<Option<OutboxItem>, crate::store::StoreError>,
) -> Vec<OutboxItem> {
    let mut batch: Vec<OutboxItem> = Vec::new();
    let mut bytes = 0;
    let mut gone = Vec::new();
    for (key, item) in &queue.items {
        if batch.len() == MAX_BATCH_ENVELOPES {
            break;
        }
        let item = if item.envelope.is_empty() {
            match load(&item.message_id) {
                Ok(Some(stored)) => OutboxItem {
                    // The worker's own idea of when to try, which a failure
                    // it could not store (a full disk) moved on.
                    next_attempt_unix_ms: item.next_attempt_unix_ms,
                    ..stored
                },
                Ok(None) => {
                    gone.push(key.clone());
                    continue;
                }
                Err(e) => {
                    tracing::error!(error = %e, "cannot read a queued envelope");
                    break;
                }
            }
        } else {
            item.clone()
        };
        if !batch.is_empty() && bytes + item.envelope.len() > MAX_BATCH_BYTES {
            break;
        }
        bytes += item.envelope.len();
        batch.push(item);
    }
    for key in gone {
        queue.items.remove(&key);
    }
    batch
}

/// Takes a batch's outcomes into its queue: delivered or refused for good,
/// an envelope leaves it; retried, it stays in its place with its next
/// attempt as stored (or, if the failure could not be stored, a backoff
/// kept in memory only).
fn settle_batch(
    exchange: &Exchange,
    queue: &mut PeerQueue,
    settled: Vec<(OutboxItem, DeliveryOutcome)>,
    now: i64,
) {
    for (item, outcome) in settled {
        let key = key_of(&item);
        queue.settling.remove(&key);
        if outcome != DeliveryOutcome::Retried {
            queue.items.remove(&key);
            continue;
        }
        match exchange.records().outbox_entry(&item.message_id) {
            Ok(Some(mut stored)) => {
                if stored.next_attempt_unix_ms <= now {
                    stored.attempts = item.attempts + 1;
                    stored.next_attempt_unix_ms = now
                        + super::backoff_ms(stored.attempts, exchange.config().delivery_retry_max);
                }
                stored.envelope = item.envelope;
                queue.put(stored);
            }
            // Given up on (its deadline passed): out of the outbox.
            Ok(None) => {
                queue.items.remove(&key);
            }
            Err(e) => tracing::error!(error = %e, "cannot read a queued envelope"),
        }
    }
}

/// Reads the stored outbox again: entries the worker was not handed join
/// their queues in their place, entries gone leave them, and envelopes
/// whose deadline passed while they waited are given up on (their
/// requests expire), wherever they are in the queue.
async fn resync(exchange: &Exchange, queues: &mut Queues, now: i64) -> crate::error::Result<()> {
    if exchange.storage_exhausted() {
        // Nothing can be given up on: that is a write. Next time.
        return Ok(());
    }
    let stored = exchange.durable_outbox().await?;
    let mut kept: std::collections::HashSet<(u64, String)> = Default::default();
    let mut overdue = Vec::new();
    for item in stored {
        let key = key_of(&item);
        if queues
            .get(&item.to)
            .is_some_and(|q| q.settling.contains_key(&key))
        {
            // Its receipt is being recorded.
            continue;
        }
        kept.insert(key);
        if now >= item.give_up_unix_ms && !queues.get(&item.to).is_some_and(|q| q.busy) {
            overdue.push(item);
            continue;
        }
        let queue = queues.entry(item.to).or_default();
        match queue.items.get(&key_of(&item)) {
            // The worker's own backoff may be ahead of the stored one.
            Some(held) if held.next_attempt_unix_ms > item.next_attempt_unix_ms => {}
            _ => queue.put(item),
        }
    }
    for queue in queues.values_mut() {
        if !queue.busy {
            queue.items.retain(|key, _| kept.contains(key));
        }
    }
    for item in overdue {
        let failure = DeliveryFailure::Transient("its deadline passed while it was queued".into());
        if let Err(e) = exchange.delivery_failed(&item, &failure).await {
            tracing::error!(error = %e, "cannot give up on an overdue envelope");
        }
        if let Some(queue) = queues.get_mut(&item.to) {
            queue.items.remove(&key_of(&item));
        }
    }
    Ok(())
}

/// Sends a batch of envelopes to one peer (a single one with `Deliver`,
/// several with `DeliverBatch`) and records how each went. Once the peer
/// has answered every envelope with a receipt, `answered` is called, before
/// the receipts are checked and recorded: the next batch may leave while
/// this one's are written.
async fn deliver(
    exchange: &Exchange,
    client: Option<FederationClient<Channel>>,
    items: &[OutboxItem],
    answered: impl FnOnce(),
) -> Vec<DeliveryOutcome> {
    let began = std::time::Instant::now();
    let answers = call(client, items).await;
    if answers.iter().all(Result::is_ok) {
        answered();
    }
    let checked = items.iter().zip(answers).map(|(item, answer)| async move {
        // A receipt that does not check out is not the peer refusing the
        // envelope: delivering again is safe and may succeed.
        let attempt = match answer {
            Ok(receipt) => exchange
                .delivered(item, &receipt)
                .await
                .map_err(|e| DeliveryFailure::Transient(format!("receipt refused: {e}"))),
            Err(failure) => Err(failure),
        };
        settle(exchange, item, attempt, began).await
    });
    futures::future::join_all(checked).await
}

/// The peer's answer to each item, in order: its receipt (not yet
/// checked), or why there is none.
async fn call(
    client: Option<FederationClient<Channel>>,
    items: &[OutboxItem],
) -> Vec<Result<pb::Receipt, DeliveryFailure>> {
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
    envelopes
        .into_iter()
        .map(|envelope| {
            envelope.and_then(|_| {
                answers.next().unwrap_or_else(|| {
                    Err(DeliveryFailure::Transient(
                        "no result for the envelope".into(),
                    ))
                })
            })
        })
        .collect()
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
            seq: n as u64 + 1,
        }
    }

    fn queue(items: Vec<OutboxItem>) -> PeerQueue {
        let mut queue = PeerQueue::default();
        for item in items {
            queue.put(item);
        }
        queue
    }

    /// The message ids of each batch the queue gives until it is empty,
    /// every batch taken out as delivered.
    fn drained(mut queue: PeerQueue, stored: &[OutboxItem]) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        loop {
            let batch = next_batch(&mut queue, |id| {
                Ok(stored.iter().find(|item| item.message_id == id).cloned())
            });
            if batch.is_empty() {
                return out;
            }
            for item in &batch {
                queue.items.remove(&(item.seq, item.message_id.clone()));
            }
            out.push(batch.into_iter().map(|item| item.message_id).collect());
        }
    }

    #[test]
    fn batches_go_in_the_order_queued_within_the_limits() {
        let sizes =
            |batches: Vec<Vec<String>>| -> Vec<usize> { batches.iter().map(Vec::len).collect() };
        assert!(drained(PeerQueue::default(), &[]).is_empty());
        let few: Vec<_> = (0..3).map(|n| item(n, 10)).collect();
        assert_eq!(sizes(drained(queue(few.clone()), &few)), vec![3]);
        let many: Vec<_> = (0..MAX_BATCH_ENVELOPES * 2 + 1)
            .map(|n| item(n, 10))
            .collect();
        assert_eq!(
            sizes(drained(queue(many.clone()), &many)),
            vec![MAX_BATCH_ENVELOPES, MAX_BATCH_ENVELOPES, 1]
        );
        // 256 KiB envelopes: four fill a batch's bytes.
        let big: Vec<_> = (0..9).map(|n| item(n, 256 * 1024)).collect();
        assert_eq!(sizes(drained(queue(big.clone()), &big)), vec![4, 4, 1]);
        // The order is the order queued, not the message ids': queued in
        // reverse id order here.
        let mut reversed: Vec<_> = (0..5).map(|n| item(n, 10)).collect();
        for (seq, item) in reversed.iter_mut().rev().enumerate() {
            item.seq = seq as u64 + 1;
        }
        let order = drained(queue(reversed.clone()), &reversed).concat();
        assert_eq!(order, ["m4", "m3", "m2", "m1", "m0"]);
    }

    #[test]
    fn only_the_first_envelopes_are_held_and_the_rest_read_when_due() {
        let all: Vec<_> = (0..HELD_ENVELOPES + 10).map(|n| item(n, 10)).collect();
        let held = queue(all.clone());
        let with_bytes = held
            .items
            .values()
            .filter(|item| !item.envelope.is_empty())
            .count();
        assert_eq!(with_bytes, HELD_ENVELOPES);
        // The others are read from the store in their turn, and an entry
        // no longer stored is skipped and dropped.
        let stored: Vec<_> = all
            .iter()
            .filter(|i| i.message_id != "m130")
            .cloned()
            .collect();
        let sent = drained(held, &stored).concat();
        assert_eq!(sent.len(), all.len() - 1);
        assert!(!sent.contains(&"m130".to_string()));
        assert!(sent.windows(2).all(|pair| {
            let n = |id: &str| id[1..].parse::<usize>().unwrap();
            n(&pair[0]) < n(&pair[1])
        }));
    }
}
