//! Receipts: how a sender knows that the receiver recorded its envelope.
//!
//! **Protocol 2** (this version). The receiver signs nothing per delivery.
//! It records the delivery as an entry of its audit log; when that entry
//! becomes durable, the group commit that made it durable signs one tree
//! head for every entry it covers. The receipt is the entry's exact bytes,
//! its index, its inclusion proof and that signed tree head. It proves what
//! a signed receipt proved (the receiver recorded exactly this envelope hash
//! from this sender at that position) and more: any later tree head of the
//! receiver must be consistent with it, which a witness checks.
//!
//! A sender verifies a tree head's signature once and keeps it in a
//! [`HeadCache`]: every other receipt under the same head costs a few
//! SHA-256 hashes, not a signature verification.
//!
//! **Protocol 1** (the previous version): a [`ReceiptBody`] signed by the
//! receiver, carrying the tree head after the delivery. Such receipts, as
//! stored by earlier versions, still verify with [`verify_receipt`]; a
//! sender of protocol 1 is refused by a node of protocol 2 (see
//! [`PROTOCOL`]).

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use ed25519_dalek::VerifyingKey;
use prost::Message as _;

use crate::domain::{CountryCode, TreeHead};
use crate::envelope::{VerifyError, open_receipt, open_tree_head, sha256};
use crate::merkle::{self, Hash, ProofError, leaf_hash};
use crate::pb;

/// The protocol version this code speaks, sent in `Envelope.protocol`.
pub const PROTOCOL: u32 = 2;

/// The most envelopes one `DeliverBatch` call may carry.
pub const MAX_BATCH_ENVELOPES: usize = 64;

/// The most bytes of envelopes a sender puts in one `DeliverBatch` call
/// (well under the federation listener's 2 MiB message limit).
pub const MAX_BATCH_BYTES: usize = 1024 * 1024;

/// Why a node refuses an envelope of another protocol version. Names both
/// versions and what to do, never a value from the envelope.
pub fn protocol_refusal(sent: u32) -> String {
    format!(
        "`protocol` is {sent}: this node speaks Liaison protocol {PROTOCOL} \
         (receipts as inclusion proofs under signed tree heads) and accepts no \
         other; upgrade the sending node"
    )
}

/// What a sender expects a receipt for one of its envelopes to attest.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    pub receiver: CountryCode,
    pub sender: CountryCode,
    pub message_id: &'a str,
    /// SHA-256 of the envelope's message bytes.
    pub envelope_hash: [u8; 32],
    /// The audit event the receiver records for this kind of message:
    /// `request.received`, `answer.received` or `request.withdrawn`.
    pub event: &'a str,
}

/// What a verified receipt establishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// Where the receiver recorded the delivery in its audit log.
    pub audit_index: u64,
    pub received_unix_ms: i64,
    /// The receiver's key that signed the tree head (protocol 2) or the
    /// receipt (protocol 1).
    pub key_id: String,
    /// The verified tree head covering `audit_index`.
    pub tree_head: TreeHead,
    /// 1 or 2.
    pub protocol: u32,
}

