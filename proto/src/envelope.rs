//! Signed envelopes and receipts.
//!
//! A sender serializes a [`Message`] once and signs those exact bytes; the
//! receiver verifies the bytes it received and only then decodes them.
//! Protobuf encoding is not canonical, so nothing is ever re-encoded to be
//! verified. Each signature covers a context string followed by the bytes, so
//! a signed envelope can never pass for a signed receipt or the reverse.

use std::fmt;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use prost::Message as _;
use sha2::{Digest, Sha256};

use crate::convert::ConversionError;
use crate::domain::{Message, ReceiptBody, TreeHead};
use crate::pb;

/// What an envelope signature covers before the message bytes.
pub const ENVELOPE_CONTEXT: &[u8] = b"liaison.v1.envelope";
/// What a receipt signature covers before the receipt body bytes.
pub const RECEIPT_CONTEXT: &[u8] = b"liaison.v1.receipt";
/// What a tree head signature covers before the tree head body bytes.
pub const TREE_HEAD_CONTEXT: &[u8] = b"liaison.v1.tree-head";
/// What a published hit set's signature covers before the set's digest
/// message (the node's `hits::SetDigest::signing_bytes`).
pub const HIT_SET_CONTEXT: &[u8] = b"liaison.v1.hit-set";
/// The largest signed message a node accepts, in bytes.
pub const MAX_MESSAGE_BYTES: usize = 256 * 1024;

/// SHA-256 of `bytes`.
pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// A key's identifier: hex of the first 8 bytes of SHA-256 of the raw public
/// key.
pub fn key_id(key: &VerifyingKey) -> String {
    hex::encode(&sha256(key.as_bytes())[..8])
}

/// Parses a raw 32-byte Ed25519 public key.
pub fn verifying_key(bytes: &[u8]) -> Result<VerifyingKey, VerifyError> {
    let raw: [u8; 32] = bytes
        .try_into()
        .map_err(|_| VerifyError::MalformedKey(format!("{} bytes instead of 32", bytes.len())))?;
    VerifyingKey::from_bytes(&raw).map_err(|e| VerifyError::MalformedKey(e.to_string()))
}

/// Why an envelope or receipt was not accepted.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// The key id names none of the signer's known keys. The id itself is
    /// not repeated: the message may be logged and audited.
    #[error("signed by an unknown key: `key_id` is none of the sender's configured keys")]
    UnknownKey,
    #[error("`key_id` is empty: every signature must name the key that made it")]
    MissingKeyId,
    #[error("malformed public key: {0}")]
    MalformedKey(String),
    #[error("signature is {0} bytes, not 64")]
    MalformedSignature(usize),
    #[error("signature does not verify")]
    BadSignature,
    #[error("signed content is {size} bytes, more than the {max} allowed")]
    TooLarge { size: usize, max: usize },
    #[error("signed content is not valid protobuf: {0}")]
    Decode(#[from] prost::DecodeError),
    #[error("signed content is invalid: {0}")]
    Invalid(#[from] ConversionError),
}

/// A value whose signature has been checked.
#[derive(Debug, Clone)]
pub struct Verified<T> {
    pub value: T,
    /// SHA-256 of the signed bytes.
    pub hash: [u8; 32],
    pub key_id: String,
}

/// A node's signing key with its identifier.
#[derive(Clone)]
pub struct SigningIdentity {
    key: SigningKey,
    key_id: String,
}

impl fmt::Debug for SigningIdentity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningIdentity")
            .field("key_id", &self.key_id)
            .finish_non_exhaustive()
    }
}

/// A signed envelope with the hash of its message bytes.
#[derive(Debug, Clone)]
pub struct Sealed {
    pub envelope: pb::Envelope,
    pub hash: [u8; 32],
}

impl SigningIdentity {
    pub fn new(key: SigningKey) -> Self {
        let key_id = key_id(&key.verifying_key());
        SigningIdentity { key, key_id }
    }

    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    pub fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// Serializes `message` once and signs those bytes.
    pub fn seal(&self, message: &Message) -> Sealed {
        let bytes = pb::Message::from(message).encode_to_vec();
        let signature = self.sign(ENVELOPE_CONTEXT, &bytes);
        Sealed {
            hash: sha256(&bytes),
            envelope: pb::Envelope {
                message: bytes,
                key_id: self.key_id.clone(),
                signature,
                protocol: crate::receipt::PROTOCOL,
            },
        }
    }

