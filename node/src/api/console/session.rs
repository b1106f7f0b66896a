//! Who is using the console: the session cookie (`HttpOnly`,
//! `SameSite=Strict`, `Secure` over HTTPS; the store keeps only its hash),
//! the CSRF token every state-changing form carries, sign-in with a
//! password and a second factor, sign-out, the person's language, and the
//! account page (password, second factor, personal API token).

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use maud::html;

use super::i18n::Language;
use super::layout::{self, Frame};
use super::{Client, Console};
use crate::config::Role;
use crate::exchange::accounts::{self, ActiveSession, MIN_PASSWORD_CHARS, SignInRefusal};

/// The language chosen before signing in.
const LANGUAGE_COOKIE: &str = "liaison-lang";

/// A form's fields, repeated names kept in order.
#[derive(Debug, Default)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn https(console: &Console) -> bool {
    console
        .exchange
        .config()
        .console
        .as_ref()
        .is_some_and(|c| c.tls.is_some())
}

/// The session cookie's name: one per country, since browsers keep
/// cookies by host and not by port, and the consoles of a federation on
/// one machine share a host. Over HTTPS it has the `__Host-` prefix
/// (Secure, no Domain, Path `/`).
fn session_cookie_name(console: &Console) -> String {
    let country = console.exchange.country().as_str().to_ascii_lowercase();
    if https(console) {
        format!("__Host-liaison-{country}")
    } else {
        format!("liaison-{country}")
    }
}

/// The sign-in form's own CSRF cookie, per country like the session's.
fn login_cookie_name(console: &Console) -> String {
    format!(
        "liaison-login-{}",
        console.exchange.country().as_str().to_ascii_lowercase()
    )
}

/// A `Set-Cookie` value with the console's attributes.
fn cookie(console: &Console, name: &str, value: &str, max_age: Option<u64>) -> HeaderValue {
    let mut text = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if https(console) {
        text.push_str("; Secure");
    }
    if let Some(age) = max_age {
        text.push_str(&format!("; Max-Age={age}"));
    }
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static("invalid=1"))
}

/// The value of cookie `name`, if sent.
pub(super) fn read_cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The languages `Accept-Language` lists, best first.
pub fn accepted(headers: &HeaderMap) -> Vec<&str> {
    let mut tags: Vec<(&str, f32)> = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse().ok()))
                .unwrap_or(1.0);
            (!tag.is_empty()).then_some((tag, q))
        })
        .collect();
    tags.sort_by(|a, b| b.1.total_cmp(&a.1));
    tags.into_iter().map(|(tag, _)| tag).collect()
}

/// The language of a visitor not signed in: the cookie, then the browser's.
fn visitor_language(console: &Console, headers: &HeaderMap) -> &'static Language {
    let mut wanted: Vec<&str> = read_cookie(headers, LANGUAGE_COOKIE).into_iter().collect();
    wanted.extend(accepted(headers));
    console.i18n.pick(wanted)
}

/// Compares two tokens in time independent of where they differ.
pub(super) fn same_token(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A signed-in person on a page: their session, language and where they
/// connect from.
#[derive(Debug)]
pub struct Person {
    pub active: ActiveSession,
    pub language: &'static Language,
    pub from: Option<SocketAddr>,
}

impl Person {
    pub fn tag(&self) -> &'static str {
        self.language.tag
    }

    /// The page frame for this person.
    pub fn frame<'a>(&'a self, console: &'a Console) -> Frame<'a> {
        Frame {
            console,
            language: self.language,
            person: Some(layout::Viewer {
                user: &self.active.user,
                csrf: &self.active.session.csrf,
            }),
        }
    }

    /// Checks the form's CSRF token: the refusal (403) if it is not the
    /// session's.
    pub fn check_csrf(&self, console: &Console, fields: &Fields) -> Option<Response> {
        if same_token(fields.get("csrf"), &self.active.session.csrf) {
            None
        } else {
            Some(layout::message_page(
                console,
                self.tag(),
                StatusCode::FORBIDDEN,
                &console.i18n.text(self.tag(), "csrf-refused", None),
            ))
        }
    }

    /// Refuses the page unless the person's role allows it: the refusal
    /// (403, audited), if any.
    pub async fn require(
        &self,
        console: &Console,
        allowed: impl Fn(&Role) -> bool,
        action: &str,
    ) -> Option<Response> {
        if allowed(&self.active.user.role) {
            return None;
        }
        let _ = console
            .exchange
            .audit_refusal(
                self.active.user.name.clone(),
                None,
                format!("{} may not {action} (console)", self.active.user.role),
            )
            .await;
        let role = self.active.user.role.to_string();
        let args = super::i18n::args(&[("role", role.into())]);
        Some(layout::message_page(
            console,
            self.tag(),
            StatusCode::FORBIDDEN,
            &console.i18n.text(self.tag(), "forbidden", Some(&args)),
        ))
    }
}

