//! A hostile peer against a real node: a peer that holds real credentials
//! (Cambodia's real signing key and real mutual-TLS identity) misbehaves
//! at random, for a bounded number of steps, against Thailand's honest
//! node, and after every step Thailand must still hold exactly what a
//! small model of it says.
//!
//! Thailand's focal point submits real requests to Cambodia (and a few to
//! Viet Nam). Cambodia's node keeps running, so that Thailand's requests
//! are really delivered (`SENT`) and withdrawals really go out, but its
//! officers never answer: every answer Thailand receives comes from the
//! hostile peer, which signs with Cambodia's key and sends over Cambodia's
//! TLS identity. Each step, the peer draws one behaviour: a correct answer
//! within the agreement (or a refusal) to an open request, in any order; a
//! replay of an envelope already delivered (the same bytes get a receipt
//! for the same audit entry; the same message id with other bytes is
//! refused); a withdrawal of a request Thailand sent (only the sender may
//! withdraw); nothing at all (a dropped answer: the request stays open); a
//! duplicate answer to a request already answered; a forged answer (a field
//! the agreement does not accept, a field not requested, a looser handling
//! code, a longer retention, an unknown request, a request sent to Viet
//! Nam, a withdrawn or otherwise final request); an answer signed as made
//! past the deadline and the clock skew allowed, or to a request that
//! expired; malformed envelopes (garbage bytes, a truncated protobuf, an
//! unknown or empty key id, a bad signature, a wrong `to` or `from`, a
//! timestamp beyond the skew allowed or too old). Thailand's focal point
//! also withdraws requests and lets deadlines pass (`expire_overdue` with
//! the deadline's time), so that answers arrive before and after those.
//! Every refusal must carry its specific status.
//!
//! After every step: no request recorded two final states or left one;
//! each shows the status and the answer the model expects; no value of a
//! forged answer (each carries a unique `HOSTILE-MARKER-n`) is visible
//! through `FocalPoint.Get`, stored in a request record or written to the
//! audit log; the number of `answer.rejected` entries equals the number of
//! forged answers sent so far and that of `call.refused` the number of
//! other refused envelopes; and Thailand's audit export verifies offline
//! (`verify_export`), every step. At the end Thailand stops and no marker
//! is found in plain text in its data directory.
//!
//! Had they not been fixed, the simulation would have caught these defects
//! of issue 12 ("Trust holes"):
//! 1. the requester believed any signed answer: forged answers with
//!    over-release, weaker handling, longer retention, from the wrong peer
//!    or to an unknown or withdrawn request would have been stored (marker
//!    visible, status `ANSWERED` against the model, no `answer.rejected`);
//! 3. deadlines were not final: a late answer would have turned an
//!    `EXPIRED` request into `ANSWERED` (two final states in its history);
//! 4. unspecific statuses: garbage or truncated protobuf must be
//!    `INVALID_ARGUMENT` and an empty key id must be refused
//!    (`UNAUTHENTICATED`).
//!
//! Defect 5 of issue 12 (permanent refusals retried forever) is not one
//! the simulation would catch: here Thailand receives, and the peer's
//! refused envelopes are the test's own, never retried by a node
//! (`tests/tests/trust.rs` covers it).
//!
//! A rolled-back or forked log: Thailand's witness pulls Cambodia's tree
//! head through `Federation.GetTreeHead`, so for that behaviour Cambodia's
//! node stops and a lying federation server takes its address, with its
//! TLS identity, serving a head signed with its key that is smaller than
//! (rolled back) or of the same size but another root than (forked) the
//! one Thailand saw last. Thailand must say so (`witness.alarm`), keep the
//! last good head, and find Cambodia's real log consistent with it once
//! Cambodia's node is back.
//!
//! `LIAISON_HOSTILE_STEPS` sets how many steps run (200 by default) and
//! `LIAISON_HOSTILE_SEED` the seed they are drawn from (a fixed one by
//! default, so that CI runs the same steps every time).

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::path::Path;

use liaison_node::exchange::now_ms;
use liaison_node::records::Direction;
use liaison_proto::audit::verify_export;
use liaison_proto::domain::Outcome;
use liaison_proto::pb;
use liaison_tests::{
    Focal, PeerSigner, TestFederation, agreement, audit_events, await_status, envelope_hash,
    export, phone_check, submit, test_uuid, view_of,
};
use prost::Message as _;
use tonic::Code;
use tonic::transport::Channel;

/// The seed of the steps unless `LIAISON_HOSTILE_SEED` gives another.
const DEFAULT_SEED: u64 = 12;
/// How many steps run unless `LIAISON_HOSTILE_STEPS` says otherwise.
const DEFAULT_STEPS: u64 = 200;
/// At most this many requests are submitted, to bound each step's checks.
const MAX_REQUESTS: usize = 24;
/// The fields the agreement releases for a phone check.
const RELEASED: [&str; 3] = ["subscriber_name", "registration_date", "sim_status"];
/// Deadlines of successive requests are this far apart (more than the
/// clock skew allowed), so that letting one pass leaves earlier ones open.
const DEADLINE_STEP_MS: i64 = 3_600_000;
/// What every forged value carries, followed by its number.
const MARKER: &str = "HOSTILE-MARKER-";

