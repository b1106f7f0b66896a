//! Evidence files (screenshots, chat exports, statements, device
//! extractions) in a directory of their own, encrypted with the request's
//! data key so that destroying the key erases them, content-addressed by
//! the SHA-256 of their plaintext, and streamed in and out with flat
//! memory whatever their size.
//!
//! # Layout
//!
//! Under the root given to [`BlobDir::open`] (created mode 0700; every
//! directory below is 0700 and every file 0600):
//!
//! - `<owner>/<sha256 hex>`: a finished blob. `<owner>` is the caller's
//!   name for the data's owner (a request id); owners and upload ids are
//!   1 to 64 characters of `A-Z a-z 0-9 . _ -`, not starting with `.`,
//!   and are checked before any path is built from them.
//! - `<owner>/partial/<upload id>`: an upload in progress, in the blob
//!   format below but without its final segment.
//! - `<owner>/partial/<upload id>~tail`: the upload's last checkpoint (see
//!   *Partial uploads*). `~` is not allowed in upload ids, so sidecar
//!   names never collide with an upload's. `…~new` and `…~tail~new` are
//!   written and renamed into place; one left by a crash is overwritten.
//!
//! # Blob format, version 1
//!
//! All integers are big-endian. A blob file is a 28-byte header followed
//! by segments:
//!
//! | bytes | content |
//! |-------|---------|
//! | 0..4  | magic `LSB1` |
//! | 4     | format version, `1` |
//! | 5..24 | nonce prefix: 19 random bytes, fresh for every upload |
//! | 24..28 | plaintext segment size `S` as u32: `65536` (the only value version 1 allows) |
//!
//! Segment `i` (counting from 0) starts at byte `28 + i * (S + 16)`. The
//! plaintext is cut into segments of exactly `S` bytes, followed by one
//! *final* segment of `size mod S` bytes (so it is empty when the size is
//! a multiple of `S`, and a 0-byte blob is a single empty final segment).
//! Each segment is its plaintext encrypted with XChaCha20-Poly1305 under
//! the data key, ciphertext followed by the 16-byte tag, with
//!
//! - nonce (24 bytes) = nonce prefix ‖ u32 `i` ‖ one flag byte, `0x01`
//!   for the final segment and `0x00` for the others: the STREAM
//!   construction of Hoang, Reyhanitabar, Rogaway and Vizár as
//!   `aead::stream::StreamBE32` implements it (`EncryptorBE32` /
//!   `DecryptorBE32` produce the same bytes);
//! - associated data = `"liaison blob v1\0"` ‖ the owner's name in ASCII.
//!
//! A file of `L` bytes therefore holds `n = (L - 28) / (S + 16)` full
//! segments and a final segment of `(L - 28) mod (S + 16) - 16` plaintext
//! bytes; a remainder below 16 is a truncated file. The plaintext size is
//! `n * S + (final segment's length)`, at most `(2^32 - 1) * S`
//! ([`MAX_BLOB_SIZE`]).
//!
//! # Guarantees
//!
//! - Confidentiality and integrity under the data key: without it nothing
//!   but the size can be learnt, and deleting the key erases the blob.
//! - A changed byte, a reordered, dropped or appended segment, a file cut
//!   short (the final-segment flag) or copied to another owner's
//!   directory (the associated data) fails authentication, and a reader
//!   also checks that the whole plaintext hashes to the file's name. A
//!   reader hands out a segment only after its tag checked, and the final
//!   segment only after the hash did; a stream is whole only once
//!   [`BlobReader::read_chunk`] has returned `None`.
//! - Memory is flat: an upload holds at most one plaintext segment and,
//!   during a checkpoint, its encryption; a reader holds one segment.
//!
//! # Partial uploads
//!
//! [`Upload::write_at`] appends each full segment to the partial file as
//! soon as it is complete (not yet synced) and keeps the incomplete tail
//! (under `S` bytes) in memory. [`Upload::checkpoint`] fsyncs the partial
//! file, then writes the tail to the `~tail` sidecar, fsyncs it, renames
//! it into place and fsyncs the directory, so that everything accepted so
//! far, [`Upload::offset`], survives a crash. The sidecar is
//!
//! | bytes | content |
//! |-------|---------|
//! | 0..4  | magic `LST1` |
//! | 4     | version `1` |
//! | 5..13 | `c`: the number of full segments in the partial file at the checkpoint, u64 |
//! | 13..37 | a random 24-byte XChaCha20-Poly1305 nonce, fresh for every checkpoint |
//! | 37..  | the tail's plaintext encrypted under the data key, then the tag |
//!
//! with associated data `"liaison blob tail v1\0"` ‖ nonce prefix of the
//! partial file ‖ u64 `c` ‖ u8 length of the owner ‖ owner ‖ upload id.
//!
//! [`BlobDir::upload`] on an existing partial upload decrypts it again to
//! rebuild the SHA-256 state: segments before `c` must authenticate (else
//! [`BlobError::Corrupt`]: damage, or the wrong key); from `c` on, written
//! since the last checkpoint and never synced, it keeps the segments that
//! authenticate and cuts the file after them (a torn or incomplete
//! segment). The sidecar's tail is used when the file still holds exactly
//! `c` full segments; when it holds more, the tail is inside them. The
//! resumed [`Upload::offset`] is thus at least the last checkpoint's and
//! ends on what is intact on disk; the sender continues from there, and
//! the result is byte-identical to an uninterrupted upload.
//!
//! A segment position is encrypted again only after a crash lost its
//! earlier, unsynced ciphertext (a torn segment, or a final segment
//! written by an interrupted [`Upload::finish`]); a sender that resends
//! the same bytes for the same offsets, as a resumable transfer does,
//! encrypts the same plaintext under the same nonce and reveals nothing.
//!
//! # Concurrency
//!
//! One [`Upload`] per owner and upload id at a time within the process
//! ([`BlobError::InUse`] otherwise); the node runs one process per data
//! directory. Finished blobs are replaced by rename, so readers never see
//! a half-written file. [`BlobDir::remove_owner`] does not wait for uploads
//! in progress: their [`Upload::finish`] then fails, and nothing is left.
//!
//! The API is synchronous; async callers use `spawn_blocking`.

use std::collections::BTreeSet;
use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, FileExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use chacha20poly1305::aead::generic_array::GenericArray;
use chacha20poly1305::aead::stream::{NewStream, StreamBE32, StreamPrimitive};
use chacha20poly1305::{AeadInPlace, Key, KeyInit, XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::vault::DataKey;

/// Plaintext bytes in every segment but the final one.
pub const SEGMENT_SIZE: usize = 65_536;
/// Bytes of the blob header.
pub const HEADER_LEN: u64 = 28;
/// The largest plaintext the format can hold: 2^32 - 1 full segments.
pub const MAX_BLOB_SIZE: u64 = u32::MAX as u64 * SEGMENT_SIZE as u64;

const TAG_LEN: usize = 16;
const SEALED_LEN: usize = SEGMENT_SIZE + TAG_LEN;
const SEGMENT: u64 = SEGMENT_SIZE as u64;
const SEALED: u64 = SEALED_LEN as u64;
const MAGIC: [u8; 4] = *b"LSB1";
const VERSION: u8 = 1;
const PREFIX_LEN: usize = 19;
const AAD_LABEL: &[u8] = b"liaison blob v1\0";

const TAIL_MAGIC: [u8; 4] = *b"LST1";
const TAIL_LABEL: &[u8] = b"liaison blob tail v1\0";
const TAIL_NONCE_LEN: usize = 24;
const TAIL_HEADER_LEN: usize = 4 + 1 + 8 + TAIL_NONCE_LEN;

const PARTIAL_DIR: &str = "partial";
const NAME_MAX: usize = 64;

type Stream = StreamBE32<XChaCha20Poly1305>;
type Prefix = [u8; PREFIX_LEN];

/// Why a blob operation failed. Messages name the file or the rule, never
/// any content.
#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error(
        "{name:?} is not a valid owner name: 1 to 64 of A-Z a-z 0-9 . _ -, not starting with '.'"
    )]
    BadOwner { name: String },
    #[error(
        "{name:?} is not a valid upload id: 1 to 64 of A-Z a-z 0-9 . _ -, not starting with '.'"
    )]
    BadUploadId { name: String },
    #[error("the blob would be larger than its limit of {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("a chunk at offset {got} was refused: the upload continues at offset {expected}")]
    OutOfOrder { expected: u64, got: u64 },
    #[error("the upload's SHA-256 is {actual}, not the expected {expected}; it was discarded")]
    HashMismatch { expected: String, actual: String },
    #[error("{path}: no such blob")]
    NotFound { path: PathBuf },
    #[error("offset {offset} is past the end of the {size}-byte blob")]
    BadOffset { offset: u64, size: u64 },
    #[error("{path}: this upload is already open in this process")]
    InUse { path: PathBuf },
    #[error("{path}: an earlier write failed; drop this upload and resume it")]
    Poisoned { path: PathBuf },
    #[error("{path} is corrupt: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    #[error("{path}: cannot {doing}: {source}")]
    Io {
        path: PathBuf,
        doing: &'static str,
        #[source]
        source: io::Error,
    },
    #[error("the system's random source failed: {0}")]
    Random(getrandom::Error),
}

