//! The national offences file (`node.national_offences`): this country's
//! own offences, each with the ICCS codes it covers, from which the node
//! computes its dual-criminality indication for requests it receives and
//! fills in the titles of the offence a focal point names in a request.
//!
//! ```toml
//! [[offences]]
//! statute = "Criminal Code s. 312/1"
//! title = "..."            # in the national language
//! language = "th"          # BCP 47 tag of `title` (optional)
//! title_en = "..."
//! iccs = ["0204"]
//! ```
//!
//! The whole file is checked before any of it is used: a bad file stops
//! the node at start, and a reload with one keeps the mapping in force.

use std::collections::BTreeSet;
use std::path::Path;

use liaison_proto::convert;
use liaison_proto::offences::{
    MAX_CODES_PER_OFFENCE, MAX_NATIONAL_OFFENCES, MAX_STATUTE_CHARS, MAX_TITLE_CHARS,
    MappedOffence, NationalOffence, OffenceMap, language_tag,
};
use serde::{Deserialize, Serialize};

use super::{ConfigError, Validator, parse};

/// The national offences file as written.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffencesFile {
    #[serde(default)]
    pub offences: Vec<OffenceSection>,
}

/// One `[[offences]]` entry as written.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffenceSection {
    /// The statute reference, unique in the file, e.g. `Criminal Code s. 312/1`.
    pub statute: String,
    /// The offence's title in the national language.
    pub title: String,
    /// The offence's title in English.
    pub title_en: String,
    /// The BCP 47 tag of the language of `title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The ICCS codes the offence covers: at least one, each known, once.
    pub iccs: Vec<String>,
}

impl Validator<'_> {
    /// Reads and checks the national offences file `file`, which the
    /// configuration names under `key`. Errors name `file` and the entry's
    /// key, e.g. `offences[2].iccs[0]`.
    pub(super) fn national_offences(
        &self,
        key: &str,
        file: &Path,
    ) -> Result<OffenceMap, ConfigError> {
        let text = self.read(key, file)?;
        let parsed: OffencesFile = parse(file, &text)?;
        check_offences(file, &parsed)
    }
}

