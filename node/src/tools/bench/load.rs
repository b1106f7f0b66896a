//! The load the benchmark drives: a fixed number of calls in flight for a
//! fixed time, each call's latency kept.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context as _;
use liaison_proto::auth::BearerToken;
use liaison_proto::bench_pb::Payload;
use liaison_proto::bench_pb::bench_client::BenchClient;
use liaison_proto::pb;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use tokio::sync::oneshot;
use tonic::codegen::InterceptedService;
use tonic::transport::Channel;

use super::Variant;

/// What one measured run did.
#[derive(Debug, Clone)]
pub struct Sample {
    pub variant: Variant,
    pub elapsed: Duration,
    /// Latency of every call completed in the measured window, sorted.
    pub latencies: Vec<Duration>,
}

impl Sample {
    pub fn per_sec(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }

    /// The `q` quantile (0..=1) of the latencies.
    pub fn quantile(&self, q: f64) -> Duration {
        quantile(&self.latencies, q)
    }
}

pub fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// Runs `call` from `concurrency` workers: first for `warmup` (not
/// counted), then for `duration`, keeping the latency of every call that
/// started and finished inside the measured window.
async fn drive<F, Fut>(
    concurrency: usize,
    warmup: Duration,
    duration: Duration,
    call: F,
) -> anyhow::Result<(Duration, Vec<Duration>)>
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = anyhow::Result<()>> + Send,
{
    let start = Instant::now() + warmup;
    let end = start + duration;
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let call = call.clone();
        workers.spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let began = Instant::now();
                if began >= end {
                    return Ok::<_, anyhow::Error>(latencies);
                }
                call().await?;
                let done = Instant::now();
                if began >= start && done <= end {
                    latencies.push(done - began);
                }
            }
        });
    }
    let mut all = Vec::new();
    while let Some(worker) = workers.join_next().await {
        all.extend(worker.context("a benchmark worker panicked")??);
    }
    all.sort_unstable();
    Ok((duration, all))
}

/// E: the raw echo, `payload` bytes each way.
pub async fn echo(
    client: BenchClient<Channel>,
    payload: usize,
    concurrency: usize,
    warmup: Duration,
    duration: Duration,
) -> anyhow::Result<Sample> {
    let data = vec![0x5a_u8; payload];
    let (elapsed, latencies) = drive(concurrency, warmup, duration, move || {
        let mut client = client.clone();
        let data = data.clone();
        async move {
            let reply = client.echo(Payload { data }).await.context("echo failed")?;
            anyhow::ensure!(
                reply.get_ref().data.len() == payload,
                "echo returned {} bytes, sent {payload}",
                reply.get_ref().data.len()
            );
            Ok(())
        }
    })
    .await?;
    Ok(Sample {
        variant: Variant::Echo,
        elapsed,
        latencies,
    })
}

pub type Focal = FocalPointClient<InterceptedService<Channel, BearerToken>>;

/// Requests submitted and waiting for their answer, by request id.
#[derive(Debug, Default)]
struct Waiting {
    /// Submitted, answer not seen yet.
    waiters: HashMap<String, oneshot::Sender<()>>,
    /// Answer seen before the submitter registered (the answer raced the
    /// reply to `Submit`).
    early: std::collections::HashSet<String>,
    /// Why the watch ended, once it has: nobody will be told any more.
    ended: Option<String>,
}

/// C or F: a focal point submits a phone check and waits until the signed
/// answer is back in its own node, seen through one `Watch` of all requests.
pub async fn exchange(
    variant: Variant,
    focal: Focal,
    to: &str,
    summary: String,
    concurrency: usize,
    warmup: Duration,
    duration: Duration,
) -> anyhow::Result<Sample> {
    let waiting = Arc::new(Mutex::new(Waiting::default()));
    let mut updates = focal
        .clone()
        .watch(pb::RequestRef {
            request_id: String::new(),
        })
        .await
        .context("cannot watch the requests")?
        .into_inner();
    let answered = pb::RequestStatus::Answered as i32;
    let listener = tokio::spawn({
        let waiting = waiting.clone();
        async move {
            let outcome = async {
                while let Some(view) = updates.message().await.context("watch failed")? {
                    if view.status != answered {
                        continue;
                    }
                    let Some(id) = view.request.map(|r| r.request_id) else {
                        continue;
                    };
                    let mut waiting = waiting.lock().unwrap_or_else(|p| p.into_inner());
                    match waiting.waiters.remove(&id) {
                        Some(waiter) => {
                            let _ = waiter.send(());
                        }
                        None => {
                            waiting.early.insert(id);
                        }
                    }
                }
                Ok::<_, anyhow::Error>(())
            }
            .await;
            let mut waiting = waiting.lock().unwrap_or_else(|p| p.into_inner());
            waiting.ended = Some(match &outcome {
                Ok(()) => "the node ended the watch".to_string(),
                Err(e) => format!("{e:#}"),
            });
            // Dropping the senders wakes every submitter still waiting.
            waiting.waiters.clear();
            outcome
        }
    });
    let to = to.to_string();
    let result = drive(concurrency, warmup, duration, move || {
        let mut focal = focal.clone();
        let waiting = waiting.clone();
        let request = crate::tools::demo::phone_check(
            &to,
            "+85512345678",
            &summary,
            crate::exchange::now_ms() + 7 * 24 * 3600 * 1000,
        );
        async move {
            let view = focal.submit(request).await.context("submit failed")?;
            let id = view
                .into_inner()
                .request
                .map(|r| r.request_id)
                .context("submit returned no request")?;
            let answer = {
                let mut waiting = waiting.lock().unwrap_or_else(|p| p.into_inner());
                if let Some(why) = &waiting.ended {
                    anyhow::bail!("cannot see answers any more: {why}");
                }
                if waiting.early.remove(&id) {
                    None
                } else {
                    let (tx, rx) = oneshot::channel();
                    waiting.waiters.insert(id, tx);
                    Some(rx)
                }
            };
            if let Some(answer) = answer {
                tokio::time::timeout(Duration::from_secs(30), answer)
                    .await
                    .context("no answer within 30 s")?
                    .map_err(|_| {
                        let waiting = waiting.lock().unwrap_or_else(|p| p.into_inner());
                        anyhow::anyhow!(
                            "the watch ended before the answer came: {}",
                            waiting.ended.as_deref().unwrap_or("unknown")
                        )
                    })?;
            }
            Ok(())
        }
    })
    .await;
    listener.abort();
    let (elapsed, latencies) = match (result, listener.await) {
        (Ok(done), _) => done,
        // The watch's own failure explains the workers' better.
        (Err(_), Ok(Err(watch))) => return Err(watch),
        (Err(e), _) => return Err(e),
    };
    Ok(Sample {
        variant,
        elapsed,
        latencies,
    })
}
