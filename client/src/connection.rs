//! Reaching the local node: checks the address given with `--node` (or
//! `LIAISON_NODE`), connects, and asks the node's health service whether it
//! is a gRPC server at all, so that a wrong address or port fails with one
//! sentence saying what to fix rather than a transport error repeated.

use std::path::Path;
use std::time::Duration;

use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint, Identity};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

use crate::failure::Failure;

/// Where the fix is, said the same way by every connection error.
const WHERE_TO_LOOK: &str = "give the node's local API address (`local_listen` in its \
     liaison.toml, e.g. http://127.0.0.1:7401, or https://NAME:PORT with --ca when it serves \
     TLS) with --node or LIAISON_NODE";

fn wrong_address(message: String) -> Failure {
    Failure::invalid("--node", message)
}

/// A client certificate and its key, for an agency system whose
/// certificate names it to the node (`--cert`, `--key`).
#[derive(Debug, Clone)]
pub struct ClientCertificate {
    pub cert: std::path::PathBuf,
    pub key: std::path::PathBuf,
}

impl ClientCertificate {
    /// Both files or neither: `--cert` and `--key` go together.
    pub fn from_flags(
        cert: Option<&Path>,
        key: Option<&Path>,
    ) -> Result<Option<ClientCertificate>, Failure> {
        match (cert, key) {
            (None, None) => Ok(None),
            (Some(cert), Some(key)) => Ok(Some(ClientCertificate {
                cert: cert.to_path_buf(),
                key: key.to_path_buf(),
            })),
            (Some(_), None) => Err(Failure::invalid(
                "--key",
                "--cert needs the certificate's private key with --key (or LIAISON_KEY)",
            )),
            (None, Some(_)) => Err(Failure::invalid(
                "--cert",
                "--key needs its certificate with --cert (or LIAISON_CERT)",
            )),
        }
    }

    /// The certificate and key, read and checked: PEM, and a key file only
    /// its owner can read.
    fn identity(&self) -> Result<Identity, Failure> {
        let cert = std::fs::read(&self.cert).map_err(|e| {
            Failure::invalid(
                "--cert",
                format!("--cert: cannot read {}: {e}", self.cert.display()),
            )
        })?;
        if !String::from_utf8_lossy(&cert).contains("-----BEGIN CERTIFICATE-----") {
            return Err(Failure::invalid(
                "--cert",
                format!("--cert: {} holds no PEM certificate", self.cert.display()),
            ));
        }
        let file = std::fs::File::open(&self.key).map_err(|e| {
            Failure::invalid(
                "--key",
                format!("--key: cannot read {}: {e}", self.key.display()),
            )
        })?;
        let exposed = file
            .metadata()
            .ok()
            .and_then(|meta| crate::config::exposure(&meta));
        if let Some(problem) = exposed {
            return Err(Failure::invalid(
                "--key",
                format!(
                    "--key: {} {problem}: a private key must be readable by you only (chmod 600 {})",
                    self.key.display(),
                    crate::config::shell_word(&self.key)
                ),
            ));
        }
        let key = std::io::read_to_string(file).map_err(|e| {
            Failure::invalid(
                "--key",
                format!("--key: cannot read {}: {e}", self.key.display()),
            )
        })?;
        if !key.contains("PRIVATE KEY-----") {
            return Err(Failure::invalid(
                "--key",
                format!("--key: {} holds no PEM private key", self.key.display()),
            ));
        }
        Ok(Identity::from_pem(cert, key))
    }
}

