//! The agency officer's indicator lists (docs/hits.md): the agency's lists
//! with their counts per kind and the holder's epoch, a form to import a
//! CSV file (`value,reference[,added]`), and forms to remove values or a
//! whole list.
//!
//! Every action calls the local `Hits` service as the signed-in person, so
//! the checks, refusals and audit entries (`indicators.imported`,
//! `indicators.removed`) are the API's own. The page never shows a listed
//! value, only counts; a refusal names a line, never what it holds.

use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use liaison_proto::domain::INDICATOR_KINDS;
use liaison_proto::pb;
use liaison_proto::pb::hits_server::Hits as _;
use maud::{Markup, html};

use super::hits::{kind_name, lines, named_index};
use super::session::{Fields, Person};
use super::{Console, as_person, http_status, status_page};
use crate::config::Role;
use crate::exchange::hits::MAX_INDICATORS_PER_CALL;

/// The largest CSV file the import form takes, in bytes: 10,000 entries
/// of a value, a reference and a date take far less.
const MAX_CSV_BYTES: usize = 1024 * 1024;

/// The most a text field of the import form may hold, in bytes.
const MAX_FORM_TEXT: usize = 1024;

fn agency(role: &Role) -> bool {
    matches!(role, Role::Agency(_))
}

fn agency_of(person: &Person) -> String {
    match &person.active.user.role {
        Role::Agency(name) => name.clone(),
        _ => String::new(),
    }
}

/// The lists page, with `notice` above it, answered with `status`.
async fn page_with(
    console: &Console,
    person: &Person,
    notice: Option<Markup>,
    status: StatusCode,
) -> Response {
    let name = agency_of(person);
    let query = pb::IndicatorListQuery {
        agency: name.clone(),
    };
    let lists = match console
        .hits
        .list_indicators(as_person(&person.active.user, query))
        .await
    {
        Ok(lists) => lists.into_inner(),
        Err(status) => return status_page(console, person.tag(), &status),
    };
    let frame = person.frame(console);
    let t = |id: &str| frame.t(id);
    let i18n = &console.i18n;
    let tag = person.tag();
    let csrf = &person.active.session.csrf;
    let title = i18n.text(
        tag,
        "lists-title",
        Some(&super::i18n::args(&[("agency", name.into())])),
    );
    let epoch = i18n.text(
        tag,
        "lists-epoch",
        Some(&super::i18n::args(&[
            ("epoch", i18n.number(tag, lists.epoch).into()),
            (
                "started",
                i18n.date_time(tag, lists.epoch_started_unix_ms).into(),
            ),
            ("ends", i18n.date_time(tag, lists.epoch_ends_unix_ms).into()),
        ])),
    );
    let body = html! {
        @if let Some(notice) = notice { (notice) }
        p.hint { (t("lists-explain")) }
        p.hint { (epoch) }
        @if lists.lists.is_empty() {
            p { (t("lists-none")) }
        } @else {
            div.table-wrap { table {
                thead { tr {
                    th { (t("lists-col-list")) } th { (t("lists-col-counts")) } th { (t("lists-col-updated")) } th {}
                } }
                tbody { @for list in &lists.lists {
                    tr {
                        td { (list.list) }
                        td { @for count in &list.counts { (kind_name(&frame, &count.kind)) ": " (i18n.number(tag, count.count)) br; } }
                        td { (i18n.date_time(tag, list.updated_unix_ms)) }
                        td {
                            form method="post" action="/lists/remove" {
                                input type="hidden" name="csrf" value=(csrf);
                                input type="hidden" name="list" value=(list.list);
                                button.secondary type="submit" name="action" value="all" { (t("lists-remove-all")) }
                            }
                        }
                    }
                } }
            } }
            p.hint { (t("lists-remove-all-hint")) }
        }
        section.card {
            h2 { (t("lists-import-title")) }
            // The token comes first: the node checks it before it reads
            // anything else of the form.
            form method="post" enctype="multipart/form-data" action="/lists/import" {
                input type="hidden" name="csrf" value=(csrf);
                label for="import-list" { (t("lists-field-list")) }
                input #import-list name="list" required maxlength="64" list="known-lists" aria-describedby="list-hint";
                p #list-hint .hint { (t("lists-list-hint")) }
                datalist #known-lists { @for list in &lists.lists { option value=(list.list) {} } }
                label for="import-kind" { (t("hits-field-kind")) }
                select #import-kind name="kind" required {
                    @for kind in INDICATOR_KINDS { option value=(kind) { (kind_name(&frame, kind)) } }
                }
                label for="import-file" { (t("lists-field-file")) }
                input #import-file type="file" name="file" accept=".csv,text/csv,text/plain" required aria-describedby="file-hint";
                p #file-hint .hint { (t("lists-file-hint")) " " (t("hits-kinds-hint")) }
                button type="submit" { (t("lists-import")) }
            }
        }
        @if !lists.lists.is_empty() {
            section.card {
                h2 { (t("lists-remove-title")) }
                form method="post" action="/lists/remove" {
                    input type="hidden" name="csrf" value=(csrf);
                    label for="remove-list" { (t("lists-field-list")) }
                    select #remove-list name="list" required {
                        @for list in &lists.lists { option value=(list.list) { (list.list) } }
                    }
                    label for="remove-kind" { (t("hits-field-kind")) }
                    select #remove-kind name="kind" required {
                        @for kind in INDICATOR_KINDS { option value=(kind) { (kind_name(&frame, kind)) } }
                    }
                    label for="remove-values" { (t("lists-field-values")) }
                    textarea #remove-values name="values" required rows="6" spellcheck="false" autocomplete="off" {}
                    button type="submit" name="action" value="values" { (t("lists-remove")) }
                }
            }
        }
    };
    (status, frame.page(&title, body)).into_response()
}

