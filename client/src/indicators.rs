//! `liaison indicators`: an agency officer keeps the agency's lists of
//! identifiers (indicators) that other countries' focal points may check
//! privately (the node's `Hits` service, `proto/liaison/v1/hits.proto`):
//! import a CSV file into a list, remove values or a whole list, and see
//! the lists' counts. Values are read from files (`crate::indicator_file`)
//! and never printed: a summary holds names and counts only.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{ArgGroup, Subcommand};
use liaison_proto::auth::BearerToken;
use liaison_proto::pb;
use liaison_proto::pb::hits_client::HitsClient;
use serde_json::{Value, json};
use tonic::transport::Channel;

use crate::failure::status;
use crate::indicator_file::{self, KINDS_HELP, Source, parse_kind, parse_list};
use crate::output::{Align, Printer, Table, time};

#[derive(Debug, Subcommand)]
pub enum IndicatorsCommand {
    /// Add the values of a CSV file to one of your agency's lists (created
    /// if new), in calls of at most 10,000; prints the list's counts after.
    #[command(long_about = IMPORT_ABOUT)]
    Import {
        /// Your agency, as the node's config names it (`[[agencies]]`).
        #[arg(long, value_name = "AGENCY")]
        agency: String,
        /// The list: 1 to 64 lower-case letters, digits, - _ or . (e.g.
        /// compound-numbers).
        #[arg(long, value_name = "LIST", value_parser = parse_list)]
        list: String,
        /// The kind of every value of the file.
        #[arg(long, value_name = "KIND", value_parser = parse_kind, long_help = KINDS_HELP)]
        kind: String,
        /// The CSV file: value,reference[,added] per line (added:
        /// YYYY-MM-DD, default today), `-` for stdin.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Remove the values of a file from a list, or the whole list with --all.
    #[command(group(ArgGroup::new("what").required(true).args(["file", "all"])))]
    Remove {
        /// Your agency, as the node's config names it.
        #[arg(long, value_name = "AGENCY")]
        agency: String,
        /// The list.
        #[arg(long, value_name = "LIST", value_parser = parse_list)]
        list: String,
        /// The kind of every value of FILE.
        #[arg(long, value_name = "KIND", value_parser = parse_kind, requires = "file", long_help = KINDS_HELP)]
        kind: Option<String>,
        /// The values to remove: one per line, or the import CSV (its first
        /// column); `-` for stdin. Needs --kind.
        #[arg(value_name = "FILE", requires = "kind")]
        file: Option<PathBuf>,
        /// Remove every value of the list, and the list (its data key is
        /// destroyed: this cannot be undone).
        #[arg(long)]
        all: bool,
    },
    /// The lists, with their counts per kind, and the current epoch (never a value).
    #[command(visible_alias = "list")]
    Summary {
        /// Only this agency's lists; default: every list you may see.
        #[arg(long, value_name = "AGENCY")]
        agency: Option<String>,
    },
}

const IMPORT_ABOUT: &str = "Add the values of a CSV file to one of your agency's lists.

The file has one entry per line: value,reference[,added]. The reference is
your agency's own for the listing (1 to 64 letters, digits, spaces or
- _ / .), quoted to a country whose check hits the value; added is when it
was listed, YYYY-MM-DD (default: today). A header line value,reference or
value,reference,added is skipped, and so are blank lines; a field holding a
comma or a quote is written in double quotes, its quotes doubled (RFC 4180).
Every line is checked before anything is sent; a bad line refuses the file,
naming its line and the rule broken, never the value. The node puts each
value in its normal form and refuses the call if one is not a value of the
kind, naming the line. A value already on the list gets the new reference
and date.

The entries go in calls of at most 10,000; each call moves the node's epoch
on (its sets are rebuilt with the list). If a call is refused, the calls
before it stay: the error says up to which line.

Example:
  liaison indicators import --agency police --list compound-numbers \\
      --kind phone numbers.csv";

