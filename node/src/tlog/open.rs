//! Opening a log: creating a new one, or reading every segment from the
//! start, re-deriving the tree, checking it against every checkpoint and
//! every synced tile hash, and cutting a torn tail back to the last
//! checkpoint. The rules are in `docs/audit-storage.md` ("Recovery").

use std::fs::{self, File};
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use liaison_proto::merkle::{Frontier, Hash, leaf_hash};

use super::format::{
    self, CheckpointRecord, FORMAT_TEXT, HEADER_LEN, Kind, SEGMENT_HEADER_LEN, TILE_HEIGHT,
    TILE_WIDTH, VERSION,
};
use super::{Checkpoint, Options, Recovery, Segment, TileLevel, TileLog, TlogError};

/// Opens (or creates) the log in `dir`; see [`TileLog::open_with`].
pub(super) fn open(dir: &Path, options: Options) -> Result<(TileLog, Recovery), TlogError> {
    let mut recovery = Recovery::default();
    let format_path = dir.join("FORMAT");
    match fs::read(&format_path) {
        Ok(text) if text == FORMAT_TEXT.as_bytes() => {}
        Ok(_) => {
            return Err(TlogError::NotALog {
                path: dir.to_path_buf(),
                reason: format!("FORMAT does not say {FORMAT_TEXT:?}"),
            });
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            create(dir)?;
            recovery.created = true;
        }
        Err(e) => return Err(TlogError::io(&format_path, "read")(e)),
    }
    let segments_dir = dir.join("segments");
    let mut firsts = Vec::new();
    for name in list(&segments_dir)? {
        if let Some(first) = format::parse_segment_name(&name) {
            firsts.push(first);
        }
    }
    firsts.sort_unstable();
    if firsts.first() != Some(&0) {
        return Err(TlogError::Missing {
            path: format::segment_path(dir, 0),
            rule: "the first segment starts at entry 0 and is never removed".into(),
        });
    }
    let mut scan = Scan::new(dir, options.unsynced_from);
    let mut kept: Vec<(u64, Option<Vec<u8>>)> = Vec::new();
    let mut last_offsets = None;
    for (position, &first) in firsts.iter().enumerate() {
        let later = &firsts[position + 1..];
        let ended = scan.segment(first, position, later, &mut recovery)?;
        match ended {
            SegmentEnd::Sealed(offsets) => kept.push((first, Some(offsets))),
            SegmentEnd::Last { offsets, remove } => {
                kept.push((first, None));
                last_offsets = Some(offsets);
                for &gone in &later[..remove] {
                    remove_segment(dir, gone)?;
                    recovery.segments_removed += 1;
                }
                if remove > 0 {
                    format::sync_dir(&segments_dir)
                        .map_err(TlogError::io(&segments_dir, "sync the directory"))?;
                }
                break;
            }
        }
    }
    let (checkpoint, committed) = match scan.last.take() {
        Some(last) => (Some(last.record), last.frontier),
        None => (None, Frontier::new()),
    };
    let size = committed.size();
    let tiles_synced = checkpoint.as_ref().map_or(0, |c| c.tiles_synced);
    let tiles = scan.finish_tiles(size, tiles_synced, &mut recovery)?;
    // Open the kept segments, fixing each offset index from its scan.
    let mut segments = Vec::new();
    for (first, offsets) in kept {
        let offsets = match offsets {
            Some(offsets) => offsets,
            None => last_offsets.take().unwrap_or_default(),
        };
        segments.push(open_segment(dir, first, &offsets, &mut recovery)?);
    }
    // The last segment's committed length is where its scan was cut.
    if let Some(segment) = segments.last_mut() {
        segment.len = scan.cut_at;
        segment.count = size - segment.first;
    }
    let log = TileLog {
        dir: dir.to_path_buf(),
        options,
        segments,
        tiles,
        tiles_dir_dirty: false,
        tiles_synced,
        staged_frontier: committed.clone(),
        committed,
        last: checkpoint.map(|c| Checkpoint {
            size: c.size,
            root: c.root,
            body: c.body,
        }),
        staged: Vec::new(),
        staged_nodes: Vec::new(),
        poisoned: false,
        unsynced: false,
    };
    // The root from the tiles, as proofs will see them.
    if let Some(last) = &log.last {
        let from_tiles = log.root_at(size)?;
        if from_tiles != last.root {
            return Err(TlogError::damaged(
                &format::tile_path(dir, 0),
                0,
                "the root recomputed from the tiles does not match the last checkpoint",
            ));
        }
    }
    recovery.size = size;
    Ok((log, recovery))
}

