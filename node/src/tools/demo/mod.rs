//! `liaison-node demo`: four countries on loopback with fresh keys, and a
//! real case through the public gRPC APIs, printed step by step. Every
//! name, number and account in it is illustrative.
//!
//! 1. Thailand's case against a scam compound in Cambodia (ICCS 0204 and
//!    0701, under ACTIP): a. the compound's phone number and two online
//!    accounts, answered by Cambodia's police, `sim_status` redacted;
//!    b. its bank account, in the same case, accepted by Cambodia's
//!    agreement only because the request names ACTIP, and answered by its
//!    FIU, the balance redacted.
//! 2. A rescued Indonesian national is a possible victim: Thailand asks
//!    Indonesia to identify her, with trafficking indicators; Indonesia's
//!    victim-protection agency sees the non-punishment principle first and
//!    answers under `VICTIM_PROTECTED`; Indonesia's operator tries to
//!    loosen that code in its agreement and is refused (audited); Thailand
//!    then confirms her victim status to Indonesia.
//! 3. Thailand notifies Viet Nam of the case, then tries a wallet trace
//!    with Viet Nam; Thailand's own agreement with Viet Nam has no such
//!    rule, so it never leaves.
//! 4. Thailand's operator dry-runs a request and compares the two copies of
//!    the Thai-Cambodian agreement, which disagree on two points.
//! 5. Thailand witnesses its peers' audit logs.
//! 6. Each node prints its own audit trail.
//! 7. An auditor per country exports the log and verifies it offline; a
//!    copy with one entry altered fails.

use std::collections::BTreeMap;
use std::fmt::Display;
use std::future::Future;
use std::path::Path;
use std::time::Duration;

use liaison_proto::auth::BearerToken;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::admin_client::AdminClient;
use liaison_proto::pb::agency_client::AgencyClient;
use liaison_proto::pb::audit_client::AuditClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use tonic::codegen::InterceptedService;
use tonic::transport::Channel;

use crate::api::server::{self, RunningNode};
use crate::config::Config;
use crate::exchange::now_ms;
use crate::tools::devnet;

mod evidence;
mod hits;
mod scenario;

pub use scenario::{
    CASE_REFERENCE, bank_account_trace, compound_accounts, demo_agreements, phone_check,
    rescued_person,
};

/// How long any one step may take before the demo fails.
const STEP_TIMEOUT: Duration = Duration::from_secs(20);

/// Where the demo keeps its keys, configurations, stores and audit exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workspace {
    /// A temporary directory, deleted when the demo ends; so the demo names
    /// no file in it.
    Temporary,
    /// A directory the user chose (`--dir`), kept afterwards.
    Kept,
}

/// A demo step that did not happen as it should.
#[derive(Debug, thiserror::Error)]
#[error("demo failed: {0}")]
pub struct DemoFailure(pub String);

fn fail(what: impl Display) -> DemoFailure {
    DemoFailure(what.to_string())
}

pub type Focal = FocalPointClient<InterceptedService<Channel, BearerToken>>;
pub type AgencyApi = AgencyClient<InterceptedService<Channel, BearerToken>>;
pub type AdminApi = AdminClient<InterceptedService<Channel, BearerToken>>;

/// A running node with its local users' tokens.
#[derive(Debug)]
struct DemoNode {
    node: RunningNode,
    tokens: BTreeMap<String, String>,
    /// The node's directory (keys, config, exports).
    dir: std::path::PathBuf,
}

impl DemoNode {
    async fn channel(&self) -> Result<Channel, DemoFailure> {
        Channel::from_shared(format!("http://{}", self.node.local_addr))
            .map_err(fail)?
            .connect()
            .await
            .map_err(|e| fail(format!("cannot reach {}: {e}", self.node.country)))
    }

    fn token(&self, user: &str) -> Result<BearerToken, DemoFailure> {
        let token = self
            .tokens
            .get(user)
            .ok_or_else(|| fail(format!("no user {user}")))?;
        BearerToken::new(token).map_err(fail)
    }

    async fn focal_point(&self) -> Result<Focal, DemoFailure> {
        Ok(FocalPointClient::with_interceptor(
            self.channel().await?,
            self.token("focal-point")?,
        ))
    }

