//! What the `liaison` binary writes, checked against a real federation:
//! one JSON shape per command (JSON Lines, errors as JSON on stderr), a
//! quiet end when the reader of its output goes away, no colour codes when
//! the output is not a terminal, and the aligned agreement table.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::{BufRead as _, BufReader};
use std::process::{Output, Stdio};

use common::{as_user, bare, json_error, json_lines, json_record, liaison, stderr, stdout};
use liaison_proto::pb;
use liaison_tests::{RuleSpec, TestFederation, agreement};

/// THA and KHM share phone checks both ways, releasing five of the eight
/// phone fields, and victim identifications from THA for two of the four
/// purposes: enough that `policy show` has lists to wrap.
async fn federation() -> TestFederation {
    use pb::{Category, Purpose};
    let all = [
        Purpose::Investigation,
        Purpose::Prosecution,
        Purpose::VictimAssistance,
        Purpose::Intelligence,
    ];
    let rules: [RuleSpec<'_>; 2] = [
        (
            Category::PhoneCheck,
            &["THA->KHM", "KHM->THA"],
            &all,
            &[
                "subscriber_name",
                "registration_date",
                "sim_status",
                "operator",
                "registered_address",
            ],
        ),
        (
            Category::VictimIdentification,
            &["THA->KHM"],
            &[Purpose::VictimAssistance, Purpose::Investigation],
            &["identity_confirmed", "full_name", "nationality"],
        ),
    ];
    TestFederation::start_with(&["THA", "KHM"], &move |_holder, _peer| {
        Some(agreement("THA", "KHM", 1, 200, &rules))
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_prints_one_json_object_per_record() {
    let federation = federation().await;
    let tha = federation.node("THA");
    let khm = federation.node("KHM");
    let answered = liaison_tests::exchange_once(&federation, "THA", "KHM").await;
    let mut focal = federation.focal_point("THA").await;
    let open = liaison_tests::submit(
        &mut focal,
        liaison_tests::victim_identification("KHM", "Somchai"),
    )
    .await;

    // One record: exactly one line, one object.
    let got = json_record(&liaison(
        tha,
        "focal-point",
        &["--json", "request", "get", &answered],
    ));
    assert_eq!(got["request_id"], answered.as_str());
    assert_eq!(got["status"], "ANSWERED");

    // Lists: one line per request, each a whole request.
    let listed = json_lines(&liaison(tha, "focal-point", &["--json", "request", "list"]));
    assert_eq!(listed.len(), 2);
    let mut ids: Vec<&str> = listed
        .iter()
        .map(|r| r["request_id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    let mut expected = vec![answered.as_str(), open.as_str()];
    expected.sort_unstable();
    assert_eq!(ids, expected);
    assert!(listed.iter().all(|r| r["history"].is_array()));
    // Filters keep the shape; an empty list prints nothing at all.
    let refused = json_lines(&liaison(
        tha,
        "focal-point",
        &["--json", "request", "list", "--status", "refused"],
    ));
    assert!(refused.is_empty());

    let inbox = json_lines(&liaison(
        khm,
        "police-officer",
        &["--json", "agency", "inbox", "--all"],
    ));
    assert_eq!(inbox.len(), 1);
    assert_eq!(inbox[0]["request_id"], answered.as_str());

    // `watch` of a final request: one line per update, then it returns.
    let watched = json_lines(&liaison(
        tha,
        "focal-point",
        &["--json", "request", "watch", &answered],
    ));
    assert_eq!(watched.last().unwrap()["status"], "ANSWERED");

    let peers = json_lines(&liaison(tha, "admin", &["--json", "peers"]));
    assert_eq!(peers.len(), 1);
    assert_eq!(peers[0]["country"], "KHM");

    let agreements = json_lines(&liaison(tha, "admin", &["--json", "policy", "show"]));
    assert_eq!(agreements.len(), 1);
    assert_eq!(agreements[0]["peer"], "KHM");
    // The JSON keeps every value the table abbreviates.
    let phone = &agreements[0]["rules"][0];
    assert_eq!(phone["release"].as_array().unwrap().len(), 5);
    assert_eq!(phone["purposes"].as_array().unwrap().len(), 4);

    let check = json_record(&liaison(
        tha,
        "admin",
        &[
            "--json",
            "policy",
            "check",
            "--to",
            "KHM",
            "--category",
            "PHONE_CHECK",
            "--purpose",
            "INTELLIGENCE",
        ],
    ));
    assert_eq!(check["allowed"], true);
    let compared = json_record(&liaison(
        tha,
        "admin",
        &["--json", "policy", "compare", "KHM"],
    ));
    assert_eq!(compared["disagreements"].as_array().unwrap().len(), 0);

    let entries = json_lines(&liaison(tha, "auditor", &["--json", "audit", "log"]));
    assert!(entries.len() >= 5);
    for (i, entry) in entries.iter().enumerate() {
        assert_eq!(entry["index"], i as u64);
    }
    let report = json_record(&liaison(tha, "auditor", &["--json", "audit", "report"]));
    assert_eq!(report["entries"], entries.len() as u64);
    let head = json_record(&liaison(tha, "auditor", &["--json", "audit", "head"]));
    assert_eq!(head["type"], "tree_head");
    assert_eq!(head["country"], "THA");

    let file = federation.dir.path().join("tha.jsonl");
    let exported = json_record(&liaison(
        tha,
        "auditor",
        &["--json", "audit", "export", "--out", file.to_str().unwrap()],
    ));
    assert_eq!(exported["file"], file.to_str().unwrap());
    assert_eq!(exported["country"], "THA");
    assert!(exported["entries"].as_u64().unwrap() >= entries.len() as u64);
    let verified = json_record(
        &bare()
            .args(["--json", "audit", "verify"])
            .arg(&file)
            .arg("--public-key")
            .arg(tha.dir.join("signing-key.pub"))
            .output()
            .unwrap(),
    );
    assert_eq!(verified["verified"], true);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_json_errors_are_one_json_object_on_stderr() {
    let federation = federation().await;
    let tha = federation.node("THA");
    let send = [
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
    ];

    // The node refuses a field: the field is read from its message.
    let bad_phone = liaison(
        tha,
        "focal-point",
        &[&send[..], &["--phone", "12"]].concat(),
    );
    assert_eq!(bad_phone.status.code(), Some(1));
    let error = json_error(&bad_phone);
    assert_eq!(error["status"], "INVALID_ARGUMENT");
    assert_eq!(error["field"], "subject.phone.number");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("field `subject.phone.number`: "),
        "{error}"
    );

    // A refusal that names no field.
    let denied = json_error(&liaison(
        tha,
        "police-officer",
        &["--json", "request", "list"],
    ));
    assert_eq!(denied["status"], "PERMISSION_DENIED");
    assert!(denied["field"].is_null());
    assert!(!denied["message"].as_str().unwrap().is_empty());

    let missing = json_error(&liaison(
        tha,
        "focal-point",
        &[
            "--json",
            "request",
            "get",
            "00000000-0000-4000-8000-000000000000",
        ],
    ));
    assert_eq!(missing["status"], "NOT_FOUND");

    // A command line clap refuses: status 2, the option named.
    let usage = liaison(
        tha,
        "focal-point",
        &["--json", "request", "list", "--status", "lost"],
    );
    assert_eq!(usage.status.code(), Some(2));
    let error = json_error(&usage);
    assert_eq!(error["status"], "INVALID_ARGUMENT");
    assert_eq!(error["field"], "--status");
    assert!(
        error["message"].as_str().unwrap().contains("--status"),
        "{error}"
    );

    let past = json_error(&liaison(
        tha,
        "focal-point",
        &[
            &send[..],
            &["--phone", "+85512345678", "--deadline", "2020-01-01"],
        ]
        .concat(),
    ));
    assert_eq!(past["field"], "--deadline");
    assert!(
        past["message"].as_str().unwrap().contains("already passed"),
        "{past}"
    );

    let no_file = json_error(&liaison(
        tha,
        "focal-point",
        &[
            &send[..],
            &[
                "--phone",
                "+85512345678",
                "--summary-file",
                "/nonexistent/summary.txt",
            ],
        ]
        .concat(),
    ));
    assert_eq!(no_file["field"], "--summary-file");

    // Errors found before any node is reached.
    let no_token = json_error(
        &bare()
            .args([
                "--json",
                "--node",
                &format!("http://{}", tha.local_addr),
                "peers",
            ])
            .output()
            .unwrap(),
    );
    assert_eq!(no_token["status"], "UNAUTHENTICATED");
    let no_scheme = json_error(
        &as_user(tha, "admin")
            .args(["--json", "--node", &tha.local_addr.to_string(), "peers"])
            .output()
            .unwrap(),
    );
    assert_eq!(no_scheme["status"], "INVALID_ARGUMENT");
    assert_eq!(no_scheme["field"], "--node");

    // Without --json, the same refusal is one readable line.
    let text = liaison(tha, "police-officer", &["request", "list"]);
    assert_eq!(text.status.code(), Some(1));
    assert!(
        stderr(&text).starts_with("error: PERMISSION_DENIED: "),
        "{}",
        stderr(&text)
    );
    assert_eq!(stderr(&text).lines().count(), 1);
    federation.shutdown().await;
}

/// Runs `command` with its stdout (or stderr) the write end of a pipe
/// whose read end is already closed, as when `head` has exited: every
/// write fails with a broken pipe.
fn into_closed_pipe(mut command: std::process::Command, stream: &str) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    match stream {
        "stdout" => command.stdout(writer).stderr(Stdio::piped()),
        _ => command.stderr(writer).stdout(Stdio::piped()),
    };
    command.output().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_ends_quietly_when_its_reader_goes_away() {
    let federation = federation().await;
    let tha = federation.node("THA");
    let khm = federation.node("KHM");
    let id = liaison_tests::exchange_once(&federation, "THA", "KHM").await;
    let export = federation.dir.path().join("export.jsonl");
    let export = export.to_str().unwrap();

    let commands: Vec<(&liaison_tests::TestNode, &str, Vec<&str>)> = vec![
        (tha, "focal-point", vec!["request", "list"]),
        (tha, "focal-point", vec!["--json", "request", "list"]),
        (tha, "focal-point", vec!["request", "get", &id]),
        (tha, "focal-point", vec!["--json", "request", "get", &id]),
        (tha, "focal-point", vec!["request", "watch", &id]),
        (khm, "police-officer", vec!["agency", "inbox", "--all"]),
        (tha, "admin", vec!["peers"]),
        (tha, "admin", vec!["policy", "show"]),
        (tha, "admin", vec!["--json", "policy", "show"]),
        (
            tha,
            "admin",
            vec![
                "policy",
                "check",
                "--to",
                "KHM",
                "--category",
                "PHONE_CHECK",
                "--purpose",
                "INVESTIGATION",
            ],
        ),
        (tha, "admin", vec!["policy", "compare", "KHM"]),
        (tha, "auditor", vec!["audit", "log"]),
        (tha, "auditor", vec!["--json", "audit", "log"]),
        (tha, "auditor", vec!["audit", "report"]),
        (tha, "auditor", vec!["audit", "head"]),
        (tha, "auditor", vec!["audit", "export", "--out", export]),
        (tha, "auditor", vec!["--help"]),
        (tha, "auditor", vec!["request", "send", "--help"]),
    ];
    for (node, user, args) in &commands {
        let mut command = as_user(node, user);
        command.args(args);
        let output = into_closed_pipe(command, "stdout");
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stderr.is_empty(), "{args:?}: {}", stderr(&output));
    }
    let mut verify = bare();
    verify
        .args(["audit", "verify", export, "--public-key"])
        .arg(tha.dir.join("signing-key.pub"));
    let output = into_closed_pipe(verify, "stdout");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));

    // An error told to a closed stderr still ends with status 1, not a panic.
    let mut failing = as_user(tha, "focal-point");
    failing.args(["request", "get", "00000000-0000-4000-8000-000000000000"]);
    assert_eq!(into_closed_pipe(failing, "stderr").status.code(), Some(1));
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reader_that_stops_early_ends_a_long_listing_quietly() {
    let federation = federation().await;
    let tha = federation.node("THA");
    let mut focal = federation.focal_point("THA").await;
    for i in 0..150 {
        liaison_tests::submit(
            &mut focal,
            liaison_tests::phone_check("KHM", &format!("+855123{i:05}")),
        )
        .await;
    }
    // The whole listing is larger than a pipe holds (64 KiB) and what the
    // reader below takes in (8 KiB) together, so the writer is still
    // writing when the reader goes away.
    let whole = liaison(tha, "focal-point", &["--json", "request", "list"]);
    assert!(whole.status.success());
    assert!(whole.stdout.len() > 96 * 1024, "{}", whole.stdout.len());

    // As `liaison --json request list | head -n 1`.
    let mut child = as_user(tha, "focal-point")
        .args(["--json", "request", "list"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(
        first.starts_with('{') && first.contains("\"request_id\""),
        "{first}"
    );
    // The reader is dropped here, closing the pipe.
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agreement_table_is_aligned_and_wraps_long_lists() {
    let federation = federation().await;
    let tha = federation.node("THA");
    let shown = liaison(tha, "admin", &["policy", "show", "KHM"]);
    let text = stdout(&shown);
    assert!(shown.status.success(), "{}", stderr(&shown));
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("THA's agreement with KHM, version 1"),
        "{text}"
    );
    let header = lines[1];
    let columns = [
        "CATEGORY",
        "FLOWS",
        "PURPOSES",
        "RELEASED FIELDS",
        "HANDLING",
        "RETENTION",
        "DAILY LIMIT",
    ];
    let starts: Vec<usize> = columns
        .iter()
        .map(|c| header.find(c).unwrap_or_else(|| panic!("{c}: {text}")))
        .collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{header}");

    // A rule is its first line and the lines below it that continue its
    // wrapped lists (nothing in the # and CATEGORY columns).
    let rule = |category: &str| -> Vec<&str> {
        let first = lines.iter().position(|l| l.contains(category)).unwrap();
        let mut rule = vec![lines[first]];
        rule.extend(
            lines[first + 1..]
                .iter()
                .take_while(|l| !l.trim().is_empty() && l[..starts[1]].trim().is_empty()),
        );
        rule
    };
    let column = |rule: &[&str], i: usize| -> String {
        rule.iter()
            .map(|l| {
                l.get(starts[i].min(l.len())..starts[i + 1].min(l.len()))
                    .unwrap_or("")
                    .trim()
            })
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };

    // Every value starts under its heading.
    let phone = rule("PHONE_CHECK");
    let row = phone[0];
    assert_eq!(row.find("PHONE_CHECK"), Some(starts[0]), "{text}");
    assert_eq!(row.find("KHM->THA,THA->KHM"), Some(starts[1]), "{text}");
    assert_eq!(row.find("INTELLIGENCE_ONLY"), Some(starts[4]), "{text}");
    assert!(row.ends_with("200"), "{text}");
    // All four purposes read `any`; five of the eight fields wrap over
    // lines that stay under their heading.
    assert_eq!(column(&phone, 2), "any", "{text}");
    assert!(phone.len() > 1, "{text}");
    let released = column(&phone, 3);
    for field in [
        "subscriber_name",
        "registration_date",
        "sim_status",
        "operator",
        "registered_address",
    ] {
        assert!(released.contains(field), "{field}: {text}");
    }
    assert!(!released.contains("location_history"), "{text}");
    // Two of four purposes are listed by name.
    let victim = rule("VICTIM_IDENTIFICATION");
    let purposes = column(&victim, 2);
    assert!(
        purposes.contains("VICTIM_ASSISTANCE") && purposes.contains("INVESTIGATION"),
        "{text}"
    );
    federation.shutdown().await;
}

#[test]
fn no_colour_codes_reach_a_pipe_or_a_no_color_user() {
    // CLICOLOR_FORCE would make clap colour even into a pipe; the CLI
    // colours only a terminal, and never with NO_COLOR.
    for (name, value) in [("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")] {
        for args in [
            &["--help"][..],
            &["request", "send", "--help"],
            &["request", "send", "--category", "phone"],
            &["request", "list", "--status", "lost"],
            &["--node", "127.0.0.1:7401", "--token", "t", "peers"],
            &["no-such-command"],
        ] {
            let output = bare().env(name, value).args(args).output().unwrap();
            let all = [output.stdout.as_slice(), output.stderr.as_slice()].concat();
            assert!(!all.is_empty(), "{args:?}");
            assert!(
                !String::from_utf8_lossy(&all).contains("\x1b["),
                "{name} {args:?}: {}",
                String::from_utf8_lossy(&all)
            );
        }
    }
}
