//! Indicator files: the CSV that `liaison indicators import` reads
//! (`value,reference[,added]`), and the value files that `indicators
//! remove` and `hit check --file` read (one value per line, or the same
//! CSV, its first column used); the calls they are cut into (at most
//! 10,000 entries per import or removal, 1,000 values per check); and
//! where each value came from, so that a node's refusal of `entries[i]` or
//! `values[i]` is told as a line of the file.
//!
//! The CSV is RFC 4180, one record per line: fields separated by commas; a
//! field holding a comma or a quote is written in double quotes, its
//! quotes doubled (`"Ref, 2"`, `"a ""b"""`); spaces around a field,
//! outside its quotes, are dropped; lines end with LF or CRLF; a UTF-8 byte
//! order mark and blank lines are skipped, and so is a header line
//! (`value,reference[,added]`, or `value` in a value file). A quoted field
//! must end on its own line: no value or reference holds a line break.
//!
//! Values are personal data: an error names the file, the line and the
//! rule broken, never what the line holds.

use std::io::{BufRead, Read as _};
use std::path::Path;

use liaison_proto::pb;

use crate::failure::Failure;

/// The longest line read, in bytes (without its line ending). A value is
/// at most 160 bytes in its normal form and a reference 64: a longer line
/// is not an indicator file's.
pub const MAX_LINE_BYTES: usize = 1024;

/// The most entries (or values) one import or removal call carries.
pub const MAX_ENTRIES_PER_CALL: usize = 10_000;

/// The most values one check carries.
pub const MAX_VALUES_PER_CHECK: usize = 1_000;

/// The longest reference the node accepts (`IndicatorEntry.reference`).
const MAX_REFERENCE_BYTES: usize = 64;

/// One line of an import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The line of the file it was read from, from 1.
    pub line: usize,
    /// The value as written (the node puts it in its normal form).
    pub value: String,
    /// The agency's reference for the listing.
    pub reference: String,
    /// When it was listed, `YYYY-MM-DD`; empty: the node takes today.
    pub added: String,
}

/// Where the values of a command came from, to tell a refusal of the
/// `i`-th of them in the user's terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file (as shown, e.g. `numbers.csv` or `standard input`), and the
    /// line of each value in order.
    File { shown: String, lines: Vec<usize> },
    /// The command line's VALUE arguments, in order.
    Arguments,
}

impl Source {
    /// Where the value at `position` (from 0, across every call) came from.
    pub fn place(&self, position: usize) -> String {
        match self {
            Source::File { shown, lines } => match lines.get(position) {
                Some(line) => format!("{shown} line {line}"),
                None => format!("{shown}, value {}", position + 1),
            },
            Source::Arguments => format!("VALUE {} of the command line", position + 1),
        }
    }

    /// The places from `first` to `last` (from 0), as a range of lines.
    fn span(&self, first: usize, last: usize) -> String {
        if first == last {
            return self.place(first);
        }
        match self {
            Source::File { shown, lines } => match (lines.get(first), lines.get(last)) {
                (Some(a), Some(b)) => format!("{shown} lines {a} to {b}"),
                _ => format!("{shown}, values {} to {}", first + 1, last + 1),
            },
            Source::Arguments => {
                format!("VALUEs {} to {} of the command line", first + 1, last + 1)
            }
        }
    }
}

/// The name a file is shown by: its path, or `standard input` for `-`.
pub fn shown(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// Opens `path` (`-`: stdin) and runs `read` on it; errors name `option`.
fn with_file<T>(
    path: &Path,
    option: &str,
    read: impl FnOnce(&mut dyn BufRead, &str) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let name = shown(path);
    if path == Path::new("-") {
        let stdin = std::io::stdin();
        return read(&mut stdin.lock(), &name);
    }
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::invalid(option, format!("cannot read {name}: {e}")))?;
    read(&mut std::io::BufReader::new(file), &name)
}

/// Reads an import file (`value,reference[,added]`).
pub fn read_entries(path: &Path, option: &str) -> Result<Vec<Entry>, Failure> {
    with_file(path, option, |reader, name| {
        parse_entries(reader, name, option)
    })
}