/// Why a receipt was not accepted. Never repeats a value from the receipt.
#[derive(Debug, thiserror::Error)]
pub enum ReceiptError {
    #[error(transparent)]
    Verify(#[from] VerifyError),
    #[error("`{0}` is missing")]
    Missing(&'static str),
    #[error("`proof.path` does not prove the entry under the signed tree head: {0}")]
    Proof(#[from] ProofError),
    #[error("`proof.path` has a hash of {0} bytes, not 32")]
    PathHash(usize),
    #[error("`proof.entry` is not an audit entry: {0}")]
    Entry(&'static str),
    #[error("the receipt does not attest the envelope delivered: `{0}` differs")]
    Mismatch(&'static str),
}

/// Verifies a receipt of either protocol against what the sender expects.
/// `key_for` returns the receiver's public key for a key id. Verifies every
/// signature and proof before decoding what it covers.
pub fn verify_receipt(
    receipt: &pb::Receipt,
    expected: &Expected<'_>,
    key_for: impl Fn(&str) -> Option<VerifyingKey>,
    cache: &HeadCache,
) -> Result<Delivery, ReceiptError> {
    match &receipt.proof {
        Some(proof) => verify_proof(proof, expected, key_for, cache),
        None if receipt.body.is_empty() => Err(ReceiptError::Missing("proof")),
        None => verify_signed(receipt, expected, key_for),
    }
}

fn verify_proof(
    proof: &pb::AuditProof,
    expected: &Expected<'_>,
    key_for: impl Fn(&str) -> Option<VerifyingKey>,
    cache: &HeadCache,
) -> Result<Delivery, ReceiptError> {
    let signed = proof
        .tree_head
        .as_ref()
        .ok_or(ReceiptError::Missing("proof.tree_head"))?;
    let head = cache.verify(signed, &key_for)?;
    if head.country != expected.receiver {
        return Err(ReceiptError::Mismatch("proof.tree_head.country"));
    }
    let path = proof
        .path
        .iter()
        .map(|h| Hash::try_from(h.as_slice()).map_err(|_| ReceiptError::PathHash(h.len())))
        .collect::<Result<Vec<_>, _>>()?;
    merkle::verify_inclusion(
        proof.index,
        head.tree_size,
        &leaf_hash(&proof.entry),
        &path,
        &head.root_hash,
    )?;
    // Proved: the receiver logged exactly these bytes at this index. Now
    // read what they say.
    let entry: serde_json::Value =
        serde_json::from_slice(&proof.entry).map_err(|_| ReceiptError::Entry("not JSON"))?;
    let text = |name: &'static str| entry.get(name).and_then(serde_json::Value::as_str);
    if entry.get("index").and_then(serde_json::Value::as_u64) != Some(proof.index) {
        return Err(ReceiptError::Mismatch("proof.entry.index"));
    }
    if text("event") != Some(expected.event) {
        return Err(ReceiptError::Mismatch("proof.entry.event"));
    }
    if text("peer") != Some(expected.sender.as_str()) {
        return Err(ReceiptError::Mismatch("proof.entry.peer"));
    }
    if text("message_hash") != Some(hex::encode(expected.envelope_hash).as_str()) {
        return Err(ReceiptError::Mismatch("proof.entry.message_hash"));
    }
    let received_unix_ms = entry
        .get("at_unix_ms")
        .and_then(serde_json::Value::as_i64)
        .ok_or(ReceiptError::Entry("`at_unix_ms` is not an integer"))?;
    Ok(Delivery {
        audit_index: proof.index,
        received_unix_ms,
        key_id: signed.key_id.clone(),
        tree_head: head,
        protocol: 2,
    })
}

/// A protocol-1 receipt: the receiver's signature over a `ReceiptBody`.
fn verify_signed(
    receipt: &pb::Receipt,
    expected: &Expected<'_>,
    key_for: impl Fn(&str) -> Option<VerifyingKey>,
) -> Result<Delivery, ReceiptError> {
    let verified = open_receipt(receipt, &key_for)?;
    let body = verified.value;
    for (same, field) in [
        (body.message_id == expected.message_id, "message_id"),
        (
            body.envelope_hash == expected.envelope_hash,
            "envelope_hash",
        ),
        (body.receiver == expected.receiver, "receiver"),
        (body.sender == expected.sender, "sender"),
    ] {
        if !same {
            return Err(ReceiptError::Mismatch(field));
        }
    }
    let signed = body
        .tree_head
        .ok_or(ReceiptError::Missing("body.tree_head"))?;
    let head = open_tree_head(&(&signed).into(), &key_for)?.value;
    if head.country != expected.receiver {
        return Err(ReceiptError::Mismatch("body.tree_head.country"));
    }
    if head.tree_size <= body.audit_index {
        return Err(ReceiptError::Mismatch("body.tree_head.tree_size"));
    }
    Ok(Delivery {
        audit_index: body.audit_index,
        received_unix_ms: body.received_unix_ms,
        key_id: verified.key_id,
        tree_head: head,
        protocol: 1,
    })
}

/// A protocol-2 receipt for entry `index` (its exact bytes `entry`), proved
/// by `path` under `head`.
pub fn proof_receipt(
    entry: Vec<u8>,
    index: u64,
    path: Vec<Hash>,
    head: pb::SignedTreeHead,
) -> pb::Receipt {
    pb::Receipt {
        proof: Some(pb::AuditProof {
            entry,
            index,
            path: path.into_iter().map(|h| h.to_vec()).collect(),
            tree_head: Some(head),
        }),
        ..pb::Receipt::default()
    }
}

/// Tree heads whose signature this sender has verified, so that receipts
/// under the same head cost hashes only. Keyed by the exact signed bytes
/// and the public key that verified them: a head signed by a key no longer
/// configured misses the cache and fails verification.
#[derive(Debug)]
pub struct HeadCache {
    heads: Mutex<VecDeque<([u8; 32], TreeHead)>>,
    capacity: usize,
    verified: AtomicU64,
    hits: AtomicU64,
}

impl HeadCache {
    /// Keeps the last `capacity` verified heads (at least one).
    pub fn new(capacity: usize) -> Self {
        HeadCache {
            heads: Mutex::new(VecDeque::new()),
            capacity: capacity.max(1),
            verified: AtomicU64::new(0),
            hits: AtomicU64::new(0),
        }
    }

    /// Forgets every head, e.g. when the keys a node trusts change.
    pub fn clear(&self) {
        self.lock().clear();
    }

    /// How many signatures were verified, and how many heads came from the
    /// cache instead.
    pub fn counts(&self) -> (u64, u64) {
        (
            self.verified.load(Ordering::Relaxed),
            self.hits.load(Ordering::Relaxed),
        )
    }

    /// The tree head, after checking its signature or finding it checked.
    pub fn verify(
        &self,
        signed: &pb::SignedTreeHead,
        key_for: &impl Fn(&str) -> Option<VerifyingKey>,
    ) -> Result<TreeHead, VerifyError> {
        if signed.key_id.is_empty() {
            return Err(VerifyError::MissingKeyId);
        }
        let key = key_for(&signed.key_id).ok_or(VerifyError::UnknownKey)?;
        let digest = {
            let mut bytes = key.as_bytes().to_vec();
            bytes.extend_from_slice(&signed.encode_to_vec());
            sha256(&bytes)
        };
        if let Some((_, head)) = self.lock().iter().find(|(d, _)| d == &digest) {
            self.hits.fetch_add(1, Ordering::Relaxed);
            return Ok(head.clone());
        }
        let head = open_tree_head(signed, |_| Some(key))?.value;
        self.verified.fetch_add(1, Ordering::Relaxed);
        let mut heads = self.lock();
        if heads.len() == self.capacity {
            heads.pop_front();
        }
        heads.push_back((digest, head.clone()));
        Ok(head)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<([u8; 32], TreeHead)>> {
        self.heads.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests;
