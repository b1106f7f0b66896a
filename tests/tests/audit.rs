//! The tamper-evident audit log across real nodes: offline verification of
//! exports, receipts that prove the other side recorded an exchange,
//! start-up verification of the stored log, and witnessing of peers.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use liaison_node::config::Config;
use liaison_node::records::Direction;
use liaison_node::store::{Batch, Store};
use liaison_node::tlog::TileLog;
use liaison_proto::audit::verify_export;
use liaison_proto::envelope::open_tree_head;
use liaison_proto::merkle::{leaf_hash, verify_inclusion};
use liaison_proto::pb;
use liaison_proto::receipt::{Expected, HeadCache, verify_receipt};
use liaison_tests::{TestFederation, audit_events, exchange_once, export};
use prost::Message as _;
use tonic::Code;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_country_exports_a_log_that_verifies_offline() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    exchange_once(&federation, "THA", "KHM").await;
    exchange_once(&federation, "KHM", "THA").await;
    for country in ["THA", "KHM"] {
        let exported = export(&mut federation.auditor(country).await).await;
        let key = federation.node(country).config().signer.verifying_key();
        let verdict = verify_export(&exported, &key).unwrap();
        assert_eq!(verdict.country, country);
        assert!(verdict.tree_size >= 5, "{country}: {}", verdict.tree_size);
        // No personal data in the log.
        assert!(!exported.contains("+85512345678") && !exported.contains("Shell Co"));

        // A tampered copy fails, naming the first bad entry.
        let lines: Vec<&str> = exported.lines().collect();
        let tampered_line = lines[3].replacen("\"index\":2", "\"index\":9", 1);
        assert_ne!(tampered_line, lines[3]);
        let mut tampered: Vec<&str> = lines.clone();
        tampered[3] = &tampered_line;
        let failure = verify_export(&tampered.join("\n"), &key).unwrap_err();
        assert_eq!(failure.index, Some(2), "{failure}");

        // The other country's key does not verify this log.
        let other = if country == "THA" { "KHM" } else { "THA" };
        let other_key = federation.node(other).config().signer.verifying_key();
        assert!(verify_export(&exported, &other_key).is_err());
    }
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_receipt_proves_the_receiver_recorded_the_delivery() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let id = exchange_once(&federation, "THA", "KHM").await;
    let record = federation
        .node("THA")
        .running()
        .exchange()
        .records()
        .request(Direction::Outgoing, &id)
        .unwrap()
        .unwrap();
    let stored = record.receipt.unwrap();
    let receipt = pb::Receipt::decode(stored.receipt.as_slice()).unwrap();
    let khm_key = federation.node("KHM").config().signer.verifying_key();
    let envelope_hash = record.envelope_hash;

    // Anyone holding KHM's public key checks the receipt offline: the entry
    // is in the tree KHM signed, and names THA's envelope.
    let expected = Expected {
        receiver: "KHM".parse().unwrap(),
        sender: "THA".parse().unwrap(),
        message_id: "unused by protocol 2",
        envelope_hash,
        event: "request.received",
    };
    let delivery =
        verify_receipt(&receipt, &expected, |_| Some(khm_key), &HeadCache::new(1)).unwrap();
    assert_eq!(delivery.protocol, 2);
    assert_eq!(delivery.audit_index, stored.audit_index);
    let head = delivery.tree_head;
    assert_eq!(head.country.as_str(), "KHM");
    assert!(head.tree_size > delivery.audit_index);
    let proof = receipt.proof.unwrap();
    let entry: serde_json::Value = serde_json::from_slice(&proof.entry).unwrap();
    assert_eq!(entry["request_id"], id.as_str());
    // The receipt's proof is KHM's own: its auditor serves the same leaf
    // and path for that index and size.
    let mut auditor = federation.auditor("KHM").await;
    let served = auditor
        .get_inclusion_proof(pb::InclusionQuery {
            index: delivery.audit_index,
            tree_size: head.tree_size,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(served.leaf, proof.entry);
    assert_eq!(served.hashes, proof.path);
    let hashes: Vec<[u8; 32]> = served
        .hashes
        .iter()
        .map(|h| h.as_slice().try_into().unwrap())
        .collect();
    verify_inclusion(
        delivery.audit_index,
        head.tree_size,
        &leaf_hash(&served.leaf),
        &hashes,
        &head.root_hash,
    )
    .unwrap();

    // And the later log is consistent with that head.
    let now = auditor
        .get_tree_head(pb::TreeHeadQuery {})
        .await
        .unwrap()
        .into_inner();
    let now = open_tree_head(&now, |_| Some(khm_key)).unwrap().value;
    let consistency = auditor
        .get_consistency_proof(pb::ConsistencyQuery {
            first: head.tree_size,
            second: now.tree_size,
        })
        .await
        .unwrap()
        .into_inner();
    let hashes: Vec<[u8; 32]> = consistency
        .hashes
        .iter()
        .map(|h| h.as_slice().try_into().unwrap())
        .collect();
    liaison_proto::merkle::verify_consistency(
        head.tree_size,
        now.tree_size,
        &head.root_hash,
        &now.root_hash,
        &hashes,
    )
    .unwrap();

    // Only auditors and admins read the audit API.
    let (channel, token) = federation.local("KHM", "focal-point").await;
    let mut focal = pb::audit_client::AuditClient::with_interceptor(channel, token);
    let denied = focal.get_tree_head(pb::TreeHeadQuery {}).await.unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied);
    federation.shutdown().await;
}

