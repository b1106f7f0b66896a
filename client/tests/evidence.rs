//! `liaison evidence verify` on packages written from the synthetic
//! evidence case of `liaison_proto::package::fixture`: a good package
//! verifies with exit status 0, with and without pinned keys; a tampered
//! one, a wrongly pinned key, a file that is no zip and a missing file fail
//! with status 1 and say why. No node is needed: verification is offline.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

mod common;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use common::{bare, stderr, stdout};
use liaison_proto::package::file_path;
use liaison_proto::package::fixture::{self, CHAT_ID, Case, REQUEST_ID};

fn key_file(dir: &std::path::Path, name: &str, key: &ed25519_dalek::VerifyingKey) -> String {
    let path = dir.join(name);
    std::fs::write(&path, format!("{}\n", STANDARD.encode(key.as_bytes()))).unwrap();
    path.display().to_string()
}

#[test]
fn a_good_package_verifies_and_a_tampered_one_fails() {
    let dir = tempfile::tempdir().unwrap();
    let case = Case::new();
    let package = case.write();
    let good = dir.path().join("case.zip");
    std::fs::write(&good, &package).unwrap();

    let output = bare()
        .args(["evidence", "verify"])
        .arg(&good)
        .output()
        .unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}{}", stderr(&output));
    assert!(text.contains("  ok      manifest.sig: manifest.json is signed by KHM's key"));
    assert!(text.contains(&format!("  ok      {}: ", file_path(CHAT_ID, "chat.txt"))));
    assert!(text.contains("not pinned: compare it with the key the country publishes"));
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with(&format!(
            "VERIFIED: evidence package for request {REQUEST_ID}, written by KHM"
        )),
        "{last}"
    );

    // The countries' published keys, pinned.
    let tha = key_file(dir.path(), "tha.pub", &case.tha.verifying_key());
    let khm = key_file(dir.path(), "khm.pub", &case.khm.verifying_key());
    let output = bare()
        .args(["evidence", "verify"])
        .arg(&good)
        .args(["--public-key", &format!("THA={tha}")])
        .args(["--public-key", &format!("KHM={khm}")])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("(the pinned key)"));

    // KHM pinned to another key.
    let other = key_file(
        dir.path(),
        "other.pub",
        &fixture::identity(9).verifying_key(),
    );
    let output = bare()
        .args(["evidence", "verify"])
        .arg(&good)
        .args(["--public-key", &format!("khm={other}")])
        .output()
        .unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("  FAILED  keys/KHM.json keys[0]: key: key "),
        "{text}"
    );
    assert!(text.contains("DIFFERS from the pinned key"), "{text}");

    // A flipped byte in the chat export.
    let chat = file_path(CHAT_ID, "chat.txt");
    let tampered = dir.path().join("tampered.zip");
    std::fs::write(
        &tampered,
        fixture::rewrite(&package, |name, mut bytes| {
            if name == chat {
                bytes[7] ^= 0x20;
            }
            Some(bytes)
        }),
    )
    .unwrap();
    let output = bare()
        .args(["evidence", "verify"])
        .arg(&tampered)
        .output()
        .unwrap();
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(&format!("  FAILED  {chat}: file: SHA-256 ")),
        "{text}"
    );
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("FAILED: 2 finding(s)"),
        "{text}"
    );

    let output = bare()
        .args(["--json", "evidence", "verify"])
        .arg(&tampered)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    let record: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(record["verified"], false);
    assert_eq!(record["request_id"], REQUEST_ID);
    let findings = record["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["rule"] == "file" && f["at"] == chat.as_str()),
        "{record}"
    );
}

