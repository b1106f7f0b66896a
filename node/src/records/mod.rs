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
//! | `witness/<peer>`        | the peer's latest tree head this node checked    |
//! | `evidence/<peer>/<ms>`  | proof of a peer's log being rolled back or forked |
//! | `at/<request id>/<index>` | the name of an audit event about the request, by its index in the log |
//! | `person/<login>`        | [`PersonRecord`]: a person's account (password hash, role, second factor) |
//! | `ptoken/<sha256>`       | the login of the person an API token belongs to |
//! | `session/<sha256>`      | [`SessionRecord`]: a console session, by the hash of its cookie |
//! | `evfile/<request id>/<file id>` | [`EvidenceRecord`]: an evidence file of the request (sealed; its bytes are in the blob directory) |
//! | `evq/<request id>/<file id>` | [`TransferItem`]: a file waiting for transfer to the peer |
//! | `evchain/<request id>/<file id>` | [`CustodyChain`]: the file's first and latest custody entries here |
//! | `ind/<agency>/<list>/<index>` | [`IndicatorRecord`]: a value on an indicator list (sealed with the list's key `i/<agency>/<list>`; the index is a keyed hash, never the value) |
//! | `indlist/<agency>/<list>` | [`IndicatorList`]: a list's counts per kind |
//! | `hitepoch`              | [`HitEpoch`]: the holder's current epoch for hit/no-hit checks |
//! | `hitseed`               | [`HitSeedRecord`]: sealed with `node/hits`, the data key every holder key derives from |
//! | `hitcount/<day>/<h\|a><peer>/<kind>` | values evaluated for (h) or checked at (a) a peer, for the daily quotas |
//! | `hit/<hit id>`          | [`StoredHit`]: a hit kept for a follow-up (sealed with its own key `h/<hit id>`) |
//! | `hitdue/<time>/<hit id>` | kept hits, by when they are forgotten |
//! | `dkey/<name>`           | the slot of a data key ([`crate::vault`]): `r/<request id>`, `node/accounts`, `node/hits`, `i/<agency>/<list>`, `h/<hit id>` |
//! | `meta/format`           | the store's format, upgraded at start ([`Records::migrate`]) |
//!
//! The audit log is not in this key space: its entries ([`AuditEntry`],
//! JSON, the Merkle leaves), its tree and its signed tree heads are the
//! store's audit log ([`Store::audit_entries`]; on disk, the tile log).
//!
//! Values are JSON, so that a record written by an older version still reads
//! and a corrupt one is reported with its key. Signed envelopes are the
//! exception: they are kept once, in their exact protobuf bytes, under the
//! hash of their message, and records and outbox items refer to them by
//! that hash. A record is rewritten at every change of status, an envelope
//! never.
//!
//! Values holding personal data are sealed ([`crate::vault::seal`]): request
//! records, envelopes and evidence records with their request's data key, accounts and
//! sessions with the node's. [`Changes`] names the key each value is
//! sealed with and [`Records::apply`] seals it; reads open it. A purged
//! request record is stored plain: what is left of it is not personal, and
//! its data key is destroyed with the purge.

mod migrate;

use std::sync::Arc;

use liaison_proto::domain::{Category, CountryCode, RequestStatus};
use serde::Serialize;
use serde::de::DeserializeOwned;

use liaison_proto::merkle::Hash;
use liaison_proto::pb;
use prost::Message as _;

use crate::store::{AuditCheckpoint, AuditSeal, Batch, Entry, GroupCommit, Store, StoreError};
use crate::vault::{DataKey, Kek, Vault, VaultReport, seal};

mod keys;
#[cfg(test)]
mod tests;
mod values;

pub use keys::*;
pub use values::*;

