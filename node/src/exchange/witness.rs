//! Peer witnessing: each node regularly fetches its peers' signed tree
//! heads and checks, with a consistency proof, that each one extends the
//! last one it saw. A peer whose log shrank or changed its past is reported
//! loudly (error log, audit entry) and the evidence is kept; the last good
//! head stays the reference.

use std::sync::Arc;
use std::time::Duration;

use liaison_proto::domain::{CountryCode, TreeHead};
use liaison_proto::envelope::open_tree_head;
use liaison_proto::merkle::{Hash, verify_consistency};
use liaison_proto::pb;
use prost::Message as _;

use crate::exchange::Exchange;
use crate::exchange::outbox::PeerClients;
use liaison_proto::pb::federation_client::FederationClient;
use tonic::transport::Channel;

/// What witnessing one peer found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Witnessed {
    pub peer: CountryCode,
    pub verdict: Verdict,
    pub previous_size: u64,
    pub tree_size: u64,
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The first head seen from this peer.
    FirstSeen,
    /// Same size and root as last time.
    Unchanged,
    /// A larger tree, proven to extend the last one.
    Consistent,
    /// Smaller than the last head seen: entries were removed.
    RolledBack,
    /// The history differs from the last head seen.
    Forked,
    /// The head is not validly signed by the peer.
    BadSignature,
    /// The peer could not be asked.
    Unreachable,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::FirstSeen => "first-seen",
            Verdict::Unchanged => "unchanged",
            Verdict::Consistent => "consistent",
            Verdict::RolledBack => "rolled-back",
            Verdict::Forked => "forked",
            Verdict::BadSignature => "bad-signature",
            Verdict::Unreachable => "unreachable",
        }
    }

    /// Whether the peer's log shows signs of tampering.
    pub fn is_alarm(self) -> bool {
        matches!(
            self,
            Verdict::RolledBack | Verdict::Forked | Verdict::BadSignature
        )
    }
}

fn decode_head(head: &pb::SignedTreeHead) -> Option<TreeHead> {
    let body = pb::TreeHeadBody::decode(head.body.as_slice()).ok()?;
    TreeHead::try_from(&body).ok()
}

fn head_json(head: &pb::SignedTreeHead) -> serde_json::Value {
    use base64::Engine as _;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    serde_json::json!({
        "body": b64(&head.body),
        "key_id": head.key_id,
        "signature": b64(&head.signature),
    })
}

/// What checking one peer found, before it is recorded: the head it
/// served, the last one seen before, and the consistency proof between.
#[derive(Debug)]
struct Checked {
    result: Witnessed,
    head: Option<pb::SignedTreeHead>,
    previous: Option<pb::SignedTreeHead>,
    proof: Vec<Hash>,
    /// A head from the peer's receipts that its served head contradicts.
    receipt_head: Option<pb::SignedTreeHead>,
}

impl From<Witnessed> for Checked {
    fn from(result: Witnessed) -> Self {
        Checked {
            result,
            head: None,
            previous: None,
            proof: Vec::new(),
            receipt_head: None,
        }
    }
}

