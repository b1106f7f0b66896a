//! Upgrades of the stored format, run once when a node opens its store.
//!
//! Format 1 kept signed envelopes inline, base64 in JSON: in request records
//! (`request_envelope`, `answer_envelope`) and in outbox items
//! (`envelope`). Format 2 keeps each envelope once under `env/<hash>` and
//! refers to it by hash. Moving them out loses nothing: every envelope is
//! written to `env/` in the same batch that rewrites the record naming it.
//!
//! Format 3 seals every value holding personal data with a data key
//! ([`crate::vault`]): request records not purged and envelopes with their
//! request's key, accounts and sessions with the node's. The new keys'
//! slots are synced before the batch that refers to them is applied; if
//! that batch never lands, the next start destroys them and upgrades again.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use liaison_proto::pb;
use prost::Message as _;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::{
    ACCOUNTS_KEY_NAME, Changes, OutboxItem, Records, RequestRecord, decode, encode, envelope_key,
    request_key_name,
};
use crate::store::{Batch, StoreError};
use crate::vault::seal;

/// Where the store's format is recorded.
const FORMAT_KEY: &[u8] = b"meta/format";
/// The format this version writes.
const FORMAT: &[u8] = b"3";
/// The format before personal data was encrypted at rest.
const FORMAT_2: &[u8] = b"2";

fn corrupt(key: &[u8], reason: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        key: String::from_utf8_lossy(key).into_owned(),
        reason: reason.into(),
    }
}

/// Removes the base64 field `name` from `object`, decoded; `None` if absent
/// or null.
fn take_bytes(
    key: &[u8],
    object: &mut Map<String, Value>,
    name: &str,
) -> Result<Option<Vec<u8>>, StoreError> {
    match object.remove(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => STANDARD
            .decode(text)
            .map(Some)
            .map_err(|e| corrupt(key, format!("`{name}` is not base64: {e}"))),
        Some(_) => Err(corrupt(key, format!("`{name}` is not a string"))),
    }
}

fn hex_field(key: &[u8], object: &Map<String, Value>, name: &str) -> Result<[u8; 32], StoreError> {
    object
        .get(name)
        .and_then(Value::as_str)
        .and_then(|text| hex::decode(text).ok())
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or_else(|| corrupt(key, format!("`{name}` is not 64 hex digits")))
}

/// Moves a request record's inline envelopes to `env/`; `None` if it has
/// none.
fn request_record(
    key: &[u8],
    value: &[u8],
    batch: &mut Batch,
) -> Result<Option<Vec<u8>>, StoreError> {
    let mut json: Value = serde_json::from_slice(value).map_err(|e| corrupt(key, e.to_string()))?;
    let object = json
        .as_object_mut()
        .ok_or_else(|| corrupt(key, "not a JSON object"))?;
    if !object.contains_key("request_envelope") && !object.contains_key("answer_envelope") {
        return Ok(None);
    }
    if let Some(envelope) = take_bytes(key, object, "request_envelope")? {
        batch.put(
            envelope_key(&hex_field(key, object, "envelope_hash")?),
            envelope,
        );
    }
    if let Some(envelope) = take_bytes(key, object, "answer_envelope")? {
        let decoded = pb::Envelope::decode(envelope.as_slice())
            .map_err(|e| corrupt(key, format!("`answer_envelope`: {e}")))?;
        let hash: [u8; 32] = Sha256::digest(&decoded.message).into();
        object.insert("answer_envelope_hash".into(), hex::encode(hash).into());
        batch.put(envelope_key(&hash), envelope);
    }
    let record: RequestRecord =
        serde_json::from_value(json).map_err(|e| corrupt(key, e.to_string()))?;
    Ok(Some(encode(&record)))
}

/// Moves an outbox item's inline envelope to `env/`; `None` if it has none.
fn outbox_item(key: &[u8], value: &[u8], batch: &mut Batch) -> Result<Option<Vec<u8>>, StoreError> {
    let mut json: Value = serde_json::from_slice(value).map_err(|e| corrupt(key, e.to_string()))?;
    let object = json
        .as_object_mut()
        .ok_or_else(|| corrupt(key, "not a JSON object"))?;
    let Some(envelope) = take_bytes(key, object, "envelope")? else {
        return Ok(None);
    };
    batch.put(
        envelope_key(&hex_field(key, object, "envelope_hash")?),
        envelope,
    );
    let item: OutboxItem = serde_json::from_value(json).map_err(|e| corrupt(key, e.to_string()))?;
    Ok(Some(encode(&item)))
}

