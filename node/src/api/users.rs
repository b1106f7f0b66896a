//! The local `Users` service: people's accounts, for operators (role
//! `admin`) only. Each call hands over to the exchange's accounts
//! ([`crate::exchange::accounts`]), which audits every change with the
//! admin and the person; a refusal (bad input, no such person, a role that
//! may not) is audited here. `List` is read-only and, like
//! `Admin/ListPeers`, not audited when answered.
//!
//! A one-time password or token goes back once, in the answer, to the admin
//! who asked; it is never logged.

use std::sync::Arc;

use liaison_proto::pb;
use liaison_proto::pb::users_server::Users;
use tonic::{Request, Response, Status};

use crate::api::local::{audited, caller, require};
use crate::config::{LocalUser, Role};
use crate::error::{Error, Problem};
use crate::exchange::Exchange;
use crate::exchange::accounts::{Secret, person_user};
use crate::records::PersonRecord;

#[derive(Debug, Clone)]
pub struct UsersService {
    exchange: Arc<Exchange>,
}

impl UsersService {
    pub fn new(exchange: Arc<Exchange>) -> Self {
        UsersService { exchange }
    }

    async fn admin<T>(&self, request: &Request<T>, action: &str) -> Result<LocalUser, Status> {
        let user = caller(&self.exchange, request).await?;
        let allowed = matches!(user.role, Role::Admin);
        require(&self.exchange, &user, allowed, action).await?;
        Ok(user)
    }

    /// A person's account as it is now (after a change that returns none).
    fn person(&self, login: &str) -> Result<PersonRecord, Error> {
        self.exchange
            .persons()?
            .into_iter()
            .find(|p| p.login == login)
            .ok_or_else(|| Error::not_found(Problem::field("login", "no such person")))
    }
}

/// What an admin sees of an account: never the password's hash, the
/// second factor's secret or a token's hash.
fn view(person: &PersonRecord) -> Result<pb::UserView, Error> {
    Ok(pb::UserView {
        login: person.login.clone(),
        role: person.role.clone(),
        identity: person_user(person)?.name,
        disabled: person.disabled,
        locked_until_unix_ms: person.locked_until_unix_ms,
        totp: person.totp_secret.is_some(),
        must_change_password: person.must_change_password,
        tokens: u32::try_from(person.tokens.len()).unwrap_or(u32::MAX),
        created_unix_ms: person.created_unix_ms,
        language: person.language.clone().unwrap_or_default(),
    })
}

fn credential(person: &PersonRecord, secret: Option<Secret>) -> Result<pb::NewCredential, Error> {
    Ok(pb::NewCredential {
        user: Some(view(person)?),
        secret: secret.map(|s| s.0).unwrap_or_default(),
    })
}

#[tonic::async_trait]
impl Users for UsersService {
    async fn add(
        &self,
        request: Request<pb::AddUserCall>,
    ) -> Result<Response<pb::NewCredential>, Status> {
        let user = self.admin(&request, "add people").await?;
        let call = request.get_ref();
        let outcome = async {
            let (person, secret) = self
                .exchange
                .add_person(&user, &call.login, &call.role, None)
                .await?;
            credential(&person, Some(secret))
        }
        .await;
        audited(&self.exchange, &user, outcome)
            .await
            .map(Response::new)
    }

    async fn list(
        &self,
        request: Request<pb::UsersQuery>,
    ) -> Result<Response<pb::UserList>, Status> {
        self.admin(&request, "list people").await?;
        let users = self
            .exchange
            .persons()
            .and_then(|persons| persons.iter().map(view).collect::<Result<Vec<_>, _>>())?;
        Ok(Response::new(pb::UserList { users }))
    }

    async fn set_disabled(
        &self,
        request: Request<pb::SetDisabledCall>,
    ) -> Result<Response<pb::UserView>, Status> {
        let call = request.get_ref();
        let action = if call.disabled {
            "disable people"
        } else {
            "enable people"
        };
        let user = self.admin(&request, action).await?;
        let outcome = async {
            let person = self
                .exchange
                .set_person_disabled(&user, &call.login, call.disabled)
                .await?;
            view(&person)
        }
        .await;
        audited(&self.exchange, &user, outcome)
            .await
            .map(Response::new)
    }

    async fn reset_password(
        &self,
        request: Request<pb::ResetPasswordCall>,
    ) -> Result<Response<pb::NewCredential>, Status> {
        let user = self.admin(&request, "reset people's passwords").await?;
        let call = request.get_ref();
        let outcome = async {
            let secret = self
                .exchange
                .reset_password(&user, &call.login, call.remove_totp)
                .await?;
            credential(&self.person(&call.login)?, Some(secret))
        }
        .await;
        audited(&self.exchange, &user, outcome)
            .await
            .map(Response::new)
    }

    async fn set_role(
        &self,
        request: Request<pb::SetRoleCall>,
    ) -> Result<Response<pb::UserView>, Status> {
        let user = self.admin(&request, "change people's roles").await?;
        let call = request.get_ref();
        let outcome = async {
            let person = self
                .exchange
                .set_person_role(&user, &call.login, &call.role)
                .await?;
            view(&person)
        }
        .await;
        audited(&self.exchange, &user, outcome)
            .await
            .map(Response::new)
    }

    async fn issue_token(
        &self,
        request: Request<pb::TokenCall>,
    ) -> Result<Response<pb::NewCredential>, Status> {
        let call = request.get_ref();
        let action = if call.revoke_all {
            "revoke people's tokens"
        } else {
            "issue people's tokens"
        };
        let user = self.admin(&request, action).await?;
        let outcome = async {
            let secret = self
                .exchange
                .person_token(&user, &call.login, call.revoke_all)
                .await?;
            credential(&self.person(&call.login)?, secret)
        }
        .await;
        audited(&self.exchange, &user, outcome)
            .await
            .map(Response::new)
    }
}