fn io_err<'a>(path: &'a Path, doing: &'static str) -> impl FnOnce(io::Error) -> BlobError + 'a {
    move |source| BlobError::Io {
        path: path.to_path_buf(),
        doing,
        source,
    }
}

fn corrupt(path: &Path, reason: impl Into<String>) -> BlobError {
    BlobError::Corrupt {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

/// A finished blob: the SHA-256 of its plaintext (its name) and its
/// plaintext size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlobInfo {
    pub sha256: [u8; 32],
    pub size: u64,
}

/// The blob directory. Cheap to clone; see the module documentation for
/// the layout and the format.
#[derive(Debug, Clone)]
pub struct BlobDir {
    root: PathBuf,
}

impl BlobDir {
    /// Opens the directory at `root`, creating it (mode 0700) if missing.
    pub fn open(root: impl Into<PathBuf>) -> Result<BlobDir, BlobError> {
        let root = root.into();
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&root)
            .map_err(io_err(&root, "create the blob directory"))?;
        let root = fs::canonicalize(&root).map_err(io_err(&root, "resolve the blob directory"))?;
        Ok(BlobDir { root })
    }

    /// Starts an upload, or resumes the one left by an earlier process or
    /// a dropped [`Upload`]: resuming decrypts the partial file again to
    /// rebuild the SHA-256 state and discards an incomplete or unsynced
    /// trailing segment, so that [`Upload::offset`] is what is intact on
    /// disk (at least the last checkpoint). `max_size` bounds the
    /// plaintext (and is capped at [`MAX_BLOB_SIZE`]).
    pub fn upload(
        &self,
        owner: &str,
        upload_id: &str,
        key: &DataKey,
        max_size: u64,
    ) -> Result<Upload, BlobError> {
        check_owner(owner)?;
        check_upload_id(upload_id)?;
        let paths = UploadPaths::new(&self.root, owner, upload_id);
        let claim = Claim::take(&paths.data)?;
        let ids = UploadIds {
            owner: owner.to_owned(),
            upload_id: upload_id.to_owned(),
        };
        let setup = UploadSetup {
            paths,
            ids,
            aead: cipher(key),
            max_size: max_size.min(MAX_BLOB_SIZE),
            claim,
        };
        match OpenOptions::new()
            .read(true)
            .write(true)
            .open(&setup.paths.data)
        {
            Ok(file) => Upload::resume(setup, file),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Upload::create(setup),
            Err(e) => Err(io_err(&setup.paths.data, "open the partial upload")(e)),
        }
    }

    /// How many plaintext bytes the partial upload `upload_id` of `owner`
    /// holds on disk (0 if there is none), from the lengths of its files
    /// and the checkpoint's segment count alone: no decryption and no
    /// claim, so an upload in progress may be asked about. That is its
    /// full segments, plus the checkpointed tail when the file holds just
    /// the checkpoint's segments: what [`BlobDir::upload`] resumes from,
    /// unless a crash of the machine left an unsynced segment that then
    /// fails authentication. An upload in progress holds up to one segment
    /// more, in memory.
    pub fn partial_size(&self, owner: &str, upload_id: &str) -> Result<u64, BlobError> {
        check_owner(owner)?;
        check_upload_id(upload_id)?;
        let paths = UploadPaths::new(&self.root, owner, upload_id);
        let len = match fs::metadata(&paths.data) {
            Ok(meta) => meta.len(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(io_err(&paths.data, "look up the partial upload")(e)),
        };
        let segments = len.saturating_sub(HEADER_LEN) / SEALED;
        let tail = match File::open(&paths.tail) {
            Ok(file) => {
                let sidecar = file_len(&file, &paths.tail)?;
                let mut head = [0u8; 13];
                let counted = file.read_exact_at(&mut head, 0).is_ok()
                    && head[..4] == TAIL_MAGIC
                    && head[4] == VERSION
                    && head[5..13] == segments.to_be_bytes();
                if counted {
                    sidecar
                        .saturating_sub((TAIL_HEADER_LEN + TAG_LEN) as u64)
                        .min(SEGMENT - 1)
                } else {
                    0
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => 0,
            Err(e) => return Err(io_err(&paths.tail, "open the checkpoint")(e)),
        };
        Ok(segments * SEGMENT + tail)
    }

    /// The plaintext size of the finished blob `sha256` of `owner`, or
    /// `None` if there is none. Reads only the file's length.
    pub fn exists(&self, owner: &str, sha256: &[u8; 32]) -> Result<Option<u64>, BlobError> {
        check_owner(owner)?;
        let path = self.blob_path(owner, sha256);
        match fs::metadata(&path) {
            Ok(meta) => blob_size(&path, meta.len()).map(Some),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io_err(&path, "look up the blob")(e)),
        }
    }

    /// A reader of the plaintext of blob `sha256` of `owner` from `offset`
    /// on (at most its size). It decrypts from the first segment, since it
    /// checks every tag and, at the end, that the whole plaintext hashes
    /// to `sha256`; it returns [`BlobError::Corrupt`] otherwise.
    pub fn reader(
        &self,
        owner: &str,
        sha256: &[u8; 32],
        key: &DataKey,
        offset: u64,
    ) -> Result<BlobReader, BlobError> {
        check_owner(owner)?;
        let path = self.blob_path(owner, sha256);
        let file = match File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(BlobError::NotFound { path });
            }
            Err(e) => return Err(io_err(&path, "open the blob")(e)),
        };
        BlobReader::new(path, file, owner, *sha256, key, offset)
    }

    /// Removes the finished blob `sha256` of `owner`. A missing blob is not
    /// an error.
    pub fn remove(&self, owner: &str, sha256: &[u8; 32]) -> Result<(), BlobError> {
        check_owner(owner)?;
        let path = self.blob_path(owner, sha256);
        if remove_if_exists(&path)? {
            sync_dir(&self.root.join(owner))?;
        }
        Ok(())
    }

    /// Removes the partial upload `upload_id` of `owner` and its sidecars,
    /// unless it is open in this process ([`BlobError::InUse`]). A missing
    /// upload is not an error.
    pub fn remove_upload(&self, owner: &str, upload_id: &str) -> Result<(), BlobError> {
        check_owner(owner)?;
        check_upload_id(upload_id)?;
        let paths = UploadPaths::new(&self.root, owner, upload_id);
        let _claim = Claim::take(&paths.data)?;
        paths.remove_all()
    }

    /// Removes every blob and partial upload of `owner` (a purge), even
    /// uploads in progress. A missing owner is not an error.
    pub fn remove_owner(&self, owner: &str) -> Result<(), BlobError> {
        check_owner(owner)?;
        let path = self.root.join(owner);
        match fs::remove_dir_all(&path) {
            Ok(()) => sync_dir(&self.root),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_err(&path, "remove the owner's blobs")(e)),
        }
    }

    /// The names of the owner directories, sorted (for sweeps). Entries
    /// that are not valid owner names are skipped.
    pub fn owners(&self) -> Result<Vec<String>, BlobError> {
        let mut owners = Vec::new();
        for (name, is_dir) in list_dir(&self.root)? {
            if is_dir && valid_name(&name) {
                owners.push(name);
            }
        }
        owners.sort();
        Ok(owners)
    }

    /// The finished blobs of `owner`, sorted by hash; none if the owner has
    /// no directory.
    pub fn blobs(&self, owner: &str) -> Result<Vec<BlobInfo>, BlobError> {
        check_owner(owner)?;
        let dir = self.root.join(owner);
        let entries = match list_dir(&dir) {
            Err(BlobError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
                return Ok(Vec::new());
            }
            other => other?,
        };
        let mut blobs = Vec::new();
        for (name, is_dir) in entries {
            let Some(sha256) = parse_blob_name(&name).filter(|_| !is_dir) else {
                continue;
            };
            let path = dir.join(&name);
            let len = fs::metadata(&path)
                .map_err(io_err(&path, "look up the blob"))?
                .len();
            let size = blob_size(&path, len)?;
            blobs.push(BlobInfo { sha256, size });
        }
        blobs.sort_by_key(|info| info.sha256);
        Ok(blobs)
    }

    fn blob_path(&self, owner: &str, sha256: &[u8; 32]) -> PathBuf {
        self.root.join(owner).join(hex::encode(sha256))
    }
}

// ---------------------------------------------------------------------
// Names, paths and the format's arithmetic.

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= NAME_MAX
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// The start of a refused name, for the error message (which shows it
/// escaped).
fn shown(name: &str) -> String {
    name.chars().take(NAME_MAX + 16).collect()
}

fn check_owner(owner: &str) -> Result<(), BlobError> {
    if valid_name(owner) {
        Ok(())
    } else {
        Err(BlobError::BadOwner { name: shown(owner) })
    }
}

fn check_upload_id(upload_id: &str) -> Result<(), BlobError> {
    if valid_name(upload_id) {
        Ok(())
    } else {
        Err(BlobError::BadUploadId {
            name: shown(upload_id),
        })
    }
}

