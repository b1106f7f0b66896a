//! The node's TOML configuration: parsed with serde, then validated and
//! resolved (keys and certificates read) before anything binds a port. Every
//! error names the file, the key and what is wrong with it.
//!
//! Private key files (`node.signing_key`, `tls.key`) are refused when anyone
//! but the node could read them; [`private_key_exposure`] holds the rule.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use ed25519_dalek::VerifyingKey;
use liaison_proto::domain::{Category, CountryCode};
use liaison_proto::envelope::{SigningIdentity, key_id};
use liaison_proto::offences::{DualCriminality, OffenceMap};
use serde::de::DeserializeOwned;

use crate::policy::{Agreement, AgreementFile};

mod console;
mod file;
mod keys;
mod local;
mod offences;
#[cfg(test)]
mod tests;

pub use console::*;
pub use file::*;
pub use keys::*;
pub use local::*;
pub use offences::*;

/// A configuration that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: `{key}`: {problem}")]
pub struct ConfigError {
    pub file: PathBuf,
    /// Dotted path of the offending key, e.g. `peers[1].endpoint`.
    pub key: String,
    pub problem: String,
}

/// What a local user may do.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Role {
    FocalPoint,
    Agency(String),
    Auditor,
    Admin,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Role::FocalPoint => f.write_str("focal_point"),
            Role::Agency(name) => write!(f, "agency:{name}"),
            Role::Auditor => f.write_str("auditor"),
            Role::Admin => f.write_str("admin"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Peer {
    pub country: CountryCode,
    pub endpoint: String,
    pub tls_name: String,
    /// Signing keys by key id.
    pub keys: BTreeMap<String, VerifyingKey>,
    /// Ids of revoked keys.
    pub revoked: BTreeSet<String>,
    /// This node's copy of the sharing agreement; `None` denies everything.
    pub agreement: Option<Agreement>,
}

#[derive(Debug, Clone)]
pub struct Agency {
    pub name: String,
    pub categories: BTreeSet<Category>,
    /// Receives every request about a possible victim.
    pub victim_protection: bool,
}

/// TLS material, read from the files the configuration names.
#[derive(Clone)]
pub struct TlsMaterial {
    pub cert_pem: String,
    pub key_pem: String,
    pub ca_pem: String,
}

impl fmt::Debug for TlsMaterial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TlsMaterial(<certificates and key>)")
    }
}

/// A validated configuration with every file it names already read.
#[derive(Debug, Clone)]
pub struct Config {
    pub path: PathBuf,
    pub country: CountryCode,
    pub tls_name: String,
    pub federation_listen: SocketAddr,
    pub local_listen: SocketAddr,
    pub metrics_listen: Option<SocketAddr>,
    pub data_dir: PathBuf,
    pub signer: SigningIdentity,
    /// This node's earlier public keys, by key id.
    pub previous_keys: BTreeMap<String, VerifyingKey>,
    pub tls: TlsMaterial,
    /// TLS on the local API (`None`: plain HTTP/2, loopback only).
    pub local_tls: Option<LocalTls>,
    pub peers: BTreeMap<CountryCode, Peer>,
    pub agencies: Vec<Agency>,
    /// Local users, by token and by client certificate.
    pub accounts: Accounts,
    /// Lockout after failed authentications on the local API.
    pub local_auth: LocalAuth,
    /// How often the node witnesses its peers' audit logs.
    pub witness_interval: std::time::Duration,
    pub max_clock_skew: std::time::Duration,
    pub max_message_age: std::time::Duration,
    pub peer_rate_per_sec: u32,
    pub peer_burst: u32,
    pub peer_concurrency: u32,
    /// Days personal data is kept when no released answer says otherwise.
    pub retention_days: u32,
    /// Where the key-encryption key is read from.
    pub kek: crate::vault::KekSource,
    /// The most subjects a request may carry, sent or received.
    pub max_subjects: usize,
    /// The largest evidence file taken, sent or received, in bytes.
    pub evidence_max_file_bytes: u64,
    /// How long a hit/no-hit epoch lasts at most.
    pub hit_epoch: std::time::Duration,
    /// How long a hit is kept for its follow-up.
    pub hit_retention: std::time::Duration,
    /// Free space kept on the data directory's disk, in bytes.
    pub storage_reserve_bytes: u64,
    /// The most envelopes queued for one peer.
    pub outbox_per_peer: usize,
    /// The longest wait between two delivery attempts to a peer.
    pub delivery_retry_max: std::time::Duration,
    /// The non-punishment element of a request about a possible victim
    /// when the focal point gives none.
    pub non_punishment: Option<liaison_proto::domain::NonPunishment>,
    /// This country's national offences (`node.national_offences`), if
    /// configured.
    pub national_offences: Option<OffenceMap>,
    /// The web console (`[console]`), if configured.
    pub console: Option<Console>,
}

