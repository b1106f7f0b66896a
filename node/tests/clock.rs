//! Clock faults, on node processes whose wall clock is moved under them by
//! libfaketime (Debian's `faketime` package, which `.ci/run` installs):
//! the clock set back, jumping forward, and two nodes whose clocks differ
//! by more than the skew they tolerate. The monotonic clock is left alone,
//! as a real clock step leaves it.
//!
//! `LIAISON_NO_FAKETIME=1` skips these tests where libfaketime cannot be
//! installed; without it a missing library fails them.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::time::Duration;

mod common;
use common::NodeProcess;

use liaison_node::devnet;
use liaison_node::exchange::now_ms;
use liaison_proto::auth::BearerToken;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::audit_client::AuditClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use prost::Message as _;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 24 * HOUR_MS;

type Focal = FocalPointClient<InterceptedService<Channel, BearerToken>>;
type Auditor = AuditClient<InterceptedService<Channel, BearerToken>>;

/// libfaketime's preload library, or `None` when the tests are told to
/// skip without it.
fn libfaketime() -> Option<PathBuf> {
    let found = ["x86_64-linux-gnu", "aarch64-linux-gnu"]
        .iter()
        .map(|arch| PathBuf::from(format!("/usr/lib/{arch}/faketime/libfaketime.so.1")))
        .find(|path| path.exists());
    if found.is_none() && std::env::var_os("LIAISON_NO_FAKETIME").is_some() {
        eprintln!("libfaketime is not installed and LIAISON_NO_FAKETIME is set: skipped");
        return None;
    }
    Some(found.expect(
        "libfaketime is not installed: apt-get install faketime (.ci/run does), or set \
         LIAISON_NO_FAKETIME=1 to skip the clock tests",
    ))
}

/// One process's fake wall clock: an offset from the real one, read by
/// libfaketime from a file at every call, so that a change takes effect at
/// once.
struct FakeClock {
    file: PathBuf,
    library: PathBuf,
}

impl FakeClock {
    fn new(file: PathBuf, library: &Path) -> FakeClock {
        let clock = FakeClock {
            file,
            library: library.to_path_buf(),
        };
        clock.offset_ms(0);
        clock
    }

    /// Moves the clock to the real time plus `offset` milliseconds (to the
    /// second).
    fn offset_ms(&self, offset: i64) {
        let next = self.file.with_extension("next");
        std::fs::write(&next, format!("{:+}\n", offset / 1000)).unwrap();
        std::fs::rename(&next, &self.file).unwrap();
    }

    /// Moves the clock so that it reads `at` now.
    fn set_to(&self, at: i64) {
        self.offset_ms(at - now_ms());
    }

