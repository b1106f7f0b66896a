//! What the holder and the asker share: the ciphersuite, the wire sizes,
//! the committed public key, PRF outputs and the checks of group elements
//! received from the other side.

use std::fmt;

use sha2::{Digest as _, Sha256};
use voprf::Group as _;

use super::error::HitsError;

/// RFC 9497 section 4.1: ristretto255-SHA512.
pub(crate) type Suite = voprf::Ristretto255;
/// A ristretto255 group element.
pub(crate) type Element = <Suite as voprf::Group>::Elem;

/// Bytes of a serialised group element (blinded, evaluated, or a key).
pub const ELEMENT_BYTES: usize = 32;
/// Bytes of a serialised batch proof: two scalars (RFC 9497 section 2.2).
pub const PROOF_BYTES: usize = 64;
/// Bytes of a PRF output: SHA-512 (RFC 9497 sections 3.3.2 and 4.1).
pub const OUTPUT_BYTES: usize = 64;
/// Bytes of an entry's tag in a published set.
pub const TAG_BYTES: usize = 16;
/// The most values evaluated under one proof.
pub const MAX_BATCH: usize = 1000;

const TAG_LABEL: &[u8] = b"liaison-hit-tag";
const RECORD_KEY_LABEL: &[u8] = b"liaison-hit-record";

/// The holder's public key for one (holder, asker, epoch): committed to in
/// the signed set, and checked against every batch proof.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey {
    bytes: [u8; ELEMENT_BYTES],
    element: Element,
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PublicKey({})", hex::encode(self.bytes))
    }
}

impl PublicKey {
    /// Checks `bytes` as a public key; errors name `field`.
    pub fn from_bytes(field: &str, bytes: &[u8]) -> Result<PublicKey, HitsError> {
        let element = parse_element(field, bytes)?;
        let mut fixed = [0u8; ELEMENT_BYTES];
        fixed.copy_from_slice(bytes);
        Ok(PublicKey {
            bytes: fixed,
            element,
        })
    }

    pub(crate) fn from_element(element: Element) -> PublicKey {
        let mut bytes = [0u8; ELEMENT_BYTES];
        bytes.copy_from_slice(&Suite::serialize_elem(element));
        PublicKey { bytes, element }
    }

    pub fn to_bytes(&self) -> [u8; ELEMENT_BYTES] {
        self.bytes
    }

    pub(crate) fn element(&self) -> Element {
        self.element
    }
}

/// The PRF's output for one value under one holder key. Whoever has it can
/// find the value's entry in the set and open its record; its `Debug`
/// shows nothing.
#[derive(Clone, PartialEq, Eq)]
pub struct PrfOutput([u8; OUTPUT_BYTES]);

impl fmt::Debug for PrfOutput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PrfOutput(<secret>)")
    }
}

impl PrfOutput {
    pub(crate) fn from_slice(bytes: &[u8]) -> Result<PrfOutput, HitsError> {
        let bytes: [u8; OUTPUT_BYTES] = bytes
            .try_into()
            .map_err(|_| HitsError::invalid("output", "must be 64 bytes (SHA-512)"))?;
        Ok(PrfOutput(bytes))
    }

    pub fn as_bytes(&self) -> &[u8; OUTPUT_BYTES] {
        &self.0
    }

    /// The entry's tag in the published set: the first 16 bytes of
    /// `SHA-256("liaison-hit-tag" || output)`.
    pub fn tag(&self) -> [u8; TAG_BYTES] {
        let digest = Sha256::new()
            .chain_update(TAG_LABEL)
            .chain_update(self.0)
            .finalize();
        let mut tag = [0u8; TAG_BYTES];
        tag.copy_from_slice(&digest[..TAG_BYTES]);
        tag
    }

    /// The key of the entry's sealed record:
    /// `SHA-256("liaison-hit-record" || output)`.
    pub(crate) fn record_key(&self) -> [u8; 32] {
        Sha256::new()
            .chain_update(RECORD_KEY_LABEL)
            .chain_update(self.0)
            .finalize()
            .into()
    }
}

/// Checks a batch's size: 1 to [`MAX_BATCH`].
pub(crate) fn check_batch(field: &str, len: usize) -> Result<(), HitsError> {
    if len == 0 {
        return Err(HitsError::invalid(
            field,
            "is empty: a batch holds 1 to 1000 elements",
        ));
    }
    if len > MAX_BATCH {
        return Err(HitsError::limit(
            field,
            format!("holds {len} elements, over the cap of {MAX_BATCH} per batch"),
        ));
    }
    Ok(())
}

/// Checks a serialised group element received from the other side: 32
/// bytes, a canonical ristretto255 encoding (RFC 9496 section 4.3.1), not
/// the identity (RFC 9497 section 2.1, DeserializeElement).
pub(crate) fn parse_element(field: &str, bytes: &[u8]) -> Result<Element, HitsError> {
    check_encoding(field, bytes)?;
    Suite::deserialize_elem(bytes).map_err(|_| not_canonical(field))
}

/// The cheap part of [`parse_element`]: the length, and the identity's
/// encoding (all zeros).
pub(crate) fn check_encoding(field: &str, bytes: &[u8]) -> Result<(), HitsError> {
    if bytes.len() != ELEMENT_BYTES {
        return Err(HitsError::invalid(
            field,
            format!(
                "must be {ELEMENT_BYTES} bytes (a ristretto255 element), not {}",
                bytes.len()
            ),
        ));
    }
    if bytes.iter().all(|&b| b == 0) {
        return Err(HitsError::invalid(
            field,
            "is the identity element, which RFC 9497 section 2.1 refuses",
        ));
    }
    Ok(())
}

/// The error for 32 bytes that do not decode.
pub(crate) fn not_canonical(field: &str) -> HitsError {
    HitsError::invalid(
        field,
        "is not a canonical ristretto255 encoding (RFC 9496 section 4.3.1)",
    )
}
