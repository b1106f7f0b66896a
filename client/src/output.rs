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

fn direction(raw: i32) -> &'static str {
    match pb::Direction::try_from(raw) {
        Ok(pb::Direction::Outgoing) => "out",
        Ok(pb::Direction::Incoming) => "in",
        _ => "?",
    }
}

/// `YYYY-MM-DD HH:MM` UTC for Unix milliseconds.
pub fn time(unix_ms: i64) -> String {
    let secs = unix_ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        rem / 3600,
        rem % 3600 / 60
    )
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
            }
        }),
        Some(pb::answer::Outcome::Refusal(r)) => json!({
            "refusal": {
                "reason": pb::RefusalReason::try_from(r.reason).map(|r| r.as_str_name()).unwrap_or("UNKNOWN"),
                "explanation": r.explanation,
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
        "subject": subject(r.subject.as_ref()),
        "summary": r.summary,
        "requested_by": r.requested_by,
        "created_unix_ms": r.created_unix_ms,
        "deadline_unix_ms": r.deadline_unix_ms,
        "agency": view.agency,
        "envelope_hash": view.envelope_hash,
        "receipt": view.receipt.as_ref().map(|rc| json!({
            "receiver": rc.receiver,
            "received_unix_ms": rc.received_unix_ms,
            "audit_index": rc.audit_index,
            "key_id": rc.key_id,
        })),
        "answer": answer(view.answer.as_ref()),
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
            "category  {} for {} (ICCS {})",
            category(r.category),
            purpose(r.purpose),
            r.offence_code
        );
        println!("subject   {}", subject(r.subject.as_ref()));
        if !r.summary.is_empty() {
            println!("summary   {}", r.summary);
        }
        println!("deadline  {} UTC", time(r.deadline_unix_ms));
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
                    if !released.remarks.is_empty() {
                        println!("remarks   {}", released.remarks);
                    }
                }
                Some(pb::answer::Outcome::Refusal(refusal)) => {
                    let reason = pb::RefusalReason::try_from(refusal.reason)
                        .map(|r| r.as_str_name())
                        .unwrap_or("UNKNOWN");
                    println!("refused   by {} of {}: {reason}", a.agency, a.from_country);
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