/// A person whose sign-in may still be incomplete (second factor, own
/// password, enrolment still due): for the pages that complete it.
#[derive(Debug)]
pub struct AnyPerson(pub Person);

async fn person_of(parts: &mut Parts, console: &Console) -> Result<Person, Response> {
    let from = parts
        .extensions
        .get::<ConnectInfo<Client>>()
        .map(|info| info.0.0);
    let cookie = read_cookie(&parts.headers, &session_cookie_name(console));
    let active = match cookie {
        Some(cookie) => console.exchange.session(cookie).await.ok().flatten(),
        None => None,
    };
    let Some(active) = active else {
        let to = if cookie.is_some() {
            "/login?ended=1"
        } else {
            "/login"
        };
        return Err(Redirect::to(to).into_response());
    };
    // The person's choice, then the one made before signing in, then the
    // browser's.
    let mut wanted: Vec<&str> = active.person.language.as_deref().into_iter().collect();
    wanted.extend(read_cookie(&parts.headers, LANGUAGE_COOKIE));
    wanted.extend(accepted(&parts.headers));
    let language = console.i18n.pick(wanted);
    Ok(Person {
        active,
        language,
        from,
    })
}

impl FromRequestParts<Console> for AnyPerson {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, console: &Console) -> Result<Self, Response> {
        person_of(parts, console).await.map(AnyPerson)
    }
}

impl FromRequestParts<Console> for Person {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, console: &Console) -> Result<Self, Response> {
        let person = person_of(parts, console).await?;
        let config = console.exchange.config();
        if person.active.session.awaiting_totp {
            return Err(Redirect::to("/login/totp").into_response());
        }
        if !person.active.complete(&config) {
            return Err(Redirect::to("/account").into_response());
        }
        Ok(person)
    }
}

/// Where a role starts.
fn home_of(role: &Role) -> &'static str {
    match role {
        Role::FocalPoint => "/requests",
        Role::Agency(_) => "/inbox",
        Role::Auditor => "/audit",
        Role::Admin => "/admin/peers",
    }
}

pub async fn home(person: Person) -> Response {
    Redirect::to(home_of(&person.active.user.role)).into_response()
}

fn login_form(
    console: &Console,
    language: &'static Language,
    message: Option<String>,
    token: &str,
) -> maud::Markup {
    let t = |id: &str| console.i18n.text(language.tag, id, None);
    let frame = Frame {
        console,
        language,
        person: None,
    };
    frame.page(
        &t("sign-in-title"),
        html! {
            @if let Some(message) = message {
                p.notice role="alert" { (message) }
            }
            form.card method="post" action="/login" {
                input type="hidden" name="csrf" value=(token);
                label for="login" { (t("login")) }
                input #login name="login" autocomplete="username" required autofocus;
                label for="password" { (t("password")) }
                input #password type="password" name="password" autocomplete="current-password" required;
                button type="submit" { (t("sign-in")) }
            }
        },
    )
}

#[derive(Debug, serde::Deserialize)]
pub struct LoginQuery {
    #[serde(default)]
    ended: Option<String>,
    #[serde(default)]
    out: Option<String>,
}

