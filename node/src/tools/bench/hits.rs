//! The private hit/no-hit check ([`crate::hits`]) measured on its own,
//! in one process and without the network:
//!
//! - the holder's online evaluations per second on one core, one value per
//!   call and 1,000 per call (one proof per batch), against HMAC-SHA256
//!   and a binary search of the same values in a table of N (the
//!   non-private baseline: a keyed hash the holder would compute for
//!   anyone who sends a value in clear), and the asker's blinding and
//!   finalising per value;
//! - the time and the peak memory (`VmHWM`, reset through `clear_refs`
//!   before) to build a set of N values on every core, and lookups in it;
//! - the memory an asker needs to hold the set: a child process
//!   (`liaison-node bench-hits-load`) reads and checks the set's file and
//!   reports its own resident memory before and after, so that memory this
//!   process freed does not hide it.

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use hmac::{Hmac, Mac as _};
use sha2::Sha256;
use time::{Date, Month};

use crate::hits::{
    BlindState, HitRecord, HitSeed, HolderKey, Indicator, IndicatorKind, MAX_BATCH, PrfOutput,
    PublishedSet,
};

/// How long each rate is measured.
const MEASURE: Duration = Duration::from_secs(2);
/// The epoch every key of the benchmark is for.
const EPOCH: u64 = 1;

/// The smallest and largest sets the benchmark builds.
pub const MIN_SET: usize = 1000;
pub const MAX_SET: usize = 10_000_000;

