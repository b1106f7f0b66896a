//! Receipts and signed tree heads.

use crate::domain::{ReceiptBody, SignedBytes, TreeHead};
use crate::pb;

use super::check::*;

impl TryFrom<&pb::ReceiptBody> for ReceiptBody {
    type Error = ConversionError;
    fn try_from(r: &pb::ReceiptBody) -> Result<Self> {
        Ok(ReceiptBody {
            message_id: uuid("message_id", &r.message_id)?,
            envelope_hash: r.envelope_hash.as_slice().try_into().map_err(|_| {
                ConversionError::new(
                    "envelope_hash",
                    format!("must be 32 bytes, not {}", r.envelope_hash.len()),
                )
            })?,
            receiver: country("receiver", &r.receiver)?,
            sender: country("sender", &r.sender)?,
            received_unix_ms: timestamp("received_unix_ms", r.received_unix_ms)?,
            audit_index: r.audit_index,
            tree_head: r.tree_head.as_ref().map(|t| SignedBytes {
                body: t.body.clone(),
                key_id: t.key_id.clone(),
                signature: t.signature.clone(),
            }),
        })
    }
}

impl From<&ReceiptBody> for pb::ReceiptBody {
    fn from(r: &ReceiptBody) -> Self {
        pb::ReceiptBody {
            message_id: r.message_id.clone(),
            envelope_hash: r.envelope_hash.to_vec(),
            receiver: r.receiver.to_string(),
            sender: r.sender.to_string(),
            received_unix_ms: r.received_unix_ms,
            audit_index: r.audit_index,
            tree_head: r.tree_head.as_ref().map(pb::SignedTreeHead::from),
        }
    }
}

impl From<&SignedBytes> for pb::SignedTreeHead {
    fn from(s: &SignedBytes) -> Self {
        pb::SignedTreeHead {
            body: s.body.clone(),
            key_id: s.key_id.clone(),
            signature: s.signature.clone(),
        }
    }
}

impl TryFrom<&pb::TreeHeadBody> for TreeHead {
    type Error = ConversionError;
    fn try_from(t: &pb::TreeHeadBody) -> Result<Self> {
        Ok(TreeHead {
            country: country("country", &t.country)?,
            tree_size: t.tree_size,
            root_hash: t.root_hash.as_slice().try_into().map_err(|_| {
                ConversionError::new(
                    "root_hash",
                    format!("must be 32 bytes, not {}", t.root_hash.len()),
                )
            })?,
            timestamp_unix_ms: timestamp("timestamp_unix_ms", t.timestamp_unix_ms)?,
        })
    }
}

impl From<&TreeHead> for pb::TreeHeadBody {
    fn from(t: &TreeHead) -> Self {
        pb::TreeHeadBody {
            country: t.country.to_string(),
            tree_size: t.tree_size,
            root_hash: t.root_hash.to_vec(),
            timestamp_unix_ms: t.timestamp_unix_ms,
        }
    }
}