fn parse_blob_name(name: &str) -> Option<[u8; 32]> {
    if name.len() != 64 || name.bytes().any(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let mut sha256 = [0u8; 32];
    hex::decode_to_slice(name, &mut sha256).ok()?;
    Some(sha256)
}

/// Where segment `index` starts in a blob file.
fn segment_offset(index: u64) -> u64 {
    HEADER_LEN + index * SEALED
}

/// The length of a finished blob file holding `size` plaintext bytes.
fn sealed_file_len(size: u64) -> u64 {
    segment_offset(size / SEGMENT) + size % SEGMENT + TAG_LEN as u64
}

/// The plaintext size of a finished blob file of `len` bytes.
fn blob_size(path: &Path, len: u64) -> Result<u64, BlobError> {
    let body = len
        .checked_sub(HEADER_LEN)
        .ok_or_else(|| corrupt(path, "shorter than the blob header"))?;
    let last = (body % SEALED).checked_sub(TAG_LEN as u64).ok_or_else(|| {
        corrupt(
            path,
            "truncated: the file does not end with a final segment",
        )
    })?;
    let size = body / SEALED * SEGMENT + last;
    if size > MAX_BLOB_SIZE {
        return Err(corrupt(path, "more segments than the format allows"));
    }
    Ok(size)
}

/// The STREAM counter of segment `index`.
fn position(index: u64) -> Option<u32> {
    u32::try_from(index).ok()
}

fn encode_header(prefix: &Prefix) -> [u8; HEADER_LEN as usize] {
    let mut header = [0u8; HEADER_LEN as usize];
    header[..4].copy_from_slice(&MAGIC);
    header[4] = VERSION;
    header[5..24].copy_from_slice(prefix);
    header[24..].copy_from_slice(&(SEGMENT_SIZE as u32).to_be_bytes());
    header
}

fn read_header(file: &File, path: &Path) -> Result<Prefix, BlobError> {
    let mut header = [0u8; HEADER_LEN as usize];
    file.read_exact_at(&mut header, 0).map_err(|e| {
        if e.kind() == io::ErrorKind::UnexpectedEof {
            corrupt(path, "shorter than the blob header")
        } else {
            io_err(path, "read the blob header")(e)
        }
    })?;
    if header[..4] != MAGIC {
        return Err(corrupt(path, "not a blob file (bad magic)"));
    }
    if header[4] != VERSION {
        return Err(corrupt(
            path,
            format!("unknown format version {}", header[4]),
        ));
    }
    if header[24..] != (SEGMENT_SIZE as u32).to_be_bytes() {
        return Err(corrupt(path, "segment size is not 65536"));
    }
    let mut prefix = [0u8; PREFIX_LEN];
    prefix.copy_from_slice(&header[5..24]);
    Ok(prefix)
}

fn blob_aad(owner: &str) -> Vec<u8> {
    [AAD_LABEL, owner.as_bytes()].concat()
}

fn cipher(key: &DataKey) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new(Key::from_slice(key.bytes()))
}

fn stream(aead: &XChaCha20Poly1305, prefix: &Prefix) -> Stream {
    Stream::from_aead(aead.clone(), GenericArray::from_slice(prefix))
}

fn random<const N: usize>() -> Result<[u8; N], BlobError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(BlobError::Random)?;
    Ok(bytes)
}

fn file_len(file: &File, path: &Path) -> Result<u64, BlobError> {
    Ok(file
        .metadata()
        .map_err(io_err(path, "read the file's length"))?
        .len())
}

// ---------------------------------------------------------------------
// Files and directories.

/// Creates `dir` (0700) if missing, and then syncs its parent so that the
/// new entry survives a crash.
fn ensure_dir(dir: &Path) -> Result<(), BlobError> {
    match DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => match dir.parent() {
            Some(parent) => sync_dir(parent),
            None => Ok(()),
        },
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io_err(dir, "create the directory")(e)),
    }
}

fn sync_dir(dir: &Path) -> Result<(), BlobError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err(dir, "sync the directory"))
}

/// Removes `path`; `false` if it did not exist.
fn remove_if_exists(path: &Path) -> Result<bool, BlobError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_err(path, "remove the file")(e)),
    }
}

/// Creates (or truncates) `path`, mode 0600, writes `parts` and syncs it.
fn write_synced(path: &Path, parts: &[&[u8]]) -> Result<File, BlobError> {
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)
        .map_err(io_err(path, "create the file"))?;
    for part in parts {
        file.write_all(part)
            .map_err(io_err(path, "write the file"))?;
    }
    file.sync_all().map_err(io_err(path, "sync the file"))?;
    Ok(file)
}

/// The names in `dir` that are UTF-8, and whether each is a directory
/// (not following symbolic links).
fn list_dir(dir: &Path) -> Result<Vec<(String, bool)>, BlobError> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_err(dir, "list the directory"))? {
        let entry = entry.map_err(io_err(dir, "list the directory"))?;
        let is_dir = entry
            .file_type()
            .map_err(io_err(&entry.path(), "read the entry's type"))?
            .is_dir();
        if let Ok(name) = entry.file_name().into_string() {
            names.push((name, is_dir));
        }
    }
    Ok(names)
}

// ---------------------------------------------------------------------
// Uploads.

/// Upload ids open in this process (by partial file path), so that two
/// writers never share a partial file.
static OPEN_UPLOADS: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

/// This process's hold on one upload id, released when dropped.
#[derive(Debug)]
struct Claim(PathBuf);

impl Claim {
    fn take(path: &Path) -> Result<Claim, BlobError> {
        let mut open = OPEN_UPLOADS.lock().unwrap_or_else(PoisonError::into_inner);
        if open.insert(path.to_path_buf()) {
            Ok(Claim(path.to_path_buf()))
        } else {
            Err(BlobError::InUse {
                path: path.to_path_buf(),
            })
        }
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        let mut open = OPEN_UPLOADS.lock().unwrap_or_else(PoisonError::into_inner);
        open.remove(&self.0);
    }
}

#[derive(Debug)]
struct UploadPaths {
    owner_dir: PathBuf,
    partial_dir: PathBuf,
    data: PathBuf,
    data_new: PathBuf,
    tail: PathBuf,
    tail_new: PathBuf,
}

impl UploadPaths {
    fn new(root: &Path, owner: &str, upload_id: &str) -> UploadPaths {
        let owner_dir = root.join(owner);
        let partial_dir = owner_dir.join(PARTIAL_DIR);
        let sidecar = |suffix: &str| partial_dir.join(format!("{upload_id}{suffix}"));
        UploadPaths {
            data: partial_dir.join(upload_id),
            data_new: sidecar("~new"),
            tail: sidecar("~tail"),
            tail_new: sidecar("~tail~new"),
            owner_dir,
            partial_dir,
        }
    }

    fn remove_all(&self) -> Result<(), BlobError> {
        for path in [&self.data, &self.data_new, &self.tail, &self.tail_new] {
            remove_if_exists(path)?;
        }
        Ok(())
    }
}

#[derive(Debug)]
struct UploadIds {
    owner: String,
    upload_id: String,
}

/// What `BlobDir::upload` hands to `Upload::create` or `Upload::resume`.
struct UploadSetup {
    paths: UploadPaths,
    ids: UploadIds,
    aead: XChaCha20Poly1305,
    max_size: u64,
    claim: Claim,
}

/// The last checkpoint, as read back from the `~tail` sidecar.
struct Checkpoint {
    segments: u64,
    tail: Zeroizing<Vec<u8>>,
}

/// An upload in progress into `<owner>/partial/<upload id>`: plaintext
/// appended in order, then [`finish`](Upload::finish)ed into a blob or
/// [`abort`](Upload::abort)ed. Dropping it leaves the partial upload for a
/// later [`BlobDir::upload`] to resume.
pub struct Upload {
    paths: UploadPaths,
    ids: UploadIds,
    file: File,
    aead: XChaCha20Poly1305,
    stream: Stream,
    prefix: Prefix,
    aad: Vec<u8>,
    /// Full segments in the partial file.
    segments: u64,
    /// The plaintext after them, under one segment; its capacity is one
    /// sealed segment so that it is encrypted in place.
    tail: Zeroizing<Vec<u8>>,
    /// The tail's encryption for the checkpoint sidecar.
    scratch: Zeroizing<Vec<u8>>,
    hasher: Sha256,
    max_size: u64,
    poisoned: bool,
    _claim: Claim,
}

impl std::fmt::Debug for Upload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Upload")
            .field("path", &self.paths.data)
            .field("offset", &self.offset())
            .field("max_size", &self.max_size)
            .field("poisoned", &self.poisoned)
            .finish_non_exhaustive()
    }
}

impl Upload {
    fn new(setup: UploadSetup, file: File, prefix: Prefix) -> Upload {
        Upload {
            stream: stream(&setup.aead, &prefix),
            aad: blob_aad(&setup.ids.owner),
            paths: setup.paths,
            ids: setup.ids,
            file,
            aead: setup.aead,
            prefix,
            segments: 0,
            tail: Zeroizing::new(Vec::with_capacity(SEALED_LEN)),
            scratch: Zeroizing::new(Vec::new()),
            hasher: Sha256::new(),
            max_size: setup.max_size,
            poisoned: false,
            _claim: setup.claim,
        }
    }

