//! The auditor's pages (roles `auditor` and `admin`): the audit log with
//! filters, verification of this node's own log, the export download and
//! the reports. Every figure comes from the `Audit` service, called
//! in-process as the signed-in person; verification is the same verifier
//! the command line uses (`liaison_proto::audit::verify_export`), run on
//! the same export the download gives.

use std::collections::{BTreeMap, HashMap};

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures::StreamExt as _;
use liaison_proto::audit::{item_line, verify_export};
use liaison_proto::domain::{Category, CountryCode};
use liaison_proto::pb;
use liaison_proto::pb::audit_server::Audit as _;
use maud::{Markup, html};

use super::layout::{self, Frame};
use super::session::{Fields, Person};

/// The query string of a page, as a map (filters).
type Query = axum::extract::Query<std::collections::HashMap<String, String>>;
use super::{Console, as_person, status_page};
use crate::config::Role;
use crate::records::AuditEntry;

/// Entries on one page of the log.
pub const PAGE: usize = 100;

fn auditor(role: &Role) -> bool {
    matches!(role, Role::Auditor | Role::Admin)
}

/// The log's filters, as typed (to fill the form again) and as a query.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Filters {
    pub peer: String,
    pub category: String,
    pub event: String,
    pub from: String,
    pub to: String,
    /// Only entries before this index (the next page).
    pub before: Option<u64>,
    pub query: pb::EntryQuery,
}

/// Which filter could not be read, and how it should be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadFilter {
    /// The field's name in the form.
    pub field: &'static str,
    /// A date (YYYY-MM-DD) was expected.
    pub date: bool,
}

impl BadFilter {
    /// The message naming the field, in the person's language.
    pub fn message(&self, i18n: &super::I18n, tag: &str) -> String {
        let label = i18n.text(tag, &format!("filter-{}", self.field), None);
        let args = super::i18n::args(&[("field", label.into())]);
        let id = if self.date {
            "filter-bad-date"
        } else {
            "filter-bad-value"
        };
        i18n.text(tag, id, Some(&args))
    }
}

/// Start of a UTC day `YYYY-MM-DD`, in ms since the epoch.
fn day_start_ms(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = parts.next()?.parse().ok()?;
    let day: u8 = parts.next()?.parse().ok()?;
    let month = time::Month::try_from(month).ok()?;
    let date = time::Date::from_calendar_date(year, month, day).ok()?;
    let at = date.midnight().assume_utc();
    Some(at.unix_timestamp() * 1000)
}

/// Reads the log's filters from a query string: unknown keys are ignored,
/// empty values are no filter, a bad one is named.
pub fn parse_filters(query: &HashMap<String, String>) -> Result<Filters, BadFilter> {
    let get = |name: &str| query.get(name).map_or("", |v| v.trim()).to_string();
    let mut filters = Filters {
        peer: get("peer"),
        category: get("category"),
        event: get("event"),
        from: get("from"),
        to: get("to"),
        ..Filters::default()
    };
    let bad = |field| BadFilter { field, date: false };
    if !filters.peer.is_empty() {
        let peer: CountryCode = filters.peer.parse().map_err(|_| bad("peer"))?;
        filters.query.peer = peer.to_string();
    }
    if !filters.category.is_empty() {
        let category: Category = filters.category.parse().map_err(|_| bad("category"))?;
        filters.query.category = pb::Category::from(category) as i32;
    }
    if filters.event.chars().any(char::is_control) || filters.event.len() > 100 {
        return Err(bad("event"));
    }
    filters.query.event = filters.event.clone();
    if !filters.from.is_empty() {
        filters.query.since_unix_ms = day_start_ms(&filters.from).ok_or(BadFilter {
            field: "from",
            date: true,
        })?;
    }
    if !filters.to.is_empty() {
        // The whole of the last day.
        filters.query.until_unix_ms = day_start_ms(&filters.to).ok_or(BadFilter {
            field: "to",
            date: true,
        })? + 86_400_000;
    }
    let before = get("before");
    if !before.is_empty() {
        filters.before = Some(before.parse().map_err(|_| bad("before"))?);
    }
    Ok(filters)
}

