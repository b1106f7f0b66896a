//! Evidence files on a request's page: the files of both directions with
//! where each stands and its hash, a form to attach a file (streamed from
//! the browser to the blob store, never held in memory), a button to send
//! what is attached, and the downloads of a file and of the court package.
//!
//! Every action calls the local `Evidence` service as the signed-in person,
//! so the checks, refusals and custody entries (`evidence.attached`,
//! `evidence.opened`, `evidence.exported`) are the API's own. Downloads are
//! POSTs with the CSRF token, since each one is a custody event, and are
//! always served as `application/octet-stream` attachments: a file's bytes
//! are never rendered by the console's origin.

use axum::body::{Body, Bytes};
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use futures::{Stream, StreamExt as _};
use liaison_proto::pb;
use liaison_proto::pb::evidence_server::Evidence as _;
use maud::{Markup, html};
use tonic::Status;

use super::layout::{self, Frame};
use super::session::{Fields, Person};
use super::{Console, as_person, status_page};
use crate::config::Role;
use crate::exchange::MAX_CHUNK;

/// The most a text field of the upload form may hold, in bytes.
const MAX_FORM_TEXT: usize = 8 * 1024;

fn may_handle(role: &Role) -> bool {
    matches!(role, Role::FocalPoint | Role::Agency(_))
}

/// The page a person works on a request from.
fn request_page(person: &Person, id: &str) -> String {
    match person.active.user.role {
        Role::Agency(_) => format!("/inbox/{id}"),
        _ => format!("/requests/{id}"),
    }
}

fn state_key(state: i32) -> &'static str {
    match pb::EvidenceState::try_from(state) {
        Ok(pb::EvidenceState::EvidenceAttached) => "evidence-state-attached",
        Ok(pb::EvidenceState::EvidenceSending) => "evidence-state-sending",
        Ok(pb::EvidenceState::EvidenceDelivered) => "evidence-state-delivered",
        Ok(pb::EvidenceState::EvidenceExpected) => "evidence-state-expected",
        Ok(pb::EvidenceState::EvidenceReceived) => "evidence-state-received",
        Ok(pb::EvidenceState::EvidencePurged) => "evidence-state-purged",
        _ => "evidence-state-unknown",
    }
}

/// Whether a file's bytes are here to read.
fn readable(state: i32) -> bool {
    state != pb::EvidenceState::EvidenceExpected as i32
        && state != pb::EvidenceState::EvidencePurged as i32
}

/// The request's evidence section; `open` says whether files may still be
/// attached (not once the request's data is purged).
pub async fn section(console: &Console, person: &Person, id: &str, open: bool) -> Markup {
    let frame = person.frame(console);
    let query = pb::EvidenceQuery {
        request_id: id.to_string(),
    };
    let items = match console
        .evidence
        .list(as_person(&person.active.user, query))
        .await
    {
        Ok(list) => list.into_inner().items,
        Err(status) => {
            return html! {
                section.card #evidence {
                    h2 { (frame.t("evidence-title")) }
                    p.notice { (status.message()) }
                }
            };
        }
    };
    let csrf = &person.active.session.csrf;
    let home = console.exchange.country().to_string();
    let attached = items
        .iter()
        .any(|i| i.state == pb::EvidenceState::EvidenceAttached as i32 && i.from_country == home);
    let exportable = items
        .iter()
        .any(|i| i.state != pb::EvidenceState::EvidenceAttached as i32 && readable(i.state));
    let max_mib = console.exchange.config().evidence_max_file_bytes >> 20;
    let limit = console.i18n.text(
        person.tag(),
        "evidence-limit",
        Some(&super::i18n::args(&[("mib", max_mib.into())])),
    );
    html! {
        section.card #evidence {
            h2 { (frame.t("evidence-title")) }
            @if items.is_empty() {
                p { (frame.t("evidence-none")) }
            } @else {
                div.table-wrap { table {
                    thead { tr {
                        th { (frame.t("evidence-col-file")) } th { (frame.t("evidence-col-from")) }
                        th { (frame.t("evidence-col-state")) } th { (frame.t("evidence-col-acquired")) }
                        th { (frame.t("evidence-col-hash")) } th {}
                    } }
                    tbody { @for item in &items { @if let Some(file) = &item.file {
                        (file_row(&frame, person, id, item, file))
                    } } }
                } }
            }
            @if attached {
                form method="post" action=(format!("/evidence/{id}/send")) {
                    input type="hidden" name="csrf" value=(csrf);
                    button type="submit" { (frame.t("evidence-send")) }
                }
            }
            @if exportable {
                form method="post" action=(format!("/evidence/{id}/package")) {
                    input type="hidden" name="csrf" value=(csrf);
                    button.secondary type="submit" { (frame.t("evidence-package")) }
                    p.hint { (frame.t("evidence-package-note")) }
                }
            }
            @if open && may_handle(&person.active.user.role) {
                form method="post" enctype="multipart/form-data" action=(format!("/evidence/{id}/upload")) {
                    h3 { (frame.t("evidence-attach-title")) }
                    // The text fields come before the file: the node reads
                    // the form as it arrives and stores the file's bytes as
                    // they come.
                    input type="hidden" name="csrf" value=(csrf);
                    label for="evidence-source" { (frame.t("evidence-field-source")) }
                    input #evidence-source name="source" required maxlength="500";
                    label for="evidence-description" { (frame.t("evidence-field-description")) }
                    textarea #evidence-description name="description" maxlength="2000" {}
                    label for="evidence-file" { (frame.t("evidence-field-file")) }
                    input #evidence-file type="file" name="file" required;
                    p.hint { (limit) }
                    button type="submit" { (frame.t("evidence-attach")) }
                }
            }
        }
    }
}

