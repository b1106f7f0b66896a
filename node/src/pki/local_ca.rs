//! A country's local CA, apart from the federation CA: it issues the local
//! API's server certificate and the client certificates of agency systems,
//! and revokes them with a CRL. Its key belongs offline with the operator,
//! never in a node's directory; the node holds only the CA certificate
//! (to check client certificates), its own certificate and key, and the
//! CRL.
//!
//! The CA's directory holds `ca.pem`, `ca.key` (0600), and `revoked.txt`,
//! the hex serial numbers revoked so far, one per line, from which
//! [`LocalCa::revoke`] writes a new `crl.pem` each time.

use std::net::IpAddr;
use std::path::{Path, PathBuf};

use rcgen::{
    CertificateParams, CertificateRevocationListParams, DnType, ExtendedKeyUsagePurpose,
    KeyIdMethod, KeyPair, KeyUsagePurpose, RevocationReason, RevokedCertParams, SerialNumber,
};
use time::{Duration, OffsetDateTime};

use super::{FederationCa, PkiError, io_error, random_bytes, write_file};

/// The file of revoked serial numbers in a local CA's directory.
const REVOKED: &str = "revoked.txt";
/// The CRL written beside it.
pub const CRL: &str = "crl.pem";
/// How long a CRL is valid: the operator publishes a new one before then
/// (a revocation writes one at once).
const CRL_VALIDITY_DAYS: i64 = 30;

/// A country's local CA, in its directory.
pub struct LocalCa {
    ca: FederationCa,
    dir: PathBuf,
}

impl std::fmt::Debug for LocalCa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LocalCa({})", self.dir.display())
    }
}

/// A certificate and its private key, in PEM, with its serial number.
#[derive(Debug, Clone)]
pub struct Issued {
    pub cert_pem: String,
    pub key_pem: String,
    /// Lower-case hex of the serial number, as `revoke` takes it.
    pub serial: String,
}

/// A fresh serial number: 16 random bytes, positive.
fn serial() -> Result<Vec<u8>, PkiError> {
    let mut bytes = random_bytes::<16>()?;
    bytes[0] &= 0x7f;
    bytes[0] |= 0x01;
    Ok(bytes.to_vec())
}

impl LocalCa {
    /// Loads the local CA of `country` from `dir`, or creates it there
    /// (`dir` then accessible to its owner only).
    pub fn load_or_create(dir: &Path, country: &str) -> Result<LocalCa, PkiError> {
        let ca = FederationCa::load_or_create_named(dir, &format!("Liaison local CA {country}"))?;
        Ok(LocalCa {
            ca,
            dir: dir.to_path_buf(),
        })
    }

    /// Loads the local CA in `dir`, which must hold one.
    pub fn load(dir: &Path) -> Result<LocalCa, PkiError> {
        Ok(LocalCa {
            ca: FederationCa::load(dir)?,
            dir: dir.to_path_buf(),
        })
    }

    pub fn cert_pem(&self) -> &str {
        self.ca.cert_pem()
    }

    /// A server certificate for the local API, valid for `names` (DNS names
    /// or IP addresses) for three years.
    pub fn issue_server(&self, names: &[String]) -> Result<Issued, PkiError> {
        let mut params = CertificateParams::new(names.to_vec())?;
        let common = names.first().cloned().unwrap_or_default();
        params.distinguished_name.push(DnType::CommonName, common);
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let now = OffsetDateTime::now_utc();
        self.sign(
            params,
            now - Duration::hours(1),
            now + Duration::days(3 * 365),
        )
    }

    /// A client certificate for an agency system, with subject
    /// `CN=common_name[,O=organisation]`, valid from `not_before` to
    /// `not_after`.
    pub fn issue_client(
        &self,
        common_name: &str,
        organisation: Option<&str>,
        not_before: OffsetDateTime,
        not_after: OffsetDateTime,
    ) -> Result<Issued, PkiError> {
        let mut params = CertificateParams::new(Vec::<String>::new())?;
        params
            .distinguished_name
            .push(DnType::CommonName, common_name);
        if let Some(organisation) = organisation {
            params
                .distinguished_name
                .push(DnType::OrganizationName, organisation);
        }
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        self.sign(params, not_before, not_after)
    }

