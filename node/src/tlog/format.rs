//! The bytes on disk: record framing in segment files, file names, and
//! reads at an offset. `docs/audit-storage.md` is the specification; this
//! file is its implementation and nothing else.
//!
//! A record is a 12-byte header and a payload:
//!
//! ```text
//! 0..2   magic "TL"
//! 2      kind: 1 segment header, 2 entry, 3 checkpoint, 4 seal
//! 3      0 (reserved)
//! 4..8   payload length, u32 little-endian
//! 8..12  CRC-32 (IEEE) of bytes 0..8 followed by the payload
//! ```

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use liaison_proto::merkle::Hash;

pub(super) const MAGIC: [u8; 2] = *b"TL";
pub(super) const HEADER_LEN: usize = 12;
/// The largest payload a record may carry: an entry of at most this many
/// bytes minus its 8-byte index.
pub(super) const MAX_PAYLOAD: usize = 16 << 20;
/// The format version written in `FORMAT` and in every segment header.
pub(super) const VERSION: u32 = 1;
/// The contents of the `FORMAT` file that marks a complete log directory.
pub(super) const FORMAT_TEXT: &str = "liaison-tlog 1\n";
/// Hashes per tile, as in C2SP tlog-tiles.
pub(super) const TILE_WIDTH: u64 = 256;
/// Merkle levels per tile level: a tile level `L` file holds the hashes of
/// Merkle level `8 * L`.
pub(super) const TILE_HEIGHT: u32 = 8;
/// Bytes of a segment header record (header and its 12-byte payload).
pub(super) const SEGMENT_HEADER_LEN: u64 = HEADER_LEN as u64 + 12;

/// What a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// The first record of every segment: format version and first index.
    Segment = 1,
    /// One log entry: its index (u64) and its bytes.
    Entry = 2,
    /// A commit: size, root, tiles-synced watermark, the caller's bytes.
    Checkpoint = 3,
    /// The last record of a full segment: its successor exists.
    Seal = 4,
}

impl Kind {
    fn from_byte(b: u8) -> Option<Kind> {
        match b {
            1 => Some(Kind::Segment),
            2 => Some(Kind::Entry),
            3 => Some(Kind::Checkpoint),
            4 => Some(Kind::Seal),
            _ => None,
        }
    }
}

/// Appends one framed record to `out`.
pub(super) fn encode(kind: Kind, parts: &[&[u8]], out: &mut Vec<u8>) {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let mut header = [0u8; HEADER_LEN];
    header[0..2].copy_from_slice(&MAGIC);
    header[2] = kind as u8;
    // A payload never exceeds MAX_PAYLOAD (checked by the callers), so it
    // fits in a u32.
    header[4..8].copy_from_slice(&(len as u32).to_le_bytes());
    let mut crc = crc32fast::Hasher::new();
    crc.update(&header[0..8]);
    for part in parts {
        crc.update(part);
    }
    header[8..12].copy_from_slice(&crc.finalize().to_le_bytes());
    out.extend_from_slice(&header);
    for part in parts {
        out.extend_from_slice(part);
    }
}

/// A header that passed its own checks; the payload is still unchecked.
#[derive(Debug, Clone, Copy)]
pub(super) struct Header {
    pub kind: Kind,
    pub len: usize,
    crc: u32,
    raw: [u8; 8],
}

/// Checks the fixed fields of a record header. `room` is how many bytes
/// the file holds after the header.
pub(super) fn parse_header(bytes: &[u8; HEADER_LEN], room: u64) -> Result<Header, &'static str> {
    if bytes[0..2] != MAGIC {
        return Err("a record must start with the magic bytes \"TL\"");
    }
    let kind = Kind::from_byte(bytes[2]).ok_or("unknown record kind")?;
    if bytes[3] != 0 {
        return Err("the reserved header byte must be 0");
    }
    let len = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]) as usize;
    if len > MAX_PAYLOAD {
        return Err("the record is longer than the largest allowed payload");
    }
    if len as u64 > room {
        return Err("the record runs past the end of the file");
    }
    let mut raw = [0u8; 8];
    raw.copy_from_slice(&bytes[0..8]);
    Ok(Header {
        kind,
        len,
        crc: u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]),
        raw,
    })
}