    /// A new partial file holding only the header, and an empty
    /// checkpoint.
    fn create(setup: UploadSetup) -> Result<Upload, BlobError> {
        ensure_dir(&setup.paths.owner_dir)?;
        ensure_dir(&setup.paths.partial_dir)?;
        let prefix: Prefix = random()?;
        let paths = &setup.paths;
        let file = write_synced(&paths.data_new, &[encode_header(&prefix).as_slice()])?;
        fs::rename(&paths.data_new, &paths.data)
            .map_err(io_err(&paths.data, "move the new upload into place"))?;
        let mut upload = Upload::new(setup, file, prefix);
        // Syncs the directory, and with it the rename above.
        upload.write_checkpoint()?;
        Ok(upload)
    }

    fn resume(setup: UploadSetup, file: File) -> Result<Upload, BlobError> {
        let prefix = read_header(&file, &setup.paths.data)?;
        let len = file_len(&file, &setup.paths.data)?;
        let mut upload = Upload::new(setup, file, prefix);
        let checkpoint = match upload.read_checkpoint()? {
            Ok(checkpoint) => checkpoint,
            // A crash between creating the partial file and writing its
            // first checkpoint: nothing was accepted yet.
            Err(_) if len == HEADER_LEN => Checkpoint {
                segments: 0,
                tail: Zeroizing::new(Vec::new()),
            },
            Err(reason) => return Err(corrupt(&upload.paths.tail, reason)),
        };
        upload.replay(len, checkpoint.segments)?;
        if upload.segments == checkpoint.segments {
            upload.tail.extend_from_slice(&checkpoint.tail);
            upload.hasher.update(&checkpoint.tail);
        }
        if upload.offset() > upload.max_size {
            return Err(BlobError::TooLarge {
                limit: upload.max_size,
            });
        }
        Ok(upload)
    }

    /// Decrypts and hashes the full segments of the partial file (`len`
    /// bytes): the first `confirmed` must authenticate; after them, the
    /// file is cut at the first that does not (or is incomplete).
    fn replay(&mut self, len: u64, confirmed: u64) -> Result<(), BlobError> {
        let on_disk = (len - HEADER_LEN) / SEALED;
        for index in 0..on_disk {
            if !self.replay_segment(index)? {
                if index < confirmed {
                    let reason = format!(
                        "checkpointed segment {index} fails authentication \
                         (damaged, or not this upload's key)"
                    );
                    return Err(corrupt(&self.paths.data, reason));
                }
                break;
            }
            self.segments = index + 1;
        }
        if self.segments < confirmed {
            let reason = format!(
                "the checkpoint records {confirmed} segments, the file holds {}",
                self.segments
            );
            return Err(corrupt(&self.paths.data, reason));
        }
        let keep = segment_offset(self.segments);
        if keep != len {
            let path = &self.paths.data;
            self.file
                .set_len(keep)
                .map_err(io_err(path, "cut the unsynced end of the upload"))?;
            self.file
                .sync_data()
                .map_err(io_err(path, "sync the partial upload"))?;
        }
        Ok(())
    }

    /// Decrypts segment `index` into the tail buffer and hashes it;
    /// `false` if it fails authentication.
    fn replay_segment(&mut self, index: u64) -> Result<bool, BlobError> {
        let Some(position) = position(index).filter(|p| *p < u32::MAX) else {
            return Ok(false);
        };
        self.tail.resize(SEALED_LEN, 0);
        self.file
            .read_exact_at(&mut self.tail, segment_offset(index))
            .map_err(io_err(&self.paths.data, "read the partial upload"))?;
        let ok = self
            .stream
            .decrypt_in_place(position, false, &self.aad, &mut *self.tail)
            .is_ok();
        if ok {
            self.hasher.update(&self.tail[..]);
        }
        self.tail.clear();
        Ok(ok)
    }

    /// The associated data of a checkpoint sidecar recording `segments`.
    fn tail_aad(&self, segments: u64) -> Vec<u8> {
        let owner = self.ids.owner.as_bytes();
        let mut aad = Vec::with_capacity(TAIL_LABEL.len() + PREFIX_LEN + 9 + 2 * NAME_MAX);
        aad.extend_from_slice(TAIL_LABEL);
        aad.extend_from_slice(&self.prefix);
        aad.extend_from_slice(&segments.to_be_bytes());
        // Names are at most 64 bytes, so the length fits.
        aad.push(owner.len() as u8);
        aad.extend_from_slice(owner);
        aad.extend_from_slice(self.ids.upload_id.as_bytes());
        aad
    }

    /// Reads the checkpoint sidecar: `Err(reason)` inside if it is
    /// missing or unusable.
    fn read_checkpoint(&self) -> Result<Result<Checkpoint, &'static str>, BlobError> {
        let path = &self.paths.tail;
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(Err("the checkpoint is missing"));
            }
            Err(e) => return Err(io_err(path, "open the checkpoint")(e)),
        };
        let limit = (TAIL_HEADER_LEN + SEALED_LEN) as u64;
        let mut bytes = Zeroizing::new(Vec::new());
        file.take(limit)
            .read_to_end(&mut bytes)
            .map_err(io_err(path, "read the checkpoint"))?;
        Ok(self.open_checkpoint(bytes))
    }

    fn open_checkpoint(&self, mut bytes: Zeroizing<Vec<u8>>) -> Result<Checkpoint, &'static str> {
        if bytes.len() < TAIL_HEADER_LEN + TAG_LEN || bytes[..4] != TAIL_MAGIC {
            return Err("the checkpoint is not a checkpoint file");
        }
        if bytes[4] != VERSION {
            return Err("the checkpoint has an unknown version");
        }
        let mut count = [0u8; 8];
        count.copy_from_slice(&bytes[5..13]);
        let segments = u64::from_be_bytes(count);
        let nonce = *XNonce::from_slice(&bytes[13..TAIL_HEADER_LEN]);
        let aad = self.tail_aad(segments);
        let mut tail = Zeroizing::new(bytes.split_off(TAIL_HEADER_LEN));
        self.aead
            .decrypt_in_place(&nonce, &aad, &mut *tail)
            .map_err(
                |_| "the checkpoint fails authentication (damaged, or not this upload's key)",
            )?;
        if tail.len() >= SEGMENT_SIZE {
            return Err("the checkpoint holds a whole segment");
        }
        Ok(Checkpoint { segments, tail })
    }

    /// Plaintext bytes accepted so far: where the next chunk must start.
    pub fn offset(&self) -> u64 {
        self.segments * SEGMENT + self.tail.len() as u64
    }

    /// Appends `bytes` at `offset`, which must be [`Upload::offset`]: a
    /// repeated or skipped chunk is refused with
    /// [`BlobError::OutOfOrder`], and one that would pass the size limit
    /// with [`BlobError::TooLarge`]; either changes nothing. Full segments
    /// are written out (not synced, see [`Upload::checkpoint`]).
    pub fn write_at(&mut self, offset: u64, bytes: &[u8]) -> Result<(), BlobError> {
        self.check_usable()?;
        let expected = self.offset();
        if offset != expected {
            return Err(BlobError::OutOfOrder {
                expected,
                got: offset,
            });
        }
        let end = u64::try_from(bytes.len())
            .ok()
            .and_then(|len| expected.checked_add(len));
        if end.is_none_or(|end| end > self.max_size) {
            return Err(BlobError::TooLarge {
                limit: self.max_size,
            });
        }
        let result = self.append(bytes);
        self.poisoned = result.is_err();
        result
    }

    fn append(&mut self, mut bytes: &[u8]) -> Result<(), BlobError> {
        while !bytes.is_empty() {
            let room = SEGMENT_SIZE - self.tail.len();
            let (now, rest) = bytes.split_at(room.min(bytes.len()));
            self.tail.extend_from_slice(now);
            self.hasher.update(now);
            if self.tail.len() == SEGMENT_SIZE {
                self.seal_tail(false)?;
            }
            bytes = rest;
        }
        Ok(())
    }

    /// Encrypts the tail in place as segment `self.segments` and writes
    /// it; a full segment is then counted and the buffer emptied.
    fn seal_tail(&mut self, last: bool) -> Result<(), BlobError> {
        let index = self.segments;
        let path = &self.paths.data;
        let position =
            position(index)
                .filter(|p| last || *p < u32::MAX)
                .ok_or(BlobError::TooLarge {
                    limit: MAX_BLOB_SIZE,
                })?;
        self.stream
            .encrypt_in_place(position, last, &self.aad, &mut *self.tail)
            .map_err(|_| {
                io_err(path, "encrypt a segment")(io::Error::other("AEAD encryption failed"))
            })?;
        self.file
            .write_all_at(&self.tail, segment_offset(index))
            .map_err(io_err(path, "write the partial upload"))?;
        self.tail.clear();
        if !last {
            self.segments += 1;
        }
        Ok(())
    }

    /// Makes everything accepted so far durable, so that a resumed upload
    /// continues from here: fsyncs the partial file, then writes the
    /// tail's checkpoint sidecar (atomically). Returns [`Upload::offset`].
    pub fn checkpoint(&mut self) -> Result<u64, BlobError> {
        self.check_usable()?;
        let result = self
            .file
            .sync_data()
            .map_err(io_err(&self.paths.data, "sync the partial upload"))
            .and_then(|()| self.write_checkpoint());
        self.poisoned = result.is_err();
        result.map(|()| self.offset())
    }

    fn write_checkpoint(&mut self) -> Result<(), BlobError> {
        let nonce: [u8; TAIL_NONCE_LEN] = random()?;
        let aad = self.tail_aad(self.segments);
        self.scratch.clear();
        self.scratch.reserve_exact(SEALED_LEN);
        self.scratch.extend_from_slice(&self.tail);
        let paths = &self.paths;
        self.aead
            .encrypt_in_place(XNonce::from_slice(&nonce), &aad, &mut *self.scratch)
            .map_err(|_| {
                io_err(&paths.tail, "encrypt the checkpoint")(io::Error::other(
                    "AEAD encryption failed",
                ))
            })?;
        let mut head = Vec::with_capacity(TAIL_HEADER_LEN);
        head.extend_from_slice(&TAIL_MAGIC);
        head.push(VERSION);
        head.extend_from_slice(&self.segments.to_be_bytes());
        head.extend_from_slice(&nonce);
        write_synced(&paths.tail_new, &[&head, self.scratch.as_slice()])?;
        fs::rename(&paths.tail_new, &paths.tail)
            .map_err(io_err(&paths.tail, "move the checkpoint into place"))?;
        sync_dir(&paths.partial_dir)
    }

    /// Seals the final segment, fsyncs, checks the SHA-256 against
    /// `expected` (if given) and the file's length against the size, and
    /// moves the file to `<owner>/<sha256 hex>` (replacing an identical
    /// blob), syncing the directory. On a hash mismatch the partial
    /// upload is removed and [`BlobError::HashMismatch`] returned.
    pub fn finish(mut self, expected: Option<&[u8; 32]>) -> Result<BlobInfo, BlobError> {
        self.check_usable()?;
        let info = BlobInfo {
            sha256: self.hasher.clone().finalize().into(),
            size: self.offset(),
        };
        if let Some(expected) = expected
            && *expected != info.sha256
        {
            if let Err(e) = self.paths.remove_all() {
                tracing::warn!(error = %e, "could not remove a refused upload");
            }
            return Err(BlobError::HashMismatch {
                expected: hex::encode(expected),
                actual: hex::encode(info.sha256),
            });
        }
        self.seal_tail(true)?;
        self.file
            .sync_data()
            .map_err(io_err(&self.paths.data, "sync the finished upload"))?;
        if file_len(&self.file, &self.paths.data)? != sealed_file_len(info.size) {
            return Err(corrupt(
                &self.paths.data,
                "its length does not match the bytes written",
            ));
        }
        self.move_into_place(&info)?;
        Ok(info)
    }

    fn move_into_place(&self, info: &BlobInfo) -> Result<(), BlobError> {
        let dest = self.paths.owner_dir.join(hex::encode(info.sha256));
        fs::rename(&self.paths.data, &dest)
            .map_err(io_err(&dest, "move the finished upload into place"))?;
        sync_dir(&self.paths.owner_dir)?;
        remove_if_exists(&self.paths.tail)?;
        remove_if_exists(&self.paths.tail_new)?;
        Ok(())
    }

    /// Gives up the upload: removes the partial file and its sidecars.
    pub fn abort(self) -> Result<(), BlobError> {
        self.paths.remove_all()
    }

    fn check_usable(&self) -> Result<(), BlobError> {
        if self.poisoned {
            return Err(BlobError::Poisoned {
                path: self.paths.data.clone(),
            });
        }
        Ok(())
    }

    /// Bytes of buffer capacity held, for the memory test.
    #[cfg(test)]
    fn buffer_capacity(&self) -> usize {
        self.tail.capacity() + self.scratch.capacity()
    }
}

