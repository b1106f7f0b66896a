//! A Liaison country node. See `ARCHITECTURE.md` at the repository root for
//! the bird's-eye view; in short, data flows one way:
//!
//! transport ([`federation`], [`local`], [`tls`], with [`body_check`]
//! refusing what cannot be decoded) authenticates and decodes →
//! [`exchange`] decides → [`records`] over [`store`] records, with the audit
//! trail in the same atomic batch → transport answers. [`outbox`] delivers
//! queued envelopes; [`server`] wires it all together.

pub mod admin;
pub mod audit;
pub mod audit_api;
pub mod bench;
pub mod body_check;
pub mod clock;
pub mod config;
pub mod demo;
pub mod devnet;
pub mod error;
pub mod exchange;
pub mod federation;
pub mod limits;
pub mod listener;
pub mod local;
pub mod metrics;
pub mod outbox;
pub mod pki;
pub mod policy;
pub mod records;
pub mod server;
pub mod store;
pub mod tls;
pub mod witness;
pub mod worktree;

pub use config::Config;
pub use error::Error;
pub use server::{Listeners, RunningNode, start};
