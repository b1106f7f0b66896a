//! TLS on the local API: rustls, TLS 1.3 only, HTTP/2 by ALPN, with the
//! certificate and key of `[local_tls]` (issued by the country's local CA,
//! not the federation CA; built by the configuration into [`crate::config::LocalTls`]).
//! Handshakes run concurrently, each bounded in
//! time, so a client that connects and stalls holds up nobody else; a
//! client that does not complete a handshake (plain text, an older TLS
//! version, a CA it does not trust) never reaches a gRPC service.

use std::sync::Arc;
use std::time::Duration;

use tokio::net::{TcpListener, TcpStream};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;

/// How long a client has to complete its TLS handshake.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// How long accepting pauses after it failed (e.g. out of descriptors).
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// The connections of `listener` that completed a TLS handshake, as a
/// stream for tonic's `serve_with_incoming`. Each handshake runs in its own
/// task under [`HANDSHAKE_TIMEOUT`]; failed ones are logged (address and
/// reason, nothing the client sent) and dropped.
pub fn incoming(
    listener: TcpListener,
    config: Arc<rustls::ServerConfig>,
) -> tokio_stream::wrappers::ReceiverStream<std::io::Result<TlsStream<TcpStream>>> {
    let acceptor = TlsAcceptor::from(config);
    let (sender, receiver) = tokio::sync::mpsc::channel(64);
    tokio::spawn(async move {
        loop {
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
            let acceptor = acceptor.clone();
            let sender = sender.clone();
            tokio::spawn(async move {
                match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
                    Ok(Ok(tls)) => {
                        let _ = sender.send(Ok(tls)).await;
                    }
                    Ok(Err(e)) => {
                        tracing::info!(peer = %address, reason = %e, "local API: TLS handshake refused");
                    }
                    Err(_) => {
                        tracing::info!(peer = %address, "local API: TLS handshake timed out");
                    }
                }
            });
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(receiver)
}
