//! Encryption at rest: personal data is never on disk in plain text, a
//! purge destroys the request's data key so that nothing left on disk can
//! be read again, and a node without its KEK refuses to start.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::sync::Arc;

use liaison_node::exchange::{Exchange, rotate_kek};
use liaison_node::records::{Changes, Direction, EvidenceState, Records, request_key_name};
use liaison_node::store::{SLOT, Store};
use liaison_node::vault::{DataKey, FileKek, Rotation, read_kek};
use liaison_proto::audit::verify_export;
use liaison_proto::domain::Subject;
use liaison_proto::pb;
use liaison_proto::pb::evidence_client::EvidenceClient;
use liaison_tests::{
    TestFederation, await_status, export, next_assignment, phone_check, submit, wait_for_record,
};

const DAY_MS: i64 = 86_400_000;

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(files(&path));
        } else {
            found.push((path.display().to_string(), std::fs::read(&path).unwrap()));
        }
    }
    found
}

/// The files under `dir` that hold `needle`.
fn holding(dir: &Path, needle: &[u8]) -> Vec<String> {
    files(dir)
        .into_iter()
        .filter(|(_, bytes)| bytes.windows(needle.len()).any(|w| w == needle))
        .map(|(path, _)| path)
        .collect()
}

/// Markers unique to this run, one per personal field.
struct Markers {
    phone: String,
    summary: String,
    value: String,
    remarks: String,
    file_name: String,
    file_text: String,
}

impl Markers {
    fn new() -> Markers {
        let random = DataKey::generate().unwrap();
        let n = u32::from_be_bytes(random.bytes()[..4].try_into().unwrap());
        Markers {
            phone: format!("+85577{:06}", n % 1_000_000),
            summary: format!("Summary marker {n:08x}, recruited online."),
            value: format!("Value marker {n:08x}"),
            remarks: format!("Remarks marker {n:08x}"),
            file_name: format!("marker-{n:08x}.txt"),
            file_text: format!("File content marker {n:08x}: the recruiter's chat.\n"),
        }
    }

    fn all(&self) -> [&str; 6] {
        [
            &self.phone,
            &self.summary,
            &self.value,
            &self.remarks,
            &self.file_name,
            &self.file_text,
        ]
    }
}