#[test]
fn what_is_not_a_package_fails_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let not_zip = dir.path().join("notes.zip");
    std::fs::write(&not_zip, b"this is not a zip archive").unwrap();
    let output = bare()
        .args(["evidence", "verify"])
        .arg(&not_zip)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("the archive: archive: not a readable zip archive"),
        "{}",
        stdout(&output)
    );

    let output = bare()
        .args(["evidence", "verify"])
        .arg(dir.path().join("absent.zip"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot read the package"),
        "{}",
        stderr(&output)
    );

    let output = bare()
        .args(["evidence", "verify"])
        .arg(&not_zip)
        .args(["--public-key", "THA"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("is not COUNTRY=FILE"),
        "{}",
        stderr(&output)
    );
}

/// A focal point attaches two files with the CLI and sends them; once
/// Cambodia has verified them the list says so, and the assigned officer
/// downloads one, checked against its hash. A file whose type the
/// agreement does not allow is refused before anything is sent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_are_attached_sent_listed_and_downloaded_from_the_cli() {
    use common::{json_lines, liaison};
    let federation = liaison_tests::TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;
    let id = liaison_tests::submit(
        &mut focal,
        liaison_tests::phone_check("KHM", "+85512345678"),
    )
    .await;
    let dir = tempfile::tempdir().unwrap();
    let statement = dir.path().join("statement.csv");
    let rows: String = (0..40_000)
        .map(|i| format!("{i},transfer,{}\n", i * 7))
        .collect();
    std::fs::write(&statement, &rows).unwrap();
    let note = dir.path().join("note.txt");
    std::fs::write(&note, "Handwritten note, transcribed.\n").unwrap();
    let tha = federation.node("THA");
    let added = liaison(
        tha,
        "focal-point",
        &[
            "evidence",
            "add",
            &id,
            &statement.display().to_string(),
            &note.display().to_string(),
            "--source",
            "bank reply, exhibit 2 (illustrative)",
            "--send",
        ],
    );
    let text = stdout(&added);
    assert!(added.status.success(), "{}", stderr(&added));
    assert!(
        text.contains("attached: statement.csv") && text.contains("2 files in a signed manifest"),
        "{text}"
    );

    // Thailand holds Cambodia's receipt for both files.
    let exchange = tha.running().exchange().clone();
    liaison_tests::wait_for_record(&exchange, &id, |_| {
        let files = exchange.records().evidence_files(&id).unwrap();
        files.len() == 2
            && files
                .iter()
                .all(|f| f.state == liaison_node::records::EvidenceState::Delivered)
    })
    .await;
    let output = liaison(tha, "focal-point", &["--json", "evidence", "list", &id]);
    let listed = json_lines(&output);
    assert!(
        listed.iter().all(|l| l["state"] == "delivered"),
        "{listed:?}"
    );
    let csv = listed
        .iter()
        .find(|l| l["name"] == "statement.csv")
        .unwrap();
    assert_eq!(csv["size"], rows.len() as u64);
    assert_eq!(csv["media_type"], "text/csv");
    assert_eq!(csv["source"], "bank reply, exhibit 2 (illustrative)");

    let out = dir.path().join("downloaded.csv");
    let file_id = csv["file_id"].as_str().unwrap();
    let got = liaison(
        federation.node("KHM"),
        "police-officer",
        &[
            "evidence",
            "get",
            &id,
            file_id,
            "-o",
            &out.display().to_string(),
        ],
    );
    assert!(got.status.success(), "{}", stderr(&got));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), rows);
    // It never overwrites.
    let again = liaison(
        federation.node("KHM"),
        "police-officer",
        &[
            "evidence",
            "get",
            &id,
            file_id,
            "-o",
            &out.display().to_string(),
        ],
    );
    assert!(!again.status.success());
    assert!(stderr(&again).contains("exists"), "{}", stderr(&again));

    // The officer exports the court package, which the CLI verifies.
    let case = dir.path().join("case.zip");
    let packaged = liaison(
        federation.node("KHM"),
        "police-officer",
        &[
            "evidence",
            "package",
            &id,
            "-o",
            &case.display().to_string(),
        ],
    );
    let text = stdout(&packaged);
    assert!(packaged.status.success(), "{text}{}", stderr(&packaged));
    assert!(
        text.contains("case.zip") && text.contains("manifest.sig"),
        "{text}"
    );
    let verified = bare()
        .args(["evidence", "verify"])
        .arg(&case)
        .output()
        .unwrap();
    assert_eq!(verified.status.code(), Some(0), "{}", stdout(&verified));

    let clip = dir.path().join("clip.mp4");
    std::fs::write(&clip, b"not a video").unwrap();
    let refused = liaison(
        tha,
        "focal-point",
        &[
            "evidence",
            "add",
            &id,
            &clip.display().to_string(),
            "--media-type",
            "video/mp4",
        ],
    );
    assert!(!refused.status.success());
    assert!(
        stderr(&refused).contains("video/mp4"),
        "{}",
        stderr(&refused)
    );
    federation.shutdown().await;
}
