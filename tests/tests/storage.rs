//! Storage faults beyond a killed process (docs/reliability.md): a disk
//! under its reserve, full, or read-only refuses new work with a status
//! that says so and the metric an operator alerts on, keeps serving reads
//! and the audit API, loses nothing acknowledged, and resumes by itself
//! once the disk is writable again; and a peer's queue is capped.
//!
//! The first test injects the faults with `FaultyStore` around a real disk
//! store; the second fills a real tmpfs under running nodes, which needs
//! root to mount (CI runs as root; elsewhere set `LIAISON_NO_MOUNT=1` to
//! leave that one test out knowingly). Linux refuses `mount -o remount,ro`
//! (EBUSY) while a process holds files open for writing there, as a
//! running node does: a disk turns read-only under a running process only
//! through the file system's own error handling. The third test has it so:
//! THA's data directory is a loop-mounted ext4 image with
//! `errors=remount-ro`, and an error is raised in it through ext4's
//! `trigger_fs_error` (root and a loop device, as for the tmpfs).

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use liaison_node::store::faults::{Fault, FaultyStore};
use liaison_node::store::{Space, Store};
use liaison_proto::domain::RequestStatus;
use liaison_proto::pb;
use liaison_tests::{
    TestFederation, await_status, country, exchange_once, export, id_of, metric, outgoing_requests,
    phone_check, set_config, submit, view_of, wait_for_record,
};
use tonic::Code;

/// How many audit entries node `code` holds.
fn audit_size(federation: &TestFederation, code: &str) -> usize {
    federation
        .node(code)
        .running()
        .exchange()
        .records()
        .audit_entries()
        .unwrap()
        .len()
}

/// Submits a phone check to KHM that must be refused; returns the status.
async fn refused_submission(focal: &mut liaison_tests::Focal, number: &str) -> tonic::Status {
    focal
        .submit(phone_check("KHM", number))
        .await
        .expect_err("a submission the node should refuse was accepted")
}

