//! Backups (docs/reliability.md): a snapshot of a running node under load,
//! restored into a fresh data directory; the restored log verifies, what
//! was acknowledged before the backup is there, and what was in flight is
//! delivered exactly once (the peer refuses nothing twice: it knows each
//! message id).

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use liaison_node::records::Direction;
use liaison_proto::domain::RequestStatus;
use liaison_proto::pb;
use liaison_tests::{
    TestFederation, audit_events, await_status, exchange_once, phone_check, submit,
};
use tonic::Code;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_under_load_restores_and_completes_what_was_in_flight() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    let answered = exchange_once(&federation, "THA", "KHM").await;
    let mut admin = federation.admin("THA", "admin").await;
    let place = tempfile::tempdir().unwrap();
    let directory = place.path().join("tha-backup");

    // Requests keep coming while the backup is taken.
    let (tx, mut acknowledged) = tokio::sync::mpsc::unbounded_channel();
    let mut focal = federation.focal_point("THA").await;
    let load = tokio::spawn(async move {
        for n in 0..40 {
            let id = submit(&mut focal, phone_check("KHM", &format!("+8551234{n:04}"))).await;
            if tx.send(id).is_err() {
                break;
            }
        }
    });
    let mut before = vec![answered.clone()];
    while before.len() < 11 {
        before.push(acknowledged.recv().await.unwrap());
    }
    let report = admin
        .backup(pb::BackupCall {
            directory: directory.display().to_string(),
            include_secrets: false,
        })
        .await
        .unwrap()
        .into_inner();
    load.await.unwrap();
    let mut after_backup = Vec::new();
    while let Ok(id) = acknowledged.try_recv() {
        after_backup.push(id);
    }
    assert!(report.tree_size > 0, "{report:?}");
    assert!(report.warning.is_empty());
    for file in [
        "data/journal",
        "data/datakeys",
        "config/liaison.toml",
        "signing-key.pub",
    ] {
        assert!(
            report.files.iter().any(|f| f == file),
            "{file}: {:?}",
            report.files
        );
    }
    // No secret in it: no private key, token or KEK.
    for file in &report.files {
        assert!(
            !file.contains("tokens/") && !file.ends_with(".kek"),
            "{file}"
        );
        let bytes = std::fs::read(directory.join(file)).unwrap();
        assert!(
            !bytes.windows(11).any(|w| w == b"PRIVATE KEY"),
            "{file} holds a private key"
        );
    }
    assert_eq!(audit_events(&federation, "THA", "node.backup").len(), 1);

    // Only admins take backups, into a new absolute directory.
    let mut auditor = federation.admin("THA", "auditor").await;
    let denied = auditor
        .backup(pb::BackupCall {
            directory: place.path().join("other").display().to_string(),
            include_secrets: true,
        })
        .await
        .unwrap_err();
    assert_eq!(denied.code(), Code::PermissionDenied, "{denied:?}");
    let again = admin
        .backup(pb::BackupCall {
            directory: directory.display().to_string(),
            include_secrets: false,
        })
        .await
        .unwrap_err();
    assert_eq!(again.code(), Code::AlreadyExists, "{again:?}");
    let relative = admin
        .backup(pb::BackupCall {
            directory: "backup".into(),
            include_secrets: false,
        })
        .await
        .unwrap_err();
    assert_eq!(relative.code(), Code::InvalidArgument, "{relative:?}");
    assert!(
        relative.message().contains("`directory`"),
        "{}",
        relative.message()
    );

    // What THA acknowledged after the backup reaches KHM before the disk
    // is lost (a restore cannot bring back what the backup lacks).
    let mut focal = federation.focal_point("THA").await;
    for id in &after_backup {
        await_status(&mut focal, id, pb::RequestStatus::Sent).await;
    }

    // THA's disk is lost: the backup is restored into a fresh data
    // directory, with the configuration and keys in place.
    federation.stop("THA").await;
    let config = federation.node("THA").config();
    std::fs::rename(&config.data_dir, place.path().join("lost")).unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let restored =
        liaison_node::tools::check::restore(&directory, &config, scratch.path()).unwrap();
    assert!(restored.healthy(), "{:#?}", restored.findings);
    federation.restart("THA").await;

    // Everything acknowledged before the backup is there; the restored
    // log is the backup's.
    let tha = federation.node("THA").running().exchange();
    let held: BTreeMap<String, RequestStatus> = tha
        .records()
        .requests(Direction::Outgoing)
        .unwrap()
        .into_iter()
        .map(|r| (r.request.request_id, r.status))
        .collect();
    for id in &before {
        assert!(held.contains_key(id), "lost {id}");
    }
    // The restored log begins with the backup's: its first `tree_size`
    // entries hash to the root the backup reported.
    assert!(tha.tree_head().unwrap().size >= report.tree_size);
    let root = liaison_proto::merkle::root(report.tree_size, &mut |level, index| {
        tha.records().tree_node(level, index)
    })
    .unwrap();
    assert_eq!(hex::encode(root), report.root_hex);
    // What was in flight at the backup is delivered once the node is
    // back, exactly once at KHM, which knows each message id.
    let mut focal = federation.focal_point("THA").await;
    for (id, _) in held.iter().filter(|(id, _)| **id != answered) {
        await_status(&mut focal, id, pb::RequestStatus::Sent).await;
    }
    let mut received = BTreeMap::<String, usize>::new();
    for entry in audit_events(&federation, "KHM", "request.received") {
        *received.entry(entry.request_id.unwrap()).or_default() += 1;
    }
    for id in held.keys().chain(&after_backup) {
        assert_eq!(
            received.get(id),
            Some(&1),
            "{id} received {:?} times",
            received.get(id)
        );
    }
    assert_eq!(received.len(), before.len() + after_backup.len());
    federation.shutdown().await;
}
