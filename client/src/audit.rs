//! `liaison audit …`: read, export, report on and verify a node's audit log.
//! Verification is offline: it needs only the export file and the node's
//! public key, and uses the verifier in `liaison-proto`.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context as _, bail};
use liaison_proto::audit::{item_line, verify_export};
use liaison_proto::pb;
use serde_json::{Value, json};

use crate::failure::Failure;
use crate::output::time;

/// Reads a node's public key: base64 of the raw 32 bytes, given directly or
/// in a file.
pub fn public_key(text: &str) -> Result<ed25519_dalek::VerifyingKey, Failure> {
    use base64::Engine as _;
    let invalid = |rule: String| Failure::invalid("--public-key", format!("--public-key: {rule}"));
    let encoded = if Path::new(text).is_file() {
        std::fs::read_to_string(text).map_err(|e| invalid(format!("cannot read {text}: {e}")))?
    } else {
        text.to_string()
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .map_err(|_| {
            invalid("is neither a file nor the base64 of a raw Ed25519 public key".to_string())
        })?;
    liaison_proto::envelope::verifying_key(&bytes).map_err(|e| invalid(e.to_string()))
}

/// Verifies an export offline; writes the verdict. Returns whether it held.
pub fn verify(
    out: &mut impl Write,
    file: &Path,
    key: &str,
    json_out: bool,
) -> anyhow::Result<bool> {
    let key = public_key(key)?;
    let text = std::fs::read_to_string(file).map_err(|e| {
        Failure::invalid(
            "FILE",
            format!("cannot read the export {}: {e}", file.display()),
        )
    })?;
    let key_id = liaison_proto::envelope::key_id(&key);
    match verify_export(&text, &key) {
        Ok(verdict) if json_out => {
            let record = json!({
                "verified": true,
                "country": verdict.country,
                "tree_size": verdict.tree_size,
                "root_hash": hex::encode(verdict.root_hash),
                "signed_unix_ms": verdict.timestamp_unix_ms,
                "key_id": key_id,
            });
            writeln!(out, "{record}")?;
            Ok(true)
        }
        Ok(verdict) => {
            writeln!(
                out,
                "VERIFIED: {}'s audit log, {} entries, root {}, signed {} UTC with key {key_id}",
                verdict.country,
                verdict.tree_size,
                hex::encode(verdict.root_hash),
                time(verdict.timestamp_unix_ms)
            )?;
            Ok(true)
        }
        Err(failure) if json_out => {
            let record = json!({
                "verified": false,
                "line": failure.line,
                "first_bad_index": failure.index,
                "problem": failure.problem,
            });
            writeln!(out, "{record}")?;
            Ok(false)
        }
        Err(failure) => {
            match failure.index {
                Some(index) => writeln!(
                    out,
                    "FAILED: first bad entry is index {index} (line {}): {}",
                    failure.line, failure.problem
                )?,
                None => writeln!(out, "FAILED at line {}: {}", failure.line, failure.problem)?,
            }
            Ok(false)
        }
    }
}

/// Writes an export stream to `out` as JSON Lines; returns (entries, head).
/// The file appears whole or not at all: it is written beside `out` and
/// renamed into place.
pub async fn export(
    stream: &mut tonic::Streaming<pb::ExportItem>,
    out: &Path,
) -> anyhow::Result<(u64, pb::TreeHeadBody)> {
    let cannot_write = |path: &Path, e: io::Error| {
        Failure::invalid(
            "--out",
            format!("--out: cannot write {}: {e}", path.display()),
        )
    };
    let partial = out.with_extension("partial");
    let mut file =
        io::BufWriter::new(std::fs::File::create(&partial).map_err(|e| cannot_write(&partial, e))?);
    let mut entries = 0u64;
    let mut head = None;
    while let Some(item) = stream.message().await.map_err(crate::failure::status)? {
        match &item.item {
            Some(pb::export_item::Item::TreeHead(signed)) => {
                head = Some(
                    <pb::TreeHeadBody as prost::Message>::decode(signed.body.as_slice())
                        .context("the node sent a tree head that does not decode")?,
                );
            }
            Some(pb::export_item::Item::Entry(_)) => entries += 1,
            None => bail!("the node sent an empty export item"),
        }
        let line = item_line(&item)?;
        writeln!(file, "{line}").map_err(|e| cannot_write(&partial, e))?;
    }
    file.flush().map_err(|e| cannot_write(&partial, e))?;
    drop(file);
    std::fs::rename(&partial, out).map_err(|e| cannot_write(out, e))?;
    let head = head.context("the export held no tree head")?;
    Ok((entries, head))
}

/// Says what `export` wrote: a sentence, or one JSON object.
pub fn print_export(
    out: &mut impl Write,
    file: &Path,
    entries: u64,
    head: &pb::TreeHeadBody,
    json_out: bool,
) -> io::Result<()> {
    if json_out {
        let record = json!({
            "file": file.display().to_string(),
            "country": head.country,
            "entries": entries,
            "tree_size": head.tree_size,
            "root_hash": hex::encode(&head.root_hash),
        });
        return writeln!(out, "{record}");
    }
    writeln!(
        out,
        "wrote {}: {}'s audit log, {entries} entries, root {}",
        file.display(),
        head.country,
        hex::encode(&head.root_hash)
    )
}

/// Shows the node's signed tree head: a sentence, or with `json_out` the
/// head as the export file holds it (`docs/audit-export.md`).
pub fn print_head(
    out: &mut impl Write,
    head: &pb::SignedTreeHead,
    json_out: bool,
) -> anyhow::Result<()> {
    let line = liaison_proto::audit::tree_head_line(head)?;
    if json_out {
        writeln!(out, "{line}")?;
        return Ok(());
    }
    let body = <pb::TreeHeadBody as prost::Message>::decode(head.body.as_slice())
        .context("the node sent a tree head that does not decode")?;
    writeln!(
        out,
        "{}'s audit log: {} entries, root {}, signed {} UTC with key {}",
        body.country,
        body.tree_size,
        hex::encode(&body.root_hash),
        time(body.timestamp_unix_ms),
        head.key_id
    )?;
    Ok(())
}

/// Decodes audit records into JSON entries.
pub fn entries(records: &[pb::AuditRecord]) -> anyhow::Result<Vec<Value>> {
    records
        .iter()
        .map(|r| {
            serde_json::from_slice(&r.leaf)
                .with_context(|| format!("entry {} is not JSON", r.index))
        })
        .collect()
}

fn s<'a>(entry: &'a Value, key: &str) -> &'a str {
    entry.get(key).and_then(Value::as_str).unwrap_or("-")
}

