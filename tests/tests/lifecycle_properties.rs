//! The request lifecycle as a property, against real nodes: whatever
//! sequence of events befalls a request (an answer, a refusal, a
//! withdrawal, its deadline passing, an envelope delivered again by the
//! peer, a restart of either node, an answer racing a withdrawal), neither
//! node ever leaves a final state or records a second one, the two nodes
//! end in the same final state (or, where an answer and a withdrawal
//! crossed, each says that its peer refused its message), and both nodes'
//! audit logs verify offline.
//!
//! One federation serves every case; each case follows a fresh request.
//! `LIAISON_LIFECYCLE_CASES` sets how many cases run (32 by default) and
//! `LIAISON_LIFECYCLE_SEED` the seed they are drawn from (a fixed one by
//! default, so that CI runs the same cases every time).

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use liaison_node::exchange::now_ms;
use liaison_node::records::RequestRecord;
use liaison_proto::audit::verify_export;
use liaison_proto::domain::RequestStatus;
use liaison_proto::pb;
use liaison_tests::{
    PATIENCE, TestFederation, agreement, await_status, export, id_of, phone_check,
    subscriber_answer, wait_for_record,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use prost::Message as _;
use tonic::Code;

/// The seed of the cases unless `LIAISON_LIFECYCLE_SEED` gives another.
const DEFAULT_SEED: u64 = 21;
/// How many cases run unless `LIAISON_LIFECYCLE_CASES` says otherwise.
const DEFAULT_CASES: u32 = 32;
/// The deadlines of successive requests are this far apart, further than
/// the clock skew allowed, so that letting one request's deadline pass
/// leaves every earlier request (due later) open.
const DEADLINE_STEP_MS: i64 = 3_600_000;

/// Something that happens to a request after it reached the holder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// The holder's police officer answers.
    Answer,
    /// The holder's police officer refuses.
    Refuse,
    /// The asker's focal point withdraws the request.
    Withdraw,
    /// Time passes beyond the deadline and the clock skew allowed, on both
    /// nodes, and both run their expiry sweep.
    Expire,
    /// Every envelope already delivered about the request (the request,
    /// the answer, the withdrawal) is delivered again by its sender, over
    /// the sender's own TLS identity.
    DuplicateDelivery,
    /// A node stops (gracefully) and starts again. It follows the step
    /// before it at once, while that step's deliveries may be under way.
    RestartAsker,
    RestartHolder,
    /// The officer answers while the focal point withdraws, at once.
    AnswerRacingWithdrawal,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        Just(Step::Answer),
        Just(Step::Refuse),
        Just(Step::Withdraw),
        Just(Step::Expire),
        Just(Step::DuplicateDelivery),
        Just(Step::RestartAsker),
        Just(Step::RestartHolder),
        Just(Step::AnswerRacingWithdrawal),
    ]
}

/// One case: which node asks, and what happens to its request.
#[derive(Debug, Clone)]
struct Case {
    asker: &'static str,
    steps: Vec<Step>,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![Just("THA"), Just("KHM")],
        prop::collection::vec(step(), 2..=8),
    )
        .prop_map(|(asker, steps)| Case { asker, steps })
}

/// Phone checks both ways, releasing the subscriber's name, with a daily
/// limit no run of this test reaches.
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
            &["subscriber_name"],
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

