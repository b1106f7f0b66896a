//! Key and certificate material: the federation CA, node TLS identities,
//! Ed25519 signing keys, local user tokens, and `liaison-node init`, which
//! writes everything a new node needs.
//!
//! Signing keys are written as PKCS#8 v1 PEM (RFC 8410 section 7), which
//! OpenSSL and Python's `cryptography` read; the PKCS#8 v2 form earlier
//! versions wrote is still read. Every private key and token is written
//! with [`write_secret`]: created with mode 0600, never widened later; the
//! directories holding them (a node's directory, its `tls/` and `tokens/`,
//! the CA's directory) are made with [`create_private_dir`], mode 0700.

pub mod local_ca;
pub mod local_tls;
pub mod tls;
pub mod worktree;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::spki::der::zeroize::Zeroizing;
use ed25519_dalek::pkcs8::{EncodePrivateKey, KeypairBytes};
use liaison_proto::domain::{Category, CountryCode};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use sha2::{Digest, Sha256};

use crate::config::{
    AgencySection, ConfigFile, ConsoleSection, LocalTlsSection, NodeSection, NonPunishmentSection,
    TlsSection, UserSection, default_tls_name, encode_public_key,
};
use crate::policy::AgreementFile;

#[derive(Debug, thiserror::Error)]
pub enum PkiError {
    #[error("{path}: {reason}")]
    Io { path: PathBuf, reason: String },
    #[error("certificate generation failed: {0}")]
    Certificate(#[from] rcgen::Error),
    #[error("{path}: {reason}")]
    BadMaterial { path: PathBuf, reason: String },
    #[error("no secure random numbers: {0}")]
    Random(String),
    #[error("cannot encode the signing key: {0}")]
    Encoding(String),
}

fn io_error(path: &Path, e: impl std::fmt::Display) -> PkiError {
    PkiError::Io {
        path: path.to_path_buf(),
        reason: e.to_string(),
    }
}

/// Fills `bytes` from the operating system's secure random source.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], PkiError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| PkiError::Random(e.to_string()))?;
    Ok(bytes)
}

pub fn generate_signing_key() -> Result<SigningKey, PkiError> {
    Ok(SigningKey::from_bytes(&random_bytes::<32>()?))
}

/// The signing key as PKCS#8 v1 PEM, the form of RFC 8410 section 7 that
/// `openssl genpkey -algorithm ed25519` writes: `-----BEGIN PRIVATE
/// KEY-----` around 48 bytes of DER holding the 32-byte seed and no public
/// key.
///
/// ed25519-dalek's own `to_pkcs8_pem` attaches the public key, which makes
/// the document a PKCS#8 v2 `OneAsymmetricKey` (RFC 5958, version 1 with a
/// `[1]` public key): valid, but OpenSSL 3.0 refuses it ("wrong tag",
/// `Field=attributes`) and so does Python's `cryptography` ("extra data").
pub fn encode_signing_key(key: &SigningKey) -> Result<Zeroizing<String>, PkiError> {
    KeypairBytes {
        secret_key: key.to_bytes(),
        public_key: None,
    }
    .to_pkcs8_pem(LineEnding::LF)
    .map_err(|e| PkiError::Encoding(e.to_string()))
}

/// Reading a signing key is the configuration's job; it is here too for
/// those who write keys.
pub use crate::config::decode_signing_key;

/// Writes `key` to `path` as [`encode_signing_key`] gives it, only its
/// owner able to read it.
pub fn write_signing_key(path: &Path, key: &SigningKey) -> Result<(), PkiError> {
    write_secret(path, &encode_signing_key(key)?)
}

/// A new bearer token for a local user, and the hex SHA-256 the node's
/// configuration stores instead of it.
pub fn generate_token() -> Result<(String, String), PkiError> {
    let token = format!("lsn_{}", hex::encode(random_bytes::<24>()?));
    let hash = hex::encode(Sha256::digest(token.as_bytes()));
    Ok((token, hash))
}