/// Writes log entries as a table, or one JSON object per line.
pub fn print_log(out: &mut impl Write, entries: &[Value], json_out: bool) -> io::Result<()> {
    if json_out {
        for e in entries {
            writeln!(out, "{e}")?;
        }
        return Ok(());
    }
    writeln!(
        out,
        "{:>6}  {:<16}  {:<18}  {:<20}  {:<4}  {:<21}  {:<36}  DETAIL",
        "INDEX", "TIME (UTC)", "EVENT", "ACTOR", "PEER", "CATEGORY", "REQUEST"
    )?;
    for e in entries {
        writeln!(
            out,
            "{:>6}  {:<16}  {:<18}  {:<20}  {:<4}  {:<21}  {:<36}  {}",
            e.get("index").and_then(Value::as_u64).unwrap_or(0),
            time(e.get("at_unix_ms").and_then(Value::as_i64).unwrap_or(0)),
            s(e, "event"),
            s(e, "actor"),
            s(e, "peer"),
            s(e, "category"),
            s(e, "request_id"),
            s(e, "detail"),
        )?;
    }
    Ok(())
}

/// The `p`th percentile (0 < `p` ≤ 100) of `sorted` (ascending) by the
/// nearest-rank method: the smallest value such that at least `p` per cent
/// of the values are less than or equal to it, i.e. the value of rank
/// ⌈p·n/100⌉ (counting from 1). It is always one of the values, never an
/// interpolation: the p90 of 1..=10 is 9, the median of 1..=10 is 5. An
/// empty list has none.
pub fn percentile(sorted: &[i64], p: u32) -> Option<i64> {
    let n = sorted.len();
    let p = usize::try_from(p.clamp(1, 100)).unwrap_or(100);
    let rank = (p * n).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

fn duration(ms: i64) -> String {
    match ms {
        ms if ms < 1_000 => format!("{ms} ms"),
        ms if ms < 120_000 => format!("{:.1} s", ms as f64 / 1000.0),
        ms if ms < 7_200_000 => format!("{:.1} min", ms as f64 / 60_000.0),
        ms => format!("{:.1} h", ms as f64 / 3_600_000.0),
    }
}

/// Counts per peer, category and event, and answer times: for requests
/// this node sent (submitted to answer received) and for those it answered
/// (received to answered or refused). Median and p90 are nearest-rank
/// percentiles ([`percentile`]).
pub fn report(out: &mut impl Write, entries: &[Value], json_out: bool) -> io::Result<()> {
    let mut by_peer: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_category: BTreeMap<String, u64> = BTreeMap::new();
    let mut by_event: BTreeMap<String, u64> = BTreeMap::new();
    let mut started: BTreeMap<(String, &str), i64> = BTreeMap::new();
    let mut times: BTreeMap<(&str, String), Vec<i64>> = BTreeMap::new();
    for e in entries {
        let event = s(e, "event");
        *by_event.entry(event.to_string()).or_default() += 1;
        if e.get("peer").and_then(Value::as_str).is_some() {
            *by_peer.entry(s(e, "peer").to_string()).or_default() += 1;
        }
        if e.get("category").and_then(Value::as_str).is_some() {
            *by_category.entry(s(e, "category").to_string()).or_default() += 1;
        }
        let (Some(request), Some(at)) = (
            e.get("request_id").and_then(Value::as_str),
            e.get("at_unix_ms").and_then(Value::as_i64),
        ) else {
            continue;
        };
        let peer = s(e, "peer").to_string();
        match event {
            "request.submitted" => {
                started.insert((request.to_string(), "sent"), at);
            }
            "request.received" => {
                started.insert((request.to_string(), "answered"), at);
            }
            "answer.received" => {
                if let Some(start) = started.remove(&(request.to_string(), "sent")) {
                    times.entry(("sent", peer)).or_default().push(at - start);
                }
            }
            "request.answered" | "request.refused" => {
                if let Some(start) = started.remove(&(request.to_string(), "answered")) {
                    times
                        .entry(("answered", peer))
                        .or_default()
                        .push(at - start);
                }
            }
            _ => {}
        }
    }
    for list in times.values_mut() {
        list.sort_unstable();
    }
    // Every list of times holds at least one.
    let nearest = |list: &[i64], p: u32| percentile(list, p).unwrap_or(0);
    if json_out {
        let answer_times: Vec<Value> = times
            .iter()
            .map(|((side, peer), list)| {
                json!({
                    "side": side,
                    "peer": peer,
                    "count": list.len(),
                    "median_ms": nearest(list, 50),
                    "p90_ms": nearest(list, 90),
                    "max_ms": nearest(list, 100),
                })
            })
            .collect();
        let record = json!({
            "entries": entries.len(),
            "by_peer": by_peer,
            "by_category": by_category,
            "by_event": by_event,
            "answer_times": answer_times,
        });
        return writeln!(out, "{record}");
    }
    writeln!(out, "{} entries", entries.len())?;
    for (title, counts) in [
        ("peer", &by_peer),
        ("category", &by_category),
        ("event", &by_event),
    ] {
        writeln!(out, "\nby {title}:")?;
        for (name, count) in counts {
            writeln!(out, "  {name:<28} {count:>6}")?;
        }
    }
    writeln!(out, "\nanswer times (median and p90 by nearest rank):")?;
    if times.is_empty() {
        writeln!(out, "  none yet")?;
    }
    for ((side, peer), list) in &times {
        let what = if *side == "sent" {
            format!("requests to {peer}")
        } else {
            format!("answers to {peer}")
        };
        writeln!(
            out,
            "  {what:<20} {:>4} answered, median {}, p90 {}, max {}",
            list.len(),
            duration(nearest(list, 50)),
            duration(nearest(list, 90)),
            duration(nearest(list, 100))
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_nearest_rank() {
        let ten: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&ten, 50), Some(5));
        assert_eq!(percentile(&ten, 90), Some(9));
        assert_eq!(percentile(&ten, 91), Some(10));
        assert_eq!(percentile(&ten, 100), Some(10));
        assert_eq!(percentile(&ten, 10), Some(1));
        assert_eq!(percentile(&ten, 11), Some(2));

        let hundred: Vec<i64> = (1..=100).collect();
        for p in 1..=100 {
            assert_eq!(percentile(&hundred, p), Some(i64::from(p)), "p{p}");
        }

        assert_eq!(percentile(&[42], 50), Some(42));
        assert_eq!(percentile(&[42], 90), Some(42));
        assert_eq!(percentile(&[], 90), None);

        // Where flooring a linear index went wrong: with few values the p90
        // is the largest one, not the one below it.
        assert_eq!(percentile(&[100, 200], 90), Some(200));
        assert_eq!(percentile(&[1, 2, 3, 4, 5], 90), Some(5));
        assert_eq!(percentile(&[1, 2, 3, 4, 5], 50), Some(3));
        // Nineteen fast answers and one slow one: the p90 is still fast,
        // the p100 (max) is not.
        let mut skewed = vec![10; 19];
        skewed.push(10_000);
        assert_eq!(percentile(&skewed, 90), Some(10));
        assert_eq!(percentile(&skewed, 95), Some(10));
        assert_eq!(percentile(&skewed, 96), Some(10_000));
    }

    #[test]
    fn the_report_gives_answer_times_by_nearest_rank() {
        // Two requests this node received from KHM, answered after 1 s and
        // 3 s: the median by nearest rank is 1 s, the p90 3 s.
        let mut entries = Vec::new();
        for (id, took) in [("r1", 1_000), ("r2", 3_000)] {
            entries.push(json!({"event": "request.received", "request_id": id, "peer": "KHM", "at_unix_ms": 0}));
            entries.push(json!({"event": "request.answered", "request_id": id, "peer": "KHM", "at_unix_ms": took}));
        }
        let mut out = Vec::new();
        report(&mut out, &entries, true).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
        let report: Value = serde_json::from_str(&text).unwrap();
        let times = &report["answer_times"][0];
        assert_eq!(times["side"], "answered");
        assert_eq!(times["count"], 2);
        assert_eq!(times["median_ms"], 1_000);
        assert_eq!(times["p90_ms"], 3_000);
        assert_eq!(times["max_ms"], 3_000);
        assert_eq!(report["by_peer"]["KHM"], 4);
    }
}
