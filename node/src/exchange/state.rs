//! The machinery every step of a request's life shares: the [`Exchange`]
//! itself (the one write lock, the configuration and keys in force, the
//! change notifications), [`Pending`] writes and audit [`Event`]s, and
//! [`Exchange::commit`] / [`Exchange::finish`], which apply a change with its
//! audit entries ([`Exchange::append_log`]) as one atomic batch, flush it,
//! and only then tell watchers and the outbox.

use std::sync::Arc;

use liaison_proto::domain::{
    Category, Content, CountryCode, Message, Outcome, RequestStatus, TreeHead,
};
use liaison_proto::envelope::{Sealed, SigningIdentity};
use liaison_proto::merkle::{Frontier, leaf_hash};
use liaison_proto::pb;
use prost::Message as _;
use tokio::sync::{Mutex, Notify, broadcast, watch};

pub use crate::clock::now_ms;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::metrics::{self, Metrics};
use crate::pki::random_bytes;
use crate::records::{
    AuditEntry, Changes, CustodyChain, Direction, OutboxItem, OutboxKind, Records, RequestRecord,
    SealedHead,
};
use crate::store::{AuditSeal, Store, StoreError};

/// How long answers and withdrawals are retried past the request deadline.
pub(super) const DELIVERY_GRACE_MS: i64 = 30 * 24 * 3600 * 1000;
/// The furthest ahead a deadline may be set.
pub(super) const MAX_DEADLINE_AHEAD_MS: i64 = 366 * 24 * 3600 * 1000;

/// Runs blocking blob work without stalling the runtime's other tasks: on
/// a multi-threaded runtime (the node's) the worker hands its tasks over
/// first; on a single-threaded one (a node embedded in a test or a tool),
/// where that is impossible, the work runs in place.
pub(super) fn blocking<T>(work: impl FnOnce() -> T) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(RuntimeFlavor::MultiThread) => tokio::task::block_in_place(work),
        _ => work(),
    }
}

pub(super) fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// An audit event before it gets its index.
#[derive(Debug, Clone)]
pub(super) struct Event {
    pub(super) event: &'static str,
    pub(super) actor: String,
    pub(super) request_id: Option<String>,
    pub(super) peer: Option<CountryCode>,
    pub(super) category: Option<Category>,
    pub(super) message_hash: Option<[u8; 32]>,
    pub(super) detail: String,
    /// For a custody event: the file, and what the entry follows.
    pub(super) custody: Option<(String, After)>,
}

/// What a custody entry follows in its file's chain (its `after=` token).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum After {
    /// Nothing: the entry starts the chain (`evidence.attached`).
    Start,
    /// The entry with this leaf hash, on another node (the acquiring
    /// node's `evidence.attached`, named by the signed manifest).
    Entry([u8; 32]),
    /// The latest custody entry of the file on this node.
    Head,
}

impl Event {
    pub(super) fn new(event: &'static str, actor: impl Into<String>) -> Self {
        Event {
            event,
            actor: actor.into(),
            request_id: None,
            peer: None,
            category: None,
            message_hash: None,
            detail: String::new(),
            custody: None,
        }
    }

    /// Makes the event a custody entry of `file_id` (see
    /// [`Exchange::append_log`]).
    pub(super) fn custody(mut self, file_id: &str, after: After) -> Self {
        self.custody = Some((file_id.to_string(), after));
        self
    }

    pub(super) fn about(mut self, record: &RequestRecord) -> Self {
        self.request_id = Some(record.request.request_id.clone());
        self.peer = Some(record.peer());
        self.category = Some(record.request.category);
        self
    }

    pub(super) fn hash(mut self, hash: [u8; 32]) -> Self {
        self.message_hash = Some(hash);
        self
    }

    pub(super) fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }

    /// Adds to the detail the request's legal grounds (its legal bases, the
    /// non-punishment provision it cites) and, for a request about a
    /// possible victim, that it is one and the trafficking indicators seen,
    /// and any victim status it notifies: codes only, never who.
    pub(super) fn grounds(mut self, record: &RequestRecord) -> Self {
        let request = &record.request;
        let mut notes = Vec::new();
        if !request.legal_bases.is_empty() {
            notes.push(format!("legal bases {}", request.legal_bases.join(",")));
        }
        if let Some(np) = &request.non_punishment {
            notes.push(format!("non-punishment {}", np.provision));
        }
        if request.concerns_possible_victim() {
            let indicators = request.victim_indicators();
            notes.push(if indicators.is_empty() {
                "concerns a possible victim".to_string()
            } else {
                format!(
                    "concerns a possible victim; indicators {}",
                    indicators.join(",")
                )
            });
        }
        if let Some(status) = request.victim_status {
            notes.push(format!(
                "victim status {status}, following {}",
                request.follows_request_id
            ));
        }
        for note in notes {
            self.detail = if self.detail.is_empty() {
                note
            } else {
                format!("{}; {note}", self.detail)
            };
        }
        self
    }
}

