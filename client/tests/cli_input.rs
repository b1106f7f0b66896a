//! What the `liaison` binary reads, checked against a real federation:
//! deadlines and periods as durations or date-times, long texts from files
//! and stdin, enumeration values in any case, the help that lists them, and
//! the errors for a node address that is wrong.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write as _;
use std::process::{Output, Stdio};

use common::{as_user, bare, json_record, liaison, stderr, stdout};
use liaison_proto::pb;
use liaison_proto::time::rfc3339;
use liaison_tests::TestFederation;

const SEND: &[&str] = &[
    "--json",
    "request",
    "send",
    "--to",
    "khm",
    "--category",
    "Phone-Check",
    "--purpose",
    "investigation",
    "--offence",
    "0204",
    "--phone",
    "+85512345678",
];

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// Runs `liaison ARGS` as `user` of `node` with `input` on stdin.
fn with_stdin(node: &liaison_tests::TestNode, user: &str, args: &[&str], input: &str) -> Output {
    let mut child = as_user(node, user)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadlines_and_periods_take_durations_and_date_times() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let tha = federation.node("THA");
    let now = now_ms();

    // A duration counts from now.
    let sent = json_record(&liaison(
        tha,
        "focal-point",
        &[SEND, &["--deadline", "72h"]].concat(),
    ));
    let deadline = sent["deadline_unix_ms"].as_i64().unwrap();
    let after = now_ms();
    assert!((now + 72 * 3_600_000..=after + 72 * 3_600_000).contains(&deadline));

    // An RFC 3339 date-time in Bangkok time, five days on, whole seconds.
    let at = (now / 1000 + 5 * 86_400) * 1000;
    let bangkok = rfc3339(at + 7 * 3_600_000).replace(".000Z", "+07:00");
    let sent = json_record(&liaison(
        tha,
        "focal-point",
        &[SEND, &["--deadline", &bangkok]].concat(),
    ));
    assert_eq!(sent["deadline_unix_ms"], at, "{bangkok}");
    // The same moment in UTC, with a fraction of a second.
    let utc = rfc3339(at + 250);
    let sent = json_record(&liaison(
        tha,
        "focal-point",
        &[SEND, &["--deadline", &utc]].concat(),
    ));
    assert_eq!(sent["deadline_unix_ms"], at + 250, "{utc}");
    // YYYY-MM-DDTHH:MM in UTC, and a date alone (00:00 UTC), ten days on.
    let day = (now / 86_400_000 + 10) * 86_400_000;
    let date = &rfc3339(day)[..10];
    let sent = json_record(&liaison(
        tha,
        "focal-point",
        &[SEND, &["--deadline", date]].concat(),
    ));
    assert_eq!(sent["deadline_unix_ms"], day, "{date}");
    let minutes = format!("{date}T13:45");
    let sent = json_record(&liaison(
        tha,
        "focal-point",
        &[SEND, &["--deadline", &minutes]].concat(),
    ));
    assert_eq!(sent["deadline_unix_ms"], day + (13 * 60 + 45) * 60_000);

    // Days that do not exist, times that do not exist, and no offset are
    // refused by the command line, naming the option and the rule.
    for (bad, rule) in [
        ("2027-02-29", "names a day that its month does not have"),
        (
            "2027-02-29T10:00:00+07:00",
            "names a day that its month does not have",
        ),
        (
            "2027-01-10T24:00:00Z",
            "has no time of day HH:MM:SS from 00:00:00 to 23:59:59",
        ),
        ("2027-01-10T10:00:00", "has no offset from UTC"),
        ("next week", "is neither a duration like 72h or 7d nor"),
    ] {
        let refused = liaison(
            tha,
            "focal-point",
            &[&SEND[1..], &["--deadline", bad]].concat(),
        );
        assert_eq!(refused.status.code(), Some(2), "{bad}");
        let text = stderr(&refused);
        assert!(text.contains("--deadline"), "{bad}: {text}");
        assert!(text.contains(rule), "{bad}: {text}");
    }

    // `audit log --since/--until` read the same forms.
    let all = liaison(tha, "auditor", &["--json", "audit", "log"]);
    let total = stdout(&all).lines().count();
    assert!(total >= 4);
    let from_future = rfc3339(now + 86_400_000).replace('Z', "+00:00");
    let since = liaison(
        tha,
        "auditor",
        &["--json", "audit", "log", "--since", &from_future],
    );
    assert!(since.status.success(), "{}", stderr(&since));
    assert_eq!(stdout(&since).lines().count(), 0);
    let since = liaison(tha, "auditor", &["--json", "audit", "log", "--since", "1h"]);
    // The node may log more (a witness check, say) between two listings:
    // everything of the last hour is every entry there was and at most
    // what came since.
    let since_count = stdout(&since).lines().count();
    let later = stdout(&liaison(tha, "auditor", &["--json", "audit", "log"]))
        .lines()
        .count();
    assert!(
        (total..=later).contains(&since_count),
        "{total} <= {since_count} <= {later}"
    );
    let until = liaison(
        tha,
        "auditor",
        &["--json", "audit", "log", "--until", &rfc3339(now - 60_000)],
    );
    assert!(until.status.success(), "{}", stderr(&until));
    assert_eq!(stdout(&until).lines().count(), 0);
    let bad = liaison(
        tha,
        "auditor",
        &["audit", "report", "--since", "2026-13-01T00:00:00Z"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--since"), "{}", stderr(&bad));
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_texts_come_from_files_and_stdin() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let tha = federation.node("THA");
    let khm = federation.node("KHM");
    let dir = federation.dir.path();
    let summary = "The recruiter's number.\nSeen in three chats; see case 2026/114.";

    // The summary from stdin; the final line ending is dropped.
    let sent = json_record(&with_stdin(
        tha,
        "focal-point",
        &[SEND, &["--summary-file", "-"]].concat(),
        &format!("{summary}\n"),
    ));
    assert_eq!(sent["summary"], summary);
    let first = sent["request_id"].as_str().unwrap().to_string();

    // The summary from a file.
    let file = dir.join("summary.txt");
    std::fs::write(&file, summary).unwrap();
    let sent = json_record(&liaison(
        tha,
        "focal-point",
        &[SEND, &["--summary-file", file.to_str().unwrap()]].concat(),
    ));
    assert_eq!(sent["summary"], summary);
    let second = sent["request_id"].as_str().unwrap().to_string();
    let got = json_record(&liaison(
        tha,
        "focal-point",
        &["--json", "request", "get", &second],
    ));
    assert_eq!(got["summary"], summary);

    // Inline and from a file at once is a usage error.
    let both = liaison(
        tha,
        "focal-point",
        &[
            SEND,
            &["--summary", "x", "--summary-file", file.to_str().unwrap()],
        ]
        .concat(),
    );
    assert_eq!(both.status.code(), Some(2));
    assert!(
        stderr(&both).contains("--summary-file"),
        "{}",
        stderr(&both)
    );

    // A file that is not there is named.
    let missing = liaison(
        tha,
        "focal-point",
        &[SEND, &["--summary-file", "/nonexistent/summary.txt"]].concat(),
    );
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        stderr(&missing).contains("--summary-file: cannot read /nonexistent/summary.txt"),
        "{}",
        stderr(&missing)
    );

    // The agency answers one with remarks from a file and refuses the other
    // with an explanation from stdin.
    let remarks = "Registered in 2024.\nPrepaid SIM, no address on file.";
    let remarks_file = dir.join("remarks.txt");
    std::fs::write(&remarks_file, format!("{remarks}\r\n")).unwrap();
    let khm_exchange = khm.running().exchange();
    for id in [&first, &second] {
        liaison_tests::wait_for_record(khm_exchange, id, |r| {
            r.status == liaison_proto::domain::RequestStatus::Assigned
        })
        .await;
    }
    let answered = json_record(&liaison(
        khm,
        "police-officer",
        &[
            "--json",
            "agency",
            "answer",
            &first,
            "--field",
            "subscriber_name=Shell Co",
            "--remarks-file",
            remarks_file.to_str().unwrap(),
        ],
    ));
    assert_eq!(
        answered["answer"]["outcome"]["released"]["remarks"],
        remarks
    );
    let explanation = "The number belongs to an operator outside our jurisdiction.";
    let refused = json_record(&with_stdin(
        khm,
        "police-officer",
        &[
            "--json",
            "agency",
            "refuse",
            &second,
            "--reason",
            "no-competent-agency",
            "--explanation-file",
            "-",
        ],
        explanation,
    ));
    assert_eq!(
        refused["answer"]["outcome"]["refusal"]["explanation"],
        explanation
    );
    assert_eq!(
        refused["answer"]["outcome"]["refusal"]["reason"],
        "NO_COMPETENT_AGENCY"
    );

    // The focal point withdraws a third request with the reason from a file.
    let third = json_record(&liaison(tha, "focal-point", SEND));
    let third = third["request_id"].as_str().unwrap();
    let reason = "Suspect arrested;\nno longer needed.";
    let reason_file = dir.join("reason.txt");
    std::fs::write(&reason_file, reason).unwrap();
    let withdrawn = json_record(&liaison(
        tha,
        "focal-point",
        &[
            "--json",
            "request",
            "withdraw",
            third,
            "--reason-file",
            reason_file.to_str().unwrap(),
        ],
    ));
    assert_eq!(withdrawn["status"], "WITHDRAWN");
    // No view shows a withdrawal's reason: it travels in the signed
    // withdrawal, which THA keeps and KHM has acted on.
    liaison_tests::wait_for_record(khm_exchange, third, |r| {
        r.status == liaison_proto::domain::RequestStatus::Withdrawn
    })
    .await;
    let entry = liaison_tests::audit_events(&federation, "THA", "request.withdrawn")
        .pop()
        .unwrap();
    let hash: [u8; 32] = hex::decode(entry.message_hash.unwrap())
        .unwrap()
        .try_into()
        .unwrap();
    let bytes = tha
        .running()
        .exchange()
        .records()
        .envelope(&hash)
        .unwrap()
        .unwrap();
    let envelope = <pb::Envelope as prost::Message>::decode(bytes.as_slice()).unwrap();
    let message = <pb::Message as prost::Message>::decode(envelope.message.as_slice()).unwrap();
    match message.content {
        Some(pb::message::Content::Withdrawal(withdrawal)) => {
            assert_eq!(withdrawal.request_id, third);
            assert_eq!(withdrawal.reason, reason);
        }
        other => panic!("not a withdrawal: {other:?}"),
    }
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_node_address_gets_one_sentence_with_the_fix() {
    let federation = TestFederation::start(&["THA"]).await;
    let tha = federation.node("THA");
    let token = tha.dir.join("tokens/admin.token");
    let peers = |node: &str| {
        bare()
            .args(["--node", node, "--token-file"])
            .arg(&token)
            .arg("peers")
            .output()
            .unwrap()
    };
    let one_line = |output: &Output| {
        assert_eq!(output.status.code(), Some(1));
        let text = stderr(output);
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(!text.contains("transport error"), "{text}");
        text
    };

    // No scheme: say what to write.
    let address = tha.local_addr.to_string();
    let text = one_line(&peers(&address));
    assert!(
        text.contains(&format!(
            "does not start with http:// or https://: write http://{address}"
        )),
        "{text}"
    );
    // TLS without the node's local CA: say to give it.
    let text = one_line(&peers(&format!("https://{address}")));
    assert!(
        text.contains("serves TLS: give the node's local CA certificate with --ca"),
        "{text}"
    );

    // A port nothing listens on: a port just freed.
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}", free.local_addr().unwrap());
    drop(free);
    let text = one_line(&peers(&closed));
    assert!(
        text.contains(&format!("no node answers at {closed}")),
        "{text}"
    );
    assert_eq!(text.matches("connection refused").count(), 1, "{text}");
    assert!(text.contains("--node or LIAISON_NODE"), "{text}");
    // The same through the environment.
    let through_env = bare()
        .env("LIAISON_NODE", &closed)
        .env("LIAISON_TOKEN", "t")
        .arg("peers")
        .output()
        .unwrap();
    assert_eq!(one_line(&through_env), text);

    // The node's federation port: something answers, but not gRPC in
    // plain HTTP.
    let text = one_line(&peers(&format!("http://{}", tha.federation_addr)));
    assert!(text.contains("is not a Liaison node's local API"), "{text}");
    assert!(text.contains("`local_listen`"), "{text}");

    // The right address works.
    let ok = peers(&format!("http://{address}"));
    assert!(ok.status.success(), "{}", stderr(&ok));
    federation.shutdown().await;
}

#[test]
fn help_lists_every_accepted_value_with_its_meaning() {
    let help = |args: &[&str]| {
        let output = bare().args(args).arg("--help").output().unwrap();
        assert!(output.status.success());
        stdout(&output)
    };
    let send = help(&["request", "send"]);
    for expected in [
        "PHONE_CHECK:",
        "who holds this phone number",
        "VICTIM_IDENTIFICATION:",
        "INVESTIGATION:",
        "VICTIM_ASSISTANCE:",
        // The fields each category may ask for, for --want.
        "PHONE_CHECK: subscriber_name, subscriber_document, registration_date",
        "CASE_NOTIFICATION: acknowledgement, case_reference, contact_officer",
        // Examples and the forms of a deadline.
        "Examples:",
        "2026-12-24T17:00:00+07:00",
        "--summary-file",
    ] {
        assert!(send.contains(expected), "{expected}:\n{send}");
    }
    let list = help(&["request", "list"]);
    for status in ["SUBMITTED:", "ANSWERED:", "UNDELIVERABLE:"] {
        assert!(list.contains(status), "{status}:\n{list}");
    }
    let refuse = help(&["agency", "refuse"]);
    for reason in [
        "NO_COMPETENT_AGENCY:",
        "REQUIRES_MUTUAL_LEGAL_ASSISTANCE:",
        "--explanation-file",
    ] {
        assert!(refuse.contains(reason), "{reason}:\n{refuse}");
    }
    let show = help(&["policy", "show"]);
    for code in [
        "INTELLIGENCE_ONLY:",
        "EVIDENCE_WITH_CONSENT:",
        "NO_ONWARD_SHARING:",
    ] {
        assert!(show.contains(code), "{code}:\n{show}");
    }
    let check = help(&["policy", "check"]);
    assert!(check.contains("PROSECUTION:"), "{check}");
    let log = help(&["audit", "log"]);
    assert!(log.contains("WALLET_TRACE:"), "{log}");

    // Every command has a one-line description in its parent's list.
    let top = help(&[]);
    for command in ["request", "agency", "policy", "peers", "audit"] {
        let line = top
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{command} ")))
            .unwrap_or_else(|| panic!("{command}:\n{top}"));
        assert!(line.split_whitespace().count() > 3, "{line}");
    }
}

#[test]
fn enumeration_values_are_read_in_any_case_and_a_near_miss_is_suggested() {
    // No node is needed to see that the values are accepted: the command
    // gets as far as looking for a token.
    for category in ["PHONE_CHECK", "phone_check", "Phone-Check"] {
        let output = bare()
            .args([
                "policy",
                "check",
                "--to",
                "khm",
                "--category",
                category,
                "--purpose",
                "Intelligence",
            ])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{category}");
        assert!(stderr(&output).contains("--token"), "{}", stderr(&output));
    }
    let near = bare()
        .args(["request", "list", "--status", "answer"])
        .output()
        .unwrap();
    assert_eq!(near.status.code(), Some(2));
    let text = stderr(&near);
    assert!(
        text.contains("a similar value exists: 'ANSWERED'"),
        "{text}"
    );
    assert!(text.contains("[possible values: SUBMITTED, SENT"), "{text}");
}