pub async fn login_page(
    State(console): State<Console>,
    headers: HeaderMap,
    axum::extract::Query(query): axum::extract::Query<LoginQuery>,
) -> Response {
    let language = visitor_language(&console, &headers);
    let message = if query.ended.is_some() {
        Some(console.i18n.text(language.tag, "session-ended", None))
    } else if query.out.is_some() {
        Some(console.i18n.text(language.tag, "signed-out", None))
    } else {
        None
    };
    let token = match crate::pki::random_bytes::<16>() {
        Ok(bytes) => hex::encode(bytes),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let mut response = login_form(&console, language, message, &token).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie(&console, &login_cookie_name(&console), &token, Some(3600)),
    );
    response
}

pub async fn login(
    State(console): State<Console>,
    ConnectInfo(Client(from)): ConnectInfo<Client>,
    headers: HeaderMap,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    let language = visitor_language(&console, &headers);
    let expected = read_cookie(&headers, &login_cookie_name(&console)).unwrap_or("");
    if expected.is_empty() || !same_token(fields.get("csrf"), expected) {
        return layout::message_page(
            &console,
            language.tag,
            StatusCode::FORBIDDEN,
            &console.i18n.text(language.tag, "csrf-refused", None),
        );
    }
    let refused = |console: &Console| {
        (
            StatusCode::UNAUTHORIZED,
            login_form(
                console,
                language,
                Some(console.i18n.text(language.tag, "sign-in-refused", None)),
                expected,
            ),
        )
            .into_response()
    };
    let login = fields.get("login").trim().to_string();
    let person = match console
        .exchange
        .check_sign_in(&login, fields.get("password"), Some(from.ip()))
        .await
    {
        Ok(person) => person,
        Err(SignInRefusal::Wrong | SignInRefusal::Locked | SignInRefusal::Disabled) => {
            return refused(&console);
        }
    };
    let (cookie_value, active) = match console
        .exchange
        .open_session(&person, Some(from.ip()))
        .await
    {
        Ok(opened) => opened,
        Err(e) => return layout::error_page(&console, language.tag, &e.to_string()),
    };
    let next = if active.session.awaiting_totp {
        "/login/totp"
    } else if active.complete(&console.exchange.config()) {
        home_of(&active.user.role)
    } else {
        "/account"
    };
    let mut response = Redirect::to(next).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie(
            &console,
            &session_cookie_name(&console),
            &cookie_value.0,
            None,
        ),
    );
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie(&console, &login_cookie_name(&console), "", Some(0)),
    );
    response
}

pub async fn totp_page(State(console): State<Console>, AnyPerson(person): AnyPerson) -> Response {
    if !person.active.session.awaiting_totp {
        return Redirect::to("/").into_response();
    }
    totp_form(&console, &person, None).into_response()
}

fn totp_form(console: &Console, person: &Person, message: Option<String>) -> maud::Markup {
    let t = |id: &str| console.i18n.text(person.tag(), id, None);
    person.frame(console).page(
        &t("second-factor"),
        html! {
            @if let Some(message) = message {
                p.notice role="alert" { (message) }
            }
            form.card method="post" action="/login/totp" {
                input type="hidden" name="csrf" value=(person.active.session.csrf);
                label for="code" { (t("second-factor-code")) }
                input #code name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required autofocus;
                button type="submit" { (t("verify")) }
            }
        },
    )
}

pub async fn totp(
    State(console): State<Console>,
    AnyPerson(person): AnyPerson,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if !person.active.session.awaiting_totp {
        return Redirect::to("/").into_response();
    }
    match console
        .exchange
        .check_totp(
            &person.active,
            fields.get("code"),
            person.from.map(|a| a.ip()),
        )
        .await
    {
        Ok(()) => Redirect::to(if person.active.person.must_change_password {
            "/account"
        } else {
            home_of(&person.active.user.role)
        })
        .into_response(),
        Err(_) => {
            let message = console
                .i18n
                .text(person.tag(), "second-factor-refused", None);
            (
                StatusCode::UNAUTHORIZED,
                totp_form(&console, &person, Some(message)),
            )
                .into_response()
        }
    }
}

