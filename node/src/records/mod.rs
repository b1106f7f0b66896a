//! What the node stores, as typed records over the [`Store`] key space:
//!
//! | key                     | value                                           |
//! |-------------------------|-------------------------------------------------|
//! | `out/<request id>`      | [`RequestRecord`] of a request this node sent    |
//! | `in/<request id>`       | [`RequestRecord`] of a request a peer sent       |
//! | `msg/<message id>`      | [`SeenMessage`]: hash and receipt of a delivery  |
//! | `env/<message hash>`    | a signed envelope as sent or received (protobuf), written once |
//! | `outbox/<message id>`   | [`OutboxItem`]: an envelope not yet acknowledged, by hash |
//! | `count/<day>/<dir><peer>/<category>` | requests counted for daily limits |
//! | `open/<agency>/<created>/<id>` | incoming requests awaiting that agency |
//! | `due/<deadline>/<id>`   | outgoing requests not yet final, by deadline     |
//! | `due-in/<deadline>/<id>` | incoming requests not yet final, by deadline    |
//! | `purge/<time>/<o\|i>/<id>` | final requests, by when their personal data expires |
//! | `audit/<index, 16 hex>` | [`AuditEntry`]: a leaf of the Merkle audit log   |
//! | `mt/<level>/<index>`    | hash of a perfect subtree of the audit log       |
//! | `sth`                   | the latest signed tree head (protobuf)           |
//! | `witness/<peer>`        | the peer's latest tree head this node checked    |
//! | `evidence/<peer>/<ms>`  | proof of a peer's log being rolled back or forked |
//! | `meta/format`           | the store's format, upgraded at start ([`Records::migrate`]) |
//!
//! Values are JSON, so that a record written by an older version still reads
//! and a corrupt one is reported with its key. Signed envelopes are the
//! exception: they are kept once, in their exact protobuf bytes, under the
//! hash of their message, and records and outbox items refer to them by
//! that hash. A record is rewritten at every change of status, an envelope
//! never.

mod migrate;

use std::sync::Arc;

use liaison_proto::domain::{
    Answer, Category, CountryCode, InformationRequest, Outcome, RequestStatus, Subject,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use liaison_proto::merkle::Hash;
use liaison_proto::pb;
use prost::Message as _;

use crate::policy::Grant;
use crate::store::{Batch, Entry, GroupCommit, Store, StoreError};

/// Which side of an exchange a record belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Outgoing,
    Incoming,
}

impl Direction {
    fn prefix(self) -> &'static str {
        match self {
            Direction::Outgoing => "out/",
            Direction::Incoming => "in/",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: RequestStatus,
    pub at_unix_ms: i64,
    pub note: String,
}

/// A peer's signed receipt for one of our envelopes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredReceipt {
    pub receiver: CountryCode,
    pub received_unix_ms: i64,
    pub audit_index: u64,
    pub key_id: String,
    /// The encoded `Receipt` exactly as received, kept as evidence.
    #[serde(with = "base64_bytes")]
    pub receipt: Vec<u8>,
}

/// Everything the node knows about one request, on either side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRecord {
    pub request: InformationRequest,
    pub direction: Direction,
    pub status: RequestStatus,
    pub history: Vec<StatusChange>,
    /// The agency the request is routed to (incoming only).
    pub agency: Option<String>,
    pub answer: Option<Answer>,
    /// SHA-256 of the signed request message; the envelope is stored under
    /// it (see [`Records::envelope`]).
    #[serde(with = "hex_bytes")]
    pub envelope_hash: [u8; 32],
    /// The peer's receipt for the request (outgoing only).
    pub receipt: Option<StoredReceipt>,
    /// SHA-256 of the signed answer message, as sent or received; the
    /// envelope is stored under it.
    #[serde(default, with = "hex_option")]
    pub answer_envelope_hash: Option<[u8; 32]>,
    /// The requester's receipt for our answer (incoming only).
    pub answer_receipt: Option<StoredReceipt>,
    /// What our agreement grants for this request (incoming, once allowed):
    /// the fields an answer may release and the terms attached to them.
    #[serde(default)]
    pub grant: Option<Grant>,
    /// When the personal data was purged at the end of the retention
    /// period (see [`RequestRecord::purge`]).
    #[serde(default)]
    pub purged_unix_ms: Option<i64>,
    /// Why the peer refused, for good, the delivery of this node's last
    /// message about the request (its request, answer or withdrawal): the
    /// status code and the peer's message.
    #[serde(default)]
    pub delivery_error: Option<String>,
}