/// Reads a value file: the values and the line of each.
pub fn read_values(path: &Path, option: &str) -> Result<(Vec<String>, Source), Failure> {
    with_file(path, option, |reader, name| {
        let values = parse_values(reader, name, option)?;
        let lines = values.iter().map(|(line, _)| *line).collect();
        let values = values.into_iter().map(|(_, value)| value).collect();
        Ok((
            values,
            Source::File {
                shown: name.to_string(),
                lines,
            },
        ))
    })
}

/// Every record of a CSV text with its line number (blank lines and a
/// byte order mark left out), stopping at the first line that breaks a
/// rule. `name` and `option` are for errors.
fn records(
    reader: &mut dyn BufRead,
    name: &str,
    option: &str,
) -> Result<Vec<(usize, Vec<String>)>, Failure> {
    let at =
        |line: usize, rule: &str| Failure::invalid(option, format!("{name} line {line}: {rule}"));
    let mut records = Vec::new();
    let mut buffer = Vec::new();
    let mut line = 0;
    loop {
        buffer.clear();
        // A line ending takes two bytes at most: more than that past the
        // limit is a line too long, whatever follows.
        let read = (&mut *reader)
            .take(MAX_LINE_BYTES as u64 + 2)
            .read_until(b'\n', &mut buffer)
            .map_err(|e| Failure::invalid(option, format!("cannot read {name}: {e}")))?;
        if read == 0 {
            return Ok(records);
        }
        line += 1;
        let mut bytes = buffer.as_slice();
        if let Some(rest) = bytes.strip_suffix(b"\n") {
            bytes = rest.strip_suffix(b"\r").unwrap_or(rest);
        }
        if bytes.len() > MAX_LINE_BYTES {
            return Err(at(
                line,
                &format!(
                    "is longer than {MAX_LINE_BYTES} bytes: a value, its reference and its date \
                     take far fewer (is this an indicator file?)"
                ),
            ));
        }
        let text = std::str::from_utf8(bytes).map_err(|_| at(line, "is not UTF-8 text"))?;
        let text = if line == 1 {
            text.strip_prefix('\u{feff}').unwrap_or(text)
        } else {
            text
        };
        if text.trim().is_empty() {
            continue;
        }
        records.push((line, fields(text).map_err(|rule| at(line, rule))?));
    }
}

/// Splits one CSV line into its fields (RFC 4180, on one line).
pub fn fields(line: &str) -> Result<Vec<String>, &'static str> {
    let blank = |c: &char| *c == ' ' || *c == '\t';
    let mut fields = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.next_if(blank).is_some() {}
        let mut field = String::new();
        if chars.next_if_eq(&'"').is_some() {
            loop {
                match chars.next() {
                    None => return Err("has a quoted field without its closing quote"),
                    Some('"') if chars.next_if_eq(&'"').is_some() => field.push('"'),
                    Some('"') => break,
                    Some(c) => field.push(c),
                }
            }
            while chars.next_if(blank).is_some() {}
            fields.push(field);
            match chars.next() {
                None => return Ok(fields),
                Some(',') => {}
                Some(_) => {
                    return Err("has a quoted field followed by something other than a comma");
                }
            }
        } else {
            loop {
                match chars.next() {
                    None => {
                        fields.push(field.trim_end_matches([' ', '\t']).to_string());
                        return Ok(fields);
                    }
                    Some(',') => {
                        fields.push(field.trim_end_matches([' ', '\t']).to_string());
                        break;
                    }
                    Some('"') => {
                        return Err("has a quote inside an unquoted field: put the whole field \
                                    in quotes and double the quote (\"\")");
                    }
                    Some(c) => field.push(c),
                }
            }
        }
    }
}

