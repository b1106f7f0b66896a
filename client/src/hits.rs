//! `liaison hit`: a focal point checks values against a peer country's
//! indicator lists without the peer learning them (the node's `Hits`
//! service, `proto/liaison/v1/hits.proto`), and shows a hit it found; a
//! hit's id is what `liaison request send --follow-up` quotes.
//!
//! Values go in checks of at most 1,000; each check's results are printed
//! as they come, so that a later refusal (a quota used up) leaves the
//! earlier results on the screen. The values shown are the user's own,
//! on their own screen; errors never repeat one.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::Subcommand;
use liaison_proto::auth::BearerToken;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::hits_client::HitsClient;
use serde_json::{Value, json};
use tonic::transport::Channel;

use crate::failure::{Failure, status};
use crate::indicator_file::{self, KINDS_HELP, MAX_VALUES_PER_CHECK, Source, parse_kind};
use crate::output::{Align, Printer, Table, time};

#[derive(Debug, Subcommand)]
pub enum HitCommand {
    /// Check values against a peer's indicator lists: hit or no hit, and
    /// for a hit whom to ask (focal points).
    #[command(long_about = CHECK_ABOUT)]
    Check {
        /// The country whose lists to check against, e.g. KHM.
        #[arg(long, value_name = "COUNTRY")]
        peer: CountryCode,
        /// The kind of every value.
        #[arg(long, value_name = "KIND", value_parser = parse_kind, long_help = KINDS_HELP)]
        kind: String,
        /// The values to check, in any spelling the kind accepts (a command
        /// line is visible to other users of the machine: prefer --file).
        #[arg(
            value_name = "VALUE",
            required_unless_present = "file",
            conflicts_with = "file"
        )]
        values: Vec<String>,
        /// Read the values from a file: one per line, or CSV (its first
        /// column); `-` for stdin.
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Show a hit this node's checks found and still holds (30 days).
    Show {
        /// The hit's id, as `hit check` printed it.
        #[arg(value_name = "HIT_ID")]
        hit_id: String,
    },
}

const CHECK_ABOUT: &str = "Check values against a peer country's indicator lists.

The node checks the values under both countries' agreements and the peer's
daily quota, without the peer learning them (RFC 9497 VOPRF), in checks of
at most 1,000 values. For each value it prints HIT or no hit; for a hit, its
id and each listing it opened (agency, list, reference, date added): quote
the id in `liaison request send --follow-up HIT_ID` to ask that agency. A
miss leaves nothing on either node. Then the peer's epoch, the entries of
the peer's set for this country, and the quota left and when it resets.
The exit status is 0 whether values hit or not.

Examples:
  liaison hit check --peer KHM --kind phone +85512345678 \"+855 12 345 679\"
  liaison hit check --peer KHM --kind online_account --file handles.txt --json";

/// Runs one `liaison hit` command.
pub async fn run<W: Write>(
    command: &HitCommand,
    channel: Channel,
    token: BearerToken,
    out: &mut Printer<W>,
) -> anyhow::Result<()> {
    let mut client = HitsClient::with_interceptor(channel, token);
    match command {
        HitCommand::Check {
            peer,
            kind,
            values,
            file,
        } => {
            let (values, source) = match file {
                Some(path) => indicator_file::read_values(path, "--file")?,
                None => (values.clone(), Source::Arguments),
            };
            let peer = peer.to_string();
            let mut results = Vec::new();
            for (n, call) in indicator_file::check_calls(&peer, kind, &values).enumerate() {
                let first = n * MAX_VALUES_PER_CHECK;
                let asked = &values[first..first + call.values.len()];
                let result = client
                    .check(call)
                    .await
                    .map_err(|e| {
                        indicator_file::refusal(
                            &e,
                            "values",
                            first,
                            asked.len(),
                            &source,
                            "checked",
                        )
                    })?
                    .into_inner();
                if result.outcomes.len() != asked.len() {
                    return Err(Failure::new(
                        "UNKNOWN",
                        None,
                        format!(
                            "the node answered {} outcomes for the {} values of a check",
                            result.outcomes.len(),
                            asked.len()
                        ),
                    )
                    .into());
                }
                print_outcomes(out, asked, &result)?;
                results.push(result);
            }
            print_check_end(out, &results)?;
        }
        HitCommand::Show { hit_id } => {
            let hit = client
                .get_hit(pb::HitRef {
                    hit_id: hit_id.clone(),
                })
                .await
                .map_err(status)?
                .into_inner();
            print_hit(out, &hit)?;
        }
    }
    Ok(())
}

