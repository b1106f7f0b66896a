//! National offences and the dual-criminality indication.
//!
//! Each node maps its country's own offences (a statute reference, its
//! title in the national language and in English) to the ICCS codes each
//! covers ([`OffenceMap`], read by the node from its `national_offences`
//! file). A request names ICCS codes, and may name the sender's own offence
//! ([`NationalOffence`]). The receiving node looks the request's codes up in
//! its own mapping ([`OffenceMap::indicate`]): dual criminality is
//! [`DualCriminalityStatus::Met`] when one of its offences maps to a
//! request code, or to a code above or below it in the classification
//! ([`crate::iccs::related`]), and [`DualCriminalityStatus::NotEstablished`]
//! otherwise. The indication is advice for the officer, never a decision:
//! a person decides.

use serde::{Deserialize, Serialize};

use crate::domain::OffenceCode;
use crate::iccs;

/// Longest statute reference, in characters.
pub const MAX_STATUTE_CHARS: usize = 200;

/// Longest title of an offence (national language or English), in
/// characters.
pub const MAX_TITLE_CHARS: usize = 300;

/// The most offences one node's mapping holds.
pub const MAX_NATIONAL_OFFENCES: usize = 2000;

/// The most ICCS codes one national offence maps to.
pub const MAX_CODES_PER_OFFENCE: usize = 32;

/// What every indication says first: it is not a decision.
pub const ADVICE: &str = "advice; a person decides";

/// A country's own offence, as its national offence mapping writes it: what
/// a request carries as the sender's offence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NationalOffence {
    /// The statute reference, e.g. `Criminal Code s. 312/1`.
    pub statute: String,
    /// The title in the national language.
    pub title: String,
    /// The title in English.
    pub title_en: String,
}

/// One offence of a node's mapping and the ICCS codes it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MappedOffence {
    pub offence: NationalOffence,
    /// The BCP 47 tag of the language of `offence.title`, if given.
    pub language: Option<String>,
    /// At least one code, each known and given once.
    pub iccs: Vec<OffenceCode>,
}

/// A node's national offences, validated (by the node's configuration),
/// in the order of its file; statutes are unique.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffenceMap {
    offences: Vec<MappedOffence>,
}

/// Whether the receiving country's own law covers a request's offences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum DualCriminalityStatus {
    /// A national offence maps to a request code, its parent or a child.
    Met,
    /// No national offence maps to any request code, or there is no
    /// mapping.
    NotEstablished,
}

impl DualCriminalityStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DualCriminalityStatus::Met => "MET",
            DualCriminalityStatus::NotEstablished => "NOT_ESTABLISHED",
        }
    }
}

/// One national offence that matched a request code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchedOffence {
    pub statute: String,
    pub title: String,
    pub title_en: String,
    /// The code the offence maps to that matched: the request code itself,
    /// one above it or one below it.
    pub iccs_code: OffenceCode,
}

/// The receiving node's dual-criminality indication for a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DualCriminality {
    pub status: DualCriminalityStatus,
    /// The national offences that matched `request_code`: those mapping to
    /// the code itself first, then those above it, then those below it.
    #[serde(default)]
    pub matched: Vec<MatchedOffence>,
    /// The request's first code (in the request's order) that matched.
    #[serde(default)]
    pub request_code: Option<OffenceCode>,
    /// [`ADVICE`], and what the indication rests on.
    pub note: String,
}

impl DualCriminality {
    /// The indication of a node that has no national offence mapping.
    pub fn without_mapping(country: &str) -> DualCriminality {
        DualCriminality {
            status: DualCriminalityStatus::NotEstablished,
            matched: Vec::new(),
            request_code: None,
            note: format!("{ADVICE}: {country} has configured no national offences"),
        }
    }

    /// `MET (0204: Criminal Code s. 312/1, ...)` or `NOT_ESTABLISHED`: the
    /// audit log's words (statute references, never personal data).
    pub fn summary(&self) -> String {
        match &self.request_code {
            Some(code) if self.status == DualCriminalityStatus::Met => {
                let statutes: Vec<&str> = self.matched.iter().map(|m| m.statute.as_str()).collect();
                format!(
                    "{} ({}: {})",
                    self.status.as_str(),
                    code.as_str(),
                    statutes.join(", ")
                )
            }
            _ => self.status.as_str().to_string(),
        }
    }
}

