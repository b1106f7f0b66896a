//! How the CLI shows requests: aligned tables and a detail view for people,
//! JSON objects (one per line when streaming) for scripts.

use liaison_proto::pb;
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy)]
pub struct Printer {
    pub json: bool,
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

fn purposes(raw: &[i32]) -> String {
    raw.iter()
        .map(|p| purpose(*p))
        .collect::<Vec<_>>()
        .join(",")
}

fn agreement_json(a: &pb::AgreementView) -> Value {
    json!({
        "holder": a.holder,
        "peer": a.peer,
        "version": a.version,
        "hash": a.hash,
        "rules": a.rules.iter().map(|r| json!({
            "number": r.number,
            "category": category(r.category),
            "flows": r.flows,
            "purposes": r.purposes.iter().map(|p| purpose(*p)).collect::<Vec<_>>(),
            "release": r.release,
            "handling": handling(r.handling),
            "retention_days": r.retention_days,
            "daily_limit": r.daily_limit,
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
        None => "-".into(),
    }
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

/// The request's offences, each with its ICCS title where Liaison knows it.
fn offences(r: &pb::InformationRequest) -> Vec<String> {
    std::iter::once(&r.offence_code)
        .chain(&r.more_offence_codes)
        .map(|code| liaison_proto::iccs::describe(code))
        .collect()
}

fn dry_run_json(d: &pb::AnswerDryRun) -> Value {
    json!({
        "released_fields": d.released_fields,
        "withheld_fields": d.withheld_fields,
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
            json!({"person": {"full_name": p.full_name, "date_of_birth": p.date_of_birth, "nationality": p.nationality, "document_number": p.document_number}})
        }
        Some(Kind::Phone(p)) => json!({"phone": {"number": p.number}}),
        Some(Kind::Wallet(w)) => json!({"wallet": {"network": w.network, "address": w.address}}),
        Some(Kind::Company(c)) => {
            json!({"company": {"name": c.name, "registration_number": c.registration_number, "jurisdiction": c.jurisdiction}})
        }
        None => Value::Null,
    }
}

fn answer(answer: Option<&pb::Answer>) -> Value {
    let Some(a) = answer else { return Value::Null };
    let outcome = match &a.outcome {
        Some(pb::answer::Outcome::Released(r)) => json!({
            "released": {
                "fields": r.fields.iter().map(|f| json!({"name": f.name, "value": f.value})).collect::<Vec<_>>(),
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
        "summary": r.summary,
        "requested_by": r.requested_by,
        "created_unix_ms": r.created_unix_ms,
        "deadline_unix_ms": r.deadline_unix_ms,
        "requested_fields": r.requested_fields,
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

impl Printer {
    pub fn one(&self, view: &pb::RequestView) {
        if self.json {
            println!("{:#}", to_json(view));
            return;
        }
        let r = view.request.clone().unwrap_or_default();
        println!("request   {}", r.request_id);
        println!("status    {}", status(view.status));
        println!("route     {} -> {}", r.from_country, r.to_country);
        println!(
            "category  {} for {}",
            category(r.category),
            purpose(r.purpose)
        );
        println!("offences  {}", offences(&r).join("; "));
        println!(
            "asked by  {} of {}, {} UTC",
            r.requested_by,
            r.from_country,
            time(r.created_unix_ms)
        );
        if view.purged_unix_ms != 0 {
            println!(
                "purged    {} UTC: personal data erased at the end of its retention period",
                time(view.purged_unix_ms)
            );
        } else {
            println!("subject   {}", subject_text(r.subject.as_ref()));
        }
        if !r.summary.is_empty() {
            println!("summary   {}", r.summary);
        }
        if !r.requested_fields.is_empty() {
            println!("asks for  {}", r.requested_fields.join(", "));
        }
        println!(
            "deadline  {} UTC ({})",
            time(r.deadline_unix_ms),
            time_left(r.deadline_unix_ms, crate::now_ms())
        );
        if r.accepted_handling != 0 {
            println!(
                "terms     the requester accepts {}, kept at most {} days",
                handling(r.accepted_handling),
                r.max_retention_days
            );
        }
        if !view.delivery_error.is_empty() {
            println!(
                "delivery  refused for good by the peer: {}",
                view.delivery_error
            );
        }
        if !view.agency.is_empty() {
            println!("agency    {}", view.agency);
        }
        if let Some(receipt) = &view.receipt {
            println!(
                "receipt   signed by {} (key {}) at {} UTC, audit index {}",
                receipt.receiver,
                receipt.key_id,
                time(receipt.received_unix_ms),
                receipt.audit_index
            );
        }
        if let Some(a) = &view.answer {
            match &a.outcome {
                Some(pb::answer::Outcome::Released(released)) => {
                    println!("answer    from {} of {}", a.agency, a.from_country);
                    for f in &released.fields {
                        println!("          {} = {}", f.name, f.value);
                    }
                    println!(
                        "handling  {}, keep at most {} days (released under {})",
                        handling(released.handling),
                        released.retention_days,
                        released.rule
                    );
                    if !released.redacted_fields.is_empty() {
                        println!(
                            "redacted  {} (not released by the agreement, or not asked for)",
                            released.redacted_fields.join(", ")
                        );
                    }
                    if !released.remarks.is_empty() {
                        println!("remarks   {}", released.remarks);
                    }
                }
                Some(pb::answer::Outcome::Refusal(refusal)) => {
                    let reason = pb::RefusalReason::try_from(refusal.reason)
                        .map(|r| r.as_str_name())
                        .unwrap_or("UNKNOWN");
                    println!("refused   by {} of {}: {reason}", a.agency, a.from_country);
                    if !refusal.rule.is_empty() {
                        println!("rule      {}", refusal.rule);
                    }
                    if !refusal.explanation.is_empty() {
                        println!("          {}", refusal.explanation);
                    }
                }
                None => {}
            }
        }
        println!("history");
        for h in &view.history {
            println!(
                "          {} UTC  {:<10} {}",
                time(h.at_unix_ms),
                status(h.status),
                h.note
            );
        }
    }

    /// An assignment as the answering officer sees it: the request, then
    /// what an answer would release under this node's agreement.
    pub fn assignment(&self, a: &pb::Assignment) {
        let view = a.view.clone().unwrap_or_default();
        let dry_run = a.dry_run.clone().unwrap_or_default();
        if self.json {
            let mut value = to_json(&view);
            value["dry_run"] = dry_run_json(&dry_run);
            println!("{value:#}");
            return;
        }
        self.one(&view);
        println!("if answered now (dry run of this node's agreement)");
        if !dry_run.problem.is_empty() {
            println!("          no answer can be released: {}", dry_run.problem);
            return;
        }
        let list = |names: &[String]| {
            if names.is_empty() {
                "-".to_string()
            } else {
                names.join(", ")
            }
        };
        println!("released  {}", list(&dry_run.released_fields));
        println!("withheld  {}", list(&dry_run.withheld_fields));
        println!(
            "terms     {}, kept at most {} days, under {}",
            handling(dry_run.handling),
            dry_run.retention_days,
            dry_run.rule
        );
    }

    /// An agency's inbox: what each request is about at a glance.
    pub fn inbox(&self, views: &[pb::RequestView]) {
        if self.json {
            self.list(views);
            return;
        }
        if views.is_empty() {
            println!("no requests");
            return;
        }
        println!(
            "{:<36}  {:<4}  {:<21}  {:<34}  {:<30}  {:<16}  STATUS",
            "REQUEST", "FROM", "CATEGORY", "SUBJECT", "SUMMARY", "DEADLINE (UTC)"
        );
        for view in views {
            let r = view.request.clone().unwrap_or_default();
            println!(
                "{:<36}  {:<4}  {:<21}  {:<34}  {:<30}  {:<16}  {}",
                r.request_id,
                r.from_country,
                category(r.category),
                short(&subject_text(r.subject.as_ref()), 34),
                short(&r.summary, 30),
                time(r.deadline_unix_ms),
                status(view.status)
            );
        }
    }

    pub fn list(&self, views: &[pb::RequestView]) {
        if self.json {
            println!("{:#}", Value::Array(views.iter().map(to_json).collect()));
            return;
        }
        if views.is_empty() {
            println!("no requests");
            return;
        }
        println!(
            "{:<36}  {:<3}  {:<4}  {:<21}  {:<9}  {:<16}  DEADLINE (UTC)",
            "REQUEST", "DIR", "PEER", "CATEGORY", "STATUS", "AGENCY"
        );
        for view in views {
            let r = view.request.clone().unwrap_or_default();
            println!(
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
            );
        }
    }

    pub fn peers(&self, list: &pb::PeerList) {
        if self.json {
            let peers: Vec<Value> = list
                .peers
                .iter()
                .map(|p| {
                    json!({
                        "country": p.country,
                        "endpoint": p.endpoint,
                        "tls_name": p.tls_name,
                        "key_ids": p.key_ids,
                        "agreement_version": p.agreement_version,
                        "agreement_hash": p.agreement_hash,
                    })
                })
                .collect();
            println!("{:#}", Value::Array(peers));
            return;
        }
        println!(
            "{:<4}  {:<28}  {:<16}  {:<16}  AGREEMENT",
            "PEER", "ENDPOINT", "TLS NAME", "KEY IDS"
        );
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
            println!(
                "{:<4}  {:<28}  {:<16}  {:<16}  {agreement}",
                p.country,
                p.endpoint,
                p.tls_name,
                p.key_ids.join(",")
            );
        }
    }

    pub fn agreements(&self, list: &pb::AgreementList) {
        if self.json {
            println!(
                "{:#}",
                Value::Array(list.agreements.iter().map(agreement_json).collect())
            );
            return;
        }
        if list.agreements.is_empty() {
            println!("no agreements: every request is denied");
        }
        for a in &list.agreements {
            if a.version == 0 {
                println!(
                    "{} has no agreement with {}: every request is denied\n",
                    a.holder, a.peer
                );
                continue;
            }
            println!(
                "{}'s agreement with {}, version {} (hash {})",
                a.holder, a.peer, a.version, a.hash
            );
            println!(
                "  {:<2}  {:<21}  {:<18}  {:<40}  {:<21}  {:>9}  {:>5}  RELEASED FIELDS",
                "#", "CATEGORY", "FLOWS", "PURPOSES", "HANDLING", "RETENTION", "LIMIT"
            );
            for r in &a.rules {
                println!(
                    "  {:<2}  {:<21}  {:<18}  {:<40}  {:<21}  {:>8}d  {:>5}  {}",
                    r.number,
                    category(r.category),
                    r.flows.join(","),
                    purposes(&r.purposes),
                    handling(r.handling),
                    r.retention_days,
                    r.daily_limit,
                    if r.release.is_empty() {
                        "none".to_string()
                    } else {
                        r.release.join(", ")
                    }
                );
            }
            println!();
        }
    }

    pub fn policy_check(&self, check: &pb::PolicyCheck) {
        if self.json {
            println!(
                "{:#}",
                json!({
                    "allowed": check.allowed,
                    "local": check.local.as_ref().map(decision_json),
                    "peer": check.peer.as_ref().map(decision_json),
                    "peer_error": check.peer_error,
                })
            );
            return;
        }
        let line = |d: &pb::PolicyDecision, side: &str| {
            println!(
                "{} ({side}): {} by {}\n    {}",
                d.decided_by,
                if d.allowed { "ALLOWED" } else { "DENIED" },
                d.rule,
                d.reason
            );
            if d.allowed {
                println!(
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
                );
            }
        };
        if let Some(local) = &check.local {
            line(local, "this node");
        }
        match &check.peer {
            Some(peer) => line(peer, "peer"),
            None => println!("peer: {}", check.peer_error),
        }
        println!(
            "=> {}",
            if check.allowed {
                "the request would flow"
            } else {
                "the request would be refused"
            }
        );
    }

    pub fn comparison(&self, c: &pb::AgreementComparison) {
        if self.json {
            println!(
                "{:#}",
                json!({
                    "local": c.local.as_ref().map(agreement_json),
                    "peer": c.peer.as_ref().map(agreement_json),
                    "disagreements": c.disagreements.iter().map(|d| json!({
                        "category": if d.category == 0 { Value::Null } else { category(d.category).into() },
                        "aspect": d.aspect,
                        "local": d.local,
                        "peer": d.peer,
                        "explanation": d.explanation,
                    })).collect::<Vec<_>>(),
                })
            );
            return;
        }
        let describe = |a: Option<&pb::AgreementView>| match a {
            Some(a) if a.version > 0 => {
                format!("{}: version {}, hash {}", a.holder, a.version, a.hash)
            }
            Some(a) => format!("{}: no agreement", a.holder),
            None => "unknown".to_string(),
        };
        println!("{}", describe(c.local.as_ref()));
        println!("{}", describe(c.peer.as_ref()));
        if c.disagreements.is_empty() {
            println!("The two copies agree.");
            return;
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
        println!("{} disagreement(s):", c.disagreements.len());
        for (i, d) in c.disagreements.iter().enumerate() {
            let scope = if d.category == 0 {
                "agreement".to_string()
            } else {
                category(d.category).to_string()
            };
            println!(
                "{:>3}. {scope} / {}: {us} {} | {them} {}",
                i + 1,
                d.aspect,
                d.local,
                d.peer
            );
            println!("     {}", d.explanation);
        }
    }

    /// One line per streamed update.
    pub fn update(&self, view: &pb::RequestView) {
        if self.json {
            println!("{}", to_json(view));
            return;
        }
        let r = view.request.clone().unwrap_or_default();
        println!(
            "{}  {}  {:<4}  {:<21}  {}",
            time(crate::now_ms()),
            r.request_id,
            peer(view),
            category(r.category),
            status(view.status)
        );
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
}
