//! `liaison-node`: parses the command line and hands over to the library.
//! `run` loads and validates the configuration before binding anything.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use liaison_node::devnet::{self, NodeAddresses};
use liaison_node::pki::{FederationCa, InitOptions, init_node};
use liaison_node::{Config, Listeners, server};
use liaison_node::{bench, demo};
use liaison_proto::domain::CountryCode;

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
enum Command {
    /// Create a node's signing key, TLS identity, user tokens and config.
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
    },
    /// Create a CA and a configured node per country, all peered with each
    /// other. On one host, country i listens on BASE_PORT+3i (federation),
    /// BASE_PORT+3i+1 (local API) and BASE_PORT+3i+2 (metrics); with one
    /// host per country (`--host '{country}'`), every node uses BASE_PORT,
    /// BASE_PORT+1 and BASE_PORT+2.
    Federation {
        /// Countries, comma-separated, e.g. THA,KHM,VNM.
        #[arg(long, value_delimiter = ',', required = true)]
        countries: Vec<CountryCode>,
        /// Directory to write the CA and one sub-directory per node into.
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
    },
    /// Create a new signing key (for a key rotation) and print its public key.
    Keygen {
        /// Where to write the private key (PKCS#8 v1 PEM, as OpenSSL writes
        /// it; created readable by its owner only).
        #[arg(long)]
        out: PathBuf,
    },
    /// Run a node.
    Run {
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
        /// Also measure audit appends and proofs up to this many entries
        /// (e.g. 1000000), instead of nothing.
        #[arg(long)]
        audit_entries: Option<u64>,
    },
    /// One node of `bench`, run by it as a child process.
    #[command(hide = true)]
    BenchNode {
        #[arg(long)]
        config: PathBuf,
        #[arg(long)]
        echo_listen: String,
        /// Keep everything in memory (variant C).
        #[arg(long)]
        memory: bool,
    },
    /// Start three countries on loopback and run a real exchange between them.
    Demo {
        /// Keep the generated keys and stores here instead of a temporary directory.
        #[arg(long)]
        dir: Option<PathBuf>,
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

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Init {
            country,
            dir,
            ca,
            federation_listen,
            local_listen,
            metrics_listen,
        } => {
            init_logging(cli.log_json, "info");
            let ca = FederationCa::load_or_create(&ca)?;
            let outcome = init_node(
                &InitOptions {
                    country,
                    dir,
                    federation_listen,
                    local_listen,
                    metrics_listen: (metrics_listen != "none").then_some(metrics_listen),
                },
                &ca,
            )?;
            println!("wrote {}", outcome.config_path.display());
            println!(
                "public signing key (give it to peers): {}",
                outcome.public_key
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
        } => {
            init_logging(cli.log_json, "info");
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
                    endpoint: format!("https://{host}:{port}"),
                });
            }
            for node in devnet::create(&dir, &nodes, &devnet::open_agreements)? {
                println!("{}: {}", node.country, node.config_path.display());
            }
            Ok(())
        }
        Command::Keygen { out } => {
            if out.exists() {
                anyhow::bail!(
                    "{} already exists; refusing to overwrite a key",
                    out.display()
                );
            }
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
            // SIGHUP re-reads the configuration and switches signing keys;
            // SIGINT or SIGTERM ends the node.
            loop {
                tokio::select! {
                    _ = signals.interrupt.recv() => break,
                    _ = signals.terminate.recv() => break,
                    _ = signals.hangup.recv() => match Config::load(&config_path) {
                        Ok(fresh) => match node.exchange().rotate_keys(&fresh).await {
                            Ok(key) => tracing::info!(key_id = %key, "signing key reloaded"),
                            Err(e) => tracing::error!(error = %e, "cannot switch signing keys"),
                        },
                        Err(e) => tracing::error!(error = %e, "SIGHUP: configuration refused; keeping the current keys"),
                    },
                }
            }
            tracing::info!("shutting down");
            node.shutdown().await?;
            Ok(())
        }
        Command::Bench {
            concurrency,
            duration_secs,
            warmup_secs,
            rounds,
            payload,
            scaling,
            audit_entries,
        } => {
            init_logging(cli.log_json, "warn");
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
                program: std::env::current_exe().context("cannot find the liaison-node binary")?,
            };
            if let Some(max) = audit_entries {
                anyhow::ensure!(
                    max >= 1000,
                    "--audit-entries must be at least 1000, got {max}"
                );
            }
            let report = bench::run(&options).await?;
            println!("{report}");
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
        Command::BenchNode {
            config,
            echo_listen,
            memory,
        } => {
            init_logging(cli.log_json, "warn");
            let config = Config::load(&config)?;
            let storage = if memory {
                bench::Storage::Memory
            } else {
                bench::Storage::Durable
            };
            bench::serve(config, storage, &echo_listen).await
        }
        Command::Demo { dir } => {
            init_logging(cli.log_json, "warn");
            let temp;
            let (root, workspace) = match dir {
                Some(dir) => (dir, demo::Workspace::Kept),
                None => {
                    temp = tempfile::tempdir().context("cannot create a temporary directory")?;
                    (temp.path().to_path_buf(), demo::Workspace::Temporary)
                }
            };
            demo::run(&root, workspace).await?;
            Ok(())
        }
    }
}
