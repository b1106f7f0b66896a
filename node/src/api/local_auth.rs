//! Who calls the local API: a bearer token, a client certificate (agency
//! systems, over `[local_tls]` with `client_ca`), or both, mapped to a
//! configured user; refused for a disabled user, and refused for a while
//! after repeated failures from the same address or against the same user
//! ([`crate::exchange::lockout`]). Every refusal is audited, with the source
//! address and never a token.

use std::net::SocketAddr;
use std::sync::Arc;

use rustls::pki_types::{CertificateDer, UnixTime};
use sha2::{Digest, Sha256};
use tokio::time::Instant;
use tonic::codegen::http;
use tonic::transport::server::{TcpConnectInfo, TlsConnectInfo};
use tonic::{Request, Status};

use crate::config::{Account, Config, LocalUser, Subject};
use crate::exchange::Exchange;
use crate::exchange::lockout::Key;

/// A person the console signed in, calling the local services in-process
/// on their behalf. Only the node itself can put it in a request's
/// extensions: nothing a client sends becomes an extension.
#[derive(Debug, Clone)]
pub(crate) struct SignedIn(pub LocalUser);

/// What a caller presented. (No `Debug`: it holds a bearer token.)
pub(crate) struct Credentials {
    /// The `authorization` metadata, if sent: `Err` when it is not text.
    authorization: Option<Result<String, ()>>,
    /// The verified client certificate chain of the connection, leaf first.
    certificates: Option<Arc<Vec<CertificateDer<'static>>>>,
    /// Where the call came from.
    pub address: Option<SocketAddr>,
}

/// A refused authentication: the status to answer, and the user it was
/// an attempt at, when the credentials name one.
#[derive(Debug)]
pub(crate) struct Refused {
    pub status: Status,
    pub user: Option<String>,
}

fn refused(user: Option<&str>, message: String) -> Refused {
    Refused {
        status: Status::unauthenticated(message),
        user: user.map(str::to_string),
    }
}

impl Credentials {
    /// The credentials of a gRPC call.
    pub fn of<T>(request: &Request<T>) -> Credentials {
        Credentials {
            authorization: request
                .metadata()
                .get("authorization")
                .map(|value| value.to_str().map(str::to_string).map_err(|_| ())),
            certificates: request.peer_certs(),
            address: request.remote_addr(),
        }
    }

    /// The credentials of an HTTP/2 request, before tonic decodes it.
    pub fn of_http<B>(request: &http::Request<B>) -> Credentials {
        let tls = request.extensions().get::<TlsConnectInfo<TcpConnectInfo>>();
        let address = tls
            .and_then(|info| info.get_ref().remote_addr())
            .or_else(|| {
                request
                    .extensions()
                    .get::<TcpConnectInfo>()
                    .and_then(TcpConnectInfo::remote_addr)
            });
        Credentials {
            authorization: request
                .headers()
                .get(http::header::AUTHORIZATION)
                .map(|value| value.to_str().map(str::to_string).map_err(|_| ())),
            certificates: tls.and_then(TlsConnectInfo::peer_certs),
            address,
        }
    }
}

/// The configured user `credentials` authenticate, without auditing or
/// counting failures: for [`caller`], and for `body_check`, which audits
/// its own refusals.
///
/// A client certificate names its user by subject; a token by its hash.
/// Given both, they must name the same user; a user configured with a
/// certificate subject must present that certificate, token or not.
pub(crate) fn authenticate(
    exchange: &Exchange,
    credentials: &Credentials,
) -> Result<LocalUser, Refused> {
    let config = exchange.config();
    let config = &*config;
    let by_certificate = certificate_account(config, credentials)?;
    let account = match &credentials.authorization {
        Some(header) => {
            let token = header
                .as_ref()
                .ok()
                .and_then(|h| h.strip_prefix("Bearer "))
                .ok_or_else(|| {
                    refused(
                        None,
                        "authorization metadata must be `Bearer <token>`".into(),
                    )
                })?;
            let hash: [u8; 32] = Sha256::digest(token.trim().as_bytes()).into();
            let Some(account) = config.accounts.by_token(&hash) else {
                // A person's own token: never with a client certificate,
                // which names a service account.
                return match exchange.person_by_token(&hash) {
                    Ok(Some(person)) if by_certificate.is_none() => Ok(person),
                    Ok(Some(person)) => Err(refused(
                        Some(&person.name),
                        format!(
                            "the client certificate is user {}'s, the token person {}'s",
                            by_certificate.map_or("", |a| a.user.name.as_str()),
                            person.name
                        ),
                    )),
                    Ok(None) => Err(refused(None, "unknown token".into())),
                    Err(e) => Err(refused(None, e.to_string())),
                };
            };
            let name = &account.user.name;
            match by_certificate {
                Some(other) if other.user.name != *name => {
                    return Err(refused(
                        Some(name),
                        format!(
                            "the client certificate is user {}'s, the token user {name}'s",
                            other.user.name
                        ),
                    ));
                }
                None if account.certificate.is_some() => {
                    return Err(refused(
                        Some(name),
                        format!("user {name} must present its client certificate"),
                    ));
                }
                _ => account,
            }
        }
        None => by_certificate.ok_or_else(|| {
            refused(
                None,
                "missing `authorization: Bearer <token>` metadata".into(),
            )
        })?,
    };
    if account.disabled {
        return Err(refused(
            Some(&account.user.name),
            format!("user {} is disabled", account.user.name),
        ));
    }
    Ok(account.user.clone())
}