/// Phone checks both ways, releasing three fields, INTELLIGENCE_ONLY, 30
/// days, with a daily limit no run reaches.
fn phone_agreements(
    holder: liaison_proto::domain::CountryCode,
    peer: liaison_proto::domain::CountryCode,
) -> Option<liaison_node::policy::AgreementFile> {
    let (a, b) = (holder.as_str(), peer.as_str());
    let (ab, ba) = (format!("{a}->{b}"), format!("{b}->{a}"));
    Some(agreement(
        a,
        b,
        1,
        100_000,
        &[(
            pb::Category::PhoneCheck,
            &[ab.as_str(), ba.as_str()],
            &[pb::Purpose::Investigation],
            &RELEASED,
        )],
    ))
}

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(text) => text
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a number, not {text:?}")),
        Err(_) => default,
    }
}

/// xorshift64*: small, deterministic, enough to draw behaviours.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

/// What Thailand should hold of one of its requests.
struct Tracked {
    id: String,
    to: &'static str,
    deadline: i64,
    requested: Vec<String>,
    /// `SENT` while open, else its final state.
    status: pb::RequestStatus,
    /// The values of the correct answer, once answered.
    values: Vec<String>,
    /// The statuses of its history at the last check, which the next
    /// check must extend (or, once final, repeat).
    seen: Vec<i32>,
}

/// What Thailand should hold, and what the hostile peer did so far.
struct Model {
    requests: Vec<Tracked>,
    /// Envelopes Thailand accepted from the peer, and their receipts.
    delivered: Vec<(pb::Envelope, pb::Receipt)>,
    /// The hashes of the forged answers sent: each must be audited once
    /// as `answer.rejected`, naming it.
    rejected: Vec<String>,
    /// Other refused envelopes: each must be audited as `call.refused`.
    refused_calls: usize,
    /// Rolled-back or forked heads served to Thailand's witness: each must
    /// be audited as `witness.alarm`.
    alarms: usize,
    /// `call.refused` entries before the first step.
    refused_before: usize,
    /// The number of the next message the peer makes.
    next: u64,
    /// How often each behaviour was taken, to show.
    taken: BTreeMap<&'static str, usize>,
    log: Vec<String>,
}

impl Model {
    fn number(&mut self) -> u64 {
        self.next += 1;
        self.next
    }

    fn marker(&mut self) -> String {
        let n = self.number();
        format!("{MARKER}{n}")
    }

    fn open(&self, to: &str) -> Vec<usize> {
        (0..self.requests.len())
            .filter(|&i| {
                self.requests[i].to == to && self.requests[i].status == pb::RequestStatus::Sent
            })
            .collect()
    }

    fn closed(&self, to: &str) -> Vec<usize> {
        (0..self.requests.len())
            .filter(|&i| {
                self.requests[i].to == to && self.requests[i].status != pb::RequestStatus::Sent
            })
            .collect()
    }

    fn trace(&self) -> String {
        let from = self.log.len().saturating_sub(6);
        format!(
            "after {} steps (last: {})",
            self.log.len(),
            self.log[from..].join("; ")
        )
    }
}

/// The peer: Cambodia's key and a client over Cambodia's TLS identity.
struct Peer {
    key: PeerSigner,
    client: liaison_proto::pb::federation_client::FederationClient<Channel>,
}

/// An answer from `from` to Thailand about `request_id`, message id `n`.
#[allow(clippy::too_many_arguments)]
fn answer(
    n: u64,
    from: &str,
    request_id: &str,
    fields: &[(&str, String)],
    remarks: String,
    handling: pb::HandlingCode,
    retention_days: u32,
    answered_unix_ms: i64,
) -> pb::Message {
    pb::Message {
        message_id: test_uuid(n),
        from: from.into(),
        to: "THA".into(),
        created_unix_ms: now_ms(),
        nonce: n.to_le_bytes().repeat(2),
        content: Some(pb::message::Content::Answer(pb::Answer {
            request_id: request_id.into(),
            from_country: from.into(),
            to_country: "THA".into(),
            agency: "police".into(),
            answered_unix_ms,
            outcome: Some(pb::answer::Outcome::Released(pb::Released {
                fields: fields
                    .iter()
                    .map(|(name, value)| pb::Field {
                        name: name.to_string(),
                        value: value.clone(),
                        ..Default::default()
                    })
                    .collect(),
                remarks,
                handling: handling as i32,
                retention_days,
                redacted_fields: vec![],
                rule: "KHM-THA v1 rule 1 (PHONE_CHECK)".into(),
            })),
        })),
    }
}

/// A forged answer: every value and the remarks carry a fresh marker.
fn forged(
    model: &mut Model,
    request_id: &str,
    fields: &[&str],
    handling: pb::HandlingCode,
    retention_days: u32,
    answered_unix_ms: i64,
) -> pb::Message {
    let fields: Vec<(&str, String)> = fields.iter().map(|f| (*f, model.marker())).collect();
    let remarks = model.marker();
    let n = model.number();
    answer(
        n,
        "KHM",
        request_id,
        &fields,
        remarks,
        handling,
        retention_days,
        answered_unix_ms,
    )
}

