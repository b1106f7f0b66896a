//! Browser tests: a real headless Chromium driven through WebDriver.
//!
//! [`Browser::new`] starts its own `chromedriver` (Debian's
//! `chromium-driver`) on a port the driver picks itself (`--port=0`; the
//! chosen port is read from the line it prints on stdout), waits until its
//! `/status` says it is ready, and opens a session in headless Chromium
//! (Debian's `chromium`) with a fresh profile directory. The session accepts
//! self-signed certificates, since test nodes serve HTTPS under a per-test
//! CA. Dropping the `Browser` kills chromedriver and every Chromium process
//! it started (they share one process group).
//!
//! WebDriver does not expose HTTP status codes or response headers, so
//! [`http_get`] and [`http_post_form`] make raw requests (plain HTTP, or
//! HTTPS accepting any certificate: for tests only) and return the status,
//! the headers and the body.
//!
//! Every helper panics with what it expected and what the page showed.

use std::fmt::Write as _;
use std::io::{BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use fantoccini::elements::{Element, ElementRef};
use fantoccini::wd::Capabilities;
use fantoccini::{Client, ClientBuilder, Locator};
use http_body_util::{BodyExt as _, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};

pub use fantoccini::cookies::Cookie;

use crate::PATIENCE;

/// What to install when the browser or its driver is missing.
pub const INSTALL_HINT: &str = "browser tests need Debian's chromium, chromium-driver and \
     fonts-noto-core packages: apt-get install chromium chromium-driver fonts-noto-core \
     (.ci/run installs them)";

/// The default window: a laptop screen.
pub const WINDOW: (u32, u32) = (1280, 900);

/// How often the waiting helpers look again.
const POLL: Duration = Duration::from_millis(50);

/// The WebDriver key of an element reference in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// How much of a page's text a panic message quotes.
const QUOTE: usize = 3000;

/// A headless Chromium with its own chromedriver and profile.
#[derive(Debug)]
pub struct Browser {
    client: Client,
    // Declared after `client` and before `profile`: dropped in that order,
    // so Chromium is gone before its profile directory is removed.
    driver: Driver,
    profile: tempfile::TempDir,
}

/// Options for [`Browser::with_options`].
#[derive(Debug, Clone)]
pub struct BrowserOptions {
    /// The browser's language (`--lang` and the `Accept-Language` header),
    /// e.g. `"th"`; `None` leaves Chromium's default.
    pub language: Option<String>,
    /// The initial window size, in CSS pixels.
    pub window: (u32, u32),
}

impl Default for BrowserOptions {
    fn default() -> Self {
        BrowserOptions {
            language: None,
            window: WINDOW,
        }
    }
}

impl Browser {
    /// A headless Chromium in Chromium's default language.
    pub async fn new() -> Browser {
        Browser::with_options(BrowserOptions::default()).await
    }

    /// A headless Chromium whose language (UI and `Accept-Language`) is
    /// `language`, e.g. `"th"` or `"km"`.
    pub async fn new_with_language(language: &str) -> Browser {
        Browser::with_options(BrowserOptions {
            language: Some(language.to_string()),
            ..BrowserOptions::default()
        })
        .await
    }

    pub async fn with_options(options: BrowserOptions) -> Browser {
        let chromium = find_program("LIAISON_CHROMIUM", "chromium");
        let driver = Driver::start().await;
        let profile = tempfile::Builder::new()
            .prefix("liaison-chromium-")
            .tempdir()
            .expect("temp dir for the Chromium profile");
        let (width, height) = options.window;
        let mut args = vec![
            "--headless=new".to_string(),
            // CI runs as root, where Chromium's sandbox cannot start.
            "--no-sandbox".to_string(),
            "--disable-gpu".to_string(),
            "--disable-dev-shm-usage".to_string(),
            "--no-first-run".to_string(),
            "--no-default-browser-check".to_string(),
            "--disable-extensions".to_string(),
            "--disable-background-networking".to_string(),
            "--disable-sync".to_string(),
            "--disable-component-update".to_string(),
            "--password-store=basic".to_string(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut chrome_options = json!({
            "binary": chromium.display().to_string(),
        });
        if let Some(language) = &options.language {
            args.push(format!("--lang={language}"));
            chrome_options["prefs"] = json!({ "intl": { "accept_languages": language } });
        }
        chrome_options["args"] = json!(args);
        let mut capabilities = Capabilities::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert("acceptInsecureCerts".into(), json!(true));
        capabilities.insert("pageLoadStrategy".into(), json!("normal"));
        capabilities.insert("goog:chromeOptions".into(), chrome_options);
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "chromedriver at {} could not open a Chromium session: {e}\n\
                     chromedriver said:\n{}\n{INSTALL_HINT}",
                    driver.url,
                    driver.output()
                )
            });
        let browser = Browser {
            client,
            driver,
            profile,
        };
        // The window size of `--window-size` is the outer window in some
        // versions; make the viewport what was asked for.
        browser.set_window_size(width, height).await;
        browser
    }

    /// The WebDriver client, for what the helpers do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The browser's profile directory (its `--user-data-dir`).
    pub fn profile_dir(&self) -> &Path {
        self.profile.path()
    }

    /// The URL of this browser's chromedriver.
    pub fn driver_url(&self) -> &str {
        &self.driver.url
    }

    /// Ends the WebDriver session (Chromium quits), then stops
    /// chromedriver. Dropping the browser also stops both, by force.
    pub async fn close(self) {
        let Browser {
            client,
            driver,
            profile,
        } = self;
        if let Err(e) = client.close().await {
            panic!("closing the Chromium session failed: {e}");
        }
        drop(driver);
        drop(profile);
    }

    /// Navigates to `url` and waits for the page to load.
    pub async fn goto(&self, url: &str) {
        if let Err(e) = self.client.goto(url).await {
            panic!("the browser could not load {url}: {e}");
        }
    }

    /// The URL the browser shows.
    pub async fn current_url(&self) -> String {
        self.client
            .current_url()
            .await
            .unwrap_or_else(|e| panic!("no current URL: {e}"))
            .to_string()
    }

    /// The page's title.
    pub async fn title(&self) -> String {
        self.client
            .title()
            .await
            .unwrap_or_else(|e| panic!("no page title: {e}"))
    }

    /// The page's visible text (`document.body.innerText`).
    pub async fn page_text(&self) -> String {
        match self
            .client
            .execute(
                "return document.body ? document.body.innerText : '';",
                vec![],
            )
            .await
        {
            Ok(Value::String(text)) => text,
            Ok(other) => panic!("the page's text is not a string: {other}"),
            Err(e) => panic!("could not read the page's text: {e}"),
        }
    }

    /// The page's HTML source, as the browser now has it.
    pub async fn source(&self) -> String {
        self.client
            .source()
            .await
            .unwrap_or_else(|e| panic!("could not read the page's source: {e}"))
    }

    /// The visible text of the one element matching `css`; panics if none
    /// or several match.
    pub async fn text(&self, css: &str) -> String {
        let element = self.one(css).await;
        element
            .text()
            .await
            .unwrap_or_else(|e| panic!("could not read the text of `{css}`: {e}"))
    }

    /// The visible texts of every element matching `css` (maybe none).
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let elements = self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("invalid selector `{css}`: {e}"));
        let mut texts = Vec::with_capacity(elements.len());
        for element in elements {
            texts.push(
                element
                    .text()
                    .await
                    .unwrap_or_else(|e| panic!("could not read the text of `{css}`: {e}")),
            );
        }
        texts
    }

    /// How many elements match `css`.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("invalid selector `{css}`: {e}"))
            .len()
    }

    /// The one element matching `css`.
    pub async fn one(&self, css: &str) -> Element {
        let mut elements = self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("invalid selector `{css}`: {e}"));
        match elements.len() {
            1 => elements.remove(0),
            n => panic!(
                "expected one element matching `{css}`, found {n}\n{}",
                self.describe().await
            ),
        }
    }

    /// Waits until the page's visible text contains `text`, polling, for
    /// at most `timeout`.
    pub async fn wait_for_text(&self, text: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        loop {
            if self.page_text().await.contains(text) {
                return;
            }
            if Instant::now() >= deadline {
                panic!(
                    "the page did not show {text:?} within {timeout:?}\n{}",
                    self.describe().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until the browser's URL satisfies `condition` (e.g. after a
    /// redirect), polling, for at most `timeout`; returns the URL.
    pub async fn wait_for_url(
        &self,
        condition: impl Fn(&str) -> bool,
        what: &str,
        timeout: Duration,
    ) -> String {
        let deadline = Instant::now() + timeout;
        loop {
            let url = self.current_url().await;
            if condition(&url) {
                return url;
            }
            if Instant::now() >= deadline {
                panic!(
                    "the browser's URL did not become {what} within {timeout:?}\n{}",
                    self.describe().await
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Types `value` into the input or textarea labelled `label` (its
    /// `<label>`'s text, whitespace-normalised) or named `label` (its
    /// `name` or `id`), after clearing it; for a `<select>`, chooses the
    /// option with that value or visible text; for a checkbox or radio
    /// button, `"on"`/`"true"` checks it and anything else unchecks it.
    pub async fn fill(&self, label: &str, value: &str) {
        let element = self.control(label).await;
        let tag = element.tag_name().await.unwrap_or_default();
        let kind = element
            .attr("type")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        if tag.eq_ignore_ascii_case("select") {
            self.choose(&element, label, value).await;
        } else if kind == "checkbox" || kind == "radio" {
            let want = value == "on" || value == "true";
            let checked = element.is_selected().await.unwrap_or(false);
            if want != checked {
                element
                    .click()
                    .await
                    .unwrap_or_else(|e| panic!("could not click the field {label:?}: {e}"));
            }
        } else {
            if let Err(e) = element.clear().await {
                panic!("could not clear the field {label:?}: {e}");
            }
            if let Err(e) = element.send_keys(value).await {
                panic!(
                    "could not type into the field {label:?}: {e}\n{}",
                    self.describe().await
                );
            }
        }
    }

    /// Chooses the option with value (or else visible text) `value` in the
    /// `<select>` named or labelled `name`.
    pub async fn select(&self, name: &str, value: &str) {
        let element = self.control(name).await;
        let tag = element.tag_name().await.unwrap_or_default();
        assert!(
            tag.eq_ignore_ascii_case("select"),
            "the field {name:?} is a <{tag}>, not a <select>"
        );
        self.choose(&element, name, value).await;
    }

    async fn choose(&self, element: &Element, name: &str, value: &str) {
        if element.select_by_value(value).await.is_ok() {
            return;
        }
        if element.select_by_label(value).await.is_ok() {
            return;
        }
        let options = self
            .client
            .execute(
                "return Array.from(arguments[0].options).map(o => o.value + ' (' + o.text + ')');",
                vec![json!(element)],
            )
            .await
            .unwrap_or(Value::Null);
        panic!("the select {name:?} has no option {value:?}; its options: {options}");
    }

    /// Clicks the one visible button (`<button>`, or `<input>` of type
    /// submit/button/reset) whose text or value is `text`.
    pub async fn click_button(&self, text: &str) {
        let element = self
            .find_by_script(FIND_BUTTON, text, "button", "buttons")
            .await;
        if let Err(e) = element.click().await {
            panic!(
                "could not click the button {text:?}: {e}\n{}",
                self.describe().await
            );
        }
    }

    /// Clicks the one visible link whose text is `text`.
    pub async fn click_link(&self, text: &str) {
        let element = self.find_by_script(FIND_LINK, text, "link", "links").await;
        if let Err(e) = element.click().await {
            panic!(
                "could not click the link {text:?}: {e}\n{}",
                self.describe().await
            );
        }
    }

    /// The browser's cookies for the current page's site.
    pub async fn cookies(&self) -> Vec<Cookie<'static>> {
        self.client
            .get_all_cookies()
            .await
            .unwrap_or_else(|e| panic!("could not read the browser's cookies: {e}"))
    }

    /// The browser's cookies for the current page as a `Cookie` request
    /// header (`a=1; b=2`), to send them with [`http_get`] or
    /// [`http_post_form`].
    pub async fn cookie_header(&self) -> String {
        self.cookies()
            .await
            .iter()
            .map(|c| format!("{}={}", c.name(), c.value()))
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Deletes the browser's cookies for the current page's site.
    pub async fn delete_all_cookies(&self) {
        self.client
            .delete_all_cookies()
            .await
            .unwrap_or_else(|e| panic!("could not delete the browser's cookies: {e}"));
    }

    /// Saves a PNG screenshot of the viewport to `path`, creating its
    /// parent directories.
    pub async fn screenshot(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("could not take a screenshot: {e}"));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .unwrap_or_else(|e| panic!("could not create {}: {e}", parent.display()));
        }
        std::fs::write(path, png)
            .unwrap_or_else(|e| panic!("could not write {}: {e}", path.display()));
    }

    /// Resizes the viewport (the page's `innerWidth` × `innerHeight`) to
    /// `width` × `height` CSS pixels, e.g. 390 × 844 for a phone.
    pub async fn set_window_size(&self, width: u32, height: u32) {
        // WebDriver sets the outer window; correct once for the browser's
        // frame (none in headless mode, but do not rely on it).
        let mut outer = (width, height);
        for _ in 0..2 {
            if let Err(e) = self.client.set_window_size(outer.0, outer.1).await {
                panic!("could not resize the window to {width}×{height}: {e}");
            }
            let inner = self
                .execute("return [window.innerWidth, window.innerHeight];")
                .await;
            let (w, h) = (
                inner[0].as_u64().unwrap_or(0) as u32,
                inner[1].as_u64().unwrap_or(0) as u32,
            );
            if (w, h) == (width, height) {
                return;
            }
            outer = (
                (outer.0 + width).saturating_sub(w),
                (outer.1 + height).saturating_sub(h),
            );
        }
    }

    /// Runs `script` in the page and returns what it `return`s (JSON);
    /// e.g. `execute("return window.__xss === undefined;")`.
    pub async fn execute(&self, script: &str) -> Value {
        self.execute_with(script, vec![]).await
    }

    /// Like [`Browser::execute`], with `arguments[0..]` (elements may be
    /// passed as `json!(element)`).
    pub async fn execute_with(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("the script failed: {e}\nscript: {script}"))
    }

    /// The input, select or textarea labelled or named `label`.
    async fn control(&self, label: &str) -> Element {
        self.find_by_script(FIND_CONTROL, label, "field", "fields")
            .await
    }

    /// Runs one of the finder scripts: it returns `{found: [elements],
    /// known: [what the page has]}`; exactly one element must be found.
    async fn find_by_script(&self, script: &str, wanted: &str, what: &str, whats: &str) -> Element {
        let result = self.execute_with(script, vec![json!(wanted)]).await;
        let found = result["found"].as_array().cloned().unwrap_or_default();
        let known = result["known"].clone();
        match found.as_slice() {
            [one] => match one.get(ELEMENT_KEY).and_then(Value::as_str) {
                Some(id) => {
                    Element::from_element_id(self.client.clone(), ElementRef::from(id.to_string()))
                }
                None => panic!("the {what} finder returned no element: {one}"),
            },
            [] => panic!(
                "no {what} {wanted:?} on the page; its {whats}: {known}\n{}",
                self.describe().await
            ),
            more => panic!(
                "{} {whats} match {wanted:?} on the page; its {whats}: {known}\n{}",
                more.len(),
                self.describe().await
            ),
        }
    }

    /// The URL and the start of the visible text, for panic messages.
    pub async fn describe(&self) -> String {
        let url = match self.client.current_url().await {
            Ok(url) => url.to_string(),
            Err(e) => format!("(no URL: {e})"),
        };
        let text = match self
            .client
            .execute(
                "return document.body ? document.body.innerText : '';",
                vec![],
            )
            .await
        {
            Ok(Value::String(text)) => text,
            Ok(other) => other.to_string(),
            Err(e) => format!("(no text: {e})"),
        };
        let mut out = format!("page: {url}\npage text:\n");
        if text.chars().count() > QUOTE {
            out.extend(text.chars().take(QUOTE));
            out.push_str("\n[…]");
        } else {
            out.push_str(&text);
        }
        out
    }
}

/// Finds the form controls labelled or named `arguments[0]`. A label's
/// text leaves out the text of the controls inside it (a select's options).
const FIND_CONTROL: &str = r#"
const norm = s => (s || '').replace(/\s+/g, ' ').trim();
const want = norm(arguments[0]);
const labelText = l => {
  const c = l.cloneNode(true);
  c.querySelectorAll('input, select, textarea, button').forEach(e => e.remove());
  return norm(c.textContent);
};
const labels = Array.from(document.querySelectorAll('label'));
const controls = Array.from(document.querySelectorAll('input, select, textarea'))
  .filter(e => e.type !== 'hidden');
let found = [];
for (const l of labels) {
  if (labelText(l) === want && l.control && !found.includes(l.control)) found.push(l.control);
}
if (found.length === 0) {
  found = controls.filter(e => e.name === want || e.id === want);
}
return {
  found: found,
  known: labels.map(labelText).concat(controls.map(e => 'name=' + (e.name || e.id || '?'))),
};
"#;

/// Finds the visible buttons whose text or value is `arguments[0]`.
const FIND_BUTTON: &str = r#"
const norm = s => (s || '').replace(/\s+/g, ' ').trim();
const want = norm(arguments[0]);
const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
const buttons = Array.from(document.querySelectorAll(
  'button, input[type=submit], input[type=button], input[type=reset]')).filter(visible);
const text = e => e.tagName === 'INPUT' ? norm(e.value) : norm(e.innerText || e.textContent);
return { found: buttons.filter(e => text(e) === want), known: buttons.map(text) };
"#;

/// Finds the visible links whose text is `arguments[0]`.
const FIND_LINK: &str = r#"
const norm = s => (s || '').replace(/\s+/g, ' ').trim();
const want = norm(arguments[0]);
const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
const links = Array.from(document.querySelectorAll('a[href]')).filter(visible);
const text = e => norm(e.innerText || e.textContent);
return { found: links.filter(e => text(e) === want), known: links.map(text) };
"#;

/// The path of `program`: the environment variable `variable` if set,
/// else the first `program` on `PATH`. Panics, naming the Debian packages,
/// if there is none.
fn find_program(variable: &str, program: &str) -> PathBuf {
    locate(
        variable,
        std::env::var_os(variable),
        program,
        std::env::var_os("PATH").unwrap_or_default(),
    )
}

fn locate(
    variable: &str,
    chosen: Option<std::ffi::OsString>,
    program: &str,
    path: std::ffi::OsString,
) -> PathBuf {
    if let Some(chosen) = chosen {
        let chosen = PathBuf::from(chosen);
        assert!(
            chosen.is_file(),
            "{variable} is {}, which is not a file; {INSTALL_HINT}",
            chosen.display()
        );
        return chosen;
    }
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| panic!("`{program}` is not on PATH: {INSTALL_HINT}"))
}

/// A chromedriver process, in its own process group with the Chromium
/// processes it starts.
#[derive(Debug)]
struct Driver {
    child: Child,
    url: String,
    output: Arc<Mutex<String>>,
}

impl Driver {
    async fn start() -> Driver {
        use std::os::unix::process::CommandExt as _;
        let program = find_program("LIAISON_CHROMEDRIVER", "chromedriver");
        let mut child = Command::new(&program)
            // The driver picks a free port itself and prints it: no race
            // between finding a free port and binding it.
            .arg("--port=0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            // Its own process group: dropping the driver kills the group,
            // Chromium included.
            .process_group(0)
            .spawn()
            .unwrap_or_else(|e| {
                panic!("could not start {}: {e}; {INSTALL_HINT}", program.display())
            });
        let output = Arc::new(Mutex::new(String::new()));
        let (port_tx, port_rx) = tokio::sync::oneshot::channel();
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        {
            // Reads stdout to its end (the driver must never block on a
            // full pipe), sending the port once it is announced.
            let output = Arc::clone(&output);
            std::thread::spawn(move || {
                let mut port_tx = Some(port_tx);
                for line in BufReader::new(stdout).lines() {
                    let Ok(line) = line else { break };
                    if let Some(port) = announced_port(&line)
                        && let Some(tx) = port_tx.take()
                    {
                        let _ = tx.send(port);
                    }
                    let mut output = output.lock().unwrap_or_else(|e| e.into_inner());
                    output.push_str(&line);
                    output.push('\n');
                }
            });
        }
        {
            let output = Arc::clone(&output);
            std::thread::spawn(move || {
                let mut text = String::new();
                let mut stderr = stderr;
                let mut buffer = [0u8; 4096];
                while let Ok(n) = stderr.read(&mut buffer) {
                    if n == 0 {
                        break;
                    }
                    text.push_str(&String::from_utf8_lossy(&buffer[..n]));
                    if let Some(end) = text.rfind('\n') {
                        let mut output = output.lock().unwrap_or_else(|e| e.into_inner());
                        output.push_str(&text[..=end]);
                        text.drain(..=end);
                    }
                }
            });
        }
        let mut driver = Driver {
            child,
            url: String::new(),
            output,
        };
        let port = match tokio::time::timeout(PATIENCE, port_rx).await {
            Ok(Ok(port)) => port,
            Ok(Err(_)) => panic!(
                "chromedriver exited ({}) without announcing its port; it said:\n{}\n{INSTALL_HINT}",
                driver.exit_status(),
                driver.output()
            ),
            Err(_) => panic!(
                "chromedriver did not announce its port within {PATIENCE:?}; it said:\n{}",
                driver.output()
            ),
        };
        driver.url = format!("http://127.0.0.1:{port}");
        driver.wait_ready().await;
        driver
    }

    /// Polls `GET /status` until the driver says it is ready.
    async fn wait_ready(&mut self) {
        let deadline = Instant::now() + PATIENCE;
        let status_url = format!("{}/status", self.url);
        loop {
            let last = match try_request("GET", &status_url, None, None).await {
                Ok(response) if response.status == 200 => {
                    let status: Value = serde_json::from_str(&response.body).unwrap_or_default();
                    if status["value"]["ready"] == json!(true) {
                        return;
                    }
                    response.body
                }
                Ok(response) => format!("HTTP {}: {}", response.status, response.body),
                Err(e) => e,
            };
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "chromedriver exited ({status}) before it was ready; it said:\n{}",
                    self.output()
                );
            }
            if Instant::now() >= deadline {
                panic!(
                    "chromedriver at {} was not ready within {PATIENCE:?}; last status: {last}\n\
                     it said:\n{}",
                    self.url,
                    self.output()
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    fn output(&self) -> String {
        self.output
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn exit_status(&mut self) -> String {
        match self.child.try_wait() {
            Ok(Some(status)) => status.to_string(),
            Ok(None) => "still running".to_string(),
            Err(e) => e.to_string(),
        }
    }
}

/// The port of chromedriver's "ChromeDriver was started successfully on
/// port 41153." line.
fn announced_port(line: &str) -> Option<u16> {
    let rest = line.split("started successfully on port ").nth(1)?;
    rest.trim_end().trim_end_matches('.').parse().ok()
}

impl Drop for Driver {
    fn drop(&mut self) {
        use rustix::process::{Pid, Signal, kill_process_group};
        let Some(group) = Pid::from_raw(self.child.id() as i32) else {
            return;
        };
        let _ = kill_process_group(group, Signal::KILL);
        let _ = self.child.wait();
        // Chromium's processes are not our children: wait (a little) until
        // none of the group runs any more, so that the profile directory
        // is removed after they are gone. (Dead ones may stay zombies for
        // a while, until init reaps them: they hold no files.)
        let deadline = Instant::now() + Duration::from_secs(5);
        while live_members(group.as_raw_nonzero().get()) > 0 && Instant::now() < deadline {
            let _ = kill_process_group(group, Signal::KILL);
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// How many processes of process group `group` are not (yet) zombies,
/// from `/proc/<pid>/stat`.
fn live_members(group: i32) -> usize {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .file_name()
                .to_str()
                .is_some_and(|name| name.bytes().all(|b| b.is_ascii_digit()))
        })
        .filter_map(|entry| std::fs::read_to_string(entry.path().join("stat")).ok())
        .filter(|stat| {
            // "pid (comm) state ppid pgrp ...": comm may hold spaces and
            // parentheses, so read after its last ')'.
            let Some((_, rest)) = stat.rsplit_once(')') else {
                return false;
            };
            let mut fields = rest.split_whitespace();
            let state = fields.next();
            let pgrp = fields.nth(1).and_then(|f| f.parse::<i32>().ok());
            pgrp == Some(group) && state != Some("Z") && state != Some("X")
        })
        .count()
}

/// A response to [`http_get`] or [`http_post_form`].
#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    /// Every header, names in lower case, in order (`set-cookie` may
    /// repeat).
    pub headers: Vec<(String, String)>,
    /// The body, decoded as UTF-8 (lossily).
    pub body: String,
    /// The body's exact bytes.
    pub bytes: Vec<u8>,
}

impl HttpResponse {
    /// The first value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of header `name` (any case).
    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The `name=value` pairs the response sets with `Set-Cookie`, as a
    /// `Cookie` request header would send them.
    pub fn set_cookie_header(&self) -> String {
        self.headers_named("set-cookie")
            .iter()
            .filter_map(|v| v.split(';').next())
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// `GET url` (http or https; https accepts any certificate), with the
/// `Cookie` header `cookie` if given. Panics if there is no response
/// within [`PATIENCE`].
pub async fn http_get(url: &str, cookie: Option<&str>) -> HttpResponse {
    try_request("GET", url, cookie, None)
        .await
        .unwrap_or_else(|e| panic!("GET {url}: {e}"))
}

/// `POST url` with `fields` as `application/x-www-form-urlencoded` (http
/// or https; https accepts any certificate), with the `Cookie` header
/// `cookie` if given. Panics if there is no response within [`PATIENCE`].
pub async fn http_post_form(
    url: &str,
    cookie: Option<&str>,
    fields: &[(&str, &str)],
) -> HttpResponse {
    let body = fields
        .iter()
        .map(|(name, value)| format!("{}={}", form_encode(name), form_encode(value)))
        .collect::<Vec<_>>()
        .join("&");
    let body = (
        "application/x-www-form-urlencoded".to_string(),
        body.into_bytes(),
    );
    try_request("POST", url, cookie, Some(body))
        .await
        .unwrap_or_else(|e| panic!("POST {url}: {e}"))
}

/// One part of a `multipart/form-data` body: a text field, or a file when
/// `file_name` is given.
#[derive(Debug, Clone, Copy)]
pub struct FormPart<'a> {
    pub name: &'a str,
    pub file_name: Option<&'a str>,
    pub content_type: Option<&'a str>,
    pub data: &'a [u8],
}

impl<'a> FormPart<'a> {
    pub fn text(name: &'a str, value: &'a str) -> FormPart<'a> {
        FormPart {
            name,
            file_name: None,
            content_type: None,
            data: value.as_bytes(),
        }
    }

    pub fn file(name: &'a str, file_name: &'a str, content_type: &'a str, data: &'a [u8]) -> Self {
        FormPart {
            name,
            file_name: Some(file_name),
            content_type: Some(content_type),
            data,
        }
    }
}

/// `POST url` with `parts` as `multipart/form-data`, in the given order, as
/// a browser sends a form with a file input.
pub async fn http_post_multipart(
    url: &str,
    cookie: Option<&str>,
    parts: &[FormPart<'_>],
) -> HttpResponse {
    let boundary = "liaison-test-boundary-7d1f3a";
    let mut body = Vec::new();
    for part in parts {
        let _ = write!(
            DisplayBytes(&mut body),
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{}\"",
            part.name
        );
        if let Some(file_name) = part.file_name {
            let _ = write!(DisplayBytes(&mut body), "; filename=\"{file_name}\"");
        }
        body.extend_from_slice(b"\r\n");
        if let Some(content_type) = part.content_type {
            let _ = write!(DisplayBytes(&mut body), "Content-Type: {content_type}\r\n");
        }
        body.extend_from_slice(b"\r\n");
        body.extend_from_slice(part.data);
        body.extend_from_slice(b"\r\n");
    }
    let _ = write!(DisplayBytes(&mut body), "--{boundary}--\r\n");
    let content_type = format!("multipart/form-data; boundary={boundary}");
    try_request("POST", url, cookie, Some((content_type, body)))
        .await
        .unwrap_or_else(|e| panic!("POST {url}: {e}"))
}

/// Formatted writes into a byte buffer.
struct DisplayBytes<'a>(&'a mut Vec<u8>);

impl std::fmt::Write for DisplayBytes<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

/// `application/x-www-form-urlencoded` encoding of one name or value.
pub fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
    out
}

async fn try_request(
    method: &str,
    url: &str,
    cookie: Option<&str>,
    form: Option<(String, Vec<u8>)>,
) -> Result<HttpResponse, String> {
    match tokio::time::timeout(PATIENCE, request(method, url, cookie, form)).await {
        Ok(result) => result,
        Err(_) => Err(format!("no response within {PATIENCE:?}")),
    }
}

async fn request(
    method: &str,
    url: &str,
    cookie: Option<&str>,
    form: Option<(String, Vec<u8>)>,
) -> Result<HttpResponse, String> {
    let uri: hyper::Uri = url.parse().map_err(|e| format!("invalid URL: {e}"))?;
    let https = match uri.scheme_str() {
        Some("http") => false,
        Some("https") => true,
        _ => return Err("the URL's scheme is neither http nor https".to_string()),
    };
    let host = uri.host().ok_or("the URL has no host")?.to_string();
    let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
    let authority = uri
        .authority()
        .map(|a| a.to_string())
        .ok_or("the URL has no authority")?;
    let path = uri
        .path_and_query()
        .map(|p| p.to_string())
        .unwrap_or_else(|| "/".to_string());
    let connect_host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    let tcp = tokio::net::TcpStream::connect((connect_host.as_str(), port))
        .await
        .map_err(|e| format!("could not connect to {host}:{port}: {e}"))?;
    let mut builder = hyper::Request::builder()
        .method(method)
        .uri(path)
        .header("host", authority);
    if let Some(cookie) = cookie {
        builder = builder.header("cookie", cookie);
    }
    let body = match form {
        Some((content_type, form)) => {
            builder = builder.header("content-type", content_type);
            form
        }
        None => Vec::new(),
    };
    let request = builder
        .body(Full::new(Bytes::from(body)))
        .map_err(|e| format!("invalid request: {e}"))?;
    if https {
        let server_name = rustls::pki_types::ServerName::try_from(connect_host)
            .map_err(|e| format!("invalid server name: {e}"))?;
        let connector = tokio_rustls::TlsConnector::from(Arc::new(insecure_tls_config()));
        let tls = connector
            .connect(server_name, tcp)
            .await
            .map_err(|e| format!("TLS handshake failed: {e}"))?;
        send(TokioIo::new(tls), request).await
    } else {
        send(TokioIo::new(tcp), request).await
    }
}

async fn send<T>(io: T, request: hyper::Request<Full<Bytes>>) -> Result<HttpResponse, String>
where
    T: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let (mut sender, connection) = hyper::client::conn::http1::handshake(io)
        .await
        .map_err(|e| format!("HTTP handshake failed: {e}"))?;
    tokio::spawn(connection);
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| format!("request failed: {e}"))?;
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(name, value)| {
            (
                name.as_str().to_string(),
                String::from_utf8_lossy(value.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| format!("reading the body failed: {e}"))?
        .to_bytes();
    Ok(HttpResponse {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
        bytes: body.to_vec(),
    })
}

/// A TLS client configuration that accepts any server certificate (it
/// still checks the handshake's signatures): for tests against nodes with
/// per-test CAs only.
fn insecure_tls_config() -> rustls::ClientConfig {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .expect("ring supports the default protocol versions")
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(AcceptAnyCertificate { provider }))
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    config
}

#[derive(Debug)]
struct AcceptAnyCertificate {
    provider: Arc<rustls::crypto::CryptoProvider>,
}

impl rustls::client::danger::ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_announced_port() {
        assert_eq!(
            announced_port("ChromeDriver was started successfully on port 41153."),
            Some(41153)
        );
        assert_eq!(
            announced_port("Starting ChromeDriver 156.0 on port 0"),
            None
        );
    }

    #[test]
    #[should_panic(
        expected = "`chromedriver` is not on PATH: browser tests need Debian's chromium, \
                    chromium-driver and fonts-noto-core packages: apt-get install chromium \
                    chromium-driver fonts-noto-core"
    )]
    fn a_missing_driver_names_the_packages() {
        let empty = tempfile::tempdir().expect("temp dir");
        locate(
            "LIAISON_CHROMEDRIVER",
            None,
            "chromedriver",
            empty.path().as_os_str().to_owned(),
        );
    }

    #[test]
    #[should_panic(expected = "which is not a file; browser tests need Debian's chromium")]
    fn a_wrong_override_names_the_packages() {
        locate(
            "LIAISON_CHROMIUM",
            Some("/nonexistent/chromium".into()),
            "chromium",
            std::ffi::OsString::new(),
        );
    }

    #[test]
    fn encodes_form_fields() {
        assert_eq!(form_encode("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
    }
}
