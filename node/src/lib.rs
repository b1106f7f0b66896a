//! A Liaison country node. See `ARCHITECTURE.md` at the repository root for
//! the bird's-eye view. The folders are the layers, and imports run one
//! way, downwards:
//!
//! - [`api`]: the gRPC services (federation, focal points and agencies,
//!   auditors, admin), the request-body check, the listeners, and the
//!   [`server`] that assembles them. Authenticates, decodes, answers.
//! - [`exchange`]: the domain: a request's life, one file per step, and the
//!   background workers (outbox delivery, witnessing peers' logs).
//! - [`audit`], [`records`], [`policy`]: the audit log and its proofs,
//!   typed records, sharing agreements.
//! - [`store`]: the key-value store behind a trait; [`tlog`]: the
//!   append-only file log (segments, tiles, checkpoints) the audit log is
//!   moving to, not wired in yet.
//! - [`hits`]: private hit/no-hit checks (RFC 9497 VOPRF): holder keys,
//!   blinding, published sets; below [`policy`], above [`vault`]; the
//!   exchange wires them in (`exchange/hits.rs`).
//! - [`pki`] (keys, certificates, TLS, secrets kept out of git),
//!   [`config`], [`metrics`], [`clock`], [`error`]: below the rest.
//! - [`tools`]: what is not the node itself (demo, devnet, benchmark).

pub mod api;
pub mod audit;
pub mod blobs;
pub mod clock;
pub mod config;
pub mod error;
pub mod exchange;
pub mod hits;
pub mod metrics;
pub mod pki;
pub mod policy;
pub mod records;
pub mod store;
pub mod tlog;
pub mod tools;
pub mod vault;

// The paths the binaries and tests have always used.
// Moved modules, by their old paths until their callers are updated.
pub use api::server;
pub use api::{admin, audit as audit_api, body_check, federation, limits, listener, local};
pub use config::Config;
pub use error::Error;
pub use exchange::{outbox, witness};
pub use pki::{tls, worktree};
pub use server::{Listeners, RunningNode, start};
pub use tools::{bench, demo, devnet};