/// Measures the hits section with a set of `n` values; `program` is the
/// `liaison-node` binary, run once to measure loading the set.
pub fn hits(n: usize, program: &Path) -> anyhow::Result<String> {
    anyhow::ensure!(
        (MIN_SET..=MAX_SET).contains(&n),
        "--hits-set must be from {MIN_SET} to {MAX_SET}, got {n}"
    );
    let mut report = String::new();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    writeln!(
        report,
        "Private hit/no-hit checks (RFC 9497 VOPRF, ristretto255-SHA512): a set of {n} values, {threads} cores"
    )?;
    let seed = HitSeed::generate()?;
    let holder = HolderKey::derive(&seed, "KHM".parse()?, "THA".parse()?, EPOCH)?;

    let started = Instant::now();
    let items = sample_items(n, threads)?;
    writeln!(
        report,
        "  {n} sample values (phones, IMEIs, wallets) normalised in {:.1} s",
        started.elapsed().as_secs_f64()
    )?;

    // Online evaluation, one core.
    let asked: Vec<Indicator> = items
        .iter()
        .step_by((n / MAX_BATCH).max(1))
        .take(MAX_BATCH)
        .map(|(indicator, _)| indicator.clone())
        .collect();
    let singles: Vec<[u8; 32]> = asked
        .iter()
        .map(|i| BlindState::blind(std::slice::from_ref(i)).map(|(_, b)| b[0]))
        .collect::<Result<_, _>>()?;
    let mut next = 0;
    let single = rate(|| {
        holder.evaluate_batch(EPOCH, &singles[next % singles.len()..][..1])?;
        next += 1;
        Ok(1)
    })?;
    let (_, blinded) = BlindState::blind(&asked)?;
    let batched = rate(|| Ok(holder.evaluate_batch(EPOCH, &blinded)?.elements.len()))?;
    let blinding = rate(|| Ok(BlindState::blind(&asked)?.0.len()))?;
    let mut finalising = Duration::ZERO;
    let mut finalised = 0;
    while finalising < MEASURE {
        let (state, blinded) = BlindState::blind(&asked)?;
        let evaluation = holder.evaluate_batch(EPOCH, &blinded)?;
        let start = Instant::now();
        finalised += state
            .finalize(&evaluation.elements, &evaluation.proof, holder.public_key())?
            .len();
        finalising += start.elapsed();
    }
    let finalising = finalised as f64 / finalising.as_secs_f64();

    // The baseline: a keyed hash of each value in clear, looked up in a
    // sorted table of the holder's n values.
    let mac_key = HitSeed::generate()?;
    let mac = |input: &[u8]| -> anyhow::Result<[u8; 32]> {
        let mut mac = <Hmac<Sha256>>::new_from_slice(mac_key.bytes())
            .map_err(|e| anyhow::anyhow!("HMAC key: {e}"))?;
        mac.update(input);
        Ok(mac.finalize().into_bytes().into())
    };
    let mut table: Vec<[u8; 32]> = items
        .iter()
        .map(|(i, _)| mac(&i.prf_input()))
        .collect::<Result<_, _>>()?;
    table.sort_unstable();
    let inputs: Vec<Vec<u8>> = asked.iter().map(Indicator::prf_input).collect();
    let baseline = rate(|| {
        let mut found = 0;
        for input in &inputs {
            found += usize::from(table.binary_search(&mac(input)?).is_ok());
        }
        anyhow::ensure!(found == inputs.len(), "the baseline missed a listed value");
        Ok(inputs.len())
    })?;
    drop(table);
    writeln!(
        report,
        "  holder, one core: {single:.0} evaluations/s one per call, {batched:.0}/s in batches of {MAX_BATCH} (one proof each; aim 20000/s)"
    )?;
    writeln!(
        report,
        "  baseline, one core: HMAC-SHA256 and a binary search of {n}: {baseline:.0} values/s, {:.0}x the batched VOPRF ({:.0}x one per call)",
        baseline / batched,
        baseline / single
    )?;
    writeln!(
        report,
        "  asker, one core: blinding {blinding:.0} values/s, verifying the proof and finalising {finalising:.0} values/s"
    )?;

    // The set.
    let reset = reset_peak();
    let before = status_bytes("VmRSS:")?;
    let start = Instant::now();
    let set = PublishedSet::build(&holder, &items)?;
    let built = start.elapsed();
    let peak = status_bytes("VmHWM:")?;
    let bytes = set.bytes().len();
    let entries = set.len();
    writeln!(
        report,
        "  set built in {:.1} s on {threads} threads ({:.0} values/s; aim: 10^6 in under 60 s): {entries} entries, {:.1} MB ({} bytes an entry)",
        built.as_secs_f64(),
        n as f64 / built.as_secs_f64(),
        bytes as f64 / 1e6,
        (bytes - crate::hits::set::HEADER_BYTES) / entries.max(1)
    )?;
    writeln!(
        report,
        "  peak memory while building: +{:.1} MB over the {:.1} MB held before (the sample values){}",
        peak.saturating_sub(before) as f64 / 1e6,
        before as f64 / 1e6,
        if reset {
            ""
        } else {
            "; VmHWM could not be reset, so the peak is the process's"
        }
    )?;

    // Lookups: half the values asked are listed.
    let outputs: Vec<PrfOutput> = asked
        .iter()
        .take(MAX_BATCH / 2)
        .map(|i| holder.evaluate(i))
        .chain((0..MAX_BATCH / 2).map(|i| {
            let phone = format!("+6689{:07}", 9_999_999 - i);
            holder.evaluate(&Indicator::parse(IndicatorKind::Phone, &phone)?)
        }))
        .collect::<Result<_, _>>()?;
    let lookups = rate(|| {
        for output in &outputs {
            set.open(output)?;
        }
        Ok(outputs.len())
    })?;
    writeln!(
        report,
        "  asker lookups in the set (half hits, each opened): {lookups:.0}/s"
    )?;

    // Holding it: measured in a fresh process.
    drop(items);
    let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
    let path = dir.path().join("set.lhit");
    std::fs::write(&path, set.bytes()).context("cannot write the set")?;
    drop(set);
    let output = std::process::Command::new(program)
        .arg("bench-hits-load")
        .arg("--set")
        .arg(&path)
        .output()
        .context("cannot run bench-hits-load")?;
    anyhow::ensure!(
        output.status.success(),
        "bench-hits-load failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let line = String::from_utf8_lossy(&output.stdout);
    let figures: Vec<f64> = line
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .with_context(|| format!("bench-hits-load printed `{}`", line.trim()))?;
    let [grown, seconds] = figures[..] else {
        anyhow::bail!("bench-hits-load printed `{}`", line.trim());
    };
    writeln!(
        report,
        "  asker holding the set: +{:.1} MB resident after reading and checking its {:.1} MB in {seconds:.2} s (a fresh process); it is held as its bytes, so 10^6 values take about {:.0} MB",
        grown / 1e6,
        bytes as f64 / 1e6,
        (bytes - crate::hits::set::HEADER_BYTES) as f64 / entries.max(1) as f64
    )?;
    Ok(report)
}

/// The child's side: reads and checks the set at `path`, prints the
/// resident memory it grew by (bytes) and the seconds it took.
pub fn hits_load(path: &Path) -> anyhow::Result<String> {
    let before = status_bytes("VmRSS:")?;
    let start = Instant::now();
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let set = PublishedSet::from_bytes(bytes)?;
    let seconds = start.elapsed().as_secs_f64();
    let after = status_bytes("VmRSS:")?;
    anyhow::ensure!(!set.bytes().is_empty(), "the set is empty");
    Ok(format!("{} {seconds:.3}", after.saturating_sub(before)))
}

/// Operations per second of `op` (which returns how many it did), over
/// [`MEASURE`].
fn rate(mut op: impl FnMut() -> anyhow::Result<usize>) -> anyhow::Result<f64> {
    op()?;
    let start = Instant::now();
    let mut done = 0;
    while start.elapsed() < MEASURE {
        done += op()?;
    }
    Ok(done as f64 / start.elapsed().as_secs_f64())
}

/// `n` distinct values with a record each: 60% Thai mobile numbers, 20%
/// IMEIs, 20% wallet addresses, normalised on every core.
fn sample_items(n: usize, threads: usize) -> anyhow::Result<Vec<(Indicator, HitRecord)>> {
    let added = Date::from_calendar_date(2025, Month::January, 6)?;
    let chunk = n.div_ceil(threads);
    let parts: Vec<anyhow::Result<Vec<(Indicator, HitRecord)>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    (t * chunk..((t + 1) * chunk).min(n))
                        .map(|i| sample_item(i, added))
                        .collect()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a sample thread panicked")))
            })
            .collect()
    });
    let mut items = Vec::with_capacity(n);
    for part in parts {
        items.extend(part?);
    }
    Ok(items)
}

