//! Kill test for evidence transfers: two node processes (THA and KHM) on
//! loopback; Cambodia's police answer Thailand's request with a file of
//! 16 MiB, and while its bytes travel one node is killed with SIGKILL and
//! restarted: first the receiving node (THA), then, with a second file,
//! the sending node (KHM). Each transfer must resume from what THA holds,
//! not from the start, and end with the exact bytes at THA, each file
//! there once, one chain of custody on each side with no event twice, and
//! both audit logs verifying offline.
//!
//! "In flight" is observed, not guessed: THA's `Evidence.List` shows how
//! many bytes of an expected file it holds, and the node is killed as soon
//! as that passes a threshold (9 MiB, then 1 MiB). A file that arrives
//! whole before the kill fails the test.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

mod common;
use common::NodeProcess;

use liaison_node::devnet;
use liaison_node::exchange::now_ms;
use liaison_node::policy::{EvidenceSection, open_agreement};
use liaison_proto::auth::BearerToken;
use liaison_proto::domain::{Category, CountryCode};
use liaison_proto::pb;
use liaison_proto::pb::agency_client::AgencyClient;
use liaison_proto::pb::audit_client::AuditClient;
use liaison_proto::pb::evidence_client::EvidenceClient;
use liaison_proto::pb::federation_client::FederationClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use sha2::{Digest, Sha256};
use tokio::time::Instant;
use tonic::codegen::InterceptedService;
use tonic::transport::Channel;

/// The size of each file: 16 MiB and a partial last segment, enough for
/// seconds of transfer in a debug build (a few MB/s on two shared cores).
const FILE_SIZE: usize = (16 << 20) + 12_345;

/// The longest any one step may take before the test fails.
const STEP: Duration = Duration::from_secs(60);

type Evidence = EvidenceClient<InterceptedService<Channel, BearerToken>>;

fn evidence(node: &NodeProcess, user: &str) -> Evidence {
    EvidenceClient::with_interceptor(node.channel(), node.token(user))
}

/// Waits between looks while something is under way.
async fn pause() {
    tokio::time::sleep(Duration::from_millis(20)).await;
}