/// Whether a refused envelope is an answer Thailand could read (audited
/// as `answer.rejected`) or not (audited as `call.refused`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Refused {
    Answer,
    Call,
}

/// Delivers `envelope` as the peer, checks it is refused with `code` and
/// a message containing `says`, and counts it in the model.
async fn refused(
    peer: &mut Peer,
    model: &mut Model,
    kind: Refused,
    what: &str,
    envelope: pb::Envelope,
    code: Code,
    says: &str,
) {
    let hash = envelope_hash(&envelope);
    let Err(status) = peer.client.deliver(envelope).await else {
        panic!("{}: {what} was accepted", model.trace());
    };
    assert_eq!(status.code(), code, "{}: {what}: {status:?}", model.trace());
    assert!(
        status.message().contains(says),
        "{}: {what}: `{}` does not say `{says}`",
        model.trace(),
        status.message()
    );
    match kind {
        Refused::Answer => model.rejected.push(hash),
        Refused::Call => model.refused_calls += 1,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_peer_with_real_credentials_changes_nothing_it_should_not() {
    let steps = env_number("LIAISON_HOSTILE_STEPS", DEFAULT_STEPS);
    let seed = env_number("LIAISON_HOSTILE_SEED", DEFAULT_SEED);
    eprintln!("hostile peer: {steps} steps, LIAISON_HOSTILE_SEED={seed}");
    let started = std::time::Instant::now();
    // Thailand witnesses only when the test asks it to.
    let mut federation =
        TestFederation::start_prepared(&["THA", "KHM", "VNM"], &phone_agreements, |planned| {
            let path = &planned.node.config_path;
            let mut table: toml::Table =
                toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            table["node"]
                .as_table_mut()
                .unwrap()
                .insert("witness_interval_secs".into(), toml::Value::Integer(86_400));
            std::fs::write(path, toml::to_string(&table).unwrap()).unwrap();
        })
        .await;
    let mut peer = Peer {
        key: PeerSigner::of(&federation, "KHM"),
        client: federation.federation_client_as("KHM", "THA").await,
    };
    let mut focal = federation.focal_point("THA").await;
    let skew = federation.node("THA").config().max_clock_skew.as_millis() as i64;
    let first_deadline = now_ms() + 300 * 86_400_000;
    let mut rng = Rng::new(seed);
    let mut model = Model {
        requests: Vec::new(),
        delivered: Vec::new(),
        rejected: Vec::new(),
        refused_calls: 0,
        alarms: 0,
        refused_before: audit_events(&federation, "THA", "call.refused").len(),
        next: 10_000,
        taken: BTreeMap::new(),
        log: Vec::new(),
    };
    // Something to answer from the start: one request to each peer.
    for to in ["KHM", "VNM"] {
        new_request(&mut focal, &mut model, &mut rng, first_deadline, to).await;
    }
    // Thailand's first look at Cambodia's log: the head later steps lie about.
    let first = witness(&federation).await;
    assert_eq!(first.verdict, "first-seen", "{first:?}");
    check(&federation, &mut focal, &mut model).await;
    for _ in 0..steps {
        let name = step(
            &mut federation,
            &mut peer,
            &mut focal,
            &mut model,
            &mut rng,
            first_deadline,
            skew,
        )
        .await;
        *model.taken.entry(name).or_default() += 1;
        model.log.push(name.to_string());
        check(&federation, &mut focal, &mut model).await;
    }
    eprintln!(
        "hostile peer: {steps} steps in {:.1} s, {} forged answers, {} other refused envelopes, \
         behaviours taken: {:?}",
        started.elapsed().as_secs_f64(),
        model.rejected.len(),
        model.refused_calls,
        model.taken
    );

    // Nothing of any forged answer reached Thailand's disk in plain text.
    federation.stop("THA").await;
    let data_dir = federation.node("THA").config().data_dir;
    let found = holding(&data_dir, MARKER.as_bytes());
    assert!(found.is_empty(), "a forged value on disk in {found:?}");
    federation.shutdown().await;
}

/// Submits a request from Thailand's focal point to `to`, asking for a
/// random non-empty subset of the released fields, and waits until sent.
async fn new_request(
    focal: &mut Focal,
    model: &mut Model,
    rng: &mut Rng,
    first_deadline: i64,
    to: &'static str,
) {
    let deadline = first_deadline - model.requests.len() as i64 * DEADLINE_STEP_MS;
    let mut requested: Vec<String> = RELEASED
        .iter()
        .filter(|_| rng.below(2) == 0)
        .map(|f| f.to_string())
        .collect();
    if requested.is_empty() {
        requested.push(RELEASED[rng.below(RELEASED.len())].into());
    }
    let number = if to == "KHM" {
        "+85512345678"
    } else {
        "+84912345678"
    };
    let id = submit(
        focal,
        pb::NewRequest {
            requested_fields: requested.clone(),
            deadline_unix_ms: deadline,
            ..phone_check(to, number)
        },
    )
    .await;
    await_status(focal, &id, pb::RequestStatus::Sent).await;
    model.requests.push(Tracked {
        id,
        to,
        deadline,
        requested,
        status: pb::RequestStatus::Sent,
        values: Vec::new(),
        seen: Vec::new(),
    });
}

/// Takes one step drawn from `rng`; returns its name.
async fn step(
    federation: &mut TestFederation,
    peer: &mut Peer,
    focal: &mut Focal,
    model: &mut Model,
    rng: &mut Rng,
    first_deadline: i64,
    skew: i64,
) -> &'static str {
    use pb::HandlingCode::{EvidenceWithConsent, IntelligenceOnly};
    let open = model.open("KHM");
    let closed = model.closed("KHM");
    let now = now_ms();
    // With nothing open to misbehave about, Thailand asks again, mostly.
    if open.is_empty() && model.requests.len() < MAX_REQUESTS && rng.below(4) != 0 {
        new_request(focal, model, rng, first_deadline, "KHM").await;
        return "thailand submits";
    }
    match rng.below(17) {
        // Thailand asks again (if it may still), else the peer stays silent.
        0 if model.requests.len() < MAX_REQUESTS => {
            let to = if rng.below(4) == 0 { "VNM" } else { "KHM" };
            new_request(focal, model, rng, first_deadline, to).await;
            "thailand submits"
        }
        // A correct answer within the agreement, to any open request.
        1 | 2 if !open.is_empty() => {
            let i = *rng.pick(&open).unwrap();
            let (id, requested) = (
                model.requests[i].id.clone(),
                model.requests[i].requested.clone(),
            );
            let mut fields: Vec<&str> = requested
                .iter()
                .map(String::as_str)
                .filter(|_| rng.below(3) != 0)
                .collect();
            if fields.is_empty() {
                fields.push(requested[0].as_str());
            }
            let n = model.number();
            let values: Vec<(&str, String)> = fields
                .iter()
                .map(|f| (*f, format!("Honest {f} {n}")))
                .collect();
            let mut message = answer(
                n,
                "KHM",
                &id,
                &values,
                format!("Honest remarks {n}"),
                IntelligenceOnly,
                30 - rng.below(10) as u32,
                now_ms(),
            );
            // Now and then a refusal instead: a final state too.
            let refusal = rng.below(4) == 0;
            if refusal && let Some(pb::message::Content::Answer(a)) = &mut message.content {
                a.outcome = Some(pb::answer::Outcome::Refusal(pb::Refusal {
                    reason: pb::RefusalReason::InsufficientInformation as i32,
                    explanation: format!("Honest refusal {n}"),
                    rule: String::new(),
                }));
            }
            let envelope = peer.key.seal(&message);
            let receipt = peer
                .client
                .deliver(envelope.clone())
                .await
                .unwrap_or_else(|e| panic!("{}: a correct answer refused: {e:?}", model.trace()))
                .into_inner();
            let request = &mut model.requests[i];
            if refusal {
                request.status = pb::RequestStatus::Refused;
                request.values = vec![format!("Honest refusal {n}")];
            } else {
                request.status = pb::RequestStatus::Answered;
                request.values = values.into_iter().map(|(_, v)| v).collect();
            }
            await_status(focal, &id, request.status).await;
            model.delivered.push((envelope, receipt));
            if refusal {
                "correct refusal"
            } else {
                "correct answer"
            }
        }
        // The same bytes again: a receipt for the same audit entry.
        3 if !model.delivered.is_empty() => {
            let (envelope, first) = model.delivered[rng.below(model.delivered.len())].clone();
            let again = peer
                .client
                .deliver(envelope)
                .await
                .unwrap_or_else(|e| panic!("{}: a replay refused: {e:?}", model.trace()))
                .into_inner();
            let (first, again) = (first.proof.unwrap(), again.proof.unwrap());
            assert_eq!(first.index, again.index, "{}: another entry", model.trace());
            assert_eq!(first.entry, again.entry, "{}: another entry", model.trace());
            "replay, same bytes"
        }
        // The same message id with other bytes: refused, whatever it says.
        4 if !model.delivered.is_empty() => {
            let (envelope, _) = model.delivered[rng.below(model.delivered.len())].clone();
            let mut message = pb::Message::decode(envelope.message.as_slice()).unwrap();
            message.nonce.iter_mut().for_each(|b| *b ^= 0xa5);
            if let Some(pb::message::Content::Answer(pb::Answer {
                outcome: Some(pb::answer::Outcome::Released(released)),
                ..
            })) = &mut message.content
            {
                released.remarks = model.marker();
            }
            let id = message.message_id.clone();
            refused(
                peer,
                model,
                Refused::Call,
                "a replay with other bytes",
                peer.key.seal(&message),
                Code::AlreadyExists,
                &format!("message id {id} was already delivered with different content"),
            )
            .await;
            "replay, other bytes"
        }
        // Only the sender may withdraw a request.
        5 if !model.requests.is_empty() => {
            let id = model.requests[rng.below(model.requests.len())].id.clone();
            let reason = model.marker();
            let n = model.number();
            let withdrawal = pb::Message {
                message_id: test_uuid(n),
                from: "KHM".into(),
                to: "THA".into(),
                created_unix_ms: now_ms(),
                nonce: n.to_le_bytes().repeat(2),
                content: Some(pb::message::Content::Withdrawal(pb::Withdrawal {
                    request_id: id.clone(),
                    reason,
                })),
            };
            refused(
                peer,
                model,
                Refused::Call,
                "a withdrawal by the peer",
                peer.key.seal(&withdrawal),
                Code::NotFound,
                &format!("no request {id} was received from KHM"),
            )
            .await;
            "peer withdraws"
        }
        // Thailand withdraws one of its open requests.
        6 if !open.is_empty() => {
            let i = *rng.pick(&open).unwrap();
            focal
                .withdraw(pb::WithdrawCall {
                    request_id: model.requests[i].id.clone(),
                    reason: String::new(),
                })
                .await
                .unwrap_or_else(|e| panic!("{}: withdrawal refused: {e:?}", model.trace()));
            model.requests[i].status = pb::RequestStatus::Withdrawn;
            "thailand withdraws"
        }
        // A deadline passes on Thailand's side: every open request due by
        // then expires.
        7 if !open.is_empty() => {
            let i = *rng.pick(&open).unwrap();
            let deadline = model.requests[i].deadline;
            let tha = federation.node("THA").running().exchange();
            let expired = tha.expire_overdue(deadline + skew).await.unwrap();
            let mut expected = 0;
            for request in &mut model.requests {
                if request.status == pb::RequestStatus::Sent && request.deadline <= deadline {
                    request.status = pb::RequestStatus::Expired;
                    expected += 1;
                }
            }
            assert_eq!(expired, expected, "{}: requests expired", model.trace());
            "deadline passes"
        }
        // A duplicate answer, or any answer, to a final request.
        8 if !closed.is_empty() => {
            let i = *rng.pick(&closed).unwrap();
            let (id, status) = (model.requests[i].id.clone(), model.requests[i].status);
            let fields = [model.requests[i].requested[0].clone()];
            let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
            let message = forged(model, &id, &fields, IntelligenceOnly, 30, now_ms());
            let says = if status == pb::RequestStatus::Expired {
                format!("request {id} expired at its deadline")
            } else {
                let name = status.as_str_name().trim_start_matches("REQUEST_STATUS_");
                format!("request {id} is already {name}")
            };
            refused(
                peer,
                model,
                Refused::Answer,
                "an answer to a final request",
                peer.key.seal(&message),
                Code::FailedPrecondition,
                &says,
            )
            .await;
            match status {
                pb::RequestStatus::Answered => "duplicate answer",
                pb::RequestStatus::Expired => "answer after expiry",
                pb::RequestStatus::Refused => "answer after a refusal",
                _ => "answer to a withdrawn request",
            }
        }
        // Over-release: a field the agreement does not accept.
        9 if !open.is_empty() => {
            let i = *rng.pick(&open).unwrap();
            let id = model.requests[i].id.clone();
            let message = forged(model, &id, &["location_history"], IntelligenceOnly, 30, now);
            refused(
                peer,
                model,
                Refused::Answer,
                "a field the agreement does not accept",
                peer.key.seal(&message),
                Code::PermissionDenied,
                "location_history is not a field THA's agreement accepts",
            )
            .await;
            "forged: over-release"
        }
        // A field accepted but not requested, or looser terms.
        10 if !open.is_empty() => {
            let i = *rng.pick(&open).unwrap();
            let id = model.requests[i].id.clone();
            let requested = model.requests[i].requested.clone();
            let unrequested = RELEASED.iter().find(|f| !requested.iter().any(|r| r == *f));
            let first = requested[0].clone();
            match (rng.below(3), unrequested) {
                (0, Some(extra)) => {
                    let message = forged(
                        model,
                        &id,
                        &[first.as_str(), *extra],
                        IntelligenceOnly,
                        30,
                        now,
                    );
                    refused(
                        peer,
                        model,
                        Refused::Answer,
                        "a field not requested",
                        peer.key.seal(&message),
                        Code::PermissionDenied,
                        &format!("{extra} was not requested"),
                    )
                    .await;
                    "forged: not requested"
                }
                (1, _) => {
                    let message =
                        forged(model, &id, &[first.as_str()], EvidenceWithConsent, 30, now);
                    refused(
                        peer,
                        model,
                        Refused::Answer,
                        "a looser handling code",
                        peer.key.seal(&message),
                        Code::PermissionDenied,
                        "EVIDENCE_WITH_CONSENT is less strict than the INTELLIGENCE_ONLY",
                    )
                    .await;
                    "forged: looser handling"
                }
                _ => {
                    let message =
                        forged(model, &id, &[first.as_str()], IntelligenceOnly, 3650, now);
                    refused(
                        peer,
                        model,
                        Refused::Answer,
                        "a longer retention",
                        peer.key.seal(&message),
                        Code::PermissionDenied,
                        "3650 days is longer than the 30 days",
                    )
                    .await;
                    "forged: longer retention"
                }
            }
        }
        // An answer to a request Thailand never sent to the peer.
        11 => {
            let to_vnm = model.open("VNM");
            let (id, what) = match rng.pick(&to_vnm) {
                Some(&i) if rng.below(2) == 0 => (
                    model.requests[i].id.clone(),
                    "forged: another peer's request",
                ),
                _ => {
                    let n = model.number();
                    (test_uuid(n), "forged: unknown request")
                }
            };
            let message = forged(model, &id, &["subscriber_name"], IntelligenceOnly, 30, now);
            refused(
                peer,
                model,
                Refused::Answer,
                what,
                peer.key.seal(&message),
                Code::NotFound,
                &format!("no request {id} was sent to KHM"),
            )
            .await;
            what
        }
        // An answer signed as made after the deadline and the skew.
        12 if !open.is_empty() => {
            let i = *rng.pick(&open).unwrap();
            let (id, deadline) = (model.requests[i].id.clone(), model.requests[i].deadline);
            let field = [model.requests[i].requested[0].clone()];
            let field: Vec<&str> = field.iter().map(String::as_str).collect();
            let late = deadline + skew + 1 + rng.below(86_400_000) as i64;
            let message = forged(model, &id, &field, IntelligenceOnly, 30, late);
            refused(
                peer,
                model,
                Refused::Answer,
                "an answer made after the deadline",
                peer.key.seal(&message),
                Code::FailedPrecondition,
                &format!("the deadline of request {id} was"),
            )
            .await;
            "late answer"
        }
        // Malformed envelopes: none is an answer Thailand could read.
        13 | 14 => malformed(peer, model, rng, skew).await,
        // Cambodia's log, as served to Thailand's witness, rolls back or forks.
        15 => {
            let fork = rng.below(2) == 0;
            lie_about_the_log(federation, model, fork).await;
            if fork {
                "log forked"
            } else {
                "log rolled back"
            }
        }
        // The peer drops: it never answers, and nothing changes.
        _ => "drop",
    }
}

/// Sends one malformed envelope, drawn from `rng`; returns its name.
async fn malformed(peer: &mut Peer, model: &mut Model, rng: &mut Rng, skew: i64) -> &'static str {
    let target = model
        .requests
        .first()
        .map(|r| r.id.clone())
        .unwrap_or_else(|| test_uuid(1));
    let mut valid = forged(
        model,
        &target,
        &["subscriber_name"],
        pb::HandlingCode::IntelligenceOnly,
        30,
        now_ms(),
    );
    let (what, envelope, code, says) = match rng.below(9) {
        0 => {
            // Field 1, length-delimited, longer than what follows.
            let mut garbage = vec![0x0a, 0x7f];
            garbage.extend(model.marker().into_bytes());
            (
                "garbage bytes",
                peer.key.envelope(garbage),
                Code::InvalidArgument,
                "envelope refused",
            )
        }
        1 => {
            let bytes = valid.encode_to_vec();
            let cut = bytes.len() - 1 - rng.below(bytes.len() / 2);
            (
                "truncated protobuf",
                peer.key.envelope(bytes[..cut].to_vec()),
                Code::InvalidArgument,
                "",
            )
        }
        2 => {
            let mut envelope = peer.key.seal(&valid);
            envelope.key_id = "0123456789abcdef".into();
            (
                "unknown key id",
                envelope,
                Code::Unauthenticated,
                "envelope refused",
            )
        }
        3 => {
            let mut envelope = peer.key.seal(&valid);
            envelope.key_id.clear();
            (
                "empty key id",
                envelope,
                Code::Unauthenticated,
                "envelope refused",
            )
        }
        4 => {
            let mut envelope = peer.key.seal(&valid);
            let at = rng.below(envelope.signature.len());
            envelope.signature[at] ^= 0x01;
            (
                "bad signature",
                envelope,
                Code::Unauthenticated,
                "envelope refused",
            )
        }
        5 => {
            valid.to = "VNM".into();
            ("wrong to", peer.key.seal(&valid), Code::InvalidArgument, "")
        }
        6 => {
            valid.from = "VNM".into();
            if let Some(pb::message::Content::Answer(a)) = &mut valid.content {
                a.from_country = "VNM".into();
            }
            (
                "wrong from",
                peer.key.seal(&valid),
                Code::PermissionDenied,
                "envelope from VNM arrived over the TLS identity of KHM",
            )
        }
        7 => {
            valid.created_unix_ms = now_ms() + skew + 60_000;
            (
                "timestamp beyond the skew",
                peer.key.seal(&valid),
                Code::FailedPrecondition,
                "ahead of this node's clock",
            )
        }
        _ => {
            valid.created_unix_ms = now_ms() - 31 * 86_400_000;
            (
                "stale timestamp",
                peer.key.seal(&valid),
                Code::InvalidArgument,
                "stale envelope",
            )
        }
    };
    refused(peer, model, Refused::Call, what, envelope, code, says).await;
    what
}