fn record_json(r: &pb::HitRecord) -> Value {
    json!({
        "agency": r.agency,
        "list": r.list,
        "reference": r.reference,
        "kind": r.kind,
        "added": r.added,
    })
}

/// One value's outcome as a JSON object, with its check's epoch, quota and
/// set size.
pub fn outcome_json(value: &str, outcome: &pb::HitOutcome, result: &pb::HitCheckResult) -> Value {
    json!({
        "value": value,
        "hit": outcome.hit,
        "hit_id": outcome.hit.then_some(&outcome.hit_id),
        "records": outcome.records.iter().map(record_json).collect::<Vec<_>>(),
        "peer": result.peer,
        "kind": result.kind,
        "epoch": result.epoch,
        "set_entries": result.set_entries,
        "quota_left": result.quota_left,
        "quota_resets_unix_ms": result.quota_resets_unix_ms,
    })
}

/// A record's cells: its position among the hit's records (what
/// `--follow-up-record` takes), agency, list, reference, date added.
fn record_cells(records: &[pb::HitRecord]) -> [Vec<String>; 5] {
    let mut cells: [Vec<String>; 5] = Default::default();
    for (i, r) in records.iter().enumerate() {
        cells[0].push(i.to_string());
        cells[1].push(r.agency.clone());
        cells[2].push(r.list.clone());
        cells[3].push(r.reference.clone());
        cells[4].push(r.added.clone());
    }
    cells
}

/// The outcomes of one check: a table (a hit's records one per line), or
/// one JSON object per value.
fn print_outcomes<W: Write>(
    out: &mut Printer<W>,
    values: &[String],
    result: &pb::HitCheckResult,
) -> io::Result<()> {
    if out.json {
        for (value, outcome) in values.iter().zip(&result.outcomes) {
            out.json_line(&outcome_json(value, outcome, result))?;
        }
        return Ok(());
    }
    let mut table = Table::new(&[
        ("VALUE", Align::Left),
        ("RESULT", Align::Left),
        ("HIT", Align::Left),
        ("#", Align::Right),
        ("AGENCY", Align::Left),
        ("LIST", Align::Left),
        ("REFERENCE", Align::Left),
        ("ADDED", Align::Left),
    ]);
    for (value, outcome) in values.iter().zip(&result.outcomes) {
        let mut row = vec![vec![value.clone()]];
        if outcome.hit {
            row.push(vec!["HIT".to_string()]);
            row.push(vec![outcome.hit_id.clone()]);
            row.extend(record_cells(&outcome.records));
        } else {
            row.push(vec!["no hit".to_string()]);
        }
        table.row(row);
    }
    table.write(&mut out.out, "")
}

/// After every check: the peer's epoch and set, and the quota (tables only;
/// each JSON object carries them).
fn print_check_end<W: Write>(
    out: &mut Printer<W>,
    results: &[pb::HitCheckResult],
) -> io::Result<()> {
    let Some(last) = results.last() else {
        return Ok(());
    };
    if out.json {
        return Ok(());
    }
    let hits: usize = results
        .iter()
        .flat_map(|r| &r.outcomes)
        .filter(|o| o.hit)
        .count();
    let checked: usize = results.iter().map(|r| r.outcomes.len()).sum();
    let mut epochs: Vec<u64> = results.iter().map(|r| r.epoch).collect();
    epochs.dedup();
    let epochs = epochs
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", then ");
    writeln!(
        out.out,
        "{hits} of {checked} values hit; {} epoch {epochs}, its set for this country {} entries",
        last.peer, last.set_entries
    )?;
    writeln!(
        out.out,
        "quota: {} evaluations left, reset at {}",
        last.quota_left,
        liaison_proto::time::rfc3339(last.quota_resets_unix_ms)
    )
}

