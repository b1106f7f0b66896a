//! Legal grounds across real nodes: the legal bases a request names,
//! checked against both countries' agreements; the non-punishment principle
//! every request about a possible victim carries, signed, shown to the
//! receiving officer and audited by its code; and the victim-status
//! notification that confirms or withdraws a victim status with the
//! victim-protection agency of the person's country.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_node::policy::{AgreementFile, open_agreement};
use liaison_node::records::RequestRecord;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_tests::local_api::edit_config;
use liaison_tests::{
    TestFederation, audit_events, id_of, outgoing_requests, phone_check, refused_submit,
    victim_identification, wait_for_record,
};
use tonic::Code;

/// Waits until `country`'s node holds the request `view` names in a state
/// `done` accepts, and returns that record.
async fn record_at(
    federation: &TestFederation,
    country: &str,
    view: &pb::RequestView,
    done: impl Fn(&RequestRecord) -> bool,
) -> RequestRecord {
    wait_for_record(
        federation.node(country).running().exchange(),
        &id_of(view),
        done,
    )
    .await
}

/// Open agreements, but a wallet trace must name its legal basis: Thailand
/// accepts ACTIP or UNTOC art. 27, Cambodia's copy ACTIP only.
fn wallet_bases(holder: CountryCode, peer: CountryCode) -> Option<AgreementFile> {
    let mut agreement = open_agreement(holder, peer);
    for rule in &mut agreement.rules {
        if rule.category == "WALLET_TRACE" {
            rule.legal_bases = if holder.as_str() == "KHM" {
                vec!["ACTIP".into()]
            } else {
                vec!["ACTIP".into(), "UNTOC_ART_27".into()]
            };
        }
    }
    Some(agreement)
}

