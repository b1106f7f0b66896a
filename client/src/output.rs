//! How the CLI shows results: aligned tables and a detail view for people;
//! for scripts (`--json`), JSON Lines: one compact JSON object per line and
//! per record (a request, a peer, an agreement, a policy check, a
//! comparison), so a list is one line per record and a stream one line per
//! update. README's "Using the CLI" section documents each shape.
//!
//! Everything is written to the `Printer`'s writer and every write's error
//! is returned, so that a reader that goes away (`liaison … | head`) ends
//! the command quietly instead of panicking.

use std::io::{self, Write};

use liaison_proto::domain::Category;
use liaison_proto::pb;
use serde_json::{Value, json};

/// Writes results for people, or JSON Lines with `json`.
#[derive(Debug)]
pub struct Printer<W> {
    pub json: bool,
    pub out: W,
}

fn status(raw: i32) -> &'static str {
    pb::RequestStatus::try_from(raw)
        .map(|s| s.as_str_name())
        .unwrap_or("UNKNOWN")
}

fn category(raw: i32) -> &'static str {
    pb::Category::try_from(raw)
        .map(|c| c.as_str_name())
        .unwrap_or("UNKNOWN")
}

fn purpose(raw: i32) -> &'static str {
    pb::Purpose::try_from(raw)
        .map(|p| p.as_str_name())
        .unwrap_or("UNKNOWN")
}

fn handling(raw: i32) -> &'static str {
    pb::HandlingCode::try_from(raw)
        .map(|h| h.as_str_name())
        .unwrap_or("UNKNOWN")
}

/// The purposes of a rule for the table: `any` when it lists them all,
/// else the names, wrapped.
fn rule_purposes(raw: &[i32]) -> Vec<String> {
    let names: Vec<&str> = raw.iter().map(|p| purpose(*p)).collect();
    let every = liaison_proto::domain::Purpose::ALL
        .iter()
        .all(|p| names.contains(&p.as_str()));
    if every {
        vec!["any".to_string()]
    } else {
        wrap(&names, ", ", 28)
    }
}

/// The fields a rule releases, for the table: `none`, `every field (N)` when it
/// releases every field of its category, else the names, wrapped.
fn released_fields(raw_category: i32, release: &[String]) -> Vec<String> {
    let catalogue = category(raw_category)
        .parse::<Category>()
        .map(Category::response_fields)
        .unwrap_or_default();
    if release.is_empty() {
        vec!["none".to_string()]
    } else if !catalogue.is_empty() && catalogue.iter().all(|f| release.iter().any(|r| r == f)) {
        vec![format!("every field ({})", catalogue.len())]
    } else {
        wrap(release, ", ", 40)
    }
}

/// A rule's narrower list for one subject kind, for the table: `KIND
/// only: a, b` (wrapped), or `KIND: none`.
fn kind_release(k: &pb::KindRelease) -> Vec<String> {
    if k.fields.is_empty() {
        return vec![format!("{}: none", k.kind)];
    }
    let mut lines = wrap(&k.fields, ", ", 40);
    lines.insert(0, format!("{} only:", k.kind));
    lines
}

