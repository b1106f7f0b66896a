//! Upgrading a node: a store written in the first format, with signed
//! envelopes inline in request records and outbox items and nothing
//! encrypted, is brought to the current format at start without losing an
//! envelope or a delivery, and its personal data is sealed.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use liaison_node::Config;
use liaison_node::exchange::Exchange;
use liaison_node::records::Records;
use liaison_node::store::{Batch, MemoryStore, Store};
use liaison_node::vault::seal;
use liaison_proto::pb;
use liaison_tests::{TestFederation, await_status, exchange_once, id_of, phone_check};
use serde_json::Value;

/// Rewrites a stopped node's store the way the first format kept it:
/// nothing encrypted and no KEK, envelopes inline in request records and
/// outbox items.
fn downgrade(config: &Config) {
    let store: Arc<dyn Store> = Arc::from(liaison_node::store::open(&config.data_dir).unwrap());
    let kek = liaison_node::vault::read_kek(&config.kek.path).unwrap();
    let (records, _) = Records::open(store.clone(), Arc::new(kek)).unwrap();
    // Every value as it was written, opened if sealed.
    let plain = |key: &[u8], value: Vec<u8>| match seal::sealed_name(&value) {
        None => value,
        Some(name) => {
            let data_key = records.data_key(name.unwrap()).unwrap().unwrap();
            seal::open(&data_key, key, &value).unwrap()
        }
    };
    let mut batch = Batch::new();
    let mut envelopes = HashMap::new();
    for (key, value) in store.scan_prefix(b"env/").unwrap() {
        let hash = String::from_utf8(key[4..].to_vec()).unwrap();
        envelopes.insert(hash, STANDARD.encode(plain(&key, value)));
        batch.delete(key);
    }
    assert!(!envelopes.is_empty());
    let inline = |hash: &Value| Value::String(envelopes[hash.as_str().unwrap()].clone());
    for (key, value) in store.scan_prefix(b"out/").unwrap() {
        let mut json: Value = serde_json::from_slice(&plain(&key, value)).unwrap();
        let record = json.as_object_mut().unwrap();
        let request = inline(&record["envelope_hash"]);
        record.insert("request_envelope".into(), request);
        let answer = match record.remove("answer_envelope_hash") {
            Some(Value::Null) | None => Value::Null,
            Some(hash) => inline(&hash),
        };
        record.insert("answer_envelope".into(), answer);
        batch.put(key, serde_json::to_vec(&json).unwrap());
    }
    for (key, value) in store.scan_prefix(b"outbox/").unwrap() {
        let mut json: Value = serde_json::from_slice(&value).unwrap();
        let item = json.as_object_mut().unwrap();
        let envelope = inline(&item["envelope_hash"]);
        item.insert("envelope".into(), envelope);
        batch.put(key, serde_json::to_vec(&json).unwrap());
    }
    for prefix in [&b"in/"[..], b"person/", b"session/"] {
        for (key, value) in store.scan_prefix(prefix).unwrap() {
            let value = plain(&key, value);
            batch.put(key, value);
        }
    }
    for (key, _) in store.scan_prefix(b"dkey/").unwrap() {
        batch.delete(key);
    }
    batch.delete(b"meta/format".to_vec());
    store.apply(batch).unwrap();
    store.flush().unwrap();
    drop(records);
    drop(store);
    std::fs::remove_file(config.data_dir.join("datakeys")).unwrap();
    std::fs::remove_file(&config.kek.path).unwrap();
}

/// Whether any value under `prefix` is stored in plain text.
fn any_plain(config: &Config, prefix: &[u8]) -> bool {
    let store = liaison_node::store::open(&config.data_dir).unwrap();
    let values = store.scan_prefix(prefix).unwrap();
    assert!(!values.is_empty(), "{}", String::from_utf8_lossy(prefix));
    values
        .iter()
        .any(|(_, value)| seal::sealed_name(value).is_none())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_with_inline_envelopes_is_upgraded_at_start() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    let answered = exchange_once(&federation, "THA", "KHM").await;
    // One request stays queued in Thailand's outbox while Cambodia is down.
    federation.stop("KHM").await;
    let queued = id_of(
        &federation
            .focal_point("THA")
            .await
            .submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );
    let (record, request_envelope, answer_envelope) = {
        let exchange = federation.node("THA").running().exchange();
        let record = exchange.get(&answered).unwrap();
        let envelope = |hash| exchange.records().envelope(hash).unwrap().unwrap();
        let request = envelope(&record.envelope_hash);
        let answer = envelope(&record.answer_envelope_hash.unwrap());
        (record, request, answer)
    };
    federation.stop("THA").await;
    let config = federation.node("THA").config();
    downgrade(&config);
    assert!(any_plain(&config, b"out/"));
    assert!(!config.kek.path.exists());

    federation.restart("THA").await;
    let exchange = federation.node("THA").running().exchange().clone();
    assert!(config.kek.path.exists(), "the upgrade made a KEK");
    let upgraded = exchange.get(&answered).unwrap();
    assert_eq!(upgraded, record, "the record reads as before");
    let envelope = |hash| exchange.records().envelope(hash).unwrap();
    assert_eq!(envelope(&record.envelope_hash), Some(request_envelope));
    assert_eq!(
        envelope(&record.answer_envelope_hash.unwrap()),
        Some(answer_envelope)
    );
    // The queued envelope was kept: it is delivered once Cambodia is back.
    federation.restart("KHM").await;
    let mut tha = federation.focal_point("THA").await;
    await_status(&mut tha, &queued, pb::RequestStatus::Sent).await;
    drop(exchange);
    federation.stop("THA").await;
    for prefix in [&b"out/"[..], b"env/"] {
        assert!(!any_plain(&config, prefix), "sealed at upgrade");
    }
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_from_a_newer_version_is_refused() {
    let federation = TestFederation::start(&["THA"]).await;
    let config = federation.node("THA").config();
    let store = MemoryStore::new();
    let mut batch = Batch::new();
    batch.put(b"meta/format".to_vec(), b"9".to_vec());
    store.apply(batch).unwrap();
    let error = Exchange::open(Arc::new(config), Arc::new(store)).unwrap_err();
    let message = error.to_string();
    assert!(
        message.contains("meta/format") && message.contains("`9`"),
        "{message}"
    );
    federation.shutdown().await;
}