/// While THA refuses new work for its disk: `answered` still reads as
/// answered, the audit export works, and the gauge says so.
async fn reads_go_on(
    federation: &TestFederation,
    focal: &mut liaison_tests::Focal,
    auditor: &mut liaison_tests::AuditApi,
    answered: &str,
) {
    assert_eq!(
        view_of(focal, answered).await.status,
        pb::RequestStatus::Answered as i32
    );
    assert!(export(auditor).await.contains("request.submitted"));
    let metrics = federation.metrics("THA").await;
    assert_eq!(metric(&metrics, "liaison_storage_exhausted"), Some(1.0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_refuses_new_work_while_its_disk_is_full_or_read_only_and_resumes() {
    let mut faulty = None;
    let federation = TestFederation::start_over(
        &["THA", "KHM"],
        &liaison_node::devnet::open_agreements,
        |_| {},
        |code, store| {
            if code != country("THA") {
                return store;
            }
            let wrapped = Arc::new(FaultyStore::new(store));
            faulty = Some(wrapped.clone());
            wrapped as Arc<dyn Store>
        },
    )
    .await;
    let faulty = faulty.unwrap();
    let acknowledged = exchange_once(&federation, "THA", "KHM").await;
    let mut focal = federation.focal_point("THA").await;
    let mut auditor = federation.auditor("THA").await;
    let before = audit_size(&federation, "THA");
    let exported = export(&mut auditor).await;

    // Under the reserve (256 MiB by default): refused up front, nothing
    // written, not even an audit entry of the refusal; reads and the audit
    // API go on; the alert metric is up.
    faulty.set_space(Some(Space {
        available: 5 << 20,
        read_only: false,
    }));
    let refused = refused_submission(&mut focal, "+85512345679").await;
    assert_eq!(refused.code(), Code::ResourceExhausted, "{refused:?}");
    assert!(
        refused.message().contains("5 MiB free")
            && refused.message().contains("node.storage_reserve_mib"),
        "{}",
        refused.message()
    );
    assert_eq!(outgoing_requests(&federation, "THA").len(), 1);
    assert_eq!(audit_size(&federation, "THA"), before);
    assert_eq!(
        view_of(&mut focal, &acknowledged).await.status,
        pb::RequestStatus::Answered as i32
    );
    assert_eq!(export(&mut auditor).await, exported);
    let metrics = federation.metrics("THA").await;
    assert_eq!(metric(&metrics, "liaison_storage_exhausted"), Some(1.0));
    assert_eq!(
        metric(&metrics, "liaison_storage_available_bytes"),
        Some(f64::from(5u32 << 20))
    );
    assert_eq!(
        metric(&metrics, "liaison_storage_refusals_total"),
        Some(1.0)
    );

    // Above the reserve, an evidence file that would not fit in what is
    // left above it is refused before a byte of it is written.
    faulty.set_space(Some(Space {
        available: 257 << 20,
        read_only: false,
    }));
    let (channel, token) = federation.local("THA", "focal-point").await;
    let mut evidence =
        liaison_proto::pb::evidence_client::EvidenceClient::with_interceptor(channel, token);
    let header = pb::UploadPart {
        part: Some(pb::upload_part::Part::Header(pb::UploadHeader {
            request_id: acknowledged.clone(),
            name: "export.zip".into(),
            media_type: "application/zip".into(),
            size: 2 << 20,
            source: "seized phone (illustrative)".into(),
            description: String::new(),
        })),
    };
    let chunk = pb::UploadPart {
        part: Some(pb::upload_part::Part::Chunk(vec![0; 1 << 20])),
    };
    let refused = evidence
        .upload(tokio_stream::iter(vec![header, chunk.clone(), chunk]))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::ResourceExhausted, "{refused:?}");
    assert!(
        refused
            .message()
            .contains("a file of 2 MiB does not fit in the 1 MiB free"),
        "{}",
        refused.message()
    );
    assert_eq!(audit_size(&federation, "THA"), before);

    // Read-only: refused as UNAVAILABLE, saying so.
    faulty.set_space(Some(Space {
        available: 10 << 30,
        read_only: true,
    }));
    let refused = refused_submission(&mut focal, "+85512345679").await;
    assert_eq!(refused.code(), Code::Unavailable, "{refused:?}");
    assert!(
        refused.message().contains("read-only"),
        "{}",
        refused.message()
    );
    assert_eq!(audit_size(&federation, "THA"), before);

    // Space again: the next request goes through, the metric falls.
    faulty.set_space(None);
    let second = submit(&mut focal, phone_check("KHM", "+85512345679")).await;
    let metrics = federation.metrics("THA").await;
    assert_eq!(metric(&metrics, "liaison_storage_exhausted"), Some(0.0));

    // A write that meets a full disk after the check (ENOSPC from the
    // journal): refused as RESOURCE_EXHAUSTED, and nothing of it stays:
    // the caller told of the failure can trust that nothing happened.
    faulty.fail_commits(Some(Fault::Full));
    let refused = refused_submission(&mut focal, "+85512345680").await;
    assert_eq!(refused.code(), Code::ResourceExhausted, "{refused:?}");
    assert!(
        refused.message().contains("storage full"),
        "{}",
        refused.message()
    );
    assert!(faulty.commits_failed() > 0);
    assert_eq!(outgoing_requests(&federation, "THA").len(), 2);
    let metrics = federation.metrics("THA").await;
    assert_eq!(metric(&metrics, "liaison_storage_exhausted"), Some(1.0));
    faulty.fail_commits(None);
    let third = submit(&mut focal, phone_check("KHM", "+85512345681")).await;
    let sent: Vec<String> = outgoing_requests(&federation, "THA")
        .into_iter()
        .map(|r| r.request.request_id)
        .collect();
    assert_eq!(sent.len(), 3, "{sent:?}");
    for id in [&acknowledged, &second, &third] {
        assert!(sent.contains(id), "{id}");
    }
    await_status(&mut focal, &third, pb::RequestStatus::Sent).await;
    let khm = federation.node("KHM").running().exchange();
    assert_eq!(
        khm.records()
            .requests(liaison_node::records::Direction::Incoming)
            .unwrap()
            .len(),
        3
    );
    // The log still verifies from start to end.
    let log = export(&mut auditor).await;
    assert!(
        log.contains(&third),
        "the third request is in the audit log"
    );
    await_status(&mut focal, &second, pb::RequestStatus::Sent).await;
    federation.shutdown().await;
}

/// A tmpfs mounted for a test, unmounted when dropped.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, mib: u64) -> Tmpfs {
        std::fs::create_dir_all(dir).unwrap();
        assert!(
            std::fs::read_dir(dir).unwrap().next().is_none(),
            "{} is empty before the mount",
            dir.display()
        );
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={mib}m"), "tmpfs"])
            .arg(dir)
            .status()
            .expect("`mount` runs");
        assert!(
            status.success(),
            "mounting a tmpfs on {} failed: this test needs root (CI runs as root); set \
             LIAISON_NO_MOUNT=1 to leave it out knowingly",
            dir.display()
        );
        Tmpfs(dir.to_path_buf())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Writes zeros to `path` until `leave` bytes are free on its disk, or
/// until the disk is full (`leave` 0).
fn fill(path: &Path, leave: u64) {
    use std::io::Write as _;
    let dir = path.parent().unwrap();
    let mut file = std::fs::File::create(path).unwrap();
    let chunk = vec![0u8; 64 << 10];
    loop {
        let available = Space::of(dir).unwrap().available;
        if leave > 0 && available <= leave {
            break;
        }
        let n = if leave > 0 {
            chunk.len().min((available - leave) as usize)
        } else {
            chunk.len()
        };
        match file.write(&chunk[..n]) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
    }
    let _ = file.sync_all();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_real_disk_that_fills_up_or_turns_read_only_loses_nothing() {
    if std::env::var_os("LIAISON_NO_MOUNT").is_some() {
        eprintln!("LIAISON_NO_MOUNT is set: the tmpfs test is left out");
        return;
    }
    let logs = liaison_tests::LogCapture::start();
    // THA keeps a 16 MiB reserve on a 64 MiB tmpfs; VNM keeps none, so its
    // writes meet the full disk itself.
    let mut mounts = Vec::new();
    let mut federation = TestFederation::start_prepared(
        &["THA", "KHM", "VNM"],
        &liaison_node::devnet::open_agreements,
        |planned| {
            let code = planned.node.country.to_string();
            let reserve = match code.as_str() {
                "THA" => "16",
                "VNM" => "0",
                _ => return,
            };
            set_config(&planned.node.config_path, "storage_reserve_mib", reserve);
            mounts.push((code, Tmpfs::mount(&planned.node.dir.join("data"), 64)));
        },
    )
    .await;
    let data = |code: &str| federation.node(code).dir.join("data");

    // THA: under its reserve, then with space again.
    let first = exchange_once(&federation, "THA", "KHM").await;
    let mut focal = federation.focal_point("THA").await;
    let mut auditor = federation.auditor("THA").await;
    let filler = data("THA").join("filler");
    fill(&filler, 8 << 20);
    let refused = refused_submission(&mut focal, "+85512345679").await;
    assert_eq!(refused.code(), Code::ResourceExhausted, "{refused:?}");
    assert!(
        refused.message().contains("node.storage_reserve_mib"),
        "{}",
        refused.message()
    );
    reads_go_on(&federation, &mut focal, &mut auditor, &first).await;
    std::fs::remove_file(&filler).unwrap();
    let second = submit(&mut focal, phone_check("KHM", "+85512345680")).await;
    assert_eq!(
        id_of(&view_of(&mut focal, &second).await),
        second,
        "readable at once"
    );
    let third = submit(&mut focal, phone_check("KHM", "+85512345682")).await;
    assert!(
        logs.text()
            .contains("storage writable again: new work is accepted")
    );
    let metrics = federation.metrics("THA").await;
    assert_eq!(metric(&metrics, "liaison_storage_exhausted"), Some(0.0));

    // VNM: the disk fills up to the last byte under it.
    let mut vnm = federation.focal_point("VNM").await;
    let acknowledged = submit(&mut vnm, phone_check("KHM", "+85512345690")).await;
    await_status(&mut vnm, &acknowledged, pb::RequestStatus::Sent).await;
    let filler = data("VNM").join("filler");
    fill(&filler, 64 << 10);
    let mut refusals = 0;
    let mut accepted = vec![acknowledged];
    for n in 0..100 {
        match vnm
            .submit(phone_check("KHM", &format!("+855123457{n:02}")))
            .await
        {
            Ok(view) => accepted.push(id_of(&view.into_inner())),
            Err(status) => {
                assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
                assert!(
                    status.message().contains("storage full"),
                    "{}",
                    status.message()
                );
                refusals += 1;
            }
        }
    }
    // What the operator sees: the log line, once per change of state,
    // and never a value a request carried.
    let logged = logs.text();
    assert!(
        logged.contains("storage exhausted: new work is refused"),
        "{logged}"
    );
    assert!(!logged.contains("+8551234"), "personal data in the log");
    assert!(refusals > 0, "a full disk refused nothing");
    let metrics = federation.metrics("VNM").await;
    assert_eq!(metric(&metrics, "liaison_storage_exhausted"), Some(1.0));
    std::fs::remove_file(&filler).unwrap();
    accepted.push(submit(&mut vnm, phone_check("KHM", "+85512345799")).await);

    // Restarted, both open (nothing half-written), verify their logs, and
    // hold every request they acknowledged.
    for code in ["THA", "VNM"] {
        federation.stop(code).await;
        federation.restart(code).await;
    }
    let tha: Vec<String> = outgoing_requests(&federation, "THA")
        .into_iter()
        .map(|r| r.request.request_id)
        .collect();
    for id in [&first, &second, &third] {
        assert!(tha.contains(id), "THA lost {id}");
    }
    let vnm_sent: Vec<String> = outgoing_requests(&federation, "VNM")
        .into_iter()
        .map(|r| r.request.request_id)
        .collect();
    for id in &accepted {
        assert!(vnm_sent.contains(id), "VNM lost {id}");
    }
    // And none of those it refused: a refusal means nothing happened.
    assert_eq!(vnm_sent.len(), accepted.len(), "{vnm_sent:?}");
    let khm = federation.node("KHM").running().exchange();
    for id in accepted.iter().chain([&second, &third]) {
        wait_for_record(khm, id, |r| {
            r.status == RequestStatus::Assigned || r.status == RequestStatus::Answered
        })
        .await;
    }
    federation.shutdown().await;
    drop(mounts);
}

/// An ext4 image loop-mounted with `errors=remount-ro`, unmounted when
/// dropped.
struct Ext4 {
    dir: PathBuf,
    image: PathBuf,
}

impl Ext4 {
    fn mount(dir: &Path, image: &Path, mib: u64) -> Ext4 {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::File::create(image)
            .unwrap()
            .set_len(mib << 20)
            .unwrap();
        let made = Command::new("mkfs.ext4")
            .args(["-q", "-F"])
            .arg(image)
            .status()
            .expect("`mkfs.ext4` runs (Debian's e2fsprogs)");
        assert!(made.success(), "mkfs.ext4 failed");
        let ext4 = Ext4 {
            dir: dir.to_path_buf(),
            image: image.to_path_buf(),
        };
        ext4.attach();
        ext4
    }

    fn attach(&self) {
        let status = Command::new("mount")
            .args(["-o", "loop,errors=remount-ro"])
            .arg(&self.image)
            .arg(&self.dir)
            .status()
            .expect("`mount` runs");
        assert!(
            status.success(),
            "loop-mounting an ext4 image on {} failed: this test needs root and a loop device \
             (CI has both); set LIAISON_NO_MOUNT=1 to leave it out knowingly",
            self.dir.display()
        );
    }

    /// Raises an error in the file system, as a failing disk would: ext4
    /// remounts it read-only under the files open there.
    fn fail(&self) {
        let output = Command::new("findmnt")
            .args(["-n", "-o", "SOURCE"])
            .arg(&self.dir)
            .output()
            .expect("`findmnt` runs");
        let source = String::from_utf8(output.stdout).unwrap();
        let device = Path::new(source.trim()).file_name().unwrap().to_owned();
        let trigger = Path::new("/sys/fs/ext4")
            .join(device)
            .join("trigger_fs_error");
        std::fs::write(&trigger, "liaison storage test").unwrap();
    }

    /// What an operator does next: unmounts it, lets `e2fsck` repair it,
    /// and mounts it again.
    fn repair(&self) {
        let unmounted = Command::new("umount").arg(&self.dir).status().unwrap();
        assert!(unmounted.success(), "umount {}", self.dir.display());
        let checked = Command::new("e2fsck")
            .args(["-f", "-y"])
            .arg(&self.image)
            .output()
            .expect("`e2fsck` runs");
        // 0: clean; 1: errors corrected.
        assert!(
            matches!(checked.status.code(), Some(0 | 1)),
            "e2fsck: {}",
            String::from_utf8_lossy(&checked.stdout)
        );
        self.attach();
    }
}

impl Drop for Ext4 {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.dir).status();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disk_its_file_system_turns_read_only_refuses_work_and_loses_nothing() {
    if std::env::var_os("LIAISON_NO_MOUNT").is_some() {
        eprintln!("LIAISON_NO_MOUNT is set: the ext4 test is left out");
        return;
    }
    let logs = liaison_tests::LogCapture::start();
    let images = tempfile::tempdir().unwrap();
    let mut mount = None;
    let mut federation = TestFederation::start_prepared(
        &["THA", "KHM"],
        &liaison_node::devnet::open_agreements,
        |planned| {
            if planned.node.country == country("THA") {
                set_config(&planned.node.config_path, "storage_reserve_mib", "4");
                mount = Some(Ext4::mount(
                    &planned.node.dir.join("data"),
                    &images.path().join("tha.ext4"),
                    64,
                ));
            }
        },
    )
    .await;
    let ext4 = mount.unwrap();
    let first = exchange_once(&federation, "THA", "KHM").await;
    let mut focal = federation.focal_point("THA").await;
    let mut auditor = federation.auditor("THA").await;
    let second = submit(&mut focal, phone_check("KHM", "+85512345681")).await;
    await_status(&mut focal, &second, pb::RequestStatus::Sent).await;

    ext4.fail();
    let refused = refused_submission(&mut focal, "+85512345683").await;
    assert_eq!(refused.code(), Code::Unavailable, "{refused:?}");
    assert!(
        refused.message().contains("read-only"),
        "{}",
        refused.message()
    );
    // Reads and the audit API go on; the operator is told.
    reads_go_on(&federation, &mut focal, &mut auditor, &first).await;
    assert!(
        logs.text()
            .contains("storage exhausted: new work is refused")
    );

    // The operator stops the node, repairs the file system and starts it
    // again: everything acknowledged is there, the log verifies (or the
    // node would not start), and new work goes through.
    federation.stop("THA").await;
    ext4.repair();
    federation.restart("THA").await;
    let mut focal = federation.focal_point("THA").await;
    assert_eq!(
        view_of(&mut focal, &first).await.status,
        pb::RequestStatus::Answered as i32
    );
    assert_eq!(
        view_of(&mut focal, &second).await.status,
        pb::RequestStatus::Sent as i32
    );
    let third = submit(&mut focal, phone_check("KHM", "+85512345684")).await;
    await_status(&mut focal, &third, pb::RequestStatus::Sent).await;
    assert_eq!(outgoing_requests(&federation, "THA").len(), 3);
    federation.shutdown().await;
    drop(ext4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peers_queue_is_capped_and_drains_when_the_peer_returns() {
    let mut federation = TestFederation::start_prepared(
        &["THA", "KHM", "VNM"],
        &liaison_node::devnet::open_agreements,
        |planned| {
            if planned.node.country == country("THA") {
                set_config(&planned.node.config_path, "outbox_per_peer", "3");
            }
        },
    )
    .await;
    federation.stop("KHM").await;
    let mut focal = federation.focal_point("THA").await;
    let mut queued = Vec::new();
    for n in 0..3 {
        queued.push(submit(&mut focal, phone_check("KHM", &format!("+8551234560{n}"))).await);
    }
    let refused = refused_submission(&mut focal, "+85512345609").await;
    assert_eq!(refused.code(), Code::ResourceExhausted, "{refused:?}");
    assert!(
        refused
            .message()
            .contains("3 envelopes wait for delivery to KHM")
            && refused.message().contains("node.outbox_per_peer"),
        "{}",
        refused.message()
    );
    let metrics = federation.metrics("THA").await;
    assert_eq!(
        metric(&metrics, "liaison_outbox_full_refusals_total{peer=\"KHM\"}"),
        Some(1.0)
    );
    // The cap is per peer: VNM is still reachable.
    submit(&mut focal, phone_check("VNM", "+84912345678")).await;

    federation.restart("KHM").await;
    for id in &queued {
        await_status(&mut focal, id, pb::RequestStatus::Sent).await;
    }
    let next = submit(&mut focal, phone_check("KHM", "+85512345609")).await;
    await_status(&mut focal, &next, pb::RequestStatus::Sent).await;
    federation.shutdown().await;
}
