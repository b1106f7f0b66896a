//! Batched deliveries (`Federation.DeliverBatch`): one call carries many
//! envelopes to one peer, each with its own result, and a node sends the
//! envelopes it has waiting for a peer together.

use liaison_node::records::{Changes, Direction};
use liaison_proto::pb;
use liaison_proto::receipt::{Expected, HeadCache, MAX_BATCH_ENVELOPES, verify_receipt};
use liaison_tests::{
    PeerSigner, TestFederation, audit_events, phone_check, signed_phone_check, submit, test_uuid,
    wait_for_record,
};
use tonic::Code;

/// A valid phone check from THA to KHM, message and request id `n`.
fn request(n: u64) -> pb::Message {
    signed_phone_check(n, "THA", "KHM")
}

fn refusal(result: &pb::DeliveryResult) -> Option<(Code, &str)> {
    match result.result.as_ref()? {
        pb::delivery_result::Result::Refusal(r) => Some((Code::from(r.code), r.message.as_str())),
        pb::delivery_result::Result::Receipt(_) => None,
    }
}

fn receipt(result: &pb::DeliveryResult) -> &pb::Receipt {
    match result.result.as_ref() {
        Some(pb::delivery_result::Result::Receipt(r)) => r,
        other => panic!("expected a receipt, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_gets_one_result_per_envelope_in_order() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let tha = PeerSigner::of(&federation, "THA");
    let mut as_tha = federation.federation_client_as("THA", "KHM").await;
    let first = tha.seal(&request(1));
    let mut forged = tha.seal(&request(2));
    forged.signature[0] ^= 0x80;
    let old_protocol = pb::Envelope {
        protocol: 0,
        ..tha.seal(&request(3))
    };
    let fourth = tha.seal(&request(4));
    let envelopes = vec![
        first.clone(),
        forged,
        old_protocol,
        fourth.clone(),
        first.clone(),
    ];
    let results = as_tha
        .deliver_batch(pb::EnvelopeBatch { envelopes })
        .await
        .expect("the batch is taken")
        .into_inner()
        .results;
    assert_eq!(results.len(), 5);
    assert_eq!(
        refusal(&results[1]).map(|r| r.0),
        Some(Code::Unauthenticated)
    );
    let (code, message) = refusal(&results[2]).expect("protocol 0 refused");
    assert_eq!(code, Code::FailedPrecondition);
    assert!(message.contains("protocol 2"), "{message}");

    // Every receipt proves its own envelope; the repeated one proves the
    // same entry as the first.
    let khm_key = federation.node("KHM").config().signer.verifying_key();
    let cache = HeadCache::new(8);
    let mut indexes = Vec::new();
    for (i, envelope) in [(0, &first), (3, &fourth), (4, &first)] {
        let expected = Expected {
            receiver: "KHM".parse().unwrap(),
            sender: "THA".parse().unwrap(),
            message_id: "",
            envelope_hash: liaison_proto::envelope::sha256(&envelope.message),
            event: "request.received",
        };
        let delivery = verify_receipt(receipt(&results[i]), &expected, |_| Some(khm_key), &cache)
            .unwrap_or_else(|e| panic!("result {i}: {e}"));
        indexes.push(delivery.audit_index);
    }
    assert_eq!(indexes[0], indexes[2]);
    assert_ne!(indexes[0], indexes[1]);
    let (verified, cached) = cache.counts();
    assert_eq!(verified + cached, 3);

    // Only the two genuine requests were stored.
    let khm = federation.node("KHM").running().exchange();
    for n in 1..=4 {
        let stored = khm
            .records()
            .request(Direction::Incoming, &test_uuid(n))
            .unwrap();
        assert_eq!(stored.is_some(), n == 1 || n == 4, "request {n}");
    }

    // An empty batch and one over the limit are refused whole, and audited.
    let refused_before = audit_events(&federation, "KHM", "call.refused").len();
    for size in [0, MAX_BATCH_ENVELOPES + 1] {
        let status = as_tha
            .deliver_batch(pb::EnvelopeBatch {
                envelopes: vec![fourth.clone(); size],
            })
            .await
            .expect_err("refused");
        assert_eq!(status.code(), Code::InvalidArgument);
        assert!(
            status
                .message()
                .contains(&format!("a batch holds 1 to {MAX_BATCH_ENVELOPES}")),
            "{}",
            status.message()
        );
    }
    let refused = audit_events(&federation, "KHM", "call.refused");
    assert_eq!(refused.len(), refused_before + 2);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn envelopes_waiting_for_a_peer_are_delivered_in_one_batch() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    federation.stop("KHM").await;
    let mut focal = federation.focal_point("THA").await;
    let mut ids = Vec::new();
    for n in 0..5 {
        ids.push(submit(&mut focal, phone_check("KHM", &format!("+8551234567{n}"))).await);
    }
    // THA goes down with the five waiting for KHM. While it is down, all
    // five come due (their backoff is set back to now in its store).
    federation.stop("THA").await;
    {
        let config = federation.node("THA").config();
        let store: std::sync::Arc<dyn liaison_node::store::Store> =
            std::sync::Arc::new(liaison_node::store::open(&config.data_dir).unwrap());
        let (kek, _) = liaison_node::vault::load_kek(&config.kek, store.as_ref()).unwrap();
        let (records, _) =
            liaison_node::records::Records::open(store, std::sync::Arc::new(kek)).unwrap();
        let waiting = records.outbox().unwrap();
        assert_eq!(waiting.len(), 5);
        let mut changes = Changes::new();
        for mut item in waiting {
            item.next_attempt_unix_ms = 0;
            changes.put_outbox(&item);
        }
        records.apply(changes).unwrap();
        records.flush().unwrap();
    }
    federation.restart("KHM").await;
    federation.restart("THA").await;
    let tha = federation.node("THA").running().exchange();
    for id in &ids {
        wait_for_record(tha, id, |r| r.receipt.is_some()).await;
    }
    // KHM took them in one call: its first look at the outbox found all
    // five due at once.
    let khm = federation.node("KHM").running().exchange();
    let metrics = khm
        .metrics()
        .render(liaison_node::metrics::SizeSource::sizes(khm.as_ref()));
    let calls = |method: &str| {
        let line = format!(
            r#"liaison_grpc_server_handling_seconds_count{{listener="federation",service="liaison.v1.Federation",method="{method}"}} "#
        );
        metrics
            .lines()
            .find_map(|l| l.strip_prefix(&line))
            .map_or(0, |n| n.trim().parse::<u64>().unwrap())
    };
    assert_eq!(calls("DeliverBatch"), 1, "{metrics}");
    // THA checked the receipts' tree head signatures, at most once a head.
    let tha_metrics = tha
        .metrics()
        .render(liaison_node::metrics::SizeSource::sizes(tha.as_ref()));
    let count = |outcome: &str| {
        let name = format!(r#"liaison_receipt_tree_heads_total{{outcome="{outcome}"}} "#);
        tha_metrics
            .lines()
            .find_map(|l| l.strip_prefix(&name))
            .map_or(0, |n| n.trim().parse::<u64>().unwrap())
    };
    assert!(count("verified") >= 1, "{tha_metrics}");
    assert_eq!(count("verified") + count("cached"), 5, "{tha_metrics}");
    assert_eq!(calls("Deliver"), 0, "{metrics}");
    assert_eq!(
        audit_events(&federation, "KHM", "request.received").len(),
        5
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn envelopes_of_a_batch_beyond_the_peer_rate_are_refused_one_by_one() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    // KHM lets THA make 2 calls, then 1 a second.
    federation.stop("KHM").await;
    let path = federation.node("KHM").config_path.clone();
    let mut table: toml::Table = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let node = table["node"].as_table_mut().unwrap();
    node.insert("peer_rate_per_sec".into(), toml::Value::Integer(1));
    node.insert("peer_burst".into(), toml::Value::Integer(2));
    std::fs::write(&path, toml::to_string(&table).unwrap()).unwrap();
    federation.restart("KHM").await;

    let tha = PeerSigner::of(&federation, "THA");
    let mut as_tha = federation.federation_client_as("THA", "KHM").await;
    let envelopes = (11..=14).map(|n| tha.seal(&request(n))).collect();
    let results = as_tha
        .deliver_batch(pb::EnvelopeBatch { envelopes })
        .await
        .expect("the batch is let in")
        .into_inner()
        .results;
    assert_eq!(results.len(), 4);
    assert!(refusal(&results[0]).is_none() && refusal(&results[1]).is_none());
    for over in &results[2..] {
        let (code, message) = refusal(over).expect("over the rate");
        assert_eq!(code, Code::ResourceExhausted);
        assert!(message.contains("exceeds its limit"), "{message}");
    }
    let khm = federation.node("KHM").running().exchange();
    for n in 11..=14 {
        let stored = khm
            .records()
            .request(Direction::Incoming, &test_uuid(n))
            .unwrap();
        assert_eq!(stored.is_some(), n <= 12, "request {n}");
    }
    // The refusals are audited, counted, by rule.
    let refused = audit_events(&federation, "KHM", "call.refused");
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(
        refused[0].detail.contains("(2 calls refused)"),
        "{refused:?}"
    );

    // Both nodes count the tree heads they sign and the receipts' heads
    // they check.
    let metrics = |code: &str| {
        let exchange = federation.node(code).running().exchange();
        exchange
            .metrics()
            .render(liaison_node::metrics::SizeSource::sizes(exchange.as_ref()))
    };
    let value = |text: &str, name: &str| -> u64 {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map_or(0, |n| n.trim().parse().unwrap())
    };
    assert!(value(&metrics("KHM"), "liaison_tree_heads_signed_total ") >= 1);
    federation.shutdown().await;
}
