//! One request as a page shows it, for the focal point who sent it and the
//! agency officer who answers it: the victim notice first, then the facts,
//! the subjects, the summary as sent, the timeline, the answer and the
//! receipt.

use liaison_proto::domain::InformationRequest;
use liaison_proto::pb;
use maud::{Markup, html};

use super::layout::{Frame, free_text};

/// A code of list `list` in the page's language: its translation when the
/// message files have one, the code itself otherwise.
pub fn code(frame: &Frame<'_>, list: &str, code: &str) -> String {
    let id = format!("{list}-{code}");
    if frame.console.i18n.has(frame.language.tag, &id) {
        frame.t(&id)
    } else {
        code.to_string()
    }
}

pub fn category_name(value: i32) -> &'static str {
    pb::Category::try_from(value).map_or("?", |c| c.as_str_name())
}

pub fn status_name(value: i32) -> &'static str {
    pb::RequestStatus::try_from(value).map_or("?", |s| s.as_str_name())
}

/// Whether the request's status is final.
pub fn is_final(view: &pb::RequestView) -> bool {
    liaison_proto::convert::status("status", view.status).is_ok_and(|s| s.is_final())
}

/// The domain form of a view's request, if it still decodes (a purged one
/// may not).
pub fn domain(view: &pb::RequestView) -> Option<InformationRequest> {
    view.request
        .as_ref()
        .and_then(|r| InformationRequest::try_from(r).ok())
}

/// Time left until `deadline` in words ("3 days", "5 hours", "overdue").
pub fn time_left(frame: &Frame<'_>, deadline_unix_ms: i64, now_ms: i64) -> String {
    let left = deadline_unix_ms - now_ms;
    if left <= 0 {
        return frame.t("overdue");
    }
    let hours = left / 3_600_000;
    let i18n = &frame.console.i18n;
    if hours >= 48 {
        let args = super::i18n::args(&[("days", ((hours + 23) / 24).into())]);
        i18n.text(frame.language.tag, "time-left-days", Some(&args))
    } else {
        let args = super::i18n::args(&[("hours", hours.max(1).into())]);
        i18n.text(frame.language.tag, "time-left-hours", Some(&args))
    }
}

