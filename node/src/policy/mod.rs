//! Sharing agreements: what a node may send to and accept from each peer.
//!
//! An agreement is one document both countries hold a copy of. Each rule
//! covers one request category and says which way requests may flow
//! (`THA->KHM` means Thailand may ask Cambodia), for which purposes, which
//! response fields the answering country releases, the handling code and
//! retention attached to released data, and a daily volume limit per
//! direction; a rule may release fewer fields about subjects of some kinds
//! (`release_by_kind`). Anything no rule allows is denied. A request flows only when
//! the sender's copy allows sending it and the receiver's copy allows
//! receiving it; the two copies can be compared to find where they differ.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use liaison_proto::domain::{Category, CountryCode, HandlingCode, Purpose, SubjectKind};
use liaison_proto::pb;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

mod compare;

pub use compare::compare;

/// An agreement as written in TOML (inline in the node's config or in a
/// file it names). The same text can be used on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreementFile {
    /// The two countries, e.g. `["THA", "KHM"]`.
    pub parties: Vec<String>,
    /// Set by the operators; raise it with every change.
    pub version: u64,
    /// Which agencies of each country may see data about a possible victim
    /// of trafficking, by country code, e.g. `{ KHM = ["immigration"] }`. A
    /// country not listed: whichever agency it routes such requests to.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub victim_data_agencies: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub rules: Vec<RuleSection>,
    /// Private hit/no-hit checks allowed, one entry per direction; none:
    /// neither country may check against the other's lists.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hit_checks: Vec<HitChecksSection>,
}

/// A `[[hit_checks]]` entry: one country may check values against the
/// other's indicator lists (docs/hits.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HitChecksSection {
    /// `ASKER->HOLDER`, e.g. `"THA->KHM"`: Thailand may check values
    /// against Cambodia's lists.
    pub flow: String,
    /// The holder's lists the asker may match against, as `agency/list`.
    pub lists: Vec<String>,
    /// The kinds of values it may check (`phone`, `bank_account`, `wallet`,
    /// `online_account`, `imei`, `identity_document`).
    pub kinds: Vec<String>,
    /// Values the asker may check a day (UTC), 1 to 1,000,000.
    pub daily_quota: u32,
}

/// A validated `[[hit_checks]]` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitChecks {
    /// `from` checks against `to`'s lists.
    pub flow: Flow,
    /// `(agency, list)` of the holder.
    pub lists: BTreeSet<(String, String)>,
    pub kinds: BTreeSet<String>,
    pub daily_quota: u32,
}

/// The most values a `[[hit_checks]]` quota may allow a day.
pub const MAX_HIT_QUOTA: u32 = 1_000_000;

/// Whether `name` is a list name: 1 to 64 lower-case letters, digits, `-`,
/// `_` or `.`.
pub fn is_list_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"-_.".contains(&b))
}

impl HitChecks {
    fn parse(
        key: &str,
        section: &HitChecksSection,
        parties: &BTreeSet<CountryCode>,
    ) -> Result<HitChecks, AgreementError> {
        let error = |key: String, problem: String| AgreementError { key, problem };
        let flow = parse_flow(&section.flow)
            .filter(|f| parties.contains(&f.from) && parties.contains(&f.to) && f.from != f.to)
            .ok_or_else(|| {
                error(
                    format!("{key}.flow"),
                    format!(
                        "`{}` is not ASKER->HOLDER between the two parties",
                        section.flow
                    ),
                )
            })?;
        if section.lists.is_empty() {
            return Err(error(
                format!("{key}.lists"),
                "must name at least one list, as \"agency/list\"".into(),
            ));
        }
        let mut lists = BTreeSet::new();
        for (j, text) in section.lists.iter().enumerate() {
            let at = format!("{key}.lists[{j}]");
            let (agency, list) = text
                .split_once('/')
                .filter(|(a, l)| !a.is_empty() && is_list_name(l))
                .ok_or_else(|| {
                    error(
                        at.clone(),
                        "must be \"agency/list\", the list 1 to 64 lower-case letters, digits, \
                         - _ or ."
                            .into(),
                    )
                })?;
            if !lists.insert((agency.to_string(), list.to_string())) {
                return Err(error(at, format!("`{text}` is listed twice")));
            }
        }
        if section.kinds.is_empty() {
            return Err(error(
                format!("{key}.kinds"),
                "must name at least one kind".into(),
            ));
        }
        let mut kinds = BTreeSet::new();
        for (j, kind) in section.kinds.iter().enumerate() {
            let at = format!("{key}.kinds[{j}]");
            if !liaison_proto::domain::INDICATOR_KINDS.contains(&kind.as_str()) {
                return Err(error(
                    at,
                    format!(
                        "is not a kind of indicator ({})",
                        liaison_proto::domain::INDICATOR_KINDS.join(", ")
                    ),
                ));
            }
            if !kinds.insert(kind.clone()) {
                return Err(error(at, format!("`{kind}` is listed twice")));
            }
        }
        if !(1..=MAX_HIT_QUOTA).contains(&section.daily_quota) {
            return Err(error(
                format!("{key}.daily_quota"),
                format!(
                    "{} is not a quota of 1 to {MAX_HIT_QUOTA} values a day; remove the entry \
                     to allow no checks",
                    section.daily_quota
                ),
            ));
        }
        Ok(HitChecks {
            flow,
            lists,
            kinds,
            daily_quota: section.daily_quota,
        })
    }

