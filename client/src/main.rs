//! `liaison`: the command line for focal points and agency officers. It
//! talks to the local node's gRPC API with the user's bearer token and
//! prints tables, or JSON with `--json`.

mod audit;
mod output;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, bail};
use clap::{Args, Parser, Subcommand};
use liaison_proto::auth::BearerToken;
use liaison_proto::domain::{Category, CountryCode, Purpose, RefusalReason, RequestStatus};
use liaison_proto::pb;
use liaison_proto::pb::admin_client::AdminClient;
use liaison_proto::pb::agency_client::AgencyClient;
use liaison_proto::pb::audit_client::AuditClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use tonic::transport::Channel;

#[derive(Debug, Parser)]
#[command(
    name = "liaison",
    version,
    about = "Liaison: send, follow and answer cross-border information requests"
)]
struct Cli {
    /// The local node's API address.
    #[arg(
        long,
        env = "LIAISON_NODE",
        default_value = "http://127.0.0.1:7401",
        global = true
    )]
    node: String,
    /// Your bearer token.
    #[arg(long, env = "LIAISON_TOKEN", global = true, hide_env_values = true)]
    token: Option<String>,
    /// A file holding your bearer token.
    #[arg(long, env = "LIAISON_TOKEN_FILE", global = true)]
    token_file: Option<PathBuf>,
    /// Print JSON instead of tables.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Requests to other countries (focal points).
    #[command(subcommand)]
    Request(RequestCommand),
    /// Requests routed to your agency (agency officers).
    #[command(subcommand)]
    Agency(AgencyCommand),
    /// Sharing agreements: show, dry-run, compare (admins and auditors).
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// This node's peers (admins and auditors).
    Peers,
    /// The node's audit log (auditors and admins); `verify` works offline.
    #[command(subcommand)]
    Audit(AuditCommand),
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// Entries of the log, filtered.
    Log {
        #[arg(long)]
        peer: Option<CountryCode>,
        #[arg(long)]
        category: Option<Category>,
        /// From this time on: YYYY-MM-DD[THH:MM] (UTC) or a duration ago (7d).
        #[arg(long, value_parser = parse_time)]
        since: Option<i64>,
        /// Before this time: YYYY-MM-DD[THH:MM] (UTC) or a duration ago.
        #[arg(long, value_parser = parse_time)]
        until: Option<i64>,
        #[arg(long)]
        request: Option<String>,
        /// Only events starting with this, e.g. `policy.` or `witness.`.
        #[arg(long)]
        event: Option<String>,
    },
    /// Write the whole log, its signed tree head and every inclusion proof
    /// to a JSON Lines file that `audit verify` can check offline.
    Export {
        #[arg(long)]
        out: PathBuf,
    },
    /// Verify an export offline with only the node's public key.
    Verify {
        file: PathBuf,
        /// The node's public key: base64 of the raw key, or a file holding it
        /// (`signing-key.pub` next to the node's config).
        #[arg(long)]
        public_key: String,
    },
    /// Counts per peer, category and event, and answer times.
    Report {
        #[arg(long, value_parser = parse_time)]
        since: Option<i64>,
    },
    /// The node's latest signed tree head.
    Head,
}

#[derive(Debug, Subcommand)]
enum PolicyCommand {
    /// This node's agreement with a peer, or with every peer.
    Show { peer: Option<CountryCode> },
    /// Dry-run a request to a peer against both countries' agreements.
    Check {
        #[arg(long)]
        to: CountryCode,
        #[arg(long)]
        category: Category,
        #[arg(long)]
        purpose: Purpose,
    },
    /// Both countries' copies of their agreement, and where they disagree.
    Compare { peer: CountryCode },
}

#[derive(Debug, Subcommand)]
enum RequestCommand {
    /// Send a request to another country.
    Send(Box<SendArgs>),
    /// Show one request, with its answer and history.
    Get { request_id: String },
    /// List the requests this node sent.
    List {
        #[arg(long)]
        status: Option<RequestStatus>,
        /// Only requests to this country.
        #[arg(long)]
        country: Option<CountryCode>,
    },
    /// Follow a request until it is answered, refused, withdrawn or expired;
    /// without an id, follow every request.
    Watch { request_id: Option<String> },
    /// Withdraw a request you sent.
    Withdraw {
        request_id: String,
        #[arg(long, default_value = "")]
        reason: String,
    },
}