/// The JSON object of a hit.
pub fn hit_json(hit: &pb::Hit) -> Value {
    json!({
        "hit_id": hit.hit_id,
        "peer": hit.peer,
        "kind": hit.kind,
        "value": hit.value,
        "records": hit.records.iter().map(record_json).collect::<Vec<_>>(),
        "checked_by": hit.checked_by,
        "found_unix_ms": hit.found_unix_ms,
        "expires_unix_ms": hit.expires_unix_ms,
    })
}

fn print_hit<W: Write>(out: &mut Printer<W>, hit: &pb::Hit) -> io::Result<()> {
    if out.json {
        return out.json_line(&hit_json(hit));
    }
    writeln!(out.out, "hit {}", hit.hit_id)?;
    writeln!(out.out, "  peer     {}", hit.peer)?;
    writeln!(out.out, "  kind     {}", hit.kind)?;
    writeln!(out.out, "  value    {}", hit.value)?;
    writeln!(
        out.out,
        "  found    {} by {}",
        time(hit.found_unix_ms),
        hit.checked_by
    )?;
    writeln!(out.out, "  kept to  {}", time(hit.expires_unix_ms))?;
    let mut table = Table::new(&[
        ("#", Align::Right),
        ("AGENCY", Align::Left),
        ("LIST", Align::Left),
        ("REFERENCE", Align::Left),
        ("ADDED", Align::Left),
    ]);
    for (i, r) in hit.records.iter().enumerate() {
        table.row(vec![
            vec![i.to_string()],
            vec![r.agency.clone()],
            vec![r.list.clone()],
            vec![r.reference.clone()],
            vec![r.added.clone()],
        ]);
    }
    table.write(&mut out.out, "  ")?;
    writeln!(
        out.out,
        "follow it up: liaison request send --follow-up {} [--follow-up-record #] --category … \
         --purpose … --offence …",
        hit.hit_id
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(reference: &str) -> pb::HitRecord {
        pb::HitRecord {
            agency: "police".into(),
            list: "compound-numbers".into(),
            reference: reference.into(),
            kind: "phone".into(),
            added: "2026-11-02".into(),
        }
    }

    fn result() -> pb::HitCheckResult {
        pb::HitCheckResult {
            peer: "KHM".into(),
            kind: "phone".into(),
            epoch: 12,
            outcomes: vec![
                pb::HitOutcome {
                    hit: true,
                    hit_id: "h-1".into(),
                    records: vec![record("KHM-1"), record("KHM-2")],
                },
                pb::HitOutcome::default(),
            ],
            quota_left: 998,
            quota_resets_unix_ms: 1_795_478_400_000,
            set_entries: 4096,
        }
    }

    fn printed(json: bool, print: impl FnOnce(&mut Printer<Vec<u8>>) -> io::Result<()>) -> String {
        let mut out = Printer::new(json, Vec::new());
        print(&mut out).unwrap();
        String::from_utf8(out.out).unwrap()
    }

    #[test]
    fn a_check_prints_each_value_its_records_then_the_quota() {
        let values = ["+855 12 345 678".to_string(), "+85512345679".to_string()];
        let results = [result()];
        let text = printed(false, |out| {
            print_outcomes(out, &values, &results[0])?;
            print_check_end(out, &results)
        });
        assert_eq!(
            text,
            "VALUE            RESULT  HIT  #  AGENCY  LIST              REFERENCE  ADDED\n\
             +855 12 345 678  HIT     h-1  0  police  compound-numbers  KHM-1      2026-11-02\n\
             \x20                             1  police  compound-numbers  KHM-2      2026-11-02\n\
             +85512345679     no hit\n\
             1 of 2 values hit; KHM epoch 12, its set for this country 4096 entries\n\
             quota: 998 evaluations left, reset at 2026-11-24T00:00:00.000Z\n"
        );
    }

    #[test]
    fn a_check_in_json_is_one_object_per_value() {
        let values = ["+855 12 345 678".to_string(), "+85512345679".to_string()];
        let results = [result()];
        let text = printed(true, |out| {
            print_outcomes(out, &values, &results[0])?;
            print_check_end(out, &results)
        });
        let lines: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["value"], "+855 12 345 678");
        assert_eq!(lines[0]["hit"], true);
        assert_eq!(lines[0]["hit_id"], "h-1");
        assert_eq!(lines[0]["records"][1]["reference"], "KHM-2");
        assert_eq!(lines[0]["quota_resets_unix_ms"], 1_795_478_400_000_i64);
        assert_eq!(lines[1]["hit"], false);
        assert_eq!(lines[1]["hit_id"], Value::Null);
        assert_eq!(lines[1]["records"], json!([]));
        assert_eq!(lines[1]["set_entries"], 4096);
    }

    fn check(values: Vec<String>) -> HitCommand {
        HitCommand::Check {
            peer: "KHM".parse().unwrap(),
            kind: "phone".into(),
            values,
            file: None,
        }
    }

    #[tokio::test]
    async fn values_go_in_checks_of_1000_and_a_refusal_names_the_value() {
        let (channel, calls) = crate::fake_hits::serve().await;
        let mut values: Vec<String> = (0..1_001).map(|i| format!("+1{i}")).collect();
        let mut out = Printer::new(true, Vec::new());
        run(
            &check(values.clone()),
            channel.clone(),
            BearerToken::none(),
            &mut out,
        )
        .await
        .unwrap();
        let sizes: Vec<usize> = calls
            .lock()
            .unwrap()
            .checks
            .iter()
            .map(|c| c.values.len())
            .collect();
        assert_eq!(sizes, [1_000, 1]);
        let text = String::from_utf8(out.out).unwrap();
        let lines: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 1_001);
        assert_eq!(lines[7]["value"], "+17");
        assert_eq!(lines[7]["hit"], true);
        assert_eq!(lines[1_000]["value"], "+11000");
        assert_eq!(lines[1_000]["hit"], false);

        // The second check is refused: the first's results stay printed.
        values[1_000] = "bad".into();
        let mut out = Printer::new(true, Vec::new());
        let error = run(&check(values), channel, BearerToken::none(), &mut out)
            .await
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "INVALID_ARGUMENT: VALUE 1001 of the command line: field `values[0]`: is not a \
             phone number in E.164 form (VALUEs 1 to 1000 of the command line were checked by \
             the calls before; nothing from VALUE 1001 of the command line on)"
        );
        assert_eq!(String::from_utf8(out.out).unwrap().lines().count(), 1_000);
    }

    #[test]
    fn a_hit_shows_its_records_numbered_for_a_follow_up() {
        let hit = pb::Hit {
            hit_id: "h-1".into(),
            peer: "KHM".into(),
            kind: "phone".into(),
            value: "+85512345678".into(),
            records: vec![record("KHM-1")],
            checked_by: "focal_point/somchai".into(),
            found_unix_ms: 1_795_441_500_000,
            expires_unix_ms: 1_798_033_500_000,
        };
        let text = printed(false, |out| print_hit(out, &hit));
        assert!(
            text.starts_with(
                "hit h-1\n  peer     KHM\n  kind     phone\n  value    +85512345678\n"
            )
        );
        assert!(text.contains("  #  AGENCY  LIST              REFERENCE  ADDED\n"));
        assert!(text.contains("  0  police  compound-numbers  KHM-1      2026-11-02\n"));
        assert!(text.contains("--follow-up h-1"));
        let json: Value = serde_json::from_str(&printed(true, |out| print_hit(out, &hit))).unwrap();
        assert_eq!(json["checked_by"], "focal_point/somchai");
        assert_eq!(json["records"][0]["agency"], "police");
    }
}