    /// Whether the entry lets its asker match against `agency`'s `list`.
    pub fn covers(&self, agency: &str, list: &str) -> bool {
        self.lists.contains(&(agency.to_string(), list.to_string()))
    }

    fn view(&self) -> pb::HitCheckAllowance {
        pb::HitCheckAllowance {
            flow: self.flow.to_string(),
            lists: self.lists.iter().map(|(a, l)| format!("{a}/{l}")).collect(),
            kinds: self.kinds.iter().cloned().collect(),
            daily_quota: self.daily_quota,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSection {
    pub category: String,
    /// Allowed directions, e.g. `["THA->KHM", "KHM->THA"]`.
    pub flows: Vec<String>,
    pub purposes: Vec<String>,
    /// Response fields the answering country releases.
    #[serde(default)]
    pub release: Vec<String>,
    /// For subjects of the kinds named (`WALLET`, `BANK_ACCOUNT`, …), only
    /// these fields of `release` are released; other kinds get `release`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub release_by_kind: BTreeMap<String, Vec<String>>,
    pub handling: String,
    pub retention_days: u32,
    pub daily_limit: u32,
    /// The legal bases the rule accepts (codes of
    /// [`liaison_proto::legal::LEGAL_BASES`]); absent: the rule does not
    /// check them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_bases: Vec<String>,
    /// Answers in this category need an established dual-criminality
    /// indication, or the officer's recorded decision and reason.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub require_dual_criminality: bool,
    /// Evidence files requests and answers of this category may carry;
    /// absent: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<EvidenceSection>,
}

/// A rule's `[rules.evidence]`: which files may travel with its requests
/// and answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceSection {
    /// The media types allowed, e.g. `["image/png", "application/pdf"]`.
    pub media_types: Vec<String>,
    /// The largest file, in MiB (1 to 1048576).
    pub max_file_mib: u64,
    /// The most a request (or its answer) may carry in all, in MiB, at
    /// least `max_file_mib`.
    pub max_request_mib: u64,
}

/// A validated `[rules.evidence]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRule {
    pub media_types: BTreeSet<String>,
    pub max_file_bytes: u64,
    pub max_request_bytes: u64,
}

const MIB: u64 = 1 << 20;

impl EvidenceRule {
    fn parse(key: &str, section: &EvidenceSection) -> Result<EvidenceRule, AgreementError> {
        let error = |key: String, problem: String| AgreementError { key, problem };
        if section.media_types.is_empty() {
            return Err(error(
                format!("{key}.media_types"),
                "is empty, which would allow no file; remove the section instead".into(),
            ));
        }
        let mut media_types = BTreeSet::new();
        for (j, text) in section.media_types.iter().enumerate() {
            let at = format!("{key}.media_types[{j}]");
            let media = liaison_proto::convert::media_type(&at, text)
                .map_err(|e| error(at.clone(), e.problem))?;
            if !media_types.insert(media) {
                return Err(error(at, format!("`{text}` is listed twice")));
            }
        }
        if !(1..=1 << 20).contains(&section.max_file_mib) {
            return Err(error(
                format!("{key}.max_file_mib"),
                format!("{} is not a size of 1 to 1048576 MiB", section.max_file_mib),
            ));
        }
        if section.max_request_mib < section.max_file_mib || section.max_request_mib > 1 << 22 {
            return Err(error(
                format!("{key}.max_request_mib"),
                format!(
                    "{} must be at least max_file_mib ({}) and at most 4194304",
                    section.max_request_mib, section.max_file_mib
                ),
            ));
        }
        Ok(EvidenceRule {
            media_types,
            max_file_bytes: section.max_file_mib * MIB,
            max_request_bytes: section.max_request_mib * MIB,
        })
    }

