//! What a node keeps in memory of hit/no-hit sets: those it built as the
//! holder, per asker, and those it fetched as the asker, per holder. Sets
//! are rebuilt or fetched again when the epoch (or the agreement) changes;
//! nothing here outlives the process.

use std::collections::HashMap;
use std::sync::Arc;

use liaison_proto::domain::CountryCode;

use super::set::PublishedSet;

/// The sets a node holds in memory.
#[derive(Debug, Default)]
pub struct HitSets {
    /// Sets built as the holder, by asker: for one epoch and agreement.
    pub built: tokio::sync::Mutex<HashMap<CountryCode, Arc<HeldSet>>>,
    /// Sets fetched as the asker, by holder, checked.
    pub fetched: std::sync::Mutex<HashMap<CountryCode, Arc<PublishedSet>>>,
}

/// A set this node built for an asker, with its signature.
#[derive(Debug)]
pub struct HeldSet {
    pub epoch: u64,
    /// The hash of the agreement it was built under.
    pub agreement: [u8; 32],
    pub set: PublishedSet,
    pub key_id: String,
    pub signature: Vec<u8>,
}
