//! The write-ahead journal of [`DiskStore`](super::DiskStore): one record
//! per commit, holding every key write and audit entry of the batches it
//! makes durable, and the signed tree head sealing them. A commit is one
//! `write` and one `fdatasync` of the journal file; sled and the tile log
//! are brought up to date from it afterwards, and again from the journal at
//! start if the node stopped before they were.
//!
//! A record is a 12-byte header (`LJ`, version 1, reserved 0, payload length
//! u32, CRC-32 of bytes 0..8 and the payload) and a payload; integers are
//! little-endian. The journal is emptied once sled has flushed everything it
//! holds, so personal data erased from the store does not linger in it.

use std::fs::File;
use std::io::{Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};
use std::time::Instant;

use super::StoreError;

const MAGIC: &[u8; 2] = b"LJ";
const VERSION: u8 = 1;
const HEADER: usize = 12;
/// The largest payload a record may claim (a commit covers at most a few
/// batches of at most a few MiB each).
const MAX_PAYLOAD: usize = 1 << 30;

/// One commit: batches up to `seq`, their key writes in order, their audit
/// entries from `audit_first`, and the head sealing them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Record {
    pub seq: u64,
    pub ops: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    pub audit_first: u64,
    pub audit: Vec<Vec<u8>>,
    pub head: Option<Vec<u8>>,
}

impl Record {
    fn encode(&self, out: &mut Vec<u8>) {
        put_u64(out, self.seq);
        put_u64(out, self.audit_first);
        put_u32(out, self.audit.len() as u32);
        for entry in &self.audit {
            put_bytes(out, entry);
        }
        match &self.head {
            Some(head) => {
                out.push(1);
                put_bytes(out, head);
            }
            None => out.push(0),
        }
        put_u32(out, self.ops.len() as u32);
        for (key, value) in &self.ops {
            put_bytes(out, key);
            match value {
                Some(value) => {
                    out.push(1);
                    put_bytes(out, value);
                }
                None => out.push(0),
            }
        }
    }

    fn decode(payload: &[u8]) -> Option<Record> {
        let mut r = Reader(payload);
        let seq = r.u64()?;
        let audit_first = r.u64()?;
        let entries = r.u32()?;
        let mut audit = Vec::new();
        for _ in 0..entries {
            audit.push(r.bytes()?.to_vec());
        }
        let head = match r.u8()? {
            0 => None,
            1 => Some(r.bytes()?.to_vec()),
            _ => return None,
        };
        let count = r.u32()?;
        let mut ops = Vec::new();
        for _ in 0..count {
            let key = r.bytes()?.to_vec();
            let value = match r.u8()? {
                0 => None,
                1 => Some(r.bytes()?.to_vec()),
                _ => return None,
            };
            ops.push((key, value));
        }
        r.0.is_empty().then_some(Record {
            seq,
            ops,
            audit_first,
            audit,
            head,
        })
    }
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_u64(out: &mut Vec<u8>, v: u64) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_u32(out, bytes.len() as u32);
    out.extend_from_slice(bytes);
}

/// Reads a payload without trusting any length in it.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.take(4)?.try_into().ok().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Option<u64> {
        self.take(8)?.try_into().ok().map(u64::from_le_bytes)
    }
    fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.u32()? as usize;
        self.take(n)
    }
}

fn checksum(header: &[u8], payload: &[u8]) -> u32 {
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(header);
    hasher.update(payload);
    hasher.finalize()
}

/// What [`Journal::open`] read.
#[derive(Debug, Default)]
pub(super) struct Opened {
    pub records: Vec<Record>,
    /// Bytes after the last whole record, cut: a commit whose write or
    /// fdatasync never finished (never acknowledged).
    pub bytes_cut: u64,
}

#[derive(Debug)]
pub(super) struct Journal {
    file: File,
    path: PathBuf,
    len: u64,
    /// When the first record since the journal was last emptied was written.
    since: Option<Instant>,
    /// An append failed and its bytes may still be in the file after `len`.
    torn: bool,
}