// ---------------------------------------------------------------------
// Reading.

/// The plaintext of a finished blob from some offset on, decrypted one
/// segment at a time. Also an [`std::io::Read`], whose errors carry the
/// [`BlobError`] (kind `InvalidData` for damage).
pub struct BlobReader {
    path: PathBuf,
    file: File,
    stream: Stream,
    aad: Vec<u8>,
    expected: [u8; 32],
    hasher: Sha256,
    size: u64,
    /// Segments in the file, the final one included.
    segments: u64,
    /// The next segment to decrypt.
    next: u64,
    /// The current segment's plaintext, and how much of it was handed out.
    buf: Zeroizing<Vec<u8>>,
    pos: usize,
    /// Plaintext still to pass over before the requested offset.
    skip: u64,
    failed: bool,
}

impl std::fmt::Debug for BlobReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BlobReader")
            .field("path", &self.path)
            .field("size", &self.size)
            .field("next_segment", &self.next)
            .field("failed", &self.failed)
            .finish_non_exhaustive()
    }
}

impl BlobReader {
    fn new(
        path: PathBuf,
        file: File,
        owner: &str,
        expected: [u8; 32],
        key: &DataKey,
        offset: u64,
    ) -> Result<BlobReader, BlobError> {
        let prefix = read_header(&file, &path)?;
        let size = blob_size(&path, file_len(&file, &path)?)?;
        if offset > size {
            return Err(BlobError::BadOffset { offset, size });
        }
        Ok(BlobReader {
            stream: stream(&cipher(key), &prefix),
            aad: blob_aad(owner),
            path,
            file,
            expected,
            hasher: Sha256::new(),
            size,
            segments: size / SEGMENT + 1,
            next: 0,
            buf: Zeroizing::new(Vec::with_capacity(SEALED_LEN)),
            pos: 0,
            skip: offset,
            failed: false,
        })
    }

    /// The blob's plaintext size.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The next at most `max` bytes (at least 1 is asked for when `max`
    /// is 0), `None` at the end, once every tag and the hash checked.
    /// After an error every further call fails.
    pub fn read_chunk(&mut self, max: usize) -> Result<Option<Vec<u8>>, BlobError> {
        if !self.fill()? {
            return Ok(None);
        }
        let end = self.buf.len().min(self.pos.saturating_add(max.max(1)));
        let chunk = self.buf[self.pos..end].to_vec();
        self.pos = end;
        Ok(Some(chunk))
    }

    /// Makes plaintext available in `buf`; `false` at the end.
    fn fill(&mut self) -> Result<bool, BlobError> {
        if self.failed {
            return Err(corrupt(&self.path, "an earlier read of this blob failed"));
        }
        while self.pos == self.buf.len() {
            if self.next == self.segments {
                return Ok(false);
            }
            if let Err(e) = self.load_next() {
                self.failed = true;
                self.buf.clear();
                self.pos = 0;
                return Err(e);
            }
        }
        Ok(true)
    }

    /// Decrypts and hashes the next segment; checks the hash after the
    /// final one; passes over what lies before the requested offset.
    fn load_next(&mut self) -> Result<(), BlobError> {
        let index = self.next;
        let last = index + 1 == self.segments;
        let len = if last {
            (self.size % SEGMENT) as usize + TAG_LEN
        } else {
            SEALED_LEN
        };
        self.buf.resize(len, 0);
        self.pos = 0;
        self.file
            .read_exact_at(&mut self.buf, segment_offset(index))
            .map_err(|e| match e.kind() {
                io::ErrorKind::UnexpectedEof => corrupt(&self.path, "the file shrank while read"),
                _ => io_err(&self.path, "read the blob")(e),
            })?;
        let position = position(index)
            .ok_or_else(|| corrupt(&self.path, "more segments than the format allows"))?;
        self.stream
            .decrypt_in_place(position, last, &self.aad, &mut *self.buf)
            .map_err(|_| {
                let reason = format!(
                    "segment {index} fails authentication (damaged, truncated, \
                     moved from another owner, or not this blob's key)"
                );
                corrupt(&self.path, reason)
            })?;
        self.hasher.update(&self.buf[..]);
        self.next += 1;
        if last {
            self.check_hash()?;
        }
        let passed = self.skip.min(self.buf.len() as u64);
        self.skip -= passed;
        self.pos = passed as usize;
        Ok(())
    }

    fn check_hash(&mut self) -> Result<(), BlobError> {
        let actual: [u8; 32] = self.hasher.finalize_reset().into();
        if actual != self.expected {
            return Err(corrupt(
                &self.path,
                "the plaintext does not hash to the blob's name",
            ));
        }
        Ok(())
    }

    /// Bytes of buffer capacity held, for the memory test.
    #[cfg(test)]
    fn buffer_capacity(&self) -> usize {
        self.buf.capacity()
    }
}

