//! `liaison`: the command line for focal points, agency officers, operators
//! and auditors. It talks to a node's local gRPC API with the user's
//! bearer token and prints tables, or JSON Lines with `--json`.
//!
//! `main` parses the command line (`Cli`), combines it with the
//! environment and the config file (`config`), connects (`connection`),
//! calls the node and prints (`output`, `audit`, `account`, `evidence`,
//! `indicators` and `hits`, which read their files with
//! `indicator_file`); `package` verifies a court evidence package
//! offline; `failure`
//! decides what the user sees when something goes wrong and the exit
//! status.

mod account;
mod audit;
mod config;
mod connection;
mod evidence;
#[cfg(test)]
mod fake_hits;
mod hits;
mod indicators;
mod output;
mod package;
mod subjects;
mod users;
mod vocabulary;

// The parsers of what a user types or gives in a file, in the library so
// that the fuzz targets (fuzz/) reach them; by their old paths.
use liaison_client::{failure, indicator_file, input};

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::parser::ValueSource;
use clap::{
    ArgGroup, ArgMatches, Args, ColorChoice, CommandFactory as _, FromArgMatches as _, Parser,
    Subcommand,
};
use liaison_proto::auth::BearerToken;
use liaison_proto::domain::{
    Category, CountryCode, Purpose, RefusalReason, RequestStatus, VictimStatus,
};
use liaison_proto::pb;
use liaison_proto::pb::admin_client::AdminClient;
use liaison_proto::pb::agency_client::AgencyClient;
use liaison_proto::pb::audit_client::AuditClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use liaison_proto::pb::hits_client::HitsClient;

use crate::config::{ConfigFile, Exposure, Flags, Given, Location, Origin, Secret, Settings};
use crate::failure::{Failure, status};
use crate::input::{When, parse_field, parse_when};
use crate::vocabulary::Vocabulary;

/// The help heading of the options every command takes.
const GLOBAL: &str = "Global options";

#[derive(Debug, Parser)]
#[command(
    name = "liaison",
    version,
    about = "Liaison: send, follow and answer cross-border information requests; check \
             identifiers privately against other countries' lists",
    after_help = "Settings: each of --node, --ca and the token is taken from the command line, \
                  else the environment (LIAISON_NODE, LIAISON_CA, LIAISON_TOKEN_FILE, \
                  LIAISON_TOKEN), else the config file (~/.config/liaison/config.toml, which \
                  `liaison login` writes), else the default (http://127.0.0.1:7401, no CA, no \
                  token).\n\nOutput: tables for people; --json gives JSON Lines (one object per \
                  record) on stdout, and errors as one JSON object on stderr. Exit status: 0 \
                  success, 1 the command failed, 2 the command line is wrong."
)]
struct Cli {
    /// The node's local API: http://HOST:PORT on the node's own host, or
    /// https://NAME:PORT when it serves TLS (`[local_tls]` in its
    /// liaison.toml; give its CA with --ca). Default: `node` in the config
    /// file, else http://127.0.0.1:7401.
    #[arg(
        long,
        env = "LIAISON_NODE",
        value_name = "URL",
        global = true,
        help_heading = GLOBAL
    )]
    node: Option<String>,
    /// The config file: `node`, `ca` and `token` (or `token_file`) for when
    /// neither the command line nor the environment gives them. Default:
    /// $XDG_CONFIG_HOME/liaison/config.toml, else
    /// ~/.config/liaison/config.toml.
    #[arg(
        long,
        env = "LIAISON_CONFIG",
        value_name = "PATH",
        global = true,
        help_heading = GLOBAL
    )]
    config: Option<PathBuf>,
    /// Your bearer token (prefer --token-file or `liaison login`: a command
    /// line is visible to other users of the machine).
    #[arg(
        long,
        env = "LIAISON_TOKEN",
        global = true,
        hide_env_values = true,
        help_heading = GLOBAL
    )]
    token: Option<String>,
    /// The PEM certificate of the CA that issued the node's local API
    /// certificate (its local CA, not the federation CA), for an https://
    /// --node.
    #[arg(
        long,
        env = "LIAISON_CA",
        value_name = "PATH",
        global = true,
        help_heading = GLOBAL
    )]
    ca: Option<PathBuf>,
    /// A client certificate (PEM) from the node's local CA, for an agency
    /// system the node knows by its certificate (then a token is needed
    /// only if its user has one too); with --key, over https:// only.
    #[arg(
        long,
        env = "LIAISON_CERT",
        value_name = "PATH",
        global = true,
        help_heading = GLOBAL
    )]
    cert: Option<PathBuf>,
    /// The private key of --cert (PEM, readable by you only).
    #[arg(
        long,
        env = "LIAISON_KEY",
        value_name = "PATH",
        global = true,
        help_heading = GLOBAL
    )]
    key: Option<PathBuf>,
    /// A file holding your bearer token, e.g. ~/.local/state/liaison/federation/tha/tokens/focal-point.token.
    #[arg(
        long,
        env = "LIAISON_TOKEN_FILE",
        value_name = "PATH",
        global = true,
        help_heading = GLOBAL
    )]
    token_file: Option<PathBuf>,
    /// Print JSON Lines (one object per record) instead of tables; errors
    /// become one JSON object on stderr.
    #[arg(long, global = true, help_heading = GLOBAL)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check your token with the node, then store it and the node's address in the config file.
    #[command(long_about = LOGIN_ABOUT)]
    Login,
    /// Remove your token from the config file (the node's address and CA stay).
    Logout,
    /// Show who the node takes your token to be: user, role and country.
    Whoami,
    /// Send, list, follow and withdraw requests to other countries (focal points).
    #[command(subcommand)]
    Request(RequestCommand),
    /// See, answer and refuse the requests routed to your agency (agency officers).
    #[command(subcommand)]
    Agency(AgencyCommand),
    /// Show, dry-run and compare sharing agreements (admins and auditors).
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// List this node's peers, their keys and agreements (admins and auditors).
    Peers,
    /// Read, report on, export and verify the audit log (auditors and admins).
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Add, list, disable, enable and reset people's accounts, and issue their tokens (admins).
    #[command(subcommand)]
    Users(UsersCommand),
    /// Attach, send, list and download evidence files of a request (focal points, agency
    /// officers); verify a court evidence package offline.
    #[command(subcommand)]
    Evidence(evidence::EvidenceCommand),
    /// Import, remove and count your agency's lists of identifiers that other countries may
    /// check (agency officers).
    #[command(subcommand)]
    Indicators(indicators::IndicatorsCommand),
    /// Check identifiers privately against another country's lists, and show a hit (focal
    /// points).
    #[command(subcommand)]
    Hit(hits::HitCommand),
}

