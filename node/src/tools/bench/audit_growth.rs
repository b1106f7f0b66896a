//! How audit appends and proofs grow with the log: entries are appended to
//! a real sled store in flushed batches, as the node writes them, and at
//! every power of ten the cost of appending and of serving inclusion and
//! consistency proofs is measured.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use liaison_proto::domain::{Category, TreeHead};
use liaison_proto::envelope::SigningIdentity;
use liaison_proto::merkle::{self, Frontier, leaf_hash};

use crate::records::{AuditEntry, Changes, Records};
use crate::store::{self, Store};

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

/// Appends up to `max` entries to a fresh log under `dir` and reports the
/// per-entry append time and the proof times at 10^3, 10^4, ... entries.
pub fn audit_growth(dir: &Path, max: u64) -> anyhow::Result<String> {
    anyhow::ensure!(
        max >= 1000,
        "--audit-entries must be at least 1000, got {max}"
    );
    let store: Arc<dyn Store> = Arc::new(store::open(dir)?);
    let records = Records::new(store);
    let signer = SigningIdentity::new(crate::pki::generate_signing_key()?);
    let country = "THA".parse().map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut frontier = Frontier::new();
    let mut positions = Positions(0x9e37_79b9_7f4a_7c15);
    let mut report = String::new();
    writeln!(
        report,
        "Audit log growth (sled, batches of {BATCH} entries, each batch flushed with a signed tree head):"
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
    let mut checkpoint = 1000;
    let mut first: Option<[f64; 3]> = None;
    let mut last = [0.0; 3];
    while frontier.size() < max {
        let began = Instant::now();
        let mut changes = Changes::new();
        for _ in 0..BATCH {
            let leaf = changes.put_audit(&AuditEntry {
                index: frontier.size(),
                at_unix_ms: crate::exchange::now_ms(),
                event: "envelope.received".into(),
                actor: "peer:KHM".into(),
                request_id: Some(uuid::Uuid::new_v4().to_string()),
                peer: Some("KHM".parse().map_err(|e| anyhow::anyhow!("{e}"))?),
                category: Some(Category::PhoneCheck),
                message_hash: Some(hex::encode([7u8; 32])),
                detail: "accepted under THA-KHM v1 rule 2 (PHONE_CHECK)".into(),
            });
            for (level, index, hash) in frontier.push(leaf_hash(&leaf)) {
                changes.put_tree_node(level, index, &hash);
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
        let batch_time: Duration = began.elapsed();
        let size = frontier.size();
        if size < checkpoint {
            continue;
        }
        checkpoint *= 10;
        let append = batch_time.as_secs_f64() * 1e6 / BATCH as f64;
        let began = Instant::now();
        let mut hashes = 0;
        let mut lookups = 0u64;
        for _ in 0..PROOFS {
            let index = positions.below(size);
            let proof = merkle::inclusion_proof(index, size, &mut |level, at| {
                lookups += 1;
                records.tree_node(level, at)
            })?;
            let entry = records
                .audit_leaf(index)?
                .context("an appended entry is missing")?;
            anyhow::ensure!(
                merkle::verify_inclusion(index, size, &leaf_hash(&entry), &proof, &frontier.root())
                    .is_ok(),
                "inclusion proof of {index} in {size} does not verify"
            );
            hashes = hashes.max(proof.len());
        }
        let inclusion = began.elapsed().as_secs_f64() * 1e6 / PROOFS as f64;
        let began = Instant::now();
        for _ in 0..PROOFS {
            let older = positions.below(size - 1) + 1;
            let proof = merkle::consistency_proof(older, size, &mut |level, at| {
                lookups += 1;
                records.tree_node(level, at)
            })?;
            hashes = hashes.max(proof.len());
        }
        let consistency = began.elapsed().as_secs_f64() * 1e6 / PROOFS as f64;
        let row = [append, inclusion, consistency];
        first.get_or_insert(row);
        last = row;
        writeln!(
            report,
            "{size:>10}  {append:>16.2}  {inclusion:>18.1}  {consistency:>20.1}  {hashes:>12}  {:>15.1}",
            lookups as f64 / (2 * PROOFS) as f64
        )?;
        eprintln!("audit growth: {size} entries");
    }
    if let Some(first) = first {
        writeln!(
            report,
            "growth from 10^3 to {} entries: append x{:.2}, inclusion x{:.2}, consistency x{:.2} (log2 of the size grew x{:.2})",
            frontier.size(),
            last[0] / first[0],
            last[1] / first[1],
            last[2] / first[2],
            (frontier.size() as f64).log2() / 1000f64.log2()
        )?;
    }
    Ok(report)
}