impl OffenceMap {
    /// A mapping of offences already validated: statutes unique, each with
    /// known codes (the node's configuration checks this).
    pub fn new(offences: Vec<MappedOffence>) -> OffenceMap {
        OffenceMap { offences }
    }

    /// The offences, in the file's order.
    pub fn offences(&self) -> &[MappedOffence] {
        &self.offences
    }

    /// The offence with this statute reference.
    pub fn get(&self, statute: &str) -> Option<&MappedOffence> {
        self.offences.iter().find(|o| o.offence.statute == statute)
    }

    /// The dual-criminality indication for a request naming `codes` (main
    /// code first), as `country` (the holder of this mapping) sees it.
    pub fn indicate(&self, country: &str, codes: &[OffenceCode]) -> DualCriminality {
        for code in codes {
            let matched = self.matching(code);
            if !matched.is_empty() {
                let statutes: Vec<&str> = matched.iter().map(|m| m.statute.as_str()).collect();
                return DualCriminality {
                    status: DualCriminalityStatus::Met,
                    note: format!(
                        "{ADVICE}: {} of {country} maps to {}, or to a code above or below it",
                        statutes.join(", "),
                        iccs::describe(code.as_str())
                    ),
                    matched,
                    request_code: Some(code.clone()),
                };
            }
        }
        let named: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
        DualCriminality {
            status: DualCriminalityStatus::NotEstablished,
            matched: Vec::new(),
            request_code: None,
            note: format!(
                "{ADVICE}: no national offence of {country} maps to {}, or to a code above or below",
                named.join(", ")
            ),
        }
    }

    /// The offences matching `code`: mapping to it first, then to a code
    /// above it (its parent, or further up), then to a code below it; each
    /// offence once, with the code that matched.
    fn matching(&self, code: &OffenceCode) -> Vec<MatchedOffence> {
        let wanted = code.as_str();
        let rank = |mapped: &str| {
            if mapped == wanted {
                Some(0)
            } else if iccs::related(mapped, wanted) && wanted.starts_with(mapped) {
                Some(1)
            } else if iccs::related(mapped, wanted) {
                Some(2)
            } else {
                None
            }
        };
        let mut found: Vec<(u8, usize, MatchedOffence)> = Vec::new();
        for (position, mapped) in self.offences.iter().enumerate() {
            let best = mapped
                .iccs
                .iter()
                .filter_map(|c| rank(c.as_str()).map(|r| (r, c)))
                .min_by_key(|(r, _)| *r);
            if let Some((r, c)) = best {
                found.push((
                    r,
                    position,
                    MatchedOffence {
                        statute: mapped.offence.statute.clone(),
                        title: mapped.offence.title.clone(),
                        title_en: mapped.offence.title_en.clone(),
                        iccs_code: c.clone(),
                    },
                ));
            }
        }
        found.sort_by_key(|(r, position, _)| (*r, *position));
        found.into_iter().map(|(_, _, m)| m).collect()
    }
}

