//! `liaison audit …`: read, export, report on and verify a node's audit log.
//! Verification is offline: it needs only the export file and the node's
//! public key, and uses the verifier in `liaison-proto`.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;

use anyhow::{Context as _, bail};
use liaison_proto::audit::{item_line, verify_export};
use liaison_proto::pb;
use serde_json::{Value, json};

use crate::output::time;

/// Reads a node's public key: base64 of the raw 32 bytes, given directly or
/// in a file.
pub fn public_key(text: &str) -> anyhow::Result<ed25519_dalek::VerifyingKey> {
    use base64::Engine as _;
    let encoded = if Path::new(text).is_file() {
        std::fs::read_to_string(text).with_context(|| format!("cannot read {text}"))?
    } else {
        text.to_string()
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .context("the public key is neither a file nor base64")?;
    liaison_proto::envelope::verifying_key(&bytes).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Verifies an export offline; prints the verdict. Returns whether it held.
pub fn verify(file: &Path, key: &str, json_out: bool) -> anyhow::Result<bool> {
    let key = public_key(key)?;
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let key_id = liaison_proto::envelope::key_id(&key);
    match verify_export(&text, &key) {
        Ok(verdict) => {
            if json_out {
                println!(
                    "{}",
                    json!({
                        "verified": true,
                        "country": verdict.country,
                        "tree_size": verdict.tree_size,
                        "root_hash": hex::encode(verdict.root_hash),
                        "signed_unix_ms": verdict.timestamp_unix_ms,
                        "key_id": key_id,
                    })
                );
            } else {
                println!(
                    "VERIFIED: {}'s audit log, {} entries, root {}, signed {} UTC with key {key_id}",
                    verdict.country,
                    verdict.tree_size,
                    hex::encode(verdict.root_hash),
                    time(verdict.timestamp_unix_ms)
                );
            }
            Ok(true)
        }
        Err(failure) => {
            if json_out {
                println!(
                    "{}",
                    json!({
                        "verified": false,
                        "line": failure.line,
                        "first_bad_index": failure.index,
                        "problem": failure.problem,
                    })
                );
            } else {
                match failure.index {
                    Some(index) => println!(
                        "FAILED: first bad entry is index {index} (line {}): {}",
                        failure.line, failure.problem
                    ),
                    None => println!("FAILED at line {}: {}", failure.line, failure.problem),
                }
            }
            Ok(false)
        }
    }
}

/// Writes an export stream to `out` as JSON Lines; returns (entries, head).
pub async fn export(
    stream: &mut tonic::Streaming<pb::ExportItem>,
    out: &Path,
) -> anyhow::Result<(u64, pb::TreeHeadBody)> {
    let partial = out.with_extension("partial");
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(&partial)
            .with_context(|| format!("cannot write {}", partial.display()))?,
    );
    let mut entries = 0u64;
    let mut head = None;
    while let Some(item) = stream.message().await.map_err(crate::status)? {
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
        writeln!(file, "{line}")?;
    }
    file.flush()?;
    drop(file);
    std::fs::rename(&partial, out).with_context(|| format!("cannot write {}", out.display()))?;
    let head = head.context("the export held no tree head")?;
    Ok((entries, head))
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

pub fn print_log(entries: &[Value], json_out: bool) {
    if json_out {
        for e in entries {
            println!("{e}");
        }
        return;
    }
    println!(
        "{:>6}  {:<16}  {:<18}  {:<20}  {:<4}  {:<21}  {:<36}  DETAIL",
        "INDEX", "TIME (UTC)", "EVENT", "ACTOR", "PEER", "CATEGORY", "REQUEST"
    );
    for e in entries {
        println!(
            "{:>6}  {:<16}  {:<18}  {:<20}  {:<4}  {:<21}  {:<36}  {}",
            e.get("index").and_then(Value::as_u64).unwrap_or(0),
            time(e.get("at_unix_ms").and_then(Value::as_i64).unwrap_or(0)),
            s(e, "event"),
            s(e, "actor"),
            s(e, "peer"),
            s(e, "category"),
            s(e, "request_id"),
            s(e, "detail"),
        );
    }
}

fn percentile(sorted: &[i64], p: usize) -> i64 {
    if sorted.is_empty() {
        return 0;
    }
    sorted[((sorted.len() - 1) * p) / 100]
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
/// (received to answered or refused).
pub fn report(entries: &[Value], json_out: bool) {
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
    if json_out {
        let answer_times: Vec<Value> = times
            .iter()
            .map(|((side, peer), list)| {
                json!({
                    "side": side,
                    "peer": peer,
                    "count": list.len(),
                    "median_ms": percentile(list, 50),
                    "p90_ms": percentile(list, 90),
                    "max_ms": list.last().copied().unwrap_or(0),
                })
            })
            .collect();
        println!(
            "{:#}",
            json!({
                "entries": entries.len(),
                "by_peer": by_peer,
                "by_category": by_category,
                "by_event": by_event,
                "answer_times": answer_times,
            })
        );
        return;
    }
    println!("{} entries", entries.len());
    for (title, counts) in [
        ("peer", &by_peer),
        ("category", &by_category),
        ("event", &by_event),
    ] {
        println!("\nby {title}:");
        for (name, count) in counts {
            println!("  {name:<28} {count:>6}");
        }
    }
    println!("\nanswer times:");
    if times.is_empty() {
        println!("  none yet");
    }
    for ((side, peer), list) in &times {
        let what = if *side == "sent" {
            format!("requests to {peer}")
        } else {
            format!("answers to {peer}")
        };
        println!(
            "  {what:<20} {:>4} answered, median {}, p90 {}, max {}",
            list.len(),
            duration(percentile(list, 50)),
            duration(percentile(list, 90)),
            duration(list.last().copied().unwrap_or(0))
        );
    }
}
