//! The API works from another language: `tests/python/interop.py` (grpcio,
//! with code generated from `proto/` by grpcio-tools) submits a request to
//! a real node, answers it as the other country's agency, and reads the
//! signed answer back.
//!
//! The Python environment is [`liaison_tests::python`]'s.

use liaison_tests::{TestFederation, python, repository};

#[tokio::test]
async fn a_python_grpcio_client_submits_answers_and_reads_an_exchange() {
    let python = python();
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let token_file = |code: &str, user: &str| {
        let path = federation.dir.path().join(format!("{code}-{user}.token"));
        std::fs::write(&path, &federation.node(code).tokens[user]).expect("token written");
        path
    };
    let asker_token = token_file("THA", "focal-point");
    let police_token = token_file("KHM", "police-officer");
    let root = repository();
    let output = tokio::process::Command::new(&python)
        .arg(root.join("tests/python/interop.py"))
        .arg("--proto-dir")
        .arg(root.join("proto"))
        .arg("--asker")
        .arg(federation.node("THA").local_addr.to_string())
        .arg("--asker-token-file")
        .arg(&asker_token)
        .arg("--answerer")
        .arg(federation.node("KHM").local_addr.to_string())
        .arg("--answerer-token-file")
        .arg(&police_token)
        .arg("--to")
        .arg("KHM")
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
        .unwrap_or_else(|| panic!("unexpected output: {stdout}"));
    let record = federation
        .node("THA")
        .running()
        .exchange()
        .get(id)
        .expect("the request is in THA's store");
    assert_eq!(
        record.status,
        liaison_proto::domain::RequestStatus::Answered
    );
    federation.shutdown().await;
}
