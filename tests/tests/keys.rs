//! Signing-key rotation without losing anything: a node adds a new key,
//! its peers accept both while the old one's envelopes drain, then revoke
//! the old one, after which it is refused.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_node::config::encode_public_key;
use liaison_proto::domain::{Content, Message, Withdrawal};
use liaison_proto::envelope::SigningIdentity;
use liaison_proto::pb;
use liaison_tests::{TestFederation, await_status, country, id_of, phone_check};
use toml::{Table, Value};
use tonic::Code;

fn edit(path: &std::path::Path, change: impl FnOnce(&mut Table)) {
    let mut table: Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    change(&mut table);
    std::fs::write(path, toml::to_string(&table).unwrap()).unwrap();
}

fn peer<'a>(table: &'a mut Table, code: &str) -> &'a mut Table {
    table
        .get_mut("peers")
        .and_then(Value::as_array_mut)
        .unwrap()
        .iter_mut()
        .filter_map(Value::as_table_mut)
        .find(|p| p["country"].as_str() == Some(code))
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_rotates_its_signing_key_without_losing_anything() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    let old = federation.node("THA").config().signer;
    let old_public = encode_public_key(&old.verifying_key());
    let new_key = liaison_node::pki::generate_signing_key().unwrap();
    let new_public = encode_public_key(&new_key.verifying_key());
    let tha_dir = federation.node("THA").dir.clone();
    liaison_node::pki::write_signing_key(&tha_dir.join("signing-key-2.pem"), &new_key).unwrap();

    // KHM is down; THA queues a request signed with the old key.
    federation.stop("KHM").await;
    let mut tha = federation.focal_point("THA").await;
    let queued = id_of(
        &tha.submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );

    // KHM learns the new key (keeping the old one); THA switches to it.
    let khm_config = federation.node("KHM").config_path.clone();
    edit(&khm_config, |t| {
        peer(t, "THA").insert(
            "signing_keys".into(),
            Value::Array(vec![old_public.clone().into(), new_public.clone().into()]),
        );
    });
    federation.stop("THA").await;
    edit(&federation.node("THA").config_path, |t| {
        let node = t.get_mut("node").and_then(Value::as_table_mut).unwrap();
        node.insert("signing_key".into(), "signing-key-2.pem".into());
        node.insert(
            "previous_signing_keys".into(),
            Value::Array(vec![old_public.clone().into()]),
        );
    });
    // THA's log, last signed with the old key, still verifies at start.
    federation.restart("THA").await;
    federation.restart("KHM").await;

    let mut tha = federation.focal_point("THA").await;
    await_status(&mut tha, &queued, pb::RequestStatus::Sent).await;
    let fresh = id_of(
        &tha.submit(phone_check("KHM", "+85512345679"))
            .await
            .unwrap()
            .into_inner(),
    );
    await_status(&mut tha, &fresh, pb::RequestStatus::Sent).await;

    // Peers see both keys, the new one current.
    let mut as_khm = federation.federation_client_as("KHM", "THA").await;
    let keys = as_khm
        .get_keys(pb::KeysQuery {})
        .await
        .unwrap()
        .into_inner()
        .keys;
    assert_eq!(keys.len(), 2);
    assert!(
        keys.iter()
            .any(|k| k.current && k.public_key == new_key.verifying_key().as_bytes())
    );
    assert!(keys.iter().any(|k| !k.current && k.key_id == old.key_id()));

    // KHM revokes the old key: anything signed with it is refused.
    federation.stop("KHM").await;
    edit(&khm_config, |t| {
        let p = peer(t, "THA");
        p.insert(
            "signing_keys".into(),
            Value::Array(vec![new_public.clone().into()]),
        );
        p.insert(
            "revoked_keys".into(),
            Value::Array(vec![old_public.clone().into()]),
        );
    });
    federation.restart("KHM").await;
    let withdrawal = |id: &str| Message {
        message_id: "6e1d7b2f-3a5c-4d9f-8b22-8c4f3e2d1a0b".into(),
        from: country("THA"),
        to: country("KHM"),
        created_unix_ms: liaison_node::exchange::now_ms(),
        nonce: [5; 16],
        content: Content::Withdrawal(Withdrawal {
            request_id: id.into(),
            reason: String::new(),
        }),
    };
    let mut as_tha = federation.federation_client_as("THA", "KHM").await;
    let refused = as_tha
        .deliver(old.seal(&withdrawal(&fresh)).envelope)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::Unauthenticated);
    assert!(
        refused.message().contains("revoked key"),
        "{}",
        refused.message()
    );
    let current = SigningIdentity::new(new_key);
    as_tha
        .deliver(current.seal(&withdrawal(&fresh)).envelope)
        .await
        .unwrap();
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_switches_keys_without_a_restart() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    let old = federation.node("THA").config().signer;
    let old_public = encode_public_key(&old.verifying_key());
    let new_key = liaison_node::pki::generate_signing_key().unwrap();
    let new_public = encode_public_key(&new_key.verifying_key());
    let new_id = liaison_proto::envelope::key_id(&new_key.verifying_key());
    let tha_dir = federation.node("THA").dir.clone();
    liaison_node::pki::write_signing_key(&tha_dir.join("signing-key-2.pem"), &new_key).unwrap();

    // The peer learns the new key first (its own configuration change).
    federation.stop("KHM").await;
    edit(&federation.node("KHM").config_path, |t| {
        peer(t, "THA").insert(
            "signing_keys".into(),
            Value::Array(vec![old_public.clone().into(), new_public.clone().into()]),
        );
    });
    federation.restart("KHM").await;

    // THA switches while running.
    let tha_config = federation.node("THA").config_path.clone();
    edit(&tha_config, |t| {
        let node = t.get_mut("node").and_then(Value::as_table_mut).unwrap();
        node.insert("signing_key".into(), "signing-key-2.pem".into());
        node.insert(
            "previous_signing_keys".into(),
            Value::Array(vec![old_public.clone().into()]),
        );
    });
    let changes = federation.node("THA").running().reload().await.unwrap();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert!(changes[0].ends_with(&format!("-> {new_id}")), "{changes:?}");
    assert!(
        changes[1].starts_with("earlier signing keys: "),
        "{changes:?}"
    );
    let exchange = federation.node("THA").running().exchange().clone();

    let mut tha = federation.focal_point("THA").await;
    let id = id_of(
        &tha.submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );
    await_status(&mut tha, &id, pb::RequestStatus::Sent).await;
    let record = exchange.get(&id).unwrap();
    let stored = exchange
        .records()
        .envelope(&record.envelope_hash)
        .unwrap()
        .expect("the sent envelope is kept");
    let envelope = <pb::Envelope as prost::Message>::decode(stored.as_slice()).unwrap();
    assert_eq!(envelope.key_id, new_id, "signed with the new key");
    let mut as_khm = federation.federation_client_as("KHM", "THA").await;
    let keys = as_khm
        .get_keys(pb::KeysQuery {})
        .await
        .unwrap()
        .into_inner()
        .keys;
    assert!(keys.iter().any(|k| k.current && k.key_id == new_id));

    // The rotation is in the log, and the log still verifies after a restart.
    let rotated = exchange
        .records()
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "key.rotated")
        .count();
    assert_eq!(rotated, 1);
    drop(exchange);
    federation.stop("THA").await;
    federation.restart("THA").await;
    federation.shutdown().await;
}