impl Read for BlobReader {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        let more = self.fill().map_err(|e| {
            let kind = match &e {
                BlobError::Io { source, .. } => source.kind(),
                _ => io::ErrorKind::InvalidData,
            };
            io::Error::new(kind, e)
        })?;
        if !more {
            return Ok(0);
        }
        let n = out.len().min(self.buf.len() - self.pos);
        out[..n].copy_from_slice(&self.buf[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chacha20poly1305::aead::Payload;
    use chacha20poly1305::aead::stream::DecryptorBE32;

    const OWNER: &str = "4f1c2f0e-8a7b-4c1e-9d3a-1b2c3d4e5f60";
    const OTHER: &str = "other.owner_2";
    const S: usize = SEGMENT_SIZE;

    fn key() -> DataKey {
        DataKey::generate().expect("random key")
    }

    fn random_bytes(len: usize) -> Vec<u8> {
        let mut bytes = vec![0u8; len];
        getrandom::fill(&mut bytes).expect("random bytes");
        bytes
    }

    fn sha(data: &[u8]) -> [u8; 32] {
        Sha256::digest(data).into()
    }

    fn setup() -> (tempfile::TempDir, BlobDir) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = BlobDir::open(tmp.path().join("blobs")).expect("open");
        (tmp, dir)
    }

    /// Writes the rest of `data` from the upload's offset in `chunk`-byte
    /// pieces.
    fn write_rest(up: &mut Upload, data: &[u8], chunk: usize) {
        let start = usize::try_from(up.offset()).expect("offset");
        for piece in data[start..].chunks(chunk) {
            up.write_at(up.offset(), piece).expect("write");
        }
    }

    fn put(dir: &BlobDir, owner: &str, key: &DataKey, data: &[u8], chunk: usize) -> BlobInfo {
        let mut up = dir.upload(owner, "up-1", key, u64::MAX).expect("upload");
        write_rest(&mut up, data, chunk);
        up.finish(Some(&sha(data))).expect("finish")
    }

    fn read_all(
        dir: &BlobDir,
        owner: &str,
        sha256: &[u8; 32],
        key: &DataKey,
        offset: u64,
    ) -> Result<Vec<u8>, BlobError> {
        let mut reader = dir.reader(owner, sha256, key, offset)?;
        let mut out = Vec::new();
        while let Some(chunk) = reader.read_chunk(10_000)? {
            assert!(!chunk.is_empty() && chunk.len() <= 10_000);
            out.extend_from_slice(&chunk);
        }
        Ok(out)
    }

    fn assert_corrupt(result: Result<Vec<u8>, BlobError>) {
        match result {
            Err(BlobError::Corrupt { reason, .. }) => assert!(!reason.is_empty()),
            Err(e) => panic!("expected Corrupt, got {e}"),
            Ok(data) => panic!("expected Corrupt, read {} bytes", data.len()),
        }
    }

    fn blob_file(dir: &BlobDir, owner: &str, sha256: &[u8; 32]) -> PathBuf {
        dir.root.join(owner).join(hex::encode(sha256))
    }

    fn partial_file(dir: &BlobDir, owner: &str, upload_id: &str) -> PathBuf {
        dir.root.join(owner).join(PARTIAL_DIR).join(upload_id)
    }

    fn patch(path: &Path, at: u64, f: impl FnOnce(u8) -> u8) {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .open(path)
            .expect("open for patching");
        let mut byte = [0u8; 1];
        file.read_exact_at(&mut byte, at).expect("read byte");
        file.write_all_at(&[f(byte[0])], at).expect("write byte");
    }

    fn truncate(path: &Path, len: u64) {
        OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|f| f.set_len(len))
            .expect("truncate");
    }

    #[test]
    fn round_trips_sizes_around_segment_boundaries() {
        let (_tmp, dir) = setup();
        let key = key();
        for size in [0, 1, S - 1, S, S + 1, 3 * S + 5] {
            let data = random_bytes(size);
            for chunk in [7_777, 2 * S] {
                let info = put(&dir, OWNER, &key, &data, chunk);
                assert_eq!(info.size, size as u64);
                assert_eq!(info.sha256, sha(&data), "size {size}");
                assert_eq!(
                    dir.exists(OWNER, &info.sha256).expect("exists"),
                    Some(info.size)
                );
                let len = fs::metadata(blob_file(&dir, OWNER, &info.sha256))
                    .expect("stat")
                    .len();
                assert_eq!(len, sealed_file_len(info.size));
                let back = read_all(&dir, OWNER, &info.sha256, &key, 0).expect("read");
                assert!(back == data, "size {size} does not round-trip");
            }
        }
        assert_eq!(dir.blobs(OWNER).expect("blobs").len(), 6);
        assert_eq!(dir.exists(OWNER, &[7; 32]).expect("exists"), None);
    }

    #[test]
    fn read_trait_yields_the_same_bytes() {
        let (_tmp, dir) = setup();
        let key = key();
        let data = random_bytes(2 * S + 300);
        let info = put(&dir, OWNER, &key, &data, S);
        let mut reader = dir.reader(OWNER, &info.sha256, &key, 0).expect("reader");
        assert_eq!(reader.size(), data.len() as u64);
        let mut back = Vec::new();
        reader.read_to_end(&mut back).expect("read_to_end");
        assert!(back == data);
    }

    /// The file format is STREAM-BE32 as `DecryptorBE32` reads it, as the
    /// module documentation says.
    #[test]
    fn format_is_stream_be32_as_documented() {
        let (_tmp, dir) = setup();
        let key = key();
        let data = random_bytes(2 * S + 10);
        let info = put(&dir, OWNER, &key, &data, 1000);
        let bytes = fs::read(blob_file(&dir, OWNER, &info.sha256)).expect("read file");
        assert_eq!(&bytes[..5], b"LSB1\x01");
        assert_eq!(bytes[24..28], 65536u32.to_be_bytes());
        let mut decryptor = DecryptorBE32::<XChaCha20Poly1305>::new(
            Key::from_slice(key.bytes()),
            GenericArray::from_slice(&bytes[5..24]),
        );
        let aad = [b"liaison blob v1\0".as_slice(), OWNER.as_bytes()].concat();
        let body = &bytes[28..];
        let mut plain = Vec::new();
        for segment in body[..2 * SEALED_LEN].chunks(SEALED_LEN) {
            let payload = Payload {
                msg: segment,
                aad: &aad,
            };
            plain.extend(decryptor.decrypt_next(payload).expect("segment"));
        }
        let last = Payload {
            msg: &body[2 * SEALED_LEN..],
            aad: &aad,
        };
        plain.extend(decryptor.decrypt_last(last).expect("final segment"));
        assert!(plain == data);
    }

    #[test]
    fn reads_from_offsets_inside_and_at_segment_boundaries() {
        let (_tmp, dir) = setup();
        let key = key();
        let data = random_bytes(3 * S + 5);
        let info = put(&dir, OWNER, &key, &data, 10_000);
        for offset in [1, 100, S - 1, S, S + 1, 2 * S, 3 * S, 3 * S + 4, 3 * S + 5] {
            let back = read_all(&dir, OWNER, &info.sha256, &key, offset as u64).expect("read");
            assert!(back == data[offset..], "offset {offset}");
        }
        let past = dir.reader(OWNER, &info.sha256, &key, data.len() as u64 + 1);
        assert!(matches!(past, Err(BlobError::BadOffset { .. })), "{past:?}");
    }

    #[test]
    fn missing_blob_is_not_found() {
        let (_tmp, dir) = setup();
        let result = dir.reader(OWNER, &[1; 32], &key(), 0);
        assert!(
            matches!(result, Err(BlobError::NotFound { .. })),
            "{result:?}"
        );
    }

    /// Drops the upload (a restart), reopens the directory, resumes and
    /// finishes; the blob must be the uninterrupted one.
    fn resume_and_finish(
        root: &Path,
        key: &DataKey,
        data: &[u8],
        expect_offset: u64,
    ) -> Result<(), BlobError> {
        let dir = BlobDir::open(root)?;
        let mut up = dir.upload(OWNER, "up-1", key, u64::MAX)?;
        assert_eq!(up.offset(), expect_offset);
        write_rest(&mut up, data, 9_000);
        let info = up.finish(Some(&sha(data)))?;
        assert_eq!(info.sha256, sha(data));
        let back = read_all(&dir, OWNER, &info.sha256, key, 0)?;
        assert!(back == data);
        assert!(!partial_file(&dir, OWNER, "up-1").exists());
        assert!(!dir.root.join(OWNER).join("partial/up-1~tail").exists());
        Ok(())
    }

    #[test]
    fn resume_continues_from_the_checkpoint_byte_identical() {
        let (tmp, dir) = setup();
        let key = key();
        let data = random_bytes(300_000);
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        up.write_at(0, &data[..100_000]).expect("write");
        assert_eq!(up.checkpoint().expect("checkpoint"), 100_000);
        // Accepted after the checkpoint, in memory only: lost.
        up.write_at(100_000, &data[100_000..130_000])
            .expect("write");
        drop(up);
        drop(dir);
        resume_and_finish(&tmp.path().join("blobs"), &key, &data, 100_000).expect("resume");
    }

