//! The [`Store`] of a real node, in its data directory:
//!
//! - `journal`: the write-ahead journal ([`super::journal`]). A commit is one
//!   record in it and one `fdatasync`; that is the moment a change is
//!   durable and may be acknowledged.
//! - `audit/`: the audit log as a tile log ([`crate::tlog`]): entries in
//!   segments, the Merkle tree in tiles, the signed tree head of each commit
//!   in a checkpoint. Written right after the journal and synced only
//!   before the journal is emptied: until then the journal holds every
//!   commit the log's files might lose.
//! - `datakeys`: the wrapped data keys, in fixed-size slots overwritten in
//!   place when a key is destroyed ([`super::FileSlots`], [`crate::vault`]).
//! - sled's files: the request state, written after the journal and flushed
//!   lazily; the key `meta/journal` names the last journal record applied.
//!
//! Until a batch is in sled, readers see it through the [`Overlay`]. At
//! open, journal records sled or the tile log lack are applied again; the
//! journal is emptied once sled has flushed everything in it (at most
//! [`Options::journal_bytes`] or [`Options::journal_age`] later), so that
//! erased personal data does not linger there.
//!
//! Stores written by earlier versions kept the audit log in sled (`audit/`,
//! `mt/`, `sth`); [`DiskStore::open`] moves it into the tile log once.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, RwLock, TryLockError};
use std::time::Duration;

use liaison_proto::merkle::Hash;
use prost::Message as _;

use super::journal::{Journal, Record};
use super::overlay::{Overlay, merge};
use super::{AuditCheckpoint, AuditSeal, Batch, Entry, Store, StoreError};
use crate::tlog::TileLog;

/// The key of audit entry `index` in stores of earlier versions, which kept
/// the audit log in sled (moved out by [`DiskStore::open`]).
pub fn legacy_audit_key(index: u64) -> Vec<u8> {
    format!("audit/{index:016x}").into_bytes()
}

/// Where sled keeps the sequence number of the last journal record applied.
const APPLIED_KEY: &[u8] = b"meta/journal";
/// Where sled keeps the audit log's committed size as of that record: the
/// tile log may never hold fewer entries.
const AUDIT_SIZE_KEY: &[u8] = b"meta/audit-size";

/// Tunables; the defaults suit a node.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// sled's cache.
    pub cache_bytes: u64,
    /// The journal is emptied (after a sled flush) once it holds this much.
    pub journal_bytes: u64,
    /// ... or once its oldest record is this old.
    pub journal_age: Duration,
    pub tlog: crate::tlog::Options,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cache_bytes: 64 * 1024 * 1024,
            journal_bytes: 32 << 20,
            journal_age: Duration::from_secs(60),
            tlog: crate::tlog::Options::default(),
        }
    }
}

impl Options {
    pub fn with_cache(cache_bytes: u64) -> Self {
        Options {
            cache_bytes,
            ..Options::default()
        }
    }
}

/// What [`DiskStore::open`] found and did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenReport {
    /// Journal records applied again to sled (and the tile log).
    pub replayed: u64,
    /// Audit entries the tile log lacked and got from the journal.
    pub audit_restored: u64,
    /// Bytes of a torn last journal record cut (never acknowledged).
    pub journal_bytes_cut: u64,
    /// What the tile log's own recovery did.
    pub tlog: crate::tlog::Recovery,
    /// Audit entries moved from sled keys of an earlier version.
    pub migrated: u64,
}

impl OpenReport {
    /// Whether opening repaired or moved anything (a node that stopped
    /// cleanly opens without either).
    pub fn recovered(&self) -> bool {
        self.replayed > 0
            || self.audit_restored > 0
            || self.journal_bytes_cut > 0
            || self.migrated > 0
            || self.tlog.entries_cut > 0
            || self.tlog.bytes_cut > 0
            || self.tlog.checkpoint_dropped
            || self.tlog.unsynced_commits_cut > 0
    }
}

