//! The web console over plain HTTP, against real nodes on loopback:
//! security headers, CSRF, roles, sign-in lockout, session expiry,
//! sign-out, the second factor, and that no secret reaches the audit log.
//! (The browser tests, `console_browser.rs`, drive the pages in Chromium.)

use liaison_node::config::{LocalUser, Role};
use liaison_node::exchange::accounts::totp_code;
use liaison_node::records::Changes;
use liaison_tests::browser::{HttpResponse, http_get, http_post_form};
use liaison_tests::{TestFederation, audit_events};
use sha2::{Digest, Sha256};

const PASSWORD: &str = "correct horse battery staple";

/// The console's base URL on node `code`.
fn base(federation: &TestFederation, code: &str) -> String {
    let address = federation
        .node(code)
        .running()
        .console_addr
        .expect("the node serves a console");
    format!("http://{address}")
}

fn operator() -> LocalUser {
    LocalUser {
        name: "test-admin".into(),
        role: Role::Admin,
    }
}

async fn add(federation: &TestFederation, code: &str, login: &str, role: &str) {
    federation
        .node(code)
        .running()
        .exchange()
        .add_person(&operator(), login, role, Some(PASSWORD.into()))
        .await
        .expect("person added");
}

/// The first non-empty CSRF token of a page.
fn csrf_of(body: &str) -> String {
    body.split("name=\"csrf\" value=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|token| !token.is_empty())
        .unwrap_or_else(|| panic!("no CSRF token in the page: {body}"))
        .to_string()
}

/// `name=value` of the response's cookie named `name`.
fn cookie_named(response: &HttpResponse, name: &str) -> Option<String> {
    response
        .headers_named("set-cookie")
        .into_iter()
        .filter_map(|c| c.split(';').next())
        .find(|pair| pair.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

/// Signs in with `password`; returns the sign-in answer and the cookie
/// header to use next (the session's, when the sign-in succeeded).
async fn sign_in(url: &str, country: &str, login: &str, password: &str) -> (HttpResponse, String) {
    let page = http_get(&format!("{url}/login"), None).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let login_cookie = cookie_named(&page, &format!("liaison-login-{country}"))
        .expect("the sign-in page sets its CSRF cookie");
    let token = csrf_of(&page.body);
    let answer = http_post_form(
        &format!("{url}/login"),
        Some(&login_cookie),
        &[("csrf", &token), ("login", login), ("password", password)],
    )
    .await;
    let session = cookie_named(&answer, &format!("liaison-{country}")).unwrap_or_default();
    (answer, session)
}

#[tokio::test]
async fn pages_carry_strict_headers_and_refuse_forged_forms_and_other_roles() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let url = base(&federation, "THA");
    add(&federation, "THA", "somchai", "focal_point").await;
    add(&federation, "THA", "anong", "agency:police").await;

    let login = http_get(&format!("{url}/login"), None).await;
    let csp = login.header("content-security-policy").unwrap_or("");
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(login.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(login.header("x-frame-options"), Some("DENY"));
    assert_eq!(login.header("cache-control"), Some("no-store"));
    assert!(!login.body.contains("<script>"), "no inline script");

    // A sign-in without the form's token, or with another, is refused.
    let forged = http_post_form(
        &format!("{url}/login"),
        None,
        &[("csrf", "00"), ("login", "somchai"), ("password", PASSWORD)],
    )
    .await;
    assert_eq!(forged.status, 403, "{}", forged.body);
    assert!(cookie_named(&forged, "liaison-tha").is_none());

    let (answer, focal) = sign_in(&url, "tha", "somchai", PASSWORD).await;
    assert_eq!(answer.status, 303);
    assert_eq!(answer.header("location"), Some("/requests"));
    let set_cookie = answer
        .headers_named("set-cookie")
        .into_iter()
        .find(|c| c.starts_with("liaison-tha="))
        .unwrap_or_default()
        .to_string();
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"),
        "{set_cookie}"
    );
    // The store holds the cookie's hash, never the cookie.
    let cookie_value = focal.trim_start_matches("liaison-tha=");
    let exchange = federation.node("THA").running().exchange();
    let hash: [u8; 32] = Sha256::digest(cookie_value.as_bytes()).into();
    assert!(
        exchange
            .records()
            .session(&hash)
            .expect("readable")
            .is_some()
    );

    let dashboard = http_get(&format!("{url}/requests"), Some(&focal)).await;
    assert_eq!(dashboard.status, 200, "{}", dashboard.body);
    assert!(dashboard.body.contains("focal_point/somchai"));
    let token = csrf_of(&dashboard.body);

    // A request form posted with a wrong token changes nothing.
    let before = exchange
        .records()
        .requests(liaison_node::records::Direction::Outgoing)
        .expect("readable")
        .len();
    for bad in ["", "00", &token[..token.len() - 1]] {
        let posted = http_post_form(
            &format!("{url}/requests/new"),
            Some(&focal),
            &[
                ("csrf", bad),
                ("action", "send"),
                ("to", "KHM"),
                ("category", "PHONE_CHECK"),
                ("purpose", "INVESTIGATION"),
                ("offence", "0204"),
                ("subject_kind", "phone"),
                ("subject_role", "SUSPECT"),
                ("subject_value", "+85512345678"),
                ("summary", "forged"),
                ("deadline_days", "7"),
            ],
        )
        .await;
        assert_eq!(posted.status, 403, "token {bad:?}: {}", posted.body);
    }
    let after = exchange
        .records()
        .requests(liaison_node::records::Direction::Outgoing)
        .expect("readable")
        .len();
    assert_eq!(before, after, "a forged form sent nothing");

    // An agency officer gets 403 on focal-point and admin pages, audited.
    let (_, police) = sign_in(&url, "tha", "anong", PASSWORD).await;
    for page in [
        "/requests",
        "/requests/new",
        "/admin/users",
        "/admin/peers",
        "/audit",
    ] {
        let answer = http_get(&format!("{url}{page}"), Some(&police)).await;
        assert_eq!(answer.status, 403, "{page}: {}", answer.body);
    }
    assert!(
        audit_events(&federation, "THA", "call.refused")
            .iter()
            .any(|e| e.actor == "agency:police/anong" && e.detail.contains("(console)")),
        "the refusals are audited with the person"
    );
    let inbox = http_get(&format!("{url}/inbox"), Some(&police)).await;
    assert_eq!(inbox.status, 200);

    // Signing out ends the session: its cookie opens nothing any more.
    let token = csrf_of(&inbox.body);
    let out = http_post_form(&format!("{url}/logout"), Some(&police), &[("csrf", &token)]).await;
    assert_eq!(out.status, 303);
    let again = http_get(&format!("{url}/inbox"), Some(&police)).await;
    assert_eq!(again.status, 303);
    assert!(again.header("location").unwrap_or("").starts_with("/login"));

    // No password, cookie or token ever reaches the audit log.
    let entries = exchange.records().audit_entries().expect("readable");
    let text = serde_json::to_string(&entries).unwrap_or_default();
    assert!(!text.contains(PASSWORD) && !text.contains(cookie_value) && !text.contains(&token));
    assert!(
        entries
            .iter()
            .any(|e| e.event == "console.login" && e.actor == "focal_point/somchai")
    );
    assert!(
        entries
            .iter()
            .any(|e| e.event == "console.logout" && e.actor == "agency:police/anong")
    );
    federation.shutdown().await;
}

#[tokio::test]
async fn repeated_failures_lock_an_account_and_idle_sessions_end() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let url = base(&federation, "THA");
    add(&federation, "THA", "somchai", "focal_point").await;
    let exchange = federation.node("THA").running().exchange();

    // Five wrong passwords in a row lock the account: then even the right
    // one is refused, with the same words as a wrong one.
    for _ in 0..5 {
        let (answer, session) = sign_in(&url, "tha", "somchai", "wrong password!!").await;
        assert_eq!(answer.status, 401);
        assert!(session.is_empty());
    }
    let (locked, session) = sign_in(&url, "tha", "somchai", PASSWORD).await;
    assert_eq!(locked.status, 401, "{}", locked.body);
    assert!(session.is_empty());
    assert!(locked.body.contains("Sign-in refused"));
    let locks = audit_events(&federation, "THA", "console.locked");
    assert_eq!(locks.len(), 1, "{locks:?}");
    assert_eq!(locks[0].actor, "focal_point/somchai");
    // An unknown login is never written down.
    let (_, _) = sign_in(&url, "tha", "my-password-typed-here", PASSWORD).await;
    assert!(
        audit_events(&federation, "THA", "console.login_failed")
            .iter()
            .all(|e| !e.detail.contains("my-password-typed-here")
                && !e.actor.contains("my-password"))
    );

    // An admin's enable ends the lockout.
    exchange
        .set_person_disabled(&operator(), "somchai", false)
        .await
        .expect("enabled");
    let (ok, session) = sign_in(&url, "tha", "somchai", PASSWORD).await;
    assert_eq!(ok.status, 303, "{}", ok.body);

    // A session unused for longer than 30 minutes is over.
    let cookie_value = session.trim_start_matches("liaison-tha=");
    let hash: [u8; 32] = Sha256::digest(cookie_value.as_bytes()).into();
    let mut record = exchange
        .records()
        .session(&hash)
        .expect("readable")
        .expect("session stored");
    record.last_seen_unix_ms -= 31 * 60 * 1000;
    let mut changes = Changes::new();
    changes.put_session(&hash, &record);
    exchange.records().apply(changes).expect("written");
    let expired = http_get(&format!("{url}/requests"), Some(&session)).await;
    assert_eq!(expired.status, 303);
    assert_eq!(expired.header("location"), Some("/login?ended=1"));
    assert!(
        exchange
            .records()
            .session(&hash)
            .expect("readable")
            .is_none()
    );
    assert!(
        audit_events(&federation, "THA", "console.logout")
            .iter()
            .any(|e| e.detail.contains("idle"))
    );

    // A disabled person's sessions end at once.
    let (_, session) = sign_in(&url, "tha", "somchai", PASSWORD).await;
    exchange
        .set_person_disabled(&operator(), "somchai", true)
        .await
        .expect("disabled");
    let refused = http_get(&format!("{url}/requests"), Some(&session)).await;
    assert_eq!(refused.status, 303);
    let (disabled, _) = sign_in(&url, "tha", "somchai", PASSWORD).await;
    assert_eq!(disabled.status, 401);
    federation.shutdown().await;
}

#[tokio::test]
async fn an_admin_must_enrol_a_second_factor_and_then_use_it_once_per_code() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let url = base(&federation, "THA");
    add(&federation, "THA", "nida", "admin").await;
    let exchange = federation.node("THA").running().exchange();

    // The generated configuration requires a second factor of admins: no
    // page but the account page opens until one is enrolled.
    let (answer, session) = sign_in(&url, "tha", "nida", PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/account"));
    let blocked = http_get(&format!("{url}/admin/users"), Some(&session)).await;
    assert_eq!(blocked.status, 303);
    assert_eq!(blocked.header("location"), Some("/account"));

    let account = http_get(&format!("{url}/account"), Some(&session)).await;
    let token = csrf_of(&account.body);
    let started = http_post_form(
        &format!("{url}/account/totp"),
        Some(&session),
        &[("csrf", &token)],
    )
    .await;
    assert_eq!(started.status, 200, "{}", started.body);
    let secret = started
        .body
        .split("<code class=\"secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the page shows the new secret")
        .to_string();
    let now_s = u64::try_from(liaison_node::exchange::now_ms() / 1000).unwrap_or(0);
    let code = totp_code(&secret, now_s).expect("a code");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let refused = http_post_form(
        &format!("{url}/account/totp"),
        Some(&session),
        &[("csrf", &token), ("code", wrong)],
    )
    .await;
    assert_eq!(refused.status, 400, "{}", refused.body);
    let enrolled = http_post_form(
        &format!("{url}/account/totp"),
        Some(&session),
        &[("csrf", &token), ("code", &code)],
    )
    .await;
    assert_eq!(enrolled.status, 303, "{}", enrolled.body);
    assert_eq!(
        http_get(&format!("{url}/admin/users"), Some(&session))
            .await
            .status,
        200
    );
    assert_eq!(
        audit_events(&federation, "THA", "user.totp_enrolled").len(),
        1
    );

    // The next sign-in asks for a code; the one already used is refused.
    let (answer, session) = sign_in(&url, "tha", "nida", PASSWORD).await;
    assert_eq!(answer.header("location"), Some("/login/totp"));
    assert_eq!(
        http_get(&format!("{url}/admin/users"), Some(&session))
            .await
            .header("location"),
        Some("/login/totp")
    );
    let page = http_get(&format!("{url}/login/totp"), Some(&session)).await;
    let token = csrf_of(&page.body);
    let reused = http_post_form(
        &format!("{url}/login/totp"),
        Some(&session),
        &[("csrf", &token), ("code", &code)],
    )
    .await;
    assert_eq!(reused.status, 401, "a code is accepted once");
    let next = totp_code(&secret, now_s + 30).expect("a code");
    let ok = http_post_form(
        &format!("{url}/login/totp"),
        Some(&session),
        &[("csrf", &token), ("code", &next)],
    )
    .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    assert_eq!(
        http_get(&format!("{url}/admin/users"), Some(&session))
            .await
            .status,
        200
    );
    let logins = audit_events(&federation, "THA", "console.login");
    assert!(
        logins
            .iter()
            .any(|e| e.actor == "admin/nida" && e.detail.contains("second factor"))
    );
    let text = serde_json::to_string(&exchange.records().audit_entries().expect("readable"))
        .unwrap_or_default();
    assert!(!text.contains(&secret) && !text.contains(&code) && !text.contains(&next));
    federation.shutdown().await;
}

#[tokio::test]
async fn a_reset_password_must_be_changed_before_anything_else() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let url = base(&federation, "THA");
    add(&federation, "THA", "somchai", "focal_point").await;
    let exchange = federation.node("THA").running().exchange();
    let (_, old_session) = sign_in(&url, "tha", "somchai", PASSWORD).await;
    let one_time = exchange
        .reset_password(&operator(), "somchai", false)
        .await
        .expect("reset")
        .0;
    // The reset ends the sessions the person had.
    assert_eq!(
        http_get(&format!("{url}/requests"), Some(&old_session))
            .await
            .status,
        303
    );
    let (_, refused) = sign_in(&url, "tha", "somchai", PASSWORD).await;
    assert!(refused.is_empty(), "the old password no longer works");

    let (answer, session) = sign_in(&url, "tha", "somchai", &one_time).await;
    assert_eq!(answer.header("location"), Some("/account"));
    let blocked = http_get(&format!("{url}/requests"), Some(&session)).await;
    assert_eq!(blocked.header("location"), Some("/account"));
    let account = http_get(&format!("{url}/account"), Some(&session)).await;
    assert!(account.body.contains("set by an administrator"));
    let token = csrf_of(&account.body);
    let change = |new: &'static str| {
        let url = url.clone();
        let session = session.clone();
        let token = token.clone();
        let one_time = one_time.clone();
        async move {
            http_post_form(
                &format!("{url}/account/password"),
                Some(&session),
                &[
                    ("csrf", &token),
                    ("current_password", &one_time),
                    ("new_password", new),
                ],
            )
            .await
        }
    };
    // Too short, or holding the login: refused, naming the rule.
    let short = change("short").await;
    assert_eq!(short.status, 400);
    assert!(
        short.body.contains("12 to 128 characters"),
        "{}",
        short.body
    );
    let own = change("somchai-forever-and-ever").await;
    assert_eq!(own.status, 400);
    assert!(own.body.contains("login name"));
    let changed = change("a much longer passphrase").await;
    assert_eq!(changed.status, 303, "{}", changed.body);
    assert_eq!(changed.header("location"), Some("/requests"));
    assert_eq!(
        http_get(&format!("{url}/requests"), Some(&session))
            .await
            .status,
        200
    );
    let (ok, _) = sign_in(&url, "tha", "somchai", "a much longer passphrase").await;
    assert_eq!(ok.header("location"), Some("/requests"));
    assert_eq!(
        audit_events(&federation, "THA", "user.password_reset").len(),
        1
    );
    assert_eq!(
        audit_events(&federation, "THA", "user.password_changed").len(),
        1
    );
    federation.shutdown().await;
}

