//! The node's tamper-evident audit log: entries are the leaves of an
//! RFC 9162 Merkle tree kept by the store (on disk, the tile log of
//! [`crate::tlog`]: entries in segments, the tree in tiles, each commit's
//! signed tree head in a checkpoint). The exchange appends to it in the same
//! atomic batch as the change it records, and signs one tree head per group
//! commit, committed with the entries it covers.
//!
//! At start the node checks the log against its last signed tree head and
//! refuses to run if it does not match; proofs are served from the stored
//! subtree hashes in `O(log n)` tile reads.

use ed25519_dalek::VerifyingKey;
use liaison_proto::domain::CountryCode;
use liaison_proto::envelope::open_tree_head;
use liaison_proto::merkle::{self, Frontier, Hash, leaf_hash};
use liaison_proto::pb;
use prost::Message as _;

use crate::records::{Records, SealedHead};
use crate::store::StoreError;

/// The stored log does not match what the node signed.
#[derive(Debug, thiserror::Error)]
pub enum IntegrityError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("audit log damaged at entry {index}: {problem}")]
    Entry { index: u64, problem: String },
    #[error("audit log does not match its last signed tree head: {0}")]
    TreeHead(String),
}

/// What [`verify_log`] found: the frontier to continue appending from, and
/// the last signed tree head with the size it covers. Entries beyond that
/// size are ones an earlier version wrote in a group commit whose flush did
/// not finish: never acknowledged, and to be covered by a new head.
#[derive(Debug)]
pub struct CheckedLog {
    pub frontier: Frontier,
    pub head: Option<SealedHead>,
}

/// Checks the audit log against its last committed tree head: the head must
/// be signed by one of `keys` (the node's current and previous keys) for
/// `country`, and name the size and root the store computed from the
/// entries; every entry must be JSON naming its own index.
pub fn verify_log(
    records: &Records,
    country: CountryCode,
    keys: &[VerifyingKey],
) -> Result<CheckedLog, IntegrityError> {
    let head = match records.audit_checkpoint()? {
        Some(checkpoint) => {
            let signed = pb::SignedTreeHead::decode(checkpoint.head.as_slice())
                .map_err(|e| IntegrityError::TreeHead(format!("not a signed tree head: {e}")))?;
            let head = open_tree_head(&signed, |id| {
                keys.iter()
                    .find(|k| liaison_proto::envelope::key_id(k) == id)
                    .copied()
            })
            .map_err(|e| IntegrityError::TreeHead(e.to_string()))?
            .value;
            if head.country != country {
                return Err(IntegrityError::TreeHead(format!(
                    "the tree head is {}'s, this node is {country}",
                    head.country
                )));
            }
            if head.tree_size != checkpoint.size {
                return Err(IntegrityError::TreeHead(format!(
                    "the tree head covers {} entries, the store holds {}",
                    head.tree_size, checkpoint.size
                )));
            }
            if head.root_hash != checkpoint.root {
                return Err(IntegrityError::TreeHead(
                    "the entries do not hash to the signed root".into(),
                ));
            }
            Some((
                SealedHead {
                    signed,
                    size: head.tree_size,
                },
                head.root_hash,
            ))
        }
        None => None,
    };
    let signed_size = head.as_ref().map_or(0, |(h, _)| h.size);
    let mut frontier = Frontier::new();
    for (position, leaf) in records.applied_leaves()?.into_iter().enumerate() {
        let index = position as u64;
        let named = serde_json::from_slice::<serde_json::Value>(&leaf)
            .ok()
            .and_then(|v| v.get("index").and_then(serde_json::Value::as_u64));
        if named != Some(index) {
            return Err(IntegrityError::Entry {
                index,
                problem: "the entry is not valid JSON naming its own index".into(),
            });
        }
        frontier.push(leaf_hash(&leaf));
        // The store checked its tree against the entries; this checks the
        // entries against the signed root again, whatever the store.
        if frontier.size() == signed_size
            && let Some((_, root)) = &head
            && *root != frontier.root()
        {
            return Err(IntegrityError::TreeHead(
                "the entries do not hash to the signed root".into(),
            ));
        }
    }
    if frontier.size() < signed_size {
        return Err(IntegrityError::TreeHead(format!(
            "the tree head covers {signed_size} entries, the store holds {}",
            frontier.size()
        )));
    }
    Ok(CheckedLog {
        frontier,
        head: head.map(|(head, _)| head),
    })
}

fn perfect(records: &Records) -> impl FnMut(u32, u64) -> Result<Hash, StoreError> + '_ {
    move |level, index| records.tree_node(level, index)
}

/// The inclusion proof of entry `index` in the log of `size` entries.
pub fn inclusion_proof(records: &Records, index: u64, size: u64) -> Result<Vec<Hash>, StoreError> {
    merkle::inclusion_proof(index, size, &mut perfect(records))
}

/// The consistency proof between the logs of `first` and `second` entries.
pub fn consistency_proof(
    records: &Records,
    first: u64,
    second: u64,
) -> Result<Vec<Hash>, StoreError> {
    merkle::consistency_proof(first, second, &mut perfect(records))
}
