//! A synthetic but cryptographically real evidence case, for tests (the
//! `fixture` feature): THA attaches two files to a request and sends them
//! to KHM under a signed evidence manifest; both nodes record custody
//! entries in Merkle-tree audit logs with signed tree heads; KHM writes the
//! package. Also [`rewrite`] and [`resign`], to tamper with a package as a
//! forger would, with or without the exporter's key.

// Fixture code: a failure is a bug in the fixture, and a panic says where.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Cursor, Read, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::SigningKey;
use serde_json::Value;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::custody::{
    AuditEntryView, EVIDENCE_ATTACHED, EVIDENCE_OPENED, EVIDENCE_RECEIVED, EVIDENCE_SENT,
    EVIDENCE_VERIFIED, custody_detail,
};
use super::{MANIFEST, PACKAGE_CONTEXT, PackageWriter, SIGNATURE};
use crate::domain::{Content, CountryCode, EvidenceFile, EvidenceManifest, Message, TreeHead};
use crate::envelope::{SigningIdentity, sha256};
use crate::merkle::{Hash, MemoryTree, leaf_hash};
use crate::pb;

/// The request the case is about.
pub const REQUEST_ID: &str = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
/// A chat export.
pub const CHAT_ID: &str = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
/// A screenshot whose name holds markup, for the report's escaping.
pub const PHOTO_ID: &str = "1b2c3d4e-5f6a-4b7c-9d8e-9f0a1b2c3d4e";
/// The screenshot's name.
pub const PHOTO_NAME: &str = "screenshot <script>alert(1)<script>.png";
/// When THA's focal point submitted the request.
pub const T0: i64 = 1_800_000_000_000;

/// One node's audit log being built: entry bytes and their Merkle tree.
#[derive(Debug)]
pub struct Log {
    pub country: CountryCode,
    pub entries: Vec<Vec<u8>>,
    pub tree: MemoryTree,
}

impl Log {
    fn new(country: &str) -> Self {
        Log {
            country: country.parse().unwrap(),
            entries: Vec::new(),
            tree: MemoryTree::new(),
        }
    }

    /// Appends an entry as the node writes it; returns its index and leaf.
    pub fn record(
        &mut self,
        at_unix_ms: i64,
        event: &str,
        actor: &str,
        peer: Option<&str>,
        file: Option<(&str, &[u8], Option<&Hash>)>,
    ) -> (u64, Hash) {
        let index = self.entries.len() as u64;
        let entry = AuditEntryView {
            index,
            at_unix_ms,
            event: event.into(),
            actor: actor.into(),
            request_id: Some(REQUEST_ID.into()),
            peer: peer.map(Into::into),
            category: None,
            message_hash: file.map(|(_, bytes, _)| hex::encode(sha256(bytes))),
            detail: match file {
                Some((id, bytes, after)) => {
                    format!("{} size={}", custody_detail(id, after), bytes.len())
                }
                None => "ok".into(),
            },
        };
        let bytes = serde_json::to_vec(&entry).unwrap();
        let leaf = leaf_hash(&bytes);
        self.tree.push(leaf);
        self.entries.push(bytes);
        (index, leaf)
    }

    /// A signed tree head of the log as it is now.
    pub fn head(&self, signer: &SigningIdentity, at_unix_ms: i64) -> pb::SignedTreeHead {
        let size = self.tree.size();
        signer.sign_tree_head(&TreeHead {
            country: self.country,
            tree_size: size,
            root_hash: self.tree.root(size).unwrap(),
            timestamp_unix_ms: at_unix_ms,
        })
    }

    /// The custody proof of entry `index` under `head` (of `size` entries).
    pub fn proof(&self, index: u64, head: &pb::SignedTreeHead, size: u64) -> pb::AuditProof {
        pb::AuditProof {
            entry: self.entries[index as usize].clone(),
            index,
            path: self
                .tree
                .inclusion_proof(index, size)
                .unwrap()
                .iter()
                .map(|h| h.to_vec())
                .collect(),
            tree_head: Some(head.clone()),
        }
    }
}