/// Percent-encodes a query string value.
fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

impl Filters {
    /// The query string of the page before `index`, with these filters.
    fn next_page(&self, before: u64) -> String {
        let mut pairs = vec![];
        for (name, value) in [
            ("peer", &self.peer),
            ("category", &self.category),
            ("event", &self.event),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if !value.is_empty() {
                pairs.push(format!("{name}={}", encode(value)));
            }
        }
        pairs.push(format!("before={before}"));
        format!("/audit?{}", pairs.join("&"))
    }
}

/// The entries the `Audit` service gives for `query`, decoded, in index
/// order.
async fn entries(
    console: &Console,
    person: &Person,
    query: pb::EntryQuery,
) -> Result<Vec<AuditEntry>, Response> {
    let tag = person.tag();
    let response = console
        .audit
        .stream_entries(as_person(&person.active.user, query))
        .await
        .map_err(|status| status_page(console, tag, &status))?;
    let mut stream = response.into_inner();
    let mut out = Vec::new();
    while let Some(record) = stream.next().await {
        let record = record.map_err(|status| status_page(console, tag, &status))?;
        let entry: AuditEntry = serde_json::from_slice(&record.leaf).map_err(|e| {
            layout::error_page(console, tag, &format!("entry {}: {e}", record.index))
        })?;
        out.push(entry);
    }
    Ok(out)
}

fn filter_form(frame: &Frame<'_>, filters: &Filters) -> Markup {
    html! {
        form.card.filters method="get" action="/audit" {
            label for="f-peer" { (frame.t("filter-peer")) }
            input #f-peer name="peer" value=(filters.peer) placeholder="KHM" autocapitalize="characters" maxlength="3";
            label for="f-category" { (frame.t("filter-category")) }
            select #f-category name="category" {
                option value="" { "—" }
                @for category in Category::ALL {
                    option value=(category.as_str()) selected[filters.category.eq_ignore_ascii_case(category.as_str())] {
                        (category.as_str())
                    }
                }
            }
            label for="f-event" { (frame.t("filter-event")) }
            input #f-event name="event" value=(filters.event) placeholder="request." aria-describedby="f-event-hint";
            p #f-event-hint .hint { (frame.t("filter-event-hint")) }
            label for="f-from" { (frame.t("filter-from")) }
            input #f-from type="date" name="from" value=(filters.from);
            label for="f-to" { (frame.t("filter-to")) }
            input #f-to type="date" name="to" value=(filters.to);
            button type="submit" { (frame.t("filter")) }
        }
    }
}

fn tools(frame: &Frame<'_>, person: &Person) -> Markup {
    html! {
        div.card.tools {
            form method="post" action="/audit/verify" {
                input type="hidden" name="csrf" value=(person.active.session.csrf);
                button type="submit" { (frame.t("verify-log")) }
            }
            p { a href="/audit/export" download { (frame.t("export")) } }
            p.hint { (frame.t("export-explain")) }
        }
    }
}