/// Creates a new log in `dir`, which must be absent, empty, or what an
/// interrupted creation left (no entries, no tile hashes).
fn create(dir: &Path) -> Result<(), TlogError> {
    let not_a_log = |reason: String| TlogError::NotALog {
        path: dir.to_path_buf(),
        reason,
    };
    if dir.exists() {
        for name in list(dir)? {
            if name != "segments" && name != "tiles" {
                return Err(not_a_log(format!("it holds `{name}` but no FORMAT file")));
            }
        }
        for sub in ["segments", "tiles"] {
            let path = dir.join(sub);
            if !path.exists() {
                continue;
            }
            for name in list(&path)? {
                let file = path.join(&name);
                let len = fs::metadata(&file)
                    .map_err(TlogError::io(&file, "read the metadata of"))?
                    .len();
                if len > SEGMENT_HEADER_LEN || (sub == "tiles" && len > 0) {
                    return Err(not_a_log(format!(
                        "it holds {} but no FORMAT file",
                        file.display()
                    )));
                }
            }
        }
    }
    for sub in ["segments", "tiles"] {
        let path = dir.join(sub);
        fs::create_dir_all(&path).map_err(TlogError::io(&path, "create the directory"))?;
    }
    create_segment(dir, 0)?;
    for path in [dir.join("segments"), dir.join("tiles"), dir.to_path_buf()] {
        format::sync_dir(&path).map_err(TlogError::io(&path, "sync the directory"))?;
    }
    // FORMAT last: a directory without it never held a commit.
    let format_path = dir.join("FORMAT");
    let file = File::create(&format_path).map_err(TlogError::io(&format_path, "create"))?;
    format::write_at(&file, FORMAT_TEXT.as_bytes(), 0)
        .map_err(TlogError::io(&format_path, "write"))?;
    file.sync_all()
        .map_err(TlogError::io(&format_path, "sync"))?;
    format::sync_dir(dir).map_err(TlogError::io(dir, "sync the directory"))?;
    Ok(())
}

/// Creates (or empties) the segment starting at `first`, with its header
/// record synced, and an empty offset index. The caller syncs the
/// directory.
pub(super) fn create_segment(dir: &Path, first: u64) -> Result<Segment, TlogError> {
    let log_path = format::segment_path(dir, first);
    let idx_path = format::index_path(dir, first);
    let log = read_write(&log_path, true)?;
    let header = format::segment_header(first);
    format::write_at(&log, &header, 0).map_err(TlogError::io(&log_path, "write"))?;
    log.sync_data().map_err(TlogError::io(&log_path, "sync"))?;
    let idx = read_write(&idx_path, true)?;
    Ok(Segment {
        first,
        log,
        log_path,
        idx,
        idx_path,
        len: header.len() as u64,
        count: 0,
    })
}

fn read_write(path: &Path, truncate: bool) -> Result<File, TlogError> {
    File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(truncate)
        .open(path)
        .map_err(TlogError::io(path, "open"))
}