#[tokio::test]
async fn an_admin_manages_people_on_the_users_page_and_bad_input_changes_nothing() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let url = base(&federation, "THA");
    let exchange = federation.node("THA").running().exchange();
    add(&federation, "THA", "nida", "admin").await;
    // Enrol nida's second factor (required of admins) directly, to reach the page.
    let (_, session) = sign_in(&url, "tha", "nida", PASSWORD).await;
    let account = http_get(&format!("{url}/account"), Some(&session)).await;
    let token = csrf_of(&account.body);
    let started = http_post_form(
        &format!("{url}/account/totp"),
        Some(&session),
        &[("csrf", &token)],
    )
    .await;
    let secret = started
        .body
        .split("<code class=\"secret\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the page shows the new secret")
        .to_string();
    let now_s = u64::try_from(liaison_node::exchange::now_ms() / 1000).unwrap_or(0);
    let code = totp_code(&secret, now_s).expect("a code");
    let enrolled = http_post_form(
        &format!("{url}/account/totp"),
        Some(&session),
        &[("csrf", &token), ("code", &code)],
    )
    .await;
    assert_eq!(enrolled.status, 303, "{}", enrolled.body);

    let page = http_get(&format!("{url}/admin/users"), Some(&session)).await;
    assert_eq!(page.status, 200);
    let token = csrf_of(&page.body);
    let post = |fields: Vec<(&'static str, String)>| {
        let (url, session, token) = (url.clone(), session.clone(), token.clone());
        async move {
            let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
            all.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
            http_post_form(&format!("{url}/admin/users"), Some(&session), &all).await
        }
    };
    let added = post(vec![
        ("action", "add".into()),
        ("login", "sokha".into()),
        ("role", "agency:police".into()),
    ])
    .await;
    assert_eq!(added.status, 200, "{}", added.body);
    let one_time = added
        .body
        .split("One-time password (give it to them; they must change it): ")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the one-time password is shown once")
        .to_string();
    let (answer, _) = sign_in(&url, "tha", "sokha", &one_time).await;
    assert_eq!(answer.header("location"), Some("/account"));
    assert!(
        audit_events(&federation, "THA", "user.added")
            .iter()
            .any(|e| e.actor == "admin/nida" && e.detail == "agency:police/sokha")
    );

    // Bad input: a refusal naming the field, and nothing stored.
    let before = exchange.persons().expect("readable").len();
    for (login, role, field) in [
        ("Bad Name", "focal_point", "login"),
        ("okname", "agency:nosuch", "role"),
        ("okname", "chief", "role"),
    ] {
        let refused = post(vec![
            ("action", "add".into()),
            ("login", login.into()),
            ("role", role.into()),
        ])
        .await;
        assert_eq!(refused.status, 400, "{login} {role}");
        assert!(
            refused.body.contains(&format!("field `{field}`")),
            "{}",
            refused.body
        );
    }
    assert_eq!(exchange.persons().expect("readable").len(), before);
    let forged = http_post_form(
        &format!("{url}/admin/users"),
        Some(&session),
        &[("csrf", "00"), ("action", "disable"), ("login", "sokha")],
    )
    .await;
    assert_eq!(forged.status, 403);
    assert!(
        !exchange
            .records()
            .person("sokha")
            .expect("readable")
            .expect("stored")
            .disabled
    );

    // Disable, then a new role, through the page.
    let disabled = post(vec![
        ("action", "disable".into()),
        ("login", "sokha".into()),
    ])
    .await;
    assert_eq!(disabled.status, 200);
    assert!(
        exchange
            .records()
            .person("sokha")
            .expect("readable")
            .expect("stored")
            .disabled
    );
    let role = post(vec![
        ("action", "role".into()),
        ("login", "sokha".into()),
        ("role", "auditor".into()),
    ])
    .await;
    assert_eq!(role.status, 200);
    assert_eq!(
        exchange
            .records()
            .person("sokha")
            .expect("readable")
            .expect("stored")
            .role,
        "auditor"
    );
    let text = serde_json::to_string(&exchange.records().audit_entries().expect("readable"))
        .unwrap_or_default();
    assert!(!text.contains(&one_time) && !text.contains("Bad Name"));
    federation.shutdown().await;
}