impl Journal {
    /// Opens (or creates) the journal at `path` and reads every record. A
    /// torn last record is cut; a damaged record followed by other data is
    /// an error naming the byte offset, and nothing is changed.
    pub fn open(path: &Path) -> Result<(Journal, Opened), StoreError> {
        let io = |doing: &'static str| {
            move |e: std::io::Error| StoreError::io(format_args!("{}: {doing}", path.display()), &e)
        };
        let mut file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(io("open the journal"))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)
            .map_err(io("read the journal"))?;
        let mut opened = Opened::default();
        let mut at = 0usize;
        while at < bytes.len() {
            match read_record(&bytes[at..]) {
                Ok((record, used)) => {
                    if opened
                        .records
                        .last()
                        .is_some_and(|last: &Record| last.seq >= record.seq)
                    {
                        return Err(damaged(path, at, "its sequence number does not increase"));
                    }
                    opened.records.push(record);
                    at += used;
                }
                Err(rule) => {
                    // A record reaching the end of the file, or only zeros
                    // after it, is the torn write of the last commit.
                    let rest = &bytes[at..];
                    let claimed = rest
                        .get(4..8)
                        .and_then(|b| b.try_into().ok())
                        .map_or(0, |b| u32::from_le_bytes(b) as usize);
                    let torn = HEADER + claimed >= rest.len() || rest.iter().all(|b| *b == 0);
                    if !torn {
                        return Err(damaged(path, at, rule));
                    }
                    opened.bytes_cut = rest.len() as u64;
                    file.set_len(at as u64)
                        .map_err(io("cut the journal's torn tail"))?;
                    file.sync_all().map_err(io("sync the journal"))?;
                    break;
                }
            }
        }
        let len = at as u64;
        file.seek(SeekFrom::Start(len))
            .map_err(io("seek the journal"))?;
        let since = (len > 0).then(Instant::now);
        Ok((
            Journal {
                file,
                path: path.to_path_buf(),
                len,
                since,
                torn: false,
            },
            opened,
        ))
    }

    fn io(&self, doing: &'static str) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
        move |e| StoreError::io(format_args!("{}: {doing}", self.path.display()), &e)
    }

    /// Appends `record` in one write and returns once it is on disk.
    pub fn append(&mut self, record: &Record) -> Result<(), StoreError> {
        let mut payload = Vec::new();
        record.encode(&mut payload);
        if payload.len() > MAX_PAYLOAD {
            return Err(StoreError::Io(format!(
                "{}: a commit of {} bytes is larger than the journal's {MAX_PAYLOAD}-byte limit",
                self.path.display(),
                payload.len()
            )));
        }
        let mut bytes = Vec::with_capacity(HEADER + payload.len());
        bytes.extend_from_slice(MAGIC);
        bytes.push(VERSION);
        bytes.push(0);
        put_u32(&mut bytes, payload.len() as u32);
        let crc = checksum(&bytes, &payload);
        put_u32(&mut bytes, crc);
        bytes.extend_from_slice(&payload);
        if self.torn {
            self.cut_back()?;
        }
        let written = self
            .file
            .write_all(&bytes)
            .map_err(self.io("append"))
            .and_then(|()| self.file.sync_data().map_err(self.io("sync")));
        if let Err(e) = written {
            // A record cut short (the disk filled up), or written but not
            // known to be on disk: never acknowledged. It is cut off now,
            // or before the next append if even that fails, so that no
            // later record follows a damaged one.
            self.torn = true;
            let _ = self.cut_back();
            return Err(e);
        }
        self.len += bytes.len() as u64;
        self.since.get_or_insert_with(Instant::now);
        Ok(())
    }

    /// Cuts the file back to its last whole record.
    fn cut_back(&mut self) -> Result<(), StoreError> {
        self.file
            .set_len(self.len)
            .map_err(self.io("cut a failed append"))?;
        self.file
            .seek(SeekFrom::Start(self.len))
            .map_err(self.io("seek the journal"))?;
        self.torn = false;
        Ok(())
    }

    /// Bytes in the journal.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// How long the oldest record has been in the journal.
    pub fn age(&self) -> Option<std::time::Duration> {
        self.since.map(|t| t.elapsed())
    }

    /// Empties the journal: call only once everything in it is durable
    /// elsewhere.
    pub fn clear(&mut self) -> Result<(), StoreError> {
        self.file.set_len(0).map_err(self.io("empty the journal"))?;
        self.file
            .seek(SeekFrom::Start(0))
            .map_err(self.io("seek the journal"))?;
        self.file.sync_all().map_err(self.io("sync the journal"))?;
        self.len = 0;
        self.since = None;
        self.torn = false;
        Ok(())
    }

    /// The records appended and not yet cleared, read back from the file:
    /// for a store finishing commits whose later steps failed.
    pub fn records(&self) -> Result<Vec<Record>, StoreError> {
        let bytes = std::fs::read(&self.path).map_err(self.io("read the journal"))?;
        let mut bytes = bytes.get(..self.len as usize).ok_or_else(|| {
            damaged(
                &self.path,
                bytes.len(),
                "the journal is shorter than written",
            )
        })?;
        let mut records = Vec::new();
        let mut at = 0;
        while !bytes.is_empty() {
            let (record, used) =
                read_record(bytes).map_err(|rule| damaged(&self.path, at, rule))?;
            records.push(record);
            bytes = &bytes[used..];
            at += used;
        }
        Ok(records)
    }
}

fn damaged(path: &Path, offset: usize, rule: &str) -> StoreError {
    StoreError::Corrupt {
        key: format!("{} at byte {offset}", path.display()),
        reason: rule.to_string(),
    }
}