#[test]
fn no_sequence_of_events_leaves_a_final_state_or_makes_two() {
    let cases = u32::try_from(env_number("LIAISON_LIFECYCLE_CASES", DEFAULT_CASES.into()))
        .expect("a number of cases that fits in 32 bits");
    let seed = env_number("LIAISON_LIFECYCLE_SEED", DEFAULT_SEED);
    eprintln!("lifecycle property: {cases} cases, LIAISON_LIFECYCLE_SEED={seed}");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime");
    let federation = RefCell::new(runtime.block_on(TestFederation::start_with(
        &["THA", "KHM"],
        &phone_agreements,
    )));
    // Due a little less than a year from now, each request an hour before
    // the one before it.
    let first_deadline = now_ms() + 300 * 86_400_000;
    let numbered = Cell::new(0i64);
    // How often each step (and each end of a race) was taken, to show.
    let taken: RefCell<BTreeMap<String, usize>> = RefCell::default();
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(
        Config {
            cases,
            // Each case starts real requests: shrink a failure only a little.
            max_shrink_iters: 32,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
    );
    let result = runner.run(&case(), |case| {
        let n = numbered.get();
        numbered.set(n + 1);
        let deadline = first_deadline - n * DEADLINE_STEP_MS;
        let mut federation = federation.borrow_mut();
        let log = runtime.block_on(run_case(&mut federation, deadline, &case));
        for event in log {
            *taken.borrow_mut().entry(event).or_default() += 1;
        }
        Ok(())
    });
    eprintln!(
        "lifecycle property: {} cases, steps taken: {:?}",
        numbered.get(),
        taken.borrow()
    );
    runtime.block_on(federation.into_inner().shutdown());
    if let Err(failure) = result {
        panic!("{failure}");
    }
}

/// What the test knows of the request on one side: `None` while open, else
/// its final state.
type Side = Option<RequestStatus>;

/// The request of a case and what both nodes should hold of it.
struct Tracked {
    id: String,
    deadline: i64,
    asker: &'static str,
    holder: &'static str,
    asker_final: Side,
    holder_final: Side,
    /// The statuses each node showed in the request's history at the last
    /// check, which the next check must extend (or, once final, repeat).
    asker_seen: Vec<i32>,
    holder_seen: Vec<i32>,
    log: Vec<String>,
}

/// Runs one case; returns what happened, step by step.
async fn run_case(federation: &mut TestFederation, deadline: i64, case: &Case) -> Vec<String> {
    // A failed case may have left a node stopped.
    for code in ["THA", "KHM"] {
        if !federation.node(code).is_running() {
            federation.restart(code).await;
        }
    }
    let asker = case.asker;
    let holder = if asker == "THA" { "KHM" } else { "THA" };
    let mut focal = federation.focal_point(asker).await;
    let id = id_of(
        &focal
            .submit(pb::NewRequest {
                deadline_unix_ms: deadline,
                ..phone_check(holder, "+85512345678")
            })
            .await
            .expect("submitted")
            .into_inner(),
    );
    await_status(&mut focal, &id, pb::RequestStatus::Sent).await;
    let holder_node = federation.node(holder).running().exchange();
    wait_for_record(holder_node, &id, |r| r.status == RequestStatus::Assigned).await;
    let mut tracked = Tracked {
        id,
        deadline,
        asker,
        holder,
        asker_final: None,
        holder_final: None,
        asker_seen: Vec::new(),
        holder_seen: Vec::new(),
        log: vec![format!("{asker} asks")],
    };
    check(federation, &mut tracked).await;
    for (i, step) in case.steps.iter().enumerate() {
        tracked.log.push(format!("{step:?}"));
        apply(federation, &mut tracked, *step).await;
        // A restart follows at once, while the step's envelopes may still
        // be on their way: it is checked after the restart.
        if let Some(Step::RestartAsker | Step::RestartHolder) = case.steps.get(i + 1) {
            continue;
        }
        settle(federation, &tracked).await;
        check(federation, &mut tracked).await;
    }
    for code in ["THA", "KHM"] {
        let exported = export(&mut federation.auditor(code).await).await;
        let key = federation.node(code).config().signer.verifying_key();
        let verdict = verify_export(&exported, &key)
            .unwrap_or_else(|e| panic!("{}: {code}'s audit export: {e}", tracked.trace()));
        assert_eq!(verdict.country, code);
    }
    tracked.log
}

impl Tracked {
    fn trace(&self) -> String {
        format!("request {} after {}", self.id, self.log.join(", "))
    }
}

/// A refusal of an event a final state does not allow: it must say
/// `FAILED_PRECONDITION`.
fn refused_as_final<T: std::fmt::Debug>(
    tracked: &Tracked,
    what: &str,
    outcome: Result<T, tonic::Status>,
) {
    match outcome {
        Err(status) if status.code() == Code::FailedPrecondition => {}
        other => panic!(
            "{}: {what} after a final state gave {other:?}, not FAILED_PRECONDITION",
            tracked.trace()
        ),
    }
}

async fn apply(federation: &mut TestFederation, tracked: &mut Tracked, step: Step) {
    let (asker, holder) = (tracked.asker, tracked.holder);
    let id = tracked.id.clone();
    match step {
        Step::Answer | Step::Refuse => {
            let mut police = federation.agency(holder, "police").await;
            let (outcome, status) = if step == Step::Answer {
                (
                    police.answer(subscriber_answer(&id)).await,
                    RequestStatus::Answered,
                )
            } else {
                (police.refuse(refusal(&id)).await, RequestStatus::Refused)
            };
            if tracked.holder_final.is_some() {
                refused_as_final(tracked, &format!("{step:?}"), outcome);
                return;
            }
            let view = outcome
                .unwrap_or_else(|e| panic!("{}: {step:?} refused: {e:?}", tracked.trace()))
                .into_inner();
            assert_eq!(view.status, pb::RequestStatus::from(status) as i32);
            tracked.holder_final = Some(status);
            if tracked.asker_final.is_none() {
                // An open request takes the answer.
                tracked.asker_final = Some(status);
            }
        }
        Step::Withdraw => {
            let outcome = federation
                .focal_point(asker)
                .await
                .withdraw(withdrawal(&id))
                .await;
            if tracked.asker_final.is_some() {
                refused_as_final(tracked, "Withdraw", outcome);
                return;
            }
            let view = outcome
                .unwrap_or_else(|e| panic!("{}: withdrawal refused: {e:?}", tracked.trace()))
                .into_inner();
            assert_eq!(view.status, pb::RequestStatus::Withdrawn as i32);
            tracked.asker_final = Some(RequestStatus::Withdrawn);
            if tracked.holder_final.is_none() {
                tracked.holder_final = Some(RequestStatus::Withdrawn);
            }
        }
        Step::Expire => {
            let skew = federation.node(asker).config().max_clock_skew.as_millis() as i64;
            let later = tracked.deadline + skew;
            for (code, side) in [(asker, tracked.asker_final), (holder, tracked.holder_final)] {
                let expired = federation
                    .node(code)
                    .running()
                    .exchange()
                    .expire_overdue(later)
                    .await
                    .expect("expiry sweep");
                assert_eq!(
                    expired,
                    usize::from(side.is_none()),
                    "{}: {code} expired {expired} requests",
                    tracked.trace()
                );
            }
            tracked.asker_final.get_or_insert(RequestStatus::Expired);
            tracked.holder_final.get_or_insert(RequestStatus::Expired);
        }
        Step::DuplicateDelivery => duplicate_deliveries(federation, tracked).await,
        Step::RestartAsker | Step::RestartHolder => {
            let code = if step == Step::RestartAsker {
                asker
            } else {
                holder
            };
            federation.stop(code).await;
            federation.restart(code).await;
        }
        Step::AnswerRacingWithdrawal => {
            let open = tracked.asker_final.is_none() && tracked.holder_final.is_none();
            let mut police = federation.agency(holder, "police").await;
            let mut focal = federation.focal_point(asker).await;
            let answer = subscriber_answer(&id);
            let (answered, withdrawn) =
                tokio::join!(police.answer(answer), focal.withdraw(withdrawal(&id)));
            if tracked.holder_final.is_some() {
                refused_as_final(tracked, "the racing answer", answered);
            } else {
                // Refused only if the withdrawal arrived first.
                tracked.holder_final = Some(match answered {
                    Ok(_) => RequestStatus::Answered,
                    Err(status) if status.code() == Code::FailedPrecondition => {
                        RequestStatus::Withdrawn
                    }
                    Err(status) => panic!("{}: racing answer: {status:?}", tracked.trace()),
                });
            }
            if tracked.asker_final.is_some() {
                refused_as_final(tracked, "the racing withdrawal", withdrawn);
            } else {
                // Refused only if the answer arrived first.
                tracked.asker_final = Some(match withdrawn {
                    Ok(_) => RequestStatus::Withdrawn,
                    Err(status) if status.code() == Code::FailedPrecondition => {
                        RequestStatus::Answered
                    }
                    Err(status) => panic!("{}: racing withdrawal: {status:?}", tracked.trace()),
                });
            }
            if open {
                tracked.log.push(format!(
                    "race ended {:?}",
                    (tracked.asker_final, tracked.holder_final)
                ));
            }
        }
    }
}

fn refusal(id: &str) -> pb::RefuseCall {
    pb::RefuseCall {
        request_id: id.into(),
        reason: pb::RefusalReason::InsufficientInformation as i32,
        explanation: "Not enough to act on.".into(),
    }
}

fn withdrawal(id: &str) -> pb::WithdrawCall {
    pb::WithdrawCall {
        request_id: id.into(),
        reason: "No longer needed.".into(),
    }
}

/// The stored record of the request on node `code`.
fn record(federation: &TestFederation, code: &str, id: &str) -> RequestRecord {
    federation
        .node(code)
        .running()
        .exchange()
        .get(id)
        .expect("request recorded")
}

/// The signed envelope node `code` stored whose message hashes to `hash`.
fn stored_envelope(federation: &TestFederation, code: &str, hash: &[u8; 32]) -> pb::Envelope {
    let bytes = federation
        .node(code)
        .running()
        .exchange()
        .records()
        .envelope(hash)
        .expect("envelopes readable")
        .expect("envelope stored");
    pb::Envelope::decode(bytes.as_slice()).expect("stored envelope decodes")
}

/// Delivers again, from its sender over the sender's TLS identity, every
/// envelope about the request delivered so far. One the receiver accepted
/// is acknowledged again with a receipt for the same audit entry, and
/// changes nothing; one it refused is refused again. [`check`] then makes
/// sure nothing was applied twice.
async fn duplicate_deliveries(federation: &TestFederation, tracked: &mut Tracked) {
    let (asker, holder, id) = (tracked.asker, tracked.holder, tracked.id.as_str());
    let sent = record(federation, asker, id);
    let answered = record(federation, holder, id);
    let mut to_holder = federation.federation_client_as(asker, holder).await;
    let mut to_asker = federation.federation_client_as(holder, asker).await;

    let request = stored_envelope(federation, asker, &sent.envelope_hash);
    let receipt = to_holder
        .deliver(request)
        .await
        .unwrap_or_else(|e| panic!("{}: request delivered again: {e:?}", tracked.trace()))
        .into_inner();
    let first = sent
        .receipt
        .as_ref()
        .expect("the request's receipt")
        .audit_index;
    assert_eq!(
        receipt.proof.expect("a protocol-2 receipt").index,
        first,
        "{}: the receipt of a duplicate proves the first delivery",
        tracked.trace()
    );

    if let Some(hash) = answered.answer_envelope_hash {
        let outcome = to_asker
            .deliver(stored_envelope(federation, holder, &hash))
            .await;
        // The asker took the answer unless it had become final first.
        if sent.answer_envelope_hash == Some(hash) {
            let receipt = outcome
                .unwrap_or_else(|e| panic!("{}: answer delivered again: {e:?}", tracked.trace()))
                .into_inner();
            let first = answered
                .answer_receipt
                .as_ref()
                .expect("the answer's receipt")
                .audit_index;
            assert_eq!(receipt.proof.expect("a protocol-2 receipt").index, first);
        } else {
            refused_as_final(tracked, "the answer delivered again", outcome);
        }
    }

    let withdrawn = federation
        .node(asker)
        .running()
        .exchange()
        .records()
        .audit_entries()
        .expect("audit entries readable")
        .into_iter()
        .find(|e| e.event == "request.withdrawn" && e.request_id.as_deref() == Some(id));
    if let Some(entry) = withdrawn {
        let hash: [u8; 32] = hex::decode(entry.message_hash.expect("withdrawal hash"))
            .expect("hex")
            .try_into()
            .expect("a SHA-256");
        let outcome = to_holder
            .deliver(stored_envelope(federation, asker, &hash))
            .await;
        // The holder took the withdrawal unless it had become final first.
        if answered.status == RequestStatus::Withdrawn {
            outcome.unwrap_or_else(|e| {
                panic!("{}: withdrawal delivered again: {e:?}", tracked.trace())
            });
        } else {
            refused_as_final(tracked, "the withdrawal delivered again", outcome);
        }
    }
}

/// Waits until neither node has anything about the request left to
/// deliver: every envelope was acknowledged or refused for good.
async fn settle(federation: &TestFederation, tracked: &Tracked) {
    for code in [tracked.asker, tracked.holder] {
        let exchange = federation.node(code).running().exchange();
        let mut updates = exchange.subscribe();
        let pending = || {
            exchange
                .records()
                .outbox()
                .expect("outbox readable")
                .iter()
                .any(|item| item.request_id == tracked.id)
        };
        tokio::time::timeout(PATIENCE, async {
            while pending() {
                // The end of a delivery, acknowledged or refused, changes
                // the request's record in the same commit.
                match updates.recv().await {
                    Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(e) => panic!("{code}'s change notifications ended: {e}"),
                }
            }
        })
        .await
        .unwrap_or_else(|_| {
            panic!(
                "{}: {code} still delivers about the request",
                tracked.trace()
            )
        });
        exchange.durable().await.expect("the node's store flushes");
    }
}

/// The names of the statuses of a history, for messages.
fn names(history: &[i32]) -> Vec<&'static str> {
    history
        .iter()
        .map(|s| pb::RequestStatus::try_from(*s).map_or("?", |s| s.as_str_name()))
        .collect()
}