/// The case: every part a node would hand to [`PackageWriter`].
#[derive(Debug)]
pub struct Case {
    pub tha: SigningIdentity,
    pub khm: SigningIdentity,
    pub keys: Vec<pb::NodeKeys>,
    pub envelopes: Vec<pb::Envelope>,
    /// `(file_id, bytes)`.
    pub files: Vec<(String, Vec<u8>)>,
    pub custody: Vec<pb::AuditProof>,
    pub tha_log: Log,
    pub khm_log: Log,
    /// The custody events in the order the report lists them:
    /// `(file_id, country, event)`.
    pub events: Vec<(String, String, String)>,
}

/// `NodeKeys` for one key.
pub fn node_keys(country: &str, signer: &SigningIdentity) -> pb::NodeKeys {
    pb::NodeKeys {
        country: country.into(),
        keys: vec![pb::PublicKey {
            key_id: signer.key_id().into(),
            public_key: signer.verifying_key().as_bytes().to_vec(),
            current: true,
        }],
    }
}

/// A signing identity from a seed byte.
pub fn identity(seed: u8) -> SigningIdentity {
    SigningIdentity::new(SigningKey::from_bytes(&[seed; 32]))
}

impl Case {
    /// The case with fixed keys, times and contents.
    pub fn new() -> Case {
        let tha = identity(1);
        let khm = identity(2);
        let chat: Vec<u8> = (0..3000)
            .flat_map(|i| format!("[{i}] somchai: transfer to wallet {i}\n").into_bytes())
            .collect();
        let photo: Vec<u8> = (0..20_000u32).map(|i| (i * 7 % 251) as u8).collect();

        let mut tha_log = Log::new("THA");
        let mut khm_log = Log::new("KHM");
        let focal = "focal_point/somchai";
        tha_log.record(T0, "request.submitted", focal, Some("KHM"), None);
        let (chat_attached, chat_start) = tha_log.record(
            T0 + 1_000,
            EVIDENCE_ATTACHED,
            focal,
            None,
            Some((CHAT_ID, &chat, None)),
        );
        let (photo_attached, photo_start) = tha_log.record(
            T0 + 2_000,
            EVIDENCE_ATTACHED,
            focal,
            None,
            Some((PHOTO_ID, &photo, None)),
        );
        tha_log.record(T0 + 2_500, "policy.checked", "node", Some("KHM"), None);
        // The manifest carries each attached entry, proved under this head.
        let acquired = tha_log.head(&tha, T0 + 2_600);
        let acquired_size = tha_log.tree.size();
        let acquisition = |index: u64| {
            prost::Message::encode_to_vec(&tha_log.proof(index, &acquired, acquired_size))
        };
        let (chat_acquisition, photo_acquisition) =
            (acquisition(chat_attached), acquisition(photo_attached));

        let file = |id: &str,
                    name: &str,
                    bytes: &[u8],
                    media: &str,
                    start: Hash,
                    at: i64,
                    acquisition: &Vec<u8>| EvidenceFile {
            file_id: id.into(),
            name: name.into(),
            size: bytes.len() as u64,
            media_type: media.into(),
            sha256: sha256(bytes),
            acquired_by: focal.into(),
            acquired_unix_ms: at,
            source: "seized phone, exhibit 4".into(),
            description: "What the suspect sent <b>the victim</b> & when".into(),
            custody_start: start,
            acquisition: acquisition.clone(),
        };
        let manifest = Message {
            message_id: "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d".into(),
            from: tha_log.country,
            to: khm_log.country,
            created_unix_ms: T0 + 3_000,
            nonce: [9; 16],
            content: Content::Evidence(EvidenceManifest {
                request_id: REQUEST_ID.into(),
                files: vec![
                    file(
                        CHAT_ID,
                        "chat.txt",
                        &chat,
                        "text/plain",
                        chat_start,
                        T0 + 1_000,
                        &chat_acquisition,
                    ),
                    file(
                        PHOTO_ID,
                        PHOTO_NAME,
                        &photo,
                        "image/png",
                        photo_start,
                        T0 + 2_000,
                        &photo_acquisition,
                    ),
                ],
            }),
        };
        let sealed = tha.seal(&manifest);

        // KHM receives and verifies both, then an officer opens the chat.
        khm_log.record(
            T0 + 3_500,
            "request.received",
            "peer:THA",
            Some("THA"),
            None,
        );
        let received = |log: &mut Log, id: &str, bytes: &[u8], start: &Hash, at: i64| {
            let (_, got) = log.record(
                at,
                EVIDENCE_RECEIVED,
                "peer:THA",
                Some("THA"),
                Some((id, bytes, Some(start))),
            );
            log.record(
                at + 1,
                EVIDENCE_VERIFIED,
                "node",
                Some("THA"),
                Some((id, bytes, Some(&got))),
            )
        };
        let (_, chat_verified) = received(&mut khm_log, CHAT_ID, &chat, &chat_start, T0 + 4_000);
        let (_, _) = received(&mut khm_log, PHOTO_ID, &photo, &photo_start, T0 + 4_100);
        let khm_early = khm_log.head(&khm, T0 + 4_200);
        khm_log.record(
            T0 + 6_000,
            "request.assigned",
            "focal_point/sokha",
            None,
            None,
        );
        khm_log.record(
            T0 + 9_000,
            EVIDENCE_OPENED,
            "agency:police/dara",
            None,
            Some((CHAT_ID, &chat, Some(&chat_verified))),
        );
        let khm_head = khm_log.head(&khm, T0 + 9_500);

        // THA records each sending once KHM's receipt is in.
        tha_log.record(
            T0 + 5_000,
            EVIDENCE_SENT,
            "node",
            Some("KHM"),
            Some((CHAT_ID, &chat, Some(&chat_start))),
        );
        tha_log.record(
            T0 + 5_001,
            EVIDENCE_SENT,
            "node",
            Some("KHM"),
            Some((PHOTO_ID, &photo, Some(&photo_start))),
        );
        tha_log.record(T0 + 5_002, "receipt.received", "node", Some("KHM"), None);
        let tha_head = tha_log.head(&tha, T0 + 5_500);

        let (tha_size, khm_size, early_size) = (tha_log.tree.size(), khm_log.tree.size(), 5);
        let mut custody = Vec::new();
        for index in [chat_attached, photo_attached, 4, 5] {
            custody.push(tha_log.proof(index, &tha_head, tha_size));
        }
        for index in 1..=4 {
            custody.push(khm_log.proof(index, &khm_early, early_size));
        }
        custody.push(khm_log.proof(6, &khm_head, khm_size));

        let events = [
            (CHAT_ID, "THA", EVIDENCE_ATTACHED),
            (CHAT_ID, "KHM", EVIDENCE_RECEIVED),
            (CHAT_ID, "KHM", EVIDENCE_VERIFIED),
            (CHAT_ID, "THA", EVIDENCE_SENT),
            (CHAT_ID, "KHM", EVIDENCE_OPENED),
            (PHOTO_ID, "THA", EVIDENCE_ATTACHED),
            (PHOTO_ID, "KHM", EVIDENCE_RECEIVED),
            (PHOTO_ID, "KHM", EVIDENCE_VERIFIED),
            (PHOTO_ID, "THA", EVIDENCE_SENT),
        ]
        .iter()
        .map(|(f, c, e)| (f.to_string(), c.to_string(), e.to_string()))
        .collect();

        Case {
            keys: vec![node_keys("THA", &tha), node_keys("KHM", &khm)],
            tha,
            khm,
            envelopes: vec![sealed.envelope],
            files: vec![(CHAT_ID.into(), chat), (PHOTO_ID.into(), photo)],
            custody,
            tha_log,
            khm_log,
            events,
        }
    }

