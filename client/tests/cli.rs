//! The `liaison` binary against a real two-node federation: a focal point
//! sends, an agency officer answers, the focal point watches it arrive.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::Output;

use common::bare;

use liaison_tests::TestFederation;
use serde_json::Value;

fn liaison(node: &liaison_tests::TestNode, user: &str, args: &[&str]) -> Output {
    bare()
        .arg("--node")
        .arg(format!("http://{}", node.local_addr))
        .arg("--token-file")
        .arg(node.dir.join("tokens").join(format!("{user}.token")))
        .args(args)
        .output()
        .unwrap()
}

fn json(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "liaison failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_sent_and_answered_from_the_command_line() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let tha = federation.node("THA");
    let khm = federation.node("KHM");

    let sent = json(&liaison(
        tha,
        "focal-point",
        &[
            "--json",
            "request",
            "send",
            "--to",
            "KHM",
            "--category",
            "phone_check",
            "--purpose",
            "INVESTIGATION",
            "--offence",
            "0204",
            "--phone",
            "+85512345678",
            "--deadline",
            "3d",
        ],
    ));
    assert_eq!(sent["status"], "SUBMITTED");
    let id = sent["request_id"].as_str().unwrap().to_string();

    // The officer's streaming inbox prints the assignment once it arrives.
    let mut officer = bare()
        .args([
            "--node",
            &format!("http://{}", khm.local_addr),
            "--json",
            "agency",
            "inbox",
            "--follow",
        ])
        .arg("--token-file")
        .arg(khm.dir.join("tokens/police-officer.token"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = officer.stdout.take().unwrap();
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    let first: Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    assert_eq!(first["request_id"], id.as_str());
    assert_eq!(first["status"], "ASSIGNED");
    officer.kill().unwrap();
    officer.wait().unwrap();

    let answered = json(&liaison(
        khm,
        "police-officer",
        &[
            "--json",
            "agency",
            "answer",
            &id,
            "--field",
            "subscriber_name=Shell Co",
            "--remarks",
            "ok",
        ],
    ));
    assert_eq!(answered["status"], "ANSWERED");

    // `request watch` returns once the request is final.
    let watched = liaison(tha, "focal-point", &["--json", "request", "watch", &id]);
    assert!(watched.status.success());
    let last: Value = serde_json::from_str(
        String::from_utf8_lossy(&watched.stdout)
            .lines()
            .last()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(last["status"], "ANSWERED");
    assert_eq!(
        last["answer"]["outcome"]["released"]["fields"][0]["value"],
        "Shell Co"
    );

    // Human-readable output shows the answer too.
    let shown = liaison(tha, "focal-point", &["request", "get", &id]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(text.contains("subscriber_name = Shell Co"), "{text}");
    let listed = liaison(tha, "focal-point", &["request", "list"]);
    assert!(String::from_utf8_lossy(&listed.stdout).contains(&id));

    // Errors are reported with the node's reason and a non-zero exit.
    let refused = liaison(tha, "police-officer", &["request", "list"]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("PERMISSION_DENIED"));
    let bad = liaison(
        tha,
        "focal-point",
        &[
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
            "--phone",
            "12",
        ],
    );
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("subject.phone.number"));
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn operators_inspect_agreements_from_the_command_line() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let tha = federation.node("THA");

    let shown = liaison(tha, "admin", &["policy", "show", "KHM"]);
    let text = String::from_utf8_lossy(&shown.stdout);
    assert!(
        shown.status.success(),
        "{}",
        String::from_utf8_lossy(&shown.stderr)
    );
    assert!(
        text.contains("THA's agreement with KHM, version 1"),
        "{text}"
    );
    assert!(
        text.contains("PHONE_CHECK") && text.contains("KHM->THA,THA->KHM"),
        "{text}"
    );

    let check = json(&liaison(
        tha,
        "auditor",
        &[
            "--json",
            "policy",
            "check",
            "--to",
            "KHM",
            "--category",
            "PHONE_CHECK",
            "--purpose",
            "INVESTIGATION",
        ],
    ));
    assert_eq!(check["allowed"], true);
    assert_eq!(check["local"]["decided_by"], "THA");
    assert_eq!(check["peer"]["decided_by"], "KHM");

    let compared = liaison(tha, "admin", &["policy", "compare", "KHM"]);
    assert!(String::from_utf8_lossy(&compared.stdout).contains("The two copies agree."));

    // One JSON object per peer.
    let peers = json(&liaison(tha, "admin", &["--json", "peers"]));
    assert_eq!(peers["country"], "KHM");
    assert_eq!(peers["agreement_version"], 1);

    let denied = liaison(tha, "focal-point", &["policy", "show"]);
    assert!(!denied.status.success());
    assert!(String::from_utf8_lossy(&denied.stderr).contains("PERMISSION_DENIED"));
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auditors_export_and_verify_offline_from_the_command_line() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    liaison_tests::exchange_once(&federation, "THA", "KHM").await;
    let khm = federation.node("KHM");
    let out = federation.dir.path().join("khm-audit.jsonl");

    let exported = liaison(
        khm,
        "auditor",
        &["audit", "export", "--out", out.to_str().unwrap()],
    );
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let key = khm.dir.join("signing-key.pub");

    // Verification needs no node and no token.
    let verify = |file: &std::path::Path| {
        bare()
            .args(["--json", "audit", "verify"])
            .arg(file)
            .arg("--public-key")
            .arg(&key)
            .output()
            .unwrap()
    };
    let good = verify(&out);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stdout)
    );
    let verdict: Value = serde_json::from_slice(&good.stdout).unwrap();
    assert_eq!(verdict["verified"], true);
    assert_eq!(verdict["country"], "KHM");

    let text = std::fs::read_to_string(&out).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[2] = lines[2].replacen("\"actor\":\"", "\"actor\":\"X", 1);
    let tampered = federation.dir.path().join("tampered.jsonl");
    std::fs::write(&tampered, lines.join("\n")).unwrap();
    let bad = verify(&tampered);
    assert!(!bad.status.success());
    let verdict: Value = serde_json::from_slice(&bad.stdout).unwrap();
    assert_eq!(verdict["verified"], false);
    assert_eq!(verdict["first_bad_index"], 1);

    let log = liaison(
        khm,
        "auditor",
        &["--json", "audit", "log", "--event", "policy."],
    );
    assert!(log.status.success());
    let first: Value =
        serde_json::from_str(String::from_utf8_lossy(&log.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(first["event"], "policy.allowed");

    let report = json(&liaison(khm, "auditor", &["--json", "audit", "report"]));
    assert!(report["by_peer"]["THA"].as_u64().unwrap() >= 4, "{report}");
    assert_eq!(report["answer_times"][0]["side"], "answered");
    federation.shutdown().await;
}
