//! What a hit tells the asker: which agency's list holds the value, under
//! which reference, since when. The records of one value are encoded
//! together, padded to the set's fixed length, and sealed under a key only
//! the value's PRF output gives:
//!
//! ```text
//! plain  = 0x01 | count (1) | count × (kind (1) | Julian day (4, BE)
//!          | len (1) | agency | len (1) | list | len (1) | reference) | zeros
//! sealed = ChaCha20-Poly1305(key = SHA-256("liaison-hit-record" || output),
//!          nonce (12, random), aad = the set's parties, epoch and the tag)
//! ```
//!
//! Every entry of a set has the same length, so an entry's size tells
//! nothing of its agency, list or reference.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use time::Date;

use super::error::HitsError;
use super::indicator::IndicatorKind;

/// The first byte of an encoded bundle.
const BUNDLE_VERSION: u8 = 1;
/// The longest agency, list or reference, in bytes.
pub const MAX_FIELD_BYTES: usize = 64;
/// The most records one value carries (it is on that many lists).
pub const MAX_RECORDS_PER_VALUE: usize = 16;
/// Plain records are padded to a multiple of this.
pub const PAD_BYTES: usize = 32;
/// Bytes of a sealed record's nonce and of its AEAD tag.
pub const NONCE_BYTES: usize = 12;
pub const AEAD_TAG_BYTES: usize = 16;

/// One listing of a value: the record a hit opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitRecord {
    /// The agency that listed the value (its code or name).
    pub agency: String,
    /// The list it is on.
    pub list: String,
    /// The agency's reference for the listing, to quote in a formal request.
    pub reference: String,
    /// The indicator's kind.
    pub kind: IndicatorKind,
    /// When it was added to the list.
    pub added: Date,
}

impl HitRecord {
    /// Checks the text fields: 1 to 64 bytes, no control characters.
    /// Errors name `field.agency`, `field.list` or `field.reference`.
    pub fn check(&self, field: &str) -> Result<(), HitsError> {
        for (name, value) in [
            ("agency", &self.agency),
            ("list", &self.list),
            ("reference", &self.reference),
        ] {
            let ok = (1..=MAX_FIELD_BYTES).contains(&value.len())
                && !value.chars().any(char::is_control);
            if !ok {
                return Err(HitsError::invalid(
                    format!("{field}.{name}"),
                    "must be 1 to 64 bytes without control characters",
                ));
            }
        }
        Ok(())
    }
}

/// Encodes the records of one value (checked, at most
/// [`MAX_RECORDS_PER_VALUE`]), unpadded.
pub(crate) fn encode(records: &[&HitRecord]) -> Vec<u8> {
    let mut out = Vec::with_capacity(2 + records.len() * 48);
    out.push(BUNDLE_VERSION);
    out.push(u8::try_from(records.len()).unwrap_or(u8::MAX));
    for record in records {
        out.push(record.kind.code());
        out.extend_from_slice(&record.added.to_julian_day().to_be_bytes());
        for text in [&record.agency, &record.list, &record.reference] {
            out.push(u8::try_from(text.len()).unwrap_or(u8::MAX));
            out.extend_from_slice(text.as_bytes());
        }
    }
    out
}

/// The length [`encode`] gives `records`.
pub(crate) fn encoded_len<'a>(records: impl Iterator<Item = &'a HitRecord>) -> usize {
    2 + records
        .map(|r| 1 + 4 + 3 + r.agency.len() + r.list.len() + r.reference.len())
        .sum::<usize>()
}

/// `len` rounded up to the padding.
pub(crate) fn padded(len: usize) -> usize {
    len.div_ceil(PAD_BYTES).max(1) * PAD_BYTES
}

/// Reads a bundle front to back.
struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.rest.len() < n {
            return None;
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
}

/// Decodes an opened bundle, padding included; errors name `field`.
pub(crate) fn decode(field: &str, plain: &[u8]) -> Result<Vec<HitRecord>, HitsError> {
    let bad = |rule: &str| HitsError::invalid(field, rule);
    let short = || bad("ends inside a record");
    let mut reader = Reader { rest: plain };
    if reader.byte() != Some(BUNDLE_VERSION) {
        return Err(bad("must start with version 1"));
    }
    let count = usize::from(reader.byte().ok_or_else(short)?);
    if !(1..=MAX_RECORDS_PER_VALUE).contains(&count) {
        return Err(bad("must hold 1 to 16 records"));
    }
    let mut records = Vec::with_capacity(count);
    for _ in 0..count {
        let kind = IndicatorKind::from_code(reader.byte().ok_or_else(short)?)
            .ok_or_else(|| bad("has an unknown kind"))?;
        let mut day = [0u8; 4];
        day.copy_from_slice(reader.take(4).ok_or_else(short)?);
        let added = Date::from_julian_day(i32::from_be_bytes(day))
            .map_err(|_| bad("has a date out of range"))?;
        let mut text = || -> Result<String, HitsError> {
            let len = usize::from(reader.byte().ok_or_else(short)?);
            let bytes = reader.take(len).ok_or_else(short)?;
            std::str::from_utf8(bytes)
                .map(str::to_string)
                .map_err(|_| bad("has a text field that is not UTF-8"))
        };
        let record = HitRecord {
            agency: text()?,
            list: text()?,
            reference: text()?,
            kind,
            added,
        };
        record.check(field)?;
        records.push(record);
    }
    if reader.rest.iter().any(|&b| b != 0) {
        return Err(bad("must end in zero padding"));
    }
    Ok(records)
}

/// Seals `plain` under `key`.
pub(crate) fn seal(
    key: &[u8; 32],
    nonce: &[u8; NONCE_BYTES],
    aad: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, HitsError> {
    ChaCha20Poly1305::new(key.into())
        .encrypt(Nonce::from_slice(nonce), Payload { msg: plain, aad })
        .map_err(|_| HitsError::invalid("record", "cannot be sealed"))
}

/// Opens a sealed record; `None` when it does not open under `key`.
pub(crate) fn open(key: &[u8; 32], nonce: &[u8], aad: &[u8], sealed: &[u8]) -> Option<Vec<u8>> {
    if nonce.len() != NONCE_BYTES {
        return None;
    }
    ChaCha20Poly1305::new(key.into())
        .decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad })
        .ok()
}
