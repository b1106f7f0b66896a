//! The API works from another language: `tests/python/interop.py` (grpcio,
//! with code generated from `proto/` by grpcio-tools) submits a request to
//! a real node, answers it as the other country's agency, and reads the
//! signed answer back.
//!
//! Over TLS too: both nodes serve their local API on 127.0.0.2 with
//! `[local_tls]`; the asking focal point uses a token and the local CA,
//! the answering police's case system a client certificate and no token,
//! and health and reflection answer Python over the same TLS.
//!
//! The Python environment is [`liaison_tests::python`]'s.

use std::path::{Path, PathBuf};

use liaison_tests::local_api::{client_certificate, start_tls};
use liaison_tests::{TestFederation, python, repository};

/// Runs `tests/python/interop.py` with `args`, and returns the id of the
/// request it made after checking that THA holds it as answered.
async fn interop(federation: &TestFederation, args: &[&std::ffi::OsStr]) -> String {
    let root = repository();
    let output = tokio::process::Command::new(python())
        .arg(root.join("tests/python/interop.py"))
        .arg("--proto-dir")
        .arg(root.join("proto"))
        .args(args)
        .args(["--to", "KHM"])
        .output()
        .await
        .expect("the interop script runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The request Python made is a real one, answered in THA's store.
    let id = stdout
        .trim()
        .strip_prefix("interop ok ")
        .unwrap_or_else(|| panic!("unexpected output: {stdout}"))
        .to_string();
    let record = federation
        .node("THA")
        .running()
        .exchange()
        .get(&id)
        .expect("the request is in THA's store");
    assert_eq!(
        record.status,
        liaison_proto::domain::RequestStatus::Answered
    );
    id
}

/// Writes `contents` to `name` in `dir` and returns the path.
fn file(dir: &Path, name: &str, contents: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("written");
    path
}

#[tokio::test]
async fn a_python_grpcio_client_submits_answers_and_reads_an_exchange() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let dir = federation.dir.path();
    let asker_token = file(
        dir,
        "tha.token",
        &federation.node("THA").tokens["focal-point"],
    );
    let police_token = file(
        dir,
        "khm.token",
        &federation.node("KHM").tokens["police-officer"],
    );
    let asker = federation.node("THA").local_addr.to_string();
    let answerer = federation.node("KHM").local_addr.to_string();
    interop(
        &federation,
        &[
            "--asker".as_ref(),
            asker.as_ref(),
            "--asker-token-file".as_ref(),
            asker_token.as_os_str(),
            "--answerer".as_ref(),
            answerer.as_ref(),
            "--answerer-token-file".as_ref(),
            police_token.as_os_str(),
        ],
    )
    .await;
    federation.shutdown().await;
}

#[tokio::test]
async fn a_python_grpcio_client_works_over_tls_with_a_token_or_a_client_certificate() {
    let users = "\n[[users]]\nname = \"police-cms\"\nrole = \"agency:police\"\n\
                 certificate_subject = \"CN=police-cms,O=Royal Cambodian Police\"\n";
    let federation = start_tls(&["THA", "KHM"], "127.0.0.2", users).await;
    let dir = federation.dir.path();
    let tha = federation.node("THA");
    let khm = federation.node("KHM");
    let asker_token = file(dir, "tha.token", &tha.tokens["focal-point"]);
    let cms = client_certificate(khm, "police-cms", Some("Royal Cambodian Police"));
    let cert = file(dir, "police-cms.pem", &cms.cert_pem);
    let key = file(dir, "police-cms.key", &cms.key_pem);
    let asker = tha.local_addr.to_string();
    let answerer = khm.local_addr.to_string();
    assert!(asker.starts_with("127.0.0.2:") && answerer.starts_with("127.0.0.2:"));
    let id = interop(
        &federation,
        &[
            "--asker".as_ref(),
            asker.as_ref(),
            "--asker-token-file".as_ref(),
            asker_token.as_os_str(),
            "--asker-ca".as_ref(),
            tha.dir.join("local-tls/ca.pem").as_os_str(),
            "--answerer".as_ref(),
            answerer.as_ref(),
            "--answerer-ca".as_ref(),
            khm.dir.join("local-tls/ca.pem").as_os_str(),
            "--answerer-cert".as_ref(),
            cert.as_os_str(),
            "--answerer-key".as_ref(),
            key.as_os_str(),
        ],
    )
    .await;
    // KHM's audit log names the case system as the one that answered.
    let answered = liaison_tests::audit_events(&federation, "KHM", "request.answered");
    assert!(
        answered
            .iter()
            .any(|e| e.actor == "police-cms" && e.request_id.as_deref() == Some(id.as_str())),
        "{answered:?}"
    );
    federation.shutdown().await;
}
