//! The web console: pages for people with personal accounts, served by the
//! node itself on its own listener (`[console]`): HTTPS, or plain HTTP on
//! loopback only. Pages are rendered on the server from compiled,
//! auto-escaping templates (maud); the CSS and the few lines of script are
//! compiled into the binary, and every page works without the script.
//!
//! The console holds no business logic: each page calls the same local
//! services the gRPC API serves (`FocalPoint`, `Agency`, `Audit`, `Admin`,
//! `Evidence`, `Hits`),
//! in-process, as the signed-in person ([`SignedIn`]), so every check, every
//! refusal and every audit entry is the API's own, with the person's name.
//!
//! Every response carries a strict Content-Security-Policy (no inline
//! script or style, nothing from elsewhere), `X-Content-Type-Options`,
//! `Referrer-Policy`, `frame-ancestors 'none'` and `Cache-Control:
//! no-store`. Sessions, sign-in and CSRF are in [`session`]; languages in
//! [`i18n`].

mod admin;
mod agency;
mod auditor;
mod evidence;
mod focal;
#[doc(hidden)]
pub mod fuzzing;
mod hits;
pub mod i18n;
mod layout;
mod lists;
mod session;
mod users;
mod view;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tokio::net::TcpListener;
use tokio::sync::mpsc;

use crate::api::admin::AdminService;
use crate::api::audit::AuditService;
use crate::api::evidence::EvidenceService;
use crate::api::hits::HitsService;
use crate::api::local::{AgencyService, FocalPointService};
use crate::api::local_auth::SignedIn;
use crate::config::LocalUser;
use crate::exchange::Exchange;
use crate::exchange::outbox::PeerClients;

pub use i18n::I18n;

/// What every page handler needs.
#[derive(Debug, Clone)]
pub struct Console {
    exchange: Arc<Exchange>,
    focal: FocalPointService,
    agency: AgencyService,
    admin: AdminService,
    audit: AuditService,
    evidence: EvidenceService,
    hits: HitsService,
    i18n: Arc<I18n>,
}

impl Console {
    pub fn new(exchange: Arc<Exchange>, peers: PeerClients) -> Result<Console, String> {
        Ok(Console {
            focal: FocalPointService::new(exchange.clone()),
            agency: AgencyService::new(exchange.clone()),
            admin: AdminService::new(exchange.clone(), peers.clone()),
            hits: HitsService::new(exchange.clone(), peers),
            audit: AuditService::new(exchange.clone()),
            evidence: EvidenceService::new(exchange.clone()),
            i18n: Arc::new(I18n::load()?),
            exchange,
        })
    }
}

/// A call to a local service as `user`.
fn as_person<T>(user: &LocalUser, message: T) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request.extensions_mut().insert(SignedIn(user.clone()));
    request
}

/// The console's routes.
pub fn router(console: Console) -> Router {
    Router::new()
        .route("/", get(session::home))
        .route("/login", get(session::login_page).post(session::login))
        .route("/login/totp", get(session::totp_page).post(session::totp))
        .route("/logout", post(session::logout))
        .route("/language", post(session::language))
        .route("/account", get(session::account))
        .route("/account/password", post(session::change_password))
        .route("/account/totp", post(session::enrol_totp))
        .route("/account/token", post(session::issue_token))
        .route("/requests", get(focal::dashboard))
        .route("/requests/new", get(focal::new_form).post(focal::submit))
        .route("/requests/{id}", get(focal::request_page))
        .route("/requests/{id}/withdraw", post(focal::withdraw))
        .route("/hits", get(hits::page))
        .route("/hits/check", post(hits::check))
        .route("/inbox", get(agency::inbox))
        .route("/inbox/{id}", get(agency::request_page))
        .route("/inbox/{id}/answer", post(agency::answer))
        .route("/inbox/{id}/refuse", post(agency::refuse))
        // The upload streams the file, bounded by the node's own limit.
        .route(
            "/evidence/{id}/upload",
            post(evidence::upload).layer(DefaultBodyLimit::disable()),
        )
        .route("/evidence/{id}/send", post(evidence::send))
        .route("/lists", get(lists::page))
        .route("/lists/import", post(lists::import))
        .route("/lists/remove", post(lists::remove))
        .route("/evidence/{id}/package", post(evidence::package))
        .route("/evidence/{id}/files/{file}", post(evidence::download))
        .route("/admin/users", get(users::users).post(users::user_action))
        .route("/audit", get(auditor::log))
        .route("/audit/verify", post(auditor::verify))
        .route("/audit/export", get(auditor::export))
        .route("/reports", get(auditor::reports))
        .route("/admin/peers", get(admin::peers))
        .route("/admin/agreements/{peer}", get(admin::agreements))
        .route("/static/console.css", get(layout::css))
        .route("/static/console.js", get(layout::js))
        .fallback(not_found)
        .layer(middleware::from_fn(security_headers))
        .with_state(console)
}

