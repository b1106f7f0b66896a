//! The browser test harness itself: a real headless Chromium, through
//! chromedriver, against a tiny site served here on loopback (plain HTTP
//! and HTTPS with a self-signed certificate, as test nodes serve their
//! console under a per-test CA).

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::Form;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use liaison_tests::browser::{self, Browser, http_get, http_post_form};

/// The form's hidden anti-forgery token.
const TOKEN: &str = "t0k3n";

/// Text in the four scripts the console must show, by element id.
const SCRIPTS: [(&str, &str, &str); 4] = [
    ("thai", "th", "คำขอข้อมูลหมายเลขโทรศัพท์"),
    ("khmer", "km", "សំណើព័ត៌មានលេខទូរស័ព្ទ"),
    ("lao", "lo", "ຄຳຮ້ອງຂໍຂໍ້ມູນເບີໂທລະສັບ"),
    ("burmese", "my", "ဖုန်းနံပါတ်အချက်အလက်တောင်းဆိုချက်"),
];

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body>{body}</body></html>"
    )
}

async fn form_page() -> Response {
    let body = format!(
        "<h1>New request</h1>\
         <form method=\"post\" action=\"/echo\">\
         <input type=\"hidden\" name=\"token\" value=\"{TOKEN}\">\
         <p><label for=\"case\">Case reference</label> <input id=\"case\" name=\"case_ref\"></p>\
         <p><label>Agency <select name=\"agency\">\
           <option value=\"police\">Police</option>\
           <option value=\"fiu\">Financial intelligence unit</option></select></label></p>\
         <p><label for=\"note\">Note</label> <textarea id=\"note\" name=\"note\"></textarea></p>\
         <p><label><input type=\"checkbox\" name=\"urgent\"> Urgent</label></p>\
         <p><button type=\"submit\">Send request</button> <button type=\"reset\">Clear</button></p>\
         </form><p><a href=\"/scripts\">Languages</a></p>"
    );
    (
        [(
            header::SET_COOKIE,
            "session=s3ss10n; Path=/; HttpOnly; SameSite=Strict",
        )],
        Html(page("New request", &body)),
    )
        .into_response()
}

async fn echo(Form(fields): Form<HashMap<String, String>>) -> Response {
    if fields.get("token").map(String::as_str) != Some(TOKEN) {
        return (
            StatusCode::FORBIDDEN,
            Html(page("Forbidden", "<p>bad token</p>")),
        )
            .into_response();
    }
    let field = |name: &str| escape(fields.get(name).map(String::as_str).unwrap_or(""));
    let body = format!(
        "<h1>Sent</h1><p id=\"case\">{}</p><p id=\"agency\">{}</p>\
         <p id=\"urgent\">{}</p><p id=\"note\">{}</p><p><a href=\"/form\">Back to the form</a></p>",
        field("case_ref"),
        field("agency"),
        field("urgent"),
        field("note"),
    );
    Html(page("Sent", &body)).into_response()
}

async fn scripts_page() -> Html<String> {
    let mut body = String::from("<h1>Languages</h1>");
    for (id, lang, text) in SCRIPTS {
        body.push_str(&format!(
            "<p><span id=\"{id}\" lang=\"{lang}\">{text}</span></p>"
        ));
    }
    body.push_str("<p><a href=\"/form\">Back to the form</a></p>");
    Html(page("Languages", &body))
}

async fn language_page(headers: HeaderMap) -> Html<String> {
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    Html(page(
        "Language",
        &format!("<p id=\"accept\">{}</p>", escape(accept)),
    ))
}

fn site() -> Router {
    Router::new()
        .route("/form", get(form_page))
        .route("/echo", axum::routing::post(echo))
        .route("/scripts", get(scripts_page))
        .route("/language", get(language_page))
}

/// Serves the site over plain HTTP on a free loopback port.
async fn serve_http() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("loopback listener");
    let address = listener.local_addr().expect("bound");
    tokio::spawn(async move { axum::serve(listener, site()).await });
    address
}

