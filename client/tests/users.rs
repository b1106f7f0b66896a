//! `liaison users`: an admin adds a person, lists people, resets a
//! password and issues a token, each secret printed once with the warning
//! that goes with it; the token works with the CLI; bad input and a
//! non-admin are refused with the field or the status.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

mod common;

use common::{bare, json_error, json_record, liaison, stderr, stdout};
use liaison_tests::TestFederation;

/// The secret on the line starting with `label`.
fn secret(text: &str, label: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no `{label}` line in {text}"));
    line[label.len()..].trim().to_string()
}

fn succeeded(output: &std::process::Output) -> String {
    assert!(output.status.success(), "{}", stderr(output));
    stdout(output)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_admin_adds_lists_resets_and_issues_tokens_from_the_cli() {
    let federation = TestFederation::start(&["THA"]).await;
    let tha = federation.node("THA");

    let added = succeeded(&liaison(
        tha,
        "admin",
        &["users", "add", "somchai", "--role", "focal_point"],
    ));
    assert!(
        added.starts_with("somchai (focal_point/somchai)\n"),
        "{added}"
    );
    let password = secret(&added, "one-time password:");
    assert_eq!(password.chars().count(), 24, "{added}");
    assert!(
        added.contains("shown once: hand it over privately")
            && added.contains("somchai must change it at the first sign-in"),
        "{added}"
    );
    succeeded(&liaison(
        tha,
        "admin",
        &["users", "add", "malee", "--role", "agency:police"],
    ));

    let list = succeeded(&liaison(tha, "admin", &["users", "list"]));
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 3, "{list}");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(
        header,
        ["LOGIN", "ROLE", "STATE", "2FA", "TOKENS", "CREATED"],
        "{list}"
    );
    // By login: malee, then somchai; columns aligned under their headers.
    assert!(lines[1].starts_with("malee "), "{list}");
    assert!(lines[2].starts_with("somchai "), "{list}");
    let role_column = lines[0].find("ROLE").unwrap();
    assert_eq!(&lines[2][role_column..role_column + 11], "focal_point");
    assert!(lines[2].contains("one-time password"), "{list}");
    assert!(!list.contains(&password));

    let reset = succeeded(&liaison(
        tha,
        "admin",
        &["users", "reset-password", "somchai", "--remove-totp"],
    ));
    let new_password = secret(&reset, "one-time password:");
    assert_eq!(new_password.chars().count(), 24);
    assert_ne!(new_password, password);
    assert!(reset.contains("shown once"), "{reset}");

    // A token, shown once; the CLI works with it as the person.
    let issued = succeeded(&liaison(tha, "admin", &["users", "token", "somchai"]));
    let token = secret(&issued, "token:");
    assert!(issued.contains("shown once"), "{issued}");
    let whoami = bare()
        .args([
            "--node",
            &format!("http://{}", tha.local_addr),
            "--json",
            "whoami",
        ])
        .env("LIAISON_TOKEN", &token)
        .output()
        .unwrap();
    let identity = json_record(&whoami);
    assert_eq!(identity["user"], "focal_point/somchai");
    assert_eq!(identity["role"], "focal_point");

    // JSON: one object per person, with no secret in a listing.
    let listed = liaison(tha, "admin", &["--json", "users", "list"]);
    let text = stdout(&listed);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.contains("\"identity\":\"focal_point/somchai\""),
        "{text}"
    );
    assert!(text.contains("\"tokens\":1"), "{text}");
    assert!(!text.contains(&token) && !text.contains(&new_password));

    // Revoked, the token no longer works.
    let revoked = succeeded(&liaison(
        tha,
        "admin",
        &["users", "token", "somchai", "--revoke-all"],
    ));
    assert_eq!(
        revoked,
        "somchai (focal_point/somchai): every token revoked\n"
    );
    let whoami = bare()
        .args([
            "--node",
            &format!("http://{}", tha.local_addr),
            "--json",
            "whoami",
        ])
        .env("LIAISON_TOKEN", &token)
        .output()
        .unwrap();
    assert_eq!(json_error(&whoami)["status"], "UNAUTHENTICATED");

    // Bad input names the field; a non-admin is denied.
    let bad = json_error(&liaison(
        tha,
        "admin",
        &[
            "--json",
            "users",
            "add",
            "Bad Name",
            "--role",
            "focal_point",
        ],
    ));
    assert_eq!(bad["status"], "INVALID_ARGUMENT");
    assert_eq!(bad["field"], "login", "{bad}");
    let bad = json_error(&liaison(
        tha,
        "admin",
        &["--json", "users", "set-role", "somchai", "agency:nosuch"],
    ));
    assert_eq!(bad["status"], "INVALID_ARGUMENT");
    assert_eq!(bad["field"], "role", "{bad}");
    let denied = json_error(&liaison(tha, "focal-point", &["--json", "users", "list"]));
    assert_eq!(denied["status"], "PERMISSION_DENIED");
}