#[derive(Debug)]
pub struct DiskStore {
    /// sled, reopened in place after an I/O failure (sled keeps failing
    /// once it has met one); `None` only while that happens.
    db: RwLock<Option<sled::Db>>,
    /// sled failed a call (the disk filled up, say): it fails every call
    /// after, reads included, until reopened. The next commit, or the next
    /// read that finds no commit running, reopens it once the disk has room.
    db_failed: AtomicBool,
    /// The audit entries committed (sealed in the journal): the tile log
    /// holds fewer while a commit's write to it waits to be finished.
    sealed: AtomicU64,
    #[cfg(test)]
    pub(super) faults: Faults,
    overlay: Mutex<Overlay>,
    /// Held by the one committing; owns the journal.
    writer: Mutex<Writer>,
    log: RwLock<TileLog>,
    options: Options,
    dir: PathBuf,
    slots: super::FileSlots,
}

/// Failures the unit tests inject where a real disk fails at a moment no
/// test can choose.
#[cfg(test)]
#[derive(Debug, Default)]
pub(super) struct Faults {
    /// sled fails every call, as it does once it has met an I/O error,
    /// until it is reopened.
    pub sled_fails: AtomicBool,
    /// The next commit's steps after its journal record fail, as when the
    /// disk fills up between the journal and the tile log.
    pub finish_fails: AtomicBool,
}

#[derive(Debug)]
struct Writer {
    journal: Journal,
    /// The sequence number of the last batch made durable.
    durable: u64,
    /// A commit reached the journal but not the tile log or sled (the disk
    /// filled up in between): the next commit finishes it from the journal
    /// first, as an open would.
    unfinished: bool,
}

