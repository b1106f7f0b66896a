//! What the answering officer sees from the command line: `liaison agency
//! inbox` says what each request is about, and `liaison agency get` shows
//! the whole request, in words, with a dry run of the answer.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Output;

use common::bare;

use liaison_tests::{TestFederation, TestNode, wait_for_record};
use serde_json::Value;

fn liaison(node: &TestNode, user: &str, args: &[&str]) -> Output {
    let output = bare()
        .arg("--node")
        .arg(format!("http://{}", node.local_addr))
        .arg("--token-file")
        .arg(node.dir.join("tokens").join(format!("{user}.token")))
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "liaison {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_officer_sees_what_is_asked_and_what_would_be_released() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let (tha, khm) = (federation.node("THA"), federation.node("KHM"));
    let sent: Value = serde_json::from_slice(
        &liaison(
            tha,
            "focal-point",
            &[
                "--json",
                "request",
                "send",
                "--to",
                "KHM",
                "--category",
                "PHONE_CHECK",
                "--purpose",
                "INVESTIGATION",
                "--offence",
                "0204",
                "--offence",
                "0701",
                "--phone",
                "+85512345678",
                "--summary",
                "Recruiter for a compound",
                "--want",
                "subscriber_name",
                "--want",
                "sim_status",
                "--deadline",
                "3d",
            ],
        )
        .stdout,
    )
    .unwrap();
    let id = sent["request_id"].as_str().unwrap().to_string();
    let khm_node = khm.running().exchange();
    wait_for_record(khm_node, &id, |r| {
        r.status == liaison_proto::domain::RequestStatus::Assigned
    })
    .await;

    let inbox = text(&liaison(khm, "police-officer", &["agency", "inbox"]));
    assert!(inbox.contains("SUBJECT"), "{inbox}");
    assert!(inbox.contains("phone +85512345678"), "{inbox}");
    assert!(inbox.contains("Recruiter for a compound"), "{inbox}");
    assert!(!inbox.contains('{'), "no raw JSON in the table: {inbox}");

    let shown = text(&liaison(khm, "police-officer", &["agency", "get", &id]));
    for expected in [
        "offences  0204 Trafficking in persons; 0701 Fraud",
        "asked by  focal-point of THA",
        "subject   phone +85512345678",
        "summary   Recruiter for a compound",
        "asks for  subscriber_name, sim_status",
        "left)",
        "released  subscriber_name, sim_status",
        "withheld  -",
        "under KHM-THA v1 rule",
    ] {
        assert!(
            shown.contains(expected),
            "`{expected}` missing from:\n{shown}"
        );
    }
    assert!(
        !shown.contains('{'),
        "no raw JSON in the detail view: {shown}"
    );

    let json: Value = serde_json::from_slice(
        &liaison(khm, "police-officer", &["--json", "agency", "get", &id]).stdout,
    )
    .unwrap();
    assert_eq!(json["dry_run"]["released_fields"][1], "sim_status");
    assert_eq!(json["more_offence_codes"][0], "0701");
    federation.shutdown().await;
}
