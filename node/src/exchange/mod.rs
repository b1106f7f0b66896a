//! The node's domain logic: what happens when a focal point submits, a peer
//! delivers, an agency answers, a delivery succeeds or fails. Transport code
//! authenticates callers and decodes calls, then calls in here; this module
//! decides, records (store and audit trail together) and returns.
//!
//! Every change is applied under one write lock, then flushed to disk before
//! the caller is answered: nothing is acknowledged that is not durable.
//!
//! One file per step of a request's life, in the order a request meets
//! them: [`submit`] (the requester's focal point) → [`receive`] (the
//! peer's delivery: [`route`] for a new request, [`check_answer`] for an
//! answer, a withdrawal) → [`respond`] (the agency) → [`delivery`] (the
//! outbox worker's outcome: delivered or failed) → [`expire`] (withdrawn or
//! overdue) → [`purge`] (retention over). [`accounts`] keeps people's
//! accounts and console sessions. [`evidence`] attaches, announces,
//! receives and verifies evidence files. [`hits`] keeps indicator lists and
//! runs private hit/no-hit checks on both sides. [`reload`] puts a new
//! configuration in force; [`rotate`] replaces the key-encryption key;
//! [`backup`] writes a snapshot of the running node; [`views`] reads requests. What they share
//! (`Exchange`, `Pending`, `Event`, `commit`, `finish`, `append_log`) is in
//! [`state`].

pub mod accounts;
mod backup;
mod check_answer;
mod delivery;
mod evidence;
mod expire;
pub mod hits;
pub mod lockout;
pub mod outbox;
mod purge;
mod receive;
mod reload;
mod respond;
mod rotate;
mod route;
mod state;
mod submit;
pub mod transfer;
mod views;
pub mod witness;

pub use backup::Backup;
pub use delivery::{DeliveryFailure, backoff_ms};
pub use evidence::{MAX_CHUNK, NewEvidence, Piped, Receiving, next_part};
pub use respond::{
    AgencyReply, Redaction, SubjectRelease, answer_terms, asked_fields, redact, release_per_subject,
};
pub use rotate::{KekRotated, rotate_kek};
pub use state::{Exchange, OwnKeys, now_ms};
pub use submit::Draft;
