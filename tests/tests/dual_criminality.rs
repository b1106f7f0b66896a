//! The dual-criminality indication across real nodes: Thailand names its
//! own offence with ICCS codes, Cambodia's officer sees whether Cambodia's
//! own national offences cover them (advice; a person decides), and an
//! agreement that requires it makes the officer record a decision before
//! answering. Also the national offences file at start and on reload.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use liaison_node::config::{Config, ConfigFile};
use liaison_node::devnet;
use liaison_node::policy::open_agreement;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::dual_criminality::Status;
use liaison_tests::{
    AgencyApi, PATIENCE, TestFederation, audit_events, await_status, country, export, id_of,
    outgoing_requests, phone_check, refused_submit, submit,
};
use tonic::Code;

/// Thailand's trafficking offence in its illustrative file.
const THA_TRAFFICKING: &str = "Anti-Trafficking in Persons Act B.E. 2551 (2008), s. 6";

/// Cambodia's trafficking offence in its illustrative file.
const KHM_TRAFFICKING: &str =
    "Law on Suppression of Human Trafficking and Sexual Exploitation (2008), art. 10";

/// The officer's reason for answering anyway: free text, never audited.
const REASON: &str = "Urgent: the compound's records will be wiped; fraud is an offence here too.";

/// `request` naming Thailand's offence `statute`.
fn naming(statute: &str, request: pb::NewRequest) -> pb::NewRequest {
    pb::NewRequest {
        national_offence: Some(pb::NationalOffence {
            statute: statute.into(),
            ..Default::default()
        }),
        ..request
    }
}

/// A phone check about fraud only (ICCS 0701), which Cambodia's
/// illustrative file does not map.
fn fraud_check(to: &str) -> pb::NewRequest {
    pb::NewRequest {
        offence_code: "0701".into(),
        more_offence_codes: Vec::new(),
        ..phone_check(to, "+85512345678")
    }
}

/// An evidence preservation request about `offence`.
fn preservation(to: &str, offence: &str) -> pb::NewRequest {
    pb::NewRequest {
        category: pb::Category::EvidencePreservation as i32,
        offence_code: offence.into(),
        more_offence_codes: Vec::new(),
        ..phone_check(to, "+85512345678")
    }
}

/// Every rule open, and EVIDENCE_PRESERVATION requiring dual criminality.
fn requiring(a: CountryCode, b: CountryCode) -> Option<liaison_node::policy::AgreementFile> {
    let mut agreement = open_agreement(a, b);
    for rule in &mut agreement.rules {
        if rule.category == "EVIDENCE_PRESERVATION" {
            rule.require_dual_criminality = true;
        }
    }
    Some(agreement)
}

/// Removes `node.national_offences` from the config at `path`.
fn without_offences(path: &Path) {
    let mut file: ConfigFile = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    file.node.national_offences = None;
    liaison_node::pki::write_config(path, &file).unwrap();
}

/// The assignment of request `id` to the officer's agency, once it is
/// there (requests assigned before it stay in the stream while open).
async fn assigned(police: &mut AgencyApi, id: &str) -> pb::RequestView {
    let wait = async {
        let mut stream = police
            .stream_assignments(pb::InboxFilter::default())
            .await
            .unwrap()
            .into_inner();
        while let Some(view) = stream.message().await.unwrap() {
            if id_of(&view) == id {
                return view;
            }
        }
        panic!("the assignment stream ended before {id} was assigned");
    };
    tokio::time::timeout(PATIENCE, wait).await.unwrap()
}

/// Waits until what node `code` has applied is durable, its audit entries
/// included (an assignment is streamed as soon as it is applied).
async fn settled(federation: &TestFederation, code: &str) {
    federation
        .node(code)
        .running()
        .exchange()
        .durable()
        .await
        .unwrap();
}

fn indication(view: &pb::RequestView) -> &pb::DualCriminality {
    view.dual_criminality
        .as_ref()
        .expect("an incoming request carries the indication")
}