/// Checks Thailand against the model.
async fn check(federation: &TestFederation, focal: &mut Focal, model: &mut Model) {
    let trace = model.trace();
    let is_final = |s: &i32| {
        liaison_proto::convert::status("status", *s)
            .expect("a known status")
            .is_final()
    };
    for request in &mut model.requests {
        let view = view_of(focal, &request.id).await;
        let history: Vec<i32> = view.history.iter().map(|h| h.status).collect();
        let finals = history.iter().filter(|s| is_final(s)).count();
        assert!(
            finals <= 1,
            "{trace}: {} has two final states: {history:?}",
            request.id
        );
        if finals == 1 {
            assert!(
                is_final(history.last().unwrap()),
                "{trace}: {} left a final state: {history:?}",
                request.id
            );
        }
        assert!(
            history.starts_with(&request.seen),
            "{trace}: {}'s history was rewritten: {:?} then {history:?}",
            request.id,
            request.seen
        );
        if request.seen.last().is_some_and(is_final) {
            assert_eq!(
                history, request.seen,
                "{trace}: {} changed after final",
                request.id
            );
        }
        assert_eq!(
            view.status,
            request.status as i32,
            "{trace}: {} shows {:?}",
            request.id,
            pb::RequestStatus::try_from(view.status)
        );
        assert!(
            view.delivery_error.is_empty(),
            "{trace}: {}",
            view.delivery_error
        );
        let shown = format!("{view:?}");
        assert!(
            !shown.contains(MARKER),
            "{trace}: a forged value is shown: {shown}"
        );
        match (&view.answer, request.status) {
            (Some(_), pb::RequestStatus::Answered | pb::RequestStatus::Refused) => {
                for value in &request.values {
                    assert!(shown.contains(value), "{trace}: {value} not shown");
                }
            }
            (None, pb::RequestStatus::Sent | pb::RequestStatus::Withdrawn)
            | (None, pb::RequestStatus::Expired) => {}
            (answer, status) => panic!("{trace}: {status:?} with answer {answer:?}"),
        }
        request.seen = history;
    }

    // Nothing forged is stored in a request record.
    let tha = federation.node("THA").running().exchange();
    for record in tha.records().requests(Direction::Outgoing).unwrap() {
        if let Some(Outcome::Released {
            fields, remarks, ..
        }) = record.answer.as_ref().map(|a| &a.outcome)
        {
            assert!(!remarks.contains(MARKER), "{trace}: forged remarks stored");
            for field in fields {
                assert!(
                    !field.value.contains(MARKER),
                    "{trace}: forged value stored"
                );
            }
        }
    }

    // Every refusal audited once, as what it was.
    let rejected: Vec<String> = audit_events(federation, "THA", "answer.rejected")
        .into_iter()
        .map(|e| e.message_hash.unwrap_or_default())
        .collect();
    assert_eq!(rejected, model.rejected, "{trace}: answer.rejected entries");
    assert_eq!(
        audit_events(federation, "THA", "call.refused").len(),
        model.refused_before + model.refused_calls,
        "{trace}: call.refused entries"
    );

    assert_eq!(
        audit_events(federation, "THA", "witness.alarm").len(),
        model.alarms,
        "{trace}: witness.alarm entries"
    );

    // The audit log verifies and holds no forged value.
    let exported = export(&mut federation.auditor("THA").await).await;
    let key = federation.node("THA").config().signer.verifying_key();
    let verdict = verify_export(&exported, &key)
        .unwrap_or_else(|e| panic!("{trace}: THA's audit export: {e}"));
    assert_eq!(verdict.country, "THA");
    assert!(
        !exported.contains(MARKER),
        "{trace}: a forged value in the audit log"
    );
}

