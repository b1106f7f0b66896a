//! What a node refuses at its federation door: envelopes whose signature,
//! key, sender or TLS identity do not match, callers without a valid client
//! certificate, and replays with altered content. Every refusal leaves no
//! accepted trace in the receiver's store.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_node::config::Config;
use liaison_node::pki::FederationCa;
use liaison_proto::domain::{Content, Message};
use liaison_proto::pb;
use liaison_tests::{TestFederation, signed_phone_check, test_uuid};
use tonic::Code;

/// The number of the message every test here sends (its message and
/// request ids are `test_uuid(ID)`).
const ID: u64 = 1;

/// A phone check from `from` to `to` with the ids of [`ID`].
fn message(from: &str, to: &str) -> Message {
    Message::try_from(&signed_phone_check(ID, from, to)).unwrap()
}

fn signer(federation: &TestFederation, code: &str) -> liaison_proto::envelope::SigningIdentity {
    federation.node(code).config().signer
}

/// Asserts that KHM accepted nothing and audited the refusal.
fn assert_nothing_accepted(federation: &TestFederation, refusals: usize) {
    let exchange = federation.node("KHM").running().exchange();
    assert!(
        exchange
            .records()
            .request(liaison_node::records::Direction::Incoming, &test_uuid(ID))
            .unwrap()
            .is_none()
    );
    assert!(exchange.records().seen(&test_uuid(ID)).unwrap().is_none());
    let audited = exchange
        .records()
        .audit_entries()
        .unwrap()
        .iter()
        .filter(|e| e.event == "call.refused")
        .count();
    assert_eq!(audited, refusals);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mismatched_envelopes_are_refused_and_leave_no_trace() {
    let federation = TestFederation::start(&["THA", "KHM", "VNM"]).await;
    let mut as_tha = federation.federation_client_as("THA", "KHM").await;
    let tha = signer(&federation, "THA");
    let vnm = signer(&federation, "VNM");
    let good = tha.seal(&message("THA", "KHM")).envelope;

    let mut cases: Vec<(&str, pb::Envelope, Code)> = Vec::new();
    let mut flipped = good.clone();
    let last = flipped.message.len() - 1;
    flipped.message[last] ^= 0x01;
    cases.push(("altered message bytes", flipped, Code::Unauthenticated));
    let mut bad_signature = good.clone();
    bad_signature.signature[0] ^= 0x80;
    cases.push(("altered signature", bad_signature, Code::Unauthenticated));
    cases.push((
        "truncated signature",
        pb::Envelope {
            signature: good.signature[..63].to_vec(),
            ..good.clone()
        },
        Code::Unauthenticated,
    ));
    cases.push((
        "unknown key id",
        pb::Envelope {
            key_id: "0000000000000000".into(),
            ..good.clone()
        },
        Code::Unauthenticated,
    ));
    // Signed with Viet Nam's key but sent over Thailand's connection.
    cases.push((
        "another peer's key",
        vnm.seal(&message("THA", "KHM")).envelope,
        Code::Unauthenticated,
    ));
    // A genuine Vietnamese envelope, relayed over Thailand's TLS identity.
    cases.push((
        "sender is not the TLS peer",
        vnm.seal(&message("VNM", "KHM")).envelope,
        Code::Unauthenticated,
    ));
    cases.push((
        "addressed elsewhere",
        tha.seal(&message("THA", "VNM")).envelope,
        Code::InvalidArgument,
    ));
    // Thailand's key and connection, but the message claims Viet Nam sent it.
    cases.push((
        "sender claims another country",
        tha.seal(&message("VNM", "KHM")).envelope,
        Code::PermissionDenied,
    ));
    cases.push((
        "not protobuf, signature of other bytes",
        pb::Envelope {
            message: vec![0xff; 40],
            ..good.clone()
        },
        Code::Unauthenticated,
    ));
    cases.push((
        "empty envelope",
        pb::Envelope {
            protocol: liaison_proto::receipt::PROTOCOL,
            ..pb::Envelope::default()
        },
        Code::Unauthenticated,
    ));
    // A node of the previous version leaves `protocol` unset.
    cases.push((
        "a genuine envelope of protocol 1",
        pb::Envelope {
            protocol: 0,
            ..good.clone()
        },
        Code::FailedPrecondition,
    ));

    for (i, (what, envelope, code)) in cases.into_iter().enumerate() {
        let status = as_tha.deliver(envelope).await.unwrap_err();
        assert_eq!(status.code(), code, "{what}: {status:?}");
        assert_nothing_accepted(&federation, i + 1);
    }

    // The genuine envelope is accepted, and a retry gets a receipt for the
    // same audit entry.
    let receipt = as_tha.deliver(good.clone()).await.unwrap().into_inner();
    let again = as_tha.deliver(good.clone()).await.unwrap().into_inner();
    let (proof, proof_again) = (receipt.proof.unwrap(), again.proof.unwrap());
    assert_eq!(proof.index, proof_again.index);
    assert_eq!(proof.entry, proof_again.entry);
    let entry: serde_json::Value = serde_json::from_slice(&proof.entry).unwrap();
    assert_eq!(entry["event"], "request.received");
    assert_eq!(
        entry["message_hash"],
        hex::encode(liaison_proto::envelope::sha256(&good.message))
    );

    // The same message id with different (validly signed) content is refused.
    let mut altered = message("THA", "KHM");
    altered.nonce = [2; 16];
    let status = as_tha
        .deliver(tha.seal(&altered).envelope)
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::AlreadyExists, "{status:?}");
    let inbox = federation
        .node("KHM")
        .running()
        .exchange()
        .assignments("police", true)
        .unwrap();
    assert_eq!(inbox.len(), 1, "exactly one request accepted");
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn validly_signed_garbage_is_refused_as_invalid() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut as_tha = federation.federation_client_as("THA", "KHM").await;
    let tha = signer(&federation, "THA");
    // A correctly signed message whose content fails validation: the node
    // verifies first, then decodes, then rejects the content.
    let mut invalid = message("THA", "KHM");
    if let Content::Request(r) = &mut invalid.content {
        r.summary = "\u{0}".into();
    }
    let status = as_tha
        .deliver(tha.seal(&invalid).envelope)
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    assert!(status.message().contains("summary"), "{status:?}");
    assert_nothing_accepted(&federation, 1);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_identity_must_be_a_configured_peer() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let config: Config = federation.node("THA").config();
    // A certificate from the federation's own CA, for a country KHM does
    // not peer with.
    let ca = FederationCa::load_or_create(&federation.dir.path().join("ca")).unwrap();
    let stranger = ca.issue("lao.liaison").unwrap();
    let mut client = federation
        .federation_client("KHM", Some(stranger), &config.tls.ca_pem, "khm.liaison")
        .await
        .unwrap();
    let envelope = signer(&federation, "THA")
        .seal(&message("THA", "KHM"))
        .envelope;
    let status = client.deliver(envelope).await.unwrap_err();
    assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
    let keys = client.get_keys(pb::KeysQuery {}).await.unwrap_err();
    assert_eq!(keys.code(), Code::PermissionDenied);
    assert_nothing_accepted(&federation, 2);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_caller_without_a_valid_client_certificate_cannot_connect() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let config: Config = federation.node("THA").config();
    let envelope = signer(&federation, "THA")
        .seal(&message("THA", "KHM"))
        .envelope;

    // No client certificate at all.
    let refused = match federation
        .federation_client("KHM", None, &config.tls.ca_pem, "khm.liaison")
        .await
    {
        Err(_) => true,
        Ok(mut client) => client.deliver(envelope.clone()).await.is_err(),
    };
    assert!(refused, "a caller without a certificate got through");

    // A certificate from another CA, for a name KHM does peer with.
    let rogue_dir = tempfile::tempdir().unwrap();
    let rogue_ca = FederationCa::load_or_create(rogue_dir.path()).unwrap();
    let rogue = rogue_ca.issue("tha.liaison").unwrap();
    let refused = match federation
        .federation_client("KHM", Some(rogue), &config.tls.ca_pem, "khm.liaison")
        .await
    {
        Err(_) => true,
        Ok(mut client) => client.deliver(envelope.clone()).await.is_err(),
    };
    assert!(refused, "a caller with a foreign certificate got through");

    // Nothing reached the application at all.
    let exchange = federation.node("KHM").running().exchange();
    assert!(exchange.records().seen(&test_uuid(ID)).unwrap().is_none());
    assert!(exchange.records().audit_entries().unwrap().is_empty());
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_serves_its_keys_to_peers() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut as_tha = federation.federation_client_as("THA", "KHM").await;
    let keys = as_tha
        .get_keys(pb::KeysQuery {})
        .await
        .unwrap()
        .into_inner();
    let khm = signer(&federation, "KHM");
    assert_eq!(keys.country, "KHM");
    assert_eq!(keys.keys.len(), 1);
    assert_eq!(keys.keys[0].key_id, khm.key_id());
    assert_eq!(
        keys.keys[0].public_key,
        khm.verifying_key().as_bytes().to_vec()
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flooding_peer_is_limited_and_others_are_not() {
    let mut federation = TestFederation::start(&["THA", "KHM", "VNM"]).await;
    // KHM allows each peer 5 calls at once and 5 a second.
    federation.stop("KHM").await;
    let path = federation.node("KHM").config_path.clone();
    let text = std::fs::read_to_string(&path).unwrap();
    let limited = text
        .replacen("peer_rate_per_sec = 200", "peer_rate_per_sec = 5", 1)
        .replacen("peer_burst = 400", "peer_burst = 5", 1);
    assert_ne!(limited, text);
    std::fs::write(&path, limited).unwrap();
    federation.restart("KHM").await;

    let mut as_tha = federation.federation_client_as("THA", "KHM").await;
    let mut outcomes = Vec::new();
    for _ in 0..20 {
        outcomes.push(
            as_tha
                .get_keys(pb::KeysQuery {})
                .await
                .map(|_| ())
                .map_err(|s| s.code()),
        );
    }
    assert!(outcomes[..5].iter().all(Result::is_ok), "{outcomes:?}");
    let refused = outcomes
        .iter()
        .filter(|o| **o == Err(Code::ResourceExhausted))
        .count();
    assert!(refused >= 10, "{outcomes:?}");
    // Viet Nam is unaffected.
    let mut as_vnm = federation.federation_client_as("VNM", "KHM").await;
    as_vnm.get_keys(pb::KeysQuery {}).await.unwrap();
    // The flood is audited, not each call.
    let audited: Vec<String> = federation
        .node("KHM")
        .running()
        .exchange()
        .records()
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "call.refused")
        .map(|e| e.detail)
        .collect();
    assert!(
        !audited.is_empty() && audited.len() < refused,
        "{audited:?}"
    );
    assert!(
        audited[0].contains("THA exceeds its limit of 5 calls per second"),
        "{audited:?}"
    );
    federation.shutdown().await;
}
