//! A federation of several nodes created in one go, with a fresh CA, keys
//! and configurations in which every node peers with every other.
//!
//! [`create_starter`] writes the files for given addresses under the
//! deny-by-default [`starter_agreement`] (what `liaison-node federation`
//! writes, deploy/); [`create`] writes them under agreements of the
//! caller's choice ([`open_agreements`], which allow everything, for
//! `--allow-all`, labs and tests). [`plan`] first binds loopback port 0 for
//! each node so that every configuration names its peers' real addresses:
//! this is what `liaison-node demo` runs and what the multi-node tests
//! start. A node of a demo country (THA, KHM, VNM, IDN) gets that
//! country's illustrative national offences file ([`example_offences`]).

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use liaison_proto::domain::{Category, CountryCode, HandlingCode, Purpose};

use crate::api::server::Listeners;
use crate::config::{NonPunishmentSection, PeerSection, default_tls_name};
use crate::pki::local_ca::LocalCa;
use crate::pki::{
    FederationCa, InitOptions, PkiError, init_node, local_ca_dir, write_agreement, write_config,
    write_file,
};
use crate::policy::{AgreementFile, RuleSection, open_agreement};

/// Where one node of a federation listens.
#[derive(Debug, Clone)]
pub struct NodeAddresses {
    pub country: CountryCode,
    /// The federation listener's bind address, e.g. `0.0.0.0:7400`.
    pub federation_listen: String,
    /// The local API's bind address (loopback).
    pub local_listen: String,
    /// The metrics listener's bind address, if any.
    pub metrics_listen: Option<String>,
    /// The web console's bind address, if any (plain HTTP on loopback).
    pub console_listen: Option<String>,
    /// How peers reach the federation listener, e.g. `https://10.0.0.5:7400`.
    pub endpoint: String,
}

/// One node whose files are written.
#[derive(Debug, Clone)]
pub struct CreatedNode {
    pub country: CountryCode,
    pub dir: PathBuf,
    pub config_path: PathBuf,
    /// Bearer tokens of the node's local users, by user name.
    pub tokens: BTreeMap<String, String>,
    /// Base64 of the node's public signing key.
    pub public_key: String,
}

/// A created node with its sockets already bound, not yet started.
#[derive(Debug)]
pub struct PlannedNode {
    pub node: CreatedNode,
    pub listeners: Listeners,
}

