//! `liaison-node`: parses the command line and hands over to the library.
//! `run` loads and validates the configuration before binding anything.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use liaison_node::config::NonPunishmentSection;
use liaison_node::devnet::{self, NodeAddresses};
use liaison_node::pki::local_ca::LocalCa;
use liaison_node::pki::{FederationCa, InitOptions, init_node, local_ca_dir, node_secret_files};
use liaison_node::{Config, Listeners, server, worktree};
use liaison_node::{bench, demo};
use liaison_proto::domain::CountryCode;

/// Where `federation` is suggested to write when it may not write inside a
/// git work tree.
const STATE_DIR_EXAMPLE: &str = "~/.local/state/liaison/federation";

#[derive(Debug, Parser)]
#[command(name = "liaison-node", version, about = "A Liaison country node")]
struct Cli {
    /// Log as JSON lines instead of human-readable text.
    #[arg(long, global = true)]
    log_json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum LocalCaAction {
    /// Issue a client certificate (subject CN=NAME[,O=ORGANISATION]) and
    /// its key, and print the `certificate_subject` to give its user.
    Issue {
        /// The local CA's directory (ca.pem, ca.key), as `init` made it.
        #[arg(long, value_name = "DIR")]
        local_ca: PathBuf,
        /// The system's name: the certificate's common name.
        #[arg(long)]
        name: String,
        /// The agency, for the certificate's organisation.
        #[arg(long)]
        organisation: Option<String>,
        /// How many days the certificate is valid.
        #[arg(long, default_value_t = 365)]
        days: u32,
        /// Where to write NAME.pem and NAME.key (created readable by you only).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Revoke a client certificate by serial number and write the local
    /// CA's new CRL (`crl.pem` in its directory).
    Revoke {
        #[arg(long, value_name = "DIR")]
        local_ca: PathBuf,
        /// The certificate's serial number in hex, as `issue` printed it.
        #[arg(long)]
        serial: String,
    },
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a node's signing key, TLS identities (federation and local
    /// API), user tokens and config.
    Init {
        /// ISO 3166-1 alpha-3 code of the node's country, e.g. THA.
        #[arg(long)]
        country: CountryCode,
        /// Directory to write the node's files into.
        #[arg(long)]
        dir: PathBuf,
        /// Directory of the federation CA (ca.pem, ca.key); created if absent.
        #[arg(long)]
        ca: PathBuf,
        #[arg(long, default_value = "0.0.0.0:7400")]
        federation_listen: String,
        #[arg(long, default_value = "127.0.0.1:7401")]
        local_listen: String,
        /// Where Prometheus scrapes `/metrics`; `none` for no metrics listener.
        #[arg(long, default_value = "127.0.0.1:7402")]
        metrics_listen: String,
        /// Where the web console listens; `none` for no console. Off
        /// loopback (or with --local-tls) it serves HTTPS with the local
        /// API's certificate, so name it with --local-name.
        #[arg(long, default_value = "127.0.0.1:7403")]
        console_listen: String,
        /// Directory of this country's local CA (ca.pem, ca.key), which
        /// issues the local API's certificate and agency systems' client
        /// certificates; created if absent. Default: `local-<country>`
        /// inside the --ca directory (kept offline with it).
        #[arg(long, value_name = "DIR")]
        local_ca: Option<PathBuf>,
        /// A name users reach the local API by (DNS name or IP address), for
        /// its certificate; repeat for several. The listen address,
        /// localhost and 127.0.0.1 are always in it.
        #[arg(long = "local-name", value_name = "NAME")]
        local_names: Vec<String>,
        /// Serve the local API over TLS even on loopback (off loopback it
        /// always is).
        #[arg(long)]
        local_tls: bool,
        /// What a request about a possible victim cites for the
        /// non-punishment principle when the focal point names nothing:
        /// ACTIP_ART_14_7 (ASEAN Convention against Trafficking in Persons,
        /// art. 14(7)) or NATIONAL_LAW (with --non-punishment-reference).
        #[arg(long, value_name = "PROVISION", value_parser = |text: &str| {
            liaison_proto::legal::non_punishment(text).map(str::to_string)
        })]
        non_punishment: Option<String>,
        /// The statute and section NATIONAL_LAW names.
        #[arg(long, value_name = "TEXT", requires = "non_punishment")]
        non_punishment_reference: Option<String>,
        /// Write the keys and tokens even into a git work tree that does not
        /// ignore them (by default that is refused).
        #[arg(long)]
        allow_inside_git: bool,
    },
    /// Issue a client certificate to an agency system, or revoke one, with
    /// this country's local CA (on the operator's offline machine, not the
    /// node's host).
    LocalCa {
        #[command(subcommand)]
        action: LocalCaAction,
    },
    /// Create a CA and a configured node per country, all peered with each
    /// other under deny-by-default agreements that allow only a phone check
    /// (PHONE_CHECK both ways for INVESTIGATION). On one host, country i
    /// listens on BASE_PORT+3i (federation), BASE_PORT+3i+1 (local API) and
    /// BASE_PORT+3i+2 (metrics); with one host per country (`--host
    /// '{country}'`), every node uses BASE_PORT, BASE_PORT+1 and
    /// BASE_PORT+2.
    Federation {
        /// Countries, comma-separated, e.g. THA,KHM,VNM.
        #[arg(long, value_delimiter = ',', required = true)]
        countries: Vec<CountryCode>,
        /// Directory to write the CA and one sub-directory per node into,
        /// private keys and tokens included: outside any git work tree
        /// (e.g. ~/.local/state/liaison/federation), or git-ignored there.
        #[arg(long)]
        dir: PathBuf,
        /// The host peers use to reach each other; `{country}` in it stands
        /// for the lower-case country code (e.g. `{country}.liaison.internal`).
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
        /// The address the federation and metrics listeners bind; defaults
        /// to HOST, or to 0.0.0.0 when HOST names one host per country.
        #[arg(long)]
        listen_host: Option<String>,
        #[arg(long, default_value_t = 7400)]
        base_port: u16,
        /// UNSAFE, for labs and tests only, never with real data: agreements
        /// that allow every category both ways, for every purpose, releasing
        /// every field (365 days, 100 requests a day), instead of the
        /// deny-by-default phone check.
        #[arg(long)]
        allow_all: bool,
        /// Write the keys and tokens even into a git work tree that does not
        /// ignore them (by default that is refused).
        #[arg(long)]
        allow_inside_git: bool,
    },
    /// Create a new signing key (for a key rotation) and print its public key.
    Keygen {
        /// Where to write the private key (PKCS#8 v1 PEM, as OpenSSL writes
        /// it; created readable by its owner only).
        #[arg(long)]
        out: PathBuf,
        /// Write the key even into a git work tree that does not ignore it
        /// (by default that is refused).
        #[arg(long)]
        allow_inside_git: bool,
    },
    /// Run a node.
    Run {
        /// The node's TOML configuration file.
        #[arg(long)]
        config: PathBuf,
    },
    /// Replace the node's key-encryption key: every data key is wrapped
    /// again under a new one (docs/encryption.md). Run with the node
    /// stopped; run again to finish a rotation that was interrupted.
    RotateKek {
        /// The node's TOML configuration file.
        #[arg(long)]
        config: PathBuf,
    },
    /// Diagnose a stopped node's data directory without changing it: the
    /// store opens, the audit log verifies, the request records open, the
    /// outbox is consistent (docs/reliability.md). Exits 1 if a check
    /// fails.
    Check {
        /// The data directory.
        #[arg(long)]
        data: PathBuf,
        /// The node's configuration file, for the checks that need its
        /// keys (default: `liaison.toml` beside the data directory, if
        /// there is one).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Where the copy the checks run on is made (default: the system's
        /// temporary directory).
        #[arg(long)]
        scratch: Option<PathBuf>,
    },
    /// Take a consistent snapshot of a running node into a new directory
    /// on its host (Admin.Backup over the local API, as `admin`): store,
    /// audit log, evidence files, configuration and public keys; private
    /// keys, tokens and the KEK only with --include-secrets.
    Backup {
        /// The node's TOML configuration file (for the local API's address).
        #[arg(long)]
        config: PathBuf,
        /// The new directory to write, an absolute path.
        #[arg(long)]
        to: PathBuf,
        /// Also copy private keys, tokens and the key-encryption key.
        #[arg(long)]
        include_secrets: bool,
        /// A file holding an admin's bearer token (default:
        /// tokens/admin.token beside the configuration).
        #[arg(long)]
        token_file: Option<PathBuf>,
    },
    /// Bring a backup back as the data directory of the node the
    /// configuration describes (which must be empty or absent), then check
    /// it. Put the configuration and keys in place first.
    Restore {
        /// The backup directory.
        #[arg(long)]
        from: PathBuf,
        /// The node's TOML configuration file.
        #[arg(long)]
        config: PathBuf,
    },
    /// Measure the full exchange against a raw gRPC echo (see BENCHMARKS.md).
    Bench {
        /// Requests in flight at once.
        #[arg(long, default_value_t = 64)]
        concurrency: usize,
        /// Measured seconds per variant per round.
        #[arg(long, default_value_t = 5.0)]
        duration_secs: f64,
        /// Unmeasured seconds before each measurement.
        #[arg(long, default_value_t = 1.0)]
        warmup_secs: f64,
        /// How many times the variants alternate.
        #[arg(long, default_value_t = 3)]
        rounds: usize,
        /// Bytes of the echo payload and of the request's summary.
        #[arg(long, default_value_t = 1024)]
        payload: usize,
        /// Also measure the full exchange at 1, 4, 16, 64 and 256 in flight.
        #[arg(long)]
        scaling: bool,
        /// Then measure one evidence file of this many MiB on the durable
        /// pair (at most 2048; 0 skips it): a raw stream of its bytes, its
        /// upload to the asking node, its transfer to the answering node,
        /// and the nodes' peak memory meanwhile.
        #[arg(long, default_value_t = 64)]
        evidence_mib: u64,
        /// Also measure audit appends and proofs on the node's store up to
        /// this many entries (e.g. 1000000), instead of nothing.
        #[arg(long)]
        audit_entries: Option<u64>,
        /// With --audit-entries: measure only the audit log's growth, not
        /// the exchange.
        #[arg(long, requires = "audit_entries")]
        audit_only: bool,
        /// Instead of the pair benchmark: start this many countries (2 to
        /// 300, synthetic codes XAA, XAB, …), each its own process, under
        /// a full mesh of open agreements, and measure start-up, memory,
        /// exchanges between random pairs, a fan-out to every country, and
        /// that every request is answered and every audit log verifies.
        #[arg(long, value_name = "N")]
        federation: Option<usize>,
        /// With --federation: requests per second between random pairs,
        /// federation-wide, for --duration-secs.
        #[arg(long, default_value_t = 5.0)]
        rate: f64,
        /// With --federation: tokio worker threads of each node (default:
        /// one per core).
        #[arg(long)]
        node_worker_threads: Option<usize>,
        /// With --federation: sled's cache of each node, in MiB (default: 64).
        #[arg(long)]
        node_cache_mib: Option<u64>,
        /// Then measure private hit/no-hit checks with a set of this many
        /// values (1000 to 10000000; 0 skips them): the holder's
        /// evaluations per second, one per call and batched, against an
        /// HMAC-SHA256 baseline, and the time and memory to build and to
        /// hold the set.
        #[arg(long, value_name = "N", default_value_t = 100_000)]
        hits_set: usize,
        /// Measure only the hit/no-hit checks (--hits-set), not the
        /// exchange.
        #[arg(long)]
        hits_only: bool,
    },
    /// Reads and checks a hit/no-hit set for `bench`, run by it as a child
    /// process, and prints its resident memory's growth and the time taken.
    #[command(hide = true)]
    BenchHitsLoad {
        #[arg(long)]
        set: PathBuf,
    },
    /// One node of `bench`, run by it as a child process.
    #[command(hide = true)]
    BenchNode {
        #[arg(long)]
        config: PathBuf,
        /// Without it: bind every listener on a loopback port the system
        /// picks, print them, and load --config after a line on stdin.
        #[arg(long)]
        echo_listen: Option<String>,
        /// Keep everything in memory (variant C).
        #[arg(long)]
        memory: bool,
        /// Tokio worker threads (default: one per core).
        #[arg(long)]
        worker_threads: Option<usize>,
        /// sled's cache, in MiB (default: 64).
        #[arg(long, conflicts_with = "memory")]
        cache_mib: Option<u64>,
    },
    /// Start three countries on loopback and run a real exchange between them.
    Demo {
        /// Keep the generated keys and stores here instead of a temporary directory.
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Stop after the story instead of keeping the nodes and their web
        /// consoles running (the default when standard input is not a
        /// terminal, as in CI).
        #[arg(long)]
        exit: bool,
    },
}