    fn env(&self) -> Vec<(String, String)> {
        [
            ("LD_PRELOAD", self.library.display().to_string()),
            ("FAKETIME_TIMESTAMP_FILE", self.file.display().to_string()),
            ("FAKETIME_NO_CACHE", "1".into()),
            ("FAKETIME_DONT_FAKE_MONOTONIC", "1".into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }
}

/// A node planned for a test, with its configuration edited and a metrics
/// listener of its own.
struct Planned {
    plan: devnet::PlannedNode,
    metrics: std::net::TcpListener,
}

fn plan(root: &Path, edits: &[(&str, &str)]) -> Vec<Planned> {
    let countries: Vec<CountryCode> = ["THA", "KHM"].iter().map(|c| c.parse().unwrap()).collect();
    devnet::plan(root, &countries)
        .unwrap()
        .into_iter()
        .map(|plan| {
            let metrics = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let path = &plan.node.config_path;
            let mut text = std::fs::read_to_string(path).unwrap();
            for (from, to) in edits {
                assert!(text.contains(from), "{from} in {}", path.display());
                text = text.replacen(from, to, 1);
            }
            text = text.replacen(
                "[node]\n",
                &format!(
                    "[node]\nmetrics_listen = \"{}\"\n",
                    metrics.local_addr().unwrap()
                ),
                1,
            );
            std::fs::write(path, text).unwrap();
            Planned { plan, metrics }
        })
        .collect()
}

/// A started node and its metrics address.
struct Node {
    process: NodeProcess,
    metrics: std::net::SocketAddr,
}

async fn launch(planned: Planned, clock: Option<&FakeClock>) -> Node {
    let metrics = planned.metrics.local_addr().unwrap();
    // The port stays reserved until the process takes it over.
    drop(planned.metrics);
    let env = clock.map(FakeClock::env).unwrap_or_default();
    Node {
        process: NodeProcess::launch_with(planned.plan, env).await,
        metrics,
    }
}

impl Node {
    fn focal(&self) -> Focal {
        FocalPointClient::with_interceptor(
            self.process.channel(),
            self.process.token("focal-point"),
        )
    }

    fn auditor(&self) -> Auditor {
        AuditClient::with_interceptor(self.process.channel(), self.process.token("auditor"))
    }

    /// The value of the metric line that starts with `series`, 0 when the
    /// node has none yet.
    async fn metric(&self, series: &str) -> f64 {
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        let mut stream = tokio::net::TcpStream::connect(self.metrics).await.unwrap();
        stream
            .write_all(b"GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n")
            .await
            .unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).await.unwrap();
        text.lines()
            .find_map(|line| line.strip_prefix(series)?.strip_prefix(' '))
            .map_or(0.0, |value| value.trim().parse().unwrap())
    }

    /// Returns once the node has begun and finished two more housekeeping
    /// passes (expiry, purges) than it had: at least one ran wholly at
    /// the clock as it is now.
    async fn two_maintenance_passes(&self) {
        let series = "liaison_maintenance_passes_total";
        let before = self.metric(series).await;
        until(|| async { self.metric(series).await >= before + 2.0 }).await;
    }

    async fn tree_head(&self) -> liaison_proto::pb::TreeHeadBody {
        let signed = self
            .auditor()
            .get_tree_head(pb::TreeHeadQuery::default())
            .await
            .unwrap()
            .into_inner();
        pb::TreeHeadBody::decode(signed.body.as_slice()).unwrap()
    }

    async fn view(&self, request_id: &str) -> pb::RequestView {
        self.focal()
            .get(pb::RequestRef {
                request_id: request_id.into(),
            })
            .await
            .unwrap()
            .into_inner()
    }
}

/// Polls `done` every 50 ms until it holds, failing after a minute.
async fn until<F, Fut>(mut done: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while !done().await {
        assert!(
            tokio::time::Instant::now() < deadline,
            "not reached within a minute"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn submit(focal: &mut Focal, n: u64, deadline: i64) -> Result<String, tonic::Status> {
    let request = liaison_node::demo::phone_check(
        "KHM",
        &format!("+6681234{n:04}"),
        "Number used to recruit victims.",
        deadline,
    );
    let view = focal.submit(request).await?.into_inner();
    Ok(view.request.unwrap().request_id)
}

async fn status(node: &Node, request_id: &str) -> pb::RequestStatus {
    pb::RequestStatus::try_from(node.view(request_id).await.status).unwrap()
}

/// Every audit entry's time, in log order.
async fn entry_times(node: &Node) -> Vec<i64> {
    let mut stream = node
        .auditor()
        .stream_entries(pb::EntryQuery::default())
        .await
        .unwrap()
        .into_inner();
    let mut times = Vec::new();
    while let Some(record) = stream.message().await.unwrap() {
        let entry: serde_json::Value = serde_json::from_slice(&record.leaf).unwrap();
        times.push(entry["at_unix_ms"].as_i64().unwrap());
    }
    times
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clock_set_back_never_dates_a_tree_head_before_the_last() {
    let Some(library) = libfaketime() else {
        return;
    };
    let root = tempfile::tempdir().unwrap();
    // A minute of skew allowed, so that a clock 30 s behind is within it.
    let mut planned = plan(
        root.path(),
        &[("max_clock_skew_secs = 5", "max_clock_skew_secs = 60")],
    );
    let khm_plan = planned.pop().unwrap();
    let tha_plan = planned.pop().unwrap();
    let clock = FakeClock::new(root.path().join("tha.clock"), &library);
    let mut tha = launch(tha_plan, Some(&clock)).await;
    let _khm = launch(khm_plan, None).await;
    let mut focal = tha.focal();
    let deadline = now_ms() + DAY_MS;

    submit(&mut focal, 1, deadline).await.unwrap();
    let first = tha.tree_head().await;

    // Within the skew allowed: the work is done, and dated at the last
    // head's time rather than before it.
    clock.offset_ms(-30_000);
    submit(&mut focal, 2, deadline).await.unwrap();
    let second = tha.tree_head().await;
    assert!(second.tree_size > first.tree_size);
    assert_eq!(
        second.timestamp_unix_ms, first.timestamp_unix_ms,
        "a head signed 30 s behind the last is dated at the last"
    );

    // An hour behind: new work is refused, nothing is written, the
    // operator is told in the log and a metric.
    clock.offset_ms(-HOUR_MS);
    let refused = submit(&mut focal, 3, deadline).await.unwrap_err();
    assert_eq!(refused.code(), tonic::Code::Unavailable, "{refused:?}");
    assert!(
        refused
            .message()
            .contains("behind this node's last signed tree head"),
        "{refused:?}"
    );
    assert_eq!(tha.tree_head().await, second, "the refusal wrote nothing");
    assert!(tha.process.logged(
        "the system clock is behind the last signed tree head by more than the clock skew allowed"
    ));
    let behind = tha.metric("liaison_clock_behind_seconds").await;
    assert!((3500.0..3700.0).contains(&behind), "{behind}");

    // A restart does not forget the log's time: the head is read back.
    tha.process.kill().await;
    tha.process.start().await;
    let refused = submit(&mut focal, 4, deadline).await.unwrap_err();
    assert_eq!(refused.code(), tonic::Code::Unavailable, "{refused:?}");

    // The clock corrected: the node resumes by itself.
    clock.offset_ms(0);
    submit(&mut focal, 5, deadline).await.unwrap();
    let last = tha.tree_head().await;
    assert!(last.tree_size > second.tree_size);
    assert!(last.timestamp_unix_ms >= second.timestamp_unix_ms);
    assert!(
        tha.process
            .logged("the system clock has caught up with the last signed tree head")
    );
    assert_eq!(tha.metric("liaison_clock_behind_seconds").await, 0.0);

    // No entry of the log is dated before an earlier one.
    let times = entry_times(&tha).await;
    assert_eq!(times.len() as u64, last.tree_size);
    assert!(times.windows(2).all(|pair| pair[0] <= pair[1]), "{times:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clock_jumping_forward_expires_and_purges_on_time_never_early() {
    let Some(library) = libfaketime() else {
        return;
    };
    let root = tempfile::tempdir().unwrap();
    let mut planned = plan(
        root.path(),
        &[("retention_days = 365", "retention_days = 1")],
    );
    let khm_plan = planned.pop().unwrap();
    let tha_plan = planned.pop().unwrap();
    // Both clocks move together: no skew between the nodes.
    let tha_clock = FakeClock::new(root.path().join("tha.clock"), &library);
    let khm_clock = FakeClock::new(root.path().join("khm.clock"), &library);
    let tha = launch(tha_plan, Some(&tha_clock)).await;
    let _khm = launch(khm_plan, Some(&khm_clock)).await;
    let jump_to = |at: i64| {
        tha_clock.set_to(at);
        khm_clock.set_to(at);
    };
    let mut focal = tha.focal();
    let deadline = now_ms() + HOUR_MS;
    let request_id = submit(&mut focal, 1, deadline).await.unwrap();
    until(|| async { status(&tha, &request_id).await == pb::RequestStatus::Sent }).await;

    // Ten minutes before the deadline: nothing expires.
    jump_to(deadline - 10 * 60_000);
    tha.two_maintenance_passes().await;
    assert_eq!(status(&tha, &request_id).await, pb::RequestStatus::Sent);

    // Past the deadline and the skew allowed: the request expires.
    jump_to(deadline + 10 * 60_000);
    until(|| async { status(&tha, &request_id).await == pb::RequestStatus::Expired }).await;
    let view = tha.view(&request_id).await;
    let expired_at = view
        .history
        .iter()
        .map(|change| change.at_unix_ms)
        .max()
        .unwrap();
    assert!(
        expired_at >= deadline,
        "expired at {expired_at}, due {deadline}"
    );
    assert_eq!(view.purged_unix_ms, 0);

    // Its personal data is kept for the retention period (a day here):
    // an hour before it ends nothing is purged.
    let due = expired_at + DAY_MS;
    jump_to(due - HOUR_MS);
    tha.two_maintenance_passes().await;
    let view = tha.view(&request_id).await;
    assert_eq!(view.purged_unix_ms, 0, "purged early");
    assert!(view.request.unwrap().subject.unwrap().kind.is_some());

    // Past it, the data is purged.
    jump_to(due + HOUR_MS);
    until(|| async { tha.view(&request_id).await.purged_unix_ms != 0 }).await;
    let view = tha.view(&request_id).await;
    assert!(
        view.purged_unix_ms >= due,
        "purged at {}",
        view.purged_unix_ms
    );
    assert_eq!(view.request.unwrap().subject.unwrap().kind, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clocks_apart_beyond_the_skew_are_refused_retried_and_counted_per_peer() {
    let Some(library) = libfaketime() else {
        return;
    };
    let root = tempfile::tempdir().unwrap();
    let mut planned = plan(root.path(), &[]);
    let khm_plan = planned.pop().unwrap();
    let tha_plan = planned.pop().unwrap();
    let tha_clock = FakeClock::new(root.path().join("tha.clock"), &library);
    let khm_clock = FakeClock::new(root.path().join("khm.clock"), &library);
    // Thailand's clock runs ten minutes ahead of Cambodia's, which allows
    // five seconds.
    tha_clock.offset_ms(10 * 60_000);
    let tha = launch(tha_plan, Some(&tha_clock)).await;
    let khm = launch(khm_plan, Some(&khm_clock)).await;
    let mut focal = tha.focal();
    let request_id = submit(&mut focal, 1, now_ms() + DAY_MS).await.unwrap();

    // Cambodia refuses the envelope for clock skew, counted against
    // Thailand; Thailand counts the refusals against Cambodia, logs them,
    // and keeps the envelope queued rather than giving up.
    until(|| async {
        khm.metric("liaison_clock_skew_refusals_total{peer=\"THA\"}")
            .await
            >= 2.0
    })
    .await;
    until(|| async {
        tha.metric("liaison_delivery_clock_skew_total{peer=\"KHM\"}")
            .await
            >= 2.0
    })
    .await;
    assert!(
        tha.process
            .logged("delivery refused for clock skew: this node's clock is ahead of the peer's")
    );
    assert!(khm.process.logged("envelope refused"));
    let view = tha.view(&request_id).await;
    assert_eq!(view.status, pb::RequestStatus::Submitted as i32);

    // Once the clocks agree, the same envelope is delivered, once.
    khm_clock.offset_ms(10 * 60_000);
    until(|| async { status(&tha, &request_id).await == pb::RequestStatus::Sent }).await;
    let police = liaison_proto::pb::agency_client::AgencyClient::with_interceptor(
        khm.process.channel(),
        khm.process.token("police-officer"),
    );
    let inbox = police
        .clone()
        .inbox(pb::InboxFilter {
            include_closed: true,
            limit: 100,
            after: String::new(),
        })
        .await
        .unwrap()
        .into_inner();
    let received: Vec<_> = inbox
        .requests
        .iter()
        .filter(|view| view.request.as_ref().unwrap().request_id == request_id)
        .collect();
    assert_eq!(received.len(), 1);
}
