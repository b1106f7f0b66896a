//! Who may call the local API from another machine: agency systems with a
//! client certificate from the node's local CA (its subject mapped to a
//! configured user), people with bearer tokens, or both; and what is
//! refused, at which layer, and audited where the call reached the node:
//! certificates from another CA, expired or revoked ones (at the handshake,
//! and on an open connection after a reload), a certificate no user has, a
//! token of another node, a disabled user, and repeated failures from one
//! address or against one user (locked out for a while).

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::net::IpAddr;

use liaison_node::pki::FederationCa;
use liaison_node::pki::local_ca::Issued;
use liaison_proto::auth::BearerToken;
use liaison_proto::pb;
use liaison_proto::pb::agency_client::AgencyClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use liaison_tests::local_api::{
    channel_from, client_certificate, edit_config, local_ca, start_tls, tls_channel,
};
use liaison_tests::{TestFederation, TestNode, audit_events};
use sha2::{Digest, Sha256};
use tonic::Code;
use tonic::transport::Channel;

/// The token of the FIU's case system, which must also present its
/// certificate.
const FIU_TOKEN: &str = "fiu-system-token-0123456789abcdef0123456789abcdef";

fn users() -> String {
    format!(
        "\n[[users]]\nname = \"police-cms\"\nrole = \"agency:police\"\n\
         certificate_subject = \"CN=police-cms, O=Royal Thai Police\"\n\
         \n[[users]]\nname = \"fiu-system\"\nrole = \"agency:fiu\"\n\
         token_sha256 = \"{}\"\ncertificate_subject = \"CN=fiu-system\"\n",
        hex::encode(Sha256::digest(FIU_TOKEN))
    )
}

/// An agency inbox call on `channel`, with `token` if given.
async fn inbox(channel: Channel, token: Option<&str>) -> Result<pb::RequestList, tonic::Status> {
    let filter = pb::InboxFilter::default();
    match token {
        Some(token) => {
            AgencyClient::with_interceptor(channel, BearerToken::new(token).unwrap())
                .inbox(filter)
                .await
        }
        None => AgencyClient::new(channel).inbox(filter).await,
    }
    .map(tonic::Response::into_inner)
}

/// The inbox call over a new TLS connection presenting `identity`: the
/// connection or the call fails when the handshake is refused.
async fn inbox_over_tls(node: &TestNode, identity: Option<&Issued>) -> Result<(), String> {
    let channel = tls_channel(node, identity)
        .await
        .map_err(|e| format!("{e:?}"))?;
    inbox(channel, None)
        .await
        .map(drop)
        .map_err(|s| format!("{s:?}"))
}

fn refusals(federation: &TestFederation) -> Vec<liaison_node::records::AuditEntry> {
    audit_events(federation, "THA", "call.refused")
}

