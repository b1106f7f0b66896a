use ed25519_dalek::SigningKey;

use super::*;
use crate::domain::{ReceiptBody, SignedBytes};
use crate::envelope::SigningIdentity;
use crate::merkle::MemoryTree;

const HASH: [u8; 32] = [7; 32];
const MESSAGE_ID: &str = "1b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11";

fn identity(seed: u8) -> SigningIdentity {
    SigningIdentity::new(SigningKey::from_bytes(&[seed; 32]))
}

fn keys_of(id: &SigningIdentity) -> impl Fn(&str) -> Option<VerifyingKey> + use<> {
    let (key_id, key) = (id.key_id().to_string(), id.verifying_key());
    move |asked: &str| (asked == key_id).then_some(key)
}

fn khm() -> CountryCode {
    "KHM".parse().unwrap()
}

fn tha() -> CountryCode {
    "THA".parse().unwrap()
}

fn expected() -> Expected<'static> {
    Expected {
        receiver: khm(),
        sender: tha(),
        message_id: MESSAGE_ID,
        envelope_hash: HASH,
        event: "request.received",
    }
}

/// An audit entry as the node writes it (illustrative values).
fn entry(index: u64, event: &str, peer: &str, hash: [u8; 32]) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "index": index,
        "at_unix_ms": 1_700_000_000_123_i64,
        "event": event,
        "actor": format!("peer:{peer}"),
        "request_id": "r-1",
        "peer": peer,
        "category": "PHONE_SUBSCRIBER",
        "message_hash": hex::encode(hash),
        "detail": "",
    }))
    .unwrap()
}

/// A log of `size` entries whose entry `at` is `delivery`; the receipt for
/// it under a head signed by `signer` for `country`.
fn receipt_in_log(
    signer: &SigningIdentity,
    country: CountryCode,
    delivery: Vec<u8>,
    at: u64,
    size: u64,
) -> pb::Receipt {
    let mut tree = MemoryTree::new();
    for i in 0..size {
        if i == at {
            tree.push(leaf_hash(&delivery));
        } else {
            tree.push(leaf_hash(&entry(i, "call.refused", "VNM", [i as u8; 32])));
        }
    }
    let head = signer.sign_tree_head(&TreeHead {
        country,
        tree_size: size,
        root_hash: tree.root(size).unwrap(),
        timestamp_unix_ms: 1_700_000_000_500,
    });
    proof_receipt(delivery, at, tree.inclusion_proof(at, size).unwrap(), head)
}

#[test]
fn a_proof_receipt_verifies_and_its_head_is_checked_once() {
    let khm_id = identity(1);
    let cache = HeadCache::new(4);
    let delivery = entry(5, "request.received", "THA", HASH);
    let receipt = receipt_in_log(&khm_id, khm(), delivery, 5, 13);
    let verified = verify_receipt(&receipt, &expected(), keys_of(&khm_id), &cache).unwrap();
    assert_eq!(verified.audit_index, 5);
    assert_eq!(verified.received_unix_ms, 1_700_000_000_123);
    assert_eq!(verified.protocol, 2);
    assert_eq!(verified.tree_head.tree_size, 13);
    assert_eq!(verified.key_id, khm_id.key_id());
    assert_eq!(cache.counts(), (1, 0));
    // The same head again: no signature checked.
    verify_receipt(&receipt, &expected(), keys_of(&khm_id), &cache).unwrap();
    assert_eq!(cache.counts(), (1, 1));
}

