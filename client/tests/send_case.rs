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

/// The victim-identification flags of `request send` for a Vietnamese
/// possible victim, to `to`, plus `more`.
fn victim_args<'a>(to: &'a str, category: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--json",
        "request",
        "send",
        "--to",
        to,
        "--category",
        category,
        "--purpose",
        "victim_assistance",
        "--offence",
        "0204",
        "--person",
        "possible_victim=Nguyen Van A",
        "--nationality",
        "VNM",
        "--indicator",
        "deception",
        "--legal-basis",
        "actip",
    ];
    args.extend_from_slice(more);
    args
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn legal_bases_non_punishment_and_victim_status_from_the_command_line() {
    let federation = TestFederation::start(&["THA", "VNM"]).await;
    let tha = federation.node("THA");
    // The node's default non-punishment provision is cited; the basis is
    // put in normal form.
    let output = liaison(
        tha,
        "focal-point",
        &victim_args("VNM", "victim_identification", &[]),
    );
    let sent = common::json_record(&output);
    assert_eq!(sent["legal_bases"], serde_json::json!(["ACTIP"]));
    assert_eq!(sent["non_punishment"]["provision"], "ACTIP_ART_14_7");
    let id = sent["request_id"].as_str().unwrap().to_string();
    // The detail view shows the principle on its first line, then the
    // basis with its title.
    let shown = stdout(&liaison(tha, "focal-point", &["request", "get", &id]));
    assert!(
        shown.starts_with("NON-PUNISHMENT  a possible victim of trafficking")
            && shown.lines().next().unwrap().contains("ACTIP art. 14(7)"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "legal     ACTIP (ASEAN Convention against Trafficking in Persons, Especially Women and Children)"
        ),
        "{shown}"
    );

    // A victim-status notification follows it, to the person's country.
    let output = liaison(
        tha,
        "focal-point",
        &victim_args(
            "VNM",
            "case_notification",
            &["--victim-status", "confirmed", "--follows", &id],
        ),
    );
    let notice = common::json_record(&output);
    assert_eq!(notice["victim_status"], "CONFIRMED");
    assert_eq!(notice["follows_request_id"], id.as_str());
    let notice_id = notice["request_id"].as_str().unwrap();
    let shown = stdout(&liaison(tha, "focal-point", &["request", "get", notice_id]));
    assert!(
        shown.contains(&format!(
            "victim    status CONFIRMED, following request {id}"
        )),
        "{shown}"
    );

    // An unknown basis is refused before anything is sent, naming the
    // flag and the codes; --victim-status needs --follows.
    let before = liaison_tests::outgoing_requests(&federation, "THA").len();
    let output = liaison(
        tha,
        "focal-point",
        &victim_args(
            "VNM",
            "victim_identification",
            &["--legal-basis", "magna_carta"],
        ),
    );
    assert_eq!(output.status.code(), Some(2));
    let text = common::stderr(&output);
    assert!(
        text.contains("--legal-basis") && text.contains("UNTOC_ART_27"),
        "{text}"
    );
    let output = liaison(
        tha,
        "focal-point",
        &victim_args(
            "VNM",
            "case_notification",
            &["--victim-status", "confirmed"],
        ),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(common::stderr(&output).contains("--follows"));
    assert_eq!(
        liaison_tests::outgoing_requests(&federation, "THA").len(),
        before
    );
    federation.shutdown().await;
}
