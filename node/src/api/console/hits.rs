//! The focal point's hit/no-hit checks (docs/hits.md): a form to check
//! values of one kind against a peer's indicator lists, and the results,
//! value by value, with what a hit names (agency, list, reference, date)
//! and a link to the follow-up request.
//!
//! The page calls the local `Hits` service as the signed-in person, so the
//! agreements, the quota, the audit entries and the refusals are the API's
//! own. Values are personal data: a refusal names a value by its position
//! (`values[i]`, and here its line), never by what it is; the results and
//! the textarea show only what the person typed, to the person.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use liaison_proto::domain::INDICATOR_KINDS;
use liaison_proto::pb;
use liaison_proto::pb::hits_server::Hits as _;
use maud::{Markup, html};

use super::layout::Frame;
use super::session::{Fields, Person};
use super::{Console, as_person, http_status};
use crate::config::Role;
use crate::policy::Flow;

/// The most values one check carries (`HitCheck.values`).
const MAX_VALUES: usize = 1_000;

fn focal(role: &Role) -> bool {
    matches!(role, Role::FocalPoint)
}

/// The peers the form offers: those whose agreement has a `[[hit_checks]]`
/// entry with this country as the asker, and whether there were any (if
/// not, every peer, and the check will be refused).
fn peers(console: &Console) -> (Vec<String>, bool) {
    let config = console.exchange.config();
    let home = console.exchange.country();
    let allowed: Vec<String> = config
        .peers
        .keys()
        .filter(|peer| {
            let flow = Flow {
                from: home,
                to: **peer,
            };
            config
                .agreement_with(**peer)
                .is_some_and(|a| a.hit_checks(flow).is_some())
        })
        .map(|c| c.to_string())
        .collect();
    if allowed.is_empty() {
        (config.peers.keys().map(|c| c.to_string()).collect(), false)
    } else {
        (allowed, true)
    }
}

/// The non-blank lines of a textarea, each with its line number (from 1).
pub(super) fn lines(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
        .collect()
}

/// The position `i` of the `items[i]` a refusal names as its field (the
/// node's `field `values[3]`: ...`), if it names one.
pub(super) fn named_index(message: &str, items: &str) -> Option<usize> {
    let start = message.find(&format!("`{items}["))? + items.len() + 2;
    let digits: String = message[start..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// The display name of an indicator kind.
pub(super) fn kind_name(frame: &Frame<'_>, kind: &str) -> String {
    frame.t(&format!("hits-kind-{kind}"))
}

/// The check form, with the results above it when there are some.
fn form_page(
    console: &Console,
    person: &Person,
    fields: &Fields,
    notice: Option<Markup>,
    results: Option<Markup>,
) -> Response {
    let frame = person.frame(console);
    let t = |id: &str| frame.t(id);
    let (peers, agreed) = peers(console);
    let body = html! {
        @if let Some(notice) = notice { (notice) }
        @if let Some(results) = results { (results) }
        form.card method="post" action="/hits/check" {
            input type="hidden" name="csrf" value=(person.active.session.csrf);
            p.hint { (t("hits-explain")) }
            label for="peer" { (t("hits-field-peer")) }
            select #peer name="peer" required {
                @for peer in &peers { option value=(peer) selected[fields.get("peer") == peer.as_str()] { (peer) } }
            }
            @if !agreed { p.hint { (t("hits-no-agreement")) } }
            label for="kind" { (t("hits-field-kind")) }
            select #kind name="kind" required aria-describedby="kinds-hint" {
                @for kind in INDICATOR_KINDS {
                    option value=(kind) selected[fields.get("kind") == kind] { (kind_name(&frame, kind)) }
                }
            }
            p #kinds-hint .hint { (t("hits-kinds-hint")) }
            label for="values" { (t("hits-field-values")) }
            textarea #values name="values" required rows="8" spellcheck="false" autocomplete="off" { (fields.get("values")) }
            button type="submit" { (t("hits-check")) }
        }
    };
    frame.page(&t("hits-title"), body).into_response()
}

pub async fn page(State(console): State<Console>, person: Person) -> Response {
    if let Some(refused) = person
        .require(&console, focal, "check values against a peer's lists")
        .await
    {
        return refused;
    }
    form_page(&console, &person, &Fields::default(), None, None)
}