fn wallet_trace(bases: &[&str]) -> pb::NewRequest {
    let mut wallet = phone_check("KHM", "+85512345678");
    wallet.category = pb::Category::WalletTrace as i32;
    wallet.requested_fields = Vec::new();
    wallet.subject = Some(pb::Subject {
        kind: Some(pb::subject::Kind::Wallet(pb::Wallet {
            network: "TRON".into(),
            address: "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb".into(),
        })),
        ..Default::default()
    });
    wallet.legal_bases = bases.iter().map(|b| b.to_string()).collect();
    wallet
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_agreements_check_the_legal_bases_a_request_names() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &wallet_bases).await;
    let mut focal = federation.focal_point("THA").await;

    // Thailand's own copy refuses a request naming no basis, before
    // anything is stored or sent.
    let refused = focal.submit(wallet_trace(&[])).await.unwrap_err();
    assert_eq!(refused.code(), Code::PermissionDenied, "{refused:?}");
    assert!(
        refused.message().contains(
            "names no legal basis; WALLET_TRACE requests must name one of: ACTIP, UNTOC_ART_27"
        ),
        "{}",
        refused.message()
    );
    let refused = focal
        .submit(wallet_trace(&["RECIPROCITY"]))
        .await
        .unwrap_err();
    assert!(
        refused
            .message()
            .contains("legal basis RECIPROCITY is not one accepted for WALLET_TRACE"),
        "{}",
        refused.message()
    );
    assert!(outgoing_requests(&federation, "THA").is_empty());
    // An unknown code is refused at the edge, naming the field.
    refused_submit(
        &mut focal,
        wallet_trace(&["TREATY_OF_SECRETS"]),
        "an unknown basis",
        "legal_bases[0]",
        "is not a legal basis Liaison knows",
    )
    .await;

    // UNTOC art. 27 passes Thailand's copy but not Cambodia's: Cambodia
    // refuses it on its own agreement, naming the basis and the rule.
    let untoc = focal
        .submit(wallet_trace(&["UNTOC_ART_27"]))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(
        untoc.request.as_ref().unwrap().legal_bases,
        ["UNTOC_ART_27"]
    );
    let record = record_at(&federation, "KHM", &untoc, |r| r.answer.is_some()).await;
    let answer = record.answer.unwrap();
    let liaison_proto::domain::Outcome::Refused {
        reason,
        explanation,
        rule,
    } = answer.outcome
    else {
        panic!("expected a refusal")
    };
    assert_eq!(
        reason,
        liaison_proto::domain::RefusalReason::OutsideAgreement
    );
    assert!(
        explanation.contains(
            "legal basis UNTOC_ART_27 is not one accepted for WALLET_TRACE (accepted: ACTIP)"
        ),
        "{explanation}"
    );
    assert!(rule.starts_with("KHM-THA v1 rule"), "{rule}");
    let denied = audit_events(&federation, "KHM", "policy.denied");
    assert!(
        denied
            .iter()
            .any(|e| e.detail.contains("legal basis UNTOC_ART_27")),
        "{denied:?}"
    );

    // ACTIP meets both: Cambodia assigns it to its FIU, and both logs name
    // the basis.
    let actip = focal
        .submit(wallet_trace(&["ACTIP"]))
        .await
        .unwrap()
        .into_inner();
    let record = record_at(&federation, "KHM", &actip, |r| r.agency.is_some()).await;
    assert_eq!(record.agency.as_deref(), Some("fiu"));
    assert_eq!(record.request.legal_bases, ["ACTIP"]);
    for (country, event) in [("THA", "request.submitted"), ("KHM", "request.received")] {
        let entry = audit_events(&federation, country, event)
            .into_iter()
            .find(|e| e.request_id.as_deref() == Some(id_of(&actip).as_str()))
            .unwrap();
        assert!(entry.detail.contains("legal bases ACTIP"), "{entry:?}");
    }

    // The dry run says the same, for each side.
    let mut admin = federation.admin("THA", "admin").await;
    let check = admin
        .check_policy(pb::PolicyQuery {
            to_country: "KHM".into(),
            category: pb::Category::WalletTrace as i32,
            purpose: pb::Purpose::Investigation as i32,
            legal_bases: vec!["UNTOC_ART_27".into()],
            ..Default::default()
        })
        .await
        .unwrap()
        .into_inner();
    assert!(check.local.unwrap().allowed);
    let peer = check.peer.unwrap();
    assert!(!peer.allowed);
    assert!(peer.reason.contains("UNTOC_ART_27"), "{}", peer.reason);
    assert!(!check.allowed);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_about_a_possible_victim_carries_the_non_punishment_principle() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut focal = federation.focal_point("THA").await;

    // The generated nodes cite ACTIP art. 14(7) when the focal point names
    // nothing; the signed request carries it, and the receiving officer
    // sees it.
    let view = focal
        .submit(victim_identification("KHM", "Nguyen Van A"))
        .await
        .unwrap()
        .into_inner();
    let np = view
        .request
        .as_ref()
        .unwrap()
        .non_punishment
        .clone()
        .unwrap();
    assert_eq!(np.provision, "ACTIP_ART_14_7");
    let mut immigration = federation.agency("KHM", "immigration").await;
    let assigned = liaison_tests::next_assignment(&mut immigration).await;
    record_at(&federation, "KHM", &view, |r| r.agency.is_some()).await;
    assert_eq!(
        assigned.request.unwrap().non_punishment.unwrap().provision,
        "ACTIP_ART_14_7"
    );
    for (country, event) in [("THA", "request.submitted"), ("KHM", "request.received")] {
        let entry = audit_events(&federation, country, event)
            .into_iter()
            .find(|e| e.request_id.as_deref() == Some(id_of(&view).as_str()))
            .unwrap();
        assert!(
            entry.detail.contains("non-punishment ACTIP_ART_14_7"),
            "{entry:?}"
        );
        assert!(!entry.detail.contains("Nguyen"), "{entry:?}");
    }

    // A country's own provision is cited with its reference.
    let mut national = victim_identification("KHM", "Nguyen Van B");
    national.non_punishment = Some(pb::NonPunishment {
        provision: "NATIONAL_LAW".into(),
        reference: "Illustrative Act s. 1".into(),
    });
    let view = focal.submit(national).await.unwrap().into_inner();
    assert_eq!(
        view.request.unwrap().non_punishment.unwrap().reference,
        "Illustrative Act s. 1"
    );

    // Without a node default, a focal point must name one.
    let tha = federation.node("THA");
    edit_config(&tha.config_path, |text| {
        *text = text.replace(
            "[node.non_punishment]\nprovision = \"ACTIP_ART_14_7\"\n",
            "",
        );
    });
    tha.running().reload().await.unwrap();
    let before = outgoing_requests(&federation, "THA").len();
    refused_submit(
        &mut focal,
        victim_identification("KHM", "Nguyen Van C"),
        "a victim identification citing nothing",
        "non_punishment",
        "is required for a request about a possible victim",
    )
    .await;
    // Nor does a request about no victim carry one.
    let mut phone = phone_check("KHM", "+85512345678");
    phone.non_punishment = Some(np);
    refused_submit(
        &mut focal,
        phone,
        "a phone check citing non-punishment",
        "non_punishment",
        "is only for a request about a possible victim",
    )
    .await;
    assert_eq!(outgoing_requests(&federation, "THA").len(), before);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_victim_status_notification_reaches_the_victims_country_protection_agency() {
    let federation = TestFederation::start(&["THA", "KHM", "VNM"]).await;
    // Viet Nam names immigration as its victim-protection agency.
    let vnm = federation.node("VNM");
    edit_config(&vnm.config_path, |text| {
        *text = text.replace(
            "name = \"immigration\"\n",
            "name = \"immigration\"\nvictim_protection = true\n",
        );
    });
    vnm.running().reload().await.unwrap();

    // Thailand asked Cambodia to identify a rescued Vietnamese person...
    let mut focal = federation.focal_point("THA").await;
    let mut identification = victim_identification("KHM", "Nguyen Van A");
    let person = identification.subject.as_mut().unwrap();
    person.role = pb::SubjectRole::PossibleVictim as i32;
    if let Some(pb::subject::Kind::Person(p)) = person.kind.as_mut() {
        p.indicators = vec!["DECEPTION".into(), "FORCED_ONLINE_FRAUD".into()];
    }
    let first = focal
        .submit(identification.clone())
        .await
        .unwrap()
        .into_inner();

    // ...and now notifies Viet Nam, the person's country, that the victim
    // status is confirmed: a CASE_NOTIFICATION following that request, in
    // the same case.
    let notification = |to: &str| pb::NewRequest {
        to_country: to.into(),
        category: pb::Category::CaseNotification as i32,
        requested_fields: Vec::new(),
        victim_status: pb::VictimStatus::Confirmed as i32,
        follows_request_id: id_of(&first),
        case_id: first.request.as_ref().unwrap().case_id.clone(),
        ..identification.clone()
    };
    let sent = focal
        .submit(notification("VNM"))
        .await
        .unwrap()
        .into_inner();
    let record = record_at(&federation, "VNM", &sent, |r| r.agency.is_some()).await;
    // Notifications go to the police; this one to victim protection.
    assert_eq!(record.agency.as_deref(), Some("immigration"));
    assert_eq!(
        record.request.victim_status,
        Some(liaison_proto::domain::VictimStatus::Confirmed)
    );
    assert_eq!(record.request.follows_request_id, id_of(&first));
    let received = audit_events(&federation, "VNM", "request.received")
        .into_iter()
        .find(|e| e.request_id.as_deref() == Some(id_of(&sent).as_str()))
        .unwrap();
    assert!(
        received.detail.ends_with(&format!(
            "victim status CONFIRMED, following {}",
            id_of(&first)
        )),
        "{received:?}"
    );
    assert!(!received.detail.contains("Nguyen"), "{received:?}");

    // Not to a country other than the person's; not without the request it
    // follows, nor following one this node never saw.
    let before = outgoing_requests(&federation, "THA").len();
    refused_submit(
        &mut focal,
        notification("KHM"),
        "a notification to another country",
        "subject.person.nationality",
        "a victim-status notification goes to the country of the person's nationality",
    )
    .await;
    let mut unfollowed = notification("VNM");
    unfollowed.follows_request_id = String::new();
    refused_submit(
        &mut focal,
        unfollowed,
        "a notification following nothing",
        "follows_request_id",
        "is required with victim_status",
    )
    .await;
    let mut unknown = notification("VNM");
    unknown.follows_request_id = "00000000-0000-4000-8000-000000000000".into();
    refused_submit(
        &mut focal,
        unknown,
        "a notification following an unknown request",
        "follows_request_id",
        "names no request this node sent or received",
    )
    .await;
    assert_eq!(outgoing_requests(&federation, "THA").len(), before);
    federation.shutdown().await;
}

