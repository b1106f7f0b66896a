//! The admin's page of people's accounts: the list, adding one, and per
//! person disabling, enabling, resetting the password (a new one-time one,
//! shown once) and changing the role. Each action is the exchange's own,
//! audited with the admin's name.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::Console;
use super::session::{Fields, Person};
use crate::config::Role;
use crate::exchange::accounts::person_user;

fn admin(role: &Role) -> bool {
    matches!(role, Role::Admin)
}

/// The roles an account may be given on this node.
fn roles(console: &Console) -> Vec<String> {
    let mut roles = vec!["focal_point".to_string()];
    roles.extend(
        console
            .exchange
            .config()
            .agencies
            .iter()
            .map(|a| format!("agency:{}", a.name)),
    );
    roles.push("auditor".into());
    roles.push("admin".into());
    roles
}

fn page(console: &Console, person: &Person, notice: Option<Markup>) -> Response {
    let frame = person.frame(console);
    let t = |id: &str| frame.t(id);
    let persons = match console.exchange.persons() {
        Ok(persons) => persons,
        Err(e) => return super::layout::error_page(console, person.tag(), &e.to_string()),
    };
    let csrf = &person.active.session.csrf;
    let now = crate::exchange::now_ms();
    let roles = roles(console);
    let body = html! {
        @if let Some(notice) = notice { (notice) }
        div.table-wrap { table {
            thead { tr {
                th { (t("col-login")) } th { (t("col-role")) } th { (t("col-second-factor")) } th { (t("col-state")) } th { "" }
            } }
            tbody { @for p in &persons {
                @let identity = person_user(p).map(|u| u.name).unwrap_or_default();
                tr {
                    td { (p.login) br; span.hint { (identity) } }
                    td { (p.role) }
                    td { @if p.totp_secret.is_some() { (t("yes")) } @else { (t("no")) } }
                    td {
                        @if p.disabled { (t("state-disabled")) }
                        @else if p.locked_until_unix_ms > now { (t("state-locked")) }
                        @else { (t("state-active")) }
                    }
                    td {
                        form.inline method="post" action="/admin/users" {
                            input type="hidden" name="csrf" value=(csrf);
                            input type="hidden" name="login" value=(p.login);
                            @if p.disabled || p.locked_until_unix_ms > now {
                                button.secondary type="submit" name="action" value="enable" { (t("enable")) }
                            }
                            @if !p.disabled {
                                button.secondary type="submit" name="action" value="disable" { (t("disable")) }
                            }
                            button.secondary type="submit" name="action" value="reset" { (t("reset-password")) }
                            label for=(format!("role-{}", p.login)) { (t("col-role")) }
                            select id=(format!("role-{}", p.login)) name="role" {
                                @for role in &roles { option value=(role) selected[*role == p.role] { (role) } }
                            }
                            button.secondary type="submit" name="action" value="role" { (t("set-role")) }
                        }
                    }
                }
            } }
        } }
        form.card method="post" action="/admin/users" {
            h2 { (t("add-user")) }
            input type="hidden" name="csrf" value=(csrf);
            input type="hidden" name="action" value="add";
            label for="new-login" { (t("col-login")) }
            input #new-login name="login" required pattern="[a-z][a-z0-9._\\-]{1,31}";
            label for="new-role" { (t("col-role")) }
            select #new-role name="role" { @for role in &roles { option value=(role) { (role) } } }
            button type="submit" { (t("add-user")) }
        }
    };
    frame.page(&frame.t("users-title"), body).into_response()
}

pub async fn users(State(console): State<Console>, person: Person) -> Response {
    if let Some(refused) = person.require(&console, admin, "manage users").await {
        return refused;
    }
    page(&console, &person, None)
}

pub async fn user_action(
    State(console): State<Console>,
    person: Person,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if let Some(refused) = person.require(&console, admin, "manage users").await {
        return refused;
    }
    let by = person.active.user.clone();
    let login = fields.get("login").trim();
    let exchange = &console.exchange;
    let tag = person.tag();
    let secret = |id: &str, password: String| {
        let args = super::i18n::args(&[
            ("login", login.to_string().into()),
            ("password", password.into()),
        ]);
        Some(console.i18n.text(tag, id, Some(&args)))
    };
    let outcome = match fields.get("action") {
        "add" => exchange
            .add_person(&by, login, fields.get("role"), None)
            .await
            .map(|(_, password)| secret("user-added", password.0)),
        "disable" => exchange
            .set_person_disabled(&by, login, true)
            .await
            .map(|_| None),
        "enable" => exchange
            .set_person_disabled(&by, login, false)
            .await
            .map(|_| None),
        "reset" => exchange
            .reset_password(&by, login, false)
            .await
            .map(|password| secret("password-reset", password.0)),
        "role" => exchange
            .set_person_role(&by, login, fields.get("role"))
            .await
            .map(|_| None),
        _ => Err(crate::error::Error::invalid(crate::error::Problem::field(
            "action",
            "must be add, disable, enable, reset or role",
        ))),
    };
    match outcome {
        Ok(message) => {
            let notice =
                message.map(|m| html! { p.notice.ok role="status" { code.secret { (m) } } });
            page(&console, &person, notice)
        }
        Err(e) => {
            let notice = html! { p.notice role="alert" { (e.to_string()) } };
            (
                StatusCode::BAD_REQUEST,
                page(&console, &person, Some(notice)),
            )
                .into_response()
        }
    }
}
