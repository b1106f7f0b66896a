//! How audit appends and proofs grow with the log: entries are appended in
//! durable batches, as the node writes them, and at every power of ten the
//! cost of appending and of serving inclusion and consistency proofs is
//! measured. Two stores side by side: the sled store the node uses today
//! (up to 10^6 entries), and the file-based tile log (`crate::tlog`) it is
//! moving to (up to the asked maximum).

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use liaison_proto::domain::{Category, TreeHead};
use liaison_proto::envelope::SigningIdentity;
use liaison_proto::merkle::{self, Frontier, Hash, leaf_hash};
use prost::Message as _;

use crate::records::{AuditEntry, Changes, Records};
use crate::store::{self, Store};
use crate::tlog::TileLog;

/// Entries appended per flushed batch.
const BATCH: u64 = 1000;
/// Proofs timed at each size.
const PROOFS: u64 = 200;
/// The sled rows stop here: beyond it they only take long.
const SLED_MAX: u64 = 1_000_000;

/// A small deterministic generator for proof positions.
#[derive(Debug)]
struct Positions(u64);

impl Positions {
    fn below(&mut self, n: u64) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

/// Appends up to `max` entries (the sled store up to 10^6 of them) under
/// `dir` and reports, for each store, the per-entry append time and the
/// proof times at 10^3, 10^4, ... entries.
pub fn audit_growth(dir: &Path, max: u64) -> anyhow::Result<String> {
    anyhow::ensure!(
        max >= 1000,
        "--audit-entries must be at least 1000, got {max}"
    );
    let mut report = sled_growth(&dir.join("sled"), max.min(SLED_MAX))?;
    writeln!(report)?;
    report.push_str(&tlog_growth(&dir.join("tlog"), max)?);
    Ok(report)
}

/// One audit entry as the exchange writes it, at `index`.
fn sample_entry(index: u64) -> anyhow::Result<AuditEntry> {
    Ok(AuditEntry {
        index,
        at_unix_ms: crate::exchange::now_ms(),
        event: "envelope.received".into(),
        actor: "peer:KHM".into(),
        request_id: Some(uuid::Uuid::new_v4().to_string()),
        peer: Some("KHM".parse().map_err(|e| anyhow::anyhow!("{e}"))?),
        category: Some(Category::PhoneCheck),
        message_hash: Some(hex::encode([7u8; 32])),
        detail: "accepted under THA-KHM v1 rule 2 (PHONE_CHECK)".into(),
    })
}

fn table_header(report: &mut String, title: &str) -> anyhow::Result<()> {
    writeln!(report, "{title}")?;
    writeln!(
        report,
        "(append: mean of every batch since the previous row; {PROOFS} proofs of each kind per row)"
    )?;
    writeln!(
        report,
        "{:>10}  {:>16}  {:>18}  {:>20}  {:>12}  {:>15}",
        "entries",
        "append µs/entry",
        "inclusion µs/proof",
        "consistency µs/proof",
        "proof hashes",
        "lookups/proof"
    )?;
    Ok(())
}

/// The growth rows measured so far: the first and the last.
#[derive(Debug, Default)]
struct Growth {
    first: Option<[f64; 3]>,
    last: [f64; 3],
}

impl Growth {
    fn summary(&self, report: &mut String, size: u64) -> anyhow::Result<()> {
        if let Some(first) = self.first {
            writeln!(
                report,
                "growth from 10^3 to {size} entries: append x{:.2}, inclusion x{:.2}, consistency x{:.2} (log2 of the size grew x{:.2})",
                self.last[0] / first[0],
                self.last[1] / first[1],
                self.last[2] / first[2],
                (size as f64).log2() / 1000f64.log2()
            )?;
        }
        Ok(())
    }
}

/// `append` is the mean time per entry of every batch since the previous
/// row. Times `PROOFS` inclusion proofs (each verified against `root` with the
/// entry read back) and `PROOFS` consistency proofs at `size`, and writes
/// the row.
#[allow(clippy::too_many_arguments)]
fn proof_row(
    report: &mut String,
    growth: &mut Growth,
    positions: &mut Positions,
    size: u64,
    root: &Hash,
    append: f64,
    perfect: &mut dyn FnMut(u32, u64) -> anyhow::Result<Hash>,
    entry: &mut dyn FnMut(u64) -> anyhow::Result<Vec<u8>>,
) -> anyhow::Result<()> {
    let mut lookups = 0u64;
    let mut counted = |level, at| {
        lookups += 1;
        perfect(level, at)
    };
    let began = Instant::now();
    let mut hashes = 0;
    for _ in 0..PROOFS {
        let index = positions.below(size);
        let proof = merkle::inclusion_proof(index, size, &mut counted)?;
        let leaf = leaf_hash(&entry(index)?);
        anyhow::ensure!(
            merkle::verify_inclusion(index, size, &leaf, &proof, root).is_ok(),
            "inclusion proof of {index} in {size} does not verify"
        );
        hashes = hashes.max(proof.len());
    }
    let inclusion = began.elapsed().as_secs_f64() * 1e6 / PROOFS as f64;
    let began = Instant::now();
    for _ in 0..PROOFS {
        let older = positions.below(size - 1) + 1;
        let proof = merkle::consistency_proof(older, size, &mut counted)?;
        hashes = hashes.max(proof.len());
    }
    let consistency = began.elapsed().as_secs_f64() * 1e6 / PROOFS as f64;
    let row = [append, inclusion, consistency];
    growth.first.get_or_insert(row);
    growth.last = row;
    writeln!(
        report,
        "{size:>10}  {append:>16.2}  {inclusion:>18.1}  {consistency:>20.1}  {hashes:>12}  {:>15.1}",
        lookups as f64 / (2 * PROOFS) as f64
    )?;
    eprintln!("audit growth: {size} entries");
    Ok(())
}

/// The sled store as the node uses it today: entries, two Merkle nodes per
/// entry and a signed tree head in one flushed batch.
fn sled_growth(dir: &Path, max: u64) -> anyhow::Result<String> {
    let store: Arc<dyn Store> = Arc::new(store::open(dir)?);
    let records = Records::new(store);
    let signer = SigningIdentity::new(crate::pki::generate_signing_key()?);
    let country = "THA".parse().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut frontier = Frontier::new();
    let mut positions = Positions(0x9e37_79b9_7f4a_7c15);
    let mut report = String::new();
    table_header(
        &mut report,
        &format!(
            "Audit log growth (sled, batches of {BATCH} entries, each batch flushed with a signed tree head):"
        ),
    )?;
    let mut checkpoint = 1000;
    let mut growth = Growth::default();
    // Time spent appending since the last row, and the size at that row.
    let mut appending = Duration::ZERO;
    let mut row_start = 0;
    while frontier.size() < max {
        let began = Instant::now();
        let mut changes = Changes::new();
        for _ in 0..BATCH {
            let leaf = changes.put_audit(&sample_entry(frontier.size())?);
            // As the node does: leaf hashes are the entries' hashes.
            for (level, index, hash) in frontier.push(leaf_hash(&leaf)) {
                if level > 0 {
                    changes.put_tree_node(level, index, &hash);
                }
            }
        }
        changes.put_tree_head(&signer.sign_tree_head(&TreeHead {
            country,
            tree_size: frontier.size(),
            root_hash: frontier.root(),
            timestamp_unix_ms: crate::exchange::now_ms(),
        }));
        records.apply(changes)?;
        records.flush()?;
        appending += began.elapsed();
        let size = frontier.size();
        if size < checkpoint {
            continue;
        }
        checkpoint *= 10;
        let since = std::mem::replace(&mut row_start, size);
        let appending = std::mem::take(&mut appending);
        proof_row(
            &mut report,
            &mut growth,
            &mut positions,
            size,
            &frontier.root(),
            appending.as_secs_f64() * 1e6 / (size - since) as f64,
            &mut |level, at| Ok(records.tree_node(level, at)?),
            &mut |index| {
                records
                    .audit_leaf(index)?
                    .context("an appended entry is missing")
            },
        )?;
    }
    growth.summary(&mut report, frontier.size())?;
    Ok(report)
}

/// The tile log: entries and a signed tree head appended to a segment file
/// and fsynced once per batch, tiles written beside it.
fn tlog_growth(dir: &Path, max: u64) -> anyhow::Result<String> {
    let (mut log, _) = TileLog::open(dir)?;
    let signer = SigningIdentity::new(crate::pki::generate_signing_key()?);
    let country = "THA".parse().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut positions = Positions(0x9e37_79b9_7f4a_7c15);
    let mut report = String::new();
    table_header(
        &mut report,
        &format!(
            "Audit log growth (tile log, batches of {BATCH} entries, each committed with a signed tree head and one fdatasync):"
        ),
    )?;
    let mut checkpoint = 1000;
    let mut growth = Growth::default();
    // Time spent appending since the last row, and the size at that row.
    let mut appending = Duration::ZERO;
    let mut row_start = 0;
    while log.size() < max {
        let began = Instant::now();
        let first = log.staged_size();
        let entries = (first..first + BATCH)
            .map(|index| Ok(serde_json::to_vec(&sample_entry(index)?)?))
            .collect::<anyhow::Result<Vec<_>>>()?;
        log.append(&entries)?;
        let head = signer.sign_tree_head(&TreeHead {
            country,
            tree_size: log.staged_size(),
            root_hash: log.staged_root(),
            timestamp_unix_ms: crate::exchange::now_ms(),
        });
        log.commit(&head.encode_to_vec())?;
        appending += began.elapsed();
        let size = log.size();
        if size < checkpoint {
            continue;
        }
        checkpoint *= 10;
        let since = std::mem::replace(&mut row_start, size);
        let appending = std::mem::take(&mut appending);
        let log = &log;
        proof_row(
            &mut report,
            &mut growth,
            &mut positions,
            size,
            &log.root(),
            appending.as_secs_f64() * 1e6 / (size - since) as f64,
            &mut |level, at| Ok(log.perfect(level, at)?),
            &mut |index| Ok(log.entry(index)?),
        )?;
    }
    let size = log.size();
    growth.summary(&mut report, size)?;
    drop(log);
    let began = Instant::now();
    let (log, recovery) = TileLog::open(dir)?;
    anyhow::ensure!(
        log.size() == size && recovery.entries_cut == 0,
        "reopening the tile log lost entries: {recovery:?}"
    );
    writeln!(
        report,
        "reopening the tile log re-verified all {size} entries and their tiles in {:.1} s",
        began.elapsed().as_secs_f64()
    )?;
    Ok(report)
}