/// Bytes that look random, the same for the same seed (xorshift64).
fn file_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.extend_from_slice(&state.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// The item of `file_id` in `request_id`'s listing at `api`, if listed.
async fn listed(api: &mut Evidence, request_id: &str, file_id: &str) -> Option<pb::EvidenceItem> {
    let items = api
        .list(pb::EvidenceQuery {
            request_id: request_id.into(),
        })
        .await
        .unwrap()
        .into_inner()
        .items;
    let mut matching = items
        .into_iter()
        .filter(|i| i.file.as_ref().unwrap().file_id == file_id);
    let item = matching.next();
    assert!(matching.next().is_none(), "file {file_id} listed twice");
    item
}

/// A request from THA, answered by KHM's police with a file attached and
/// sent: the request id and the file id.
async fn answered_with_file(
    tha: &NodeProcess,
    khm: &NodeProcess,
    number: &str,
    data: &[u8],
) -> (String, String) {
    let mut focal = FocalPointClient::with_interceptor(tha.channel(), tha.token("focal-point"));
    let request = pb::NewRequest {
        to_country: "KHM".into(),
        category: pb::Category::PhoneCheck as i32,
        purpose: pb::Purpose::Investigation as i32,
        offence_code: "0204".into(),
        subject: Some(pb::Subject {
            kind: Some(pb::subject::Kind::Phone(pb::Phone {
                number: number.into(),
            })),
            ..Default::default()
        }),
        deadline_unix_ms: now_ms() + 86_400_000,
        ..Default::default()
    };
    let request_id = focal
        .submit(request)
        .await
        .unwrap()
        .into_inner()
        .request
        .unwrap()
        .request_id;
    let mut police = AgencyClient::with_interceptor(khm.channel(), khm.token("police-officer"));
    let deadline = Instant::now() + STEP;
    loop {
        let inbox = police
            .inbox(pb::InboxFilter::default())
            .await
            .unwrap()
            .into_inner()
            .requests;
        if inbox
            .iter()
            .any(|v| v.request.as_ref().unwrap().request_id == request_id)
        {
            break;
        }
        assert!(Instant::now() < deadline, "{request_id} never reached KHM");
        pause().await;
    }
    police
        .answer(pb::AnswerCall {
            request_id: request_id.clone(),
            fields: vec![pb::Field {
                name: "sim_status".into(),
                value: "active".into(),
                ..Default::default()
            }],
            ..Default::default()
        })
        .await
        .unwrap();

    let mut evidence = evidence(khm, "police-officer");
    let mut parts = vec![pb::UploadPart {
        part: Some(pb::upload_part::Part::Header(pb::UploadHeader {
            request_id: request_id.clone(),
            name: "subscriber-records.pdf".into(),
            media_type: "application/pdf".into(),
            size: data.len() as u64,
            source: "operator's subscriber database (illustrative)".into(),
            description: "Subscriber records of the number".into(),
        })),
    }];
    for chunk in data.chunks(1 << 20) {
        parts.push(pb::UploadPart {
            part: Some(pb::upload_part::Part::Chunk(chunk.to_vec())),
        });
    }
    let file = evidence
        .upload(tokio_stream::iter(parts))
        .await
        .unwrap()
        .into_inner()
        .file
        .unwrap();
    assert_eq!(file.sha256, Sha256::digest(data).to_vec());
    let sent = evidence
        .send(pb::EvidenceSendCall {
            request_id: request_id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(sent.items.len(), 1);
    (request_id, file.file_id)
}

/// Watches THA's listing until it holds at least `at` bytes of the file,
/// and returns what it then holds. The file arriving whole first is a
/// failure of the test's setup: there was nothing left to cut.
async fn in_flight(tha: &mut Evidence, request_id: &str, file_id: &str, at: u64) -> u64 {
    let deadline = Instant::now() + STEP;
    loop {
        if let Some(item) = listed(tha, request_id, file_id).await {
            assert_ne!(
                item.state,
                pb::EvidenceState::EvidenceReceived as i32,
                "the file arrived whole before the kill: make it larger"
            );
            assert_eq!(item.state, pb::EvidenceState::EvidenceExpected as i32);
            if item.received_bytes >= at {
                assert!(item.received_bytes < FILE_SIZE as u64);
                return item.received_bytes;
            }
        }
        assert!(
            Instant::now() < deadline,
            "the transfer of {file_id} did not get under way"
        );
        pause().await;
    }
}

/// Watches THA's listing until the file is received. Until then, THA
/// never holds less than `held`: the transfer resumed where it stood,
/// not from the start. Returns how many times it was seen on its way.
async fn resumed_and_received(
    tha: &mut Evidence,
    request_id: &str,
    file_id: &str,
    held: u64,
) -> usize {
    let deadline = Instant::now() + STEP;
    let mut seen_on_its_way = 0;
    loop {
        let item = listed(tha, request_id, file_id).await.unwrap();
        if item.state == pb::EvidenceState::EvidenceReceived as i32 {
            assert_eq!(item.received_bytes, FILE_SIZE as u64);
            return seen_on_its_way;
        }
        assert_eq!(item.state, pb::EvidenceState::EvidenceExpected as i32);
        assert!(
            item.received_bytes >= held,
            "THA holds {} bytes of {file_id}, less than the {held} it held at the kill",
            item.received_bytes
        );
        seen_on_its_way += 1;
        assert!(Instant::now() < deadline, "{file_id} never arrived whole");
        pause().await;
    }
}

/// Waits until KHM lists the file delivered, with THA's receipt.
async fn delivered(khm: &mut Evidence, request_id: &str, file_id: &str) {
    let deadline = Instant::now() + STEP;
    loop {
        let item = listed(khm, request_id, file_id).await.unwrap();
        if item.state == pb::EvidenceState::EvidenceDelivered as i32 {
            assert!(item.receipt.is_some(), "delivered without a receipt");
            return;
        }
        assert_eq!(item.state, pb::EvidenceState::EvidenceSending as i32);
        assert!(Instant::now() < deadline, "KHM never got THA's receipt");
        pause().await;
    }
}

/// The file's bytes as THA's focal point downloads them.
async fn download(tha: &mut Evidence, request_id: &str, file_id: &str) -> Vec<u8> {
    let mut stream = tha
        .download(pb::FileRef {
            request_id: request_id.into(),
            file_id: file_id.into(),
        })
        .await
        .unwrap()
        .into_inner();
    let mut got = Vec::new();
    while let Some(chunk) = stream.message().await.unwrap() {
        assert_eq!(chunk.offset, got.len() as u64);
        got.extend_from_slice(&chunk.data);
    }
    got
}

/// The size of the finished blob of `data` in THA's evidence directory, if
/// there is one.
fn blob_on_disk(tha: &NodeProcess, request_id: &str, data: &[u8]) -> Option<u64> {
    let blobs = liaison_node::blobs::BlobDir::open(tha.config().data_dir.join("evidence")).unwrap();
    blobs
        .exists(request_id, &Sha256::digest(data).into())
        .unwrap()
}

/// One audit log entry: its event, its `detail` and its leaf hash.
struct Entry {
    event: String,
    detail: String,
    leaf_hash: String,
}

/// A node's audit log, exported and verified offline with its public key.
async fn verified_log(node: &NodeProcess) -> Vec<Entry> {
    let mut auditor = AuditClient::with_interceptor(node.channel(), node.token("auditor"));
    let mut stream = auditor
        .export(pb::ExportQuery {})
        .await
        .unwrap()
        .into_inner();
    let mut text = String::new();
    let mut entries = Vec::new();
    while let Some(item) = stream.message().await.unwrap() {
        text.push_str(&liaison_proto::audit::item_line(&item).unwrap());
        text.push('\n');
        if let Some(pb::export_item::Item::Entry(entry)) = item.item {
            let json: serde_json::Value = serde_json::from_slice(&entry.leaf).unwrap();
            entries.push(Entry {
                event: json["event"].as_str().unwrap().to_string(),
                detail: json["detail"].as_str().unwrap_or_default().to_string(),
                leaf_hash: hex::encode(liaison_proto::merkle::leaf_hash(&entry.leaf)),
            });
        }
    }
    let key = liaison_node::config::parse_public_key(
        &std::fs::read_to_string(node.dir.join("signing-key.pub")).unwrap(),
    )
    .unwrap();
    let verdict = liaison_proto::audit::verify_export(&text, &key).unwrap();
    assert_eq!(verdict.tree_size, entries.len() as u64);
    entries
}

/// A `key=value` token of a custody entry's detail.
fn token<'a>(detail: &'a str, key: &str) -> Option<&'a str> {
    detail
        .split(' ')
        .find_map(|t| t.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
}

/// The custody entries of `file_id` in a log: (event, leaf hash, after).
fn custody(log: &[Entry], file_id: &str) -> Vec<(String, String, String)> {
    log.iter()
        .filter(|e| token(&e.detail, "file") == Some(file_id))
        .map(|e| {
            (
                e.event.clone(),
                e.leaf_hash.clone(),
                token(&e.detail, "after").unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transfers_resume_after_either_node_is_killed_mid_file() {
    let started = Instant::now();
    let root = tempfile::tempdir().unwrap();
    let countries: Vec<CountryCode> = ["THA", "KHM"].iter().map(|c| c.parse().unwrap()).collect();
    // Open agreements in which PHONE_CHECK, the category used, carries
    // files of up to 64 MiB, and no other category any.
    let agreements = |holder: CountryCode, peer: CountryCode| {
        let mut agreement = open_agreement(holder, peer);
        for rule in &mut agreement.rules {
            rule.evidence =
                (rule.category == Category::PhoneCheck.to_string()).then(|| EvidenceSection {
                    media_types: vec!["application/pdf".into()],
                    max_file_mib: 64,
                    max_request_mib: 64,
                });
        }
        Some(agreement)
    };
    let planned = devnet::plan_with(root.path(), &countries, &agreements).unwrap();
    let mut nodes = Vec::new();
    for plan in planned {
        nodes.push(NodeProcess::launch(plan).await);
    }
    let (mut tha, mut khm) = {
        let mut pair = nodes.into_iter();
        (pair.next().unwrap(), pair.next().unwrap())
    };
    let mut files = Vec::new();

    // 1. The receiving node, THA, is killed mid-file, once it holds more
    // than its first checkpoint (it makes what it holds durable every
    // 8 MiB).
    let first = file_bytes(FILE_SIZE, 0x5eed_0001);
    let (request_id, file_id) = answered_with_file(&tha, &khm, "+85512000001", &first).await;
    let held = in_flight(
        &mut evidence(&tha, "focal-point"),
        &request_id,
        &file_id,
        9 << 20,
    )
    .await;
    tha.kill().await;
    assert_eq!(
        blob_on_disk(&tha, &request_id, &first),
        None,
        "THA had not finished the file when it was killed"
    );
    // KHM has no receipt: for it the file is still on its way.
    let item = listed(&mut evidence(&khm, "police-officer"), &request_id, &file_id)
        .await
        .unwrap();
    assert_eq!(item.state, pb::EvidenceState::EvidenceSending as i32);
    tha.start().await;
    let looks = resumed_and_received(
        &mut evidence(&tha, "focal-point"),
        &request_id,
        &file_id,
        held,
    )
    .await;
    delivered(&mut evidence(&khm, "police-officer"), &request_id, &file_id).await;
    println!(
        "THA killed once it held {held} of {FILE_SIZE} bytes; after its restart it held no \
         less ({looks} looks) until the file was received"
    );
    files.push((request_id, file_id, first));

    // 2. The sending node, KHM, is killed mid-file, as soon as THA holds
    // 1 MiB (before its first checkpoint, unless the transfer outruns the
    // look): THA resumes from what it wrote, checkpointed or not.
    let second = file_bytes(FILE_SIZE, 0x5eed_0002);
    let (request_id, file_id) = answered_with_file(&tha, &khm, "+85512000002", &second).await;
    let seen = in_flight(
        &mut evidence(&tha, "focal-point"),
        &request_id,
        &file_id,
        1 << 20,
    )
    .await;
    khm.kill().await;
    // While KHM is down, THA says (to KHM's certificate) where the
    // transfer resumes: at least what it held at the kill, and not all.
    let khm_config = khm.config();
    let tha_peer = khm_config.peers.get(&countries[0]).unwrap();
    let mut federation =
        FederationClient::new(liaison_node::tls::peer_channel(&khm_config, tha_peer).unwrap());
    let reference = pb::EvidenceFileRef {
        request_id: request_id.clone(),
        file_id: file_id.clone(),
    };
    let deadline = Instant::now() + STEP;
    let state = loop {
        match federation.evidence_offset(reference.clone()).await {
            Ok(state) => break state.into_inner(),
            // THA has not yet let go of the broken stream's upload.
            Err(status) if status.code() == tonic::Code::Unavailable => {
                assert!(Instant::now() < deadline, "{status:?}");
                pause().await;
            }
            Err(status) => panic!("evidence offset: {status:?}"),
        }
    };
    assert!(state.receipt.is_none(), "THA had the whole file");
    assert!(
        (seen..FILE_SIZE as u64).contains(&state.offset),
        "THA resumes at {}, having held {seen} of {FILE_SIZE} bytes",
        state.offset
    );
    assert_eq!(blob_on_disk(&tha, &request_id, &second), None);
    // THA's listing agrees with where the transfer resumes.
    let item = listed(&mut evidence(&tha, "focal-point"), &request_id, &file_id)
        .await
        .unwrap();
    assert_eq!(item.received_bytes, state.offset);
    khm.start().await;
    let looks = resumed_and_received(
        &mut evidence(&tha, "focal-point"),
        &request_id,
        &file_id,
        state.offset,
    )
    .await;
    delivered(&mut evidence(&khm, "police-officer"), &request_id, &file_id).await;
    println!(
        "KHM killed once THA held {seen} of {FILE_SIZE} bytes; THA resumed at {} ({looks} \
         looks on the way)",
        state.offset
    );
    files.push((request_id, file_id, second));

    // THA serves the exact bytes, and lists each file once.
    for (request_id, file_id, data) in &files {
        let mut focal = evidence(&tha, "focal-point");
        let got = download(&mut focal, request_id, file_id).await;
        assert_eq!(got.len(), data.len());
        assert_eq!(Sha256::digest(&got), Sha256::digest(data), "{file_id}");
        let items = focal
            .list(pb::EvidenceQuery {
                request_id: request_id.clone(),
            })
            .await
            .unwrap()
            .into_inner()
            .items;
        assert_eq!(items.len(), 1, "{request_id}: {items:?}");
        assert_eq!(
            blob_on_disk(&tha, request_id, data),
            Some(data.len() as u64)
        );
    }

    // Both logs verify offline, and hold each file's chain of custody once:
    // KHM attached and sent it; THA received it after KHM's attached entry,
    // verified it, and its focal point opened it.
    let tha_log = verified_log(&tha).await;
    let khm_log = verified_log(&khm).await;
    for (_, file_id, _) in &files {
        let tha_chain = custody(&tha_log, file_id);
        let khm_chain = custody(&khm_log, file_id);
        let events = |chain: &[(String, String, String)]| {
            chain.iter().map(|c| c.0.clone()).collect::<Vec<_>>()
        };
        assert_eq!(events(&khm_chain), ["evidence.attached", "evidence.sent"]);
        assert_eq!(
            events(&tha_chain),
            ["evidence.received", "evidence.verified", "evidence.opened"]
        );
        assert_eq!(khm_chain[0].2, "-");
        assert_eq!(khm_chain[1].2, khm_chain[0].1);
        assert_eq!(tha_chain[0].2, khm_chain[0].1, "starts at KHM's entry");
        assert_eq!(tha_chain[1].2, tha_chain[0].1);
        assert_eq!(tha_chain[2].2, tha_chain[1].1);
    }
    for (code, log) in [("THA", &tha_log), ("KHM", &khm_log)] {
        let rejected = log
            .iter()
            .filter(|e| e.event == "evidence.rejected")
            .count();
        assert_eq!(rejected, 0, "{code} rejected bytes");
    }
    println!(
        "evidence kill test passed in {:.1} s: both files resumed and arrived intact, audit logs \
         of {} (THA) and {} (KHM) entries verify",
        started.elapsed().as_secs_f64(),
        tha_log.len(),
        khm_log.len()
    );
    tha.kill().await;
    khm.kill().await;
}