impl RequestRecord {
    /// Moves the record to `status`, remembering when and why.
    pub fn transition(&mut self, status: RequestStatus, at_unix_ms: i64, note: impl Into<String>) {
        self.status = status;
        self.history.push(StatusChange {
            status,
            at_unix_ms,
            note: note.into(),
        });
    }

    /// When this request's personal data is due to be purged: the retention
    /// period of its released answer, or `default_days` when nothing was
    /// released, counted from when it last became final. A request received
    /// and never answered counts `default_days` from its deadline. `None`
    /// for a sent request still open (it becomes final by its deadline),
    /// and once purged.
    pub fn purge_due(&self, default_days: u32) -> Option<i64> {
        let days = |days: u32| i64::from(days) * 86_400_000;
        if self.purged_unix_ms.is_some() {
            return None;
        }
        if !self.status.is_final() {
            return (self.direction == Direction::Incoming).then(|| {
                self.request
                    .deadline_unix_ms
                    .saturating_add(days(default_days))
            });
        }
        let ended = self
            .history
            .iter()
            .rev()
            .find(|change| change.status.is_final())
            .map_or(self.request.created_unix_ms, |change| change.at_unix_ms);
        let kept = match self.answer.as_ref().map(|a| &a.outcome) {
            Some(Outcome::Released { retention_days, .. }) => *retention_days,
            _ => default_days,
        };
        Some(ended.saturating_add(days(kept)))
    }

    /// Erases the request's personal data: its subject and summary, the
    /// released values and the free text of the answer. Who asked whom,
    /// what kind of request under which rule, when, the released field
    /// names and every hash stay, as does the audit log, which never held
    /// personal data.
    pub fn purge(&mut self, now_unix_ms: i64) {
        self.request.subject = Subject::Purged;
        self.request.summary.clear();
        if let Some(answer) = &mut self.answer {
            match &mut answer.outcome {
                Outcome::Released {
                    fields, remarks, ..
                } => {
                    for field in fields {
                        field.value.clear();
                    }
                    remarks.clear();
                }
                Outcome::Refused { explanation, .. } => explanation.clear(),
            }
        }
        self.purged_unix_ms = Some(now_unix_ms);
    }

    /// The peer on the other side of the exchange.
    pub fn peer(&self) -> CountryCode {
        match self.direction {
            Direction::Outgoing => self.request.to_country,
            Direction::Incoming => self.request.from_country,
        }
    }
}

/// A delivered message, remembered so that a retried delivery gets the
/// original receipt back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenMessage {
    #[serde(with = "hex_bytes")]
    pub envelope_hash: [u8; 32],
    /// The encoded signed `Receipt` we returned.
    #[serde(with = "base64_bytes")]
    pub receipt: Vec<u8>,
}

/// What kind of message an outbox item carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxKind {
    Request,
    Answer,
    Withdrawal,
}

/// A signed envelope waiting for the peer's receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub message_id: String,
    pub to: CountryCode,
    pub request_id: String,
    pub kind: OutboxKind,
    /// The encoded signed `Envelope`. Stored apart, under its hash: a
    /// retry rewrites the item, never the envelope.
    #[serde(skip)]
    pub envelope: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub envelope_hash: [u8; 32],
    pub attempts: u32,
    pub next_attempt_unix_ms: i64,
    /// After this time the node stops trying.
    pub give_up_unix_ms: i64,
    pub last_error: Option<String>,
}

/// One event in the node's audit trail: metadata and hashes, never the
/// subject of a request nor the content of an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub index: u64,
    pub at_unix_ms: i64,
    /// What happened, e.g. `request.submitted`, `envelope.refused`.
    pub event: String,
    /// Who did it: a local user, `peer:<country>`, or `node`.
    pub actor: String,
    pub request_id: Option<String>,
    pub peer: Option<CountryCode>,
    pub category: Option<Category>,
    /// Hex SHA-256 of the signed message concerned, if any.
    pub message_hash: Option<String>,
    /// Non-personal detail: a status, a reason code, a field list.
    pub detail: String,
}

