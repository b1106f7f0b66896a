//! The focal point's pages: the dashboard of requests sent, with deadlines
//! and time left, the new-request form (also as the follow-up of a hit,
//! `?follow_up=HIT_ID`), and one request's page.

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use liaison_proto::domain::{Category, Purpose, SubjectRole};
use liaison_proto::pb;
use liaison_proto::pb::admin_server::Admin as _;
use liaison_proto::pb::focal_point_server::FocalPoint as _;
use liaison_proto::pb::hits_server::Hits as _;
use liaison_proto::subject_text::{self, TEXT_KINDS};
use maud::{Markup, html};

use super::session::{Fields, Person};
use super::view::{self, code};
use super::{Console, as_person, status_page};
use crate::config::Role;

fn focal(role: &Role) -> bool {
    matches!(role, Role::FocalPoint)
}

/// Requests sent, newest first; the page reloads itself every 30 s.
pub async fn dashboard(State(console): State<Console>, person: Person) -> Response {
    if let Some(refused) = person.require(&console, focal, "list requests").await {
        return refused;
    }
    let filter = pb::ListFilter {
        limit: 500,
        ..Default::default()
    };
    let list = match console
        .focal
        .list(as_person(&person.active.user, filter))
        .await
    {
        Ok(list) => list.into_inner(),
        Err(status) => return status_page(&console, person.tag(), &status),
    };
    let frame = person.frame(&console);
    let tag = person.tag();
    let i18n = &console.i18n;
    let now = crate::exchange::now_ms();
    let mut requests = list.requests;
    requests
        .sort_by_key(|v| std::cmp::Reverse(v.request.as_ref().map_or(0, |r| r.created_unix_ms)));
    let open = requests.iter().filter(|v| !view::is_final(v)).count();
    let country = console.exchange.country().to_string();
    let title = i18n.text(
        tag,
        "requests-title",
        Some(&super::i18n::args(&[("country", country.into())])),
    );
    let body = html! {
        p { (i18n.text(tag, "open-requests", Some(&super::i18n::args(&[("count", open.into())])))) }
        @if requests.is_empty() {
            p { (frame.t("requests-none")) }
        } @else {
            div.table-wrap { table {
                thead { tr {
                    th { (frame.t("col-request")) } th { (frame.t("col-to")) } th { (frame.t("col-category")) }
                    th { (frame.t("col-case")) } th { (frame.t("col-status")) } th { (frame.t("col-deadline")) } th { (frame.t("col-time-left")) }
                } }
                tbody { @for v in &requests { @if let Some(r) = &v.request {
                    @let status = view::status_name(v.status);
                    @let closed = view::is_final(v);
                    tr {
                        td { a href=(format!("/requests/{}", r.request_id)) { (r.request_id.get(..8).unwrap_or(&r.request_id)) } }
                        td { (r.to_country) }
                        td { (code(&frame, "category", view::category_name(r.category))) }
                        td { bdi { (r.case_reference) } }
                        td { (code(&frame, "status", status)) }
                        td { (i18n.date_time(tag, r.deadline_unix_ms)) }
                        td { @if closed { "—" } @else { (view::time_left(&frame, r.deadline_unix_ms, now)) } }
                    }
                } } }
            } }
        }
    };
    frame
        .page_refreshing(&title, body, Some(30))
        .into_response()
}

/// One request sent: everything about it, with a withdraw button while it
/// is open.
pub async fn request_page(
    State(console): State<Console>,
    person: Person,
    Path(id): Path<String>,
) -> Response {
    if let Some(refused) = person.require(&console, focal, "read requests").await {
        return refused;
    }
    let reference = pb::RequestRef {
        request_id: id.clone(),
    };
    let request_view = match console
        .focal
        .get(as_person(&person.active.user, reference))
        .await
    {
        Ok(v) => v.into_inner(),
        Err(status) => return status_page(&console, person.tag(), &status),
    };
    let frame = person.frame(&console);
    let title = console.i18n.text(
        person.tag(),
        "request-title",
        Some(&super::i18n::args(&[("id", id.clone().into())])),
    );
    let open = !view::is_final(&request_view);
    let positions = console
        .exchange
        .records()
        .audit_positions(&id)
        .unwrap_or_default();
    let evidence =
        super::evidence::section(&console, &person, &id, request_view.purged_unix_ms == 0).await;
    let body = html! {
        (view::request(&frame, &request_view, &positions))
        (evidence)
        @if open {
            form.card method="post" action=(format!("/requests/{id}/withdraw")) {
                input type="hidden" name="csrf" value=(person.active.session.csrf);
                label for="reason" { (frame.t("field-note")) }
                input #reason name="reason" maxlength="500";
                button.secondary type="submit" { (frame.t("withdraw")) }
            }
        }
    };
    frame
        .page_refreshing(&title, body, open.then_some(30))
        .into_response()
}