/// Writes prepared under the write lock: records, audit events, and the
/// request records whose watchers must hear of the change.
#[derive(Debug, Default)]
pub(super) struct Pending {
    pub(super) changes: Changes,
    pub(super) events: Vec<Event>,
    pub(super) updated: Vec<RequestRecord>,
    /// Queued for delivery by this change.
    pub(super) queued: Vec<OutboxItem>,
    /// Taken out of the outbox by this change: peer and message id.
    pub(super) dequeued: Vec<(CountryCode, String)>,
    /// The audit events written, counted in the metrics once durable.
    pub(super) logged: Vec<LoggedEvent>,
    /// Written even while the disk is under its reserve: a change that
    /// frees space or ends work already acknowledged (a purge, a
    /// delivery's outcome, an expiry).
    pub(super) essential: bool,
}

/// Events whose changes go ahead under the storage reserve, so that people
/// can still sign in to the console to read.
const SIGN_IN_EVENTS: &[&str] = &[
    "console.login",
    "console.login_failed",
    "console.locked",
    "console.logout",
];

/// What the metrics keep of an audit event.
#[derive(Debug)]
pub(super) struct LoggedEvent {
    pub(super) event: &'static str,
    pub(super) actor: String,
    pub(super) peer: Option<CountryCode>,
    pub(super) category: Option<Category>,
}

impl Pending {
    /// Changes written even under the storage reserve (see `essential`).
    pub(super) fn essential() -> Pending {
        Pending {
            essential: true,
            ..Pending::default()
        }
    }

    pub(super) fn record(&mut self, record: &RequestRecord) {
        self.changes.put_request(record);
        self.updated.push(record.clone());
    }

    /// Moves `record` to EXPIRED with the audit event saying so; the caller
    /// records it once every other change to it is made.
    pub(super) fn expire(&mut self, record: &mut RequestRecord, now: i64, why: &str) {
        record.transition(RequestStatus::Expired, now, why);
        self.events
            .push(Event::new("request.expired", "node").about(record));
    }

    /// Queues a newly sealed envelope for delivery, storing it once.
    pub(super) fn enqueue(&mut self, item: &OutboxItem) {
        self.changes
            .put_envelope(&item.request_id, &item.envelope_hash, item.envelope.clone());
        self.changes.put_outbox(item);
        self.queued.push(item.clone());
    }

    /// Takes an envelope out of the outbox: delivered, or given up.
    pub(super) fn dequeue(&mut self, item: &OutboxItem) {
        self.changes.remove_outbox(&item.message_id);
        self.dequeued.push((item.to, item.message_id.clone()));
    }
}

/// What the write lock protects besides the store itself.
#[derive(Debug)]
pub(super) struct WriteState {
    /// The right edge of the audit log's Merkle tree.
    pub(super) frontier: Frontier,
}

/// The node's state machine for requests, answers and deliveries.
#[derive(Debug)]
pub struct Exchange {
    /// The configuration in force, replaced as a whole by
    /// [`Exchange::reload`]; readers take the current one with
    /// [`Exchange::config`].
    pub(super) config: std::sync::RwLock<Arc<Config>>,
    pub(super) records: Records,
    /// Serializes read-modify-write of records and audit indexes.
    pub(super) state: Mutex<WriteState>,
    /// The audit log's frontier after the last batch applied, which the
    /// next group commit's tree head covers.
    pub(super) applied: std::sync::Mutex<Frontier>,
    /// Peers' tree heads already verified, so that receipts under the same
    /// head cost hashes only. Keyed by the verifying key too: a head signed
    /// by a key no longer configured is verified again, and refused.
    pub(super) peer_heads: liaison_proto::receipt::HeadCache,
    /// Tree heads signed since start.
    pub(super) heads_signed: std::sync::atomic::AtomicU64,
    /// The largest tree head of each peer seen in its receipts and not yet
    /// checked by witnessing against the head it serves to witnesses.
    pub(super) receipt_heads:
        std::sync::Mutex<std::collections::HashMap<CountryCode, (u64, pb::SignedTreeHead)>>,
    /// Every committed change to a request record, for `watch` streams.
    pub(super) events: broadcast::Sender<Arc<RequestRecord>>,
    /// Wakes the delivery worker when something is queued.
    pub(super) outbox_wake: Notify,
    /// Wakes the evidence transfer worker.
    pub(super) transfer_wake: Notify,
    /// Evidence files, encrypted under their request's data key.
    pub(super) blobs: crate::blobs::BlobDir,
    /// Envelopes durably queued since the delivery worker last looked,
    /// handed to it directly so that it need not scan the stored outbox.
    pub(super) ready: std::sync::Mutex<Vec<OutboxItem>>,
    /// Turns true when the node shuts down, ending open streams.
    pub(super) closing: watch::Sender<bool>,
    /// The key the node signs with and its earlier keys; replaced in place
    /// by a key rotation, without a restart.
    pub(super) keys: std::sync::RwLock<OwnKeys>,
    pub(super) metrics: Arc<Metrics>,
    /// Failed authentications on the local API, per address and user.
    pub(super) lockout: super::lockout::Lockout,
    /// Hit/no-hit sets built and fetched.
    pub(super) hits: crate::hits::cache::HitSets,
    /// Whether new work is being refused for lack of storage.
    pub(super) storage_exhausted: std::sync::atomic::AtomicBool,
    /// The time the audit log has reached, in ms since the epoch: the
    /// latest timestamp of its entries and signed tree heads. The node
    /// never writes an earlier one, whatever the system clock says.
    pub(super) log_time: std::sync::atomic::AtomicI64,
    /// Whether new work is being refused because the system clock is
    /// behind the log's time by more than the clock skew allowed.
    pub(super) clock_behind: std::sync::atomic::AtomicBool,
    /// The next envelope's place in the order of the outbox
    /// ([`OutboxItem::seq`]), taken under the write lock.
    pub(super) outbox_seq: std::sync::atomic::AtomicU64,
    /// The envelopes in the outbox, by peer: message ids, kept as changes
    /// are applied (for `node.outbox_per_peer`).
    pub(super) outbox_by_peer:
        std::sync::Mutex<std::collections::HashMap<CountryCode, std::collections::HashSet<String>>>,
}

