//! Sharing agreements: what a node may send to and accept from each peer.
//!
//! An agreement is one document both countries hold a copy of. Each rule
//! covers one request category and says which way requests may flow
//! (`THA->KHM` means Thailand may ask Cambodia), for which purposes, which
//! response fields the answering country releases, the handling code and
//! retention attached to released data, and a daily volume limit per
//! direction. Anything no rule allows is denied. A request flows only when
//! the sender's copy allows sending it and the receiver's copy allows
//! receiving it; the two copies can be compared to find where they differ.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use liaison_proto::domain::{Category, CountryCode, HandlingCode, Purpose};
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
    #[serde(default)]
    pub rules: Vec<RuleSection>,
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
    pub handling: String,
    pub retention_days: u32,
    pub daily_limit: u32,
    /// Answers in this category need an established dual-criminality
    /// indication, or the officer's recorded decision and reason.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub require_dual_criminality: bool,
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
    pub handling: HandlingCode,
    pub retention_days: u32,
    pub daily_limit: u32,
    pub require_dual_criminality: bool,
}

/// A validated agreement, as held by one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// The node holding this copy.
    pub holder: CountryCode,
    pub peer: CountryCode,
    pub version: u64,
    pub rules: Vec<Rule>,
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
    pub handling: HandlingCode,
    pub retention_days: u32,
    /// Whether an answer needs dual criminality established, or the
    /// officer's decision to answer anyway (absent in grants stored before
    /// the rule existed: not required).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub require_dual_criminality: bool,
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
            let handling: HandlingCode =
                r.handling
                    .parse()
                    .map_err(|e: liaison_proto::domain::UnknownName| {
                        error(&at("handling"), e.to_string())
                    })?;
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
            rules.push(Rule {
                number,
                category,
                flows,
                purposes,
                release,
                handling,
                retention_days: r.retention_days,
                daily_limit: r.daily_limit,
                require_dual_criminality: r.require_dual_criminality,
            });
        }
        let mut agreement = Agreement {
            holder,
            peer,
            version: file.version,
            rules,
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
                if r.require_dual_criminality {
                    rule["require_dual_criminality"] = serde_json::Value::Bool(true);
                }
                rule
            })
            .collect();
        rules.sort_by(|a, b| a["category"].as_str().cmp(&b["category"].as_str()));
        serde_json::json!({"parties": parties, "version": self.version, "rules": rules}).to_string()
    }

    /// `THA-KHM v3`: the holder first.
    pub fn label(&self) -> String {
        format!("{}-{} v{}", self.holder, self.peer, self.version)
    }

    fn rule_id(&self, rule: &Rule) -> String {
        format!("{} rule {} ({})", self.label(), rule.number, rule.category)
    }

    pub fn rule_for(&self, category: Category) -> Option<&Rule> {
        self.rules.iter().find(|r| r.category == category)
    }

    /// The holder's view, for operators and peers.
    pub fn view(&self) -> pb::AgreementView {
        pb::AgreementView {
            holder: self.holder.to_string(),
            peer: self.peer.to_string(),
            version: self.version,
            hash: hex::encode(self.hash),
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
                    require_dual_criminality: r.require_dual_criminality,
                })
                .collect(),
        }
    }
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
            handling: rule.handling,
            retention_days: rule.retention_days,
            require_dual_criminality: rule.require_dual_criminality,
        }),
        rule: id,
        daily_limit: rule.daily_limit,
        used_today,
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
                handling: match category {
                    Category::VictimIdentification => HandlingCode::NoOnwardSharing,
                    Category::EvidencePreservation => HandlingCode::EvidenceWithConsent,
                    _ => HandlingCode::IntelligenceOnly,
                }
                .to_string(),
                retention_days: 365,
                daily_limit: 100,
                require_dual_criminality: false,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
