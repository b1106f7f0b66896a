//! People's accounts managed through the local `Users` service: an admin
//! adds a person and issues a personal token, with which the person's
//! FocalPoint and Agency calls succeed and are audited under
//! `<role>/<login>`; a disabled person's token is refused, revoked tokens
//! are unknown; only admins may manage people, and bad input is refused
//! naming the field; every change and refusal is audited, never a secret.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_proto::auth::BearerToken;
use liaison_proto::pb;
use liaison_proto::pb::agency_client::AgencyClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use liaison_proto::pb::users_client::UsersClient;
use liaison_tests::{
    Focal, TestFederation, audit_events, next_assignment, phone_check, refused_calls,
    subscriber_answer,
};
use tonic::Code;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::Channel;

type UsersApi = UsersClient<InterceptedService<Channel, BearerToken>>;

async fn users(federation: &TestFederation, code: &str, user: &str) -> UsersApi {
    let (channel, token) = federation.local(code, user).await;
    UsersClient::with_interceptor(channel, token)
}

async fn add(users: &mut UsersApi, login: &str, role: &str) -> pb::NewCredential {
    users
        .add(pb::AddUserCall {
            login: login.into(),
            role: role.into(),
        })
        .await
        .unwrap()
        .into_inner()
}

async fn token(users: &mut UsersApi, login: &str) -> String {
    let credential = users
        .issue_token(pb::TokenCall {
            login: login.into(),
            revoke_all: false,
        })
        .await
        .unwrap()
        .into_inner();
    assert!(!credential.secret.is_empty());
    credential.secret
}

async fn focal_as(federation: &TestFederation, code: &str, token: &str) -> Focal {
    FocalPointClient::with_interceptor(
        federation.local_channel(code).await,
        BearerToken::new(token).unwrap(),
    )
}