/// The segment files of a stopped node's audit log.
fn segment_files(audit_dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(audit_dir.join("segments"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "log"))
        .collect();
    files.sort();
    files
}

/// Offsets and lengths of the records of a segment file (12-byte header:
/// magic, kind, reserved, payload length, CRC-32).
fn segment_records(bytes: &[u8]) -> Vec<(usize, u8, usize)> {
    let mut at = 0;
    let mut out = Vec::new();
    while at + 12 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
        out.push((at, bytes[at + 2], len));
        at += 12 + len;
    }
    out
}

/// Recomputes the CRC of the record at `at`, as a tamperer who knows the
/// format would.
fn reseal_record(bytes: &mut [u8], at: usize, len: usize) {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&bytes[at..at + 8]);
    hasher.update(&bytes[at + 12..at + 12 + len]);
    bytes[at + 8..at + 12].copy_from_slice(&hasher.finalize().to_le_bytes());
}

/// Why the node of `config` refuses to start.
async fn refused_start(config: &Config) -> String {
    let listeners = liaison_node::Listeners::loopback().unwrap();
    liaison_node::server::start(config.clone(), listeners)
        .await
        .unwrap_err()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn any_change_to_the_stored_log_is_detected_at_start() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    exchange_once(&federation, "THA", "KHM").await;
    federation.stop("THA").await;
    let config: Config = federation.node("THA").config();
    let audit_dir = config.data_dir.join("audit");
    let (log, _) = TileLog::open(&audit_dir).unwrap();
    let size = log.size();
    assert!(size >= 3, "{size}");
    drop(log);

    // Flip each byte of every segment: opening the log either refuses it
    // (damage in committed history) or cuts the last commit (a torn write),
    // which leaves fewer entries than the node committed, and the node
    // refuses that (below).
    let scratch = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for file in segment_files(&audit_dir) {
        let bytes = std::fs::read(&file).unwrap();
        let name = file.strip_prefix(&audit_dir).unwrap().to_path_buf();
        for byte in 0..bytes.len() {
            let copy = scratch.path().join(format!("{checked}"));
            copy_dir(&audit_dir, &copy);
            let mut damaged = bytes.clone();
            damaged[byte] ^= 0x01;
            std::fs::write(copy.join(&name), &damaged).unwrap();
            match TileLog::open(&copy) {
                Err(_) => {}
                Ok((log, _)) => assert!(
                    log.size() < size,
                    "{} byte {byte} changed undetected",
                    name.display()
                ),
            }
            std::fs::remove_dir_all(&copy).unwrap();
            checked += 1;
        }
    }
    assert!(checked > 1000, "{checked}");

    // A real node refuses to start on a log whose last commit was cut, and
    // on an entry rewritten with a valid checksum; it says why. (With the
    // journal emptied, as it is once sled has flushed: while the journal
    // holds a commit, the node restores the log from it.)
    let journal = config.data_dir.join("journal");
    let original_journal = std::fs::read(&journal).unwrap();
    std::fs::write(&journal, b"").unwrap();
    let segment = segment_files(&audit_dir).pop().unwrap();
    let original = std::fs::read(&segment).unwrap();
    let records = segment_records(&original);
    let cut = original.len() - 1;
    std::fs::write(&segment, &original[..cut]).unwrap();
    let refused = refused_start(&config).await;
    assert!(refused.contains("were committed"), "{refused}");

    let (at, _, len) = *records.iter().find(|(_, kind, _)| *kind == 2).unwrap();
    let mut rewritten = original.clone();
    let text = String::from_utf8_lossy(&rewritten[at + 20..at + 12 + len]).into_owned();
    let shift = text.find("\"event\":\"").unwrap() + 9;
    rewritten[at + 20 + shift] ^= 0x20;
    reseal_record(&mut rewritten, at, len);
    std::fs::write(&segment, &rewritten).unwrap();
    let refused = refused_start(&config).await;
    assert!(refused.contains("root"), "{refused}");

    // Restored, the node starts again and its export verifies.
    std::fs::write(&segment, &original).unwrap();
    std::fs::write(&journal, &original_journal).unwrap();
    federation.restart("THA").await;
    let mut auditor = federation.auditor("THA").await;
    let verdict =
        verify_export(&export(&mut auditor).await, &config.signer.verifying_key()).unwrap();
    assert!(verdict.tree_size >= size);
    federation.shutdown().await;
}