/// A subject's identifying fields, as a definition list (every value
/// escaped; personal data, shown only to those the API lets see it).
fn subject(
    frame: &Frame<'_>,
    role: &str,
    subject: &liaison_proto::domain::Subject,
    n: usize,
) -> Markup {
    let title = frame.console.i18n.text(
        frame.language.tag,
        "subject-n",
        Some(&super::i18n::args(&[("n", (n + 1).into())])),
    );
    let fields: Vec<(String, String)> = match serde_json::to_value(subject) {
        Ok(serde_json::Value::Object(map)) => map
            .into_iter()
            .flat_map(|(_, inner)| match inner {
                serde_json::Value::Object(fields) => fields
                    .into_iter()
                    // Indicators are shown with the victim notice.
                    .filter(|(k, v)| !v.is_null() && v != "" && k != "indicators")
                    .map(|(k, v)| {
                        let text = match v {
                            serde_json::Value::String(s) => s,
                            other => other.to_string(),
                        };
                        (k, text)
                    })
                    .collect::<Vec<_>>(),
                _ => Vec::new(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let kind = subject.subject_kind().map_or("PURGED", |k| k.as_str());
    html! {
        section.card.subject {
            h3 { (title) ": " (code(frame, "subject-kind", kind)) " · " (code(frame, "subject-role", role)) }
            dl.facts {
                @for (name, value) in fields {
                    dt { (name) }
                    dd { bdi { (value) } }
                }
            }
        }
    }
}

/// The whole request.
/// The whole request, with the positions of this node's audit entries
/// about it (index, event).
pub fn request(frame: &Frame<'_>, view: &pb::RequestView, positions: &[(u64, String)]) -> Markup {
    let Some(r) = domain(view) else {
        return html! { p.notice { (status_name(view.status)) } };
    };
    let now = crate::exchange::now_ms();
    let i18n = &frame.console.i18n;
    let tag = frame.language.tag;
    html! {
        @if r.concerns_possible_victim() {
            @let provision = r.non_punishment.as_ref().map_or(String::new(), |n| {
                if n.reference.is_empty() { code(frame, "non-punishment", &n.provision) } else { format!("{}: {}", code(frame, "non-punishment", &n.provision), n.reference) }
            });
            p.victim role="alert" {
                (i18n.text(tag, "victim-notice", Some(&super::i18n::args(&[("provision", provision.into())]))))
            }
            @let indicators = r.victim_indicators();
            @if !indicators.is_empty() {
                ul { @for indicator in indicators { li { (code(frame, "indicator", indicator)) } } }
            }
        }
        @if let Some(dc) = &view.dual_criminality {
            @let status = pb::dual_criminality::Status::try_from(dc.status).map_or("?", |s| s.as_str_name());
            p.notice {
                (i18n.text(tag, "dual-criminality", Some(&super::i18n::args(&[("indication", status.into())]))))
            }
        }
        section.card {
            dl.facts {
                dt { (frame.t("col-status")) } dd { (code(frame, "status", status_name(view.status))) }
                dt { (frame.t("col-to")) } dd { (r.from_country.as_str()) " → " (r.to_country.as_str()) }
                dt { (frame.t("col-category")) } dd { (code(frame, "category", r.category.as_str())) }
                dt { (frame.t("field-purpose")) } dd { (code(frame, "purpose", r.purpose.as_str())) }
                dt { (frame.t("field-offences")) } dd {
                    @for offence in &r.offence_codes {
                        (offence.as_str()) " " (code(frame, "iccs", offence.as_str())) br;
                    }
                }
                @if !r.legal_bases.is_empty() {
                    dt { (frame.t("field-legal-basis")) } dd {
                        @for basis in &r.legal_bases { (code(frame, "legal", basis)) br; }
                        @if !r.legal_basis_reference.is_empty() { bdi { (r.legal_basis_reference) } }
                    }
                }
                @if !r.case_reference.is_empty() {
                    dt { (frame.t("col-case")) } dd { bdi { (r.case_reference) } }
                }
                @if let Some(hit) = &r.hit {
                    dt { (frame.t("request-hit")) }
                    dd { (i18n.text(tag, "hits-listing", Some(&super::i18n::args(&[("agency", hit.agency.clone().into()), ("list", hit.list.clone().into()), ("reference", hit.reference.clone().into())])))) }
                }
                dt { (frame.t("col-deadline")) } dd { (i18n.date_time(tag, r.deadline_unix_ms)) " (" (time_left(frame, r.deadline_unix_ms, now)) ")" }
                @if !r.requested_fields.is_empty() {
                    dt { (frame.t("field-fields")) } dd { (r.requested_fields.join(", ")) }
                }
            }
        }
        @for (i, (role, s)) in r.subjects().enumerate() {
            (subject(frame, role.as_str(), s, i))
        }
        section.card {
            h2 { (frame.t("field-summary")) }
            (free_text(frame, &r.summary, &r.summary_language))
        }
        (answer(frame, view))
        section.card {
            h2 { (frame.t("timeline")) }
            ol {
                @for change in &view.history {
                    li { (i18n.date_time(tag, change.at_unix_ms)) " · " (code(frame, "status", status_name(change.status))) @if !change.note.is_empty() { " · " bdi { (change.note) } } }
                }
            }
            @if !positions.is_empty() {
                h3 { (frame.t("audit-positions")) }
                ul { @for (index, event) in positions { li { "#" (index) " " code { (event) } } } }
            }
            @if let Some(receipt) = &view.receipt {
                h3 { (frame.t("receipts")) }
                p { (receipt.receiver) " · " (i18n.date_time(tag, receipt.received_unix_ms)) " · " (frame.t("audit-positions")) " " (receipt.audit_index) }
            }
            @if !view.envelope_hash.is_empty() {
                p.hint { "SHA-256 " code { (view.envelope_hash) } }
            }
        }
    }
}

fn answer(frame: &Frame<'_>, view: &pb::RequestView) -> Markup {
    let i18n = &frame.console.i18n;
    let tag = frame.language.tag;
    let Some(answer) = &view.answer else {
        return html! {};
    };
    html! {
        section.card {
            h2 { (frame.t("answer")) }
            @match &answer.outcome {
                Some(pb::answer::Outcome::Released(released)) => {
                    @let handling = pb::HandlingCode::try_from(released.handling).map_or("?", |h| h.as_str_name());
                    p { (frame.t("handling")) ": " (code(frame, "handling", handling)) " · " (i18n.text(tag, "retention", Some(&super::i18n::args(&[("days", released.retention_days.into())])))) }
                    h3 { (frame.t("fields-released")) }
                    div.table-wrap { table {
                        thead { tr { th { "#" } th { (frame.t("field-fields")) } th { (frame.t("field-value")) } } }
                        tbody { @for field in &released.fields {
                            tr { td { (field.subject + 1) } td { (field.name) } td { bdi { (field.value) } } }
                        } }
                    } }
                    @if !released.redacted_fields.is_empty() {
                        p { (frame.t("fields-redacted")) ": " (released.redacted_fields.join(", ")) }
                    }
                    @if !released.remarks.is_empty() { (free_text(frame, &released.remarks, "")) }
                }
                Some(pb::answer::Outcome::Refusal(refusal)) => {
                    @let reason = pb::RefusalReason::try_from(refusal.reason).map_or("?", |r| r.as_str_name());
                    p.notice { (i18n.text(tag, "refused-because", Some(&super::i18n::args(&[("reason", code(frame, "refusal", reason).into())])))) }
                }
                None => {}
            }
        }
    }
}