    /// Why a file of `size` bytes and `media_type`, with `carried` bytes
    /// already attached to the same side of the request, is not allowed;
    /// `None` if it is.
    pub fn refuses(&self, media_type: &str, size: u64, carried: u64) -> Option<String> {
        if !self.media_types.contains(media_type) {
            return Some(format!(
                "media type {media_type} is not one the agreement allows ({})",
                self.media_types
                    .iter()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if size > self.max_file_bytes {
            return Some(format!(
                "{size} bytes is more than the {} MiB a file may be",
                self.max_file_bytes / MIB
            ));
        }
        if carried.saturating_add(size) > self.max_request_bytes {
            return Some(format!(
                "{} bytes in all is more than the {} MiB a request may carry",
                carried.saturating_add(size),
                self.max_request_bytes / MIB
            ));
        }
        None
    }
}

/// One direction of requests: `from` asks `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Flow {
    pub from: CountryCode,
    pub to: CountryCode,
}

impl fmt::Display for Flow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}->{}", self.from, self.to)
    }
}

/// A validated rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// 1-based position in the holder's copy.
    pub number: u32,
    pub category: Category,
    pub flows: BTreeSet<Flow>,
    pub purposes: BTreeSet<Purpose>,
    pub release: BTreeSet<String>,
    /// The fields released about subjects of these kinds, each a subset of
    /// `release`; kinds not named get `release`.
    pub release_by_kind: BTreeMap<SubjectKind, BTreeSet<String>>,
    pub handling: HandlingCode,
    pub retention_days: u32,
    pub daily_limit: u32,
    /// Empty: any basis, or none, is accepted.
    pub legal_bases: BTreeSet<String>,
    pub require_dual_criminality: bool,
    /// Evidence files allowed with this category; `None`: none.
    pub evidence: Option<EvidenceRule>,
}

/// A validated agreement, as held by one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// The node holding this copy.
    pub holder: CountryCode,
    pub peer: CountryCode,
    pub version: u64,
    pub rules: Vec<Rule>,
    /// The agencies of each party that may see data about a possible
    /// victim; a party absent here is not restricted.
    pub victim_data_agencies: BTreeMap<CountryCode, BTreeSet<String>>,
    /// Private hit/no-hit checks allowed, at most one entry per direction.
    pub hit_checks: Vec<HitChecks>,
    /// SHA-256 of the canonical form (see [`Agreement::canonical_json`]).
    pub hash: [u8; 32],
}

/// A problem in an agreement: the key within it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementError {
    pub key: String,
    pub problem: String,
}

/// What an allowed request grants: carried with the request until it is
/// answered, and attached (signed) to the answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub rule: String,
    pub release: Vec<String>,
    /// The rule's `release_by_kind`; empty in grants stored before it
    /// existed (then every kind gets `release`).
    #[serde(default)]
    pub release_by_kind: BTreeMap<SubjectKind, BTreeSet<String>>,
    pub handling: HandlingCode,
    pub retention_days: u32,
    /// Whether an answer needs dual criminality established, or the
    /// officer's decision to answer anyway (absent in grants stored before
    /// the rule existed: not required).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub require_dual_criminality: bool,
}

impl Grant {
    /// Whether the grant releases field `name` about a subject of `kind`
    /// (`None`: a subject no longer known, which only the whole list
    /// decides).
    pub fn releases(&self, name: &str, kind: Option<SubjectKind>) -> bool {
        self.release.iter().any(|r| r == name) && kind_allows(&self.release_by_kind, name, kind)
    }

    /// Whether the grant releases `name` about some subjects but not about
    /// those of `kind`: withheld for the kind, not by the whole list.
    pub fn withholds_for_kind(&self, name: &str, kind: Option<SubjectKind>) -> bool {
        self.release.iter().any(|r| r == name) && !kind_allows(&self.release_by_kind, name, kind)
    }
}