/// Thailand's admin witnesses Cambodia's log once; returns what it found.
async fn witness(federation: &TestFederation) -> pb::WitnessResult {
    federation
        .admin("THA", "admin")
        .await
        .witness_peers(pb::PeerRef {
            country: "KHM".into(),
        })
        .await
        .expect("witnessing runs")
        .into_inner()
        .results
        .remove(0)
}

/// Cambodia's node stops and the hostile peer serves Thailand's witness,
/// on Cambodia's address and with Cambodia's TLS identity and key, a head
/// of Cambodia's log smaller than the one Thailand saw last (`fork`
/// false) or of the same size with another root (`fork` true). Thailand
/// must raise the alarm, keep the last good head, and find Cambodia's real
/// log consistent with it once Cambodia's node is back.
async fn lie_about_the_log(federation: &mut TestFederation, model: &mut Model, fork: bool) {
    use liaison_proto::pb::federation_server::FederationServer;
    let trace = model.trace();
    let khm: liaison_proto::domain::CountryCode = "KHM".parse().unwrap();
    let tha = federation.node("THA").running().exchange().clone();
    // Nothing of Thailand's is on its way to Cambodia while it is away.
    // The end of a delivery, acknowledged or refused, changes the
    // request's record in the same commit, which Thailand announces.
    let mut updates = tha.subscribe();
    tokio::time::timeout(liaison_tests::PATIENCE, async {
        while tha.records().outbox().unwrap().iter().any(|i| i.to == khm) {
            match updates.recv().await {
                Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                Err(e) => panic!("{trace}: THA's change notifications ended: {e}"),
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("{trace}: THA's deliveries to KHM did not end"));
    let config = federation.node("KHM").config();
    let key = config.signer.verifying_key();
    let seen = tha.records().witnessed(khm).unwrap().expect("a head seen");
    let seen = liaison_proto::envelope::open_tree_head(&seen, |_| Some(key))
        .expect("the head seen verifies")
        .value;
    let mut lie = seen.clone();
    lie.timestamp_unix_ms = now_ms();
    lie.root_hash[0] ^= 0xff;
    if !fork {
        lie.tree_size = seen.tree_size - 1;
    }
    let signed = PeerSigner::of(federation, "KHM").tree_head(&lie);

    federation.stop("KHM").await;
    let address = federation.node("KHM").federation_addr;
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .expect("KHM's address free again");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(
        tonic::transport::Server::builder()
            .tls_config(liaison_node::tls::server_config(&config))
            .expect("KHM's TLS identity")
            .add_service(FederationServer::new(LyingLog { head: signed }))
            .serve_with_incoming_shutdown(
                tokio_stream::wrappers::TcpListenerStream::new(listener),
                async {
                    let _ = stopped.await;
                },
            ),
    );
    let found = witness(federation).await;
    let _ = stop.send(());
    server.await.unwrap().expect("the lying server ran");
    federation.restart("KHM").await;

    let (verdict, says) = if fork {
        (
            "forked",
            format!(
                "KHM's log of {} entries now has another root",
                seen.tree_size
            ),
        )
    } else {
        (
            "rolled-back",
            format!(
                "KHM's log shrank from {} to {} entries",
                seen.tree_size, lie.tree_size
            ),
        )
    };
    assert_eq!(found.verdict, verdict, "{trace}: {found:?}");
    assert!(found.detail.contains(&says), "{trace}: {found:?}");
    model.alarms += 1;
    // The last good head stays the reference.
    let kept = tha.records().witnessed(khm).unwrap().expect("a head seen");
    let kept = liaison_proto::envelope::open_tree_head(&kept, |_| Some(key))
        .unwrap()
        .value;
    assert_eq!(kept, seen, "{trace}: THA took the lie as its reference");
    let real = witness(federation).await;
    assert!(
        ["consistent", "unchanged"].contains(&real.verdict.as_str()),
        "{trace}: KHM's real log after the lie: {real:?}"
    );
}

/// A federation server that only serves one (false) tree head.
struct LyingLog {
    head: pb::SignedTreeHead,
}

type Reply<T> = Result<tonic::Response<T>, tonic::Status>;

fn away<T>() -> Reply<T> {
    Err(tonic::Status::unavailable("KHM is away"))
}

#[tonic::async_trait]
impl liaison_proto::pb::federation_server::Federation for LyingLog {
    async fn deliver(&self, _: tonic::Request<pb::Envelope>) -> Reply<pb::Receipt> {
        away()
    }
    async fn deliver_batch(
        &self,
        _: tonic::Request<pb::EnvelopeBatch>,
    ) -> Reply<pb::DeliveryResults> {
        away()
    }
    async fn get_keys(&self, _: tonic::Request<pb::KeysQuery>) -> Reply<pb::NodeKeys> {
        away()
    }
    async fn check_policy(&self, _: tonic::Request<pb::PolicyQuery>) -> Reply<pb::PolicyDecision> {
        away()
    }
    async fn get_agreement(
        &self,
        _: tonic::Request<pb::AgreementQuery>,
    ) -> Reply<pb::AgreementView> {
        away()
    }
    async fn get_tree_head(
        &self,
        _: tonic::Request<pb::TreeHeadQuery>,
    ) -> Reply<pb::SignedTreeHead> {
        Ok(tonic::Response::new(self.head.clone()))
    }
    async fn get_consistency_proof(
        &self,
        _: tonic::Request<pb::ConsistencyQuery>,
    ) -> Reply<pb::ConsistencyProof> {
        away()
    }
    async fn evidence_offset(
        &self,
        _: tonic::Request<pb::EvidenceFileRef>,
    ) -> Reply<pb::EvidenceTransferState> {
        away()
    }
    async fn transfer_evidence(
        &self,
        _: tonic::Request<tonic::Streaming<pb::EvidencePart>>,
    ) -> Reply<pb::EvidenceTransferState> {
        away()
    }
    type GetHitSetStream = std::pin::Pin<
        Box<dyn tokio_stream::Stream<Item = Result<pb::HitSetChunk, tonic::Status>> + Send>,
    >;
    async fn get_hit_set(
        &self,
        _: tonic::Request<pb::HitSetQuery>,
    ) -> Reply<Self::GetHitSetStream> {
        away()
    }
    async fn evaluate_hits(&self, _: tonic::Request<pb::HitEvaluation>) -> Reply<pb::HitEvaluated> {
        away()
    }
}

/// The files under `dir` holding `needle`.
fn holding(dir: &Path, needle: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle)
            {
                found.push(path.display().to_string());
            }
        }
    }
    found
}