fn file_row(
    frame: &Frame<'_>,
    person: &Person,
    id: &str,
    item: &pb::EvidenceItem,
    file: &pb::EvidenceFile,
) -> Markup {
    let i18n = &frame.console.i18n;
    let tag = person.tag();
    let size = i18n.text(
        tag,
        "evidence-size",
        Some(&super::i18n::args(&[(
            "bytes",
            i18n.number(tag, file.size).into(),
        )])),
    );
    html! {
        tr {
            td {
                bdi { (file.name) } br;
                span.hint { (size) ", " (file.media_type) }
                @if !file.description.is_empty() {
                    br; bdi { (file.description) }
                }
            }
            td { (item.from_country) }
            td { (frame.t(state_key(item.state))) }
            td {
                bdi { (file.acquired_by) } br;
                (i18n.date_time(tag, file.acquired_unix_ms)) br;
                span.hint { bdi { (file.source) } }
            }
            td.detail { code { (hex::encode(&file.sha256)) } }
            td {
                @if readable(item.state) {
                    form method="post" action=(format!("/evidence/{id}/files/{}", file.file_id)) {
                        input type="hidden" name="csrf" value=(person.active.session.csrf);
                        button.secondary type="submit" { (frame.t("evidence-download")) }
                    }
                }
            }
        }
    }
}

/// Checks the CSRF token and the role of a form post.
async fn checked(
    console: &Console,
    person: &Person,
    fields: &Fields,
    action: &str,
) -> Option<Response> {
    if let Some(refused) = person.check_csrf(console, fields) {
        return Some(refused);
    }
    person.require(console, may_handle, action).await
}

/// Signs and queues what is attached.
pub async fn send(
    State(console): State<Console>,
    person: Person,
    Path(id): Path<String>,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = checked(&console, &person, &fields, "send evidence files").await {
        return refused;
    }
    let call = pb::EvidenceSendCall {
        request_id: id.clone(),
    };
    match console
        .evidence
        .send(as_person(&person.active.user, call))
        .await
    {
        Ok(_) => Redirect::to(&format!("{}#evidence", request_page(&person, &id))).into_response(),
        Err(status) => status_page(&console, person.tag(), &status),
    }
}

/// A file's bytes, as an attachment; `evidence.opened` by the person.
pub async fn download(
    State(console): State<Console>,
    person: Person,
    Path((id, file_id)): Path<(String, String)>,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = checked(&console, &person, &fields, "read evidence files").await {
        return refused;
    }
    let query = pb::EvidenceQuery {
        request_id: id.clone(),
    };
    let name = match console
        .evidence
        .list(as_person(&person.active.user, query))
        .await
    {
        Ok(list) => list
            .into_inner()
            .items
            .into_iter()
            .filter_map(|i| i.file)
            .find(|f| f.file_id == file_id)
            .map(|f| f.name),
        Err(status) => return status_page(&console, person.tag(), &status),
    };
    let reference = pb::FileRef {
        request_id: id,
        file_id,
    };
    match console
        .evidence
        .download(as_person(&person.active.user, reference))
        .await
    {
        Ok(stream) => attachment(
            stream.into_inner(),
            "application/octet-stream",
            name.as_deref().unwrap_or("evidence"),
        ),
        Err(status) => status_page(&console, person.tag(), &status),
    }
}

/// The request's court package (a zip); `evidence.exported` per file.
pub async fn package(
    State(console): State<Console>,
    person: Person,
    Path(id): Path<String>,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = checked(&console, &person, &fields, "export evidence packages").await {
        return refused;
    }
    let query = pb::EvidenceQuery {
        request_id: id.clone(),
    };
    match console
        .evidence
        .package(as_person(&person.active.user, query))
        .await
    {
        Ok(stream) => attachment(
            stream.into_inner(),
            "application/zip",
            &format!("liaison-evidence-{id}.zip"),
        ),
        Err(status) => status_page(&console, person.tag(), &status),
    }
}