/// Asks `peer` for its tree head and checks it against the last one seen.
async fn check(exchange: &Exchange, peers: &PeerClients, peer: CountryCode) -> Checked {
    let mut result = Witnessed {
        peer,
        verdict: Verdict::Unreachable,
        previous_size: 0,
        tree_size: 0,
        detail: String::new(),
    };
    let Some(mut client) = peers.get(peer) else {
        result.detail = format!("{peer} is not a configured peer");
        return result.into();
    };
    let previous = match exchange.records().witnessed(peer) {
        Ok(previous) => previous,
        Err(e) => {
            result.detail = format!("cannot read the last head seen: {e}");
            return result.into();
        }
    };
    let previous_head = previous.as_ref().and_then(decode_head);
    result.previous_size = previous_head.as_ref().map_or(0, |h| h.tree_size);
    let signed = match client.get_tree_head(pb::TreeHeadQuery {}).await {
        Ok(head) => head.into_inner(),
        Err(status) => {
            result.detail = status.message().to_string();
            return result.into();
        }
    };
    let keys = exchange
        .config()
        .peers
        .get(&peer)
        .map(|p| p.keys.clone())
        .unwrap_or_default();
    let head = match open_tree_head(&signed, |id| keys.get(id).copied()) {
        Ok(verified) if verified.value.country == peer => verified.value,
        refused => {
            result.verdict = Verdict::BadSignature;
            result.detail = match refused {
                Ok(verified) => format!("the head names {}", verified.value.country),
                Err(e) => e.to_string(),
            };
            return Checked {
                result,
                head: Some(signed),
                previous,
                proof: Vec::new(),
                receipt_head: None,
            };
        }
    };
    result.tree_size = head.tree_size;
    let mut proof: Vec<Hash> = Vec::new();
    result.verdict = match &previous_head {
        None => Verdict::FirstSeen,
        Some(old) if head.tree_size < old.tree_size => {
            result.detail = format!(
                "{peer}'s log shrank from {} to {} entries",
                old.tree_size, head.tree_size
            );
            Verdict::RolledBack
        }
        Some(old) if head.tree_size == old.tree_size => {
            if head.root_hash == old.root_hash {
                Verdict::Unchanged
            } else {
                result.detail = format!(
                    "{peer}'s log of {} entries now has another root",
                    head.tree_size
                );
                Verdict::Forked
            }
        }
        Some(old) if old.tree_size == 0 => Verdict::Consistent,
        Some(old) => {
            let query = pb::ConsistencyQuery {
                first: old.tree_size,
                second: head.tree_size,
            };
            match client.get_consistency_proof(query).await {
                Err(status) => {
                    result.detail = format!("no consistency proof: {}", status.message());
                    return result.into();
                }
                Ok(response) => {
                    let hashes = response.into_inner().hashes;
                    proof = hashes
                        .iter()
                        .filter_map(|h| h.as_slice().try_into().ok())
                        .collect();
                    let verified = proof.len() == hashes.len()
                        && verify_consistency(
                            old.tree_size,
                            head.tree_size,
                            &old.root_hash,
                            &head.root_hash,
                            &proof,
                        )
                        .is_ok();
                    if verified {
                        Verdict::Consistent
                    } else {
                        result.detail = format!(
                            "{peer}'s log of {} entries does not extend the {} entries seen before",
                            head.tree_size, old.tree_size
                        );
                        Verdict::Forked
                    }
                }
            }
        }
    };
    let mut receipt_head = None;
    if !result.verdict.is_alarm()
        && let Some(from_receipt) = exchange.take_receipt_head(peer)
    {
        match against_receipt(&mut client, &keys, &head, &from_receipt).await {
            ReceiptCheck::Consistent => {}
            ReceiptCheck::Unknown => exchange.note_receipt_head(peer, &from_receipt, 0),
            ReceiptCheck::Forked { detail, hashes } => {
                result.verdict = Verdict::Forked;
                result.detail = detail;
                proof = hashes;
                receipt_head = Some(from_receipt);
            }
        }
    }
    Checked {
        result,
        head: Some(signed),
        previous,
        proof,
        receipt_head,
    }
}

/// What a head from a peer's receipts says against the head it serves.
enum ReceiptCheck {
    Consistent,
    /// Not checkable now (no proof to be had): kept for the next round.
    Unknown,
    Forked {
        detail: String,
        hashes: Vec<Hash>,
    },
}

/// Checks that `from_receipt`, a head the peer put in one of its receipts,
/// and `served`, the head it serves to witnesses, are of one history: the
/// same root at the same size, or a consistency proof from the smaller to
/// the larger.
async fn against_receipt(
    client: &mut FederationClient<Channel>,
    keys: &std::collections::BTreeMap<String, ed25519_dalek::VerifyingKey>,
    served: &TreeHead,
    from_receipt: &pb::SignedTreeHead,
) -> ReceiptCheck {
    let Ok(receipt) = open_tree_head(from_receipt, |id| keys.get(id).copied()) else {
        // Signed by a key no longer trusted: no evidence either way.
        return ReceiptCheck::Consistent;
    };
    let receipt = receipt.value;
    if receipt.country != served.country {
        return ReceiptCheck::Consistent;
    }
    let (small, large) = if receipt.tree_size <= served.tree_size {
        (&receipt, served)
    } else {
        (served, &receipt)
    };
    if small.tree_size == large.tree_size {
        return if small.root_hash == large.root_hash {
            ReceiptCheck::Consistent
        } else {
            ReceiptCheck::Forked {
                detail: format!(
                    "a receipt's tree head of {} entries has another root than the head served to witnesses",
                    small.tree_size
                ),
                hashes: Vec::new(),
            }
        };
    }
    if small.tree_size == 0 {
        return ReceiptCheck::Consistent;
    }
    let query = pb::ConsistencyQuery {
        first: small.tree_size,
        second: large.tree_size,
    };
    let Ok(response) = client.get_consistency_proof(query).await else {
        return ReceiptCheck::Unknown;
    };
    let hashes: Vec<Hash> = response
        .into_inner()
        .hashes
        .iter()
        .filter_map(|h| h.as_slice().try_into().ok())
        .collect();
    match verify_consistency(
        small.tree_size,
        large.tree_size,
        &small.root_hash,
        &large.root_hash,
        &hashes,
    ) {
        Ok(()) => ReceiptCheck::Consistent,
        Err(_) => ReceiptCheck::Forked {
            detail: format!(
                "a receipt's tree head of {} entries and the head of {} entries served to witnesses are not one history",
                receipt.tree_size, served.tree_size
            ),
            hashes,
        },
    }
}

