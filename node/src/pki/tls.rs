//! Mutual TLS between nodes (rustls with the ring provider, through tonic):
//! the server requires a client certificate issued by the federation CA, and
//! the country of a caller is read from the DNS name its certificate carries.

use std::time::Duration;

use liaison_proto::domain::CountryCode;
use tonic::transport::{
    Certificate, Channel, ClientTlsConfig, Endpoint, Identity, ServerTlsConfig,
};

use crate::config::{Config, Peer};

/// Server side: our identity, and client certificates required and checked
/// against the federation CA.
pub fn server_config(config: &Config) -> ServerTlsConfig {
    ServerTlsConfig::new()
        .identity(Identity::from_pem(
            &config.tls.cert_pem,
            &config.tls.key_pem,
        ))
        .client_ca_root(Certificate::from_pem(&config.tls.ca_pem))
}

/// A lazily connecting channel to a peer, presenting our certificate and
/// accepting only the peer's own name signed by the federation CA.
///
/// The connection's timeout covers the TLS handshake as well as the TCP
/// connection: with tonic's own connector it bounds the TCP connection
/// only, and a peer that accepts connections but never answers (half-open,
/// or hung) would hold the channel, and every delivery to that peer,
/// forever.
pub fn peer_channel(config: &Config, peer: &Peer) -> Result<Channel, tonic::transport::Error> {
    let mut tcp = hyper_util::client::legacy::connect::HttpConnector::new();
    tcp.enforce_http(false);
    tcp.set_nodelay(true);
    tcp.set_connect_timeout(Some(CONNECT_TIMEOUT));
    Ok(mtls_endpoint(config, &peer.endpoint, &peer.tls_name)?.connect_with_connector_lazy(tcp))
}

/// How long a connection to a peer may take, TLS handshake included.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

/// An endpoint at `url` that presents this node's certificate and expects
/// one named `tls_name` from the federation CA.
pub fn mtls_endpoint(
    config: &Config,
    url: &str,
    tls_name: &str,
) -> Result<Endpoint, tonic::transport::Error> {
    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(&config.tls.ca_pem))
        .identity(Identity::from_pem(
            &config.tls.cert_pem,
            &config.tls.key_pem,
        ))
        .domain_name(tls_name.to_string());
    Ok(Endpoint::from_shared(url.to_string())?
        .tls_config(tls)?
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(Duration::from_secs(15))
        .http2_keep_alive_interval(Duration::from_secs(30))
        .keep_alive_timeout(Duration::from_secs(10)))
}

/// The DNS names in a DER certificate's subject alternative name extension.
pub fn dns_names(der: &[u8]) -> Vec<String> {
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(der) else {
        return Vec::new();
    };
    let Ok(Some(san)) = cert.subject_alternative_name() else {
        return Vec::new();
    };
    san.value
        .general_names
        .iter()
        .filter_map(|name| match name {
            x509_parser::extensions::GeneralName::DNSName(dns) => Some(dns.to_string()),
            _ => None,
        })
        .collect()
}

/// The configured peer whose TLS name the certificate carries.
pub fn peer_of(config: &Config, der: &[u8]) -> Option<CountryCode> {
    let names = dns_names(der);
    config
        .peers
        .values()
        .find(|p| names.iter().any(|n| n.eq_ignore_ascii_case(&p.tls_name)))
        .map(|p| p.country)
}

/// Certificates closer than this to their end are warned about at start.
pub const EXPIRY_WARNING_DAYS: i64 = 30;

/// When a PEM certificate stops being valid (Unix seconds).
pub fn not_after(pem: &[u8]) -> Option<i64> {
    let (_, pem) = x509_parser::pem::parse_x509_pem(pem).ok()?;
    let cert = pem.parse_x509().ok()?;
    Some(cert.validity().not_after.timestamp())
}

/// Publishes the expiry of the node's certificate and of the federation CA
/// in the metrics, and warns in the log about any that is expired or ends
/// within [`EXPIRY_WARNING_DAYS`].
pub fn check_expiry(config: &Config, metrics: &crate::metrics::Metrics) {
    let now = crate::clock::now_ms() / 1000;
    for (which, pem) in [("node", &config.tls.cert_pem), ("ca", &config.tls.ca_pem)] {
        let Some(end) = not_after(pem.as_ref()) else {
            tracing::warn!(certificate = which, "cannot read the certificate's expiry");
            continue;
        };
        metrics.certificate_expires(which, end);
        match expiry(end, now) {
            Expiry::Expired => tracing::error!(
                certificate = which,
                "certificate has EXPIRED: peers will refuse it"
            ),
            Expiry::Soon { days_left } => tracing::warn!(
                certificate = which,
                days_left,
                "certificate expires soon: renew it"
            ),
            Expiry::Later => {}
        }
    }
}

/// How close a certificate ending at `end` is to its end at `now` (both
/// Unix seconds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    Expired,
    /// Within [`EXPIRY_WARNING_DAYS`].
    Soon {
        days_left: i64,
    },
    Later,
}

pub fn expiry(end: i64, now: i64) -> Expiry {
    let days_left = (end - now) / 86_400;
    if end <= now {
        Expiry::Expired
    } else if days_left < EXPIRY_WARNING_DAYS {
        Expiry::Soon { days_left }
    } else {
        Expiry::Later
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_is_read_from_the_certificate_and_judged() {
        let key = rcgen::KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
        let mut params = rcgen::CertificateParams::new(vec!["tha.liaison".to_string()])
            .unwrap_or_else(|e| panic!("{e}"));
        params.not_after = rcgen::date_time_ymd(2031, 5, 17);
        let cert = params.self_signed(&key).unwrap_or_else(|e| panic!("{e}"));
        // 2031-05-17T00:00:00Z
        let end = 1_936_742_400;
        assert_eq!(not_after(cert.pem().as_bytes()), Some(end));
        assert_eq!(not_after(b"not a certificate"), None);

        let day = 86_400;
        assert_eq!(expiry(end, end + 1), Expiry::Expired);
        assert_eq!(expiry(end, end), Expiry::Expired);
        assert_eq!(expiry(end, end - 3 * day), Expiry::Soon { days_left: 3 });
        assert_eq!(
            expiry(end, end - 30 * day + 1),
            Expiry::Soon { days_left: 29 }
        );
        assert_eq!(expiry(end, end - 30 * day), Expiry::Later);
    }
}