pub async fn withdraw(
    State(console): State<Console>,
    person: Person,
    Path(id): Path<String>,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = super::session::Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if let Some(refused) = person.require(&console, focal, "withdraw requests").await {
        return refused;
    }
    let call = pb::WithdrawCall {
        request_id: id.clone(),
        reason: fields.get("reason").to_string(),
    };
    match console
        .focal
        .withdraw(as_person(&person.active.user, call))
        .await
    {
        Ok(_) => axum::response::Redirect::to(&format!("/requests/{id}")).into_response(),
        Err(status) => status_page(&console, person.tag(), &status),
    }
}

/// Subject rows on the form; blank ones are skipped.
const SUBJECT_ROWS: usize = 4;

/// The request the form describes, or the field at fault and why.
fn new_request(fields: &Fields) -> Result<pb::NewRequest, String> {
    let enum_of = |name: &str, text: &str| -> Result<i32, String> {
        match name {
            "category" => text
                .parse::<Category>()
                .map(|c| pb::Category::from(c) as i32)
                .map_err(|e| format!("{name}: {e}")),
            _ => text
                .parse::<Purpose>()
                .map(|p| pb::Purpose::from(p) as i32)
                .map_err(|e| format!("{name}: {e}")),
        }
    };
    let mut subjects = Vec::new();
    let kinds: Vec<&str> = fields.all("subject_kind").collect();
    let roles: Vec<&str> = fields.all("subject_role").collect();
    let values: Vec<&str> = fields.all("subject_value").collect();
    for (i, value) in values.iter().enumerate() {
        if value.trim().is_empty() {
            continue;
        }
        let kind = kinds.get(i).copied().unwrap_or("");
        let parsed = subject_text::parse(kind, value.trim())
            .map_err(|rule| format!("subject {}: {rule}", i + 1))?;
        let role = roles
            .get(i)
            .and_then(|r| r.parse::<SubjectRole>().ok())
            .map_or(pb::SubjectRole::Unspecified, pb::SubjectRole::from);
        subjects.push(pb::Subject {
            kind: Some(parsed),
            role: role as i32,
        });
    }
    let victim_name = fields.get("victim_name").trim();
    if !victim_name.is_empty() {
        subjects.push(pb::Subject {
            kind: Some(pb::subject::Kind::Person(pb::Person {
                full_name: victim_name.to_string(),
                date_of_birth: fields.get("victim_birth").trim().to_string(),
                nationality: fields.get("victim_nationality").trim().to_string(),
                document_number: String::new(),
                indicators: fields.all("indicator").map(str::to_string).collect(),
            })),
            role: pb::SubjectRole::PossibleVictim as i32,
        });
    }
    let mut subjects = subjects.into_iter();
    let first = subjects.next();
    let offences: Vec<String> = fields.all("offence").map(str::to_string).collect();
    let days: i64 = fields
        .get("deadline_days")
        .trim()
        .parse()
        .ok()
        .filter(|d| (1..=365).contains(d))
        .ok_or("deadline_days: must be a whole number of days from 1 to 365")?;
    Ok(pb::NewRequest {
        to_country: fields.get("to").to_string(),
        category: enum_of("category", fields.get("category"))?,
        purpose: enum_of("purpose", fields.get("purpose"))?,
        offence_code: offences.first().cloned().unwrap_or_default(),
        more_offence_codes: offences.iter().skip(1).cloned().collect(),
        subject: first,
        more_subjects: subjects.collect(),
        case_reference: fields.get("case_reference").trim().to_string(),
        summary: fields.get("summary").to_string(),
        summary_language: fields.get("summary_language").to_string(),
        deadline_unix_ms: crate::exchange::now_ms() + days * 86_400_000,
        requested_fields: fields
            .get("requested_fields")
            .split(',')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect(),
        legal_bases: fields.all("legal_basis").map(str::to_string).collect(),
        legal_basis_reference: fields.get("legal_basis_reference").trim().to_string(),
        follow_up_hit: fields.get("follow_up").trim().to_string(),
        follow_up_record: fields.get("follow_up_record").trim().parse().unwrap_or(0),
        ..Default::default()
    })
}

