//! The node's domain logic: what happens when a focal point submits, a peer
//! delivers, an agency answers, a delivery succeeds or fails. Transport code
//! authenticates callers and decodes calls, then calls in here; this module
//! decides, records (store and audit trail together) and returns.
//!
//! Every change is applied under one write lock, then flushed to disk before
//! the caller is answered: nothing is acknowledged that is not durable.

use std::sync::Arc;

use liaison_proto::domain::{
    Answer, Category, Content, CountryCode, Field, HandlingCode, InformationRequest, Message,
    OffenceCode, Outcome, Purpose, RefusalReason, RequestStatus, SignedBytes, Subject, TreeHead,
    Withdrawal,
};
use liaison_proto::envelope::{self, Sealed, SigningIdentity};
use liaison_proto::merkle::{Frontier, leaf_hash};
use liaison_proto::pb;
use prost::Message as _;
use tokio::sync::{Mutex, Notify, broadcast, watch};

use crate::config::{Config, LocalUser};
use crate::error::{Error, Problem, Result, code_name};
use crate::metrics::Metrics;
use crate::pki::random_bytes;
use crate::policy::{self, Flow};
use crate::records::{
    AuditEntry, Changes, Direction, OutboxItem, OutboxKind, Records, RequestRecord, SeenMessage,
    StoredReceipt, utc_day,
};
use crate::store::Store;

/// How long answers and withdrawals are retried past the request deadline.
const DELIVERY_GRACE_MS: i64 = 30 * 24 * 3600 * 1000;
/// The furthest ahead a deadline may be set.
const MAX_DEADLINE_AHEAD_MS: i64 = 366 * 24 * 3600 * 1000;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// What an agency officer says about a request assigned to the agency.
#[derive(Debug, Clone)]
pub enum AgencyReply {
    /// Answer with these fields; the agreement decides which are released.
    Release { fields: Vec<Field>, remarks: String },
    Refuse {
        reason: RefusalReason,
        explanation: String,
    },
}

/// A focal point's new request, validated but not yet signed.
#[derive(Debug, Clone)]
pub struct Draft {
    pub to: CountryCode,
    pub category: Category,
    pub purpose: Purpose,
    pub offence_codes: Vec<OffenceCode>,
    pub subject: Subject,
    pub summary: String,
    pub deadline_unix_ms: i64,
    /// The response fields wanted; empty for every field this node's
    /// agreement accepts for the category.
    pub requested_fields: Vec<String>,
}

/// Why the delivery of an outbox item failed, as the delivery worker saw it.
#[derive(Debug, Clone)]
pub enum DeliveryFailure {
    /// The peer could not be reached, was busy, or its receipt did not
    /// check out: the envelope stays queued and is tried again later.
    Transient(String),
    /// The peer refused the envelope with a status that retrying cannot
    /// change (`NOT_FOUND`, `PERMISSION_DENIED`, `INVALID_ARGUMENT`,
    /// `FAILED_PRECONDITION`, `ALREADY_EXISTS`, `OUT_OF_RANGE`): the
    /// delivery ends at once.
    Permanent { code: tonic::Code, message: String },
}

impl DeliveryFailure {
    /// Classifies a peer's answer to a delivery: only the codes that say
    /// the envelope itself is refused end the delivery; everything else
    /// (unreachable, overloaded, timed out, or a fault on the peer's side)
    /// may pass on a later attempt.
    pub fn from_status(status: &tonic::Status) -> DeliveryFailure {
        use tonic::Code;
        let message = sanitize(status.message());
        match status.code() {
            Code::InvalidArgument
            | Code::NotFound
            | Code::AlreadyExists
            | Code::PermissionDenied
            | Code::FailedPrecondition
            | Code::OutOfRange => DeliveryFailure::Permanent {
                code: status.code(),
                message,
            },
            code => DeliveryFailure::Transient(format!("{}: {message}", code_name(code))),
        }
    }
}

/// A peer's status message as this node keeps it in a record: at most 300
/// characters, without control characters.
fn sanitize(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).take(300).collect()
}

/// An envelope refused by [`Exchange::receive_checked`], with what the
/// audit entry of the refusal needs to say about it.
#[derive(Debug)]
struct Rejection {
    error: Error,
    /// Set when the envelope was an answer: it is audited as
    /// `answer.rejected` naming the request and the envelope.
    answer: Option<RejectedAnswer>,
}

#[derive(Debug)]
struct RejectedAnswer {
    request_id: String,
    category: Option<Category>,
    envelope_hash: [u8; 32],
}

impl From<Error> for Rejection {
    fn from(error: Error) -> Self {
        Rejection {
            error,
            answer: None,
        }
    }
}

impl From<crate::store::StoreError> for Rejection {
    fn from(error: crate::store::StoreError) -> Self {
        Rejection::from(Error::from(error))
    }
}

/// An audit event before it gets its index.
#[derive(Debug, Clone)]
struct Event {
    event: &'static str,
    actor: String,
    request_id: Option<String>,
    peer: Option<CountryCode>,
    category: Option<Category>,
    message_hash: Option<[u8; 32]>,
    detail: String,
}

impl Event {
    fn new(event: &'static str, actor: impl Into<String>) -> Self {
        Event {
            event,
            actor: actor.into(),
            request_id: None,
            peer: None,
            category: None,
            message_hash: None,
            detail: String::new(),
        }
    }

    fn about(mut self, record: &RequestRecord) -> Self {
        self.request_id = Some(record.request.request_id.clone());
        self.peer = Some(record.peer());
        self.category = Some(record.request.category);
        self
    }

    fn hash(mut self, hash: [u8; 32]) -> Self {
        self.message_hash = Some(hash);
        self
    }

    fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }
}

/// Writes prepared under the write lock: records, audit events, and the
/// request records whose watchers must hear of the change.
#[derive(Debug, Default)]
struct Pending {
    changes: Changes,
    events: Vec<Event>,
    updated: Vec<RequestRecord>,
    /// Queued for delivery by this change.
    queued: Vec<OutboxItem>,
    /// The audit events written, counted in the metrics once durable.
    logged: Vec<LoggedEvent>,
}

/// What the metrics keep of an audit event.
#[derive(Debug)]
struct LoggedEvent {
    event: &'static str,
    actor: String,
    peer: Option<CountryCode>,
    category: Option<Category>,
}

impl Pending {
    fn record(&mut self, record: &RequestRecord) {
        self.changes.put_request(record);
        self.updated.push(record.clone());
    }

    /// Moves `record` to EXPIRED with the audit event saying so; the caller
    /// records it once every other change to it is made.
    fn expire(&mut self, record: &mut RequestRecord, now: i64, why: &str) {
        record.transition(RequestStatus::Expired, now, why);
        self.events
            .push(Event::new("request.expired", "node").about(record));
    }

    /// Queues a newly sealed envelope for delivery, storing it once.
    fn enqueue(&mut self, item: &OutboxItem) {
        self.changes
            .put_envelope(&item.envelope_hash, item.envelope.clone());
        self.changes.put_outbox(item);
        self.queued.push(item.clone());
    }
}

/// What the write lock protects besides the store itself.
#[derive(Debug)]
struct WriteState {
    /// The right edge of the audit log's Merkle tree.
    frontier: Frontier,
}

/// The node's state machine for requests, answers and deliveries.
#[derive(Debug)]
pub struct Exchange {
    /// The configuration in force, replaced as a whole by
    /// [`Exchange::reload`]; readers take the current one with
    /// [`Exchange::config`].
    config: std::sync::RwLock<Arc<Config>>,
    records: Records,
    /// Serializes read-modify-write of records and audit indexes.
    state: Mutex<WriteState>,
    /// Every committed change to a request record, for `watch` streams.
    events: broadcast::Sender<Arc<RequestRecord>>,
    /// Wakes the delivery worker when something is queued.
    outbox_wake: Notify,
    /// Envelopes durably queued since the delivery worker last looked,
    /// handed to it directly so that it need not scan the stored outbox.
    ready: std::sync::Mutex<Vec<OutboxItem>>,
    /// Turns true when the node shuts down, ending open streams.
    closing: watch::Sender<bool>,
    /// The key the node signs with and its earlier keys; replaced in place
    /// by a key rotation, without a restart.
    keys: std::sync::RwLock<OwnKeys>,
    metrics: Arc<Metrics>,
}