/// Checks `node`: `http://` (a node's local API on its own host, in plain
/// HTTP/2), or `https://` with the node's local CA in `ca` (TLS 1.3, the
/// server's certificate checked against that CA and the host name), and
/// the client certificate `client` presented if given.
pub fn endpoint(
    node: &str,
    ca: Option<&Path>,
    client: Option<&ClientCertificate>,
) -> Result<Endpoint, Failure> {
    let lower = node.to_ascii_lowercase();
    let tls = lower.starts_with("https://");
    if !tls && !lower.starts_with("http://") {
        let fix = match node.split_once("://") {
            Some((_, rest)) => format!("http://{rest}"),
            None => format!("http://{node}"),
        };
        return Err(wrong_address(format!(
            "--node `{node}` does not start with http:// or https://: write {fix}"
        )));
    }
    let endpoint = Endpoint::from_shared(node.to_string()).map_err(|_| {
        wrong_address(format!(
            "--node `{node}` is not an address like http://127.0.0.1:7401"
        ))
    })?;
    if !tls {
        if client.is_some() {
            return Err(Failure::invalid(
                "--cert",
                format!(
                    "--cert is for a node serving TLS, but --node `{node}` is plain http://: \
                     write https://{} with --ca",
                    &node["http://".len()..]
                ),
            ));
        }
        if ca.is_some() {
            return Err(Failure::invalid(
                "--ca",
                format!(
                    "--ca is for a node serving TLS, but --node `{node}` is plain http://: write \
                     https://{} (or leave out --ca)",
                    &node["http://".len()..]
                ),
            ));
        }
        return Ok(endpoint);
    }
    let Some(ca) = ca else {
        return Err(Failure::invalid(
            "--ca",
            format!(
                "--node `{node}` serves TLS: give the node's local CA certificate with --ca \
                 (or LIAISON_CA), the local-ca.pem its operator hands out"
            ),
        ));
    };
    let pem = std::fs::read(ca).map_err(|e| {
        Failure::invalid("--ca", format!("--ca: cannot read {}: {e}", ca.display()))
    })?;
    if !String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----") {
        return Err(Failure::invalid(
            "--ca",
            format!("--ca: {} holds no PEM certificate", ca.display()),
        ));
    }
    let host = endpoint.uri().host().unwrap_or_default().to_string();
    let mut config = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(pem))
        .domain_name(host);
    if let Some(client) = client {
        config = config.identity(client.identity()?);
    }
    endpoint
        .tls_config(config)
        .map_err(|e| Failure::invalid("--ca", format!("--ca: {e}")))
}

/// The innermost cause of an error: what actually went wrong, once.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    match cause
        .downcast_ref::<std::io::Error>()
        .map(std::io::Error::kind)
    {
        Some(std::io::ErrorKind::ConnectionRefused) => "connection refused".to_string(),
        Some(std::io::ErrorKind::TimedOut) => "timed out".to_string(),
        _ => cause.to_string(),
    }
}

/// Connects to the node at `node` and checks that it answers gRPC.
pub async fn connect(
    node: &str,
    ca: Option<&Path>,
    client: Option<&ClientCertificate>,
) -> Result<Channel, Failure> {
    let channel = endpoint(node, ca, client)?
        .connect_timeout(Duration::from_secs(5))
        .connect()
        .await
        .map_err(|e| {
            Failure::new(
                "UNAVAILABLE",
                Some("--node"),
                format!(
                    "no node answers at {node} ({}): start the node, or {WHERE_TO_LOOK}",
                    root_cause(&e)
                ),
            )
        })?;
    // Every node serves gRPC health on its local API without a token.
    // Anything that fails this check is not a node's local API: its
    // federation listener (which wants TLS), its metrics listener, or
    // something else altogether. A node that answers is fine whatever
    // health it reports: the command itself will say what is wrong.
    let probe = HealthClient::new(channel.clone())
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await;
    match probe {
        Err(status)
            if !matches!(
                status.code(),
                tonic::Code::NotFound | tonic::Code::Unauthenticated
            ) =>
        {
            Err(Failure::new(
                "UNAVAILABLE",
                Some("--node"),
                format!(
                    "what answers at {node} is not a Liaison node's local API (it may be the \
                     node's federation or metrics port): {WHERE_TO_LOOK}"
                ),
            ))
        }
        _ => Ok(channel),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_without_http_say_how_to_write_them() {
        let error = endpoint("127.0.0.1:7401", None, None).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("--node"));
        assert_eq!(
            error.message,
            "--node `127.0.0.1:7401` does not start with http:// or https://: write http://127.0.0.1:7401"
        );
        let error = endpoint("localhost:7401", None, None).unwrap_err();
        assert!(
            error.message.ends_with("write http://localhost:7401"),
            "{}",
            error.message
        );
        let error = endpoint("grpc://127.0.0.1:7401", None, None).unwrap_err();
        assert!(
            error.message.ends_with("write http://127.0.0.1:7401"),
            "{}",
            error.message
        );
        let error = endpoint("https://127.0.0.1:7401", None, None).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("--ca"));
        assert!(
            error.message.contains("give the node's local CA"),
            "{}",
            error.message
        );
        let error = endpoint("http://127.0.0.1:7401", Some(Path::new("ca.pem")), None).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("--ca"));
        assert!(
            error.message.contains("write https://127.0.0.1:7401"),
            "{}",
            error.message
        );
        let error = endpoint(
            "https://127.0.0.1:7401",
            Some(Path::new("/nonexistent/ca.pem")),
            None,
        )
        .unwrap_err();
        assert!(
            error
                .message
                .starts_with("--ca: cannot read /nonexistent/ca.pem"),
            "{}",
            error.message
        );
        assert!(endpoint("http://127.0.0.1:7401", None, None).is_ok());
        assert!(endpoint("HTTP://127.0.0.1:7401", None, None).is_ok());
        assert!(endpoint("http://", None, None).is_err());
    }
}
