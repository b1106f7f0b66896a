//! `[console]`: the web console's listener, its TLS, its sessions, sign-in
//! lockout and which roles must use a second factor.

use std::collections::BTreeSet;
use std::fmt;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

use super::{ConfigError, ConsoleSection, Role, Validator, parse_role};

/// The validated `[console]` section.
#[derive(Clone)]
pub struct Console {
    pub listen: SocketAddr,
    /// HTTPS (TLS 1.2 and 1.3, HTTP/1.1) when set; `None` serves plain HTTP,
    /// which only a loopback address may.
    pub tls: Option<Arc<rustls::ServerConfig>>,
    /// A session unused this long ends.
    pub idle: Duration,
    /// A session ends this long after sign-in, used or not.
    pub absolute: Duration,
    /// Failed sign-ins in a row that lock a person out...
    pub max_failed_logins: u32,
    /// ...for this long (an admin's `users enable` ends it sooner).
    pub lockout: Duration,
    /// Roles whose people must sign in with a second factor (TOTP).
    pub require_totp: BTreeSet<RoleKind>,
}

impl fmt::Debug for Console {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Console")
            .field("listen", &self.listen)
            .field("https", &self.tls.is_some())
            .field("idle", &self.idle)
            .field("absolute", &self.absolute)
            .field("require_totp", &self.require_totp)
            .finish_non_exhaustive()
    }
}

/// A role without its agency: what `require_totp` names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum RoleKind {
    FocalPoint,
    /// Every agency, or one.
    Agency(Option<String>),
    Auditor,
    Admin,
}

impl fmt::Display for RoleKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RoleKind::FocalPoint => f.write_str("focal_point"),
            RoleKind::Agency(None) => f.write_str("agency"),
            RoleKind::Agency(Some(name)) => write!(f, "agency:{name}"),
            RoleKind::Auditor => f.write_str("auditor"),
            RoleKind::Admin => f.write_str("admin"),
        }
    }
}

impl RoleKind {
    /// Whether `role` is of this kind.
    pub fn covers(&self, role: &Role) -> bool {
        match (self, role) {
            (RoleKind::FocalPoint, Role::FocalPoint)
            | (RoleKind::Auditor, Role::Auditor)
            | (RoleKind::Admin, Role::Admin)
            | (RoleKind::Agency(None), Role::Agency(_)) => true,
            (RoleKind::Agency(Some(wanted)), Role::Agency(name)) => wanted == name,
            _ => false,
        }
    }
}

impl Console {
    /// Whether people of `role` must give a second factor.
    pub fn totp_required(&self, role: &Role) -> bool {
        self.require_totp.iter().any(|kind| kind.covers(role))
    }
}

