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
pub fn peer_channel(config: &Config, peer: &Peer) -> Result<Channel, tonic::transport::Error> {
    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(&config.tls.ca_pem))
        .identity(Identity::from_pem(
            &config.tls.cert_pem,
            &config.tls.key_pem,
        ))
        .domain_name(peer.tls_name.clone());
    Ok(Endpoint::from_shared(peer.endpoint.clone())?
        .tls_config(tls)?
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(15))
        .http2_keep_alive_interval(Duration::from_secs(30))
        .keep_alive_timeout(Duration::from_secs(10))
        .connect_lazy())
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