fn sample_item(i: usize, added: Date) -> anyhow::Result<(Indicator, HitRecord)> {
    let (kind, text) = match i % 5 {
        0 => (IndicatorKind::Imei, imei(i)),
        1 => (IndicatorKind::Wallet, format!("0x{:040x}", i * 7919)),
        // +66 81 to +66 88 and eight digits: numbers Thailand's plan
        // allows; +66 89 99... stays free for the misses.
        _ => (
            IndicatorKind::Phone,
            format!("+668{}{:07}", 1 + (i / 10_000_000) % 8, i % 10_000_000),
        ),
    };
    let indicator = Indicator::parse(kind, &text)?;
    let record = HitRecord {
        agency: "THA-DSI".into(),
        list: "scam-centres".into(),
        reference: format!("DSI-2025-{i:08}"),
        kind,
        added,
    };
    Ok((indicator, record))
}

/// An IMEI from `i`: 14 digits and the Luhn check digit.
fn imei(i: usize) -> String {
    let body = format!("35{:012}", i);
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(k, b)| {
            let d = u32::from(b - b'0');
            if k % 2 == 0 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    format!("{body}{}", (10 - sum % 10) % 10)
}

/// A field of `/proc/self/status`, in bytes.
fn status_bytes(name: &str) -> anyhow::Result<u64> {
    let status =
        std::fs::read_to_string("/proc/self/status").context("cannot read /proc/self/status")?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse::<u64>().ok())
        .map(|kb| kb * 1024)
        .with_context(|| format!("/proc/self/status: no {name}"))
}

/// Resets this process's peak resident set to its current one, where the
/// kernel allows it.
fn reset_peak() -> bool {
    std::fs::write("/proc/self/clear_refs", b"5").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_values_are_valid_and_distinct() {
        let items = sample_items(2000, 2).unwrap();
        assert_eq!(items.len(), 2000);
        let mut values: Vec<&Indicator> = items.iter().map(|(i, _)| i).collect();
        values.sort();
        values.dedup();
        assert_eq!(values.len(), 2000);
        assert!(Indicator::parse(IndicatorKind::Phone, "+66899999999").is_ok());
    }
}