    fn sign(
        &self,
        mut params: CertificateParams,
        not_before: OffsetDateTime,
        not_after: OffsetDateTime,
    ) -> Result<Issued, PkiError> {
        let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)?;
        let serial = serial()?;
        params.serial_number = Some(SerialNumber::from_slice(&serial));
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.not_before = not_before;
        params.not_after = not_after;
        let cert = params.signed_by(&key, &self.ca.issuer)?;
        Ok(Issued {
            cert_pem: cert.pem(),
            key_pem: key.serialize_pem(),
            serial: hex::encode(serial),
        })
    }

    /// Revokes the certificate with hex serial `serial` (added to
    /// `revoked.txt`), and writes a new CRL of every revoked serial to
    /// `crl.pem` in the CA's directory. Returns the CRL's path.
    pub fn revoke(&self, serial: &str) -> Result<PathBuf, PkiError> {
        let serial = serial.trim().to_ascii_lowercase();
        let bytes = hex::decode(&serial)
            .ok()
            .filter(|b| (1..=20).contains(&b.len()))
            .ok_or_else(|| PkiError::BadMaterial {
                path: self.dir.join(REVOKED),
                reason: format!("serial `{serial}` is not 1 to 20 bytes of hex"),
            })?;
        let mut serials = self.revoked()?;
        if !serials.contains(&bytes) {
            serials.push(bytes);
            let text: String = serials
                .iter()
                .map(|s| format!("{}\n", hex::encode(s)))
                .collect();
            write_file(&self.dir.join(REVOKED), &text)?;
        }
        let path = self.dir.join(CRL);
        write_file(&path, &self.revocation_list(&serials)?)?;
        Ok(path)
    }

    /// The serial numbers revoked so far.
    fn revoked(&self) -> Result<Vec<Vec<u8>>, PkiError> {
        let path = self.dir.join(REVOKED);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(io_error(&path, e)),
        };
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(i, line)| {
                hex::decode(line.trim()).map_err(|_| PkiError::BadMaterial {
                    path: path.clone(),
                    reason: format!("line {} is not a hex serial number", i + 1),
                })
            })
            .collect()
    }

    /// A CRL, signed by this CA, of `serials`.
    fn revocation_list(&self, serials: &[Vec<u8>]) -> Result<String, PkiError> {
        let now = OffsetDateTime::now_utc();
        let number = u64::try_from(now.unix_timestamp()).unwrap_or_default();
        let params = CertificateRevocationListParams {
            this_update: now - Duration::minutes(5),
            next_update: now + Duration::days(CRL_VALIDITY_DAYS),
            crl_number: SerialNumber::from(number),
            issuing_distribution_point: None,
            revoked_certs: serials
                .iter()
                .map(|serial| RevokedCertParams {
                    serial_number: SerialNumber::from_slice(serial),
                    revocation_time: now - Duration::minutes(5),
                    reason_code: Some(RevocationReason::Unspecified),
                    invalidity_date: None,
                })
                .collect(),
            key_identifier_method: KeyIdMethod::Sha256,
        };
        Ok(params.signed_by(&self.ca.issuer)?.pem()?)
    }
}

/// The names a local API certificate should carry for `listen`: its
/// address when it is a specific one, plus `localhost` and 127.0.0.1, plus
/// `extra` (the names users connect to).
pub fn server_names(listen: &str, extra: &[String]) -> Vec<String> {
    let mut names: Vec<String> = extra.to_vec();
    if let Some(ip) = listen
        .parse::<std::net::SocketAddr>()
        .ok()
        .map(|a| a.ip())
        .filter(|ip| !ip.is_unspecified())
    {
        names.push(ip.to_string());
    }
    for default in ["localhost", "127.0.0.1"] {
        names.push(default.to_string());
    }
    let mut seen = std::collections::BTreeSet::new();
    names.retain(|n| seen.insert(n.parse::<IpAddr>().map_or(n.clone(), |ip| ip.to_string())));
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revocations_accumulate_in_one_crl_and_a_bad_serial_changes_nothing() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let ca = LocalCa::load_or_create(&dir.path().join("ca"), "THA")
            .unwrap_or_else(|e| panic!("{e}"));
        let now = OffsetDateTime::now_utc();
        let a = ca
            .issue_client("a", None, now, now + Duration::days(1))
            .unwrap_or_else(|e| panic!("{e}"));
        let b = ca
            .issue_client("b", Some("Police"), now, now + Duration::days(1))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_ne!(a.serial, b.serial);
        ca.revoke(&a.serial).unwrap_or_else(|e| panic!("{e}"));
        let crl = ca.revoke(&b.serial).unwrap_or_else(|e| panic!("{e}"));
        // Revoking again adds nothing.
        ca.revoke(&b.serial).unwrap_or_else(|e| panic!("{e}"));
        let revoked = std::fs::read_to_string(dir.path().join("ca").join(REVOKED))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(revoked, format!("{}\n{}\n", a.serial, b.serial));
        let pem = std::fs::read(&crl).unwrap_or_else(|e| panic!("{e}"));
        use rustls::pki_types::pem::PemObject as _;
        let der = rustls::pki_types::CertificateRevocationListDer::from_pem_slice(&pem)
            .unwrap_or_else(|e| panic!("{e}"));
        let (_, parsed) = x509_parser::parse_x509_crl(&der).unwrap_or_else(|e| panic!("{e}"));
        let listed: Vec<String> = parsed
            .iter_revoked_certificates()
            .map(|r| hex::encode(r.raw_serial()))
            .collect();
        assert_eq!(listed, vec![a.serial.clone(), b.serial.clone()]);
        let problem = ca.revoke("not hex").err().map(|e| e.to_string());
        assert!(
            problem
                .as_deref()
                .is_some_and(|p| p.contains("is not 1 to 20 bytes of hex")),
            "{problem:?}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("ca").join(REVOKED)).ok(),
            Some(revoked)
        );
    }

    #[test]
    fn a_server_certificate_names_the_listen_address_and_loopback_once() {
        assert_eq!(
            server_names("10.1.2.3:7401", &["liaison.police.example".into()]),
            vec![
                "liaison.police.example",
                "10.1.2.3",
                "localhost",
                "127.0.0.1"
            ]
        );
        assert_eq!(
            server_names("0.0.0.0:7401", &[]),
            vec!["localhost", "127.0.0.1"]
        );
        assert_eq!(
            server_names("127.0.0.1:7401", &[]),
            vec!["127.0.0.1", "localhost"]
        );
    }
}
