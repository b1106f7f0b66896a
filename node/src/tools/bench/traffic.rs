//! The traffic of `bench --federation`: requests between random pairs at a
//! fixed rate, the same request from one country to every other, each
//! answer seen on the asking node's `Watch` stream; and every node's audit
//! log exported and verified with its public key.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use liaison_proto::pb;
use tokio::sync::watch;

use super::fleet::{Auditor, Fleet};
use super::load::{Focal, quantile};

/// Requests the benchmark sent and the answers it has seen, shared by the
/// submitters and one watcher per node.
#[derive(Debug, Default)]
struct Ledger {
    /// By request id: the asking node's index and when `Submit` was called.
    sent: HashMap<String, (usize, Instant)>,
    /// Answers seen before their submitter registered the request, by
    /// (asking node, request id).
    early: HashMap<(usize, String), Instant>,
    /// Time from `Submit` to the answer seen, by request id.
    answered: HashMap<String, Duration>,
}

/// The shared [`Ledger`] and a counter that wakes whoever waits for
/// answers.
#[derive(Debug, Clone)]
pub struct Answers {
    ledger: Arc<Mutex<Ledger>>,
    seen: Arc<watch::Sender<u64>>,
}

impl Answers {
    /// Follows every node's requests: an answer counts only when the asking
    /// node shows it (the answering node shows the same id answered first).
    pub async fn watch(fleet: &Fleet) -> anyhow::Result<(Answers, tokio::task::JoinSet<()>)> {
        let answers = Answers {
            ledger: Arc::default(),
            seen: Arc::new(watch::channel(0).0),
        };
        let mut watchers = tokio::task::JoinSet::new();
        for (index, node) in fleet.nodes.iter().enumerate() {
            let mut stream = node
                .focal
                .clone()
                .watch(pb::RequestRef {
                    request_id: String::new(),
                })
                .await
                .with_context(|| format!("cannot watch the {} node's requests", node.country))?
                .into_inner();
            let answers = answers.clone();
            watchers.spawn(async move {
                while let Ok(Some(view)) = stream.message().await {
                    if view.status != pb::RequestStatus::Answered as i32 {
                        continue;
                    }
                    if let Some(request) = view.request {
                        answers.seen_answer(index, request.request_id);
                    }
                }
            });
        }
        Ok((answers, watchers))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Ledger> {
        self.ledger.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Notes an answer node `node` shows. The ledger's lock is released
    /// before the counter is touched: whoever waits on the counter takes
    /// the ledger's lock inside it.
    fn seen_answer(&self, node: usize, id: String) {
        let now = Instant::now();
        let counted = {
            let mut ledger = self.lock();
            match ledger.sent.get(&id) {
                Some(&(asker, began)) if asker == node => match ledger.answered.entry(id) {
                    Entry::Vacant(first) => {
                        first.insert(now - began);
                        true
                    }
                    Entry::Occupied(_) => false,
                },
                Some(_) => false,
                None => {
                    ledger.early.insert((node, id), now);
                    false
                }
            }
        };
        if counted {
            self.seen.send_modify(|n| *n += 1);
        }
    }

    fn sent(&self, node: usize, id: String, began: Instant) {
        let counted = {
            let mut ledger = self.lock();
            let early = ledger.early.remove(&(node, id.clone()));
            ledger.sent.insert(id.clone(), (node, began));
            early.is_some_and(|at| {
                ledger
                    .answered
                    .insert(id, at.saturating_duration_since(began))
                    .is_none()
            })
        };
        if counted {
            self.seen.send_modify(|n| *n += 1);
        }
    }

    /// Waits until every request in `ids` is answered, or `patience` has
    /// passed; returns the latencies of those answered, sorted.
    pub async fn wait(&self, ids: &[String], patience: Duration) -> Vec<Duration> {
        let all_in = |ledger: &Ledger| ids.iter().all(|id| ledger.answered.contains_key(id));
        let mut seen = self.seen.subscribe();
        let _ = tokio::time::timeout(patience, seen.wait_for(|_| all_in(&self.lock()))).await;
        let ledger = self.lock();
        let mut latencies: Vec<Duration> = ids
            .iter()
            .filter_map(|id| ledger.answered.get(id).copied())
            .collect();
        latencies.sort_unstable();
        latencies
    }
}

/// A phone check to `to` with a deadline a week away. The number is
/// synthetic and never logged.
fn request(to: &str) -> pb::NewRequest {
    crate::tools::demo::phone_check(
        to,
        "+85512345678",
        "federation benchmark",
        crate::exchange::now_ms() + 7 * 24 * 3600 * 1000,
    )
}

/// Submits one request from node `from` and registers it.
async fn submit(
    answers: Answers,
    from: usize,
    mut focal: Focal,
    to: String,
) -> anyhow::Result<String> {
    let began = Instant::now();
    let view = focal
        .submit(request(&to))
        .await
        .with_context(|| format!("submit to {to} failed"))?;
    let id = view
        .into_inner()
        .request
        .map(|r| r.request_id)
        .context("submit returned no request")?;
    answers.sent(from, id.clone(), began);
    Ok(id)
}

/// splitmix64: enough randomness to pick pairs, with no dependency.
#[derive(Debug)]
pub struct Pairs(u64);

impl Pairs {
    pub fn new(seed: u64) -> Self {
        Pairs(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Two different indexes below `n` (at least 2).
    pub fn pick(&mut self, n: usize) -> (usize, usize) {
        let from = (self.next() % n as u64) as usize;
        let step = 1 + (self.next() % (n as u64 - 1)) as usize;
        (from, (from + step) % n)
    }
}

/// What a run of requests did.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub sent: usize,
    /// Latencies of the answered requests, sorted.
    pub latencies: Vec<Duration>,
    /// From the first `Submit` until the last answer was seen (or the wait
    /// gave up).
    pub elapsed: Duration,
    /// Submissions that failed, with why (the first few).
    pub failures: Vec<String>,
}

impl Outcome {
    pub fn answered(&self) -> usize {
        self.latencies.len()
    }

    pub fn quantile(&self, q: f64) -> Duration {
        quantile(&self.latencies, q)
    }
}

/// How long the benchmark waits for answers after the last submission.
pub const PATIENCE: Duration = Duration::from_secs(120);

/// Requests between random pairs of distinct countries at `rate` per
/// second for `duration`, then waits for every answer.
pub async fn random_pairs(
    fleet: &Fleet,
    answers: &Answers,
    rate: f64,
    duration: Duration,
    pairs: &mut Pairs,
) -> anyhow::Result<Outcome> {
    let n = fleet.nodes.len();
    let count = ((rate * duration.as_secs_f64()).round() as usize).max(1);
    let mut ticks = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    let mut submissions = tokio::task::JoinSet::new();
    let began = Instant::now();
    for _ in 0..count {
        ticks.tick().await;
        let (from, to) = pairs.pick(n);
        submissions.spawn(submit(
            answers.clone(),
            from,
            fleet.nodes[from].focal.clone(),
            fleet.nodes[to].country.to_string(),
        ));
    }
    finish(answers, submissions, count, began).await
}

/// The same request from the first country to every other at once.
pub async fn fan_out(fleet: &Fleet, answers: &Answers) -> anyhow::Result<Outcome> {
    let mut submissions = tokio::task::JoinSet::new();
    let began = Instant::now();
    for node in &fleet.nodes[1..] {
        submissions.spawn(submit(
            answers.clone(),
            0,
            fleet.nodes[0].focal.clone(),
            node.country.to_string(),
        ));
    }
    finish(answers, submissions, fleet.nodes.len() - 1, began).await
}

/// Collects the submissions' ids and waits for their answers.
async fn finish(
    answers: &Answers,
    mut submissions: tokio::task::JoinSet<anyhow::Result<String>>,
    sent: usize,
    began: Instant,
) -> anyhow::Result<Outcome> {
    let mut ids = Vec::new();
    let mut failures = Vec::new();
    while let Some(done) = submissions.join_next().await {
        match done.context("a submitter panicked")? {
            Ok(id) => ids.push(id),
            Err(e) if failures.len() < 5 => failures.push(format!("{e:#}")),
            Err(_) => {}
        }
    }
    let latencies = answers.wait(&ids, PATIENCE).await;
    Ok(Outcome {
        sent,
        latencies,
        elapsed: began.elapsed(),
        failures,
    })
}

/// What verifying one node's audit log found.
#[derive(Debug, Clone)]
pub struct Verified {
    pub entries: u64,
    /// Why it failed, if it did.
    pub failure: Option<String>,
}

/// Exports a node's audit log through its `Audit` service and verifies
/// the export offline, as an auditor would, with the node's public key.
pub async fn verify_log(mut auditor: Auditor, public_key: &str) -> Verified {
    let outcome = async {
        let key = crate::config::parse_public_key(public_key).map_err(|e| anyhow::anyhow!(e))?;
        let mut stream = auditor
            .export(pb::ExportQuery {})
            .await
            .context("export refused")?
            .into_inner();
        let mut text = String::new();
        while let Some(item) = stream.message().await.context("export failed")? {
            text.push_str(&liaison_proto::audit::item_line(&item)?);
            text.push('\n');
        }
        let verdict =
            liaison_proto::audit::verify_export(&text, &key).map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok::<_, anyhow::Error>(verdict.tree_size)
    }
    .await;
    match outcome {
        Ok(entries) => Verified {
            entries,
            failure: None,
        },
        Err(e) => Verified {
            entries: 0,
            failure: Some(format!("{e:#}")),
        },
    }
}