impl Rule {
    /// Whether the rule releases (or, on the requesting side, accepts)
    /// field `name` about a subject of `kind`.
    pub fn releases(&self, name: &str, kind: Option<SubjectKind>) -> bool {
        self.release.contains(name) && kind_allows(&self.release_by_kind, name, kind)
    }
}

/// Whether per-kind lists allow `name` about a subject of `kind`: yes when
/// the kind has no list of its own.
fn kind_allows(
    by_kind: &BTreeMap<SubjectKind, BTreeSet<String>>,
    name: &str,
    kind: Option<SubjectKind>,
) -> bool {
    match kind.and_then(|k| by_kind.get(&k)) {
        Some(fields) => fields.contains(name),
        None => true,
    }
}

/// The outcome of evaluating a request against an agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decision {
    pub decided_by: CountryCode,
    pub allowed: bool,
    /// Denied only because the daily volume limit is reached.
    pub exhausted: bool,
    /// The rule that decided, or `<holder> default deny`.
    pub rule: String,
    pub reason: String,
    pub grant: Option<Grant>,
    pub daily_limit: u32,
    pub used_today: u32,
}

fn parse_list<T: std::str::FromStr + Ord>(
    key: &str,
    values: &[String],
) -> Result<BTreeSet<T>, AgreementError>
where
    T::Err: fmt::Display,
{
    if values.is_empty() {
        return Err(AgreementError {
            key: key.to_string(),
            problem: "must list at least one value".into(),
        });
    }
    let mut out = BTreeSet::new();
    for (i, v) in values.iter().enumerate() {
        let parsed = v.parse().map_err(|e: T::Err| AgreementError {
            key: format!("{key}[{i}]"),
            problem: e.to_string(),
        })?;
        if !out.insert(parsed) {
            return Err(AgreementError {
                key: format!("{key}[{i}]"),
                problem: format!("`{v}` is listed twice"),
            });
        }
    }
    Ok(out)
}

