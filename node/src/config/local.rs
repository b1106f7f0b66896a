//! The local API's side of the configuration: its TLS (`[local_tls]`, with
//! optional client certificates for agency systems), its users
//! (`[[users]]`: a token, a certificate subject, or both) and the lockout
//! after failed authentications (`[local_auth]`).

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, CertificateRevocationListDer, PrivateKeyDer};
use rustls::server::danger::ClientCertVerifier;

use super::{Agency, ConfigError, LocalAuthSection, LocalTlsSection, Role, UserSection, Validator};

/// A local user: a name for the audit trail and a role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalUser {
    pub name: String,
    pub role: Role,
}

/// TLS on the local API, built from `[local_tls]` when the configuration
/// is loaded: TLS 1.3 only, `h2` by ALPN, and client certificates asked for
/// (not required) when `client_ca` is set.
#[derive(Clone)]
pub struct LocalTls {
    /// The certificate chain served (PEM), as read.
    pub cert_pem: String,
    /// The rustls configuration the local listener serves new connections
    /// with.
    pub server: Arc<rustls::ServerConfig>,
    /// Checks client certificates against `client_ca` and its CRLs, at the
    /// handshake and again on every call (a reload may have revoked one).
    pub client_verifier: Option<Arc<dyn ClientCertVerifier>>,
    /// What the client CA and CRL files held, to tell a reload what changed.
    pub client_pem: Vec<String>,
}

impl fmt::Debug for LocalTls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalTls")
            .field("client_certificates", &self.client_verifier.is_some())
            .finish_non_exhaustive()
    }
}

/// The subject of a client certificate, as attribute-value pairs in a
/// canonical order: `CN=police-cms, O=Royal Thai Police` and
/// `O=Royal Thai Police,CN=police-cms` are the same subject.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Subject(Vec<(String, String)>);

/// The attribute names a configured subject may use, by OID.
const ATTRIBUTES: &[(&str, &str)] = &[
    ("CN", "2.5.4.3"),
    ("SERIALNUMBER", "2.5.4.5"),
    ("C", "2.5.4.6"),
    ("L", "2.5.4.7"),
    ("ST", "2.5.4.8"),
    ("O", "2.5.4.10"),
    ("OU", "2.5.4.11"),
];

impl Subject {
    /// Parses `CN=name,O=organisation,...`: attributes CN, O, OU, C, L, ST
    /// and serialNumber (any case), values without commas, `=` or quotes.
    pub fn parse(text: &str) -> Result<Subject, String> {
        let mut pairs = Vec::new();
        for part in text.split(',') {
            let Some((name, value)) = part.split_once('=') else {
                return Err(format!(
                    "`{}` is not ATTRIBUTE=value (e.g. CN=police-cms,O=Police)",
                    part.trim()
                ));
            };
            let name = name.trim().to_ascii_uppercase();
            let Some((_, oid)) = ATTRIBUTES.iter().find(|(short, _)| *short == name) else {
                return Err(format!(
                    "attribute `{name}` is not one of CN, O, OU, C, L, ST, serialNumber"
                ));
            };
            let value = value.trim();
            if value.is_empty() || value.len() > 128 || value.contains(['=', '"', '\\']) {
                return Err(format!(
                    "the value of {name} must be 1 to 128 characters without = \" or \\"
                ));
            }
            pairs.push((oid.to_string(), value.to_string()));
        }
        Ok(Subject::canonical(pairs))
    }

    /// The subject of the DER certificate `der`, or `None` when it does not
    /// parse or holds an attribute that is not text.
    pub fn of_certificate(der: &[u8]) -> Option<Subject> {
        let (_, certificate) = x509_parser::parse_x509_certificate(der).ok()?;
        let mut pairs = Vec::new();
        for attribute in certificate.subject().iter_attributes() {
            let value = attribute.as_str().ok()?;
            pairs.push((attribute.attr_type().to_id_string(), value.to_string()));
        }
        Some(Subject::canonical(pairs))
    }