    /// The package KHM's node writes of the case.
    pub fn write(&self) -> Vec<u8> {
        self.write_signed_by(&self.khm)
    }

    /// The package, signed by `signer` as KHM's key.
    pub fn write_signed_by(&self, signer: &SigningIdentity) -> Vec<u8> {
        let exporter: CountryCode = "KHM".parse().unwrap();
        let mut writer =
            PackageWriter::new(Cursor::new(Vec::new()), REQUEST_ID, exporter, T0 + 20_000).unwrap();
        for keys in &self.keys {
            writer.add_keys(keys).unwrap();
        }
        for envelope in &self.envelopes {
            writer.add_envelope(envelope).unwrap();
        }
        for (id, bytes) in &self.files {
            writer.add_file(id, bytes.as_slice()).unwrap();
        }
        for proof in &self.custody {
            writer.add_custody(proof).unwrap();
        }
        writer.finish(signer).unwrap().into_inner()
    }
}

impl Default for Case {
    fn default() -> Self {
        Case::new()
    }
}

/// The members of a package, in archive order: `(name, bytes)`.
pub fn members(package: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = ZipArchive::new(Cursor::new(package)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().to_string(), bytes)
        })
        .collect()
}

/// A zip of these members, in this order.
pub fn zip_of(members: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in members {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The package with each member passed through `edit`: `None` drops it.
/// The manifest is not re-signed, as a forger without the key would leave
/// it.
pub fn rewrite(package: &[u8], mut edit: impl FnMut(&str, Vec<u8>) -> Option<Vec<u8>>) -> Vec<u8> {
    let kept: Vec<(String, Vec<u8>)> = members(package)
        .into_iter()
        .filter_map(|(name, bytes)| edit(&name, bytes).map(|b| (name, b)))
        .collect();
    zip_of(&kept)
}

/// The package with `manifest.json`'s member list made to match the
/// members as they now are (hashes, sizes; dropped ones unlisted, new ones
/// listed), then signed again with `signer`: what the exporter, or anyone
/// with its key, could do.
pub fn resign(package: &[u8], signer: &SigningIdentity) -> Vec<u8> {
    let mut all = members(package);
    let (_, manifest) = all.iter().find(|(n, _)| n == MANIFEST).unwrap().clone();
    let mut manifest: Value = serde_json::from_slice(&manifest).unwrap();
    let mut listed: Vec<Value> = all
        .iter()
        .filter(|(n, _)| n != MANIFEST && n != SIGNATURE)
        .map(|(name, bytes)| {
            serde_json::json!({
                "path": name,
                "sha256": hex::encode(sha256(bytes)),
                "size": bytes.len(),
            })
        })
        .collect();
    listed.sort_by(|a, b| a["path"].as_str().cmp(&b["path"].as_str()));
    manifest["members"] = Value::Array(listed);
    let manifest = manifest.to_string().into_bytes();
    let signature = serde_json::json!({
        "key_id": signer.key_id(),
        "signature": STANDARD.encode(signer.sign(PACKAGE_CONTEXT, &manifest)),
    })
    .to_string()
    .into_bytes();
    for (name, bytes) in &mut all {
        if name == MANIFEST {
            *bytes = manifest.clone();
        } else if name == SIGNATURE {
            *bytes = signature.clone();
        }
    }
    zip_of(&all)
}

/// `manifest.json` edited through its JSON value (keys stay sorted, so it
/// stays canonical), then re-signed with `signer`.
pub fn edit_manifest(
    package: &[u8],
    signer: Option<&SigningIdentity>,
    edit: impl FnOnce(&mut Value),
) -> Vec<u8> {
    let mut edit = Some(edit);
    let edited = rewrite(package, |name, bytes| {
        if name != MANIFEST {
            return Some(bytes);
        }
        let mut value: Value = serde_json::from_slice(&bytes).unwrap();
        if let Some(edit) = edit.take() {
            edit(&mut value);
        }
        Some(value.to_string().into_bytes())
    });
    let Some(signer) = signer else {
        return edited;
    };
    // Sign the edited manifest as it is, without recomputing the members.
    let mut all = members(&edited);
    let manifest = all.iter().find(|(n, _)| n == MANIFEST).unwrap().1.clone();
    let signature = serde_json::json!({
        "key_id": signer.key_id(),
        "signature": STANDARD.encode(signer.sign(PACKAGE_CONTEXT, &manifest)),
    })
    .to_string()
    .into_bytes();
    for (name, bytes) in &mut all {
        if name == SIGNATURE {
            *bytes = signature.clone();
        }
    }
    zip_of(&all)
}
