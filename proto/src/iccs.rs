//! The UNODC International Classification of Crime for Statistical Purposes
//! (ICCS), Version 1.0 (March 2015), as far as Liaison knows it: the codes
//! and English titles in `proto/data/iccs.tsv`, each with its level.
//!
//! The file is a sourced subset of the classification: its header names the
//! sources, which code came from which, and what could not be sourced. It is
//! compiled in with `include_str!` and parsed once, on first use. Requests
//! may name only codes it holds (see `convert::offence_code`); records
//! written before it still read, since [`crate::domain::OffenceCode`] checks
//! only the shape of a code.
//!
//! ICCS codes are hierarchical by prefix: `02042` (a group) is under `0204`
//! (a division), under `02` (a section).

use std::sync::LazyLock;

/// The classification file, `code<TAB>title` a line, `#` lines commented.
const FILE: &str = include_str!("../data/iccs.tsv");

/// Where the classification sits, for error messages.
const FILE_PATH: &str = "proto/data/iccs.tsv";

/// The entries of [`FILE`], in code order; parsed on first use.
static ENTRIES: LazyLock<Vec<Entry>> =
    LazyLock::new(|| parse(FILE).unwrap_or_else(|e| panic!("{FILE_PATH} does not parse: {e}")));

/// How deep in the classification a code sits, told by its length.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Two digits, e.g. `02`.
    Section,
    /// Four digits, e.g. `0204`.
    Division,
    /// Five digits, e.g. `02042`.
    Group,
    /// Six digits, e.g. `020321`.
    Class,
}

impl Level {
    /// The level of a code with the shape of an ICCS code (2, 4, 5 or 6
    /// digits, section 01 to 11), or `None`.
    pub fn of(code: &str) -> Option<Level> {
        let section_ok = matches!(
            code.get(..2).and_then(|s| s.parse::<u8>().ok()),
            Some(1..=11)
        );
        if !section_ok || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match code.len() {
            2 => Some(Level::Section),
            4 => Some(Level::Division),
            5 => Some(Level::Group),
            6 => Some(Level::Class),
            _ => None,
        }
    }

    /// The level's name in the classification: `section`, `division`, …
    pub fn name(self) -> &'static str {
        match self {
            Level::Section => "section",
            Level::Division => "division",
            Level::Group => "group",
            Level::Class => "class",
        }
    }
}

/// One code of the classification file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub code: &'static str,
    /// The English title, as the sources give it.
    pub title: &'static str,
    pub level: Level,
}

/// A line of the classification file that breaks its format.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct BadLine {
    pub line: usize,
    pub problem: String,
}

/// Every code Liaison knows, in code order.
pub fn entries() -> &'static [Entry] {
    &ENTRIES
}

/// The entry for `code`, if the classification file holds it.
pub fn lookup(code: &str) -> Option<Entry> {
    let entries = entries();
    entries
        .binary_search_by(|e| e.code.cmp(code))
        .ok()
        .map(|i| entries[i])
}

/// Whether the classification file holds `code`.
pub fn is_known(code: &str) -> bool {
    lookup(code).is_some()
}

/// The title of an ICCS code, if Liaison knows it.
pub fn title(code: &str) -> Option<&'static str> {
    lookup(code).map(|e| e.title)
}

/// `0204 Trafficking in persons`, or the code alone when Liaison does not
/// know its title.
pub fn describe(code: &str) -> String {
    match title(code) {
        Some(title) => format!("{code} {title}"),
        None => code.to_string(),
    }
}

/// The code one level up: a class's group, a group's division, a
/// division's section; `None` for a section or a code without the shape.
pub fn parent_code(code: &str) -> Option<&str> {
    let up = match Level::of(code)? {
        Level::Section => return None,
        Level::Division => 2,
        Level::Group => 4,
        Level::Class => 5,
    };
    code.get(..up)
}

/// The nearest ancestor of `code` that Liaison knows: its parent, or, where
/// the file lacks the parent (its header lists those), the next code up.
/// `None` for a section.
pub fn parent(code: &str) -> Option<Entry> {
    let mut up = parent_code(code)?;
    loop {
        if let Some(entry) = lookup(up) {
            return Some(entry);
        }
        up = parent_code(up)?;
    }
}

/// Whether two codes name the same offence or one falls under the other
/// (`02042` is under `0204` and `02`). The check is by prefix and holds
/// for any codes with the shape of an ICCS code, known or not.
pub fn related(a: &str, b: &str) -> bool {
    if Level::of(a).is_none() || Level::of(b).is_none() {
        return false;
    }
    a.starts_with(b) || b.starts_with(a)
}

