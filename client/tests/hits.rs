//! The `liaison indicators` and `liaison hit` commands against real nodes:
//! Cambodia's police import a list from a CSV file, Thailand's focal point
//! checks numbers from a file, a hit's id becomes `request send
//! --follow-up`, and a bad line is named by its line number, never quoted.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

mod common;

use common::{json_lines, liaison, stderr, stdout};
use liaison_node::policy::HitChecksSection;
use liaison_proto::domain::CountryCode;

fn agreements(
    holder: CountryCode,
    peer: CountryCode,
) -> Option<liaison_node::policy::AgreementFile> {
    let mut agreement = liaison_node::policy::open_agreement(holder, peer);
    agreement.hit_checks = vec![HitChecksSection {
        flow: "THA->KHM".into(),
        lists: vec!["police/compound-numbers".into()],
        kinds: vec!["phone".into()],
        daily_quota: 100,
    }];
    Some(agreement)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lists_are_imported_checked_and_followed_up_from_the_cli() {
    let federation = liaison_tests::TestFederation::start_with(&["THA", "KHM"], &agreements).await;
    let (tha, khm) = (federation.node("THA"), federation.node("KHM"));
    let dir = tempfile::tempdir().unwrap();

    // A line that is not a number is named by its line, without its text.
    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "value,reference,added\n+85512345678,KH-1,2026-11-02\n\"+999 555 0100\",KH-2,\n",
    )
    .unwrap();
    let bad = bad.display().to_string();
    let args = |file: &str| {
        vec![
            "indicators".to_string(),
            "import".into(),
            "--agency".into(),
            "police".into(),
            "--list".into(),
            "compound-numbers".into(),
            "--kind".into(),
            "phone".into(),
            file.to_string(),
        ]
    };
    let refused = liaison(
        khm,
        "police-officer",
        &args(&bad).iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(!refused.status.success());
    let message = stderr(&refused);
    assert!(message.contains("line 3"), "{message}");
    assert!(!message.contains("555 0100"), "{message}");

    let good = dir.path().join("numbers.csv");
    std::fs::write(
        &good,
        "value,reference,added\n+855 12 345 678,KH-POL-1,2026-11-02\n\"+855 12 345 679\",KH-POL-2,\n",
    )
    .unwrap();
    let good = good.display().to_string();
    let mut import = vec!["--json".to_string()];
    import.extend(args(&good));
    let imported = liaison(
        khm,
        "police-officer",
        &import.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    let summary = &json_lines(&imported)[0];
    assert_eq!(summary["added"], 2);
    assert_eq!(summary["counts"]["phone"], 2);
    let listed = liaison(khm, "auditor", &["indicators", "summary"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert!(
        stdout(&listed).contains("compound-numbers"),
        "{}",
        stdout(&listed)
    );

    // Thailand checks two numbers from a file: one listed, one not.
    let contacts = dir.path().join("contacts.txt");
    std::fs::write(&contacts, "+85512345678\n+85512345670\n").unwrap();
    let checked = liaison(
        tha,
        "focal-point",
        &[
            "--json",
            "hit",
            "check",
            "--peer",
            "KHM",
            "--kind",
            "phone",
            "--file",
            &contacts.display().to_string(),
        ],
    );
    assert!(checked.status.success(), "{}", stderr(&checked));
    let results = json_lines(&checked);
    assert_eq!(results.len(), 2, "{results:?}");
    assert_eq!(results[0]["hit"], true);
    assert_eq!(results[0]["records"][0]["reference"], "KH-POL-1");
    assert_eq!(results[1]["hit"], false);
    assert_eq!(results[0]["quota_left"], 98);
    let hit_id = results[0]["hit_id"].as_str().unwrap().to_string();

    // The follow-up goes to the hit's country without --to.
    let sent = liaison(
        tha,
        "focal-point",
        &[
            "--json",
            "request",
            "send",
            "--follow-up",
            &hit_id,
            "--category",
            "phone_check",
            "--purpose",
            "investigation",
            "--offence",
            "0204",
            "--deadline",
            "72h",
        ],
    );
    assert!(sent.status.success(), "{}", stderr(&sent));
    let mut officer = federation.agency("KHM", "police").await;
    let assigned = liaison_tests::next_assignment(&mut officer).await;
    let request = assigned.request.unwrap();
    assert_eq!(request.hit.unwrap().reference, "KH-POL-1");

    // A focal point may not import.
    let denied = liaison(
        tha,
        "focal-point",
        &args(&good).iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert!(!denied.status.success());
    assert!(
        stderr(&denied).contains("PERMISSION_DENIED"),
        "{}",
        stderr(&denied)
    );
    federation.shutdown().await;
}
