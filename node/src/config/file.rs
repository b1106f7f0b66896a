//! The configuration file as written ([`ConfigFile`] and its sections, with
//! their defaults), as serde reads it, before validation.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::policy::AgreementFile;

/// The configuration file as written, before validation.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub node: NodeSection,
    pub tls: TlsSection,
    /// TLS on the local API, required when `node.local_listen` is not a
    /// loopback address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_tls: Option<LocalTlsSection>,
    #[serde(default)]
    pub peers: Vec<PeerSection>,
    #[serde(default)]
    pub agencies: Vec<AgencySection>,
    #[serde(default)]
    pub users: Vec<UserSection>,
    /// Lockout after failed authentications on the local API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_auth: Option<LocalAuthSection>,
    /// The web console; none if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub console: Option<ConsoleSection>,
}

/// `[console]`: the web console for people with personal accounts.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsoleSection {
    /// Where browsers reach the console.
    pub listen: String,
    /// PEM certificate chain and key of the console's HTTPS. Without them
    /// the console serves plain HTTP, which only a loopback address may.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cert: Option<PathBuf>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<PathBuf>,
    /// Minutes a session may go unused.
    #[serde(default = "default_idle_minutes")]
    pub idle_minutes: u32,
    /// Hours a session lasts at most.
    #[serde(default = "default_absolute_hours")]
    pub absolute_hours: u32,
    /// Failed sign-ins in a row that lock a person out...
    #[serde(default = "default_max_failed_logins")]
    pub max_failed_logins: u32,
    /// ...for this many minutes.
    #[serde(default = "default_lockout_minutes")]
    pub lockout_minutes: u32,
    /// Roles that must sign in with a second factor: `focal_point`,
    /// `agency` (every agency) or `agency:NAME`, `auditor`, `admin`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub require_totp: Vec<String>,
}

fn default_idle_minutes() -> u32 {
    30
}

fn default_absolute_hours() -> u32 {
    12
}

fn default_max_failed_logins() -> u32 {
    5
}

fn default_lockout_minutes() -> u32 {
    15
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeSection {
    /// ISO 3166-1 alpha-3 code of this node's country.
    pub country: String,
    /// Where peers reach this node (mutual TLS).
    pub federation_listen: String,
    /// Where local users (focal points, agencies, auditors, operators and
    /// their systems) reach this node. A loopback address serves plain
    /// HTTP/2 unless `[local_tls]` is set; any other address needs
    /// `[local_tls]`.
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
    /// The key-encryption key that wraps the data keys personal data is
    /// encrypted with (see `docs/encryption.md`): a file only the node's
    /// user can read, outside the data directory. Default: `node.kek`
    /// beside this file, created at the first start of a store that holds
    /// no data key yet. A path starting with `${CREDENTIALS_DIRECTORY}/`
    /// names a systemd credential (`LoadCredential=`), never created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kek_file: Option<String>,
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
    /// The most subjects a request may carry, sent or received (at most 50,
    /// the protocol's limit).
    #[serde(default = "default_max_subjects")]
    pub max_subjects: u32,
    /// The largest evidence file this node takes, sent or received, in MiB
    /// (default 2048: 2 GiB). Agreements may set a lower limit per
    /// category.
    #[serde(default = "default_evidence_max_file_mib")]
    pub evidence_max_file_mib: u32,
    /// How long a hit/no-hit epoch lasts, in days (default 7): its keys
    /// and published sets are replaced then, and whenever a list changes.
    #[serde(default = "default_hit_epoch_days")]
    pub hit_epoch_days: u32,
    /// How long a hit is kept for a follow-up request, in days (default
    /// 30); then it is erased with its key.
    #[serde(default = "default_hit_retention_days")]
    pub hit_retention_days: u32,
    /// Free space, in MiB, kept on the data directory's disk (default
    /// 256): below it, new work is refused with RESOURCE_EXHAUSTED while
    /// reads, the audit API, deliveries' outcomes and purges go on
    /// (docs/reliability.md). 0: refuse only once the disk is full.
    #[serde(default = "default_storage_reserve_mib")]
    pub storage_reserve_mib: u32,
    /// The most envelopes queued for one peer (default 10000): beyond it,
    /// new requests to that peer are refused with RESOURCE_EXHAUSTED until
    /// the queue drains.
    #[serde(default = "default_outbox_per_peer")]
    pub outbox_per_peer: u32,
    /// The longest wait between two attempts to deliver to a peer, in
    /// seconds (default 60): how soon, at worst, a queue starts draining
    /// once its peer is reachable again.
    #[serde(default = "default_delivery_retry_max")]
    pub delivery_retry_max_secs: u32,
    /// The non-punishment provision this country cites in a request about
    /// a possible victim when the focal point names none, e.g.
    /// `{ provision = "ACTIP_ART_14_7" }`, or `{ provision = "NATIONAL_LAW",
    /// reference = "<statute, section>" }`. Absent: the focal point must
    /// name one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_punishment: Option<NonPunishmentSection>,
    /// TOML file of this country's national offences and the ICCS codes
    /// each covers (relative to this file); see `config/offences.rs`. The
    /// node computes its dual-criminality indication from it. None: every
    /// indication is NOT_ESTABLISHED.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_offences: Option<PathBuf>,
}

/// `[node] non_punishment`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonPunishmentSection {
    pub provision: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
}