/// Reads the classification file: `#` lines and blank lines skipped, every
/// other line `code<TAB>title` with the code of ICCS shape, the title not
/// empty, and the codes in strictly increasing order.
fn parse(file: &'static str) -> Result<Vec<Entry>, BadLine> {
    let mut entries: Vec<Entry> = Vec::new();
    for (i, line) in file.lines().enumerate() {
        let bad = |problem: String| BadLine {
            line: i + 1,
            problem,
        };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (code, title) = line
            .split_once('\t')
            .ok_or_else(|| bad("is not `code<TAB>title`".into()))?;
        let level = Level::of(code).ok_or_else(|| {
            bad(format!(
                "`{code}` is not an ICCS code (2, 4, 5 or 6 digits, section 01 to 11)"
            ))
        })?;
        if title.trim().is_empty() || title.trim() != title || title.contains('\t') {
            return Err(bad(format!(
                "the title of {code} is empty, padded or holds a tab"
            )));
        }
        if let Some(previous) = entries.last()
            && previous.code >= code
        {
            return Err(bad(format!(
                "{code} comes after {}: codes must be unique and in order",
                previous.code
            )));
        }
        entries.push(Entry { code, title, level });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes the file's header says are missing from it, though codes
    /// under them are there.
    fn documented_missing_parents() -> Vec<&'static str> {
        FILE.lines()
            .filter_map(|line| line.strip_prefix("# missing parent: "))
            .filter_map(|rest| rest.split_whitespace().next())
            .collect()
    }

    #[test]
    fn the_file_parses() {
        let parsed = parse(FILE).unwrap();
        assert!(parsed.len() >= 11, "{}", parsed.len());
        assert_eq!(parsed, entries());
    }

    #[test]
    fn codes_are_unique_and_in_order_with_the_level_of_their_length() {
        let codes: Vec<&str> = entries().iter().map(|e| e.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for e in entries() {
            assert_eq!(Some(e.level), Level::of(e.code), "{}", e.code);
            assert!(
                e.code.parse::<crate::domain::OffenceCode>().is_ok(),
                "{}",
                e.code
            );
        }
    }

    #[test]
    fn titles_are_not_empty() {
        for e in entries() {
            assert!(!e.title.trim().is_empty(), "{}", e.code);
        }
    }

    #[test]
    fn all_eleven_sections_are_there() {
        let sections: Vec<&str> = entries()
            .iter()
            .filter(|e| e.level == Level::Section)
            .map(|e| e.code)
            .collect();
        assert_eq!(
            sections,
            [
                "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"
            ]
        );
    }

    #[test]
    fn every_parent_is_in_the_file_or_documented_as_missing() {
        let missing = documented_missing_parents();
        for e in entries() {
            if let Some(up) = parent_code(e.code) {
                assert!(
                    is_known(up) || missing.contains(&up),
                    "the parent {up} of {} is neither in {FILE_PATH} nor listed as missing",
                    e.code
                );
            }
        }
        for code in &missing {
            assert!(!is_known(code), "{code} is listed as missing but is there");
            assert!(
                entries().iter().any(|e| parent_code(e.code) == Some(*code)),
                "{code} is listed as missing but no code is under it"
            );
        }
    }

    #[test]
    fn known_examples() {
        assert_eq!(title("0204"), Some("Trafficking in persons"));
        assert_eq!(describe("0204"), "0204 Trafficking in persons");
        assert_eq!(describe("0106"), "0106");
        assert_eq!(
            lookup("02042"),
            Some(Entry {
                code: "02042",
                title: "Trafficking in persons for forced labour or services",
                level: Level::Group,
            })
        );
        assert_eq!(lookup("02").map(|e| e.level), Some(Level::Section));
        assert!(is_known("0203"));
        assert!(!is_known("070112"));
        assert!(!is_known("12"));
    }

    #[test]
    fn parents() {
        assert_eq!(parent_code("020321"), Some("02032"));
        assert_eq!(parent_code("0204"), Some("02"));
        assert_eq!(parent_code("02"), None);
        assert_eq!(parent("02042").map(|e| e.code), Some("0204"));
        assert_eq!(parent("0204").map(|e| e.code), Some("02"));
        // 02032 is not in the file, so the nearest known ancestor is 0203.
        assert_eq!(parent("020321").map(|e| e.code), Some("0203"));
        assert_eq!(parent("02"), None);
        assert_eq!(parent("abc"), None);
    }

    #[test]
    fn related_codes() {
        assert!(related("02042", "0204"));
        assert!(related("0204", "02042"));
        assert!(related("02042", "02"));
        assert!(related("0204", "0204"));
        assert!(!related("0204", "0703"));
        assert!(!related("02041", "02042"));
        assert!(!related("0204", "020"));
        assert!(!related("", "0204"));
    }

    #[test]
    fn bad_files_are_refused_with_the_line() {
        for (file, line) in [
            (
                "0204\tTrafficking in persons\n0203\tSlavery and exploitation\n",
                2,
            ),
            ("# header\n0204\tTrafficking in persons\n0204\tAgain\n", 3),
            ("0204 Trafficking in persons\n", 1),
            ("020\tThree digits\n", 1),
            ("12\tNo such section\n", 1),
            ("0204\t\n", 1),
            ("0204\t Padded\n", 1),
        ] {
            assert_eq!(parse(file).unwrap_err().line, line, "{file:?}");
        }
    }
}