#[derive(Debug, Args)]
struct SendArgs {
    /// The country asked, e.g. KHM.
    #[arg(long)]
    to: CountryCode,
    #[arg(long)]
    category: Category,
    #[arg(long)]
    purpose: Purpose,
    /// UNODC ICCS offence code, e.g. 0204 for trafficking in persons; repeat
    /// for several offences, the main one first (e.g. --offence 0204
    /// --offence 070112 for forced criminality in a scam compound).
    #[arg(long, required = true)]
    offence: Vec<String>,
    /// Context for the answering agency.
    #[arg(long, default_value = "")]
    summary: String,
    /// How long the answer stays useful: e.g. 7d, 48h, 90m.
    #[arg(long, default_value = "14d", value_parser = parse_duration)]
    deadline: Duration,
    /// A response field wanted (repeat for several), e.g. subscriber_name.
    /// None: every field this node's agreement with the peer accepts.
    #[arg(long = "want", value_name = "FIELD")]
    want: Vec<String>,
    /// Subject: a phone number in E.164 form.
    #[arg(long, group = "subject")]
    phone: Option<String>,
    /// Subject: a person's full name.
    #[arg(long, group = "subject")]
    person: Option<String>,
    #[arg(long, requires = "person", value_parser = parse_birth_date)]
    date_of_birth: Option<String>,
    #[arg(long, requires = "person")]
    nationality: Option<String>,
    #[arg(long, requires = "person")]
    document: Option<String>,
    /// Subject: a crypto wallet, as NETWORK:ADDRESS (e.g. TRON:T9yD...).
    #[arg(long, group = "subject")]
    wallet: Option<String>,
    /// Subject: a company name.
    #[arg(long, group = "subject")]
    company: Option<String>,
    #[arg(long, requires = "company")]
    registration_number: Option<String>,
    #[arg(long, requires = "company")]
    jurisdiction: Option<String>,
}

#[derive(Debug, Subcommand)]
enum AgencyCommand {
    /// The requests awaiting your agency's answer.
    Inbox {
        /// Also show requests already answered or refused.
        #[arg(long)]
        all: bool,
        /// Keep listening and print new assignments as they arrive.
        #[arg(long)]
        follow: bool,
    },
    /// Everything about one assigned request: who asks what, about whom,
    /// by when, and what an answer would release under your agreement.
    Get { request_id: String },
    /// Answer a request, releasing fields given as name=value.
    Answer {
        request_id: String,
        #[arg(long = "field", value_name = "NAME=VALUE", required = true, value_parser = parse_field)]
        fields: Vec<pb::Field>,
        #[arg(long, default_value = "")]
        remarks: String,
    },
    /// Refuse a request, with a reason code.
    Refuse {
        request_id: String,
        #[arg(long)]
        reason: RefusalReason,
        #[arg(long, default_value = "")]
        explanation: String,
    },
}

/// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` (UTC) or a duration ago (`7d`)
/// into Unix milliseconds. Dates must exist in the calendar.
fn parse_time(text: &str) -> Result<i64, String> {
    if let Ok(ago) = parse_duration(text) {
        return Ok(now_ms() - i64::try_from(ago.as_millis()).unwrap_or(i64::MAX / 2));
    }
    liaison_proto::time::parse_utc(text).map_err(|rule| {
        format!("`{text}` {rule} (give YYYY-MM-DD, YYYY-MM-DDTHH:MM in UTC, or a duration like 7d)")
    })
}

/// Checks a date of birth: `YYYY-MM-DD`, a day that exists.
fn parse_birth_date(text: &str) -> Result<String, String> {
    liaison_proto::time::parse_date(text)
        .map(|_| text.to_string())
        .map_err(|rule| format!("`{text}` {rule}"))
}