async fn answer(
    police: &mut AgencyApi,
    id: &str,
    decision: &str,
) -> Result<pb::RequestView, tonic::Status> {
    police
        .answer(pb::AnswerCall {
            request_id: id.into(),
            fields: vec![pb::Field {
                name: "preservation_status".into(),
                value: "preserved".into(),
                subject: 0,
            }],
            dual_criminality_decision: decision.into(),
            ..Default::default()
        })
        .await
        .map(tonic::Response::into_inner)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_officer_sees_met_with_the_national_offence_that_matched() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;
    let mut police = federation.agency("KHM", "police").await;

    let id = submit(
        &mut focal,
        naming(THA_TRAFFICKING, phone_check("KHM", "+85512345678")),
    )
    .await;
    let view = assigned(&mut police, &id).await;
    // Thailand's own offence arrives signed, with the titles of its file.
    let sent = view
        .request
        .as_ref()
        .unwrap()
        .national_offence
        .clone()
        .unwrap();
    assert_eq!(sent.statute, THA_TRAFFICKING);
    assert_eq!(sent.title_en, "Trafficking in persons");
    // Cambodia's indication: its own offence under 0204.
    let d = indication(&view);
    assert_eq!(d.status, Status::Met as i32, "{d:?}");
    assert_eq!(d.request_code, "0204");
    assert_eq!(d.matched.len(), 1, "{d:?}");
    assert_eq!(d.matched[0].statute, KHM_TRAFFICKING);
    assert_eq!(d.matched[0].iccs_code, "0204");
    assert!(d.note.starts_with("advice; a person decides"), "{}", d.note);
    // The same in the officer's full view of the assignment.
    let assignment = police
        .get(pb::RequestRef {
            request_id: id.clone(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(indication(assignment.view.as_ref().unwrap()), d);
    // The audit log names the status and the statute, nothing personal.
    settled(&federation, "KHM").await;
    let entries = audit_events(&federation, "KHM", "request.assigned");
    assert_eq!(entries.len(), 1);
    assert!(
        entries[0].detail.contains("dual criminality MET")
            && entries[0].detail.contains(KHM_TRAFFICKING),
        "{}",
        entries[0].detail
    );
    // The sender's own view of its request carries no indication.
    let mine = liaison_tests::view_of(&mut focal, &id).await;
    assert!(mine.dual_criminality.is_none());

    // Fraud alone: Cambodia's file maps nothing to it or above or below it.
    let fraud = submit(&mut focal, fraud_check("KHM")).await;
    let view = assigned(&mut police, &fraud).await;
    let d = indication(&view);
    assert_eq!(d.status, Status::NotEstablished as i32, "{d:?}");
    assert!(d.matched.is_empty() && d.request_code.is_empty(), "{d:?}");
    assert!(view.request.unwrap().national_offence.is_none());
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_mapping_dual_criminality_is_not_established() {
    let federation =
        TestFederation::start_prepared(&["THA", "KHM"], &devnet::open_agreements, |planned| {
            if planned.node.country == country("KHM") {
                without_offences(&planned.node.config_path);
            }
        })
        .await;
    let mut focal = federation.focal_point("THA").await;
    let mut police = federation.agency("KHM", "police").await;
    let id = submit(
        &mut focal,
        naming(THA_TRAFFICKING, phone_check("KHM", "+85512345678")),
    )
    .await;
    let view = assigned(&mut police, &id).await;
    let d = indication(&view);
    assert_eq!(d.status, Status::NotEstablished as i32, "{d:?}");
    assert!(d.matched.is_empty(), "{d:?}");
    assert!(d.note.contains("no national offences"), "{}", d.note);
    settled(&federation, "KHM").await;
    let entries = audit_events(&federation, "KHM", "request.assigned");
    assert!(
        entries[0]
            .detail
            .ends_with("dual criminality NOT_ESTABLISHED"),
        "{}",
        entries[0].detail
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rule_requiring_dual_criminality_needs_the_officers_recorded_decision() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &requiring).await;
    let mut focal = federation.focal_point("THA").await;
    let mut police = federation.agency("KHM", "police").await;

    // Fraud is not established in Cambodia's file.
    let id = submit(&mut focal, preservation("KHM", "0701")).await;
    let view = assigned(&mut police, &id).await;
    assert_eq!(indication(&view).status, Status::NotEstablished as i32);

    let refused = answer(&mut police, &id, "").await.unwrap_err();
    assert_eq!(refused.code(), Code::FailedPrecondition, "{refused:?}");
    assert!(
        refused
            .message()
            .starts_with("field `dual_criminality_decision`:")
            && refused
                .message()
                .contains("(EVIDENCE_PRESERVATION) requires dual criminality"),
        "{}",
        refused.message()
    );
    let too_short = answer(&mut police, &id, "ok").await.unwrap_err();
    assert_eq!(too_short.code(), Code::InvalidArgument, "{too_short:?}");
    assert!(
        too_short
            .message()
            .starts_with("field `dual_criminality_decision`:"),
        "{}",
        too_short.message()
    );
    // Nothing changed: the request still waits, nothing was overridden.
    let exchange = federation.node("KHM").running().exchange().clone();
    let record = exchange.get(&id).unwrap();
    assert_eq!(
        record.status,
        liaison_proto::domain::RequestStatus::Assigned
    );
    assert!(record.dual_criminality_decision.is_none());
    assert!(audit_events(&federation, "KHM", "dual_criminality.overridden").is_empty());

    // With the officer's decision it goes through.
    let answered = answer(&mut police, &id, REASON).await.unwrap();
    assert_eq!(answered.status, pb::RequestStatus::Answered as i32);
    // The officer's view shows the decision recorded.
    let shown = answered.dual_criminality_decision.clone().unwrap();
    assert_eq!(
        (shown.by.as_str(), shown.reason.as_str()),
        ("police-officer", REASON)
    );
    assert!(shown.rule.contains("EVIDENCE_PRESERVATION"), "{shown:?}");
    await_status(&mut focal, &id, pb::RequestStatus::Answered).await;
    let decision = exchange
        .get(&id)
        .unwrap()
        .dual_criminality_decision
        .unwrap();
    assert_eq!(
        (decision.by.as_str(), decision.reason.as_str()),
        ("police-officer", REASON)
    );
    let overridden = audit_events(&federation, "KHM", "dual_criminality.overridden");
    assert_eq!(overridden.len(), 1);
    assert_eq!(overridden[0].actor, "police-officer");
    assert_eq!(overridden[0].request_id.as_deref(), Some(id.as_str()));
    assert!(
        overridden[0].detail.contains("(EVIDENCE_PRESERVATION)")
            && overridden[0].detail.contains("sha256 "),
        "{}",
        overridden[0].detail
    );
    // The reason is free text: it is in no audit entry.
    let log = export(&mut federation.auditor("KHM").await).await;
    assert!(!log.contains("wiped"), "the reason reached the audit log");

    // Trafficking is established: no decision needed. And refusing never
    // needs one.
    let met = submit(&mut focal, preservation("KHM", "0204")).await;
    assigned(&mut police, &met).await;
    answer(&mut police, &met, "").await.unwrap();
    let other = submit(&mut focal, preservation("KHM", "0701")).await;
    assigned(&mut police, &other).await;
    police
        .refuse(pb::RefuseCall {
            request_id: other,
            reason: pb::RefusalReason::NoLegalBasis as i32,
            explanation: String::new(),
        })
        .await
        .unwrap();
    assert_eq!(
        audit_events(&federation, "KHM", "dual_criminality.overridden").len(),
        1
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_statute_not_in_the_senders_file_is_refused_and_nothing_is_sent() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;
    refused_submit(
        &mut focal,
        naming("Penal Code s. 9999", phone_check("KHM", "+85512345678")),
        "unknown statute",
        "national_offence.statute",
        "is not a statute of this node's national offences",
    )
    .await;
    refused_submit(
        &mut focal,
        naming("", phone_check("KHM", "+85512345678")),
        "empty statute",
        "national_offence.statute",
        "is required",
    )
    .await;
    assert!(outgoing_requests(&federation, "THA").is_empty());
    federation.shutdown().await;
}

/// A generated THA node's directory and config path.
fn generated() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let planned = devnet::plan(dir.path(), &[country("THA"), country("KHM")]).unwrap();
    let path = planned[0].node.config_path.clone();
    (dir, path)
}

#[test]
fn a_bad_offences_file_stops_the_node_naming_the_file_and_key() {
    let (_dir, path) = generated();
    let offences = path.with_file_name(devnet::OFFENCES_FILE);
    let config = Config::load(&path).unwrap();
    let map = config.national_offences.as_ref().unwrap();
    assert!(map.get(THA_TRAFFICKING).is_some());

    let original = std::fs::read_to_string(&offences).unwrap();
    for (text, key, rule) in [
        (
            original.replacen("iccs = [\"0701\"]", "iccs = [\"0106\"]", 1),
            "offences[2].iccs[0]",
            "not an ICCS code Liaison knows",
        ),
        (
            original.replacen("Penal Code s. 341", "Penal Code s. 312", 1),
            "offences[2].statute",
            "listed twice",
        ),
        (
            original.replacen("title_en = \"Enslavement\"\n", "", 1),
            "offences[1].title_en",
            "missing field",
        ),
    ] {
        std::fs::write(&offences, text).unwrap();
        let error = Config::load(&path).unwrap_err();
        assert_eq!(error.file, offences, "{error}");
        assert_eq!(error.key, key, "{error}");
        assert!(error.problem.contains(rule), "{error}");
    }
    std::fs::remove_file(&offences).unwrap();
    let error = Config::load(&path).unwrap_err();
    assert_eq!(error.key, "node.national_offences", "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_with_a_bad_offences_file_keeps_the_mapping_in_force() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let node = federation.node("KHM");
    let offences = node.dir.join(devnet::OFFENCES_FILE);
    let original = std::fs::read_to_string(&offences).unwrap();
    let mut focal = federation.focal_point("THA").await;
    let mut police = federation.agency("KHM", "police").await;

    std::fs::write(
        &offences,
        original.replacen("iccs = [\"0204\"]", "iccs = []", 1),
    )
    .unwrap();
    let error = node.running().reload().await.unwrap_err().to_string();
    assert!(
        error.contains(devnet::OFFENCES_FILE) && error.contains("offences[0].iccs"),
        "{error}"
    );
    let failed = audit_events(&federation, "KHM", "config.reload_failed");
    assert_eq!(failed.len(), 1);
    // The old mapping is in force.
    let first = submit(&mut focal, phone_check("KHM", "+85512345678")).await;
    let d = indication(&assigned(&mut police, &first).await).clone();
    assert_eq!(
        (d.status, d.matched[0].statute.as_str()),
        (Status::Met as i32, KHM_TRAFFICKING)
    );

    // A good change applies, audited.
    std::fs::write(
        &offences,
        format!(
            "{original}\n[[offences]]\nstatute = \"Example Act s. 1 (a test fixture)\"\ntitle = \"Fraud\"\n\
             title_en = \"Fraud\"\niccs = [\"0701\"]\n"
        ),
    )
    .unwrap();
    let changes = node.running().reload().await.unwrap();
    assert_eq!(changes, ["national offences: 2 offences"]);
    let reloaded = audit_events(&federation, "KHM", "config.reloaded");
    assert_eq!(reloaded[0].detail, "national offences: 2 offences");
    let fraud = submit(&mut focal, fraud_check("KHM")).await;
    let d = indication(&assigned(&mut police, &fraud).await).clone();
    assert_eq!(
        (d.status, d.matched[0].statute.as_str()),
        (Status::Met as i32, "Example Act s. 1 (a test fixture)")
    );
    federation.shutdown().await;
}