/// The typed view of the node's [`Store`].
#[derive(Debug, Clone)]
pub struct Records {
    store: Arc<dyn Store>,
    /// Makes applied batches durable, sharing flushes between writers.
    group: Arc<GroupCommit>,
}

fn request_key(direction: Direction, request_id: &str) -> Vec<u8> {
    format!("{}{request_id}", direction.prefix()).into_bytes()
}

fn seen_key(message_id: &str) -> Vec<u8> {
    format!("msg/{message_id}").into_bytes()
}

fn envelope_key(hash: &[u8; 32]) -> Vec<u8> {
    format!("env/{}", hex::encode(hash)).into_bytes()
}

fn outbox_key(message_id: &str) -> Vec<u8> {
    format!("outbox/{message_id}").into_bytes()
}

/// Days since the Unix epoch (UTC) of a time in milliseconds.
pub fn utc_day(unix_ms: i64) -> i64 {
    unix_ms.div_euclid(86_400_000)
}

fn count_key(day: i64, direction: Direction, peer: CountryCode, category: Category) -> Vec<u8> {
    format!("count/{day:08}/{}{peer}/{category}", direction.prefix()).into_bytes()
}

pub fn audit_key(index: u64) -> Vec<u8> {
    format!("audit/{index:016x}").into_bytes()
}

pub fn tree_node_key(level: u32, index: u64) -> Vec<u8> {
    format!("mt/{level:02x}/{index:016x}").into_bytes()
}

pub const TREE_HEAD_KEY: &[u8] = b"sth";

/// Index of incoming requests awaiting an agency's answer.
fn open_key(agency: &str, created_unix_ms: i64, request_id: &str) -> Vec<u8> {
    format!("open/{agency}/{:016}/{request_id}", created_unix_ms.max(0)).into_bytes()
}

/// Index of outgoing requests by deadline, for expiry.
fn due_key(deadline_unix_ms: i64, request_id: &str) -> Vec<u8> {
    format!("due/{:016}/{request_id}", deadline_unix_ms.max(0)).into_bytes()
}

/// Index of incoming requests not yet final by deadline, for expiry on
/// the answering side. Kept in step with the record by `put_request`.
fn due_in_key(deadline_unix_ms: i64, request_id: &str) -> Vec<u8> {
    format!("due-in/{:016}/{request_id}", deadline_unix_ms.max(0)).into_bytes()
}

/// Index of final requests by when their personal data is to be purged.
fn purge_key(due_unix_ms: i64, direction: Direction, request_id: &str) -> Vec<u8> {
    let side = match direction {
        Direction::Outgoing => 'o',
        Direction::Incoming => 'i',
    };
    format!("purge/{:016}/{side}/{request_id}", due_unix_ms.max(0)).into_bytes()
}

fn witness_key(peer: CountryCode) -> Vec<u8> {
    format!("witness/{peer}").into_bytes()
}

fn decode<T: DeserializeOwned>(key: &[u8], value: &[u8]) -> Result<T, StoreError> {
    serde_json::from_slice(value).map_err(|e| StoreError::Corrupt {
        key: String::from_utf8_lossy(key).into_owned(),
        reason: e.to_string(),
    })
}

fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    // Serializing these plain records to JSON cannot fail: every map key is
    // a string and no custom serializer returns an error.
    serde_json::to_vec(value).unwrap_or_default()
}

impl Records {
    pub fn new(store: Arc<dyn Store>) -> Self {
        let group = Arc::new(GroupCommit::new(store.clone()));
        Records { store, group }
    }

    /// Returns once every batch applied before the call is on disk; one
    /// flush serves every writer waiting at the time.
    pub async fn durable(&self) -> Result<(), StoreError> {
        self.group.durable().await
    }

    /// How many flushes the node has made (for benchmarks and tests).
    pub fn flushes(&self) -> u64 {
        self.group.flushes()
    }

    fn get<T: DeserializeOwned>(&self, key: &[u8]) -> Result<Option<T>, StoreError> {
        self.store
            .get(key)?
            .map(|value| decode(key, &value))
            .transpose()
    }

