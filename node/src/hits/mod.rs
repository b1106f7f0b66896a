//! Private hit/no-hit checks (issue 20): may an asking country learn
//! whether a phone number, account, wallet, online account, IMEI or
//! identity document is on one of a holding country's lists, without
//! either side handing over what it holds?
//!
//! # The protocol
//!
//! 1. **Publish.** Per allowed asker and per epoch (weekly, and whenever
//!    a list changes), the holder derives an OPRF key from its node seed
//!    ([`HolderKey::derive`]; RFC 9497 section 3.2.1, `DeriveKeyPair`),
//!    evaluates the PRF on each listed value ([`HolderKey::evaluate`]) and
//!    publishes a [`PublishedSet`]: per value a 16-byte tag derived from
//!    the PRF output and a record (agency, list, reference, kind, date
//!    added) sealed under a key derived from the same output. The set
//!    names the holder, the asker, the epoch and the key's public half;
//!    the holder's node key signs its [`SetDigest`].
//! 2. **Ask.** The asker blinds the values to check
//!    ([`BlindState::blind`]) and sends the blinded elements, up to
//!    [`MAX_BATCH`] at a time, naming the epoch of the set it holds.
//! 3. **Evaluate.** The holder evaluates the batch under the epoch's key
//!    with one proof ([`HolderKey::evaluate_batch`]; RFC 9497 section
//!    3.3.2, VOPRF mode, ciphersuite ristretto255-SHA512 of section 4.1)
//!    and refuses any epoch but the current one.
//! 4. **Look up.** The asker checks the proof against the public key of
//!    the signed set (RFC 9497 section 2.2.2), unblinds
//!    ([`BlindState::finalize`]) and looks each output up in the set
//!    locally ([`PublishedSet::open`]): a hit opens its records.
//!
//! # What is hidden from whom
//!
//! - The holder never sees the values asked: blinded elements are
//!   uniformly random group elements (RFC 9497 section 7.1, obliviousness),
//!   and the lookup happens on the asker's side, so the holder does not
//!   learn whether a check hit either. It does see how many values were
//!   asked, and when.
//! - The asker learns the PRF output of the values it asks about, and
//!   nothing about the key (section 7.1, pseudorandomness): the set's tags
//!   are random-looking strings, and a record opens only with the output
//!   of its own value. The asker cannot evaluate the PRF itself.
//! - The proof (a DLEQ proof, section 2.2) shows the holder used the key
//!   committed to in the signed set, so a holder cannot answer one asker
//!   or one value with a different key to find out which values are
//!   asked (a tagging attack).
//! - Each asker gets its own key and set, so two askers cannot pool their
//!   outputs, and a set passed on to a third country opens nothing for it
//!   without the holder's evaluations.
//!
//! # What the set leaks
//!
//! The number of entries: how many distinct values the holder lists for
//! this asker in this epoch, and so, from epoch to epoch, roughly how fast
//! its lists grow. Every entry has the same length (records are padded to
//! the set's longest), so the set shows nothing else but that longest
//! record's padded size.
//!
//! # Why online evaluation stops dictionary attacks
//!
//! Phone numbers are few: a country's numbering plan has some 10^8 to
//! 10^9 of them. A list shared as hashes for the receiver to match
//! locally, as FIU.net's Ma3tch filters are, has to let the receiver hash
//! its own values the same way, so it can also hash every possible number
//! offline and read the whole list back, keyed hash or not. Here the PRF
//! key never leaves the holder: testing a number takes one online
//! evaluation by the holder, so a quota per asker and epoch (the
//! integration's job) bounds how many numbers an asker can test, and
//! every batch is seen and can be audited. Rotating the key each epoch
//! also bounds how many evaluations one key answers, as RFC 9497 section
//! 7.2.3 asks (the static Diffie-Hellman attack gains with the number of
//! queries), and makes old outputs useless against new sets.
//!
//! # Why VOPRF and not POPRF
//!
//! POPRF mode (section 3.3.3) binds a public input, such as the epoch, to
//! each evaluation under one long-term key. Here each (holder, asker,
//! epoch) gets a key of its own anyway, derived from one seed, so the
//! epoch is already in the key, the committed public key changes each
//! epoch, and an answer under another epoch's key fails the proof.
//!
//! # Files
//!
//! [`indicator`] (kinds, normal forms, PRF inputs), [`oprf`] (wire sizes,
//! keys, outputs, element checks), [`holder`] (seed, key, evaluation),
//! [`proof`] (the batch evaluation and its proof, written out from the
//! RFC for speed), [`asker`] (blind, finalize), [`record`] (records, their encoding and
//! sealing), [`set`] (the published set: build, bytes, checks, lookup),
//! [`cache`] (the sets a running node holds), [`error`].

pub mod asker;
pub mod cache;
pub mod error;
pub mod holder;
pub mod indicator;
pub mod oprf;
mod proof;
pub mod record;
pub mod set;

pub use asker::BlindState;
pub use error::HitsError;
pub use holder::{Evaluation, HitSeed, HolderKey};
pub use indicator::{Indicator, IndicatorKind};
pub use oprf::{ELEMENT_BYTES, MAX_BATCH, OUTPUT_BYTES, PROOF_BYTES, PrfOutput, PublicKey};
pub use record::HitRecord;
pub use set::{PublishedSet, SetDigest, SetHeader};

#[cfg(test)]
mod tests;