/// Runs one `liaison indicators` command.
pub async fn run<W: Write>(
    command: &IndicatorsCommand,
    channel: Channel,
    token: BearerToken,
    out: &mut Printer<W>,
) -> anyhow::Result<()> {
    let mut client = HitsClient::with_interceptor(channel, token);
    match command {
        IndicatorsCommand::Import {
            agency,
            list,
            kind,
            file,
        } => {
            let entries = indicator_file::read_entries(file, "FILE")?;
            let source = Source::File {
                shown: indicator_file::shown(file),
                lines: entries.iter().map(|e| e.line).collect(),
            };
            let mut total = Totals::default();
            let mut first = 0;
            for call in indicator_file::import_calls(agency, list, kind, &entries) {
                let count = call.entries.len();
                let summary = client
                    .import_indicators(call)
                    .await
                    .map_err(|e| {
                        indicator_file::refusal(&e, "entries", first, count, &source, "imported")
                    })?
                    .into_inner();
                total.add(summary);
                first += count;
            }
            print_change(out, &total, Change::Import)?;
        }
        IndicatorsCommand::Remove {
            agency,
            list,
            kind,
            file,
            all,
        } => {
            let mut total = Totals::default();
            if *all {
                let summary = client
                    .remove_indicators(whole_list_removal(agency, list))
                    .await
                    .map_err(status)?
                    .into_inner();
                total.add(summary);
            } else {
                let (Some(kind), Some(file)) = (kind, file) else {
                    unreachable!("clap requires --kind with FILE, and FILE or --all");
                };
                let (values, source) = indicator_file::read_values(file, "FILE")?;
                let mut first = 0;
                for call in indicator_file::removal_calls(agency, list, kind, &values) {
                    let count = call.values.len();
                    let summary = client
                        .remove_indicators(call)
                        .await
                        .map_err(|e| {
                            indicator_file::refusal(&e, "values", first, count, &source, "removed")
                        })?
                        .into_inner();
                    total.add(summary);
                    first += count;
                }
            }
            print_change(out, &total, Change::Removal)?;
        }
        IndicatorsCommand::Summary { agency } => {
            let lists = client
                .list_indicators(pb::IndicatorListQuery {
                    agency: agency.clone().unwrap_or_default(),
                })
                .await
                .map_err(status)?
                .into_inner();
            print_lists(out, &lists)?;
        }
    }
    Ok(())
}

/// The call that removes a whole list.
pub fn whole_list_removal(agency: &str, list: &str) -> pb::IndicatorRemoval {
    pb::IndicatorRemoval {
        agency: agency.to_string(),
        list: list.to_string(),
        kind: String::new(),
        values: Vec::new(),
        whole_list: true,
    }
}

/// What the calls of one command did: the last call's summary (the list as
/// it is now), with `added`, `removed` and `absent` summed over every call.
#[derive(Debug, Default)]
struct Totals {
    summary: pb::IndicatorListSummary,
    calls: usize,
}

impl Totals {
    fn add(&mut self, summary: pb::IndicatorListSummary) {
        let (added, removed, absent) = (
            self.summary.added + summary.added,
            self.summary.removed + summary.removed,
            self.summary.absent + summary.absent,
        );
        self.summary = pb::IndicatorListSummary {
            added,
            removed,
            absent,
            ..summary
        };
        self.calls += 1;
    }
}

#[derive(Debug, Clone, Copy)]
enum Change {
    Import,
    Removal,
}

