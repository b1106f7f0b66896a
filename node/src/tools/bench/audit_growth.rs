//! How audit appends and proofs grow with the log: entries are appended in
//! durable batches, as the node writes them, and at every power of ten the
//! cost of appending and of serving inclusion and consistency proofs is
//! measured, on the node's own store (the journal, then the tile log of
//! `crate::tlog`).

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use liaison_proto::domain::{Category, TreeHead};
use liaison_proto::envelope::SigningIdentity;
use liaison_proto::merkle::{self, Frontier, Hash, leaf_hash};
use prost::Message as _;

use crate::records::AuditEntry;
use crate::store::{self, AuditSeal, Batch, DiskStore, Store};

/// Entries appended per flushed batch.
const BATCH: u64 = 1000;
/// Proofs timed at each size.
const PROOFS: u64 = 200;

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

/// Appends up to `max` entries under `dir` and reports the per-entry
/// append time and the proof times at 10^3, 10^4, ... entries.
pub fn audit_growth(dir: &Path, max: u64) -> anyhow::Result<String> {
    anyhow::ensure!(
        max >= 1000,
        "--audit-entries must be at least 1000, got {max}"
    );
    store_growth(&dir.join("store"), max)
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

/// The node's store: each batch of entries journaled, then committed to the
/// tile log with a signed tree head (one fdatasync each), tiles beside it.
fn store_growth(dir: &Path, max: u64) -> anyhow::Result<String> {
    let (store, _) = DiskStore::open(dir)?;
    let signer = SigningIdentity::new(crate::pki::generate_signing_key()?);
    let country = "THA".parse().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut positions = Positions(0x9e37_79b9_7f4a_7c15);
    let mut report = String::new();
    table_header(
        &mut report,
        &format!(
            "Audit log growth (the node's store: batches of {BATCH} entries, each journaled, then committed to the tile log with a signed tree head):"
        ),
    )?;
    let mut checkpoint = 1000;
    let mut growth = Growth::default();
    let mut frontier = Frontier::new();
    // Time spent appending since the last row, and the size at that row.
    let mut appending = Duration::ZERO;
    let mut row_start = 0;
    while frontier.size() < max {
        let began = Instant::now();
        let mut batch = Batch::new();
        for _ in 0..BATCH {
            let index = frontier.size();
            let entry = serde_json::to_vec(&sample_entry(index)?)?;
            frontier.push(leaf_hash(&entry));
            batch.append_audit(index, entry);
        }
        store.apply(batch)?;
        let head = signer.sign_tree_head(&TreeHead {
            country,
            tree_size: frontier.size(),
            root_hash: frontier.root(),
            timestamp_unix_ms: crate::exchange::now_ms(),
        });
        store.commit(Some(&AuditSeal {
            size: frontier.size(),
            head: head.encode_to_vec(),
        }))?;
        appending += began.elapsed();
        let size = frontier.size();
        if size < checkpoint {
            continue;
        }
        checkpoint *= 10;
        let since = std::mem::replace(&mut row_start, size);
        let appending = std::mem::take(&mut appending);
        let store = &store;
        proof_row(
            &mut report,
            &mut growth,
            &mut positions,
            size,
            &frontier.root(),
            appending.as_secs_f64() * 1e6 / (size - since) as f64,
            &mut |level, at| Ok(store.audit_node(level, at)?),
            &mut |index| {
                store
                    .audit_entries(index..index + 1)?
                    .pop()
                    .context("an appended entry is missing")
            },
        )?;
    }
    let size = frontier.size();
    growth.summary(&mut report, size)?;
    drop(store);
    let began = Instant::now();
    let (store, opened) = reopen(dir)?;
    anyhow::ensure!(
        store.audit_checkpoint()?.map(|c| c.size) == Some(size) && opened.tlog.entries_cut == 0,
        "reopening the store lost entries: {opened:?}"
    );
    writeln!(
        report,
        "reopening the store re-verified all {size} entries and their tiles in {:.1} s",
        began.elapsed().as_secs_f64()
    )?;
    Ok(report)
}

/// Opens the store in `dir` again once the dropped handle's sled threads
/// have let go of its file lock.
fn reopen(dir: &Path) -> anyhow::Result<(DiskStore, store::OpenReport)> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match DiskStore::open(dir) {
            Ok(opened) => return Ok(opened),
            Err(_) if Instant::now() < deadline => std::thread::yield_now(),
            Err(e) => return Err(e.into()),
        }
    }
}