/// `/audit`: the log, newest first, a page at a time.
pub async fn log(State(console): State<Console>, person: Person, query: Query) -> Response {
    if let Some(refused) = person
        .require(&console, auditor, "read the audit log")
        .await
    {
        return refused;
    }
    let frame = person.frame(&console);
    let tag = person.tag();
    let title = frame.t("audit-title");
    let filters = match parse_filters(&query.0) {
        Ok(filters) => filters,
        Err(bad) => {
            let filters = Filters {
                peer: query.0.get("peer").cloned().unwrap_or_default(),
                category: query.0.get("category").cloned().unwrap_or_default(),
                event: query.0.get("event").cloned().unwrap_or_default(),
                from: query.0.get("from").cloned().unwrap_or_default(),
                to: query.0.get("to").cloned().unwrap_or_default(),
                ..Filters::default()
            };
            let body = html! {
                p.notice role="alert" { (bad.message(&console.i18n, tag)) }
                (filter_form(&frame, &filters))
            };
            return (
                axum::http::StatusCode::BAD_REQUEST,
                frame.page(&title, body),
            )
                .into_response();
        }
    };
    let all = match entries(&console, &person, filters.query.clone()).await {
        Ok(all) => all,
        Err(refused) => return refused,
    };
    let older: Vec<&AuditEntry> = all
        .iter()
        .filter(|e| filters.before.is_none_or(|before| e.index < before))
        .collect();
    let shown: Vec<&AuditEntry> = older.iter().rev().take(PAGE).copied().collect();
    let next = (older.len() > shown.len())
        .then(|| shown.last().map(|e| filters.next_page(e.index)))
        .flatten();
    let body = html! {
        (filter_form(&frame, &filters))
        (tools(&frame, &person))
        @if shown.is_empty() {
            p { (frame.t("audit-none")) }
        } @else {
            div.table-wrap {
                table {
                    caption { (frame.t("audit-newest")) }
                    thead { tr {
                        th scope="col" { (frame.t("col-index")) }
                        th scope="col" { (frame.t("col-time")) }
                        th scope="col" { (frame.t("col-event")) }
                        th scope="col" { (frame.t("col-actor")) }
                        th scope="col" { (frame.t("col-peer")) }
                        th scope="col" { (frame.t("col-category")) }
                        th scope="col" { (frame.t("col-detail")) }
                    } }
                    tbody {
                        @for entry in &shown {
                            tr {
                                td.num { (entry.index) }
                                td { time { (console.i18n.date_time(tag, entry.at_unix_ms)) } }
                                td { code { (entry.event) } }
                                td { (entry.actor) }
                                td { @if let Some(peer) = entry.peer { (peer.as_str()) } }
                                td { @if let Some(category) = entry.category { (category.as_str()) } }
                                td.detail { (entry.detail) }
                            }
                        }
                    }
                }
            }
        }
        @if let Some(next) = next {
            p { a rel="next" href=(next) { (frame.t("audit-next")) } }
        }
    };
    frame.page(&title, body).into_response()
}

/// The export of this node's log, as the command line writes it: one JSON
/// line per item, each ending in a newline. Returns the text and the
/// number of entries.
async fn export_text(console: &Console, person: &Person) -> Result<(String, u64), Response> {
    let tag = person.tag();
    let response = console
        .audit
        .export(as_person(&person.active.user, pb::ExportQuery {}))
        .await
        .map_err(|status| status_page(console, tag, &status))?;
    let mut stream = response.into_inner();
    let mut text = String::new();
    let mut entries = 0u64;
    while let Some(item) = stream.next().await {
        let item = item.map_err(|status| status_page(console, tag, &status))?;
        if matches!(item.item, Some(pb::export_item::Item::Entry(_))) {
            entries += 1;
        }
        let line =
            item_line(&item).map_err(|e| layout::error_page(console, tag, &e.to_string()))?;
        text.push_str(&line);
        text.push('\n');
    }
    Ok((text, entries))
}

/// `/audit/verify`: exports the log in-process and verifies the export
/// against this node's public key, as `liaison audit verify` would.
pub async fn verify(
    State(console): State<Console>,
    person: Person,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if let Some(refused) = person
        .require(&console, auditor, "verify the audit log")
        .await
    {
        return refused;
    }
    let (text, entries) = match export_text(&console, &person).await {
        Ok(export) => export,
        Err(refused) => return refused,
    };
    let tag = person.tag();
    let frame = person.frame(&console);
    let key = console.exchange.own_keys().signer.verifying_key();
    let key_id = liaison_proto::envelope::key_id(&key);
    let (ok, message) = match verify_export(&text, &key) {
        Ok(verdict) => {
            let args = super::i18n::args(&[
                (
                    "entries",
                    console.i18n.number(tag, verdict.tree_size).into(),
                ),
                ("key", key_id.into()),
                ("root", hex::encode(verdict.root_hash).into()),
            ]);
            (true, console.i18n.text(tag, "verify-ok", Some(&args)))
        }
        Err(failure) => {
            let args = super::i18n::args(&[("problem", failure.to_string().into())]);
            (false, console.i18n.text(tag, "verify-failed", Some(&args)))
        }
    };
    let count = super::i18n::args(&[("entries", console.i18n.number(tag, entries).into())]);
    let body = html! {
        @if ok {
            p.notice.ok role="status" { (message) }
        } @else {
            p.notice role="alert" { (message) }
        }
        p { (console.i18n.text(tag, "verify-checked", Some(&count))) }
        p { a href="/audit" { (frame.t("back")) } }
    };
    let mut response = frame.page(&frame.t("verify-title"), body).into_response();
    if !ok {
        *response.status_mut() = axum::http::StatusCode::CONFLICT;
    }
    response
}