fn assert_refused(outcome: Result<pb::RequestList, tonic::Status>, code: Code, reason: &str) {
    let status = outcome.expect_err("the call is refused");
    assert_eq!(status.code(), code, "{status:?}");
    assert!(status.message().contains(reason), "{status:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_certificates_name_users_and_bad_ones_end_the_handshake() {
    let federation = start_tls(&["THA"], "127.0.0.2", &users()).await;
    let node = federation.node("THA");
    let cms = client_certificate(node, "police-cms", Some("Royal Thai Police"));
    let fiu = client_certificate(node, "fiu-system", None);
    let focal_token = node.tokens["focal-point"].clone();

    // The police's case system: its certificate alone names it.
    let cms_channel = tls_channel(node, Some(&cms)).await.unwrap();
    inbox(cms_channel.clone(), None).await.unwrap();
    // A person with a token, no certificate: client certificates are
    // optional on the connection.
    let plain = tls_channel(node, None).await.unwrap();
    FocalPointClient::with_interceptor(plain.clone(), BearerToken::new(&focal_token).unwrap())
        .list(pb::ListFilter::default())
        .await
        .unwrap();
    // The FIU's system has both; its token alone is not enough.
    let fiu_channel = tls_channel(node, Some(&fiu)).await.unwrap();
    inbox(fiu_channel, Some(FIU_TOKEN)).await.unwrap();
    assert_eq!(refusals(&federation).len(), 0);

    assert_refused(
        inbox(plain.clone(), Some(FIU_TOKEN)).await,
        Code::Unauthenticated,
        "user fiu-system must present its client certificate",
    );
    // A certificate and a token of two different users.
    assert_refused(
        inbox(cms_channel, Some(&focal_token)).await,
        Code::Unauthenticated,
        "the client certificate is user police-cms's, the token user focal-point's",
    );
    // A valid certificate from the local CA that no user is configured with.
    let stranger = client_certificate(node, "unknown-system", None);
    assert_refused(
        inbox(tls_channel(node, Some(&stranger)).await.unwrap(), None).await,
        Code::Unauthenticated,
        "not configured for any user",
    );
    // Each refusal is audited, with the source address, never the token.
    let audited = refusals(&federation);
    let details: Vec<(&str, &str)> = audited
        .iter()
        .map(|e| (e.actor.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(audited.len(), 3, "{details:?}");
    assert_eq!(audited[0].actor, "fiu-system");
    assert_eq!(audited[1].actor, "focal-point");
    assert_eq!(audited[2].actor, "unknown");
    for entry in &audited {
        assert!(
            entry.detail.starts_with("unauthenticated local call: ")
                && entry.detail.ends_with(" (from 127.0.0.1)"),
            "{details:?}"
        );
        assert!(!entry.detail.contains(FIU_TOKEN) && !entry.detail.contains(&focal_token));
    }

    // Refused in the TLS handshake, before any call reaches the node:
    // a certificate from another CA (here the federation CA, which the
    // local API does not trust for clients)...
    let other_ca = FederationCa::generate("another CA").unwrap();
    let (cert_pem, key_pem) = other_ca.issue("police-cms").unwrap();
    let foreign = Issued {
        cert_pem,
        key_pem,
        serial: String::new(),
    };
    let outcome = inbox_over_tls(node, Some(&foreign)).await;
    assert!(outcome.is_err(), "{outcome:?}");
    // ...and an expired one from the right CA, for a configured subject.
    let now = time::OffsetDateTime::now_utc();
    let expired = local_ca(node)
        .issue_client(
            "police-cms",
            Some("Royal Thai Police"),
            now - time::Duration::days(400),
            now - time::Duration::days(35),
        )
        .unwrap();
    let outcome = inbox_over_tls(node, Some(&expired)).await;
    assert!(outcome.is_err(), "{outcome:?}");
    // Nothing reached a service: no more audit entries than before.
    assert_eq!(refusals(&federation).len(), 3);
    // The handshakes refused are counted.
    let metrics = federation
        .node("THA")
        .running()
        .exchange()
        .metrics()
        .render(Default::default());
    let refused_handshakes = metrics
        .lines()
        .find_map(|l| l.strip_prefix("liaison_local_tls_handshakes_refused_total "))
        .and_then(|n| n.parse::<u64>().ok());
    assert!(refused_handshakes.is_some_and(|n| n >= 2), "{metrics}");

    // TLS cannot be switched off by a reload: that needs a restart.
    let node = federation.node("THA");
    edit_config(&node.config_path, |text| {
        let at = text.find("\n[local_tls]").unwrap();
        let users = text.find("\n[[users]]\nname = \"police-cms\"").unwrap();
        text.replace_range(at..users, "\n");
        // Without a client CA, no user may have a certificate subject.
        *text = text
            .replace(
                "certificate_subject = \"CN=police-cms, O=Royal Thai Police\"\n",
                &format!("token_sha256 = \"{}\"\n", "a".repeat(64)),
            )
            .replace("certificate_subject = \"CN=fiu-system\"\n", "");
    });
    let refused = node.running().reload().await.unwrap_err().to_string();
    assert!(
        refused.contains("local_tls changed; restart the node"),
        "{refused}"
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_certificate_revoked_and_reloaded_is_refused_on_its_open_connection_and_at_new_handshakes()
 {
    let federation = start_tls(&["THA"], "127.0.0.2", &users()).await;
    let node = federation.node("THA");
    let cms = client_certificate(node, "police-cms", Some("Royal Thai Police"));
    let fiu = client_certificate(node, "fiu-system", None);
    let open = tls_channel(node, Some(&cms)).await.unwrap();
    inbox(open.clone(), None).await.unwrap();

    // The operator revokes the certificate with the local CA, copies the
    // CRL to the node and reloads.
    let crl = local_ca(node).revoke(&cms.serial).unwrap();
    std::fs::copy(&crl, node.dir.join("local-tls/crl.pem")).unwrap();
    edit_config(&node.config_path, |text| {
        *text = text.replace(
            "client_ca = \"local-tls/ca.pem\"\n",
            "client_ca = \"local-tls/ca.pem\"\nclient_crls = [\"local-tls/crl.pem\"]\n",
        );
    });
    let changes = node.running().reload().await.unwrap();
    assert!(
        changes.iter().any(|c| c.starts_with("local_tls:")),
        "{changes:?}"
    );

    // The connection opened before is refused on its next call...
    assert_refused(
        inbox(open, None).await,
        Code::Unauthenticated,
        "the client certificate is not valid now",
    );
    assert_eq!(refusals(&federation).len(), 1);
    // ...a new one is refused at the handshake...
    let outcome = inbox_over_tls(node, Some(&cms)).await;
    assert!(outcome.is_err(), "{outcome:?}");
    assert_eq!(refusals(&federation).len(), 1);
    // ...and other certificates of the same CA still work.
    inbox(
        tls_channel(node, Some(&fiu)).await.unwrap(),
        Some(FIU_TOKEN),
    )
    .await
    .unwrap();
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_of_another_node_and_a_disabled_user_are_refused_and_audited() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let tha = federation.node("THA");
    let channel = federation.local_channel("THA").await;
    let before = tha.running().exchange().records().audit_entries().unwrap();

    // KHM's police officer at THA's node: THA has no such token.
    let khm_police = federation.node("KHM").tokens["police-officer"].clone();
    assert_refused(
        inbox(channel.clone(), Some(&khm_police)).await,
        Code::Unauthenticated,
        "unknown token",
    );

    // THA disables its police officer and reloads.
    edit_config(&tha.config_path, |text| {
        *text = text.replace(
            "name = \"police-officer\"\n",
            "name = \"police-officer\"\ndisabled = true\n",
        );
    });
    let changes = tha.running().reload().await.unwrap();
    assert!(
        changes
            .iter()
            .any(|c| c.contains("police-officer (agency:police) disabled")),
        "{changes:?}"
    );
    let police = tha.tokens["police-officer"].clone();
    assert_refused(
        inbox(channel.clone(), Some(&police)).await,
        Code::Unauthenticated,
        "user police-officer is disabled",
    );

    // Two refusals audited (one naming the user), the reload, and nothing
    // else.
    let after = tha.running().exchange().records().audit_entries().unwrap();
    let new: Vec<(&str, &str)> = after[before.len()..]
        .iter()
        .map(|e| (e.event.as_str(), e.actor.as_str()))
        .collect();
    assert_eq!(
        new,
        vec![
            ("call.refused", "unknown"),
            ("config.reloaded", "node"),
            ("call.refused", "police-officer"),
        ]
    );
    // The other users are unaffected.
    inbox(channel, Some(&tha.tokens["fiu-officer"]))
        .await
        .unwrap();
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failures_lock_out_the_source_address_and_the_user() {
    let federation = TestFederation::start(&["THA"]).await;
    let node = federation.node("THA");
    edit_config(&node.config_path, |text| {
        text.push_str(
            "\n[local_auth]\nmax_failures = 3\nfailure_window_secs = 300\nlockout_secs = 900\n",
        );
    });
    let changes = node.running().reload().await.unwrap();
    assert!(
        changes
            .iter()
            .any(|c| c == "local_auth: 3 failures within 300 s lock out for 900 s"),
        "{changes:?}"
    );
    let from = |last: u8| IpAddr::from([127, 0, 0, last]);
    let focal = node.tokens["focal-point"].clone();
    let police = node.tokens["police-officer"].clone();

    // Three unknown tokens from 127.0.0.4: the address is locked out, and
    // even a good token from it is refused, without reaching a service.
    let attacker = channel_from(from(4), node.local_addr).await;
    for _ in 0..3 {
        assert_refused(
            inbox(attacker.clone(), Some("guessed-token")).await,
            Code::Unauthenticated,
            "unknown token",
        );
    }
    let audited = refusals(&federation).len();
    assert_refused(
        inbox(attacker.clone(), Some(&police)).await,
        Code::ResourceExhausted,
        "address 127.0.0.4 is locked out after too many failed authentications",
    );
    // Nothing more from it reaches the audit log, not even a body the node
    // cannot read with a bad token.
    assert_refused(
        inbox(attacker.clone(), Some("guessed-again")).await,
        Code::ResourceExhausted,
        "address 127.0.0.4 is locked out",
    );
    let raw = liaison_tests::raw_body(
        attacker.clone(),
        "/liaison.v1.Agency/Inbox",
        liaison_tests::grpc_frame(0, &[0xff, 0xff]),
        Some("guessed-again"),
    )
    .await;
    assert_eq!(raw.code(), Code::InvalidArgument, "{raw:?}");
    assert_eq!(refusals(&federation).len(), audited);
    // Another address is not affected.
    let officer = channel_from(from(5), node.local_addr).await;
    inbox(officer.clone(), Some(&police)).await.unwrap();

    // The police officer is disabled; three attempts with its token (from
    // 127.0.0.5) lock out the user too, and once it is enabled again it
    // stays locked out for the lockout time, from any address.
    edit_config(&node.config_path, |text| {
        *text = text.replace(
            "name = \"police-officer\"\n",
            "name = \"police-officer\"\ndisabled = true\n",
        );
    });
    node.running().reload().await.unwrap();
    for _ in 0..3 {
        assert_refused(
            inbox(officer.clone(), Some(&police)).await,
            Code::Unauthenticated,
            "is disabled",
        );
    }
    edit_config(&node.config_path, |text| {
        *text = text.replace("disabled = true\n", "");
    });
    node.running().reload().await.unwrap();
    let elsewhere = channel_from(from(6), node.local_addr).await;
    assert_refused(
        inbox(elsewhere.clone(), Some(&police)).await,
        Code::ResourceExhausted,
        "user police-officer is locked out",
    );
    // Other users from a fresh address still work.
    FocalPointClient::with_interceptor(elsewhere, BearerToken::new(&focal).unwrap())
        .list(pb::ListFilter::default())
        .await
        .unwrap();

    // Each lockout is audited once, with what was locked and for how long;
    // calls refused while locked out are not (they never reach a service).
    let lockouts: Vec<String> = audit_events(&federation, "THA", "call.refused")
        .into_iter()
        .filter(|e| e.detail.contains("locked out"))
        .map(|e| e.detail)
        .collect();
    assert_eq!(
        lockouts,
        vec![
            "address 127.0.0.4 locked out of the local API for 900 s after 3 failed \
             authentications within 300 s",
            // The three failures against the user came from 127.0.0.5,
            // which is locked out with it.
            "address 127.0.0.5 locked out of the local API for 900 s after 3 failed \
             authentications within 300 s",
            "user police-officer locked out of the local API for 900 s after 3 failed \
             authentications within 300 s",
        ]
    );
    federation.shutdown().await;
}
