//! Answers per subject from the command line: the officer sees which
//! subject is which in `agency get`, gives a field for a subject with
//! `--field SUBJECT:NAME=VALUE` (bare `NAME=VALUE` is the first subject),
//! and the requester's `request get` shows each value under its subject.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

mod common;

use common::{json_error, json_record, liaison, stderr, stdout};
use liaison_proto::domain::RequestStatus;
use liaison_tests::{TestFederation, wait_for_record};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_officer_answers_fields_per_subject_and_the_requester_sees_them_grouped() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let (tha, khm) = (federation.node("THA"), federation.node("KHM"));
    let sent = json_record(&liaison(
        tha,
        "focal-point",
        &[
            "--json",
            "request",
            "send",
            "--to",
            "KHM",
            "--category",
            "wallet_trace",
            "--purpose",
            "investigation",
            "--offence",
            "0204",
            "--wallet",
            "suspect=TRON:T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb",
            "--iban",
            "GB82 WEST 1234 5698 7654 32",
            "--want",
            "exchange_name",
            "--want",
            "kyc_name",
            "--summary",
            "Compound payouts",
        ],
    ));
    let id = sent["request_id"].as_str().unwrap().to_string();
    wait_for_record(khm.running().exchange(), &id, |r| {
        r.status == RequestStatus::Assigned
    })
    .await;

    // The dry run numbers the subjects as `--field` takes them.
    let shown = stdout(&liaison(khm, "fiu-officer", &["agency", "get", &id]));
    for line in [
        "per subject (agency answer --field SUBJECT:NAME=VALUE)",
        "          subject 0 (WALLET, suspect): releases exchange_name, kyc_name; withholds -",
        "          subject 1 (BANK_ACCOUNT): releases exchange_name, kyc_name; withholds -",
    ] {
        assert!(shown.contains(line), "missing `{line}` in:\n{shown}");
    }

    // A subject position that is no number is a usage error naming the
    // option; one the request does not have is refused by the node, naming
    // the field. Neither is answered.
    let usage = liaison(
        khm,
        "fiu-officer",
        &["agency", "answer", &id, "--field", "one:kyc_name=x"],
    );
    assert_eq!(usage.status.code(), Some(2), "{}", stderr(&usage));
    assert!(stderr(&usage).contains("--field"), "{}", stderr(&usage));
    let beyond = json_error(&liaison(
        khm,
        "fiu-officer",
        &[
            "--json",
            "agency",
            "answer",
            &id,
            "--field",
            "2:kyc_name=SECRET",
        ],
    ));
    assert_eq!(beyond["status"], "INVALID_ARGUMENT", "{beyond}");
    assert_eq!(beyond["field"], "fields[0].subject", "{beyond}");
    assert!(!beyond.to_string().contains("SECRET"), "{beyond}");

    let answered = liaison(
        khm,
        "fiu-officer",
        &[
            "agency",
            "answer",
            &id,
            "--field",
            "exchange_name=Huobi",
            "--field",
            "1:kyc_name=Shell Co Ltd: payroll",
        ],
    );
    assert!(answered.status.success(), "{}", stderr(&answered));
    wait_for_record(tha.running().exchange(), &id, |r| {
        r.status == RequestStatus::Answered
    })
    .await;

    // Each value under its subject: position, kind and role.
    let shown = stdout(&liaison(tha, "focal-point", &["request", "get", &id]));
    let expected = "          subject 0 (WALLET, suspect)\n\
                    \x20           exchange_name = Huobi\n\
                    \x20         subject 1 (BANK_ACCOUNT)\n\
                    \x20           kyc_name = Shell Co Ltd: payroll\n";
    assert!(shown.contains(expected), "missing\n{expected}in:\n{shown}");
    let json = json_record(&liaison(
        tha,
        "focal-point",
        &["--json", "request", "get", &id],
    ));
    let fields = &json["answer"]["outcome"]["released"]["fields"];
    assert_eq!(
        fields,
        &serde_json::json!([
            {"subject": 0, "name": "exchange_name", "value": "Huobi"},
            {"subject": 1, "name": "kyc_name", "value": "Shell Co Ltd: payroll"},
        ]),
        "{json}"
    );
    federation.shutdown().await;
}