/// People's accounts: officers, auditors and operators who sign in to the
/// console or call the node with a personal token.
#[derive(Debug, Subcommand)]
enum UsersCommand {
    /// Add a person; prints a one-time password, to be changed at the first sign-in.
    Add {
        /// The login: 2 to 32 lower-case letters, digits, `.`, `_` or `-`, starting with a letter.
        #[arg(value_name = "LOGIN")]
        login: String,
        /// The role: focal_point, agency:NAME (a configured agency), auditor or admin.
        #[arg(long, value_name = "ROLE")]
        role: String,
    },
    /// List every person's account: role, state, second factor, tokens.
    List,
    /// Disable a person: their sessions end and their tokens are refused.
    Disable {
        /// The person's login.
        #[arg(value_name = "LOGIN")]
        login: String,
    },
    /// Enable a disabled person again (also ends a sign-in lockout).
    Enable {
        /// The person's login.
        #[arg(value_name = "LOGIN")]
        login: String,
    },
    /// Give a person a new one-time password; their sessions end.
    ResetPassword {
        /// The person's login.
        #[arg(value_name = "LOGIN")]
        login: String,
        /// Also remove their second factor (for a person who lost it); they enrol a new one.
        #[arg(long)]
        remove_totp: bool,
    },
    /// Change a person's role; their sessions end.
    SetRole {
        /// The person's login.
        #[arg(value_name = "LOGIN")]
        login: String,
        /// The new role: focal_point, agency:NAME, auditor or admin.
        #[arg(value_name = "ROLE")]
        role: String,
    },
    /// Issue a personal API token for a person (at most 5), or revoke all of theirs.
    Token {
        /// The person's login.
        #[arg(value_name = "LOGIN")]
        login: String,
        /// Revoke every token the person holds instead of issuing one.
        #[arg(long)]
        revoke_all: bool,
    },
}