    async fn auditor(
        &self,
    ) -> Result<AuditClient<InterceptedService<Channel, BearerToken>>, DemoFailure> {
        Ok(AuditClient::with_interceptor(
            self.channel().await?,
            self.token("auditor")?,
        ))
    }

    async fn admin(&self) -> Result<AdminApi, DemoFailure> {
        Ok(AdminClient::with_interceptor(
            self.channel().await?,
            self.token("admin")?,
        ))
    }

    async fn agency(&self, agency: &str) -> Result<AgencyApi, DemoFailure> {
        Ok(AgencyClient::with_interceptor(
            self.channel().await?,
            self.token(&format!("{agency}-officer"))?,
        ))
    }
}

async fn within<T>(
    what: &str,
    step: impl Future<Output = Result<T, DemoFailure>>,
) -> Result<T, DemoFailure> {
    tokio::time::timeout(STEP_TIMEOUT, step)
        .await
        .map_err(|_| fail(format!("{what}: no result within {STEP_TIMEOUT:?}")))?
}

fn status_name(raw: i32) -> &'static str {
    pb::RequestStatus::try_from(raw)
        .map(|s| s.as_str_name())
        .unwrap_or("UNKNOWN")
}

/// Waits on a watch stream until the request reaches `status`.
async fn await_status(
    focal: &mut Focal,
    request_id: &str,
    status: pb::RequestStatus,
) -> Result<pb::RequestView, DemoFailure> {
    let mut stream = focal
        .watch(pb::RequestRef {
            request_id: request_id.to_string(),
        })
        .await
        .map_err(fail)?
        .into_inner();
    // The stream sends the request at once and again at every change, some
    // of which (a receipt, say) leave the status as it was.
    let mut shown = None;
    while let Some(view) = stream.message().await.map_err(fail)? {
        if shown != Some(view.status) {
            println!("      status now {}", status_name(view.status));
            shown = Some(view.status);
        }
        if view.status == status as i32 {
            return Ok(view);
        }
    }
    Err(fail(format!(
        "request {request_id} ended without reaching {}",
        status.as_str_name()
    )))
}

/// Waits for the next assignment of an agency.
async fn next_assignment(agency: &mut AgencyApi) -> Result<pb::RequestView, DemoFailure> {
    let mut stream = agency
        .stream_assignments(pb::InboxFilter {
            limit: 0,
            after: String::new(),
            include_closed: false,
        })
        .await
        .map_err(fail)?
        .into_inner();
    stream
        .message()
        .await
        .map_err(fail)?
        .ok_or_else(|| fail("assignment stream ended"))
}

/// The id of the request `country`'s focal point submitted, said aloud.
fn announce_submitted(country: &str, submitted: &pb::RequestView) -> Result<String, DemoFailure> {
    let request_id = submitted
        .request
        .as_ref()
        .map(|r| r.request_id.clone())
        .ok_or_else(|| fail("submit returned no request"))?;
    println!(
        "   {country} focal point submitted request {request_id}: {}",
        status_name(submitted.status)
    );
    Ok(request_id)
}

fn describe_answer(view: &pb::RequestView) -> Result<String, DemoFailure> {
    let answer = view
        .answer
        .as_ref()
        .ok_or_else(|| fail("no answer in the request"))?;
    Ok(match &answer.outcome {
        Some(pb::answer::Outcome::Released(released)) => {
            let fields: Vec<String> = released
                .fields
                .iter()
                .map(|f| match f.subject {
                    0 => format!("{} = {}", f.name, f.value),
                    i => format!("{} of subject {i} = {}", f.name, f.value),
                })
                .collect();
            let handling = pb::HandlingCode::try_from(released.handling)
                .map(|h| h.as_str_name())
                .unwrap_or("UNKNOWN");
            let mut text = format!(
                "answered by {} of {}: {}\n      handling {handling}, keep at most {} days, released under {}",
                answer.agency,
                answer.from_country,
                fields.join("; "),
                released.retention_days,
                released.rule
            );
            if !released.redacted_fields.is_empty() {
                text.push_str(&format!(
                    "\n      redacted by the agreement: {}",
                    released.redacted_fields.join(", ")
                ));
            }
            text
        }
        Some(pb::answer::Outcome::Refusal(refusal)) => format!(
            "refused by {} of {}: {} ({})",
            answer.agency,
            answer.from_country,
            pb::RefusalReason::try_from(refusal.reason)
                .map(|r| r.as_str_name())
                .unwrap_or("UNKNOWN"),
            refusal.explanation
        ),
        None => return Err(fail("answer has no outcome")),
    })
}

