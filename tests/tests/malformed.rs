//! Requests a node cannot read, on every service of both listeners: a body
//! that is not protobuf, one cut short, bad gRPC framing, and a message over
//! the listener's size limit. Each is answered with the code that says what
//! went wrong (`INVALID_ARGUMENT`, `RESOURCE_EXHAUSTED`; never `INTERNAL`
//! or `OUT_OF_RANGE`) and a message naming the rule and the method, and is
//! audited exactly once as `call.refused`, naming the caller and nothing
//! read from the body.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_node::pki::FederationCa;
use liaison_proto::domain::Message;
use liaison_proto::pb;
use liaison_tests::{
    TestFederation, country, grpc_frame, phone_check, raw_body, raw_call, refused_calls,
    signed_phone_check,
};
use prost::Message as _;
use tonic::Code;
use tonic::transport::Channel;

/// Personal data inside the refused bodies, which must never be audited.
const SECRET: &str = "+85512345678";

/// Bytes that are not protobuf: a key for field 1 with wire type 7, which
/// does not exist, followed by a phone number.
fn garbage() -> Vec<u8> {
    [&[0x0f][..], SECRET.as_bytes()].concat()
}

/// `message` encoded and cut short inside a field: by the fewest bytes
/// that leave it undecodable (cutting a whole short field off would not).
fn truncated<M: prost::Message + Default>(message: &M) -> Vec<u8> {
    let bytes = message.encode_to_vec();
    (1..bytes.len())
        .map(|short| bytes[..bytes.len() - short].to_vec())
        .find(|cut| M::decode(cut.as_slice()).is_err())
        .expect("some cut of the message does not decode")
}

/// A phone check from `from` to `to` about [`SECRET`].
fn phone_check_message(from: &str, to: &str) -> Message {
    let mut message = signed_phone_check(1, from, to);
    if let Some(pb::message::Content::Request(request)) = message.content.as_mut() {
        request.subject = Some(pb::Subject {
            kind: Some(pb::subject::Kind::Phone(pb::Phone {
                number: SECRET.into(),
            })),
            ..Default::default()
        });
    }
    Message::try_from(&message).unwrap()
}

/// What one refusal must look like.
struct Expected<'a> {
    code: Code,
    /// The whole message of the answer, also the audit entry's detail.
    message: &'a str,
    actor: &'a str,
    peer: Option<&'a str>,
    /// Set when the caller is not authenticated: the audit detail then
    /// goes on to say why.
    unauthenticated: bool,
}

/// A body refused with `INVALID_ARGUMENT` from a local user.
fn by_user<'a>(message: &'a str, actor: &'a str) -> Expected<'a> {
    Expected {
        code: Code::InvalidArgument,
        message,
        actor,
        peer: None,
        unauthenticated: false,
    }
}

/// A body refused with `code` from the peer THA.
fn by_tha(code: Code, message: &str) -> Expected<'_> {
    Expected {
        code,
        message,
        actor: "peer:THA",
        peer: Some("THA"),
        unauthenticated: false,
    }
}