    fn scan<T: DeserializeOwned>(&self, prefix: &str) -> Result<Vec<T>, StoreError> {
        self.store
            .scan_prefix(prefix.as_bytes())?
            .iter()
            .map(|(k, v)| decode(k, v))
            .collect()
    }

    pub fn request(
        &self,
        direction: Direction,
        request_id: &str,
    ) -> Result<Option<RequestRecord>, StoreError> {
        self.get(&request_key(direction, request_id))
    }

    pub fn requests(&self, direction: Direction) -> Result<Vec<RequestRecord>, StoreError> {
        self.scan(direction.prefix())
    }

    pub fn seen(&self, message_id: &str) -> Result<Option<SeenMessage>, StoreError> {
        self.get(&seen_key(message_id))
    }

    /// Requests counted on `day` in `direction` with `peer` in `category`,
    /// for the agreements' daily limits.
    pub fn count(
        &self,
        day: i64,
        direction: Direction,
        peer: CountryCode,
        category: Category,
    ) -> Result<u32, StoreError> {
        Ok(self
            .get(&count_key(day, direction, peer, category))?
            .unwrap_or(0))
    }

    /// The requests awaiting an answer from `agency`, oldest first.
    pub fn open_assignments(&self, agency: &str) -> Result<Vec<RequestRecord>, StoreError> {
        let mut out = Vec::new();
        for (key, _) in self
            .store
            .scan_prefix(format!("open/{agency}/").as_bytes())?
        {
            let text = String::from_utf8_lossy(&key).into_owned();
            let id = text.rsplit('/').next().unwrap_or_default();
            match self.request(Direction::Incoming, id)? {
                Some(record) => out.push(record),
                None => {
                    return Err(StoreError::Corrupt {
                        key: text.clone(),
                        reason: "indexes a request that does not exist".into(),
                    });
                }
            }
        }
        Ok(out)
    }

    /// Outgoing requests whose deadline is at or before `now`, with the
    /// index keys to remove once they are final.
    pub fn due(&self, now: i64) -> Result<Vec<(Vec<u8>, String)>, StoreError> {
        self.due_under("due/", now)
    }

    /// Incoming requests not yet final whose deadline is at or before
    /// `now`, with their index keys.
    pub fn due_incoming(&self, now: i64) -> Result<Vec<(Vec<u8>, String)>, StoreError> {
        self.due_under("due-in/", now)
    }

    fn due_under(&self, prefix: &str, now: i64) -> Result<Vec<(Vec<u8>, String)>, StoreError> {
        let end = format!("{prefix}{:016}~", now.max(0)).into_bytes();
        Ok(self
            .store
            .scan_range(prefix.as_bytes(), &end)?
            .into_iter()
            .filter_map(|(key, _)| {
                let id = String::from_utf8_lossy(&key)
                    .rsplit('/')
                    .next()?
                    .to_string();
                Some((key, id))
            })
            .collect())
    }

    /// The exact bytes of the signed envelope whose message hashes to
    /// `hash`, as sent or received.
    pub fn envelope(&self, hash: &[u8; 32]) -> Result<Option<Vec<u8>>, StoreError> {
        self.store.get(&envelope_key(hash))
    }

    /// An outbox item with its envelope, which must be stored.
    fn with_envelope(&self, mut item: OutboxItem) -> Result<OutboxItem, StoreError> {
        item.envelope = self
            .envelope(&item.envelope_hash)?
            .ok_or_else(|| StoreError::Corrupt {
                key: String::from_utf8_lossy(&outbox_key(&item.message_id)).into_owned(),
                reason: format!(
                    "its envelope {} is missing",
                    hex::encode(item.envelope_hash)
                ),
            })?;
        Ok(item)
    }

    /// Requests whose personal data was due to be purged at or before
    /// `now`, with the index keys to remove once purged.
    pub fn purge_due(&self, now: i64) -> Result<Vec<(Vec<u8>, Direction, String)>, StoreError> {
        let end = format!("purge/{:016}~", now.max(0)).into_bytes();
        self.store
            .scan_range(b"purge/", &end)?
            .into_iter()
            .map(|(key, _)| {
                let text = String::from_utf8_lossy(&key).into_owned();
                let mut parts = text.splitn(4, '/').skip(2);
                let direction = match parts.next() {
                    Some("o") => Direction::Outgoing,
                    Some("i") => Direction::Incoming,
                    _ => {
                        return Err(StoreError::Corrupt {
                            key: text.clone(),
                            reason: "not a purge index key".into(),
                        });
                    }
                };
                let id = parts.next().unwrap_or_default().to_string();
                Ok((key, direction, id))
            })
            .collect()
    }