#[derive(Debug, thiserror::Error)]
pub enum DevnetError {
    #[error(transparent)]
    Pki(#[from] PkiError),
    #[error("cannot bind a loopback port: {0}")]
    Bind(#[from] std::io::Error),
}

/// Which agreement `holder` keeps with `peer` (`None`: no agreement, so
/// nothing flows between them).
pub type AgreementChoice<'a> = &'a dyn Fn(CountryCode, CountryCode) -> Option<AgreementFile>;

/// [`open_agreement`] between every pair: every category both ways, for
/// every purpose, releasing every field. Unsafe for real data; what
/// `liaison-node federation --allow-all`, the test harness and the
/// benchmark use.
pub fn open_agreements(holder: CountryCode, peer: CountryCode) -> Option<AgreementFile> {
    Some(open_agreement(holder, peer))
}

/// The illustrative national offences files of the demo countries
/// (`deploy/offences/*.example.toml`), by country: labelled in each file as
/// illustrations of the format, not statements of the countries' law.
const EXAMPLE_OFFENCES: &[(&str, &str)] = &[
    (
        "IDN",
        include_str!("../../../deploy/offences/IDN.example.toml"),
    ),
    (
        "KHM",
        include_str!("../../../deploy/offences/KHM.example.toml"),
    ),
    (
        "THA",
        include_str!("../../../deploy/offences/THA.example.toml"),
    ),
    (
        "VNM",
        include_str!("../../../deploy/offences/VNM.example.toml"),
    ),
];

/// The file name a generated node's national offences are written to.
pub const OFFENCES_FILE: &str = "national-offences.toml";

/// The illustrative national offences file shipped for `country`, if any.
pub fn example_offences(country: CountryCode) -> Option<&'static str> {
    EXAMPLE_OFFENCES
        .iter()
        .find(|(code, _)| *code == country.as_str())
        .map(|(_, text)| *text)
}

/// The two parties in the order both copies of an agreement list them, so
/// that both countries are given the same text.
fn ordered(a: CountryCode, b: CountryCode) -> [CountryCode; 2] {
    if a.as_str() <= b.as_str() {
        [a, b]
    } else {
        [b, a]
    }
}

/// The agreement `liaison-node federation` writes between `a` and `b`:
/// deny by default, with one rule to start from, the phone check of the
/// demo. Either country may ask the other to check a phone number
/// (`PHONE_CHECK`) for an investigation; the answer may release the
/// subscriber's name, the registration date and the operator, marked
/// `INTELLIGENCE_ONLY` and kept at most 30 days; at most 20 requests a day
/// each way. Every other category, purpose and field is denied until both
/// countries add a rule.
pub fn starter_agreement(a: CountryCode, b: CountryCode) -> AgreementFile {
    let [first, second] = ordered(a, b);
    AgreementFile {
        parties: vec![first.to_string(), second.to_string()],
        version: 1,
        victim_data_agencies: Default::default(),
        rules: vec![RuleSection {
            category: Category::PhoneCheck.to_string(),
            flows: vec![format!("{first}->{second}"), format!("{second}->{first}")],
            purposes: vec![Purpose::Investigation.to_string()],
            release: ["subscriber_name", "registration_date", "operator"]
                .iter()
                .map(|f| f.to_string())
                .collect(),
            release_by_kind: Default::default(),
            handling: HandlingCode::IntelligenceOnly.to_string(),
            retention_days: 30,
            daily_limit: 20,
            legal_bases: Vec::new(),
            require_dual_criminality: false,
            evidence: None,
        }],
        hit_checks: Vec::new(),
    }
}

/// A TOML string or list of strings, quoted as TOML quotes it.
fn toml_strings(values: &[String]) -> String {
    toml::Value::Array(values.iter().cloned().map(toml::Value::String).collect()).to_string()
}

/// `text` as TOML comment lines of at most 76 characters, each ending in a
/// line break.
fn comment(text: &str) -> String {
    let mut lines = String::new();
    let mut line = String::from("#");
    for word in text.split_whitespace() {
        if line.len() + 1 + word.len() > 76 && line.len() > 1 {
            lines.push_str(&line);
            lines.push('\n');
            line = String::from("#");
        }
        line.push(' ');
        line.push_str(word);
    }
    if line.len() > 1 {
        lines.push_str(&line);
        lines.push('\n');
    }
    lines
}

/// `key = value`, after its note (if any) as a comment.
fn toml_line(key: &str, value: String, note: &str) -> String {
    format!("{}{key} = {value}", comment(note))
}

/// One rule as TOML, each key after its note in `notes` (if any).
fn rule_toml(rule: &RuleSection, notes: &[(&str, String)]) -> String {
    let note = |key: &str| {
        notes
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, note)| note.as_str())
    };
    let string = |s: &str| toml::Value::String(s.to_string()).to_string();
    [
        "[[rules]]".to_string(),
        toml_line("category", string(&rule.category), note("category")),
        toml_line("flows", toml_strings(&rule.flows), note("flows")),
        toml_line("purposes", toml_strings(&rule.purposes), note("purposes")),
        toml_line("release", toml_strings(&rule.release), note("release")),
        toml_line("handling", string(&rule.handling), note("handling")),
        toml_line(
            "retention_days",
            rule.retention_days.to_string(),
            note("retention_days"),
        ),
        toml_line(
            "daily_limit",
            rule.daily_limit.to_string(),
            note("daily_limit"),
        ),
    ]
    .into_iter()
    .chain((!rule.legal_bases.is_empty()).then(|| {
        toml_line(
            "legal_bases",
            toml_strings(&rule.legal_bases),
            note("legal_bases"),
        )
    }))
    .chain(rule.require_dual_criminality.then(|| {
        toml_line(
            "require_dual_criminality",
            "true".into(),
            note("require_dual_criminality"),
        )
    }))
    .map(|line| format!("{line}\n"))
    .collect()
}

