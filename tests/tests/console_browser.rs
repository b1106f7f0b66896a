//! The web console in a real headless Chromium (Debian's `chromium` and
//! `chromium-driver`, which `.ci/run` installs), against real nodes on
//! loopback: a whole exchange between two countries' consoles, hostile text
//! that must stay text, every language on the sign-in and inbox pages, and
//! a phone-sized screen.
//!
//! With `LIAISON_SCREENSHOTS=DIR` the main pages are saved there as PNG
//! (`docs/screenshots/` holds the ones the README shows); otherwise in a
//! temporary directory, checked and thrown away.

use std::path::PathBuf;
use std::time::Duration;

use liaison_node::api::console::I18n;
use liaison_node::api::console::i18n::LANGUAGES;
use liaison_node::config::{LocalUser, Role};
use liaison_proto::domain::RequestStatus;
use liaison_tests::browser::Browser;
use liaison_tests::{TestFederation, phone_check, submit, wait_for_record};

const PASSWORD: &str = "correct horse battery staple";
const PATIENCE: Duration = Duration::from_secs(20);
/// Text a hostile sender might put in a summary.
const HOSTILE: &str = "<script>window.__xss=1</script>\"><img src=x onerror=\"window.__xss=2\"> \
                       <a href=\"javascript:window.__xss=3\">javascript:window.__xss=3</a>";

fn base(federation: &TestFederation, code: &str) -> String {
    let address = federation
        .node(code)
        .running()
        .console_addr
        .expect("the node serves a console");
    format!("http://{address}")
}

async fn add(federation: &TestFederation, code: &str, login: &str, role: &str) {
    let operator = LocalUser {
        name: "test-admin".into(),
        role: Role::Admin,
    };
    federation
        .node(code)
        .running()
        .exchange()
        .add_person(&operator, login, role, Some(PASSWORD.into()))
        .await
        .expect("person added");
}

/// Where screenshots go: `LIAISON_SCREENSHOTS`, or a temporary directory.
fn screenshots() -> (PathBuf, Option<tempfile::TempDir>) {
    match std::env::var_os("LIAISON_SCREENSHOTS") {
        Some(dir) => (PathBuf::from(dir), None),
        None => {
            let temp = tempfile::tempdir().expect("temp dir");
            (temp.path().to_path_buf(), Some(temp))
        }
    }
}

async fn shot(browser: &Browser, dir: &std::path::Path, name: &str) {
    let path = dir.join(format!("{name}.png"));
    browser.screenshot(&path).await;
    let bytes = std::fs::read(&path).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name} is a PNG");
}

async fn sign_in(browser: &Browser, url: &str, login: &str) {
    browser.goto(&format!("{url}/login")).await;
    browser.fill("login", login).await;
    browser.fill("password", PASSWORD).await;
    // The form's own button, whatever the page's language.
    browser
        .one("form.card button[type=submit]")
        .await
        .click()
        .await
        .expect("the sign-in button clicks");
}

/// Nothing the hostile text holds ran.
async fn nothing_ran(browser: &Browser) {
    let ran = browser.execute("return window.__xss === undefined;").await;
    assert_eq!(
        ran,
        serde_json::Value::Bool(true),
        "{}",
        browser.describe().await
    );
    assert_eq!(
        browser.count("img[src='x']").await + browser.count("a[href^='javascript']").await,
        0,
        "hostile markup became elements"
    );
}