impl Agreement {
    /// Validates `file` as `holder`'s copy of its agreement with `peer`.
    pub fn from_file(
        holder: CountryCode,
        peer: CountryCode,
        file: &AgreementFile,
    ) -> Result<Agreement, AgreementError> {
        let error = |key: &str, problem: String| AgreementError {
            key: key.to_string(),
            problem,
        };
        let parties: BTreeSet<CountryCode> = parse_list("parties", &file.parties)?;
        let expected: BTreeSet<CountryCode> = [holder, peer].into();
        if parties != expected {
            return Err(error(
                "parties",
                format!("must be exactly {holder} and {peer}"),
            ));
        }
        if file.version == 0 {
            return Err(error("version", "must be 1 or more".into()));
        }
        let mut rules = Vec::new();
        let mut seen: BTreeMap<Category, u32> = BTreeMap::new();
        for (i, r) in file.rules.iter().enumerate() {
            let number = i as u32 + 1;
            let at = |k: &str| format!("rules[{i}].{k}");
            let category: Category =
                r.category
                    .parse()
                    .map_err(|e: liaison_proto::domain::UnknownName| {
                        error(&at("category"), e.to_string())
                    })?;
            if let Some(other) = seen.insert(category, number) {
                return Err(error(
                    &at("category"),
                    format!("{category} already has rule {other}; give each category one rule"),
                ));
            }
            let mut flows = BTreeSet::new();
            if r.flows.is_empty() {
                return Err(error(
                    &at("flows"),
                    "must list at least one flow, e.g. \"THA->KHM\"".into(),
                ));
            }
            for (j, text) in r.flows.iter().enumerate() {
                let flow = parse_flow(text)
                    .filter(|f| {
                        expected.contains(&f.from) && expected.contains(&f.to) && f.from != f.to
                    })
                    .ok_or_else(|| {
                        error(
                            &at(&format!("flows[{j}]")),
                            format!("`{text}` is not {holder}->{peer} or {peer}->{holder}"),
                        )
                    })?;
                if !flows.insert(flow) {
                    return Err(error(
                        &at(&format!("flows[{j}]")),
                        format!("`{text}` is listed twice"),
                    ));
                }
            }
            let purposes: BTreeSet<Purpose> = parse_list(&at("purposes"), &r.purposes)?;
            let known = category.response_fields();
            let mut release = BTreeSet::new();
            for (j, name) in r.release.iter().enumerate() {
                if !known.contains(&name.as_str()) {
                    return Err(error(
                        &at(&format!("release[{j}]")),
                        format!(
                            "`{name}` is not a response field of {category} (known: {})",
                            known.join(", ")
                        ),
                    ));
                }
                if !release.insert(name.clone()) {
                    return Err(error(
                        &at(&format!("release[{j}]")),
                        format!("`{name}` is listed twice"),
                    ));
                }
            }
            let release_by_kind = release_by_kind(
                &at("release_by_kind"),
                category,
                &release,
                &r.release_by_kind,
            )?;
            let handling: HandlingCode =
                r.handling
                    .parse()
                    .map_err(|e: liaison_proto::domain::UnknownName| {
                        error(&at("handling"), e.to_string())
                    })?;
            // Data about a possible victim is only ever released under
            // VICTIM_PROTECTED: a rule saying otherwise for the category
            // that is always about one would be an attempt to weaken it.
            if category == Category::VictimIdentification
                && handling != HandlingCode::VictimProtected
            {
                return Err(error(
                    &at("handling"),
                    format!(
                        "{handling} would weaken VICTIM_PROTECTED, under which data about a \
                         possible victim is always released; write handling = \"VICTIM_PROTECTED\""
                    ),
                ));
            }
            if !(1..=3650).contains(&r.retention_days) {
                return Err(error(
                    &at("retention_days"),
                    format!(
                        "{} is not a retention period of 1 to 3650 days",
                        r.retention_days
                    ),
                ));
            }
            if r.daily_limit == 0 {
                return Err(error(
                    &at("daily_limit"),
                    "0 would allow nothing; remove the flow instead, or set a limit of 1 or more"
                        .into(),
                ));
            }
            let mut legal_bases = BTreeSet::new();
            for (j, text) in r.legal_bases.iter().enumerate() {
                let key = at(&format!("legal_bases[{j}]"));
                let code = liaison_proto::legal::legal_basis(text).map_err(|e| error(&key, e))?;
                if !legal_bases.insert(code.to_string()) {
                    return Err(error(&key, format!("`{code}` is listed twice")));
                }
            }
            rules.push(Rule {
                number,
                category,
                flows,
                purposes,
                release,
                release_by_kind,
                handling,
                retention_days: r.retention_days,
                daily_limit: r.daily_limit,
                legal_bases,
                require_dual_criminality: r.require_dual_criminality,
                evidence: r
                    .evidence
                    .as_ref()
                    .map(|e| EvidenceRule::parse(&at("evidence"), e))
                    .transpose()?,
            });
        }
        let mut victim_data_agencies = BTreeMap::new();
        for (country, agencies) in &file.victim_data_agencies {
            let key = format!("victim_data_agencies.{country}");
            let code: CountryCode = country
                .parse()
                .ok()
                .filter(|c| expected.contains(c))
                .ok_or_else(|| error(&key, format!("is not {holder} or {peer}")))?;
            let names: BTreeSet<String> = parse_list(&key, agencies)?;
            victim_data_agencies.insert(code, names);
        }
        let mut hit_checks: Vec<HitChecks> = Vec::new();
        for (i, section) in file.hit_checks.iter().enumerate() {
            let key = format!("hit_checks[{i}]");
            let entry = HitChecks::parse(&key, section, &expected)?;
            if hit_checks.iter().any(|h| h.flow == entry.flow) {
                return Err(error(
                    &format!("{key}.flow"),
                    format!(
                        "{} already has an entry; give each direction one",
                        entry.flow
                    ),
                ));
            }
            hit_checks.push(entry);
        }
        let mut agreement = Agreement {
            holder,
            peer,
            version: file.version,
            victim_data_agencies,
            rules,
            hit_checks,
            hash: [0; 32],
        };
        agreement.hash = Sha256::digest(agreement.canonical_json().as_bytes()).into();
        Ok(agreement)
    }