/// The notice of the form as the follow-up of a hit: where the hit was
/// found (from `Hits.GetHit`), or why the hit is not there to follow up.
async fn follow_up_notice(console: &Console, person: &Person, fields: &Fields) -> Option<Markup> {
    let hit_id = fields.get("follow_up").trim();
    if hit_id.is_empty() {
        return None;
    }
    let reference = pb::HitRef {
        hit_id: hit_id.to_string(),
    };
    let hit = match console
        .hits
        .get_hit(as_person(&person.active.user, reference))
        .await
    {
        Ok(hit) => hit.into_inner(),
        Err(status) => return Some(html! { p.notice role="alert" { (status.message()) } }),
    };
    let index: usize = fields.get("follow_up_record").parse().unwrap_or(0);
    let record = hit.records.get(index).cloned().unwrap_or_default();
    let text = console.i18n.text(
        person.tag(),
        "hits-follow-up-notice",
        Some(&super::i18n::args(&[
            ("agency", record.agency.into()),
            ("list", record.list.into()),
            ("reference", record.reference.into()),
            ("peer", hit.peer.into()),
        ])),
    );
    Some(html! { p.notice.ok role="status" { (text) } })
}

/// The form, filled with what was sent (after a preview or a refusal).
fn form_page(
    console: &Console,
    person: &Person,
    fields: &Fields,
    follow_up: Option<Markup>,
    notice: Option<Markup>,
) -> Response {
    let frame = person.frame(console);
    let t = |id: &str| frame.t(id);
    let chosen = |name: &str, value: &str| fields.all(name).any(|v| v == value);
    let peers: Vec<String> = console
        .exchange
        .config()
        .peers
        .keys()
        .map(|c| c.to_string())
        .collect();
    let kinds: Vec<&str> = fields.all("subject_kind").collect();
    let roles: Vec<&str> = fields.all("subject_role").collect();
    let values: Vec<&str> = fields.all("subject_value").collect();
    let deadline = match fields.get("deadline_days") {
        "" => "14",
        days => days,
    };
    let body = html! {
        @if let Some(follow_up) = follow_up { (follow_up) }
        @if let Some(notice) = notice { (notice) }
        form.card method="post" action="/requests/new" {
            input type="hidden" name="csrf" value=(person.active.session.csrf);
            @if !fields.get("follow_up").is_empty() {
                input type="hidden" name="follow_up" value=(fields.get("follow_up"));
                input type="hidden" name="follow_up_record" value=(fields.get("follow_up_record"));
            }
            label for="to" { (t("field-to")) }
            select #to name="to" required {
                @for peer in &peers { option value=(peer) selected[chosen("to", peer)] { (peer) } }
            }
            label for="category" { (t("field-category")) }
            select #category name="category" required {
                @for c in Category::ALL {
                    option value=(c.as_str()) selected[chosen("category", c.as_str())] { (code(&frame, "category", c.as_str())) }
                }
            }
            label for="purpose" { (t("field-purpose")) }
            select #purpose name="purpose" required {
                @for p in Purpose::ALL {
                    option value=(p.as_str()) selected[chosen("purpose", p.as_str())] { (code(&frame, "purpose", p.as_str())) }
                }
            }
            label for="offence" { (t("field-offences")) }
            select #offence name="offence" multiple size="6" required {
                @for entry in liaison_proto::iccs::entries() {
                    option value=(entry.code) selected[chosen("offence", entry.code)] { (entry.code) " " (code(&frame, "iccs", entry.code)) }
                }
            }
            fieldset.checks {
                legend { (t("field-legal-basis")) }
                @for (basis, _) in liaison_proto::legal::LEGAL_BASES {
                    label { input type="checkbox" id=(format!("legal_basis_{basis}")) name="legal_basis" value=(basis) checked[chosen("legal_basis", basis)]; " " (code(&frame, "legal", basis)) }
                }
            }
            label for="legal_basis_reference" { (t("field-legal-basis-reference")) }
            input #legal_basis_reference name="legal_basis_reference" value=(fields.get("legal_basis_reference"));
            label for="case_reference" { (t("field-case-reference")) }
            input #case_reference name="case_reference" value=(fields.get("case_reference"));
            @for i in 0..SUBJECT_ROWS {
                fieldset.inline {
                    legend { (frame.console.i18n.text(frame.language.tag, "subject-n", Some(&super::i18n::args(&[("n", (i + 1).into())])))) }
                    label for=(format!("subject_kind_{i}")) { (t("field-subject-kind")) }
                    select id=(format!("subject_kind_{i}")) name="subject_kind" {
                        @for (kind, _) in TEXT_KINDS {
                            option value=(kind) selected[kinds.get(i) == Some(kind)] { (code(&frame, "text-kind", kind)) }
                        }
                    }
                    label for=(format!("subject_role_{i}")) { (t("field-subject-role")) }
                    select id=(format!("subject_role_{i}")) name="subject_role" {
                        @for role in SubjectRole::ALL {
                            option value=(role.as_str()) selected[roles.get(i) == Some(&role.as_str())] { (code(&frame, "subject-role", role.as_str())) }
                        }
                    }
                    label for=(format!("subject_value_{i}")) { (t("field-subject-value")) }
                    input id=(format!("subject_value_{i}")) name="subject_value" value=(values.get(i).copied().unwrap_or(""));
                }
            }
            p.hint { @for (kind, form) in TEXT_KINDS { (code(&frame, "text-kind", kind)) ": " (form) br; } }
            fieldset {
                legend { (t("field-possible-victim")) }
                label for="victim_name" { (t("field-victim-name")) }
                input #victim_name name="victim_name" value=(fields.get("victim_name"));
                label for="victim_birth" { (t("field-victim-birth")) }
                input #victim_birth name="victim_birth" placeholder="YYYY-MM-DD" value=(fields.get("victim_birth"));
                label for="victim_nationality" { (t("field-victim-nationality")) }
                input #victim_nationality name="victim_nationality" placeholder="VNM" value=(fields.get("victim_nationality"));
                div.checks {
                    p { (t("field-indicators")) }
                    @for (indicator, _, _) in liaison_proto::victims::INDICATORS {
                        label { input type="checkbox" name="indicator" value=(indicator) checked[chosen("indicator", indicator)]; " " (code(&frame, "indicator", indicator)) }
                    }
                }
            }
            label for="requested_fields" { (t("field-fields")) }
            input #requested_fields name="requested_fields" value=(fields.get("requested_fields")) aria-describedby="fields-hint";
            p #fields-hint .hint { (t("field-fields-hint")) }
            label for="summary" { (t("field-summary")) }
            textarea #summary name="summary" required maxlength="4000" { (fields.get("summary")) }
            label for="summary_language" { (t("field-summary-language")) }
            select #summary_language name="summary_language" {
                @for (language, _) in console.i18n.languages() {
                    option value=(language.tag) lang=(language.tag) selected[fields.get("summary_language") == language.tag || (fields.get("summary_language").is_empty() && language.tag == frame.language.tag)] { (language.autonym) }
                }
            }
            label for="deadline_days" { (t("field-deadline-days")) }
            input #deadline_days name="deadline_days" type="number" min="1" max="365" value=(deadline);
            div.inline {
                button.secondary type="submit" name="action" value="preview" { (t("preview")) }
                button type="submit" name="action" value="send" { (t("send")) }
            }
        }
    };
    frame
        .page(&frame.t("new-request-title"), body)
        .into_response()
}