fn default_retention_days() -> u32 {
    365
}

fn default_max_subjects() -> u32 {
    50
}

fn default_evidence_max_file_mib() -> u32 {
    2048
}

fn default_hit_epoch_days() -> u32 {
    7
}

fn default_hit_retention_days() -> u32 {
    30
}

fn default_storage_reserve_mib() -> u32 {
    256
}

fn default_outbox_per_peer() -> u32 {
    10_000
}

fn default_delivery_retry_max() -> u32 {
    60
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

/// The local API's own certificate, issued by a CA of this country's
/// choosing (`liaison-node init` creates a local CA, separate from the
/// federation CA). Served with TLS 1.3 only.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalTlsSection {
    /// PEM certificate chain of the local API (the names users connect to).
    pub cert: PathBuf,
    /// PEM private key of that certificate, held to the same file
    /// permissions as the signing key.
    pub key: PathBuf,
    /// PEM certificate of the CA that issues client certificates to agency
    /// systems (usually the same local CA). With it, the local API asks
    /// every client for a certificate: one that does not verify ends the
    /// handshake; none at all leaves the caller to its bearer token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_ca: Option<PathBuf>,
    /// PEM certificate revocation lists of `client_ca`: a client
    /// certificate they list is refused, at the handshake and, after a
    /// reload, on every call of a connection already open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub client_crls: Vec<PathBuf>,
}

/// Lockout after failed authentications on the local API, per source
/// address and per user. Every field has a default.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalAuthSection {
    /// Failed authentications that lock a source address or a user out.
    #[serde(default = "default_max_failures")]
    pub max_failures: u32,
    /// The window those failures are counted in, in seconds.
    #[serde(default = "default_failure_window_secs")]
    pub failure_window_secs: u64,
    /// How long a lockout lasts, in seconds.
    #[serde(default = "default_lockout_secs")]
    pub lockout_secs: u64,
}

impl Default for LocalAuthSection {
    fn default() -> Self {
        LocalAuthSection {
            max_failures: default_max_failures(),
            failure_window_secs: default_failure_window_secs(),
            lockout_secs: default_lockout_secs(),
        }
    }
}

fn default_max_failures() -> u32 {
    10
}

fn default_failure_window_secs() -> u64 {
    300
}

fn default_lockout_secs() -> u64 {
    900
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
    /// The agency that protects victims: every request about a possible
    /// victim goes to it, whatever its category. At most one agency.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub victim_protection: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserSection {
    pub name: String,
    /// `focal_point`, `agency:<name>`, `auditor` or `admin`.
    pub role: String,
    /// Hex SHA-256 of the user's bearer token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_sha256: Option<String>,
    /// The subject of the client certificate (issued by
    /// `local_tls.client_ca`) of an agency system acting as this user, e.g.
    /// `CN=police-cms,O=Royal Thai Police`. A user with one must present
    /// that certificate on every call, with or without its token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_subject: Option<String>,
    /// A disabled user is refused on every call; its token and certificate
    /// stay configured, so enabling it again is one line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disabled: bool,
}