/// This node's signing key and the public keys it signed with before.
#[derive(Debug, Clone)]
pub struct OwnKeys {
    pub signer: SigningIdentity,
    pub previous: std::collections::BTreeMap<String, ed25519_dalek::VerifyingKey>,
}

impl Exchange {
    pub fn open(config: Arc<Config>, store: Arc<dyn Store>) -> Result<Arc<Exchange>> {
        let records = Records::new(store);
        let upgraded = records.migrate()?;
        if upgraded > 0 {
            tracing::info!(
                records = upgraded,
                "store upgraded: envelopes now kept apart"
            );
        }
        let frontier = crate::audit::verify_log(&records, config.country, &config.own_keys())
            .map_err(|e| Error::Integrity(e.to_string()))?;
        let (events, _) = broadcast::channel(1024);
        let metrics = Metrics::new(config.country);
        for (key, _) in records.evidence()? {
            // `evidence/<peer>/<ms>`: an alarm raised before this start.
            if let Some(peer) = String::from_utf8_lossy(&key).split('/').nth(1) {
                metrics.alarm_on_record(peer);
            }
        }
        let keys = OwnKeys {
            signer: config.signer.clone(),
            previous: config.previous_keys.clone(),
        };
        Ok(Arc::new(Exchange {
            config: std::sync::RwLock::new(config),
            records,
            state: Mutex::new(WriteState { frontier }),
            events,
            outbox_wake: Notify::new(),
            ready: std::sync::Mutex::new(Vec::new()),
            closing: watch::Sender::new(false),
            keys: std::sync::RwLock::new(keys),
            metrics,
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

    fn signer(&self) -> SigningIdentity {
        self.own_keys().signer
    }

    /// Puts `fresh`, a new load of this node's configuration file, in
    /// force without a restart: signing keys, peers (endpoints, keys,
    /// revocations), sharing agreements, agencies, users, and the clock,
    /// message-age and retention settings. Everything was validated when
    /// `fresh` was loaded; here it is checked against what cannot change
    /// while the node runs (its country, listeners, data directory, TLS
    /// identity, per-peer limits and witnessing interval), and if any of
    /// those differ nothing is changed.
    ///
    /// Returns what changed, in words. Only a real change is audited: a
    /// new signing key as `key.rotated`, the rest as one `config.reloaded`
    /// entry naming each change, agreements with their old and new version
    /// and hash. An unchanged file changes and records nothing.
    pub async fn reload(&self, fresh: Config) -> Result<Vec<String>> {
        let current = self.config();
        let needs_restart = restart_only_changes(&current, &fresh);
        if !needs_restart.is_empty() {
            return Err(Error::precondition(format!(
                "{} changed; restart the node to apply that (nothing was reloaded)",
                needs_restart.join(", ")
            )));
        }
        let state = self.state.lock().await;
        let mut changes = config_changes(&current, &fresh);
        let old_key = current.signer.key_id().to_string();
        let new_key = fresh.signer.key_id().to_string();
        let mut pending = Pending::default();
        if old_key != new_key {
            pending
                .events
                .push(Event::new("key.rotated", "node").detail(format!(
                    "signing key {old_key} -> {new_key}; earlier keys: {}",
                    fresh
                        .previous_keys
                        .keys()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(",")
                )));
        }
        if !changes.is_empty() {
            pending
                .events
                .push(Event::new("config.reloaded", "node").detail(changes.join("; ")));
        }
        if old_key != new_key {
            changes.insert(0, format!("signing key {old_key} -> {new_key}"));
        }
        if changes.is_empty() {
            self.metrics.reload("unchanged");
            tracing::info!(country = %self.country(), "configuration reloaded: nothing changed");
            return Ok(changes);
        }
        let fresh = Arc::new(fresh);
        *self.keys.write().unwrap_or_else(|p| p.into_inner()) = OwnKeys {
            signer: fresh.signer.clone(),
            previous: fresh.previous_keys.clone(),
        };
        *self.config.write().unwrap_or_else(|p| p.into_inner()) = fresh;
        // The entries and the tree head after them are signed with the new
        // key, if there is one.
        self.commit(state, pending).await?;
        self.metrics.reload("applied");
        tracing::info!(country = %self.country(), changes = %changes.join("; "), "configuration reloaded");
        Ok(changes)
    }

    /// Records that a reload was refused (a file that does not load, or a
    /// change that needs a restart): the running configuration stays, and
    /// the reason is audited as `config.reload_failed`, logged, and shown
    /// by the `liaison_config_reload_failed` metric until a reload succeeds.
    pub async fn reload_failed(&self, reason: &str) -> Result<()> {
        tracing::error!(country = %self.country(), reason, "configuration reload refused; the running configuration stays");
        self.metrics.reload("refused");
        self.record_event(Event::new("config.reload_failed", "node").detail(reason.to_string()))
            .await
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

    pub(crate) fn wake_outbox(&self) {
        self.outbox_wake.notify_one();
    }

    /// Applies `pending` atomically with its audit entries, flushes, then
    /// tells watchers. Returns the audit index of the first event.
    /// Appends the pending events to the audit log: their entries, the
    /// tree nodes they complete and a new signed tree head all go into the
    /// pending batch. Returns the index of the first entry and the new head.
    fn append_log(
        &self,
        state: &mut WriteState,
        pending: &mut Pending,
    ) -> Option<(u64, pb::SignedTreeHead)> {
        if pending.events.is_empty() {
            return None;
        }
        let first = state.frontier.size();
        let at = now_ms();
        for event in pending.events.drain(..) {
            pending.logged.push(LoggedEvent {
                event: event.event,
                actor: event.actor.clone(),
                peer: event.peer,
                category: event.category,
            });
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
            for (level, index, hash) in state.frontier.push(leaf_hash(&leaf)) {
                pending.changes.put_tree_node(level, index, &hash);
            }
        }
        let head = self.signer().sign_tree_head(&TreeHead {
            country: self.country(),
            tree_size: state.frontier.size(),
            root_hash: state.frontier.root(),
            timestamp_unix_ms: at,
        });
        pending.changes.put_tree_head(&head);
        Some((first, head))
    }

    /// Applies `pending` atomically, flushes, then tells watchers. `before`
    /// is the log's frontier before `append_log`, restored if nothing could
    /// be written.
    async fn finish(
        &self,
        mut state: tokio::sync::MutexGuard<'_, WriteState>,
        before: Frontier,
        mut pending: Pending,
    ) -> Result<()> {
        // A request that became final is indexed by when its personal data
        // is to be purged, in the same batch.
        for record in &pending.updated {
            if let Some(due) = record.purge_due(self.config().retention_days) {
                pending
                    .changes
                    .put_purge_due(due, record.direction, &record.request.request_id);
            }
        }
        if let Err(e) = self.records.apply(pending.changes) {
            state.frontier = before;
            return Err(e.into());
        }
        drop(state);
        let began = std::time::Instant::now();
        self.records.durable().await?;
        self.metrics.commit(began.elapsed());
        for event in &pending.logged {
            self.metrics
                .event(event.event, &event.actor, event.peer, event.category);
        }
        let now = now_ms();
        for record in pending.updated {
            self.metrics.request(&record, now);
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
        Ok(())
    }

    /// Records `pending` with its audit entries, atomically and durably.
    async fn commit(
        &self,
        mut state: tokio::sync::MutexGuard<'_, WriteState>,
        mut pending: Pending,
    ) -> Result<()> {
        let before = state.frontier.clone();
        self.append_log(&mut state, &mut pending);
        self.finish(state, before, pending).await
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
    async fn record_event(&self, event: Event) -> Result<()> {
        let state = self.state.lock().await;
        let pending = Pending {
            events: vec![event],
            ..Pending::default()
        };
        self.commit(state, pending).await
    }

    fn seal(&self, to: CountryCode, content: Content) -> (Message, Sealed) {
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

    fn outbox_item(
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
        }
    }

    /// Checks, signs and durably queues a focal point's request.
    pub async fn submit(&self, caller: &LocalUser, draft: Draft) -> Result<RequestRecord> {
        let now = now_ms();
        if draft.to == self.country() {
            return Err(Error::invalid(Problem::field(
                "to_country",
                "a request cannot go to this node's own country",
            )));
        }
        if !self.config().peers.contains_key(&draft.to) {
            return Err(Error::not_found(format!(
                "no peer {} is configured on this node",
                draft.to
            )));
        }
        if draft.deadline_unix_ms <= now {
            return Err(Error::invalid(Problem::field(
                "deadline_unix_ms",
                "the deadline has already passed",
            )));
        }
        if draft.deadline_unix_ms > now + MAX_DEADLINE_AHEAD_MS {
            return Err(Error::invalid(Problem::field(
                "deadline_unix_ms",
                "more than a year ahead",
            )));
        }
        let state = self.state.lock().await;
        let day = utc_day(now);
        let used = self
            .records
            .count(day, Direction::Outgoing, draft.to, draft.category)?;
        let decision = policy::evaluate(
            self.country(),
            self.config().agreement_with(draft.to),
            Flow {
                from: self.country(),
                to: draft.to,
            },
            draft.category,
            draft.purpose,
            used,
        );
        // The fields asked for must be ones this node's agreement accepts
        // from the peer; none asked for means all of those.
        let accepted = decision
            .grant
            .as_ref()
            .map(|grant| grant.release.clone())
            .unwrap_or_default();
        let unaccepted = draft
            .requested_fields
            .iter()
            .position(|name| !accepted.contains(name));
        if let (true, Some(i)) = (decision.allowed, unaccepted) {
            let rule = format!(
                "{} is not a field {}'s agreement accepts from {} under {} (accepted: {})",
                draft.requested_fields[i],
                self.country(),
                draft.to,
                decision.rule,
                accepted.join(", ")
            );
            let mut event = Event::new("policy.denied", &caller.name)
                .detail(format!("field `requested_fields[{i}]`: {rule}"));
            event.peer = Some(draft.to);
            event.category = Some(draft.category);
            self.commit(
                state,
                Pending {
                    events: vec![event],
                    ..Pending::default()
                },
            )
            .await?;
            return Err(Error::denied(Problem::field(
                format!("requested_fields[{i}]"),
                rule,
            )));
        }
        let requested_fields = if draft.requested_fields.is_empty() {
            accepted
        } else {
            draft.requested_fields
        };
        if !decision.allowed {
            let mut event = Event::new("policy.denied", &caller.name)
                .detail(format!("{}: {}", decision.rule, decision.reason));
            event.peer = Some(draft.to);
            event.category = Some(draft.category);
            let pending = Pending {
                events: vec![event],
                ..Pending::default()
            };
            self.commit(state, pending).await?;
            let text = format!(
                "refused by {}'s own sharing agreement: {} [rule: {}]",
                self.country(),
                decision.reason,
                decision.rule
            );
            return Err(if decision.exhausted {
                Error::exhausted(text)
            } else {
                Error::denied(text)
            });
        }
        let request = InformationRequest {
            request_id: new_id(),
            from_country: self.country(),
            to_country: draft.to,
            category: draft.category,
            purpose: draft.purpose,
            offence_codes: draft.offence_codes,
            subject: draft.subject,
            summary: draft.summary,
            deadline_unix_ms: draft.deadline_unix_ms,
            requested_by: caller.name.clone(),
            created_unix_ms: now,
            requested_fields,
            accepted_handling: decision.grant.as_ref().map(|g| g.handling),
            max_retention_days: decision.grant.as_ref().map(|g| g.retention_days),
        };
        let (message, sealed) = self.seal(draft.to, Content::Request(request.clone()));
        let mut record = RequestRecord {
            request,
            direction: Direction::Outgoing,
            status: RequestStatus::Submitted,
            history: Vec::new(),
            agency: None,
            answer: None,
            envelope_hash: sealed.hash,
            receipt: None,
            answer_envelope_hash: None,
            answer_receipt: None,
            grant: None,
            purged_unix_ms: None,
            delivery_error: None,
        };
        record.transition(
            RequestStatus::Submitted,
            now,
            format!("submitted by {}", caller.name),
        );
        let item = self.outbox_item(
            &message,
            &sealed,
            OutboxKind::Request,
            record.request.deadline_unix_ms,
        );

        let mut pending = Pending::default();
        pending.record(&record);
        pending.enqueue(&item);
        pending
            .changes
            .put_due(record.request.deadline_unix_ms, &record.request.request_id);
        pending
            .changes
            .put_count(day, Direction::Outgoing, draft.to, draft.category, used + 1);
        pending.events.push(
            Event::new("request.submitted", &caller.name)
                .about(&record)
                .hash(sealed.hash)
                .detail(format!(
                    "purpose {}; allowed by {}",
                    record.request.purpose, decision.rule
                )),
        );
        self.commit(state, pending).await?;
        tracing::info!(country = %self.country(), request_id = %record.request.request_id, to = %draft.to, category = %record.request.category, "request submitted");
        Ok(record)
    }

    /// Evaluates a request going `flow` against this node's agreement with
    /// the other country, without sending anything; audited as a dry run.
    pub async fn dry_run(
        &self,
        actor: &str,
        flow: Flow,
        category: Category,
        purpose: Purpose,
    ) -> Result<policy::Decision> {
        let here = self.country();
        let (peer, direction) = if flow.from == here {
            (flow.to, Direction::Outgoing)
        } else if flow.to == here {
            (flow.from, Direction::Incoming)
        } else {
            return Err(Error::invalid(format!(
                "a request {flow} does not involve {here}"
            )));
        };
        if !self.config().peers.contains_key(&peer) {
            return Err(Error::not_found(format!("{peer} is not a configured peer")));
        }
        let state = self.state.lock().await;
        let used = self
            .records
            .count(utc_day(now_ms()), direction, peer, category)?;
        let decision = policy::evaluate(
            here,
            self.config().agreement_with(peer),
            flow,
            category,
            purpose,
            used,
        );
        let mut event = Event::new("policy.checked", actor).detail(format!(
            "dry run {flow} {category} for {purpose}: {} by {}",
            if decision.allowed {
                "allowed"
            } else {
                "denied"
            },
            decision.rule
        ));
        event.peer = Some(peer);
        event.category = Some(category);
        let pending = Pending {
            events: vec![event],
            ..Pending::default()
        };
        self.commit(state, pending).await?;
        Ok(decision)
    }

    /// Records the outcome of witnessing `peer`: an audit entry, the head as
    /// the new reference when `accepted`, and `evidence` of tampering.
    pub async fn record_witness(
        &self,
        peer: CountryCode,
        verdict: &str,
        detail: String,
        accepted: Option<&pb::SignedTreeHead>,
        evidence: Option<serde_json::Value>,
    ) -> Result<()> {
        let state = self.state.lock().await;
        let mut pending = Pending::default();
        let event_name = if evidence.is_some() {
            "witness.alarm"
        } else {
            "witness.checked"
        };
        let mut event = Event::new(event_name, "node").detail(format!("{verdict}: {detail}"));
        event.peer = Some(peer);
        pending.events.push(event);
        if let Some(head) = accepted {
            pending.changes.put_witnessed(peer, head);
        }
        if let Some(evidence) = evidence {
            pending.changes.put_evidence(peer, now_ms(), &evidence);
        }
        self.commit(state, pending).await
    }

    /// A request this node sent or received.
    pub fn get(&self, request_id: &str) -> Result<RequestRecord> {
        for direction in [Direction::Outgoing, Direction::Incoming] {
            if let Some(record) = self.records.request(direction, request_id)? {
                return Ok(record);
            }
        }
        Err(Error::not_found(format!("no request {request_id}")))
    }

    /// Requests this node sent, optionally only those in one status or to
    /// one country.
    pub fn list_outgoing(
        &self,
        status: Option<RequestStatus>,
        country: Option<CountryCode>,
    ) -> Result<Vec<RequestRecord>> {
        let mut records = self.records.requests(Direction::Outgoing)?;
        records.retain(|r| {
            status.is_none_or(|s| r.status == s) && country.is_none_or(|c| r.peer() == c)
        });
        records.sort_by(|a, b| {
            (a.request.created_unix_ms, &a.request.request_id)
                .cmp(&(b.request.created_unix_ms, &b.request.request_id))
        });
        Ok(records)
    }

    /// The requests routed to `agency`.
    pub fn assignments(&self, agency: &str, include_closed: bool) -> Result<Vec<RequestRecord>> {
        if !include_closed {
            return Ok(self.records.open_assignments(agency)?);
        }
        let mut records = self.records.requests(Direction::Incoming)?;
        records.retain(|r| {
            r.agency.as_deref() == Some(agency)
                && (include_closed || r.status == RequestStatus::Assigned)
        });
        records.sort_by(|a, b| {
            (a.request.created_unix_ms, &a.request.request_id)
                .cmp(&(b.request.created_unix_ms, &b.request.request_id))
        });
        Ok(records)
    }

    /// A request received by this node and routed to `agency`.
    pub fn assignment(&self, agency: &str, request_id: &str) -> Result<RequestRecord> {
        self.records
            .request(Direction::Incoming, request_id)?
            .filter(|r| r.agency.as_deref() == Some(agency))
            .ok_or_else(|| {
                Error::not_found(format!(
                    "no request {request_id} assigned to agency {agency}"
                ))
            })
    }

    /// The sender withdraws a request; the peer is told.
    pub async fn withdraw(
        &self,
        caller: &LocalUser,
        request_id: &str,
        reason: String,
    ) -> Result<RequestRecord> {
        let state = self.state.lock().await;
        let mut record = self
            .records
            .request(Direction::Outgoing, request_id)?
            .ok_or_else(|| {
                Error::not_found(format!("no request {request_id} sent by this node"))
            })?;
        if record.status.is_final() {
            return Err(Error::precondition(format!(
                "request {request_id} is already {}",
                record.status
            )));
        }
        let now = now_ms();
        record.transition(
            RequestStatus::Withdrawn,
            now,
            format!("withdrawn by {}", caller.name),
        );
        let (message, sealed) = self.seal(
            record.peer(),
            Content::Withdrawal(Withdrawal {
                request_id: request_id.to_string(),
                reason,
            }),
        );
        let give_up = record.request.deadline_unix_ms.max(now) + DELIVERY_GRACE_MS;
        let mut pending = Pending::default();
        pending.record(&record);
        pending.enqueue(&self.outbox_item(&message, &sealed, OutboxKind::Withdrawal, give_up));
        pending.events.push(
            Event::new("request.withdrawn", &caller.name)
                .about(&record)
                .hash(sealed.hash),
        );
        self.commit(state, pending).await?;
        Ok(record)
    }

    /// An agency answers or refuses a request assigned to it.
    pub async fn respond(
        &self,
        caller: &LocalUser,
        agency: &str,
        request_id: &str,
        reply: AgencyReply,
    ) -> Result<RequestRecord> {
        let state = self.state.lock().await;
        let mut record = self.assignment(agency, request_id)?;
        if record.status != RequestStatus::Assigned {
            return Err(Error::precondition(format!(
                "request {request_id} is {}, not awaiting an answer",
                record.status
            )));
        }
        let now = now_ms();
        if now >= record.request.deadline_unix_ms {
            // Past its deadline on this node's clock: it expires now, if the
            // periodic sweep has not done so yet, and cannot be answered.
            let mut pending = Pending::default();
            pending.expire(&mut record, now, "deadline passed without an answer");
            pending.record(&record);
            self.commit(state, pending).await?;
            return Err(Error::precondition(format!(
                "request {request_id} expired at its deadline, {}; it can no longer be answered",
                liaison_proto::time::rfc3339(record.request.deadline_unix_ms)
            )));
        }
        let mut redaction = None;
        let outcome = match reply {
            AgencyReply::Refuse {
                reason,
                explanation,
            } => Outcome::Refused {
                reason,
                explanation,
                rule: String::new(),
            },
            AgencyReply::Release { fields, remarks } => {
                let grant = record.grant.clone().ok_or_else(|| {
                    Error::precondition(format!(
                        "request {request_id} holds no grant from the sharing agreement and cannot be answered"
                    ))
                })?;
                let category = record.request.category;
                let known = category.response_fields();
                if let Some(i) = fields
                    .iter()
                    .position(|f| !known.contains(&f.name.as_str()))
                {
                    return Err(Error::invalid(Problem::field(
                        format!("fields[{i}].name"),
                        format!(
                            "is not a response field of {category} (known: {})",
                            known.join(", ")
                        ),
                    )));
                }
                // Released: what the agreement grants and the requester
                // asked for (a request signed before requests named their
                // fields asks for everything granted).
                let requested = &record.request.requested_fields;
                let wanted = |name: &String| requested.is_empty() || requested.contains(name);
                let (handling, retention_days) =
                    answer_terms(&grant, &record.request).map_err(Error::precondition)?;
                let (released, withheld): (Vec<_>, Vec<_>) = fields
                    .into_iter()
                    .partition(|f| grant.release.contains(&f.name) && wanted(&f.name));
                let redacted_fields: Vec<String> = withheld.into_iter().map(|f| f.name).collect();
                if !redacted_fields.is_empty() {
                    let (not_granted, not_asked): (Vec<&String>, Vec<&String>) = redacted_fields
                        .iter()
                        .partition(|name| !grant.release.contains(*name));
                    let mut parts = Vec::new();
                    if !not_granted.is_empty() {
                        parts.push(format!(
                            "withheld {} under {}",
                            join(&not_granted),
                            grant.rule
                        ));
                    }
                    if !not_asked.is_empty() {
                        parts.push(format!("withheld {} as not requested", join(&not_asked)));
                    }
                    redaction = Some(parts.join("; "));
                }
                Outcome::Released {
                    fields: released,
                    remarks,
                    handling,
                    retention_days,
                    redacted_fields,
                    rule: grant.rule,
                }
            }
        };
        let answer = Answer {
            request_id: request_id.to_string(),
            from_country: self.country(),
            to_country: record.request.from_country,
            agency: agency.to_string(),
            answered_unix_ms: now,
            outcome,
        };
        let status = answer.outcome.status();
        let detail = describe_outcome(&answer.outcome);
        let (message, sealed) = self.seal(record.peer(), Content::Answer(answer.clone()));
        record.answer = Some(answer);
        record.answer_envelope_hash = Some(sealed.hash);
        record.transition(
            status,
            now,
            format!("{} by {}", status.as_str().to_lowercase(), caller.name),
        );
        let give_up = record.request.deadline_unix_ms.max(now) + DELIVERY_GRACE_MS;
        let mut pending = Pending::default();
        pending.record(&record);
        pending.enqueue(&self.outbox_item(&message, &sealed, OutboxKind::Answer, give_up));
        let event = if status == RequestStatus::Answered {
            "request.answered"
        } else {
            "request.refused"
        };
        pending.events.push(
            Event::new(event, &caller.name)
                .about(&record)
                .hash(sealed.hash)
                .detail(detail),
        );
        if let Some(redaction) = redaction {
            pending.events.push(
                Event::new("answer.redacted", "node")
                    .about(&record)
                    .detail(redaction),
            );
        }
        self.commit(state, pending).await?;
        tracing::info!(country = %self.country(), request_id, %status, agency, "agency responded");
        Ok(record)
    }

    /// Verifies and records an envelope delivered by `peer` (the country its
    /// TLS certificate names), and returns the signed receipt. Delivering the
    /// same envelope again returns the original receipt.
    ///
    /// A refused envelope stores nothing but its audit entry: `answer.rejected`
    /// for an answer (naming the request, the envelope's hash and the rule),
    /// `call.refused` for anything else. Both say the status, the field and
    /// the rule, never a value.
    pub async fn receive(&self, peer: CountryCode, envelope: &pb::Envelope) -> Result<pb::Receipt> {
        let Rejection { error, answer } = match self.receive_checked(peer, envelope).await {
            Ok(receipt) => return Ok(receipt),
            Err(rejection) => rejection,
        };
        let Some(refusal) = error.refusal() else {
            return Err(error);
        };
        tracing::warn!(
            country = %self.country(),
            %peer,
            code = code_name(refusal.code),
            field = refusal.problem.field.as_deref().unwrap_or("-"),
            rule = %refusal.problem.rule,
            "envelope refused"
        );
        let actor = format!("peer:{peer}");
        let mut event = match answer {
            Some(answer) => {
                let mut event = Event::new("answer.rejected", actor)
                    .hash(answer.envelope_hash)
                    .detail(refusal.detail());
                event.request_id = Some(answer.request_id);
                event.category = answer.category;
                event
            }
            None => Event::new("call.refused", actor)
                .detail(format!("envelope refused: {}", refusal.detail())),
        };
        event.peer = Some(peer);
        self.record_event(event).await?;
        Err(error)
    }

    async fn receive_checked(
        &self,
        peer: CountryCode,
        envelope: &pb::Envelope,
    ) -> std::result::Result<pb::Receipt, Rejection> {
        let config = self.config();
        let peer_config = config
            .peers
            .get(&peer)
            .ok_or_else(|| Error::denied(format!("{peer} is not a configured peer")))?;
        let (keys, revoked) = (&peer_config.keys, &peer_config.revoked);
        if revoked.contains(&envelope.key_id) {
            return Err(Error::unauthenticated(
                "envelope refused: signed with a revoked key of the sender",
            )
            .into());
        }
        let verified =
            envelope::open_envelope(envelope, |id| keys.get(id).copied()).map_err(Error::from)?;
        let message = verified.value;
        let request_id = message.content.request_id().to_string();
        if message.from != peer {
            return Err(Error::denied(format!(
                "envelope from {} arrived over the TLS identity of {peer}",
                message.from
            ))
            .into());
        }
        if message.to != self.country() {
            return Err(Error::invalid(format!(
                "envelope is addressed to {}, this node is {}",
                message.to,
                self.country()
            ))
            .into());
        }
        let mut state = self.state.lock().await;
        if let Some(seen) = self.records.seen(&message.message_id)? {
            return if seen.envelope_hash == verified.hash {
                decode_receipt(&seen.receipt).map_err(Rejection::from)
            } else {
                Err(Error::exists(format!(
                    "message id {} was already delivered with different content",
                    message.message_id
                ))
                .into())
            };
        }
        let now = now_ms();
        let skew = self.skew_ms();
        let max_age = self.config().max_message_age.as_millis() as i64;
        if message.created_unix_ms > now + skew {
            return Err(Error::invalid(format!(
                "envelope timestamp is {} s in the future (more than the {} s clock skew allowed)",
                (message.created_unix_ms - now) / 1000,
                skew / 1000
            ))
            .into());
        }
        if message.created_unix_ms < now - max_age {
            return Err(Error::invalid(format!(
                "stale envelope: created {} s ago, more than the {} s allowed",
                (now - message.created_unix_ms) / 1000,
                max_age / 1000
            ))
            .into());
        }
        let actor = format!("peer:{peer}");
        let mut pending = Pending::default();
        let receipt_event;
        match message.content {
            Content::Request(request) => {
                if self
                    .records
                    .request(Direction::Incoming, &request.request_id)?
                    .is_some()
                {
                    return Err(Error::exists(format!(
                        "request id {} was already delivered in another message",
                        request.request_id
                    ))
                    .into());
                }
                let mut record = RequestRecord {
                    request,
                    direction: Direction::Incoming,
                    status: RequestStatus::Received,
                    history: Vec::new(),
                    agency: None,
                    answer: None,
                    envelope_hash: verified.hash,
                    receipt: None,
                    answer_envelope_hash: None,
                    answer_receipt: None,
                    grant: None,
                    purged_unix_ms: None,
                    delivery_error: None,
                };
                record.transition(
                    RequestStatus::Received,
                    now,
                    format!("received from {peer}"),
                );
                pending
                    .changes
                    .put_envelope(&verified.hash, envelope.encode_to_vec());
                receipt_event = Event::new("request.received", &actor)
                    .about(&record)
                    .hash(verified.hash);
                pending.events.push(receipt_event.clone());
                self.route(&mut record, now, &mut pending)?;
                pending.record(&record);
            }
            Content::Answer(answer) => {
                let rejected = |error: Error, category: Option<Category>| Rejection {
                    error,
                    answer: Some(RejectedAnswer {
                        request_id: answer.request_id.clone(),
                        category,
                        envelope_hash: verified.hash,
                    }),
                };
                let mut record = self
                    .records
                    .request(Direction::Outgoing, &answer.request_id)?
                    .filter(|r| r.peer() == peer)
                    .ok_or_else(|| {
                        rejected(
                            Error::not_found(format!(
                                "no request {} was sent to {peer}",
                                answer.request_id
                            )),
                            None,
                        )
                    })?;
                let category = record.request.category;
                self.check_answer(&record, &answer, now)
                    .map_err(|e| rejected(e, Some(category)))?;
                let status = answer.outcome.status();
                let detail = describe_outcome(&answer.outcome);
                record.transition(
                    status,
                    now,
                    format!(
                        "{} by {} ({peer})",
                        status.as_str().to_lowercase(),
                        answer.agency
                    ),
                );
                record.answer = Some(answer);
                record.answer_envelope_hash = Some(verified.hash);
                pending
                    .changes
                    .put_envelope(&verified.hash, envelope.encode_to_vec());
                receipt_event = Event::new("answer.received", &actor)
                    .about(&record)
                    .hash(verified.hash)
                    .detail(detail);
                pending.events.push(receipt_event.clone());
                pending.record(&record);
            }
            Content::Withdrawal(withdrawal) => {
                let mut record = self
                    .records
                    .request(Direction::Incoming, &withdrawal.request_id)?
                    .filter(|r| r.peer() == peer)
                    .ok_or_else(|| {
                        Error::not_found(format!(
                            "no request {} was received from {peer}",
                            withdrawal.request_id
                        ))
                    })?;
                if record.status.is_final() {
                    return Err(Error::precondition(format!(
                        "request {} is already {} here; a final state does not change",
                        withdrawal.request_id, record.status
                    ))
                    .into());
                }
                record.transition(
                    RequestStatus::Withdrawn,
                    now,
                    format!("withdrawn by {peer}"),
                );
                receipt_event = Event::new("request.withdrawn", &actor)
                    .about(&record)
                    .hash(verified.hash);
                pending.events.push(receipt_event.clone());
                pending.record(&record);
            }
        }
        // The receipt names the audit index of the delivery event (the first
        // event of this commit) and the signed tree head that covers it.
        let before = state.frontier.clone();
        let (audit_index, head) = self
            .append_log(&mut state, &mut pending)
            .ok_or_else(|| Error::precondition("nothing to record"))?;
        let body = liaison_proto::domain::ReceiptBody {
            message_id: message.message_id.clone(),
            envelope_hash: verified.hash,
            receiver: self.country(),
            sender: peer,
            received_unix_ms: now,
            audit_index,
            tree_head: Some(SignedBytes {
                body: head.body,
                key_id: head.key_id,
                signature: head.signature,
            }),
        };
        let receipt = self.signer().sign_receipt(&body);
        pending.changes.put_seen(
            &message.message_id,
            &SeenMessage {
                envelope_hash: verified.hash,
                receipt: receipt.encode_to_vec(),
            },
        );
        self.finish(state, before, pending).await?;
        tracing::info!(
            country = %self.country(),
            %peer,
            %request_id,
            kind = receipt_event.event,
            "envelope accepted"
        );
        Ok(receipt)
    }

    /// The clock difference tolerated between nodes, in milliseconds.
    fn skew_ms(&self) -> i64 {
        self.config().max_clock_skew.as_millis() as i64
    }

    /// Decides what happens to a request just received: refused at once if
    /// its deadline has passed or this node's agreement does not allow it,
    /// or if no agency handles its category; otherwise assigned.
    fn route(&self, record: &mut RequestRecord, now: i64, pending: &mut Pending) -> Result<()> {
        let peer = record.peer();
        if record.request.deadline_unix_ms <= now {
            // Nobody can answer it any more, and the requester has stopped
            // waiting: it expires here at once, and no answer is sent.
            let why = format!(
                "arrived after its deadline, {}",
                liaison_proto::time::rfc3339(record.request.deadline_unix_ms)
            );
            pending.expire(record, now, &why);
            return Ok(());
        }
        let day = utc_day(now);
        let category = record.request.category;
        let used = self
            .records
            .count(day, Direction::Incoming, peer, category)?;
        let decision = policy::evaluate(
            self.country(),
            self.config().agreement_with(peer),
            Flow {
                from: peer,
                to: self.country(),
            },
            category,
            record.request.purpose,
            used,
        );
        if !decision.allowed {
            pending.events.push(
                Event::new("policy.denied", "node")
                    .about(record)
                    .detail(format!("{}: {}", decision.rule, decision.reason)),
            );
            let outcome = Outcome::Refused {
                reason: RefusalReason::OutsideAgreement,
                explanation: format!(
                    "refused by {}'s sharing agreement: {}",
                    self.country(),
                    decision.reason
                ),
                rule: decision.rule.clone(),
            };
            self.refuse_automatically(record, outcome, now, pending);
            return Ok(());
        }
        pending
            .changes
            .put_count(day, Direction::Incoming, peer, category, used + 1);
        pending.events.push(
            Event::new("policy.allowed", "node")
                .about(record)
                .detail(decision.rule.clone()),
        );
        record.grant = decision.grant.clone();
        match self.config().agency_for(category) {
            Some(agency) => {
                record.agency = Some(agency.name.clone());
                record.transition(
                    RequestStatus::Assigned,
                    now,
                    format!("assigned to {}", agency.name),
                );
                pending.events.push(
                    Event::new("request.assigned", "node")
                        .about(record)
                        .detail(agency.name.clone()),
                );
            }
            None => {
                let outcome = Outcome::Refused {
                    reason: RefusalReason::NoCompetentAgency,
                    explanation: format!("no agency of {} handles {category}", self.country()),
                    rule: String::new(),
                };
                self.refuse_automatically(record, outcome, now, pending);
            }
        }
        Ok(())
    }

    /// Checks an answer a peer sent to one of this node's requests, as
    /// strictly as the peer checked the request: deny by default in both
    /// directions. The request must still be open and its deadline not
    /// passed (within the clock skew allowed); released fields must be ones
    /// this node asked for and its own agreement accepts for the category;
    /// the handling code may not be looser nor the retention longer than its
    /// own agreement says. A refusal releases nothing and is always accepted
    /// while the request is open.
    fn check_answer(&self, record: &RequestRecord, answer: &Answer, now: i64) -> Result<()> {
        let id = &record.request.request_id;
        let deadline = record.request.deadline_unix_ms;
        let skew = self.skew_ms();
        if record.status.is_final() {
            return Err(Error::precondition(
                if record.status == RequestStatus::Expired {
                    format!(
                        "request {id} expired at its deadline, {}; a final state does not change",
                        liaison_proto::time::rfc3339(deadline)
                    )
                } else {
                    format!(
                        "request {id} is already {}; a final state does not change",
                        record.status
                    )
                },
            ));
        }
        if now > deadline + skew || answer.answered_unix_ms > deadline + skew {
            return Err(Error::precondition(format!(
                "the deadline of request {id} was {}; an answer made or arriving more than {} s \
                 after it (the clock skew allowed) is not accepted",
                liaison_proto::time::rfc3339(deadline),
                skew / 1000
            )));
        }
        let Outcome::Released {
            fields,
            handling,
            retention_days,
            redacted_fields,
            ..
        } = &answer.outcome
        else {
            return Ok(());
        };
        let category = record.request.category;
        let peer = record.peer();
        let config = self.config();
        let agreement = config.agreement_with(peer);
        let rule = agreement.and_then(|a| a.rule_for(category)).filter(|r| {
            r.flows.contains(&Flow {
                from: self.country(),
                to: peer,
            })
        });
        let (Some(agreement), Some(rule)) = (agreement, rule) else {
            return Err(Error::denied(format!(
                "{} no longer accepts {category} answers from {peer}: no rule of its agreement \
                 covers them [rule: {} default deny]",
                self.country(),
                self.country()
            )));
        };
        let label = format!("{} rule {} ({category})", agreement.label(), rule.number);
        let requested = &record.request.requested_fields;
        for (i, field) in fields.iter().enumerate() {
            let path = format!("answer.released.fields[{i}].name");
            if !rule.release.contains(&field.name) {
                return Err(Error::denied(Problem::field(
                    path,
                    format!(
                        "{} is not a field {}'s agreement accepts [rule: {label}]",
                        field.name,
                        self.country()
                    ),
                )));
            }
            if !requested.is_empty() && !requested.contains(&field.name) {
                return Err(Error::denied(Problem::field(
                    path,
                    format!(
                        "{} was not requested (requested: {}) [rule: {label}]",
                        field.name,
                        requested.join(", ")
                    ),
                )));
            }
        }
        let known = category.response_fields();
        if let Some(i) = redacted_fields
            .iter()
            .position(|name| !known.contains(&name.as_str()))
        {
            return Err(Error::invalid(Problem::field(
                format!("answer.released.redacted_fields[{i}]"),
                format!("is not a response field of {category}"),
            )));
        }
        if !handling.at_least_as_strict_as(rule.handling) {
            return Err(Error::denied(Problem::field(
                "answer.released.handling",
                format!(
                    "{handling} is less strict than the {} {}'s agreement requires [rule: {label}]",
                    rule.handling,
                    self.country()
                ),
            )));
        }
        if *retention_days > rule.retention_days {
            return Err(Error::denied(Problem::field(
                "answer.released.retention_days",
                format!(
                    "{retention_days} days is longer than the {} days {}'s agreement allows \
                     [rule: {label}]",
                    rule.retention_days,
                    self.country()
                ),
            )));
        }
        Ok(())
    }

    /// Answers a request with a refusal on the node's own authority (no
    /// agency is competent), queuing the signed refusal for the requester.
    fn refuse_automatically(
        &self,
        record: &mut RequestRecord,
        outcome: Outcome,
        now: i64,
        pending: &mut Pending,
    ) {
        let answer = Answer {
            request_id: record.request.request_id.clone(),
            from_country: self.country(),
            to_country: record.request.from_country,
            agency: "node".into(),
            answered_unix_ms: now,
            outcome,
        };
        let detail = describe_outcome(&answer.outcome);
        let (message, sealed) = self.seal(record.peer(), Content::Answer(answer.clone()));
        record.answer = Some(answer);
        record.answer_envelope_hash = Some(sealed.hash);
        record.transition(RequestStatus::Refused, now, detail.clone());
        let give_up = record.request.deadline_unix_ms.max(now) + DELIVERY_GRACE_MS;
        pending.enqueue(&self.outbox_item(&message, &sealed, OutboxKind::Answer, give_up));
        pending.events.push(
            Event::new("request.refused", "node")
                .about(record)
                .hash(sealed.hash)
                .detail(detail),
        );
    }

    /// Records a peer's receipt for an outbox item, after checking that it
    /// is signed by that peer and names exactly the envelope we sent.
    pub(crate) async fn delivered(&self, item: &OutboxItem, receipt: &pb::Receipt) -> Result<()> {
        let config = self.config();
        let keys = &config
            .peers
            .get(&item.to)
            .ok_or_else(|| {
                Error::precondition(format!("{} is no longer a configured peer", item.to))
            })?
            .keys;
        let verified = envelope::open_receipt(receipt, |id| keys.get(id).copied())?;
        let body = &verified.value;
        if body.message_id != item.message_id
            || body.envelope_hash != item.envelope_hash
            || body.receiver != item.to
            || body.sender != self.country()
        {
            return Err(Error::invalid(format!(
                "receipt from {} does not name the envelope delivered",
                item.to
            )));
        }
        let head = body.tree_head.as_ref().ok_or_else(|| {
            Error::invalid(format!("receipt from {} has no signed tree head", item.to))
        })?;
        let head = envelope::open_tree_head(&head.into(), |id| keys.get(id).copied())?.value;
        if head.country != item.to || head.tree_size <= body.audit_index {
            return Err(Error::invalid(format!(
                "the tree head in {}'s receipt does not cover audit index {}",
                item.to, body.audit_index
            )));
        }
        let stored = StoredReceipt {
            receiver: body.receiver,
            received_unix_ms: body.received_unix_ms,
            audit_index: body.audit_index,
            key_id: verified.key_id.clone(),
            receipt: receipt.encode_to_vec(),
        };
        let state = self.state.lock().await;
        let mut pending = Pending::default();
        pending.changes.remove_outbox(&item.message_id);
        let direction = match item.kind {
            OutboxKind::Request | OutboxKind::Withdrawal => Direction::Outgoing,
            OutboxKind::Answer => Direction::Incoming,
        };
        let record = self.records.request(direction, &item.request_id)?;
        let mut event = Event::new("receipt.received", format!("peer:{}", item.to))
            .hash(item.envelope_hash)
            .detail(
                format!(
                    "{:?} delivered; peer audit index {}",
                    item.kind, body.audit_index
                )
                .to_lowercase(),
            );
        event.peer = Some(item.to);
        if let Some(mut record) = record {
            event = event.about(&record);
            match item.kind {
                OutboxKind::Request => {
                    record.receipt = Some(stored);
                    if record.status == RequestStatus::Submitted {
                        record.transition(
                            RequestStatus::Sent,
                            now_ms(),
                            format!("receipt from {}", item.to),
                        );
                    }
                }
                OutboxKind::Answer => record.answer_receipt = Some(stored),
                OutboxKind::Withdrawal => {}
            }
            pending.record(&record);
        }
        pending.events.push(event);
        self.commit(state, pending).await?;
        tracing::info!(
            country = %self.country(),
            peer = %item.to,
            request_id = %item.request_id,
            kind = ?item.kind,
            "receipt accepted"
        );
        Ok(())
    }

    /// Records a failed delivery of an outbox item. A transient failure
    /// reschedules it with backoff, until its time is over (a request then
    /// becomes EXPIRED). A permanent refusal by the peer ends the delivery
    /// at once: `delivery.failed` is audited with the status code, the
    /// record keeps the reason, and an undelivered request becomes
    /// UNDELIVERABLE.
    pub(crate) async fn delivery_failed(
        &self,
        item: &OutboxItem,
        failure: &DeliveryFailure,
    ) -> Result<()> {
        let state = self.state.lock().await;
        // The item may have been delivered by a concurrent attempt.
        let Some(mut current) = self.records.outbox_item(&item.message_id)? else {
            return Ok(());
        };
        let now = now_ms();
        let mut pending = Pending::default();
        let direction = match current.kind {
            OutboxKind::Request | OutboxKind::Withdrawal => Direction::Outgoing,
            OutboxKind::Answer => Direction::Incoming,
        };
        let kind = format!("{:?}", current.kind).to_lowercase();
        match failure {
            DeliveryFailure::Permanent { code, message } => {
                pending.changes.remove_outbox(&current.message_id);
                let reason = format!("{}: {message}", code_name(*code));
                // The audit entry names the status only: the peer's message
                // is its own text, kept in the record, not in the log.
                let mut event = Event::new("delivery.failed", "node")
                    .hash(current.envelope_hash)
                    .detail(format!(
                        "{kind} refused by {} with {}; not retried",
                        current.to,
                        code_name(*code)
                    ));
                event.peer = Some(current.to);
                event.request_id = Some(current.request_id.clone());
                if let Some(mut record) = self.records.request(direction, &current.request_id)? {
                    event = event.about(&record);
                    record.delivery_error = Some(reason.clone());
                    if current.kind == OutboxKind::Request && !record.status.is_final() {
                        record.transition(
                            RequestStatus::Undeliverable,
                            now,
                            format!("{} refused the delivery: {reason}", current.to),
                        );
                    }
                    pending.record(&record);
                }
                pending.events.push(event);
                tracing::warn!(
                    country = %self.country(),
                    to = %current.to,
                    request_id = %current.request_id,
                    kind,
                    code = code_name(*code),
                    "delivery refused for good by the peer"
                );
            }
            DeliveryFailure::Transient(_) if now >= current.give_up_unix_ms => {
                pending.changes.remove_outbox(&current.message_id);
                let mut event = Event::new("delivery.abandoned", "node")
                    .hash(current.envelope_hash)
                    .detail(format!("after {} attempts", current.attempts + 1));
                event.peer = Some(current.to);
                event.request_id = Some(current.request_id.clone());
                if current.kind == OutboxKind::Request
                    && let Some(mut record) = self
                        .records
                        .request(Direction::Outgoing, &current.request_id)?
                    && !record.status.is_final()
                {
                    pending.expire(&mut record, now, "deadline passed before delivery");
                    pending.record(&record);
                }
                pending.events.push(event);
                tracing::warn!(to = %current.to, kind, "delivery abandoned");
            }
            DeliveryFailure::Transient(error) => {
                current.attempts += 1;
                current.next_attempt_unix_ms = now + backoff_ms(current.attempts);
                current.last_error = Some(error.chars().take(500).collect());
                pending.changes.put_outbox(&current);
            }
        }
        self.commit(state, pending).await?;
        Ok(())
    }

    /// Expires requests whose deadline passed without an answer, through
    /// the deadline indexes: a sent request once its deadline is more than
    /// the clock skew allowed behind (an answer made in time on a peer
    /// whose clock runs ahead may still be on its way), a received one at
    /// its deadline by this node's clock, after which its agency can no
    /// longer answer. Returns how many expired.
    pub async fn expire_overdue(&self, now: i64) -> Result<usize> {
        let due = self.records.due(now - self.skew_ms())?;
        let due_incoming = self.records.due_incoming(now)?;
        if due.is_empty() && due_incoming.is_empty() {
            return Ok(0);
        }
        let state = self.state.lock().await;
        let mut pending = Pending::default();
        for (key, id) in due {
            let Some(mut record) = self.records.request(Direction::Outgoing, &id)? else {
                pending.changes.remove_key(key);
                continue;
            };
            match record.status {
                // Still undelivered: the delivery worker expires it when it
                // gives up at the same deadline.
                RequestStatus::Submitted => {}
                RequestStatus::Sent => {
                    pending.expire(&mut record, now, "deadline passed without an answer");
                    pending.record(&record);
                    pending.changes.remove_key(key);
                }
                _ => pending.changes.remove_key(key),
            }
        }
        for (key, id) in due_incoming {
            match self.records.request(Direction::Incoming, &id)? {
                Some(mut record) if !record.status.is_final() => {
                    // `put_request` removes the index key of a final record.
                    pending.expire(&mut record, now, "deadline passed without an answer");
                    pending.record(&record);
                }
                _ => pending.changes.remove_key(key),
            }
        }
        if pending.changes.is_empty() {
            return Ok(0);
        }
        let count = pending.updated.len();
        self.commit(state, pending).await?;
        Ok(count)
    }

    /// Purges the personal data of every request whose retention period
    /// ended at or before `now` ([`RequestRecord::purge`]) and erases its
    /// stored envelopes, which hold the same data; each purge is an audit
    /// entry. The audit log itself holds no personal data and stays whole
    /// and verifiable. Returns how many requests were purged.
    pub async fn purge_expired(&self, now: i64) -> Result<usize> {
        let due = self.records.purge_due(now)?;
        if due.is_empty() {
            return Ok(0);
        }
        let state = self.state.lock().await;
        // An envelope still waiting for delivery is not erased under the
        // delivery worker: its request is purged at a later sweep.
        let undelivered: std::collections::HashSet<[u8; 32]> = self
            .records
            .outbox()?
            .into_iter()
            .map(|item| item.envelope_hash)
            .collect();
        let mut pending = Pending::default();
        let mut purged = 0;
        for (key, direction, id) in due {
            let Some(mut record) = self.records.request(direction, &id)? else {
                pending.changes.remove_key(key);
                continue;
            };
            // Purged already, or final again later (an answer after it
            // expired) and so due later, under another key.
            if record
                .purge_due(self.config().retention_days)
                .is_none_or(|at| at > now)
            {
                pending.changes.remove_key(key);
                continue;
            }
            let envelopes: Vec<[u8; 32]> = std::iter::once(record.envelope_hash)
                .chain(record.answer_envelope_hash)
                .collect();
            if envelopes.iter().any(|hash| undelivered.contains(hash)) {
                continue;
            }
            for hash in &envelopes {
                pending.changes.remove_envelope(hash);
            }
            let expires = !record.status.is_final();
            if expires {
                // Received, never answered, and long past its deadline: it
                // can no longer be answered either.
                pending.expire(&mut record, now, "deadline passed without an answer");
            }
            record.purge(now);
            if expires {
                pending.record(&record);
            } else {
                pending.changes.put_request(&record);
            }
            pending.changes.remove_key(key);
            pending.events.push(
                Event::new("request.purged", "node")
                    .about(&record)
                    .detail("retention period ended"),
            );
            purged += 1;
        }
        if pending.changes.is_empty() {
            return Ok(0);
        }
        self.commit(state, pending).await?;
        if purged > 0 {
            tracing::info!(country = %self.country(), purged, "personal data purged at the end of its retention period");
        }
        Ok(purged)
    }
}

/// The handling code and retention an answer is released under: the
/// stricter of what this node's agreement attaches (`grant`) and what the
/// requester's agreement accepts (carried in the request), so that the
/// answer meets both. When the two handling codes restrict different
/// things, no answer can meet both: the agreements must be reconciled.
pub fn answer_terms(
    grant: &policy::Grant,
    request: &InformationRequest,
) -> std::result::Result<(HandlingCode, u32), String> {
    let handling = match request.accepted_handling {
        None => grant.handling,
        Some(accepted) if grant.handling.at_least_as_strict_as(accepted) => grant.handling,
        Some(accepted) if accepted.at_least_as_strict_as(grant.handling) => accepted,
        Some(accepted) => {
            return Err(format!(
                "{} accepts released data only under {accepted}, and {} releases it under {}; \
                 no handling code meets both agreements: reconcile them (`liaison policy compare`)",
                request.from_country, grant.rule, grant.handling
            ));
        }
    };
    let retention = request
        .max_retention_days
        .map_or(grant.retention_days, |max| max.min(grant.retention_days));
    Ok((handling, retention))
}

/// The settings that differ between `old` and `new` and that a running
/// node cannot change: they are read once, when it starts.
fn restart_only_changes(old: &Config, new: &Config) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let mut check = |name, differs: bool| {
        if differs {
            changed.push(name);
        }
    };
    check("node.country", old.country != new.country);
    check("node.tls_name", old.tls_name != new.tls_name);
    check(
        "node.federation_listen",
        old.federation_listen != new.federation_listen,
    );
    check("node.local_listen", old.local_listen != new.local_listen);
    check(
        "node.metrics_listen",
        old.metrics_listen != new.metrics_listen,
    );
    check("node.data_dir", old.data_dir != new.data_dir);
    check("tls.cert", old.tls.cert_pem != new.tls.cert_pem);
    check("tls.key", old.tls.key_pem != new.tls.key_pem);
    check("tls.ca", old.tls.ca_pem != new.tls.ca_pem);
    check(
        "node.witness_interval_secs",
        old.witness_interval != new.witness_interval,
    );
    check(
        "node.peer_rate_per_sec",
        old.peer_rate_per_sec != new.peer_rate_per_sec,
    );
    check("node.peer_burst", old.peer_burst != new.peer_burst);
    check(
        "node.peer_concurrency",
        old.peer_concurrency != new.peer_concurrency,
    );
    changed
}

/// What a reload from `old` to `new` changes (besides the signing key), in
/// words fit for the audit log: countries, agreement versions and hashes,
/// key ids, agency and user names, settings. No personal data.
fn config_changes(old: &Config, new: &Config) -> Vec<String> {
    let mut changes = Vec::new();
    let keys = |c: &Config| c.previous_keys.keys().cloned().collect::<Vec<_>>();
    if keys(old) != keys(new) {
        changes.push(format!("earlier signing keys: {}", keys(new).join(",")));
    }
    let agreement = |p: &crate::config::Peer| {
        p.agreement
            .as_ref()
            .map_or("no agreement".to_string(), |a| {
                format!("v{} ({})", a.version, hex::encode(a.hash))
            })
    };
    for (country, peer) in &new.peers {
        let Some(before) = old.peers.get(country) else {
            changes.push(format!(
                "peer {country} added, agreement {}",
                agreement(peer)
            ));
            continue;
        };
        if before.endpoint != peer.endpoint || before.tls_name != peer.tls_name {
            changes.push(format!(
                "peer {country} now at {} ({})",
                peer.endpoint, peer.tls_name
            ));
        }
        let ids = |p: &crate::config::Peer| p.keys.keys().cloned().collect::<Vec<_>>();
        if ids(before) != ids(peer) {
            changes.push(format!("peer {country} keys: {}", ids(peer).join(",")));
        }
        if before.revoked != peer.revoked {
            let revoked: Vec<String> = peer.revoked.iter().cloned().collect();
            changes.push(format!(
                "peer {country} revoked keys: {}",
                revoked.join(",")
            ));
        }
        if before.agreement.as_ref().map(|a| a.hash) != peer.agreement.as_ref().map(|a| a.hash) {
            changes.push(format!(
                "agreement with {country} {} -> {}",
                agreement(before),
                agreement(peer)
            ));
        }
    }
    for country in old.peers.keys().filter(|c| !new.peers.contains_key(c)) {
        changes.push(format!("peer {country} removed"));
    }
    let agencies = |c: &Config| {
        c.agencies
            .iter()
            .map(|a| {
                let categories: Vec<&str> = a.categories.iter().map(|c| c.as_str()).collect();
                format!("{} [{}]", a.name, categories.join(","))
            })
            .collect::<Vec<_>>()
    };
    if agencies(old) != agencies(new) {
        changes.push(format!("agencies: {}", agencies(new).join(", ")));
    }
    let users = |c: &Config| {
        let mut users: Vec<String> = c
            .users
            .values()
            .map(|u| format!("{} ({})", u.name, u.role))
            .collect();
        users.sort();
        users
    };
    let tokens = |c: &Config| {
        let mut tokens: Vec<[u8; 32]> = c.users.keys().copied().collect();
        tokens.sort();
        tokens
    };
    if users(old) != users(new) || tokens(old) != tokens(new) {
        changes.push(format!("users: {}", users(new).join(", ")));
    }
    let mut setting = |name: &str, before: u64, after: u64| {
        if before != after {
            changes.push(format!("{name} {before} -> {after}"));
        }
    };
    setting(
        "node.max_clock_skew_secs",
        old.max_clock_skew.as_secs(),
        new.max_clock_skew.as_secs(),
    );
    setting(
        "node.max_message_age_secs",
        old.max_message_age.as_secs(),
        new.max_message_age.as_secs(),
    );
    setting(
        "node.retention_days",
        u64::from(old.retention_days),
        u64::from(new.retention_days),
    );
    changes
}

/// Field names joined by commas, for audit details.
fn join(names: &[&String]) -> String {
    names
        .iter()
        .map(|n| n.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// Exponential backoff from 250 ms, doubling to at most a minute, with up to
/// 25% random jitter so that a recovering peer is not hit by every node at
/// once.
pub fn backoff_ms(attempts: u32) -> i64 {
    let base = 250i64.saturating_mul(1i64 << attempts.min(20)).min(60_000);
    let jitter = random_bytes::<2>()
        .map(|b| i64::from(u16::from_le_bytes(b)))
        .unwrap_or(0);
    base + base * jitter / (4 * 65_536)
}

/// A description of an outcome without personal data: the released field
/// names, or the refusal reason.
fn describe_outcome(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Released {
            fields, handling, ..
        } => {
            let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
            format!("released fields: {}; handling {handling}", names.join(","))
        }
        Outcome::Refused { reason, rule, .. } if !rule.is_empty() => {
            format!("refused: {reason} under {rule}")
        }
        Outcome::Refused { reason, .. } => format!("refused: {reason}"),
    }
}

fn decode_receipt(bytes: &[u8]) -> Result<pb::Receipt> {
    pb::Receipt::decode(bytes).map_err(|e| {
        Error::Store(crate::store::StoreError::Corrupt {
            key: "msg/<receipt>".into(),
            reason: e.to_string(),
        })
    })
}
