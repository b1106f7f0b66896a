//! The evidence section of `liaison-node bench` (`--evidence-mib N`): one
//! file of N MiB on the durable pair, measured three ways in the same run,
//! each against the same bytes.
//!
//! - **raw**: the driver streams the bytes in 1 MiB messages to B's
//!   benchmark `Sink` over the pair's mutual TLS, the baseline;
//! - **upload**: A's focal point uploads them as an evidence file over A's
//!   local API (`Evidence.Upload`, 1 MiB chunks), timed from the first
//!   byte until the node returns the stored, hashed file;
//! - **transfer**: `Evidence.Send`, timed until A lists the file as
//!   delivered: B received it, verified it against the signed manifest and
//!   sent its receipt, which A verified and recorded.
//!
//! Then A writes the request's court package (`Evidence.Package`), which
//! the driver saves and verifies offline, each timed.
//!
//! Around the upload and the transfer the benchmark reads each node's
//! resident memory from `/proc/<pid>/status`: its idle `VmRSS` just before
//! the upload, and its peak (`VmHWM`, reset through `clear_refs` before
//! each phase when the kernel allows it). The driver never holds the file:
//! its chunks are made as they are sent.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use liaison_proto::auth::BearerToken;
use liaison_proto::bench_pb::Payload;
use liaison_proto::bench_pb::bench_client::BenchClient;
use liaison_proto::pb;
use liaison_proto::pb::evidence_client::EvidenceClient;
use tonic::codegen::InterceptedService;
use tonic::transport::Channel;

use super::load::Focal;
use super::{ANSWERER, cpu_time};

pub type EvidenceApi = EvidenceClient<InterceptedService<Channel, BearerToken>>;

/// Bytes in each message of the raw stream and each chunk of the upload:
/// the largest chunk the evidence API takes.
const CHUNK: usize = 1 << 20;

/// The media type of the benchmark's file (the agreements allow it).
const MEDIA_TYPE: &str = "application/pdf";

/// The clients and processes the section works with, all on the durable
/// pair.
#[derive(Debug)]
pub struct Target {
    /// A's focal point on A's local API.
    pub focal: Focal,
    /// The same user's evidence API.
    pub evidence: EvidenceApi,
    /// B's benchmark listener, reached as A over mutual TLS.
    pub bench: BenchClient<Channel>,
    /// The process ids of A and B.
    pub pids: [u32; 2],
}

/// One timed phase and the CPU each process spent in it.
#[derive(Debug, Clone, Copy)]
pub struct Phase {
    pub elapsed: Duration,
    /// A, B, and the driver.
    pub cpu: [Duration; 3],
}

impl Phase {
    /// Megabytes (10^6 bytes) per second for `bytes`.
    pub fn mb_per_sec(&self, bytes: u64) -> f64 {
        bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(f64::MIN_POSITIVE)
    }
}

/// What one process's memory did during the upload and the transfer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Memory {
    /// `VmRSS` just before the upload, bytes.
    pub idle: u64,
    /// Peak resident set during the upload, and during the transfer, bytes.
    pub peaks: [u64; 2],
}

impl Memory {
    /// The highest peak above the idle figure, bytes.
    pub fn above_idle(&self) -> u64 {
        self.peaks[0].max(self.peaks[1]).saturating_sub(self.idle)
    }
}

/// Everything the section measured.
#[derive(Debug, Clone)]
pub struct Figures {
    pub bytes: u64,
    pub raw: Phase,
    pub upload: Phase,
    pub transfer: Phase,
    /// A and B.
    pub memory: [Memory; 2],
    /// Whether `VmHWM` was reset before each phase (if not, the peaks are
    /// each process's peak since it started).
    pub peak_reset: bool,
    /// A writing the request's court package, saved by the driver.
    pub package: Phase,
    pub package_bytes: u64,
    /// The driver verifying the package offline.
    pub verify: Phase,
}

/// A file's bytes, made as they are sent: chunk `i` is one fixed
/// pseudo-random block with the run's seed and `i` written over its first
/// 16 bytes, so that no two chunks (and no two runs' files) are alike and
/// only the chunks in flight are ever in memory.
#[derive(Debug, Clone)]
struct Generator {
    block: Vec<u8>,
    seed: u64,
    size: u64,
}

impl Generator {
    fn new(size: u64, seed: u64) -> Generator {
        let mut state = seed | 1;
        let block = (0..CHUNK)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        Generator { block, seed, size }
    }