fn init_logging(json: bool, default: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    if json {
        builder.json().init();
    } else {
        builder.init();
    }
}

/// Refuses to write the secret `files`, whose place the command-line option
/// `flag` (given `value`) chose, where git would commit them: into a git
/// work tree that does not ignore them. `allowed` (`--allow-inside-git`)
/// turns the refusal into a warning.
/// The local CA in `dir`, as `init` made it: never a new one.
fn open_local_ca(dir: &std::path::Path) -> anyhow::Result<LocalCa> {
    LocalCa::load(dir).map_err(|e| {
        anyhow::anyhow!(
            "--local-ca: {e}; give the directory `liaison-node init` made (by default \
             local-<country> inside the federation CA's)"
        )
    })
}

fn local_ca_command(action: LocalCaAction) -> anyhow::Result<()> {
    match action {
        LocalCaAction::Issue {
            local_ca,
            name,
            organisation,
            days,
            out,
        } => {
            let subject = format!(
                "CN={name}{}",
                organisation
                    .as_deref()
                    .map(|o| format!(",O={o}"))
                    .unwrap_or_default()
            );
            // The subject must be one a node's configuration can name.
            liaison_node::config::Subject::parse(&subject)
                .map_err(|problem| anyhow::anyhow!("--name/--organisation: {problem}"))?;
            if !(1..=3650).contains(&days) {
                anyhow::bail!("--days: must be between 1 and 3650");
            }
            let ca = open_local_ca(&local_ca)?;
            let now = time::OffsetDateTime::now_utc();
            let issued = ca.issue_client(
                &name,
                organisation.as_deref(),
                now - time::Duration::hours(1),
                now + time::Duration::days(i64::from(days)),
            )?;
            let cert = out.join(format!("{name}.pem"));
            let key = out.join(format!("{name}.key"));
            if cert.exists() || key.exists() {
                anyhow::bail!(
                    "--out: {} already holds {name}.pem or {name}.key; refusing to overwrite",
                    out.display()
                );
            }
            liaison_node::pki::create_private_dir(&out)?;
            liaison_node::pki::write_file(&cert, &issued.cert_pem)?;
            liaison_node::pki::write_secret(&key, &issued.key_pem)?;
            println!("wrote {} and {}", cert.display(), key.display());
            println!("serial (to revoke it): {}", issued.serial);
            println!(
                "in the node's liaison.toml, give its user: certificate_subject = \"{subject}\""
            );
            Ok(())
        }
        LocalCaAction::Revoke { local_ca, serial } => {
            let crl = open_local_ca(&local_ca)?.revoke(&serial)?;
            println!("wrote {}", crl.display());
            println!(
                "copy it to the node (e.g. local-tls/crl.pem), list it in local_tls.client_crls, \
                 and reload the node (SIGHUP): new connections and open ones are refused"
            );
            Ok(())
        }
    }
}

