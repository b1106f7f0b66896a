//! The operator's pages (role `admin`): the peers, their health and
//! queues, this node's keys and configuration, and each agreement beside
//! the peer's copy. Peers and agreements come from the `Admin` service,
//! called in-process as the signed-in person; health, deliveries and
//! queues from what the node keeps (witnessed heads, alarms, the outbox,
//! receipts in the audit log). No secret is shown.

use std::collections::{BTreeMap, BTreeSet};

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use futures::StreamExt as _;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::admin_server::Admin as _;
use liaison_proto::pb::audit_server::Audit as _;
use maud::{Markup, html};

use super::layout::Frame;
use super::session::Person;
use super::{Console, as_person, status_page};
use crate::config::Role;
use crate::records::AuditEntry;

fn admin(role: &Role) -> bool {
    matches!(role, Role::Admin)
}

/// How a peer is doing, from what this node keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Health {
    /// Witnessing raised an alarm (evidence kept).
    Alarm,
    /// Deliveries to it are failing.
    Failing,
    /// Its log has been witnessed and nothing is failing.
    Ok,
    /// Not witnessed yet.
    Unknown,
}

impl Health {
    fn id(self) -> &'static str {
        match self {
            Health::Alarm => "health-alarm",
            Health::Failing => "health-failing",
            Health::Ok => "health-ok",
            Health::Unknown => "health-unknown",
        }
    }

    fn class(self) -> &'static str {
        match self {
            Health::Alarm | Health::Failing => "bad",
            Health::Ok => "good",
            Health::Unknown => "unknown",
        }
    }
}

/// A peer's state on this node.
#[derive(Debug, Default)]
struct PeerState {
    alarm: bool,
    failing: bool,
    witnessed: bool,
    queue: usize,
    last_delivery: Option<i64>,
}

impl PeerState {
    fn health(&self) -> Health {
        if self.alarm {
            Health::Alarm
        } else if self.failing {
            Health::Failing
        } else if self.witnessed {
            Health::Ok
        } else {
            Health::Unknown
        }
    }
}

/// The latest receipt from each peer (a delivery it acknowledged), from
/// the audit log, read through the `Audit` service as the person.
async fn last_deliveries(
    console: &Console,
    person: &Person,
) -> Result<BTreeMap<String, i64>, tonic::Status> {
    let query = pb::EntryQuery {
        event: "receipt.received".into(),
        ..pb::EntryQuery::default()
    };
    let mut stream = console
        .audit
        .stream_entries(as_person(&person.active.user, query))
        .await?
        .into_inner();
    let mut last = BTreeMap::new();
    while let Some(record) = stream.next().await {
        let record = record?;
        let Ok(entry) = serde_json::from_slice::<AuditEntry>(&record.leaf) else {
            continue;
        };
        if let Some(peer) = entry.peer {
            let at = last.entry(peer.to_string()).or_insert(entry.at_unix_ms);
            *at = (*at).max(entry.at_unix_ms);
        }
    }
    Ok(last)
}

fn peer_states(
    console: &Console,
    peers: &[pb::PeerInfo],
    deliveries: &BTreeMap<String, i64>,
) -> Result<BTreeMap<String, PeerState>, String> {
    let records = console.exchange.records();
    let outbox = records.outbox().map_err(|e| e.to_string())?;
    let alarms: BTreeSet<String> = records
        .evidence()
        .map_err(|e| e.to_string())?
        .into_iter()
        .filter_map(|(key, _)| {
            String::from_utf8_lossy(&key)
                .split('/')
                .nth(1)
                .map(str::to_string)
        })
        .collect();
    let mut states = BTreeMap::new();
    for peer in peers {
        let mut state = PeerState {
            alarm: alarms.contains(&peer.country),
            last_delivery: deliveries.get(&peer.country).copied(),
            ..PeerState::default()
        };
        if let Ok(country) = peer.country.parse::<CountryCode>() {
            state.witnessed = records
                .witnessed(country)
                .map_err(|e| e.to_string())?
                .is_some();
            for item in outbox.iter().filter(|item| item.to == country) {
                state.queue += 1;
                state.failing |= item.last_error.is_some();
            }
        }
        states.insert(peer.country.clone(), state);
    }
    Ok(states)
}

fn on_off(frame: &Frame<'_>, on: bool) -> String {
    frame.t(if on { "on" } else { "off" })
}