    /// The chunks, in order, each made when it is asked for.
    fn chunks(&self) -> impl Iterator<Item = Vec<u8>> + Send + 'static {
        let this = self.clone();
        let count = self.size.div_ceil(CHUNK as u64);
        (0..count).map(move |i| {
            let start = i * CHUNK as u64;
            let len = (this.size - start).min(CHUNK as u64) as usize;
            let mut chunk = this.block[..len].to_vec();
            let stamp = [this.seed.to_be_bytes(), i.to_be_bytes()].concat();
            let n = stamp.len().min(len);
            chunk[..n].copy_from_slice(&stamp[..n]);
            chunk
        })
    }
}

/// Runs the section with a file of `mib` MiB.
pub async fn measure(target: &Target, mib: u64) -> anyhow::Result<Figures> {
    let bytes = mib << 20;
    let seed = crate::exchange::now_ms() as u64;
    let generator = Generator::new(bytes, seed);

    let raw = timed(target.pids, async {
        let payloads = generator.chunks().map(|data| Payload { data });
        let summary = target
            .bench
            .clone()
            .sink(futures::stream::iter(payloads))
            .await
            .context("the raw stream to B's sink failed")?
            .into_inner();
        anyhow::ensure!(
            summary.bytes == bytes,
            "B's sink received {} bytes of {bytes}",
            summary.bytes
        );
        Ok(())
    })
    .await?
    .0;

    let request_id = answered_request(&target.focal).await?;
    // Let the exchange's own writes and deliveries settle before reading
    // the idle figures.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let idle = both(target.pids, resident)?;
    let peak_reset = target.pids.iter().all(|&pid| reset_peak(pid));

    let (upload, item) = timed(
        target.pids,
        upload(target.evidence.clone(), &request_id, &generator),
    )
    .await?;
    let upload_peaks = both(target.pids, peak)?;
    if peak_reset {
        for &pid in &target.pids {
            reset_peak(pid);
        }
    }
    let file_id = item
        .file
        .as_ref()
        .map(|f| f.file_id.clone())
        .context("the upload returned no file")?;
    anyhow::ensure!(
        item.file.as_ref().map(|f| f.size) == Some(bytes),
        "the uploaded file does not have the {bytes} bytes sent"
    );

    let (transfer, ()) = timed(target.pids, transfer(target, &request_id, &file_id, mib)).await?;
    let transfer_peaks = both(target.pids, peak)?;

    // A writes the request's court package; the driver saves it, then
    // verifies it offline as a court would.
    let (package, saved) = timed(target.pids, save_package(target, &request_id)).await?;
    let package_bytes = saved.metadata()?.len();
    let (verify, ()) = timed(target.pids, async move {
        tokio::task::spawn_blocking(move || {
            let verification = liaison_proto::package::verify(
                std::io::BufReader::new(saved),
                &liaison_proto::package::PinnedKeys::new(),
            );
            anyhow::ensure!(
                verification.holds(),
                "the benchmark's package does not verify: {:?}",
                verification.findings
            );
            Ok(())
        })
        .await
        .context("the verifying task failed")?
    })
    .await?;
    let memory = [0, 1].map(|i| Memory {
        idle: idle[i],
        peaks: [upload_peaks[i], transfer_peaks[i]],
    });
    Ok(Figures {
        bytes,
        raw,
        upload,
        transfer,
        memory,
        peak_reset,
        package,
        package_bytes,
        verify,
    })
}

/// Streams A's package of the request into an anonymous temporary file,
/// rewound for reading.
async fn save_package(target: &Target, request_id: &str) -> anyhow::Result<std::fs::File> {
    use std::io::{Seek as _, Write as _};
    let mut file = tempfile::tempfile().context("cannot create a temporary file")?;
    let mut stream = target
        .evidence
        .clone()
        .package(pb::EvidenceQuery {
            request_id: request_id.into(),
        })
        .await
        .context("A refused to write the package")?
        .into_inner();
    while let Some(chunk) = stream
        .message()
        .await
        .context("the package stream failed")?
    {
        file.write_all(&chunk.data)?;
    }
    file.rewind()?;
    Ok(file)
}

/// Runs `work`, timing it and reading the CPU time of A, B and this
/// process around it.
async fn timed<T>(
    pids: [u32; 2],
    work: impl std::future::Future<Output = anyhow::Result<T>>,
) -> anyhow::Result<(Phase, T)> {
    let cpu = || -> anyhow::Result<[Duration; 3]> {
        Ok([
            cpu_time(&format!("/proc/{}/stat", pids[0]))?,
            cpu_time(&format!("/proc/{}/stat", pids[1]))?,
            cpu_time("/proc/self/stat")?,
        ])
    };
    let before = cpu()?;
    let began = Instant::now();
    let value = work.await?;
    let elapsed = began.elapsed();
    let after = cpu()?;
    Ok((
        Phase {
            elapsed,
            cpu: [0, 1, 2].map(|i| after[i].saturating_sub(before[i])),
        },
        value,
    ))
}