/// This node's signing key and the public keys it signed with before.
#[derive(Debug, Clone)]
pub struct OwnKeys {
    pub signer: SigningIdentity,
    pub previous: std::collections::BTreeMap<String, ed25519_dalek::VerifyingKey>,
}

impl Exchange {
    pub fn open(config: Arc<Config>, store: Arc<dyn Store>) -> Result<Arc<Exchange>> {
        let (kek, created) = crate::vault::load_kek(&config.kek, store.as_ref())?;
        if created {
            tracing::info!(
                kek = %config.kek.path.display(),
                kek_id = %crate::vault::Kek::id(&kek),
                "a new key-encryption key was written: back it up apart from the data directory"
            );
        }
        Self::open_with_kek(config, store, Arc::new(kek))
    }

    /// Opens the exchange over `store`, its data keys wrapped under `kek`
    /// (which a rotation gives as both its KEKs).
    pub fn open_with_kek(
        config: Arc<Config>,
        store: Arc<dyn Store>,
        kek: Arc<dyn crate::vault::Kek>,
    ) -> Result<Arc<Exchange>> {
        let (records, vault) = Records::open(store, kek)?;
        if vault.destroyed > 0 {
            tracing::info!(
                destroyed = vault.destroyed,
                "data keys nothing refers to (unused, or left by a purge cut short) were destroyed"
            );
        }
        let upgraded = records.migrate()?;
        if upgraded > 0 {
            tracing::info!(
                records = upgraded,
                "store upgraded to the current format (personal data encrypted at rest)"
            );
        }
        let checked = crate::audit::verify_log(&records, config.country, &config.own_keys())
            .map_err(|e| Error::Integrity(e.to_string()))?;
        let frontier = checked.frontier;
        let mut log_time = checked.head.as_ref().map_or(0, head_time);
        match checked.head {
            Some(head) if head.size == frontier.size() => records.set_sealed(Arc::new(head)),
            _ if frontier.size() == 0 => {}
            head => {
                // Entries of a group commit whose flush did not finish:
                // never acknowledged, but recorded with the changes they
                // describe. They get their tree head now.
                let sealed = seal_at_start(&records, &config, &frontier, log_time)?;
                log_time = head_time(&sealed);
                tracing::info!(
                    entries = frontier.size() - head.map_or(0, |h| h.size),
                    tree_size = sealed.size,
                    "audit entries written before the last stop are now covered by a signed tree head"
                );
                records.set_sealed(sealed);
            }
        }
        let (events, _) = broadcast::channel(1024);
        let metrics = Metrics::new(config.country);
        let mut outbox_by_peer: std::collections::HashMap<_, std::collections::HashSet<_>> =
            Default::default();
        let mut outbox_seq = 1;
        for item in records.outbox_entries()? {
            outbox_seq = outbox_seq.max(item.seq + 1);
            outbox_by_peer
                .entry(item.to)
                .or_default()
                .insert(item.message_id);
        }
        for (key, _) in records.evidence()? {
            // `evidence/<peer>/<ms>`: an alarm raised before this start.
            if let Some(peer) = String::from_utf8_lossy(&key).split('/').nth(1) {
                metrics.alarm_on_record(peer);
            }
        }
        let blobs = crate::blobs::BlobDir::open(config.data_dir.join("evidence"))
            .map_err(|e| StoreError::Io(e.to_string()))?;
        let keys = OwnKeys {
            signer: config.signer.clone(),
            previous: config.previous_keys.clone(),
        };
        Ok(Arc::new(Exchange {
            config: std::sync::RwLock::new(config),
            records,
            applied: std::sync::Mutex::new(frontier.clone()),
            state: Mutex::new(WriteState { frontier }),
            peer_heads: liaison_proto::receipt::HeadCache::new(PEER_HEADS),
            heads_signed: std::sync::atomic::AtomicU64::new(0),
            receipt_heads: std::sync::Mutex::default(),
            events,
            outbox_wake: Notify::new(),
            transfer_wake: Notify::new(),
            blobs,
            ready: std::sync::Mutex::new(Vec::new()),
            closing: watch::Sender::new(false),
            keys: std::sync::RwLock::new(keys),
            metrics,
            lockout: super::lockout::Lockout::default(),
            hits: crate::hits::cache::HitSets::default(),
            storage_exhausted: std::sync::atomic::AtomicBool::new(false),
            log_time: std::sync::atomic::AtomicI64::new(log_time),
            clock_behind: std::sync::atomic::AtomicBool::new(false),
            outbox_seq: std::sync::atomic::AtomicU64::new(outbox_seq),
            outbox_by_peer: std::sync::Mutex::new(outbox_by_peer),
        }))
    }

