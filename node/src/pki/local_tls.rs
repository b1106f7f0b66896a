//! TLS on the local API: rustls, TLS 1.3 only, HTTP/2 by ALPN, with the
//! certificate and key of `[local_tls]` (issued by the country's local CA,
//! not the federation CA; built by the configuration into [`crate::config::LocalTls`]),
//! and client certificates checked against `client_ca` and its CRLs when
//! set. Each connection is served with the configuration in force when it
//! arrives, so a reload (a renewed certificate, a new CRL) applies to the
//! next connection without a restart.
//! Handshakes run concurrently, each bounded in
//! time, so a client that connects and stalls holds up nobody else; a
//! client that does not complete a handshake (plain text, an older TLS
//! version, a CA it does not trust) never reaches a gRPC service.

use std::sync::Arc;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};

use crate::metrics::Metrics;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

/// How long a client has to complete its TLS handshake.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// How many handshakes run at once; further connections wait in the
/// kernel's accept queue until one ends (each ends within
/// [`HANDSHAKE_TIMEOUT`]), so that clients that connect and stall cannot
/// pile up tasks and descriptors without bound.
pub const MAX_HANDSHAKES: usize = 1024;

/// How long accepting pauses after it failed (e.g. out of descriptors).
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// The connections of `listener` that completed a TLS handshake, as a
/// stream for tonic's `serve_with_incoming`. Each handshake runs in its own
/// task under [`HANDSHAKE_TIMEOUT`]; failed ones are logged (address and
/// reason, nothing the client sent), counted, and dropped. `current` gives
/// the server configuration in force.
pub fn incoming(
    listener: TcpListener,
    current: impl Fn() -> Option<Arc<rustls::ServerConfig>> + Send + 'static,
    metrics: Arc<Metrics>,
) -> tokio_stream::wrappers::ReceiverStream<std::io::Result<TlsStream<TcpStream>>> {
    let (sender, receiver) = tokio::sync::mpsc::channel(64);
    let handshakes = Arc::new(tokio::sync::Semaphore::new(MAX_HANDSHAKES));
    tokio::spawn(async move {
        loop {
            let permit = tokio::select! {
                permit = handshakes.clone().acquire_owned() => match permit {
                    Ok(permit) => permit,
                    Err(_) => return,
                },
                () = sender.closed() => return,
            };
            let (stream, address) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    Err(e) => {
                        // Out of file descriptors and the like: the listener
                        // itself stays usable; give connections time to close
                        // rather than spin.
                        tracing::warn!(error = %e, "local API: cannot accept a connection");
                        tokio::time::sleep(ACCEPT_BACKOFF).await;
                        continue;
                    }
                },
                // The server has stopped serving: stop accepting.
                () = sender.closed() => return,
            };
            let _ = stream.set_nodelay(true);
            let Some(config) = current() else {
                tracing::warn!(peer = %address, "local API: no [local_tls] in force; connection closed");
                continue;
            };
            let acceptor = TlsAcceptor::from(config);
            let sender = sender.clone();
            let metrics = metrics.clone();
            tokio::spawn(async move {
                let _permit = permit;
                match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
                    Ok(Ok(tls)) => {
                        let _ = sender.send(Ok(tls)).await;
                    }
                    Ok(Err(e)) => {
                        metrics.local_handshake_refused();
                        tracing::info!(peer = %address, reason = %e, "local API: TLS handshake refused");
                    }
                    Err(_) => {
                        metrics.local_handshake_refused();
                        tracing::info!(peer = %address, "local API: TLS handshake timed out");
                    }
                }
            });
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(receiver)
}
