//! A federation of several nodes created in one go, with a fresh CA, keys
//! and configurations in which every node peers with every other.
//!
//! [`create`] writes the files for given addresses (`liaison-node
//! federation`, deploy/). [`plan`] first binds loopback port 0 for each node
//! so that every configuration names its peers' real addresses: this is what
//! `liaison-node demo` runs and what the multi-node tests start.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use liaison_proto::domain::CountryCode;

use crate::config::{PeerSection, default_tls_name};
use crate::pki::{FederationCa, InitOptions, PkiError, init_node, write_agreement, write_config};
use crate::policy::{AgreementFile, open_agreement};
use crate::server::Listeners;

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

/// The agreement generated federations start with: [`open_agreement`].
pub fn open_agreements(holder: CountryCode, peer: CountryCode) -> Option<AgreementFile> {
    Some(open_agreement(holder, peer))
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
            },
            &ca,
        )?;
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
            let agreement_file = match agreements(holder, other.country) {
                None => None,
                Some(agreement) => {
                    let relative = PathBuf::from(format!(
                        "agreements/{}.toml",
                        other.country.as_str().to_ascii_lowercase()
                    ));
                    write_agreement(&created[i].dir.join(&relative), &agreement)?;
                    Some(relative)
                }
            };
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