/// Writes a file only its owner can read (mode 0600), replacing any file
/// already there.
///
/// The contents go into a new file beside `path` that is created with mode
/// 0600 (never a wider mode narrowed afterwards), flushed to disk, then
/// renamed over `path`. So there is no moment at which the secret sits in a
/// file others can read, and an earlier file at `path`, whatever its mode
/// and whoever holds it open, never receives the new secret.
pub fn write_secret(path: &Path, contents: &str) -> Result<(), PkiError> {
    let parent = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".liaison-secret-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut file = builder.tempfile_in(parent).map_err(|e| io_error(path, e))?;
    file.write_all(contents.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .map_err(|e| io_error(path, e))?;
    file.persist(path).map_err(|e| io_error(path, e.error))?;
    Ok(())
}

/// Creates `dir` (and any missing parents) and makes it accessible to its
/// owner only (mode 0700), narrowing it if it already existed: for the
/// directories that hold private keys and tokens, so that nobody else can
/// list them or reach a file later left readable by mistake.
pub fn create_private_dir(dir: &Path) -> Result<(), PkiError> {
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        match std::fs::DirBuilder::new().mode(0o700).create(dir) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dir.is_dir() => {}
            Err(e) => return Err(io_error(dir, e)),
        }
        // Also undoes whatever the umask or an earlier owner left.
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(|e| {
            io_error(
                dir,
                format!("cannot make it accessible to its owner only: {e}"),
            )
        })
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))
    }
}

pub fn write_file(path: &Path, contents: &str) -> Result<(), PkiError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
    }
    std::fs::write(path, contents).map_err(|e| io_error(path, e))
}

/// A certificate authority. The federation's issues every node's TLS
/// certificate, and every node trusts it for mutual TLS; a country's local
/// CA ([`local_ca::LocalCa`]) is one too.
pub struct FederationCa {
    cert_pem: String,
    issuer: Issuer<'static, KeyPair>,
}

impl std::fmt::Debug for FederationCa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FederationCa(<certificate and key>)")
    }
}

const CA_CERT: &str = "ca.pem";
const CA_KEY: &str = "ca.key";

impl FederationCa {
    pub fn generate(name: &str) -> Result<Self, PkiError> {
        let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)?;
        let mut params = CertificateParams::new(Vec::<String>::new())?;
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        params.key_usages = vec![
            KeyUsagePurpose::KeyCertSign,
            KeyUsagePurpose::CrlSign,
            KeyUsagePurpose::DigitalSignature,
        ];
        params.not_before = rcgen::date_time_ymd(current_year(), 1, 1);
        params.not_after = rcgen::date_time_ymd(current_year() + 10, 1, 1);
        let cert = params.self_signed(&key)?;
        Ok(FederationCa {
            cert_pem: cert.pem(),
            issuer: Issuer::new(params, key),
        })
    }

    /// The private key file [`FederationCa::load_or_create`] would write
    /// in `dir`, or `None` when a CA is already there.
    pub fn key_to_create(dir: &Path) -> Option<PathBuf> {
        (!dir.join(CA_CERT).exists()).then(|| dir.join(CA_KEY))
    }

    /// Loads `ca.pem` and `ca.key` from `dir`, or creates them there (`dir`
    /// then accessible to its owner only).
    pub fn load_or_create(dir: &Path) -> Result<Self, PkiError> {
        FederationCa::load_or_create_named(dir, "Liaison federation CA")
    }

    /// [`FederationCa::load_or_create`], naming a new CA `name`.
    pub fn load_or_create_named(dir: &Path, name: &str) -> Result<Self, PkiError> {
        let cert_path = dir.join(CA_CERT);
        let key_path = dir.join(CA_KEY);
        if !cert_path.exists() {
            let ca = FederationCa::generate(name)?;
            create_private_dir(dir)?;
            write_file(&cert_path, &ca.cert_pem)?;
            write_secret(&key_path, &ca.issuer.key().serialize_pem())?;
            return Ok(ca);
        }
        FederationCa::load(dir)
    }

    /// Loads `ca.pem` and `ca.key` from `dir`; a missing file is an error.
    pub fn load(dir: &Path) -> Result<Self, PkiError> {
        let cert_path = dir.join(CA_CERT);
        let key_path = dir.join(CA_KEY);
        let cert_pem = std::fs::read_to_string(&cert_path).map_err(|e| io_error(&cert_path, e))?;
        let key_pem = std::fs::read_to_string(&key_path).map_err(|e| io_error(&key_path, e))?;
        let key = KeyPair::from_pem(&key_pem).map_err(|e| PkiError::BadMaterial {
            path: key_path.clone(),
            reason: e.to_string(),
        })?;
        let issuer =
            Issuer::from_ca_cert_pem(&cert_pem, key).map_err(|e| PkiError::BadMaterial {
                path: cert_path.clone(),
                reason: e.to_string(),
            })?;
        Ok(FederationCa { cert_pem, issuer })
    }

    pub fn cert_pem(&self) -> &str {
        &self.cert_pem
    }

    /// Issues a certificate for `dns_name`, valid for both server and client
    /// authentication. Returns the certificate and private key, in PEM.
    pub fn issue(&self, dns_name: &str) -> Result<(String, String), PkiError> {
        let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)?;
        let mut params = CertificateParams::new(vec![dns_name.to_string()])?;
        params.distinguished_name.push(DnType::CommonName, dns_name);
        params.extended_key_usages = vec![
            ExtendedKeyUsagePurpose::ServerAuth,
            ExtendedKeyUsagePurpose::ClientAuth,
        ];
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.not_before = rcgen::date_time_ymd(current_year(), 1, 1);
        params.not_after = rcgen::date_time_ymd(current_year() + 3, 1, 1);
        let cert = params.signed_by(&key, &self.issuer)?;
        Ok((cert.pem(), key.serialize_pem()))
    }
}