#[tokio::test]
async fn a_reload_changes_the_console_settings_but_not_its_listener() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let node = federation.node("THA");
    let text = std::fs::read_to_string(&node.config_path).expect("config readable");
    let edit = |change: &dyn Fn(&mut toml::Table)| {
        let mut table: toml::Table = toml::from_str(&text).expect("config parses");
        change(table["console"].as_table_mut().expect("[console]"));
        std::fs::write(
            &node.config_path,
            toml::to_string(&table).expect("serialises"),
        )
        .expect("written");
    };
    edit(&|console| {
        console.insert("idle_minutes".into(), toml::Value::Integer(10));
        console.insert(
            "require_totp".into(),
            toml::Value::Array(vec!["admin".into(), "agency:fiu".into()]),
        );
    });
    let changes = node.running().reload().await.expect("reloaded");
    assert!(
        changes
            .iter()
            .any(|c| c.starts_with("console: idle 10 min") && c.contains("[agency:fiu, admin]")),
        "{changes:?}"
    );
    let console = node
        .running()
        .exchange()
        .config()
        .console
        .clone()
        .expect("console");
    assert!(console.totp_required(&Role::Agency("fiu".into())));
    assert!(!console.totp_required(&Role::Agency("police".into())));

    edit(&|console| {
        console.insert("listen".into(), "127.0.0.1:1".into());
    });
    let error = node
        .running()
        .reload()
        .await
        .expect_err("refused")
        .to_string();
    assert!(error.contains("console.listen changed; restart"), "{error}");
    assert_eq!(
        node.running()
            .exchange()
            .config()
            .console
            .as_ref()
            .map(|c| c.idle.as_secs()),
        Some(600),
        "the settings in force are the reloaded ones, not the refused"
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn evidence_is_attached_sent_and_downloaded_from_the_request_pages() {
    use liaison_node::records::EvidenceState;
    use liaison_proto::pb;
    use liaison_tests::browser::{FormPart, http_post_multipart};

    let federation = TestFederation::start(&["THA", "KHM"]).await;
    add(&federation, "THA", "somchai", "focal_point").await;
    add(&federation, "THA", "dara", "auditor").await;
    add(&federation, "KHM", "sokha", "agency:police").await;
    let mut focal = federation.focal_point("THA").await;
    let id = liaison_tests::submit(
        &mut focal,
        liaison_tests::phone_check("KHM", "+85512345678"),
    )
    .await;
    liaison_tests::await_status(&mut focal, &id, pb::RequestStatus::Sent).await;
    let tha = base(&federation, "THA");
    let (_, cookie) = sign_in(&tha, "tha", "somchai", PASSWORD).await;
    let page = http_get(&format!("{tha}/requests/{id}"), Some(&cookie)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("enctype=\"multipart/form-data\""));
    let token = csrf_of(&page.body);
    let exchange = federation.node("THA").running().exchange().clone();
    let files = |exchange: &liaison_node::exchange::Exchange| {
        exchange.records().evidence_files(&id).expect("readable")
    };
    let upload_url = format!("{tha}/evidence/{id}/upload");
    // Bytes from a seized phone's chat export (illustrative), larger than
    // one part, so the form is streamed in several.
    let mut data = b"2026-11-02 21:14 recruiter: the job pays 1500 USD\n".repeat(30_000);
    data.extend_from_slice(b"end of export\n");

    // A form with a forged token, or with the file before the token, keeps
    // nothing; so does a media type the agreement does not allow.
    for parts in [
        vec![
            FormPart::text("csrf", "00"),
            FormPart::text("source", "phone"),
            FormPart::file("file", "chat.txt", "text/plain", &data),
        ],
        vec![
            FormPart::file("file", "chat.txt", "text/plain", &data),
            FormPart::text("csrf", &token),
        ],
    ] {
        let answer = http_post_multipart(&upload_url, Some(&cookie), &parts).await;
        assert_eq!(answer.status, 403, "{}", answer.body);
    }
    let video = http_post_multipart(
        &upload_url,
        Some(&cookie),
        &[
            FormPart::text("csrf", &token),
            FormPart::text("source", "phone"),
            FormPart::file("file", "clip.mp4", "video/mp4", b"not a video"),
        ],
    )
    .await;
    assert_eq!(video.status, 403, "{}", video.body);
    assert!(
        video.body.contains("not one the agreement allows"),
        "{}",
        video.body
    );
    let unknown = http_post_multipart(
        &upload_url,
        Some(&cookie),
        &[FormPart::text("csrf", &token), FormPart::text("notes", "x")],
    )
    .await;
    assert_eq!(unknown.status, 400, "{}", unknown.body);
    assert!(unknown.body.contains("notes: is not a field of this form"));
    assert!(files(&exchange).is_empty(), "nothing was kept");

    // The focal point attaches the file: its size was not announced, the
    // node hashed what arrived.
    let attached = http_post_multipart(
        &upload_url,
        Some(&cookie),
        &[
            FormPart::text("csrf", &token),
            FormPart::text("source", "seized phone, exhibit 4 (illustrative)"),
            FormPart::text("description", "Chat export with the recruiter"),
            FormPart::file("file", "chat export.txt", "text/plain", &data),
        ],
    )
    .await;
    assert_eq!(attached.status, 303, "{}", attached.body);
    assert_eq!(
        attached.header("location"),
        Some(format!("/requests/{id}#evidence").as_str())
    );
    let held = files(&exchange);
    assert_eq!(held.len(), 1);
    let file = &held[0].file;
    assert_eq!(file.size, data.len() as u64);
    assert_eq!(file.sha256.to_vec(), Sha256::digest(&data).to_vec());
    assert_eq!(file.name, "chat export.txt");
    assert_eq!(file.acquired_by, "focal_point/somchai");
    let page = http_get(&format!("{tha}/requests/{id}"), Some(&cookie)).await;
    assert!(
        page.body.contains(&hex::encode(file.sha256)),
        "the hash is shown"
    );
    assert!(page.body.contains("chat export.txt"));

    // An auditor may not attach.
    let (_, auditor) = sign_in(&tha, "tha", "dara", PASSWORD).await;
    let audit_page = http_get(&format!("{tha}/audit"), Some(&auditor)).await;
    let auditor_token = csrf_of(&audit_page.body);
    let refused = http_post_multipart(
        &upload_url,
        Some(&auditor),
        &[
            FormPart::text("csrf", &auditor_token),
            FormPart::text("source", "phone"),
            FormPart::file("file", "other.txt", "text/plain", b"other"),
        ],
    )
    .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert_eq!(files(&exchange).len(), 1);

    // Sent from the page, the file reaches KHM verified and receipted.
    let sent = http_post_form(
        &format!("{tha}/evidence/{id}/send"),
        Some(&cookie),
        &[("csrf", &token)],
    )
    .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let khm = federation.node("KHM").running().exchange().clone();
    let file_id = file.file_id.clone();
    liaison_tests::wait_for_record(&khm, &id, |_| {
        khm.records()
            .evidence_file(&id, &file_id)
            .ok()
            .flatten()
            .is_some_and(|f| f.state == EvidenceState::Received)
    })
    .await;

    // KHM's officer sees it on the inbox page and downloads the exact
    // bytes, as an attachment never rendered by the console.
    let khm_url = base(&federation, "KHM");
    let (_, police) = sign_in(&khm_url, "khm", "sokha", PASSWORD).await;
    let page = http_get(&format!("{khm_url}/inbox/{id}"), Some(&police)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains(&hex::encode(file.sha256)));
    let police_token = csrf_of(&page.body);
    let download_url = format!("{khm_url}/evidence/{id}/files/{file_id}");
    let forged = http_post_form(&download_url, Some(&police), &[("csrf", "00")]).await;
    assert_eq!(forged.status, 403);
    let download = http_post_form(&download_url, Some(&police), &[("csrf", &police_token)]).await;
    assert_eq!(download.status, 200, "{}", download.body);
    assert!(download.bytes == data, "the bytes arrived intact");
    assert_eq!(
        download.header("content-type"),
        Some("application/octet-stream")
    );
    let disposition = download.header("content-disposition").unwrap_or("");
    assert!(
        disposition.starts_with("attachment;")
            && disposition.contains("filename*=UTF-8''chat%20export.txt"),
        "{disposition}"
    );
    let opened = audit_events(&federation, "KHM", "evidence.opened");
    assert!(opened.iter().any(|e| e.actor == "agency:police/sokha"));

    // The court package from the page verifies offline.
    let package = http_post_form(
        &format!("{khm_url}/evidence/{id}/package"),
        Some(&police),
        &[("csrf", &police_token)],
    )
    .await;
    assert_eq!(package.status, 200, "{}", package.body);
    assert_eq!(package.header("content-type"), Some("application/zip"));
    let pins = ["THA", "KHM"]
        .into_iter()
        .map(|c| {
            let key = federation.node(c).config().signer.verifying_key();
            (c.parse().expect("a country code"), vec![key])
        })
        .collect();
    let verification = liaison_proto::package::verify(std::io::Cursor::new(&package.bytes), &pins);
    assert!(verification.holds(), "{:?}", verification.findings);
    let exported = audit_events(&federation, "KHM", "evidence.exported");
    assert!(exported.iter().all(|e| e.actor == "agency:police/sokha"));
    assert_eq!(exported.len(), 1);
    federation.shutdown().await;
}

/// Open agreements, and Thailand may check phone numbers against the
/// police's `compound-numbers` list in Cambodia, 100 values a day.
fn hit_checks(
    holder: liaison_proto::domain::CountryCode,
    peer: liaison_proto::domain::CountryCode,
) -> Option<liaison_node::policy::AgreementFile> {
    let mut agreement = liaison_node::policy::open_agreement(holder, peer);
    agreement.hit_checks = vec![liaison_node::policy::HitChecksSection {
        flow: "THA->KHM".into(),
        lists: vec!["police/compound-numbers".into()],
        kinds: vec!["phone".into()],
        daily_quota: 100,
    }];
    Some(agreement)
}

/// The text of the page's alert (its first `role="alert"` element).
fn alert_of(body: &str) -> &str {
    body.split("role=\"alert\"")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .unwrap_or("")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_lists_values_and_a_focal_point_checks_them_and_follows_a_hit_up() {
    use liaison_proto::domain::RequestStatus;
    use liaison_tests::browser::{FormPart, http_post_multipart};

    let federation = TestFederation::start_with(&["THA", "KHM"], &hit_checks).await;
    add(&federation, "THA", "somchai", "focal_point").await;
    add(&federation, "THA", "dara", "auditor").await;
    add(&federation, "KHM", "sokha", "agency:police").await;
    let (tha, khm) = (base(&federation, "THA"), base(&federation, "KHM"));
    let khm_node = federation.node("KHM").running().exchange().clone();
    let lists = || khm_node.records().indicator_lists().expect("readable");

    // Cambodia's police officer imports two numbers (illustrative) from a
    // CSV file on the lists page.
    let (_, police) = sign_in(&khm, "khm", "sokha", PASSWORD).await;
    let page = http_get(&format!("{khm}/lists"), Some(&police)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("href=\"/lists\""), "linked in the menu");
    let token = csrf_of(&page.body);
    let csv = b"value,reference,added\r\n+855 12 345 678,KH-POL-2026-001,2026-11-02\r\n\r\n\"+85512345679\",KH-POL-2026-002\r\n";
    let import_url = format!("{khm}/lists/import");
    fn form<'a>(token: &'a str, data: &'a [u8]) -> Vec<FormPart<'a>> {
        vec![
            FormPart::text("csrf", token),
            FormPart::text("list", "compound-numbers"),
            FormPart::text("kind", "phone"),
            FormPart::file("file", "numbers.csv", "text/csv", data),
        ]
    }
    // A forged token, or the file before the token, imports nothing.
    let forged = http_post_multipart(&import_url, Some(&police), &form("00", csv)).await;
    assert_eq!(forged.status, 403, "{}", forged.body);
    let misordered = http_post_multipart(
        &import_url,
        Some(&police),
        &[
            FormPart::file("file", "numbers.csv", "text/csv", csv),
            FormPart::text("csrf", &token),
        ],
    )
    .await;
    assert_eq!(misordered.status, 403, "{}", misordered.body);
    assert!(lists().is_empty(), "nothing was imported");
    let imported = http_post_multipart(&import_url, Some(&police), &form(&token, csv)).await;
    assert_eq!(imported.status, 200, "{}", imported.body);
    assert!(
        imported
            .body
            .contains("compound-numbers: 2 added or updated, 0 removed"),
        "{}",
        imported.body
    );
    assert!(
        imported.body.contains("Phone number: 2"),
        "{}",
        imported.body
    );
    assert_eq!(lists().len(), 1);
    // A bad value is named by its line, never quoted; so is a bad line.
    let bad = http_post_multipart(
        &import_url,
        Some(&police),
        &form(
            &token,
            b"+85512345671,KH-POL-2026-003\n+855 not-a-number 42,KH-POL-2026-004\n",
        ),
    )
    .await;
    assert_eq!(bad.status, 400, "{}", bad.body);
    let alert = alert_of(&bad.body);
    assert!(alert.contains("entries[1].value"), "{alert}");
    assert!(
        bad.body
            .contains("The entry refused is on line 2 of the file.")
    );
    assert!(!bad.body.contains("not-a-number"), "{}", bad.body);
    let shapeless = http_post_multipart(
        &import_url,
        Some(&police),
        &form(&token, b"+85512345671,KH-POL-2026-003\n+85512345672\n"),
    )
    .await;
    assert_eq!(shapeless.status, 400);
    assert!(
        shapeless
            .body
            .contains("Line 2 of the file: an entry is value,reference[,added]."),
        "{}",
        shapeless.body
    );
    assert!(!shapeless.body.contains("+85512345672"));
    assert_eq!(lists()[0].counts.values().sum::<u64>(), 2);

    // Thailand's focal point opens the check page from the menu.
    let (_, focal) = sign_in(&tha, "tha", "somchai", PASSWORD).await;
    let page = http_get(&format!("{tha}/hits"), Some(&focal)).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("href=\"/hits\""));
    assert!(page.body.contains("<option value=\"KHM\""));
    let token = csrf_of(&page.body);
    let check_url = format!("{tha}/hits/check");
    let checked = || audit_events(&federation, "THA", "hits.checked").len();
    // A forged token checks nothing.
    let forged = http_post_form(
        &check_url,
        Some(&focal),
        &[
            ("csrf", "00"),
            ("peer", "KHM"),
            ("kind", "phone"),
            ("values", "+85512345678"),
        ],
    )
    .await;
    assert_eq!(forged.status, 403);
    assert_eq!(checked(), 0);

    // The first number is listed (written another way), the second not.
    let answer = http_post_form(
        &check_url,
        Some(&focal),
        &[
            ("csrf", &token),
            ("peer", "KHM"),
            ("kind", "phone"),
            ("values", "+855-12-345-678\n\n+85512345670\n"),
        ],
    )
    .await;
    assert_eq!(answer.status, 200, "{}", answer.body);
    let body = &answer.body;
    assert!(
        body.contains("Values checked at KHM: 2. Hits: 1."),
        "{body}"
    );
    assert!(body.contains("KH-POL-2026-001") && body.contains("2026-11-02"));
    assert!(!body.contains("KH-POL-2026-002"), "only the hit opens");
    assert!(body.contains(">No hit<"));
    assert!(
        body.contains("Values KHM still allows today: 98."),
        "{body}"
    );
    assert!(body.contains("Entries in the set for this country: 2."));
    assert_eq!(checked(), 1);
    let follow_up = body
        .split("href=\"/requests/new?follow_up=")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a follow-up link")
        .replace("&amp;", "&");

    // A bad value is named by its position and line, not quoted; the
    // textarea keeps what was typed.
    let bad = http_post_form(
        &check_url,
        Some(&focal),
        &[
            ("csrf", &token),
            ("peer", "KHM"),
            ("kind", "phone"),
            ("values", "+85512345678\n\n+855 not-a-number 42"),
        ],
    )
    .await;
    assert_eq!(bad.status, 400, "{}", bad.body);
    let alert = alert_of(&bad.body);
    assert!(alert.contains("values[1]"), "{alert}");
    assert!(!alert.contains("not-a-number"), "{alert}");
    assert!(
        bad.body
            .contains("The value refused is value 2, on line 3.")
    );
    assert!(
        bad.body
            .contains(">+85512345678\n\n+855 not-a-number 42</textarea>")
    );

    // An auditor may not check, nor keep lists.
    let (_, auditor) = sign_in(&tha, "tha", "dara", PASSWORD).await;
    let audit_page = http_get(&format!("{tha}/audit"), Some(&auditor)).await;
    let auditor_token = csrf_of(&audit_page.body);
    assert_eq!(
        http_get(&format!("{tha}/hits"), Some(&auditor))
            .await
            .status,
        403
    );
    let refused = http_post_form(
        &check_url,
        Some(&auditor),
        &[
            ("csrf", &auditor_token),
            ("peer", "KHM"),
            ("kind", "phone"),
            ("values", "+85512345678"),
        ],
    )
    .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert_eq!(
        http_get(&format!("{tha}/lists"), Some(&auditor))
            .await
            .status,
        403
    );
    assert_eq!(checked(), 1, "only the focal point's valid check ran");

    // The follow-up: the form names the listing and carries the hit.
    let form_page = http_get(
        &format!("{tha}/requests/new?follow_up={follow_up}"),
        Some(&focal),
    )
    .await;
    assert_eq!(form_page.status, 200, "{}", form_page.body);
    assert!(
        form_page
            .body
            .contains("Follow-up of a hit on police/compound-numbers, reference KH-POL-2026-001."),
        "{}",
        form_page.body
    );
    let hit_id = follow_up.split('&').next().unwrap_or_default().to_string();
    assert!(
        form_page
            .body
            .contains(&format!("name=\"follow_up\" value=\"{hit_id}\""))
    );
    let sent = http_post_form(
        &format!("{tha}/requests/new"),
        Some(&focal),
        &[
            ("csrf", &token),
            ("follow_up", &hit_id),
            ("follow_up_record", "0"),
            ("action", "send"),
            ("to", "KHM"),
            ("category", "PHONE_CHECK"),
            ("purpose", "INVESTIGATION"),
            ("offence", "0204"),
            ("subject_kind", "phone"),
            ("subject_role", "SUSPECT"),
            ("subject_value", ""),
            ("summary", "Follow-up of a hit on a recruiter's number."),
            ("deadline_days", "7"),
        ],
    )
    .await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    let id = sent
        .header("location")
        .and_then(|l| l.strip_prefix("/requests/"))
        .expect("the request's page")
        .to_string();
    let record =
        liaison_tests::wait_for_record(&khm_node, &id, |r| r.status == RequestStatus::Assigned)
            .await;
    assert_eq!(record.agency.as_deref(), Some("police"));
    let inbox = http_get(&format!("{khm}/inbox/{id}"), Some(&police)).await;
    assert_eq!(inbox.status, 200, "{}", inbox.body);
    assert!(
        inbox
            .body
            .contains("police/compound-numbers, reference KH-POL-2026-001"),
        "{}",
        inbox.body
    );
    assert!(
        inbox.body.contains("+85512345678"),
        "the value that hit is the subject"
    );
    federation.shutdown().await;
}