    pub fn outbox(&self) -> Result<Vec<OutboxItem>, StoreError> {
        self.scan("outbox/")?
            .into_iter()
            .map(|item| self.with_envelope(item))
            .collect()
    }

    /// How many envelopes wait in the outbox (without decoding them).
    pub fn outbox_len(&self) -> Result<usize, StoreError> {
        Ok(self.store.scan_prefix(b"outbox/")?.len())
    }

    pub fn outbox_item(&self, message_id: &str) -> Result<Option<OutboxItem>, StoreError> {
        self.get(&outbox_key(message_id))?
            .map(|item| self.with_envelope(item))
            .transpose()
    }

    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>, StoreError> {
        self.scan("audit/")
    }

    /// The exact bytes of every audit entry (the Merkle leaves), in order,
    /// with the keys they are stored under.
    pub fn audit_leaves(&self) -> Result<Vec<Entry>, StoreError> {
        self.store.scan_prefix(b"audit/")
    }

    /// The exact bytes of audit entry `index`.
    pub fn audit_leaf(&self, index: u64) -> Result<Option<Vec<u8>>, StoreError> {
        self.store.get(&audit_key(index))
    }

    /// The hash of the perfect subtree of the audit log at `level`, `index`.
    pub fn tree_node(&self, level: u32, index: u64) -> Result<Hash, StoreError> {
        let key = tree_node_key(level, index);
        let value = self.store.get(&key)?.ok_or_else(|| StoreError::Corrupt {
            key: String::from_utf8_lossy(&key).into_owned(),
            reason: "missing audit tree node".into(),
        })?;
        value.try_into().map_err(|_| StoreError::Corrupt {
            key: String::from_utf8_lossy(&key).into_owned(),
            reason: "an audit tree node is not 32 bytes".into(),
        })
    }

    /// Every stored audit tree node, for verification.
    pub fn tree_nodes(&self) -> Result<Vec<Entry>, StoreError> {
        self.store.scan_prefix(b"mt/")
    }

    fn get_proto<T: prost::Message + Default>(&self, key: &[u8]) -> Result<Option<T>, StoreError> {
        self.store
            .get(key)?
            .map(|bytes| {
                T::decode(bytes.as_slice()).map_err(|e| StoreError::Corrupt {
                    key: String::from_utf8_lossy(key).into_owned(),
                    reason: e.to_string(),
                })
            })
            .transpose()
    }

    /// The latest signed tree head of this node's audit log.
    pub fn tree_head(&self) -> Result<Option<pb::SignedTreeHead>, StoreError> {
        self.get_proto(TREE_HEAD_KEY)
    }

    /// The latest tree head of `peer` this node has checked.
    pub fn witnessed(&self, peer: CountryCode) -> Result<Option<pb::SignedTreeHead>, StoreError> {
        self.get_proto(&witness_key(peer))
    }

    /// Evidence kept about peers' logs, newest last.
    pub fn evidence(&self) -> Result<Vec<Entry>, StoreError> {
        self.store.scan_prefix(b"evidence/")
    }

    pub fn apply(&self, changes: Changes) -> Result<(), StoreError> {
        self.store.apply(changes.batch)
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        self.store.flush()
    }
}

/// A set of record writes that land together.
#[derive(Debug, Default)]
pub struct Changes {
    batch: Batch,
}

impl Changes {
    pub fn new() -> Self {
        Changes::default()
    }

    pub fn is_empty(&self) -> bool {
        self.batch.is_empty()
    }