#[derive(Debug, Subcommand)]
enum AuditCommand {
    /// List the log's entries, filtered by peer, category, time, request or event.
    Log {
        /// Only entries about this peer country, e.g. KHM.
        #[arg(long, value_name = "COUNTRY")]
        peer: Option<CountryCode>,
        /// Only entries about requests of this category.
        #[arg(long, value_parser = Vocabulary::<Category>::new())]
        category: Option<Category>,
        /// From this moment on: a duration ago (7d, 72h), an RFC 3339
        /// date-time (2026-12-24T17:00:00+07:00), YYYY-MM-DDTHH:MM in UTC, or
        /// YYYY-MM-DD (00:00 UTC).
        #[arg(long, value_name = "WHEN", value_parser = parse_when)]
        since: Option<When>,
        /// Before this moment; the same forms as --since.
        #[arg(long, value_name = "WHEN", value_parser = parse_when)]
        until: Option<When>,
        /// Only entries about this request id.
        #[arg(long, value_name = "REQUEST_ID")]
        request: Option<String>,
        /// Only events whose name starts with this, e.g. `policy.` or `witness.`.
        #[arg(long, value_name = "PREFIX")]
        event: Option<String>,
    },
    /// Write the whole log, its signed tree head and every inclusion proof
    /// to a file that `audit verify` checks offline.
    Export {
        /// The file to write (JSON Lines, docs/audit-export.md).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Verify an exported log offline, with only the node's public key (no node, no token).
    Verify {
        /// The export file written by `audit export`.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The node's public key: base64 of the raw key, or a file holding it
        /// (`signing-key.pub` next to the node's config).
        #[arg(long, value_name = "KEY")]
        public_key: String,
    },
    /// Count entries per peer, category and event, with answer times (median, p90).
    Report {
        /// Only entries from this moment on; the same forms as `audit log --since`.
        #[arg(long, value_name = "WHEN", value_parser = parse_when)]
        since: Option<When>,
    },
    /// Show the node's latest signed tree head.
    Head,
}

#[derive(Debug, Subcommand)]
enum PolicyCommand {
    /// Show this node's agreement with a peer, or with every peer, as a table.
    #[command(after_long_help = handling_help())]
    Show {
        /// The peer country, e.g. KHM; every peer if left out.
        #[arg(value_name = "COUNTRY")]
        peer: Option<CountryCode>,
    },
    /// Dry-run a request to a peer against both countries' agreements.
    Check {
        /// The country the request would go to, e.g. KHM.
        #[arg(long, value_name = "COUNTRY")]
        to: CountryCode,
        /// The request's category.
        #[arg(long, value_parser = Vocabulary::<Category>::new())]
        category: Category,
        /// The request's purpose.
        #[arg(long, value_parser = Vocabulary::<Purpose>::new())]
        purpose: Purpose,
        #[command(flatten)]
        legal: LegalBases,
    },
    /// Show both countries' copies of their agreement, and where they disagree.
    Compare {
        /// The peer country, e.g. KHM.
        #[arg(value_name = "COUNTRY")]
        peer: CountryCode,
    },
}

/// The handling codes' meanings, for `policy show --help`.
fn handling_help() -> String {
    use crate::vocabulary::Term as _;
    let mut help = String::from("Handling codes (how the requester may use released data):");
    for code in liaison_proto::domain::HandlingCode::ALL {
        help.push_str(&format!("\n  {}: {}", code.name(), code.meaning()));
    }
    help
}

#[derive(Debug, Subcommand)]
enum RequestCommand {
    /// Send a request to another country.
    #[command(long_about = SEND_ABOUT)]
    Send(Box<SendArgs>),
    /// Show one request, with its answer and history.
    Get {
        /// The request's id, as `request send` or `request list` shows it.
        request_id: String,
    },
    /// List the requests this node sent.
    List {
        /// Only requests in this status.
        #[arg(long, value_parser = Vocabulary::<RequestStatus>::new())]
        status: Option<RequestStatus>,
        /// Only requests to this country, e.g. KHM.
        #[arg(long, value_name = "COUNTRY")]
        country: Option<CountryCode>,
    },
    /// Follow a request until it is final (answered, refused, withdrawn,
    /// expired or undeliverable); without an id, follow every request.
    Watch {
        /// The request's id; every request if left out.
        request_id: Option<String>,
    },
    /// Withdraw a request you sent, while it is still open.
    Withdraw {
        /// The request's id.
        request_id: String,
        /// Why it is withdrawn, e.g. "Suspect arrested".
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
        /// Read the reason from a file, or from stdin with `-`.
        #[arg(long, value_name = "PATH", conflicts_with = "reason")]
        reason_file: Option<PathBuf>,
    },
}

const LOGIN_ABOUT: &str =
    "Check your token with the node and store it, with the node's address and \
CA, in the config file.

The token is read from --token-file (or --token, LIAISON_TOKEN_FILE, LIAISON_TOKEN) when one is
given, else from stdin: one line, typed without echo after a prompt when stdin is a terminal. The
node in effect (--node, LIAISON_NODE, the file's `node`, or http://127.0.0.1:7401) is asked who
the token belongs to (liaison.v1.Account/WhoAmI); only if it accepts the token is the config file
written: `node`, `ca` (as an absolute path) and `token`, other lines and comments kept, in a new
file that only you can read (mode 0600, its directory 0700) put in place of the old one. Later
commands then need no --node, --ca or token: the command line and the environment still win
over the file, and the file's token and CA are used only with its own node.

Examples:
  # On a workstation, against a node serving TLS; type the token when asked.
  liaison --node https://tha-node.example:7401 --ca local-ca.pem login

  # From a token file the node's operator handed out.
  liaison --node http://127.0.0.1:7401 login --token-file focal-point.token

  # In a script: the token on stdin.
  liaison login < focal-point.token";

const SEND_ABOUT: &str = "Send a request to another country.

Name the country, the category (what you ask), the purpose (why), the ICCS
offence code and exactly one subject (--phone, --person, --wallet or
--company). The request is checked against this node's sharing agreement
with that country before anything leaves; the command prints the request,
SUBMITTED, and `liaison request watch ID` follows it from there.

To follow up a hit of `liaison hit check`, give its id with --follow-up
(and --follow-up-record N to cite another of its listings than the first):
the request goes to the hit's peer, so --to may be left out, and it is
about the value that hit, so no subject is needed.

Examples:
  # Who holds this phone number? Answer within 3 days; ask for two fields.
  liaison request send --to KHM --category PHONE_CHECK --purpose INVESTIGATION \\
      --offence 0204 --phone +85512345678 --deadline 72h \\
      --want subscriber_name --want registration_date \\
      --summary \"Number used by a recruiter in a scam-compound case\"

  # Identify a rescued person, by a fixed date in Bangkok time; the summary
  # is long, so it comes from a file.
  liaison request send --to VNM --category victim_identification \\
      --purpose victim_assistance --offence 0204 \\
      --person \"Nguyen Van A\" --date-of-birth 1998-04-12 --nationality VNM \\
      --deadline 2026-12-24T17:00:00+07:00 --summary-file case-notes.txt

  # Ask the agency whose list a checked number hit.
  liaison request send --follow-up HIT_ID --category phone_check \\
      --purpose investigation --offence 0204";

// A subject is required, except in a follow-up of a hit: the node then
// takes the value that hit as the subject.
#[derive(Debug, Args)]
#[command(group(
    ArgGroup::new("subject")
        .required(true)
        .multiple(true)
        .args(subjects::SUBJECT_FLAGS)
        .arg("follow_up")
))]
struct SendArgs {
    /// The country asked, e.g. KHM; several, comma-separated (KHM,VNM,IDN),
    /// send one request to each, under each one's agreement, in one case.
    /// With --follow-up: the hit's peer, the default.
    #[arg(
        long,
        value_name = "COUNTRY[,COUNTRY…]",
        value_delimiter = ',',
        required_unless_present = "follow_up"
    )]
    to: Vec<CountryCode>,
    /// What the request asks.
    #[arg(long, value_parser = Vocabulary::<Category>::new())]
    category: Category,
    /// Why you need the answer.
    #[arg(long, value_parser = Vocabulary::<Purpose>::new())]
    purpose: Purpose,
    /// UNODC ICCS offence code, e.g. 0204 for trafficking in persons; repeat
    /// for several offences, the main one first (e.g. --offence 0204
    /// --offence 0701, fraud, for forced criminality in a scam compound).
    /// Only codes in Liaison's ICCS list (proto/data/iccs.tsv) are accepted;
    /// `--help` lists them with their titles.
    #[arg(long, value_name = "CODE", required = true, long_help = vocabulary::offence_help())]
    offence: Vec<String>,
    /// Context for the answering agency.
    #[arg(long, value_name = "TEXT")]
    summary: Option<String>,
    /// Read the summary from a file, or from stdin with `-`.
    #[arg(long, value_name = "PATH", conflicts_with = "summary")]
    summary_file: Option<PathBuf>,
    /// The language the summary is written in, as a BCP 47 tag (th, km,
    /// lo, my, vi, id, ms, fil, en...): carried in the request, so that
    /// readers know what they read. Free text is never translated.
    #[arg(long, value_name = "TAG")]
    summary_language: Option<String>,
    /// When the answer stops being useful: a duration from now (72h, 7d) or
    /// a moment: an RFC 3339 date-time (2026-12-24T17:00:00+07:00),
    /// YYYY-MM-DDTHH:MM in UTC, or YYYY-MM-DD (00:00 UTC).
    #[arg(long, value_name = "WHEN", default_value = "14d", value_parser = parse_when)]
    deadline: When,
    /// A response field you ask for (repeat for several); `--help` lists
    /// each category's fields. Default: every field the agreement accepts.
    #[arg(
        long = "want",
        value_name = "FIELD",
        long_help = vocabulary::want_help()
    )]
    want: Vec<String>,
    /// Your own case number, carried in the signed request (e.g.
    /// TH-DSI-2026-0412).
    #[arg(long, value_name = "TEXT")]
    case_reference: Option<String>,
    /// The case this request joins: the case id of an earlier request.
    /// Without it the node starts a new case (one for all the countries of
    /// one send).
    #[arg(long = "case", value_name = "CASE_ID")]
    case_id: Option<String>,
    #[command(flatten)]
    legal: LegalBases,
    /// The bilateral agreement the BILATERAL basis names.
    #[arg(long, value_name = "TEXT")]
    legal_basis_reference: Option<String>,
    /// For a request about a possible victim: the non-punishment provision
    /// cited (ACTIP_ART_14_7 or NATIONAL_LAW); default: the node's.
    #[arg(
        long,
        value_name = "PROVISION",
        value_parser = input::parse_non_punishment,
        long_help = vocabulary::non_punishment_help()
    )]
    non_punishment: Option<String>,
    /// The statute and section NATIONAL_LAW names.
    #[arg(long, value_name = "TEXT", requires = "non_punishment")]
    non_punishment_reference: Option<String>,
    /// Make this CASE_NOTIFICATION a victim-status notification: CONFIRMED
    /// or WITHDRAWN, about the POSSIBLE_VICTIM person(s) given, to the
    /// country of their nationality. Needs --follows.
    #[arg(long, value_parser = Vocabulary::<VictimStatus>::new(), requires = "follows")]
    victim_status: Option<VictimStatus>,
    /// The earlier request this one follows up (its id).
    #[arg(long, value_name = "REQUEST_ID")]
    follows: Option<String>,
    /// One of your country's national offences that the request concerns,
    /// by its statute reference as your node's national offences file
    /// writes it (e.g. "Criminal Code s. 312/1"); the node adds its titles
    /// and signs it with the request. A statute the file does not hold is
    /// refused.
    #[arg(long, value_name = "STATUTE")]
    national_offence: Option<String>,
    /// A hit of this node's checks (its id, from `liaison hit check`) that
    /// the request follows up: it goes to the hit's peer (--to may be left
    /// out), cites the listing, and is about the value that hit unless a
    /// subject is given (a wallet needs its network: give --wallet then).
    #[arg(long, value_name = "HIT_ID")]
    follow_up: Option<String>,
    /// Which of the hit's listings to cite: its position from 0, as `hit
    /// check` and `hit show` number them. Default: 0.
    #[arg(long, value_name = "N", requires = "follow_up")]
    follow_up_record: Option<u32>,
    #[command(flatten)]
    subjects: subjects::SubjectArgs,
}

