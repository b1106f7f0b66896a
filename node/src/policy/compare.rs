//! Comparing two copies of an agreement: every disagreement between this
//! node's copy and its peer's, in words ([`compare`]).

use std::collections::{BTreeMap, BTreeSet};

use liaison_proto::pb;

/// One rule of a view, in comparable form.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Comparable {
    flows: BTreeSet<String>,
    purposes: BTreeSet<String>,
    release: BTreeSet<String>,
    /// Per subject kind, the fields released about it (kinds not listed
    /// get `release`).
    release_by_kind: BTreeMap<String, BTreeSet<String>>,
    handling: String,
    retention_days: u32,
    daily_limit: u32,
    legal_bases: BTreeSet<String>,
    require_dual_criminality: bool,
    /// The evidence files allowed, in words ("none" when the rule has no
    /// evidence section).
    evidence: String,
}

fn evidence_text(allowance: Option<&pb::EvidenceAllowance>) -> String {
    match allowance {
        None => "no evidence files".into(),
        Some(e) => {
            let mut types = e.media_types.clone();
            types.sort();
            format!(
                "files of {} up to {} MiB each, {} MiB per request",
                types.join(", "),
                e.max_file_bytes >> 20,
                e.max_request_bytes >> 20
            )
        }
    }
}

fn comparable(view: &pb::AgreementView) -> BTreeMap<i32, Comparable> {
    view.rules
        .iter()
        .map(|r| {
            (
                r.category,
                Comparable {
                    flows: r.flows.iter().cloned().collect(),
                    purposes: r
                        .purposes
                        .iter()
                        .map(|p| {
                            pb::Purpose::try_from(*p)
                                .map(|p| p.as_str_name().to_string())
                                .unwrap_or_else(|_| format!("purpose {p}"))
                        })
                        .collect(),
                    release: r.release.iter().cloned().collect(),
                    release_by_kind: r
                        .release_by_kind
                        .iter()
                        .map(|k| (k.kind.clone(), k.fields.iter().cloned().collect()))
                        .collect(),
                    handling: pb::HandlingCode::try_from(r.handling)
                        .map(|h| h.as_str_name().to_string())
                        .unwrap_or_else(|_| format!("handling {}", r.handling)),
                    retention_days: r.retention_days,
                    daily_limit: r.daily_limit,
                    legal_bases: r.legal_bases.iter().cloned().collect(),
                    require_dual_criminality: r.require_dual_criminality,
                    evidence: evidence_text(r.evidence.as_ref()),
                },
            )
        })
        .collect()
}

fn category_name(raw: i32) -> String {
    pb::Category::try_from(raw)
        .map(|c| c.as_str_name().to_string())
        .unwrap_or_else(|_| format!("category {raw}"))
}

