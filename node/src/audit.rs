//! The node's tamper-evident audit log: entries are the leaves of an
//! RFC 9162 Merkle tree kept in the store (`audit/` leaves, `mt/` perfect
//! subtree hashes, `sth` the latest signed tree head). The exchange appends
//! to it in the same atomic batch as the change it records, and signs one
//! tree head per group commit, just before the flush that makes it durable.
//!
//! At start the node re-derives the tree from the stored entries and
//! refuses to run if it does not match its last signed tree head; proofs are
//! served from the stored subtree hashes in `O(log² n)` lookups.

use ed25519_dalek::VerifyingKey;
use liaison_proto::domain::CountryCode;
use liaison_proto::envelope::open_tree_head;
use liaison_proto::merkle::{self, Frontier, Hash, leaf_hash};

use crate::records::{Records, SealedHead, audit_key};
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
/// size were written by a group commit whose flush did not finish before the
/// node stopped: never acknowledged, and to be covered by a new head.
#[derive(Debug)]
pub struct CheckedLog {
    pub frontier: Frontier,
    pub head: Option<SealedHead>,
}

/// Re-derives the audit tree from the stored entries and checks it against
/// the stored subtree hashes and the last signed tree head (signed by one of
/// `keys`, the node's current and previous keys, for `country`). Every
/// entry up to the head's size must hash to its signed root; entries after
/// it must still match their stored subtree hashes.
pub fn verify_log(
    records: &Records,
    country: CountryCode,
    keys: &[VerifyingKey],
) -> Result<CheckedLog, IntegrityError> {
    let head = match records.tree_head()? {
        Some(signed) => {
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
            Some((signed, head))
        }
        None => None,
    };
    let signed_size = head.as_ref().map_or(0, |(_, h)| h.tree_size);
    let mut frontier = Frontier::new();
    let mut signed_root = (signed_size == 0).then(merkle::empty_root);
    let stored_nodes: std::collections::HashMap<Vec<u8>, Vec<u8>> =
        records.tree_nodes()?.into_iter().collect();
    let mut checked_nodes = 0usize;
    for (position, (key_bytes, leaf)) in records.audit_leaves()?.into_iter().enumerate() {
        let index = position as u64;
        if key_bytes != audit_key(index) {
            return Err(IntegrityError::Entry {
                index,
                problem: format!(
                    "expected the next entry, found `{}`",
                    String::from_utf8_lossy(&key_bytes)
                ),
            });
        }
        let named = serde_json::from_slice::<serde_json::Value>(&leaf)
            .ok()
            .and_then(|v| v.get("index").and_then(serde_json::Value::as_u64));
        if named != Some(index) {
            return Err(IntegrityError::Entry {
                index,
                problem: "the entry is not valid JSON naming its own index".into(),
            });
        }
        for (level, node_index, hash) in frontier.push(leaf_hash(&leaf)) {
            let node_key = crate::records::tree_node_key(level, node_index);
            let stored = stored_nodes.get(&node_key).map(Vec::as_slice);
            // Leaf hashes are the entries' own and not stored; stores
            // written by earlier versions hold them, and then they must
            // match.
            if level == 0 && stored.is_none() {
                continue;
            }
            if stored != Some(hash.as_slice()) {
                return Err(IntegrityError::Entry {
                    index,
                    problem: format!(
                        "stored tree node {level}/{node_index} does not match the entries"
                    ),
                });
            }
            checked_nodes += 1;
        }
        if frontier.size() == signed_size {
            signed_root = Some(frontier.root());
        }
    }
    if checked_nodes != stored_nodes.len() {
        return Err(IntegrityError::TreeHead(format!(
            "{} stored tree nodes belong to no entry",
            stored_nodes.len() - checked_nodes
        )));
    }
    let Some((signed, head)) = head else {
        return Ok(CheckedLog {
            frontier,
            head: None,
        });
    };
    let Some(root) = signed_root else {
        return Err(IntegrityError::TreeHead(format!(
            "the tree head covers {} entries, the store holds {}",
            head.tree_size,
            frontier.size()
        )));
    };
    if head.root_hash != root {
        return Err(IntegrityError::TreeHead(
            "the entries do not hash to the signed root".into(),
        ));
    }
    Ok(CheckedLog {
        frontier,
        head: Some(SealedHead {
            signed,
            size: head.tree_size,
        }),
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