/// Parses `7d`, `48h`, `90m` or `30s`.
fn parse_duration(text: &str) -> Result<Duration, String> {
    let (number, unit) = text.split_at(
        text.find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len()),
    );
    let n: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration like 7d, 48h or 90m"))?;
    let seconds = match unit {
        "d" => n.checked_mul(86_400),
        "h" => n.checked_mul(3_600),
        "m" => n.checked_mul(60),
        "s" => Some(n),
        _ => return Err(format!("`{text}`: the unit must be d, h, m or s")),
    };
    seconds
        .map(Duration::from_secs)
        .ok_or_else(|| format!("`{text}` is too long"))
}

fn parse_field(text: &str) -> Result<pb::Field, String> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}` is not NAME=VALUE"))?;
    Ok(pb::Field {
        name: name.trim().to_string(),
        value: value.to_string(),
    })
}

fn subject(args: &SendArgs) -> anyhow::Result<pb::Subject> {
    use pb::subject::Kind;
    let kind = if let Some(number) = &args.phone {
        Kind::Phone(pb::Phone {
            number: number.clone(),
        })
    } else if let Some(name) = &args.person {
        Kind::Person(pb::Person {
            full_name: name.clone(),
            date_of_birth: args.date_of_birth.clone().unwrap_or_default(),
            nationality: args.nationality.clone().unwrap_or_default(),
            document_number: args.document.clone().unwrap_or_default(),
        })
    } else if let Some(wallet) = &args.wallet {
        let (network, address) = wallet.split_once(':').context(
            "--wallet must be NETWORK:ADDRESS, e.g. TRON:T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb",
        )?;
        Kind::Wallet(pb::Wallet {
            network: network.to_string(),
            address: address.to_string(),
        })
    } else if let Some(name) = &args.company {
        Kind::Company(pb::Company {
            name: name.clone(),
            registration_number: args.registration_number.clone().unwrap_or_default(),
            jurisdiction: args.jurisdiction.clone().unwrap_or_default(),
        })
    } else {
        bail!("name the subject: --phone, --person, --wallet or --company");
    };
    Ok(pb::Subject { kind: Some(kind) })
}

fn token(cli: &Cli) -> anyhow::Result<BearerToken> {
    let text = match (&cli.token, &cli.token_file) {
        (Some(token), _) => token.clone(),
        (None, Some(path)) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the token file {}", path.display()))?,
        (None, None) => {
            bail!("give your token with --token, --token-file, LIAISON_TOKEN or LIAISON_TOKEN_FILE")
        }
    };
    BearerToken::new(&text).map_err(anyhow::Error::msg)
}

async fn channel(cli: &Cli) -> anyhow::Result<Channel> {
    Channel::from_shared(cli.node.clone())
        .with_context(|| {
            format!(
                "`{}` is not a node address like http://127.0.0.1:7401",
                cli.node
            )
        })?
        .connect_timeout(Duration::from_secs(5))
        .connect()
        .await
        .with_context(|| format!("cannot reach the node at {}", cli.node))
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Every request of a paged list: `page(after)` fetches the page after the
/// request `after` (empty for the first).
async fn all_pages<F, Fut>(mut page: F) -> anyhow::Result<Vec<pb::RequestView>>
where
    F: FnMut(String) -> Fut,
    Fut: std::future::Future<Output = Result<tonic::Response<pb::RequestList>, tonic::Status>>,
{
    let mut all = Vec::new();
    let mut after = String::new();
    loop {
        let list = page(after).await.map_err(status)?.into_inner();
        all.extend(list.requests);
        if list.next.is_empty() {
            return Ok(all);
        }
        after = list.next;
    }
}

/// Every message of a server stream.
async fn collect<T>(mut stream: tonic::Streaming<T>) -> anyhow::Result<Vec<T>> {
    let mut out = Vec::new();
    while let Some(item) = stream.message().await.map_err(status)? {
        out.push(item);
    }
    Ok(out)
}

/// Turns a gRPC status into an error that says what the node said.
pub(crate) fn status(e: tonic::Status) -> anyhow::Error {
    anyhow::anyhow!("{:?}: {}", e.code(), e.message())
}

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    if let Err(e) = run(&cli).await {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

async fn run(cli: &Cli) -> anyhow::Result<()> {
    // Verification is offline: no node, no token.
    if let Command::Audit(AuditCommand::Verify { file, public_key }) = &cli.command {
        if audit::verify(file, public_key, cli.json)? {
            return Ok(());
        }
        std::process::exit(1);
    }
    let token = token(cli)?;
    let channel = channel(cli).await?;
    let out = output::Printer { json: cli.json };
    match &cli.command {
        Command::Request(command) => {
            let mut client = FocalPointClient::with_interceptor(channel, token);
            match command {
                RequestCommand::Send(args) => {
                    let deadline =
                        now_ms() + i64::try_from(args.deadline.as_millis()).unwrap_or(i64::MAX / 2);
                    let view = client
                        .submit(pb::NewRequest {
                            to_country: args.to.to_string(),
                            category: pb::Category::from(args.category) as i32,
                            purpose: pb::Purpose::from(args.purpose) as i32,
                            offence_code: args.offence[0].clone(),
                            more_offence_codes: args.offence[1..].to_vec(),
                            subject: Some(subject(args)?),
                            summary: args.summary.clone(),
                            deadline_unix_ms: deadline,
                            requested_fields: args.want.clone(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.one(&view);
                }
                RequestCommand::Get { request_id } => {
                    let view = client
                        .get(pb::RequestRef {
                            request_id: request_id.clone(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.one(&view);
                }
                RequestCommand::List {
                    status: wanted,
                    country,
                } => {
                    let filter = pb::ListFilter {
                        status: wanted
                            .map(|s| pb::RequestStatus::from(s) as i32)
                            .unwrap_or(0),
                        country: country.map(|c| c.to_string()).unwrap_or_default(),
                        limit: 1000,
                        after: String::new(),
                    };
                    let all = all_pages(|after| {
                        let mut client = client.clone();
                        let filter = pb::ListFilter {
                            after,
                            ..filter.clone()
                        };
                        async move { client.list(filter).await }
                    })
                    .await?;
                    out.list(&all);
                }
                RequestCommand::Watch { request_id } => {
                    let mut stream = client
                        .watch(pb::RequestRef {
                            request_id: request_id.clone().unwrap_or_default(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    while let Some(view) = stream.message().await.map_err(status)? {
                        out.update(&view);
                    }
                }
                RequestCommand::Withdraw { request_id, reason } => {
                    let view = client
                        .withdraw(pb::WithdrawCall {
                            request_id: request_id.clone(),
                            reason: reason.clone(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.one(&view);
                }
            }
        }
        Command::Agency(command) => {
            let mut client = AgencyClient::with_interceptor(channel, token);
            match command {
                AgencyCommand::Inbox { all, follow: false } => {
                    let requests = all_pages(|after| {
                        let mut client = client.clone();
                        let filter = pb::InboxFilter {
                            include_closed: *all,
                            limit: 1000,
                            after,
                        };
                        async move { client.inbox(filter).await }
                    })
                    .await?;
                    out.inbox(&requests);
                }
                AgencyCommand::Get { request_id } => {
                    let assignment = client
                        .get(pb::RequestRef {
                            request_id: request_id.clone(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.assignment(&assignment);
                }
                AgencyCommand::Inbox { all, follow: true } => {
                    let mut stream = client
                        .stream_assignments(pb::InboxFilter {
                            include_closed: *all,
                            ..Default::default()
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    while let Some(view) = stream.message().await.map_err(status)? {
                        out.update(&view);
                    }
                }
                AgencyCommand::Answer {
                    request_id,
                    fields,
                    remarks,
                } => {
                    let view = client
                        .answer(pb::AnswerCall {
                            request_id: request_id.clone(),
                            fields: fields.clone(),
                            remarks: remarks.clone(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.one(&view);
                }
                AgencyCommand::Refuse {
                    request_id,
                    reason,
                    explanation,
                } => {
                    let view = client
                        .refuse(pb::RefuseCall {
                            request_id: request_id.clone(),
                            reason: pb::RefusalReason::from(*reason) as i32,
                            explanation: explanation.clone(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.one(&view);
                }
            }
        }
        Command::Audit(command) => {
            let mut client = AuditClient::with_interceptor(channel, token);
            match command {
                AuditCommand::Log {
                    peer,
                    category,
                    since,
                    until,
                    request,
                    event,
                } => {
                    let query = pb::EntryQuery {
                        peer: peer.map(|p| p.to_string()).unwrap_or_default(),
                        category: category.map(|c| pb::Category::from(c) as i32).unwrap_or(0),
                        since_unix_ms: since.unwrap_or(0),
                        until_unix_ms: until.unwrap_or(0),
                        request_id: request.clone().unwrap_or_default(),
                        event: event.clone().unwrap_or_default(),
                        from_index: 0,
                    };
                    let records = collect(
                        client
                            .stream_entries(query)
                            .await
                            .map_err(status)?
                            .into_inner(),
                    )
                    .await?;
                    audit::print_log(&audit::entries(&records)?, cli.json);
                }
                AuditCommand::Report { since } => {
                    let query = pb::EntryQuery {
                        since_unix_ms: since.unwrap_or(0),
                        ..pb::EntryQuery::default()
                    };
                    let records = collect(
                        client
                            .stream_entries(query)
                            .await
                            .map_err(status)?
                            .into_inner(),
                    )
                    .await?;
                    audit::report(&audit::entries(&records)?, cli.json);
                }
                AuditCommand::Export { out } => {
                    let mut stream = client
                        .export(pb::ExportQuery {})
                        .await
                        .map_err(status)?
                        .into_inner();
                    let (entries, head) = audit::export(&mut stream, out).await?;
                    println!(
                        "wrote {}: {}'s audit log, {entries} entries, root {}",
                        out.display(),
                        head.country,
                        hex::encode(&head.root_hash)
                    );
                }
                AuditCommand::Head => {
                    let head = client
                        .get_tree_head(pb::TreeHeadQuery {})
                        .await
                        .map_err(status)?
                        .into_inner();
                    println!("{}", liaison_proto::audit::tree_head_line(&head)?);
                }
                AuditCommand::Verify { .. } => unreachable!("handled above"),
            }
        }
        Command::Peers => {
            let mut client = AdminClient::with_interceptor(channel, token);
            let peers = client
                .list_peers(pb::PeersQuery {})
                .await
                .map_err(status)?
                .into_inner();
            out.peers(&peers);
        }
        Command::Policy(command) => {
            let mut client = AdminClient::with_interceptor(channel, token);
            match command {
                PolicyCommand::Show { peer } => {
                    let list = client
                        .show_agreements(pb::PeerRef {
                            country: peer.map(|p| p.to_string()).unwrap_or_default(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.agreements(&list);
                }
                PolicyCommand::Check {
                    to,
                    category,
                    purpose,
                } => {
                    let check = client
                        .check_policy(pb::PolicyQuery {
                            from_country: String::new(),
                            to_country: to.to_string(),
                            category: pb::Category::from(*category) as i32,
                            purpose: pb::Purpose::from(*purpose) as i32,
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.policy_check(&check);
                }
                PolicyCommand::Compare { peer } => {
                    let comparison = client
                        .compare_agreements(pb::PeerRef {
                            country: peer.to_string(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.comparison(&comparison);
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(
            parse_duration("7d").unwrap(),
            Duration::from_secs(7 * 86_400)
        );
        assert_eq!(parse_duration("90m").unwrap(), Duration::from_secs(5_400));
        assert!(parse_duration("7").is_err());
        assert!(parse_duration("d").is_err());
        assert!(parse_duration("7w").is_err());
        assert!(parse_duration("99999999999999999999d").is_err());
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("1970-01-02").unwrap(), 86_400_000);
        assert_eq!(parse_time("2000-03-01T01:30").unwrap(), 951_874_200_000);
        assert!(parse_time("2000-13-01").is_err());
        assert!(parse_time("2024-02-30").is_err());
        assert!(parse_time("2023-02-29T10:00").is_err());
        assert!(parse_birth_date("2024-02-29").is_ok());
        assert!(parse_birth_date("2023-02-29").is_err());
        assert!(parse_time("yesterday").is_err());
        let week_ago = parse_time("7d").unwrap();
        assert!((now_ms() - week_ago - 7 * 86_400_000).abs() < 60_000);
    }

    #[test]
    fn fields() {
        let f = parse_field("sim_status=active=yes").unwrap();
        assert_eq!(
            (f.name.as_str(), f.value.as_str()),
            ("sim_status", "active=yes")
        );
        assert!(parse_field("no-equals").is_err());
    }

    #[test]
    fn cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