fn io(e: sled::Error) -> StoreError {
    match e {
        sled::Error::Io(e) => StoreError::io("the store's key space", &e),
        e => StoreError::Io(e.to_string()),
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // The guarded values are only changed in whole steps.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// How long an open waits for the directory's lock: sled's background
/// threads may hold it a moment after the previous owner let go.
const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(3);

/// Opens sled in `dir`, waiting up to [`LOCK_PATIENCE`] for its lock.
fn open_sled(dir: &Path, cache_bytes: u64) -> Result<sled::Db, String> {
    let started = std::time::Instant::now();
    loop {
        match sled::Config::new()
            .path(dir)
            .mode(sled::Mode::HighThroughput)
            .cache_capacity(cache_bytes)
            .open()
        {
            Ok(db) => return Ok(db),
            Err(e) if e.to_string().contains("could not acquire lock") => {
                if started.elapsed() >= LOCK_PATIENCE {
                    return Err(format!(
                        "the data directory is in use by another process (is the node still \
                         running?): {e}"
                    ));
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(e) => return Err(e.to_string()),
        }
    }
}

impl DiskStore {
    pub fn open(dir: &Path) -> Result<(DiskStore, OpenReport), StoreError> {
        Self::open_with(dir, Options::default())
    }

    /// Opens the store in `dir`: recovers the tile log, applies journal
    /// records sled or the tile log lack, moves an earlier version's audit
    /// log out of sled, then empties the journal.
    pub fn open_with(dir: &Path, options: Options) -> Result<(DiskStore, OpenReport), StoreError> {
        let open_error = |reason: String| StoreError::Open {
            path: dir.display().to_string(),
            reason,
        };
        let db = open_sled(dir, options.cache_bytes).map_err(open_error)?;
        let (mut journal, opened) = Journal::open(&dir.join("journal"))?;
        // The tile log was synced when the journal was last emptied; the
        // commits after that are in the journal and may be lost from the
        // log's files.
        let tlog_options = crate::tlog::Options {
            unsynced_from: opened.records.first().map(|r| r.audit_first),
            ..options.tlog
        };
        let (mut log, tlog) = TileLog::open_with(&dir.join("audit"), tlog_options)
            .map_err(|e| open_error(e.to_string()))?;
        let mut report = OpenReport {
            journal_bytes_cut: opened.bytes_cut,
            tlog,
            ..OpenReport::default()
        };
        let applied = read_u64(&db, APPLIED_KEY)?;
        let mut durable = applied;
        for record in opened.records {
            durable = durable.max(record.seq);
            report.audit_restored += restore_audit(&mut log, &record)?;
            if record.seq <= applied {
                continue;
            }
            let audit_size = record
                .head
                .as_ref()
                .map(|_| record.audit_first + record.audit.len() as u64);
            apply_to_sled(&db, &record.ops, record.seq, audit_size)?;
            report.replayed += 1;
        }
        db.flush().map_err(io)?;
        let committed = read_u64(&db, AUDIT_SIZE_KEY)?;
        if log.size() < committed {
            return Err(open_error(format!(
                "the audit log in {} holds {} entries, but {committed} were committed: \
                 entries were lost or removed (restore the directory from a backup)",
                dir.join("audit").display(),
                log.size()
            )));
        }
        log.sync()?;
        journal.clear()?;
        let (migrated, tail) = migrate_legacy(&db, &mut log)?;
        report.migrated = migrated;
        let mut overlay = Overlay::new(durable + 1, log.size());
        if let Some(tail) = tail {
            overlay.apply(tail)?;
        }
        let store = DiskStore {
            db: RwLock::new(Some(db)),
            db_failed: AtomicBool::new(false),
            sealed: AtomicU64::new(log.size()),
            #[cfg(test)]
            faults: Faults::default(),
            overlay: Mutex::new(overlay),
            writer: Mutex::new(Writer {
                journal,
                durable,
                unfinished: false,
            }),
            log: RwLock::new(log),
            options,
            dir: dir.to_path_buf(),
            slots: super::FileSlots::open(dir)?,
        };
        Ok((store, report))
    }

    /// The directory the store lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn log(&self) -> std::sync::RwLockReadGuard<'_, TileLog> {
        self.log.read().unwrap_or_else(|p| p.into_inner())
    }

    fn scan(
        &self,
        start: &[u8],
        end: Option<&[u8]>,
        base: impl FnOnce(&sled::Db) -> Result<Vec<Entry>, StoreError>,
    ) -> Result<Vec<Entry>, StoreError> {
        // The pending writes first: a write leaving the overlay is in sled
        // before it leaves, so nothing is missed between the two reads.
        let writes = lock(&self.overlay).range(start, end);
        self.recover();
        Ok(merge(self.with_db(base)?, writes))
    }
}

fn read_u64(db: &sled::Db, key: &[u8]) -> Result<u64, StoreError> {
    match db.get(key).map_err(io)? {
        None => Ok(0),
        Some(bytes) => bytes
            .as_ref()
            .try_into()
            .map(u64::from_be_bytes)
            .map_err(|_| StoreError::Corrupt {
                key: String::from_utf8_lossy(key).into_owned(),
                reason: "not an 8-byte number".into(),
            }),
    }
}

/// The key writes of journal record `seq` with the markers saying so;
/// `audit_size`: the audit log's size once the record is committed.
fn apply_to_sled(
    db: &sled::Db,
    ops: &[(Vec<u8>, Option<Vec<u8>>)],
    seq: u64,
    audit_size: Option<u64>,
) -> Result<(), StoreError> {
    let mut batch = sled::Batch::default();
    for (key, value) in ops {
        match value {
            Some(v) => batch.insert(key.as_slice(), v.as_slice()),
            None => batch.remove(key.as_slice()),
        }
    }
    batch.insert(APPLIED_KEY, &seq.to_be_bytes());
    if let Some(size) = audit_size {
        batch.insert(AUDIT_SIZE_KEY, &size.to_be_bytes());
    }
    db.apply_batch(batch).map_err(io)
}

/// Commits to the tile log the audit entries of `record` it lacks, under
/// the record's head; entries it has must be the same bytes. Returns how
/// many were added.
fn restore_audit(log: &mut TileLog, record: &Record) -> Result<u64, StoreError> {
    let end = record.audit_first + record.audit.len() as u64;
    let size = log.size();
    if record.audit_first > size {
        return Err(StoreError::Audit(format!(
            "the journal holds entries from {} but the audit log ends at {size}",
            record.audit_first
        )));
    }
    for (i, entry) in record.audit.iter().enumerate() {
        let index = record.audit_first + i as u64;
        if index < size && log.entry(index)? != *entry {
            return Err(StoreError::Audit(format!(
                "entry {index} differs between the journal and the audit log"
            )));
        }
    }
    let Some(head) = &record.head else {
        return Ok(0);
    };
    let missing = &record.audit[(size.min(end) - record.audit_first) as usize..];
    if end < size || (missing.is_empty() && log.last_checkpoint().is_some()) {
        return Ok(0);
    }
    log.append(missing)?;
    log.commit(head)?;
    Ok(missing.len() as u64)
}

/// Moves an earlier version's audit log (`audit/<index>`, `mt/…`, `sth` in
/// sled) into the tile log: entries up to the stored head's size are
/// committed under it; entries after it (written by a group commit whose
/// flush did not finish) are left pending with the deletion of the old
/// keys, for the node to seal at start. Returns the entries moved and that
/// pending batch.
fn migrate_legacy(db: &sled::Db, log: &mut TileLog) -> Result<(u64, Option<Batch>), StoreError> {
    let legacy: Vec<Entry> = db
        .scan_prefix(b"audit/")
        .map(|e| e.map(|(k, v)| (k.to_vec(), v.to_vec())).map_err(io))
        .collect::<Result<_, _>>()?;
    let head = db.get(b"sth").map_err(io)?.map(|v| v.to_vec());
    if legacy.is_empty() && head.is_none() {
        return Ok((0, None));
    }
    let mut entries = Vec::with_capacity(legacy.len());
    for (position, (key, value)) in legacy.into_iter().enumerate() {
        if key != legacy_audit_key(position as u64) {
            return Err(StoreError::Corrupt {
                key: String::from_utf8_lossy(&key).into_owned(),
                reason: format!("expected audit entry {position} of the earlier format"),
            });
        }
        entries.push(value);
    }
    let signed_size = match &head {
        Some(bytes) => legacy_head_size(bytes)?,
        None => 0,
    };
    if signed_size > entries.len() as u64 {
        return Err(StoreError::Corrupt {
            key: "sth".into(),
            reason: format!(
                "the tree head covers {signed_size} entries, the store holds {}",
                entries.len()
            ),
        });
    }
    // A migration that stopped half-way committed a prefix already.
    let size = log.size();
    for (index, entry) in entries.iter().enumerate().take(size as usize) {
        if log.entry(index as u64)? != *entry {
            return Err(StoreError::Audit(format!(
                "entry {index} differs between sled and the audit log"
            )));
        }
    }
    if let Some(head) = &head
        && signed_size > size
    {
        log.append(&entries[size as usize..signed_size as usize])?;
        log.commit(head)?;
    }
    let mut cleanup = Batch::new();
    for prefix in [&b"audit/"[..], b"mt/"] {
        for key in db.scan_prefix(prefix).keys() {
            cleanup.delete(key.map_err(io)?.to_vec());
        }
    }
    cleanup.delete(b"sth".to_vec());
    let from = log.size();
    for (index, entry) in entries.iter().enumerate().skip(from as usize) {
        cleanup.append_audit(index as u64, entry.clone());
    }
    let moved = entries.len() as u64;
    if !cleanup.audit.is_empty() {
        return Ok((moved, Some(cleanup)));
    }
    let mut batch = sled::Batch::default();
    for (key, _) in &cleanup.ops {
        batch.remove(key.as_slice());
    }
    db.apply_batch(batch).map_err(io)?;
    db.flush().map_err(io)?;
    Ok((moved, None))
}

/// The size named by an earlier version's stored tree head, unverified
/// (the node verifies the head once the log is open).
fn legacy_head_size(bytes: &[u8]) -> Result<u64, StoreError> {
    let corrupt = |reason: String| StoreError::Corrupt {
        key: "sth".into(),
        reason,
    };
    let signed = liaison_proto::pb::SignedTreeHead::decode(bytes)
        .map_err(|e| corrupt(format!("not a signed tree head: {e}")))?;
    let head = liaison_proto::pb::TreeHeadBody::decode(signed.body.as_slice())
        .map_err(|e| corrupt(format!("not a tree head: {e}")))?;
    Ok(head.tree_size)
}

impl Store for DiskStore {
    fn key_slots(&self) -> &dyn super::KeySlots {
        &self.slots
    }

    fn get(&self, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        if let Some(write) = lock(&self.overlay).get(key) {
            return Ok(write);
        }
        self.recover();
        self.with_db(|db| Ok(db.get(key).map_err(io)?.map(|v| v.to_vec())))
    }

    fn scan_prefix(&self, prefix: &[u8]) -> Result<Vec<Entry>, StoreError> {
        self.scan(prefix, None, |db| {
            db.scan_prefix(prefix)
                .map(|e| e.map(|(k, v)| (k.to_vec(), v.to_vec())).map_err(io))
                .collect()
        })
    }

    fn scan_range(&self, start: &[u8], end: &[u8]) -> Result<Vec<Entry>, StoreError> {
        if start >= end {
            return Ok(Vec::new());
        }
        self.scan(start, Some(end), |db| {
            db.range(start..end)
                .map(|e| e.map(|(k, v)| (k.to_vec(), v.to_vec())).map_err(io))
                .collect()
        })
    }

    fn last_with_prefix(&self, prefix: &[u8]) -> Result<Option<Entry>, StoreError> {
        Ok(self.scan_prefix(prefix)?.pop())
    }

    fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        lock(&self.overlay).apply(batch)
    }

    fn commit(&self, seal: Option<&AuditSeal>) -> Result<(), StoreError> {
        let mut writer = lock(&self.writer);
        if writer.unfinished || self.db_failed.load(Ordering::SeqCst) {
            self.finish_from_journal(&mut writer)?;
        }
        let committed = self.log().size();
        let limit = seal.map_or(committed, |s| s.size);
        let ready = lock(&self.overlay).ready(limit);
        let Some(last) = ready.last().map(|(seq, _)| *seq) else {
            let Some(seal) = seal else {
                return Ok(());
            };
            if seal.size != committed {
                return Err(StoreError::Audit(format!(
                    "a tree head of {} entries seals a log of {committed}",
                    seal.size
                )));
            }
            // A new head over the same entries, not journaled: synced. A
            // failure leaves the log to be reopened before the next commit.
            let mut log = self.log.write().unwrap_or_else(|p| p.into_inner());
            if let Err(e) = log.commit(&seal.head) {
                writer.unfinished = true;
                return Err(e.into());
            }
            return Ok(());
        };
        let mut record = Record {
            seq: last,
            audit_first: committed,
            head: seal.map(|s| s.head.clone()),
            ..Record::default()
        };
        for (_, batch) in ready {
            record.ops.extend(batch.ops);
            record.audit.extend(batch.audit);
        }
        let end = committed + record.audit.len() as u64;
        if let Some(seal) = seal
            && seal.size != end
        {
            return Err(StoreError::Audit(format!(
                "a tree head of {} entries seals a commit ending at {end}",
                seal.size
            )));
        }
        if record.head.is_none() {
            record.audit.clear();
        }
        writer.journal.append(&record)?;
        if record.head.is_some() {
            self.sealed.store(end, Ordering::SeqCst);
        }
        // Durable from here. A failure below (the disk filled up between
        // the journal and the tile log or sled) leaves the commit to be
        // finished from the journal before the next one; readers see it
        // meanwhile in the overlay.
        writer.durable = last;
        if let Err(e) = self.finish(&record, end) {
            tracing::error!(
                error = %e,
                "a durable commit could not be applied to the audit log's files or the key \
                 space yet; it is kept in the journal and applied before the next commit"
            );
            writer.unfinished = true;
            return Ok(());
        }
        self.maintain(&mut writer);
        Ok(())
    }

    fn snapshot(&self, dir: &Path) -> Result<u64, StoreError> {
        let writer = lock(&self.writer);
        if writer.unfinished || !lock(&self.overlay).is_empty() {
            return Err(StoreError::Io(
                "changes are still being written: make them durable first".into(),
            ));
        }
        let fail = |doing: &str| {
            let doing = format!("{}: {doing}", dir.display());
            move |e: std::io::Error| StoreError::io(&doing, &e)
        };
        std::fs::create_dir(dir).map_err(fail("create the snapshot directory"))?;
        let mut bytes = 0;
        {
            let mut log = self.log.write().unwrap_or_else(|p| p.into_inner());
            log.sync()?;
            bytes += copy_dir(&self.dir.join("audit"), &dir.join("audit"), &mut |_| true)?;
        }
        bytes += std::fs::copy(self.dir.join("datakeys"), dir.join("datakeys"))
            .map_err(fail("copy the data keys"))?;
        // The key space as one consistent read: no commit runs meanwhile.
        let copy = sled::Config::new()
            .path(dir)
            .open()
            .map_err(|e| StoreError::Io(format!("{}: {e}", dir.display())))?;
        self.with_db(|db| {
            for entry in db.iter() {
                let (key, value) = entry.map_err(io)?;
                bytes += (key.len() + value.len()) as u64;
                copy.insert(key, value).map_err(io)?;
            }
            copy.flush().map_err(io)?;
            Ok(())
        })?;
        drop(copy);
        let journal =
            std::fs::File::create(dir.join("journal")).map_err(fail("create the journal"))?;
        journal.sync_all().map_err(fail("sync the journal"))?;
        sync_dir(dir).map_err(fail("sync"))?;
        drop(writer);
        Ok(bytes)
    }

    fn discard_pending(&self) -> Result<(), StoreError> {
        let writer = lock(&self.writer);
        let committed = self.log().size();
        lock(&self.overlay).discard_after(writer.durable, committed);
        Ok(())
    }

    fn audit_checkpoint(&self) -> Result<Option<AuditCheckpoint>, StoreError> {
        Ok(self.log().last_checkpoint().map(|c| AuditCheckpoint {
            size: c.size,
            root: c.root,
            head: c.body.clone(),
        }))
    }

    fn audit_applied(&self) -> u64 {
        lock(&self.overlay).audit_applied()
    }

    fn audit_entries(&self, range: std::ops::Range<u64>) -> Result<Vec<Vec<u8>>, StoreError> {
        let log = self.log();
        let committed = log.size();
        let mut out = log.entries(range.start.min(committed)..range.end.min(committed))?;
        drop(log);
        if range.end > committed {
            let from = range.start.max(committed);
            let pending = lock(&self.overlay).audit_entries(from..range.end);
            if pending.len() as u64 != range.end - from {
                return Err(StoreError::Audit(format!(
                    "entries {from}..{} are not in the log",
                    range.end
                )));
            }
            out.extend(pending);
        }
        Ok(out)
    }

    fn audit_node(&self, level: u32, index: u64) -> Result<Hash, StoreError> {
        let log = self.log();
        let covered = log.size();
        let end = index
            .checked_add(1)
            .and_then(|n| n.checked_shl(level))
            .filter(|end| end >> level == index + 1);
        match end {
            Some(end) if end > covered => {
                drop(log);
                let sealed = self.sealed.load(Ordering::SeqCst);
                if end > sealed {
                    return Err(StoreError::Audit(format!(
                        "the subtree at level {level}, index {index} ends at entry {end}, \
                         beyond the {sealed} committed"
                    )));
                }
                self.node_beyond_tile_log(level, index, covered)
            }
            _ => Ok(log.perfect(level, index)?),
        }
    }

    fn space(&self) -> Result<Option<super::Space>, StoreError> {
        super::Space::of(&self.dir).map(Some)
    }
}

/// Makes a directory's entries durable.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

/// Copies what `keep` keeps of directory `from` (with its directories)
/// into `to`, every file synced; returns the bytes copied. For snapshots,
/// backups, restores and `check`'s copy.
pub fn copy_dir(
    from: &Path,
    to: &Path,
    keep: &mut dyn FnMut(&Path) -> bool,
) -> Result<u64, StoreError> {
    let fail = |path: &Path, doing: &str| {
        let doing = format!("{}: {doing}", path.display());
        move |e: std::io::Error| StoreError::io(&doing, &e)
    };
    std::fs::create_dir_all(to).map_err(fail(to, "create"))?;
    let mut bytes = 0;
    for entry in std::fs::read_dir(from).map_err(fail(from, "list"))? {
        let entry = entry.map_err(fail(from, "list"))?;
        let path = entry.path();
        if !keep(&path) {
            continue;
        }
        let target = to.join(entry.file_name());
        let kind = entry.file_type().map_err(fail(&path, "read the type of"))?;
        if kind.is_dir() {
            bytes += copy_dir(&path, &target, keep)?;
        } else if kind.is_file() {
            bytes += std::fs::copy(&path, &target).map_err(fail(&path, "copy"))?;
            std::fs::File::open(&target)
                .and_then(|f| f.sync_all())
                .map_err(fail(&target, "sync"))?;
        }
    }
    sync_dir(to).map_err(fail(to, "sync"))?;
    Ok(bytes)
}

/// The least free space with which a store whose writes failed is
/// reopened in place.
const REOPEN_SPACE: u64 = 1 << 20;

impl DiskStore {
    /// Runs `f` on sled (read-locked: it is not reopened meanwhile).
    fn with_db<T>(
        &self,
        f: impl FnOnce(&sled::Db) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let db = self.db.read().unwrap_or_else(|p| p.into_inner());
        let Some(db) = db.as_ref() else {
            return Err(StoreError::Io(
                "the store's key space could not be reopened after a failed write".into(),
            ));
        };
        #[cfg(test)]
        if self.faults.sled_fails.load(Ordering::SeqCst) {
            self.db_failed.store(true, Ordering::SeqCst);
            return Err(StoreError::Full("injected: sled failed".into()));
        }
        let result = f(db);
        if let Err(StoreError::Full(_) | StoreError::ReadOnly(_) | StoreError::Io(_)) = &result {
            self.db_failed.store(true, Ordering::SeqCst);
        }
        result
    }

    /// Before a read: reopens sled if it failed (see
    /// [`DiskStore::db_failed`]) and no commit is running (a commit reopens
    /// it itself). While the disk is still full or read-only this fails,
    /// cheaply, and the read reports sled's failure.
    fn recover(&self) {
        if !self.db_failed.load(Ordering::SeqCst) {
            return;
        }
        let mut writer = match self.writer.try_lock() {
            Ok(writer) => writer,
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
            Err(TryLockError::WouldBlock) => return,
        };
        if let Err(e) = self.finish_from_journal(&mut writer) {
            tracing::debug!(error = %e, "the store's key space cannot be reopened yet");
        }
    }

    /// The hash of the perfect subtree `level`, `index` that ends beyond
    /// the `covered` entries of the tile log: a commit the journal holds
    /// and the tile log lacks (its write failed; the next commit finishes
    /// it), whose entries wait in the overlay. Hashed from those entries
    /// and the tile log's nodes below them.
    fn node_beyond_tile_log(
        &self,
        level: u32,
        index: u64,
        covered: u64,
    ) -> Result<Hash, StoreError> {
        let start = index << level;
        if start + (1u64 << level) <= covered {
            return Ok(self.log().perfect(level, index)?);
        }
        if level == 0 {
            let leaf = self.audit_entries(index..index + 1)?.pop().ok_or_else(|| {
                StoreError::Audit(format!("entry {index} is neither in the log nor pending"))
            })?;
            return Ok(liaison_proto::merkle::leaf_hash(&leaf));
        }
        let left = self.node_beyond_tile_log(level - 1, index * 2, covered)?;
        let right = self.node_beyond_tile_log(level - 1, index * 2 + 1, covered)?;
        Ok(liaison_proto::merkle::node_hash(&left, &right))
    }

    /// The steps of a commit after its journal record: the audit entries
    /// into the tile log (synced before the journal is emptied: until then
    /// the journal holds this commit for it), the key writes into sled.
    fn finish(&self, record: &Record, end: u64) -> Result<(), StoreError> {
        #[cfg(test)]
        if self.faults.finish_fails.swap(false, Ordering::SeqCst) {
            return Err(StoreError::Full(
                "injected: the tile log's write failed".into(),
            ));
        }
        if let Some(head) = &record.head {
            let mut log = self.log.write().unwrap_or_else(|p| p.into_inner());
            log.append(&record.audit)?;
            log.commit_unsynced(head)?;
        }
        let audit_size = record.head.as_ref().map(|_| end);
        self.with_db(|db| apply_to_sled(db, &record.ops, record.seq, audit_size))?;
        lock(&self.overlay).settle(record.seq);
        Ok(())
    }

    /// Finishes, from the journal, the commits whose later steps failed,
    /// after sled or the tile log failed a write or sled a read: reopens
    /// the tile log (cutting what it holds beyond its last synced commit)
    /// and sled, and applies every journal record either lacks, as
    /// [`DiskStore::open`] does.
    fn finish_from_journal(&self, writer: &mut Writer) -> Result<(), StoreError> {
        let records = writer.journal.records()?;
        let options = crate::tlog::Options {
            unsynced_from: records.first().map(|r| r.audit_first),
            ..self.options.tlog
        };
        // Not on a disk still full or read-only: sled could not reopen,
        // and reads would fail meanwhile.
        let space = super::Space::of(&self.dir)?;
        if space.read_only {
            return Err(StoreError::ReadOnly(format!(
                "{} is still on a read-only disk",
                self.dir.display()
            )));
        }
        if space.available < REOPEN_SPACE {
            return Err(StoreError::Full(format!(
                "{} has {} KiB free, too little to reopen the store",
                self.dir.display(),
                space.available >> 10
            )));
        }
        let mut log = self.log.write().unwrap_or_else(|p| p.into_inner());
        let (reopened, _) = TileLog::open_with(&self.dir.join("audit"), options)?;
        *log = reopened;
        {
            let mut db = self.db.write().unwrap_or_else(|p| p.into_inner());
            drop(db.take());
            *db = Some(
                open_sled(&self.dir, self.options.cache_bytes).map_err(|reason| {
                    StoreError::Open {
                        path: self.dir.display().to_string(),
                        reason,
                    }
                })?,
            );
        }
        self.db_failed.store(false, Ordering::SeqCst);
        #[cfg(test)]
        self.faults.sled_fails.store(false, Ordering::SeqCst);
        let applied = self.with_db(|db| read_u64(db, APPLIED_KEY))?;
        let mut durable = writer.durable;
        for record in &records {
            restore_audit(&mut log, record)?;
            durable = durable.max(record.seq);
            if record.seq > applied {
                let audit_size = record
                    .head
                    .as_ref()
                    .map(|_| record.audit_first + record.audit.len() as u64);
                self.with_db(|db| apply_to_sled(db, &record.ops, record.seq, audit_size))?;
            }
        }
        drop(log);
        writer.durable = durable;
        lock(&self.overlay).settle(durable);
        writer.unfinished = false;
        tracing::info!(
            commits = records.len(),
            "the store reopened its files after a failed write (the disk had filled up) and \
             applied the commits its journal holds"
        );
        Ok(())
    }

    /// Empties the journal once it is large or old enough, after sled and
    /// the tile log are synced. A failure here loses nothing (the journal
    /// still holds every commit) and is tried again after the next commit.
    fn maintain(&self, writer: &mut Writer) {
        let full = writer.journal.len() >= self.options.journal_bytes
            || writer
                .journal
                .age()
                .is_some_and(|age| age >= self.options.journal_age);
        if !full {
            return;
        }
        let emptied = self.with_db(|db| db.flush().map_err(io)).and_then(|_| {
            self.log.write().unwrap_or_else(|p| p.into_inner()).sync()?;
            writer.journal.clear()
        });
        if let Err(e) = emptied {
            // sled, once it has failed a write, fails every one after:
            // the next commit reopens it and the tile log from the journal.
            tracing::warn!(error = %e, "the journal could not be emptied yet; it keeps every commit");
            writer.unfinished = true;
        }
    }
}