/// The request `request send` submits to the country `to`: what the
/// command line gave, the summary read, the deadline in Unix milliseconds,
/// the subjects (the first is the main one) and the case to join (empty:
/// the node starts one).
fn new_request(
    args: &SendArgs,
    to: &str,
    subjects: &[pb::Subject],
    summary: &str,
    deadline_unix_ms: i64,
    case_id: &str,
) -> pb::NewRequest {
    pb::NewRequest {
        to_country: to.to_string(),
        category: pb::Category::from(args.category) as i32,
        purpose: pb::Purpose::from(args.purpose) as i32,
        offence_code: args.offence[0].clone(),
        more_offence_codes: args.offence[1..].to_vec(),
        subject: subjects.first().cloned(),
        more_subjects: subjects.get(1..).unwrap_or_default().to_vec(),
        case_reference: args.case_reference.clone().unwrap_or_default(),
        case_id: case_id.to_string(),
        summary: summary.to_string(),
        deadline_unix_ms,
        requested_fields: args.want.clone(),
        legal_bases: args.legal.legal_bases.clone(),
        legal_basis_reference: args.legal_basis_reference.clone().unwrap_or_default(),
        non_punishment: args
            .non_punishment
            .as_ref()
            .map(|provision| pb::NonPunishment {
                provision: provision.clone(),
                reference: args.non_punishment_reference.clone().unwrap_or_default(),
            }),
        victim_status: args
            .victim_status
            .map_or(0, |s| pb::VictimStatus::from(s) as i32),
        follows_request_id: args.follows.clone().unwrap_or_default(),
        summary_language: args.summary_language.clone().unwrap_or_default(),
        national_offence: args
            .national_offence
            .as_ref()
            .map(|statute| pb::NationalOffence {
                statute: statute.clone(),
                ..Default::default()
            }),
        follow_up_hit: args.follow_up.clone().unwrap_or_default(),
        follow_up_record: args.follow_up_record.unwrap_or(0),
    }
}

/// The countries `request send` sends to: those of --to; for a follow-up
/// without --to, the hit's peer (`hit_peer`, which the caller asks the
/// node for). A hit has one peer, so a follow-up goes to one country.
fn destinations(args: &SendArgs, hit_peer: Option<&str>) -> Result<Vec<String>, Failure> {
    if args.follow_up.is_some() && args.to.len() > 1 {
        return Err(Failure::invalid(
            "--to",
            "--follow-up sends one request, to the hit's peer: give one country with --to, or \
             none",
        ));
    }
    match (args.to.is_empty(), hit_peer) {
        (true, Some(peer)) => Ok(vec![peer.to_string()]),
        (true, None) => Err(Failure::invalid(
            "--to",
            "give the country asked with --to (or --follow-up HIT_ID)",
        )),
        (false, _) => Ok(args.to.iter().map(ToString::to_string).collect()),
    }
}

/// `--legal-basis`, for a request and its dry run.
#[derive(Debug, Args)]
struct LegalBases {
    /// A legal basis the request is made under (repeat for several), e.g.
    /// ACTIP or UNTOC_ART_27; `--help` lists them.
    #[arg(
        long = "legal-basis",
        value_name = "CODE",
        value_parser = input::parse_legal_basis,
        long_help = vocabulary::legal_basis_help()
    )]
    legal_bases: Vec<String>,
}