/// Serves the site over HTTPS, with a fresh self-signed certificate, on
/// a free loopback port.
async fn serve_https() -> SocketAddr {
    let certified =
        rcgen::generate_simple_self_signed(vec!["localhost".to_string(), "127.0.0.1".to_string()])
            .expect("self-signed certificate");
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(rustls::pki_types::PrivatePkcs8KeyDer::from(
        certified.signing_key.serialize_der(),
    ));
    let mut config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_no_client_auth()
    .with_single_cert(vec![certified.cert.der().clone()], key)
    .expect("server TLS config");
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("loopback listener");
    let address = listener.local_addr().expect("bound");
    let router = site();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            let router = router.clone();
            tokio::spawn(async move {
                if let Ok(tls) = acceptor.accept(tcp).await {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(tls), TowerToHyperService::new(router))
                        .await;
                }
            });
        }
    });
    address
}

const WAIT: Duration = Duration::from_secs(10);

/// Label-based filling and a submit round trip over HTTPS with a
/// self-signed certificate; a script in a field comes back as text and
/// never runs; cookies; links; a screenshot is a PNG.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn form_round_trip_over_https() {
    let address = serve_https().await;
    let browser = Browser::new().await;
    browser.goto(&format!("https://{address}/form")).await;
    assert_eq!(browser.title().await, "New request");

    let xss = "<script>window.__xss=1</script> & \"quotes\"";
    browser.fill("Case reference", "TH-DSI-2026-0412").await;
    browser.fill("Agency", "Financial intelligence unit").await;
    browser.fill("note", xss).await;
    browser.fill("Urgent", "on").await;
    browser.click_button("Send request").await;
    browser.wait_for_text("Sent", WAIT).await;

    assert_eq!(
        browser.current_url().await,
        format!("https://{address}/echo")
    );
    assert_eq!(browser.text("#case").await, "TH-DSI-2026-0412");
    assert_eq!(browser.text("#agency").await, "fiu");
    assert_eq!(browser.text("#urgent").await, "on");
    assert_eq!(browser.text("#note").await, xss);
    assert!(
        browser
            .page_text()
            .await
            .contains("<script>window.__xss=1</script>")
    );
    assert_eq!(
        browser.execute("return window.__xss === undefined;").await,
        serde_json::json!(true),
        "the echoed script ran"
    );
    assert_eq!(browser.count("#note script").await, 0);

    // The session cookie the form page set, with its attributes.
    let cookies = browser.cookies().await;
    let session = cookies
        .iter()
        .find(|c| c.name() == "session")
        .unwrap_or_else(|| panic!("no session cookie among {cookies:?}"));
    assert_eq!(session.value(), "s3ss10n");
    assert_eq!(session.http_only(), Some(true));
    assert_eq!(browser.cookie_header().await, "session=s3ss10n");
    browser.delete_all_cookies().await;
    assert!(browser.cookies().await.is_empty());

    // A screenshot, in a directory that does not exist yet.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shots/sent.png");
    browser.screenshot(&path).await;
    let png = std::fs::read(&path).expect("screenshot written");
    assert!(png.len() > 8, "the screenshot is empty");
    assert_eq!(
        &png[..8],
        b"\x89PNG\r\n\x1a\n",
        "the screenshot is not a PNG"
    );

    // Back by link; a select by its name; the reset button.
    browser.click_link("Back to the form").await;
    browser.wait_for_text("Case reference", WAIT).await;
    browser.select("agency", "police").await;
    assert_eq!(
        browser
            .execute("return document.querySelector('select').value;")
            .await,
        serde_json::json!("police")
    );
    browser.close().await;
}