/// Checks the form's values and shows the outcome of each.
pub async fn check(
    State(console): State<Console>,
    person: Person,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if let Some(refused) = person
        .require(&console, focal, "check values against a peer's lists")
        .await
    {
        return refused;
    }
    let tag = person.tag();
    let values = lines(fields.get("values"));
    if values.is_empty() || values.len() > MAX_VALUES {
        let notice =
            html! { p.notice role="alert" { (console.i18n.text(tag, "hits-values-count", None)) } };
        let mut response = form_page(&console, &person, &fields, Some(notice), None);
        *response.status_mut() = StatusCode::BAD_REQUEST;
        return response;
    }
    let call = pb::HitCheck {
        peer: fields.get("peer").to_string(),
        kind: fields.get("kind").to_string(),
        values: values.iter().map(|(_, v)| v.to_string()).collect(),
    };
    match console
        .hits
        .check(as_person(&person.active.user, call))
        .await
    {
        Ok(result) => {
            let frame = person.frame(&console);
            let results = results(&frame, &values, &result.into_inner());
            form_page(&console, &person, &fields, None, Some(results))
        }
        Err(status) => {
            // The node's words name a value by its position only; the line
            // is added so that the person finds it in the textarea.
            let line = named_index(status.message(), "values")
                .and_then(|i| values.get(i).map(|(line, _)| (i, *line)));
            let notice = html! {
                div.notice role="alert" {
                    p { (status.message()) }
                    @if let Some((i, line)) = line {
                        p { (console.i18n.text(tag, "value-refused-line", Some(&super::i18n::args(&[("n", (i + 1).into()), ("line", line.into())])))) }
                    }
                }
            };
            let mut response = form_page(&console, &person, &fields, Some(notice), None);
            *response.status_mut() = http_status(&status);
            response
        }
    }
}

/// The outcome of each value, in the order asked, with the check's
/// figures: the quota left, the epoch and the set's size.
fn results(frame: &Frame<'_>, values: &[(usize, &str)], result: &pb::HitCheckResult) -> Markup {
    let i18n = &frame.console.i18n;
    let tag = frame.language.tag;
    let t = |id: &str| frame.t(id);
    let found = result.outcomes.iter().filter(|o| o.hit).count();
    let summary = i18n.text(
        tag,
        "hits-checked",
        Some(&super::i18n::args(&[
            ("count", result.outcomes.len().into()),
            ("hits", found.into()),
            ("peer", result.peer.clone().into()),
        ])),
    );
    let quota = i18n.text(
        tag,
        "hits-quota",
        Some(&super::i18n::args(&[
            ("peer", result.peer.clone().into()),
            ("left", i18n.number(tag, result.quota_left).into()),
            (
                "resets",
                i18n.date_time(tag, result.quota_resets_unix_ms).into(),
            ),
        ])),
    );
    let set = i18n.text(
        tag,
        "hits-set",
        Some(&super::i18n::args(&[
            ("peer", result.peer.clone().into()),
            ("epoch", i18n.number(tag, result.epoch).into()),
            ("entries", i18n.number(tag, result.set_entries).into()),
        ])),
    );
    html! {
        section.card #results {
            h2 { (t("hits-results-title")) }
            p role="status" { (summary) }
            p.hint { (quota) }
            p.hint { (set) }
            div.table-wrap { table {
                thead { tr {
                    th { "#" } th { (t("hits-col-value")) } th { (t("hits-col-outcome")) }
                    th { (t("hits-col-agency")) } th { (t("hits-col-list")) } th { (t("hits-col-reference")) }
                    th { (t("hits-col-added")) } th {}
                } }
                tbody { @for (i, outcome) in result.outcomes.iter().enumerate() {
                    @let value = values.get(i).map_or("", |(_, v)| *v);
                    @if outcome.hit {
                        @for (j, record) in outcome.records.iter().enumerate() {
                            tr {
                                td { (i + 1) }
                                td { bdi { (value) } }
                                td { strong.outcome.hit { (t("hits-hit")) } }
                                td { (record.agency) }
                                td { (record.list) }
                                td { bdi { (record.reference) } }
                                td { (record.added) }
                                td { a href=(format!("/requests/new?follow_up={}&record={j}", outcome.hit_id)) { (t("hits-follow-up")) } }
                            }
                        }
                    } @else {
                        tr {
                            td { (i + 1) }
                            td { bdi { (value) } }
                            td { span.outcome.miss { (t("hits-miss")) } }
                            td {} td {} td {} td {} td {}
                        }
                    }
                } }
            } }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_names_its_value_by_position() {
        assert_eq!(
            named_index("field `values[12]`: must be a phone number", "values"),
            Some(12)
        );
        assert_eq!(
            named_index("field `entries[3].value`: is required", "entries"),
            Some(3)
        );
        assert_eq!(named_index("field `values`: holds 0", "values"), None);
        assert_eq!(named_index("no field", "values"), None);
    }

    #[test]
    fn blank_lines_are_skipped_and_lines_kept() {
        assert_eq!(
            lines("+85512345678\n\n  +85512345670 \r\n"),
            vec![(1, "+85512345678"), (3, "+85512345670")]
        );
    }
}