#[test]
fn every_way_a_proof_receipt_can_lie_is_refused() {
    let khm_id = identity(1);
    let good = entry(3, "request.received", "THA", HASH);
    let cases: Vec<(&str, pb::Receipt, &str)> = vec![
        (
            "another envelope",
            receipt_in_log(
                &khm_id,
                khm(),
                entry(3, "request.received", "THA", [8; 32]),
                3,
                9,
            ),
            "proof.entry.message_hash",
        ),
        (
            "another sender",
            receipt_in_log(
                &khm_id,
                khm(),
                entry(3, "request.received", "VNM", HASH),
                3,
                9,
            ),
            "proof.entry.peer",
        ),
        (
            "another event",
            receipt_in_log(
                &khm_id,
                khm(),
                entry(3, "answer.received", "THA", HASH),
                3,
                9,
            ),
            "proof.entry.event",
        ),
        (
            "an entry naming another index",
            receipt_in_log(
                &khm_id,
                khm(),
                entry(4, "request.received", "THA", HASH),
                3,
                9,
            ),
            "proof.entry.index",
        ),
        (
            "a head of another country",
            receipt_in_log(&khm_id, "VNM".parse().unwrap(), good.clone(), 3, 9),
            "proof.tree_head.country",
        ),
    ];
    for (what, receipt, field) in cases {
        let error = verify_receipt(&receipt, &expected(), keys_of(&khm_id), &HeadCache::new(4))
            .expect_err(what);
        assert!(
            matches!(error, ReceiptError::Mismatch(f) if f == field),
            "{what}: {error}"
        );
    }

    let receipt = receipt_in_log(&khm_id, khm(), good.clone(), 3, 9);
    let check = |receipt: &pb::Receipt| {
        verify_receipt(receipt, &expected(), keys_of(&khm_id), &HeadCache::new(4))
    };
    // Entry bytes changed after the head was signed.
    let mut altered = receipt.clone();
    let proof = altered.proof.as_mut().unwrap();
    proof.entry = entry(3, "request.received", "THA", HASH)
        .into_iter()
        .chain(*b" ")
        .collect();
    assert!(matches!(check(&altered), Err(ReceiptError::Proof(_))));
    // The proof claimed for another position.
    let mut moved = receipt.clone();
    moved.proof.as_mut().unwrap().index = 2;
    assert!(matches!(check(&moved), Err(ReceiptError::Proof(_))));
    // A truncated hash in the path.
    let mut short = receipt.clone();
    short.proof.as_mut().unwrap().path[0].pop();
    assert!(matches!(check(&short), Err(ReceiptError::PathHash(31))));
    // No head, no proof at all.
    let mut headless = receipt.clone();
    headless.proof.as_mut().unwrap().tree_head = None;
    assert!(matches!(
        check(&headless),
        Err(ReceiptError::Missing("proof.tree_head"))
    ));
    assert!(matches!(
        check(&pb::Receipt::default()),
        Err(ReceiptError::Missing("proof"))
    ));
    // Signed by a key the sender does not hold for the receiver.
    let forged = receipt_in_log(&identity(2), khm(), good, 3, 9);
    assert!(matches!(
        check(&forged),
        Err(ReceiptError::Verify(VerifyError::UnknownKey))
    ));
}

#[test]
fn a_cached_head_is_not_trusted_under_another_key() {
    let khm_id = identity(1);
    let cache = HeadCache::new(4);
    let receipt = receipt_in_log(
        &khm_id,
        khm(),
        entry(0, "request.received", "THA", HASH),
        0,
        1,
    );
    verify_receipt(&receipt, &expected(), keys_of(&khm_id), &cache).unwrap();
    // The key id now maps to another key (e.g. after a reload).
    let other = identity(2).verifying_key();
    let lying = |_: &str| Some(other);
    assert!(matches!(
        verify_receipt(&receipt, &expected(), lying, &cache),
        Err(ReceiptError::Verify(VerifyError::BadSignature))
    ));
    cache.clear();
    verify_receipt(&receipt, &expected(), keys_of(&khm_id), &cache).unwrap();
    assert_eq!(cache.counts(), (2, 0));
}

#[test]
fn a_protocol_1_receipt_still_verifies() {
    let khm_id = identity(1);
    let head = khm_id.sign_tree_head(&TreeHead {
        country: khm(),
        tree_size: 4,
        root_hash: [1; 32],
        timestamp_unix_ms: 9,
    });
    let body = ReceiptBody {
        message_id: MESSAGE_ID.into(),
        envelope_hash: HASH,
        receiver: khm(),
        sender: tha(),
        received_unix_ms: 8,
        audit_index: 3,
        tree_head: Some(SignedBytes {
            body: head.body,
            key_id: head.key_id,
            signature: head.signature,
        }),
    };
    let receipt = khm_id.sign_receipt(&body);
    let cache = HeadCache::new(4);
    let verified = verify_receipt(&receipt, &expected(), keys_of(&khm_id), &cache).unwrap();
    assert_eq!((verified.protocol, verified.audit_index), (1, 3));
    let other_message = Expected {
        message_id: "another",
        ..expected()
    };
    assert!(matches!(
        verify_receipt(&receipt, &other_message, keys_of(&khm_id), &cache),
        Err(ReceiptError::Mismatch("message_id"))
    ));
    let mut beyond = body.clone();
    beyond.audit_index = 4;
    assert!(matches!(
        verify_receipt(
            &khm_id.sign_receipt(&beyond),
            &expected(),
            keys_of(&khm_id),
            &cache
        ),
        Err(ReceiptError::Mismatch("body.tree_head.tree_size"))
    ));
}

#[test]
fn the_refusal_of_another_protocol_names_both_versions() {
    let text = protocol_refusal(0);
    assert!(text.contains("`protocol` is 0"), "{text}");
    assert!(text.contains("protocol 2"), "{text}");
}