/// Checks a record's checksum over its header and payload.
pub(super) fn checksum_ok(header: &Header, payload: &[u8]) -> bool {
    let mut crc = crc32fast::Hasher::new();
    crc.update(&header.raw);
    crc.update(payload);
    crc.finalize() == header.crc
}

/// The payload of a checkpoint record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CheckpointRecord {
    pub size: u64,
    pub root: Hash,
    /// Tiles and indexes for every size up to this one are on stable storage.
    pub tiles_synced: u64,
    /// The caller's bytes (a signed tree head).
    pub body: Vec<u8>,
}

impl CheckpointRecord {
    pub fn encode(&self, out: &mut Vec<u8>) {
        encode(
            Kind::Checkpoint,
            &[
                &self.size.to_le_bytes(),
                &self.root,
                &self.tiles_synced.to_le_bytes(),
                &self.body,
            ],
            out,
        );
    }

    pub fn decode(payload: &[u8]) -> Option<CheckpointRecord> {
        if payload.len() < 48 {
            return None;
        }
        let mut root = [0u8; 32];
        root.copy_from_slice(&payload[8..40]);
        Some(CheckpointRecord {
            size: u64_at(payload, 0)?,
            root,
            tiles_synced: u64_at(payload, 40)?,
            body: payload[48..].to_vec(),
        })
    }
}

/// A whole segment header record: its payload is the format version (u32)
/// and the segment's first entry index (u64).
pub(super) fn segment_header(first: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(SEGMENT_HEADER_LEN as usize);
    encode(
        Kind::Segment,
        &[&VERSION.to_le_bytes(), &first.to_le_bytes()],
        &mut out,
    );
    out
}

/// Reads a little-endian u64 at `at`, if the bytes are there.
pub(super) fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    let slice = bytes.get(at..at + 8)?;
    let mut b = [0u8; 8];
    b.copy_from_slice(slice);
    Some(u64::from_le_bytes(b))
}

/// `segments/<first index, 20 digits>.log`
pub(super) fn segment_path(dir: &Path, first: u64) -> PathBuf {
    dir.join("segments").join(format!("{first:020}.log"))
}

/// `segments/<first index, 20 digits>.idx`: one u64 offset per entry.
pub(super) fn index_path(dir: &Path, first: u64) -> PathBuf {
    dir.join("segments").join(format!("{first:020}.idx"))
}

/// `tiles/<L>`: every hash of Merkle level `8 * L`, 32 bytes each; tile
/// `(L, N)` of C2SP tlog-tiles is bytes `N * 8192 ..` of it.
pub(super) fn tile_path(dir: &Path, level: u32) -> PathBuf {
    dir.join("tiles").join(level.to_string())
}

/// The first entry index named by a segment file name, if it is one.
pub(super) fn parse_segment_name(name: &str) -> Option<u64> {
    let digits = name.strip_suffix(".log")?;
    if digits.len() != 20 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Fills `buf` from `file` at `offset`, without moving a shared cursor.
pub(super) fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Seek, SeekFrom};
        let mut f = file;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(buf)
    }
}

/// Writes all of `buf` to `file` at `offset`.
pub(super) fn write_at(file: &File, buf: &[u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::write_all_at(file, buf, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Seek, SeekFrom, Write};
        let mut f = file;
        f.seek(SeekFrom::Start(offset))?;
        f.write_all(buf)
    }
}

/// Makes a directory's entries (created, removed files) durable.
pub(super) fn sync_dir(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

/// Reads as many bytes as are there, up to `buf.len()`.
pub(super) fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match reader.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}