pub async fn page(State(console): State<Console>, person: Person) -> Response {
    if let Some(refused) = person
        .require(&console, agency, "keep indicator lists")
        .await
    {
        return refused;
    }
    page_with(&console, &person, None, StatusCode::OK).await
}

/// A change done: what it did, above the page.
fn changed(console: &Console, person: &Person, summary: &pb::IndicatorListSummary) -> Markup {
    let i18n = &console.i18n;
    let tag = person.tag();
    let text = i18n.text(
        tag,
        "lists-changed",
        Some(&super::i18n::args(&[
            ("list", summary.list.clone().into()),
            ("added", i18n.number(tag, summary.added).into()),
            ("removed", i18n.number(tag, summary.removed).into()),
            ("absent", i18n.number(tag, summary.absent).into()),
            ("epoch", i18n.number(tag, summary.epoch).into()),
        ])),
    );
    html! { p.notice.ok role="status" { (text) } }
}

/// A refusal of the service, with the line of the value it names by
/// position (`items[i]`), if any.
fn refused(
    console: &Console,
    person: &Person,
    status: &tonic::Status,
    items: &str,
    line_of: &[usize],
) -> Markup {
    let line = named_index(status.message(), items).and_then(|i| line_of.get(i).copied());
    html! {
        div.notice role="alert" {
            p { (status.message()) }
            @if let Some(line) = line {
                p { (console.i18n.text(person.tag(), "lists-line-refused", Some(&super::i18n::args(&[("line", line.into())])))) }
            }
        }
    }
}

/// A problem with the form or its file (message `id`, with a `line` if
/// it is about one), in the person's language.
async fn form_problem(
    console: &Console,
    person: &Person,
    id: &str,
    line: Option<usize>,
) -> Response {
    let tag = person.tag();
    // The arguments are not `Sync`: gone before the page is awaited.
    let text = {
        let max = console.i18n.number(tag, MAX_INDICATORS_PER_CALL as u64);
        let args = super::i18n::args(&[
            ("line", line.unwrap_or(0).into()),
            ("kib", (MAX_CSV_BYTES / 1024).into()),
            ("max", max.into()),
        ]);
        console.i18n.text(tag, id, Some(&args))
    };
    let notice = html! { p.notice role="alert" { (text) } };
    page_with(console, person, Some(notice), StatusCode::BAD_REQUEST).await
}

/// Reads a multipart field of at most `limit` bytes; `None` if larger or
/// if the form broke off.
async fn bounded(field: &mut axum::extract::multipart::Field<'_>, limit: usize) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.ok()? {
        if bytes.len() + chunk.len() > limit {
            return None;
        }
        bytes.extend_from_slice(&chunk);
    }
    Some(bytes)
}