/// The current calendar year (UTC), close enough for certificate validity
/// bounds that start on January 1st.
fn current_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    // 31 556 952 seconds is the mean Gregorian year.
    1970 + (secs / 31_556_952) as i32
}

/// The agencies a generated configuration starts with, and what each handles.
pub const DEFAULT_AGENCIES: &[(&str, &[Category])] = &[
    (
        "police",
        &[
            Category::PersonCheck,
            Category::PhoneCheck,
            Category::EvidencePreservation,
            Category::CaseNotification,
        ],
    ),
    ("fiu", &[Category::WalletTrace, Category::CompanyCheck]),
    ("immigration", &[Category::VictimIdentification]),
];

/// The local users `init` creates, each with a token: their names and roles.
fn default_users() -> Vec<(String, String)> {
    let mut users: Vec<(String, String)> = vec![("focal-point".into(), "focal_point".into())];
    for (agency, _) in DEFAULT_AGENCIES {
        users.push((format!("{agency}-officer"), format!("agency:{agency}")));
    }
    users.push(("auditor".into(), "auditor".into()));
    users.push(("admin".into(), "admin".into()));
    users
}

/// Where `init` writes the token of local user `user` in the node's `dir`.
fn token_path(dir: &Path, user: &str) -> PathBuf {
    dir.join("tokens").join(format!("{user}.token"))
}

/// Every private file [`init_node`] writes for a node in `dir`: the signing
/// key, the TLS keys (federation and local API) and the users' tokens.
pub fn node_secret_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = vec![
        dir.join("signing-key.pem"),
        dir.join("node.kek"),
        dir.join("tls/node.key"),
        dir.join("local-tls/node.key"),
    ];
    files.extend(
        default_users()
            .iter()
            .map(|(user, _)| token_path(dir, user)),
    );
    files
}