/// Opens a kept segment and makes its offset index say `offsets`.
fn open_segment(
    dir: &Path,
    first: u64,
    offsets: &[u8],
    recovery: &mut Recovery,
) -> Result<Segment, TlogError> {
    let log_path = format::segment_path(dir, first);
    let idx_path = format::index_path(dir, first);
    let log = File::options()
        .read(true)
        .write(true)
        .open(&log_path)
        .map_err(TlogError::io(&log_path, "open"))?;
    let len = log
        .metadata()
        .map_err(TlogError::io(&log_path, "read the metadata of"))?
        .len();
    let idx = read_write(&idx_path, false)?;
    let mut stored = Vec::new();
    (&idx)
        .read_to_end(&mut stored)
        .map_err(TlogError::io(&idx_path, "read"))?;
    if stored != offsets {
        format::write_at(&idx, offsets, 0).map_err(TlogError::io(&idx_path, "write"))?;
        idx.set_len(offsets.len() as u64)
            .map_err(TlogError::io(&idx_path, "truncate"))?;
        idx.sync_data().map_err(TlogError::io(&idx_path, "sync"))?;
        recovery.indexes_rewritten += 1;
    }
    Ok(Segment {
        first,
        log,
        log_path,
        idx,
        idx_path,
        len,
        count: (offsets.len() / 8) as u64,
    })
}

fn remove_segment(dir: &Path, first: u64) -> Result<(), TlogError> {
    for path in [
        format::segment_path(dir, first),
        format::index_path(dir, first),
    ] {
        match fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(TlogError::io(&path, "remove")(e)),
        }
    }
    Ok(())
}

/// The names in a directory.
fn list(dir: &Path) -> Result<Vec<String>, TlogError> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir).map_err(TlogError::io(dir, "list"))? {
        let entry = entry.map_err(TlogError::io(dir, "list"))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    Ok(names)
}

/// How a segment's scan ended.
#[derive(Debug)]
enum SegmentEnd {
    /// Complete and sealed; its offsets (8 bytes per entry).
    Sealed(Vec<u8>),
    /// The log's last segment (cut back to its last checkpoint), and how
    /// many of the later segments are leftovers of an interrupted roll.
    Last { offsets: Vec<u8>, remove: usize },
}

/// The state at a checkpoint, to go back to if what follows is torn.
#[derive(Debug)]
struct AtCheckpoint {
    record: CheckpointRecord,
    frontier: Frontier,
    /// Which segment (position) and where its record ends.
    segment: usize,
    end: u64,
    /// Bytes of that segment's offsets at that point.
    offsets_len: usize,
}

/// One record read from a segment.
#[derive(Debug)]
enum Next {
    Record {
        kind: Kind,
        offset: u64,
        payload: Vec<u8>,
    },
    End,
    Invalid {
        offset: u64,
        rule: &'static str,
    },
}

/// Reads records one after another.
#[derive(Debug)]
struct Records {
    reader: BufReader<File>,
    offset: u64,
    len: u64,
}

impl Records {
    fn next(&mut self) -> io::Result<Next> {
        let offset = self.offset;
        if offset == self.len {
            return Ok(Next::End);
        }
        let mut header = [0u8; HEADER_LEN];
        let got = format::read_up_to(&mut self.reader, &mut header)?;
        if got < HEADER_LEN {
            return Ok(Next::Invalid {
                offset,
                rule: "the file ends inside a record header",
            });
        }
        let room = self.len - offset - HEADER_LEN as u64;
        let header = match format::parse_header(&header, room) {
            Ok(h) => h,
            Err(rule) => return Ok(Next::Invalid { offset, rule }),
        };
        let mut payload = vec![0u8; header.len];
        self.reader.read_exact(&mut payload)?;
        if !format::checksum_ok(&header, &payload) {
            return Ok(Next::Invalid {
                offset,
                rule: "the record's checksum does not match",
            });
        }
        self.offset = offset + (HEADER_LEN + header.len) as u64;
        Ok(Next::Record {
            kind: header.kind,
            offset,
            payload,
        })
    }
}

