//! What operators use: the standard health service and server reflection
//! on both listeners, and Prometheus metrics that follow a real exchange
//! without carrying anything about its subject.

use liaison_tests::{TestFederation, exchange_once};
use tonic::transport::{Channel, Endpoint};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_reflection::pb::v1::ServerReflectionRequest;
use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

async fn local_channel(federation: &TestFederation, code: &str) -> Channel {
    Endpoint::from_shared(format!("http://{}", federation.node(code).local_addr))
        .expect("valid address")
        .connect()
        .await
        .expect("local API reachable")
}

/// A mutual-TLS channel to `to`'s federation listener, as `from`.
async fn federation_channel(federation: &TestFederation, from: &str, to: &str) -> Channel {
    let node = federation.node(to);
    liaison_node::tls::mtls_endpoint(
        &federation.node(from).config(),
        &format!("https://{}", node.federation_addr),
        &liaison_node::config::default_tls_name(node.country),
    )
    .expect("valid endpoint")
    .connect()
    .await
    .expect("federation listener reachable")
}

async fn status(channel: Channel, service: &str) -> Result<i32, tonic::Status> {
    HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: service.into(),
        })
        .await
        .map(|r| r.into_inner().status)
}

async fn services(channel: Channel) -> Vec<String> {
    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut replies = ServerReflectionClient::new(channel)
        .server_reflection_info(tokio_stream::iter([request]))
        .await
        .expect("reflection answers")
        .into_inner();
    let reply = replies
        .message()
        .await
        .expect("reflection stream")
        .expect("one reply");
    match reply.message_response {
        Some(MessageResponse::ListServicesResponse(list)) => {
            let mut names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
            names.sort();
            names
        }
        other => panic!("unexpected reflection reply {other:?}"),
    }
}

#[tokio::test]
async fn health_and_reflection_answer_on_both_listeners() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let local = local_channel(&federation, "KHM").await;
    let peers = federation_channel(&federation, "THA", "KHM").await;
    for channel in [local.clone(), peers.clone()] {
        for service in ["", "liaison.v1.Federation", "liaison.v1.FocalPoint"] {
            assert_eq!(
                status(channel.clone(), service)
                    .await
                    .expect("known service"),
                ServingStatus::Serving as i32,
                "{service}"
            );
        }
        let unknown = status(channel.clone(), "liaison.v1.Nothing").await;
        assert_eq!(
            unknown.expect_err("unknown service").code(),
            tonic::Code::NotFound
        );
        let listed = services(channel).await;
        for expected in [
            "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection",
            "liaison.v1.Admin",
            "liaison.v1.Agency",
            "liaison.v1.Audit",
            "liaison.v1.Federation",
            "liaison.v1.FocalPoint",
        ] {
            assert!(
                listed.iter().any(|s| s == expected),
                "{expected} not in {listed:?}"
            );
        }
        // The benchmark's service is never part of a real node.
        assert!(!listed.iter().any(|s| s.contains("bench")), "{listed:?}");
    }
    // Without a client certificate, the federation listener serves nothing,
    // health included.
    let anonymous = federation
        .federation_client(
            "KHM",
            None,
            &federation.node("KHM").config().tls.ca_pem,
            "khm.liaison",
        )
        .await;
    if let Ok(mut client) = anonymous {
        assert!(
            client
                .get_keys(liaison_proto::pb::KeysQuery {})
                .await
                .is_err()
        );
    }
    federation.shutdown().await;
}

/// The value of the sample `name{labels}` in a Prometheus text page.
fn sample(metrics: &str, name_and_labels: &str) -> Option<f64> {
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(name_and_labels)?.trim().parse().ok())
}