/// One record from the start of `bytes`, and the bytes it used; or the
/// rule it breaks.
fn read_record(bytes: &[u8]) -> Result<(Record, usize), &'static str> {
    let header = bytes
        .get(..HEADER)
        .ok_or("the record header is cut short")?;
    if &header[..2] != MAGIC {
        return Err("the record does not start with `LJ`");
    }
    if header[2] != VERSION || header[3] != 0 {
        return Err("the record is of an unknown version");
    }
    let len = u32::from_le_bytes([header[4], header[5], header[6], header[7]]) as usize;
    if len > MAX_PAYLOAD {
        return Err("the record claims a payload over the limit");
    }
    let payload = bytes
        .get(HEADER..HEADER + len)
        .ok_or("the record's payload is cut short")?;
    let crc = u32::from_le_bytes([header[8], header[9], header[10], header[11]]);
    if checksum(&header[..8], payload) != crc {
        return Err("the record's checksum does not match");
    }
    let record = Record::decode(payload).ok_or("the record's payload is malformed")?;
    Ok((record, HEADER + len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(seq: u64) -> Record {
        Record {
            seq,
            ops: vec![
                (b"k".to_vec(), Some(format!("v{seq}").into_bytes())),
                (b"gone".to_vec(), None),
            ],
            audit_first: seq * 2,
            audit: vec![b"e1".to_vec(), b"e2".to_vec()],
            head: seq.is_multiple_of(2).then(|| b"head".to_vec()),
        }
    }

    #[test]
    fn records_come_back_in_order_and_a_torn_tail_is_cut() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal");
        {
            let (mut journal, opened) = Journal::open(&path).unwrap();
            assert!(opened.records.is_empty());
            for seq in 1..=3 {
                journal.append(&record(seq)).unwrap();
            }
        }
        let whole = std::fs::read(&path).unwrap();
        // Every cut inside the last record is torn, and is cut back.
        let (_, opened) = Journal::open(&path).unwrap();
        assert_eq!(opened.records, vec![record(1), record(2), record(3)]);
        let last_start = {
            let mut at = 0;
            for _ in 0..2 {
                at += read_record(&whole[at..]).unwrap().1;
            }
            at
        };
        for cut in [last_start + 1, last_start + HEADER, whole.len() - 1] {
            std::fs::write(&path, &whole[..cut]).unwrap();
            let (mut journal, opened) = Journal::open(&path).unwrap();
            assert_eq!(opened.records, vec![record(1), record(2)], "cut at {cut}");
            assert_eq!(opened.bytes_cut, (cut - last_start) as u64);
            assert_eq!(std::fs::metadata(&path).unwrap().len(), last_start as u64);
            // Appending goes on after the cut.
            journal.append(&record(3)).unwrap();
            let (_, again) = Journal::open(&path).unwrap();
            assert_eq!(again.records.len(), 3);
        }
        // Zeros after the last record (a file extended, never written) too.
        let mut zeros = whole.clone();
        zeros.extend_from_slice(&[0; 100]);
        std::fs::write(&path, &zeros).unwrap();
        let (_, opened) = Journal::open(&path).unwrap();
        assert_eq!(opened.records.len(), 3);
        assert_eq!(opened.bytes_cut, 100);
    }

    #[test]
    fn damage_before_the_last_record_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal");
        {
            let (mut journal, _) = Journal::open(&path).unwrap();
            for seq in 1..=3 {
                journal.append(&record(seq)).unwrap();
            }
        }
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[HEADER + 3] ^= 0x40;
        std::fs::write(&path, &bytes).unwrap();
        let err = Journal::open(&path).unwrap_err().to_string();
        assert!(err.contains("at byte 0"), "{err}");
        assert!(err.contains("checksum does not match"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn an_append_that_failed_half_way_is_cut_before_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal");
        let (mut journal, _) = Journal::open(&path).unwrap();
        journal.append(&record(1)).unwrap();
        // What a write cut short by a full disk leaves after the last whole
        // record, and could not cut at once.
        {
            use std::io::Write as _;
            let mut file = File::options().append(true).open(&path).unwrap();
            file.write_all(b"LJ\x01\x00\xff\xff").unwrap();
        }
        journal.torn = true;
        journal.append(&record(2)).unwrap();
        assert_eq!(journal.records().unwrap(), vec![record(1), record(2)]);
        drop(journal);
        let (_, opened) = Journal::open(&path).unwrap();
        assert_eq!(opened.records, vec![record(1), record(2)]);
        assert_eq!(opened.bytes_cut, 0);
    }

    #[test]
    fn clearing_empties_the_journal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal");
        let (mut journal, _) = Journal::open(&path).unwrap();
        journal.append(&record(1)).unwrap();
        assert!(journal.len() > 0 && journal.age().is_some());
        journal.clear().unwrap();
        assert_eq!(journal.len(), 0);
        assert!(journal.age().is_none());
        journal.append(&record(2)).unwrap();
        drop(journal);
        let (_, opened) = Journal::open(&path).unwrap();
        assert_eq!(opened.records, vec![record(2)]);
    }
}
