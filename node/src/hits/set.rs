//! The published set: what a holder gives one asker for one epoch, signed
//! by the holder's node key. One entry per distinct value the holder
//! lists, sorted by tag:
//!
//! ```text
//! header  = "LHIT" | version (2, BE) = 1 | holder (3) | asker (3)
//!           | epoch (8, BE) | public key (32) | record bytes R (2, BE)
//!           | entry count N (4, BE)                              58 bytes
//! entry   = tag (16) | nonce (12) | sealed record (R + 16)       N times
//! ```
//!
//! `tag = SHA-256("liaison-hit-tag" || output)[..16]` and the sealed record
//! is described in [`super::record`]. The signature covers
//! [`SetDigest::signing_bytes`], built from the SHA-256 of these exact
//! bytes, which the asker checks before it parses them.

use std::cmp::Ordering;
use std::fmt;
use std::ops::Range;

use liaison_proto::domain::CountryCode;
use sha2::{Digest as _, Sha256};

use super::error::HitsError;
use super::holder::HolderKey;
use super::indicator::Indicator;
use super::oprf::{ELEMENT_BYTES, PrfOutput, PublicKey, TAG_BYTES};
use super::record::{self, AEAD_TAG_BYTES, HitRecord, MAX_RECORDS_PER_VALUE, NONCE_BYTES};

/// The first bytes of every set.
pub const MAGIC: [u8; 4] = *b"LHIT";
/// The format this module writes and reads.
pub const VERSION: u16 = 1;
/// Bytes of the header.
pub const HEADER_BYTES: usize = 4 + 2 + 3 + 3 + 8 + ELEMENT_BYTES + 2 + 4;
/// The most entries a set may hold (about 1.1 GB at 108 bytes an entry).
pub const MAX_ENTRIES: usize = 10_000_000;
/// The longest padded record: 16 records of three 64-byte fields fit.
pub const MAX_RECORD_BYTES: usize = 4096;

const DIGEST_LABEL: &[u8] = b"liaison-hit-set-v1\0";
const AAD_LABEL: &[u8] = b"liaison-hit-record-v1";

/// What the header of a set says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetHeader {
    /// The country whose lists the set holds.
    pub holder: CountryCode,
    /// The only country it is for.
    pub asker: CountryCode,
    /// The holder's key epoch: evaluations are made under this epoch only.
    pub epoch: u64,
    /// The key every evaluation's proof must verify against.
    pub public_key: PublicKey,
    /// Bytes of every entry's padded record before sealing.
    pub record_bytes: usize,
    /// How many entries (distinct values) the set holds.
    pub count: usize,
}

impl SetHeader {
    fn entry_bytes(&self) -> usize {
        entry_bytes(self.record_bytes)
    }

    /// The associated data of the entry with `tag`: a record moved to
    /// another entry, set or epoch does not open.
    fn aad(&self, tag: &[u8]) -> Vec<u8> {
        let mut aad = Vec::with_capacity(AAD_LABEL.len() + 14 + TAG_BYTES);
        aad.extend_from_slice(AAD_LABEL);
        aad.extend_from_slice(self.holder.as_str().as_bytes());
        aad.extend_from_slice(self.asker.as_str().as_bytes());
        aad.extend_from_slice(&self.epoch.to_be_bytes());
        aad.extend_from_slice(tag);
        aad
    }