/// Every audit entry of node `code`, as text, to look for a secret in.
fn audit_text(federation: &TestFederation, code: &str) -> String {
    federation
        .node(code)
        .running()
        .exchange()
        .records()
        .audit_entries()
        .unwrap()
        .iter()
        .map(|e| format!("{} {} {}\n", e.event, e.actor, e.detail))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_persons_token_works_on_the_local_api_until_disabled_or_revoked() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let mut tha_users = users(&federation, "THA", "admin").await;
    let mut khm_users = users(&federation, "KHM", "admin").await;

    let added = add(&mut tha_users, "somchai", "focal_point").await;
    let view = added.user.clone().unwrap();
    assert_eq!(view.identity, "focal_point/somchai");
    assert_eq!(view.role, "focal_point");
    assert!(view.must_change_password && !view.disabled && !view.totp);
    assert_eq!(view.tokens, 0);
    assert_eq!(added.secret.chars().count(), 24, "a one-time password");
    let somchai = token(&mut tha_users, "somchai").await;

    add(&mut khm_users, "sokha", "agency:police").await;
    let sokha = token(&mut khm_users, "sokha").await;

    // The person's token sends a request; KHM's police officer, by her own
    // token, answers it.
    let mut focal = focal_as(&federation, "THA", &somchai).await;
    let sent = liaison_tests::submit(&mut focal, phone_check("KHM", "+85512345678")).await;
    let mut agency = AgencyClient::with_interceptor(
        federation.local_channel("KHM").await,
        BearerToken::new(&sokha).unwrap(),
    );
    let assigned = next_assignment(&mut agency).await;
    let request_id = liaison_tests::id_of(&assigned);
    assert_eq!(request_id, sent);
    agency.answer(subscriber_answer(&request_id)).await.unwrap();

    let submitted = audit_events(&federation, "THA", "request.submitted");
    assert_eq!(
        submitted
            .iter()
            .map(|e| e.actor.as_str())
            .collect::<Vec<_>>(),
        ["focal_point/somchai"]
    );
    let answered = audit_events(&federation, "KHM", "request.answered");
    assert_eq!(
        answered
            .iter()
            .map(|e| e.actor.as_str())
            .collect::<Vec<_>>(),
        ["agency:police/sokha"]
    );
    // The admin's changes are audited under the admin, naming the person.
    let issued = audit_events(&federation, "THA", "user.token_issued");
    assert_eq!(issued.len(), 1);
    assert_eq!(issued[0].actor, "admin");
    assert_eq!(issued[0].detail, "focal_point/somchai");
    assert_eq!(audit_events(&federation, "THA", "user.added").len(), 1);

    let list = tha_users
        .list(pb::UsersQuery {})
        .await
        .unwrap()
        .into_inner();
    assert_eq!(list.users.len(), 1);
    assert_eq!(list.users[0].login, "somchai");
    assert_eq!(list.users[0].tokens, 1);

    // Disabled: the token is refused, and audited.
    let refused_before = refused_calls(&federation, "THA").len();
    let disabled = tha_users
        .set_disabled(pb::SetDisabledCall {
            login: "somchai".into(),
            disabled: true,
        })
        .await
        .unwrap()
        .into_inner();
    assert!(disabled.disabled);
    let status = focal.list(pb::ListFilter::default()).await.unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated, "{status:?}");
    assert!(
        status.message().contains("focal_point/somchai is disabled"),
        "{status:?}"
    );
    assert_eq!(refused_calls(&federation, "THA").len(), refused_before + 1);

    // Enabled again, it works; revoked, it is unknown.
    tha_users
        .set_disabled(pb::SetDisabledCall {
            login: "somchai".into(),
            disabled: false,
        })
        .await
        .unwrap();
    focal.list(pb::ListFilter::default()).await.unwrap();
    let revoked = tha_users
        .issue_token(pb::TokenCall {
            login: "somchai".into(),
            revoke_all: true,
        })
        .await
        .unwrap()
        .into_inner();
    assert!(revoked.secret.is_empty());
    assert_eq!(revoked.user.unwrap().tokens, 0);
    let status = focal.list(pb::ListFilter::default()).await.unwrap_err();
    assert_eq!(status.code(), Code::Unauthenticated, "{status:?}");
    assert!(!status.message().contains("somchai"), "{status:?}");

    // A reset gives a new one-time password; no secret is ever audited.
    let reset = tha_users
        .reset_password(pb::ResetPasswordCall {
            login: "somchai".into(),
            remove_totp: true,
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(reset.secret.chars().count(), 24);
    assert_ne!(reset.secret, added.secret);
    assert!(reset.user.unwrap().must_change_password);
    let text = audit_text(&federation, "THA");
    assert!(
        text.contains("user.password_reset admin focal_point/somchai; second factor removed"),
        "{text}"
    );
    for secret in [&added.secret, &reset.secret, &somchai] {
        assert!(!text.contains(secret.as_str()));
    }
    assert!(!audit_text(&federation, "KHM").contains(&sokha));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_admins_manage_people_and_bad_input_names_the_field() {
    let federation = TestFederation::start(&["THA"]).await;

    // Not an admin: refused, and audited with the caller and the action.
    for (user, outcome) in [
        (
            "focal-point",
            users(&federation, "THA", "focal-point")
                .await
                .list(pb::UsersQuery {})
                .await
                .map(drop),
        ),
        (
            "auditor",
            users(&federation, "THA", "auditor")
                .await
                .add(pb::AddUserCall {
                    login: "somchai".into(),
                    role: "admin".into(),
                })
                .await
                .map(drop),
        ),
    ] {
        let status = outcome.unwrap_err();
        assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
        assert!(status.message().contains(user), "{status:?}");
    }
    // Both calls ran before the loop: their refusals, in order.
    let refused = refused_calls(&federation, "THA");
    let denied: Vec<(&str, &str)> = refused
        .iter()
        .map(|e| (e.actor.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        denied,
        [
            ("focal-point", "focal_point may not list people"),
            ("auditor", "auditor may not add people"),
        ]
    );
    assert!(audit_events(&federation, "THA", "user.added").is_empty());

    let mut admin = users(&federation, "THA", "admin").await;
    for (login, role, field) in [
        ("Bad Name", "focal_point", "login"),
        ("somchai", "agency:nosuch", "role"),
        ("somchai", "chief", "role"),
    ] {
        let before = refused_calls(&federation, "THA").len();
        let status = admin
            .add(pb::AddUserCall {
                login: login.into(),
                role: role.into(),
            })
            .await
            .unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
        assert!(
            status.message().contains(&format!("field `{field}`")),
            "{status:?}"
        );
        let refused = refused_calls(&federation, "THA");
        assert_eq!(refused.len(), before + 1);
        let last = refused.last().unwrap();
        assert_eq!(last.actor, "admin");
        assert!(
            last.detail.contains(&format!("field `{field}`")),
            "{}",
            last.detail
        );
    }
    assert!(audit_events(&federation, "THA", "user.added").is_empty());

    // The same login twice; an unknown one.
    add(&mut admin, "somchai", "focal_point").await;
    let status = admin
        .add(pb::AddUserCall {
            login: "somchai".into(),
            role: "auditor".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::AlreadyExists, "{status:?}");
    let status = admin
        .set_role(pb::SetRoleCall {
            login: "nobody".into(),
            role: "auditor".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::NotFound, "{status:?}");

    // A person who is an admin manages people with their own token.
    add(&mut admin, "nida", "admin").await;
    let nida = token(&mut admin, "nida").await;
    let mut by_nida = UsersClient::with_interceptor(
        federation.local_channel("THA").await,
        BearerToken::new(&nida).unwrap(),
    );
    let changed = by_nida
        .set_role(pb::SetRoleCall {
            login: "somchai".into(),
            role: "agency:police".into(),
        })
        .await
        .unwrap()
        .into_inner();
    assert_eq!(changed.identity, "agency:police/somchai");
    let changes = audit_events(&federation, "THA", "user.role_changed");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].actor, "admin/nida");
    assert_eq!(
        changes[0].detail,
        "focal_point/somchai -> agency:police/somchai"
    );
}