/// The request an envelope is about.
fn envelope_request_id(key: &[u8], value: &[u8]) -> Result<String, StoreError> {
    let envelope =
        pb::Envelope::decode(value).map_err(|e| corrupt(key, format!("not an envelope: {e}")))?;
    let message = pb::Message::decode(envelope.message.as_slice())
        .map_err(|e| corrupt(key, format!("its message does not decode: {e}")))?;
    match message.content {
        Some(pb::message::Content::Request(request)) => Ok(request.request_id),
        Some(pb::message::Content::Answer(answer)) => Ok(answer.request_id),
        Some(pb::message::Content::Withdrawal(withdrawal)) => Ok(withdrawal.request_id),
        Some(pb::message::Content::Evidence(evidence)) => Ok(evidence.request_id),
        None => Err(corrupt(key, "its message has no content")),
    }
}

impl Records {
    /// Brings a store written by an earlier version to the current format,
    /// atomically and durably, before anything else reads it. Returns how
    /// many records were rewritten (0 when the store is current).
    pub fn migrate(&self) -> Result<usize, StoreError> {
        let mut rewritten = 0;
        match self.store.get(FORMAT_KEY)? {
            Some(format) if format == FORMAT => return Ok(0),
            Some(format) if format == FORMAT_2 => {}
            Some(format) => {
                return Err(corrupt(
                    FORMAT_KEY,
                    format!(
                        "format `{}` is not one this version knows (it writes `3`); \
                         was the store written by a newer version?",
                        String::from_utf8_lossy(&format)
                    ),
                ));
            }
            None => rewritten += self.envelopes_apart()?,
        }
        rewritten += self.seal_personal_data()?;
        Ok(rewritten)
    }

    /// Format 1 to 2: envelopes kept apart, under their hash.
    fn envelopes_apart(&self) -> Result<usize, StoreError> {
        let mut batch = Batch::new();
        let mut rewritten = 0;
        for prefix in [&b"out/"[..], b"in/", b"outbox/"] {
            for (key, value) in self.store.scan_prefix(prefix)? {
                let upgraded = if prefix == b"outbox/" {
                    outbox_item(&key, &value, &mut batch)?
                } else {
                    request_record(&key, &value, &mut batch)?
                };
                if let Some(upgraded) = upgraded {
                    batch.put(key, upgraded);
                    rewritten += 1;
                }
            }
        }
        batch.put(FORMAT_KEY.to_vec(), FORMAT_2.to_vec());
        self.store.apply(batch)?;
        self.store.flush()?;
        Ok(rewritten)
    }

    /// Format 2 to 3: every value holding personal data sealed, in one
    /// batch.
    fn seal_personal_data(&self) -> Result<usize, StoreError> {
        let mut changes = Changes::new();
        let mut sealed = 0;
        for prefix in [&b"out/"[..], b"in/"] {
            for (key, value) in self.store.scan_prefix(prefix)? {
                if seal::sealed_name(&value).is_some() {
                    continue;
                }
                let record: RequestRecord = decode(&key, &value)?;
                if record.purged_unix_ms.is_none() {
                    changes.put_request(&record);
                    sealed += 1;
                }
            }
        }
        for (key, value) in self.store.scan_prefix(b"env/")? {
            if seal::sealed_name(&value).is_none() {
                let name = request_key_name(&envelope_request_id(&key, &value)?);
                changes.put_sealed(key, name, value);
                sealed += 1;
            }
        }
        for prefix in [&b"person/"[..], b"session/"] {
            for (key, value) in self.store.scan_prefix(prefix)? {
                if seal::sealed_name(&value).is_none() {
                    changes.put_sealed(key, ACCOUNTS_KEY_NAME.into(), value);
                    sealed += 1;
                }
            }
        }
        changes.batch.put(FORMAT_KEY.to_vec(), FORMAT.to_vec());
        self.apply(changes)?;
        self.store.flush()?;
        Ok(sealed)
    }
}