    fn write(&self, out: &mut Vec<u8>) -> Result<(), HitsError> {
        let record_bytes = u16::try_from(self.record_bytes)
            .map_err(|_| HitsError::limit("set.record_bytes", "must fit in 2 bytes"))?;
        let count = u32::try_from(self.count)
            .map_err(|_| HitsError::limit("set.count", "must fit in 4 bytes"))?;
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&VERSION.to_be_bytes());
        out.extend_from_slice(self.holder.as_str().as_bytes());
        out.extend_from_slice(self.asker.as_str().as_bytes());
        out.extend_from_slice(&self.epoch.to_be_bytes());
        out.extend_from_slice(&self.public_key.to_bytes());
        out.extend_from_slice(&record_bytes.to_be_bytes());
        out.extend_from_slice(&count.to_be_bytes());
        Ok(())
    }

    fn read(bytes: &[u8]) -> Result<SetHeader, HitsError> {
        let header = bytes.get(..HEADER_BYTES).ok_or_else(|| {
            HitsError::invalid(
                "set",
                format!(
                    "is {} bytes, shorter than its {HEADER_BYTES}-byte header",
                    bytes.len()
                ),
            )
        })?;
        let (magic, rest) = header.split_at(4);
        if magic != MAGIC {
            return Err(HitsError::invalid("set.magic", "must be `LHIT`"));
        }
        let (version, rest) = rest.split_at(2);
        if version != VERSION.to_be_bytes() {
            return Err(HitsError::invalid(
                "set.version",
                "must be 1, the only version this node reads",
            ));
        }
        let (holder, rest) = rest.split_at(3);
        let (asker, rest) = rest.split_at(3);
        let (epoch, rest) = rest.split_at(8);
        let (public_key, rest) = rest.split_at(ELEMENT_BYTES);
        let (record_bytes, count) = rest.split_at(2);
        let mut epoch_be = [0u8; 8];
        epoch_be.copy_from_slice(epoch);
        let record_bytes = usize::from(u16::from_be_bytes([record_bytes[0], record_bytes[1]]));
        if record_bytes == 0
            || record_bytes > MAX_RECORD_BYTES
            || !record_bytes.is_multiple_of(record::PAD_BYTES)
        {
            return Err(HitsError::invalid(
                "set.record_bytes",
                "must be a multiple of 32 from 32 to 4096",
            ));
        }
        let count = u32::from_be_bytes([count[0], count[1], count[2], count[3]]);
        let count = usize::try_from(count).unwrap_or(usize::MAX);
        if count > MAX_ENTRIES {
            return Err(HitsError::limit(
                "set.count",
                format!("is over the cap of {MAX_ENTRIES} entries"),
            ));
        }
        Ok(SetHeader {
            holder: country("set.holder", holder)?,
            asker: country("set.asker", asker)?,
            epoch: u64::from_be_bytes(epoch_be),
            public_key: PublicKey::from_bytes("set.public_key", public_key)?,
            record_bytes,
            count,
        })
    }
}

fn entry_bytes(record_bytes: usize) -> usize {
    TAG_BYTES + NONCE_BYTES + record_bytes + AEAD_TAG_BYTES
}

/// Three upper-case letters, as written.
fn country(field: &str, bytes: &[u8]) -> Result<CountryCode, HitsError> {
    let rule = "must be an ISO 3166-1 alpha-3 code in upper case";
    if !bytes.iter().all(u8::is_ascii_uppercase) {
        return Err(HitsError::invalid(field, rule));
    }
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| text.parse().ok())
        .ok_or_else(|| HitsError::invalid(field, rule))
}

/// The SHA-256 of a set's bytes: what the holder's node key signs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct SetDigest(pub [u8; 32]);

impl fmt::Debug for SetDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SetDigest({})", hex::encode(self.0))
    }
}

impl SetDigest {
    /// The digest of `bytes`, before anything in them is trusted.
    pub fn of(bytes: &[u8]) -> SetDigest {
        SetDigest(Sha256::digest(bytes).into())
    }

    /// The message to sign and verify with the node's Ed25519 key:
    /// `"liaison-hit-set-v1\0" || digest`, a label no other signed message
    /// of the node starts with.
    pub fn signing_bytes(&self) -> Vec<u8> {
        let mut message = DIGEST_LABEL.to_vec();
        message.extend_from_slice(&self.0);
        message
    }
}

/// A set, checked, held as its bytes: looked up in place.
pub struct PublishedSet {
    bytes: Vec<u8>,
    header: SetHeader,
    digest: SetDigest,
}

impl fmt::Debug for PublishedSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PublishedSet({} for {}, epoch {}, {} entries, {:?})",
            self.header.holder,
            self.header.asker,
            self.header.epoch,
            self.header.count,
            self.digest
        )
    }
}

