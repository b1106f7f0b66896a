//! Real traffic through the fuzz targets: two real nodes on loopback
//! exchange a request, its answer and a withdrawal; their envelopes (from
//! the court package), a receipt for a delivery, tree heads, audit exports,
//! the package itself and the generated configuration and agreement files
//! are put through the targets' bodies in the form the fuzzer feeds them,
//! and each must be read as valid: a body that refused real traffic would
//! fuzz only its own refusal.
//!
//! With `LIAISON_FUZZ_RECORD=DIR`, the inputs are also written to
//! `DIR/<target>/<hex SHA-256 prefix>`: that is how `fuzz/corpus` was
//! seeded (`docs/fuzzing.md`).

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::io::Read as _;

use liaison_node::records::EvidenceState;
use liaison_proto::envelope::open_envelope;
use liaison_proto::pb;
use liaison_tests::{
    PeerSigner, TestFederation, await_status, export, id_of, next_assignment, phone_check,
    subscriber_answer, wait_for_record,
};
use prost::Message as _;
use sha2::Digest as _;

/// The inputs recorded, by target.
#[derive(Default)]
struct Seeds(BTreeMap<&'static str, Vec<Vec<u8>>>);

impl Seeds {
    fn add(&mut self, target: &'static str, input: Vec<u8>) {
        self.0.entry(target).or_default().push(input);
    }

    fn of(&self, target: &str) -> &[Vec<u8>] {
        self.0.get(target).map_or(&[], Vec::as_slice)
    }

    /// Writes every input under `dir`, named by its content.
    fn write(&self, dir: &std::path::Path) {
        for (target, inputs) in &self.0 {
            let folder = dir.join(target);
            std::fs::create_dir_all(&folder).unwrap();
            for input in inputs {
                let name = hex::encode(&sha2::Sha256::digest(input)[..8]);
                std::fs::write(folder.join(name), input).unwrap();
            }
        }
    }
}

fn keyed(key: &ed25519_dalek::VerifyingKey, rest: &[u8]) -> Vec<u8> {
    [key.as_bytes().as_slice(), rest].concat()
}

/// The members of a zip archive, by name.
fn members(zip: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut member = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            member.read_to_end(&mut bytes).unwrap();
            (member.name().unwrap().to_string(), bytes)
        })
        .collect()
}

/// The evidence file attached (illustrative).
const FILE: &[u8] = b"2026-11-02 21:14 recruiter: the job pays 1500 USD (illustrative)\n";