impl Validator<'_> {
    pub(super) fn console(
        &self,
        section: &ConsoleSection,
        base: &Path,
    ) -> Result<Console, ConfigError> {
        let listen: SocketAddr = self.parse("console.listen", &section.listen)?;
        let tls = match (&section.cert, &section.key) {
            (Some(cert), Some(key)) => Some(self.console_tls(&base.join(cert), &base.join(key))?),
            (None, None) if listen.ip().is_loopback() => None,
            (None, None) => {
                return Err(self.error(
                    "console.cert",
                    format!(
                        "{listen} is not a loopback address: the console must serve HTTPS there; \
                         give console.cert and console.key (the local API's certificate from \
                         `liaison-node init` will do), or listen on 127.0.0.1"
                    ),
                ));
            }
            (Some(_), None) => return Err(self.error("console.key", "is needed with console.cert")),
            (None, Some(_)) => return Err(self.error("console.cert", "is needed with console.key")),
        };
        if !(1..=480).contains(&section.idle_minutes) {
            return Err(self.error("console.idle_minutes", "must be between 1 and 480"));
        }
        if !(1..=72).contains(&section.absolute_hours) {
            return Err(self.error("console.absolute_hours", "must be between 1 and 72"));
        }
        if !(1..=100).contains(&section.max_failed_logins) {
            return Err(self.error("console.max_failed_logins", "must be between 1 and 100"));
        }
        if !(1..=1440).contains(&section.lockout_minutes) {
            return Err(self.error("console.lockout_minutes", "must be between 1 and 1440"));
        }
        let mut require_totp = BTreeSet::new();
        for (i, text) in section.require_totp.iter().enumerate() {
            let key = format!("console.require_totp[{i}]");
            let kind = match text.as_str() {
                "agency" => RoleKind::Agency(None),
                _ => match parse_role(text).map_err(|problem| self.error(&key, problem))? {
                    Role::FocalPoint => RoleKind::FocalPoint,
                    Role::Agency(name) => RoleKind::Agency(Some(name)),
                    Role::Auditor => RoleKind::Auditor,
                    Role::Admin => RoleKind::Admin,
                },
            };
            require_totp.insert(kind);
        }
        Ok(Console {
            listen,
            tls,
            idle: Duration::from_secs(u64::from(section.idle_minutes) * 60),
            absolute: Duration::from_secs(u64::from(section.absolute_hours) * 3600),
            max_failed_logins: section.max_failed_logins,
            lockout: Duration::from_secs(u64::from(section.lockout_minutes) * 60),
            require_totp,
        })
    }

    fn console_tls(
        &self,
        cert: &Path,
        key: &Path,
    ) -> Result<Arc<rustls::ServerConfig>, ConfigError> {
        let cert_pem = self.read_pem("console.cert", cert, "CERTIFICATE")?;
        let key_pem = ed25519_dalek::pkcs8::spki::der::zeroize::Zeroizing::new(
            self.read_private_pem("console.key", key)?,
        );
        let certs = CertificateDer::pem_slice_iter(cert_pem.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.error("console.cert", format!("not a PEM certificate chain: {e}")))?;
        if certs.is_empty() {
            return Err(self.error("console.cert", "holds no certificate"));
        }
        let private = PrivateKeyDer::from_pem_slice(key_pem.as_bytes())
            .map_err(|e| self.error("console.key", format!("not a PEM private key: {e}")))?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut server = rustls::ServerConfig::builder_with_provider(provider)
            .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
            .map_err(|e| self.error("console", format!("cannot offer TLS: {e}")))?
            .with_no_client_auth()
            .with_single_cert(certs, private)
            .map_err(|e| {
                self.error(
                    "console.key",
                    format!("does not go with the certificate in console.cert: {e}"),
                )
            })?;
        server.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Arc::new(server))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(listen: &str) -> ConsoleSection {
        ConsoleSection {
            listen: listen.into(),
            cert: None,
            key: None,
            idle_minutes: 30,
            absolute_hours: 12,
            max_failed_logins: 5,
            lockout_minutes: 15,
            require_totp: vec!["admin".into(), "agency".into(), "agency:fiu".into()],
        }
    }

    fn check(section: &ConsoleSection) -> Result<Console, ConfigError> {
        let v = Validator {
            path: Path::new("/etc/liaison/node.toml"),
        };
        v.console(section, Path::new("/etc/liaison"))
    }

    #[test]
    fn plain_http_is_for_loopback_only() {
        let console = check(&section("127.0.0.1:7403")).unwrap_or_else(|e| panic!("{e}"));
        assert!(console.tls.is_none());
        assert!(console.totp_required(&Role::Admin));
        assert!(console.totp_required(&Role::Agency("police".into())));
        assert!(!console.totp_required(&Role::FocalPoint));
        let error = check(&section("10.1.2.3:7403"))
            .err()
            .map(|e| e.to_string());
        assert!(
            error
                .as_deref()
                .is_some_and(|e| e.contains("console.cert") && e.contains("HTTPS")),
            "{error:?}"
        );
    }

    #[test]
    fn each_setting_is_checked_by_name() {
        type Change = Box<dyn Fn(&mut ConsoleSection)>;
        let cases: [(&str, Change); 6] = [
            ("console.listen", Box::new(|s| s.listen = "nowhere".into())),
            ("console.idle_minutes", Box::new(|s| s.idle_minutes = 0)),
            (
                "console.absolute_hours",
                Box::new(|s| s.absolute_hours = 100),
            ),
            (
                "console.max_failed_logins",
                Box::new(|s| s.max_failed_logins = 0),
            ),
            (
                "console.require_totp[1]",
                Box::new(|s| s.require_totp[1] = "chief".into()),
            ),
            ("console.key", Box::new(|s| s.cert = Some("c.pem".into()))),
        ];
        for (key, change) in cases {
            let mut s = section("127.0.0.1:7403");
            change(&mut s);
            let error = check(&s).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(error.contains(key), "{key}: {error}");
        }
    }
}