async fn not_found(State(console): State<Console>, request: Request) -> Response {
    let language = console.i18n.pick(session::accepted(request.headers()));
    layout::message_page(
        &console,
        language.tag,
        StatusCode::NOT_FOUND,
        &console.i18n.text(language.tag, "not-found", None),
    )
}

/// The headers every response carries.
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// Serves the console on `listener` until the node closes: HTTPS when
/// `[console]` has a certificate (read again for every connection, so a
/// reload replaces it), plain HTTP otherwise (loopback only, as the
/// configuration checks).
pub async fn serve(listener: TcpListener, console: Console) -> std::io::Result<()> {
    let exchange = console.exchange.clone();
    let mut closing = exchange.closing();
    let shutdown = async move {
        let _ = closing.wait_for(|closed| *closed).await;
    };
    let https = exchange
        .config()
        .console
        .as_ref()
        .is_some_and(|c| c.tls.is_some());
    let app = router(console).into_make_service_with_connect_info::<Client>();
    if https {
        let tls = TlsListener::start(listener, exchange)?;
        axum::serve(tls, app).with_graceful_shutdown(shutdown).await
    } else {
        axum::serve(PlainListener(listener), app)
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Where a browser connects from.
#[derive(Debug, Clone, Copy)]
pub struct Client(pub SocketAddr);

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, TlsListener>>
    for Client
{
    fn connect_info(stream: axum::serve::IncomingStream<'_, TlsListener>) -> Client {
        Client(*stream.remote_addr())
    }
}

impl axum::extract::connect_info::Connected<axum::serve::IncomingStream<'_, PlainListener>>
    for Client
{
    fn connect_info(stream: axum::serve::IncomingStream<'_, PlainListener>) -> Client {
        Client(*stream.remote_addr())
    }
}

/// Plain HTTP, on loopback only.
struct PlainListener(TcpListener);

impl axum::serve::Listener for PlainListener {
    type Io = tokio::net::TcpStream;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        axum::serve::Listener::accept(&mut self.0).await
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        self.0.local_addr()
    }
}

/// Accepts TCP connections and completes their TLS handshakes in tasks of
/// their own (a slow client holds up no other), within 10 seconds.
struct TlsListener {
    ready: mpsc::Receiver<(
        tokio_rustls::server::TlsStream<tokio::net::TcpStream>,
        SocketAddr,
    )>,
    local: SocketAddr,
}

impl TlsListener {
    fn start(listener: TcpListener, exchange: Arc<Exchange>) -> std::io::Result<TlsListener> {
        let local = listener.local_addr()?;
        let (tx, ready) = mpsc::channel(64);
        tokio::spawn(async move {
            let mut closing = exchange.closing();
            loop {
                let accepted = tokio::select! {
                    accepted = listener.accept() => accepted,
                    _ = closing.wait_for(|closed| *closed) => return,
                };
                let Ok((stream, address)) = accepted else {
                    continue;
                };
                let Some(config) = exchange
                    .config()
                    .console
                    .as_ref()
                    .and_then(|c| c.tls.clone())
                else {
                    continue;
                };
                let tx = tx.clone();
                tokio::spawn(async move {
                    let acceptor = tokio_rustls::TlsAcceptor::from(config);
                    let handshake =
                        tokio::time::timeout(Duration::from_secs(10), acceptor.accept(stream));
                    if let Ok(Ok(tls)) = handshake.await {
                        let _ = tx.send((tls, address)).await;
                    }
                });
            }
        });
        Ok(TlsListener { ready, local })
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = tokio_rustls::server::TlsStream<tokio::net::TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(next) => next,
            // The node is closing: wait for the graceful shutdown.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(self.local)
    }
}

/// The HTTP status a refusal of a local service is shown with.
fn http_status(status: &tonic::Status) -> StatusCode {
    match status.code() {
        tonic::Code::PermissionDenied => StatusCode::FORBIDDEN,
        tonic::Code::NotFound => StatusCode::NOT_FOUND,
        tonic::Code::Unauthenticated => StatusCode::UNAUTHORIZED,
        tonic::Code::InvalidArgument | tonic::Code::FailedPrecondition => StatusCode::BAD_REQUEST,
        tonic::Code::ResourceExhausted => StatusCode::TOO_MANY_REQUESTS,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A refusal shown as a page.
fn status_page(console: &Console, tag: &str, status: &tonic::Status) -> Response {
    layout::message_page(console, tag, http_status(status), status.message()).into_response()
}