/// Submits a phone check to B and waits until its answer is back, so that
/// the request's own exchange is over before the file is measured.
async fn answered_request(focal: &Focal) -> anyhow::Result<String> {
    let mut focal = focal.clone();
    let view = focal
        .submit(crate::tools::demo::phone_check(
            ANSWERER,
            "+85512345678",
            "Evidence benchmark: a statement attached to a phone check.",
            crate::exchange::now_ms() + 7 * 24 * 3600 * 1000,
        ))
        .await
        .context("cannot submit the evidence benchmark's request")?
        .into_inner();
    let request_id = view
        .request
        .map(|r| r.request_id)
        .context("submit returned no request")?;
    // Watching one request ends with its final state.
    let mut updates = focal
        .watch(pb::RequestRef {
            request_id: request_id.clone(),
        })
        .await
        .context("cannot watch the evidence benchmark's request")?
        .into_inner();
    let answered = pb::RequestStatus::Answered as i32;
    let waited = tokio::time::timeout(Duration::from_secs(30), async {
        let mut last = view.status;
        while let Some(view) = updates.message().await.context("watch failed")? {
            last = view.status;
            if last == answered {
                return Ok(());
            }
        }
        anyhow::bail!("the request ended in state {last} without an answer")
    });
    waited
        .await
        .context("the evidence benchmark's request was not answered within 30 s")??;
    Ok(request_id)
}

/// Uploads the generator's file to `request_id`: a header, then chunks.
async fn upload(
    mut evidence: EvidenceApi,
    request_id: &str,
    generator: &Generator,
) -> anyhow::Result<pb::EvidenceItem> {
    let header = pb::UploadPart {
        part: Some(pb::upload_part::Part::Header(pb::UploadHeader {
            request_id: request_id.to_string(),
            name: "bench-statement.pdf".into(),
            media_type: MEDIA_TYPE.into(),
            size: generator.size,
            source: "liaison-node bench (generated bytes)".into(),
            description: "Generated bytes that measure the upload and the transfer.".into(),
        })),
    };
    let chunks = generator.chunks().map(|chunk| pb::UploadPart {
        part: Some(pb::upload_part::Part::Chunk(chunk)),
    });
    let parts = futures::stream::iter(std::iter::once(header).chain(chunks));
    let item = evidence
        .upload(parts)
        .await
        .context("the evidence upload failed")?
        .into_inner();
    anyhow::ensure!(
        item.state == pb::EvidenceState::EvidenceAttached as i32,
        "the uploaded file is in state {}, not attached",
        item.state
    );
    Ok(item)
}

/// Sends the request's files and waits until A lists `file_id` as
/// delivered: on every change to the request A's watch reports, and at
/// least once a second in case a change was missed.
async fn transfer(
    target: &Target,
    request_id: &str,
    file_id: &str,
    mib: u64,
) -> anyhow::Result<()> {
    // Subscribe first, so that no change after `Send` is missed.
    let mut updates = target
        .focal
        .clone()
        .watch(pb::RequestRef {
            request_id: String::new(),
        })
        .await
        .context("cannot watch the requests")?
        .into_inner();
    let mut evidence = target.evidence.clone();
    evidence
        .send(pb::EvidenceSendCall {
            request_id: request_id.to_string(),
        })
        .await
        .context("Evidence.Send failed")?;
    let delivered = pb::EvidenceState::EvidenceDelivered as i32;
    let limit = Duration::from_secs(60 + mib);
    let waited = tokio::time::timeout(limit, async {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        // The first tick would otherwise be at once.
        tick.reset();
        loop {
            let files = evidence
                .list(pb::EvidenceQuery {
                    request_id: request_id.to_string(),
                })
                .await
                .context("Evidence.List failed")?
                .into_inner();
            let state = files
                .items
                .iter()
                .find(|item| item.file.as_ref().is_some_and(|f| f.file_id == file_id))
                .map(|item| item.state)
                .context("A no longer lists the file")?;
            if state == delivered {
                return Ok::<_, anyhow::Error>(());
            }
            // Wait for a change to this request, or the next tick.
            loop {
                tokio::select! {
                    update = updates.message() => {
                        let view = update.context("watch failed")?.context("the watch ended")?;
                        if view.request.is_some_and(|r| r.request_id == request_id) {
                            break;
                        }
                    }
                    _ = tick.tick() => break,
                }
            }
        }
    });
    waited
        .await
        .with_context(|| format!("the file was not delivered within {} s", limit.as_secs()))?
}

