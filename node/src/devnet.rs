//! A federation of several nodes on this machine, with a fresh CA, keys and
//! configurations: what `liaison-node demo` runs and what the multi-node
//! tests start. Listeners are bound on loopback port 0 first, so every
//! configuration can name its peers' real addresses.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use liaison_proto::domain::CountryCode;

use crate::config::{PeerSection, default_tls_name};
use crate::pki::{FederationCa, InitOptions, PkiError, init_node, write_config};
use crate::server::Listeners;

/// One planned node: its files are written and its sockets bound, but it is
/// not started.
#[derive(Debug)]
pub struct PlannedNode {
    pub country: CountryCode,
    pub dir: PathBuf,
    pub config_path: PathBuf,
    /// Bearer tokens of the node's local users, by user name.
    pub tokens: BTreeMap<String, String>,
    /// Base64 of the node's public signing key.
    pub public_key: String,
    pub listeners: Listeners,
}

#[derive(Debug, thiserror::Error)]
pub enum DevnetError {
    #[error(transparent)]
    Pki(#[from] PkiError),
    #[error("cannot bind a loopback port: {0}")]
    Bind(#[from] std::io::Error),
}

/// Creates a CA under `root/ca` and one node per country under
/// `root/<country>`, each peered with all the others.
pub fn plan(root: &Path, countries: &[CountryCode]) -> Result<Vec<PlannedNode>, DevnetError> {
    let ca = FederationCa::load_or_create(&root.join("ca"))?;
    let mut planned = Vec::new();
    let mut outcomes = Vec::new();
    for &country in countries {
        let listeners = Listeners::loopback()?;
        let dir = root.join(country.as_str().to_ascii_lowercase());
        let outcome = init_node(
            &InitOptions {
                country,
                dir: dir.clone(),
                federation_listen: listeners.federation.local_addr()?.to_string(),
                local_listen: listeners.local.local_addr()?.to_string(),
            },
            &ca,
        )?;
        planned.push(PlannedNode {
            country,
            dir,
            config_path: outcome.config_path.clone(),
            tokens: outcome
                .tokens
                .iter()
                .map(|t| (t.user.clone(), t.token.clone()))
                .collect(),
            public_key: outcome.public_key.clone(),
            listeners,
        });
        outcomes.push(outcome);
    }
    for (i, outcome) in outcomes.iter_mut().enumerate() {
        for (j, other) in planned.iter().enumerate() {
            if i == j {
                continue;
            }
            outcome.config.peers.push(PeerSection {
                country: other.country.to_string(),
                endpoint: format!("https://{}", other.listeners.federation.local_addr()?),
                tls_name: Some(default_tls_name(other.country)),
                signing_keys: vec![other.public_key.clone()],
            });
        }
        write_config(&outcome.config_path, &outcome.config)?;
    }
    Ok(planned)
}