    /// The agreement in a form that does not depend on which side holds it
    /// or on the order of rules and lists: two matching copies give the same
    /// text, and so the same hash. A rule key added later appears only when
    /// set (`require_dual_criminality = true`), so agreements written
    /// before it keep their hash.
    pub fn canonical_json(&self) -> String {
        let mut parties = [self.holder.to_string(), self.peer.to_string()];
        parties.sort();
        let mut rules: Vec<serde_json::Value> = self
            .rules
            .iter()
            .map(|r| {
                let mut rule = serde_json::json!({
                    "category": r.category.as_str(),
                    "flows": r.flows.iter().map(Flow::to_string).collect::<Vec<_>>(),
                    "purposes": r.purposes.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
                    "release": r.release,
                    "handling": r.handling.as_str(),
                    "retention_days": r.retention_days,
                    "daily_limit": r.daily_limit,
                });
                // Keys added since the first version appear only when set,
                // so that an agreement not using them keeps its hash.
                if !r.legal_bases.is_empty() {
                    rule["legal_bases"] = serde_json::json!(r.legal_bases);
                }
                // Only when set, so that agreements without it keep their
                // hash.
                if !r.release_by_kind.is_empty() {
                    rule["release_by_kind"] = serde_json::json!(r.release_by_kind);
                }
                if r.require_dual_criminality {
                    rule["require_dual_criminality"] = serde_json::Value::Bool(true);
                }
                if let Some(e) = &r.evidence {
                    rule["evidence"] = serde_json::json!({
                        "media_types": e.media_types,
                        "max_file_bytes": e.max_file_bytes,
                        "max_request_bytes": e.max_request_bytes,
                    });
                }
                rule
            })
            .collect();
        rules.sort_by(|a, b| a["category"].as_str().cmp(&b["category"].as_str()));
        let mut canonical =
            serde_json::json!({"parties": parties, "version": self.version, "rules": rules});
        if !self.victim_data_agencies.is_empty() {
            canonical["victim_data_agencies"] = serde_json::json!(self.victim_data_agencies);
        }
        // Only when set, so that agreements without it keep their hash.
        if !self.hit_checks.is_empty() {
            let mut checks: Vec<serde_json::Value> = self
                .hit_checks
                .iter()
                .map(|h| {
                    let view = h.view();
                    serde_json::json!({
                        "flow": view.flow,
                        "lists": view.lists,
                        "kinds": view.kinds,
                        "daily_quota": view.daily_quota,
                    })
                })
                .collect();
            checks.sort_by(|a, b| a["flow"].as_str().cmp(&b["flow"].as_str()));
            canonical["hit_checks"] = serde_json::Value::Array(checks);
        }
        canonical.to_string()
    }

    /// `THA-KHM v3`: the holder first.
    pub fn label(&self) -> String {
        format!("{}-{} v{}", self.holder, self.peer, self.version)
    }

    fn rule_id(&self, rule: &Rule) -> String {
        format!("{} rule {} ({})", self.label(), rule.number, rule.category)
    }

    /// Whether `agency` of `country` may see data about a possible victim
    /// under this agreement.
    pub fn may_see_victim_data(&self, country: CountryCode, agency: &str) -> bool {
        self.victim_data_agencies
            .get(&country)
            .is_none_or(|agencies| agencies.contains(agency))
    }

    pub fn rule_for(&self, category: Category) -> Option<&Rule> {
        self.rules.iter().find(|r| r.category == category)
    }

    /// The `[[hit_checks]]` entry for `flow` (asker -> holder), if any.
    pub fn hit_checks(&self, flow: Flow) -> Option<&HitChecks> {
        self.hit_checks.iter().find(|h| h.flow == flow)
    }

    /// The holder's view, for operators and peers.
    pub fn view(&self) -> pb::AgreementView {
        pb::AgreementView {
            holder: self.holder.to_string(),
            peer: self.peer.to_string(),
            version: self.version,
            hash: hex::encode(self.hash),
            victim_data_agencies: self
                .victim_data_agencies
                .iter()
                .map(|(country, agencies)| pb::VictimDataAgencies {
                    country: country.to_string(),
                    agencies: agencies.iter().cloned().collect(),
                })
                .collect(),
            rules: self
                .rules
                .iter()
                .map(|r| pb::AgreementRule {
                    number: r.number,
                    category: pb::Category::from(r.category) as i32,
                    flows: r.flows.iter().map(Flow::to_string).collect(),
                    purposes: r
                        .purposes
                        .iter()
                        .map(|p| pb::Purpose::from(*p) as i32)
                        .collect(),
                    release: r.release.iter().cloned().collect(),
                    handling: pb::HandlingCode::from(r.handling) as i32,
                    retention_days: r.retention_days,
                    daily_limit: r.daily_limit,
                    legal_bases: r.legal_bases.iter().cloned().collect(),
                    release_by_kind: r
                        .release_by_kind
                        .iter()
                        .map(|(kind, fields)| pb::KindRelease {
                            kind: kind.to_string(),
                            fields: fields.iter().cloned().collect(),
                        })
                        .collect(),
                    require_dual_criminality: r.require_dual_criminality,
                    evidence: r.evidence.as_ref().map(|e| pb::EvidenceAllowance {
                        media_types: e.media_types.iter().cloned().collect(),
                        max_file_bytes: e.max_file_bytes,
                        max_request_bytes: e.max_request_bytes,
                    }),
                })
                .collect(),
            hit_checks: self.hit_checks.iter().map(HitChecks::view).collect(),
        }
    }
}