#[tokio::test]
async fn a_focal_point_and_an_officer_do_a_whole_exchange_in_their_consoles() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    add(&federation, "THA", "somchai", "focal_point").await;
    add(&federation, "KHM", "sokha", "agency:police").await;
    add(&federation, "KHM", "dara", "auditor").await;
    let (tha, khm) = (base(&federation, "THA"), base(&federation, "KHM"));
    let (dir, _keep) = screenshots();
    let browser = Browser::new().await;

    // Thailand's focal point signs in and fills the form.
    browser.goto(&format!("{tha}/login")).await;
    shot(&browser, &dir, "login").await;
    sign_in(&browser, &tha, "somchai").await;
    browser
        .wait_for_url(|u| u.ends_with("/requests"), "the dashboard", PATIENCE)
        .await;
    browser.wait_for_text("focal_point/somchai", PATIENCE).await;
    browser.click_link("New request").await;
    browser
        .wait_for_url(|u| u.ends_with("/requests/new"), "the form", PATIENCE)
        .await;
    browser.select("to", "KHM").await;
    browser.select("category", "PHONE_CHECK").await;
    browser.select("purpose", "INVESTIGATION").await;
    browser.select("offence", "0204").await;
    browser.fill("legal_basis_ACTIP", "on").await;
    browser.fill("subject_value_0", "+85512345678").await;
    browser.fill("summary", HOSTILE).await;
    browser.click_button("Check against the agreements").await;
    browser
        .wait_for_text("Both agreements allow this request", PATIENCE)
        .await;
    shot(&browser, &dir, "new-request").await;
    browser.click_button("Send").await;
    let url = browser
        .wait_for_url(
            |u| u.contains("/requests/") && !u.ends_with("/new"),
            "the request's page",
            PATIENCE,
        )
        .await;
    let id = url.rsplit('/').next().unwrap_or_default().to_string();
    browser.wait_for_text("Phone check", PATIENCE).await;
    // This node's audit entries about it are listed with their positions.
    browser.wait_for_text("request.submitted", PATIENCE).await;
    // The summary is shown as sent, as text, and nothing in it ran.
    assert!(
        browser
            .page_text()
            .await
            .contains("<script>window.__xss=1</script>")
    );
    nothing_ran(&browser).await;

    // Cambodia's police officer reads it in the inbox and answers.
    let khm_node = federation.node("KHM").running().exchange();
    wait_for_record(khm_node, &id, |r| r.status == RequestStatus::Assigned).await;
    sign_in(&browser, &khm, "sokha").await;
    browser
        .wait_for_url(|u| u.ends_with("/inbox"), "the inbox", PATIENCE)
        .await;
    shot(&browser, &dir, "inbox").await;
    browser.click_link(&id[..8]).await;
    browser
        .wait_for_url(|u| u.ends_with(&id), "the request", PATIENCE)
        .await;
    assert!(
        browser
            .page_text()
            .await
            .contains("<script>window.__xss=1</script>")
    );
    nothing_ran(&browser).await;
    browser
        .fill("field_value_0", "Registered to a prepaid SIM reseller")
        .await;
    browser.click_button("Preview what will be released").await;
    browser
        .wait_for_text("Registered to a prepaid SIM reseller;", PATIENCE)
        .await;
    shot(&browser, &dir, "answer").await;
    browser.click_button("Send the answer").await;
    let tha_node = federation.node("THA").running().exchange();
    wait_for_record(tha_node, &id, |r| r.status == RequestStatus::Answered).await;

    // The officer attaches a file to the answer from the page (the file
    // input streams it) and sends it; Thailand receives it verified.
    let exhibit = tempfile::tempdir().expect("a temporary directory");
    let exhibit_path = exhibit.path().join("subscriber-record.txt");
    std::fs::write(
        &exhibit_path,
        "Subscriber record, prepaid SIM (illustrative test data)\n",
    )
    .expect("the exhibit is written");
    browser.goto(&format!("{khm}/inbox/{id}")).await;
    browser
        .fill("source", "operator's subscriber database (illustrative)")
        .await;
    browser
        .one("#evidence-file")
        .await
        .send_keys(&exhibit_path.display().to_string())
        .await
        .expect("the file is chosen");
    browser.click_button("Attach").await;
    browser
        .wait_for_text("Attached here, not yet sent", PATIENCE)
        .await;
    browser
        .wait_for_text("subscriber-record.txt", PATIENCE)
        .await;
    shot(&browser, &dir, "evidence").await;
    browser.click_button("Send the attached files").await;
    let file_id = khm_node
        .records()
        .evidence_files(&id)
        .expect("readable")
        .first()
        .map(|f| f.file.file_id.clone())
        .expect("the file is attached");
    wait_for_record(tha_node, &id, |_| {
        tha_node
            .records()
            .evidence_file(&id, &file_id)
            .ok()
            .flatten()
            .is_some_and(|f| f.state == liaison_node::records::EvidenceState::Received)
    })
    .await;

    // Thailand's page shows the answer.
    browser.goto(&format!("{tha}/requests/{id}")).await;
    browser
        .wait_for_text("Registered to a prepaid SIM reseller", PATIENCE)
        .await;
    browser
        .wait_for_text(
            "Received and verified against the signed manifest",
            PATIENCE,
        )
        .await;
    shot(&browser, &dir, "request").await;
    browser.goto(&format!("{tha}/requests")).await;
    shot(&browser, &dir, "dashboard").await;

    // Cambodia's auditor verifies Cambodia's log.
    sign_in(&browser, &khm, "dara").await;
    browser
        .wait_for_url(|u| u.ends_with("/audit"), "the audit log", PATIENCE)
        .await;
    browser.click_button("Verify this node's log").await;
    browser.wait_for_text("The log verifies", PATIENCE).await;
    shot(&browser, &dir, "audit").await;
    browser.goto(&format!("{khm}/reports")).await;
    browser.wait_for_text("Requests per peer", PATIENCE).await;
    shot(&browser, &dir, "reports").await;
    browser.close().await;
    federation.shutdown().await;
}