/// The kinds of the valid records found after `from` (a damaged record) by
/// searching for the magic bytes, skipping over every record found.
fn valid_records_after(
    path: &Path,
    file: &File,
    from: u64,
    len: u64,
) -> Result<Vec<Kind>, TlogError> {
    let mut rest = vec![0u8; (len - from) as usize];
    format::read_at(file, &mut rest, from).map_err(TlogError::io(path, "read"))?;
    let mut found = Vec::new();
    let mut pos = 1;
    while pos + HEADER_LEN <= rest.len() {
        if rest[pos..pos + 2] == format::MAGIC {
            let mut header = [0u8; HEADER_LEN];
            header.copy_from_slice(&rest[pos..pos + HEADER_LEN]);
            let room = (rest.len() - pos - HEADER_LEN) as u64;
            if let Ok(h) = format::parse_header(&header, room) {
                let body = &rest[pos + HEADER_LEN..pos + HEADER_LEN + h.len];
                if format::checksum_ok(&h, body) {
                    found.push(h.kind);
                    pos += HEADER_LEN + h.len;
                    continue;
                }
            }
        }
        pos += 1;
    }
    Ok(found)
}

/// One tile level being checked against the hashes the scan derives.
#[derive(Debug)]
struct TileCheck {
    path: PathBuf,
    reader: Option<BufReader<File>>,
    /// Hashes in the file.
    stored: u64,
    /// Index of the next derived hash.
    next: u64,
    /// The first index where the file is missing or differs.
    divergence: Option<u64>,
    /// Derived hashes from `divergence` on.
    derived: Vec<Hash>,
}

/// The scan of every segment, in order.
#[derive(Debug)]
struct Scan {
    dir: PathBuf,
    frontier: Frontier,
    tiles: Vec<TileCheck>,
    last: Option<AtCheckpoint>,
    /// Where the last segment was cut.
    cut_at: u64,
    /// [`Options::unsynced_from`].
    unsynced_from: Option<u64>,
}

impl Scan {
    fn new(dir: &Path, unsynced_from: Option<u64>) -> Scan {
        Scan {
            dir: dir.to_path_buf(),
            frontier: Frontier::new(),
            tiles: Vec::new(),
            last: None,
            cut_at: SEGMENT_HEADER_LEN,
            unsynced_from,
        }
    }

    /// Whether everything after the last checkpoint read may be commits
    /// that were never synced (see [`Options::unsynced_from`]).
    fn past_synced(&self) -> bool {
        let size = self.last.as_ref().map_or(0, |l| l.record.size);
        self.unsynced_from.is_some_and(|from| size >= from)
    }

    fn synced(&self) -> u64 {
        self.last.as_ref().map_or(0, |l| l.record.tiles_synced)
    }