/// [`starter_agreement`] as the file `liaison-node federation` writes: the
/// same text for both countries, each key explained, and, commented out, an
/// example of a rule to add.
pub fn starter_agreement_text(a: CountryCode, b: CountryCode) -> String {
    let [first, second] = ordered(a, b);
    let agreement = starter_agreement(a, b);
    let mut text = comment(&format!(
        "Sharing agreement between {first} and {second}. Both countries hold the same \
         text; `liaison policy compare` shows where the two copies differ."
    ));
    text.push_str("#\n");
    text.push_str(&comment(
        "Deny by default: a request flows only when a rule below allows its category, its \
         direction and its purpose, and an answer carries only the fields its rule releases. \
         This agreement starts with one rule, the phone check of `liaison-node demo`. To share \
         more, agree a rule with the other country, add it to both copies (see the example at \
         the end), raise `version`, and restart both nodes.",
    ));
    text.push_str(&format!(
        "\nparties = {}\n{}\n\n",
        toml_strings(&agreement.parties),
        toml_line(
            "version",
            agreement.version.to_string(),
            "Raise it with every change, in both copies."
        ),
    ));
    for rule in &agreement.rules {
        let notes = [
            (
                "flows",
                format!("{first} may ask {second}, and {second} may ask {first}."),
            ),
            ("purposes", "What a request may be made for.".to_string()),
            (
                "release",
                "The fields an answer may carry; the answering country redacts any other.".to_string(),
            ),
            (
                "handling",
                "How the asking country may use what is released: INTELLIGENCE_ONLY, EVIDENCE_WITH_CONSENT or NO_ONWARD_SHARING.".to_string(),
            ),
            (
                "retention_days",
                "How many days the asking country may keep what is released.".to_string(),
            ),
            (
                "daily_limit",
                "Requests per UTC day in each direction.".to_string(),
            ),
        ];
        text.push_str(&rule_toml(rule, &notes));
    }
    let example = RuleSection {
        category: Category::PersonCheck.to_string(),
        flows: vec![format!("{first}->{second}")],
        purposes: vec![
            Purpose::Investigation.to_string(),
            Purpose::Prosecution.to_string(),
        ],
        release: ["full_name", "date_of_birth", "wanted_status"]
            .iter()
            .map(|f| f.to_string())
            .collect(),
        release_by_kind: Default::default(),
        handling: HandlingCode::IntelligenceOnly.to_string(),
        retention_days: 30,
        daily_limit: 10,
        legal_bases: ["UNTOC_ART_27", "ACTIP", "POLICE_COOPERATION"]
            .iter()
            .map(|b| b.to_string())
            .collect(),
        require_dual_criminality: false,
        evidence: None,
    };
    let notes = [
        (
            "flows",
            format!("Only {first} may ask {second}; add \"{second}->{first}\" for both ways."),
        ),
        (
            "release",
            format!(
                "The fields PERSON_CHECK knows: {}.",
                Category::PersonCheck.response_fields().join(", ")
            ),
        ),
        (
            "legal_bases",
            format!(
                "Optional: the legal bases a request must name, from {}. Without this key the \
                 rule does not check them.",
                liaison_proto::legal::LEGAL_BASES
                    .iter()
                    .map(|(code, _)| *code)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
    ];
    let categories: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
    text.push('\n');
    text.push_str(&comment(&format!(
        "To add a rule, copy this example below it without the leading \"# \" and change it: \
         one rule per category ({}). The node names any unknown category, purpose or field \
         when it starts, with the values it knows.",
        categories.join(", ")
    )));
    text.push_str("#\n");
    for line in rule_toml(&example, &notes).lines() {
        text.push_str("# ");
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// Creates (or reuses) a CA under `root/ca` and one node per entry under
/// `root/<country>`, each peered with all the others under the agreements
/// `agreements` chooses (each written to `agreements/<peer>.toml` in the
/// holder's directory).
pub fn create(
    root: &Path,
    nodes: &[NodeAddresses],
    agreements: AgreementChoice<'_>,
) -> Result<Vec<CreatedNode>, DevnetError> {
    write_federation(
        root,
        nodes,
        &|holder, peer, path| match agreements(holder, peer) {
            None => Ok(false),
            Some(agreement) => write_agreement(path, &agreement).map(|()| true),
        },
    )
}

/// Like [`create`], every pair of nodes under the deny-by-default
/// [`starter_agreement`], written as [`starter_agreement_text`]: what
/// `liaison-node federation` writes.
pub fn create_starter(
    root: &Path,
    nodes: &[NodeAddresses],
) -> Result<Vec<CreatedNode>, DevnetError> {
    write_federation(root, nodes, &|holder, peer, path| {
        write_file(path, &starter_agreement_text(holder, peer))?;
        Ok(true)
    })
}

/// Writes the agreement `holder` keeps with `peer` to the file given, or
/// nothing (`false`: no agreement, so nothing flows between them).
type AgreementWriter<'a> = &'a dyn Fn(CountryCode, CountryCode, &Path) -> Result<bool, PkiError>;

/// What [`create`] and [`create_starter`] share: the CA, every node, and
/// peers listing each other with the agreements `agreement_writer` writes.
fn write_federation(
    root: &Path,
    nodes: &[NodeAddresses],
    agreement_writer: AgreementWriter<'_>,
) -> Result<Vec<CreatedNode>, DevnetError> {
    let ca = FederationCa::load_or_create(&root.join("ca"))?;
    let mut created = Vec::new();
    let mut outcomes = Vec::new();
    for addresses in nodes {
        let dir = root.join(addresses.country.as_str().to_ascii_lowercase());
        let outcome = init_node(
            &InitOptions {
                country: addresses.country,
                dir: dir.clone(),
                federation_listen: addresses.federation_listen.clone(),
                local_listen: addresses.local_listen.clone(),
                metrics_listen: addresses.metrics_listen.clone(),
                console_listen: addresses.console_listen.clone(),
                local_names: Vec::new(),
                local_tls: false,
                // A generated federation stands for ASEAN countries, which
                // cite ACTIP art. 14(7); a real node names its own.
                non_punishment: Some(NonPunishmentSection {
                    provision: "ACTIP_ART_14_7".into(),
                    reference: String::new(),
                }),
            },
            &ca,
            &LocalCa::load_or_create(
                &local_ca_dir(root, addresses.country),
                addresses.country.as_str(),
            )?,
        )?;
        let mut outcome = outcome;
        if let Some(text) = example_offences(addresses.country) {
            write_file(&dir.join(OFFENCES_FILE), text)?;
            outcome.config.node.national_offences = Some(OFFENCES_FILE.into());
        }
        created.push(CreatedNode {
            country: addresses.country,
            dir,
            config_path: outcome.config_path.clone(),
            tokens: outcome
                .tokens
                .iter()
                .map(|t| (t.user.clone(), t.token.clone()))
                .collect(),
            public_key: outcome.public_key.clone(),
        });
        outcomes.push(outcome);
    }
    for (i, outcome) in outcomes.iter_mut().enumerate() {
        for (j, other) in created.iter().enumerate() {
            if i == j {
                continue;
            }
            let holder = created[i].country;
            let relative = PathBuf::from(format!(
                "agreements/{}.toml",
                other.country.as_str().to_ascii_lowercase()
            ));
            let agreement_file =
                agreement_writer(holder, other.country, &created[i].dir.join(&relative))?
                    .then_some(relative);
            outcome.config.peers.push(PeerSection {
                country: other.country.to_string(),
                endpoint: nodes[j].endpoint.clone(),
                tls_name: Some(default_tls_name(other.country)),
                signing_keys: vec![other.public_key.clone()],
                revoked_keys: Vec::new(),
                agreement_file,
                agreement: None,
            });
        }
        write_config(&outcome.config_path, &outcome.config)?;
    }
    Ok(created)
}

/// Binds loopback port 0 twice per country, then [`create`]s the
/// federation with those addresses and open agreements.
pub fn plan(root: &Path, countries: &[CountryCode]) -> Result<Vec<PlannedNode>, DevnetError> {
    plan_with(root, countries, &open_agreements)
}

/// Like [`plan`], with the agreements `agreements` chooses.
pub fn plan_with(
    root: &Path,
    countries: &[CountryCode],
    agreements: AgreementChoice<'_>,
) -> Result<Vec<PlannedNode>, DevnetError> {
    let mut listeners = Vec::new();
    let mut addresses = Vec::new();
    for &country in countries {
        let bound = Listeners::loopback()?;
        let federation: SocketAddr = bound.federation.local_addr()?;
        addresses.push(NodeAddresses {
            country,
            federation_listen: federation.to_string(),
            local_listen: bound.local.local_addr()?.to_string(),
            metrics_listen: None,
            console_listen: bound
                .console
                .as_ref()
                .map(|l| l.local_addr().map(|a| a.to_string()))
                .transpose()?,
            endpoint: format!("https://{federation}"),
        });
        listeners.push(bound);
    }
    let created = create(root, &addresses, agreements)?;
    Ok(created
        .into_iter()
        .zip(listeners)
        .map(|(node, listeners)| PlannedNode { node, listeners })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{OffencesFile, check_offences};

    #[test]
    fn every_example_offences_file_is_labelled_illustrative_and_loads() {
        for (country, text) in EXAMPLE_OFFENCES {
            assert!(
                text.starts_with("# ILLUSTRATIVE EXAMPLE -- NOT A STATEMENT OF"),
                "{country}"
            );
            let parsed: OffencesFile =
                toml::from_str(text).unwrap_or_else(|e| panic!("{country}: {e}"));
            let map = check_offences(Path::new(country), &parsed)
                .unwrap_or_else(|e| panic!("{country}: {e}"));
            assert!(
                map.offences()
                    .iter()
                    .any(|o| o.iccs.iter().any(|c| c.as_str() == "0204")),
                "{country} maps nothing to trafficking in persons"
            );
            let code: CountryCode = country.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(example_offences(code), Some(*text));
        }
    }
}
