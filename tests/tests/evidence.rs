//! Evidence files: attached by a focal point, announced in a signed
//! manifest, transferred in chunks to the peer, checked there against the
//! manifest, receipted, and recorded as a chain of custody in both audit
//! logs; refused when the agreement does not allow them or the bytes do
//! not match; resumed after a cut.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_node::records::{Direction, EvidenceState};
use liaison_proto::audit::verify_export;
use liaison_proto::pb;
use liaison_proto::pb::evidence_client::EvidenceClient;
use liaison_tests::{
    PeerSigner, TestFederation, await_status, export, id_of, phone_check, test_uuid,
    wait_for_record,
};
use prost::Message as _;
use sha2::{Digest, Sha256};
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;

type EvidenceApi = EvidenceClient<InterceptedService<Channel, liaison_proto::auth::BearerToken>>;

async fn evidence(federation: &TestFederation, code: &str, user: &str) -> EvidenceApi {
    let (channel, token) = federation.local(code, user).await;
    EvidenceClient::with_interceptor(channel, token)
}

/// Bytes that look random and differ from run to run.
fn bytes(len: usize, seed: u8) -> Vec<u8> {
    let mut state = u64::from(seed) << 32 | 0x9e37_79b9;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

/// Uploads `data` as one file of `request_id`, in chunks of at most 1 MiB.
async fn upload(
    api: &mut EvidenceApi,
    request_id: &str,
    name: &str,
    media_type: &str,
    data: &[u8],
) -> Result<pb::EvidenceItem, tonic::Status> {
    let mut parts = vec![pb::UploadPart {
        part: Some(pb::upload_part::Part::Header(pb::UploadHeader {
            request_id: request_id.into(),
            name: name.into(),
            media_type: media_type.into(),
            size: data.len() as u64,
            source: "seized phone, exhibit 4 (illustrative)".into(),
            description: "Chat export with the recruiter.".into(),
        })),
    }];
    for chunk in data.chunks(1 << 20) {
        parts.push(pb::UploadPart {
            part: Some(pb::upload_part::Part::Chunk(chunk.to_vec())),
        });
    }
    Ok(api.upload(tokio_stream::iter(parts)).await?.into_inner())
}

/// The `key=value` tokens of a custody entry's detail.
fn token<'a>(detail: &'a str, key: &str) -> Option<&'a str> {
    detail
        .split(' ')
        .find_map(|t| t.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
}

/// Each custody entry of a node's log about `file_id`: (event, its leaf
/// hash, its `after`).
fn custody(
    federation: &TestFederation,
    code: &str,
    file_id: &str,
) -> Vec<(String, String, String)> {
    federation
        .node(code)
        .running()
        .exchange()
        .records()
        .audit_leaves()
        .unwrap()
        .into_iter()
        .filter_map(|leaf| {
            let entry: serde_json::Value = serde_json::from_slice(&leaf).unwrap();
            let detail = entry["detail"].as_str()?.to_string();
            (token(&detail, "file") == Some(file_id)).then(|| {
                (
                    entry["event"].as_str().unwrap().to_string(),
                    hex::encode(liaison_proto::merkle::leaf_hash(&leaf)),
                    token(&detail, "after").unwrap().to_string(),
                )
            })
        })
        .collect()
}

