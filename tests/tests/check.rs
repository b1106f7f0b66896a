//! `liaison-node check`: a stopped node's data diagnosed without changing
//! a byte of it; a running node's refused; damage named by file.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use liaison_node::config::Config;
use liaison_node::tools::check::{CheckError, check};
use liaison_tests::{TestFederation, exchange_once, phone_check, submit};

/// Every file under `dir` with its contents' hash.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, [u8; 32]> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in std::fs::read_dir(&at).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                files.insert(path, liaison_proto::envelope::sha256(&bytes));
            }
        }
    }
    files
}

fn finding<'a>(report: &'a liaison_node::tools::check::Report, name: &str) -> Vec<&'a str> {
    report
        .findings
        .iter()
        .filter(|f| f.check == name)
        .map(|f| f.detail.as_str())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_diagnoses_a_stopped_nodes_data_and_changes_nothing() {
    let mut federation = TestFederation::start(&["THA", "KHM"]).await;
    exchange_once(&federation, "THA", "KHM").await;
    // One envelope still queued when THA stops.
    federation.stop("KHM").await;
    let mut focal = federation.focal_point("THA").await;
    submit(&mut focal, phone_check("KHM", "+85512345678")).await;
    let config = federation.node("THA").config();
    let data = config.data_dir.clone();
    let scratch = tempfile::tempdir().unwrap();

    // A running node's data is refused: it changes under the copy.
    let refused = check(&data, Some(&config), scratch.path()).unwrap_err();
    assert!(matches!(refused, CheckError::InUse(_)), "{refused}");
    assert!(refused.to_string().contains("stop it first"), "{refused}");

    federation.stop("THA").await;
    let before = snapshot(&data);
    let report = check(&data, Some(&config), scratch.path()).unwrap();
    assert!(report.healthy(), "{:#?}", report.findings);
    assert!(
        finding(&report, "audit log")
            .iter()
            .any(|d| d.starts_with("verifies:")),
        "{:#?}",
        report.findings
    );
    assert_eq!(
        finding(&report, "requests"),
        ["2 outgoing and 0 incoming, each readable with its data key"]
    );
    let outbox = finding(&report, "outbox");
    assert!(
        outbox[0].starts_with("1 envelopes queued (KHM 1)"),
        "{outbox:?}"
    );
    assert_eq!(snapshot(&data), before, "check changed the data directory");
    assert!(
        std::fs::read_dir(scratch.path()).unwrap().next().is_none(),
        "the copy is removed"
    );

    // Without the configuration: what needs no key, and says what is left.
    let report = check(&data, None, scratch.path()).unwrap();
    assert!(report.healthy(), "{:#?}", report.findings);
    assert!(finding(&report, "keys")[0].contains("were not checked"));

    // Without the KEK: the request records cannot be read, and check says
    // so rather than making a new one.
    let kek = config.kek.path.clone();
    let aside = kek.with_extension("aside");
    std::fs::rename(&kek, &aside).unwrap();
    let report = check(&data, Some(&config), scratch.path()).unwrap();
    assert!(!report.healthy());
    assert!(
        finding(&report, "keys")[0].contains("does not exist"),
        "{:#?}",
        report.findings
    );
    assert!(!kek.exists(), "check wrote a KEK");
    std::fs::rename(&aside, &kek).unwrap();

    // One byte flipped in the audit log's segment file, in commits the
    // journal still holds: the node would repair it from the journal at
    // start, and check says so (on its copy).
    let segment = data
        .join("audit")
        .join("segments")
        .join(format!("{:020}.log", 0));
    let mut bytes = std::fs::read(&segment).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(&segment, &bytes).unwrap();
    let report = check(&data, Some(&config), scratch.path()).unwrap();
    assert!(report.healthy(), "{:#?}", report.findings);
    let store = finding(&report, "store");
    assert!(store[0].contains("restore"), "{store:?}");
    bytes[middle] ^= 0x40;
    std::fs::write(&segment, &bytes).unwrap();

    // One byte flipped in the journal's first record, with records after
    // it: damage, not a torn write. check names the file and the offset,
    // and the node refuses to start on it.
    let journal = data.join("journal");
    let mut bytes = std::fs::read(&journal).unwrap();
    assert!(bytes.len() > 100, "the journal holds records");
    bytes[20] ^= 0x40;
    std::fs::write(&journal, &bytes).unwrap();
    let report = check(&data, Some(&config), scratch.path()).unwrap();
    assert!(!report.healthy());
    let store = finding(&report, "store");
    assert!(
        store[0].starts_with("does not open") && store[0].contains("journal at byte 0"),
        "{store:?}"
    );
    let start = liaison_node::server::start(
        Config::load(&federation.node("THA").config_path).unwrap(),
        liaison_node::server::Listeners::bind(
            "127.0.0.1:0".parse().unwrap(),
            "127.0.0.1:0".parse().unwrap(),
        )
        .unwrap(),
    )
    .await;
    let Err(error) = start else {
        panic!("a damaged journal is refused at start");
    };
    assert!(error.to_string().contains("journal at byte 0"), "{error}");
    // And a directory that is not a node's data is named as such.
    let empty = tempfile::tempdir().unwrap();
    let error = check(empty.path(), None, scratch.path()).unwrap_err();
    assert!(
        error.to_string().contains("not a node's data directory"),
        "{error}"
    );
}