    /// The pairs in the order of [`ATTRIBUTES`] (CN first), then by OID.
    fn canonical(mut pairs: Vec<(String, String)>) -> Subject {
        let rank = |oid: &str| ATTRIBUTES.iter().position(|(_, id)| *id == oid);
        pairs.sort_by(|a, b| {
            (rank(&a.0).unwrap_or(usize::MAX), a).cmp(&(rank(&b.0).unwrap_or(usize::MAX), b))
        });
        Subject(pairs)
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (oid, value)) in self.0.iter().enumerate() {
            let name = ATTRIBUTES
                .iter()
                .find(|(_, id)| id == oid)
                .map_or(oid.as_str(), |(short, _)| short);
            let comma = if i == 0 { "" } else { "," };
            write!(f, "{comma}{name}={value}")?;
        }
        Ok(())
    }
}

/// A configured user and how it authenticates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub user: LocalUser,
    /// SHA-256 of its bearer token, if it has one.
    pub token_sha256: Option<[u8; 32]>,
    /// The subject of the client certificate it must present, if any.
    pub certificate: Option<Subject>,
    pub disabled: bool,
}

impl Account {
    /// The account in words fit for the audit log: name, role, and how it
    /// authenticates (never a token or its hash).
    pub fn describe(&self) -> String {
        let mut text = format!("{} ({})", self.user.name, self.user.role);
        if self.certificate.is_some() {
            text.push_str(" with certificate");
        }
        if self.disabled {
            text.push_str(" disabled");
        }
        text
    }
}

/// The local users, found by token hash or by certificate subject.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accounts {
    accounts: Vec<Account>,
    by_token: HashMap<[u8; 32], usize>,
    by_subject: HashMap<Subject, usize>,
}

impl Accounts {
    pub fn by_token(&self, sha256: &[u8; 32]) -> Option<&Account> {
        self.by_token.get(sha256).map(|&i| &self.accounts[i])
    }

    pub fn by_subject(&self, subject: &Subject) -> Option<&Account> {
        self.by_subject.get(subject).map(|&i| &self.accounts[i])
    }

    pub fn iter(&self) -> impl Iterator<Item = &Account> {
        self.accounts.iter()
    }
}

/// Lockout after failed authentications on the local API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalAuth {
    /// Failures within `window` that lock a source address or a user out.
    pub max_failures: u32,
    pub window: Duration,
    /// How long a lockout lasts.
    pub lockout: Duration,
}