    /// The configuration in force now.
    pub fn config(&self) -> Arc<Config> {
        self.config
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.metrics
    }

    pub fn lockout(&self) -> &super::lockout::Lockout {
        &self.lockout
    }

    pub fn records(&self) -> &Records {
        &self.records
    }

    pub fn country(&self) -> CountryCode {
        self.config().country
    }

    /// The node's signing key and earlier keys, as they are now.
    pub fn own_keys(&self) -> OwnKeys {
        self.keys.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    pub(super) fn signer(&self) -> SigningIdentity {
        self.own_keys().signer
    }

    /// Every committed change to any request record from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<RequestRecord>> {
        self.events.subscribe()
    }

    /// Turns true once the node starts shutting down.
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// Starts shutting down: open streams end, the delivery worker stops.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    pub(crate) fn outbox_notified(&self) -> tokio::sync::futures::Notified<'_> {
        self.outbox_wake.notified()
    }

    /// Takes the envelopes queued since the last call.
    pub(crate) fn take_ready(&self) -> Vec<OutboxItem> {
        std::mem::take(&mut *self.ready.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// The signing keys of `peer`, by key id, as configured now.
    pub(super) fn peer_keys(
        &self,
        peer: CountryCode,
    ) -> Result<std::collections::BTreeMap<String, ed25519_dalek::VerifyingKey>> {
        self.config()
            .peers
            .get(&peer)
            .map(|p| p.keys.clone())
            .ok_or_else(|| Error::precondition(format!("{peer} is no longer a configured peer")))
    }

    pub(crate) fn wake_transfers(&self) {
        self.transfer_wake.notify_one();
    }

    /// Resolves when the evidence transfer worker should look again.
    pub(crate) fn transfers_waiting(&self) -> tokio::sync::futures::Notified<'_> {
        self.transfer_wake.notified()
    }

    pub(crate) fn wake_outbox(&self) {
        self.outbox_wake.notify_one();
    }

    /// Appends the pending events to the audit log: their entries go into
    /// the pending batch; the tree head is
    /// signed once per group commit ([`Exchange::durable`]). Returns the
    /// index and exact bytes of the first entry.
    pub(super) fn append_log(
        &self,
        state: &mut WriteState,
        pending: &mut Pending,
    ) -> Option<(u64, Vec<u8>)> {
        if pending.events.is_empty() {
            return None;
        }
        let first_index = state.frontier.size();
        let mut first = None;
        let at = self.log_now();
        // Custody chains moved by earlier events of this batch.
        let mut chains: std::collections::HashMap<(String, String), CustodyChain> =
            Default::default();
        for mut event in pending.events.drain(..) {
            let mut link = None;
            if let (Some((file_id, after)), Some(request_id)) = (&event.custody, &event.request_id)
            {
                let id = (request_id.clone(), file_id.clone());
                let known = match chains.get(&id) {
                    Some(chain) => Some(*chain),
                    None => self.records.custody(request_id, file_id).ok().flatten(),
                };
                let previous = match after {
                    After::Start => None,
                    After::Entry(hash) => Some(*hash),
                    After::Head => known.map(|chain| chain.head),
                };
                let mut detail = format!(
                    "file={file_id} after={}",
                    previous.map_or("-".to_string(), hex::encode)
                );
                if !event.detail.is_empty() {
                    detail = format!("{detail} {}", event.detail);
                }
                event.detail = detail;
                link = Some((id, known.map(|chain| chain.start)));
            }
            pending.logged.push(LoggedEvent {
                event: event.event,
                actor: event.actor.clone(),
                peer: event.peer,
                category: event.category,
            });
            if let Some(request_id) = &event.request_id {
                pending
                    .changes
                    .put_audit_position(request_id, state.frontier.size(), event.event);
            }
            let leaf = pending.changes.put_audit(&AuditEntry {
                index: state.frontier.size(),
                at_unix_ms: at,
                event: event.event.to_string(),
                actor: event.actor,
                request_id: event.request_id,
                peer: event.peer,
                category: event.category,
                message_hash: event.message_hash.map(hex::encode),
                detail: event.detail,
            });
            let hash = leaf_hash(&leaf);
            state.frontier.push(hash);
            if let Some(((request_id, file_id), start)) = link {
                let chain = CustodyChain {
                    start: start.unwrap_or(hash),
                    head: hash,
                };
                pending.changes.put_custody(&request_id, &file_id, &chain);
                chains.insert((request_id, file_id), chain);
            }
            first.get_or_insert(leaf);
        }
        first.map(|leaf| (first_index, leaf))
    }

    /// Applies `pending` atomically, flushes, then tells watchers. `before`
    /// is the log's frontier before `append_log`, restored if nothing could
    /// be written. Returns the durable tree head covering the change.
    pub(super) async fn finish(
        &self,
        mut state: tokio::sync::MutexGuard<'_, WriteState>,
        before: Frontier,
        mut pending: Pending,
    ) -> Result<Option<Arc<SealedHead>>> {
        // A request that became final is indexed by when its personal data
        // is to be purged, in the same batch.
        for record in &pending.updated {
            if let Some(due) = record.purge_due(self.config().retention_days) {
                pending
                    .changes
                    .put_purge_due(due, record.direction, &record.request.request_id);
            }
        }
        let essential = pending.essential
            || (!pending.logged.is_empty()
                && pending
                    .logged
                    .iter()
                    .all(|e| SIGN_IN_EVENTS.contains(&e.event)));
        if !essential
            && let Err(e) = self
                .clock_allows_work()
                .and_then(|()| self.storage_allows_work())
        {
            state.frontier = before;
            return Err(e);
        }
        if let Err(e) = self.records.apply(pending.changes) {
            state.frontier = before;
            return Err(e.into());
        }
        *self.applied.lock().unwrap_or_else(|p| p.into_inner()) = state.frontier.clone();
        {
            let mut outbox = self
                .outbox_by_peer
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            for item in &pending.queued {
                outbox
                    .entry(item.to)
                    .or_default()
                    .insert(item.message_id.clone());
            }
            for (peer, message_id) in &pending.dequeued {
                if let Some(queued) = outbox.get_mut(peer) {
                    queued.remove(message_id);
                }
            }
        }
        let ticket = self.records.ticket();
        drop(state);
        let began = std::time::Instant::now();
        let number = ticket.number;
        let head = match self
            .records
            .durable_ticket(ticket, || Ok(self.seal_head()))
            .await
        {
            Ok(head) => head,
            Err(failure) => self.roll_back(number, failure).await?,
        };
        self.metrics.commit(began.elapsed());
        for event in &pending.logged {
            self.metrics
                .event(event.event, &event.actor, event.peer, event.category);
        }
        let now = now_ms();
        for record in pending.updated {
            self.metrics.request(&request_change(&record), now);
            // No receiver is not an error: nobody is watching.
            let _ = self.events.send(Arc::new(record));
        }
        if !pending.queued.is_empty() {
            self.ready
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .extend(pending.queued);
            self.wake_outbox();
        }
        Ok(head)
    }

    /// The time to write into the audit log now: the system clock, or the
    /// log's time when the clock is behind it (by no more than the clock
    /// skew allowed, or the change is essential: see
    /// [`Exchange::clock_allows_work`]), so that no entry or tree head is
    /// ever dated before an earlier one.
    pub(super) fn log_now(&self) -> i64 {
        let now = now_ms();
        self.log_time
            .fetch_max(now, std::sync::atomic::Ordering::SeqCst)
            .max(now)
    }

    /// Refuses new work while the system clock is behind the audit log's
    /// time (its latest tree head) by more than the clock skew allowed:
    /// the node signs no head dated before the last, and would otherwise
    /// date hours of entries with the same frozen time. The clock was set
    /// back, or it was ahead before; the node resumes by itself once the
    /// clock passes the log's time. Essential changes (deliveries, expiry,
    /// purges) still go on, dated at the log's time.
    pub(super) fn clock_allows_work(&self) -> Result<()> {
        use std::sync::atomic::Ordering;
        let log_time = self.log_time.load(Ordering::SeqCst);
        let behind = log_time - now_ms();
        self.metrics.clock_behind(behind);
        let refused = behind > self.skew_ms();
        let was = self.clock_behind.swap(refused, Ordering::SeqCst);
        let last_head = liaison_proto::time::rfc3339(log_time);
        match (was, refused) {
            (false, true) => tracing::error!(
                behind_secs = behind / 1000,
                last_head = %last_head,
                "the system clock is behind the last signed tree head by more than the clock skew \
                 allowed: new work is refused until it passes it (the node signs no tree head \
                 older than the last)"
            ),
            (true, false) => tracing::info!(
                "the system clock has caught up with the last signed tree head: new work is accepted"
            ),
            _ => {}
        }
        if !refused {
            return Ok(());
        }
        Err(Error::unavailable(format!(
            "the system clock is {} s behind this node's last signed tree head ({last_head}), more \
             than the {} s clock skew allowed: the node signs no tree head older than the last, so \
             new work is refused until the clock passes it",
            behind / 1000,
            self.skew_ms() / 1000
        )))
    }

    /// Refuses new work while the data directory's disk is read-only or
    /// has less free space than `node.storage_reserve_mib`, and keeps the
    /// storage metrics. Measured at every change that is not essential: the
    /// node resumes at the first change after space is freed.
    pub(super) fn storage_allows_work(&self) -> Result<()> {
        self.storage_has_room(0)
    }

    /// [`Exchange::storage_allows_work`] for work that will write about
    /// `bytes` more (an evidence file): refused unless they fit above the
    /// reserve.
    pub(super) fn storage_has_room(&self, bytes: u64) -> Result<()> {
        let space = match self.records.space() {
            Ok(Some(space)) => space,
            Ok(None) => return Ok(()),
            Err(e) => {
                // Not knowing is no reason to refuse: the write will tell.
                tracing::warn!(error = %e, "cannot measure the data directory's free space");
                return Ok(());
            }
        };
        self.metrics.storage_available(space.available);
        let reserve = self.config().storage_reserve_bytes;
        let problem = if space.read_only {
            Some(StoreError::ReadOnly(
                "the data directory's disk is mounted read-only: new work is refused until it is \
                 writable again; reads and the audit API go on"
                    .into(),
            ))
        } else if space.available < reserve.max(1) {
            Some(StoreError::Full(format!(
                "{} MiB free on the data directory's disk, under the {} MiB it keeps in reserve \
                 (node.storage_reserve_mib): new work is refused until space is freed; reads and \
                 the audit API go on",
                space.available >> 20,
                reserve >> 20
            )))
        } else {
            None
        };
        self.storage_state(problem.as_ref(), problem.is_some());
        if let Some(problem) = problem {
            return Err(problem.into());
        }
        if space.available - reserve < bytes {
            // Not a state of the disk: this one file does not fit.
            self.metrics.storage(false, true);
            return Err(StoreError::Full(format!(
                "a file of {} MiB does not fit in the {} MiB free on the data directory's disk \
                 above the {} MiB it keeps in reserve (node.storage_reserve_mib)",
                bytes.div_ceil(1 << 20),
                (space.available - reserve) >> 20,
                reserve >> 20
            ))
            .into());
        }
        Ok(())
    }

    /// After a failed flush (the disk is full, say): unless another
    /// writer's flush made ticket `number` durable meanwhile, drops every
    /// change applied and not yet durable, this one and those of the
    /// writers waiting with it, so that a caller told of the failure can
    /// trust that nothing happened; and returns the failure.
    async fn roll_back(&self, number: u64, failure: StoreError) -> Result<Option<Arc<SealedHead>>> {
        let mut state = self.state.lock().await;
        if self.records.is_durable(number) {
            return Ok(self.records.sealed());
        }
        if !self.records.is_discarded(number) {
            self.records.discard_pending(&failure)?;
            let size = self.records.sealed().map_or(0, |head| head.size);
            let frontier = Frontier::from_perfect(size, &mut |level, index| {
                self.records.tree_node(level, index)
            })?;
            state.frontier = frontier.clone();
            *self.applied.lock().unwrap_or_else(|p| p.into_inner()) = frontier;
            let mut outbox: std::collections::HashMap<_, std::collections::HashSet<_>> =
                Default::default();
            for item in self.records.outbox_entries()? {
                outbox.entry(item.to).or_default().insert(item.message_id);
            }
            *self
                .outbox_by_peer
                .lock()
                .unwrap_or_else(|p| p.into_inner()) = outbox;
            tracing::warn!(
                error = %failure,
                "a write failed: the changes made since the last durable one were dropped, and \
                 their callers told so"
            );
        }
        if failure.is_disk() {
            self.storage_state(Some(&failure), true);
        }
        Err(Error::Store(failure))
    }

    /// Whether new work is refused for lack of storage now.
    pub fn storage_exhausted(&self) -> bool {
        self.storage_exhausted
            .load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Refuses a new request to `peer` while `node.outbox_per_peer`
    /// envelopes wait for it (call under the write lock).
    pub(super) fn outbox_has_room(&self, peer: CountryCode) -> Result<()> {
        let limit = self.config().outbox_per_peer;
        let queued = self
            .outbox_by_peer
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&peer)
            .map_or(0, |queued| queued.len());
        if queued < limit {
            return Ok(());
        }
        self.metrics.outbox_full(peer);
        Err(Error::exhausted(format!(
            "{queued} envelopes wait for delivery to {peer}, the node.outbox_per_peer limit: new \
             requests to {peer} are refused until the queue drains"
        )))
    }

    /// Notes whether storage refuses new work now (`problem`), logging the
    /// change either way once.
    fn storage_state(&self, problem: Option<&StoreError>, refused: bool) {
        let exhausted = problem.is_some();
        let was = self
            .storage_exhausted
            .swap(exhausted, std::sync::atomic::Ordering::SeqCst);
        self.metrics.storage(exhausted, refused);
        match (was, problem) {
            (false, Some(e)) => {
                tracing::error!(error = %e, "storage exhausted: new work is refused")
            }
            (true, None) => tracing::info!("storage writable again: new work is accepted"),
            _ => {}
        }
    }

    /// Returns once every change applied so far is on disk, with the signed
    /// tree head that covers it. The writer that leads a group commit signs
    /// one head for everything applied before it flushes; the others share
    /// it. (Reads see a change once applied, a moment before it is durable;
    /// only durable changes are acknowledged.)
    pub async fn durable(&self) -> Result<Option<Arc<SealedHead>>> {
        Ok(self.records.durable(|| Ok(self.seal_head())).await?)
    }

    /// A signed tree head of every entry applied, to commit with them;
    /// `None` when the latest durable head covers them all already.
    fn seal_head(&self) -> Option<(AuditSeal, Arc<SealedHead>)> {
        let frontier = self
            .applied
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let signed = self.records.sealed().map_or(0, |head| head.size);
        if frontier.size() == 0 || frontier.size() <= signed {
            return None;
        }
        let sealed = sign_head(&self.signer(), self.country(), &frontier, self.log_now());
        self.heads_signed
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Some(sealed)
    }

    /// Keeps `head` (of `size` entries), from a verified receipt of `peer`,
    /// for the next round of witnessing to check against the head `peer`
    /// serves to witnesses: a peer showing its receipts one history and its
    /// witnesses another is caught there. Only the largest head is kept.
    pub fn note_receipt_head(&self, peer: CountryCode, head: &pb::SignedTreeHead, size: u64) {
        let mut heads = self.receipt_heads.lock().unwrap_or_else(|p| p.into_inner());
        if heads.get(&peer).is_none_or(|(kept, _)| *kept < size) {
            heads.insert(peer, (size, head.clone()));
        }
    }

    /// Takes the receipt head kept for `peer`, if any.
    pub(crate) fn take_receipt_head(&self, peer: CountryCode) -> Option<pb::SignedTreeHead> {
        self.receipt_heads
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&peer)
            .map(|(_, head)| head)
    }

    /// The latest durable signed tree head of this node's audit log.
    pub fn tree_head(&self) -> Option<Arc<SealedHead>> {
        self.records.sealed()
    }

    /// Records `pending` with its audit entries, atomically and durably.
    pub(super) async fn commit(
        &self,
        mut state: tokio::sync::MutexGuard<'_, WriteState>,
        mut pending: Pending,
    ) -> Result<()> {
        let before = state.frontier.clone();
        self.append_log(&mut state, &mut pending);
        self.finish(state, before, pending).await.map(drop)
    }

    /// Records a refused call in the audit trail. `detail` names the rule
    /// broken and never a value the caller sent (see [`Error::refusal`]).
    pub async fn audit_refusal(
        &self,
        actor: String,
        peer: Option<CountryCode>,
        detail: String,
    ) -> Result<()> {
        let mut event = Event::new("call.refused", actor).detail(detail);
        event.peer = peer;
        self.record_event(event).await
    }

    /// Records one audit event on its own.
    pub(super) async fn record_event(&self, event: Event) -> Result<()> {
        let state = self.state.lock().await;
        let pending = Pending {
            events: vec![event],
            ..Pending::default()
        };
        self.commit(state, pending).await
    }

    pub(super) fn seal(&self, to: CountryCode, content: Content) -> (Message, Sealed) {
        let message = Message {
            message_id: new_id(),
            from: self.country(),
            to,
            created_unix_ms: now_ms(),
            nonce: random_bytes::<16>().unwrap_or_else(|_| *uuid::Uuid::new_v4().as_bytes()),
            content,
        };
        let sealed = self.signer().seal(&message);
        (message, sealed)
    }

    pub(super) fn outbox_item(
        &self,
        message: &Message,
        sealed: &Sealed,
        kind: OutboxKind,
        give_up_unix_ms: i64,
    ) -> OutboxItem {
        OutboxItem {
            message_id: message.message_id.clone(),
            to: message.to,
            request_id: message.content.request_id().to_string(),
            kind,
            envelope: sealed.envelope.encode_to_vec(),
            envelope_hash: sealed.hash,
            attempts: 0,
            next_attempt_unix_ms: now_ms(),
            give_up_unix_ms,
            last_error: None,
            seq: self
                .outbox_seq
                .fetch_add(1, std::sync::atomic::Ordering::SeqCst),
        }
    }

    /// The outbox's items without their envelopes, every one of them
    /// durable: read under the write lock once everything applied is on
    /// disk, so that the delivery worker never sends an envelope whose
    /// commit could still be rolled back.
    pub(crate) async fn durable_outbox(&self) -> Result<Vec<OutboxItem>> {
        let _state = self.state.lock().await;
        self.durable().await?;
        Ok(self.records.outbox_entries()?)
    }

    /// Records the heads accepted in a round of witnessing as the new
    /// references, with one `witness.checked` audit entry for them all
    /// (naming the peer when there is only one).
    pub async fn record_witnessed(
        &self,
        heads: &[(CountryCode, pb::SignedTreeHead)],
        detail: String,
    ) -> Result<()> {
        let state = self.state.lock().await;
        let mut pending = Pending::default();
        let mut event = Event::new("witness.checked", "node").detail(detail);
        if let [(peer, _)] = heads {
            event.peer = Some(*peer);
        }
        pending.events.push(event);
        for (peer, head) in heads {
            pending.changes.put_witnessed(*peer, head);
        }
        self.commit(state, pending).await
    }

    /// Records that `peer`'s log shows tampering (`verdict`): a
    /// `witness.alarm` audit entry and the `evidence`, kept apart.
    pub async fn record_alarm(
        &self,
        peer: CountryCode,
        verdict: &str,
        detail: String,
        evidence: serde_json::Value,
    ) -> Result<()> {
        let state = self.state.lock().await;
        let mut pending = Pending::default();
        let mut event = Event::new("witness.alarm", "node").detail(format!("{verdict}: {detail}"));
        event.peer = Some(peer);
        pending.events.push(event);
        pending.changes.put_evidence(peer, now_ms(), &evidence);
        self.commit(state, pending).await
    }

    /// The clock difference tolerated between nodes, in milliseconds.
    pub(super) fn skew_ms(&self) -> i64 {
        self.config().max_clock_skew.as_millis() as i64
    }
}