/// Runs the demo in `root`, printing each step. Fails on the first step
/// that does not happen as it should.
pub async fn run(root: &Path, workspace: Workspace, serve: bool) -> Result<(), DemoFailure> {
    let countries: Vec<CountryCode> = ["THA", "KHM", "VNM", "IDN"]
        .iter()
        .map(|c| c.parse().map_err(fail))
        .collect::<Result<_, _>>()?;
    match workspace {
        Workspace::Temporary => println!(
            "Liaison demo: four country nodes on loopback, with fresh keys in a temporary \
             directory that is deleted at the end (`--dir DIR` keeps them)"
        ),
        Workspace::Kept => println!(
            "Liaison demo: four country nodes on loopback, with fresh keys in {}",
            root.display()
        ),
    }
    let planned = devnet::plan_with(root, &countries, &demo_agreements).map_err(fail)?;
    let mut nodes: BTreeMap<CountryCode, DemoNode> = BTreeMap::new();
    for plan in planned {
        if plan.node.country.as_str() == "IDN" {
            name_victim_protection(&plan.node.config_path, "immigration")?;
        }
        demo_console(&plan.node.config_path)?;
        let config = Config::load(&plan.node.config_path).map_err(fail)?;
        let node = server::start(config, plan.listeners).await.map_err(fail)?;
        println!(
            "  started {}: federation (mutual TLS) on {}, local API on {}",
            node.country, node.federation_addr, node.local_addr
        );
        nodes.insert(
            plan.node.country,
            DemoNode {
                node,
                tokens: plan.node.tokens,
                dir: plan.node.dir,
            },
        );
    }
    let result = scenario(&nodes, &countries, workspace).await;
    if result.is_ok() {
        let accounts = console_accounts(&nodes).await?;
        if serve {
            println!("\nThe nodes keep running. Press Ctrl-C to stop them.");
            tokio::signal::ctrl_c().await.map_err(fail)?;
        } else if !accounts.is_empty() {
            println!(
                "\n(Not kept running: standard input is not a terminal, or --exit was given; \
                 run `cargo run -p liaison-node -- demo` in a terminal to use the consoles.)"
            );
        }
    }
    for (_, demo_node) in nodes {
        demo_node.node.shutdown().await.map_err(fail)?;
    }
    match &result {
        Ok(()) => println!("\nDemo complete: every step succeeded."),
        Err(e) => println!("\n{e}"),
    }
    if workspace == Workspace::Kept {
        println!(
            "Keys, configurations, stores and audit exports are kept in {}.",
            root.display()
        );
    }
    result
}

/// The demo's consoles let the admin in without a second factor (a new
/// user has no authenticator app at hand); a real node keeps
/// `require_totp = ["admin"]` from `init`.
fn demo_console(config_path: &Path) -> Result<(), DemoFailure> {
    let text = std::fs::read_to_string(config_path).map_err(fail)?;
    let entry = "require_totp = [\"admin\"]\n";
    if !text.contains(entry) {
        return Err(fail(format!("no console in {}", config_path.display())));
    }
    std::fs::write(config_path, text.replacen(entry, "", 1)).map_err(fail)
}