fn keep_out_of_git(
    files: &[PathBuf],
    flag: &str,
    value: &std::path::Path,
    elsewhere: &str,
    allowed: bool,
) -> anyhow::Result<()> {
    let Err(problem) = worktree::check_ignored(files) else {
        return Ok(());
    };
    let (what, them) = match files {
        [_] => ("a private key", "it"),
        _ => ("private keys and tokens", "them"),
    };
    if allowed {
        eprintln!(
            "warning: {flag} {}: {problem}; writing {what} there anyway, as --allow-inside-git \
             asks. Never commit {them}.",
            value.display()
        );
        return Ok(());
    }
    anyhow::bail!(
        "{flag} {}: refusing to write {what} where git would commit {them}: {problem}. Write \
         {them} outside the work tree (e.g. {flag} {elsewhere}), make git ignore {them} (add \
         {} to the work tree's .gitignore), or pass --allow-inside-git to write {them} there \
         anyway",
        value.display(),
        if files.len() == 1 {
            "the file"
        } else {
            "the directory"
        },
    )
}

/// The signals a running node acts on, registered before it starts serving
/// so that a signal sent as soon as "node started" is logged is never met
/// by the default action (which for SIGHUP would end the process).
struct Signals {
    interrupt: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
    hangup: tokio::signal::unix::Signal,
}