    #[test]
    fn resume_keeps_segments_written_after_the_checkpoint() {
        let (tmp, dir) = setup();
        let key = key();
        let data = random_bytes(400_000);
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        up.write_at(0, &data[..100_000]).expect("write");
        up.checkpoint().expect("checkpoint");
        up.write_at(100_000, &data[100_000..300_000])
            .expect("write");
        drop(up);
        // Four full segments reached the file; the checkpoint's tail is in
        // them.
        resume_and_finish(&tmp.path().join("blobs"), &key, &data, 4 * S as u64).expect("resume");
    }

    #[test]
    fn partial_size_is_what_a_resumed_upload_continues_from() {
        let (_tmp, dir) = setup();
        let key = key();
        let data = random_bytes(400_000);
        assert_eq!(dir.partial_size(OWNER, "up-1").expect("size"), 0);
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        assert_eq!(dir.partial_size(OWNER, "up-1").expect("size"), 0);
        // In progress: the full segments written, not the tail in memory.
        up.write_at(0, &data[..100_000]).expect("write");
        assert_eq!(dir.partial_size(OWNER, "up-1").expect("size"), S as u64);
        // Checkpointed: the tail too.
        up.checkpoint().expect("checkpoint");
        assert_eq!(dir.partial_size(OWNER, "up-1").expect("size"), 100_000);
        // Segments written after the checkpoint hold its tail.
        up.write_at(100_000, &data[100_000..300_000])
            .expect("write");
        assert_eq!(dir.partial_size(OWNER, "up-1").expect("size"), 4 * S as u64);
        drop(up);
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("resume");
        assert_eq!(up.offset(), 4 * S as u64);
        write_rest(&mut up, &data, 9_000);
        up.finish(Some(&sha(&data))).expect("finish");
        assert_eq!(dir.partial_size(OWNER, "up-1").expect("size"), 0);
    }

    #[test]
    fn resume_without_checkpoint_keeps_full_segments() {
        let (tmp, dir) = setup();
        let key = key();
        let data = random_bytes(200_000);
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        up.write_at(0, &data[..70_000]).expect("write");
        drop(up);
        resume_and_finish(&tmp.path().join("blobs"), &key, &data, S as u64).expect("resume");
        let mut up = dir.upload(OWNER, "up-2", &key, 10).expect("upload");
        up.write_at(0, b"abc").expect("write");
        drop(up);
        let up = dir.upload(OWNER, "up-2", &key, 10).expect("resume");
        assert_eq!(up.offset(), 0);
    }

    #[test]
    fn resume_cuts_a_torn_or_garbage_segment_after_the_checkpoint() {
        let (tmp, dir) = setup();
        let key = key();
        let data = random_bytes(250_000);
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        up.write_at(0, &data[..100_000]).expect("write");
        up.checkpoint().expect("checkpoint");
        drop(up);
        let path = partial_file(&dir, OWNER, "up-1");
        let file = OpenOptions::new().write(true).open(&path).expect("open");
        // A whole segment of garbage, then part of another.
        file.write_all_at(&random_bytes(SEALED_LEN + 1_000), segment_offset(1))
            .expect("write garbage");
        drop(file);
        resume_and_finish(&tmp.path().join("blobs"), &key, &data, 100_000).expect("resume");
    }

    #[test]
    fn resume_refuses_damage_before_the_checkpoint_and_a_wrong_key() {
        let (_tmp, dir) = setup();
        let key = key();
        let data = random_bytes(200_000);
        for upload_id in ["damaged", "rekeyed"] {
            let mut up = dir
                .upload(OWNER, upload_id, &key, u64::MAX)
                .expect("upload");
            up.write_at(0, &data).expect("write");
            up.checkpoint().expect("checkpoint");
        }
        patch(
            &partial_file(&dir, OWNER, "damaged"),
            segment_offset(1) + 7,
            |b| b ^ 1,
        );
        let damaged = dir.upload(OWNER, "damaged", &key, u64::MAX);
        assert!(
            matches!(damaged, Err(BlobError::Corrupt { .. })),
            "{damaged:?}"
        );
        let rekeyed = dir.upload(OWNER, "rekeyed", &self::key(), u64::MAX);
        assert!(
            matches!(rekeyed, Err(BlobError::Corrupt { .. })),
            "{rekeyed:?}"
        );
        // Still resumable with the right key, and removable.
        let up = dir
            .upload(OWNER, "rekeyed", &key, u64::MAX)
            .expect("resume");
        assert_eq!(up.offset(), 200_000);
        drop(up);
        dir.remove_upload(OWNER, "damaged").expect("remove upload");
        assert!(!partial_file(&dir, OWNER, "damaged").exists());
    }

    #[test]
    fn resume_refuses_more_than_the_new_limit() {
        let (_tmp, dir) = setup();
        let key = key();
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        up.write_at(0, &[1; 500]).expect("write");
        up.checkpoint().expect("checkpoint");
        drop(up);
        let result = dir.upload(OWNER, "up-1", &key, 499);
        assert!(
            matches!(result, Err(BlobError::TooLarge { limit: 499 })),
            "{result:?}"
        );
    }

    #[test]
    fn out_of_order_and_repeated_chunks_change_nothing() {
        let (_tmp, dir) = setup();
        let key = key();
        let data = random_bytes(S + 10);
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        up.write_at(0, &data[..S]).expect("write");
        for (got, chunk) in [
            (0, &data[..S]),
            (S - 1, &data[S - 1..]),
            (S + 1, &data[S + 1..]),
        ] {
            let result = up.write_at(got as u64, chunk);
            assert!(
                matches!(result, Err(BlobError::OutOfOrder { expected, got: g })
                    if expected == S as u64 && g == got as u64),
                "{result:?}"
            );
            assert_eq!(up.offset(), S as u64);
        }
        up.write_at(S as u64, &data[S..]).expect("write");
        let info = up.finish(Some(&sha(&data))).expect("finish");
        assert!(read_all(&dir, OWNER, &info.sha256, &key, 0).expect("read") == data);
    }

    #[test]
    fn over_limit_is_refused_and_changes_nothing() {
        let (_tmp, dir) = setup();
        let key = key();
        let data = random_bytes(1_000);
        let mut up = dir.upload(OWNER, "up-1", &key, 1_000).expect("upload");
        up.write_at(0, &data[..600]).expect("write");
        let result = up.write_at(600, &[0; 401]);
        assert!(
            matches!(result, Err(BlobError::TooLarge { limit: 1_000 })),
            "{result:?}"
        );
        assert_eq!(up.offset(), 600);
        up.write_at(600, &data[600..]).expect("up to the limit");
        assert_eq!(up.finish(None).expect("finish").sha256, sha(&data));
    }

    #[test]
    fn wrong_expected_hash_leaves_nothing() {
        let (_tmp, dir) = setup();
        let key = key();
        let data = random_bytes(S + 3);
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        up.write_at(0, &data).expect("write");
        up.checkpoint().expect("checkpoint");
        let result = up.finish(Some(&[0xab; 32]));
        match result {
            Err(BlobError::HashMismatch { expected, actual }) => {
                assert_eq!(expected, "ab".repeat(32));
                assert_eq!(actual, hex::encode(sha(&data)));
            }
            other => panic!("expected HashMismatch, got {other:?}"),
        }
        assert!(dir.blobs(OWNER).expect("blobs").is_empty());
        let partial_dir = dir.root.join(OWNER).join(PARTIAL_DIR);
        assert_eq!(fs::read_dir(partial_dir).expect("list").count(), 0);
    }

    #[test]
    fn abort_removes_the_partial_upload() {
        let (_tmp, dir) = setup();
        let key = key();
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        up.write_at(0, &random_bytes(S + 3)).expect("write");
        up.checkpoint().expect("checkpoint");
        up.abort().expect("abort");
        let partial_dir = dir.root.join(OWNER).join(PARTIAL_DIR);
        assert_eq!(fs::read_dir(partial_dir).expect("list").count(), 0);
        let up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        assert_eq!(up.offset(), 0);
    }

    #[test]
    fn one_upload_per_id_at_a_time() {
        let (_tmp, dir) = setup();
        let key = key();
        let up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        let again = dir.clone().upload(OWNER, "up-1", &key, u64::MAX);
        assert!(matches!(again, Err(BlobError::InUse { .. })), "{again:?}");
        let removed = dir.remove_upload(OWNER, "up-1");
        assert!(
            matches!(removed, Err(BlobError::InUse { .. })),
            "{removed:?}"
        );
        dir.upload(OWNER, "up-2", &key, u64::MAX)
            .expect("another id");
        drop(up);
        dir.upload(OWNER, "up-1", &key, u64::MAX)
            .expect("after the drop");
    }

    fn damaged_blob() -> (tempfile::TempDir, BlobDir, DataKey, BlobInfo) {
        let (tmp, dir) = setup();
        let key = key();
        let info = put(&dir, OWNER, &key, &random_bytes(3 * S + 5), 50_000);
        (tmp, dir, key, info)
    }

