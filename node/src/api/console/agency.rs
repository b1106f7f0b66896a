//! The agency officer's pages: the inbox, one request with what the
//! agreement will release, and the answer and refusal forms (a preview of
//! the release and redaction comes before sending).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use liaison_proto::pb;
use liaison_proto::pb::agency_server::Agency as _;
use maud::html;

use super::session::{Fields, Person};
use super::view::{self, code};
use super::{Console, as_person, status_page};
use crate::config::Role;

fn agency(role: &Role) -> bool {
    matches!(role, Role::Agency(_))
}

pub async fn inbox(State(console): State<Console>, person: Person) -> Response {
    if let Some(refused) = person
        .require(&console, agency, "read an agency's inbox")
        .await
    {
        return refused;
    }
    let filter = pb::InboxFilter {
        include_closed: true,
        limit: 500,
        ..Default::default()
    };
    let list = match console
        .agency
        .inbox(as_person(&person.active.user, filter))
        .await
    {
        Ok(list) => list.into_inner(),
        Err(status) => return status_page(&console, person.tag(), &status),
    };
    let frame = person.frame(&console);
    let tag = person.tag();
    let i18n = &console.i18n;
    let now = crate::exchange::now_ms();
    let name = match &person.active.user.role {
        Role::Agency(name) => name.clone(),
        _ => String::new(),
    };
    let title = i18n.text(
        tag,
        "inbox-title",
        Some(&super::i18n::args(&[("agency", name.into())])),
    );
    let mut requests = list.requests;
    requests.sort_by_key(|v| {
        (
            view::is_final(v),
            v.request.as_ref().map_or(0, |r| r.deadline_unix_ms),
        )
    });
    let body = html! {
        @if requests.is_empty() {
            p { (frame.t("inbox-none")) }
        } @else {
            div.table-wrap { table {
                thead { tr {
                    th { (frame.t("col-request")) } th { (frame.t("col-to")) } th { (frame.t("col-category")) }
                    th { (frame.t("col-status")) } th { (frame.t("col-deadline")) } th { (frame.t("col-time-left")) }
                } }
                tbody { @for v in &requests { @if let Some(r) = &v.request {
                    @let victim = view::domain(v).is_some_and(|d| d.concerns_possible_victim());
                    tr {
                        td { a href=(format!("/inbox/{}", r.request_id)) { (r.request_id.get(..8).unwrap_or(&r.request_id)) } @if victim { " ⚠" } }
                        td { (r.from_country) " → " (r.to_country) }
                        td { (code(&frame, "category", view::category_name(r.category))) }
                        td { (code(&frame, "status", view::status_name(v.status))) }
                        td { (i18n.date_time(tag, r.deadline_unix_ms)) }
                        td { @if view::is_final(v) { "—" } @else { (view::time_left(&frame, r.deadline_unix_ms, now)) } }
                    }
                } } }
            } }
        }
    };
    frame
        .page_refreshing(&title, body, Some(30))
        .into_response()
}

/// Reads the assignment (the request and the dry run of an answer).
async fn assignment(
    console: &Console,
    person: &Person,
    id: &str,
) -> Result<pb::Assignment, Response> {
    let reference = pb::RequestRef {
        request_id: id.to_string(),
    };
    console
        .agency
        .get(as_person(&person.active.user, reference))
        .await
        .map(|a| a.into_inner())
        .map_err(|status| status_page(console, person.tag(), &status))
}

/// The answer's fields from the form: rows `field_name`/`field_value`/
/// `field_subject` (1-based), blank rows skipped.
fn answer_fields(fields: &Fields) -> Vec<pb::Field> {
    let names: Vec<&str> = fields.all("field_name").collect();
    let values: Vec<&str> = fields.all("field_value").collect();
    let subjects: Vec<&str> = fields.all("field_subject").collect();
    names
        .iter()
        .enumerate()
        .filter(|(_, name)| !name.trim().is_empty())
        .map(|(i, name)| pb::Field {
            name: name.trim().to_string(),
            value: values.get(i).copied().unwrap_or("").to_string(),
            subject: subjects
                .get(i)
                .and_then(|s| s.trim().parse::<u32>().ok())
                .map_or(0, |n| n.saturating_sub(1)),
        })
        .collect()
}