#[derive(Debug, Subcommand)]
enum AgencyCommand {
    /// List the requests waiting for your agency's answer.
    Inbox {
        /// Also show requests already answered or refused.
        #[arg(long)]
        all: bool,
        /// Keep listening and print new assignments as they arrive.
        #[arg(long)]
        follow: bool,
    },
    /// Show one assigned request in full, and what an answer would release.
    ///
    /// Who asks, for what purpose and offences, about which subject, which
    /// fields, by when; then a dry run of your agreement: the fields an
    /// answer would release or withhold, and the handling code and retention
    /// it would carry.
    Get {
        /// The request's id, as `agency inbox` shows it.
        request_id: String,
    },
    /// Answer a request, releasing fields given as [SUBJECT:]NAME=VALUE.
    Answer {
        /// The request's id, as `agency inbox` shows it.
        request_id: String,
        /// A released field, [SUBJECT:]NAME=VALUE (repeat for several), e.g.
        /// subscriber_name="Somchai P.", or 1:kyc_name="Somchai P." for the
        /// request's second subject (positions from 0, as `agency get`
        /// lists them; 0 when not given). Each field once per subject.
        /// Fields the agreement does not release (for that subject's kind)
        /// are withheld by the node, and the withholding audited.
        #[arg(long = "field", value_name = "[SUBJECT:]NAME=VALUE", required = true, value_parser = parse_field)]
        fields: Vec<pb::Field>,
        /// Free-text remarks for the requesting country.
        #[arg(long, value_name = "TEXT")]
        remarks: Option<String>,
        /// Read the remarks from a file, or from stdin with `-`.
        #[arg(long, value_name = "PATH", conflicts_with = "remarks")]
        remarks_file: Option<PathBuf>,
        /// Your reason for answering although dual criminality is not
        /// established (10 to 1000 characters): needed when your agreement
        /// requires dual criminality for the category. It is kept with the
        /// request; the audit log records that you gave one, not what it says.
        #[arg(long, value_name = "TEXT")]
        dual_criminality_decision: Option<String>,
    },
    /// Refuse a request, with a reason code.
    Refuse {
        /// The request's id, as `agency inbox` shows it.
        request_id: String,
        /// Why the request is refused.
        #[arg(long, value_parser = Vocabulary::<RefusalReason>::new())]
        reason: RefusalReason,
        /// Free text explaining the refusal to the requesting country.
        #[arg(long, value_name = "TEXT")]
        explanation: Option<String>,
        /// Read the explanation from a file, or from stdin with `-`.
        #[arg(long, value_name = "PATH", conflicts_with = "explanation")]
        explanation_file: Option<PathBuf>,
    },
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

/// Whether `--json` was given, read from the raw arguments so that even a
/// command line clap refuses gets its error as JSON.
fn json_requested() -> bool {
    std::env::args_os()
        .skip(1)
        .take_while(|arg| arg != "--")
        .any(|arg| arg == "--json")
}

/// Colour only for a person at a terminal: never when `NO_COLOR` is set
/// (<https://no-color.org>) or when stdout or stderr is not a terminal,
/// whatever `CLICOLOR_FORCE` says.
fn colour() -> ColorChoice {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    if no_color || !std::io::stdout().is_terminal() || !std::io::stderr().is_terminal() {
        ColorChoice::Never
    } else {
        ColorChoice::Auto
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let json_out = json_requested();
    let mut command = Cli::command().color(colour());
    let (cli, flags) = match command
        .try_get_matches_from_mut(std::env::args_os())
        .and_then(|matches| Ok((Cli::from_arg_matches(&matches)?, matches)))
    {
        Ok((cli, matches)) => {
            let flags = flags(&cli, &matches);
            (cli, flags)
        }
        Err(e) => return failure::report_usage(&e.format(&mut command), json_out),
    };
    match run(&cli, flags).await {
        Ok(code) => code,
        Err(e) => failure::report(&e, cli.json),
    }
}

/// What the command line and the environment gave, each with where it
/// came from: clap merges an option with its environment variable, and
/// the value's source tells them apart.
fn flags(cli: &Cli, matches: &ArgMatches) -> Flags {
    fn given<T: Clone>(matches: &ArgMatches, id: &str, value: &Option<T>) -> Option<Given<T>> {
        let origin = match matches.value_source(id) {
            Some(ValueSource::EnvVariable) => Origin::Environment,
            _ => Origin::CommandLine,
        };
        value.clone().map(|value| Given { value, origin })
    }
    Flags {
        node: given(matches, "node", &cli.node),
        ca: given(matches, "ca", &cli.ca),
        token: given(matches, "token", &cli.token).map(|t| Given {
            value: Secret::new(&t.value),
            origin: t.origin,
        }),
        token_file: given(matches, "token_file", &cli.token_file),
    }
}

/// The config file to use, read and checked: `None` when there is none.
/// A file named with --config or LIAISON_CONFIG must exist, except for
/// `login` (which creates it) and `logout`.
fn config_file(cli: &Cli, location: Option<&Location>) -> Result<Option<ConfigFile>, Failure> {
    let Some(location) = location else {
        return Ok(None);
    };
    let writes = matches!(cli.command, Command::Login | Command::Logout);
    let exposure = if writes {
        Exposure::Replace
    } else {
        Exposure::Refuse
    };
    let file = ConfigFile::read(location, exposure)?;
    if file.is_none() && location.named && !writes {
        return Err(Failure::invalid(
            "--config",
            format!(
                "config file {} (named with --config or LIAISON_CONFIG) does not exist: write \
                 it, or create it with `liaison login`",
                location.path.display()
            ),
        ));
    }
    Ok(file)
}

/// Says where the setting at fault came from when it came from the
/// config file: the message alone would send the user to --node, --ca or
/// --token.
fn explain(error: anyhow::Error, settings: &Settings) -> anyhow::Error {
    let failure = match error.downcast::<Failure>() {
        Ok(failure) => failure,
        Err(error) => return error,
    };
    let origin = match (failure.field.as_deref(), failure.status) {
        (Some("--node"), _) => Some((&settings.node.origin, "`node`")),
        (Some("--ca"), _) => settings.ca.as_ref().map(|ca| (&ca.origin, "`ca`")),
        // The node refused the token sent (`login` names its own).
        (None, "UNAUTHENTICATED") => settings
            .token_origin()
            .map(|origin| (origin, "the token stored")),
        _ => None,
    };
    match origin {
        Some((Origin::File(path), what)) => failure
            .noting(&format!("{what} in config file {}", path.display()))
            .into(),
        _ => failure.into(),
    }
}

async fn run(cli: &Cli, flags: Flags) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    // Verification is offline: no node, no token.
    if let Command::Audit(AuditCommand::Verify { file, public_key }) = &cli.command {
        let held = audit::verify(&mut stdout.lock(), file, public_key, cli.json)?;
        return Ok(if held {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    if let Command::Evidence(evidence::EvidenceCommand::Verify { file, public_key }) = &cli.command
    {
        let held = package::verify(&mut stdout.lock(), file, public_key, cli.json)?;
        return Ok(if held {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    let location = Location::find(cli.config.as_deref())?;
    let file = config_file(cli, location.as_ref())?;
    let mut out = output::Printer::new(cli.json, stdout);
    if let Command::Logout = cli.command {
        account::logout(location.as_ref(), file.as_ref(), &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let settings = Settings::resolve(flags, file);
    if let Command::Login = cli.command {
        account::login(&settings, location.as_ref(), &mut out)
            .await
            .map_err(|e| explain(e, &settings))?;
        return Ok(ExitCode::SUCCESS);
    }
    let client =
        connection::ClientCertificate::from_flags(cli.cert.as_deref(), cli.key.as_deref())?;
    let token = match settings.bearer() {
        Ok(token) => token,
        // A client certificate may name the caller on its own.
        Err(_) if client.is_some() && settings.token_origin().is_none() => BearerToken::none(),
        Err(e) => return Err(e.into()),
    };
    let channel = connection::connect(
        &settings.node.value,
        settings.ca.as_ref().map(|ca| ca.value.as_path()),
        client.as_ref(),
    )
    .await
    .map_err(|e| explain(e.into(), &settings))?;
    call(cli, &settings, channel, token, &mut out)
        .await
        .map_err(|e| explain(e, &settings))?;
    Ok(ExitCode::SUCCESS)
}

/// Runs a command that calls the node.
async fn call(
    cli: &Cli,
    settings: &Settings,
    channel: tonic::transport::Channel,
    token: BearerToken,
    out: &mut output::Printer<std::io::Stdout>,
) -> anyhow::Result<()> {
    match &cli.command {
        Command::Whoami => account::whoami(&settings.node.value, channel, token, out).await?,
        Command::Login | Command::Logout => unreachable!("handled in run"),
        Command::Request(command) => {
            // `send --follow-up` may ask the Hits service for the hit's peer.
            let mut client = FocalPointClient::with_interceptor(channel.clone(), token.clone());
            match command {
                RequestCommand::Send(args) => {
                    let summary = input::long_text(
                        args.summary.as_deref(),
                        args.summary_file.as_deref(),
                        "--summary-file",
                    )?;
                    let now = now_ms();
                    let deadline = args.deadline.ahead_of(now);
                    if deadline <= now {
                        return Err(Failure::invalid(
                            "--deadline",
                            format!(
                                "--deadline {} has already passed: give a later moment or a \
                                 duration such as 72h",
                                liaison_proto::time::rfc3339(deadline)
                            ),
                        )
                        .into());
                    }
                    let subjects = args.subjects.subjects()?;
                    let hit_peer = match &args.follow_up {
                        Some(hit_id) if args.to.is_empty() => {
                            let mut hits =
                                HitsClient::with_interceptor(channel.clone(), token.clone());
                            let hit = hits
                                .get_hit(pb::HitRef {
                                    hit_id: hit_id.clone(),
                                })
                                .await
                                .map_err(status)?
                                .into_inner();
                            Some(hit.peer)
                        }
                        _ => None,
                    };
                    let to_countries = destinations(args, hit_peer.as_deref())?;
                    let mut case_id = args.case_id.clone().unwrap_or_default();
                    for (i, to) in to_countries.iter().enumerate() {
                        let outcome = client
                            .submit(new_request(
                                args, to, &subjects, &summary, deadline, &case_id,
                            ))
                            .await;
                        let view = match outcome {
                            Ok(view) => view.into_inner(),
                            Err(e) if i > 0 => {
                                // The countries before were sent: say which
                                // was not, and stop.
                                let sent = &to_countries[..i];
                                return Err(Failure::new(
                                    liaison_proto::status::code_name(e.code()),
                                    None,
                                    format!(
                                        "sent to {} (case {case_id}); not to {to} or after: {}",
                                        sent.join(", "),
                                        e.message()
                                    ),
                                )
                                .into());
                            }
                            Err(e) => return Err(status(e)),
                        };
                        if case_id.is_empty() {
                            // The node started the case: the other countries join it.
                            case_id = view
                                .request
                                .as_ref()
                                .map(|r| r.case_id.clone())
                                .unwrap_or_default();
                        }
                        out.one(&view)?;
                    }
                }
                RequestCommand::Get { request_id } => {
                    let view = client
                        .get(pb::RequestRef {
                            request_id: request_id.clone(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.one(&view)?;
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
                    out.list(&all)?;
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
                        out.update(&view)?;
                    }
                }
                RequestCommand::Withdraw {
                    request_id,
                    reason,
                    reason_file,
                } => {
                    let reason = input::long_text(
                        reason.as_deref(),
                        reason_file.as_deref(),
                        "--reason-file",
                    )?;
                    let view = client
                        .withdraw(pb::WithdrawCall {
                            request_id: request_id.clone(),
                            reason,
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.one(&view)?;
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
                    out.inbox(&requests)?;
                }
                AgencyCommand::Get { request_id } => {
                    let assignment = client
                        .get(pb::RequestRef {
                            request_id: request_id.clone(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.assignment(&assignment)?;
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
                        out.update(&view)?;
                    }
                }
                AgencyCommand::Answer {
                    request_id,
                    fields,
                    remarks,
                    remarks_file,
                    dual_criminality_decision,
                } => {
                    let remarks = input::long_text(
                        remarks.as_deref(),
                        remarks_file.as_deref(),
                        "--remarks-file",
                    )?;
                    let view = client
                        .answer(pb::AnswerCall {
                            request_id: request_id.clone(),
                            fields: fields.clone(),
                            remarks,
                            dual_criminality_decision: dual_criminality_decision
                                .clone()
                                .unwrap_or_default(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.one(&view)?;
                }
                AgencyCommand::Refuse {
                    request_id,
                    reason,
                    explanation,
                    explanation_file,
                } => {
                    let explanation = input::long_text(
                        explanation.as_deref(),
                        explanation_file.as_deref(),
                        "--explanation-file",
                    )?;
                    let view = client
                        .refuse(pb::RefuseCall {
                            request_id: request_id.clone(),
                            reason: pb::RefusalReason::from(*reason) as i32,
                            explanation,
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.one(&view)?;
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
                    let now = now_ms();
                    let query = pb::EntryQuery {
                        peer: peer.map(|p| p.to_string()).unwrap_or_default(),
                        category: category.map(|c| pb::Category::from(c) as i32).unwrap_or(0),
                        since_unix_ms: since.map(|w| w.before(now)).unwrap_or(0),
                        until_unix_ms: until.map(|w| w.before(now)).unwrap_or(0),
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
                    audit::print_log(&mut out.out, &audit::entries(&records)?, cli.json)?;
                }
                AuditCommand::Report { since } => {
                    let query = pb::EntryQuery {
                        since_unix_ms: since.map(|w| w.before(now_ms())).unwrap_or(0),
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
                    audit::report(&mut out.out, &audit::entries(&records)?, cli.json)?;
                }
                AuditCommand::Export { out: file } => {
                    let mut stream = client
                        .export(pb::ExportQuery {})
                        .await
                        .map_err(status)?
                        .into_inner();
                    let (entries, head) = audit::export(&mut stream, file).await?;
                    audit::print_export(&mut out.out, file, entries, &head, cli.json)?;
                }
                AuditCommand::Head => {
                    let head = client
                        .get_tree_head(pb::TreeHeadQuery {})
                        .await
                        .map_err(status)?
                        .into_inner();
                    audit::print_head(&mut out.out, &head, cli.json)?;
                }
                AuditCommand::Verify { .. } => unreachable!("handled above"),
            }
        }
        Command::Users(command) => users::run(command, channel, token, out).await?,
        Command::Evidence(evidence::EvidenceCommand::Verify { .. }) => {
            unreachable!("offline: handled in `run`")
        }
        Command::Evidence(command) => evidence::run(command, channel, token, out).await?,
        Command::Indicators(command) => indicators::run(command, channel, token, out).await?,
        Command::Hit(command) => hits::run(command, channel, token, out).await?,
        Command::Peers => {
            let mut client = AdminClient::with_interceptor(channel, token);
            let peers = client
                .list_peers(pb::PeersQuery {})
                .await
                .map_err(status)?
                .into_inner();
            out.peers(&peers)?;
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
                    out.agreements(&list)?;
                }
                PolicyCommand::Check {
                    to,
                    category,
                    purpose,
                    legal,
                } => {
                    let check = client
                        .check_policy(pb::PolicyQuery {
                            from_country: String::new(),
                            to_country: to.to_string(),
                            category: pb::Category::from(*category) as i32,
                            purpose: pb::Purpose::from(*purpose) as i32,
                            legal_bases: legal.legal_bases.clone(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.policy_check(&check)?;
                }
                PolicyCommand::Compare { peer } => {
                    let comparison = client
                        .compare_agreements(pb::PeerRef {
                            country: peer.to_string(),
                        })
                        .await
                        .map_err(status)?
                        .into_inner();
                    out.comparison(&comparison)?;
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
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("liaison").chain(args.iter().copied()))
    }

    const SEND: &[&str] = &[
        "request",
        "send",
        "--to",
        "khm",
        "--category",
        "phone-check",
        "--purpose",
        "investigation",
        "--offence",
        "0204",
    ];

    #[test]
    fn a_request_names_one_subject_or_more_in_order() {
        let missing = parse(SEND).unwrap_err();
        assert_eq!(
            missing.kind(),
            clap::error::ErrorKind::MissingRequiredArgument
        );
        let cli = parse(
            &[
                SEND,
                &[
                    "--company",
                    "X",
                    "--phone",
                    "suspect=+85512345678",
                    "--phone",
                    "+85512345679",
                    "--online",
                    "witness=TELEGRAM:@jobs",
                ],
            ]
            .concat(),
        )
        .unwrap();
        let Command::Request(RequestCommand::Send(args)) = cli.command else {
            panic!("not a send");
        };
        let subjects = args.subjects.subjects().unwrap();
        let roles: Vec<i32> = subjects.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            vec![
                pb::SubjectRole::Suspect as i32,
                pb::SubjectRole::Unspecified as i32,
                pb::SubjectRole::Unspecified as i32,
                pb::SubjectRole::Witness as i32,
            ]
        );
        assert!(matches!(
            subjects[2].kind,
            Some(pb::subject::Kind::Company(_))
        ));
        // A person's details need the person.
        let orphan = parse(&[SEND, &["--phone", "+85512345678", "--nationality", "VNM"]].concat())
            .unwrap_err();
        assert_eq!(
            orphan.kind(),
            clap::error::ErrorKind::MissingRequiredArgument
        );
    }

    #[test]
    fn a_long_text_comes_inline_or_from_a_file_not_both() {
        let both = parse(
            &[
                SEND,
                &["--phone", "+1", "--summary", "a", "--summary-file", "-"],
            ]
            .concat(),
        )
        .unwrap_err();
        assert_eq!(both.kind(), clap::error::ErrorKind::ArgumentConflict);
        for (command, inline, file) in [
            (
                &["request", "withdraw", "ID"][..],
                "--reason",
                "--reason-file",
            ),
            (
                &["agency", "refuse", "ID", "--reason", "other"][..],
                "--explanation",
                "--explanation-file",
            ),
            (
                &["agency", "answer", "ID", "--field", "a=b"][..],
                "--remarks",
                "--remarks-file",
            ),
        ] {
            let both = parse(&[command, &[inline, "x", file, "-"]].concat()).unwrap_err();
            assert_eq!(
                both.kind(),
                clap::error::ErrorKind::ArgumentConflict,
                "{file}"
            );
            assert!(parse(&[command, &[file, "-"]].concat()).is_ok(), "{file}");
        }
    }

    #[test]
    fn deadlines_take_durations_and_moments() {
        let cli = parse(
            &[
                SEND,
                &["--phone", "+1", "--deadline", "2026-12-24T17:00:00+07:00"],
            ]
            .concat(),
        )
        .unwrap();
        let Command::Request(RequestCommand::Send(args)) = cli.command else {
            panic!("not a send");
        };
        assert_eq!(args.deadline, When::At(1_798_106_400_000));
        let error = parse(&[SEND, &["--phone", "+1", "--deadline", "2026-02-29"]].concat())
            .unwrap_err()
            .to_string();
        assert!(error.contains("--deadline"), "{error}");
        assert!(
            error.contains("names a day that its month does not have"),
            "{error}"
        );
    }

    const FOLLOW_UP: &[&str] = &[
        "request",
        "send",
        "--category",
        "phone-check",
        "--purpose",
        "investigation",
        "--offence",
        "0204",
        "--follow-up",
        "hit-1",
    ];

    fn send_args(cli: Cli) -> Box<SendArgs> {
        let Command::Request(RequestCommand::Send(args)) = cli.command else {
            panic!("not a send");
        };
        args
    }

    #[test]
    fn a_follow_up_needs_neither_a_subject_nor_a_country() {
        let args = send_args(parse(FOLLOW_UP).unwrap());
        assert!(args.to.is_empty());
        let subjects = args.subjects.subjects().unwrap();
        assert!(subjects.is_empty());
        // Without --to, the hit's peer is the one country.
        assert_eq!(destinations(&args, Some("KHM")).unwrap(), ["KHM"]);
        let request = new_request(&args, "KHM", &subjects, "", 1_000, "");
        assert_eq!(request.to_country, "KHM");
        assert_eq!(request.follow_up_hit, "hit-1");
        assert_eq!(request.follow_up_record, 0);
        assert_eq!(request.subject, None);
        assert!(request.more_subjects.is_empty());

        // A record, a country and a subject may be given too.
        let args = send_args(
            parse(
                &[
                    FOLLOW_UP,
                    &[
                        "--follow-up-record",
                        "2",
                        "--to",
                        "khm",
                        "--wallet",
                        "TRON:TXyz",
                    ],
                ]
                .concat(),
            )
            .unwrap(),
        );
        assert_eq!(destinations(&args, None).unwrap(), ["KHM"]);
        let subjects = args.subjects.subjects().unwrap();
        let request = new_request(&args, "KHM", &subjects, "s", 1_000, "case-1");
        assert_eq!(request.follow_up_record, 2);
        assert!(request.subject.is_some());
        assert_eq!(request.case_id, "case-1");
        assert_eq!(request.summary, "s");

        // A hit has one peer.
        let args = send_args(parse(&[FOLLOW_UP, &["--to", "KHM,VNM"]].concat()).unwrap());
        let error = destinations(&args, None).unwrap_err();
        assert_eq!(error.field.as_deref(), Some("--to"));

        // Without --follow-up, the country, a subject and the record's hit
        // are all still required.
        let no_to = parse(
            &SEND[..2]
                .iter()
                .chain(&SEND[4..])
                .copied()
                .chain(["--phone", "+1"])
                .collect::<Vec<_>>(),
        )
        .unwrap_err();
        assert_eq!(
            no_to.kind(),
            clap::error::ErrorKind::MissingRequiredArgument
        );
        let orphan =
            parse(&[SEND, &["--phone", "+1", "--follow-up-record", "1"]].concat()).unwrap_err();
        assert_eq!(
            orphan.kind(),
            clap::error::ErrorKind::MissingRequiredArgument
        );
    }

    #[test]
    fn a_request_without_a_follow_up_carries_none() {
        let args = send_args(
            parse(
                &[
                    SEND,
                    &["--phone", "+85512345678", "--phone", "+85512345679"],
                ]
                .concat(),
            )
            .unwrap(),
        );
        assert_eq!(destinations(&args, None).unwrap(), ["KHM"]);
        let subjects = args.subjects.subjects().unwrap();
        let request = new_request(&args, "KHM", &subjects, "", 1_000, "");
        assert!(request.follow_up_hit.is_empty());
        assert_eq!(request.more_subjects.len(), 1);
        assert_eq!(request.offence_code, "0204");
    }

    #[test]
    fn indicator_commands_take_their_files_and_flags() {
        let import = [
            "indicators",
            "import",
            "--agency",
            "police",
            "--list",
            "compound-numbers",
            "--kind",
            "Phone",
            "numbers.csv",
        ];
        let Command::Indicators(indicators::IndicatorsCommand::Import { kind, .. }) =
            parse(&import).unwrap().command
        else {
            panic!("not an import");
        };
        assert_eq!(kind, "phone");
        let bad_list = parse(&[&import[..5], &["Numbers"], &import[6..]].concat()).unwrap_err();
        assert_eq!(bad_list.kind(), clap::error::ErrorKind::ValueValidation);

        let remove = [
            "indicators",
            "remove",
            "--agency",
            "police",
            "--list",
            "numbers",
        ];
        assert!(parse(&[&remove[..], &["--all"]].concat()).is_ok());
        assert!(parse(&[&remove[..], &["--kind", "imei", "gone.txt"]].concat()).is_ok());
        for wrong in [
            &[][..],
            &["gone.txt"][..],
            &["--kind", "imei"][..],
            &["--all", "gone.txt", "--kind", "imei"][..],
        ] {
            assert!(
                parse(&[&remove[..], wrong].concat()).is_err(),
                "{wrong:?} accepted"
            );
        }

        assert!(matches!(
            parse(&["indicators", "list"]).unwrap().command,
            Command::Indicators(indicators::IndicatorsCommand::Summary { agency: None })
        ));
        assert!(parse(&["indicators", "summary", "--agency", "police"]).is_ok());
    }

    #[test]
    fn a_check_takes_values_or_a_file_not_both() {
        let check = ["hit", "check", "--peer", "khm", "--kind", "phone"];
        assert!(parse(&[&check[..], &["+1", "+2"]].concat()).is_ok());
        assert!(parse(&[&check[..], &["--file", "numbers.txt"]].concat()).is_ok());
        assert!(parse(&check).is_err());
        assert!(parse(&[&check[..], &["+1", "--file", "numbers.txt"]].concat()).is_err());
        assert!(parse(&["hit", "check", "--peer", "khm", "--kind", "email", "+1"]).is_err());
        assert!(parse(&["hit", "show", "hit-1"]).is_ok());
    }

    #[test]
    fn every_command_and_option_explains_itself() {
        fn check(command: &clap::Command, path: &str) {
            let path = format!("{path} {}", command.get_name());
            assert!(command.get_about().is_some(), "{path} has no about");
            for arg in command.get_arguments() {
                assert!(
                    arg.get_help().is_some() || arg.get_long_help().is_some(),
                    "{path} {} has no help",
                    arg.get_id()
                );
            }
            for sub in command.get_subcommands() {
                check(sub, &path);
            }
        }
        let mut command = Cli::command();
        command.build();
        check(&command, "");
    }
}