impl PublishedSet {
    /// Builds the set of `items` under `key`, for `key`'s asker and epoch,
    /// on every core. A value listed several times gets one entry holding
    /// all its records (at most [`MAX_RECORDS_PER_VALUE`]). Each record's
    /// kind must be its indicator's. Errors name `items[i]`.
    pub fn build(
        key: &HolderKey,
        items: &[(Indicator, HitRecord)],
    ) -> Result<PublishedSet, HitsError> {
        if items.len() > MAX_ENTRIES {
            return Err(HitsError::limit(
                "items",
                format!(
                    "holds {} values, over the cap of {MAX_ENTRIES}",
                    items.len()
                ),
            ));
        }
        for (i, (indicator, record)) in items.iter().enumerate() {
            record.check(&format!("items[{i}].record"))?;
            if record.kind != indicator.kind() {
                return Err(HitsError::invalid(
                    format!("items[{i}].record.kind"),
                    "must be the kind of its indicator",
                ));
            }
        }
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let outputs = parallel(items, threads, |_, (indicator, _)| key.evaluate(indicator))?;
        let mut order: Vec<([u8; TAG_BYTES], usize)> = outputs
            .iter()
            .enumerate()
            .map(|(i, output)| (output.tag(), i))
            .collect();
        order.sort_unstable();
        let groups = group(&order, &outputs)?;
        let longest = groups
            .iter()
            .map(|g| record::encoded_len(order[g.clone()].iter().map(|(_, i)| &items[*i].1)))
            .max()
            .unwrap_or(0);
        let header = SetHeader {
            holder: key.holder(),
            asker: key.asker(),
            epoch: key.epoch(),
            public_key: *key.public_key(),
            record_bytes: record::padded(longest),
            count: groups.len(),
        };
        let entry = header.entry_bytes();
        let mut bytes = Vec::with_capacity(HEADER_BYTES + groups.len() * entry);
        header.write(&mut bytes)?;
        bytes.resize(HEADER_BYTES + groups.len() * entry, 0);
        // Each thread seals a run of entries straight into their place.
        let per_thread = groups.len().div_ceil(threads).max(1);
        let body = bytes.get_mut(HEADER_BYTES..).unwrap_or_default();
        let header = &header;
        let (order, outputs) = (&order, &outputs);
        let results: Vec<Result<(), HitsError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = body
                .chunks_mut(per_thread * entry)
                .zip(groups.chunks(per_thread))
                .map(|(slots, ranges)| {
                    scope.spawn(move || {
                        for (slot, range) in slots.chunks_exact_mut(entry).zip(ranges) {
                            let (tag, first) = order[range.start];
                            let records: Vec<&HitRecord> = order[range.clone()]
                                .iter()
                                .map(|(_, i)| &items[*i].1)
                                .collect();
                            seal_entry(slot, header, &tag, &outputs[first], &records)?;
                        }
                        Ok(())
                    })
                })
                .collect();
            handles.into_iter().map(join).collect()
        });
        results.into_iter().collect::<Result<(), _>>()?;
        PublishedSet::from_bytes(bytes)
    }

    /// Checks a set received from a holder, whose signature over
    /// [`SetDigest::of`] these bytes has been verified: every header field,
    /// the length (exactly the header and `count` entries), and the tags in
    /// strictly increasing order.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<PublishedSet, HitsError> {
        let header = SetHeader::read(&bytes)?;
        let entry = header.entry_bytes();
        let expected = header
            .count
            .checked_mul(entry)
            .and_then(|n| n.checked_add(HEADER_BYTES));
        if expected != Some(bytes.len()) {
            return Err(HitsError::invalid(
                "set",
                format!(
                    "is {} bytes, not the header and {} entries of {entry} bytes",
                    bytes.len(),
                    header.count
                ),
            ));
        }
        let body = bytes.get(HEADER_BYTES..).unwrap_or_default();
        let mut previous: Option<&[u8]> = None;
        for (i, chunk) in body.chunks_exact(entry).enumerate() {
            let tag = &chunk[..TAG_BYTES];
            if previous.is_some_and(|p| p >= tag) {
                return Err(HitsError::invalid(
                    format!("set.entries[{i}].tag"),
                    "must be greater than the tag before it (entries sorted by tag, each once)",
                ));
            }
            previous = Some(tag);
        }
        let digest = SetDigest::of(&bytes);
        Ok(PublishedSet {
            bytes,
            header,
            digest,
        })
    }

    /// The set's bytes, as signed and sent.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }

    pub fn header(&self) -> &SetHeader {
        &self.header
    }

    pub fn digest(&self) -> SetDigest {
        self.digest
    }

    /// How many distinct values the set holds.
    pub fn len(&self) -> usize {
        self.header.count
    }

    pub fn is_empty(&self) -> bool {
        self.header.count == 0
    }

    /// Refuses a set that is not `holder`'s for `asker`: a set sent by
    /// one peer, or meant for another asker, is not used.
    pub fn expect_parties(&self, holder: CountryCode, asker: CountryCode) -> Result<(), HitsError> {
        if self.header.holder != holder {
            return Err(HitsError::invalid(
                "set.holder",
                format!("must be {holder}, the peer it came from"),
            ));
        }
        if self.header.asker != asker {
            return Err(HitsError::invalid(
                "set.asker",
                format!("must be {asker}, this node"),
            ));
        }
        Ok(())
    }

    fn entry(&self, index: usize) -> Option<&[u8]> {
        let entry = self.header.entry_bytes();
        let start = HEADER_BYTES.checked_add(index.checked_mul(entry)?)?;
        self.bytes.get(start..start.checked_add(entry)?)
    }

    /// The index of the entry with `tag`, by binary search.
    fn find(&self, tag: &[u8; TAG_BYTES]) -> Option<usize> {
        let (mut low, mut high) = (0, self.header.count);
        while low < high {
            let middle = low + (high - low) / 2;
            let entry = self.entry(middle)?;
            match entry[..TAG_BYTES].cmp(tag) {
                Ordering::Less => low = middle + 1,
                Ordering::Greater => high = middle,
                Ordering::Equal => return Some(middle),
            }
        }
        None
    }

    /// Whether the value whose PRF output is `output` is in the set.
    pub fn contains(&self, output: &PrfOutput) -> bool {
        self.find(&output.tag()).is_some()
    }

    /// The records of the value whose PRF output is `output`: `None` for
    /// no hit. An entry whose record does not open, or opens to something
    /// malformed, is an error naming it: the holder published a corrupt
    /// set.
    pub fn open(&self, output: &PrfOutput) -> Result<Option<Vec<HitRecord>>, HitsError> {
        let tag = output.tag();
        let Some(index) = self.find(&tag) else {
            return Ok(None);
        };
        let field = format!("set.entries[{index}].record");
        let entry = self
            .entry(index)
            .ok_or_else(|| HitsError::invalid(&field, "is past the end of the set"))?;
        let (nonce, sealed) = entry[TAG_BYTES..].split_at(NONCE_BYTES);
        let plain = record::open(&output.record_key(), nonce, &self.header.aad(&tag), sealed)
            .ok_or_else(|| {
                HitsError::invalid(
                    &field,
                    "does not open with its value's key (a corrupt or forged entry)",
                )
            })?;
        record::decode(&field, &plain).map(Some)
    }
}