fn set_text(set: &BTreeSet<String>) -> String {
    if set.is_empty() {
        "none".into()
    } else {
        set.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}

/// Every point where two copies of an agreement differ, explained in terms
/// of what happens to requests. `local` is this node's copy.
pub fn compare(local: &pb::AgreementView, peer: &pb::AgreementView) -> Vec<pb::Disagreement> {
    let (us, them) = (local.holder.as_str(), peer.holder.as_str());
    let mut out = Vec::new();
    let mut push =
        |category: i32, aspect: &str, local: String, peer: String, explanation: String| {
            out.push(pb::Disagreement {
                category,
                aspect: aspect.into(),
                local,
                peer,
                explanation,
            });
        };
    if local.version != peer.version {
        push(
            0,
            "version",
            local.version.to_string(),
            peer.version.to_string(),
            format!(
                "{us} holds version {} and {them} holds version {}: one side has not applied the latest agreement",
                local.version, peer.version
            ),
        );
    }
    let victim_data = |view: &pb::AgreementView| -> BTreeMap<String, BTreeSet<String>> {
        view.victim_data_agencies
            .iter()
            .map(|v| (v.country.clone(), v.agencies.iter().cloned().collect()))
            .collect()
    };
    let (ours, theirs) = (victim_data(local), victim_data(peer));
    let countries: BTreeSet<&String> = ours.keys().chain(theirs.keys()).collect();
    for country in countries {
        let (a, b) = (ours.get(country), theirs.get(country));
        if a != b {
            let text = |set: Option<&BTreeSet<String>>| {
                set.map_or("any agency it routes them to".to_string(), set_text)
            };
            push(
                0,
                "victim_data_agencies",
                text(a),
                text(b),
                format!(
                    "{us} lets {} of {country} see data about possible victims but {them} {}",
                    text(a),
                    text(b)
                ),
            );
        }
    }
    let checks = |view: &pb::AgreementView| -> BTreeMap<String, String> {
        view.hit_checks
            .iter()
            .map(|h| {
                let lists: BTreeSet<String> = h.lists.iter().cloned().collect();
                let kinds: BTreeSet<String> = h.kinds.iter().cloned().collect();
                (
                    h.flow.clone(),
                    format!(
                        "lists {}, kinds {}, {} a day",
                        set_text(&lists),
                        set_text(&kinds),
                        h.daily_quota
                    ),
                )
            })
            .collect()
    };
    let (ours, theirs) = (checks(local), checks(peer));
    let flows: BTreeSet<&String> = ours.keys().chain(theirs.keys()).collect();
    for flow in flows {
        let (a, b) = (ours.get(flow), theirs.get(flow));
        if a != b {
            let text = |t: Option<&String>| t.cloned().unwrap_or_else(|| "no hit checks".into());
            push(
                0,
                "hit_checks",
                text(a),
                text(b),
                format!(
                    "hit/no-hit checks {flow}: {us} allows {} but {them} allows {}; a check \
                     needs both",
                    text(a),
                    text(b)
                ),
            );
        }
    }
    let ours = comparable(local);
    let theirs = comparable(peer);
    let categories: BTreeSet<i32> = ours.keys().chain(theirs.keys()).copied().collect();
    for category in categories {
        let name = category_name(category);
        let (a, b) = match (ours.get(&category), theirs.get(&category)) {
            (Some(a), Some(b)) => (a, b),
            (Some(a), None) => {
                push(
                    category,
                    "rule",
                    format!("allows {}", set_text(&a.flows)),
                    "no rule".into(),
                    format!(
                        "{us} has a rule for {name} but {them} has none, so {them} denies every {name} request in both directions"
                    ),
                );
                continue;
            }
            (None, Some(b)) => {
                push(
                    category,
                    "rule",
                    "no rule".into(),
                    format!("allows {}", set_text(&b.flows)),
                    format!(
                        "{them} has a rule for {name} but {us} has none, so {us} denies every {name} request in both directions"
                    ),
                );
                continue;
            }
            (None, None) => continue,
        };
        for flow in a.flows.symmetric_difference(&b.flows) {
            let (has, lacks) = if a.flows.contains(flow) {
                (us, them)
            } else {
                (them, us)
            };
            push(
                category,
                "flow",
                if a.flows.contains(flow) {
                    format!("allows {flow}")
                } else {
                    format!("does not allow {flow}")
                },
                if b.flows.contains(flow) {
                    format!("allows {flow}")
                } else {
                    format!("does not allow {flow}")
                },
                format!(
                    "{has} allows {name} requests {flow} but {lacks} does not, so they are refused by {lacks}"
                ),
            );
        }
        for purpose in a.purposes.symmetric_difference(&b.purposes) {
            let (has, lacks) = if a.purposes.contains(purpose) {
                (us, them)
            } else {
                (them, us)
            };
            push(
                category,
                "purpose",
                if a.purposes.contains(purpose) {
                    format!("allows {purpose}")
                } else {
                    format!("does not allow {purpose}")
                },
                if b.purposes.contains(purpose) {
                    format!("allows {purpose}")
                } else {
                    format!("does not allow {purpose}")
                },
                format!(
                    "{has} allows {name} requests for {purpose} but {lacks} does not, so such requests are refused by {lacks}"
                ),
            );
        }
        for field in a.release.symmetric_difference(&b.release) {
            let (has, lacks) = if a.release.contains(field) {
                (us, them)
            } else {
                (them, us)
            };
            push(
                category,
                "release",
                if a.release.contains(field) {
                    format!("releases {field}")
                } else {
                    format!("withholds {field}")
                },
                if b.release.contains(field) {
                    format!("releases {field}")
                } else {
                    format!("withholds {field}")
                },
                format!(
                    "{has} releases `{field}` in {name} answers but {lacks} withholds it, so answers from {lacks} redact it"
                ),
            );
        }
        let kinds: BTreeSet<&String> = a
            .release_by_kind
            .keys()
            .chain(b.release_by_kind.keys())
            .collect();
        for kind in kinds {
            let (ours, theirs) = (a.release_by_kind.get(kind), b.release_by_kind.get(kind));
            if ours == theirs {
                continue;
            }
            let text = |fields: Option<&BTreeSet<String>>| match fields {
                Some(fields) => format!("releases {} about {kind}", set_text(fields)),
                None => format!("no list for {kind}: its whole release list"),
            };
            push(
                category,
                "release_by_kind",
                text(ours),
                text(theirs),
                format!(
                    "{us} and {them} release different fields about {kind} subjects in {name} \
                     answers: what one side releases about them the other withholds or refuses"
                ),
            );
        }
        if a.handling != b.handling {
            push(
                category,
                "handling",
                a.handling.clone(),
                b.handling.clone(),
                format!(
                    "{us} marks released {name} data {} but {them} marks it {}",
                    a.handling, b.handling
                ),
            );
        }
        if a.retention_days != b.retention_days {
            push(
                category,
                "retention_days",
                a.retention_days.to_string(),
                b.retention_days.to_string(),
                format!(
                    "{us} keeps {name} data {} days but {them} {} days",
                    a.retention_days, b.retention_days
                ),
            );
        }
        if a.legal_bases != b.legal_bases {
            let bases = |set: &BTreeSet<String>| {
                if set.is_empty() {
                    "any legal basis".to_string()
                } else {
                    set_text(set)
                }
            };
            push(
                category,
                "legal_bases",
                bases(&a.legal_bases),
                bases(&b.legal_bases),
                format!(
                    "{us} accepts {name} requests under {} but {them} under {}: a request \
                     must name bases both accept",
                    bases(&a.legal_bases),
                    bases(&b.legal_bases)
                ),
            );
        }
        if a.daily_limit != b.daily_limit {
            push(
                category,
                "daily_limit",
                a.daily_limit.to_string(),
                b.daily_limit.to_string(),
                format!(
                    "{us} allows {} {name} requests a day each way but {them} {}: the lower limit applies in practice",
                    a.daily_limit, b.daily_limit
                ),
            );
        }
        if a.require_dual_criminality != b.require_dual_criminality {
            let (requires, not) = if a.require_dual_criminality {
                (us, them)
            } else {
                (them, us)
            };
            let words = |required: bool| {
                if required {
                    "requires dual criminality".to_string()
                } else {
                    "does not require dual criminality".to_string()
                }
            };
            push(
                category,
                "require_dual_criminality",
                words(a.require_dual_criminality),
                words(b.require_dual_criminality),
                format!(
                    "{requires} answers {name} requests only when dual criminality is established \
                     or an officer records a decision to answer anyway, but {not} does not"
                ),
            );
        }
        if a.evidence != b.evidence {
            push(
                category,
                "evidence",
                a.evidence.clone(),
                b.evidence.clone(),
                format!(
                    "{us} allows {} with {name} requests and answers but {them} {}: each side \
                     refuses a file its own copy does not allow",
                    a.evidence, b.evidence
                ),
            );
        }
    }
    out
}