/// The wrapped form of a stopped node's data key `name`, as it sits in
/// its slot.
fn wrapped_key(data_dir: &Path, name: &str) -> Vec<u8> {
    let store = liaison_node::store::open(data_dir).unwrap();
    let value = store
        .get(format!("dkey/{name}").as_bytes())
        .unwrap()
        .unwrap();
    let slot: u64 = serde_json::from_slice(&value).unwrap();
    let bytes = store.key_slots().read(slot).unwrap();
    assert_eq!(bytes.len(), SLOT);
    assert!(bytes.iter().any(|&b| b != 0));
    // After the magic and the KEK id: the nonce and the wrapped key.
    bytes[12..12 + 24 + 32 + 16].to_vec()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_purge_leaves_nothing_readable_under_the_data_directory() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    let markers = Markers::new();
    let mut focal = federation.focal_point("THA").await;
    let mut request = phone_check("KHM", &markers.phone);
    request.summary = markers.summary.clone();
    let id = submit(&mut focal, request).await;
    let mut police = federation.agency("KHM", "police").await;
    next_assignment(&mut police).await;
    police
        .answer(pb::AnswerCall {
            request_id: id.clone(),
            fields: vec![pb::Field {
                name: "subscriber_name".into(),
                value: markers.value.clone(),
                ..Default::default()
            }],
            remarks: markers.remarks.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
    await_status(&mut focal, &id, pb::RequestStatus::Answered).await;
    let khm = federation.node("KHM").running().exchange().clone();
    wait_for_record(&khm, &id, |r| r.answer_receipt.is_some()).await;
    // Once Cambodia holds the receipt for its answer, both sides are done.
    let tha = federation.node("THA").running().exchange().clone();

    // A file travels with the request, and is received and verified.
    let (channel, token) = federation.local("THA", "focal-point").await;
    let mut evidence = EvidenceClient::with_interceptor(channel, token);
    let header = pb::UploadHeader {
        request_id: id.clone(),
        name: markers.file_name.clone(),
        media_type: "text/plain".into(),
        size: markers.file_text.len() as u64,
        ..Default::default()
    };
    let parts = [
        pb::upload_part::Part::Header(header),
        pb::upload_part::Part::Chunk(markers.file_text.as_bytes().to_vec()),
    ]
    .map(|part| pb::UploadPart { part: Some(part) });
    let file = evidence
        .upload(tokio_stream::iter(parts))
        .await
        .unwrap()
        .into_inner()
        .file
        .unwrap();
    evidence
        .send(pb::EvidenceSendCall {
            request_id: id.clone(),
        })
        .await
        .unwrap();
    for exchange in [&khm, &tha] {
        wait_for_record(exchange, &id, |_| {
            exchange
                .records()
                .evidence_file(&id, &file.file_id)
                .unwrap()
                .is_some_and(|f| {
                    matches!(f.state, EvidenceState::Received | EvidenceState::Delivered)
                })
        })
        .await;
    }

    // Both sides hold the request and its data key; the key itself is
    // never on disk, only wrapped.
    let mut keys: Vec<(&str, DataKey)> = Vec::new();
    for (code, exchange) in [("THA", &tha), ("KHM", &khm)] {
        let record = exchange.get(&id).unwrap();
        assert_eq!(record.request.summary, markers.summary, "{code} reads it");
        let key = exchange.records().data_key(&request_key_name(&id)).unwrap();
        keys.push((code, key.expect("the request has a data key")));
    }
    drop((tha, khm));
    let mut wrapped = Vec::new();
    for (code, key) in &keys {
        federation.stop(code).await;
        let data_dir = federation.node(code).config().data_dir;
        for marker in markers.all() {
            let found = holding(&data_dir, marker.as_bytes());
            assert!(
                found.is_empty(),
                "{code}: `{marker}` in plain text in {found:?}"
            );
        }
        let found = holding(&data_dir, key.bytes());
        assert!(found.is_empty(), "{code}: the data key in {found:?}");
        wrapped.push(wrapped_key(&data_dir, &request_key_name(&id)));
        federation.restart(code).await;
    }

    // The retention period ends: both sides purge.
    let later = liaison_node::exchange::now_ms() + 400 * DAY_MS;
    for code in ["THA", "KHM"] {
        let exchange = federation.node(code).running().exchange().clone();
        assert_eq!(exchange.purge_expired(later).await.unwrap(), 1, "{code}");
        assert_eq!(exchange.get(&id).unwrap().request.subject, Subject::Purged);
        let key = exchange.records().data_key(&request_key_name(&id));
        assert!(key.unwrap().is_none(), "{code}: the data key is gone");
    }
    for ((code, key), wrapped) in keys.iter().zip(&wrapped) {
        federation.stop(code).await;
        let data_dir = federation.node(code).config().data_dir;
        assert!(
            !files(&data_dir).is_empty() && data_dir.join("datakeys").exists(),
            "{code}: the scan reads the store"
        );
        assert!(
            !data_dir.join("evidence").join(&id).exists(),
            "{code}: the request's files are removed"
        );
        for marker in markers.all() {
            let found = holding(&data_dir, marker.as_bytes());
            assert!(found.is_empty(), "{code}: `{marker}` in {found:?}");
        }
        for (what, bytes) in [("data key", &key.bytes()[..]), ("wrapped key", wrapped)] {
            let found = holding(&data_dir, bytes);
            assert!(found.is_empty(), "{code}: the {what} in {found:?}");
        }
        // The node starts again, its log whole and verifiable offline.
        federation.restart(code).await;
        let exported = export(&mut federation.auditor(code).await).await;
        let key = federation.node(code).config().signer.verifying_key();
        let verdict = verify_export(&exported, &key).unwrap();
        assert!(verdict.tree_size > 0, "{code}");
        assert_eq!(exported.matches("\"event\":\"request.purged\"").count(), 1);
        // The file's chain of custody ends with its purge on both sides.
        assert_eq!(exported.matches("\"event\":\"evidence.purged\"").count(), 1);
        let record = federation
            .node(code)
            .running()
            .exchange()
            .records()
            .request(
                if *code == "THA" {
                    Direction::Outgoing
                } else {
                    Direction::Incoming
                },
                &id,
            )
            .unwrap()
            .unwrap();
        assert!(record.purged_unix_ms.is_some(), "{code}");
    }
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_without_its_kek_refuses_to_start_and_keeps_the_data() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    let id = liaison_tests::exchange_once(&federation, "THA", "KHM").await;
    federation.stop("THA").await;
    let config = federation.node("THA").config();
    let kek = std::fs::read(&config.kek.path).unwrap();
    // What a start could change: the key space and the data key slots.
    let contents = |dir: &Path| {
        let store = liaison_node::store::open(dir).unwrap();
        let mut all = store.scan_prefix(b"").unwrap();
        let slots = store.key_slots();
        for index in 0..slots.count() {
            all.push((
                index.to_be_bytes().to_vec(),
                slots.read(index).unwrap().to_vec(),
            ));
        }
        all
    };
    let before = contents(&config.data_dir);

    // Missing: refused, named, and no new KEK is made.
    std::fs::remove_file(&config.kek.path).unwrap();
    let refused = |config: &liaison_node::Config| {
        let store = liaison_node::store::open(&config.data_dir).unwrap();
        let error = Exchange::open(Arc::new(config.clone()), Arc::new(store)).unwrap_err();
        error.to_string()
    };
    let message = refused(&config);
    assert!(
        message.contains(&config.kek.path.display().to_string())
            && message.contains("does not exist")
            && message.contains("restore"),
        "{message}"
    );
    assert!(!config.kek.path.exists(), "no KEK was made up");

    // Another node's KEK: refused, named.
    std::fs::copy(federation.node("KHM").config().kek.path, &config.kek.path).unwrap();
    let message = refused(&config);
    assert!(
        message.contains("is wrapped under KEK") && message.contains("configure the KEK"),
        "{message}"
    );

    // Damaged: refused, with the rule.
    let mut damaged = kek.clone();
    damaged[20] = if damaged[20] == b'0' { b'1' } else { b'0' };
    std::fs::write(&config.kek.path, &damaged).unwrap();
    let message = refused(&config);
    assert!(
        message.contains("is wrapped under KEK") && message.contains("configure the KEK"),
        "{message}"
    );

    // Readable by others: refused, with the command that fixes it.
    std::fs::write(&config.kek.path, &kek).unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&config.kek.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let message = refused(&config);
    assert!(message.contains("chmod 600"), "{message}");

    // Nothing was changed by any refusal, and the right KEK opens it all.
    std::fs::set_permissions(&config.kek.path, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(
        contents(&config.data_dir) == before,
        "a refused start changes nothing"
    );
    federation.restart("THA").await;
    let record = federation
        .node("THA")
        .running()
        .exchange()
        .get(&id)
        .unwrap();
    assert!(matches!(record.request.subject, Subject::Phone(_)));
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotate_kek_rewraps_every_key_and_finishes_an_interrupted_rotation() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    let id = liaison_tests::exchange_once(&federation, "THA", "KHM").await;
    federation.stop("THA").await;
    let config = Arc::new(federation.node("THA").config());
    let open =
        || -> Arc<dyn Store> { Arc::new(liaison_node::store::open(&config.data_dir).unwrap()) };
    let old_kek = std::fs::read(&config.kek.path).unwrap();

    // A rotation.
    let rotated = rotate_kek(config.clone(), open()).await.unwrap();
    assert_ne!(rotated.old, rotated.new);
    assert!(!rotated.resumed);
    // The request's key (unused keys are destroyed at open).
    assert_eq!(rotated.rewrapped, 1, "{rotated:?}");
    assert_ne!(std::fs::read(&config.kek.path).unwrap(), old_kek);
    assert!(!config.kek.next_path().exists());
    let again = rotate_kek(config.clone(), open()).await.unwrap();
    assert_eq!(again.old, rotated.new);

    // The old KEK no longer opens the store.
    let current = std::fs::read(&config.kek.path).unwrap();
    std::fs::write(&config.kek.path, &old_kek).unwrap();
    let refused = Exchange::open(config.clone(), open())
        .unwrap_err()
        .to_string();
    assert!(refused.contains("is wrapped under KEK"), "{refused}");
    std::fs::write(&config.kek.path, &current).unwrap();

    // Interrupted after the new KEK was written: the node refuses to start
    // and says how to finish; rotate-kek takes that KEK and finishes.
    FileKek::random()
        .unwrap()
        .write_new(&config.kek.next_path())
        .unwrap();
    let next = std::fs::read(config.kek.next_path()).unwrap();
    let refused = Exchange::open(config.clone(), open())
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("interrupted") && refused.contains("liaison-node rotate-kek"),
        "{refused}"
    );
    let finished = rotate_kek(config.clone(), open()).await.unwrap();
    assert!(finished.resumed && finished.rewrapped == 1, "{finished:?}");
    assert_eq!(std::fs::read(&config.kek.path).unwrap(), next);

    // Interrupted halfway through the rewrap: some keys under each KEK.
    FileKek::random()
        .unwrap()
        .write_new(&config.kek.next_path())
        .unwrap();
    {
        let both = Rotation {
            old: read_kek(&config.kek.path).unwrap(),
            new: read_kek(&config.kek.next_path()).unwrap(),
        };
        let (records, _) = Records::open(open(), Arc::new(both)).unwrap();
        // A key made now is wrapped under the new KEK only.
        let mut changes = Changes::new();
        changes.put_envelope("mixed", &[7; 32], b"sealed under the new KEK".to_vec());
        records.apply(changes).unwrap();
        records.flush().unwrap();
    }
    let finished = rotate_kek(config.clone(), open()).await.unwrap();
    // Only the request's key was still under the old KEK.
    assert!(finished.resumed && finished.rewrapped == 1, "{finished:?}");

    // The node starts with the KEK now in place, reads the request, and
    // its log records each rotation and still verifies.
    federation.restart("THA").await;
    let exchange = federation.node("THA").running().exchange().clone();
    assert!(matches!(
        exchange.get(&id).unwrap().request.subject,
        Subject::Phone(_)
    ));
    let mixed = exchange.records().envelope(&[7; 32]).unwrap().unwrap();
    assert_eq!(mixed, b"sealed under the new KEK");
    let exported = export(&mut federation.auditor("THA").await).await;
    let key = config.signer.verifying_key();
    verify_export(&exported, &key).unwrap();
    assert_eq!(exported.matches("\"event\":\"kek.rotated\"").count(), 4);
    assert_eq!(
        exported
            .matches("finishing an interrupted rotation")
            .count(),
        2
    );
    drop(exchange);
    federation.shutdown().await;
}