    /// Serializes and signs a receipt body: a receipt of protocol 1, kept
    /// for tests of compatibility (protocol 2 proves, see [`crate::receipt`]).
    pub fn sign_receipt(&self, body: &ReceiptBody) -> pb::Receipt {
        let bytes = pb::ReceiptBody::from(body).encode_to_vec();
        pb::Receipt {
            signature: self.sign(RECEIPT_CONTEXT, &bytes),
            body: bytes,
            key_id: self.key_id.clone(),
            proof: None,
        }
    }

    /// Serializes and signs a tree head.
    pub fn sign_tree_head(&self, head: &TreeHead) -> pb::SignedTreeHead {
        let bytes = pb::TreeHeadBody::from(head).encode_to_vec();
        pb::SignedTreeHead {
            signature: self.sign(TREE_HEAD_CONTEXT, &bytes),
            body: bytes,
            key_id: self.key_id.clone(),
        }
    }

    /// Signs `context` followed by `bytes` (the evidence package's manifest
    /// uses it with its own context).
    /// Signs the digest message of a published hit set.
    pub fn sign_hit_set(&self, digest_message: &[u8]) -> Vec<u8> {
        self.sign(HIT_SET_CONTEXT, digest_message)
    }

    pub(crate) fn sign(&self, context: &[u8], bytes: &[u8]) -> Vec<u8> {
        let mut signed = Vec::with_capacity(context.len() + bytes.len());
        signed.extend_from_slice(context);
        signed.extend_from_slice(bytes);
        self.key.sign(&signed).to_bytes().to_vec()
    }
}

/// Checks the signature over `bytes` with the key named `key_id`, found by
/// `key_for`.
fn check(
    context: &[u8],
    bytes: &[u8],
    key_id: &str,
    signature: &[u8],
    key_for: impl Fn(&str) -> Option<VerifyingKey>,
) -> Result<[u8; 32], VerifyError> {
    if bytes.len() > MAX_MESSAGE_BYTES {
        return Err(VerifyError::TooLarge {
            size: bytes.len(),
            max: MAX_MESSAGE_BYTES,
        });
    }
    if key_id.is_empty() {
        return Err(VerifyError::MissingKeyId);
    }
    let key = key_for(key_id).ok_or(VerifyError::UnknownKey)?;
    let signature: [u8; 64] = signature
        .try_into()
        .map_err(|_| VerifyError::MalformedSignature(signature.len()))?;
    let mut signed = Vec::with_capacity(context.len() + bytes.len());
    signed.extend_from_slice(context);
    signed.extend_from_slice(bytes);
    key.verify_strict(&signed, &Signature::from_bytes(&signature))
        .map_err(|_| VerifyError::BadSignature)?;
    Ok(sha256(bytes))
}

/// Checks a published hit set's signature over its digest message with the
/// holder's key named `key_id`.
pub fn verify_hit_set(
    digest_message: &[u8],
    key_id: &str,
    signature: &[u8],
    key_for: impl Fn(&str) -> Option<VerifyingKey>,
) -> Result<(), VerifyError> {
    check(HIT_SET_CONTEXT, digest_message, key_id, signature, key_for).map(drop)
}

/// Verifies an envelope's signature over its exact message bytes, then
/// decodes and validates the message. `key_for` returns the sender's public
/// key for a key id, or `None` if the key is unknown or revoked.
pub fn open_envelope(
    envelope: &pb::Envelope,
    key_for: impl Fn(&str) -> Option<VerifyingKey>,
) -> Result<Verified<Message>, VerifyError> {
    let hash = check(
        ENVELOPE_CONTEXT,
        &envelope.message,
        &envelope.key_id,
        &envelope.signature,
        key_for,
    )?;
    let decoded = pb::Message::decode(envelope.message.as_slice())?;
    Ok(Verified {
        value: Message::try_from(&decoded)?,
        hash,
        key_id: envelope.key_id.clone(),
    })
}

/// Verifies a receipt's signature over its exact body bytes, then decodes
/// and validates the body.
pub fn open_receipt(
    receipt: &pb::Receipt,
    key_for: impl Fn(&str) -> Option<VerifyingKey>,
) -> Result<Verified<ReceiptBody>, VerifyError> {
    let hash = check(
        RECEIPT_CONTEXT,
        &receipt.body,
        &receipt.key_id,
        &receipt.signature,
        key_for,
    )?;
    let decoded = pb::ReceiptBody::decode(receipt.body.as_slice())?;
    Ok(Verified {
        value: ReceiptBody::try_from(&decoded)?,
        hash,
        key_id: receipt.key_id.clone(),
    })
}