fn keys_and_configuration(frame: &Frame<'_>, console: &Console) -> Markup {
    let config = console.exchange.config();
    let keys = console.exchange.own_keys();
    let console_tls = config.console.as_ref().is_some_and(|c| c.tls.is_some());
    html! {
        section.card aria-labelledby="keys-h" {
            h2 id="keys-h" { (frame.t("keys-config")) }
            dl.facts {
                dt { (frame.t("own-key-id")) }
                dd { code { (keys.signer.key_id()) } }
                dt { (frame.t("previous-key-ids")) }
                dd {
                    @if keys.previous.is_empty() {
                        (frame.t("none"))
                    } @else {
                        @for (i, id) in keys.previous.keys().enumerate() {
                            @if i > 0 { ", " }
                            code { (id) }
                        }
                    }
                }
                dt { (frame.t("config-path")) }
                dd { code { (config.path.display().to_string()) } }
                dt { (frame.t("console-tls")) }
                dd { (on_off(frame, console_tls)) }
                dt { (frame.t("local-tls")) }
                dd { (on_off(frame, config.local_tls.is_some())) }
            }
        }
    }
}

/// `/admin/peers`: every peer, its health, deliveries and agreement.
pub async fn peers(State(console): State<Console>, person: Person) -> Response {
    if let Some(refused) = person.require(&console, admin, "list peers").await {
        return refused;
    }
    let tag = person.tag();
    let list = match console
        .admin
        .list_peers(as_person(&person.active.user, pb::PeersQuery {}))
        .await
    {
        Ok(list) => list.into_inner().peers,
        Err(status) => return status_page(&console, tag, &status),
    };
    let deliveries = match last_deliveries(&console, &person).await {
        Ok(deliveries) => deliveries,
        Err(status) => return status_page(&console, tag, &status),
    };
    let states = match peer_states(&console, &list, &deliveries) {
        Ok(states) => states,
        Err(e) => return super::layout::error_page(&console, tag, &e),
    };
    let frame = person.frame(&console);
    let body = html! {
        @if list.is_empty() {
            p { (frame.t("peers-none")) }
        } @else {
            div.table-wrap {
                table {
                    caption { (frame.t("peers-title")) }
                    thead { tr {
                        th scope="col" { (frame.t("col-country")) }
                        th scope="col" { (frame.t("col-endpoint")) }
                        th scope="col" { (frame.t("col-peer-health")) }
                        th scope="col" { (frame.t("col-last-delivery")) }
                        th scope="col" { (frame.t("col-queue")) }
                        th scope="col" { (frame.t("col-agreement")) }
                        th scope="col" { span.visually-hidden { (frame.t("compare")) } }
                    } }
                    tbody {
                        @for peer in &list {
                            @let state = states.get(&peer.country);
                            @let health = state.map_or(Health::Unknown, PeerState::health);
                            tr {
                                th scope="row" { (peer.country) }
                                td { code { (peer.endpoint) } }
                                td { span class=(format!("health {}", health.class())) { (frame.t(health.id())) } }
                                td {
                                    @if let Some(at) = state.and_then(|s| s.last_delivery) {
                                        time { (console.i18n.date_time(tag, at)) }
                                    } @else {
                                        (frame.t("never"))
                                    }
                                }
                                td.num { (console.i18n.number(tag, state.map_or(0, |s| s.queue as u64))) }
                                td {
                                    @if peer.agreement_version > 0 {
                                        (frame.t("yes"))
                                        " "
                                        span.hint { (console.i18n.text(tag, "agreement-version", Some(&super::i18n::args(&[("version", peer.agreement_version.into())])))) }
                                    } @else {
                                        (frame.t("no"))
                                    }
                                }
                                td { a href=(format!("/admin/agreements/{}", peer.country)) { (frame.t("compare")) } }
                            }
                        }
                    }
                }
            }
        }
        (keys_and_configuration(&frame, &console))
    };
    frame
        .page_refreshing(&frame.t("peers-title"), body, Some(60))
        .into_response()
}

/// One side's rules, by number, in words.
fn rule_lines(view: &pb::AgreementView) -> BTreeMap<u32, Vec<(&'static str, String)>> {
    view.rules
        .iter()
        .map(|rule| {
            let category = pb::Category::try_from(rule.category)
                .map(|c| c.as_str_name().to_string())
                .unwrap_or_else(|_| rule.category.to_string());
            let purposes: Vec<String> = rule
                .purposes
                .iter()
                .map(|p| {
                    pb::Purpose::try_from(*p)
                        .map(|p| p.as_str_name().to_string())
                        .unwrap_or_else(|_| p.to_string())
                })
                .collect();
            let handling = pb::HandlingCode::try_from(rule.handling)
                .map(|h| h.as_str_name().to_string())
                .unwrap_or_else(|_| rule.handling.to_string());
            (
                rule.number,
                vec![
                    ("agreement-category", category),
                    ("agreement-flows", rule.flows.join(", ")),
                    ("agreement-purposes", purposes.join(", ")),
                    ("agreement-release", rule.release.join(", ")),
                    ("agreement-handling", handling),
                    ("agreement-retention", rule.retention_days.to_string()),
                    ("agreement-daily-limit", rule.daily_limit.to_string()),
                    ("agreement-legal-bases", rule.legal_bases.join(", ")),
                    (
                        "agreement-dual-criminality",
                        rule.require_dual_criminality.to_string(),
                    ),
                ],
            )
        })
        .collect()
}