/// Checks one refusal: its code and message, and that node `code` audited
/// exactly one more `call.refused`, as the expected caller, with nothing
/// of the body in it.
fn assert_refused(
    federation: &TestFederation,
    code: &str,
    before: &mut usize,
    outcome: Result<Vec<u8>, tonic::Status>,
    expected: Expected<'_>,
) {
    let status = outcome.expect_err(expected.message);
    assert_eq!(status.code(), expected.code, "{status:?}");
    assert_eq!(status.message(), expected.message);
    let refused = refused_calls(federation, code);
    assert_eq!(
        refused.len(),
        *before + 1,
        "`{}` not audited exactly once",
        expected.message
    );
    *before = refused.len();
    let entry = refused.last().unwrap();
    assert_eq!(entry.actor, expected.actor);
    assert_eq!(entry.peer, expected.peer.map(country));
    if expected.unauthenticated {
        assert!(
            entry
                .detail
                .starts_with(&format!("{} (caller not authenticated: ", expected.message)),
            "{}",
            entry.detail
        );
    } else {
        assert_eq!(entry.detail, expected.message);
    }
    let audited = serde_json::to_string(entry).unwrap();
    for secret in [SECRET, "85512345678"] {
        assert!(!audited.contains(secret), "body leaked into {audited}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreadable_local_calls_say_why_and_are_audited_once() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let tha = federation.node("THA");
    let token = |user: &str| Some(tha.tokens[user].as_str());
    let channel = federation.local_channel("THA").await;
    let mut before = refused_calls(&federation, "THA").len();

    // Bodies that are not protobuf, on each local service, unary and
    // server-streaming methods alike, each with its users' token.
    for (path, actor, message) in [
        (
            "/liaison.v1.FocalPoint/Submit",
            "focal-point",
            "malformed protobuf body on liaison.v1.FocalPoint/Submit",
        ),
        (
            "/liaison.v1.FocalPoint/Watch",
            "focal-point",
            "malformed protobuf body on liaison.v1.FocalPoint/Watch",
        ),
        (
            "/liaison.v1.Agency/Answer",
            "police-officer",
            "malformed protobuf body on liaison.v1.Agency/Answer",
        ),
        (
            "/liaison.v1.Audit/Export",
            "auditor",
            "malformed protobuf body on liaison.v1.Audit/Export",
        ),
        (
            "/liaison.v1.Admin/ListPeers",
            "admin",
            "malformed protobuf body on liaison.v1.Admin/ListPeers",
        ),
    ] {
        let outcome = raw_call(channel.clone(), path, garbage(), token(actor)).await;
        assert_refused(
            &federation,
            "THA",
            &mut before,
            outcome,
            by_user(message, actor),
        );
    }

    // Protobuf cut short.
    let outcome = raw_call(
        channel.clone(),
        "/liaison.v1.FocalPoint/Get",
        truncated(&pb::RequestRef {
            request_id: SECRET.into(),
        }),
        token("focal-point"),
    )
    .await;
    assert_refused(
        &federation,
        "THA",
        &mut before,
        outcome,
        by_user(
            "malformed protobuf body on liaison.v1.FocalPoint/Get",
            "focal-point",
        ),
    );
    let outcome = raw_call(
        channel.clone(),
        "/liaison.v1.FocalPoint/Submit",
        truncated(&phone_check("KHM", SECRET)),
        token("focal-point"),
    )
    .await;
    assert_refused(
        &federation,
        "THA",
        &mut before,
        outcome,
        by_user(
            "malformed protobuf body on liaison.v1.FocalPoint/Submit",
            "focal-point",
        ),
    );

    // Bad framing, written by hand.
    let message = pb::RequestRef {
        request_id: SECRET.into(),
    }
    .encode_to_vec();
    let mut cut_frame = grpc_frame(0, &message);
    cut_frame.truncate(cut_frame.len() - 4);
    for (body, rule) in [
        (cut_frame, "malformed body: a request message is cut short"),
        (Vec::new(), "malformed body: no request message"),
        (
            grpc_frame(1, &message),
            "malformed body: a compressed request message, and this node accepts no compression",
        ),
        (
            grpc_frame(0x80, &message),
            "malformed body: an unknown gRPC frame flag",
        ),
        (
            [grpc_frame(0, &message), grpc_frame(0, &message)].concat(),
            "malformed body: more than one request message",
        ),
    ] {
        let status = raw_body(
            channel.clone(),
            "/liaison.v1.FocalPoint/Get",
            body,
            token("focal-point"),
        )
        .await;
        let message = format!("{rule} on liaison.v1.FocalPoint/Get");
        assert_refused(
            &federation,
            "THA",
            &mut before,
            Err(status),
            by_user(&message, "focal-point"),
        );
    }

    // Over the local listener's limit.
    let outcome = raw_call(
        channel.clone(),
        "/liaison.v1.FocalPoint/Submit",
        vec![b'x'; 4 * 1024 * 1024 + 1],
        token("focal-point"),
    )
    .await;
    assert_refused(
        &federation,
        "THA",
        &mut before,
        outcome,
        Expected {
            code: Code::ResourceExhausted,
            message: "request message over the 4194304-byte limit on liaison.v1.FocalPoint/Submit",
            actor: "focal-point",
            peer: None,
            unauthenticated: false,
        },
    );

    // Without a token, or with a wrong one: still refused for its body,
    // and audited as `unknown`.
    for token in [None, Some("not-a-token")] {
        let outcome = raw_call(
            channel.clone(),
            "/liaison.v1.FocalPoint/Submit",
            garbage(),
            token,
        )
        .await;
        assert_refused(
            &federation,
            "THA",
            &mut before,
            outcome,
            Expected {
                code: Code::InvalidArgument,
                message: "malformed protobuf body on liaison.v1.FocalPoint/Submit",
                actor: "unknown",
                peer: None,
                unauthenticated: true,
            },
        );
    }

    // A well-formed call through the same raw path is served, and nothing
    // of the refused calls was stored or audited as anything else.
    let listed = raw_call(
        channel.clone(),
        "/liaison.v1.FocalPoint/List",
        pb::ListFilter::default().encode_to_vec(),
        token("focal-point"),
    )
    .await
    .expect("a well-formed call is served");
    let listed = pb::RequestList::decode(listed.as_slice()).unwrap();
    assert!(listed.requests.is_empty(), "{listed:?}");
    assert_eq!(refused_calls(&federation, "THA").len(), before);
    let log = serde_json::to_string(&tha.running().exchange().records().audit_entries().unwrap())
        .unwrap();
    assert!(!log.contains("85512345678"), "body leaked into the log");
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unreadable_federation_calls_say_why_and_are_audited_once() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let channel: Channel = federation.federation_channel("THA", "KHM").await;
    let mut before = refused_calls(&federation, "KHM").len();

    for (path, message) in [
        (
            "/liaison.v1.Federation/Deliver",
            "malformed protobuf body on liaison.v1.Federation/Deliver",
        ),
        (
            "/liaison.v1.Federation/GetKeys",
            "malformed protobuf body on liaison.v1.Federation/GetKeys",
        ),
        (
            "/liaison.v1.Federation/CheckPolicy",
            "malformed protobuf body on liaison.v1.Federation/CheckPolicy",
        ),
        (
            "/liaison.v1.Federation/GetConsistencyProof",
            "malformed protobuf body on liaison.v1.Federation/GetConsistencyProof",
        ),
    ] {
        let outcome = raw_call(channel.clone(), path, garbage(), None).await;
        assert_refused(
            &federation,
            "KHM",
            &mut before,
            outcome,
            by_tha(Code::InvalidArgument, message),
        );
    }

    // A signed envelope cut short.
    let envelope = federation
        .node("THA")
        .config()
        .signer
        .seal(&phone_check_message("THA", "KHM"))
        .envelope;
    let outcome = raw_call(
        channel.clone(),
        "/liaison.v1.Federation/Deliver",
        truncated(&envelope),
        None,
    )
    .await;
    assert_refused(
        &federation,
        "KHM",
        &mut before,
        outcome,
        by_tha(
            Code::InvalidArgument,
            "malformed protobuf body on liaison.v1.Federation/Deliver",
        ),
    );

    // The whole envelope in a frame that ends early.
    let mut cut_frame = grpc_frame(0, &envelope.encode_to_vec());
    cut_frame.truncate(cut_frame.len() - 10);
    let status = raw_body(
        channel.clone(),
        "/liaison.v1.Federation/Deliver",
        cut_frame,
        None,
    )
    .await;
    assert_refused(
        &federation,
        "KHM",
        &mut before,
        Err(status),
        by_tha(
            Code::InvalidArgument,
            "malformed body: a request message is cut short on liaison.v1.Federation/Deliver",
        ),
    );

    // Over the federation listener's limit, on Deliver and on the health
    // service beside it.
    for (path, method) in [
        (
            "/liaison.v1.Federation/Deliver",
            "liaison.v1.Federation/Deliver",
        ),
        (
            "/grpc.health.v1.Health/Check",
            "grpc.health.v1.Health/Check",
        ),
    ] {
        let outcome = raw_call(channel.clone(), path, vec![b'x'; 2 * 1024 * 1024 + 1], None).await;
        let message = format!("request message over the 2097152-byte limit on {method}");
        assert_refused(
            &federation,
            "KHM",
            &mut before,
            outcome,
            by_tha(Code::ResourceExhausted, &message),
        );
    }

    // A certificate from the federation's CA that is no configured peer's.
    let ca = FederationCa::load_or_create(&federation.dir.path().join("ca")).unwrap();
    let stranger = federation
        .mtls_channel(
            "KHM",
            Some(ca.issue("lao.liaison").unwrap()),
            &federation.node("THA").config().tls.ca_pem,
            "khm.liaison",
        )
        .await
        .unwrap();
    let outcome = raw_call(stranger, "/liaison.v1.Federation/Deliver", garbage(), None).await;
    assert_refused(
        &federation,
        "KHM",
        &mut before,
        outcome,
        Expected {
            code: Code::InvalidArgument,
            message: "malformed protobuf body on liaison.v1.Federation/Deliver",
            actor: "peer:unknown",
            peer: None,
            unauthenticated: true,
        },
    );

    // Nothing was received.
    let khm = federation.node("KHM").running().exchange();
    assert!(
        khm.records()
            .requests(liaison_node::records::Direction::Incoming)
            .unwrap()
            .is_empty()
    );
    federation.shutdown().await;
}