/// `/audit/export`: the export file, for download.
pub async fn export(State(console): State<Console>, person: Person) -> Response {
    if let Some(refused) = person
        .require(&console, auditor, "export the audit log")
        .await
    {
        return refused;
    }
    let (text, entries) = match export_text(&console, &person).await {
        Ok(export) => export,
        Err(refused) => return refused,
    };
    let name = format!(
        "attachment; filename=\"audit-{}-{entries}.jsonl\"",
        console.exchange.country().as_str()
    );
    let disposition = HeaderValue::from_str(&name)
        .unwrap_or_else(|_| HeaderValue::from_static("attachment; filename=\"audit.jsonl\""));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/jsonl; charset=utf-8"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        text,
    )
        .into_response()
}

/// The events that mark a new request: sent by this node or received.
pub const NEW_REQUEST_EVENTS: [&str; 2] = ["request.submitted", "request.received"];

/// Requests per peer, per category and per month (`YYYY-MM`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub per_peer: BTreeMap<String, u64>,
    pub per_category: BTreeMap<String, u64>,
    pub per_month: BTreeMap<(i32, u8), u64>,
}

pub fn count_requests<'a>(entries: impl IntoIterator<Item = &'a AuditEntry>) -> Counts {
    let mut counts = Counts::default();
    for entry in entries {
        if !NEW_REQUEST_EVENTS.contains(&entry.event.as_str()) {
            continue;
        }
        if let Some(peer) = entry.peer {
            *counts.per_peer.entry(peer.to_string()).or_default() += 1;
        }
        if let Some(category) = entry.category {
            *counts
                .per_category
                .entry(category.as_str().to_string())
                .or_default() += 1;
        }
        if let Ok(at) = time::OffsetDateTime::from_unix_timestamp(entry.at_unix_ms.div_euclid(1000))
        {
            *counts
                .per_month
                .entry((at.year(), u8::from(at.month())))
                .or_default() += 1;
        }
    }
    counts
}

/// Bar heights for `values`, proportional to them, the largest `max`
/// high; a value above zero is at least 1 high, so that it shows.
pub fn bar_heights(values: &[u64], max: u32) -> Vec<u32> {
    let top = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if top == 0 || v == 0 {
                0
            } else {
                let h = (u128::from(v) * u128::from(max)).div_ceil(u128::from(top));
                u32::try_from(h).unwrap_or(max).clamp(1, max)
            }
        })
        .collect()
}

const CHART_HEIGHT: u32 = 160;
const SLOT: u32 = 64;
const BAR: u32 = 40;
const TOP: u32 = 20;
const LABELS: u32 = 90;

/// A bar chart as SVG: a title, a bar per label with its number above it,
/// and the label below. `id` names the title for `aria-labelledby`.
/// Everything given is text, escaped like any other.
pub fn bar_chart(id: &str, title: &str, bars: &[(String, String, u64)]) -> Markup {
    let values: Vec<u64> = bars.iter().map(|(_, _, v)| *v).collect();
    let heights = bar_heights(&values, CHART_HEIGHT);
    let count = u32::try_from(bars.len()).unwrap_or(u32::MAX).max(1);
    let width = count.saturating_mul(SLOT).saturating_add(SLOT / 2);
    let height = TOP + CHART_HEIGHT + LABELS;
    let base = TOP + CHART_HEIGHT;
    let title_id = format!("{id}-title");
    html! {
        svg.chart xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby=(title_id)
            viewBox=(format!("0 0 {width} {height}")) width=(width) height=(height) {
            title id=(title_id) { (title) }
            line x1="0" y1=(base) x2=(width) y2=(base) stroke="#64748b" {}
            @for (i, ((label, number, _), h)) in bars.iter().zip(&heights).enumerate() {
                @let x = u32::try_from(i).unwrap_or(0) * SLOT + SLOT / 2;
                @let y = base - h;
                g {
                    title { (label) ": " (number) }
                    rect.bar x=(x) y=(y) width=(BAR) height=(h) fill="#1d4ed8" {}
                    text.value x=(x + BAR / 2) y=(y.saturating_sub(4)) text-anchor="middle" font-size="12" { (number) }
                    text.label x=(x + BAR / 2) y=(base + 14) text-anchor="end" font-size="11"
                        transform=(format!("rotate(-35 {} {})", x + BAR / 2, base + 14)) { (label) }
                }
            }
        }
    }
}