/// The typed view of the node's [`Store`].
#[derive(Debug, Clone)]
pub struct Records {
    store: Arc<dyn Store>,
    /// Makes applied batches durable, sharing flushes between writers, each
    /// flush sealed by one signed tree head.
    group: Arc<GroupCommit<Arc<SealedHead>>>,
    /// Keys written or deleted through [`Records::apply`], for benchmarks.
    writes: Arc<std::sync::atomic::AtomicU64>,
    vault: Arc<Vault>,
    /// Held while a batch gets its data keys: two batches never give one
    /// name two keys.
    sealing: Arc<std::sync::Mutex<()>>,
    /// Slots of keys destroyed by batches applied and not yet durable:
    /// overwritten once they are.
    destroying: Arc<std::sync::Mutex<Vec<u64>>>,
    /// Encryption at rest in numbers, for benchmarks.
    crypto: Arc<CryptoCounts>,
}

/// Values sealed and opened, and their bytes (see [`Records::crypto_counts`]).
#[derive(Debug, Default)]
struct CryptoCounts {
    sealed: [std::sync::atomic::AtomicU64; 2],
    opened: [std::sync::atomic::AtomicU64; 2],
}

fn count(counter: &[std::sync::atomic::AtomicU64; 2], bytes: usize) {
    counter[0].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    counter[1].fetch_add(bytes as u64, std::sync::atomic::Ordering::Relaxed);
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

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Key prefixes whose values are always sealed.
const ALWAYS_SEALED: [&[u8]; 7] = [
    b"env/",
    b"person/",
    b"session/",
    b"evfile/",
    b"ind/",
    b"hit/",
    HIT_SEED_KEY,
];

impl Records {
    /// The typed view of `store`, its data keys unwrapped with `kek` (see
    /// [`Vault::open`]).
    pub fn open(
        store: Arc<dyn Store>,
        kek: Arc<dyn Kek>,
    ) -> Result<(Records, VaultReport), StoreError> {
        let mut referenced = std::collections::BTreeMap::new();
        for (key, value) in store.scan_prefix(b"dkey/")? {
            let slot: u64 = decode(&key, &value)?;
            let name = String::from_utf8_lossy(&key[b"dkey/".len()..]).into_owned();
            if let Some(other) = referenced.insert(slot, name.clone()) {
                return Err(StoreError::Corrupt {
                    key: String::from_utf8_lossy(&key).into_owned(),
                    reason: format!("slot {slot} is also the slot of `{other}`"),
                });
            }
        }
        let (vault, report) = Vault::open(store.clone(), kek, &referenced)?;
        let group = Arc::new(GroupCommit::new(store.clone()));
        Ok((
            Records {
                store,
                group,
                writes: Arc::default(),
                vault: Arc::new(vault),
                sealing: Arc::default(),
                destroying: Arc::default(),
                crypto: Arc::default(),
            },
            report,
        ))
    }

    /// The node's data keys.
    pub fn vault(&self) -> &Vault {
        &self.vault
    }

    /// The slot of data key `name`, if it exists.
    fn data_key_slot(&self, name: &str) -> Result<Option<u64>, StoreError> {
        let key = data_key_key(name);
        self.store
            .get(&key)?
            .map(|value| decode(&key, &value))
            .transpose()
    }

    /// Data key `name`, if it exists.
    pub fn data_key(&self, name: &str) -> Result<Option<DataKey>, StoreError> {
        self.data_key_slot(name)?
            .map(|slot| self.vault.key(slot))
            .transpose()
    }

    /// A stored value as written: opened if sealed. The flag says whether it
    /// was.
    fn open_value(&self, key: &[u8], value: Vec<u8>) -> Result<(Vec<u8>, bool), StoreError> {
        let corrupt = |reason: String| StoreError::Corrupt {
            key: String::from_utf8_lossy(key).into_owned(),
            reason,
        };
        let name = match seal::sealed_name(&value) {
            None if ALWAYS_SEALED.iter().any(|p| key.starts_with(p)) => {
                return Err(corrupt(
                    "is stored in plain text, but this version keeps it encrypted".into(),
                ));
            }
            None => return Ok((value, false)),
            Some(name) => name.map_err(corrupt)?,
        };
        let data_key = self
            .data_key(name)?
            .ok_or_else(|| corrupt(format!("its data key `{name}` no longer exists")))?;
        let plain = seal::open(&data_key, key, &value).map_err(corrupt)?;
        count(&self.crypto.opened, plain.len());
        Ok((plain, true))
    }

    /// Returns once every batch applied before the call is on disk; one
    /// flush serves every writer waiting at the time. `seal` makes the
    /// signed tree head of everything applied, if this writer leads the
    /// flush; the result is the latest durable head, which covers the
    /// caller's entries.
    ///
    /// Data keys destroyed by batches applied before the call are
    /// overwritten once those batches are durable.
    pub async fn durable(
        &self,
        seal: impl FnOnce() -> Result<Option<(AuditSeal, Arc<SealedHead>)>, StoreError>,
    ) -> Result<Option<Arc<SealedHead>>, StoreError> {
        let ticket = self.ticket();
        self.durable_ticket(ticket, seal).await
    }

    /// A ticket for every batch applied so far, with the data keys they
    /// destroy: take it right after [`Records::apply`], under the same
    /// lock, and wait on it with [`Records::durable_ticket`].
    pub fn ticket(&self) -> Ticket {
        Ticket {
            number: self.group.ticket(),
            destroy: std::mem::take(&mut *lock(&self.destroying)),
        }
    }

    /// [`Records::durable`] for a ticket taken earlier.
    pub async fn durable_ticket(
        &self,
        ticket: Ticket,
        seal: impl FnOnce() -> Result<Option<(AuditSeal, Arc<SealedHead>)>, StoreError>,
    ) -> Result<Option<Arc<SealedHead>>, StoreError> {
        let result = self.group.durable_ticket(ticket.number, seal).await;
        match &result {
            Ok(_) => self.vault.destroy(&ticket.destroy)?,
            Err(_) => lock(&self.destroying).extend(ticket.destroy),
        }
        result
    }

    /// Whether the batches of ticket `number` are durable.
    pub fn is_durable(&self, number: u64) -> bool {
        self.group.is_durable(number)
    }

    /// Whether the batches of ticket `number` were discarded.
    pub fn is_discarded(&self, number: u64) -> bool {
        self.group.is_discarded(number)
    }

    /// After a failed flush: drops every batch applied and not durable, so
    /// that none is written later, and fails every ticket waiting for
    /// them. The data keys they would have destroyed are kept. Call with
    /// no batch being applied (under the exchange's write lock).
    pub fn discard_pending(&self, failure: &StoreError) -> Result<(), StoreError> {
        self.store.discard_pending()?;
        self.group.discard_issued(failure);
        lock(&self.destroying).clear();
        Ok(())
    }

    /// The latest durable signed tree head.
    pub fn sealed(&self) -> Option<Arc<SealedHead>> {
        self.group.latest_seal()
    }

    /// Makes `head` the latest durable tree head, written and flushed
    /// outside any group (at start).
    pub fn set_sealed(&self, head: Arc<SealedHead>) {
        self.group.set_seal(head);
    }

    /// How many flushes the node has made (for benchmarks and tests).
    pub fn flushes(&self) -> u64 {
        self.group.flushes()
    }

    fn get<T: DeserializeOwned>(&self, key: &[u8]) -> Result<Option<T>, StoreError> {
        self.store
            .get(key)?
            .map(|value| decode(key, &self.open_value(key, value)?.0))
            .transpose()
    }

    fn scan<T: DeserializeOwned>(&self, prefix: &str) -> Result<Vec<T>, StoreError> {
        self.store
            .scan_prefix(prefix.as_bytes())?
            .into_iter()
            .map(|(k, v)| decode(&k, &self.open_value(&k, v)?.0))
            .collect()
    }

    /// A request record: sealed, unless purged.
    fn request_value(&self, key: &[u8], value: Vec<u8>) -> Result<RequestRecord, StoreError> {
        let (plain, sealed) = self.open_value(key, value)?;
        let record: RequestRecord = decode(key, &plain)?;
        if !sealed && record.purged_unix_ms.is_none() {
            return Err(StoreError::Corrupt {
                key: String::from_utf8_lossy(key).into_owned(),
                reason: "holds personal data in plain text: only a purged record may".into(),
            });
        }
        Ok(record)
    }

    pub fn request(
        &self,
        direction: Direction,
        request_id: &str,
    ) -> Result<Option<RequestRecord>, StoreError> {
        let key = request_key(direction, request_id);
        self.store
            .get(&key)?
            .map(|value| self.request_value(&key, value))
            .transpose()
    }

    pub fn requests(&self, direction: Direction) -> Result<Vec<RequestRecord>, StoreError> {
        self.store
            .scan_prefix(direction.prefix().as_bytes())?
            .into_iter()
            .map(|(k, v)| self.request_value(&k, v))
            .collect()
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

    /// The audit log's entries about `request_id`: index and event name,
    /// in log order (entries written from this version on).
    pub fn audit_positions(&self, request_id: &str) -> Result<Vec<(u64, String)>, StoreError> {
        let prefix = format!("at/{request_id}/");
        let mut out = Vec::new();
        for (key, value) in self.store.scan_prefix(prefix.as_bytes())? {
            let index = std::str::from_utf8(&key[prefix.len()..])
                .ok()
                .and_then(|text| text.parse().ok())
                .ok_or_else(|| StoreError::Corrupt {
                    key: String::from_utf8_lossy(&key).into_owned(),
                    reason: "an audit position key must end in a number".into(),
                })?;
            out.push((index, decode(&key, &value)?));
        }
        Ok(out)
    }

    pub fn person(&self, login: &str) -> Result<Option<PersonRecord>, StoreError> {
        self.get(&person_key(login))
    }

    /// Every person's account, by login.
    pub fn persons(&self) -> Result<Vec<PersonRecord>, StoreError> {
        self.scan("person/")
    }

    /// The login an API token (by its SHA-256) belongs to.
    pub fn person_token(&self, sha256: &[u8; 32]) -> Result<Option<String>, StoreError> {
        self.get(&person_token_key(sha256))
    }

    pub fn session(&self, sha256: &[u8; 32]) -> Result<Option<SessionRecord>, StoreError> {
        self.get(&session_key(sha256))
    }

    /// Every console session, with the hash of its cookie.
    pub fn sessions(&self) -> Result<Vec<([u8; 32], SessionRecord)>, StoreError> {
        let mut out = Vec::new();
        for (key, value) in self.store.scan_prefix(b"session/")? {
            let hash = std::str::from_utf8(&key[b"session/".len()..])
                .ok()
                .and_then(|text| hex::decode(text).ok())
                .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
                .ok_or_else(|| StoreError::Corrupt {
                    key: String::from_utf8_lossy(&key).into_owned(),
                    reason: "a session key must end in 64 hex digits".into(),
                })?;
            let (plain, _) = self.open_value(&key, value)?;
            out.push((hash, decode(&key, &plain)?));
        }
        Ok(out)
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
        let key = envelope_key(hash);
        self.store
            .get(&key)?
            .map(|value| Ok(self.open_value(&key, value)?.0))
            .transpose()
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

    /// The outbox's items without their envelopes (left empty), which are
    /// stored apart and read only to be sent.
    pub fn outbox_entries(&self) -> Result<Vec<OutboxItem>, StoreError> {
        self.scan("outbox/")
    }

    /// One outbox item without its envelope (left empty).
    pub fn outbox_entry(&self, message_id: &str) -> Result<Option<OutboxItem>, StoreError> {
        self.get(&outbox_key(message_id))
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

    /// The evidence files of a request, in file id order.
    pub fn evidence_files(&self, request_id: &str) -> Result<Vec<EvidenceRecord>, StoreError> {
        let prefix = format!("evfile/{request_id}/");
        self.store
            .scan_prefix(prefix.as_bytes())?
            .into_iter()
            .map(|(key, value)| {
                let (plain, _) = self.open_value(&key, value)?;
                decode(&key, &plain)
            })
            .collect()
    }

    pub fn evidence_file(
        &self,
        request_id: &str,
        file_id: &str,
    ) -> Result<Option<EvidenceRecord>, StoreError> {
        let key = evidence_key(request_id, file_id);
        self.store
            .get(&key)?
            .map(|value| {
                let (plain, _) = self.open_value(&key, value)?;
                decode(&key, &plain)
            })
            .transpose()
    }

    /// Files waiting for transfer.
    pub fn transfers(&self) -> Result<Vec<TransferItem>, StoreError> {
        self.store
            .scan_prefix(b"evq/")?
            .into_iter()
            .map(|(key, value)| decode(&key, &value))
            .collect()
    }

    pub fn transfer(
        &self,
        request_id: &str,
        file_id: &str,
    ) -> Result<Option<TransferItem>, StoreError> {
        let key = transfer_key(request_id, file_id);
        self.store
            .get(&key)?
            .map(|value| decode(&key, &value))
            .transpose()
    }

    /// Where a file's chain of custody stands here.
    pub fn custody(
        &self,
        request_id: &str,
        file_id: &str,
    ) -> Result<Option<CustodyChain>, StoreError> {
        let key = custody_key(request_id, file_id);
        self.store
            .get(&key)?
            .map(|value| decode(&key, &value))
            .transpose()
    }

    /// Every committed audit entry, decoded.
    pub fn audit_entries(&self) -> Result<Vec<AuditEntry>, StoreError> {
        self.audit_leaves()?
            .iter()
            .enumerate()
            .map(|(index, leaf)| decode(format!("audit entry {index}").as_bytes(), leaf))
            .collect()
    }

    /// The exact bytes of every committed audit entry (the Merkle leaves),
    /// in order.
    pub fn audit_leaves(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        let size = self.audit_checkpoint()?.map_or(0, |c| c.size);
        self.store.audit_entries(0..size)
    }

    /// The exact bytes of every audit entry applied, committed or not (at
    /// start, entries an earlier version wrote after its last tree head).
    pub fn applied_leaves(&self) -> Result<Vec<Vec<u8>>, StoreError> {
        self.store.audit_entries(0..self.store.audit_applied())
    }

    /// The exact bytes of audit entry `index`, if applied.
    pub fn audit_leaf(&self, index: u64) -> Result<Option<Vec<u8>>, StoreError> {
        if index >= self.store.audit_applied() {
            return Ok(None);
        }
        Ok(self.store.audit_entries(index..index + 1)?.pop())
    }

    /// The hash of the perfect subtree `index` at `level` of the committed
    /// audit log (level 0: an entry's leaf hash).
    pub fn tree_node(&self, level: u32, index: u64) -> Result<Hash, StoreError> {
        self.store.audit_node(level, index)
    }

    /// The latest committed tree head, as the store holds it.
    pub fn audit_checkpoint(&self) -> Result<Option<AuditCheckpoint>, StoreError> {
        self.store.audit_checkpoint()
    }

    /// Commits every applied change with `seal`, outside any group (at
    /// start).
    pub fn commit_sealed(&self, seal: &AuditSeal) -> Result<(), StoreError> {
        self.store.commit(Some(seal))
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

    /// The latest tree head of `peer` this node has checked.
    pub fn witnessed(&self, peer: CountryCode) -> Result<Option<pb::SignedTreeHead>, StoreError> {
        self.get_proto(&witness_key(peer))
    }

    /// Evidence kept about peers' logs, newest last.
    pub fn evidence(&self) -> Result<Vec<Entry>, StoreError> {
        self.store.scan_prefix(b"evidence/")
    }

    /// The values on an indicator list, with their index.
    pub fn indicators(
        &self,
        agency: &str,
        list: &str,
    ) -> Result<Vec<(String, IndicatorRecord)>, StoreError> {
        let prefix = indicator_key(agency, list, "");
        let mut out = Vec::new();
        for (key, value) in self.store.scan_prefix(&prefix)? {
            let index = String::from_utf8_lossy(&key[prefix.len()..]).into_owned();
            out.push((index, decode(&key, &self.open_value(&key, value)?.0)?));
        }
        Ok(out)
    }

    /// Whether an indicator list holds the value with `index`.
    pub fn has_indicator(&self, agency: &str, list: &str, index: &str) -> Result<bool, StoreError> {
        Ok(self
            .store
            .get(&indicator_key(agency, list, index))?
            .is_some())
    }

    pub fn indicator_list(
        &self,
        agency: &str,
        list: &str,
    ) -> Result<Option<IndicatorList>, StoreError> {
        self.get(&indicator_list_key(agency, list))
    }

    /// Every indicator list, by agency and name.
    pub fn indicator_lists(&self) -> Result<Vec<IndicatorList>, StoreError> {
        self.scan("indlist/")
    }

    pub fn hit_epoch(&self) -> Result<Option<HitEpoch>, StoreError> {
        self.get(HIT_EPOCH_KEY)
    }

    pub fn hit_seed(&self) -> Result<Option<HitSeedRecord>, StoreError> {
        self.get(HIT_SEED_KEY)
    }

    /// Values of `kind` counted on `day` by `side` with `peer`.
    pub fn hit_count(
        &self,
        day: i64,
        side: HitSide,
        peer: CountryCode,
        kind: &str,
    ) -> Result<u32, StoreError> {
        Ok(self
            .get(&hit_count_key(day, side, peer, kind))?
            .unwrap_or(0))
    }

    /// Values of every kind counted on `day` by `side` with `peer`.
    pub fn hit_count_all(
        &self,
        day: i64,
        side: HitSide,
        peer: CountryCode,
    ) -> Result<u64, StoreError> {
        let mut total = 0u64;
        for (key, value) in self.store.scan_prefix(&hit_count_prefix(day, side, peer))? {
            total += u64::from(decode::<u32>(&key, &value)?);
        }
        Ok(total)
    }

    pub fn stored_hit(&self, hit_id: &str) -> Result<Option<StoredHit>, StoreError> {
        self.get(&stored_hit_key(hit_id))
    }

    /// Kept hits that expire at or before `now`: the index key and the id.
    pub fn hits_due(&self, now: i64) -> Result<Vec<(Vec<u8>, String)>, StoreError> {
        self.due_under("hitdue/", now)
    }

    /// Applies `changes` atomically: seals the values that name a data key
    /// (taking a new key for a name that has none), and drops the keys to
    /// destroy from the key space (their slots are overwritten once the
    /// batch is durable: see [`Records::durable`]).
    pub fn apply(&self, changes: Changes) -> Result<(), StoreError> {
        let Changes {
            mut batch,
            sealed,
            destroy,
        } = changes;
        let _sealing = (!sealed.is_empty() || !destroy.is_empty()).then(|| lock(&self.sealing));
        let mut keys: std::collections::HashMap<String, DataKey> = Default::default();
        for (index, name) in sealed {
            if destroy.contains(&name) {
                return Err(StoreError::Keys(format!(
                    "one batch both seals with and destroys the data key `{name}`"
                )));
            }
            let data_key = match keys.get(&name) {
                Some(key) => key.clone(),
                None => {
                    let key = match self.data_key_slot(&name)? {
                        Some(slot) => self.vault.key(slot)?,
                        None => {
                            let (slot, key) = self.vault.take()?;
                            batch.put(data_key_key(&name), encode(&slot));
                            key
                        }
                    };
                    keys.insert(name.clone(), key.clone());
                    key
                }
            };
            if let Some((key, Some(value))) = batch.ops.get_mut(index) {
                count(&self.crypto.sealed, value.len());
                *value = seal::seal(&data_key, key, &name, value).map_err(StoreError::Keys)?;
            }
        }
        let mut destroyed = Vec::new();
        for name in destroy {
            if let Some(slot) = self.data_key_slot(&name)? {
                batch.delete(data_key_key(&name));
                destroyed.push(slot);
            }
        }
        self.writes.fetch_add(
            (batch.ops.len() + batch.audit.len()) as u64,
            std::sync::atomic::Ordering::Relaxed,
        );
        self.store.apply(batch)?;
        lock(&self.destroying).extend(destroyed);
        Ok(())
    }

    /// How many keys have been written or deleted, and audit entries
    /// appended (tree heads sealing group commits not included: see the
    /// tree heads signed).
    pub fn writes(&self) -> u64 {
        self.writes.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Values sealed, bytes sealed, values opened, bytes opened (plain
    /// sizes), for benchmarks.
    pub fn crypto_counts(&self) -> [u64; 4] {
        let load = |c: &std::sync::atomic::AtomicU64| c.load(std::sync::atomic::Ordering::Relaxed);
        [
            load(&self.crypto.sealed[0]),
            load(&self.crypto.sealed[1]),
            load(&self.crypto.opened[0]),
            load(&self.crypto.opened[1]),
        ]
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        self.store.flush()
    }

    /// Writes what is durable into `dir` (see [`Store::snapshot`]).
    pub fn snapshot(&self, dir: &std::path::Path) -> Result<u64, StoreError> {
        self.store.snapshot(dir)
    }

    /// The free space of the store's disk (`None` for a store without one).
    pub fn space(&self) -> Result<Option<crate::store::Space>, StoreError> {
        self.store.space()
    }
}

/// A writer's place in the group commit (see [`Records::ticket`]).
#[derive(Debug)]
pub struct Ticket {
    pub number: u64,
    destroy: Vec<u64>,
}

/// A set of record writes that land together.
#[derive(Debug, Default)]
pub struct Changes {
    batch: Batch,
    /// Ops of the batch whose value is to be sealed, with the data key's
    /// name.
    sealed: Vec<(usize, String)>,
    /// Data keys to destroy.
    destroy: Vec<String>,
}

impl Changes {
    pub fn new() -> Self {
        Changes::default()
    }

    pub fn is_empty(&self) -> bool {
        self.batch.is_empty() && self.destroy.is_empty()
    }

    /// Puts `plain`, to be sealed with data key `name`.
    fn put_sealed(&mut self, key: Vec<u8>, name: String, plain: Vec<u8>) {
        self.sealed.push((self.batch.ops.len(), name));
        self.batch.put(key, plain);
    }

    /// Destroys the data key of a request (at its purge): whatever was
    /// sealed with it can never be read again.
    pub fn destroy_request_key(&mut self, request_id: &str) {
        self.destroy.push(request_key_name(request_id));
    }

    /// Destroys data key `name`: whatever was sealed with it can never be
    /// read again.
    pub fn destroy_data_key(&mut self, name: &str) {
        self.destroy.push(name.to_string());
    }

    /// Stores a request record and keeps the indexes of open assignments
    /// and of incoming deadlines in step with it.
    pub fn put_request(&mut self, record: &RequestRecord) {
        let key = request_key(record.direction, &record.request.request_id);
        if record.purged_unix_ms.is_some() {
            self.batch.put(key, encode(record));
        } else {
            self.put_sealed(
                key,
                request_key_name(&record.request.request_id),
                encode(record),
            );
        }
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

    /// Stores a signed envelope about `request_id` under the hash of its
    /// message, sealed with the request's data key. Envelopes never change:
    /// store each once, when it is sealed or received.
    pub fn put_envelope(&mut self, request_id: &str, hash: &[u8; 32], envelope: Vec<u8>) {
        self.put_sealed(envelope_key(hash), request_key_name(request_id), envelope);
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

    /// Stores an evidence file's record, sealed with its request's key.
    pub fn put_evidence_file(&mut self, record: &EvidenceRecord) {
        self.put_sealed(
            evidence_key(&record.request_id, &record.file.file_id),
            request_key_name(&record.request_id),
            encode(record),
        );
    }

    pub fn remove_evidence_file(&mut self, request_id: &str, file_id: &str) {
        self.batch.delete(evidence_key(request_id, file_id));
    }

    pub fn put_transfer(&mut self, item: &TransferItem) {
        self.batch
            .put(transfer_key(&item.request_id, &item.file_id), encode(item));
    }

    pub fn remove_transfer(&mut self, request_id: &str, file_id: &str) {
        self.batch.delete(transfer_key(request_id, file_id));
    }

    pub fn put_custody(&mut self, request_id: &str, file_id: &str, chain: &CustodyChain) {
        self.batch
            .put(custody_key(request_id, file_id), encode(chain));
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

    /// Appends an audit entry and returns its exact bytes: the Merkle leaf.
    pub fn put_audit(&mut self, entry: &AuditEntry) -> Vec<u8> {
        let bytes = encode(entry);
        self.batch.append_audit(entry.index, bytes.clone());
        bytes
    }

    pub fn put_witnessed(&mut self, peer: CountryCode, head: &pb::SignedTreeHead) {
        self.batch.put(witness_key(peer), head.encode_to_vec());
    }

    pub fn put_audit_position(&mut self, request_id: &str, index: u64, event: &str) {
        self.batch
            .put(audit_position_key(request_id, index), encode(&event));
    }

    pub fn put_person(&mut self, person: &PersonRecord) {
        self.put_sealed(
            person_key(&person.login),
            ACCOUNTS_KEY_NAME.into(),
            encode(person),
        );
    }

    pub fn put_person_token(&mut self, sha256: &[u8; 32], login: &str) {
        self.batch.put(person_token_key(sha256), encode(&login));
    }

    pub fn remove_person_token(&mut self, sha256: &[u8; 32]) {
        self.batch.delete(person_token_key(sha256));
    }

    pub fn put_session(&mut self, sha256: &[u8; 32], session: &SessionRecord) {
        self.put_sealed(
            session_key(sha256),
            ACCOUNTS_KEY_NAME.into(),
            encode(session),
        );
    }

    pub fn remove_session(&mut self, sha256: &[u8; 32]) {
        self.batch.delete(session_key(sha256));
    }

    /// Puts a value on an indicator list, sealed with the list's key.
    pub fn put_indicator(
        &mut self,
        agency: &str,
        list: &str,
        index: &str,
        record: &IndicatorRecord,
    ) {
        self.put_sealed(
            indicator_key(agency, list, index),
            indicator_key_name(agency, list),
            encode(record),
        );
    }

    pub fn remove_indicator(&mut self, agency: &str, list: &str, index: &str) {
        self.batch.delete(indicator_key(agency, list, index));
    }

    pub fn put_indicator_list(&mut self, list: &IndicatorList) {
        self.batch
            .put(indicator_list_key(&list.agency, &list.list), encode(list));
    }

    /// Removes an emptied list's record and destroys its data key: every
    /// value ever sealed with it is unreadable from then on.
    pub fn remove_indicator_list(&mut self, agency: &str, list: &str) {
        self.batch.delete(indicator_list_key(agency, list));
        self.destroy.push(indicator_key_name(agency, list));
    }

    pub fn put_hit_epoch(&mut self, epoch: &HitEpoch) {
        self.batch.put(HIT_EPOCH_KEY.to_vec(), encode(epoch));
    }

    pub fn put_hit_seed(&mut self, seed: &HitSeedRecord) {
        self.put_sealed(HIT_SEED_KEY.to_vec(), HITS_KEY_NAME.into(), encode(seed));
    }

    pub fn put_hit_count(
        &mut self,
        day: i64,
        side: HitSide,
        peer: CountryCode,
        kind: &str,
        count: u32,
    ) {
        self.batch
            .put(hit_count_key(day, side, peer, kind), encode(&count));
    }

    /// Keeps a hit, sealed with a key of its own, indexed by expiry.
    pub fn put_stored_hit(&mut self, hit: &StoredHit) {
        self.put_sealed(
            stored_hit_key(&hit.hit_id),
            hit_key_name(&hit.hit_id),
            encode(hit),
        );
        self.batch
            .put(hit_due_key(hit.expires_unix_ms, &hit.hit_id), Vec::new());
    }

    /// Forgets a kept hit and destroys its key.
    pub fn remove_stored_hit(&mut self, hit_id: &str, expires_unix_ms: i64) {
        self.batch.delete(stored_hit_key(hit_id));
        self.batch.delete(hit_due_key(expires_unix_ms, hit_id));
        self.destroy.push(hit_key_name(hit_id));
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
