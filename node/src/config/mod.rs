//! The node's TOML configuration: parsed with serde, then validated and
//! resolved (keys and certificates read) before anything binds a port. Every
//! error names the file, the key and what is wrong with it.
//!
//! Private key files (`node.signing_key`, `tls.key`) are refused when anyone
//! but the node could read them; [`private_key_exposure`] holds the rule.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use ed25519_dalek::VerifyingKey;
use liaison_proto::domain::{Category, CountryCode};
use liaison_proto::envelope::{SigningIdentity, key_id};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::policy::{Agreement, AgreementFile};

/// A configuration that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: `{key}`: {problem}")]
pub struct ConfigError {
    pub file: PathBuf,
    /// Dotted path of the offending key, e.g. `peers[1].endpoint`.
    pub key: String,
    pub problem: String,
}

/// The configuration file as written, before validation.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub node: NodeSection,
    pub tls: TlsSection,
    #[serde(default)]
    pub peers: Vec<PeerSection>,
    #[serde(default)]
    pub agencies: Vec<AgencySection>,
    #[serde(default)]
    pub users: Vec<UserSection>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeSection {
    /// ISO 3166-1 alpha-3 code of this node's country.
    pub country: String,
    /// Where peers reach this node (mutual TLS).
    pub federation_listen: String,
    /// Where local users (focal points, agencies) reach this node. Must be a
    /// loopback address: the local API has no TLS of its own yet.
    pub local_listen: String,
    /// Where Prometheus scrapes `GET /metrics` (plain HTTP, no personal
    /// data); no metrics listener if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metrics_listen: Option<String>,
    /// Directory of the node's store; relative paths are relative to the
    /// configuration file.
    pub data_dir: PathBuf,
    /// PKCS#8 PEM file of the node's Ed25519 signing key (the v1 form
    /// `keygen` and OpenSSL write, or the v2 form of earlier versions).
    /// Only the node's user may be able to read it: see
    /// [`private_key_exposure`].
    pub signing_key: PathBuf,
    /// Public keys (base64) this node signed with before its current one:
    /// its own older signatures (tree heads) stay verifiable, and `GetKeys`
    /// still lists them, until peers have moved on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_signing_keys: Vec<String>,
    /// How often to witness the peers' audit logs, in seconds.
    #[serde(default = "default_witness_interval")]
    pub witness_interval_secs: u64,
    /// The clock difference tolerated between this node and its peers, in
    /// seconds: how far in the future an envelope's timestamp may be, and
    /// how long after a request's deadline an answer made by then is still
    /// accepted. Nodes are expected to keep time with NTP.
    #[serde(default = "default_clock_skew")]
    pub max_clock_skew_secs: u64,
    /// How old an envelope may be when it is first delivered, in seconds.
    /// Older ones are refused as stale (a retry of one already delivered
    /// still gets its original receipt).
    #[serde(default = "default_message_age")]
    pub max_message_age_secs: u64,
    /// Envelopes a peer may deliver per second, sustained...
    #[serde(default = "default_peer_rate")]
    pub peer_rate_per_sec: u32,
    /// ...and in a burst.
    #[serde(default = "default_peer_burst")]
    pub peer_burst: u32,
    /// Federation calls a peer may have in flight at once.
    #[serde(default = "default_peer_concurrency")]
    pub peer_concurrency: u32,
    /// Days a request's personal data is kept once it is final when no
    /// released answer sets the period (refused, expired, withdrawn). A
    /// released answer's own retention period, set by the answering
    /// country's agreement, applies on both sides.
    #[serde(default = "default_retention_days")]
    pub retention_days: u32,
}

fn default_retention_days() -> u32 {
    365
}

fn default_peer_rate() -> u32 {
    200
}

fn default_peer_burst() -> u32 {
    400
}

fn default_peer_concurrency() -> u32 {
    64
}

fn default_clock_skew() -> u64 {
    5
}

fn default_message_age() -> u64 {
    30 * 24 * 3600
}