    /// Reads segment `first` (at `position` in the listing; `later` are the
    /// segments after it).
    fn segment(
        &mut self,
        first: u64,
        position: usize,
        later: &[u64],
        recovery: &mut Recovery,
    ) -> Result<SegmentEnd, TlogError> {
        let path = format::segment_path(&self.dir, first);
        let file = File::open(&path).map_err(TlogError::io(&path, "open"))?;
        let len = file
            .metadata()
            .map_err(TlogError::io(&path, "read the metadata of"))?
            .len();
        if first != self.frontier.size() {
            let expected = format::segment_path(&self.dir, self.frontier.size());
            return Err(if first > self.frontier.size() {
                TlogError::Missing {
                    path: expected,
                    rule: format!(
                        "segments are contiguous; the next one found starts at entry {first}"
                    ),
                }
            } else {
                TlogError::damaged(
                    &path,
                    0,
                    format!(
                        "the segment starts at entry {first} but the log before it ends at {}",
                        self.frontier.size()
                    ),
                )
            });
        }
        // Later segments are leftovers of an interrupted roll if none holds
        // more than its header.
        let dir = self.dir.clone();
        let leftovers = || -> Result<bool, TlogError> {
            for &l in later {
                let p = format::segment_path(&dir, l);
                let n = fs::metadata(&p)
                    .map_err(TlogError::io(&p, "read the metadata of"))?
                    .len();
                if n > SEGMENT_HEADER_LEN {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let mut records = Records {
            reader: BufReader::with_capacity(
                1 << 20,
                file.try_clone().map_err(TlogError::io(&path, "open"))?,
            ),
            offset: 0,
            len,
        };
        let read = |r: &mut Records| r.next().map_err(TlogError::io(&path, "read"));
        // The header.
        match read(&mut records)? {
            Next::Record {
                kind: Kind::Segment,
                payload,
                ..
            } if payload.len() == 12
                && payload[0..4] == VERSION.to_le_bytes()
                && format::u64_at(&payload, 4) == Some(first) => {}
            Next::Record { .. } => {
                return Err(TlogError::damaged(
                    &path,
                    0,
                    format!(
                        "a segment starts with a version {VERSION} header naming entry {first}"
                    ),
                ));
            }
            // Segment 0 is durable before FORMAT is written, a successor
            // before its predecessor is sealed (an unsealed predecessor's
            // leftovers are removed without being read).
            Next::End | Next::Invalid { .. } => {
                return Err(TlogError::damaged(
                    &path,
                    0,
                    "the segment header is missing or damaged, but it was durable before anything after it",
                ));
            }
        }
        let mut offsets: Vec<u8> = Vec::new();
        let position_end = loop {
            match read(&mut records)? {
                Next::Record {
                    kind: Kind::Entry,
                    offset,
                    payload,
                } => {
                    let index = self.frontier.size();
                    if format::u64_at(&payload, 0) != Some(index) {
                        return Err(TlogError::damaged(
                            &path,
                            offset,
                            format!("entries are in order; expected entry {index}"),
                        ));
                    }
                    offsets.extend_from_slice(&offset.to_le_bytes());
                    for (level, at, hash) in self.frontier.push(leaf_hash(&payload[8..])) {
                        if level % TILE_HEIGHT == 0 {
                            self.derived((level / TILE_HEIGHT) as usize, at, hash)?;
                        }
                    }
                }
                Next::Record {
                    kind: Kind::Checkpoint,
                    offset,
                    payload,
                } => {
                    let record = CheckpointRecord::decode(&payload).ok_or_else(|| {
                        TlogError::damaged(
                            &path,
                            offset,
                            "a checkpoint record holds at least 48 bytes",
                        )
                    })?;
                    let size = self.frontier.size();
                    if record.size != size {
                        return Err(TlogError::damaged(
                            &path,
                            offset,
                            format!(
                                "a checkpoint covers the {size} entries before it, this one says {}",
                                record.size
                            ),
                        ));
                    }
                    if record.root != self.frontier.root() {
                        return Err(TlogError::damaged(
                            &path,
                            offset,
                            "the checkpoint's root does not match the entries before it",
                        ));
                    }
                    if record.tiles_synced > size || record.tiles_synced < self.synced() {
                        return Err(TlogError::damaged(
                            &path,
                            offset,
                            "the tiles-synced watermark only grows and never passes the size",
                        ));
                    }
                    self.last = Some(AtCheckpoint {
                        record,
                        frontier: self.frontier.clone(),
                        segment: position,
                        end: records.offset,
                        offsets_len: offsets.len(),
                    });
                    self.check_synced_tiles()?;
                }
                Next::Record {
                    kind: Kind::Seal,
                    offset,
                    payload,
                } => {
                    let at_checkpoint = self
                        .last
                        .as_ref()
                        .is_some_and(|l| l.segment == position && l.end == offset);
                    if format::u64_at(&payload, 0) != Some(self.frontier.size()) || !at_checkpoint {
                        return Err(TlogError::damaged(
                            &path,
                            offset,
                            "a seal follows a checkpoint and names the next entry",
                        ));
                    }
                    if !matches!(read(&mut records)?, Next::End) {
                        return Err(TlogError::damaged(
                            &path,
                            records.offset,
                            "nothing follows a seal",
                        ));
                    }
                    if later.is_empty() {
                        return Err(TlogError::Missing {
                            path: format::segment_path(&self.dir, self.frontier.size()),
                            rule: format!(
                                "{} is sealed, so its successor was made durable before",
                                path.display()
                            ),
                        });
                    }
                    return Ok(SegmentEnd::Sealed(offsets));
                }
                Next::Record {
                    kind: Kind::Segment,
                    offset,
                    ..
                } => {
                    return Err(TlogError::damaged(
                        &path,
                        offset,
                        "a segment header comes only first",
                    ));
                }
                Next::End => break None,
                Next::Invalid { offset, rule } => break Some((offset, rule)),
            }
        };
        // The end of the log: not sealed. Later segments may only be
        // leftovers of an interrupted roll.
        let tail_start = match &self.last {
            Some(l) if l.segment == position => l.end,
            _ => SEGMENT_HEADER_LEN,
        };
        if let Some((offset, rule)) = position_end {
            if !leftovers()? {
                return Err(TlogError::damaged(&path, offset, rule));
            }
            let after = valid_records_after(&path, &file, offset, len)?;
            let checkpoints = after.iter().filter(|k| **k == Kind::Checkpoint).count();
            let last_is_checkpoint = after.last() == Some(&Kind::Checkpoint);
            let later_commit = checkpoints > 1
                || (checkpoints == 1 && !last_is_checkpoint)
                || after
                    .iter()
                    .any(|k| matches!(k, Kind::Seal | Kind::Segment));
            if later_commit && !self.past_synced() {
                return Err(TlogError::damaged(
                    &path,
                    offset,
                    format!("{rule}, and a later commit follows it"),
                ));
            }
            if later_commit {
                recovery.unsynced_commits_cut = checkpoints as u64;
            } else {
                recovery.checkpoint_dropped = checkpoints == 1;
            }
        } else if !later.is_empty() && !leftovers()? {
            return Err(TlogError::damaged(
                &path,
                len,
                "a segment followed by others ends with a seal",
            ));
        }
        // Cut back to the last checkpoint.
        let kept_offsets = match &self.last {
            Some(l) if l.segment == position => l.offsets_len,
            _ => 0,
        };
        recovery.entries_cut = ((offsets.len() - kept_offsets) / 8) as u64;
        offsets.truncate(kept_offsets);
        if len > tail_start {
            let cut = File::options()
                .write(true)
                .open(&path)
                .map_err(TlogError::io(&path, "open"))?;
            cut.set_len(tail_start)
                .map_err(TlogError::io(&path, "truncate"))?;
            cut.sync_data().map_err(TlogError::io(&path, "sync"))?;
            recovery.bytes_cut = len - tail_start;
        }
        self.cut_at = tail_start;
        Ok(SegmentEnd::Last {
            offsets,
            remove: later.len(),
        })
    }

    /// A hash of tile level `level` derived from the entries.
    fn derived(&mut self, level: usize, index: u64, hash: Hash) -> Result<(), TlogError> {
        while self.tiles.len() <= level {
            let path = format::tile_path(&self.dir, self.tiles.len() as u32);
            let (reader, stored) = match File::open(&path) {
                Ok(file) => {
                    let len = file
                        .metadata()
                        .map_err(TlogError::io(&path, "read the metadata of"))?
                        .len();
                    (Some(BufReader::with_capacity(1 << 16, file)), len / 32)
                }
                Err(e) if e.kind() == io::ErrorKind::NotFound => (None, 0),
                Err(e) => return Err(TlogError::io(&path, "open")(e)),
            };
            self.tiles.push(TileCheck {
                path,
                reader,
                stored,
                next: 0,
                divergence: None,
                derived: Vec::new(),
            });
        }
        let synced = self.synced() >> (level as u32 * TILE_HEIGHT);
        let tile = &mut self.tiles[level];
        debug_assert_eq!(index, tile.next);
        tile.next += 1;
        if tile.divergence.is_some() {
            tile.derived.push(hash);
            return Ok(());
        }
        if index < tile.stored
            && let Some(reader) = &mut tile.reader
        {
            let mut stored = [0u8; 32];
            reader
                .read_exact(&mut stored)
                .map_err(TlogError::io(&tile.path, "read"))?;
            if stored == hash {
                return Ok(());
            }
        }
        tile.divergence = Some(index);
        tile.derived.push(hash);
        if index < synced {
            return Err(divergence_error(tile, index));
        }
        Ok(())
    }

    /// Fails if a tile differs below the watermark just raised.
    fn check_synced_tiles(&self) -> Result<(), TlogError> {
        for (level, tile) in self.tiles.iter().enumerate() {
            let synced = self.synced() >> (level as u32 * TILE_HEIGHT);
            if let Some(d) = tile.divergence
                && d < synced
            {
                return Err(divergence_error(tile, d));
            }
        }
        Ok(())
    }

    /// Brings every tile file to exactly the hashes of the committed size:
    /// rewrites unsynced ones that are missing or stale, cuts extra ones,
    /// removes files of levels the tree does not reach; returns the levels.
    fn finish_tiles(
        &mut self,
        size: u64,
        synced: u64,
        recovery: &mut Recovery,
    ) -> Result<Vec<TileLevel>, TlogError> {
        let tiles_dir = self.dir.join("tiles");
        let mut levels = Vec::new();
        for level in 0u32.. {
            let expected = size >> (level * TILE_HEIGHT);
            let path = format::tile_path(&self.dir, level);
            if expected == 0 {
                break;
            }
            let check = self.tiles.get(level as usize);
            let stored = check.map_or(0, |c| c.stored);
            let divergence = check.and_then(|c| c.divergence).unwrap_or(stored);
            if divergence < synced >> (level * TILE_HEIGHT)
                && let Some(check) = check
            {
                return Err(divergence_error(check, divergence));
            }
            let file = read_write(&path, false)?;
            if divergence < expected {
                let derived = check.map_or(&[][..], |c| &c.derived[..]);
                let needed = (expected - divergence) as usize;
                let mut bytes = Vec::with_capacity(needed * 32);
                for hash in derived.iter().take(needed) {
                    bytes.extend_from_slice(hash);
                }
                format::write_at(&file, &bytes, divergence * 32)
                    .map_err(TlogError::io(&path, "write tile hashes"))?;
                recovery.tile_hashes_rewritten += needed as u64;
            }
            let len = file
                .metadata()
                .map_err(TlogError::io(&path, "read the metadata of"))?
                .len();
            if len != expected * 32 {
                recovery.tile_hashes_cut += (len / 32).saturating_sub(expected);
                file.set_len(expected * 32)
                    .map_err(TlogError::io(&path, "truncate"))?;
            }
            levels.push(TileLevel { file, path });
        }
        // Files of levels beyond the tree: unsynced leftovers.
        for name in list(&tiles_dir)? {
            let Ok(level) = name.parse::<u32>() else {
                continue;
            };
            if (level as usize) < levels.len() {
                continue;
            }
            let path = tiles_dir.join(&name);
            let len = fs::metadata(&path)
                .map_err(TlogError::io(&path, "read the metadata of"))?
                .len();
            recovery.tile_hashes_cut += len / 32;
            fs::remove_file(&path).map_err(TlogError::io(&path, "remove"))?;
        }
        Ok(levels)
    }
}

fn divergence_error(tile: &TileCheck, index: u64) -> TlogError {
    let rule = if index < tile.stored {
        format!(
            "hash {} of tile {} does not match the entries (synced, so it must)",
            index % TILE_WIDTH,
            index / TILE_WIDTH
        )
    } else {
        format!(
            "the file ends at hash {}, before the synced tiles end (tile {} is missing)",
            tile.stored,
            index / TILE_WIDTH
        )
    };
    if tile.reader.is_none() {
        return TlogError::Missing {
            path: tile.path.clone(),
            rule: format!("tile {} was synced by a checkpoint", index / TILE_WIDTH),
        };
    }
    TlogError::damaged(&tile.path, index * 32, rule)
}