/// Witnesses `peers` once each and records what was found: each alarm in
/// an audit entry of its own with the evidence kept, and every head
/// accepted (first seen, or consistent with the last) in **one** audit entry
/// for the whole round, so that witnessing N peers grows the log by one
/// entry, not N (with N nodes witnessing each other, N² entries a round).
pub async fn witness_all(
    exchange: &Exchange,
    peers: &PeerClients,
    countries: &[CountryCode],
) -> Vec<Witnessed> {
    let mut accepted = Vec::new();
    let mut results = Vec::new();
    for &peer in countries {
        let checked = check(exchange, peers, peer).await;
        let result = checked.result.clone();
        exchange.metrics().witnessed(
            result.peer,
            result.verdict.as_str(),
            result.verdict.is_alarm(),
            crate::exchange::now_ms(),
        );
        if result.verdict.is_alarm() {
            record_alarm(exchange, &checked).await;
        } else if let (Verdict::FirstSeen | Verdict::Consistent, Some(head)) =
            (result.verdict, &checked.head)
        {
            accepted.push((result.clone(), head.clone()));
        }
        results.push(result);
    }
    if !accepted.is_empty() {
        let detail = accepted
            .iter()
            .map(|(result, _)| {
                format!(
                    "{} {}: {} -> {} entries",
                    result.peer,
                    result.verdict.as_str(),
                    result.previous_size,
                    result.tree_size
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        let heads: Vec<(CountryCode, pb::SignedTreeHead)> = accepted
            .into_iter()
            .map(|(result, head)| (result.peer, head))
            .collect();
        if let Err(e) = exchange.record_witnessed(&heads, detail).await {
            tracing::error!(error = %e, "cannot record witness results");
        }
    }
    results
}

/// Records a peer's tampered log: an error in the node's log, an audit
/// entry, and the evidence.
async fn record_alarm(exchange: &Exchange, checked: &Checked) {
    let result = &checked.result;
    tracing::error!(
        peer = %result.peer,
        verdict = result.verdict.as_str(),
        detail = %result.detail,
        "PEER AUDIT LOG ALARM: evidence kept"
    );
    let evidence = serde_json::json!({
        "peer": result.peer.to_string(),
        "verdict": result.verdict.as_str(),
        "detail": result.detail,
        "previous_head": checked.previous.as_ref().map(head_json),
        "head": checked.head.as_ref().map(head_json),
        "receipt_head": checked.receipt_head.as_ref().map(head_json),
        "consistency_proof": checked.proof.iter().map(hex::encode).collect::<Vec<_>>(),
    });
    let outcome = exchange
        .record_alarm(
            result.peer,
            result.verdict.as_str(),
            // `record_alarm` puts the verdict in front.
            format!(
                "{} -> {} entries{}",
                result.previous_size,
                result.tree_size,
                if result.detail.is_empty() {
                    String::new()
                } else {
                    format!("; {}", result.detail)
                }
            ),
            evidence,
        )
        .await;
    if let Err(e) = outcome {
        tracing::error!(peer = %result.peer, error = %e, "cannot record a witness result");
    }
}

/// Witnesses every peer every `interval` until the node shuts down.
pub async fn run(exchange: Arc<Exchange>, peers: PeerClients, interval: Duration) {
    let mut closing = exchange.closing();
    loop {
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = closing.wait_for(|closed| *closed) => return,
        }
        let countries: Vec<CountryCode> = exchange.config().peers.keys().copied().collect();
        for outcome in witness_all(&exchange, &peers, &countries).await {
            tracing::debug!(peer = %outcome.peer, verdict = outcome.verdict.as_str(), "witnessed");
        }
    }
}
