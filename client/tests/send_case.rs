//! One send to several countries: one request each, under each one's
//! agreement, in one case; several subjects with roles, shown back in the
//! detail view and in JSON.

#![allow(clippy::unwrap_used)]

mod common;

use common::{json_lines, liaison, stdout};
use liaison_tests::TestFederation;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_send_asks_several_countries_in_one_case_about_several_subjects() {
    let federation = TestFederation::start(&["THA", "KHM", "VNM"]).await;
    let tha = federation.node("THA");
    let output = liaison(
        tha,
        "focal-point",
        &[
            "--json",
            "request",
            "send",
            "--to",
            "KHM,VNM",
            "--category",
            "phone_check",
            "--purpose",
            "investigation",
            "--offence",
            "0204",
            "--phone",
            "suspect=+855 12 345 678",
            "--online",
            "suspect=telegram:@jobs_abroad_2026",
            "--imei",
            "490154203237518",
            "--case-reference",
            "TH-DSI-2026-0412",
            "--summary",
            "Recruiter of a scam compound",
        ],
    );
    let sent = json_lines(&output);
    assert_eq!(sent.len(), 2, "{sent:?}");
    let to: Vec<&str> = sent
        .iter()
        .map(|v| v["to_country"].as_str().unwrap())
        .collect();
    assert_eq!(to, vec!["KHM", "VNM"]);
    let case = sent[0]["case_id"].as_str().unwrap().to_string();
    assert_eq!(case.len(), 36);
    assert_eq!(sent[1]["case_id"], sent[0]["case_id"]);
    assert_eq!(sent[0]["case_reference"], "TH-DSI-2026-0412");
    let subjects = &sent[0]["subjects"];
    assert_eq!(
        subjects,
        &serde_json::json!([
            {"phone": {"number": "+85512345678"}, "role": "SUSPECT"},
            {"online_account": {"platform": "TELEGRAM", "handle": "@jobs_abroad_2026", "user_id": ""}, "role": "SUSPECT"},
            {"device": {"imei": "490154203237518", "model": ""}, "role": "UNKNOWN"},
        ])
    );
    assert_ne!(sent[0]["request_id"], sent[1]["request_id"]);

    // The detail view lists each subject with its role, and the case.
    let id = sent[1]["request_id"].as_str().unwrap();
    let shown = stdout(&liaison(tha, "focal-point", &["request", "get", id]));
    for line in [
        "subject   phone +85512345678  (suspect)",
        "          TELEGRAM account @jobs_abroad_2026  (suspect)",
        "          device IMEI 490154203237518",
        &format!("case      TH-DSI-2026-0412  {case}"),
    ] {
        assert!(shown.contains(line), "missing `{line}` in:\n{shown}");
    }

    // A third request joins the case by its id.
    let output = liaison(
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
            "--iban",
            "GB82 WEST 1234 5698 7654 32",
            "--case",
            &case,
        ],
    );
    let joined = json_lines(&output);
    assert_eq!(joined[0]["case_id"].as_str(), Some(case.as_str()));

    // A country without an agreement, second in the list: the first is
    // sent, and the error says which were and which was not.
    let output = liaison(
        tha,
        "focal-point",
        &[
            "request",
            "send",
            "--to",
            "KHM,LAO",
            "--category",
            "phone_check",
            "--purpose",
            "investigation",
            "--offence",
            "0204",
            "--phone",
            "+85512345679",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let text = common::stderr(&output);
    assert!(
        text.contains("sent to KHM (case ") && text.contains("not to LAO or after"),
        "{text}"
    );
    federation.shutdown().await;
}