/// Gives each node one demo account per role (the console's own, with a
/// password fresh for this run, no change asked at sign-in), and prints
/// where each console is and who may sign in. Returns the accounts, by
/// country: (login, role, password).
async fn console_accounts(
    nodes: &BTreeMap<CountryCode, DemoNode>,
) -> Result<BTreeMap<CountryCode, Vec<(String, String, String)>>, DemoFailure> {
    let mut all = BTreeMap::new();
    println!(
        "\n8. The web consoles: sign in as any of these (illustrative accounts, passwords fresh for this run)"
    );
    for (country, demo_node) in nodes {
        let Some(address) = demo_node.node.console_addr else {
            continue;
        };
        let exchange = demo_node.node.exchange();
        let config = exchange.config();
        let mut roles: Vec<(String, String)> = vec![("focal".into(), "focal_point".into())];
        roles.extend(
            config
                .agencies
                .iter()
                .map(|a| (a.name.clone(), format!("agency:{}", a.name))),
        );
        roles.push(("auditor".into(), "auditor".into()));
        roles.push(("admin".into(), "admin".into()));
        let password = demo_password()?;
        let operator = crate::config::LocalUser {
            name: "demo".into(),
            role: crate::config::Role::Admin,
        };
        println!("  {country}  http://{address}/   password for every account: {password}");
        let mut accounts = Vec::new();
        for (login, role) in roles {
            exchange
                .add_person(&operator, &login, &role, Some(password.clone()))
                .await
                .map_err(fail)?;
            println!("        {login:<12} {role}");
            accounts.push((login, role, password.clone()));
        }
        all.insert(*country, accounts);
    }
    Ok(all)
}

/// A password for the demo's accounts: 16 letters and digits.
fn demo_password() -> Result<String, DemoFailure> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let bytes: [u8; 16] = crate::pki::random_bytes().map_err(fail)?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}

/// Names `agency` as the node's victim-protection agency in its config.
fn name_victim_protection(config_path: &Path, agency: &str) -> Result<(), DemoFailure> {
    let text = std::fs::read_to_string(config_path).map_err(fail)?;
    let entry = format!("name = \"{agency}\"\n");
    if !text.contains(&entry) {
        return Err(fail(format!(
            "no agency {agency} in {}",
            config_path.display()
        )));
    }
    let text = text.replacen(&entry, &format!("{entry}victim_protection = true\n"), 1);
    std::fs::write(config_path, text).map_err(fail)
}

/// Indonesia's operator writes a looser handling code for victim
/// identification into its agreement with Thailand and asks for a reload:
/// the file is refused (a victim's data is only ever VICTIM_PROTECTED), the
/// refusal audited as `config.reload_failed`, and the running agreement
/// stays. The file is then put back.
async fn weaken_victim_handling(idn: &DemoNode) -> Result<(), DemoFailure> {
    let config_path = idn.dir.join("liaison.toml");
    let agreement_path = idn.dir.join("agreements/tha.toml");
    let original = std::fs::read_to_string(&agreement_path).map_err(fail)?;
    let weakened = original.replacen(
        "handling = \"VICTIM_PROTECTED\"",
        "handling = \"NO_ONWARD_SHARING\"",
        1,
    );
    if weakened == original {
        return Err(fail("the agreement has no VICTIM_PROTECTED rule to weaken"));
    }
    std::fs::write(&agreement_path, weakened).map_err(fail)?;
    let loaded = Config::load(&config_path);
    std::fs::write(&agreement_path, original).map_err(fail)?;
    let error = match loaded {
        Ok(_) => return Err(fail("a weakened victim handling code was accepted")),
        Err(error) => error.to_string(),
    };
    // The error names the file by its full path; the audit entry and the
    // screen name it as the config does.
    let problem = error.split("`: ").nth(1).unwrap_or(&error);
    idn.node
        .exchange()
        .reload_failed(&format!("agreements/tha.toml: {problem}"))
        .await
        .map_err(fail)?;
    println!("   refused, the running agreement stays: {problem}");
    println!("   (audited by IDN as config.reload_failed)");
    Ok(())
}