/// What `init` needs to know about the new node.
#[derive(Debug, Clone)]
pub struct InitOptions {
    pub country: CountryCode,
    /// Where the node's files go.
    pub dir: PathBuf,
    pub federation_listen: String,
    pub local_listen: String,
    /// Where Prometheus scrapes the node, if anywhere.
    pub metrics_listen: Option<String>,
    /// Names (DNS or IP) users reach the local API by, besides its listen
    /// address, `localhost` and 127.0.0.1.
    pub local_names: Vec<String>,
    /// Serve the local API over TLS (`[local_tls]`) even on loopback; it
    /// always is off loopback.
    pub local_tls: bool,
    /// `[node] non_punishment`: what a request about a possible victim
    /// cites when the focal point names nothing.
    pub non_punishment: Option<NonPunishmentSection>,
    /// Where the web console listens, if the node serves one. Off
    /// loopback, or with `local_tls`, it serves HTTPS with the local API's
    /// certificate; on loopback, plain HTTP.
    pub console_listen: Option<String>,
}

/// Where a federation generated in `root` keeps the local CA of `country`:
/// beside the federation CA, with the keys that stay offline.
pub fn local_ca_dir(root: &Path, country: CountryCode) -> PathBuf {
    root.join("ca")
        .join(format!("local-{}", country.as_str().to_ascii_lowercase()))
}

/// A local user created by `init`, with the token handed to them.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    pub user: String,
    pub role: String,
    pub token: String,
    pub path: PathBuf,
}

/// What `init` wrote.
#[derive(Debug, Clone)]
pub struct InitOutcome {
    pub config_path: PathBuf,
    pub config: ConfigFile,
    /// Base64 of the node's public signing key, for its peers' configs.
    pub public_key: String,
    pub tokens: Vec<IssuedToken>,
}

/// Creates a node's signing key, TLS identity (issued by `ca`), local API
/// certificate (issued by `local_ca`, whose certificate also checks agency
/// systems' client certificates), local user tokens and a configuration
/// file with no peers yet. The node's directory, its `tls/`, `local-tls/`
/// and `tokens/` are made accessible to their owner only.
pub fn init_node(
    options: &InitOptions,
    ca: &FederationCa,
    local_ca: &local_ca::LocalCa,
) -> Result<InitOutcome, PkiError> {
    let dir = &options.dir;
    let config_path = dir.join("liaison.toml");
    if config_path.exists() {
        return Err(PkiError::Io {
            path: config_path,
            reason: "already exists; refusing to overwrite a node's keys".into(),
        });
    }
    for private in [
        dir.clone(),
        dir.join("tls"),
        dir.join("local-tls"),
        dir.join("tokens"),
    ] {
        create_private_dir(&private)?;
    }
    let signing_key = generate_signing_key()?;
    write_signing_key(&dir.join("signing-key.pem"), &signing_key)?;
    crate::vault::FileKek::random()
        .and_then(|kek| kek.write_new(&dir.join("node.kek")))
        .map_err(|reason| PkiError::Io {
            path: dir.join("node.kek"),
            reason,
        })?;
    write_file(
        &dir.join("signing-key.pub"),
        &format!("{}\n", encode_public_key(&signing_key.verifying_key())),
    )?;

    let (cert, key) = ca.issue(&default_tls_name(options.country))?;
    write_file(&dir.join("tls/node.pem"), &cert)?;
    write_secret(&dir.join("tls/node.key"), &key)?;
    write_file(&dir.join("tls/ca.pem"), ca.cert_pem())?;

    let local = local_ca.issue_server(&local_ca::server_names(
        &options.local_listen,
        &options.local_names,
    ))?;
    write_file(&dir.join("local-tls/node.pem"), &local.cert_pem)?;
    write_secret(&dir.join("local-tls/node.key"), &local.key_pem)?;
    write_file(&dir.join("local-tls/ca.pem"), local_ca.cert_pem())?;
    let loopback = options
        .local_listen
        .parse::<std::net::SocketAddr>()
        .is_ok_and(|a| a.ip().is_loopback());

    let mut users = Vec::new();
    let mut tokens = Vec::new();
    for (user, role) in default_users() {
        let (token, hash) = generate_token()?;
        let path = token_path(dir, &user);
        write_secret(&path, &token)?;
        users.push(UserSection {
            name: user.clone(),
            role: role.clone(),
            token_sha256: Some(hash),
            certificate_subject: None,
            disabled: false,
        });
        tokens.push(IssuedToken {
            user,
            role,
            token,
            path,
        });
    }

    let config = ConfigFile {
        node: NodeSection {
            metrics_listen: options.metrics_listen.clone(),
            country: options.country.to_string(),
            federation_listen: options.federation_listen.clone(),
            local_listen: options.local_listen.clone(),
            data_dir: "data".into(),
            signing_key: "signing-key.pem".into(),
            kek_file: Some("node.kek".into()),
            previous_signing_keys: Vec::new(),
            witness_interval_secs: 60,
            max_clock_skew_secs: 5,
            max_message_age_secs: 30 * 24 * 3600,
            peer_rate_per_sec: 200,
            peer_burst: 400,
            peer_concurrency: 64,
            retention_days: 365,
            max_subjects: 50,
            evidence_max_file_mib: 2048,
            hit_epoch_days: 7,
            hit_retention_days: 30,
            storage_reserve_mib: 256,
            outbox_per_peer: 10_000,
            delivery_retry_max_secs: 60,
            non_punishment: options.non_punishment.clone(),
            national_offences: None,
        },
        tls: TlsSection {
            cert: "tls/node.pem".into(),
            key: "tls/node.key".into(),
            ca: "tls/ca.pem".into(),
        },
        local_tls: (options.local_tls || !loopback).then(|| LocalTlsSection {
            cert: "local-tls/node.pem".into(),
            key: "local-tls/node.key".into(),
            client_ca: Some("local-tls/ca.pem".into()),
            client_crls: Vec::new(),
        }),
        peers: Vec::new(),
        agencies: DEFAULT_AGENCIES
            .iter()
            .map(|(name, categories)| AgencySection {
                name: name.to_string(),
                categories: categories.iter().map(|c| c.to_string()).collect(),
                victim_protection: false,
            })
            .collect(),
        users,
        local_auth: None,
        console: options.console_listen.as_ref().map(|listen| {
            let on_loopback = listen
                .parse::<std::net::SocketAddr>()
                .is_ok_and(|a| a.ip().is_loopback());
            let https = options.local_tls || !loopback || !on_loopback;
            ConsoleSection {
                listen: listen.clone(),
                cert: https.then(|| "local-tls/node.pem".into()),
                key: https.then(|| "local-tls/node.key".into()),
                idle_minutes: 30,
                absolute_hours: 12,
                max_failed_logins: 5,
                lockout_minutes: 15,
                require_totp: vec!["admin".into()],
            }
        }),
    };
    write_config(&config_path, &config)?;
    Ok(InitOutcome {
        config_path,
        config,
        public_key: encode_public_key(&signing_key.verifying_key()),
        tokens,
    })
}