/// The date of one of this node's own signed tree heads (0 if its body
/// does not decode, which the log's verification has ruled out).
fn head_time(head: &SealedHead) -> i64 {
    liaison_proto::pb::TreeHeadBody::decode(head.signed.body.as_slice())
        .map_or(0, |body| body.timestamp_unix_ms)
}

/// How many verified tree heads of peers the node keeps.
const PEER_HEADS: usize = 64;

/// Signs a tree head covering `frontier` and commits it with the entries
/// it covers, before the node serves anything.
fn seal_at_start(
    records: &Records,
    config: &Config,
    frontier: &Frontier,
    log_time: i64,
) -> Result<Arc<SealedHead>> {
    let at = now_ms().max(log_time);
    let (seal, head) = sign_head(&config.signer, config.country, frontier, at);
    records.commit_sealed(&seal)?;
    Ok(head)
}

/// `country`'s tree head over `frontier`, signed and dated `at`, and the
/// seal that commits it.
fn sign_head(
    signer: &SigningIdentity,
    country: CountryCode,
    frontier: &Frontier,
    at: i64,
) -> (AuditSeal, Arc<SealedHead>) {
    let head = Arc::new(SealedHead {
        signed: signer.sign_tree_head(&TreeHead {
            country,
            tree_size: frontier.size(),
            root_hash: frontier.root(),
            timestamp_unix_ms: at,
        }),
        size: frontier.size(),
    });
    let seal = AuditSeal {
        size: head.size,
        head: head.signed.encode_to_vec(),
    };
    (seal, head)
}