    /// Stores a request record and keeps the indexes of open assignments
    /// and of incoming deadlines in step with it.
    pub fn put_request(&mut self, record: &RequestRecord) {
        self.batch.put(
            request_key(record.direction, &record.request.request_id),
            encode(record),
        );
        if record.direction == Direction::Incoming {
            let key = due_in_key(record.request.deadline_unix_ms, &record.request.request_id);
            if record.status.is_final() {
                self.batch.delete(key);
            } else {
                self.batch.put(key, Vec::new());
            }
        }
        if let (Direction::Incoming, Some(agency)) = (record.direction, &record.agency) {
            let key = open_key(
                agency,
                record.request.created_unix_ms,
                &record.request.request_id,
            );
            if record.status == RequestStatus::Assigned {
                self.batch.put(key, Vec::new());
            } else {
                self.batch.delete(key);
            }
        }
    }

    pub fn put_due(&mut self, deadline_unix_ms: i64, request_id: &str) {
        self.batch
            .put(due_key(deadline_unix_ms, request_id), Vec::new());
    }

    pub fn remove_key(&mut self, key: Vec<u8>) {
        self.batch.delete(key);
    }

    pub fn put_seen(&mut self, message_id: &str, seen: &SeenMessage) {
        self.batch.put(seen_key(message_id), encode(seen));
    }

    /// Stores a signed envelope under the hash of its message. Envelopes
    /// never change: store each once, when it is sealed or received.
    pub fn put_envelope(&mut self, hash: &[u8; 32], envelope: Vec<u8>) {
        self.batch.put(envelope_key(hash), envelope);
    }

    /// Erases a stored envelope (at the end of its retention period).
    pub fn remove_envelope(&mut self, hash: &[u8; 32]) {
        self.batch.delete(envelope_key(hash));
    }

    /// Indexes a final request by when its personal data is to be purged.
    pub fn put_purge_due(&mut self, due_unix_ms: i64, direction: Direction, request_id: &str) {
        self.batch
            .put(purge_key(due_unix_ms, direction, request_id), Vec::new());
    }

    /// Stores an outbox item; its envelope is stored apart, with
    /// [`Changes::put_envelope`].
    pub fn put_outbox(&mut self, item: &OutboxItem) {
        self.batch.put(outbox_key(&item.message_id), encode(item));
    }

    pub fn remove_outbox(&mut self, message_id: &str) {
        self.batch.delete(outbox_key(message_id));
    }

    pub fn put_count(
        &mut self,
        day: i64,
        direction: Direction,
        peer: CountryCode,
        category: Category,
        count: u32,
    ) {
        self.batch
            .put(count_key(day, direction, peer, category), encode(&count));
    }

    /// Stores an audit entry and returns its exact bytes: the Merkle leaf.
    pub fn put_audit(&mut self, entry: &AuditEntry) -> Vec<u8> {
        let bytes = encode(entry);
        self.batch.put(audit_key(entry.index), bytes.clone());
        bytes
    }

    pub fn put_tree_node(&mut self, level: u32, index: u64, hash: &Hash) {
        self.batch.put(tree_node_key(level, index), hash.to_vec());
    }

    pub fn put_tree_head(&mut self, head: &pb::SignedTreeHead) {
        self.batch.put(TREE_HEAD_KEY.to_vec(), head.encode_to_vec());
    }

    pub fn put_witnessed(&mut self, peer: CountryCode, head: &pb::SignedTreeHead) {
        self.batch.put(witness_key(peer), head.encode_to_vec());
    }

    /// Keeps evidence about a peer's log (JSON), under the time it was found.
    pub fn put_evidence(
        &mut self,
        peer: CountryCode,
        at_unix_ms: i64,
        evidence: &serde_json::Value,
    ) {
        self.batch.put(
            format!("evidence/{peer}/{at_unix_ms:016}").into_bytes(),
            evidence.to_string().into_bytes(),
        );
    }
}

mod hex_bytes {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(bytes: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        let text = String::deserialize(d)?;
        hex::decode(&text)
            .ok()
            .and_then(|v| v.try_into().ok())
            .ok_or_else(|| D::Error::custom("expected 64 hex digits"))
    }
}

mod base64_bytes {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text).map_err(D::Error::custom)
    }
}

mod hex_option {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(bytes: &Option<[u8; 32]>, s: S) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(b) => s.serialize_some(&hex::encode(b)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[u8; 32]>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| {
                hex::decode(&text)
                    .ok()
                    .and_then(|v| v.try_into().ok())
                    .ok_or_else(|| D::Error::custom("expected 64 hex digits"))
            })
            .transpose()
    }
}