pub async fn logout(
    State(console): State<Console>,
    AnyPerson(person): AnyPerson,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if let Err(e) = console.exchange.sign_out(&person.active).await {
        return layout::error_page(&console, person.tag(), &e.to_string());
    }
    let mut response = Redirect::to("/login?out=1").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie(&console, &session_cookie_name(&console), "", Some(0)),
    );
    response
}

/// Chooses the language: remembered on the account when signed in, in a
/// cookie before.
pub async fn language(
    State(console): State<Console>,
    headers: HeaderMap,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    let chosen = console.i18n.pick([fields.get("language")]);
    let cookie_value = read_cookie(&headers, &session_cookie_name(&console));
    let active = match cookie_value {
        Some(value) => console.exchange.session(value).await.ok().flatten(),
        None => None,
    };
    let back = match active {
        Some(active) => {
            if !same_token(fields.get("csrf"), &active.session.csrf) {
                return layout::message_page(
                    &console,
                    chosen.tag,
                    StatusCode::FORBIDDEN,
                    &console.i18n.text(chosen.tag, "csrf-refused", None),
                );
            }
            if let Err(e) = console.exchange.set_language(&active, chosen.tag).await {
                return layout::error_page(&console, chosen.tag, &e.to_string());
            }
            home_of(&active.user.role)
        }
        None => "/login",
    };
    let mut response = Redirect::to(back).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie(&console, LANGUAGE_COOKIE, chosen.tag, Some(365 * 86_400)),
    );
    response
}

/// The account page: what must be done first, the password, the second
/// factor, a personal API token.
pub async fn account(State(console): State<Console>, AnyPerson(person): AnyPerson) -> Response {
    if person.active.session.awaiting_totp {
        return Redirect::to("/login/totp").into_response();
    }
    account_page(&console, &person, None, None).into_response()
}

fn account_page(
    console: &Console,
    person: &Person,
    message: Option<String>,
    extra: Option<maud::Markup>,
) -> maud::Markup {
    let tag = person.tag();
    let t = |id: &str| console.i18n.text(tag, id, None);
    let config = console.exchange.config();
    let active = &person.active;
    let csrf = &active.session.csrf;
    let rule = console.i18n.text(
        tag,
        "new-password-rule",
        Some(&super::i18n::args(&[("min", MIN_PASSWORD_CHARS.into())])),
    );
    person.frame(console).page(
        &t("account-title"),
        html! {
            @if let Some(message) = message {
                p.notice role="status" { (message) }
            }
            @if let Some(extra) = extra { (extra) }
            @if active.person.must_change_password {
                p.notice role="alert" { (t("must-change-password")) }
            }
            @if active.needs_totp_enrolment(&config) {
                p.notice role="alert" { (t("totp-required")) }
            }
            section.card {
                h2 { (t("change-password")) }
                form method="post" action="/account/password" {
                    input type="hidden" name="csrf" value=(csrf);
                    label for="current_password" { (t("current-password")) }
                    input #current_password type="password" name="current_password" autocomplete="current-password" required;
                    label for="new_password" { (t("new-password")) }
                    input #new_password type="password" name="new_password" autocomplete="new-password" required minlength=(MIN_PASSWORD_CHARS) aria-describedby="password-rule";
                    p #password-rule .hint { (rule) }
                    button type="submit" { (t("change-password")) }
                }
            }
            section.card {
                h2 { (t("enrol-totp")) }
                @if active.person.totp_secret.is_some() {
                    p { (t("totp-active")) }
                } @else if let Some(secret) = &active.session.enrolling_totp {
                    p { (t("totp-secret")) }
                    p { code.secret { (secret) } }
                    p { (t("totp-uri")) }
                    p { a href=(accounts::totp_uri(config.country.as_str(), &active.person.login, secret)) { "otpauth://" } }
                    form method="post" action="/account/totp" {
                        input type="hidden" name="csrf" value=(csrf);
                        label for="code" { (t("second-factor-code")) }
                        input #code name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required;
                        button type="submit" { (t("verify")) }
                    }
                } @else {
                    form method="post" action="/account/totp" {
                        input type="hidden" name="csrf" value=(csrf);
                        button type="submit" { (t("enrol-totp")) }
                    }
                }
            }
            @if active.complete(&config) {
                section.card {
                    h2 { (t("api-token")) }
                    p { (t("api-token-explain")) }
                    form method="post" action="/account/token" {
                        input type="hidden" name="csrf" value=(csrf);
                        button type="submit" { (t("api-token-issue")) }
                    }
                }
            }
        },
    )
}