/// A download streamed from the service's chunks. A failure after the
/// first byte breaks the response off, so a browser never keeps a partial
/// file as complete.
fn attachment(
    chunks: impl Stream<Item = Result<pb::FileChunk, Status>> + Send + 'static,
    media_type: &'static str,
    name: &str,
) -> Response {
    let body = Body::from_stream(chunks.map(|chunk| {
        chunk
            .map(|c| Bytes::from(c.data))
            .map_err(|status| std::io::Error::other(status.message().to_string()))
    }));
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    if let Ok(value) = HeaderValue::from_str(&content_disposition(name)) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// `attachment` with the name percent-encoded (RFC 6266, RFC 8187) and an
/// ASCII fallback.
fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"._-~".contains(&byte) {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A refused form, as a page naming the field and the rule.
fn form_refused(console: &Console, person: &Person, field: &str, rule: &str) -> Response {
    layout::message_page(
        console,
        person.tag(),
        StatusCode::BAD_REQUEST,
        &format!("{field}: {rule}"),
    )
}

/// Reads a text field of at most [`MAX_FORM_TEXT`] bytes.
async fn small_text(field: &mut axum::extract::multipart::Field<'_>) -> Result<String, String> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|e| e.body_text())? {
        if bytes.len() + chunk.len() > MAX_FORM_TEXT {
            return Err(format!("holds more than {MAX_FORM_TEXT} bytes"));
        }
        bytes.extend_from_slice(&chunk);
    }
    String::from_utf8(bytes).map_err(|_| "is not UTF-8 text".to_string())
}

/// Attaches the file of the form (`csrf`, `source`, `description`, then
/// `file`), streamed into the `Evidence` service's upload as it arrives:
/// the browser does not announce the size, so the node takes what comes
/// up to its limit and checks the agreement on the actual size.
pub async fn upload(
    State(console): State<Console>,
    person: Person,
    Path(id): Path<String>,
    mut form: Multipart,
) -> Response {
    let mut texts = Vec::new();
    let mut file = loop {
        let field = match form.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return form_refused(&console, &person, "file", "choose a file to attach"),
            Err(e) => return form_refused(&console, &person, "form", &e.body_text()),
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            break field;
        }
        if !["csrf", "source", "description"].contains(&name.as_str()) {
            return form_refused(&console, &person, &name, "is not a field of this form");
        }
        let mut field = field;
        match small_text(&mut field).await {
            Ok(text) => texts.push((name, text)),
            Err(rule) => return form_refused(&console, &person, &name, &rule),
        }
    };
    // Nothing of the file is read before the token and the role are.
    let fields = Fields(texts);
    if let Some(refused) = checked(&console, &person, &fields, "attach evidence files").await {
        return refused;
    }
    let name = file.file_name().unwrap_or_default().to_string();
    if name.is_empty() {
        return form_refused(&console, &person, "file", "choose a file to attach");
    }
    let media_type = file
        .content_type()
        .and_then(|t| t.split(';').next())
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or("application/octet-stream")
        .to_string();
    let header = pb::UploadPart {
        part: Some(pb::upload_part::Part::Header(pb::UploadHeader {
            request_id: id.clone(),
            name,
            media_type,
            size: 0,
            source: fields.get("source").to_string(),
            description: fields.get("description").to_string(),
        })),
    };
    let chunks = futures::stream::unfold(
        (&mut file, Bytes::new(), false),
        |(file, mut rest, ended)| async move {
            if ended {
                return None;
            }
            while rest.is_empty() {
                match file.chunk().await {
                    Ok(Some(bytes)) => rest = bytes,
                    Ok(None) => return None,
                    Err(e) => {
                        let status =
                            Status::cancelled(format!("the form broke off: {}", e.body_text()));
                        return Some((Err(status), (file, rest, true)));
                    }
                }
            }
            let part = rest.split_to(rest.len().min(MAX_CHUNK));
            let part = pb::UploadPart {
                part: Some(pb::upload_part::Part::Chunk(part.to_vec())),
            };
            Some((Ok(part), (file, rest, false)))
        },
    );
    let parts = Box::pin(futures::stream::iter([Ok(header)]).chain(chunks));
    match console
        .evidence
        .receive(as_person(&person.active.user, parts))
        .await
    {
        Ok(_) => Redirect::to(&format!("{}#evidence", request_page(&person, &id))).into_response(),
        Err(status) => status_page(&console, person.tag(), &status),
    }
}