impl Validator<'_> {
    /// Reads `[local_tls]`'s files and builds the server configuration,
    /// refusing a chain without certificates, a key that does not go with
    /// it, or a client CA or CRL that does not parse.
    pub(super) fn local_tls(
        &self,
        section: &LocalTlsSection,
        base: &Path,
    ) -> Result<LocalTls, ConfigError> {
        let cert_pem = self.read_pem("local_tls.cert", &base.join(&section.cert), "CERTIFICATE")?;
        let key_pem = ed25519_dalek::pkcs8::spki::der::zeroize::Zeroizing::new(
            self.read_private_pem("local_tls.key", &base.join(&section.key))?,
        );
        let certs = CertificateDer::pem_slice_iter(cert_pem.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| {
                self.error(
                    "local_tls.cert",
                    format!("not a PEM certificate chain: {e}"),
                )
            })?;
        if certs.is_empty() {
            return Err(self.error("local_tls.cert", "holds no certificate"));
        }
        let private = PrivateKeyDer::from_pem_slice(key_pem.as_bytes())
            .map_err(|e| self.error("local_tls.key", format!("not a PEM private key: {e}")))?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut client_pem = Vec::new();
        let client_verifier = match &section.client_ca {
            None if !section.client_crls.is_empty() => {
                return Err(self.error(
                    "local_tls.client_crls",
                    "revocation lists need the client_ca they come from",
                ));
            }
            None => None,
            Some(ca) => {
                let ca_pem = self.read_pem("local_tls.client_ca", &base.join(ca), "CERTIFICATE")?;
                let mut roots = rustls::RootCertStore::empty();
                for cert in CertificateDer::pem_slice_iter(ca_pem.as_bytes()) {
                    let cert = cert.map_err(|e| {
                        self.error("local_tls.client_ca", format!("not a PEM certificate: {e}"))
                    })?;
                    roots.add(cert).map_err(|e| {
                        self.error("local_tls.client_ca", format!("not a usable CA: {e}"))
                    })?;
                }
                client_pem.push(ca_pem);
                let mut crls = Vec::new();
                for (i, path) in section.client_crls.iter().enumerate() {
                    let key = format!("local_tls.client_crls[{i}]");
                    let pem = self.read_pem(&key, &base.join(path), "X509 CRL")?;
                    for crl in CertificateRevocationListDer::pem_slice_iter(pem.as_bytes()) {
                        crls.push(crl.map_err(|e| {
                            self.error(&key, format!("not a PEM revocation list: {e}"))
                        })?);
                    }
                    client_pem.push(pem);
                }
                let verifier = rustls::server::WebPkiClientVerifier::builder_with_provider(
                    Arc::new(roots),
                    provider.clone(),
                )
                .with_crls(crls)
                .allow_unauthenticated()
                .build()
                .map_err(|e| {
                    self.error(
                        "local_tls.client_crls",
                        format!("cannot check client certificates with these files: {e}"),
                    )
                })?;
                Some(verifier)
            }
        };
        let builder = rustls::ServerConfig::builder_with_provider(provider)
            .with_protocol_versions(&[&rustls::version::TLS13])
            .map_err(|e| self.error("local_tls", format!("cannot offer TLS 1.3: {e}")))?;
        let builder = match &client_verifier {
            Some(verifier) => builder.with_client_cert_verifier(verifier.clone()),
            None => builder.with_no_client_auth(),
        };
        let mut server = builder.with_single_cert(certs, private).map_err(|e| {
            self.error(
                "local_tls.key",
                format!("does not go with the certificate in local_tls.cert: {e}"),
            )
        })?;
        server.alpn_protocols = vec![b"h2".to_vec()];
        Ok(LocalTls {
            cert_pem,
            server: Arc::new(server),
            client_verifier,
            client_pem,
        })
    }

    /// Validates `[[users]]`: unique names and tokens, known roles and
    /// agencies, a token or a certificate subject (or both) for each, and
    /// certificate subjects only where `[local_tls]` checks client
    /// certificates.
    pub(super) fn accounts(
        &self,
        users: &[UserSection],
        agencies: &[Agency],
        client_certificates: bool,
    ) -> Result<Accounts, ConfigError> {
        let mut accounts = Accounts::default();
        let mut names = BTreeSet::new();
        for (i, u) in users.iter().enumerate() {
            let at = |k: &str| format!("users[{i}].{k}");
            if u.name.is_empty()
                || u.name.len() > 64
                || !u
                    .name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.@".contains(&b))
            {
                return Err(self.error(&at("name"), "must be 1 to 64 letters, digits or - _ . @"));
            }
            if !names.insert(u.name.clone()) {
                return Err(self.error(&at("name"), format!("user `{}` is listed twice", u.name)));
            }
            let role =
                super::parse_role(&u.role).map_err(|problem| self.error(&at("role"), problem))?;
            if let Role::Agency(name) = &role
                && !agencies.iter().any(|a| &a.name == name)
            {
                return Err(self.error(
                    &at("role"),
                    format!("agency `{name}` is not listed under [[agencies]]"),
                ));
            }
            let token_sha256 = u
                .token_sha256
                .as_ref()
                .map(|text| {
                    hex::decode(text)
                        .ok()
                        .and_then(|h| <[u8; 32]>::try_from(h).ok())
                        .ok_or_else(|| {
                            self.error(
                                &at("token_sha256"),
                                "must be 64 hex digits (SHA-256 of the token)",
                            )
                        })
                })
                .transpose()?;
            let certificate = u
                .certificate_subject
                .as_deref()
                .map(|text| {
                    Subject::parse(text)
                        .map_err(|problem| self.error(&at("certificate_subject"), problem))
                })
                .transpose()?;
            if certificate.is_some() && !client_certificates {
                return Err(self.error(
                    &at("certificate_subject"),
                    "client certificates are only checked with local_tls.client_ca: add it to \
                     [local_tls], or remove the subject",
                ));
            }
            if token_sha256.is_none() && certificate.is_none() {
                return Err(self.error(
                    &at("token_sha256"),
                    "a user needs a token_sha256, a certificate_subject, or both",
                ));
            }
            let index = accounts.accounts.len();
            if let Some(hash) = token_sha256
                && accounts.by_token.insert(hash, index).is_some()
            {
                return Err(self.error(&at("token_sha256"), "the same token is given to two users"));
            }
            if let Some(subject) = &certificate
                && accounts.by_subject.insert(subject.clone(), index).is_some()
            {
                return Err(self.error(
                    &at("certificate_subject"),
                    "the same certificate subject is given to two users",
                ));
            }
            accounts.accounts.push(Account {
                user: LocalUser {
                    name: u.name.clone(),
                    role,
                },
                token_sha256,
                certificate,
                disabled: u.disabled,
            });
        }
        Ok(accounts)
    }

    /// Validates `[local_auth]`, or gives its defaults.
    pub(super) fn local_auth(
        &self,
        section: Option<&LocalAuthSection>,
    ) -> Result<LocalAuth, ConfigError> {
        let section = section.cloned().unwrap_or_default();
        if !(1..=1000).contains(&section.max_failures) {
            return Err(self.error("local_auth.max_failures", "must be between 1 and 1000"));
        }
        for (key, secs) in [
            (
                "local_auth.failure_window_secs",
                section.failure_window_secs,
            ),
            ("local_auth.lockout_secs", section.lockout_secs),
        ] {
            if !(1..=86_400).contains(&secs) {
                return Err(self.error(key, "must be between 1 and 86400 seconds"));
            }
        }
        Ok(LocalAuth {
            max_failures: section.max_failures,
            window: Duration::from_secs(section.failure_window_secs),
            lockout: Duration::from_secs(section.lockout_secs),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subject_is_the_same_in_any_order_case_of_names_and_spacing() {
        let a =
            Subject::parse("CN=police-cms,O=Royal Thai Police").unwrap_or_else(|e| panic!("{e}"));
        let b = Subject::parse(" o = Royal Thai Police , cn=police-cms")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a, b);
        assert_eq!(a.to_string(), "CN=police-cms,O=Royal Thai Police");
        assert_ne!(
            a,
            Subject::parse("CN=police-cms").unwrap_or_else(|e| panic!("{e}"))
        );
    }

    #[test]
    fn a_malformed_subject_is_refused_with_the_rule() {
        for (text, rule) in [
            ("police-cms", "is not ATTRIBUTE=value"),
            ("CN=a,EMAIL=x", "attribute `EMAIL` is not one of"),
            ("CN=", "must be 1 to 128 characters"),
            ("CN=a\\,b", "without ="),
        ] {
            let problem = Subject::parse(text).err().unwrap_or_default();
            assert!(problem.contains(rule), "{text}: {problem}");
        }
    }

    #[test]
    fn a_certificates_subject_matches_the_configured_one() {
        let key = rcgen::KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
        let mut params =
            rcgen::CertificateParams::new(Vec::<String>::new()).unwrap_or_else(|e| panic!("{e}"));
        params
            .distinguished_name
            .push(rcgen::DnType::OrganizationName, "Royal Thai Police");
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "police-cms");
        let cert = params.self_signed(&key).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            Subject::of_certificate(cert.der()),
            Subject::parse("CN=police-cms, O=Royal Thai Police").ok()
        );
        assert_eq!(Subject::of_certificate(b"not a certificate"), None);
    }
}