/// The audit events that record a request becoming final on a node.
const FINAL_EVENTS: &[&str] = &[
    "request.answered",
    "request.refused",
    "answer.received",
    "request.withdrawn",
    "request.expired",
];

/// Checks both nodes' views of the request against each other, against
/// what they showed before, and against what the test expects.
async fn check(federation: &TestFederation, tracked: &mut Tracked) {
    let trace = tracked.trace();
    let mut views = Vec::new();
    for (code, side, open, seen) in [
        (
            tracked.asker,
            tracked.asker_final,
            pb::RequestStatus::Sent,
            &mut tracked.asker_seen,
        ),
        (
            tracked.holder,
            tracked.holder_final,
            pb::RequestStatus::Assigned,
            &mut tracked.holder_seen,
        ),
    ] {
        let view = federation
            .focal_point(code)
            .await
            .get(pb::RequestRef {
                request_id: tracked.id.clone(),
            })
            .await
            .unwrap_or_else(|e| panic!("{trace}: {code} shows the request: {e:?}"))
            .into_inner();
        let history: Vec<i32> = view.history.iter().map(|h| h.status).collect();
        let is_final = |s: &i32| {
            liaison_proto::convert::status("status", *s)
                .expect("a known status")
                .is_final()
        };
        let finals: Vec<usize> = (0..history.len())
            .filter(|&i| is_final(&history[i]))
            .collect();
        assert!(
            finals.len() <= 1,
            "{trace}: {code} recorded two final states: {:?}",
            names(&history)
        );
        if let Some(&at) = finals.first() {
            assert_eq!(
                at,
                history.len() - 1,
                "{trace}: {code} left a final state: {:?}",
                names(&history)
            );
        }
        assert_eq!(history.last(), Some(&view.status), "{trace}: {code}");
        assert!(
            history.starts_with(seen),
            "{trace}: {code}'s history was rewritten: {:?} then {:?}",
            names(seen),
            names(&history)
        );
        if seen.last().is_some_and(is_final) {
            assert_eq!(
                &history, seen,
                "{trace}: {code} changed after a final state"
            );
        }
        let expected = side.map_or(open, pb::RequestStatus::from);
        assert_eq!(
            view.status,
            expected as i32,
            "{trace}: {code} shows {:?}",
            pb::RequestStatus::try_from(view.status)
        );
        // The audit log agrees: one final event at most, and one exactly
        // once final; the request was received once.
        let positions = federation
            .node(code)
            .running()
            .exchange()
            .records()
            .audit_positions(&tracked.id)
            .expect("audit positions readable");
        let count = |names: &[&str]| {
            positions
                .iter()
                .filter(|(_, e)| names.contains(&e.as_str()))
                .count()
        };
        assert_eq!(
            count(FINAL_EVENTS),
            usize::from(side.is_some()),
            "{trace}: {code}'s audit entries about the request: {positions:?}"
        );
        if view.direction == pb::Direction::Incoming as i32 {
            assert_eq!(count(&["request.received"]), 1, "{trace}: {code}");
        }
        *seen = history;
        views.push(view);
    }
    let (asked, held) = (&views[0], &views[1]);
    match (tracked.asker_final, tracked.holder_final) {
        (Some(a), Some(h)) if a != h => {
            // Only an answer and a withdrawal that crossed end apart, and
            // then each node's message was refused by the other, which
            // each record says.
            assert_eq!(
                (a, h),
                (RequestStatus::Withdrawn, RequestStatus::Answered),
                "{trace}"
            );
            assert!(
                !asked.delivery_error.is_empty() && !held.delivery_error.is_empty(),
                "{trace}: the nodes disagree without saying so: {:?} / {:?}",
                asked.delivery_error,
                held.delivery_error
            );
        }
        _ => assert!(
            asked.delivery_error.is_empty() && held.delivery_error.is_empty(),
            "{trace}: a delivery failed: {:?} / {:?}",
            asked.delivery_error,
            held.delivery_error
        ),
    }
}