/// `?follow_up=HIT_ID[&record=N]`: the form as the follow-up of a hit.
#[derive(Debug, serde::Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    follow_up: Option<String>,
    #[serde(default)]
    record: Option<u32>,
}

pub async fn new_form(
    State(console): State<Console>,
    person: Person,
    Query(query): Query<NewQuery>,
) -> Response {
    if let Some(refused) = person.require(&console, focal, "submit requests").await {
        return refused;
    }
    let mut fields = Fields::default();
    if let Some(hit_id) = query.follow_up.filter(|id| !id.trim().is_empty()) {
        fields.0.push(("follow_up".into(), hit_id.clone()));
        fields.0.push((
            "follow_up_record".into(),
            query.record.unwrap_or(0).to_string(),
        ));
        // The request goes to the hit's country: chosen in the form.
        let reference = pb::HitRef { hit_id };
        if let Ok(hit) = console
            .hits
            .get_hit(as_person(&person.active.user, reference))
            .await
        {
            fields.0.push(("to".into(), hit.into_inner().peer));
        }
    }
    let follow_up = follow_up_notice(&console, &person, &fields).await;
    form_page(&console, &person, &fields, follow_up, None)
}

/// Previews the agreements' decision (this node's and the peer's), or
/// sends the request.
pub async fn submit(
    State(console): State<Console>,
    person: Person,
    axum::extract::Form(fields): axum::extract::Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if let Some(refused) = person.check_csrf(&console, &fields) {
        return refused;
    }
    if let Some(refused) = person.require(&console, focal, "submit requests").await {
        return refused;
    }
    let tag = person.tag();
    let follow_up = follow_up_notice(&console, &person, &fields).await;
    let request = match new_request(&fields) {
        Ok(request) => request,
        Err(problem) => {
            let notice = html! { p.notice role="alert" { (problem) } };
            let mut response = form_page(&console, &person, &fields, follow_up, Some(notice));
            *response.status_mut() = axum::http::StatusCode::BAD_REQUEST;
            return response;
        }
    };
    if fields.get("action") != "send" {
        let query = pb::PolicyQuery {
            from_country: String::new(),
            to_country: request.to_country.clone(),
            category: request.category,
            purpose: request.purpose,
            legal_bases: request.legal_bases.clone(),
        };
        let notice = match console
            .admin
            .check_policy(as_person(&person.active.user, query))
            .await
        {
            Ok(check) => {
                let check = check.into_inner();
                let mut reasons: Vec<String> = Vec::new();
                for decision in check.local.iter().chain(check.peer.iter()) {
                    reasons.push(format!(
                        "{}: {}",
                        decision.decided_by,
                        if decision.allowed {
                            decision.rule.clone()
                        } else {
                            decision.reason.clone()
                        }
                    ));
                }
                if !check.peer_error.is_empty() {
                    reasons.push(check.peer_error.clone());
                }
                let detail = reasons.join("; ");
                let args = super::i18n::args(&[("detail", detail.into())]);
                if check.allowed {
                    html! { p.notice.ok role="status" { (console.i18n.text(tag, "dry-run-allowed", Some(&args))) } }
                } else {
                    html! { p.notice role="alert" { (console.i18n.text(tag, "dry-run-denied", Some(&args))) } }
                }
            }
            Err(status) => html! { p.notice role="alert" { (status.message()) } },
        };
        return form_page(&console, &person, &fields, follow_up, Some(notice));
    }
    match console
        .focal
        .submit(as_person(&person.active.user, request))
        .await
    {
        Ok(view) => {
            let id = view
                .into_inner()
                .request
                .map(|r| r.request_id)
                .unwrap_or_default();
            axum::response::Redirect::to(&format!("/requests/{id}")).into_response()
        }
        Err(status) => {
            let notice = html! { p.notice role="alert" { (status.message()) } };
            (
                axum::http::StatusCode::BAD_REQUEST,
                form_page(&console, &person, &fields, follow_up, Some(notice)),
            )
                .into_response()
        }
    }
}