/// `/admin/agreements/{peer}`: this node's agreement and the peer's copy,
/// side by side, every difference marked.
pub async fn agreements(
    State(console): State<Console>,
    person: Person,
    Path(peer): Path<String>,
) -> Response {
    if let Some(refused) = person
        .require(&console, admin, "compare sharing agreements")
        .await
    {
        return refused;
    }
    let tag = person.tag();
    let comparison = match console
        .admin
        .compare_agreements(as_person(
            &person.active.user,
            pb::PeerRef {
                country: peer.clone(),
            },
        ))
        .await
    {
        Ok(comparison) => comparison.into_inner(),
        Err(status) => return status_page(&console, tag, &status),
    };
    let frame = person.frame(&console);
    let local = comparison.local.unwrap_or_default();
    let remote = comparison.peer.unwrap_or_default();
    let local_rules = rule_lines(&local);
    let remote_rules = rule_lines(&remote);
    let numbers: BTreeSet<u32> = local_rules
        .keys()
        .chain(remote_rules.keys())
        .copied()
        .collect();
    let title = console.i18n.text(
        tag,
        "agreements-title",
        Some(&super::i18n::args(&[(
            "peer",
            remote.holder.clone().into(),
        )])),
    );
    let version = |v: u64| {
        console.i18n.text(
            tag,
            "agreement-version",
            Some(&super::i18n::args(&[("version", v.into())])),
        )
    };
    let side = |view: &pb::AgreementView| {
        html! {
            (view.holder) " · " (version(view.version))
            br;
            code.hash { (view.hash) }
        }
    };
    let body = html! {
        @if comparison.disagreements.is_empty() {
            p.notice.ok role="status" { (frame.t("agreements-same")) }
        } @else {
            section.card aria-labelledby="diff-h" {
                h2 id="diff-h" { (frame.t("agreements-differences")) }
                div.table-wrap {
                    table.differences {
                        thead { tr {
                            th scope="col" { (frame.t("col-category")) }
                            th scope="col" { (frame.t("col-aspect")) }
                            th scope="col" { (frame.t("this-node")) }
                            th scope="col" { (frame.t("peer-side")) }
                            th scope="col" { (frame.t("col-explanation")) }
                        } }
                        tbody {
                            @for d in &comparison.disagreements {
                                tr.differs {
                                    td { (pb::Category::try_from(d.category).map(|c| c.as_str_name()).unwrap_or("")) }
                                    td { code { (d.aspect) } }
                                    td { (d.local) }
                                    td { (d.peer) }
                                    td { (d.explanation) }
                                }
                            }
                        }
                    }
                }
            }
        }
        div.table-wrap {
            table.side-by-side {
                caption { (title) }
                thead { tr {
                    th scope="col" { (frame.t("agreement-rule")) }
                    th scope="col" { (frame.t("this-node")) br; (side(&local)) }
                    th scope="col" { (frame.t("peer-side")) br; (side(&remote)) }
                } }
                tbody {
                    @for number in &numbers {
                        @let mine = local_rules.get(number);
                        @let theirs = remote_rules.get(number);
                        @let rows = mine.or(theirs).map_or(0, |r| r.len());
                        @for i in 0..rows {
                            @let a = mine.and_then(|r| r.get(i));
                            @let b = theirs.and_then(|r| r.get(i));
                            @let label = a.or(b).map_or("", |(id, _)| *id);
                            @let differs = a.map(|(_, v)| v) != b.map(|(_, v)| v);
                            tr class=[differs.then_some("differs")] {
                                th scope="row" {
                                    (console.i18n.text(tag, "agreement-rule-n", Some(&super::i18n::args(&[("n", (*number).into())]))))
                                    " · " (frame.t(label))
                                }
                                td { @if let Some((_, v)) = a { (v) } @else { em { (frame.t("absent")) } } }
                                td {
                                    @if let Some((_, v)) = b { (v) } @else { em { (frame.t("absent")) } }
                                    @if differs { " " strong.diff-mark { (frame.t("differs")) } }
                                }
                            }
                        }
                    }
                }
            }
        }
        p { a href="/admin/peers" { (frame.t("back")) } }
    };
    frame.page(&title, body).into_response()
}
