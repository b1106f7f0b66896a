//! The holder's side: one OPRF key per (holder, asker, epoch), derived
//! from the node's seed, and the online evaluation of an asker's blinded
//! batch under it with one proof (RFC 9497 section 3.3.2, VOPRF mode).

use std::fmt;

use curve25519_dalek::Scalar;
use liaison_proto::domain::CountryCode;
use rand_core::OsRng;
use voprf::{Group as _, VoprfServer};
use zeroize::Zeroizing;

use super::error::HitsError;
use super::indicator::Indicator;
use super::oprf::{self, ELEMENT_BYTES, PROOF_BYTES, PrfOutput, PublicKey, Suite};
use super::proof;
use crate::vault::DataKey;

/// The label that starts every key's derivation info.
const KEY_INFO_LABEL: &[u8] = b"liaison-hit-key-v1";

/// The node's secret from which every hit key is derived (RFC 9497
/// section 3.2.1, `DeriveKeyPair(seed, info)`). Kept sealed like a data
/// key; wiped from memory when dropped.
#[derive(Clone)]
pub struct HitSeed(Zeroizing<[u8; 32]>);

impl fmt::Debug for HitSeed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HitSeed(<secret>)")
    }
}

impl HitSeed {
    /// A fresh seed from the operating system's random source.
    pub fn generate() -> Result<HitSeed, HitsError> {
        let mut seed = Zeroizing::new([0u8; 32]);
        getrandom::fill(seed.as_mut()).map_err(|e| HitsError::Random(e.to_string()))?;
        Ok(HitSeed(seed))
    }

    pub fn from_bytes(bytes: [u8; 32]) -> HitSeed {
        HitSeed(Zeroizing::new(bytes))
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

/// A data key of the vault serves as the seed: it is then wrapped under
/// the node's KEK in its slot, and destroying the slot destroys every hit
/// key derived from it.
impl From<&DataKey> for HitSeed {
    fn from(key: &DataKey) -> HitSeed {
        HitSeed::from_bytes(*key.bytes())
    }
}

/// The holder's evaluations of one batch and their proof, serialised for
/// the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// One evaluated element per blinded element, in the same order.
    pub elements: Vec<[u8; ELEMENT_BYTES]>,
    /// One proof for the whole batch (RFC 9497 section 2.2.1).
    pub proof: [u8; PROOF_BYTES],
}

/// The holder's OPRF key for one asker in one epoch.
pub struct HolderKey {
    /// Evaluates the holder's own values (set building).
    server: VoprfServer<Suite>,
    /// The same key as a scalar, for batch evaluation ([`proof`]).
    secret: Zeroizing<Scalar>,
    public: PublicKey,
    holder: CountryCode,
    asker: CountryCode,
    epoch: u64,
}

impl fmt::Debug for HolderKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "HolderKey({} for {}, epoch {}, {:?})",
            self.holder, self.asker, self.epoch, self.public
        )
    }
}

impl HolderKey {
    /// The key `holder` uses for `asker` in `epoch`, derived from `seed`
    /// with the public info `"liaison-hit-key-v1" || holder || asker ||
    /// epoch` (epoch as 8 bytes big-endian). The same inputs always give
    /// the same key, so nothing but the seed needs keeping.
    pub fn derive(
        seed: &HitSeed,
        holder: CountryCode,
        asker: CountryCode,
        epoch: u64,
    ) -> Result<HolderKey, HitsError> {
        let mut info = Vec::with_capacity(KEY_INFO_LABEL.len() + 6 + 8);
        info.extend_from_slice(KEY_INFO_LABEL);
        info.extend_from_slice(holder.as_str().as_bytes());
        info.extend_from_slice(asker.as_str().as_bytes());
        info.extend_from_slice(&epoch.to_be_bytes());
        // Fails only for info over 65,532 bytes, or in the 2^-240 chance
        // that 256 derivation attempts all give zero (RFC 9497 3.2.1).
        let server = VoprfServer::<Suite>::new_from_seed(seed.bytes(), &info)
            .map_err(|e| HitsError::invalid("seed", format!("derives no key: {e}")))?;
        let public = PublicKey::from_element(server.get_public_key());
        let serialised = Zeroizing::new(server.serialize());
        let secret = Suite::deserialize_scalar(&serialised[..32])
            .map_err(|_| HitsError::invalid("seed", "derives a key that does not serialise"))?;
        Ok(HolderKey {
            server,
            secret: Zeroizing::new(secret),
            public,
            holder,
            asker,
            epoch,
        })
    }

    /// The key to commit to in the signed set.
    pub fn public_key(&self) -> &PublicKey {
        &self.public
    }

    pub fn holder(&self) -> CountryCode {
        self.holder
    }

    pub fn asker(&self) -> CountryCode {
        self.asker
    }

    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// Evaluates the asker's blinded elements under this key, with one
    /// proof for the batch. Refuses an `epoch` other than the key's (the
    /// asker holds an old set), an empty batch, one over
    /// [`oprf::MAX_BATCH`], and any element that is not a valid group
    /// element (the error names `blinded[i]`).
    pub fn evaluate_batch<B: AsRef<[u8]>>(
        &self,
        epoch: u64,
        blinded: &[B],
    ) -> Result<Evaluation, HitsError> {
        if epoch != self.epoch {
            return Err(HitsError::Epoch {
                asked: epoch,
                current: self.epoch,
            });
        }
        oprf::check_batch("blinded", blinded.len())?;
        let mut points = Vec::with_capacity(blinded.len());
        let mut encodings = Vec::with_capacity(blinded.len());
        for (i, bytes) in blinded.iter().enumerate() {
            let bytes = bytes.as_ref();
            points.push(oprf::parse_element(&format!("blinded[{i}]"), bytes)?);
            encodings.push(bytes);
        }
        let r = Zeroizing::new(Suite::random_scalar(&mut OsRng));
        let (elements, proof) = proof::evaluate_batch(
            &self.secret,
            &self.public.to_bytes(),
            &points,
            &encodings,
            &r,
        );
        Ok(Evaluation { elements, proof })
    }

    /// The PRF's output for one of the holder's own values, computed
    /// directly (RFC 9497 section 3.3.2, `Evaluate`): what the asker gets
    /// for the same value through blinding.
    pub fn evaluate(&self, indicator: &Indicator) -> Result<PrfOutput, HitsError> {
        let output = self
            .server
            .evaluate(&indicator.prf_input())
            .map_err(|_| HitsError::invalid(indicator.kind().name(), "cannot be evaluated"))?;
        PrfOutput::from_slice(&output)
    }
}