/// Imports the form's CSV file (`csrf` first, then `list`, `kind` and
/// `file`): checked line by line for its shape here, each value, reference
/// and date by the node, which refuses the whole file for one bad entry.
pub async fn import(
    State(console): State<Console>,
    person: Person,
    mut form: Multipart,
) -> Response {
    // Nothing but the token is read before the token is checked.
    let token = match form.next_field().await {
        Ok(Some(mut field)) if field.name() == Some("csrf") => {
            bounded(&mut field, MAX_FORM_TEXT).await.unwrap_or_default()
        }
        _ => Vec::new(),
    };
    let token = Fields(vec![(
        "csrf".into(),
        String::from_utf8(token).unwrap_or_default(),
    )]);
    if let Some(refused) = person.check_csrf(&console, &token) {
        return refused;
    }
    if let Some(refused) = person
        .require(&console, agency, "keep indicator lists")
        .await
    {
        return refused;
    }
    let (mut list, mut kind, mut file) = (String::new(), String::new(), None);
    loop {
        let mut field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => return form_problem(&console, &person, "lists-form-refused", None).await,
        };
        let name = field.name().unwrap_or_default().to_string();
        let limit = if name == "file" {
            MAX_CSV_BYTES
        } else {
            MAX_FORM_TEXT
        };
        let Some(bytes) = bounded(&mut field, limit).await else {
            return form_problem(&console, &person, "lists-csv-too-large", None).await;
        };
        let text = String::from_utf8(bytes);
        match (name.as_str(), text) {
            ("list", Ok(text)) => list = text.trim().to_string(),
            ("kind", Ok(text)) => kind = text,
            ("file", Ok(text)) => file = Some(text),
            ("file", Err(_)) => {
                return form_problem(&console, &person, "lists-csv-not-text", None).await;
            }
            _ => return form_problem(&console, &person, "lists-form-refused", None).await,
        }
    }
    let entries = match csv_entries(file.as_deref().unwrap_or("")) {
        Ok(entries) if entries.is_empty() => {
            return form_problem(&console, &person, "lists-csv-empty", None).await;
        }
        Ok(entries) if entries.len() > MAX_INDICATORS_PER_CALL => {
            return form_problem(&console, &person, "lists-csv-too-large", None).await;
        }
        Ok(entries) => entries,
        Err((line, id)) => return form_problem(&console, &person, id, Some(line)).await,
    };
    let line_of: Vec<usize> = entries.iter().map(|(line, _)| *line).collect();
    let call = pb::IndicatorImport {
        agency: agency_of(&person),
        list,
        kind,
        entries: entries.into_iter().map(|(_, entry)| entry).collect(),
    };
    match console
        .hits
        .import_indicators(as_person(&person.active.user, call))
        .await
    {
        Ok(summary) => {
            let notice = changed(&console, &person, &summary.into_inner());
            page_with(&console, &person, Some(notice), StatusCode::OK).await
        }
        Err(status) => {
            let notice = refused(&console, &person, &status, "entries", &line_of);
            page_with(&console, &person, Some(notice), http_status(&status)).await
        }
    }
}

/// Removes the form's values from a list (`action=values`), or the whole
/// list (`action=all`).
pub async fn remove(
    State(console): State<Console>,
    person: Person,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if let Some(refused) = person
        .require(&console, agency, "keep indicator lists")
        .await
    {
        return refused;
    }
    let whole_list = fields.get("action") == "all";
    let values = if whole_list {
        Vec::new()
    } else {
        lines(fields.get("values"))
    };
    let call = pb::IndicatorRemoval {
        agency: agency_of(&person),
        list: fields.get("list").to_string(),
        kind: if whole_list {
            String::new()
        } else {
            fields.get("kind").to_string()
        },
        values: values.iter().map(|(_, v)| v.to_string()).collect(),
        whole_list,
    };
    match console
        .hits
        .remove_indicators(as_person(&person.active.user, call))
        .await
    {
        Ok(summary) => {
            let notice = changed(&console, &person, &summary.into_inner());
            page_with(&console, &person, Some(notice), StatusCode::OK).await
        }
        Err(status) => {
            let line_of: Vec<usize> = values.iter().map(|(line, _)| *line).collect();
            let notice = refused(&console, &person, &status, "values", &line_of);
            page_with(&console, &person, Some(notice), http_status(&status)).await
        }
    }
}