fn default_witness_interval() -> u64 {
    60
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TlsSection {
    /// PEM certificate naming this node (subject alternative name `tls_name`).
    pub cert: PathBuf,
    /// PEM private key of that certificate, held to the same file
    /// permissions as the signing key.
    pub key: PathBuf,
    /// PEM certificate of the federation CA that issued every node's
    /// certificate.
    pub ca: PathBuf,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeerSection {
    pub country: String,
    /// `https://host:port` of the peer's federation listener.
    pub endpoint: String,
    /// The DNS name in the peer's certificate; defaults to
    /// `<country in lower case>.liaison`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_name: Option<String>,
    /// The peer's Ed25519 public keys, base64 of the raw 32 bytes. During a
    /// rotation both the old and the new key are listed.
    pub signing_keys: Vec<String>,
    /// Keys the peer no longer uses: envelopes signed with them are refused
    /// as revoked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revoked_keys: Vec<String>,
    /// The sharing agreement with this peer, in a TOML file (relative to
    /// this file)...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement_file: Option<PathBuf>,
    /// ...or inline. Without either, nothing flows to or from this peer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<AgreementFile>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencySection {
    pub name: String,
    /// The request categories routed to this agency.
    pub categories: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSection {
    pub name: String,
    /// `focal_point`, `agency:<name>`, `auditor` or `admin`.
    pub role: String,
    /// Hex SHA-256 of the user's bearer token.
    pub token_sha256: String,
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

/// A local user: a name for the audit trail and a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalUser {
    pub name: String,
    pub role: Role,
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
    pub peers: BTreeMap<CountryCode, Peer>,
    pub agencies: Vec<Agency>,
    /// Local users by SHA-256 of their token.
    pub users: HashMap<[u8; 32], LocalUser>,
    /// How often the node witnesses its peers' audit logs.
    pub witness_interval: std::time::Duration,
    pub max_clock_skew: std::time::Duration,
    pub max_message_age: std::time::Duration,
    pub peer_rate_per_sec: u32,
    pub peer_burst: u32,
    pub peer_concurrency: u32,
    /// Days personal data is kept when no released answer says otherwise.
    pub retention_days: u32,
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
        if !local_listen.ip().is_loopback() {
            return Err(v.error(
                "node.local_listen",
                format!("{local_listen} is not a loopback address; the local API has no TLS and must stay on this machine"),
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
            agencies.push(Agency {
                name: a.name.clone(),
                categories,
            });
        }

        let mut users = HashMap::new();
        let mut names = BTreeSet::new();
        for (i, u) in file.users.iter().enumerate() {
            let at = |k: &str| format!("users[{i}].{k}");
            if u.name.is_empty()
                || u.name.len() > 64
                || !u
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.@".contains(&b))
            {
                return Err(v.error(&at("name"), "must be 1 to 64 letters, digits or - _ . @"));
            }
            if !names.insert(u.name.clone()) {
                return Err(v.error(&at("name"), format!("user `{}` is listed twice", u.name)));
            }
            let role = parse_role(&u.role).map_err(|problem| v.error(&at("role"), problem))?;
            if let Role::Agency(name) = &role
                && !agencies.iter().any(|a| &a.name == name)
            {
                return Err(v.error(
                    &at("role"),
                    format!("agency `{name}` is not listed under [[agencies]]"),
                ));
            }
            let hash: [u8; 32] = hex::decode(&u.token_sha256)
                .ok()
                .and_then(|h| h.try_into().ok())
                .ok_or_else(|| {
                    v.error(
                        &at("token_sha256"),
                        "must be 64 hex digits (SHA-256 of the token)",
                    )
                })?;
            if users
                .insert(
                    hash,
                    LocalUser {
                        name: u.name.clone(),
                        role,
                    },
                )
                .is_some()
            {
                return Err(v.error(&at("token_sha256"), "the same token is given to two users"));
            }
        }

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
                "node.peer_rate_per_sec",
                file.node.peer_rate_per_sec,
                1_000_000,
            ),
            ("node.peer_burst", file.node.peer_burst, 1_000_000),
            ("node.peer_concurrency", file.node.peer_concurrency, 10_000),
        ] {
            if !(1..=max).contains(&value) {
                return Err(v.error(key, format!("must be between 1 and {max}")));
            }
        }
        Ok(Config {
            peer_rate_per_sec: file.node.peer_rate_per_sec,
            peer_burst: file.node.peer_burst,
            peer_concurrency: file.node.peer_concurrency,
            retention_days: file.node.retention_days,
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
            peers,
            agencies,
            users,
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

/// Why a private key file at `path` with permission bits `mode`, owned by
/// user id `owner`, must not be used by a node running as user id
/// `node_user`; `None` if it may be.
///
/// The rule is PostgreSQL's for its server key (`be-secure-common.c`):
///
/// - a file the node's own user owns must be 0600 or stricter, as OpenSSH
///   requires of private keys: nobody else can read it;
/// - a file root owns (the node not running as root) may also be readable,
///   and nothing more, by its group: 0640 or stricter. This is how a node
///   not running as root reads a key root provisioned for it: a Kubernetes
///   Secret mounted with `fsGroup` (the kubelet always adds group read, so
///   such files are 0440 whatever `defaultMode` says; see deploy/README.md)
///   or a key shared through a group such as Debian's `ssl-cert`;
/// - a file anyone else owns is refused: its owner could replace the key.
///
/// Bits for others are never allowed. Each refusal names the file, its mode
/// and the command that fixes it.
pub fn private_key_exposure(path: &Path, mode: u32, owner: u32, node_user: u32) -> Option<String> {
    const GROUP: u32 = 0o070;
    const GROUP_READ: u32 = 0o040;
    const OTHERS: u32 = 0o007;
    let file = path.display();
    let permissions = mode & 0o777;
    let access = |bits: u32| {
        if bits & 0o444 != 0 {
            "readable"
        } else {
            "writable or executable"
        }
    };
    if owner == node_user {
        let open = permissions & (GROUP | OTHERS);
        (open != 0).then(|| {
            format!(
                "`{file}` is {} by group or others (mode {permissions:04o}); run `chmod 600 {file}`",
                access(open)
            )
        })
    } else if owner == 0 {
        let mut wrong = Vec::new();
        if permissions & OTHERS != 0 {
            wrong.push(format!("{} by others", access(permissions & OTHERS)));
        }
        if permissions & GROUP & !GROUP_READ != 0 {
            wrong.push("writable or executable by its group".to_string());
        }
        (!wrong.is_empty()).then(|| {
            format!(
                "`{file}` is owned by root and {} (mode {permissions:04o}); a key root owns may \
                 be readable by its group, no more: run `chmod 640 {file}`",
                wrong.join(" and ")
            )
        })
    } else {
        Some(format!(
            "`{file}` is owned by user id {owner}, neither the node's user (id {node_user}) \
             nor root, and that user could replace the key; run `chown {node_user} {file}` \
             and `chmod 600 {file}`"
        ))
    }
}

/// Reads a PKCS#8 PEM Ed25519 signing key: the v1 form Liaison and OpenSSL
/// write, or the v2 form earlier Liaison versions wrote (whose attached
/// public key must then match the seed).
pub fn decode_signing_key(pem: &str) -> Result<ed25519_dalek::SigningKey, String> {
    use ed25519_dalek::pkcs8::DecodePrivateKey as _;
    ed25519_dalek::SigningKey::from_pkcs8_pem(pem).map_err(|e| e.to_string())
}

/// Parses base64 of a raw 32-byte Ed25519 public key.
pub fn parse_public_key(encoded: &str) -> Result<VerifyingKey, String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .map_err(|e| format!("not base64: {e}"))?;
    liaison_proto::envelope::verifying_key(&bytes).map_err(|e| e.to_string())
}

/// Base64 of a raw public key, as configuration files carry it.
pub fn encode_public_key(key: &VerifyingKey) -> String {
    base64::engine::general_purpose::STANDARD.encode(key.as_bytes())
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
fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, ConfigError> {
    let line_of = |span: Option<std::ops::Range<usize>>| {
        span.map(|span| text[..span.start.min(text.len())].lines().count().max(1))
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
        let at = e.path().to_string();
        let inner = e.into_inner();
        let message = inner.message();
        // serde names a missing or unknown field only in its message.
        let field = ["missing field `", "unknown field `"]
            .iter()
            .find_map(|p| message.split(p).nth(1))
            .and_then(|rest| rest.split('`').next());
        let key = match (at.as_str(), field) {
            (".", Some(field)) => field.to_string(),
            (".", None) => "(syntax)".to_string(),
            (at, Some(field)) if message.starts_with("missing") => format!("{at}.{field}"),
            (at, _) => at.to_string(),
        };
        error(key, message, line_of(inner.span()))
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    const NODE: u32 = 10001;
    const ROOT: u32 = 0;

    fn exposure(mode: u32, owner: u32, node_user: u32) -> Option<String> {
        private_key_exposure(
            Path::new("/etc/liaison/signing-key.pem"),
            mode,
            owner,
            node_user,
        )
    }

    #[test]
    fn a_key_the_node_owns_must_be_0600_or_stricter() {
        for mode in [0o600, 0o400, 0o200, 0o000, 0o100600] {
            assert_eq!(exposure(mode, NODE, NODE), None, "{mode:o}");
        }
        assert_eq!(
            exposure(0o100644, NODE, NODE).as_deref(),
            Some(
                "`/etc/liaison/signing-key.pem` is readable by group or others (mode 0644); \
                 run `chmod 600 /etc/liaison/signing-key.pem`"
            )
        );
        for mode in [0o640, 0o604, 0o660, 0o440, 0o444, 0o700 | 0o004] {
            let problem = exposure(mode, NODE, NODE).unwrap();
            assert!(problem.contains("readable by group or others"), "{problem}");
            assert!(
                problem.contains(&format!("mode {:04o}", mode & 0o777)),
                "{problem}"
            );
        }
        for mode in [0o620, 0o602, 0o610, 0o601] {
            let problem = exposure(mode, NODE, NODE).unwrap();
            assert!(
                problem.contains("writable or executable by group or others"),
                "{problem}"
            );
        }
    }

    #[test]
    fn a_node_running_as_root_holds_its_own_keys_to_0600() {
        assert_eq!(exposure(0o600, ROOT, ROOT), None);
        let problem = exposure(0o440, ROOT, ROOT).unwrap();
        assert!(problem.contains("chmod 600"), "{problem}");
    }

    #[test]
    fn a_key_root_owns_may_be_read_by_its_group_and_nothing_more() {
        // A Kubernetes Secret mounted with fsGroup: root-owned, 0440.
        for mode in [0o440, 0o640, 0o600, 0o400] {
            assert_eq!(exposure(mode, ROOT, NODE), None, "{mode:o}");
        }
        let problem = exposure(0o644, ROOT, NODE).unwrap();
        assert_eq!(
            problem,
            "`/etc/liaison/signing-key.pem` is owned by root and readable by others (mode 0644); \
             a key root owns may be readable by its group, no more: \
             run `chmod 640 /etc/liaison/signing-key.pem`"
        );
        let problem = exposure(0o660, ROOT, NODE).unwrap();
        assert!(
            problem.contains("writable or executable by its group"),
            "{problem}"
        );
        assert!(!problem.contains("others"), "{problem}");
        let problem = exposure(0o464, ROOT, NODE).unwrap();
        assert!(
            problem.contains("readable by others and writable or executable by its group"),
            "{problem}"
        );
        let problem = exposure(0o442, ROOT, NODE).unwrap();
        assert!(
            problem.contains("writable or executable by others"),
            "{problem}"
        );
    }

    #[test]
    fn a_key_someone_else_owns_is_refused() {
        for mode in [0o600, 0o440, 0o400] {
            let problem = exposure(mode, 1000, NODE).unwrap();
            assert!(problem.contains("owned by user id 1000"), "{problem}");
            assert!(
                problem.contains("chown 10001 /etc/liaison/signing-key.pem"),
                "{problem}"
            );
        }
    }
}
