//! `liaison users`: an admin manages people's accounts (the node's
//! `Users` service): add, list, disable, enable, reset a password, change
//! a role, issue or revoke personal API tokens.
//!
//! A one-time password or token is printed once, on stdout, to the admin
//! who asked, with a line saying it is shown once and must be handed over
//! privately; it is never written anywhere else.

use std::io::{self, Write};

use liaison_proto::auth::BearerToken;
use liaison_proto::pb;
use liaison_proto::pb::users_client::UsersClient;
use serde_json::{Value, json};
use tonic::transport::Channel;

use crate::UsersCommand;
use crate::failure::status;
use crate::output::{Align, Printer, Table, time};

/// Runs one `liaison users` command.
pub async fn run<W: Write>(
    command: &UsersCommand,
    channel: Channel,
    token: BearerToken,
    out: &mut Printer<W>,
) -> anyhow::Result<()> {
    let mut client = UsersClient::with_interceptor(channel, token);
    match command {
        UsersCommand::Add { login, role } => {
            let credential = client
                .add(pb::AddUserCall {
                    login: login.clone(),
                    role: role.clone(),
                })
                .await
                .map_err(status)?
                .into_inner();
            print_credential(out, &credential, Kind::Password)?;
        }
        UsersCommand::List => {
            let list = client
                .list(pb::UsersQuery {})
                .await
                .map_err(status)?
                .into_inner();
            print_list(out, &list)?;
        }
        UsersCommand::Disable { login } | UsersCommand::Enable { login } => {
            let disabled = matches!(command, UsersCommand::Disable { .. });
            let view = client
                .set_disabled(pb::SetDisabledCall {
                    login: login.clone(),
                    disabled,
                })
                .await
                .map_err(status)?
                .into_inner();
            let done = if disabled {
                "disabled: sessions ended, tokens refused"
            } else {
                "enabled"
            };
            print_changed(out, &view, done)?;
        }
        UsersCommand::ResetPassword { login, remove_totp } => {
            let credential = client
                .reset_password(pb::ResetPasswordCall {
                    login: login.clone(),
                    remove_totp: *remove_totp,
                })
                .await
                .map_err(status)?
                .into_inner();
            print_credential(out, &credential, Kind::Password)?;
        }
        UsersCommand::SetRole { login, role } => {
            let view = client
                .set_role(pb::SetRoleCall {
                    login: login.clone(),
                    role: role.clone(),
                })
                .await
                .map_err(status)?
                .into_inner();
            print_changed(out, &view, "role changed: sessions ended")?;
        }
        UsersCommand::Token { login, revoke_all } => {
            let credential = client
                .issue_token(pb::TokenCall {
                    login: login.clone(),
                    revoke_all: *revoke_all,
                })
                .await
                .map_err(status)?
                .into_inner();
            if *revoke_all {
                let view = credential.user.unwrap_or_default();
                print_changed(out, &view, "every token revoked")?;
            } else {
                print_credential(out, &credential, Kind::Token)?;
            }
        }
    }
    Ok(())
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Password,
    Token,
}

fn user_json(u: &pb::UserView) -> Value {
    json!({
        "login": u.login,
        "role": u.role,
        "identity": u.identity,
        "disabled": u.disabled,
        "locked_until_unix_ms": u.locked_until_unix_ms,
        "totp": u.totp,
        "must_change_password": u.must_change_password,
        "tokens": u.tokens,
        "created_unix_ms": u.created_unix_ms,
        "language": u.language,
    })
}

/// A person's state in a word or two, for the table.
fn state(u: &pb::UserView) -> String {
    let now = crate::now_ms();
    if u.disabled {
        "disabled".into()
    } else if u.locked_until_unix_ms > now {
        format!("locked until {}", time(u.locked_until_unix_ms))
    } else if u.must_change_password {
        "one-time password".into()
    } else {
        "active".into()
    }
}

fn print_list<W: Write>(out: &mut Printer<W>, list: &pb::UserList) -> io::Result<()> {
    if out.json {
        for u in &list.users {
            out.json_line(&user_json(u))?;
        }
        return Ok(());
    }
    if list.users.is_empty() {
        return writeln!(
            out.out,
            "no people's accounts yet (add one: liaison users add)"
        );
    }
    let mut table = Table::new(&[
        ("LOGIN", Align::Left),
        ("ROLE", Align::Left),
        ("STATE", Align::Left),
        ("2FA", Align::Left),
        ("TOKENS", Align::Right),
        ("CREATED", Align::Left),
    ]);
    for u in &list.users {
        table.row(vec![
            vec![u.login.clone()],
            vec![u.role.clone()],
            vec![state(u)],
            vec![if u.totp { "yes" } else { "no" }.to_string()],
            vec![u.tokens.to_string()],
            vec![time(u.created_unix_ms)],
        ]);
    }
    table.write(&mut out.out, "")
}

fn print_changed<W: Write>(
    out: &mut Printer<W>,
    view: &pb::UserView,
    done: &str,
) -> io::Result<()> {
    if out.json {
        return out.json_line(&user_json(view));
    }
    writeln!(out.out, "{} ({}): {done}", view.login, view.identity)
}

fn print_credential<W: Write>(
    out: &mut Printer<W>,
    credential: &pb::NewCredential,
    kind: Kind,
) -> io::Result<()> {
    let view = credential.user.clone().unwrap_or_default();
    if out.json {
        let mut record = user_json(&view);
        let name = match kind {
            Kind::Password => "one_time_password",
            Kind::Token => "token",
        };
        record[name] = json!(credential.secret);
        return out.json_line(&record);
    }
    match kind {
        Kind::Password => {
            writeln!(out.out, "{} ({})", view.login, view.identity)?;
            writeln!(out.out, "one-time password: {}", credential.secret)?;
            writeln!(
                out.out,
                "It is shown once: hand it over privately (in person, not by e-mail or chat). \
                 {} must change it at the first sign-in.",
                view.login
            )
        }
        Kind::Token => {
            writeln!(out.out, "{} ({})", view.login, view.identity)?;
            writeln!(out.out, "token: {}", credential.secret)?;
            writeln!(
                out.out,
                "It is shown once: hand it over privately (in person, not by e-mail or chat); \
                 {} stores it with `liaison login`. Revoke it with `liaison users token {} \
                 --revoke-all`.",
                view.login, view.login
            )
        }
    }
}