/// Checks a BCP 47 language tag's shape: subtags of 1 to 8 letters or
/// digits joined by `-`, the first 2 to 8 letters (e.g. `th`, `km`, `vi`,
/// `id`, `zh-Hant`). It does not check the tag against the IANA registry.
pub fn language_tag(tag: &str) -> Result<(), &'static str> {
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or_default();
    let first_ok = (2..=8).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_alphabetic());
    let rest_ok =
        subtags.all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if tag.len() <= 35 && first_ok && rest_ok {
        Ok(())
    } else {
        Err("is not a BCP 47 language tag (e.g. `th`, `km`, `vi`, `id`)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> OffenceCode {
        text.parse().unwrap()
    }

    fn offence(statute: &str, codes: &[&str]) -> MappedOffence {
        MappedOffence {
            offence: NationalOffence {
                statute: statute.into(),
                title: format!("title of {statute}"),
                title_en: format!("English title of {statute}"),
            },
            language: None,
            iccs: codes.iter().map(|c| code(c)).collect(),
        }
    }

    fn map() -> OffenceMap {
        OffenceMap::new(vec![
            offence("Fraud Act s. 1", &["0701"]),
            offence("Trafficking Act s. 6", &["0204"]),
            offence("Forced Labour Act s. 2", &["02042"]),
        ])
    }

    fn statutes(d: &DualCriminality) -> Vec<&str> {
        d.matched.iter().map(|m| m.statute.as_str()).collect()
    }

    #[test]
    fn the_same_code_is_met_and_comes_first() {
        let d = map().indicate("KHM", &[code("0204")]);
        assert_eq!(d.status, DualCriminalityStatus::Met);
        assert_eq!(d.request_code, Some(code("0204")));
        // The offence under 0204 matches as a child, after the same code.
        assert_eq!(
            statutes(&d),
            ["Trafficking Act s. 6", "Forced Labour Act s. 2"]
        );
        assert_eq!(d.matched[0].iccs_code, code("0204"));
        assert_eq!(d.matched[1].iccs_code, code("02042"));
        assert!(d.note.starts_with(ADVICE), "{}", d.note);
        assert_eq!(
            d.summary(),
            "MET (0204: Trafficking Act s. 6, Forced Labour Act s. 2)"
        );
    }

    #[test]
    fn a_parent_code_meets_a_request_for_a_child() {
        let d = map().indicate("KHM", &[code("02041")]);
        assert_eq!(d.status, DualCriminalityStatus::Met);
        assert_eq!(statutes(&d), ["Trafficking Act s. 6"]);
        assert_eq!(d.matched[0].iccs_code, code("0204"));
        // Further up too: fraud (0701) covers financial fraud against persons.
        let d = map().indicate("KHM", &[code("070112")]);
        assert_eq!(statutes(&d), ["Fraud Act s. 1"]);
    }

    #[test]
    fn a_child_code_meets_a_request_for_its_parent() {
        let only_child = OffenceMap::new(vec![offence("Forced Labour Act s. 2", &["02042"])]);
        let d = only_child.indicate("KHM", &[code("0204")]);
        assert_eq!(d.status, DualCriminalityStatus::Met);
        assert_eq!(d.matched[0].iccs_code, code("02042"));
    }

    #[test]
    fn the_first_request_code_that_matches_is_named() {
        let d = map().indicate("KHM", &[code("08051"), code("0701")]);
        assert_eq!(d.status, DualCriminalityStatus::Met);
        assert_eq!(d.request_code, Some(code("0701")));
    }

    #[test]
    fn no_mapping_is_not_established() {
        let d = map().indicate("KHM", &[code("08051")]);
        assert_eq!(d.status, DualCriminalityStatus::NotEstablished);
        assert!(d.matched.is_empty());
        assert_eq!(d.request_code, None);
        assert!(d.note.starts_with(ADVICE), "{}", d.note);
        assert_eq!(d.summary(), "NOT_ESTABLISHED");
        // Siblings are not related: forced labour does not cover sexual
        // exploitation.
        let only_child = OffenceMap::new(vec![offence("Forced Labour Act s. 2", &["02042"])]);
        let d = only_child.indicate("KHM", &[code("02041")]);
        assert_eq!(d.status, DualCriminalityStatus::NotEstablished);
        let d = OffenceMap::default().indicate("KHM", &[code("0204")]);
        assert_eq!(d.status, DualCriminalityStatus::NotEstablished);
        let d = DualCriminality::without_mapping("KHM");
        assert_eq!(d.status, DualCriminalityStatus::NotEstablished);
        assert!(d.note.contains("no national offences"), "{}", d.note);
    }

    #[test]
    fn language_tags_are_checked_by_shape() {
        for good in ["th", "km", "vi", "id", "zh-Hant", "en-GB"] {
            assert_eq!(language_tag(good), Ok(()), "{good}");
        }
        for bad in ["", "t", "th_TH", "1th", "th-", "th-toolongsubtag"] {
            assert!(language_tag(bad).is_err(), "{bad}");
        }
    }
}