/// Open agreements, and Thailand may check phone numbers against the
/// police's `compound-numbers` list in Cambodia.
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

#[tokio::test]
async fn a_focal_point_checks_a_number_and_opens_the_follow_up_of_the_hit() {
    let federation = TestFederation::start_with(&["THA", "KHM"], &hit_checks).await;
    add(&federation, "THA", "somchai", "focal_point").await;
    let police = LocalUser {
        name: "police-officer".into(),
        role: Role::Agency("police".into()),
    };
    federation
        .node("KHM")
        .running()
        .exchange()
        .import_indicators(
            &police,
            "police",
            "compound-numbers",
            "phone",
            &[(
                "+85512345678".into(),
                "KH-POL-2026-001".into(),
                "2026-11-02".into(),
            )],
        )
        .await
        .expect("listed");
    let tha = base(&federation, "THA");
    let (dir, _keep) = screenshots();
    let browser = Browser::new().await;
    sign_in(&browser, &tha, "somchai").await;
    browser
        .wait_for_url(|u| u.ends_with("/requests"), "the dashboard", PATIENCE)
        .await;
    browser.click_link("Hit checks").await;
    browser
        .wait_for_url(|u| u.ends_with("/hits"), "the check page", PATIENCE)
        .await;
    browser.select("peer", "KHM").await;
    browser.select("kind", "phone").await;
    browser
        .fill("values", "+855 12 345 678\n+85512345670")
        .await;
    browser.click_button("Check").await;
    browser
        .wait_for_text("Values checked at KHM: 2. Hits: 1.", PATIENCE)
        .await;
    let text = browser.page_text().await;
    assert!(text.contains("KH-POL-2026-001"), "{text}");
    assert!(text.contains("No hit"), "{text}");
    shot(&browser, &dir, "hits").await;
    browser.click_link("Follow up").await;
    browser
        .wait_for_text(
            "Follow-up of a hit on police/compound-numbers, reference KH-POL-2026-001.",
            PATIENCE,
        )
        .await;
    browser.close().await;
    federation.shutdown().await;
}

/// Whether `text` holds a character of the script of `tag`, if it has its
/// own script.
fn in_script(tag: &str, text: &str) -> bool {
    let range = match tag {
        "th" => 0x0E00..=0x0E7F,
        "km" => 0x1780..=0x17FF,
        "lo" => 0x0E80..=0x0EFF,
        "my" => 0x1000..=0x109F,
        _ => return true,
    };
    text.chars().any(|c| range.contains(&u32::from(c)))
}