    #[test]
    fn reader_detects_a_flipped_byte() {
        for at in [
            5,                          // nonce prefix
            segment_offset(1) + 100,    // a full segment
            segment_offset(3) + 2,      // the final segment
            segment_offset(3) + 5 + 15, // the final tag
        ] {
            let (_tmp, dir, key, info) = damaged_blob();
            patch(&blob_file(&dir, OWNER, &info.sha256), at, |b| b ^ 0x20);
            assert_corrupt(read_all(&dir, OWNER, &info.sha256, &key, 0));
        }
        let (_tmp, dir, key, info) = damaged_blob();
        patch(&blob_file(&dir, OWNER, &info.sha256), 0, |_| b'X');
        assert_corrupt(read_all(&dir, OWNER, &info.sha256, &key, 0));
    }

    #[test]
    fn reader_detects_truncation() {
        for cut in [
            segment_offset(3),     // the final segment removed
            segment_offset(3) + 8, // part of the final segment removed
            segment_offset(3) + 20,
            segment_offset(2) + 21, // a full segment removed
            HEADER_LEN,
            10,
        ] {
            let (_tmp, dir, key, info) = damaged_blob();
            truncate(&blob_file(&dir, OWNER, &info.sha256), cut);
            assert_corrupt(read_all(&dir, OWNER, &info.sha256, &key, 0));
        }
        // A size that is a multiple of the segment size ends with an
        // empty final segment; without it the file is truncated.
        let (_tmp, dir) = setup();
        let key = key();
        let info = put(&dir, OWNER, &key, &random_bytes(2 * S), S);
        truncate(&blob_file(&dir, OWNER, &info.sha256), segment_offset(2));
        assert_corrupt(read_all(&dir, OWNER, &info.sha256, &key, 0));
        assert!(matches!(
            dir.exists(OWNER, &info.sha256),
            Err(BlobError::Corrupt { .. })
        ));
    }

    #[test]
    fn reader_detects_a_blob_copied_to_another_owner() {
        let (_tmp, dir, key, info) = damaged_blob();
        fs::create_dir(dir.root.join(OTHER)).expect("mkdir");
        fs::copy(
            blob_file(&dir, OWNER, &info.sha256),
            blob_file(&dir, OTHER, &info.sha256),
        )
        .expect("copy");
        assert_corrupt(read_all(&dir, OTHER, &info.sha256, &key, 0));
        assert_corrupt(read_all(&dir, OTHER, &info.sha256, &key, 3 * S as u64));
    }

    #[test]
    fn reader_detects_a_wrong_key() {
        let (_tmp, dir, _key, info) = damaged_blob();
        assert_corrupt(read_all(&dir, OWNER, &info.sha256, &key(), 0));
    }

    #[test]
    fn reader_detects_a_blob_under_another_name() {
        let (_tmp, dir, key, info) = damaged_blob();
        let other = [0x11; 32];
        fs::copy(
            blob_file(&dir, OWNER, &info.sha256),
            blob_file(&dir, OWNER, &other),
        )
        .expect("copy");
        let mut reader = dir.reader(OWNER, &other, &key, 0).expect("reader");
        let mut handed_out = 0;
        let error = loop {
            match reader.read_chunk(S) {
                Ok(Some(chunk)) => handed_out += chunk.len(),
                Ok(None) => panic!("the hash was not checked"),
                Err(e) => break e,
            }
        };
        assert!(matches!(error, BlobError::Corrupt { .. }), "{error}");
        // The final segment is withheld when the hash fails.
        assert_eq!(handed_out, 3 * S);
        assert!(reader.read_chunk(S).is_err(), "an error is final");
    }

    fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).expect("list") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                files_under(&path, out);
            } else {
                out.push(path);
            }
        }
    }

    #[test]
    fn no_plaintext_on_disk() {
        let (_tmp, dir) = setup();
        let key = key();
        let marker = b"LIAISON-PLAINTEXT-MARKER-3c9e1f";
        let data: Vec<u8> = marker.iter().copied().cycle().take(3 * S + 500).collect();
        put(&dir, OWNER, &key, &data, 4_096);
        // And an upload in progress, with a checkpointed tail.
        let mut up = dir
            .upload(OWNER, "in-progress", &key, u64::MAX)
            .expect("upload");
        up.write_at(0, &data[..S + 1_000]).expect("write");
        up.checkpoint().expect("checkpoint");
        drop(up);
        let mut files = Vec::new();
        files_under(&dir.root, &mut files);
        assert_eq!(files.len(), 3, "{files:?}");
        for file in files {
            let bytes = fs::read(&file).expect("read");
            let found = bytes.windows(12).any(|w| w == &marker[..12]);
            assert!(!found, "plaintext in {}", file.display());
        }
    }

    #[test]
    fn remove_and_remove_owner() {
        let (_tmp, dir) = setup();
        let key = key();
        let a = put(&dir, OWNER, &key, b"first", 10);
        let b = put(&dir, OWNER, &key, b"second", 10);
        put(&dir, OTHER, &key, b"kept", 10);
        let mut up = dir
            .upload(OWNER, "in-progress", &key, u64::MAX)
            .expect("upload");
        up.write_at(0, b"partial").expect("write");
        up.checkpoint().expect("checkpoint");
        drop(up);
        assert_eq!(dir.owners().expect("owners"), vec![OWNER, OTHER]);

        dir.remove(OWNER, &a.sha256).expect("remove");
        dir.remove(OWNER, &a.sha256).expect("missing is fine");
        assert_eq!(dir.exists(OWNER, &a.sha256).expect("exists"), None);
        assert_eq!(dir.blobs(OWNER).expect("blobs"), vec![b]);

        dir.remove_owner(OWNER).expect("remove owner");
        dir.remove_owner(OWNER).expect("missing is fine");
        assert!(!dir.root.join(OWNER).exists());
        assert!(dir.blobs(OWNER).expect("blobs").is_empty());
        assert_eq!(dir.owners().expect("owners"), vec![OTHER]);
    }

    #[test]
    fn finish_after_remove_owner_leaves_nothing() {
        let (_tmp, dir) = setup();
        let key = key();
        let mut up = dir.upload(OWNER, "up-1", &key, u64::MAX).expect("upload");
        up.write_at(0, b"evidence").expect("write");
        dir.remove_owner(OWNER).expect("purge");
        assert!(up.finish(None).is_err());
        assert!(!dir.root.join(OWNER).exists());
    }

    #[test]
    fn bad_names_are_refused() {
        let (tmp, dir) = setup();
        let key = key();
        let long = "a".repeat(65);
        let bad = [
            "../x", "a/b", "", ".", "..", ".hidden", "a b", "é", "x\0", &long,
        ];
        for name in bad {
            let owner = |r: Result<(), BlobError>| {
                assert!(
                    matches!(r, Err(BlobError::BadOwner { .. })),
                    "{name:?}: {r:?}"
                )
            };
            owner(dir.upload(name, "up-1", &key, 10).map(drop));
            owner(dir.exists(name, &[0; 32]).map(drop));
            owner(dir.reader(name, &[0; 32], &key, 0).map(drop));
            owner(dir.remove(name, &[0; 32]));
            owner(dir.remove_owner(name));
            owner(dir.blobs(name).map(drop));
            let id = dir.upload(OWNER, name, &key, 10).map(drop);
            assert!(
                matches!(id, Err(BlobError::BadUploadId { .. })),
                "{name:?}: {id:?}"
            );
        }
        assert!(!tmp.path().join("x").exists());
        dir.upload(&"a".repeat(64), "A.b_c-9", &key, 10)
            .expect("64 characters are fine");
        let message = BlobError::BadOwner {
            name: "../x".into(),
        }
        .to_string();
        assert!(message.contains("\"../x\""), "{message}");
    }

    /// 64 MiB in 1 MiB chunks: the upload never holds more than two
    /// sealed segments of buffer, the reader one.
    #[test]
    fn memory_stays_flat_for_a_large_upload() {
        let (_tmp, dir) = setup();
        let key = key();
        let mut chunk = vec![0u8; 1 << 20];
        let mut hasher = Sha256::new();
        let mut up = dir.upload(OWNER, "big", &key, u64::MAX).expect("upload");
        for i in 0..64u32 {
            for (j, byte) in chunk.iter_mut().enumerate() {
                *byte = (j as u32).wrapping_mul(31).wrapping_add(i) as u8;
            }
            hasher.update(&chunk);
            up.write_at(up.offset(), &chunk).expect("write");
            if i % 16 == 7 {
                up.checkpoint().expect("checkpoint");
            }
            assert!(
                up.buffer_capacity() <= 2 * SEALED_LEN,
                "{}",
                up.buffer_capacity()
            );
        }
        let expected: [u8; 32] = hasher.finalize().into();
        let info = up.finish(Some(&expected)).expect("finish");
        assert_eq!(info.size, 64 << 20);

        let mut reader = dir.reader(OWNER, &info.sha256, &key, 0).expect("reader");
        let mut total = 0;
        while let Some(piece) = reader.read_chunk(1 << 20).expect("read") {
            assert!(piece.len() <= S);
            total += piece.len();
            assert!(reader.buffer_capacity() <= SEALED_LEN);
        }
        assert_eq!(total, 64 << 20);
    }
}