/// Whether a record is a header: its fields, in any case, are `names`
/// followed by any of `optional`.
fn is_header(record: &[String], names: &[&str], optional: &[&str]) -> bool {
    let wanted = names.iter().chain(optional);
    record.len() >= names.len()
        && record.len() <= names.len() + optional.len()
        && record
            .iter()
            .zip(wanted)
            .all(|(field, name)| field.trim().eq_ignore_ascii_case(name))
}

/// Parses an import file: `value,reference[,added]` per line, after an
/// optional header. Every line is checked before any is sent: a bad line
/// refuses the file, naming its line and the rule, not its content.
pub fn parse_entries(
    reader: &mut dyn BufRead,
    name: &str,
    option: &str,
) -> Result<Vec<Entry>, Failure> {
    let at =
        |line: usize, rule: &str| Failure::invalid(option, format!("{name} line {line}: {rule}"));
    let mut entries = Vec::new();
    for (i, (line, record)) in records(reader, name, option)?.into_iter().enumerate() {
        if i == 0 && is_header(&record, &["value", "reference"], &["added"]) {
            continue;
        }
        let (value, reference, added) = match <[String; 3]>::try_from(record) {
            Ok([value, reference, added]) => (value, reference, added),
            Err(record) => match <[String; 2]>::try_from(record) {
                Ok([value, reference]) => (value, reference, String::new()),
                Err(record) => {
                    return Err(at(
                        line,
                        &format!(
                            "has {} fields; an entry is value,reference[,added]",
                            record.len()
                        ),
                    ));
                }
            },
        };
        if value.trim().is_empty() {
            return Err(at(line, "has an empty value"));
        }
        check_reference(&reference).map_err(|rule| at(line, rule))?;
        if !added.is_empty() {
            liaison_proto::time::parse_date(&added)
                .map_err(|rule| at(line, &format!("its date added {rule}")))?;
        }
        entries.push(Entry {
            line,
            value,
            reference,
            added,
        });
    }
    if entries.is_empty() {
        return Err(Failure::invalid(
            option,
            format!("{name} holds no entries (value,reference[,added] per line)"),
        ));
    }
    Ok(entries)
}

/// The node's rule for a reference (`IndicatorEntry.reference`), checked
/// here as well so that a bad line refuses the file before the first call.
fn check_reference(reference: &str) -> Result<(), &'static str> {
    if reference.is_empty() {
        return Err("has an empty reference (the agency's reference for the listing)");
    }
    let allowed = |b: u8| b.is_ascii_alphanumeric() || b"-_/. ".contains(&b);
    if reference.len() > MAX_REFERENCE_BYTES || !reference.bytes().all(allowed) {
        return Err("has a reference that is not 1 to 64 letters, digits, spaces or - _ / .");
    }
    Ok(())
}

/// Parses a value file: one value per line, or CSV whose first field is
/// the value (the other fields are not read), after an optional header
/// (`value`, with any other names after it). Returns each value with its
/// line.
pub fn parse_values(
    reader: &mut dyn BufRead,
    name: &str,
    option: &str,
) -> Result<Vec<(usize, String)>, Failure> {
    let mut values = Vec::new();
    for (i, (line, record)) in records(reader, name, option)?.into_iter().enumerate() {
        let first = record.into_iter().next().unwrap_or_default();
        if i == 0 && first.eq_ignore_ascii_case("value") {
            continue;
        }
        if first.trim().is_empty() {
            return Err(Failure::invalid(
                option,
                format!("{name} line {line}: has an empty value in its first field"),
            ));
        }
        values.push((line, first));
    }
    if values.is_empty() {
        return Err(Failure::invalid(
            option,
            format!("{name} holds no values (one per line)"),
        ));
    }
    Ok(values)
}

/// The import calls for `entries`: at most 10,000 entries each, in the
/// file's order.
pub fn import_calls<'a>(
    agency: &'a str,
    list: &'a str,
    kind: &'a str,
    entries: &'a [Entry],
) -> impl Iterator<Item = pb::IndicatorImport> + 'a {
    entries
        .chunks(MAX_ENTRIES_PER_CALL)
        .map(move |chunk| pb::IndicatorImport {
            agency: agency.to_string(),
            list: list.to_string(),
            kind: kind.to_string(),
            entries: chunk
                .iter()
                .map(|e| pb::IndicatorEntry {
                    value: e.value.clone(),
                    reference: e.reference.clone(),
                    added: e.added.clone(),
                })
                .collect(),
        })
}

