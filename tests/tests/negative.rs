//! The negative catalogue: every kind of bad input a node can be sent, at
//! the federation door and on the local API. Each must be refused with a
//! specific gRPC status and a message saying what is wrong, must not be
//! recorded as accepted, and must leave exactly one audit entry saying it
//! was refused.
//!
//! Every value sent carries a marker (`~mk-…~`, characters no hash, id or
//! base64 signature contains), and no marker may reach either node's audit
//! log or log output: refusals name the field and the rule, never the value.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_node::exchange::now_ms;
use liaison_node::pki::FederationCa;
use liaison_node::records::Direction;
use liaison_proto::envelope::MAX_MESSAGE_BYTES;
use liaison_proto::pb;
use liaison_tests::{
    LogCapture, PeerSigner, TestFederation, agreement, phone_check, signed_phone_check, test_uuid,
};
use prost::Message as _;
use tonic::Code;

/// A marker to put in a value: found later in an audit log or a log line,
/// it would show that a value leaked.
fn mark(what: &str) -> String {
    format!("~mk-{what}~")
}

fn uuid(n: u8) -> String {
    test_uuid(n.into())
}

/// A valid phone check from `from` to `to`, message id and request id `n`,
/// with markers in its summary and requester.
fn message(n: u8, from: &str, to: &str) -> pb::Message {
    let mut m = signed_phone_check(n.into(), from, to);
    let request = request_mut(&mut m);
    request.summary = format!("catalogue {}", mark("summary"));
    request.requested_by = format!("focal-point {}", mark("by"));
    m
}

fn request_mut(m: &mut pb::Message) -> &mut pb::InformationRequest {
    match m.content.as_mut().unwrap() {
        pb::message::Content::Request(r) => r,
        _ => unreachable!(),
    }
}

fn refusals(federation: &TestFederation, country: &str) -> usize {
    federation
        .node(country)
        .running()
        .exchange()
        .records()
        .audit_entries()
        .unwrap()
        .iter()
        .filter(|e| {
            matches!(
                e.event.as_str(),
                "call.refused" | "policy.denied" | "answer.rejected"
            )
        })
        .count()
}

/// Checks one refusal: its code, that its message names the problem, and
/// that exactly one more refusal was audited on `country`.
fn expect<T: std::fmt::Debug>(
    federation: &TestFederation,
    country: &str,
    before: &mut usize,
    name: &str,
    outcome: Result<T, tonic::Status>,
    code: Code,
    says: &str,
) {
    let status = outcome.expect_err(name);
    assert_eq!(status.code(), code, "{name}: {status:?}");
    assert!(
        status.message().contains(says),
        "{name}: `{}` does not say `{says}`",
        status.message()
    );
    let now = refusals(federation, country);
    assert_eq!(now, *before + 1, "{name}: not audited exactly once");
    *before = now;
}