/// Rewrites a stopped node's store as an earlier version kept it: the audit
/// log in sled (`audit/<index>` entries, `mt/` tree nodes, `sth` the head),
/// plus `tail` entries after the head, written by a group commit whose flush
/// never finished. Returns the entries in the log.
fn downgrade_audit_log(data_dir: &Path, tail: u64) -> u64 {
    use liaison_node::store::legacy_audit_key as audit_key;
    let audit_dir = data_dir.join("audit");
    let (log, _) = TileLog::open(&audit_dir).unwrap();
    let size = log.size();
    let head = log.last_checkpoint().unwrap().body.clone();
    let mut entries = log.entries(0..size).unwrap();
    drop(log);
    for index in size..size + tail {
        entries.push(
            serde_json::to_vec(&serde_json::json!({
                "index": index,
                "at_unix_ms": 1_700_000_000_000_i64,
                "event": "call.refused",
                "actor": "peer:KHM",
                "request_id": null,
                "peer": "KHM",
                "category": null,
                "message_hash": null,
                "detail": "written by a commit whose flush did not finish",
            }))
            .unwrap(),
        );
    }
    let store = liaison_node::store::open(data_dir).unwrap();
    let mut batch = Batch::new();
    for (index, entry) in entries.iter().enumerate() {
        batch.put(audit_key(index as u64), entry.clone());
    }
    batch.put(b"sth".to_vec(), head);
    batch.delete(b"meta/audit-size".to_vec());
    store.apply(batch).unwrap();
    store.flush().unwrap();
    drop(store);
    wait_unlocked(data_dir);
    std::fs::remove_dir_all(&audit_dir).unwrap();
    entries.len() as u64
}