/// A field of `/proc/<pid>/status` in bytes (given in kB).
fn status_bytes(pid: u32, name: &str) -> anyhow::Result<u64> {
    let path = format!("/proc/{pid}/status");
    let status = std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse::<u64>().ok())
        .map(|kb| kb * 1024)
        .with_context(|| format!("{path}: no {name}"))
}

/// `figure` of A and of B.
fn both(pids: [u32; 2], figure: fn(u32) -> anyhow::Result<u64>) -> anyhow::Result<[u64; 2]> {
    Ok([figure(pids[0])?, figure(pids[1])?])
}

fn resident(pid: u32) -> anyhow::Result<u64> {
    status_bytes(pid, "VmRSS:")
}

fn peak(pid: u32) -> anyhow::Result<u64> {
    status_bytes(pid, "VmHWM:")
}

/// Resets the process's peak resident set (`VmHWM`) to its current one,
/// if the kernel allows it (Linux 4.0 and later, for a process this user
/// may trace).
fn reset_peak(pid: u32) -> bool {
    std::fs::write(format!("/proc/{pid}/clear_refs"), b"5").is_ok()
}

/// Formats the section's figures as report lines.
pub fn report(figures: &Figures) -> String {
    let bytes = figures.bytes;
    let raw = figures.raw.mb_per_sec(bytes);
    let upload = figures.upload.mb_per_sec(bytes);
    let transfer = figures.transfer.mb_per_sec(bytes);
    let mb = |b: u64| b as f64 / 1e6;
    let memory = |m: &Memory| {
        format!(
            "{:.1} MB (upload {:.1}, transfer {:.1}; idle {:.1} MB)",
            mb(m.above_idle()),
            mb(m.peaks[0].saturating_sub(m.idle)),
            mb(m.peaks[1].saturating_sub(m.idle)),
            mb(m.idle)
        )
    };
    let how = if figures.peak_reset {
        "VmHWM reset before each phase"
    } else {
        "VmHWM could not be reset: peaks since each process started"
    };
    let per_mib =
        |d: Duration| format!("{:.2}", d.as_secs_f64() * 1e3 / (bytes >> 20).max(1) as f64);
    let cpu = |p: &Phase| {
        format!(
            "{} / {} / {}",
            per_mib(p.cpu[0]),
            per_mib(p.cpu[1]),
            per_mib(p.cpu[2])
        )
    };
    let busy = |p: &Phase| {
        p.cpu.iter().sum::<Duration>().as_secs_f64()
            / p.elapsed.as_secs_f64().max(f64::MIN_POSITIVE)
    };
    let package = format!(
        "\nevidence package of the {} MiB file: written by A and saved in {:.2} s ({:.1} MB/s, {:.1} MB), verified offline in {:.2} s ({:.1} MB/s)",
        bytes >> 20,
        figures.package.elapsed.as_secs_f64(),
        figures.package.mb_per_sec(figures.package_bytes),
        mb(figures.package_bytes),
        figures.verify.elapsed.as_secs_f64(),
        figures.verify.mb_per_sec(figures.package_bytes),
    );
    let lines = format!(
        "evidence: {} MiB file: raw stream {raw:.1} MB/s ({:.2} s), upload {upload:.1} MB/s ({:.2} s) = {:.3} of raw, transfer {transfer:.1} MB/s ({:.2} s) = {:.3} of raw; peak RSS above idle A {}, B {} ({how}; MB = 10^6 bytes)\n\
         evidence CPU ms per MiB, A / B / driver: raw stream {} ({:.2} cores busy), upload {} ({:.2}), transfer {} ({:.2})",
        bytes >> 20,
        figures.raw.elapsed.as_secs_f64(),
        figures.upload.elapsed.as_secs_f64(),
        upload / raw.max(f64::MIN_POSITIVE),
        figures.transfer.elapsed.as_secs_f64(),
        transfer / raw.max(f64::MIN_POSITIVE),
        memory(&figures.memory[0]),
        memory(&figures.memory[1]),
        cpu(&figures.raw),
        busy(&figures.raw),
        cpu(&figures.upload),
        busy(&figures.upload),
        cpu(&figures.transfer),
        busy(&figures.transfer),
    );
    lines + &package
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_makes_exactly_the_size_in_distinct_chunks() {
        let generator = Generator::new(3 * CHUNK as u64 + 10, 7);
        let chunks: Vec<Vec<u8>> = generator.chunks().collect();
        assert_eq!(
            chunks.iter().map(Vec::len).collect::<Vec<_>>(),
            [CHUNK, CHUNK, CHUNK, 10]
        );
        assert_ne!(chunks[0], chunks[1]);
        assert_eq!(chunks[0][16..], chunks[1][16..]);
        let other = Generator::new(CHUNK as u64, 8);
        assert_ne!(other.chunks().next(), generator.chunks().next());
    }
}