impl Config {
    /// Reads, parses and validates the configuration file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: path.to_path_buf(),
            key: "(file)".into(),
            problem: format!("cannot read: {e}"),
        })?;
        let file = parse(path, &text)?;
        Config::from_file(path, file)
    }

    /// Validates a parsed configuration; `path` locates relative file names.
    pub fn from_file(path: &Path, file: ConfigFile) -> Result<Config, ConfigError> {
        let v = Validator { path };
        let base = path.parent().unwrap_or(Path::new("."));
        let resolve = |p: &Path| base.join(p);

        let country: CountryCode = v.parse("node.country", &file.node.country)?;
        let federation_listen: SocketAddr =
            v.parse("node.federation_listen", &file.node.federation_listen)?;
        let local_listen: SocketAddr = v.parse("node.local_listen", &file.node.local_listen)?;
        let metrics_listen: Option<SocketAddr> = file
            .node
            .metrics_listen
            .as_deref()
            .map(|text| v.parse("node.metrics_listen", text))
            .transpose()?;
        let local_tls = file
            .local_tls
            .as_ref()
            .map(|section| v.local_tls(section, base))
            .transpose()?;
        if local_tls.is_none() && !local_listen.ip().is_loopback() {
            return Err(v.error(
                "node.local_listen",
                format!(
                    "{local_listen} is not a loopback address, and without [local_tls] the local \
                     API would serve it in plain text: add a [local_tls] section with the cert and \
                     key of the local API (`liaison-node init` writes them), or listen on 127.0.0.1"
                ),
            ));
        }
        let signing_pem =
            v.read_private_key("node.signing_key", &resolve(&file.node.signing_key))?;
        let signing_key = decode_signing_key(&signing_pem).map_err(|e| {
            v.error(
                "node.signing_key",
                format!("not a PKCS#8 PEM Ed25519 key: {e}"),
            )
        })?;
        let kek = v.kek_source(file.node.kek_file.as_deref(), base)?;
        let mut previous_keys = BTreeMap::new();
        for (j, encoded) in file.node.previous_signing_keys.iter().enumerate() {
            let key = parse_public_key(encoded)
                .map_err(|problem| v.error(&format!("node.previous_signing_keys[{j}]"), problem))?;
            previous_keys.insert(key_id(&key), key);
        }
        let tls = TlsMaterial {
            cert_pem: v.read_pem("tls.cert", &resolve(&file.tls.cert), "CERTIFICATE")?,
            key_pem: v.read_private_pem("tls.key", &resolve(&file.tls.key))?,
            ca_pem: v.read_pem("tls.ca", &resolve(&file.tls.ca), "CERTIFICATE")?,
        };

        let mut peers = BTreeMap::new();
        for (i, p) in file.peers.iter().enumerate() {
            let at = |k: &str| format!("peers[{i}].{k}");
            let peer_country: CountryCode = v.parse(&at("country"), &p.country)?;
            if peer_country == country {
                return Err(v.error(&at("country"), "a node cannot be its own peer"));
            }
            if peers.contains_key(&peer_country) {
                return Err(v.error(&at("country"), format!("{peer_country} is listed twice")));
            }
            let endpoint_ok = p
                .endpoint
                .strip_prefix("https://")
                .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
                && p.endpoint.parse::<tonic::transport::Uri>().is_ok();
            if !endpoint_ok {
                return Err(v.error(
                    &at("endpoint"),
                    format!("`{}` is not an https://host:port URL", p.endpoint),
                ));
            }
            let tls_name = p
                .tls_name
                .clone()
                .unwrap_or_else(|| default_tls_name(peer_country));
            v.dns_name(&at("tls_name"), &tls_name)?;
            if p.signing_keys.is_empty() {
                return Err(v.error(&at("signing_keys"), "at least one public key is required"));
            }
            let mut keys = BTreeMap::new();
            for (j, encoded) in p.signing_keys.iter().enumerate() {
                let key = parse_public_key(encoded)
                    .map_err(|problem| v.error(&at(&format!("signing_keys[{j}]")), problem))?;
                keys.insert(key_id(&key), key);
            }
            let mut revoked = BTreeSet::new();
            for (j, encoded) in p.revoked_keys.iter().enumerate() {
                let key = parse_public_key(encoded)
                    .map_err(|problem| v.error(&at(&format!("revoked_keys[{j}]")), problem))?;
                if keys.contains_key(&key_id(&key)) {
                    return Err(v.error(
                        &at(&format!("revoked_keys[{j}]")),
                        "this key is also listed under signing_keys",
                    ));
                }
                revoked.insert(key_id(&key));
            }
            let agreement = match (&p.agreement_file, &p.agreement) {
                (Some(_), Some(_)) => {
                    return Err(v.error(
                        &at("agreement"),
                        "give the agreement inline or as agreement_file, not both",
                    ));
                }
                (None, None) => None,
                (None, Some(inline)) => Some(
                    Agreement::from_file(country, peer_country, inline).map_err(|e| {
                        v.error(
                            &at(&format!("agreement.{}", e.key)),
                            format!("agreement with {peer_country}: {}", e.problem),
                        )
                    })?,
                ),
                (Some(file), None) => {
                    let file_path = resolve(file);
                    let text = v.read(&at("agreement_file"), &file_path)?;
                    let parsed: AgreementFile = parse(&file_path, &text)?;
                    Some(
                        Agreement::from_file(country, peer_country, &parsed).map_err(|e| {
                            ConfigError {
                                file: file_path.clone(),
                                key: e.key,
                                problem: format!("agreement with {peer_country}: {}", e.problem),
                            }
                        })?,
                    )
                }
            };
            peers.insert(
                peer_country,
                Peer {
                    country: peer_country,
                    endpoint: p.endpoint.clone(),
                    tls_name,
                    keys,
                    revoked,
                    agreement,
                },
            );
        }

        let mut agencies: Vec<Agency> = Vec::new();
        let mut routed: BTreeMap<Category, String> = BTreeMap::new();
        for (i, a) in file.agencies.iter().enumerate() {
            let at = |k: &str| format!("agencies[{i}].{k}");
            v.agency_name(&at("name"), &a.name)?;
            if agencies.iter().any(|o| o.name == a.name) {
                return Err(v.error(&at("name"), format!("agency `{}` is listed twice", a.name)));
            }
            let mut categories = BTreeSet::new();
            for (j, c) in a.categories.iter().enumerate() {
                let category: Category = v.parse(&at(&format!("categories[{j}]")), c)?;
                if let Some(other) = routed.insert(category, a.name.clone()) {
                    return Err(v.error(
                        &at(&format!("categories[{j}]")),
                        format!("{category} is already routed to agency `{other}`; each category goes to one agency"),
                    ));
                }
                categories.insert(category);
            }
            if a.victim_protection
                && let Some(other) = agencies.iter().find(|o| o.victim_protection)
            {
                return Err(v.error(
                    &at("victim_protection"),
                    format!(
                        "agency `{}` already protects victims; requests about a possible victim \
                         go to one agency",
                        other.name
                    ),
                ));
            }
            agencies.push(Agency {
                victim_protection: a.victim_protection,
                name: a.name.clone(),
                categories,
            });
        }

        let accounts = v.accounts(
            &file.users,
            &agencies,
            local_tls
                .as_ref()
                .is_some_and(|t| t.client_verifier.is_some()),
        )?;
        let local_auth = v.local_auth(file.local_auth.as_ref())?;
        let console = file
            .console
            .as_ref()
            .map(|section| v.console(section, base))
            .transpose()?;

        if !(1..=86_400).contains(&file.node.witness_interval_secs) {
            return Err(v.error(
                "node.witness_interval_secs",
                "must be between 1 and 86400 seconds",
            ));
        }
        if !(1..=300).contains(&file.node.max_clock_skew_secs) {
            return Err(v.error(
                "node.max_clock_skew_secs",
                "must be between 1 and 300 seconds (nodes keep time with NTP)",
            ));
        }
        if !(60..=365 * 24 * 3600).contains(&file.node.max_message_age_secs) {
            return Err(v.error(
                "node.max_message_age_secs",
                "must be between 60 seconds and a year",
            ));
        }
        for (key, value, max) in [
            ("node.retention_days", file.node.retention_days, 3650),
            (
                "node.max_subjects",
                file.node.max_subjects,
                liaison_proto::domain::MAX_SUBJECTS as u32,
            ),
            (
                "node.evidence_max_file_mib",
                file.node.evidence_max_file_mib,
                1 << 20,
            ),
            (
                "node.peer_rate_per_sec",
                file.node.peer_rate_per_sec,
                1_000_000,
            ),
            ("node.peer_burst", file.node.peer_burst, 1_000_000),
            ("node.peer_concurrency", file.node.peer_concurrency, 10_000),
            ("node.hit_epoch_days", file.node.hit_epoch_days, 366),
            (
                "node.hit_retention_days",
                file.node.hit_retention_days,
                3650,
            ),
            (
                "node.outbox_per_peer",
                file.node.outbox_per_peer,
                10_000_000,
            ),
            (
                "node.delivery_retry_max_secs",
                file.node.delivery_retry_max_secs,
                3600,
            ),
        ] {
            if !(1..=max).contains(&value) {
                return Err(v.error(key, format!("must be between 1 and {max}")));
            }
        }
        if file.node.storage_reserve_mib > 1 << 20 {
            return Err(v.error(
                "node.storage_reserve_mib",
                "must be between 0 and 1048576 (1 TiB)",
            ));
        }
        let non_punishment = match &file.node.non_punishment {
            None => None,
            Some(section) => {
                liaison_proto::convert::non_punishment(Some(&liaison_proto::pb::NonPunishment {
                    provision: section.provision.clone(),
                    reference: section.reference.clone(),
                }))
                .map_err(|e| v.error(&format!("node.{}", e.field), e.problem))?
            }
        };
        let national_offences = file
            .node
            .national_offences
            .as_ref()
            .map(|p| v.national_offences("node.national_offences", &resolve(p)))
            .transpose()?;
        Ok(Config {
            non_punishment,
            national_offences,
            peer_rate_per_sec: file.node.peer_rate_per_sec,
            peer_burst: file.node.peer_burst,
            peer_concurrency: file.node.peer_concurrency,
            retention_days: file.node.retention_days,
            kek,
            max_subjects: file.node.max_subjects as usize,
            evidence_max_file_bytes: u64::from(file.node.evidence_max_file_mib) << 20,
            hit_epoch: std::time::Duration::from_secs(u64::from(file.node.hit_epoch_days) * 86_400),
            hit_retention: std::time::Duration::from_secs(
                u64::from(file.node.hit_retention_days) * 86_400,
            ),
            storage_reserve_bytes: u64::from(file.node.storage_reserve_mib) << 20,
            outbox_per_peer: file.node.outbox_per_peer as usize,
            delivery_retry_max: std::time::Duration::from_secs(u64::from(
                file.node.delivery_retry_max_secs,
            )),
            max_clock_skew: std::time::Duration::from_secs(file.node.max_clock_skew_secs),
            max_message_age: std::time::Duration::from_secs(file.node.max_message_age_secs),
            witness_interval: std::time::Duration::from_secs(file.node.witness_interval_secs),
            path: path.to_path_buf(),
            country,
            tls_name: default_tls_name(country),
            federation_listen,
            local_listen,
            metrics_listen,
            data_dir: resolve(&file.node.data_dir),
            signer: SigningIdentity::new(signing_key),
            previous_keys,
            tls,
            local_tls,
            peers,
            agencies,
            accounts,
            local_auth,
            console,
        })
    }

    /// Every public key this node has signed with: current first.
    pub fn own_keys(&self) -> Vec<VerifyingKey> {
        let mut keys = vec![self.signer.verifying_key()];
        keys.extend(self.previous_keys.values().copied());
        keys
    }

    /// This node's copy of its agreement with `peer`, if it has one.
    pub fn agreement_with(&self, peer: CountryCode) -> Option<&Agreement> {
        self.peers.get(&peer).and_then(|p| p.agreement.as_ref())
    }

    /// The agency every request about a possible victim goes to, if the
    /// country named one.
    pub fn victim_protection_agency(&self) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.victim_protection)
    }

    /// This node's dual-criminality indication for a request naming the
    /// ICCS `codes`: from its national offences, or NOT_ESTABLISHED when it
    /// has none configured. Advice for the officer; a person decides.
    pub fn dual_criminality(
        &self,
        codes: &[liaison_proto::domain::OffenceCode],
    ) -> DualCriminality {
        match &self.national_offences {
            Some(map) => map.indicate(self.country.as_str(), codes),
            None => DualCriminality::without_mapping(self.country.as_str()),
        }
    }

    /// The agency a request category is routed to, if any.
    pub fn agency_for(&self, category: Category) -> Option<&Agency> {
        self.agencies
            .iter()
            .find(|a| a.categories.contains(&category))
    }
}