/// The counts per kind, as a JSON object (kind → count).
fn counts_json(counts: &[pb::KindCount]) -> Value {
    counts
        .iter()
        .map(|c| (c.kind.clone(), json!(c.count)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// The counts per kind for people: `phone 120, wallet 3`, or `empty`.
fn counts_text(counts: &[pb::KindCount]) -> String {
    if counts.is_empty() {
        return "empty".to_string();
    }
    counts
        .iter()
        .map(|c| format!("{} {}", c.kind, c.count))
        .collect::<Vec<_>>()
        .join(", ")
}

fn summary_json(s: &pb::IndicatorListSummary) -> Value {
    json!({
        "agency": s.agency,
        "list": s.list,
        "counts": counts_json(&s.counts),
        "updated_unix_ms": s.updated_unix_ms,
        "added": s.added,
        "removed": s.removed,
        "absent": s.absent,
        "epoch": s.epoch,
    })
}

fn print_change<W: Write>(out: &mut Printer<W>, total: &Totals, change: Change) -> io::Result<()> {
    let s = &total.summary;
    if out.json {
        return out.json_line(&summary_json(s));
    }
    let calls = if total.calls == 1 {
        "1 call".to_string()
    } else {
        format!("{} calls", total.calls)
    };
    match change {
        Change::Import => writeln!(
            out.out,
            "{}/{}: {} values added or updated in {calls}",
            s.agency, s.list, s.added
        )?,
        Change::Removal => writeln!(
            out.out,
            "{}/{}: {} values removed, {} not on the list, in {calls}",
            s.agency, s.list, s.removed, s.absent
        )?,
    }
    writeln!(
        out.out,
        "now: {} (updated {}); epoch {}",
        counts_text(&s.counts),
        time(s.updated_unix_ms),
        s.epoch
    )
}

/// The table's column title of a kind.
fn kind_header(kind: &str) -> &'static str {
    match kind {
        "phone" => "PHONE",
        "bank_account" => "BANK_ACCOUNT",
        "wallet" => "WALLET",
        "online_account" => "ONLINE_ACCOUNT",
        "imei" => "IMEI",
        "identity_document" => "IDENTITY_DOCUMENT",
        _ => "OTHER",
    }
}

fn print_lists<W: Write>(out: &mut Printer<W>, lists: &pb::IndicatorLists) -> io::Result<()> {
    if out.json {
        for s in &lists.lists {
            out.json_line(&json!({
                "agency": s.agency,
                "list": s.list,
                "counts": counts_json(&s.counts),
                "updated_unix_ms": s.updated_unix_ms,
                "epoch": lists.epoch,
                "epoch_started_unix_ms": lists.epoch_started_unix_ms,
                "epoch_ends_unix_ms": lists.epoch_ends_unix_ms,
            }))?;
        }
        return Ok(());
    }
    if lists.lists.is_empty() {
        writeln!(out.out, "no lists (import one: liaison indicators import)")?;
    } else {
        // A column per kind that some list holds, in the node's order of
        // kinds; a kind the CLI does not know goes last, in OTHER.
        let known = liaison_proto::domain::INDICATOR_KINDS;
        let held = |kind: &str| {
            lists
                .lists
                .iter()
                .any(|s| s.counts.iter().any(|c| c.kind == kind))
        };
        let mut kinds: Vec<&str> = known.iter().copied().filter(|k| held(k)).collect();
        let other = lists
            .lists
            .iter()
            .flat_map(|s| &s.counts)
            .any(|c| !known.contains(&c.kind.as_str()));
        if other {
            kinds.push("other");
        }
        let mut headers = vec![("AGENCY", Align::Left), ("LIST", Align::Left)];
        headers.extend(kinds.iter().map(|k| (kind_header(k), Align::Right)));
        headers.push(("UPDATED", Align::Left));
        let mut table = Table::new(&headers);
        for s in &lists.lists {
            let mut row = vec![vec![s.agency.clone()], vec![s.list.clone()]];
            for kind in &kinds {
                let count: u64 = s
                    .counts
                    .iter()
                    .filter(|c| match *kind {
                        "other" => !known.contains(&c.kind.as_str()),
                        kind => c.kind == kind,
                    })
                    .map(|c| c.count)
                    .sum();
                row.push(vec![count.to_string()]);
            }
            row.push(vec![time(s.updated_unix_ms)]);
            table.row(row);
        }
        table.write(&mut out.out, "")?;
    }
    writeln!(
        out.out,
        "epoch {}: since {}, until {} or the next change of a list",
        lists.epoch,
        time(lists.epoch_started_unix_ms),
        time(lists.epoch_ends_unix_ms)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(list: &str, counts: &[(&str, u64)]) -> pb::IndicatorListSummary {
        pb::IndicatorListSummary {
            agency: "police".into(),
            list: list.into(),
            counts: counts
                .iter()
                .map(|(kind, count)| pb::KindCount {
                    kind: kind.to_string(),
                    count: *count,
                })
                .collect(),
            updated_unix_ms: 1_795_441_500_000,
            added: 0,
            removed: 0,
            absent: 0,
            epoch: 7,
        }
    }

    fn printed(json: bool, print: impl FnOnce(&mut Printer<Vec<u8>>) -> io::Result<()>) -> String {
        let mut out = Printer::new(json, Vec::new());
        print(&mut out).unwrap();
        String::from_utf8(out.out).unwrap()
    }

    #[test]
    fn calls_add_up_and_the_last_summary_stands() {
        let mut total = Totals::default();
        total.add(pb::IndicatorListSummary {
            added: 10_000,
            epoch: 8,
            ..summary("numbers", &[("phone", 10_000)])
        });
        total.add(pb::IndicatorListSummary {
            added: 1,
            epoch: 9,
            ..summary("numbers", &[("phone", 10_001)])
        });
        assert_eq!(total.calls, 2);
        let text = printed(false, |out| print_change(out, &total, Change::Import));
        assert_eq!(
            text,
            "police/numbers: 10001 values added or updated in 2 calls\n\
             now: phone 10001 (updated 2026-11-23 13:45); epoch 9\n"
        );
        let line = printed(true, |out| print_change(out, &total, Change::Import));
        let value: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(
            value,
            json!({"agency": "police", "list": "numbers", "counts": {"phone": 10001},
                   "updated_unix_ms": 1_795_441_500_000_i64, "added": 10001, "removed": 0,
                   "absent": 0, "epoch": 9})
        );
    }

    fn numbers_csv(dir: &std::path::Path, count: usize, bad: Option<usize>) -> PathBuf {
        let mut text = String::from("value,reference,added\n");
        for i in 0..count {
            if Some(i) == bad {
                text.push_str("bad,R\n");
            } else {
                text.push_str(&format!("+1{i},R{i},2026-11-02\n"));
            }
        }
        let path = dir.join("numbers.csv");
        std::fs::write(&path, text).unwrap();
        path
    }

    fn import(file: PathBuf) -> IndicatorsCommand {
        IndicatorsCommand::Import {
            agency: "police".into(),
            list: "numbers".into(),
            kind: "phone".into(),
            file,
        }
    }

    #[tokio::test]
    async fn an_import_goes_in_calls_of_10000_and_a_refusal_names_the_line() {
        let (channel, calls) = crate::fake_hits::serve().await;
        let dir = tempfile::tempdir().unwrap();
        let path = numbers_csv(dir.path(), 10_001, None);
        let mut out = Printer::new(false, Vec::new());
        run(
            &import(path),
            channel.clone(),
            BearerToken::none(),
            &mut out,
        )
        .await
        .unwrap();
        let sizes: Vec<usize> = calls
            .lock()
            .unwrap()
            .imports
            .iter()
            .map(|c| c.entries.len())
            .collect();
        assert_eq!(sizes, [10_000, 1]);
        let text = String::from_utf8(out.out).unwrap();
        assert!(
            text.starts_with("police/numbers: 10001 values added or updated in 2 calls\n"),
            "{text}"
        );

        // Entry 10,003 is on line 10,005 (after the header), the fourth of
        // the second call.
        let path = numbers_csv(dir.path(), 10_005, Some(10_003));
        let mut out = Printer::new(false, Vec::new());
        let error = run(
            &import(path.clone()),
            channel,
            BearerToken::none(),
            &mut out,
        )
        .await
        .unwrap_err();
        let failure = error.downcast_ref::<crate::failure::Failure>().unwrap();
        let shown = path.display();
        assert_eq!(
            failure.to_string(),
            format!(
                "INVALID_ARGUMENT: {shown} line 10005: field `entries[3]`: is not a phone \
                 number in E.164 form ({shown} lines 2 to 10001 were imported by the calls \
                 before; nothing from {shown} line 10002 on)"
            )
        );
        assert!(out.out.is_empty());
    }

    #[tokio::test]
    async fn a_removal_reads_values_or_removes_the_whole_list() {
        let (channel, calls) = crate::fake_hits::serve().await;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gone.txt");
        std::fs::write(&path, "+11\n\n+12\n+13\n").unwrap();
        let remove = |file: Option<PathBuf>| IndicatorsCommand::Remove {
            agency: "police".into(),
            list: "numbers".into(),
            kind: file.as_ref().map(|_| "phone".to_string()),
            file: file.clone(),
            all: file.is_none(),
        };
        let mut out = Printer::new(true, Vec::new());
        run(
            &remove(Some(path)),
            channel.clone(),
            BearerToken::none(),
            &mut out,
        )
        .await
        .unwrap();
        run(&remove(None), channel, BearerToken::none(), &mut out)
            .await
            .unwrap();
        let calls = calls.lock().unwrap();
        assert_eq!(calls.removals[0].values, ["+11", "+12", "+13"]);
        assert!(!calls.removals[0].whole_list);
        assert_eq!(calls.removals[1], whole_list_removal("police", "numbers"));
        let text = String::from_utf8(out.out).unwrap();
        let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        assert_eq!(
            (first["removed"].as_u64(), first["absent"].as_u64()),
            (Some(1), Some(2))
        );
    }

    #[test]
    fn removing_a_whole_list_names_no_kind_and_no_value() {
        let call = whole_list_removal("police", "numbers");
        assert!(call.whole_list && call.kind.is_empty() && call.values.is_empty());
    }

    #[test]
    fn the_summary_has_a_column_per_kind_held_then_the_epoch() {
        let lists = pb::IndicatorLists {
            lists: vec![
                summary("numbers", &[("phone", 120), ("wallet", 3)]),
                summary("wallets", &[("wallet", 40)]),
            ],
            epoch: 7,
            epoch_started_unix_ms: 1_795_441_500_000,
            epoch_ends_unix_ms: 1_795_527_900_000,
        };
        let text = printed(false, |out| print_lists(out, &lists));
        assert_eq!(
            text,
            "AGENCY  LIST     PHONE  WALLET  UPDATED\n\
             police  numbers    120       3  2026-11-23 13:45\n\
             police  wallets      0      40  2026-11-23 13:45\n\
             epoch 7: since 2026-11-23 13:45, until 2026-11-24 13:45 or the next change of a \
             list\n"
        );
        let json = printed(true, |out| print_lists(out, &lists));
        assert_eq!(json.lines().count(), 2);
        let first: Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
        assert_eq!(first["counts"], json!({"phone": 120, "wallet": 3}));
        assert_eq!(first["epoch"], 7);
    }
}