/// Returns once a dropped store's background threads let go of its files.
fn wait_unlocked(data_dir: &Path) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match liaison_node::store::DiskStore::open(data_dir) {
            Ok(_) => return,
            Err(e) => assert!(std::time::Instant::now() < deadline, "{e}"),
        }
        std::thread::yield_now();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_earlier_versions_log_in_sled_moves_to_the_tile_log_and_its_tail_is_sealed() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    exchange_once(&federation, "THA", "KHM").await;
    federation.stop("THA").await;
    let config: Config = federation.node("THA").config();
    let size = downgrade_audit_log(&config.data_dir, 3);

    // The node starts, moves the log, signs a head over all of it, and the
    // export of it verifies offline, tail included.
    federation.restart("THA").await;
    let mut auditor = federation.auditor("THA").await;
    let head = auditor
        .get_tree_head(pb::TreeHeadQuery {})
        .await
        .unwrap()
        .into_inner();
    let key = config.signer.verifying_key();
    let head = open_tree_head(&head, |_| Some(key)).unwrap().value;
    assert!(head.tree_size >= size, "{} < {size}", head.tree_size);
    let verdict = verify_export(&export(&mut auditor).await, &key).unwrap();
    assert_eq!(verdict.tree_size, head.tree_size);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_of_witnessing_adds_one_audit_entry_however_many_peers() {
    let federation = TestFederation::start(&["THA", "KHM", "VNM", "LAO"]).await;
    exchange_once(&federation, "KHM", "VNM").await;
    exchange_once(&federation, "LAO", "VNM").await;
    let mut admin = federation.admin("THA", "admin").await;
    let checked = || audit_events(&federation, "THA", "witness.checked");
    let before = checked().len();
    let round = |admin: &mut liaison_tests::AdminApi| {
        let mut admin = admin.clone();
        async move {
            admin
                .witness_peers(pb::PeerRef {
                    country: String::new(),
                })
                .await
                .unwrap()
                .into_inner()
                .results
        }
    };
    let first = round(&mut admin).await;
    assert_eq!(first.len(), 3);
    assert!(first.iter().all(|r| r.verdict == "first-seen"), "{first:?}");
    let entries = checked();
    assert_eq!(entries.len(), before + 1, "one entry for three peers");
    let detail = &entries.last().unwrap().detail;
    for peer in ["KHM", "VNM", "LAO"] {
        assert!(
            detail.contains(&format!("{peer} first-seen: 0 -> ")),
            "{detail}"
        );
    }
    assert_eq!(entries.last().unwrap().peer, None);

    // Every head was kept as the reference: the next round finds the grown
    // logs consistent with it, the others unchanged, again in one entry.
    exchange_once(&federation, "KHM", "VNM").await;
    let second = round(&mut admin).await;
    let verdict = |peer: &str| {
        second
            .iter()
            .find(|r| r.peer == peer)
            .map(|r| r.verdict.clone())
            .unwrap()
    };
    assert_eq!(verdict("KHM"), "consistent");
    assert_eq!(verdict("VNM"), "consistent");
    assert_eq!(verdict("LAO"), "unchanged");
    assert_eq!(checked().len(), before + 2);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn witnessing_catches_receipts_that_tell_another_history() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    exchange_once(&federation, "THA", "KHM").await;
    let mut admin = federation.admin("THA", "admin").await;
    let query = pb::PeerRef {
        country: "KHM".into(),
    };
    let witness = |admin: &mut liaison_tests::AdminApi| {
        let (mut admin, query) = (admin.clone(), query.clone());
        async move {
            admin
                .witness_peers(query)
                .await
                .unwrap()
                .into_inner()
                .results
                .remove(0)
        }
    };
    // THA holds KHM's genuine receipts: their heads agree with the one KHM
    // serves to witnesses.
    let first = witness(&mut admin).await;
    assert_eq!(first.verdict, "first-seen", "{first:?}");
    assert!(first.tree_size >= 2, "{first:?}");

    // KHM signs, for one receipt, a head of another history (its real key,
    // a root of its own), while serving its true log to witnesses.
    let khm = liaison_tests::PeerSigner::of(&federation, "KHM");
    let size = first.tree_size - 1;
    let split = khm.tree_head(&liaison_proto::domain::TreeHead {
        country: "KHM".parse().unwrap(),
        tree_size: size,
        root_hash: [7; 32],
        timestamp_unix_ms: liaison_node::exchange::now_ms(),
    });
    let tha = federation.node("THA").running().exchange();
    tha.note_receipt_head("KHM".parse().unwrap(), &split, size);
    let caught = witness(&mut admin).await;
    assert_eq!(caught.verdict, "forked", "{caught:?}");
    assert!(caught.detail.contains("receipt's tree head"), "{caught:?}");
    let evidence = tha.records().evidence().unwrap();
    assert_eq!(evidence.len(), 1);
    let kept: serde_json::Value = serde_json::from_slice(&evidence[0].1).unwrap();
    assert_eq!(kept["verdict"], "forked");
    assert!(kept["receipt_head"].is_object(), "{kept}");
    assert_eq!(audit_events(&federation, "THA", "witness.alarm").len(), 1);

    // A genuine head from a receipt passes, and is not checked twice.
    let genuine = federation
        .node("KHM")
        .running()
        .exchange()
        .tree_head()
        .unwrap();
    tha.note_receipt_head("KHM".parse().unwrap(), &genuine.signed, genuine.size);
    let again = witness(&mut admin).await;
    assert!(!again.verdict.contains("forked"), "{again:?}");
    assert_eq!(audit_events(&federation, "THA", "witness.alarm").len(), 1);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn witnessing_detects_a_rolled_back_peer() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    exchange_once(&federation, "THA", "KHM").await;
    let mut admin = federation.admin("THA", "admin").await;
    let witness = |admin: &mut liaison_tests::AdminApi| {
        let mut admin = admin.clone();
        async move {
            admin
                .witness_peers(pb::PeerRef {
                    country: "KHM".into(),
                })
                .await
                .unwrap()
                .into_inner()
                .results
                .remove(0)
        }
    };
    let first = witness(&mut admin).await;
    assert_eq!(first.verdict, "first-seen", "{first:?}");
    exchange_once(&federation, "THA", "KHM").await;
    let second = witness(&mut admin).await;
    assert_eq!(second.verdict, "consistent", "{second:?}");
    assert!(second.tree_size > second.previous_size);
    let unchanged = witness(&mut admin).await;
    assert_eq!(unchanged.verdict, "unchanged");

    // KHM's operator wipes the store and starts afresh: a smaller log.
    federation.stop("KHM").await;
    std::fs::remove_dir_all(federation.node("KHM").dir.join("data")).unwrap();
    federation.restart("KHM").await;
    exchange_once(&federation, "THA", "KHM").await;
    let rolled_back = witness(&mut admin).await;
    assert_eq!(rolled_back.verdict, "rolled-back", "{rolled_back:?}");
    assert_eq!(rolled_back.previous_size, second.tree_size);
    assert!(rolled_back.tree_size < second.tree_size);

    // Reported in THA's own audit log, with the evidence kept, and the last
    // good head still the reference.
    let exchange = federation.node("THA").running().exchange();
    let alarms: Vec<_> = exchange
        .records()
        .audit_entries()
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "witness.alarm")
        .collect();
    assert_eq!(alarms.len(), 1);
    assert!(
        alarms[0].detail.starts_with("rolled-back"),
        "{}",
        alarms[0].detail
    );
    let evidence = exchange.records().evidence().unwrap();
    assert_eq!(evidence.len(), 1);
    let kept: serde_json::Value = serde_json::from_slice(&evidence[0].1).unwrap();
    assert_eq!(kept["verdict"], "rolled-back");
    assert!(kept["previous_head"]["body"].is_string() && kept["head"]["signature"].is_string());
    let reference = exchange
        .records()
        .witnessed(liaison_tests::country("KHM"))
        .unwrap()
        .unwrap();
    let reference = liaison_proto::pb::TreeHeadBody::decode(reference.body.as_slice()).unwrap();
    assert_eq!(reference.tree_size, second.tree_size);
    // Asking again raises the alarm again: the bad head was not accepted.
    assert_eq!(witness(&mut admin).await.verdict, "rolled-back");
    // And Prometheus sees it.
    let metrics = federation.metrics("THA").await;
    assert!(
        metrics.contains(r#"liaison_witness_alarm{peer="KHM"} 1"#),
        "{metrics}"
    );
    assert!(
        metrics.contains(r#"liaison_witness_checks_total{peer="KHM",outcome="rolled-back"} 2"#),
        "{metrics}"
    );
    federation.shutdown().await;
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn witnessing_detects_a_forked_peer() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    exchange_once(&federation, "THA", "KHM").await;
    // KHM's operator keeps a backup of the store...
    federation.stop("KHM").await;
    let data = federation.node("KHM").dir.join("data");
    let backup = federation.dir.path().join("khm-backup");
    copy_dir(&data, &backup);
    federation.restart("KHM").await;
    // ...while the log grows and THA witnesses it...
    exchange_once(&federation, "THA", "KHM").await;
    let mut admin = federation.admin("THA", "admin").await;
    let query = pb::PeerRef {
        country: "KHM".into(),
    };
    let seen = admin
        .witness_peers(query.clone())
        .await
        .unwrap()
        .into_inner()
        .results
        .remove(0);
    assert_eq!(seen.verdict, "first-seen");
    // ...then restores the backup and carries on: a different history that
    // grows past the size THA saw.
    federation.stop("KHM").await;
    std::fs::remove_dir_all(&data).unwrap();
    copy_dir(&backup, &data);
    federation.restart("KHM").await;
    for _ in 0..3 {
        exchange_once(&federation, "THA", "KHM").await;
    }
    let forked = admin
        .witness_peers(query)
        .await
        .unwrap()
        .into_inner()
        .results
        .remove(0);
    assert_eq!(forked.verdict, "forked", "{forked:?}");
    assert!(forked.tree_size > seen.tree_size, "{forked:?}");
    let exchange = federation.node("THA").running().exchange();
    let kept: serde_json::Value =
        serde_json::from_slice(&exchange.records().evidence().unwrap()[0].1).unwrap();
    assert_eq!(kept["verdict"], "forked");
    assert!(!kept["consistency_proof"].as_array().unwrap().is_empty());
    federation.shutdown().await;
}