/// Reloads the person after a change, for the page that shows it.
async fn refreshed(console: &Console, person: Person, cookie: Option<&str>) -> Person {
    match cookie {
        Some(cookie) => match console.exchange.session(cookie).await {
            Ok(Some(active)) => Person { active, ..person },
            _ => person,
        },
        None => person,
    }
}

pub async fn change_password(
    State(console): State<Console>,
    headers: HeaderMap,
    AnyPerson(person): AnyPerson,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if person.active.session.awaiting_totp {
        return Redirect::to("/login/totp").into_response();
    }
    let outcome = console
        .exchange
        .change_password(
            &person.active,
            fields.get("current_password"),
            fields.get("new_password"),
        )
        .await;
    let outcome = outcome.map(|()| Some("password-changed"));
    after_account_change(&console, &headers, person, outcome).await
}

/// The page after a change on the account page: the person's home once
/// their sign-in is complete, else the account page with what happened
/// (`done`, a message id) or the refusal (400).
async fn after_account_change(
    console: &Console,
    headers: &HeaderMap,
    person: Person,
    outcome: Result<Option<&str>, crate::error::Error>,
) -> Response {
    let cookie = read_cookie(headers, &session_cookie_name(console));
    let person = refreshed(console, person, cookie).await;
    match outcome {
        Ok(Some(done)) => {
            if person.active.complete(&console.exchange.config()) {
                return Redirect::to(home_of(&person.active.user.role)).into_response();
            }
            let message = console.i18n.text(person.tag(), done, None);
            account_page(console, &person, Some(message), None).into_response()
        }
        Ok(None) => account_page(console, &person, None, None).into_response(),
        Err(e) => (
            StatusCode::BAD_REQUEST,
            account_page(console, &person, Some(e.to_string()), None),
        )
            .into_response(),
    }
}

pub async fn enrol_totp(
    State(console): State<Console>,
    headers: HeaderMap,
    AnyPerson(person): AnyPerson,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if person.active.session.awaiting_totp || person.active.person.totp_secret.is_some() {
        return Redirect::to("/account").into_response();
    }
    let outcome =
        if person.active.session.enrolling_totp.is_some() && !fields.get("code").is_empty() {
            console
                .exchange
                .confirm_totp(&person.active, fields.get("code"))
                .await
                .map(|()| Some("totp-enrolled"))
        } else {
            console.exchange.begin_totp(&person.active).map(|_| None)
        };
    after_account_change(&console, &headers, person, outcome).await
}

pub async fn issue_token(
    State(console): State<Console>,
    person: Person,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    let user = person.active.user.clone();
    match console
        .exchange
        .person_token(&user, &person.active.person.login, false)
        .await
    {
        Ok(Some(token)) => {
            let extra = html! {
                section.card {
                    p { (console.i18n.text(person.tag(), "api-token-issued", None)) }
                    p { code.secret { (token.0) } }
                }
            };
            account_page(&console, &person, None, Some(extra)).into_response()
        }
        Ok(None) => Redirect::to("/account").into_response(),
        Err(e) => (
            StatusCode::BAD_REQUEST,
            account_page(&console, &person, Some(e.to_string()), None),
        )
            .into_response(),
    }
}
