//! The frame of every page (language menu, navigation for the person's
//! role, sign-out), the message pages, and the static CSS and script.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use super::Console;
use super::i18n::{Language, Review};
use crate::config::{LocalUser, Role};

const CSS: &str = include_str!("static/console.css");
const JS: &str = include_str!("static/console.js");

pub async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS).into_response()
}

pub async fn js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        JS,
    )
        .into_response()
}

/// Who a page is drawn for, when signed in: the person and the session's
/// CSRF token, for the sign-out and language forms.
#[derive(Debug, Clone, Copy)]
pub struct Viewer<'a> {
    pub user: &'a LocalUser,
    pub csrf: &'a str,
}

/// A page being drawn for a visitor or a person.
#[derive(Debug, Clone, Copy)]
pub struct Frame<'a> {
    pub console: &'a Console,
    pub language: &'static Language,
    pub person: Option<Viewer<'a>>,
}

impl Frame<'_> {
    pub fn t(&self, id: &str) -> String {
        self.console.i18n.text(self.language.tag, id, None)
    }

    /// The whole page around `body`.
    pub fn page(&self, title: &str, body: Markup) -> Markup {
        self.page_refreshing(title, body, None)
    }

    /// The whole page, reloaded every `refresh` seconds when set (live
    /// status without script).
    pub fn page_refreshing(&self, title: &str, body: Markup, refresh: Option<u32>) -> Markup {
        let country = self.console.exchange.country().to_string();
        let node = self.console.i18n.text(
            self.language.tag,
            "node-of",
            Some(&super::i18n::args(&[("country", country.into())])),
        );
        html! {
            (DOCTYPE)
            html lang=(self.language.tag) class=(self.language.script) {
                head {
                    meta charset="utf-8";
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    @if let Some(seconds) = refresh {
                        meta http-equiv="refresh" content=(seconds);
                    }
                    title { (title) " · " (self.t("console-title")) }
                    link rel="stylesheet" href="/static/console.css";
                    script src="/static/console.js" defer {}
                }
                body {
                    a.skip href="#main" { (self.t("skip-to-content")) }
                    header.top {
                        div.brand { "Liaison" span.node { (node) } }
                        (self.language_menu())
                        @if let Some(person) = self.person {
                            (self.navigation(person))
                        }
                    }
                    main #main tabindex="-1" {
                        h1 { (title) }
                        (body)
                    }
                }
            }
        }
    }

    fn language_menu(&self) -> Markup {
        let csrf = self.person.map(|p| p.csrf).unwrap_or("");
        html! {
            form.language method="post" action="/language" {
                input type="hidden" name="csrf" value=(csrf);
                label for="language-menu" { (self.t("language")) }
                select #language-menu name="language" data-autosubmit {
                    @for (language, review) in self.console.i18n.languages() {
                        option value=(language.tag) lang=(language.tag) selected[language.tag == self.language.tag] {
                            (language.autonym)
                            @if *review == Review::Drafted {
                                " (" (self.t("not-reviewed")) ")"
                            }
                        }
                    }
                }
                button type="submit" { "OK" }
            }
        }
    }

    fn navigation(&self, viewer: Viewer<'_>) -> Markup {
        let user = viewer.user;
        let links: Vec<(&str, &str)> = match &user.role {
            Role::FocalPoint => vec![
                ("/requests", "nav-requests"),
                ("/requests/new", "nav-new-request"),
                ("/hits", "nav-hits"),
            ],
            Role::Agency(_) => vec![("/inbox", "nav-inbox"), ("/lists", "nav-lists")],
            Role::Auditor => vec![("/audit", "nav-audit"), ("/reports", "nav-reports")],
            Role::Admin => vec![
                ("/admin/peers", "nav-peers"),
                ("/admin/users", "nav-users"),
                ("/audit", "nav-audit"),
                ("/reports", "nav-reports"),
            ],
        };
        let signed_in = self.console.i18n.text(
            self.language.tag,
            "signed-in-as",
            Some(&super::i18n::args(&[("user", user.name.clone().into())])),
        );
        html! {
            nav aria-label="main" {
                ul {
                    @for (href, id) in links {
                        li { a href=(href) { (self.t(id)) } }
                    }
                    li { a href="/account" { (self.t("nav-account")) } }
                }
                span.who { (signed_in) }
                form method="post" action="/logout" {
                    input type="hidden" name="csrf" value=(viewer.csrf);
                    button.link type="submit" { (self.t("sign-out")) }
                }
            }
        }
    }
}

/// A page with one message and a status.
pub fn message_page(console: &Console, tag: &str, status: StatusCode, message: &str) -> Response {
    let language = console.i18n.pick([tag]);
    let frame = Frame {
        console,
        language,
        person: None,
    };
    let title = if status.is_client_error() || status.is_server_error() {
        frame.t("error-title")
    } else {
        frame.t("console-title")
    };
    let body = html! {
        p.notice role="alert" { (message) }
        p { a href="/" { (frame.t("back")) } }
    };
    (status, frame.page(&title, body)).into_response()
}

/// An unexpected failure (the store, the node): 500, with the message.
pub fn error_page(console: &Console, tag: &str, message: &str) -> Response {
    message_page(console, tag, StatusCode::INTERNAL_SERVER_ERROR, message)
}

/// Free text as sent, in its sender's language (a BCP 47 tag), marked so
/// that browsers and screen readers use that language and never mix its
/// direction with the page's.
pub fn free_text(frame: &Frame<'_>, text: &str, language: &str) -> Markup {
    let note = if language.is_empty() {
        frame.t("free-text-note-unknown")
    } else {
        frame.console.i18n.text(
            frame.language.tag,
            "free-text-note",
            Some(&super::i18n::args(&[(
                "language",
                language.to_string().into(),
            )])),
        )
    };
    html! {
        div.free-text {
            bdi lang=[(!language.is_empty()).then_some(language)] { (text) }
            p.hint { (note) }
        }
    }
}