#[tokio::test]
async fn metrics_follow_an_exchange_and_name_no_subject() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    exchange_once(&federation, "THA", "KHM").await;
    // A call to a method no service has is answered UNIMPLEMENTED and timed
    // as `unknown`: callers cannot make up label values.
    let mut raw = tonic::client::Grpc::new(local_channel(&federation, "THA").await);
    raw.ready().await.expect("channel ready");
    let made_up = raw
        .unary::<liaison_proto::pb::KeysQuery, liaison_proto::pb::KeysQuery, _>(
            tonic::Request::new(liaison_proto::pb::KeysQuery {}),
            tonic::codegen::http::uri::PathAndQuery::from_static("/liaison.v1.MadeUp/Anything"),
            tonic_prost::ProstCodec::default(),
        )
        .await
        .expect_err("no such method");
    assert_eq!(made_up.code(), tonic::Code::Unimplemented);
    let asker = federation.metrics("THA").await;
    // The answerer counts the answer's delivery just after committing the
    // requester's receipt, which is what `exchange_once` waits for.
    let delivered = r#"liaison_deliveries_total{peer="THA",outcome="delivered"}"#;
    let answerer = tokio::time::timeout(liaison_tests::PATIENCE, async {
        loop {
            let metrics = federation.metrics("KHM").await;
            if sample(&metrics, delivered).is_some() {
                return metrics;
            }
            tokio::task::yield_now().await;
        }
    })
    .await
    .expect("the answer's delivery is counted");
    let a_year_on = (std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
        + 365 * 86_400) as f64;
    for (metrics, line) in [
        (&asker, r#"liaison_node_info{country="THA",version="#),
        (&asker, "# TYPE liaison_answer_seconds histogram"),
        (&asker, "# TYPE liaison_delivery_seconds histogram"),
        (&asker, "# TYPE liaison_commit_seconds histogram"),
        (&answerer, r#"liaison_node_info{country="KHM",version="#),
    ] {
        assert!(metrics.contains(line), "no `{line}` in\n{metrics}");
    }
    for (metrics, name, at_least) in [
        (
            &asker,
            r#"liaison_requests_total{direction="outgoing",peer="KHM",category="PHONE_CHECK",status="ANSWERED"}"#,
            1.0,
        ),
        (
            &asker,
            r#"liaison_policy_decisions_total{direction="outgoing",peer="KHM",category="PHONE_CHECK",decision="allowed"}"#,
            1.0,
        ),
        (
            &answerer,
            r#"liaison_policy_decisions_total{direction="incoming",peer="THA",category="PHONE_CHECK",decision="allowed"}"#,
            1.0,
        ),
        (
            &answerer,
            r#"liaison_requests_total{direction="incoming",peer="THA",category="PHONE_CHECK",status="ANSWERED"}"#,
            1.0,
        ),
        (
            &asker,
            r#"liaison_deliveries_total{peer="KHM",outcome="delivered"}"#,
            1.0,
        ),
        (
            &answerer,
            r#"liaison_deliveries_total{peer="THA",outcome="delivered"}"#,
            1.0,
        ),
        (
            &asker,
            r#"liaison_answer_seconds_count{peer="KHM",category="PHONE_CHECK"}"#,
            1.0,
        ),
        // Generated certificates last years: well after a year from now.
        (
            &asker,
            r#"liaison_grpc_server_handling_seconds_count{listener="local",service="liaison.v1.FocalPoint",method="Submit"}"#,
            1.0,
        ),
        (
            &asker,
            r#"liaison_grpc_server_handling_seconds_count{listener="local",service="unknown",method="unknown"}"#,
            1.0,
        ),
        (
            &answerer,
            r#"liaison_grpc_server_handling_seconds_count{listener="federation",service="liaison.v1.Federation",method="Deliver"}"#,
            1.0,
        ),
        (&asker, "liaison_audit_log_entries", 3.0),
        (&asker, "liaison_store_flushes_total", 1.0),
        (&asker, "liaison_outbox_depth", 0.0),
        (
            &asker,
            r#"liaison_certificate_expiry_timestamp_seconds{certificate="node"}"#,
            a_year_on,
        ),
        (
            &asker,
            r#"liaison_certificate_expiry_timestamp_seconds{certificate="ca"}"#,
            a_year_on,
        ),
    ] {
        let value = sample(metrics, name).unwrap_or_else(|| panic!("no {name} in\n{metrics}"));
        assert!(
            value >= at_least,
            "{name} = {value}, expected at least {at_least}"
        );
    }
    // Nothing about the subject: the phone number, the summary.
    for metrics in [&asker, &answerer] {
        for secret in ["85512345678", "recruit victims", "subscriber", "MadeUp"] {
            assert!(
                !metrics.contains(secret),
                "`{secret}` leaked into\n{metrics}"
            );
        }
    }
    federation.shutdown().await;
}