/// The account of the connection's client certificate, if it presented
/// one. The certificate is checked again against the client CA and the
/// revocation lists in force now: a reload may have revoked it, and it
/// may have expired since the handshake.
fn certificate_account<'a>(
    config: &'a Config,
    credentials: &Credentials,
) -> Result<Option<&'a Account>, Refused> {
    let Some((leaf, intermediates)) = credentials
        .certificates
        .as_deref()
        .and_then(|chain| chain.split_first())
    else {
        return Ok(None);
    };
    let Some(verifier) = config
        .local_tls
        .as_ref()
        .and_then(|tls| tls.client_verifier.as_ref())
    else {
        return Err(refused(
            None,
            "client certificates are no longer accepted (local_tls.client_ca is not set)".into(),
        ));
    };
    verifier
        .verify_client_cert(leaf, intermediates, UnixTime::now())
        .map_err(|e| {
            refused(
                None,
                format!("the client certificate is not valid now: {e}"),
            )
        })?;
    let account = Subject::of_certificate(leaf)
        .and_then(|subject| config.accounts.by_subject(&subject))
        .ok_or_else(|| {
            refused(
                None,
                "the client certificate's subject is not configured for any user \
                 (users[].certificate_subject)"
                    .into(),
            )
        })?;
    Ok(Some(account))
}

/// Authenticates a local call, refusing it while its source address or its
/// user is locked out. A refusal is audited with the source address; a
/// failure that locks an address or a user out is audited once more, as
/// the lockout.
pub(crate) async fn caller<T>(
    exchange: &Exchange,
    request: &Request<T>,
) -> Result<LocalUser, Status> {
    if let Some(SignedIn(user)) = request.extensions().get::<SignedIn>() {
        return Ok(user.clone());
    }
    let credentials = Credentials::of(request);
    let lockout = exchange.lockout();
    let now = Instant::now();
    let address = credentials.address.map(|a| Key::Address(a.ip()));
    if let Some(key) = &address
        && let Some(left) = lockout.locked(key, now)
    {
        return Err(locked_out(key, left));
    }
    match authenticate(exchange, &credentials) {
        Ok(user) => {
            let key = Key::User(user.name.clone());
            if let Some(left) = lockout.locked(&key, now) {
                return Err(locked_out(&key, left));
            }
            let mut keys = vec![key];
            keys.extend(address);
            lockout.succeeded(&keys);
            Ok(user)
        }
        Err(refusal) => {
            let detail = format!("unauthenticated local call: {}", refusal.status.message());
            failed(exchange, credentials.address, refusal.user, detail).await?;
            Err(refusal.status)
        }
    }
}

/// Records a failed authentication from `address` (an attempt at `user`,
/// when the credentials named one): audited as `call.refused` with the
/// address and `detail`, and counted towards a lockout, which is audited
/// once when it starts. From an address already locked out nothing is
/// audited or counted, so that no caller can fill the audit log.
pub(crate) async fn failed(
    exchange: &Exchange,
    address: Option<SocketAddr>,
    user: Option<String>,
    detail: String,
) -> Result<(), Status> {
    let config = exchange.config();
    let lockout = exchange.lockout();
    let now = Instant::now();
    let address_key = address.map(|a| Key::Address(a.ip()));
    if address_key
        .as_ref()
        .is_some_and(|key| lockout.locked(key, now).is_some())
    {
        return Ok(());
    }
    let actor = user.clone().unwrap_or_else(|| "unknown".into());
    let from = address.map_or("an unknown address".to_string(), |a| a.ip().to_string());
    exchange
        .audit_refusal(actor.clone(), None, format!("{detail} (from {from})"))
        .await?;
    let mut keys: Vec<Key> = address_key.into_iter().collect();
    keys.extend(user.map(Key::User));
    for locked in lockout.failed(&keys, &config.local_auth, now) {
        let detail = format!(
            "{} locked out of the local API for {} s after {} failed authentications within {} s",
            locked.key,
            config.local_auth.lockout.as_secs(),
            locked.failures,
            config.local_auth.window.as_secs()
        );
        tracing::warn!(%detail, "local API lockout");
        exchange.metrics().local_lockout();
        exchange.audit_refusal(actor.clone(), None, detail).await?;
    }
    Ok(())
}

fn locked_out(key: &Key, left: std::time::Duration) -> Status {
    Status::resource_exhausted(format!(
        "{key} is locked out after too many failed authentications: try again in {} s",
        left.as_secs().max(1)
    ))
}
