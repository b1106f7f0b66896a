//! `liaison evidence verify` (the `package` module): checks a court evidence package offline, with
//! nothing but the zip and, if given, each country's published key. The
//! checks are `liaison_proto::package::verify`'s; this module reads the
//! file and the keys, and prints each check, each finding and the verdict.
//! `liaison evidence package` saves what the node's `Evidence.Package`
//! writes, then runs this.

use std::io::{BufReader, Write};
use std::path::Path;

use liaison_proto::domain::CountryCode;
use liaison_proto::package::{PinnedKeys, Verification, verify as verify_package};
use liaison_proto::time::rfc3339;
use serde_json::json;

use crate::audit::public_key;
use crate::failure::Failure;

/// Reads `--public-key COUNTRY=KEY` pins: KEY is a file holding the base64
/// of the raw key (a node's `signing-key.pub`) or that base64 itself. A
/// country may be pinned more than once (a key rotation).
pub fn pins(given: &[String]) -> Result<PinnedKeys, Failure> {
    let mut pins = PinnedKeys::new();
    for pin in given {
        let (country, key) = pin.split_once('=').ok_or_else(|| {
            Failure::invalid(
                "--public-key",
                format!("--public-key: `{pin}` is not COUNTRY=FILE (e.g. THA=tha-signing-key.pub)"),
            )
        })?;
        let country: CountryCode = country.parse().map_err(|e| {
            Failure::invalid("--public-key", format!("--public-key: `{country}` {e}"))
        })?;
        pins.entry(country).or_default().push(public_key(key)?);
    }
    Ok(pins)
}

/// Verifies the package at `file`; writes every check, finding and the
/// verdict. Returns whether the package holds.
pub fn verify(
    out: &mut impl Write,
    file: &Path,
    given_pins: &[String],
    json_out: bool,
) -> anyhow::Result<bool> {
    let pins = pins(given_pins)?;
    let opened = std::fs::File::open(file).map_err(|e| {
        Failure::invalid(
            "FILE",
            format!("cannot read the package {}: {e}", file.display()),
        )
    })?;
    let verification = verify_package(BufReader::new(opened), &pins);
    if json_out {
        print_json(out, &verification)?;
    } else {
        print_text(out, file, &verification)?;
    }
    Ok(verification.holds())
}

fn print_json(out: &mut impl Write, v: &Verification) -> std::io::Result<()> {
    let verdict = v.verdict.as_ref();
    let record = json!({
        "verified": v.holds(),
        "request_id": verdict.map(|d| d.request_id.clone()),
        "exporter": verdict.map(|d| d.exporter.clone()),
        "created_unix_ms": verdict.map(|d| d.created_unix_ms),
        "signed_with": verdict.map(|d| d.signed_with.clone()),
        "custody_entries": verdict.map(|d| d.custody_entries),
        "files": verdict.map(|d| d.files.iter().map(|f| json!({
            "file_id": f.file_id,
            "name": f.name,
            "path": f.path,
            "size": f.size,
            "sha256": hex::encode(f.sha256),
        })).collect::<Vec<_>>()),
        "keys": verdict.map(|d| d.keys.iter().map(|k| json!({
            "country": k.country.as_str(),
            "key_id": k.key_id,
            "public_key": k.public_key,
            "pinned": k.pinned,
        })).collect::<Vec<_>>()),
        "checks": v.checks,
        "findings": v.findings.iter().map(|f| json!({
            "rule": f.rule.name(),
            "at": f.at,
            "problem": f.problem,
        })).collect::<Vec<_>>(),
    });
    writeln!(out, "{record}")
}

fn print_text(out: &mut impl Write, file: &Path, v: &Verification) -> std::io::Result<()> {
    writeln!(out, "evidence package {}", file.display())?;
    for check in &v.checks {
        writeln!(out, "  ok      {check}")?;
    }
    for finding in &v.findings {
        writeln!(out, "  FAILED  {finding}")?;
    }
    if let Some(verdict) = &v.verdict {
        writeln!(out, "keys in the package:")?;
        for key in &verdict.keys {
            let status = match key.pinned {
                Some(true) => "the pinned key",
                Some(false) => "DIFFERS from the pinned key",
                None => "not pinned: compare it with the key the country publishes",
            };
            writeln!(
                out,
                "  {} {} {} ({status})",
                key.country, key.key_id, key.public_key
            )?;
        }
    }
    match &v.verdict {
        Some(verdict) if v.holds() => writeln!(
            out,
            "VERIFIED: evidence package for request {}, written by {} at {}, {} file(s), {} custody \
             entries, signed with key {}",
            verdict.request_id,
            verdict.exporter,
            rfc3339(verdict.created_unix_ms),
            verdict.files.len(),
            verdict.custody_entries,
            verdict.signed_with
        ),
        _ => writeln!(
            out,
            "FAILED: {} finding(s); the package must not be relied on",
            v.findings.len()
        ),
    }
}