#[tokio::test]
async fn every_language_renders_its_own_script_on_the_sign_in_and_inbox_pages() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    add(&federation, "KHM", "sokha", "agency:police").await;
    let khm = base(&federation, "KHM");
    // One request in the inbox, so that its table shows in each language.
    let mut focal = federation.focal_point("THA").await;
    let id = submit(&mut focal, phone_check("KHM", "+85512345678")).await;
    let khm_node = federation.node("KHM").running().exchange();
    wait_for_record(khm_node, &id, |r| r.status == RequestStatus::Assigned).await;
    let i18n = I18n::load().expect("messages load");
    let (dir, _keep) = screenshots();
    let browser = Browser::new().await;
    browser.goto(&format!("{khm}/login")).await;
    for language in LANGUAGES {
        // The menu switches the sign-in page (its script submits it).
        browser.select("language", language.tag).await;
        let title = i18n.text(language.tag, "sign-in-title", None);
        browser.wait_for_text(&title, PATIENCE).await;
        let heading = browser.text("h1").await;
        assert!(
            in_script(language.tag, &heading),
            "{}: {heading}",
            language.tag
        );
        if language.tag == "km" {
            shot(&browser, &dir, "login-km").await;
        }
        let width = browser
            .execute("return document.querySelector('h1').getBoundingClientRect().width;")
            .await;
        assert!(
            width.as_f64().unwrap_or(0.0) > 0.0,
            "{} renders",
            language.tag
        );
        assert_eq!(
            browser
                .execute("return document.documentElement.lang;")
                .await,
            serde_json::Value::String(language.tag.to_string())
        );
    }
    // Signed in, the chosen language (the last) stays, and the inbox is in
    // it; then each language once more, chosen on the inbox.
    sign_in(&browser, &khm, "sokha").await;
    browser
        .wait_for_url(|u| u.ends_with("/inbox"), "the inbox", PATIENCE)
        .await;
    for language in LANGUAGES {
        browser.select("language", language.tag).await;
        let args = liaison_node::api::console::i18n::args(&[("agency", "police".into())]);
        let title = i18n.text(language.tag, "inbox-title", Some(&args));
        browser.wait_for_text(&title, PATIENCE).await;
        assert!(
            in_script(language.tag, &browser.text("h1").await),
            "{}",
            language.tag
        );
        if language.tag == "th" {
            shot(&browser, &dir, "inbox-th").await;
        }
        if language.tag != "en" {
            assert!(
                browser
                    .page_text()
                    .await
                    .contains(&i18n.text("en", "not-reviewed", None))
                    || browser.page_text().await.contains(&i18n.text(
                        language.tag,
                        "not-reviewed",
                        None
                    )),
                "drafted translations are marked in the menu"
            );
        }
    }
    browser.close().await;
    federation.shutdown().await;
}

#[tokio::test]
async fn pages_fit_a_phone_screen() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    add(&federation, "THA", "somchai", "focal_point").await;
    let tha = base(&federation, "THA");
    let (dir, _keep) = screenshots();
    let browser = Browser::new().await;
    browser.set_window_size(390, 844).await;
    sign_in(&browser, &tha, "somchai").await;
    browser
        .wait_for_url(|u| u.ends_with("/requests"), "the dashboard", PATIENCE)
        .await;
    for page in ["/requests", "/requests/new", "/hits", "/account"] {
        browser.goto(&format!("{tha}{page}")).await;
        let overflow = browser
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            )
            .await;
        let culprits = browser
            .execute(
                "return Array.from(document.querySelectorAll('body *')).filter(e => \
                 e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 \
                 && !e.closest('.table-wrap')).map(e => e.tagName + '.' + e.className).slice(0, 8);",
            )
            .await;
        assert!(
            overflow.as_f64().unwrap_or(1.0) <= 0.0,
            "{page} scrolls sideways by {overflow} px: {culprits}"
        );
    }
    browser.goto(&format!("{tha}/requests/new")).await;
    shot(&browser, &dir, "phone-new-request").await;
    browser.close().await;
    federation.shutdown().await;
}
