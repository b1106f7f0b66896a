//! Fuzzing of everything that decodes untrusted bytes, as property tests:
//! random and mutated inputs must give an error, never a panic, and never a
//! value that should not verify. `LIAISON_FUZZ_CASES` raises the number of
//! cases per target (default 2000) for longer runs.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use ed25519_dalek::{Signer as _, SigningKey};
use liaison_proto::audit::{entry_line, tree_head_line, verify_export};
use liaison_proto::domain::{Content, Message, TreeHead, Withdrawal};
use liaison_proto::envelope::{
    ENVELOPE_CONTEXT, SigningIdentity, key_id, open_envelope, open_receipt, open_tree_head,
};
use liaison_proto::merkle::{MemoryTree, leaf_hash};
use liaison_proto::pb;
use proptest::prelude::*;
use prost::Message as _;

fn cases() -> u32 {
    std::env::var("LIAISON_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(2000)
}

fn key() -> SigningKey {
    SigningKey::from_bytes(&[7; 32])
}

/// A valid encoded message to mutate.
fn valid_message() -> Vec<u8> {
    let m = Message {
        message_id: "1b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
        from: "THA".parse().unwrap(),
        to: "KHM".parse().unwrap(),
        created_unix_ms: 1_800_000_000_000,
        nonce: [3; 16],
        content: Content::Withdrawal(Withdrawal {
            request_id: "0b5c1d0e-8f55-4c1a-9a63-2c8f4f7d2a11".into(),
            reason: "case closed".into(),
        }),
    };
    pb::Message::from(&m).encode_to_vec()
}

/// Signs arbitrary bytes as an envelope, so that decoding is reached.
fn signed(bytes: Vec<u8>) -> pb::Envelope {
    let k = key();
    pb::Envelope {
        signature: k
            .sign(&[ENVELOPE_CONTEXT, bytes.as_slice()].concat())
            .to_bytes()
            .to_vec(),
        key_id: key_id(&k.verifying_key()),
        message: bytes,
        protocol: liaison_proto::receipt::PROTOCOL,
    }
}

fn mutate(mut bytes: Vec<u8>, edits: &[(usize, u8)]) -> Vec<u8> {
    for &(at, value) in edits {
        if bytes.is_empty() {
            bytes.push(value);
        } else {
            let i = at % bytes.len();
            match value % 3 {
                0 => bytes[i] ^= value | 1,
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i, value),
            }
        }
    }
    bytes
}

fn small_export(n: u64) -> String {
    let signer = SigningIdentity::new(key());
    let leaves: Vec<Vec<u8>> = (0..n)
        .map(|i| format!("{{\"index\":{i},\"event\":\"e\"}}").into_bytes())
        .collect();
    let mut tree = MemoryTree::new();
    for leaf in &leaves {
        tree.push(leaf_hash(leaf));
    }
    let head = signer.sign_tree_head(&TreeHead {
        country: "THA".parse().unwrap(),
        tree_size: n,
        root_hash: tree.root(n).unwrap(),
        timestamp_unix_ms: 1_800_000_000_000,
    });
    let mut out = tree_head_line(&head).unwrap() + "\n";
    for (i, leaf) in leaves.iter().enumerate() {
        let proof: Vec<Vec<u8>> = tree
            .inclusion_proof(i as u64, n)
            .unwrap()
            .iter()
            .map(|h| h.to_vec())
            .collect();
        out += &(entry_line(i as u64, leaf, &proof).unwrap() + "\n");
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn random_envelopes_are_refused(message in proptest::collection::vec(any::<u8>(), 0..512), key_id in ".{0,40}", signature in proptest::collection::vec(any::<u8>(), 0..80)) {
        let k = key().verifying_key();
        let envelope = pb::Envelope { message, key_id, signature, protocol: liaison_proto::receipt::PROTOCOL };
        prop_assert!(open_envelope(&envelope, |_| Some(k)).is_err());
        let receipt = pb::Receipt { body: envelope.message.clone(), key_id: envelope.key_id.clone(), signature: envelope.signature.clone(), proof: None };
        prop_assert!(open_receipt(&receipt, |_| Some(k)).is_err());
        let head = pb::SignedTreeHead { body: envelope.message, key_id: envelope.key_id, signature: envelope.signature };
        prop_assert!(open_tree_head(&head, |_| Some(k)).is_err());
    }

    #[test]
    fn signed_random_bytes_are_decoded_safely(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let k = key().verifying_key();
        // Validly signed garbage is refused at decoding or validation.
        prop_assert!(open_envelope(&signed(bytes), |_| Some(k)).is_err());
    }

    #[test]
    fn mutated_messages_never_panic(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..8)) {
        let k = key().verifying_key();
        let bytes = mutate(valid_message(), &edits);
        // Either a valid message (some mutations keep it valid) or an error.
        let _ = open_envelope(&signed(bytes.clone()), |_| Some(k));
        if let Ok(decoded) = pb::Message::decode(bytes.as_slice()) {
            let _ = Message::try_from(&decoded);
        }
        // The same mutation under the original signature never verifies.
        let original = signed(valid_message());
        if bytes != original.message {
            let forged = pb::Envelope { message: bytes, ..original };
            prop_assert!(open_envelope(&forged, |_| Some(k)).is_err());
        }
    }

    #[test]
    fn random_requests_are_converted_safely(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(decoded) = pb::InformationRequest::decode(bytes.as_slice()) {
            let _ = liaison_proto::domain::InformationRequest::try_from(&decoded);
        }
        if let Ok(decoded) = pb::Answer::decode(bytes.as_slice()) {
            let _ = liaison_proto::domain::Answer::try_from(&decoded);
        }
    }

    #[test]
    fn mutated_exports_are_refused(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6)) {
        let original = small_export(6);
        let k = key().verifying_key();
        prop_assert!(verify_export(&original, &k).is_ok());
        let bytes = mutate(original.clone().into_bytes(), &edits);
        if let Ok(text) = String::from_utf8(bytes) {
            // Dropping only the final newline keeps the export valid.
            if text.trim_end_matches('\n') != original.trim_end_matches('\n') {
                prop_assert!(verify_export(&text, &k).is_err());
            }
        }
    }

    #[test]
    fn random_exports_are_refused(text in ".{0,300}") {
        prop_assert!(verify_export(&text, &key().verifying_key()).is_err());
    }
}
