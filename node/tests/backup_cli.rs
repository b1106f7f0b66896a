//! The operator's commands for backups, as an operator runs them against
//! node processes: `liaison-node backup` of a running node, `liaison-node
//! check` of a stopped node's data (and of damaged data, which it reports
//! and leaves as it was), and `liaison-node restore` onto a lost data
//! directory, after which the node starts with everything it had
//! acknowledged before the backup.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Output;
use std::time::Duration;

mod common;
use common::{NodeProcess, node};

use liaison_node::devnet;
use liaison_node::exchange::now_ms;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::focal_point_client::FocalPointClient;

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files(&path));
        } else {
            out.push(path);
        }
    }
    out
}

async fn status(tha: &NodeProcess, request_id: &str) -> i32 {
    FocalPointClient::with_interceptor(tha.channel(), tha.token("focal-point"))
        .get(pb::RequestRef {
            request_id: request_id.into(),
        })
        .await
        .unwrap()
        .into_inner()
        .status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_check_and_restore_work_from_the_command_line() {
    let root = tempfile::tempdir().unwrap();
    let countries: Vec<CountryCode> = ["THA", "KHM"].iter().map(|c| c.parse().unwrap()).collect();
    let mut planned = devnet::plan(root.path(), &countries).unwrap();
    let khm_plan = planned.pop().unwrap();
    let tha_plan = planned.pop().unwrap();
    let config = tha_plan.node.config_path.clone();
    let data = tha_plan.node.dir.join("data");
    let mut tha = NodeProcess::launch(tha_plan).await;
    let _khm = NodeProcess::launch(khm_plan).await;

    let mut focal = FocalPointClient::with_interceptor(tha.channel(), tha.token("focal-point"));
    let mut sent = Vec::new();
    for n in 0..3 {
        let request = liaison_node::demo::phone_check(
            "KHM",
            &format!("+85512345{n:03}"),
            "Number used to recruit victims.",
            now_ms() + 86_400_000,
        );
        let view = focal.submit(request).await.unwrap().into_inner();
        sent.push(view.request.unwrap().request_id);
    }
    for id in &sent {
        let began = std::time::Instant::now();
        while status(&tha, id).await != pb::RequestStatus::Sent as i32 {
            assert!(began.elapsed() < Duration::from_secs(60), "{id} not sent");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    // A backup of the running node, without secrets.
    let backup = root.path().join("backups/tha-1");
    std::fs::create_dir(root.path().join("backups")).unwrap();
    let made = node(&["backup"], &[("--config", &config), ("--to", &backup)]);
    assert!(made.status.success(), "{}", text(&made));
    assert!(
        text(&made).contains(&format!("backup written to {}", backup.display())),
        "{}",
        text(&made)
    );
    for file in files(&backup) {
        let bytes = std::fs::read(&file).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains("PRIVATE KEY"),
            "{} holds a private key",
            file.display()
        );
    }
    // Never over an existing directory, never to a relative path.
    let again = node(&["backup"], &[("--config", &config), ("--to", &backup)]);
    assert!(!again.status.success());
    assert!(text(&again).contains("ALREADY_EXISTS") || text(&again).contains("exists"));
    let relative = node(
        &["backup"],
        &[("--config", &config), ("--to", Path::new("relative"))],
    );
    assert!(!relative.status.success(), "{}", text(&relative));

    // The node stops; `check` finds its data healthy and changes nothing.
    tha.kill().await;
    let before: Vec<(std::path::PathBuf, Vec<u8>)> = files(&data)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(&f).unwrap();
            (f, bytes)
        })
        .collect();
    let checked = node(&["check"], &[("--data", &data), ("--config", &config)]);
    assert!(checked.status.success(), "{}", text(&checked));
    for (file, bytes) in &before {
        assert_eq!(
            &std::fs::read(file).unwrap(),
            bytes,
            "check changed {}",
            file.display()
        );
    }

    // The data directory is lost; a damaged copy of the backup is refused
    // by `check`, the backup itself restores.
    std::fs::rename(&data, root.path().join("lost")).unwrap();
    let damaged = root.path().join("damaged");
    liaison_node::store::copy_dir(&backup.join("data"), &damaged, &mut |_| true).unwrap();
    let log = files(&damaged)
        .into_iter()
        .filter(|f| f.components().any(|c| c.as_os_str() == "audit"))
        .max_by_key(|f| std::fs::metadata(f).unwrap().len())
        .expect("the backup holds the audit log");
    let mut bytes = std::fs::read(&log).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&log, bytes).unwrap();
    let refused = node(&["check"], &[("--data", &damaged), ("--config", &config)]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));

    let restored = node(&["restore"], &[("--from", &backup), ("--config", &config)]);
    assert!(restored.status.success(), "{}", text(&restored));
    assert!(text(&restored).contains("they will see a rollback"));
    tha.start().await;
    for id in &sent {
        assert_eq!(status(&tha, id).await, pb::RequestStatus::Sent as i32);
    }
    // A restore never writes over a node's data.
    tha.kill().await;
    let over = node(&["restore"], &[("--from", &backup), ("--config", &config)]);
    assert!(!over.status.success(), "{}", text(&over));
}