/// Validates a rule's `release_by_kind` (at key `key`): each kind a
/// [`SubjectKind`] the category's requests can be about, each field one of
/// the rule's `release` (and so of the category's catalogue), once.
fn release_by_kind(
    key: &str,
    category: Category,
    release: &BTreeSet<String>,
    given: &BTreeMap<String, Vec<String>>,
) -> Result<BTreeMap<SubjectKind, BTreeSet<String>>, AgreementError> {
    let error = |key: String, problem: String| AgreementError { key, problem };
    let mut out = BTreeMap::new();
    for (text, names) in given {
        let at = format!("{key}.{text}");
        let kind: SubjectKind = text
            .parse()
            .map_err(|e: liaison_proto::domain::UnknownName| error(at.clone(), e.to_string()))?;
        if !category.accepts_kind(kind) {
            return Err(error(
                at,
                format!("{category} requests are never about a subject of kind {kind}"),
            ));
        }
        let known = category.response_fields();
        let mut fields = BTreeSet::new();
        for (j, name) in names.iter().enumerate() {
            let at = format!("{at}[{j}]");
            if !known.contains(&name.as_str()) {
                return Err(error(
                    at,
                    format!(
                        "`{name}` is not a response field of {category} (known: {})",
                        known.join(", ")
                    ),
                ));
            }
            if !release.contains(name) {
                return Err(error(
                    at,
                    format!(
                        "`{name}` is not in the rule's `release` list: a kind can only narrow \
                         what the rule releases"
                    ),
                ));
            }
            if !fields.insert(name.clone()) {
                return Err(error(at, format!("`{name}` is listed twice")));
            }
        }
        if out.insert(kind, fields).is_some() {
            return Err(error(at, format!("{kind} is listed twice")));
        }
    }
    Ok(out)
}

fn parse_flow(text: &str) -> Option<Flow> {
    let (from, to) = text.split_once("->")?;
    Some(Flow {
        from: from.trim().parse().ok()?,
        to: to.trim().parse().ok()?,
    })
}

/// Decides whether a request in `category` for `purpose` may go `flow`,
/// according to `holder`'s copy of the agreement (`None`: there is none).
/// `used_today` counts requests already made today under the same rule and
/// direction.
pub fn evaluate(
    holder: CountryCode,
    agreement: Option<&Agreement>,
    flow: Flow,
    category: Category,
    purpose: Purpose,
    used_today: u32,
) -> Decision {
    let deny = |rule: String, reason: String| Decision {
        decided_by: holder,
        allowed: false,
        exhausted: false,
        rule,
        reason,
        grant: None,
        daily_limit: 0,
        used_today,
    };
    let peer = if flow.from == holder {
        flow.to
    } else {
        flow.from
    };
    let Some(agreement) = agreement else {
        return deny(
            format!("{holder} default deny"),
            format!("{holder} has no sharing agreement with {peer}"),
        );
    };
    let Some(rule) = agreement.rule_for(category) else {
        return deny(
            format!("{holder} default deny"),
            format!("agreement {} has no rule for {category}", agreement.label()),
        );
    };
    let id = agreement.rule_id(rule);
    if !rule.flows.contains(&flow) {
        return deny(id, format!("{category} requests may not flow {flow}"));
    }
    if !rule.purposes.contains(&purpose) {
        let allowed: Vec<&str> = rule.purposes.iter().map(|p| p.as_str()).collect();
        return deny(
            id,
            format!(
                "purpose {purpose} is not allowed for {category} (allowed: {})",
                allowed.join(", ")
            ),
        );
    }
    if used_today >= rule.daily_limit {
        return Decision {
            exhausted: true,
            daily_limit: rule.daily_limit,
            ..deny(
                id,
                format!(
                    "the daily limit of {} {category} requests {flow} is reached",
                    rule.daily_limit
                ),
            )
        };
    }
    Decision {
        decided_by: holder,
        allowed: true,
        exhausted: false,
        reason: format!("{category} for {purpose} may flow {flow}"),
        grant: Some(Grant {
            rule: id.clone(),
            release: rule.release.iter().cloned().collect(),
            release_by_kind: rule.release_by_kind.clone(),
            handling: rule.handling,
            retention_days: rule.retention_days,
            require_dual_criminality: rule.require_dual_criminality,
        }),
        rule: id,
        daily_limit: rule.daily_limit,
        used_today,
    }
}