/// The removal calls for `values`: at most 10,000 values each.
pub fn removal_calls<'a>(
    agency: &'a str,
    list: &'a str,
    kind: &'a str,
    values: &'a [String],
) -> impl Iterator<Item = pb::IndicatorRemoval> + 'a {
    values
        .chunks(MAX_ENTRIES_PER_CALL)
        .map(move |chunk| pb::IndicatorRemoval {
            agency: agency.to_string(),
            list: list.to_string(),
            kind: kind.to_string(),
            values: chunk.to_vec(),
            whole_list: false,
        })
}

/// The check calls for `values`: at most 1,000 values each.
pub fn check_calls<'a>(
    peer: &'a str,
    kind: &'a str,
    values: &'a [String],
) -> impl Iterator<Item = pb::HitCheck> + 'a {
    values
        .chunks(MAX_VALUES_PER_CHECK)
        .map(move |chunk| pb::HitCheck {
            peer: peer.to_string(),
            kind: kind.to_string(),
            values: chunk.to_vec(),
        })
}

/// The index a node's message names in `items[i]` (`entries`, `values`),
/// as a field of the call itself (not `set.entries[i]`).
pub fn named_index(message: &str, items: &str) -> Option<usize> {
    let pattern = format!("{items}[");
    let mut from = 0;
    while let Some(found) = message[from..].find(&pattern) {
        let start = from + found;
        let after = start + pattern.len();
        from = after;
        let nested = message[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.');
        if nested {
            continue;
        }
        let digits: &str = &message[after..];
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        if end > 0 && digits[end..].starts_with(']') {
            return digits[..end].parse().ok();
        }
    }
    None
}

/// A node's refusal of the call whose first item is the `first`-th of
/// the input (from 0) and which carries `count` items called `items`:
/// said of the file line (or VALUE) the node's `items[i]` is, and, when
/// calls before it went through, of what they did (`done`: "imported",
/// "removed", "checked").
pub fn refusal(
    error: &tonic::Status,
    items: &str,
    first: usize,
    count: usize,
    source: &Source,
    done: &str,
) -> Failure {
    let mut failure = Failure::from_status(error);
    let named = named_index(error.message(), items).filter(|i| *i < count);
    if let Some(i) = named {
        failure.message = format!("{}: {}", source.place(first + i), failure.message);
    } else if first > 0 {
        failure.message = format!(
            "{}: {}",
            source.span(first, first + count.max(1) - 1),
            failure.message
        );
    }
    if first > 0 {
        failure = failure.noting(&format!(
            "{} were {done} by the calls before; nothing from {} on",
            source.span(0, first - 1),
            source.place(first)
        ));
    }
    failure
}

/// The kinds of indicator, as `--kind` takes them, with the spellings the
/// node accepts, for `--help`.
pub const KINDS_HELP: &str = "The kind of every value: phone (E.164, any spacing: \
+855 12 345 678), bank_account (an IBAN, or BIC/ACCOUNT), wallet (an address; hex with or \
without 0x), online_account (PLATFORM:handle, e.g. TELEGRAM:@jobs_abroad), imei (15 digits, \
Luhn-checked) or identity_document (CCC:NUMBER, the issuing country's alpha-3 code, e.g. \
VNM:C1234567). Any case; - for _.";

/// Reads `--kind`: one of the node's indicator kinds, in any case, `-`
/// for `_`; returned as the node spells it.
pub fn parse_kind(text: &str) -> Result<String, String> {
    let name = text.trim().to_ascii_lowercase().replace('-', "_");
    if liaison_proto::domain::INDICATOR_KINDS.contains(&name.as_str()) {
        Ok(name)
    } else {
        Err(format!(
            "is not a kind of indicator: {}",
            liaison_proto::domain::INDICATOR_KINDS.join(", ")
        ))
    }
}

/// Reads `--list`: 1 to 64 lower-case letters, digits, `-`, `_` or `.`.
pub fn parse_list(text: &str) -> Result<String, String> {
    let allowed = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b);
    if !text.is_empty() && text.len() <= 64 && text.bytes().all(allowed) {
        Ok(text.to_string())
    } else {
        Err("is not a list name: 1 to 64 lower-case letters, digits, - _ or .".to_string())
    }
}