/// Protobuf bytes nested `depth` groups deep (field 1, start/end group).
fn nested_groups(depth: usize) -> Vec<u8> {
    let mut bytes = vec![0x0b; depth];
    bytes.extend(std::iter::repeat_n(0x0c, depth));
    bytes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_negative_catalogue_is_refused_specifically_and_audited() {
    let logs = LogCapture::start();
    let federation = TestFederation::start(&["THA", "KHM", "VNM"]).await;
    let tha = PeerSigner::of(&federation, "THA");
    let vnm = PeerSigner::of(&federation, "VNM");
    let mut door = federation.federation_client_as("THA", "KHM").await;
    let mut count = refusals(&federation, "KHM");
    let mut tried = 0;
    macro_rules! federation_case {
        ($name:expr, $envelope:expr, $code:expr, $says:expr) => {{
            let outcome = door.deliver($envelope).await;
            expect(&federation, "KHM", &mut count, $name, outcome, $code, $says);
            tried += 1;
        }};
    }

    // Signatures and keys.
    let good = tha.seal(&message(1, "THA", "KHM"));
    let mut bad = good.clone();
    bad.signature[5] ^= 1;
    federation_case!(
        "bad signature",
        bad,
        Code::Unauthenticated,
        "signature does not verify"
    );
    let mut bad = good.clone();
    bad.message[3] ^= 1;
    federation_case!(
        "altered bytes",
        bad,
        Code::Unauthenticated,
        "signature does not verify"
    );
    federation_case!(
        "short signature",
        pb::Envelope {
            signature: good.signature[..40].to_vec(),
            ..good.clone()
        },
        Code::Unauthenticated,
        "signature is 40 bytes"
    );
    federation_case!(
        "no signature",
        pb::Envelope {
            signature: vec![],
            ..good.clone()
        },
        Code::Unauthenticated,
        "signature is 0 bytes"
    );
    federation_case!(
        "unknown key",
        pb::Envelope {
            key_id: mark("key-id"),
            ..good.clone()
        },
        Code::Unauthenticated,
        "unknown key"
    );
    federation_case!(
        "no key id",
        pb::Envelope {
            key_id: String::new(),
            ..good.clone()
        },
        Code::Unauthenticated,
        "`key_id` is empty"
    );
    federation_case!(
        "another peer's key",
        vnm.seal(&message(2, "THA", "KHM")),
        Code::Unauthenticated,
        "unknown key"
    );
    federation_case!(
        "empty envelope",
        pb::Envelope {
            protocol: liaison_proto::receipt::PROTOCOL,
            ..pb::Envelope::default()
        },
        Code::Unauthenticated,
        "`key_id` is empty"
    );
    federation_case!(
        "an envelope of the previous protocol",
        pb::Envelope {
            protocol: 1,
            ..good.clone()
        },
        Code::FailedPrecondition,
        "`protocol` is 1: this node speaks Liaison protocol 2"
    );

    // Identity and routing.
    federation_case!(
        "sender is not the TLS peer",
        tha.seal(&message(3, "VNM", "KHM")),
        Code::PermissionDenied,
        "arrived over the TLS identity of THA"
    );
    federation_case!(
        "wrong destination",
        tha.seal(&message(4, "THA", "VNM")),
        Code::InvalidArgument,
        "addressed to VNM"
    );

    // Time and replay.
    let mut stale = message(5, "THA", "KHM");
    stale.created_unix_ms = now_ms() - 40 * 86_400_000;
    federation_case!(
        "stale timestamp",
        tha.seal(&stale),
        Code::InvalidArgument,
        "stale envelope"
    );
    let mut future = message(6, "THA", "KHM");
    future.created_unix_ms = now_ms() + 3_600_000;
    let skewed = door.deliver(tha.seal(&future)).await;
    if let Err(status) = &skewed {
        // The reason that tells the sender to keep the envelope queued.
        assert_eq!(
            status
                .metadata()
                .get(liaison_proto::status::REFUSAL_REASON_HEADER)
                .and_then(|v| v.to_str().ok()),
            Some(liaison_proto::status::CLOCK_SKEW),
            "{status:?}"
        );
    }
    expect(
        &federation,
        "KHM",
        &mut count,
        "timestamp from the future",
        skewed,
        Code::FailedPrecondition,
        "ahead of this node's clock",
    );
    tried += 1;
    assert!(
        federation
            .metrics("KHM")
            .await
            .contains("liaison_clock_skew_refusals_total{peer=\"THA\"} 1"),
        "the refusal is counted against the peer"
    );
    door.deliver(good.clone())
        .await
        .expect("the genuine envelope is accepted");
    let again = door
        .deliver(good.clone())
        .await
        .expect("a retry gets a receipt for the same entry");
    assert!(again.get_ref().proof.is_some());
    let mut replay = message(1, "THA", "KHM");
    replay.nonce = vec![9; 16];
    federation_case!(
        "replayed id, other bytes",
        tha.seal(&replay),
        Code::AlreadyExists,
        "already delivered with different content"
    );
    let mut same_request = message(7, "THA", "KHM");
    request_mut(&mut same_request).request_id = uuid(1);
    federation_case!(
        "request id reused",
        tha.seal(&same_request),
        Code::AlreadyExists,
        "already delivered in another message"
    );

    // Content.
    let mut m = message(8, "THA", "KHM");
    request_mut(&mut m).category = 99;
    federation_case!(
        "unknown category",
        tha.seal(&m),
        Code::InvalidArgument,
        "category"
    );
    let mut m = message(9, "THA", "KHM");
    request_mut(&mut m).subject = None;
    federation_case!(
        "missing subject",
        tha.seal(&m),
        Code::InvalidArgument,
        "field `request.subject`: is required"
    );
    let mut m = message(10, "THA", "KHM");
    m.nonce = vec![1; 8];
    federation_case!("short nonce", tha.seal(&m), Code::InvalidArgument, "nonce");
    let mut m = message(11, "THA", "KHM");
    m.content = None;
    federation_case!("no content", tha.seal(&m), Code::InvalidArgument, "content");
    let mut m = message(12, "THA", "KHM");
    request_mut(&mut m).from_country = "VNM".into();
    federation_case!(
        "inner parties differ",
        tha.seal(&m),
        Code::InvalidArgument,
        "names VNM to KHM"
    );
    let mut m = message(13, "THA", "KHM");
    request_mut(&mut m).offence_code = mark("offence");
    federation_case!(
        "bad offence code",
        tha.seal(&m),
        Code::InvalidArgument,
        "ICCS"
    );
    let mut m = message(14, "THA", "KHM");
    m.message_id = format!("not-a-uuid{}", mark("message-id"));
    federation_case!(
        "bad message id",
        tha.seal(&m),
        Code::InvalidArgument,
        "message_id"
    );
    federation_case!(
        "not protobuf",
        tha.envelope(vec![0xff; 64]),
        Code::InvalidArgument,
        "not valid protobuf"
    );
    let mut invalid_utf8 = message(15, "THA", "KHM").encode_to_vec();
    let at = invalid_utf8
        .windows(9)
        .position(|w| w == b"catalogue")
        .unwrap();
    invalid_utf8[at] = 0xff;
    federation_case!(
        "malformed UTF-8",
        tha.envelope(invalid_utf8),
        Code::InvalidArgument,
        "not valid protobuf"
    );
    federation_case!(
        "deeply nested",
        tha.envelope(nested_groups(200)),
        Code::InvalidArgument,
        "not valid protobuf"
    );
    federation_case!(
        "oversized",
        tha.envelope(vec![0; MAX_MESSAGE_BYTES + 1]),
        Code::ResourceExhausted,
        "more than the 262144 allowed"
    );

    // Answers and withdrawals that fit nothing.
    let answer = |n: u8, request: String| pb::Message {
        content: Some(pb::message::Content::Answer(pb::Answer {
            request_id: request,
            from_country: "THA".into(),
            to_country: "KHM".into(),
            agency: "police".into(),
            answered_unix_ms: now_ms(),
            outcome: Some(pb::answer::Outcome::Refusal(pb::Refusal {
                reason: pb::RefusalReason::Other as i32,
                explanation: mark("explanation"),
                rule: String::new(),
            })),
        })),
        ..message(n, "THA", "KHM")
    };
    federation_case!(
        "answer to an unknown request",
        tha.seal(&answer(16, uuid(99))),
        Code::NotFound,
        "no request"
    );
    let withdrawal = pb::Message {
        content: Some(pb::message::Content::Withdrawal(pb::Withdrawal {
            request_id: uuid(98),
            reason: mark("reason"),
        })),
        ..message(17, "THA", "KHM")
    };
    federation_case!(
        "withdrawal of an unknown request",
        tha.seal(&withdrawal),
        Code::NotFound,
        "no request"
    );

    // A certificate of the federation for a country KHM does not peer with.
    let ca = FederationCa::load_or_create(&federation.dir.path().join("ca")).unwrap();
    let ca_pem = federation.node("THA").config().tls.ca_pem;
    let mut stranger = federation
        .federation_client(
            "KHM",
            Some(ca.issue("lao.liaison").unwrap()),
            &ca_pem,
            "khm.liaison",
        )
        .await
        .unwrap();
    let outcome = stranger.deliver(good.clone()).await;
    expect(
        &federation,
        "KHM",
        &mut count,
        "unknown TLS identity",
        outcome,
        Code::PermissionDenied,
        "not a configured peer",
    );
    tried += 1;

    // Only the genuine envelope was accepted.
    let khm = federation.node("KHM").running().exchange();
    assert_eq!(
        khm.records().requests(Direction::Incoming).unwrap().len(),
        1
    );

    // The local API.
    let (channel, focal_token) = federation.local("THA", "focal-point").await;
    let mut count = refusals(&federation, "THA");
    let mut focal =
        pb::focal_point_client::FocalPointClient::with_interceptor(channel.clone(), focal_token);
    macro_rules! local_case {
        ($name:expr, $call:expr, $code:expr, $says:expr) => {{
            let outcome = $call.await;
            expect(&federation, "THA", &mut count, $name, outcome, $code, $says);
            tried += 1;
        }};
    }
    let mut anonymous = pb::focal_point_client::FocalPointClient::new(channel.clone());
    local_case!(
        "no token",
        anonymous.list(pb::ListFilter::default()),
        Code::Unauthenticated,
        "missing `authorization"
    );
    let mut basic = pb::focal_point_client::FocalPointClient::with_interceptor(
        channel.clone(),
        |mut r: tonic::Request<()>| {
            r.metadata_mut()
                .insert("authorization", "Basic Zm9vOmJhcg==".parse().unwrap());
            Ok(r)
        },
    );
    local_case!(
        "not a bearer token",
        basic.list(pb::ListFilter::default()),
        Code::Unauthenticated,
        "must be `Bearer <token>`"
    );
    let forged = liaison_proto::auth::BearerToken::new("lsn_forged").unwrap();
    let mut forger =
        pb::focal_point_client::FocalPointClient::with_interceptor(channel.clone(), forged);
    local_case!(
        "unknown token",
        forger.list(pb::ListFilter::default()),
        Code::Unauthenticated,
        "unknown token"
    );
    let (_, police_token) = federation.local("THA", "police-officer").await;
    let mut police_as_focal =
        pb::focal_point_client::FocalPointClient::with_interceptor(channel.clone(), police_token);
    local_case!(
        "wrong role",
        police_as_focal.submit(phone_check("KHM", "+85512345678")),
        Code::PermissionDenied,
        "may not submit requests"
    );
    local_case!(
        "unknown category",
        focal.submit(pb::NewRequest {
            category: 42,
            ..phone_check("KHM", "+85512345678")
        }),
        Code::InvalidArgument,
        "category"
    );
    local_case!(
        "missing subject",
        focal.submit(pb::NewRequest {
            subject: None,
            ..phone_check("KHM", "+85512345678")
        }),
        Code::InvalidArgument,
        "subject"
    );
    local_case!(
        "bad phone number",
        focal.submit(phone_check("KHM", &format!("12{}", mark("phone")))),
        Code::InvalidArgument,
        "E.164"
    );
    local_case!(
        "summary too long",
        focal.submit(pb::NewRequest {
            summary: "x".repeat(5000) + &mark("long"),
            ..phone_check("KHM", "+85512345678")
        }),
        Code::InvalidArgument,
        "at most 4000"
    );
    local_case!(
        "control characters",
        focal.submit(pb::NewRequest {
            summary: format!("a\u{1b}b{}", mark("control")),
            ..phone_check("KHM", "+85512345678")
        }),
        Code::InvalidArgument,
        "control character"
    );
    local_case!(
        "deadline passed",
        focal.submit(pb::NewRequest {
            deadline_unix_ms: 1000,
            ..phone_check("KHM", "+85512345678")
        }),
        Code::InvalidArgument,
        "already passed"
    );
    let person = |person: pb::Person| pb::NewRequest {
        category: pb::Category::PersonCheck as i32,
        subject: Some(pb::Subject {
            kind: Some(pb::subject::Kind::Person(person)),
            ..Default::default()
        }),
        ..phone_check("KHM", "+85512345678")
    };
    let someone = || pb::Person {
        full_name: format!("Somebody {}", mark("name")),
        date_of_birth: "1999-04-02".into(),
        nationality: "VNM".into(),
        document_number: String::new(),
        indicators: Vec::new(),
    };
    local_case!(
        "a date that is not in the calendar",
        focal.submit(person(pb::Person {
            date_of_birth: "2024-02-30".into(),
            ..someone()
        })),
        Code::InvalidArgument,
        "field `subject.person.date_of_birth`: names a day that its month does not have"
    );
    local_case!(
        "a nationality that is no country code",
        focal.submit(person(pb::Person {
            nationality: mark("nationality"),
            ..someone()
        })),
        Code::InvalidArgument,
        "field `subject.person.nationality`: is not an ISO 3166-1 alpha-3 country code"
    );
    local_case!(
        "a jurisdiction that is no country code",
        focal.submit(pb::NewRequest {
            category: pb::Category::CompanyCheck as i32,
            subject: Some(pb::Subject {
                kind: Some(pb::subject::Kind::Company(pb::Company {
                    name: format!("Shell Co {}", mark("company")),
                    registration_number: String::new(),
                    jurisdiction: mark("jurisdiction"),
                })),
                ..Default::default()
            }),
            ..phone_check("KHM", "+85512345678")
        }),
        Code::InvalidArgument,
        "field `subject.company.jurisdiction`"
    );
    local_case!(
        "a destination that is no country code",
        focal.submit(phone_check(&mark("country"), "+85512345678")),
        Code::InvalidArgument,
        "field `to_country`: is not an ISO 3166-1 alpha-3 country code"
    );
    local_case!(
        "a requested field outside the catalogue",
        focal.submit(pb::NewRequest {
            requested_fields: vec![mark("wanted")],
            ..phone_check("KHM", "+85512345678")
        }),
        Code::InvalidArgument,
        "field `requested_fields[0]`: is not a response field of PHONE_CHECK"
    );
    local_case!(
        "an unknown enumeration value lists the accepted ones",
        focal.submit(pb::NewRequest {
            purpose: 77,
            ..phone_check("KHM", "+85512345678")
        }),
        Code::InvalidArgument,
        "unknown value 77 (expected one of: INVESTIGATION, PROSECUTION, VICTIM_ASSISTANCE, INTELLIGENCE)"
    );
    local_case!(
        "unknown peer",
        focal.submit(phone_check("LAO", "+85512345678")),
        Code::NotFound,
        "no peer LAO"
    );
    local_case!(
        "bad request id",
        focal.get(pb::RequestRef {
            request_id: format!("1; DROP TABLE {}", mark("request-id"))
        }),
        Code::InvalidArgument,
        "not a lower-case UUID"
    );
    local_case!(
        "unknown request",
        focal.get(pb::RequestRef {
            request_id: uuid(77)
        }),
        Code::NotFound,
        "no request"
    );
    local_case!(
        "withdraw unknown",
        focal.withdraw(pb::WithdrawCall {
            request_id: uuid(76),
            reason: String::new()
        }),
        Code::NotFound,
        "no request"
    );
    let (_, agency_token) = federation.local("THA", "police-officer").await;
    let mut police =
        pb::agency_client::AgencyClient::with_interceptor(channel.clone(), agency_token);
    local_case!(
        "answer unknown request",
        police.answer(pb::AnswerCall {
            request_id: uuid(75),
            fields: vec![pb::Field {
                name: "sim_status".into(),
                value: mark("value"),
                ..Default::default()
            }],
            remarks: String::new(),
            ..Default::default()
        }),
        Code::NotFound,
        "no request"
    );
    local_case!(
        "duplicate field",
        police.answer(pb::AnswerCall {
            request_id: uuid(75),
            fields: vec![
                pb::Field {
                    name: "a".into(),
                    value: mark("value-1"),
                    ..Default::default()
                },
                pb::Field {
                    name: "a".into(),
                    value: mark("value-2"),
                    ..Default::default()
                }
            ],
            remarks: String::new(),
            ..Default::default()
        }),
        Code::InvalidArgument,
        "repeats the name of fields[0]"
    );
    local_case!(
        "refusal without reason",
        police.refuse(pb::RefuseCall {
            request_id: uuid(75),
            reason: 0,
            explanation: mark("refusal")
        }),
        Code::InvalidArgument,
        "reason"
    );
    local_case!(
        "answer with no fields",
        police.answer(pb::AnswerCall {
            request_id: uuid(75),
            fields: vec![],
            remarks: String::new(),
            ..Default::default()
        }),
        Code::InvalidArgument,
        "at least one field"
    );

    // No value of any refused input reached an audit log or the logs.
    for country in ["THA", "KHM"] {
        let log = liaison_tests::export(&mut federation.auditor(country).await).await;
        assert!(
            log.contains("call.refused"),
            "{country}: no refusal exported"
        );
        assert!(
            !log.contains("~mk-"),
            "{country}: a value reached the audit log"
        );
    }
    let text = logs.text();
    assert!(text.contains("envelope refused"), "the logs were captured");
    assert!(
        text.contains("local call refused"),
        "the logs were captured"
    );
    let leaked: Vec<&str> = text.lines().filter(|l| l.contains("~mk-")).collect();
    assert!(leaked.is_empty(), "values reached the logs: {leaked:#?}");
    federation.shutdown().await;
    assert!(tried >= 36, "{tried} cases");

    // A policy denial, on a federation whose agreement lacks the category.
    let only_phones = |_: liaison_proto::domain::CountryCode,
                       _: liaison_proto::domain::CountryCode| {
        Some(agreement(
            "THA",
            "KHM",
            1,
            5,
            &[(
                pb::Category::PhoneCheck,
                &["THA->KHM"],
                &[pb::Purpose::Investigation],
                &[],
            )],
        ))
    };
    let federation = TestFederation::start_with(&["THA", "KHM"], &only_phones).await;
    let mut focal = federation.focal_point("THA").await;
    let mut count = refusals(&federation, "THA");
    let mut wallet = phone_check("KHM", "+85512345678");
    wallet.category = pb::Category::CompanyCheck as i32;
    wallet.subject = Some(pb::Subject {
        kind: Some(pb::subject::Kind::Company(pb::Company {
            name: "Shell Co".into(),
            ..Default::default()
        })),
        ..Default::default()
    });
    let outcome = focal.submit(wallet).await;
    expect(
        &federation,
        "THA",
        &mut count,
        "policy denial",
        outcome,
        Code::PermissionDenied,
        "no rule for COMPANY_CHECK",
    );
    assert!(
        federation
            .node("THA")
            .running()
            .exchange()
            .list_outgoing(None, None)
            .unwrap()
            .is_empty()
    );
    println!(
        "negative catalogue: {} cases refused, none accepted, each audited once",
        tried + 1
    );
    federation.shutdown().await;
}
