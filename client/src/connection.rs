//! Reaching the local node: checks the address given with `--node` (or
//! `LIAISON_NODE`), connects, and asks the node's health service whether it
//! is a gRPC server at all, so that a wrong address or port fails with one
//! sentence saying what to fix rather than a transport error repeated.

use std::time::Duration;

use tonic::transport::{Channel, Endpoint};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_client::HealthClient;

use crate::failure::Failure;

/// Where the fix is, said the same way by every connection error.
const WHERE_TO_LOOK: &str = "give the node's local API address (`local_listen` in its \
     liaison.toml, e.g. http://127.0.0.1:7401) with --node or LIAISON_NODE";

fn wrong_address(message: String) -> Failure {
    Failure::invalid("--node", message)
}

/// Checks that `node` is an `http://` address. The node's local API is
/// plain HTTP/2 on loopback; it never serves TLS.
pub fn endpoint(node: &str) -> Result<Endpoint, Failure> {
    let lower = node.to_ascii_lowercase();
    if lower.starts_with("https://") {
        return Err(wrong_address(format!(
            "--node `{node}` asks for TLS, which a node's local API does not serve (it listens \
             on loopback, in plain HTTP): write http://{}",
            &node["https://".len()..]
        )));
    }
    if !lower.starts_with("http://") {
        let fix = match node.split_once("://") {
            Some((_, rest)) => format!("http://{rest}"),
            None => format!("http://{node}"),
        };
        return Err(wrong_address(format!(
            "--node `{node}` does not start with http://: write {fix}"
        )));
    }
    Endpoint::from_shared(node.to_string()).map_err(|_| {
        wrong_address(format!(
            "--node `{node}` is not an address like http://127.0.0.1:7401"
        ))
    })
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
pub async fn connect(node: &str) -> Result<Channel, Failure> {
    let channel = endpoint(node)?
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
        let error = endpoint("127.0.0.1:7401").unwrap_err();
        assert_eq!(error.field.as_deref(), Some("--node"));
        assert_eq!(
            error.message,
            "--node `127.0.0.1:7401` does not start with http://: write http://127.0.0.1:7401"
        );
        let error = endpoint("localhost:7401").unwrap_err();
        assert!(
            error.message.ends_with("write http://localhost:7401"),
            "{}",
            error.message
        );
        let error = endpoint("grpc://127.0.0.1:7401").unwrap_err();
        assert!(
            error.message.ends_with("write http://127.0.0.1:7401"),
            "{}",
            error.message
        );
        let error = endpoint("https://127.0.0.1:7401").unwrap_err();
        assert!(
            error.message.ends_with("write http://127.0.0.1:7401"),
            "{}",
            error.message
        );
        assert!(endpoint("http://127.0.0.1:7401").is_ok());
        assert!(endpoint("HTTP://127.0.0.1:7401").is_ok());
        assert!(endpoint("http://").is_err());
    }
}