/// An import file's entries from its text, for tests.
#[cfg(test)]
fn entries_of(text: &str) -> Result<Vec<Entry>, Failure> {
    parse_entries(&mut text.as_bytes(), "list.csv", "FILE")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        entries_of(text).unwrap_err().message
    }

    #[test]
    fn fields_follow_rfc_4180_on_one_line() {
        assert_eq!(fields("a,b").unwrap(), ["a", "b"]);
        assert_eq!(fields("a,\"b, c\",d").unwrap(), ["a", "b, c", "d"]);
        assert_eq!(fields("\"say \"\"hi\"\"\",x").unwrap(), ["say \"hi\"", "x"]);
        assert_eq!(fields(" a , \"b\" ,c ").unwrap(), ["a", "b", "c"]);
        assert_eq!(fields("a,,").unwrap(), ["a", "", ""]);
        assert_eq!(fields("\"\"").unwrap(), [""]);
        assert!(fields("\"open").is_err());
        assert!(fields("\"a\"b,c").is_err());
        assert!(fields("a\"b").is_err());
    }

    #[test]
    fn entries_skip_the_header_and_blank_lines_and_keep_their_lines() {
        let text = "\u{feff}value,reference,added\r\n\
                    +85512345678,KHM-2026-1,2026-11-02\r\n\
                    \r\n   \n\
                    \"TELEGRAM:@a,b\",\"Ref 2\"\n\
                    +85512345680,R3,\n";
        let entries = entries_of(text).unwrap();
        assert_eq!(
            entries,
            vec![
                Entry {
                    line: 2,
                    value: "+85512345678".into(),
                    reference: "KHM-2026-1".into(),
                    added: "2026-11-02".into(),
                },
                Entry {
                    line: 5,
                    value: "TELEGRAM:@a,b".into(),
                    reference: "Ref 2".into(),
                    added: String::new(),
                },
                Entry {
                    line: 6,
                    value: "+85512345680".into(),
                    reference: "R3".into(),
                    added: String::new(),
                },
            ]
        );
        // Either header, in any case; and no header at all.
        assert_eq!(entries_of("Value,Reference\n+1,R\n").unwrap().len(), 1);
        assert_eq!(entries_of("+1,R\n+2,R").unwrap()[1].line, 2);
        // A header is only the first record.
        assert!(error_of("+1,R\nvalue,reference,added\n").contains("line 2"));
    }

    #[test]
    fn a_bad_line_is_named_by_its_number_and_rule_never_its_value() {
        let secret = "+85599999999";
        for (text, line, rule) in [
            (
                format!("value,reference\n+1,R\n{secret}\n"),
                3,
                "has 1 fields",
            ),
            (format!("+1,R\n\n{secret},R,x,y\n"), 3, "has 4 fields"),
            (format!("{secret},R,2026-02-30\n"), 1, "its date added"),
            (format!("+1,R\n{secret},\n"), 2, "empty reference"),
            (format!("+1,R\n{secret},R$\n"), 2, "not 1 to 64 letters"),
            (format!("+1,R\n\"{secret},R\n"), 2, "closing quote"),
            (format!("+1,R\n{secret}\",R\n"), 2, "quote inside"),
            ("+1,R\n ,R\n".to_string(), 2, "empty value"),
        ] {
            let message = error_of(&text);
            assert!(
                message.starts_with(&format!("list.csv line {line}: ")),
                "{message}"
            );
            assert!(message.contains(rule), "{message}");
            assert!(!message.contains(secret), "{message}");
            assert!(!message.contains("99999"), "{message}");
        }
        let failure = entries_of("+1\n").unwrap_err();
        assert_eq!(failure.field.as_deref(), Some("FILE"));
        assert_eq!(failure.status, "INVALID_ARGUMENT");
        assert!(error_of("").contains("holds no entries"));
        assert!(error_of("value,reference\n\n").contains("holds no entries"));
    }

    #[test]
    fn an_over_long_line_is_refused_without_being_read_whole() {
        let fits = format!("{},R\r\n", "1".repeat(MAX_LINE_BYTES - 2));
        assert_eq!(entries_of(&fits).unwrap().len(), 1);
        let long = format!("+1,R\n{},R\n+2,R\n", "9".repeat(5 * MAX_LINE_BYTES));
        let message = error_of(&long);
        assert!(
            message.starts_with("list.csv line 2: is longer than 1024 bytes"),
            "{message}"
        );
        assert!(!message.contains("999"), "{message}");
        // The last line, without its line ending, too.
        let last = format!("+1,R\n{},R", "9".repeat(MAX_LINE_BYTES));
        assert!(error_of(&last).starts_with("list.csv line 2: is longer"));
        let binary = b"+1,R\n\xff\xfe,R\n";
        let message = parse_entries(&mut &binary[..], "list.csv", "FILE")
            .unwrap_err()
            .message;
        assert_eq!(message, "list.csv line 2: is not UTF-8 text");
    }

    #[test]
    fn value_files_take_one_value_per_line_or_the_first_column() {
        let text = "value,reference\n+85512345678\n\n\"+855 12, odd\",R1,2026-01-01\n";
        let values = parse_values(&mut text.as_bytes(), "v.txt", "--file").unwrap();
        assert_eq!(
            values,
            vec![
                (2, "+85512345678".to_string()),
                (4, "+855 12, odd".to_string())
            ]
        );
        let error = parse_values(&mut "+1\n,R\n".as_bytes(), "v.txt", "--file").unwrap_err();
        assert_eq!(
            error.message,
            "v.txt line 2: has an empty value in its first field"
        );
        assert_eq!(error.field.as_deref(), Some("--file"));
    }

    fn entries(n: usize) -> Vec<Entry> {
        (0..n)
            .map(|i| Entry {
                line: i + 2,
                value: format!("+1{i}"),
                reference: "R".into(),
                added: String::new(),
            })
            .collect()
    }

    #[test]
    fn imports_and_removals_go_in_calls_of_at_most_10000() {
        let entries = entries(10_001);
        let calls: Vec<_> = import_calls("police", "numbers", "phone", &entries).collect();
        assert_eq!(
            calls.iter().map(|c| c.entries.len()).collect::<Vec<_>>(),
            [10_000, 1]
        );
        assert!(
            calls
                .iter()
                .all(|c| c.agency == "police" && c.list == "numbers" && c.kind == "phone")
        );
        assert_eq!(calls[1].entries[0].value, entries[10_000].value);
        assert_eq!(
            import_calls("a", "l", "phone", &entries[..10_000]).count(),
            1
        );
        let values: Vec<String> = entries.iter().map(|e| e.value.clone()).collect();
        let removals: Vec<_> = removal_calls("police", "numbers", "phone", &values).collect();
        assert_eq!(
            removals.iter().map(|c| c.values.len()).collect::<Vec<_>>(),
            [10_000, 1]
        );
        assert!(removals.iter().all(|c| !c.whole_list));
    }

    #[test]
    fn checks_go_in_batches_of_at_most_1000() {
        let values: Vec<String> = (0..1_001).map(|i| format!("+1{i}")).collect();
        let calls: Vec<_> = check_calls("KHM", "phone", &values).collect();
        assert_eq!(
            calls.iter().map(|c| c.values.len()).collect::<Vec<_>>(),
            [1_000, 1]
        );
        assert_eq!(calls[1].values, ["+11000"]);
        assert!(calls.iter().all(|c| c.peer == "KHM" && c.kind == "phone"));
        assert_eq!(check_calls("KHM", "phone", &values[..1_000]).count(), 1);
    }

    #[test]
    fn the_index_named_is_the_calls_own_not_a_nested_one() {
        assert_eq!(
            named_index(
                "field `entries[3].value`: is not an E.164 number",
                "entries"
            ),
            Some(3)
        );
        assert_eq!(named_index("entries[12]: is empty", "entries"), Some(12));
        assert_eq!(
            named_index("field `set.entries[17].tag`: bad", "entries"),
            None
        );
        assert_eq!(
            named_index("set.entries[1] and entries[2]", "entries"),
            Some(2)
        );
        assert_eq!(named_index("field `values[x]`: bad", "values"), None);
        assert_eq!(named_index("field `values[4]`: bad", "entries"), None);
    }

    #[test]
    fn a_refusal_of_entries_i_names_the_csv_line() {
        // Line 1 is the header, line 4 blank: entry k is on line k + 2
        // before it and k + 3 after.
        let text = "value,reference\n+1,R\n+2,R\n\n+3,R\n+4,R\n";
        let entries = entries_of(text).unwrap();
        let source = Source::File {
            shown: "list.csv".into(),
            lines: entries.iter().map(|e| e.line).collect(),
        };
        let status =
            tonic::Status::invalid_argument("field `entries[2].value`: is not an E.164 number");
        let failure = refusal(&status, "entries", 0, 4, &source, "imported");
        assert_eq!(
            failure.message,
            "list.csv line 5: field `entries[2].value`: is not an E.164 number"
        );
        assert_eq!(failure.field.as_deref(), Some("entries[2].value"));
        assert_eq!(
            failure.to_string(),
            "INVALID_ARGUMENT: list.csv line 5: field `entries[2].value`: is not an E.164 number"
        );

        // In the second call, `entries[i]` counts from that call's first
        // entry; the calls before are said to have gone through.
        let lines: Vec<usize> = (0..10_005).map(|i| i + 2).collect();
        let source = Source::File {
            shown: "big.csv".into(),
            lines,
        };
        let status = tonic::Status::invalid_argument("field `entries[3].value`: bad");
        let failure = refusal(&status, "entries", 10_000, 5, &source, "imported");
        assert_eq!(
            failure.message,
            "big.csv line 10005: field `entries[3].value`: bad (big.csv lines 2 to 10001 were \
             imported by the calls before; nothing from big.csv line 10002 on)"
        );

        // An index past the call's items is not trusted; a refusal naming
        // none is said of the call's lines.
        let status = tonic::Status::resource_exhausted("quota: 0 evaluations left today");
        let failure = refusal(&status, "values", 1_000, 1, &Source::Arguments, "checked");
        assert_eq!(
            failure.message,
            "VALUE 1001 of the command line: quota: 0 evaluations left today (VALUEs 1 to 1000 of \
             the command line were checked by the calls before; nothing from VALUE 1001 of the \
             command line on)"
        );
        let status = tonic::Status::invalid_argument("field `values[7]`: bad");
        let failure = refusal(&status, "values", 0, 3, &Source::Arguments, "checked");
        assert_eq!(failure.message, "field `values[7]`: bad");
        let status = tonic::Status::invalid_argument("field `values[1]`: bad");
        let failure = refusal(&status, "values", 0, 3, &Source::Arguments, "checked");
        assert_eq!(
            failure.message,
            "VALUE 2 of the command line: field `values[1]`: bad"
        );
    }

    #[test]
    fn kinds_and_list_names_are_read_as_the_node_spells_them() {
        assert_eq!(parse_kind("Bank-Account").unwrap(), "bank_account");
        assert_eq!(parse_kind("phone").unwrap(), "phone");
        assert!(
            parse_kind("email")
                .unwrap_err()
                .contains("identity_document")
        );
        assert_eq!(parse_list("compound-numbers").unwrap(), "compound-numbers");
        assert!(parse_list("Compound").is_err());
        assert!(parse_list("").is_err());
        assert!(parse_list(&"a".repeat(65)).is_err());
    }
}