async fn record(federation: &TestFederation) -> Seeds {
    let mut seeds = Seeds::default();
    let key_of = |code: &str| federation.node(code).config().signer.verifying_key();
    let (tha_key, khm_key) = (key_of("THA"), key_of("KHM"));

    // A phone check, answered.
    let mut focal = federation.focal_point("THA").await;
    let id = id_of(
        &focal
            .submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );
    await_status(&mut focal, &id, pb::RequestStatus::Sent).await;
    // A file attached to it (illustrative content), sent to KHM.
    let (channel, token) = federation.local("THA", "focal-point").await;
    let mut api = pb::evidence_client::EvidenceClient::with_interceptor(channel, token);
    let parts = vec![
        pb::UploadPart {
            part: Some(pb::upload_part::Part::Header(pb::UploadHeader {
                request_id: id.clone(),
                name: "chat-export.txt".into(),
                media_type: "text/plain".into(),
                size: FILE.len() as u64,
                source: "seized phone, exhibit 4 (illustrative)".into(),
                description: "Chat export with the recruiter (illustrative).".into(),
            })),
        },
        pb::UploadPart {
            part: Some(pb::upload_part::Part::Chunk(FILE.to_vec())),
        },
    ];
    let item = api
        .upload(tokio_stream::iter(parts))
        .await
        .unwrap()
        .into_inner();
    let file_id = item.file.unwrap().file_id;
    api.send(pb::EvidenceSendCall {
        request_id: id.clone(),
    })
    .await
    .unwrap();
    let exchange = federation.node("THA").running().exchange().clone();
    wait_for_record(&exchange, &id, |_| {
        exchange
            .records()
            .evidence_file(&id, &file_id)
            .unwrap()
            .is_some_and(|f| f.state == EvidenceState::Delivered)
    })
    .await;
    let mut police = federation.agency("KHM", "police").await;
    assert_eq!(id_of(&next_assignment(&mut police).await), id);
    police.answer(subscriber_answer(&id)).await.unwrap();
    await_status(&mut focal, &id, pb::RequestStatus::Answered).await;
    // A second request, withdrawn.
    let withdrawn = id_of(
        &focal
            .submit(phone_check("KHM", "+85598765432"))
            .await
            .unwrap()
            .into_inner(),
    );
    await_status(&mut focal, &withdrawn, pb::RequestStatus::Sent).await;
    focal
        .withdraw(pb::WithdrawCall {
            request_id: withdrawn.clone(),
            reason: "Case closed (illustrative).".into(),
        })
        .await
        .unwrap();
    await_status(&mut focal, &withdrawn, pb::RequestStatus::Withdrawn).await;

    // THA's court package of the answered request: the package, and the
    // envelopes and tree heads it holds.
    let mut stream = api
        .package(pb::EvidenceQuery {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    let mut zip = Vec::new();
    while let Some(chunk) = stream.message().await.unwrap() {
        zip.extend_from_slice(&chunk.data);
    }
    for (name, bytes) in members(&zip) {
        if name.starts_with("envelopes/") {
            let envelope = pb::Envelope::decode(bytes.as_slice()).unwrap();
            let from = open_envelope(&envelope, |_| Some(tha_key))
                .map(|_| tha_key)
                .unwrap_or(khm_key);
            seeds.add("envelope", keyed(&from, &bytes));
            seeds.add("message", envelope.message.clone());
        } else if name.starts_with("tree-heads/") {
            let key = if name.contains("THA") {
                tha_key
            } else {
                khm_key
            };
            seeds.add("tree_head", keyed(&key, &bytes));
        }
    }
    seeds.add("package", zip);

    // A receipt: THA's node delivers an envelope to KHM again, signed with
    // THA's real key, and KHM answers with a receipt proving its log entry.
    let signer = PeerSigner::of(federation, "THA");
    let message = liaison_tests::signed_phone_check(1, "THA", "KHM");
    let envelope = signer.seal(&message);
    let hash = liaison_proto::envelope::sha256(&envelope.message);
    let mut client = federation.federation_client_as("THA", "KHM").await;
    let receipt = client.deliver(envelope).await.unwrap().into_inner();
    let mut input = vec![0];
    input.extend_from_slice(khm_key.as_bytes());
    input.extend_from_slice(&hash);
    input.extend_from_slice(message.message_id.as_bytes());
    input.extend_from_slice(&receipt.encode_to_vec());
    seeds.add("receipt", input);
    if let Some(head) = receipt.proof.as_ref().and_then(|p| p.tree_head.as_ref()) {
        seeds.add("tree_head", keyed(&khm_key, &head.encode_to_vec()));
    }

    // Both audit logs, exported.
    for (code, key) in [("THA", tha_key), ("KHM", khm_key)] {
        let text = export(&mut federation.auditor(code).await).await;
        seeds.add("audit_export", keyed(&key, text.as_bytes()));
    }

    // THA's generated configuration and its agreement with KHM.
    let node = federation.node("THA");
    seeds.add("config", std::fs::read(&node.config_path).unwrap());
    seeds.add(
        "agreement",
        std::fs::read(node.dir.join("agreements/khm.toml")).unwrap(),
    );
    seeds
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_traffic_is_read_as_valid_by_every_target() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let seeds = record(&federation).await;
    if let Some(dir) = std::env::var_os("LIAISON_FUZZ_RECORD") {
        seeds.write(std::path::Path::new(&dir));
        let mut generated = Seeds::default();
        for (target, input) in liaison_fuzz::generated_seeds() {
            generated.add(target, input);
        }
        generated.write(std::path::Path::new(&dir));
    }

    // Every input goes through its target's body without a finding...
    for (target, inputs) in &seeds.0 {
        let body = liaison_fuzz::target(target).unwrap();
        for input in inputs {
            body(input);
        }
    }
    // ...and is read as valid, not refused at its first check.
    let envelopes = seeds.of("envelope");
    assert!(
        envelopes.len() >= 2,
        "the package holds the request and its answer"
    );
    for input in envelopes {
        let (key, rest) = liaison_fuzz::split_key(input);
        let envelope = pb::Envelope::decode(rest).unwrap();
        open_envelope(&envelope, |_| Some(key)).unwrap();
    }
    for input in seeds.of("tree_head") {
        let (key, rest) = liaison_fuzz::split_key(input);
        let head = pb::SignedTreeHead::decode(rest).unwrap();
        liaison_proto::envelope::open_tree_head(&head, |_| Some(key)).unwrap();
    }
    for input in seeds.of("audit_export") {
        let (key, rest) = liaison_fuzz::split_key(input);
        liaison_proto::audit::verify_export(std::str::from_utf8(rest).unwrap(), &key).unwrap();
    }
    let [receipt] = seeds.of("receipt") else {
        panic!("one receipt recorded");
    };
    assert!(liaison_fuzz::receipt_verifies(receipt));
    let [package] = seeds.of("package") else {
        panic!("one package recorded");
    };
    let verification =
        liaison_proto::package::verify(std::io::Cursor::new(package), &Default::default());
    assert!(verification.holds(), "{:?}", verification.findings);
    let [config] = seeds.of("config") else {
        panic!("one configuration recorded");
    };
    assert!(liaison_fuzz::config_loads(config));
    let [agreement] = seeds.of("agreement") else {
        panic!("one agreement recorded");
    };
    assert!(liaison_fuzz::agreement_loads(agreement));
}
