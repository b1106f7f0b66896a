//! What operators use: the standard health service and server reflection
//! (both `v1` and `v1alpha`) on both listeners, each telling of exactly
//! what its listener serves, and Prometheus metrics that follow a real exchange
//! without carrying anything about its subject.

use liaison_tests::{TestFederation, exchange_once};
use tonic::transport::Channel;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

async fn status(channel: Channel, service: &str) -> Result<i32, tonic::Status> {
    HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: service.into(),
        })
        .await
        .map(|r| r.into_inner().status)
}

/// A reflection client of one protocol version: the same two questions,
/// asked with that version's generated client.
macro_rules! reflection_client {
    ($version:ident) => {
        mod $version {
            use tonic::transport::Channel;
            use tonic_reflection::pb::$version::ServerReflectionRequest;
            use tonic_reflection::pb::$version::server_reflection_client::ServerReflectionClient;
            use tonic_reflection::pb::$version::server_reflection_request::MessageRequest;
            use tonic_reflection::pb::$version::server_reflection_response::MessageResponse;

            /// Asks one question; the answer, or the status the stream
            /// ended with.
            async fn ask(
                channel: Channel,
                question: MessageRequest,
            ) -> Result<MessageResponse, tonic::Status> {
                let request = ServerReflectionRequest {
                    host: String::new(),
                    message_request: Some(question),
                };
                let mut replies = ServerReflectionClient::new(channel)
                    .server_reflection_info(tokio_stream::iter([request]))
                    .await?
                    .into_inner();
                let reply = replies.message().await?;
                Ok(reply
                    .and_then(|r| r.message_response)
                    .expect("one reply with an answer"))
            }

            /// The services reflection lists, sorted.
            pub async fn services(channel: Channel) -> Vec<String> {
                match ask(channel, MessageRequest::ListServices(String::new())).await {
                    Ok(MessageResponse::ListServicesResponse(list)) => {
                        let mut names: Vec<String> =
                            list.service.into_iter().map(|s| s.name).collect();
                        names.sort();
                        names
                    }
                    other => panic!("unexpected reflection reply {other:?}"),
                }
            }

            /// The file that declares `symbol`, decoded.
            pub async fn file_containing(
                channel: Channel,
                symbol: &str,
            ) -> Result<prost_types::FileDescriptorProto, tonic::Code> {
                let question = MessageRequest::FileContainingSymbol(symbol.into());
                match ask(channel, question).await {
                    Ok(MessageResponse::FileDescriptorResponse(files)) => {
                        let file = files.file_descriptor_proto.first().expect("one file");
                        Ok(prost::Message::decode(file.as_slice()).expect("a file descriptor"))
                    }
                    Ok(other) => panic!("unexpected reflection reply {other:?}"),
                    Err(status) => Err(status.code()),
                }
            }
        }
    };
}

reflection_client!(v1);
reflection_client!(v1alpha);

/// The services of a file descriptor, by full name.
fn services_of(file: &prost_types::FileDescriptorProto) -> Vec<String> {
    file.service
        .iter()
        .map(|s| format!("{}.{}", file.package(), s.name()))
        .collect()
}

#[tokio::test]
async fn health_and_reflection_on_each_listener_tell_of_what_it_serves() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let local = federation.local_channel("KHM").await;
    let peers = federation.federation_channel("THA", "KHM").await;
    let standard = [
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    ];
    let local_services = [
        "liaison.v1.Account",
        "liaison.v1.Admin",
        "liaison.v1.Agency",
        "liaison.v1.Audit",
        "liaison.v1.Evidence",
        "liaison.v1.Hits",
        "liaison.v1.FocalPoint",
        "liaison.v1.Users",
    ];
    // Per listener: the services it serves, those it does not, and one of
    // its services with a method and the file declaring them.
    for (channel, own, foreign, (service, method, declared_in)) in [
        (
            local,
            &local_services[..],
            &["liaison.v1.Federation"][..],
            (
                "liaison.v1.FocalPoint",
                "liaison.v1.FocalPoint.Submit",
                "liaison/v1/focal_point.proto",
            ),
        ),
        (
            peers,
            &["liaison.v1.Federation"][..],
            &local_services[..],
            (
                "liaison.v1.Federation",
                "liaison.v1.Federation.Deliver",
                "liaison/v1/federation.proto",
            ),
        ),
    ] {
        for service in own.iter().chain([&""]) {
            assert_eq!(
                status(channel.clone(), service).await.map_err(|s| s.code()),
                Ok(ServingStatus::Serving as i32),
                "{service}"
            );
        }
        for service in foreign.iter().chain([&"liaison.v1.Nothing"]) {
            let unknown = status(channel.clone(), service).await;
            assert_eq!(
                unknown.map_err(|s| s.code()),
                Err(tonic::Code::NotFound),
                "{service}"
            );
        }

        let mut expected: Vec<&str> = own.iter().chain(&standard).copied().collect();
        expected.sort();
        assert_eq!(v1::services(channel.clone()).await, expected);
        assert_eq!(v1alpha::services(channel.clone()).await, expected);

        // A service and one of its methods resolve, with either version, to
        // the file declaring that service and no other listener's.
        for symbol in [service, method] {
            for file in [
                v1::file_containing(channel.clone(), symbol).await,
                v1alpha::file_containing(channel.clone(), symbol).await,
            ] {
                let file = file.unwrap_or_else(|code| panic!("{symbol}: {code:?}"));
                assert_eq!(file.name(), declared_in);
                assert_eq!(services_of(&file), [service]);
            }
        }
        // What another listener serves is not described here.
        for symbol in foreign {
            assert_eq!(
                v1::file_containing(channel.clone(), symbol)
                    .await
                    .map(|f| f.name().to_string()),
                Err(tonic::Code::NotFound),
                "{symbol}"
            );
            assert_eq!(
                v1alpha::file_containing(channel.clone(), symbol)
                    .await
                    .map(|f| f.name().to_string()),
                Err(tonic::Code::NotFound),
                "{symbol}"
            );
        }
        // Every listed service resolves, with either version: the message
        // types too, and both reflection services.
        for symbol in standard.iter().chain(own).chain([&"liaison.v1.Envelope"]) {
            assert!(
                v1::file_containing(channel.clone(), symbol).await.is_ok(),
                "{symbol}"
            );
            assert!(
                v1alpha::file_containing(channel.clone(), symbol)
                    .await
                    .is_ok(),
                "{symbol}"
            );
        }
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
    let mut raw = tonic::client::Grpc::new(federation.local_channel("THA").await);
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