/// [`evaluate`] for a request that names `legal_bases`: what senders,
/// receivers and dry runs all decide by.
pub fn evaluate_request(
    holder: CountryCode,
    agreement: Option<&Agreement>,
    flow: Flow,
    category: Category,
    purpose: Purpose,
    legal_bases: &[String],
    used_today: u32,
) -> Decision {
    check_legal_bases(
        evaluate(holder, agreement, flow, category, purpose, used_today),
        agreement,
        category,
        legal_bases,
    )
}

/// Narrows an allowed decision by the legal bases a request names: a rule
/// that lists bases accepts only a request naming one or more of them and
/// no other. A rule listing none does not check them.
fn check_legal_bases(
    decision: Decision,
    agreement: Option<&Agreement>,
    category: Category,
    bases: &[String],
) -> Decision {
    let Some(rule) = agreement
        .and_then(|a| a.rule_for(category))
        .filter(|_| decision.allowed)
    else {
        return decision;
    };
    if rule.legal_bases.is_empty() {
        return decision;
    }
    let accepted = rule
        .legal_bases
        .iter()
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let reason = if bases.is_empty() {
        format!(
            "the request names no legal basis; {category} requests must name one of: {accepted}"
        )
    } else if let Some(other) = bases.iter().find(|b| !rule.legal_bases.contains(*b)) {
        format!("legal basis {other} is not one accepted for {category} (accepted: {accepted})")
    } else {
        return decision;
    };
    Decision {
        allowed: false,
        exhausted: false,
        reason,
        grant: None,
        ..decision
    }
}

impl From<&Decision> for pb::PolicyDecision {
    fn from(d: &Decision) -> Self {
        pb::PolicyDecision {
            decided_by: d.decided_by.to_string(),
            allowed: d.allowed,
            rule: d.rule.clone(),
            reason: d.reason.clone(),
            release: d
                .grant
                .as_ref()
                .map(|g| g.release.clone())
                .unwrap_or_default(),
            handling: d
                .grant
                .as_ref()
                .map(|g| pb::HandlingCode::from(g.handling) as i32)
                .unwrap_or(0),
            retention_days: d.grant.as_ref().map(|g| g.retention_days).unwrap_or(0),
            daily_limit: d.daily_limit,
            used_today: d.used_today,
        }
    }
}

/// An agreement allowing every category both ways for every purpose,
/// releasing every response field: what generated federations start with.
pub fn open_agreement(a: CountryCode, b: CountryCode) -> AgreementFile {
    let mut parties = [a.to_string(), b.to_string()];
    parties.sort();
    AgreementFile {
        parties: parties.to_vec(),
        version: 1,
        victim_data_agencies: BTreeMap::new(),
        rules: Category::ALL
            .iter()
            .map(|&category| RuleSection {
                category: category.to_string(),
                flows: vec![format!("{a}->{b}"), format!("{b}->{a}")],
                purposes: Purpose::ALL.iter().map(|p| p.to_string()).collect(),
                release: category
                    .response_fields()
                    .iter()
                    .map(|f| f.to_string())
                    .collect(),
                release_by_kind: BTreeMap::new(),
                handling: match category {
                    Category::VictimIdentification => HandlingCode::VictimProtected,
                    Category::EvidencePreservation => HandlingCode::EvidenceWithConsent,
                    _ => HandlingCode::IntelligenceOnly,
                }
                .to_string(),
                retention_days: 365,
                daily_limit: 100,
                legal_bases: Vec::new(),
                require_dual_criminality: false,
                evidence: Some(EvidenceSection {
                    media_types: [
                        "application/pdf",
                        "image/jpeg",
                        "image/png",
                        "text/csv",
                        "text/plain",
                    ]
                    .iter()
                    .map(|m| m.to_string())
                    .collect(),
                    max_file_mib: 2048,
                    max_request_mib: 8192,
                }),
            })
            .collect(),
        hit_checks: Vec::new(),
    }
}

#[cfg(test)]
pub(crate) mod tests;