/// A description of an outcome without personal data: the released field
/// names, or the refusal reason.
pub(super) fn describe_outcome(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Released {
            fields, handling, ..
        } => {
            // Names only; a field about another subject than the first
            // says which, by position.
            let names: Vec<String> = fields
                .iter()
                .map(|f| match f.subject {
                    0 => f.name.clone(),
                    i => format!("{} of subject {i}", f.name),
                })
                .collect();
            format!("released fields: {}; handling {handling}", names.join(","))
        }
        Outcome::Refused { reason, rule, .. } if !rule.is_empty() => {
            format!("refused: {reason} under {rule}")
        }
        Outcome::Refused { reason, .. } => format!("refused: {reason}"),
    }
}

pub(super) fn decode_receipt(bytes: &[u8]) -> Result<pb::Receipt> {
    pb::Receipt::decode(bytes).map_err(|e| {
        Error::Store(crate::store::StoreError::Corrupt {
            key: "msg/<receipt>".into(),
            reason: e.to_string(),
        })
    })
}

/// Field names joined by commas, for audit details.
pub(super) fn join(names: &[&String]) -> String {
    names
        .iter()
        .map(|n| n.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// A record's change in the plain values the metrics count.
fn request_change(record: &RequestRecord) -> metrics::RequestChange {
    metrics::RequestChange {
        outgoing: record.direction == Direction::Outgoing,
        peer: record.peer(),
        category: record.request.category,
        status: record.status,
        created_unix_ms: record.request.created_unix_ms,
    }
}

impl metrics::SizeSource for Exchange {
    fn sizes(&self) -> metrics::Sizes {
        let records = self.records();
        metrics::Sizes {
            audit_entries: self.tree_head().map(|head| head.size),
            outbox_depth: records.outbox_len().ok(),
            flushes: records.flushes(),
            tree_heads_signed: self.heads_signed.load(std::sync::atomic::Ordering::Relaxed),
            receipt_heads_verified: self.peer_heads.counts().0,
            receipt_heads_cached: self.peer_heads.counts().1,
        }
    }
}