async fn scenario(
    nodes: &BTreeMap<CountryCode, DemoNode>,
    countries: &[CountryCode],
    workspace: Workspace,
) -> Result<(), DemoFailure> {
    let [tha, khm, _vnm, idn] =
        [countries[0], countries[1], countries[2], countries[3]].map(|c| &nodes[&c]);
    let week = now_ms() + 7 * 24 * 3600 * 1000;
    let mut tha_focal = tha.focal_point().await?;

    println!(
        "\n1. Thailand's case {CASE_REFERENCE} against a scam compound in Cambodia: ICCS 0204 \
         trafficking in persons and 0701 fraud, under ACTIP (the ASEAN Convention against \
         Trafficking in Persons)"
    );
    println!("   a. the compound's recruiting number and two online accounts (PHONE_CHECK)");
    let submitted = within("submit", async {
        tha_focal
            .submit(compound_accounts("KHM", week))
            .await
            .map_err(fail)
    })
    .await?
    .into_inner();
    let request_id = announce_submitted("THA", &submitted)?;
    let case_id = submitted
        .request
        .as_ref()
        .map(|r| r.case_id.clone())
        .unwrap_or_default();
    println!("   case id {case_id}, which the case's other requests join");

    let mut khm_police = khm.agency("police").await?;
    let assignment = within("Cambodian assignment", next_assignment(&mut khm_police)).await?;
    let assigned_id = assignment
        .request
        .as_ref()
        .map(|r| r.request_id.as_str())
        .unwrap_or("");
    if assigned_id != request_id {
        return Err(fail(format!(
            "Cambodian police got request {assigned_id}, expected {request_id}"
        )));
    }
    println!(
        "   KHM verified the signed envelope and routed it to agency `{}`: {}",
        assignment.agency,
        status_name(assignment.status)
    );
    within("Cambodian answer", async {
        khm_police
            .answer(pb::AnswerCall {
                request_id: request_id.clone(),
                fields: vec![
                    pb::Field {
                        name: "subscriber_name".into(),
                        value: "Registered to a shell company".into(),
                        ..Default::default()
                    },
                    pb::Field {
                        name: "registration_date".into(),
                        value: "2024-02-11".into(),
                        ..Default::default()
                    },
                    pb::Field {
                        name: "sim_status".into(),
                        value: "active".into(),
                        ..Default::default()
                    },
                    // About the second subject, the Telegram account.
                    pb::Field {
                        subject: 1,
                        name: "registration_date".into(),
                        value: "2025-06-02".into(),
                    },
                    pb::Field {
                        subject: 1,
                        name: "subscriber_name".into(),
                        value: "Registered with a prepaid SIM".into(),
                    },
                ],
                remarks: "Subscriber details obtained from the operator.".into(),
                ..Default::default()
            })
            .await
            .map_err(fail)
    })
    .await?;
    println!("   KHM police answered; the answer is signed and queued for THA");
    let answered = within(
        "answer in Thailand",
        await_status(&mut tha_focal, &request_id, pb::RequestStatus::Answered),
    )
    .await?;
    println!(
        "   THA verified the answer: {}",
        describe_answer(&answered)?
    );
    let redacted = match answered.answer.as_ref().and_then(|a| a.outcome.as_ref()) {
        Some(pb::answer::Outcome::Released(r)) => r.redacted_fields.clone(),
        _ => Vec::new(),
    };
    if redacted != ["sim_status", "subscriber_name"] {
        return Err(fail(format!(
            "expected sim_status, and the account's subscriber_name, to be redacted, got \
             {redacted:?}"
        )));
    }
    if let Some(receipt) = &answered.receipt {
        println!(
            "   THA holds KHM's receipt for the request: its audit entry {}, proved under a tree head signed by key {}",
            receipt.audit_index, receipt.key_id
        );
    } else {
        return Err(fail("THA holds no receipt for its request"));
    }
    evidence::run(tha, khm, &request_id, workspace).await?;

    println!("   b. the bank account the compound is paid through (WALLET_TRACE, same case)");
    let submitted = within("submit", async {
        tha_focal
            .submit(bank_account_trace("KHM", &case_id, week))
            .await
            .map_err(fail)
    })
    .await?
    .into_inner();
    let request_id = announce_submitted("THA", &submitted)?;
    let mut khm_fiu = khm.agency("fiu").await?;
    let assignment = within("Cambodian FIU assignment", next_assignment(&mut khm_fiu)).await?;
    println!(
        "   KHM's agreement accepts it under ACTIP; routed to agency `{}`: {}",
        assignment.agency,
        status_name(assignment.status)
    );
    if let Some(offence) = assignment
        .request
        .as_ref()
        .and_then(|r| r.national_offence.as_ref())
    {
        println!(
            "   THA names its own offence: {} ({})",
            offence.statute, offence.title_en
        );
    }
    let indication = assignment
        .dual_criminality
        .as_ref()
        .ok_or_else(|| fail("no dual-criminality indication"))?;
    let status = pb::dual_criminality::Status::try_from(indication.status)
        .map(|s| s.as_str_name())
        .unwrap_or("UNKNOWN");
    let matched: Vec<String> = indication
        .matched
        .iter()
        .map(|m| format!("{} ({}, ICCS {})", m.statute, m.title_en, m.iccs_code))
        .collect();
    println!(
        "   dual criminality for the officer: {status} on ICCS {}, by KHM's {} (advice; a \
         person decides; an illustrative offences file)",
        indication.request_code,
        matched.join("; "),
    );
    within("Cambodian FIU answer", async {
        khm_fiu
            .answer(pb::AnswerCall {
                request_id: request_id.clone(),
                fields: vec![
                    pb::Field {
                        subject: 0,
                        name: "kyc_name".into(),
                        value: "Golden Fortune Trading Co., Ltd. (illustrative)".into(),
                    },
                    pb::Field {
                        subject: 0,
                        name: "transaction_summary".into(),
                        value: "Incoming transfers from 40 personal accounts, 2026-01 to 2026-10"
                            .into(),
                    },
                    pb::Field {
                        subject: 0,
                        name: "balance".into(),
                        value: "USD 182,000".into(),
                    },
                ],
                remarks: "Account frozen for 30 days pending a formal request.".into(),
                ..Default::default()
            })
            .await
            .map_err(fail)
    })
    .await?;
    let answered = within(
        "FIU answer in Thailand",
        await_status(&mut tha_focal, &request_id, pb::RequestStatus::Answered),
    )
    .await?;
    println!(
        "   THA verified the FIU's answer: {}",
        describe_answer(&answered)?
    );
    hits::run(tha, khm, &case_id, week).await?;

    println!(
        "\n2. A person rescued from the compound, an Indonesian national, is a possible victim: \
         Thailand asks Indonesia to identify her (VICTIM_IDENTIFICATION, same case)"
    );
    let submitted = within("submit", async {
        tha_focal
            .submit(rescued_person("IDN", &case_id, week))
            .await
            .map_err(fail)
    })
    .await?
    .into_inner();
    let identification_id = announce_submitted("THA", &submitted)?;
    let mut idn_protection = idn.agency("immigration").await?;
    let assignment = within(
        "Indonesian assignment",
        next_assignment(&mut idn_protection),
    )
    .await?;
    let assigned = assignment
        .request
        .as_ref()
        .ok_or_else(|| fail("the assignment has no request"))?;
    let np = assigned
        .non_punishment
        .as_ref()
        .ok_or_else(|| fail("the request carries no non-punishment element"))?;
    println!(
        "   IDN routed it to `{}`, its victim-protection agency (the only one the agreement lets \
         see victim data): {}",
        assignment.agency,
        status_name(assignment.status)
    );
    println!(
        "   the officer first sees NON-PUNISHMENT {}: {}",
        np.provision,
        liaison_proto::legal::title(&np.provision).unwrap_or("?")
    );
    let indicators = match assigned.subject.as_ref().and_then(|s| s.kind.as_ref()) {
        Some(pb::subject::Kind::Person(p)) => p.indicators.join(", "),
        _ => String::new(),
    };
    println!("   indicators seen: {indicators}");
    let dry_run = within("what an answer would release", async {
        idn_protection
            .get(pb::RequestRef {
                request_id: identification_id.clone(),
            })
            .await
            .map_err(fail)
    })
    .await?
    .into_inner()
    .dry_run
    .ok_or_else(|| fail("no dry run for the assignment"))?;
    println!(
        "   any answer about a possible victim is released only under {}, whatever the \
         agreements say",
        pb::HandlingCode::try_from(dry_run.handling)
            .map(|h| h.as_str_name())
            .unwrap_or("?")
    );
    within("Indonesian answer", async {
        idn_protection
            .answer(pb::AnswerCall {
                request_id: identification_id.clone(),
                fields: vec![
                    pb::Field {
                        subject: 0,
                        name: "identity_confirmed".into(),
                        value: "yes, from the civil registry".into(),
                    },
                    pb::Field {
                        subject: 0,
                        name: "consular_contact".into(),
                        value: "Consular officer on duty, Indonesian embassy in Bangkok".into(),
                    },
                ],
                remarks: "Family informed; return to be arranged.".into(),
                ..Default::default()
            })
            .await
            .map_err(fail)
    })
    .await?;
    let answered = within(
        "identification in Thailand",
        await_status(
            &mut tha_focal,
            &identification_id,
            pb::RequestStatus::Answered,
        ),
    )
    .await?;
    println!(
        "   THA verified the answer: {}",
        describe_answer(&answered)?
    );

    println!(
        "   Indonesia's operator tries to loosen the handling of victim identification in its \
         agreement with Thailand"
    );
    weaken_victim_handling(idn).await?;

    println!(
        "   Thailand's authority confirms her status as a victim and notifies Indonesia, her \
         country (CASE_NOTIFICATION, victim status CONFIRMED)"
    );
    let mut notification = rescued_person("IDN", &case_id, week);
    notification.category = pb::Category::CaseNotification as i32;
    notification.victim_status = pb::VictimStatus::Confirmed as i32;
    notification.follows_request_id = identification_id.clone();
    notification.summary = "Identified as a victim of trafficking by the Thai authorities.".into();
    let submitted = within("submit", async {
        tha_focal.submit(notification).await.map_err(fail)
    })
    .await?
    .into_inner();
    announce_submitted("THA", &submitted)?;
    let assignment = within(
        "Indonesian notification",
        next_assignment(&mut idn_protection),
    )
    .await?;
    println!(
        "   IDN routed the notification to its victim-protection agency `{}`: {}",
        assignment.agency,
        status_name(assignment.status)
    );

    println!(
        "\n3. Thailand tells Viet Nam of the case, whose compound also held Vietnamese \
         nationals (CASE_NOTIFICATION, same case)"
    );
    let mut notice = compound_accounts("VNM", week);
    notice.category = pb::Category::CaseNotification as i32;
    notice.more_subjects.clear();
    notice.case_id = case_id.clone();
    notice.summary = "A compound in Sihanoukville recruited through this number.".into();
    notice.legal_bases = vec!["ACTIP".into()];
    let submitted = within("submit", async {
        tha_focal.submit(notice).await.map_err(fail)
    })
    .await?
    .into_inner();
    let notice_id = announce_submitted("THA", &submitted)?;
    within(
        "notification in Viet Nam",
        await_status(&mut tha_focal, &notice_id, pb::RequestStatus::Sent),
    )
    .await?;
    println!("   then tries a wallet trace with Viet Nam (WALLET_TRACE)");
    let mut wallet = bank_account_trace("VNM", &case_id, week);
    wallet.subject = Some(pb::Subject {
        kind: Some(pb::subject::Kind::Wallet(pb::Wallet {
            network: "TRON".into(),
            address: "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb".into(),
        })),
        ..Default::default()
    });
    match tha_focal.submit(wallet).await {
        Ok(_) => {
            return Err(fail(
                "the wallet trace left Thailand although no rule allows it",
            ));
        }
        Err(status) if status.code() == tonic::Code::PermissionDenied => {
            println!("   refused at once, nothing sent: {}", status.message());
        }
        Err(status) => return Err(fail(format!("unexpected refusal: {status}"))),
    }
    let outgoing = tha
        .node
        .exchange()
        .list_outgoing(None, Some(countries[2]))
        .map_err(fail)?;
    if outgoing.len() != 1 {
        return Err(fail("a refused request to VNM was stored"));
    }

    println!("\n4. Thailand's operator checks the agreement with Cambodia");
    let mut tha_admin = tha.admin().await?;
    let check = tha_admin
        .check_policy(pb::PolicyQuery {
            from_country: String::new(),
            to_country: "KHM".into(),
            category: pb::Category::PhoneCheck as i32,
            purpose: pb::Purpose::Intelligence as i32,
            ..Default::default()
        })
        .await
        .map_err(fail)?
        .into_inner();
    let verdict = |d: Option<&pb::PolicyDecision>| match d {
        Some(d) => format!(
            "{} {} by {}",
            d.decided_by,
            if d.allowed { "allows" } else { "denies" },
            d.rule
        ),
        None => format!("peer unknown: {}", check.peer_error),
    };
    println!(
        "   dry run, PHONE_CHECK to KHM for INTELLIGENCE: {}; {} => {}",
        verdict(check.local.as_ref()),
        verdict(check.peer.as_ref()),
        if check.allowed {
            "would flow"
        } else {
            "would be refused"
        }
    );
    let comparison = tha_admin
        .compare_agreements(pb::PeerRef {
            country: "KHM".into(),
        })
        .await
        .map_err(fail)?
        .into_inner();
    if comparison.disagreements.is_empty() {
        return Err(fail("the seeded disagreement was not found"));
    }
    println!(
        "   liaison policy compare KHM: {} disagreement(s) between the two copies",
        comparison.disagreements.len()
    );
    for d in &comparison.disagreements {
        println!("      - {}", d.explanation);
    }

    println!("\n5. Thailand witnesses its peers' audit logs");
    let report = tha_admin
        .witness_peers(pb::PeerRef::default())
        .await
        .map_err(fail)?
        .into_inner();
    for result in &report.results {
        println!(
            "   {}: {} ({} entries, signed tree head verified)",
            result.peer, result.verdict, result.tree_size
        );
        if result.verdict != "first-seen" && result.verdict != "consistent" {
            return Err(fail(format!(
                "witnessing {} failed: {}",
                result.peer, result.detail
            )));
        }
    }

    println!("\n6. Each node's own audit trail (event, actor, peer, detail)");
    let mut trails = Vec::new();
    for (country, node) in nodes {
        let entries = node
            .node
            .exchange()
            .records()
            .audit_entries()
            .map_err(fail)?;
        trails.push((country, entries));
    }
    let all = || trails.iter().flat_map(|(_, entries)| entries);
    let event_width = all().map(|e| e.event.len()).max().unwrap_or(0);
    let actor_width = all().map(|e| e.actor.len()).max().unwrap_or(0);
    for (country, entries) in &trails {
        println!("   {country}: {} entries", entries.len());
        for entry in entries {
            let peer = entry.peer.map_or("-".to_string(), |p| p.to_string());
            let line = format!(
                "      #{:<3} {:<event_width$}  {:<actor_width$}  {peer:<3}  {}",
                entry.index, entry.event, entry.actor, entry.detail
            );
            println!("{}", line.trim_end());
        }
    }
    println!("\n7. Auditors export each log and verify it offline with only the node's public key");
    for (country, node) in nodes {
        let mut auditor = node.auditor().await?;
        let mut stream = auditor
            .export(pb::ExportQuery {})
            .await
            .map_err(fail)?
            .into_inner();
        let mut exported = String::new();
        while let Some(item) = stream.message().await.map_err(fail)? {
            exported.push_str(&liaison_proto::audit::item_line(&item).map_err(fail)?);
            exported.push('\n');
        }
        let path = node.dir.join("audit-export.jsonl");
        std::fs::write(&path, &exported).map_err(fail)?;
        let key_text = std::fs::read_to_string(node.dir.join("signing-key.pub")).map_err(fail)?;
        let key = crate::config::parse_public_key(&key_text).map_err(fail)?;
        let verdict = liaison_proto::audit::verify_export(&exported, &key).map_err(fail)?;
        let saved = match workspace {
            Workspace::Kept => format!(" ({})", path.display()),
            Workspace::Temporary => String::new(),
        };
        println!(
            "   {country}: VERIFIED {} entries, root {}…{saved}",
            verdict.tree_size,
            &hex::encode(verdict.root_hash)[..16],
        );
        // Change one character of one entry in a copy.
        let mut lines: Vec<String> = exported.lines().map(str::to_string).collect();
        let target = lines.len().min(4) - 1;
        lines[target] = lines[target].replacen("\"event\":\"", "\"event\":\"x", 1);
        match liaison_proto::audit::verify_export(&lines.join("\n"), &key) {
            Ok(_) => return Err(fail(format!("a tampered copy of {country}'s log verified"))),
            Err(failure) => println!(
                "   {country}: a copy with one entry altered FAILS: first bad index {}",
                failure.index.map_or("none".to_string(), |i| i.to_string())
            ),
        }
    }
    Ok(())
}