/// Ranges of `order` (sorted by tag) that share a tag: one value listed
/// several times. Two different outputs with one tag (a 2^-128 chance per
/// pair) are refused rather than merged.
fn group(
    order: &[([u8; TAG_BYTES], usize)],
    outputs: &[PrfOutput],
) -> Result<Vec<Range<usize>>, HitsError> {
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(order.len());
    for (position, (tag, index)) in order.iter().enumerate() {
        match groups.last_mut() {
            Some(last) if order[last.start].0 == *tag => {
                let first = order[last.start].1;
                if outputs[first] != outputs[*index] {
                    return Err(HitsError::invalid(
                        format!("items[{index}]"),
                        "shares its tag with another value: rotate the epoch",
                    ));
                }
                if position - last.start >= MAX_RECORDS_PER_VALUE {
                    return Err(HitsError::limit(
                        format!("items[{index}]"),
                        format!("is a value listed more than {MAX_RECORDS_PER_VALUE} times"),
                    ));
                }
                last.end = position + 1;
            }
            _ => groups.push(position..position + 1),
        }
    }
    Ok(groups)
}

/// `work` over `items` on up to `threads` threads, in order; the first
/// error stops it.
fn parallel<T: Sync, U: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(usize, &T) -> Result<U, HitsError> + Sync,
) -> Result<Vec<U>, HitsError> {
    let threads = threads.clamp(1, items.len().max(1));
    let chunk = items.len().div_ceil(threads).max(1);
    let work = &work;
    let parts: Vec<Result<Vec<U>, HitsError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                scope.spawn(move || {
                    part.iter()
                        .enumerate()
                        .map(|(i, item)| work(c * chunk + i, item))
                        .collect()
                })
            })
            .collect();
        handles.into_iter().map(join).collect()
    });
    let mut all = Vec::with_capacity(items.len());
    for part in parts {
        all.extend(part?);
    }
    Ok(all)
}

/// A worker's result; a worker that panicked is an error, not a panic here.
fn join<T>(
    handle: std::thread::ScopedJoinHandle<'_, Result<T, HitsError>>,
) -> Result<T, HitsError> {
    handle
        .join()
        .unwrap_or_else(|_| Err(HitsError::invalid("items", "a worker thread panicked")))
}

/// Writes the entry of one value into `slot`: its tag, a fresh nonce and
/// its records, padded and sealed under the value's record key.
fn seal_entry(
    slot: &mut [u8],
    header: &SetHeader,
    tag: &[u8; TAG_BYTES],
    output: &PrfOutput,
    records: &[&HitRecord],
) -> Result<(), HitsError> {
    let mut plain = record::encode(records);
    plain.resize(header.record_bytes, 0);
    let mut nonce = [0u8; NONCE_BYTES];
    getrandom::fill(&mut nonce).map_err(|e| HitsError::Random(e.to_string()))?;
    let sealed = record::seal(&output.record_key(), &nonce, &header.aad(tag), &plain)?;
    let (tag_slot, rest) = slot.split_at_mut(TAG_BYTES);
    let (nonce_slot, sealed_slot) = rest.split_at_mut(NONCE_BYTES);
    tag_slot.copy_from_slice(tag);
    nonce_slot.copy_from_slice(&nonce);
    sealed_slot.copy_from_slice(&sealed);
    Ok(())
}
