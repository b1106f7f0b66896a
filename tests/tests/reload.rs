//! Reloading a running node's configuration (what SIGHUP does): a changed
//! agreement is in force for the next request, an unchanged file records
//! nothing, and a file that does not load, or a change that needs a
//! restart, leaves the running configuration as it was, audited and shown
//! in the metrics.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_proto::pb;
use liaison_tests::{TestFederation, agreement, audit_events, await_status, phone_check, submit};
use tonic::Code;

fn company_check(to: &str) -> pb::NewRequest {
    pb::NewRequest {
        category: pb::Category::CompanyCheck as i32,
        subject: Some(pb::Subject {
            kind: Some(pb::subject::Kind::Company(pb::Company {
                name: "Shell Co".into(),
                ..Default::default()
            })),
            ..Default::default()
        }),
        ..phone_check(to, "+85512345678")
    }
}

/// The agreement between THA and KHM at `version`, with rules for `categories`.
fn between(version: u64, categories: &[pb::Category]) -> liaison_node::policy::AgreementFile {
    let rules: Vec<liaison_tests::RuleSpec<'_>> = categories
        .iter()
        .map(|c| {
            let spec: liaison_tests::RuleSpec<'_> =
                (*c, &["THA->KHM"], &[pb::Purpose::Investigation], &[]);
            spec
        })
        .collect();
    agreement("THA", "KHM", version, 50, &rules)
}

async fn metric(federation: &TestFederation, code: &str, prefix: &str) -> Option<f64> {
    federation
        .metrics(code)
        .await
        .lines()
        .find(|line| line.starts_with(prefix))
        .and_then(|line| line.rsplit(' ').next()?.parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_puts_a_changed_agreement_in_force_and_keeps_the_old_one_on_error() {
    let agreements = |_: liaison_proto::domain::CountryCode,
                      _: liaison_proto::domain::CountryCode| {
        Some(between(1, &[pb::Category::PhoneCheck]))
    };
    let federation = TestFederation::start_with(&["THA", "KHM"], &agreements).await;
    let node = federation.node("THA");
    let file = node.dir.join("agreements/khm.toml");
    let mut focal = federation.focal_point("THA").await;
    let first = submit(&mut focal, phone_check("KHM", "+85512345678")).await;
    // Settled: Thailand holds Cambodia's receipt, so its log grows no more.
    await_status(&mut focal, &first, pb::RequestStatus::Sent).await;
    let v1 = node
        .config()
        .agreement_with("KHM".parse().unwrap())
        .unwrap()
        .hash;

    // Nothing changed: nothing is recorded.
    let entries = node
        .running()
        .exchange()
        .records()
        .audit_entries()
        .unwrap()
        .len();
    assert!(node.running().reload().await.unwrap().is_empty());
    assert_eq!(
        node.running()
            .exchange()
            .records()
            .audit_entries()
            .unwrap()
            .len(),
        entries
    );

    // A new version of the agreement: company checks, no more phone checks.
    std::fs::write(
        &file,
        toml::to_string(&between(2, &[pb::Category::CompanyCheck])).unwrap(),
    )
    .unwrap();
    let changes = node.running().reload().await.unwrap();
    let v2 = node
        .config()
        .agreement_with("KHM".parse().unwrap())
        .unwrap()
        .hash;
    let expected = format!(
        "agreement with KHM v1 ({}) -> v2 ({})",
        hex::encode(v1),
        hex::encode(v2)
    );
    assert_eq!(changes, std::slice::from_ref(&expected));
    let reloaded = audit_events(&federation, "THA", "config.reloaded");
    assert_eq!(reloaded.len(), 1);
    assert_eq!(reloaded[0].detail, expected);
    let refused = focal
        .submit(phone_check("KHM", "+85512345678"))
        .await
        .unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied, "{refused:?}");
    submit(&mut focal, company_check("KHM")).await;

    // A broken file: the reload is refused and the running rules stay.
    std::fs::write(
        &file,
        "parties = [\"THA\", \"KHM\"]\nversion = 3\n[[rules]]\ncategory = \"NOT_A_CATEGORY\"\n",
    )
    .unwrap();
    let error = node.running().reload().await.unwrap_err().to_string();
    assert!(error.contains("khm.toml"), "{error}");
    assert!(error.contains("rules[0]"), "{error}");
    let failed = audit_events(&federation, "THA", "config.reload_failed");
    assert_eq!(failed.len(), 1);
    assert!(
        failed[0].detail.contains("khm.toml"),
        "{}",
        failed[0].detail
    );
    assert_eq!(
        metric(&federation, "THA", "liaison_config_reload_failed ").await,
        Some(1.0)
    );
    assert_eq!(
        metric(
            &federation,
            "THA",
            "liaison_config_reloads_total{outcome=\"refused\"}"
        )
        .await,
        Some(1.0)
    );
    submit(&mut focal, company_check("KHM")).await;
    let still = focal
        .submit(phone_check("KHM", "+85512345678"))
        .await
        .unwrap_err();
    assert_eq!(still.code(), Code::PermissionDenied);
    assert!(still.message().contains("THA-KHM v2"), "{still:?}");

    // A change that needs a restart is refused as a whole.
    std::fs::write(
        &file,
        toml::to_string(&between(3, &[pb::Category::PhoneCheck])).unwrap(),
    )
    .unwrap();
    let text = std::fs::read_to_string(&node.config_path).unwrap();
    let mut table: toml::Table = toml::from_str(&text).unwrap();
    table["node"]
        .as_table_mut()
        .unwrap()
        .insert("witness_interval_secs".into(), toml::Value::Integer(77));
    let moved = toml::to_string(&table).unwrap();
    std::fs::write(&node.config_path, &moved).unwrap();
    let error = node.running().reload().await.unwrap_err().to_string();
    assert!(
        error.contains("node.witness_interval_secs changed; restart"),
        "{error}"
    );
    // The running configuration is still the one before.
    let running = node.running().exchange().config();
    assert_eq!(
        running
            .agreement_with("KHM".parse().unwrap())
            .unwrap()
            .version,
        2
    );

    // Fixed: the next reload applies, and the alarm clears.
    std::fs::write(&node.config_path, &text).unwrap();
    let changes = node.running().reload().await.unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(
        metric(&federation, "THA", "liaison_config_reload_failed ").await,
        Some(0.0)
    );
    submit(&mut focal, phone_check("KHM", "+85512345678")).await;
    federation.shutdown().await;
}