/// Joins `items` with `separator` into lines of at most `width` characters
/// (an item longer than that gets a line of its own); a line that goes on
/// below ends with the separator's mark, so it reads as unfinished.
pub fn wrap<S: AsRef<str>>(items: &[S], separator: &str, width: usize) -> Vec<String> {
    let mark = separator.trim_end();
    let mut lines = Vec::new();
    let mut line = String::new();
    for item in items {
        let item = item.as_ref();
        if line.is_empty() {
            line.push_str(item);
        } else if line.chars().count() + separator.chars().count() + item.chars().count() <= width {
            line.push_str(separator);
            line.push_str(item);
        } else {
            line.push_str(mark);
            lines.push(std::mem::take(&mut line));
            line.push_str(item);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// How a column's text is placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table for people: each column as wide as its widest line, cells of
/// several lines (wrapped lists) kept side by side.
#[derive(Debug)]
pub struct Table {
    headers: Vec<(&'static str, Align)>,
    rows: Vec<Vec<Vec<String>>>,
}

impl Table {
    pub fn new(headers: &[(&'static str, Align)]) -> Table {
        Table {
            headers: headers.to_vec(),
            rows: Vec::new(),
        }
    }

    /// Adds a row: one cell per column, each cell its lines.
    pub fn row(&mut self, cells: Vec<Vec<String>>) {
        self.rows.push(cells);
    }

    /// Writes the table, each line starting with `indent`.
    pub fn write(&self, out: &mut impl Write, indent: &str) -> io::Result<()> {
        let widths: Vec<usize> = self
            .headers
            .iter()
            .enumerate()
            .map(|(column, (header, _))| {
                self.rows
                    .iter()
                    .filter_map(|row| row.get(column))
                    .flatten()
                    .map(|line| line.chars().count())
                    .chain([header.chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |out: &mut dyn Write, cells: &[&str]| -> io::Result<()> {
            let mut text = indent.to_string();
            for (column, ((_, align), width)) in self.headers.iter().zip(&widths).enumerate() {
                let cell = cells.get(column).copied().unwrap_or("");
                if column > 0 {
                    text.push_str("  ");
                }
                match align {
                    Align::Left => text.push_str(&format!("{cell:<width$}")),
                    Align::Right => text.push_str(&format!("{cell:>width$}")),
                }
            }
            writeln!(out, "{}", text.trim_end())
        };
        let headers: Vec<&str> = self.headers.iter().map(|(h, _)| *h).collect();
        line(out, &headers)?;
        for row in &self.rows {
            let height = row.iter().map(Vec::len).max().unwrap_or(0);
            for i in 0..height {
                let cells: Vec<&str> = row
                    .iter()
                    .map(|cell| cell.get(i).map_or("", String::as_str))
                    .collect();
                line(out, &cells)?;
            }
        }
        Ok(())
    }
}

fn agreement_json(a: &pb::AgreementView) -> Value {
    json!({
        "holder": a.holder,
        "peer": a.peer,
        "version": a.version,
        "hash": a.hash,
        "victim_data_agencies": a.victim_data_agencies.iter().map(|v| json!({
            "country": v.country,
            "agencies": v.agencies,
        })).collect::<Vec<_>>(),
        "rules": a.rules.iter().map(|r| json!({
            "number": r.number,
            "category": category(r.category),
            "flows": r.flows,
            "purposes": r.purposes.iter().map(|p| purpose(*p)).collect::<Vec<_>>(),
            "release": r.release,
            "release_by_kind": r.release_by_kind.iter()
                .map(|k| (k.kind.clone(), json!(k.fields)))
                .collect::<serde_json::Map<_, _>>(),
            "handling": handling(r.handling),
            "retention_days": r.retention_days,
            "daily_limit": r.daily_limit,
            "legal_bases": r.legal_bases,
            "require_dual_criminality": r.require_dual_criminality,
        })).collect::<Vec<_>>(),
    })
}

fn decision_json(d: &pb::PolicyDecision) -> Value {
    json!({
        "decided_by": d.decided_by,
        "allowed": d.allowed,
        "rule": d.rule,
        "reason": d.reason,
        "release": d.release,
        "handling": handling(d.handling),
        "retention_days": d.retention_days,
        "daily_limit": d.daily_limit,
        "used_today": d.used_today,
    })
}

fn direction(raw: i32) -> &'static str {
    match pb::Direction::try_from(raw) {
        Ok(pb::Direction::Outgoing) => "out",
        Ok(pb::Direction::Incoming) => "in",
        _ => "?",
    }
}

/// `YYYY-MM-DD HH:MM` UTC for Unix milliseconds.
pub fn time(unix_ms: i64) -> String {
    liaison_proto::time::format_minutes(unix_ms)
}

/// A subject in the words an officer reads: the one place subjects are
/// rendered for people (tables and detail views alike).
pub fn subject_text(subject: Option<&pb::Subject>) -> String {
    use pb::subject::Kind;
    let joined = |parts: Vec<String>| {
        parts
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match subject.and_then(|s| s.kind.as_ref()) {
        Some(Kind::Person(p)) => format!(
            "person {}",
            joined(vec![
                p.full_name.clone(),
                if p.date_of_birth.is_empty() {
                    String::new()
                } else {
                    format!("born {}", p.date_of_birth)
                },
                if p.nationality.is_empty() {
                    String::new()
                } else {
                    format!("nationality {}", p.nationality)
                },
                if p.document_number.is_empty() {
                    String::new()
                } else {
                    format!("document {}", p.document_number)
                },
                if p.indicators.is_empty() {
                    String::new()
                } else {
                    format!("indicators {}", p.indicators.join(" "))
                },
            ])
        ),
        Some(Kind::Phone(p)) => format!("phone {}", p.number),
        Some(Kind::Wallet(w)) => format!("wallet {} on {}", w.address, w.network),
        Some(Kind::Company(c)) => format!(
            "company {}",
            joined(vec![
                c.name.clone(),
                if c.registration_number.is_empty() {
                    String::new()
                } else {
                    format!("registration {}", c.registration_number)
                },
                if c.jurisdiction.is_empty() {
                    String::new()
                } else {
                    format!("registered in {}", c.jurisdiction)
                },
            ])
        ),
        Some(Kind::BankAccount(b)) => {
            let account = if b.iban.is_empty() {
                format!("bank account {} at {}", b.account_number, b.bic)
            } else {
                format!("bank account IBAN {}", b.iban)
            };
            joined(vec![
                account,
                if b.holder_name.is_empty() {
                    String::new()
                } else {
                    format!("holder {}", b.holder_name)
                },
            ])
        }
        Some(Kind::OnlineAccount(o)) => format!(
            "{} account {}",
            o.platform,
            joined(vec![
                o.handle.clone(),
                if o.user_id.is_empty() {
                    String::new()
                } else {
                    format!("id {}", o.user_id)
                },
            ])
        ),
        Some(Kind::Device(d)) => joined(vec![format!("device IMEI {}", d.imei), d.model.clone()]),
        Some(Kind::IdentityDocument(d)) => format!(
            "{} {} issued by {}",
            pb::DocumentType::try_from(d.r#type)
                .map(|t| t.as_str_name())
                .unwrap_or("document"),
            d.number,
            d.issuing_country
        ),
        Some(Kind::Vehicle(v)) => format!("vehicle {} ({})", v.plate, v.country),
        Some(Kind::IpAddress(i)) => {
            let address = if i.port == 0 {
                i.address.clone()
            } else if i.address.contains(':') {
                format!("[{}]:{}", i.address, i.port)
            } else {
                format!("{}:{}", i.address, i.port)
            };
            format!("IP {address} at {} UTC", time(i.observed_unix_ms))
        }
        None => "-".into(),
    }
}

/// The first subject, and how many more there are: for tables.
fn first_subject(r: &pb::InformationRequest) -> String {
    let first = subject_text(r.subject.as_ref());
    match r.more_subjects.len() {
        0 => first,
        n => format!("(+{n}) {first}"),
    }
}

/// A subject's role as an officer reads it, or `None` when not given.
fn role(subject: &pb::Subject) -> Option<&'static str> {
    match pb::SubjectRole::try_from(subject.role) {
        Ok(pb::SubjectRole::Suspect) => Some("suspect"),
        Ok(pb::SubjectRole::PossibleVictim) => Some("possible victim"),
        Ok(pb::SubjectRole::Witness) => Some("witness"),
        _ => None,
    }
}

/// Every subject of a request, each with its role: one line each.
pub fn subject_lines(r: &pb::InformationRequest) -> Vec<String> {
    r.subject
        .iter()
        .chain(&r.more_subjects)
        .map(|s| match role(s) {
            Some(role) => format!("{}  ({role})", subject_text(Some(s))),
            None => subject_text(Some(s)),
        })
        .collect()
}

/// `text` cut to at most `max` characters, with `…` where it was cut.
pub fn short(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// How long until `deadline_unix_ms`, or how long ago it passed.
pub fn time_left(deadline_unix_ms: i64, now_unix_ms: i64) -> String {
    let span = |ms: i64| {
        let minutes = ms / 60_000;
        let (days, hours, mins) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        if days > 0 {
            format!("{days}d {hours}h")
        } else if hours > 0 {
            format!("{hours}h {mins}m")
        } else {
            format!("{mins}m")
        }
    };
    if deadline_unix_ms > now_unix_ms {
        format!("{} left", span(deadline_unix_ms - now_unix_ms))
    } else {
        format!("passed {} ago", span(now_unix_ms - deadline_unix_ms))
    }
}

/// The request's legal bases, each with its title; the bilateral agreement
/// named after BILATERAL.
fn legal_bases(r: &pb::InformationRequest) -> Vec<String> {
    r.legal_bases
        .iter()
        .map(|code| {
            let title = liaison_proto::legal::title(code).unwrap_or("unknown basis");
            if code == "BILATERAL" {
                format!("{code} ({title}: {})", r.legal_basis_reference)
            } else {
                format!("{code} ({title})")
            }
        })
        .collect()
}

/// The non-punishment element, in words.
fn non_punishment(np: &pb::NonPunishment) -> String {
    let title = liaison_proto::legal::title(&np.provision).unwrap_or("unknown provision");
    let mut text = format!(
        "a possible victim of trafficking: not to be held liable for unlawful acts directly \
         related to the trafficking [{}: {title}]",
        np.provision
    );
    if !np.reference.is_empty() {
        text.push_str(&format!(" ({})", np.reference));
    }
    text
}

fn victim_status(raw: i32) -> &'static str {
    match pb::VictimStatus::try_from(raw) {
        Ok(pb::VictimStatus::Confirmed) => "CONFIRMED",
        Ok(pb::VictimStatus::Withdrawn) => "WITHDRAWN",
        _ => "UNKNOWN",
    }
}

/// The request's offences, each with its ICCS title where Liaison knows it.
fn offences(r: &pb::InformationRequest) -> Vec<String> {
    std::iter::once(&r.offence_code)
        .chain(&r.more_offence_codes)
        .map(|code| liaison_proto::iccs::describe(code))
        .collect()
}

/// `Criminal Code s. 312/1: Trafficking in persons (title)`: a national
/// offence's statute and English title, with the national title when it
/// differs.
fn national_offence_text(statute: &str, title: &str, title_en: &str) -> String {
    if title == title_en || title.is_empty() {
        format!("{statute}: {title_en}")
    } else {
        format!("{statute}: {title_en} ({title})")
    }
}

/// The status of a dual-criminality indication, e.g. `MET`.
fn dual_criminality_status(d: &pb::DualCriminality) -> &'static str {
    pb::dual_criminality::Status::try_from(d.status)
        .map(|s| s.as_str_name())
        .unwrap_or("UNKNOWN")
}

fn dual_criminality_json(d: &pb::DualCriminality) -> Value {
    json!({
        "status": dual_criminality_status(d),
        "request_code": (!d.request_code.is_empty()).then_some(&d.request_code),
        "matched": d.matched.iter().map(|m| json!({
            "statute": m.statute,
            "title": m.title,
            "title_en": m.title_en,
            "iccs_code": m.iccs_code,
        })).collect::<Vec<_>>(),
        "note": d.note,
    })
}

fn dry_run_json(d: &pb::AnswerDryRun) -> Value {
    json!({
        "released_fields": d.released_fields,
        "withheld_fields": d.withheld_fields,
        "subjects": d.subjects.iter().map(|s| json!({
            "subject": s.subject,
            "role": role_name(s.role),
            "kind": s.kind,
            "released_fields": s.released_fields,
            "withheld_fields": s.withheld_fields,
        })).collect::<Vec<_>>(),
        "handling": handling(d.handling),
        "retention_days": d.retention_days,
        "rule": d.rule,
        "problem": (!d.problem.is_empty()).then_some(&d.problem),
    })
}

fn subject(subject: Option<&pb::Subject>) -> Value {
    use pb::subject::Kind;
    match subject.and_then(|s| s.kind.as_ref()) {
        Some(Kind::Person(p)) => {
            json!({"person": {"full_name": p.full_name, "date_of_birth": p.date_of_birth, "nationality": p.nationality, "document_number": p.document_number, "indicators": p.indicators}})
        }
        Some(Kind::Phone(p)) => json!({"phone": {"number": p.number}}),
        Some(Kind::Wallet(w)) => json!({"wallet": {"network": w.network, "address": w.address}}),
        Some(Kind::Company(c)) => {
            json!({"company": {"name": c.name, "registration_number": c.registration_number, "jurisdiction": c.jurisdiction}})
        }
        Some(Kind::BankAccount(b)) => {
            json!({"bank_account": {"iban": b.iban, "account_number": b.account_number, "bic": b.bic, "holder_name": b.holder_name}})
        }
        Some(Kind::OnlineAccount(o)) => {
            json!({"online_account": {"platform": o.platform, "handle": o.handle, "user_id": o.user_id}})
        }
        Some(Kind::Device(d)) => json!({"device": {"imei": d.imei, "model": d.model}}),
        Some(Kind::IdentityDocument(d)) => json!({"identity_document": {
            "type": pb::DocumentType::try_from(d.r#type).map(|t| t.as_str_name()).unwrap_or("UNKNOWN"),
            "number": d.number,
            "issuing_country": d.issuing_country,
        }}),
        Some(Kind::Vehicle(v)) => json!({"vehicle": {"plate": v.plate, "country": v.country}}),
        Some(Kind::IpAddress(i)) => json!({"ip_address": {
            "address": i.address,
            "observed_unix_ms": i.observed_unix_ms,
            "port": (i.port != 0).then_some(i.port),
        }}),
        None => Value::Null,
    }
}

/// A subject role's name; unset (or not known to this CLI) reads UNKNOWN.
fn role_name(raw: i32) -> &'static str {
    pb::SubjectRole::try_from(raw)
        .ok()
        .filter(|r| *r != pb::SubjectRole::Unspecified)
        .map_or("UNKNOWN", |r| r.as_str_name())
}

/// A subject with its role, for `subjects` in JSON.
fn subject_with_role(s: &pb::Subject) -> Value {
    let mut value = subject(Some(s));
    if let Value::Object(map) = &mut value {
        map.insert("role".into(), json!(role_name(s.role)));
    }
    value
}

/// A subject's kind as agreements name it (`WALLET`, `BANK_ACCOUNT`, …).
fn kind_name(s: &pb::Subject) -> Option<&'static str> {
    use liaison_proto::domain::SubjectKind as K;
    use pb::subject::Kind;
    Some(
        match s.kind.as_ref()? {
            Kind::Person(_) => K::Person,
            Kind::Phone(_) => K::Phone,
            Kind::Wallet(_) => K::Wallet,
            Kind::Company(_) => K::Company,
            Kind::BankAccount(_) => K::BankAccount,
            Kind::OnlineAccount(_) => K::OnlineAccount,
            Kind::Device(_) => K::Device,
            Kind::IdentityDocument(_) => K::IdentityDocument,
            Kind::Vehicle(_) => K::Vehicle,
            Kind::IpAddress(_) => K::IpAddress,
        }
        .as_str(),
    )
}

/// How an answer names subject `position` of request `r`: `subject 1
/// (WALLET, suspect)`; only the position once the request is purged.
fn subject_heading(r: &pb::InformationRequest, position: u32) -> String {
    let subject = r
        .subject
        .iter()
        .chain(&r.more_subjects)
        .nth(position as usize);
    let about: Vec<&str> = subject
        .map(|s| kind_name(s).into_iter().chain(role(s)).collect())
        .unwrap_or_default();
    if about.is_empty() {
        format!("subject {position}")
    } else {
        format!("subject {position} ({})", about.join(", "))
    }
}

fn answer(answer: Option<&pb::Answer>) -> Value {
    let Some(a) = answer else { return Value::Null };
    let outcome = match &a.outcome {
        Some(pb::answer::Outcome::Released(r)) => json!({
            "released": {
                "fields": r.fields.iter().map(|f| json!({"subject": f.subject, "name": f.name, "value": f.value})).collect::<Vec<_>>(),
                "remarks": r.remarks,
                "handling": handling(r.handling),
                "retention_days": r.retention_days,
                "redacted_fields": r.redacted_fields,
                "rule": r.rule,
            }
        }),
        Some(pb::answer::Outcome::Refusal(r)) => json!({
            "refusal": {
                "reason": pb::RefusalReason::try_from(r.reason).map(|r| r.as_str_name()).unwrap_or("UNKNOWN"),
                "explanation": r.explanation,
                "rule": r.rule,
            }
        }),
        None => Value::Null,
    };
    json!({
        "from_country": a.from_country,
        "agency": a.agency,
        "answered_unix_ms": a.answered_unix_ms,
        "outcome": outcome,
    })
}

/// The JSON form of a request view.
pub fn to_json(view: &pb::RequestView) -> Value {
    let r = view.request.clone().unwrap_or_default();
    json!({
        "request_id": r.request_id,
        "direction": direction(view.direction),
        "status": status(view.status),
        "from_country": r.from_country,
        "to_country": r.to_country,
        "category": category(r.category),
        "purpose": purpose(r.purpose),
        "offence_code": r.offence_code,
        "more_offence_codes": r.more_offence_codes,
        "accepted_handling": (r.accepted_handling != 0).then(|| handling(r.accepted_handling)),
        "max_retention_days": (r.max_retention_days != 0).then_some(r.max_retention_days),
        "subject": subject(r.subject.as_ref()),
        "subjects": r.subject.iter().chain(&r.more_subjects).map(subject_with_role).collect::<Vec<_>>(),
        "case_reference": (!r.case_reference.is_empty()).then_some(&r.case_reference),
        "case_id": (!r.case_id.is_empty()).then_some(&r.case_id),
        "legal_bases": r.legal_bases,
        "legal_basis_reference": (!r.legal_basis_reference.is_empty()).then_some(&r.legal_basis_reference),
        "non_punishment": r.non_punishment.as_ref().map(|n| json!({
            "provision": n.provision,
            "reference": (!n.reference.is_empty()).then_some(&n.reference),
        })),
        "victim_status": (r.victim_status != 0).then(|| victim_status(r.victim_status)),
        "follows_request_id": (!r.follows_request_id.is_empty()).then_some(&r.follows_request_id),
        "summary": r.summary,
        "requested_by": r.requested_by,
        "created_unix_ms": r.created_unix_ms,
        "deadline_unix_ms": r.deadline_unix_ms,
        "requested_fields": r.requested_fields,
        "national_offence": r.national_offence.as_ref().map(|o| json!({
            "statute": o.statute,
            "title": o.title,
            "title_en": o.title_en,
        })),
        "dual_criminality": view.dual_criminality.as_ref().map(dual_criminality_json),
        "dual_criminality_decision": view.dual_criminality_decision.as_ref().map(|d| json!({
            "by": d.by,
            "at_unix_ms": d.at_unix_ms,
            "rule": d.rule,
            "reason": d.reason,
        })),
        "agency": view.agency,
        "envelope_hash": view.envelope_hash,
        "receipt": view.receipt.as_ref().map(|rc| json!({
            "receiver": rc.receiver,
            "received_unix_ms": rc.received_unix_ms,
            "audit_index": rc.audit_index,
            "key_id": rc.key_id,
        })),
        "answer": answer(view.answer.as_ref()),
        "purged_unix_ms": (view.purged_unix_ms != 0).then_some(view.purged_unix_ms),
        "delivery_error": (!view.delivery_error.is_empty()).then_some(&view.delivery_error),
        "history": view.history.iter().map(|h| json!({
            "status": status(h.status),
            "at_unix_ms": h.at_unix_ms,
            "note": h.note,
        })).collect::<Vec<_>>(),
    })
}

fn peer(view: &pb::RequestView) -> String {
    let r = view.request.clone().unwrap_or_default();
    match pb::Direction::try_from(view.direction) {
        Ok(pb::Direction::Incoming) => r.from_country,
        _ => r.to_country,
    }
}

impl<W: Write> Printer<W> {
    pub fn new(json: bool, out: W) -> Self {
        Printer { json, out }
    }

    /// Writes one record as one line of JSON.
    pub fn json_line(&mut self, record: &Value) -> io::Result<()> {
        writeln!(self.out, "{record}")
    }

    /// One request in detail.
    pub fn one(&mut self, view: &pb::RequestView) -> io::Result<()> {
        if self.json {
            return self.json_line(&to_json(view));
        }
        let r = view.request.clone().unwrap_or_default();
        // About a possible victim: the non-punishment principle comes first.
        if let Some(np) = &r.non_punishment {
            writeln!(self.out, "NON-PUNISHMENT  {}", non_punishment(np))?;
        }
        writeln!(self.out, "request   {}", r.request_id)?;
        writeln!(self.out, "status    {}", status(view.status))?;
        writeln!(self.out, "route     {} -> {}", r.from_country, r.to_country)?;
        writeln!(
            self.out,
            "category  {} for {}",
            category(r.category),
            purpose(r.purpose)
        )?;
        writeln!(self.out, "offences  {}", offences(&r).join("; "))?;
        if !r.legal_bases.is_empty() {
            writeln!(self.out, "legal     {}", legal_bases(&r).join("; "))?;
        }
        if r.victim_status != 0 {
            writeln!(
                self.out,
                "victim    status {}, following request {}",
                victim_status(r.victim_status),
                r.follows_request_id
            )?;
        } else if !r.follows_request_id.is_empty() {
            writeln!(self.out, "follows   request {}", r.follows_request_id)?;
        }
        if let Some(o) = &r.national_offence {
            writeln!(
                self.out,
                "national  {} offence {}",
                r.from_country,
                national_offence_text(&o.statute, &o.title, &o.title_en)
            )?;
        }
        if let Some(d) = &view.dual_criminality {
            self.dual_criminality(d, &r.to_country)?;
        }
        if let Some(d) = &view.dual_criminality_decision {
            writeln!(
                self.out,
                "decision  answered by {} at {} UTC although not established, as {} requires: {}",
                d.by,
                time(d.at_unix_ms),
                d.rule,
                d.reason
            )?;
        }
        writeln!(
            self.out,
            "asked by  {} of {}, {} UTC",
            r.requested_by,
            r.from_country,
            time(r.created_unix_ms)
        )?;
        if view.purged_unix_ms != 0 {
            writeln!(
                self.out,
                "purged    {} UTC: personal data erased at the end of its retention period",
                time(view.purged_unix_ms)
            )?;
        } else {
            for (i, line) in subject_lines(&r).iter().enumerate() {
                let label = if i == 0 { "subject" } else { "" };
                writeln!(self.out, "{label:<9} {line}")?;
            }
        }
        if !r.case_reference.is_empty() || !r.case_id.is_empty() {
            writeln!(
                self.out,
                "case      {}",
                [r.case_reference.as_str(), r.case_id.as_str()]
                    .iter()
                    .filter(|p| !p.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join("  ")
            )?;
        }
        if !r.summary.is_empty() {
            writeln!(self.out, "summary   {}", r.summary)?;
        }
        if !r.requested_fields.is_empty() {
            writeln!(self.out, "asks for  {}", r.requested_fields.join(", "))?;
        }
        writeln!(
            self.out,
            "deadline  {} UTC ({})",
            time(r.deadline_unix_ms),
            time_left(r.deadline_unix_ms, crate::now_ms())
        )?;
        if r.accepted_handling != 0 {
            writeln!(
                self.out,
                "terms     the requester accepts {}, kept at most {} days",
                handling(r.accepted_handling),
                r.max_retention_days
            )?;
        }
        if !view.delivery_error.is_empty() {
            writeln!(
                self.out,
                "delivery  refused for good by the peer: {}",
                view.delivery_error
            )?;
        }
        if !view.agency.is_empty() {
            writeln!(self.out, "agency    {}", view.agency)?;
        }
        if let Some(receipt) = &view.receipt {
            writeln!(
                self.out,
                "receipt   from {} (tree head key {}) at {} UTC, audit index {}",
                receipt.receiver,
                receipt.key_id,
                time(receipt.received_unix_ms),
                receipt.audit_index
            )?;
        }
        if let Some(a) = &view.answer {
            match &a.outcome {
                Some(pb::answer::Outcome::Released(released)) => {
                    writeln!(
                        self.out,
                        "answer    from {} of {}",
                        a.agency, a.from_country
                    )?;
                    // Grouped by the subject each value is about, in the
                    // request's order.
                    let mut positions: Vec<u32> =
                        released.fields.iter().map(|f| f.subject).collect();
                    positions.sort_unstable();
                    positions.dedup();
                    for position in positions {
                        writeln!(self.out, "          {}", subject_heading(&r, position))?;
                        for f in released.fields.iter().filter(|f| f.subject == position) {
                            writeln!(self.out, "            {} = {}", f.name, f.value)?;
                        }
                    }
                    writeln!(
                        self.out,
                        "handling  {}, keep at most {} days (released under {})",
                        handling(released.handling),
                        released.retention_days,
                        released.rule
                    )?;
                    if !released.redacted_fields.is_empty() {
                        writeln!(
                            self.out,
                            "redacted  {} (not released by the agreement, or not asked for)",
                            released.redacted_fields.join(", ")
                        )?;
                    }
                    if !released.remarks.is_empty() {
                        writeln!(self.out, "remarks   {}", released.remarks)?;
                    }
                }
                Some(pb::answer::Outcome::Refusal(refusal)) => {
                    let reason = pb::RefusalReason::try_from(refusal.reason)
                        .map(|r| r.as_str_name())
                        .unwrap_or("UNKNOWN");
                    writeln!(
                        self.out,
                        "refused   by {} of {}: {reason}",
                        a.agency, a.from_country
                    )?;
                    if !refusal.rule.is_empty() {
                        writeln!(self.out, "rule      {}", refusal.rule)?;
                    }
                    if !refusal.explanation.is_empty() {
                        writeln!(self.out, "          {}", refusal.explanation)?;
                    }
                }
                None => {}
            }
        }
        writeln!(self.out, "history")?;
        for h in &view.history {
            writeln!(
                self.out,
                "          {} UTC  {:<10} {}",
                time(h.at_unix_ms),
                status(h.status),
                h.note
            )?;
        }
        Ok(())
    }

    /// This node's dual-criminality indication for an incoming request: the
    /// status, the code it rests on and each national offence that matched.
    fn dual_criminality(&mut self, d: &pb::DualCriminality, country: &str) -> io::Result<()> {
        let on = if d.request_code.is_empty() {
            String::new()
        } else {
            format!(" for {}", liaison_proto::iccs::describe(&d.request_code))
        };
        writeln!(
            self.out,
            "dual crim {}{on} ({})",
            dual_criminality_status(d),
            d.note
        )?;
        for m in &d.matched {
            writeln!(
                self.out,
                "          {country} offence {} [ICCS {}]",
                national_offence_text(&m.statute, &m.title, &m.title_en),
                m.iccs_code
            )?;
        }
        Ok(())
    }

    /// An assignment as the answering officer sees it: the request, then
    /// what an answer would release under this node's agreement.
    pub fn assignment(&mut self, a: &pb::Assignment) -> io::Result<()> {
        let view = a.view.clone().unwrap_or_default();
        let dry_run = a.dry_run.clone().unwrap_or_default();
        if self.json {
            let mut value = to_json(&view);
            value["dry_run"] = dry_run_json(&dry_run);
            return self.json_line(&value);
        }
        self.one(&view)?;
        writeln!(
            self.out,
            "if answered now (dry run of this node's agreement)"
        )?;
        if !dry_run.problem.is_empty() {
            writeln!(
                self.out,
                "          no answer can be released: {}",
                dry_run.problem
            )?;
            return Ok(());
        }
        let list = |names: &[String]| {
            if names.is_empty() {
                "-".to_string()
            } else {
                names.join(", ")
            }
        };
        writeln!(self.out, "released  {}", list(&dry_run.released_fields))?;
        writeln!(self.out, "withheld  {}", list(&dry_run.withheld_fields))?;
        if dry_run.subjects.len() > 1 {
            // Which subject is which, for `--field SUBJECT:NAME=VALUE`.
            let r = view.request.clone().unwrap_or_default();
            writeln!(
                self.out,
                "per subject (agency answer --field SUBJECT:NAME=VALUE)"
            )?;
            for s in &dry_run.subjects {
                writeln!(
                    self.out,
                    "          {}: releases {}; withholds {}",
                    subject_heading(&r, s.subject),
                    list(&s.released_fields),
                    list(&s.withheld_fields)
                )?;
            }
        }
        writeln!(
            self.out,
            "terms     {}, kept at most {} days, under {}",
            handling(dry_run.handling),
            dry_run.retention_days,
            dry_run.rule
        )
    }

    /// An agency's inbox: what each request is about at a glance.
    pub fn inbox(&mut self, views: &[pb::RequestView]) -> io::Result<()> {
        if self.json {
            return self.list(views);
        }
        if views.is_empty() {
            return writeln!(self.out, "no requests");
        }
        writeln!(
            self.out,
            "{:<36}  {:<4}  {:<21}  {:<34}  {:<30}  {:<16}  STATUS",
            "REQUEST", "FROM", "CATEGORY", "SUBJECT", "SUMMARY", "DEADLINE (UTC)"
        )?;
        for view in views {
            let r = view.request.clone().unwrap_or_default();
            writeln!(
                self.out,
                "{:<36}  {:<4}  {:<21}  {:<34}  {:<30}  {:<16}  {}",
                r.request_id,
                r.from_country,
                category(r.category),
                short(&first_subject(&r), 34),
                short(&r.summary, 30),
                time(r.deadline_unix_ms),
                status(view.status)
            )?;
        }
        Ok(())
    }

    /// Requests, one line each.
    pub fn list(&mut self, views: &[pb::RequestView]) -> io::Result<()> {
        if self.json {
            for view in views {
                self.json_line(&to_json(view))?;
            }
            return Ok(());
        }
        if views.is_empty() {
            writeln!(self.out, "no requests")?;
            return Ok(());
        }
        writeln!(
            self.out,
            "{:<36}  {:<3}  {:<4}  {:<21}  {:<9}  {:<16}  DEADLINE (UTC)",
            "REQUEST", "DIR", "PEER", "CATEGORY", "STATUS", "AGENCY"
        )?;
        for view in views {
            let r = view.request.clone().unwrap_or_default();
            writeln!(
                self.out,
                "{:<36}  {:<3}  {:<4}  {:<21}  {:<9}  {:<16}  {}",
                r.request_id,
                direction(view.direction),
                peer(view),
                category(r.category),
                status(view.status),
                if view.agency.is_empty() {
                    "-"
                } else {
                    &view.agency
                },
                time(r.deadline_unix_ms)
            )?;
        }
        Ok(())
    }

    /// This node's peers, one line each.
    pub fn peers(&mut self, list: &pb::PeerList) -> io::Result<()> {
        if self.json {
            for p in &list.peers {
                self.json_line(&json!({
                    "country": p.country,
                    "endpoint": p.endpoint,
                    "tls_name": p.tls_name,
                    "key_ids": p.key_ids,
                    "agreement_version": p.agreement_version,
                    "agreement_hash": p.agreement_hash,
                }))?;
            }
            return Ok(());
        }
        writeln!(
            self.out,
            "{:<4}  {:<28}  {:<16}  {:<16}  AGREEMENT",
            "PEER", "ENDPOINT", "TLS NAME", "KEY IDS"
        )?;
        for p in &list.peers {
            let agreement = if p.agreement_hash.is_empty() {
                "none (everything denied)".to_string()
            } else {
                format!(
                    "v{} {}",
                    p.agreement_version,
                    &p.agreement_hash[..12.min(p.agreement_hash.len())]
                )
            };
            writeln!(
                self.out,
                "{:<4}  {:<28}  {:<16}  {:<16}  {agreement}",
                p.country,
                p.endpoint,
                p.tls_name,
                p.key_ids.join(",")
            )?;
        }
        Ok(())
    }

    /// Each agreement as a heading and an aligned table of its rules.
    pub fn agreements(&mut self, list: &pb::AgreementList) -> io::Result<()> {
        if self.json {
            for a in &list.agreements {
                self.json_line(&agreement_json(a))?;
            }
            return Ok(());
        }
        if list.agreements.is_empty() {
            writeln!(self.out, "no agreements: every request is denied")?;
        }
        for a in &list.agreements {
            if a.version == 0 {
                writeln!(
                    self.out,
                    "{} has no agreement with {}: every request is denied\n",
                    a.holder, a.peer
                )?;
                continue;
            }
            writeln!(
                self.out,
                "{}'s agreement with {}, version {} (hash {})",
                a.holder, a.peer, a.version, a.hash
            )?;
            let mut table = Table::new(&[
                ("#", Align::Right),
                ("CATEGORY", Align::Left),
                ("FLOWS", Align::Left),
                ("PURPOSES", Align::Left),
                ("RELEASED FIELDS", Align::Left),
                ("HANDLING", Align::Left),
                ("RETENTION", Align::Right),
                ("DAILY LIMIT", Align::Right),
            ]);
            for r in &a.rules {
                table.row(vec![
                    vec![r.number.to_string()],
                    vec![category(r.category).to_string()],
                    wrap(&r.flows, ",", 18),
                    rule_purposes(&r.purposes),
                    released_fields(r.category, &r.release)
                        .into_iter()
                        .chain(r.release_by_kind.iter().flat_map(kind_release))
                        .collect(),
                    vec![handling(r.handling).to_string()],
                    vec![format!("{} days", r.retention_days)],
                    vec![r.daily_limit.to_string()],
                ]);
            }
            table.write(&mut self.out, "  ")?;
            for v in &a.victim_data_agencies {
                writeln!(
                    self.out,
                    "  data about possible victims: in {} only for {}",
                    v.country,
                    v.agencies.join(", ")
                )?;
            }
            for r in a.rules.iter().filter(|r| !r.legal_bases.is_empty()) {
                writeln!(
                    self.out,
                    "  rule {} accepts only requests under: {}",
                    r.number,
                    r.legal_bases.join(", ")
                )?;
            }
            for r in a.rules.iter().filter(|r| r.require_dual_criminality) {
                writeln!(
                    self.out,
                    "  rule {} ({}) requires dual criminality: an answer needs it established, \
                     or the officer's recorded decision",
                    r.number,
                    category(r.category)
                )?;
            }
            writeln!(self.out)?;
        }
        Ok(())
    }

    /// A dry run: each side's decision and the verdict.
    pub fn policy_check(&mut self, check: &pb::PolicyCheck) -> io::Result<()> {
        if self.json {
            return self.json_line(&json!({
                "allowed": check.allowed,
                "local": check.local.as_ref().map(decision_json),
                "peer": check.peer.as_ref().map(decision_json),
                "peer_error": check.peer_error,
            }));
        }
        let sides = [
            check.local.as_ref().map(|d| (d, "this node")),
            check.peer.as_ref().map(|d| (d, "peer")),
        ];
        for (d, side) in sides.into_iter().flatten() {
            writeln!(
                self.out,
                "{} ({side}): {} by {}\n    {}",
                d.decided_by,
                if d.allowed { "ALLOWED" } else { "DENIED" },
                d.rule,
                d.reason
            )?;
            if d.allowed {
                writeln!(
                    self.out,
                    "    releases: {}; handling {}; {} days; {} of {} used today",
                    if d.release.is_empty() {
                        "no fields".to_string()
                    } else {
                        d.release.join(", ")
                    },
                    handling(d.handling),
                    d.retention_days,
                    d.used_today,
                    d.daily_limit
                )?;
            }
        }
        if check.peer.is_none() {
            writeln!(self.out, "peer: {}", check.peer_error)?;
        }
        writeln!(
            self.out,
            "=> {}",
            if check.allowed {
                "the request would flow"
            } else {
                "the request would be refused"
            }
        )
    }

    /// Two copies of an agreement and where they disagree.
    pub fn comparison(&mut self, c: &pb::AgreementComparison) -> io::Result<()> {
        if self.json {
            return self.json_line(&json!({
                    "local": c.local.as_ref().map(agreement_json),
                    "peer": c.peer.as_ref().map(agreement_json),
                    "disagreements": c.disagreements.iter().map(|d| json!({
                        "category": if d.category == 0 { Value::Null } else { category(d.category).into() },
                        "aspect": d.aspect,
                        "local": d.local,
                        "peer": d.peer,
                        "explanation": d.explanation,
                    })).collect::<Vec<_>>(),
                }));
        }
        let describe = |a: Option<&pb::AgreementView>| match a {
            Some(a) if a.version > 0 => {
                format!("{}: version {}, hash {}", a.holder, a.version, a.hash)
            }
            Some(a) => format!("{}: no agreement", a.holder),
            None => "unknown".to_string(),
        };
        writeln!(self.out, "{}", describe(c.local.as_ref()))?;
        writeln!(self.out, "{}", describe(c.peer.as_ref()))?;
        if c.disagreements.is_empty() {
            writeln!(self.out, "The two copies agree.")?;
            return Ok(());
        }
        let (us, them) = (
            c.local
                .as_ref()
                .map(|a| a.holder.clone())
                .unwrap_or_default(),
            c.peer
                .as_ref()
                .map(|a| a.holder.clone())
                .unwrap_or_default(),
        );
        writeln!(self.out, "{} disagreement(s):", c.disagreements.len())?;
        for (i, d) in c.disagreements.iter().enumerate() {
            let scope = if d.category == 0 {
                "agreement".to_string()
            } else {
                category(d.category).to_string()
            };
            writeln!(
                self.out,
                "{:>3}. {scope} / {}: {us} {} | {them} {}",
                i + 1,
                d.aspect,
                d.local,
                d.peer
            )?;
            writeln!(self.out, "     {}", d.explanation)?;
        }
        Ok(())
    }

    /// Who the node takes the caller to be, and which node said so.
    pub fn identity(&mut self, identity: &pb::Identity, node: &str) -> io::Result<()> {
        if self.json {
            return self.json_line(&json!({
                "user": identity.user,
                "role": identity.role,
                "country": identity.country,
                "node": node,
            }));
        }
        let mut table = Table::new(&[
            ("USER", Align::Left),
            ("ROLE", Align::Left),
            ("COUNTRY", Align::Left),
            ("NODE", Align::Left),
        ]);
        table.row(vec![
            vec![identity.user.clone()],
            vec![identity.role.clone()],
            vec![identity.country.clone()],
            vec![node.to_string()],
        ]);
        table.write(&mut self.out, "")
    }

    /// What `login` stored, and where.
    pub fn logged_in(
        &mut self,
        identity: &pb::Identity,
        node: &str,
        config: &std::path::Path,
    ) -> io::Result<()> {
        if self.json {
            return self.json_line(&json!({
                "user": identity.user,
                "role": identity.role,
                "country": identity.country,
                "node": node,
                "config": config.display().to_string(),
            }));
        }
        writeln!(
            self.out,
            "logged in to {} as {} ({}); token stored in {}",
            identity.country,
            identity.user,
            identity.role,
            config.display()
        )
    }

    /// Whether `logout` removed a token, and from where.
    pub fn logged_out(&mut self, config: &std::path::Path, removed: bool) -> io::Result<()> {
        if self.json {
            return self.json_line(&json!({
                "config": config.display().to_string(),
                "removed": removed,
            }));
        }
        if removed {
            writeln!(self.out, "token removed from {}", config.display())
        } else {
            writeln!(self.out, "no token stored in {}", config.display())
        }
    }

    /// One line per streamed update.
    pub fn update(&mut self, view: &pb::RequestView) -> io::Result<()> {
        if self.json {
            return self.json_line(&to_json(view));
        }
        let r = view.request.clone().unwrap_or_default();
        writeln!(
            self.out,
            "{}  {}  {:<4}  {:<21}  {}",
            time(crate::now_ms()),
            r.request_id,
            peer(view),
            category(r.category),
            status(view.status)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_utc_times() {
        assert_eq!(time(0), "1970-01-01 00:00");
        assert_eq!(time(951_782_400_000), "2000-02-29 00:00");
        assert_eq!(time(1_795_441_500_000), "2026-11-23 13:45");
    }

    #[test]
    fn lists_wrap_at_their_width_and_say_they_go_on() {
        let fields = [
            "subscriber_name",
            "registration_date",
            "sim_status",
            "operator",
        ];
        assert_eq!(
            wrap(&fields, ", ", 36),
            [
                "subscriber_name, registration_date,",
                "sim_status, operator"
            ]
        );
        assert_eq!(wrap(&fields, ", ", 200), [fields.join(", ")]);
        // An item wider than the column gets a line of its own.
        assert_eq!(
            wrap(&["a_very_long_field_name", "b"], ", ", 5),
            ["a_very_long_field_name,", "b"]
        );
        assert_eq!(
            wrap(&["THA->KHM", "KHM->THA"], ",", 17),
            ["THA->KHM,KHM->THA"]
        );
        assert_eq!(wrap::<&str>(&[], ", ", 10), [""]);
    }

    #[test]
    fn tables_align_every_line_of_every_cell() {
        let mut table = Table::new(&[
            ("NAME", Align::Left),
            ("ITEMS", Align::Left),
            ("COUNT", Align::Right),
        ]);
        table.row(vec![
            vec!["first".into()],
            vec!["a,".into(), "bb".into()],
            vec!["7".into()],
        ]);
        table.row(vec![
            vec!["second-row".into()],
            vec!["ccc".into()],
            vec!["12345".into()],
        ]);
        let mut out = Vec::new();
        table.write(&mut out, "  ").unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "  NAME        ITEMS  COUNT\n\
             \x20 first       a,         7\n\
             \x20             bb\n\
             \x20 second-row  ccc    12345\n"
        );
    }

    fn rule(
        category: pb::Category,
        purposes: &[pb::Purpose],
        release: &[&str],
    ) -> pb::AgreementRule {
        pb::AgreementRule {
            number: 1,
            category: category as i32,
            flows: vec!["THA->KHM".into(), "KHM->THA".into()],
            purposes: purposes.iter().map(|p| *p as i32).collect(),
            release: release.iter().map(|f| f.to_string()).collect(),
            handling: pb::HandlingCode::IntelligenceOnly as i32,
            retention_days: 30,
            daily_limit: 100,
            ..Default::default()
        }
    }

    #[test]
    fn the_agreement_table_abbreviates_whole_sets_and_json_keeps_them() {
        use pb::Purpose::*;
        let every_purpose = [Investigation, Prosecution, VictimAssistance, Intelligence];
        let all_phone: Vec<&str> = Category::PhoneCheck.response_fields().to_vec();
        let list = pb::AgreementList {
            agreements: vec![pb::AgreementView {
                holder: "THA".into(),
                peer: "KHM".into(),
                version: 3,
                hash: "ab".repeat(32),
                victim_data_agencies: Vec::new(),
                hit_checks: Vec::new(),
                rules: vec![
                    rule(pb::Category::PhoneCheck, &every_purpose, &all_phone),
                    rule(
                        pb::Category::WalletTrace,
                        &[Investigation, Prosecution, Intelligence],
                        &[],
                    ),
                ],
            }],
        };
        let mut printer = Printer::new(false, Vec::new());
        printer.agreements(&list).unwrap();
        let text = String::from_utf8(printer.out).unwrap();
        let phone = text.lines().find(|l| l.contains("PHONE_CHECK")).unwrap();
        assert!(
            phone.contains(" any ") && phone.contains("every field (8)"),
            "{text}"
        );
        assert!(
            phone.contains("30 days") && phone.trim_end().ends_with("100"),
            "{text}"
        );
        let wallet = text
            .lines()
            .position(|l| l.contains("WALLET_TRACE"))
            .unwrap();
        let wallet_lines: Vec<&str> = text.lines().skip(wallet).take(2).collect();
        assert!(
            wallet_lines[0].contains("INVESTIGATION, PROSECUTION,"),
            "{text}"
        );
        assert!(wallet_lines[0].contains(" none "), "{text}");
        assert!(wallet_lines[1].trim() == "INTELLIGENCE", "{text}");

        let mut printer = Printer::new(true, Vec::new());
        printer.agreements(&list).unwrap();
        let json_text = String::from_utf8(printer.out).unwrap();
        assert_eq!(json_text.lines().count(), 1);
        let value: Value = serde_json::from_str(&json_text).unwrap();
        assert_eq!(value["rules"][0]["release"].as_array().unwrap().len(), 8);
        assert_eq!(value["rules"][0]["purposes"].as_array().unwrap().len(), 4);
    }

    #[test]
    fn the_agreement_table_and_json_show_per_kind_releases() {
        let mut wallet = rule(
            pb::Category::WalletTrace,
            &[pb::Purpose::Investigation],
            &["exchange_name", "kyc_name"],
        );
        wallet.release_by_kind = vec![
            pb::KindRelease {
                kind: "WALLET".into(),
                fields: vec!["exchange_name".into()],
            },
            pb::KindRelease {
                kind: "BANK_ACCOUNT".into(),
                fields: vec![],
            },
        ];
        let list = pb::AgreementList {
            agreements: vec![pb::AgreementView {
                holder: "THA".into(),
                peer: "KHM".into(),
                version: 1,
                hash: "ab".repeat(32),
                rules: vec![wallet],
                victim_data_agencies: Vec::new(),
                hit_checks: Vec::new(),
            }],
        };
        let mut printer = Printer::new(false, Vec::new());
        printer.agreements(&list).unwrap();
        let text = String::from_utf8(printer.out).unwrap();
        for cell in ["WALLET only:", "BANK_ACCOUNT: none"] {
            assert!(text.contains(cell), "{cell} missing from:\n{text}");
        }
        let mut printer = Printer::new(true, Vec::new());
        printer.agreements(&list).unwrap();
        let value: Value = serde_json::from_slice(&printer.out).unwrap();
        assert_eq!(
            value["rules"][0]["release_by_kind"],
            json!({"WALLET": ["exchange_name"], "BANK_ACCOUNT": []})
        );
    }

    #[test]
    fn released_fields_are_grouped_under_their_subject() {
        let wallet = pb::Subject {
            kind: Some(pb::subject::Kind::Wallet(pb::Wallet {
                network: "TRON".into(),
                address: "T9yD".into(),
            })),
            role: pb::SubjectRole::Suspect as i32,
        };
        let account = pb::Subject {
            kind: Some(pb::subject::Kind::BankAccount(pb::BankAccount {
                iban: "GB82WEST12345698765432".into(),
                ..Default::default()
            })),
            role: 0,
        };
        let field = |subject: u32, name: &str, value: &str| pb::Field {
            name: name.into(),
            value: value.into(),
            subject,
        };
        let mut view = pb::RequestView {
            request: Some(pb::InformationRequest {
                subject: Some(wallet),
                more_subjects: vec![account],
                ..Default::default()
            }),
            answer: Some(pb::Answer {
                agency: "fiu".into(),
                from_country: "KHM".into(),
                outcome: Some(pb::answer::Outcome::Released(pb::Released {
                    // Given out of subject order: shown in the request's.
                    fields: vec![
                        field(1, "kyc_name", "Shell Co"),
                        field(0, "exchange_name", "Huobi"),
                    ],
                    ..Default::default()
                })),
                ..Default::default()
            }),
            ..Default::default()
        };
        let shown = |view: &pb::RequestView| {
            let mut printer = Printer::new(false, Vec::new());
            printer.one(view).unwrap();
            String::from_utf8(printer.out).unwrap()
        };
        let text = shown(&view);
        assert!(
            text.contains(
                "answer    from fiu of KHM\n          subject 0 (WALLET, suspect)\n            \
                 exchange_name = Huobi\n          subject 1 (BANK_ACCOUNT)\n            \
                 kyc_name = Shell Co\n"
            ),
            "{text}"
        );
        // Once purged, only the positions are left to name the subjects.
        let request = view.request.as_mut().unwrap();
        request.subject = None;
        request.more_subjects.clear();
        let text = shown(&view);
        assert!(text.contains("          subject 1\n"), "{text}");
    }

    #[test]
    fn lists_are_json_lines_one_request_each() {
        let view = |id: &str| pb::RequestView {
            request: Some(pb::InformationRequest {
                request_id: id.into(),
                ..Default::default()
            }),
            ..Default::default()
        };
        let mut printer = Printer::new(true, Vec::new());
        printer.list(&[view("a"), view("b"), view("c")]).unwrap();
        let text = String::from_utf8(printer.out).unwrap();
        let ids: Vec<String> = text
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["request_id"].to_string())
            .collect();
        assert_eq!(ids, ["\"a\"", "\"b\"", "\"c\""]);

        let mut printer = Printer::new(true, Vec::new());
        printer.list(&[]).unwrap();
        assert!(printer.out.is_empty());
    }

    #[test]
    fn an_incoming_request_shows_both_offences_and_the_indication() {
        let view = pb::RequestView {
            request: Some(pb::InformationRequest {
                from_country: "THA".into(),
                to_country: "KHM".into(),
                offence_code: "0204".into(),
                national_offence: Some(pb::NationalOffence {
                    statute: "Penal Code s. 341".into(),
                    title: "ฉ้อโกง".into(),
                    title_en: "Cheating and fraud".into(),
                }),
                ..Default::default()
            }),
            direction: pb::Direction::Incoming as i32,
            dual_criminality: Some(pb::DualCriminality {
                status: pb::dual_criminality::Status::Met as i32,
                matched: vec![pb::MatchedOffence {
                    statute: "Act art. 10".into(),
                    title: "Act art. 10".into(),
                    title_en: "Act art. 10".into(),
                    iccs_code: "0204".into(),
                }],
                request_code: "0204".into(),
                note: "advice; a person decides".into(),
            }),
            ..Default::default()
        };
        let mut printer = Printer::new(false, Vec::new());
        printer.one(&view).unwrap();
        let text = String::from_utf8(printer.out).unwrap();
        assert!(
            text.contains("national  THA offence Penal Code s. 341: Cheating and fraud (ฉ้อโกง)"),
            "{text}"
        );
        assert!(
            text.contains(
                "dual crim MET for 0204 Trafficking in persons (advice; a person decides)"
            ),
            "{text}"
        );
        assert!(
            text.contains("KHM offence Act art. 10: Act art. 10 [ICCS 0204]"),
            "{text}"
        );
        let mut printer = Printer::new(true, Vec::new());
        printer.one(&view).unwrap();
        let value: Value = serde_json::from_slice(&printer.out).unwrap();
        assert_eq!(value["dual_criminality"]["status"], "MET");
        assert_eq!(value["national_offence"]["statute"], "Penal Code s. 341");
    }
}