/// Open agreements in which Cambodia lets only its police see data about
/// possible victims.
fn police_only_for_victims(holder: CountryCode, peer: CountryCode) -> Option<AgreementFile> {
    let mut agreement = open_agreement(holder, peer);
    agreement
        .victim_data_agencies
        .insert("KHM".into(), vec!["police".into()]);
    Some(agreement)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_agreement_says_which_agencies_may_see_victim_data() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &police_only_for_victims).await;
    let mut focal = federation.focal_point("THA").await;
    // Cambodia routes victim identification to immigration, which the
    // agreement does not let see victim data: refused, never assigned.
    let view = focal
        .submit(victim_identification("KHM", "Nguyen Van A"))
        .await
        .unwrap()
        .into_inner();
    let record = record_at(&federation, "KHM", &view, |r| r.answer.is_some()).await;
    assert!(record.agency.is_none());
    let liaison_proto::domain::Outcome::Refused {
        reason,
        explanation,
        rule,
    } = record.answer.unwrap().outcome
    else {
        panic!("expected a refusal")
    };
    assert_eq!(
        reason,
        liaison_proto::domain::RefusalReason::NoCompetentAgency
    );
    assert!(
        explanation.contains("immigration may not see data about a possible victim"),
        "{explanation}"
    );
    assert_eq!(rule, "KHM-THA v1 victim_data_agencies");
    // A person check about a suspect still goes to the police.
    let mut person = victim_identification("KHM", "Chan Dara");
    person.category = pb::Category::PersonCheck as i32;
    let view = focal.submit(person).await.unwrap().into_inner();
    let record = record_at(&federation, "KHM", &view, |r| r.agency.is_some()).await;
    assert_eq!(record.agency.as_deref(), Some("police"));
    // Both copies list the restriction, and hold the same hash.
    let mut admin = federation.admin("THA", "admin").await;
    let comparison = admin
        .compare_agreements(pb::PeerRef {
            country: "KHM".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert!(comparison.disagreements.is_empty(), "{comparison:?}");
    let local = comparison.local.unwrap();
    assert_eq!(local.victim_data_agencies[0].country, "KHM");
    assert_eq!(local.victim_data_agencies[0].agencies, ["police"]);
    federation.shutdown().await;
}