/// The DNS name a node's certificate carries: `<country in lower case>.liaison`.
pub fn default_tls_name(country: CountryCode) -> String {
    format!("{}.liaison", country.as_str().to_ascii_lowercase())
}

pub fn parse_role(text: &str) -> Result<Role, String> {
    match text {
        "focal_point" => Ok(Role::FocalPoint),
        "auditor" => Ok(Role::Auditor),
        "admin" => Ok(Role::Admin),
        other => match other.strip_prefix("agency:") {
            Some(name) if !name.is_empty() => Ok(Role::Agency(name.to_string())),
            _ => Err(format!(
                "`{other}` is not a role (expected focal_point, agency:<name>, auditor or admin)"
            )),
        },
    }
}

/// Parses the TOML text, naming the offending key on failure: serde's path
/// to the error (e.g. `peers[1].endpoint`), plus the field when one is
/// missing or unknown.
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, ConfigError> {
    // Counted in bytes, so that a span inside a character cannot panic.
    let line_of = |span: Option<std::ops::Range<usize>>| {
        span.map(|span| {
            let before = &text.as_bytes()[..span.start.min(text.len())];
            before.iter().filter(|b| **b == b'\n').count() + 1
        })
    };
    let error = |key: String, message: &str, line: Option<usize>| ConfigError {
        file: path.to_path_buf(),
        key,
        problem: match line {
            Some(line) => format!("{message} (line {line})"),
            None => message.to_string(),
        },
    };
    let deserializer = toml::Deserializer::parse(text)
        .map_err(|e| error("(syntax)".into(), e.message(), line_of(e.span())))?;
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let at = key_path(e.path());
        let inner = e.into_inner();
        let message = inner.message();
        // serde names a missing or unknown field only in its message.
        let field = ["missing field `", "unknown field `"]
            .iter()
            .find_map(|p| message.split(p).nth(1))
            .and_then(|rest| rest.split('`').next())
            .map(toml_key);
        let key = match (at.as_str(), field) {
            (".", Some(field)) => field,
            (".", None) => "(syntax)".to_string(),
            (at, Some(field)) if message.starts_with("missing") => format!("{at}.{field}"),
            (at, _) => at.to_string(),
        };
        error(key, message, line_of(inner.span()))
    })
}