/// Checks a parsed national offences file, read from `file`.
pub fn check_offences(file: &Path, parsed: &OffencesFile) -> Result<OffenceMap, ConfigError> {
    let v = Validator { path: file };
    if parsed.offences.len() > MAX_NATIONAL_OFFENCES {
        return Err(v.error(
            "offences",
            format!(
                "holds {} offences; at most {MAX_NATIONAL_OFFENCES}",
                parsed.offences.len()
            ),
        ));
    }
    let mut statutes = BTreeSet::new();
    let mut offences = Vec::with_capacity(parsed.offences.len());
    for (i, o) in parsed.offences.iter().enumerate() {
        let at = |k: &str| format!("offences[{i}].{k}");
        let text = |k: &str, value: &str, max: usize| {
            convert::required_text(&at(k), value, max).map_err(|e| v.error(&e.field, e.problem))
        };
        let statute = text("statute", &o.statute, MAX_STATUTE_CHARS)?;
        if !statutes.insert(statute.clone()) {
            return Err(v.error(
                &at("statute"),
                "is listed twice; give each statute one entry",
            ));
        }
        let title = text("title", &o.title, MAX_TITLE_CHARS)?;
        let title_en = text("title_en", &o.title_en, MAX_TITLE_CHARS)?;
        if let Some(tag) = &o.language {
            language_tag(tag).map_err(|rule| v.error(&at("language"), rule))?;
        }
        if o.iccs.is_empty() {
            return Err(v.error(&at("iccs"), "must list at least one ICCS code"));
        }
        if o.iccs.len() > MAX_CODES_PER_OFFENCE {
            return Err(v.error(
                &at("iccs"),
                format!(
                    "lists {} codes; at most {MAX_CODES_PER_OFFENCE}",
                    o.iccs.len()
                ),
            ));
        }
        let mut iccs = Vec::with_capacity(o.iccs.len());
        for (j, code) in o.iccs.iter().enumerate() {
            let key = at(&format!("iccs[{j}]"));
            let code = convert::offence_code(&key, code).map_err(|e| v.error(&key, e.problem))?;
            if iccs.contains(&code) {
                return Err(v.error(&key, "repeats a code already listed; list each code once"));
            }
            iccs.push(code);
        }
        offences.push(MappedOffence {
            offence: NationalOffence {
                statute,
                title,
                title_en,
            },
            language: o.language.clone(),
            iccs,
        });
    }
    Ok(OffenceMap::new(offences))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(statute: &str, iccs: &[&str]) -> OffenceSection {
        OffenceSection {
            statute: statute.into(),
            title: "ชื่อความผิด".into(),
            title_en: "Trafficking in persons".into(),
            language: Some("th".into()),
            iccs: iccs.iter().map(|c| c.to_string()).collect(),
        }
    }

    fn check(offences: Vec<OffenceSection>) -> Result<OffenceMap, ConfigError> {
        check_offences(
            Path::new("/etc/liaison/offences.toml"),
            &OffencesFile { offences },
        )
    }

    #[test]
    fn a_good_file_gives_the_mapping_in_order() {
        let map = check(vec![
            entry("Act s. 6", &["0204"]),
            entry("Code s. 1", &["0701", "07041"]),
        ])
        .unwrap();
        assert_eq!(map.offences().len(), 2);
        assert_eq!(map.get("Code s. 1").unwrap().iccs.len(), 2);
        assert!(map.get("Code s. 9").is_none());
    }

    #[test]
    fn each_bad_entry_is_named_with_its_key_and_rule() {
        type Mutation = Box<dyn Fn(&mut OffenceSection)>;
        let cases: Vec<(&str, &str, Mutation)> = vec![
            (
                "offences[1].statute",
                "is required",
                Box::new(|o| o.statute = " ".into()),
            ),
            (
                "offences[1].statute",
                "at most 200",
                Box::new(|o| o.statute = "s".repeat(201)),
            ),
            (
                "offences[1].statute",
                "listed twice",
                Box::new(|o| o.statute = "Act s. 6".into()),
            ),
            (
                "offences[1].title",
                "is required",
                Box::new(|o| o.title = String::new()),
            ),
            (
                "offences[1].title_en",
                "control character",
                Box::new(|o| o.title_en = "a\nb".into()),
            ),
            (
                "offences[1].language",
                "BCP 47",
                Box::new(|o| o.language = Some("th_TH".into())),
            ),
            (
                "offences[1].iccs",
                "at least one",
                Box::new(|o| o.iccs.clear()),
            ),
            (
                "offences[1].iccs[1]",
                "not an ICCS code Liaison knows",
                Box::new(|o| o.iccs = vec!["0204".into(), "0106".into()]),
            ),
            (
                "offences[1].iccs[0]",
                "not a UNODC ICCS offence code",
                Box::new(|o| o.iccs = vec!["trafficking".into()]),
            ),
            (
                "offences[1].iccs[1]",
                "repeats",
                Box::new(|o| o.iccs = vec!["0204".into(), "0204".into()]),
            ),
        ];
        for (key, rule, mutate) in cases {
            let mut second = entry("Code s. 1", &["0701"]);
            mutate(&mut second);
            let err = check(vec![entry("Act s. 6", &["0204"]), second]).unwrap_err();
            assert_eq!(err.key, key, "{err}");
            assert!(err.problem.contains(rule), "{key}: {err}");
            assert_eq!(err.file, Path::new("/etc/liaison/offences.toml"));
        }
    }

    #[test]
    fn too_many_offences_are_refused() {
        let many = (0..=MAX_NATIONAL_OFFENCES)
            .map(|i| entry(&format!("s. {i}"), &["0204"]))
            .collect();
        let err = check(many).unwrap_err();
        assert_eq!(err.key, "offences");
    }

    #[test]
    fn an_unknown_key_is_named() {
        let err = parse::<OffencesFile>(
            Path::new("offences.toml"),
            "[[offences]]\nstatute = \"s. 1\"\ntitle = \"t\"\ntitle_en = \"t\"\niccs = [\"0204\"]\nicss = []\n",
        )
        .unwrap_err();
        assert!(err.key.contains("icss"), "{err}");
    }
}