/// Thai, Khmer, Lao and Burmese text reads back from the DOM and is laid
/// out with a width, on a desktop and on a phone-sized window.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn southeast_asian_scripts_render() {
    let address = serve_http().await;
    let browser = Browser::new().await;
    browser.goto(&format!("http://{address}/scripts")).await;
    for (width, height) in [browser::WINDOW, (390, 844)] {
        browser.set_window_size(width, height).await;
        let viewport = browser
            .execute("return [window.innerWidth, window.innerHeight];")
            .await;
        assert_eq!(viewport, serde_json::json!([width, height]));
        for (id, _, text) in SCRIPTS {
            assert_eq!(browser.text(&format!("#{id}")).await, text, "{id}");
            let size = browser
                .execute_with(
                    "const r = document.getElementById(arguments[0]).getBoundingClientRect();\
                     return [r.width, r.height];",
                    vec![serde_json::json!(id)],
                )
                .await;
            let (w, h) = (
                size[0].as_f64().unwrap_or(0.0),
                size[1].as_f64().unwrap_or(0.0),
            );
            assert!(
                w > 0.0 && h > 0.0,
                "{id} text is not laid out ({w}×{h}) at {width}×{height}"
            );
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scripts-phone.png");
    browser.screenshot(&path).await;
    assert!(
        std::fs::read(&path)
            .expect("screenshot")
            .starts_with(b"\x89PNG\r\n\x1a\n")
    );
}

/// A browser asked for Thai says so in `Accept-Language` and to scripts.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn browser_language() {
    let address = serve_http().await;
    let browser = Browser::new_with_language("th").await;
    browser.goto(&format!("http://{address}/language")).await;
    let accept = browser.text("#accept").await;
    assert!(accept.starts_with("th"), "Accept-Language: {accept:?}");
    assert_eq!(
        browser.execute("return navigator.language;").await,
        serde_json::json!("th")
    );
}

/// The raw HTTP helpers return what the server sent: status, headers
/// (every Set-Cookie) and body, over HTTP and over HTTPS with a
/// self-signed certificate.
#[tokio::test]
async fn raw_http_helpers() {
    for (scheme, address) in [("http", serve_http().await), ("https", serve_https().await)] {
        let form = http_get(&format!("{scheme}://{address}/form"), None).await;
        assert_eq!(form.status, 200, "{scheme}");
        assert!(form.body.contains("Case reference"), "{scheme}");
        assert_eq!(form.set_cookie_header(), "session=s3ss10n");
        assert!(
            form.header("content-type")
                .is_some_and(|v| v.starts_with("text/html")),
            "{:?}",
            form.headers
        );

        let echo = format!("{scheme}://{address}/echo");
        let forbidden = http_post_form(&echo, Some("session=s3ss10n"), &[("note", "x")]).await;
        assert_eq!(forbidden.status, 403, "{scheme}: {}", forbidden.body);

        let sent = http_post_form(
            &echo,
            Some("session=s3ss10n"),
            &[("token", TOKEN), ("note", "<b>a & b</b>")],
        )
        .await;
        assert_eq!(sent.status, 200, "{scheme}: {}", sent.body);
        assert!(
            sent.body.contains("&lt;b&gt;a &amp; b&lt;/b&gt;"),
            "{}",
            sent.body
        );

        let missing = http_get(&format!("{scheme}://{address}/nowhere"), None).await;
        assert_eq!(missing.status, 404, "{scheme}");
    }
}

/// Processes (not zombies) whose command line mentions `needle`.
fn live_processes_mentioning(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let path = entry.path();
        let Ok(cmdline) = std::fs::read(path.join("cmdline")) else {
            continue;
        };
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        let zombie = std::fs::read_to_string(path.join("stat"))
            .ok()
            .and_then(|stat| {
                stat.rsplit_once(')')
                    .map(|(_, rest)| rest.trim_start().starts_with('Z'))
            })
            .unwrap_or(true);
        if cmdline.contains(needle) && !zombie {
            found.push(cmdline);
        }
    }
    found
}

/// Dropping a browser (as a failing test does) ends its chromedriver and
/// every Chromium process, and removes its profile.
#[tokio::test]
async fn dropping_a_browser_ends_its_processes() {
    let browser = Browser::new().await;
    browser.goto("about:blank").await;
    let profile = browser.profile_dir().to_path_buf();
    let driver = browser
        .driver_url()
        .trim_start_matches("http://")
        .to_string();
    let needle = profile.display().to_string();
    assert!(
        !live_processes_mentioning(&needle).is_empty(),
        "no Chromium process runs with the profile {needle}"
    );
    drop(browser);
    assert_eq!(live_processes_mentioning(&needle), Vec::<String>::new());
    assert!(!profile.exists(), "{} is still there", profile.display());
    assert!(
        tokio::net::TcpStream::connect(&driver).await.is_err(),
        "chromedriver still listens on {driver}"
    );
}