/// The entries of an import file, each with its line (from 1): one
/// `value,reference[,added]` a line, RFC 4180 quoting on one line, blank
/// lines, a byte order mark and a header line skipped. A line of another
/// shape is refused by its number and the id of the message that says
/// why, never by what it holds.
pub(super) fn csv_entries(
    text: &str,
) -> Result<Vec<(usize, pb::IndicatorEntry)>, (usize, &'static str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries = Vec::new();
    let mut first = true;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fields = csv_fields(line).ok_or((i + 1, "lists-csv-quote"))?;
        let header = |n: usize, name: &str| {
            fields
                .get(n)
                .is_some_and(|f| f.trim().eq_ignore_ascii_case(name))
        };
        if std::mem::take(&mut first) && header(0, "value") && header(1, "reference") {
            continue;
        }
        let mut fields = fields.into_iter();
        let (Some(value), Some(reference), added, None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err((i + 1, "lists-csv-fields"));
        };
        entries.push((
            i + 1,
            pb::IndicatorEntry {
                value,
                reference,
                added: added.unwrap_or_default(),
            },
        ));
    }
    Ok(entries)
}

/// The fields of one CSV line (RFC 4180 quoting, on one line; spaces
/// around a field, outside its quotes, dropped); `None` for a quote out of
/// place.
pub(super) fn csv_fields(line: &str) -> Option<Vec<String>> {
    let blank = |c: &char| *c == ' ' || *c == '\t';
    let mut fields = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.next_if(blank).is_some() {}
        let mut field = String::new();
        if chars.next_if_eq(&'"').is_some() {
            loop {
                match chars.next()? {
                    '"' if chars.next_if_eq(&'"').is_some() => field.push('"'),
                    '"' => break,
                    c => field.push(c),
                }
            }
            while chars.next_if(blank).is_some() {}
            fields.push(field);
            match chars.next() {
                None => return Some(fields),
                Some(',') => {}
                Some(_) => return None,
            }
        } else {
            let ended = loop {
                match chars.next() {
                    None => break true,
                    Some(',') => break false,
                    Some('"') => return None,
                    Some(c) => field.push(c),
                }
            };
            fields.push(field.trim_end_matches([' ', '\t']).to_string());
            if ended {
                return Some(fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An entry as read: its line, value, reference and date added.
    type Shape = (usize, String, String, String);

    fn shapes(text: &str) -> Result<Vec<Shape>, (usize, &'static str)> {
        csv_entries(text).map(|entries| {
            entries
                .into_iter()
                .map(|(line, e)| (line, e.value, e.reference, e.added))
                .collect()
        })
    }

    #[test]
    fn an_import_file_is_read_line_by_line() {
        let text = "\u{feff}value,reference,added\r\n+855 12 345 678, KH-1 ,2026-11-02\n\n\"+85512345679\",\"KH, 2\"\n";
        assert_eq!(
            shapes(text),
            Ok(vec![
                (
                    2,
                    "+855 12 345 678".into(),
                    "KH-1".into(),
                    "2026-11-02".into()
                ),
                (4, "+85512345679".into(), "KH, 2".into(), String::new()),
            ])
        );
        assert_eq!(
            shapes("a,\"b \"\"q\"\"\""),
            Ok(vec![(1, "a".into(), "b \"q\"".into(), String::new())])
        );
        assert_eq!(
            shapes("a,b,"),
            Ok(vec![(1, "a".into(), "b".into(), String::new())])
        );
    }

    #[test]
    fn a_line_of_another_shape_is_refused_by_its_number() {
        assert_eq!(shapes("+85512345678"), Err((1, "lists-csv-fields")));
        assert_eq!(shapes("a,b\na,b,c,d"), Err((2, "lists-csv-fields")));
        assert_eq!(shapes("a,b\n\"a,b"), Err((2, "lists-csv-quote")));
        assert_eq!(shapes("a\"x,b"), Err((1, "lists-csv-quote")));
        assert_eq!(shapes("\"a\"x,b"), Err((1, "lists-csv-quote")));
    }
}
