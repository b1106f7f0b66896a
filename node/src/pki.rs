//! Key and certificate material: the federation CA, node TLS identities,
//! Ed25519 signing keys, local user tokens, and `liaison-node init`, which
//! writes everything a new node needs.

use std::path::{Path, PathBuf};

use ed25519_dalek::SigningKey;
use ed25519_dalek::pkcs8::EncodePrivateKey;
use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use liaison_proto::domain::{Category, CountryCode};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};
use sha2::{Digest, Sha256};

use crate::config::{
    AgencySection, ConfigFile, NodeSection, TlsSection, UserSection, default_tls_name,
    encode_public_key,
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

/// A new bearer token for a local user, and the hex SHA-256 the node's
/// configuration stores instead of it.
pub fn generate_token() -> Result<(String, String), PkiError> {
    let token = format!("lsn_{}", hex::encode(random_bytes::<24>()?));
    let hash = hex::encode(Sha256::digest(token.as_bytes()));
    Ok((token, hash))
}

/// Writes a file only its owner can read.
pub fn write_secret(path: &Path, contents: &str) -> Result<(), PkiError> {
    write_file(path, contents)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .map_err(|e| io_error(path, e))?;
    }
    Ok(())
}

pub fn write_file(path: &Path, contents: &str) -> Result<(), PkiError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
    }
    std::fs::write(path, contents).map_err(|e| io_error(path, e))
}

/// The certificate authority of one federation: it issues every node's TLS
/// certificate, and every node trusts it for mutual TLS.
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

    /// Loads `ca.pem` and `ca.key` from `dir`, or creates them there.
    pub fn load_or_create(dir: &Path) -> Result<Self, PkiError> {
        let cert_path = dir.join(CA_CERT);
        let key_path = dir.join(CA_KEY);
        if !cert_path.exists() {
            let ca = FederationCa::generate("Liaison federation CA")?;
            write_file(&cert_path, &ca.cert_pem)?;
            write_secret(&key_path, &ca.issuer.key().serialize_pem())?;
            return Ok(ca);
        }
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

/// Creates a node's signing key, TLS identity (issued by `ca`), local user
/// tokens and a configuration file with no peers yet.
pub fn init_node(options: &InitOptions, ca: &FederationCa) -> Result<InitOutcome, PkiError> {
    let dir = &options.dir;
    let config_path = dir.join("liaison.toml");
    if config_path.exists() {
        return Err(PkiError::Io {
            path: config_path,
            reason: "already exists; refusing to overwrite a node's keys".into(),
        });
    }
    let signing_key = generate_signing_key()?;
    let pem = signing_key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| PkiError::Random(e.to_string()))?;
    write_secret(&dir.join("signing-key.pem"), &pem)?;
    write_file(
        &dir.join("signing-key.pub"),
        &format!("{}\n", encode_public_key(&signing_key.verifying_key())),
    )?;

    let (cert, key) = ca.issue(&default_tls_name(options.country))?;
    write_file(&dir.join("tls/node.pem"), &cert)?;
    write_secret(&dir.join("tls/node.key"), &key)?;
    write_file(&dir.join("tls/ca.pem"), ca.cert_pem())?;

    let mut users = Vec::new();
    let mut tokens = Vec::new();
    let mut roles: Vec<(String, String)> = vec![("focal-point".into(), "focal_point".into())];
    for (agency, _) in DEFAULT_AGENCIES {
        roles.push((format!("{agency}-officer"), format!("agency:{agency}")));
    }
    roles.push(("auditor".into(), "auditor".into()));
    roles.push(("admin".into(), "admin".into()));
    for (user, role) in roles {
        let (token, hash) = generate_token()?;
        let path = dir.join("tokens").join(format!("{user}.token"));
        write_secret(&path, &token)?;
        users.push(UserSection {
            name: user.clone(),
            role: role.clone(),
            token_sha256: hash,
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
            previous_signing_keys: Vec::new(),
            witness_interval_secs: 60,
            max_clock_skew_secs: 5,
            max_message_age_secs: 30 * 24 * 3600,
            peer_rate_per_sec: 200,
            peer_burst: 400,
            peer_concurrency: 64,
            retention_days: 365,
        },
        tls: TlsSection {
            cert: "tls/node.pem".into(),
            key: "tls/node.key".into(),
            ca: "tls/ca.pem".into(),
        },
        peers: Vec::new(),
        agencies: DEFAULT_AGENCIES
            .iter()
            .map(|(name, categories)| AgencySection {
                name: name.to_string(),
                categories: categories.iter().map(|c| c.to_string()).collect(),
            })
            .collect(),
        users,
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
