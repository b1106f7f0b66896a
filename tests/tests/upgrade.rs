//! Upgrading a node: a store written in the earlier format, with signed
//! envelopes inline in request records and outbox items, is brought to the
//! current format at start without losing an envelope or a delivery.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use liaison_node::exchange::Exchange;
use liaison_node::store::{Batch, MemoryStore, Store};
use liaison_proto::pb;
use liaison_tests::{TestFederation, await_status, exchange_once, id_of, phone_check};
use serde_json::Value;

/// Rewrites a stopped node's store the way the first format kept it.
fn downgrade(data_dir: &std::path::Path) {
    let store = liaison_node::store::open(data_dir).unwrap();
    let mut batch = Batch::new();
    let mut envelopes = HashMap::new();
    for (key, value) in store.scan_prefix(b"env/").unwrap() {
        let hash = String::from_utf8(key[4..].to_vec()).unwrap();
        envelopes.insert(hash, STANDARD.encode(value));
        batch.delete(key);
    }
    assert!(!envelopes.is_empty());
    let inline = |hash: &Value| Value::String(envelopes[hash.as_str().unwrap()].clone());
    for (key, value) in store.scan_prefix(b"out/").unwrap() {
        let mut json: Value = serde_json::from_slice(&value).unwrap();
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
    batch.delete(b"meta/format".to_vec());
    store.apply(batch).unwrap();
    store.flush().unwrap();
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
    let data_dir = federation.node("THA").config().data_dir;
    downgrade(&data_dir);

    federation.restart("THA").await;
    let exchange = federation.node("THA").running().exchange().clone();
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