async fn page(
    console: &Console,
    person: &Person,
    id: &str,
    a: &pb::Assignment,
    preview: Option<&[pb::Field]>,
    message: Option<String>,
) -> Response {
    let frame = person.frame(console);
    let title = console.i18n.text(
        person.tag(),
        "request-title",
        Some(&super::i18n::args(&[("id", id.to_string().into())])),
    );
    let Some(v) = &a.view else {
        return status_page(
            console,
            person.tag(),
            &tonic::Status::not_found("no such request"),
        );
    };
    let open = !view::is_final(v);
    let positions = console
        .exchange
        .records()
        .audit_positions(id)
        .unwrap_or_default();
    let dry = a.dry_run.clone().unwrap_or_default();
    let csrf = &person.active.session.csrf;
    // Files go with an answer: while assigned or answered, not once purged.
    let attaching = (v.status == pb::RequestStatus::Assigned as i32
        || v.status == pb::RequestStatus::Answered as i32)
        && v.purged_unix_ms == 0;
    let evidence = super::evidence::section(console, person, id, attaching).await;
    let rows: Vec<pb::Field> = match preview {
        Some(fields) => fields.to_vec(),
        None => dry
            .released_fields
            .iter()
            .map(|name| pb::Field {
                name: name.clone(),
                ..Default::default()
            })
            .collect(),
    };
    let body = html! {
        @if let Some(message) = message { p.notice role="alert" { (message) } }
        (view::request(&frame, v, &positions))
        @if open {
            section.card {
                h2 { (frame.t("answer-title")) }
                p { (frame.t("will-release")) ": " (dry.released_fields.join(", ")) }
                @if !dry.withheld_fields.is_empty() {
                    p { (frame.t("will-redact")) ": " (dry.withheld_fields.join(", ")) }
                }
                @if let Some(preview) = preview {
                    @let (keep, drop): (Vec<&pb::Field>, Vec<&pb::Field>) = preview.iter().partition(|f| dry.released_fields.contains(&f.name));
                    div.notice.ok {
                        p { (frame.t("will-release")) ": " @for f in &keep { (f.name) " = " bdi { (f.value) } "; " } }
                        @if !drop.is_empty() { p { (frame.t("will-redact")) ": " @for f in &drop { (f.name) "; " } } }
                    }
                }
                form method="post" action=(format!("/inbox/{id}/answer")) {
                    input type="hidden" name="csrf" value=(csrf);
                    @for (i, row) in rows.iter().chain(std::iter::once(&pb::Field::default())).enumerate() {
                        fieldset.inline {
                            legend { (frame.t("field-fields")) " " (i + 1) }
                            label for=(format!("field_name_{i}")) { (frame.t("field-fields")) }
                            input id=(format!("field_name_{i}")) name="field_name" value=(row.name);
                            label for=(format!("field_value_{i}")) { (frame.t("field-value")) }
                            input id=(format!("field_value_{i}")) name="field_value" value=(row.value);
                            label for=(format!("field_subject_{i}")) { (frame.t("col-subject")) }
                            input id=(format!("field_subject_{i}")) name="field_subject" inputmode="numeric" size="3" value=(row.subject + 1);
                        }
                    }
                    label for="remarks" { (frame.t("field-note")) }
                    textarea #remarks name="remarks" maxlength="2000" {}
                    @if v.dual_criminality.is_some() {
                        label for="dual" { (frame.t("field-dual-decision")) }
                        textarea #dual name="dual_criminality_decision" maxlength="1000" {}
                    }
                    div.inline {
                        button.secondary type="submit" name="action" value="preview" { (frame.t("preview-answer")) }
                        button type="submit" name="action" value="send" { (frame.t("answer-send")) }
                    }
                }
            }
            section.card {
                h2 { (frame.t("refuse-title")) }
                form method="post" action=(format!("/inbox/{id}/refuse")) {
                    input type="hidden" name="csrf" value=(csrf);
                    label for="reason" { (frame.t("field-refusal-reason")) }
                    select #reason name="reason" {
                        @for reason in liaison_proto::domain::RefusalReason::ALL {
                            option value=(reason.as_str()) { (code(&frame, "refusal", reason.as_str())) }
                        }
                    }
                    label for="explanation" { (frame.t("field-note")) }
                    textarea #explanation name="explanation" maxlength="2000" {}
                    button type="submit" { (frame.t("refuse-send")) }
                }
            }
        }
        (evidence)
    };
    frame.page_refreshing(&title, body, None).into_response()
}

pub async fn request_page(
    State(console): State<Console>,
    person: Person,
    Path(id): Path<String>,
) -> Response {
    if let Some(refused) = person
        .require(&console, agency, "read an agency's requests")
        .await
    {
        return refused;
    }
    match assignment(&console, &person, &id).await {
        Ok(a) => page(&console, &person, &id, &a, None, None).await,
        Err(response) => response,
    }
}

pub async fn answer(
    State(console): State<Console>,
    person: Person,
    Path(id): Path<String>,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if let Some(refused) = person.require(&console, agency, "answer requests").await {
        return refused;
    }
    let answer_fields = answer_fields(&fields);
    if fields.get("action") != "send" {
        return match assignment(&console, &person, &id).await {
            Ok(a) => page(&console, &person, &id, &a, Some(&answer_fields), None).await,
            Err(response) => response,
        };
    }
    let call = pb::AnswerCall {
        request_id: id.clone(),
        fields: answer_fields,
        remarks: fields.get("remarks").to_string(),
        dual_criminality_decision: fields.get("dual_criminality_decision").to_string(),
    };
    match console
        .agency
        .answer(as_person(&person.active.user, call))
        .await
    {
        Ok(_) => Redirect::to(&format!("/inbox/{id}")).into_response(),
        Err(status) => match assignment(&console, &person, &id).await {
            Ok(a) => {
                page(
                    &console,
                    &person,
                    &id,
                    &a,
                    None,
                    Some(status.message().to_string()),
                )
                .await
            }
            Err(response) => response,
        },
    }
}

pub async fn refuse(
    State(console): State<Console>,
    person: Person,
    Path(id): Path<String>,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if let Some(refused) = person.require(&console, agency, "refuse requests").await {
        return refused;
    }
    let reason = fields
        .get("reason")
        .parse::<liaison_proto::domain::RefusalReason>()
        .map(|r| pb::RefusalReason::from(r) as i32)
        .unwrap_or(0);
    let call = pb::RefuseCall {
        request_id: id.clone(),
        reason,
        explanation: fields.get("explanation").to_string(),
    };
    match console
        .agency
        .refuse(as_person(&person.active.user, call))
        .await
    {
        Ok(_) => Redirect::to(&format!("/inbox/{id}")).into_response(),
        Err(status) => status_page(&console, person.tag(), &status),
    }
}