/// A key as TOML writes it: bare if it can be, else quoted (the empty key
/// is `""`, never nothing).
fn toml_key(key: &str) -> String {
    let bare = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if !key.is_empty() && key.chars().all(bare) {
        key.to_string()
    } else {
        format!("{key:?}")
    }
}

/// The dotted path to a key (`peers[1].endpoint`), each key as TOML
/// writes it; `.` for the top level.
fn key_path(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&toml_key(key));
            }
            Segment::Unknown => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push('?');
            }
        }
    }
    if out.is_empty() { ".".to_string() } else { out }
}

struct Validator<'a> {
    path: &'a Path,
}

impl Validator<'_> {
    fn error(&self, key: &str, problem: impl Into<String>) -> ConfigError {
        ConfigError {
            file: self.path.to_path_buf(),
            key: key.to_string(),
            problem: problem.into(),
        }
    }

    fn parse<T>(&self, key: &str, text: &str) -> Result<T, ConfigError>
    where
        T: std::str::FromStr,
        T::Err: fmt::Display,
    {
        text.parse()
            .map_err(|e: T::Err| self.error(key, format!("`{text}`: {e}")))
    }

    fn read(&self, key: &str, file: &Path) -> Result<String, ConfigError> {
        std::fs::read_to_string(file)
            .map_err(|e| self.error(key, format!("cannot read {}: {e}", file.display())))
    }

    /// Reads a private key file, refusing it first if anyone but the node
    /// could read it. The permissions judged are those of the file opened,
    /// so they cannot change between the check and the read.
    /// `node.kek_file`: a path relative to the configuration file, or a
    /// systemd credential under `${CREDENTIALS_DIRECTORY}`.
    fn kek_source(
        &self,
        text: Option<&str>,
        base: &Path,
    ) -> Result<crate::vault::KekSource, ConfigError> {
        const CREDENTIALS: &str = "${CREDENTIALS_DIRECTORY}/";
        let Some(text) = text else {
            return Ok(crate::vault::KekSource {
                path: base.join("node.kek"),
                credential: false,
            });
        };
        if text.is_empty() {
            return Err(self.error("node.kek_file", "must not be empty"));
        }
        match text.strip_prefix(CREDENTIALS) {
            Some(name) => {
                if name.is_empty() || name.contains('/') {
                    return Err(self.error(
                        "node.kek_file",
                        "a credential is named `${CREDENTIALS_DIRECTORY}/NAME`, NAME without `/`",
                    ));
                }
                let dir = std::env::var_os("CREDENTIALS_DIRECTORY").ok_or_else(|| {
                    self.error(
                        "node.kek_file",
                        "names a systemd credential, but CREDENTIALS_DIRECTORY is not set: start                          the node from a unit with `LoadCredential=` (see deploy/README.md)",
                    )
                })?;
                Ok(crate::vault::KekSource {
                    path: Path::new(&dir).join(name),
                    credential: true,
                })
            }
            None if text.contains("${") => Err(self.error(
                "node.kek_file",
                "the only variable allowed is `${CREDENTIALS_DIRECTORY}`, at the start",
            )),
            None => Ok(crate::vault::KekSource {
                path: base.join(text),
                credential: false,
            }),
        }
    }

    fn read_private_key(&self, key: &str, file: &Path) -> Result<String, ConfigError> {
        use std::io::Read as _;
        let cannot_read =
            |e: std::io::Error| self.error(key, format!("cannot read {}: {e}", file.display()));
        let mut handle = std::fs::File::open(file).map_err(cannot_read)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let metadata = handle.metadata().map_err(cannot_read)?;
            let node_user = rustix::process::geteuid().as_raw();
            if let Some(problem) =
                private_key_exposure(file, metadata.mode(), metadata.uid(), node_user)
            {
                return Err(self.error(key, problem));
            }
        }
        let mut text = String::new();
        handle.read_to_string(&mut text).map_err(cannot_read)?;
        Ok(text)
    }

    fn read_pem(&self, key: &str, file: &Path, label: &str) -> Result<String, ConfigError> {
        let text = self.read(key, file)?;
        self.holds_pem(key, file, label, text)
    }

    /// A PEM private key of any algorithm (`PRIVATE KEY`, `EC PRIVATE KEY`,
    /// ...), from a file only the node can read.
    fn read_private_pem(&self, key: &str, file: &Path) -> Result<String, ConfigError> {
        let text = self.read_private_key(key, file)?;
        self.holds_pem(key, file, "PRIVATE KEY", text)
    }

    fn holds_pem(
        &self,
        key: &str,
        file: &Path,
        label: &str,
        text: String,
    ) -> Result<String, ConfigError> {
        if text.contains(&format!("-----BEGIN {label}-----"))
            || (label == "PRIVATE KEY" && text.contains("PRIVATE KEY-----"))
        {
            Ok(text)
        } else {
            Err(self.error(key, format!("{} holds no PEM {label}", file.display())))
        }
    }

    fn dns_name(&self, key: &str, name: &str) -> Result<(), ConfigError> {
        let ok = !name.is_empty()
            && name.len() <= 253
            && name.split('.').all(|label| {
                !label.is_empty()
                    && label.len() <= 63
                    && label
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            });
        if ok {
            Ok(())
        } else {
            Err(self.error(key, format!("`{name}` is not a DNS name")))
        }
    }

    fn agency_name(&self, key: &str, name: &str) -> Result<(), ConfigError> {
        let ok = (1..=64).contains(&name.len())
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if ok {
            Ok(())
        } else {
            Err(self.error(
                key,
                format!("`{name}` must be 1 to 64 characters a-z, 0-9 or -"),
            ))
        }
    }
}