/// Writes an agreement file, with a header saying what it is.
pub fn write_agreement(path: &Path, agreement: &AgreementFile) -> Result<(), PkiError> {
    let body = toml::to_string_pretty(agreement).map_err(|e| io_error(path, e))?;
    let text = format!(
        "# Sharing agreement between {}. Both countries hold the same text;\n\
         # `liaison policy compare` shows where the two copies differ.\n\n{body}",
        agreement.parties.join(" and ")
    );
    write_file(path, &text)
}

/// Writes a configuration file, with a header saying what it is.
pub fn write_config(path: &Path, config: &ConfigFile) -> Result<(), PkiError> {
    let body = toml::to_string_pretty(config).map_err(|e| io_error(path, e))?;
    let text = format!(
        "# Liaison node configuration for {}.\n\
         # Paths are relative to this file. Add one [[peers]] entry per country this\n\
         # node exchanges with; see deploy/README.md.\n\n{body}",
        config.node.country
    );
    write_file(path, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 8032 section 7.1, TEST 1: a seed and the public key it gives.
    const SEED: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    const PUBLIC: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    /// That seed as earlier Liaison versions wrote it (ed25519-dalek's
    /// `to_pkcs8_pem`): PKCS#8 v2, the public key attached as `[1]`.
    const OLD_FORM: &str = "-----BEGIN PRIVATE KEY-----
MFECAQEwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
gSEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=
-----END PRIVATE KEY-----
";

    /// That seed as OpenSSL and Python's `cryptography` write it
    /// (`private_bytes(PEM, PKCS8, NoEncryption())`).
    const STANDARD_FORM: &str = "-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g
-----END PRIVATE KEY-----
";

    /// RFC 8410 section 7: the DER of an Ed25519 PKCS#8 v1 private key is
    /// these 16 bytes (SEQUENCE, version 0, algorithm id-Ed25519, OCTET
    /// STRING holding an OCTET STRING of 32 bytes) followed by the seed.
    const RFC_8410_PREFIX: [u8; 16] = [
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
        0x20,
    ];

    fn seed_key() -> SigningKey {
        SigningKey::from_bytes(&hex::decode(SEED).unwrap().try_into().unwrap())
    }

    fn der_of(pem: &str) -> Vec<u8> {
        let (label, document) =
            ed25519_dalek::pkcs8::SecretDocument::from_pem(pem).expect("PEM decodes");
        assert_eq!(label, "PRIVATE KEY");
        document.as_bytes().to_vec()
    }

    #[test]
    fn a_signing_key_is_written_as_the_48_byte_pkcs8_v1_form() {
        let pem = encode_signing_key(&seed_key()).unwrap();
        assert_eq!(pem.as_str(), STANDARD_FORM);
        let der = der_of(&pem);
        assert_eq!(der.len(), 48);
        assert_eq!(der[..16], RFC_8410_PREFIX);
        assert_eq!(hex::encode(&der[16..]), SEED);
    }

    #[test]
    fn a_fresh_key_round_trips_in_the_standard_form() {
        let key = generate_signing_key().unwrap();
        let pem = encode_signing_key(&key).unwrap();
        let der = der_of(&pem);
        assert_eq!(der.len(), 48);
        assert_eq!(der[..16], RFC_8410_PREFIX);
        assert_eq!(der[16..], key.to_bytes());
        assert_eq!(decode_signing_key(&pem).unwrap(), key);
    }

    #[test]
    fn the_old_form_still_loads_to_the_same_key() {
        // The fixed text really is the old form: what ed25519-dalek writes,
        // version 1, the public key attached.
        assert_eq!(
            seed_key().to_pkcs8_pem(LineEnding::LF).unwrap().as_str(),
            OLD_FORM
        );
        let der = der_of(OLD_FORM);
        assert_eq!(der.len(), 83);
        assert_eq!(der[4], 1, "PKCS#8 version field");
        let key = decode_signing_key(OLD_FORM).unwrap();
        assert_eq!(key, seed_key());
        assert_eq!(hex::encode(key.verifying_key().as_bytes()), PUBLIC);
        // Written again, it takes the standard form.
        assert_eq!(encode_signing_key(&key).unwrap().as_str(), STANDARD_FORM);
    }

    #[test]
    fn the_standard_form_written_elsewhere_loads() {
        let key = decode_signing_key(STANDARD_FORM).unwrap();
        assert_eq!(hex::encode(key.verifying_key().as_bytes()), PUBLIC);
    }

    #[test]
    fn an_old_form_key_whose_public_key_does_not_match_is_refused() {
        let mut der = der_of(OLD_FORM);
        let last = der.len() - 1;
        der[last] ^= 1;
        let pem = ed25519_dalek::pkcs8::spki::der::pem::encode_string(
            "PRIVATE KEY",
            LineEnding::LF,
            &der,
        )
        .unwrap();
        assert!(decode_signing_key(&pem).is_err());
    }

    #[test]
    fn text_that_is_not_an_ed25519_key_is_refused_with_a_reason() {
        let ecdsa = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)
            .unwrap()
            .serialize_pem();
        for text in ["", "not a key", ecdsa.as_str()] {
            let problem = decode_signing_key(text).unwrap_err();
            assert!(!problem.is_empty());
        }
    }

    #[cfg(unix)]
    fn mode_of(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn a_secret_is_created_owner_only_and_replaces_a_readable_file_without_writing_into_it() {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/signing-key.pem");
        write_secret(&path, "first").unwrap();
        assert_eq!(mode_of(&path), 0o600);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "first");

        // A file others can read, and kept open by one of them.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let before = std::fs::metadata(&path).unwrap().ino();
        let held = std::fs::File::open(&path).unwrap();
        write_secret(&path, "second").unwrap();
        assert_eq!(mode_of(&path), 0o600);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "second");
        assert_ne!(std::fs::metadata(&path).unwrap().ino(), before);
        assert_eq!(
            std::io::read_to_string(held).unwrap(),
            "first",
            "the old file never receives the new secret"
        );
        // Nothing is left beside it.
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("signing-key.pem")]);
    }

    #[cfg(unix)]
    #[test]
    fn a_private_dir_is_created_owner_only_and_an_existing_one_is_narrowed() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("a/b/tokens");
        create_private_dir(&fresh).unwrap();
        assert_eq!(mode_of(&fresh), 0o700);

        let existing = dir.path().join("node");
        std::fs::create_dir(&existing).unwrap();
        std::fs::set_permissions(&existing, std::fs::Permissions::from_mode(0o755)).unwrap();
        create_private_dir(&existing).unwrap();
        assert_eq!(mode_of(&existing), 0o700);

        // A file where the directory should be is an error naming it.
        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        let error = create_private_dir(&file).unwrap_err().to_string();
        assert!(error.contains(&file.display().to_string()), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn init_writes_every_private_key_and_token_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let ca = FederationCa::load_or_create(&dir.path().join("ca")).unwrap();
        let country = "THA".parse().unwrap();
        let local_ca =
            local_ca::LocalCa::load_or_create(&local_ca_dir(dir.path(), country), "THA").unwrap();
        let outcome = init_node(
            &InitOptions {
                country,
                dir: dir.path().join("tha"),
                federation_listen: "127.0.0.1:0".into(),
                // Off loopback: the local API gets its [local_tls].
                local_listen: "10.1.2.3:7401".into(),
                metrics_listen: None,
                console_listen: Some("10.1.2.3:7403".into()),
                local_names: vec!["liaison.police.example".into()],
                local_tls: false,
                non_punishment: None,
            },
            &ca,
            &local_ca,
        )
        .unwrap();
        let node = dir.path().join("tha");
        let local_tls = outcome.config.local_tls.as_ref().unwrap();
        assert_eq!(local_tls.key, PathBuf::from("local-tls/node.key"));
        assert_eq!(local_tls.client_ca, Some(PathBuf::from("local-tls/ca.pem")));
        assert_eq!(
            std::fs::read_to_string(node.join("local-tls/ca.pem")).unwrap(),
            local_ca.cert_pem()
        );
        assert_ne!(local_ca.cert_pem(), ca.cert_pem());
        let mut secrets = vec![
            dir.path().join("ca/ca.key"),
            dir.path().join("ca/local-tha/ca.key"),
            node.join("signing-key.pem"),
            node.join("node.kek"),
            node.join("tls/node.key"),
            node.join("local-tls/node.key"),
        ];
        secrets.extend(outcome.tokens.iter().map(|t| t.path.clone()));
        assert_eq!(secrets.len(), 6 + 6);
        for path in &secrets {
            assert_eq!(mode_of(path), 0o600, "{}", path.display());
        }
        // The list the git check works from names exactly these files.
        let mut listed = node_secret_files(&node);
        listed.push(dir.path().join("ca/ca.key"));
        listed.push(dir.path().join("ca/local-tha/ca.key"));
        listed.sort();
        secrets.sort();
        assert_eq!(listed, secrets);
        for private in [
            dir.path().join("ca"),
            dir.path().join("ca/local-tha"),
            node.clone(),
            node.join("tls"),
            node.join("local-tls"),
            node.join("tokens"),
        ] {
            assert_eq!(mode_of(&private), 0o700, "{}", private.display());
        }
        let pem = std::fs::read_to_string(node.join("signing-key.pem")).unwrap();
        assert_eq!(der_of(&pem).len(), 48);
        let key = decode_signing_key(&pem).unwrap();
        assert_eq!(encode_public_key(&key.verifying_key()), outcome.public_key);
    }
}