fn report_section(
    frame: &Frame<'_>,
    id: &str,
    title_id: &str,
    label_col: &str,
    bars: &[(String, String, u64)],
) -> Markup {
    let title = frame.t(title_id);
    html! {
        section.card.report aria-labelledby=(format!("{id}-h")) {
            h2 id=(format!("{id}-h")) { (title) }
            @if bars.is_empty() {
                p { (frame.t("report-none")) }
            } @else {
                div.chart-wrap { (bar_chart(id, &title, bars)) }
                div.table-wrap {
                    table {
                        caption { (title) }
                        thead { tr {
                            th scope="col" { (frame.t(label_col)) }
                            th scope="col" { (frame.t("col-count")) }
                        } }
                        tbody {
                            @for (label, number, _) in bars {
                                tr { th scope="row" { (label) } td.num { (number) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `/reports`: requests per peer, per category and per month.
pub async fn reports(State(console): State<Console>, person: Person) -> Response {
    if let Some(refused) = person.require(&console, auditor, "read the reports").await {
        return refused;
    }
    let query = pb::EntryQuery {
        event: "request.".into(),
        ..pb::EntryQuery::default()
    };
    let all = match entries(&console, &person, query).await {
        Ok(all) => all,
        Err(refused) => return refused,
    };
    let counts = count_requests(&all);
    let tag = person.tag();
    let frame = person.frame(&console);
    let number = |n: u64| console.i18n.number(tag, n);
    let plain = |map: &BTreeMap<String, u64>| -> Vec<(String, String, u64)> {
        map.iter()
            .map(|(k, v)| (k.clone(), number(*v), *v))
            .collect()
    };
    let months: Vec<(String, String, u64)> = counts
        .per_month
        .iter()
        .map(|((year, month), v)| {
            let args = super::i18n::args(&[
                (
                    "month",
                    console
                        .i18n
                        .text(tag, &format!("month-{month}"), None)
                        .into(),
                ),
                ("year", (*year).into()),
            ]);
            (
                console.i18n.text(tag, "report-month", Some(&args)),
                number(*v),
                *v,
            )
        })
        .collect();
    let body = html! {
        p.hint { (frame.t("report-explain")) }
        (report_section(&frame, "per-peer", "report-per-peer", "col-peer", &plain(&counts.per_peer)))
        (report_section(&frame, "per-category", "report-per-category", "col-category", &plain(&counts.per_category)))
        (report_section(&frame, "per-month", "report-per-month", "col-month", &months))
    };
    frame.page(&frame.t("reports-title"), body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn filters_are_read_and_empty_ones_ignored() {
        let f = parse_filters(&query(&[
            ("peer", "khm"),
            ("category", "phone_check"),
            ("event", "request."),
            ("from", "2026-11-01"),
            ("to", "2026-11-30"),
            ("before", "250"),
            ("other", "x"),
        ]))
        .unwrap();
        assert_eq!(f.query.peer, "KHM");
        assert_eq!(f.query.category, pb::Category::PhoneCheck as i32);
        assert_eq!(f.query.event, "request.");
        // 2026-11-01 00:00 UTC and the end of 2026-11-30.
        assert_eq!(f.query.since_unix_ms, 1_793_491_200_000);
        assert_eq!(f.query.until_unix_ms, 1_796_083_200_000);
        assert_eq!(f.before, Some(250));
        let none = parse_filters(&query(&[("peer", ""), ("from", " ")])).unwrap();
        assert_eq!(none.query, pb::EntryQuery::default());
        assert_eq!(none.before, None);
    }

    #[test]
    fn a_bad_filter_is_named_and_nothing_panics() {
        let i18n = super::super::I18n::load().unwrap();
        for (field, value, date) in [
            ("from", "2026-13-01", true),
            ("from", "yesterday", true),
            ("to", "2026-02-30", true),
            ("to", "99999999999-01-01", true),
            ("from", "--", true),
            ("peer", "KH", false),
            ("category", "NOPE", false),
            ("before", "-1", false),
        ] {
            let bad = parse_filters(&query(&[(field, value)])).unwrap_err();
            assert_eq!(bad, BadFilter { field, date }, "{field}={value}");
            let message = bad.message(&i18n, "en");
            let label = i18n.text("en", &format!("filter-{field}"), None);
            assert!(message.contains(&label), "{message}");
        }
    }

    #[test]
    fn the_next_page_keeps_the_filters_encoded() {
        let f = parse_filters(&query(&[("event", "a&b c"), ("peer", "KHM")])).unwrap();
        assert_eq!(f.next_page(7), "/audit?peer=KHM&event=a%26b%20c&before=7");
    }

    #[test]
    fn bar_heights_are_proportional() {
        assert_eq!(bar_heights(&[10, 5, 0, 1], 100), vec![100, 50, 0, 10]);
        assert_eq!(bar_heights(&[3, 1], 90), vec![90, 30]);
        // The smallest non-zero value still shows.
        assert_eq!(bar_heights(&[1000, 1], 100), vec![100, 1]);
        assert_eq!(bar_heights(&[0, 0], 100), vec![0, 0]);
        assert_eq!(bar_heights(&[], 100), Vec::<u32>::new());
        assert_eq!(bar_heights(&[u64::MAX, u64::MAX / 2], 160), vec![160, 80]);
    }

    #[test]
    fn the_chart_has_a_title_proportional_bars_and_escaped_labels() {
        let bars = vec![
            ("<script>alert(1)</script>".to_string(), "4".to_string(), 4),
            ("KHM & \"LAO\"".to_string(), "2".to_string(), 2),
        ];
        let svg = bar_chart("c", "Requests <per> peer", &bars).into_string();
        assert!(svg.contains("<title id=\"c-title\">Requests &lt;per&gt; peer</title>"));
        assert!(svg.contains("aria-labelledby=\"c-title\""));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("KHM &amp; &quot;LAO&quot;") || svg.contains("KHM &amp; \"LAO\""));
        assert!(svg.contains(&format!("height=\"{CHART_HEIGHT}\"")));
        assert!(svg.contains(&format!("height=\"{}\"", CHART_HEIGHT / 2)));
        assert_eq!(svg.matches("<rect").count(), 2);
        assert_eq!(svg.matches("<text").count(), 4);
    }

    fn entry(event: &str, peer: &str, category: Category, at: i64) -> AuditEntry {
        AuditEntry {
            index: 0,
            at_unix_ms: at,
            event: event.into(),
            actor: "node".into(),
            request_id: None,
            peer: Some(peer.parse().unwrap()),
            category: Some(category),
            message_hash: None,
            detail: String::new(),
        }
    }

    #[test]
    fn requests_are_counted_per_peer_category_and_month() {
        let nov = 1_796_061_000_000; // 2026-11-30
        let dec = nov + 2 * 86_400_000;
        let entries = [
            entry("request.submitted", "KHM", Category::PhoneCheck, nov),
            entry("request.received", "LAO", Category::PhoneCheck, dec),
            entry("request.answered", "LAO", Category::PhoneCheck, dec),
            entry("request.submitted", "KHM", Category::WalletTrace, dec),
        ];
        let counts = count_requests(&entries);
        assert_eq!(counts.per_peer["KHM"], 2);
        assert_eq!(counts.per_peer["LAO"], 1);
        assert_eq!(counts.per_category["PHONE_CHECK"], 2);
        assert_eq!(counts.per_category["WALLET_TRACE"], 1);
        assert_eq!(counts.per_month[&(2026, 11)], 1);
        assert_eq!(counts.per_month[&(2026, 12)], 2);
    }
}