impl Signals {
    fn register() -> anyhow::Result<Self> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Self {
            interrupt: signal(SignalKind::interrupt()).context("cannot listen for SIGINT")?,
            terminate: signal(SignalKind::terminate()).context("cannot listen for SIGTERM")?,
            hangup: signal(SignalKind::hangup()).context("cannot listen for SIGHUP")?,
        })
    }
}

/// Parses the command line, then runs it on a tokio runtime with one
/// worker thread per core, or as many as `bench-node --worker-threads`
/// asks (many benchmark nodes share one machine).
fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let mut runtime = tokio::runtime::Builder::new_multi_thread();
    runtime.enable_all();
    if let Command::BenchNode {
        worker_threads: Some(threads),
        ..
    } = &cli.command
    {
        anyhow::ensure!(
            (1..=64).contains(threads),
            "--worker-threads must be between 1 and 64, got {threads}"
        );
        runtime.worker_threads(*threads);
    }
    runtime
        .build()
        .context("cannot start the tokio runtime")?
        .block_on(run(cli))
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Init {
            country,
            dir,
            ca,
            federation_listen,
            local_listen,
            metrics_listen,
            console_listen,
            local_ca,
            local_names,
            local_tls,
            non_punishment,
            non_punishment_reference,
            allow_inside_git,
        } => {
            init_logging(cli.log_json, "info");
            keep_out_of_git(
                &node_secret_files(&dir),
                "--dir",
                &dir,
                "/etc/liaison",
                allow_inside_git,
            )?;
            let local_ca = local_ca.unwrap_or_else(|| {
                ca.join(format!("local-{}", country.as_str().to_ascii_lowercase()))
            });
            if let Some(key) = FederationCa::key_to_create(&ca) {
                keep_out_of_git(&[key], "--ca", &ca, "~/federation-ca", allow_inside_git)?;
            }
            if let Some(key) = FederationCa::key_to_create(&local_ca) {
                keep_out_of_git(
                    &[key],
                    "--local-ca",
                    &local_ca,
                    "~/federation-ca/local-tha",
                    allow_inside_git,
                )?;
            }
            let ca = FederationCa::load_or_create(&ca)?;
            let local = LocalCa::load_or_create(&local_ca, country.as_str())?;
            let outcome = init_node(
                &InitOptions {
                    country,
                    dir,
                    federation_listen,
                    local_listen,
                    metrics_listen: (metrics_listen != "none").then_some(metrics_listen),
                    console_listen: (console_listen != "none").then_some(console_listen),
                    local_names,
                    local_tls,
                    non_punishment: non_punishment.map(|provision| NonPunishmentSection {
                        provision,
                        reference: non_punishment_reference.unwrap_or_default(),
                    }),
                },
                &ca,
                &local,
            )?;
            println!("wrote {}", outcome.config_path.display());
            println!(
                "public signing key (give it to peers): {}",
                outcome.public_key
            );
            println!(
                "local API: {}; its CA certificate for users' --ca: {} (the local CA's key \
                 stays in {})",
                if outcome.config.local_tls.is_some() {
                    "TLS 1.3 ([local_tls])"
                } else {
                    "plain, loopback only (add [local_tls] to serve other machines)"
                },
                outcome
                    .config_path
                    .with_file_name("local-tls/ca.pem")
                    .display(),
                local_ca.display()
            );
            for token in &outcome.tokens {
                println!(
                    "token for {} ({}): {}",
                    token.user,
                    token.role,
                    token.path.display()
                );
            }
            Ok(())
        }
        Command::Federation {
            countries,
            dir,
            host,
            listen_host,
            base_port,
            allow_all,
            allow_inside_git,
        } => {
            init_logging(cli.log_json, "info");
            let mut secrets: Vec<PathBuf> = FederationCa::key_to_create(&dir.join("ca"))
                .into_iter()
                .collect();
            for country in &countries {
                let node = dir.join(country.as_str().to_ascii_lowercase());
                secrets.extend(node_secret_files(&node));
                secrets.extend(FederationCa::key_to_create(&local_ca_dir(&dir, *country)));
            }
            keep_out_of_git(&secrets, "--dir", &dir, STATE_DIR_EXAMPLE, allow_inside_git)?;
            let per_country = host.contains("{country}");
            let listen_host = listen_host.unwrap_or_else(|| {
                if per_country {
                    "0.0.0.0".into()
                } else {
                    host.clone()
                }
            });
            let mut nodes = Vec::new();
            for (i, country) in countries.iter().enumerate() {
                let slot = if per_country { 0 } else { i * 3 };
                let host = host.replace("{country}", &country.as_str().to_ascii_lowercase());
                let port = u16::try_from(slot)
                    .ok()
                    .and_then(|offset| base_port.checked_add(offset))
                    .filter(|port| *port < u16::MAX - 1)
                    .context("--base-port leaves no room for that many countries")?;
                nodes.push(NodeAddresses {
                    country: *country,
                    federation_listen: format!("{listen_host}:{port}"),
                    local_listen: format!("127.0.0.1:{}", port + 1),
                    metrics_listen: Some(format!("{listen_host}:{}", port + 2)),
                    console_listen: None,
                    endpoint: format!("https://{host}:{port}"),
                });
            }
            let created = if allow_all {
                eprintln!(
                    "warning: --allow-all: every agreement allows every category both ways, for \
                     every purpose, releasing every field. For labs and tests only, never with \
                     real data."
                );
                devnet::create(&dir, &nodes, &devnet::open_agreements)?
            } else {
                devnet::create_starter(&dir, &nodes)?
            };
            for node in &created {
                println!("{}: {}", node.country, node.config_path.display());
            }
            if allow_all {
                println!("\nAgreements: everything allowed (--allow-all).");
            } else {
                println!(
                    "\nAgreements (<node>/agreements/<peer>.toml): deny by default; each allows only \
                     PHONE_CHECK both ways for INVESTIGATION. Each file shows how to add a rule."
                );
            }
            println!(
                "Private keys and tokens are readable by you only: the CA key {} signs every \
                 node's certificate (keep it offline), and each node's own are in its directory. \
                 Moving a node to its host: see deploy/README.md.",
                dir.join("ca").join("ca.key").display()
            );
            Ok(())
        }
        Command::LocalCa { action } => local_ca_command(action),
        Command::Keygen {
            out,
            allow_inside_git,
        } => {
            if out.exists() {
                anyhow::bail!(
                    "{} already exists; refusing to overwrite a key",
                    out.display()
                );
            }
            keep_out_of_git(
                std::slice::from_ref(&out),
                "--out",
                &out,
                "/etc/liaison/signing-key-2.pem",
                allow_inside_git,
            )?;
            let key = liaison_node::pki::generate_signing_key()?;
            liaison_node::pki::write_signing_key(&out, &key)?;
            println!("wrote {}", out.display());
            println!(
                "public key (give it to peers): {}",
                liaison_node::config::encode_public_key(&key.verifying_key())
            );
            Ok(())
        }
        Command::Run { config } => {
            init_logging(cli.log_json, "info");
            let config_path = config;
            let config = Config::load(&config_path)?;
            let listeners =
                Listeners::for_config(&config).context("cannot bind the node's listeners")?;
            let mut signals = Signals::register()?;
            let node = server::start(config, listeners).await?;
            // SIGHUP reloads the configuration (keys, peers, agreements,
            // agencies, users); SIGINT or SIGTERM ends the node.
            loop {
                tokio::select! {
                    _ = signals.interrupt.recv() => break,
                    _ = signals.terminate.recv() => break,
                    _ = signals.hangup.recv() => match node.reload().await {
                        Ok(changes) if changes.is_empty() => {
                            tracing::info!("SIGHUP: configuration reloaded, nothing changed");
                        }
                        Ok(changes) => tracing::info!(
                            changes = %changes.join("; "),
                            "SIGHUP: configuration reloaded"
                        ),
                        Err(e) => tracing::error!(
                            error = %e,
                            "SIGHUP: configuration refused; the running configuration stays"
                        ),
                    },
                }
            }
            tracing::info!("shutting down");
            node.shutdown().await?;
            Ok(())
        }
        Command::Check {
            data,
            config,
            scratch,
        } => {
            init_logging(cli.log_json, "error");
            let config = config.or_else(|| {
                let beside = data.parent()?.join("liaison.toml");
                beside.is_file().then_some(beside)
            });
            let config = config.map(|path| Config::load(&path)).transpose()?;
            let scratch = scratch.unwrap_or_else(std::env::temp_dir);
            let report = liaison_node::tools::check::check(&data, config.as_ref(), &scratch)?;
            println!("liaison-node check {}", data.display());
            for finding in &report.findings {
                println!("{finding}");
            }
            if !report.healthy() {
                std::process::exit(1);
            }
            Ok(())
        }
        Command::Backup {
            config,
            to,
            include_secrets,
            token_file,
        } => {
            init_logging(cli.log_json, "warn");
            let token_file = token_file.unwrap_or_else(|| {
                config
                    .parent()
                    .unwrap_or(std::path::Path::new("."))
                    .join("tokens")
                    .join("admin.token")
            });
            let config = Config::load(&config)?;
            if config.local_tls.is_some() {
                anyhow::bail!(
                    "the local API of this node uses TLS, which `liaison-node backup` does not \
                     speak yet: call liaison.v1.Admin/Backup with a gRPC client (docs/reliability.md)"
                );
            }
            let token = std::fs::read_to_string(&token_file)
                .with_context(|| format!("cannot read the token file {}", token_file.display()))?;
            let token = liaison_proto::auth::BearerToken::new(token.trim())
                .map_err(|e| anyhow::anyhow!("{}: not a token: {e}", token_file.display()))?;
            let channel =
                tonic::transport::Channel::from_shared(format!("http://{}", config.local_listen))?
                    .connect()
                    .await
                    .context("cannot reach the node's local API: is it running?")?;
            let mut admin =
                liaison_proto::pb::admin_client::AdminClient::with_interceptor(channel, token);
            let report = admin
                .backup(liaison_proto::pb::BackupCall {
                    directory: to.display().to_string(),
                    include_secrets,
                })
                .await
                .map_err(|status| anyhow::anyhow!("{}: {}", status.code(), status.message()))?
                .into_inner();
            println!(
                "backup written to {}: audit log of {} entries (root {}), {} envelopes queued, \
                 {} files, {} MiB",
                report.directory,
                report.tree_size,
                report.root_hex,
                report.queued,
                report.files.len(),
                report.bytes.div_ceil(1 << 20)
            );
            if !report.warning.is_empty() {
                eprintln!("warning: {}", report.warning);
            }
            Ok(())
        }
        Command::Restore { from, config } => {
            init_logging(cli.log_json, "error");
            let config = Config::load(&config)?;
            let report =
                liaison_node::tools::check::restore(&from, &config, &std::env::temp_dir())?;
            println!(
                "restored {} into {}",
                from.display(),
                config.data_dir.display()
            );
            for finding in &report.findings {
                println!("{finding}");
            }
            if !report.healthy() {
                std::process::exit(1);
            }
            println!(
                "Peers witnessed this node's audit log as it was when it stopped: if the backup is \
                 older, they will see a rollback (docs/reliability.md, \"Restoring\")."
            );
            Ok(())
        }
        Command::RotateKek { config } => {
            init_logging(cli.log_json, "warn");
            let config = Config::load(&config)?;
            let store = liaison_node::store::open(&config.data_dir)
                .context("cannot open the data directory (is the node still running?)")?;
            let kek = config.kek.path.clone();
            let rotated =
                liaison_node::exchange::rotate_kek(Arc::new(config), Arc::new(store)).await?;
            if rotated.resumed {
                println!("an interrupted rotation was found and finished");
            }
            println!(
                "KEK {} replaced by {}: {} data keys rewrapped, recorded in the audit log as \
                 kek.rotated.\nBack up `{}` now, apart from the data directory: backups of the \
                 data directory made from now on need it, earlier ones need the old KEK.",
                rotated.old,
                rotated.new,
                rotated.rewrapped,
                kek.display()
            );
            Ok(())
        }
        Command::Bench {
            concurrency,
            duration_secs,
            warmup_secs,
            rounds,
            payload,
            scaling,
            evidence_mib,
            audit_entries,
            audit_only,
            federation,
            rate,
            node_worker_threads,
            node_cache_mib,
            hits_set,
            hits_only,
        } => {
            init_logging(cli.log_json, "warn");
            anyhow::ensure!(
                !hits_only || hits_set > 0,
                "--hits-only needs a --hits-set above 0"
            );
            anyhow::ensure!(
                hits_set == 0 || (bench::HITS_MIN_SET..=bench::HITS_MAX_SET).contains(&hits_set),
                "--hits-set must be 0 or from {} to {}, got {hits_set}",
                bench::HITS_MIN_SET,
                bench::HITS_MAX_SET
            );
            if let Some(countries) = federation {
                let options = bench::FederationOptions {
                    countries,
                    rate,
                    duration: std::time::Duration::try_from_secs_f64(duration_secs).map_err(
                        |_| {
                            anyhow::anyhow!(
                                "--duration-secs must be a number of seconds, got {duration_secs}"
                            )
                        },
                    )?,
                    tuning: bench::NodeTuning {
                        worker_threads: node_worker_threads,
                        cache_mib: node_cache_mib,
                    },
                    program: std::env::current_exe()
                        .context("cannot find the liaison-node binary")?,
                };
                let report = bench::run_federation(&options).await?;
                println!("{}", report.text);
                anyhow::ensure!(
                    report.complete,
                    "the federation benchmark is incomplete: a request went unanswered or an audit log did not verify"
                );
                return Ok(());
            }
            let seconds = |name: &str, value: f64| {
                std::time::Duration::try_from_secs_f64(value)
                    .map_err(|_| anyhow::anyhow!("{name} must be a number of seconds, got {value}"))
            };
            let options = bench::Options {
                concurrency,
                duration: seconds("--duration-secs", duration_secs)?,
                warmup: seconds("--warmup-secs", warmup_secs)?,
                rounds,
                payload,
                scaling,
                evidence_mib,
                program: std::env::current_exe().context("cannot find the liaison-node binary")?,
            };
            if let Some(max) = audit_entries {
                anyhow::ensure!(
                    max >= 1000,
                    "--audit-entries must be at least 1000, got {max}"
                );
            }
            if !audit_only && !hits_only {
                let report = bench::run(&options).await?;
                println!("{report}");
            }
            if hits_set > 0 {
                let program = options.program.clone();
                let report =
                    tokio::task::spawn_blocking(move || bench::hits(hits_set, &program)).await??;
                println!("{report}");
            }
            if let Some(max) = audit_entries {
                let dir = tempfile::tempdir().context("cannot create a temporary directory")?;
                let report = tokio::task::spawn_blocking({
                    let dir = dir.path().to_path_buf();
                    move || bench::audit_growth(&dir, max)
                })
                .await??;
                println!("{report}");
            }
            Ok(())
        }
        Command::BenchHitsLoad { set } => {
            println!("{}", bench::hits_load(&set)?);
            Ok(())
        }
        Command::BenchNode {
            config,
            echo_listen,
            memory,
            worker_threads: _,
            cache_mib,
        } => {
            init_logging(cli.log_json, "warn");
            let storage = match (memory, cache_mib) {
                (true, _) => bench::Storage::Memory,
                (false, None) => bench::Storage::Durable,
                (false, Some(mib)) => {
                    anyhow::ensure!(
                        (1..=4096).contains(&mib),
                        "--cache-mib must be between 1 and 4096, got {mib}"
                    );
                    bench::Storage::DurableWithCache(mib * 1024 * 1024)
                }
            };
            match echo_listen {
                Some(echo_listen) => {
                    bench::serve(Config::load(&config)?, storage, &echo_listen).await
                }
                None => bench::serve_prebound(&config, storage).await,
            }
        }
        Command::Demo { dir, exit } => {
            init_logging(cli.log_json, "warn");
            let temp;
            let (root, workspace) = match dir {
                Some(dir) => (dir, demo::Workspace::Kept),
                None => {
                    temp = tempfile::tempdir().context("cannot create a temporary directory")?;
                    (temp.path().to_path_buf(), demo::Workspace::Temporary)
                }
            };
            let serve = !exit && std::io::IsTerminal::is_terminal(&std::io::stdin());
            demo::run(&root, workspace, serve).await?;
            Ok(())
        }
    }
}