/// Verifies a signed tree head's signature over its exact body bytes, then
/// decodes and validates the body.
pub fn open_tree_head(
    head: &pb::SignedTreeHead,
    key_for: impl Fn(&str) -> Option<VerifyingKey>,
) -> Result<Verified<TreeHead>, VerifyError> {
    let hash = check(
        TREE_HEAD_CONTEXT,
        &head.body,
        &head.key_id,
        &head.signature,
        key_for,
    )?;
    let decoded = pb::TreeHeadBody::decode(head.body.as_slice())?;
    Ok(Verified {
        value: TreeHead::try_from(&decoded)?,
        hash,
        key_id: head.key_id.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Content, Withdrawal};

    fn identity(seed: u8) -> SigningIdentity {
        SigningIdentity::new(SigningKey::from_bytes(&[seed; 32]))
    }

    fn message() -> Message {
        Message {
            message_id: "1b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
            from: "THA".parse().unwrap(),
            to: "KHM".parse().unwrap(),
            created_unix_ms: 1_800_000_000_000,
            nonce: [7; 16],
            content: Content::Withdrawal(Withdrawal {
                request_id: "0b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
                reason: "case closed".into(),
            }),
        }
    }

    fn keys_of(id: &SigningIdentity) -> impl Fn(&str) -> Option<VerifyingKey> + '_ {
        move |k| (k == id.key_id()).then(|| id.verifying_key())
    }

    #[test]
    fn sealed_envelope_opens_to_the_same_message() {
        let id = identity(1);
        let sealed = id.seal(&message());
        let opened = open_envelope(&sealed.envelope, keys_of(&id)).unwrap();
        assert_eq!(opened.value, message());
        assert_eq!(opened.hash, sealed.hash);
        assert_eq!(opened.key_id, id.key_id());
    }

    #[test]
    fn any_flipped_bit_is_refused() {
        let id = identity(1);
        let sealed = id.seal(&message());
        for i in 0..sealed.envelope.message.len() * 8 {
            let mut env = sealed.envelope.clone();
            env.message[i / 8] ^= 1 << (i % 8);
            assert!(open_envelope(&env, keys_of(&id)).is_err(), "bit {i}");
        }
        for i in 0..64 * 8 {
            let mut env = sealed.envelope.clone();
            env.signature[i / 8] ^= 1 << (i % 8);
            assert!(matches!(
                open_envelope(&env, keys_of(&id)),
                Err(VerifyError::BadSignature)
            ));
        }
    }

    #[test]
    fn an_empty_key_id_is_refused_even_where_a_key_would_match() {
        let signer = identity(1);
        let mut envelope = signer.seal(&message()).envelope;
        envelope.key_id.clear();
        // A lookup that falls back to a default key for any id, as a lenient
        // verifier might: the empty id must be refused before it is asked.
        let default = |_: &str| Some(signer.verifying_key());
        assert!(matches!(
            open_envelope(&envelope, default),
            Err(VerifyError::MissingKeyId)
        ));
    }

    #[test]
    fn wrong_or_unknown_key_is_refused() {
        let signer = identity(1);
        let other = identity(2);
        let sealed = signer.seal(&message());
        assert!(matches!(
            open_envelope(&sealed.envelope, keys_of(&other)),
            Err(VerifyError::UnknownKey)
        ));
        // The right key id, but it maps to another key.
        let lying = |_: &str| Some(other.verifying_key());
        assert!(matches!(
            open_envelope(&sealed.envelope, lying),
            Err(VerifyError::BadSignature)
        ));
    }

    #[test]
    fn receipt_signature_does_not_pass_as_envelope() {
        let id = identity(3);
        let body = ReceiptBody {
            message_id: "1b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
            envelope_hash: [9; 32],
            receiver: "KHM".parse().unwrap(),
            sender: "THA".parse().unwrap(),
            received_unix_ms: 5,
            audit_index: 2,
            tree_head: None,
        };
        let receipt = id.sign_receipt(&body);
        assert_eq!(open_receipt(&receipt, keys_of(&id)).unwrap().value, body);
        let as_envelope = pb::Envelope {
            message: receipt.body.clone(),
            key_id: receipt.key_id.clone(),
            signature: receipt.signature.clone(),
            protocol: crate::receipt::PROTOCOL,
        };
        assert!(matches!(
            open_envelope(&as_envelope, keys_of(&id)),
            Err(VerifyError::BadSignature)
        ));
    }

    #[test]
    fn oversized_content_is_refused_before_anything_else() {
        let env = pb::Envelope {
            message: vec![0; MAX_MESSAGE_BYTES + 1],
            key_id: "unknown".into(),
            signature: vec![],
            protocol: crate::receipt::PROTOCOL,
        };
        assert!(matches!(
            open_envelope(&env, |_| None),
            Err(VerifyError::TooLarge { .. })
        ));
    }
}