/// Waits until node `code` holds `file_id` of `request_id` in `state`.
async fn await_file(
    federation: &TestFederation,
    code: &str,
    request_id: &str,
    file_id: &str,
    state: EvidenceState,
) {
    let exchange = federation.node(code).running().exchange().clone();
    wait_for_record(&exchange, request_id, |_| {
        exchange
            .records()
            .evidence_file(request_id, file_id)
            .unwrap()
            .is_some_and(|f| f.state == state)
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_travel_verified_with_a_chain_of_custody_on_both_sides() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;
    let id = id_of(
        &focal
            .submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );
    await_status(&mut focal, &id, pb::RequestStatus::Sent).await;
    let mut tha = evidence(&federation, "THA", "focal-point").await;
    let large = bytes(3 * (1 << 20) + 12_345, 7);
    let small = b"2026-11-02 21:14 recruiter: the job pays 1500 USD\n".to_vec();
    let name_marker = "chat-export-marker-5e1f.txt";
    let first = upload(&mut tha, &id, "statement.pdf", "application/pdf", &large)
        .await
        .unwrap();
    let second = upload(&mut tha, &id, name_marker, "text/plain", &small)
        .await
        .unwrap();
    let files = [(&first, &large), (&second, &small)];
    for (item, data) in files {
        let file = item.file.as_ref().unwrap();
        assert_eq!(
            file.sha256,
            Sha256::digest(data).to_vec(),
            "hashed as stored"
        );
        assert_eq!(file.size, data.len() as u64);
        assert_eq!(file.acquired_by, "focal-point");
        assert_eq!(item.state, pb::EvidenceState::EvidenceAttached as i32);
    }
    let sent = tha
        .send(pb::EvidenceSendCall {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(sent.items.len(), 2);

    for (item, data) in files {
        let file_id = &item.file.as_ref().unwrap().file_id;
        await_file(&federation, "KHM", &id, file_id, EvidenceState::Received).await;
        await_file(&federation, "THA", &id, file_id, EvidenceState::Delivered).await;
        // The officer the request is assigned to reads the same bytes.
        let mut police = evidence(&federation, "KHM", "police-officer").await;
        let mut stream = police
            .download(pb::FileRef {
                request_id: id.clone(),
                file_id: file_id.clone(),
            })
            .await
            .unwrap()
            .into_inner();
        let mut got = Vec::new();
        while let Some(chunk) = stream.message().await.unwrap() {
            assert_eq!(chunk.offset, got.len() as u64);
            got.extend_from_slice(&chunk.data);
        }
        assert!(got == *data, "the bytes arrived intact");

        // The chain of custody: THA attached, then sent on KHM's receipt;
        // KHM received after THA's attached entry, verified, opened.
        let tha_chain = custody(&federation, "THA", file_id);
        let khm_chain = custody(&federation, "KHM", file_id);
        let events = |chain: &[(String, String, String)]| {
            chain.iter().map(|c| c.0.clone()).collect::<Vec<_>>()
        };
        assert_eq!(events(&tha_chain), ["evidence.attached", "evidence.sent"]);
        assert_eq!(
            events(&khm_chain),
            ["evidence.received", "evidence.verified", "evidence.opened"]
        );
        assert_eq!(tha_chain[0].2, "-");
        assert_eq!(tha_chain[1].2, tha_chain[0].1);
        assert_eq!(khm_chain[0].2, tha_chain[0].1, "starts at THA's entry");
        assert_eq!(khm_chain[1].2, khm_chain[0].1);
        assert_eq!(khm_chain[2].2, khm_chain[1].1);
        // The signed manifest KHM holds names where the chain starts.
        let announced = federation
            .node("KHM")
            .running()
            .exchange()
            .records()
            .evidence_file(&id, file_id)
            .unwrap()
            .unwrap();
        assert_eq!(hex::encode(announced.file.custody_start), tha_chain[0].1);
    }

    // THA holds KHM's receipt for each file, and lists both as delivered.
    let listed = tha
        .list(pb::EvidenceQuery {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(
        listed
            .items
            .iter()
            .all(|i| i.state == pb::EvidenceState::EvidenceDelivered as i32 && i.receipt.is_some())
    );
    // An auditor sees hashes and states, never names.
    let mut auditor = evidence(&federation, "KHM", "auditor").await;
    let seen = auditor
        .list(pb::EvidenceQuery {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(seen.items.len(), 2);
    assert!(
        seen.items
            .iter()
            .all(|i| i.file.as_ref().unwrap().name.is_empty())
    );

    // Each side exports a court package that verifies offline, with the
    // countries' keys pinned: the files, and the whole chain of custody
    // this side can prove (the other side's acquisition or receipt too).
    // KHM: per file THA's acquisition, received, verified, opened, exported;
    // THA: attached, sent, KHM's receipt, exported.
    for (code, user, custody) in [("KHM", "police-officer", 10), ("THA", "focal-point", 8)] {
        let mut api = evidence(&federation, code, user).await;
        let mut stream = api
            .package(pb::EvidenceQuery {
                request_id: id.clone(),
            })
            .await
            .unwrap()
            .into_inner();
        let mut zip = Vec::new();
        while let Some(chunk) = stream.message().await.unwrap() {
            assert_eq!(chunk.offset, zip.len() as u64);
            zip.extend_from_slice(&chunk.data);
        }
        let pins = ["THA", "KHM"]
            .into_iter()
            .map(|c| {
                let key = federation.node(c).config().signer.verifying_key();
                (c.parse().unwrap(), vec![key])
            })
            .collect();
        let verification = liaison_proto::package::verify(std::io::Cursor::new(&zip), &pins);
        assert!(verification.holds(), "{code}: {:?}", verification.findings);
        let verdict = verification.verdict.unwrap();
        assert_eq!(verdict.exporter, code);
        assert_eq!(verdict.files.len(), 2);
        assert_eq!(verdict.custody_entries, custody, "{code}");
        // A flipped byte anywhere in a file is caught.
        let at = zip
            .windows(small.len())
            .position(|w| w == small.as_slice())
            .unwrap();
        zip[at] ^= 1;
        let tampered = liaison_proto::package::verify(std::io::Cursor::new(&zip), &pins);
        assert!(!tampered.holds(), "{code}: a changed byte went unnoticed");
    }
    let exported = liaison_tests::audit_events(&federation, "KHM", "evidence.exported");
    assert_eq!(exported.len(), 2);
    assert!(exported.iter().all(|e| e.actor == "police-officer"));

    // Both logs verify and name no file.
    for code in ["THA", "KHM"] {
        let exported = export(&mut federation.auditor(code).await).await;
        let key = federation.node(code).config().signer.verifying_key();
        verify_export(&exported, &key).unwrap();
        assert!(
            !exported.contains(name_marker),
            "{code}: a file name in the log"
        );
    }
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agreements_and_limits_decide_which_files_may_be_attached() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;
    let id = id_of(
        &focal
            .submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );
    let mut tha = evidence(&federation, "THA", "focal-point").await;
    let refused = upload(&mut tha, &id, "clip.mp4", "video/mp4", b"not a video")
        .await
        .unwrap_err();
    assert_eq!(refused.code(), tonic::Code::PermissionDenied);
    assert!(
        refused.message().contains("video/mp4")
            && refused.message().contains("not one the agreement allows"),
        "{}",
        refused.message()
    );
    let bad_name = upload(&mut tha, &id, "../etc/passwd", "text/plain", b"x")
        .await
        .unwrap_err();
    assert_eq!(bad_name.code(), tonic::Code::InvalidArgument);
    assert!(
        bad_name.message().contains("field `name`"),
        "{}",
        bad_name.message()
    );
    // Another agency's officer may not attach to a request it does not hold.
    let mut fiu = evidence(&federation, "KHM", "fiu-officer").await;
    let denied = upload(&mut fiu, &id, "a.txt", "text/plain", b"x")
        .await
        .unwrap_err();
    assert_eq!(denied.code(), tonic::Code::NotFound);
    // An upload that delivers fewer bytes than it announced keeps nothing.
    let short = tha
        .upload(tokio_stream::iter([
            pb::UploadPart {
                part: Some(pb::upload_part::Part::Header(pb::UploadHeader {
                    request_id: id.clone(),
                    name: "short.txt".into(),
                    media_type: "text/plain".into(),
                    size: 10,
                    ..Default::default()
                })),
            },
            pb::UploadPart {
                part: Some(pb::upload_part::Part::Chunk(b"four".to_vec())),
            },
        ]))
        .await
        .unwrap_err();
    assert_eq!(short.code(), tonic::Code::InvalidArgument);
    assert!(
        short.message().contains("field `size`"),
        "{}",
        short.message()
    );
    // Nothing was attached, and the refusals are audited.
    let listed = tha
        .list(pb::EvidenceQuery {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(listed.items.is_empty());
    let refusals = liaison_tests::audit_events(&federation, "THA", "evidence.refused");
    assert_eq!(refusals.len(), 1);
    assert!(refusals[0].detail.contains("video/mp4"));
    let exported = export(&mut federation.auditor("THA").await).await;
    assert!(!exported.contains("passwd"));
    federation.shutdown().await;
}

/// A file attached on THA to a request THA sent to KHM (delivered), with
/// the manifest THA's node would sign for it, signed here with THA's real
/// key: the test then plays THA's transfer worker itself.
async fn announced(federation: &TestFederation, data: &[u8]) -> (String, String, pb::Envelope) {
    let mut focal = federation.focal_point("THA").await;
    let request_id = id_of(
        &focal
            .submit(phone_check("KHM", "+85512345678"))
            .await
            .unwrap()
            .into_inner(),
    );
    await_status(&mut focal, &request_id, pb::RequestStatus::Sent).await;
    let mut tha = evidence(federation, "THA", "focal-point").await;
    let mut file = upload(&mut tha, &request_id, "ledger.csv", "text/csv", data)
        .await
        .unwrap()
        .file
        .unwrap();
    // THA's evidence.attached entry, proved under its current tree head.
    let exchange = federation.node("THA").running().exchange().clone();
    let entry = liaison_tests::audit_events(federation, "THA", "evidence.attached")
        .into_iter()
        .find(|e| e.request_id.as_deref() == Some(request_id.as_str()))
        .unwrap();
    let leaf = exchange.records().audit_leaf(entry.index).unwrap().unwrap();
    let mut auditor = federation.auditor("THA").await;
    let head = auditor
        .get_tree_head(pb::TreeHeadQuery {})
        .await
        .unwrap()
        .into_inner();
    let size = pb::TreeHeadBody::decode(head.body.as_slice())
        .unwrap()
        .tree_size;
    let path = auditor
        .get_inclusion_proof(pb::InclusionQuery {
            index: entry.index,
            tree_size: size,
        })
        .await
        .unwrap()
        .into_inner()
        .hashes;
    file.custody_start = liaison_proto::merkle::leaf_hash(&leaf).to_vec();
    file.acquisition = Some(pb::AuditProof {
        entry: leaf,
        index: entry.index,
        path,
        tree_head: Some(head),
    });
    let signer = PeerSigner::of(federation, "THA");
    let envelope = signer.seal(&pb::Message {
        message_id: test_uuid(77),
        from: "THA".into(),
        to: "KHM".into(),
        created_unix_ms: liaison_node::exchange::now_ms(),
        nonce: vec![77; 16],
        content: Some(pb::message::Content::Evidence(pb::EvidenceManifest {
            request_id: request_id.clone(),
            files: vec![file.clone()],
        })),
    });
    (request_id, file.file_id, envelope)
}

fn parts(request_id: &str, file_id: &str, from: u64, data: &[u8]) -> Vec<pb::EvidencePart> {
    data.chunks(1 << 20)
        .scan(from, |offset, chunk| {
            let part = pb::EvidencePart {
                request_id: request_id.into(),
                file_id: file_id.into(),
                offset: *offset,
                data: chunk.to_vec(),
            };
            *offset += chunk.len() as u64;
            Some(part)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bytes_that_differ_from_the_signed_manifest_are_refused() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let promised = bytes(5000, 3);
    let (request_id, file_id, envelope) = announced(&federation, &promised).await;
    let mut khm = federation.federation_client_as("THA", "KHM").await;
    // A manifest whose acquisition proof is not THA's is refused first.
    let mut forged = pb::Message::decode(envelope.message.as_slice()).unwrap();
    if let Some(pb::message::Content::Evidence(m)) = &mut forged.content {
        m.files[0].acquisition.as_mut().unwrap().path.clear();
    }
    forged.message_id = test_uuid(78);
    let refused = khm
        .deliver(PeerSigner::of(&federation, "THA").seal(&forged))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), tonic::Code::InvalidArgument);
    assert!(
        refused.message().contains("acquisition"),
        "{}",
        refused.message()
    );
    khm.deliver(envelope).await.unwrap();
    let mut sent = promised.clone();
    sent[4000] ^= 1;
    let refused = khm
        .transfer_evidence(tokio_stream::iter(parts(&request_id, &file_id, 0, &sent)))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), tonic::Code::InvalidArgument);
    assert!(
        refused.message().contains("SHA-256"),
        "{}",
        refused.message()
    );
    let exchange = federation.node("KHM").running().exchange().clone();
    let file = exchange
        .records()
        .evidence_file(&request_id, &file_id)
        .unwrap()
        .unwrap();
    assert_eq!(file.state, EvidenceState::Expected, "nothing accepted");
    assert_eq!(file.direction, Direction::Incoming);
    let rejected = liaison_tests::audit_events(&federation, "KHM", "evidence.rejected");
    assert_eq!(rejected.len(), 1);
    // The right bytes are then taken, from the start.
    let state = khm
        .evidence_offset(pb::EvidenceFileRef {
            request_id: request_id.clone(),
            file_id: file_id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(state.offset, 0);
    let done = khm
        .transfer_evidence(tokio_stream::iter(parts(
            &request_id,
            &file_id,
            0,
            &promised,
        )))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(done.offset, promised.len() as u64);
    assert!(done.receipt.is_some());
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_transfer_resumes_from_the_last_offset_after_a_restart() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    let data = bytes(2 * (1 << 20) + 777, 9);
    let (request_id, file_id, envelope) = announced(&federation, &data).await;
    let mut khm = federation.federation_client_as("THA", "KHM").await;
    khm.deliver(envelope).await.unwrap();
    // The first 1 MiB + 100 bytes, then the stream ends.
    let cut = (1 << 20) + 100;
    let partial = khm
        .transfer_evidence(tokio_stream::iter(parts(
            &request_id,
            &file_id,
            0,
            &data[..cut],
        )))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(partial.offset, cut as u64);
    assert!(partial.receipt.is_none());
    // The node lists the file as expected, with the bytes it holds.
    let held = |list: pb::EvidenceList| {
        let item = &list.items[0];
        assert_eq!(item.state, pb::EvidenceState::EvidenceExpected as i32);
        item.received_bytes
    };
    let query = pb::EvidenceQuery {
        request_id: request_id.clone(),
    };
    let mut auditor = evidence(&federation, "KHM", "auditor").await;
    let listed = auditor.list(query.clone()).await.unwrap().into_inner();
    assert_eq!(held(listed), cut as u64);
    // A part that does not continue where the node stands is refused.
    let wrong = khm
        .transfer_evidence(tokio_stream::iter(parts(
            &request_id,
            &file_id,
            10,
            &data[10..20],
        )))
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), tonic::Code::FailedPrecondition);

    // The node restarts: what it confirmed is still there.
    federation.stop("KHM").await;
    federation.restart("KHM").await;
    let mut khm = federation.federation_client_as("THA", "KHM").await;
    let reference = pb::EvidenceFileRef {
        request_id: request_id.clone(),
        file_id: file_id.clone(),
    };
    let state = khm
        .evidence_offset(reference.clone())
        .await
        .unwrap()
        .into_inner();
    assert_eq!(state.offset, cut as u64);
    let mut auditor = evidence(&federation, "KHM", "auditor").await;
    let listed = auditor.list(query).await.unwrap().into_inner();
    assert_eq!(held(listed), cut as u64);
    // A part sent twice in a stream is refused; what the node holds intact
    // stays (the first part, in whole sealed segments), and the transfer
    // resumes from there.
    let mut twice = parts(&request_id, &file_id, state.offset, &data[cut..]);
    twice.insert(1, twice[0].clone());
    let repeated = khm
        .transfer_evidence(tokio_stream::iter(twice))
        .await
        .unwrap_err();
    assert_eq!(repeated.code(), tonic::Code::FailedPrecondition);
    assert!(
        repeated.message().contains("continues at offset"),
        "{}",
        repeated.message()
    );
    let state = khm
        .evidence_offset(reference.clone())
        .await
        .unwrap()
        .into_inner();
    assert!(
        (cut as u64..=2 << 20).contains(&state.offset),
        "{}",
        state.offset
    );
    let done = khm
        .transfer_evidence(tokio_stream::iter(parts(
            &request_id,
            &file_id,
            state.offset,
            &data[state.offset as usize..],
        )))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(done.offset, data.len() as u64);
    let receipt = done.receipt.unwrap();
    let entry: serde_json::Value = serde_json::from_slice(&receipt.entry).unwrap();
    assert_eq!(entry["event"], "evidence.received");
    assert_eq!(entry["message_hash"], hex::encode(Sha256::digest(&data)));
    // Asked again, the node gives the same receipt.
    let again = khm.evidence_offset(reference).await.unwrap().into_inner();
    assert_eq!(again.receipt.unwrap().index, receipt.index);
    federation.shutdown().await;
}

/// Uploads `data` without announcing its size, as the console does for a
/// browser's form.
async fn upload_unannounced(
    api: &mut EvidenceApi,
    request_id: &str,
    name: &str,
    data: &[u8],
) -> Result<pb::EvidenceItem, tonic::Status> {
    let mut parts = vec![pb::UploadPart {
        part: Some(pb::upload_part::Part::Header(pb::UploadHeader {
            request_id: request_id.into(),
            name: name.into(),
            media_type: "text/plain".into(),
            size: 0,
            source: "seized phone, exhibit 5 (illustrative)".into(),
            description: String::new(),
        })),
    }];
    for chunk in data.chunks(300_000) {
        parts.push(pb::UploadPart {
            part: Some(pb::upload_part::Part::Chunk(chunk.to_vec())),
        });
    }
    Ok(api.upload(tokio_stream::iter(parts)).await?.into_inner())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_that_does_not_announce_its_size_is_checked_on_what_arrived() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;
    let id = liaison_tests::submit(&mut focal, phone_check("KHM", "+85512345678")).await;
    let mut tha = evidence(&federation, "THA", "focal-point").await;
    let mib = 1usize << 20;
    let exact = bytes(mib, 3);
    let item = upload_unannounced(&mut tha, &id, "exact.txt", &exact)
        .await
        .unwrap();
    let file = item.file.unwrap();
    assert_eq!(file.size, exact.len() as u64, "the size is what arrived");
    assert_eq!(file.sha256, Sha256::digest(&exact).to_vec());
    let empty = upload_unannounced(&mut tha, &id, "empty.txt", b"")
        .await
        .unwrap_err();
    assert_eq!(empty.code(), tonic::Code::InvalidArgument);
    assert!(
        empty.message().contains("field `size`") && empty.message().contains("no byte arrived"),
        "{}",
        empty.message()
    );

    // THA's agreement now takes files of at most 1 MiB: a file one byte
    // longer is refused once its size is known, and nothing of it is kept.
    let node = federation.node("THA");
    let path = node.dir.join("agreements/khm.toml");
    let mut agreement: toml::Table =
        toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let version = agreement["version"].as_integer().unwrap();
    agreement.insert("version".into(), (version + 1).into());
    for rule in agreement["rules"].as_array_mut().unwrap() {
        if let Some(evidence) = rule.get_mut("evidence").and_then(|e| e.as_table_mut()) {
            evidence.insert("max_file_mib".into(), 1.into());
        }
    }
    std::fs::write(&path, toml::to_string(&agreement).unwrap()).unwrap();
    assert_eq!(node.running().reload().await.unwrap().len(), 1);
    let blobs = |id: &str| {
        std::fs::read_dir(node.dir.join("data/evidence").join(id))
            .map(|dir| dir.count())
            .unwrap_or(0)
    };
    let before = blobs(&id);
    let over = bytes(mib + 1, 4);
    let refused = upload_unannounced(&mut tha, &id, "over.txt", &over)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), tonic::Code::PermissionDenied);
    assert!(
        refused
            .message()
            .contains("1048577 bytes is more than the 1 MiB a file may be"),
        "{}",
        refused.message()
    );
    assert_eq!(blobs(&id), before, "nothing of the refused file is kept");
    let listed = tha
        .list(pb::EvidenceQuery {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(listed.items.len(), 1);
    let refusals = liaison_tests::audit_events(&federation, "THA", "evidence.refused");
    assert_eq!(refusals.len(), 1);
    assert!(refusals[0].detail.contains("1 MiB a file may be"));
    federation.shutdown().await;
}
