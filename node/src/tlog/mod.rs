//! An append-only audit log in plain files: entries in checksummed segment
//! files, the Merkle tree in tiles as in C2SP tlog-tiles, and a checkpoint
//! (the caller's signed tree head with its size and root) ending every
//! commit. The node's audit log, behind [`crate::store::DiskStore`], which
//! puts a write-ahead journal in front of it.
//!
//! The on-disk format and the recovery rules are specified in
//! `docs/audit-storage.md`. In short:
//!
//! - [`TileLog::append`] only buffers: it hashes the entries into an
//!   in-memory frontier. [`TileLog::staged_size`] and
//!   [`TileLog::staged_root`] are what the caller signs.
//! - [`TileLog::commit`] writes the new tile hashes and segment offsets
//!   (not synced), then the entries and a checkpoint record in **one**
//!   write to the segment file and **one** `fdatasync` of it: that fsync is
//!   the commit. Tiles and offsets are synced every
//!   [`Options::tile_sync_entries`] entries, *before* the segment write of
//!   the commit whose checkpoint records that watermark.
//!   [`TileLog::commit_unsynced`] leaves out that `fdatasync`, for a caller
//!   whose own journal holds the commit until [`TileLog::sync`].
//! - [`TileLog::open`] re-derives the whole tree from the entries, checks
//!   every checkpoint and every synced tile hash against it, cuts a torn
//!   tail back to the last checkpoint (and damage after
//!   [`Options::unsynced_from`]) and refuses to open on damage inside
//!   committed history, naming the file, offset and rule.

mod format;
mod open;

#[cfg(test)]
mod tests;

use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};

use liaison_proto::merkle::{self, Frontier, Hash, leaf_hash, node_hash};

use format::{CheckpointRecord, HEADER_LEN, Kind, MAX_PAYLOAD, TILE_HEIGHT};

/// Why the log cannot do what was asked. Every variant about the files
/// names the file; damage also names the byte offset and the rule broken.
#[derive(Debug, thiserror::Error)]
pub enum TlogError {
    #[error("{path}: cannot {doing}: {source}")]
    Io {
        path: PathBuf,
        doing: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} at byte {offset}: {rule}")]
    Damaged {
        path: PathBuf,
        offset: u64,
        rule: String,
    },
    #[error("{path} is missing: {rule}")]
    Missing { path: PathBuf, rule: String },
    #[error("{path} is not a tile log directory: {reason}")]
    NotALog { path: PathBuf, reason: String },
    #[error("entry {index} is not in the committed log of {size} entries")]
    NoSuchEntry { index: u64, size: u64 },
    #[error("no proof between sizes {first} and {second} in a log of {size} committed entries")]
    BadProofSizes { first: u64, second: u64, size: u64 },
    #[error("an entry of {len} bytes is larger than the {max}-byte limit")]
    EntryTooLarge { len: usize, max: usize },
    #[error("a checkpoint of {len} bytes is larger than the {max}-byte limit")]
    CheckpointTooLarge { len: usize, max: usize },
    #[error("an earlier write or sync failed; reopen the log to recover")]
    Poisoned,
}

impl TlogError {
    fn io<'a>(
        path: &'a Path,
        doing: &'static str,
    ) -> impl FnOnce(std::io::Error) -> TlogError + 'a {
        move |source| TlogError::Io {
            path: path.to_path_buf(),
            doing,
            source,
        }
    }

    fn damaged(path: &Path, offset: u64, rule: impl Into<String>) -> TlogError {
        TlogError::Damaged {
            path: path.to_path_buf(),
            offset,
            rule: rule.into(),
        }
    }
}

/// Tunables; the defaults suit a node, tests shrink them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// A commit that starts with the current segment at least this long
    /// opens a new segment.
    pub segment_bytes: u64,
    /// Tiles and segment offset indexes are fsynced once this many entries
    /// have been committed since they last were.
    pub tile_sync_entries: u64,
    /// Commits after this size may have been made with
    /// [`TileLog::commit_unsynced`] and never synced, because the caller
    /// holds them in a journal of its own: at open, damage after a
    /// checkpoint of at least this size is a lost unsynced tail and is cut
    /// back to that checkpoint, not refused. `None`: every commit was
    /// synced, and damage before the last checkpoint is refused.
    pub unsynced_from: Option<u64>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            segment_bytes: 256 << 20,
            tile_sync_entries: 1 << 16,
            unsynced_from: None,
        }
    }
}

/// What [`TileLog::open`] found and did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Recovery {
    /// The committed size the log opened at (the last checkpoint's).
    pub size: u64,
    /// Whether the directory was empty and a new log was created.
    pub created: bool,
    /// Complete entry records found after the last checkpoint and removed.
    pub entries_cut: u64,
    /// Segment bytes removed after the last checkpoint (torn records,
    /// entries without a checkpoint, garbage).
    pub bytes_cut: u64,
    /// A checkpoint record was found after a damaged record of the final
    /// commit and dropped with it: that commit's fsync never returned, or
    /// (indistinguishably) its bytes decayed afterwards. Compare with the
    /// tree heads peers have witnessed if this is set.
    pub checkpoint_dropped: bool,
    /// Segment files removed: a successor created by a segment roll that
    /// never committed anything.
    pub segments_removed: u64,
    /// Tile hashes beyond the synced watermark that were missing or stale
    /// and were rewritten from the entries.
    pub tile_hashes_rewritten: u64,
    /// Tile hashes beyond the committed size that were removed.
    pub tile_hashes_cut: u64,
    /// Segment index files rewritten because they did not match their
    /// segment (they are derived from it).
    pub indexes_rewritten: u64,
    /// Later commits found after damage past [`Options::unsynced_from`]
    /// and cut with it: commits that were never synced and that the
    /// caller's journal must supply again.
    pub unsynced_commits_cut: u64,
}

/// The last durable commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub size: u64,
    pub root: Hash,
    /// The caller's bytes, as given to [`TileLog::commit`].
    pub body: Vec<u8>,
}

/// One segment file and its offset index.
#[derive(Debug)]
struct Segment {
    /// Index of its first entry, also its file name.
    first: u64,
    log: File,
    log_path: PathBuf,
    /// One little-endian u64 per entry: the offset of its record in `log`.
    idx: File,
    idx_path: PathBuf,
    /// Committed bytes of `log`.
    len: u64,
    /// Committed entries in it.
    count: u64,
}

/// One tile level file.
#[derive(Debug)]
struct TileLevel {
    file: File,
    path: PathBuf,
}

/// An open log. One writer (`&mut self`); reads take `&self`.
#[derive(Debug)]
pub struct TileLog {
    dir: PathBuf,
    options: Options,
    /// Every segment, oldest first; the last one takes the commits.
    segments: Vec<Segment>,
    /// `tiles[L]` holds Merkle level `8 * L`.
    tiles: Vec<TileLevel>,
    /// A tile file was created since the last sync: sync `tiles/` too.
    tiles_dir_dirty: bool,
    /// Tiles and indexes are durable for every size up to this one.
    tiles_synced: u64,
    /// The tree of the committed entries.
    committed: Frontier,
    last: Option<Checkpoint>,
    /// Appended entries waiting for [`TileLog::commit`].
    staged: Vec<Vec<u8>>,
    /// The tree with the staged entries.
    staged_frontier: Frontier,
    /// Per tile level, the hashes the staged entries complete.
    staged_nodes: Vec<Vec<Hash>>,
    /// A write or sync failed: the files may hold a partial commit and the
    /// page cache cannot be trusted; only reopening recovers.
    poisoned: bool,
    /// A commit was written with [`TileLog::commit_unsynced`] since the
    /// last sync.
    unsynced: bool,
}

impl TileLog {
    /// Opens the log in `dir` (creating it if `dir` is absent or empty) with
    /// the default [`Options`], verifying everything; see
    /// [`TileLog::open_with`].
    pub fn open(dir: &Path) -> Result<(TileLog, Recovery), TlogError> {
        TileLog::open_with(dir, Options::default())
    }

    /// Opens or creates the log in `dir`. Re-derives the tree from every
    /// entry, checks each checkpoint's size and root and each synced tile
    /// hash, rewrites unsynced tiles and indexes from the entries, and cuts
    /// anything after the last checkpoint. Damage before the last
    /// checkpoint is an error and nothing is changed.
    pub fn open_with(dir: &Path, options: Options) -> Result<(TileLog, Recovery), TlogError> {
        open::open(dir, options)
    }

    /// The directory the log lives in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Entries covered by the last durable checkpoint.
    pub fn size(&self) -> u64 {
        self.committed.size()
    }

    /// The root of the committed tree.
    pub fn root(&self) -> Hash {
        self.committed.root()
    }

    /// The size once the staged entries are committed.
    pub fn staged_size(&self) -> u64 {
        self.staged_frontier.size()
    }

    /// The root once the staged entries are committed: what the caller
    /// signs before [`TileLog::commit`].
    pub fn staged_root(&self) -> Hash {
        self.staged_frontier.root()
    }

    /// The last durable checkpoint (`None` before the first commit).
    pub fn last_checkpoint(&self) -> Option<&Checkpoint> {
        self.last.as_ref()
    }

    /// Buffers `entries` as the next leaves and returns the index of the
    /// first. Nothing is written until [`TileLog::commit`].
    pub fn append(&mut self, entries: &[Vec<u8>]) -> Result<u64, TlogError> {
        if self.poisoned {
            return Err(TlogError::Poisoned);
        }
        if let Some(e) = entries.iter().find(|e| e.len() > MAX_PAYLOAD - 8) {
            return Err(TlogError::EntryTooLarge {
                len: e.len(),
                max: MAX_PAYLOAD - 8,
            });
        }
        let first = self.staged_frontier.size();
        for entry in entries {
            for (level, index, hash) in self.staged_frontier.push(leaf_hash(entry)) {
                if level % TILE_HEIGHT == 0 {
                    let tile_level = (level / TILE_HEIGHT) as usize;
                    if self.staged_nodes.len() <= tile_level {
                        self.staged_nodes.resize(tile_level + 1, Vec::new());
                    }
                    debug_assert_eq!(
                        index,
                        (self.committed.size() >> level)
                            + self.staged_nodes[tile_level].len() as u64
                    );
                    self.staged_nodes[tile_level].push(hash);
                }
            }
            self.staged.push(entry.clone());
        }
        Ok(first)
    }

    /// Drops the staged entries, as if they had never been appended.
    pub fn discard_staged(&mut self) {
        self.staged.clear();
        self.staged_nodes.clear();
        self.staged_frontier = self.committed.clone();
    }

    /// Makes the staged entries durable with `checkpoint` (opaque bytes,
    /// typically the signed tree head of [`TileLog::staged_size`] and
    /// [`TileLog::staged_root`]) and returns the new size. Committing with
    /// nothing staged records a new checkpoint for the same size.
    ///
    /// The entries are durable, and may be acknowledged, once this returns
    /// `Ok`. On `Err` the log is poisoned: the commit may or may not have
    /// reached the disk, and reopening decides (it never keeps half of it).
    pub fn commit(&mut self, checkpoint: &[u8]) -> Result<u64, TlogError> {
        self.commit_unsynced(checkpoint)?;
        self.sync()?;
        Ok(self.size())
    }

    /// Writes a commit like [`TileLog::commit`] but without its
    /// `fdatasync`: the commit is visible to readers at once and durable
    /// only after the next [`TileLog::sync`] (or commit). For a caller that
    /// has made the same entries and checkpoint durable in its own journal
    /// first, and opens the log with [`Options::unsynced_from`] set to the
    /// size this journal starts at.
    pub fn commit_unsynced(&mut self, checkpoint: &[u8]) -> Result<u64, TlogError> {
        if self.poisoned {
            return Err(TlogError::Poisoned);
        }
        if checkpoint.len() > MAX_PAYLOAD - 48 {
            return Err(TlogError::CheckpointTooLarge {
                len: checkpoint.len(),
                max: MAX_PAYLOAD - 48,
            });
        }
        self.poisoned = true;
        self.write_commit(checkpoint)?;
        self.poisoned = false;
        Ok(self.size())
    }

    fn write_commit(&mut self, checkpoint: &[u8]) -> Result<(), TlogError> {
        let before = self.committed.size();
        let size = self.staged_frontier.size();
        let root = self.staged_frontier.root();
        let roll = self
            .segments
            .last()
            .is_some_and(|s| s.len >= self.options.segment_bytes && s.count > 0);
        if roll {
            self.roll_segment(before)?;
        }
        // Tile hashes and offsets first: they are beyond the synced
        // watermark, so a crash may leave them in any state.
        for (level, nodes) in self.staged_nodes.iter().enumerate() {
            if nodes.is_empty() {
                continue;
            }
            if self.tiles.len() <= level {
                let path = format::tile_path(&self.dir, level as u32);
                let file = File::options()
                    .read(true)
                    .write(true)
                    .create(true)
                    .truncate(false)
                    .open(&path)
                    .map_err(TlogError::io(&path, "create the tile file"))?;
                self.tiles.push(TileLevel { file, path });
                self.tiles_dir_dirty = true;
            }
            let tile = &self.tiles[level];
            let mut bytes = Vec::with_capacity(nodes.len() * 32);
            for node in nodes {
                bytes.extend_from_slice(node);
            }
            let at = (before >> (level as u32 * TILE_HEIGHT)) * 32;
            format::write_at(&tile.file, &bytes, at)
                .map_err(TlogError::io(&tile.path, "write tile hashes"))?;
        }
        let segment = self.segments.last().ok_or_else(|| TlogError::Missing {
            path: self.dir.join("segments"),
            rule: "an open log has at least one segment".into(),
        })?;
        let mut records = Vec::new();
        let mut offsets = Vec::with_capacity(self.staged.len() * 8);
        for (i, entry) in self.staged.iter().enumerate() {
            offsets.extend_from_slice(&(segment.len + records.len() as u64).to_le_bytes());
            let index = before + i as u64;
            format::encode(Kind::Entry, &[&index.to_le_bytes(), entry], &mut records);
        }
        format::write_at(&segment.idx, &offsets, segment.count * 8)
            .map_err(TlogError::io(&segment.idx_path, "write the offset index"))?;
        let mut tiles_synced = self.tiles_synced;
        if size - self.tiles_synced >= self.options.tile_sync_entries {
            for tile in &self.tiles {
                tile.file
                    .sync_data()
                    .map_err(TlogError::io(&tile.path, "sync the tile file"))?;
            }
            segment
                .idx
                .sync_data()
                .map_err(TlogError::io(&segment.idx_path, "sync the offset index"))?;
            if self.tiles_dir_dirty {
                let tiles_dir = self.dir.join("tiles");
                format::sync_dir(&tiles_dir)
                    .map_err(TlogError::io(&tiles_dir, "sync the directory"))?;
                self.tiles_dir_dirty = false;
            }
            tiles_synced = size;
        }
        CheckpointRecord {
            size,
            root,
            tiles_synced,
            body: checkpoint.to_vec(),
        }
        .encode(&mut records);
        // The commit: one write of the segment file (and one fdatasync in
        // `sync`).
        format::write_at(&segment.log, &records, segment.len)
            .map_err(TlogError::io(&segment.log_path, "append to the segment"))?;
        self.unsynced = true;
        let segment = self.segments.last_mut().ok_or(TlogError::Poisoned)?;
        segment.len += records.len() as u64;
        segment.count += self.staged.len() as u64;
        self.tiles_synced = tiles_synced;
        self.committed = self.staged_frontier.clone();
        self.staged.clear();
        self.staged_nodes.clear();
        self.last = Some(Checkpoint {
            size,
            root,
            body: checkpoint.to_vec(),
        });
        Ok(())
    }

    /// Makes every commit written so far durable: one `fdatasync` of the
    /// segment file, if a commit was written since the last one.
    pub fn sync(&mut self) -> Result<(), TlogError> {
        if self.poisoned {
            return Err(TlogError::Poisoned);
        }
        if !self.unsynced {
            return Ok(());
        }
        let segment = self.segments.last().ok_or(TlogError::Poisoned)?;
        if let Err(e) = segment.log.sync_data() {
            self.poisoned = true;
            return Err(TlogError::io(&segment.log_path, "sync the segment")(e));
        }
        self.unsynced = false;
        Ok(())
    }

    /// Starts a new segment at entry `first`: the successor is created and
    /// made durable *before* the old segment is sealed, so a sealed segment
    /// always has a successor and a missing newest segment is detected.
    fn roll_segment(&mut self, first: u64) -> Result<(), TlogError> {
        let next = open::create_segment(&self.dir, first)?;
        let segments_dir = self.dir.join("segments");
        format::sync_dir(&segments_dir)
            .map_err(TlogError::io(&segments_dir, "sync the directory"))?;
        let old = self.segments.last_mut().ok_or(TlogError::Poisoned)?;
        let mut seal = Vec::new();
        format::encode(Kind::Seal, &[&first.to_le_bytes()], &mut seal);
        format::write_at(&old.log, &seal, old.len)
            .map_err(TlogError::io(&old.log_path, "seal the segment"))?;
        old.log
            .sync_data()
            .map_err(TlogError::io(&old.log_path, "sync the segment"))?;
        old.idx
            .sync_data()
            .map_err(TlogError::io(&old.idx_path, "sync the offset index"))?;
        old.len += seal.len() as u64;
        self.segments.push(next);
        Ok(())
    }

    /// The bytes of committed entry `index`, in one index read and two
    /// segment reads; the record's checksum and index are checked.
    pub fn entry(&self, index: u64) -> Result<Vec<u8>, TlogError> {
        let size = self.size();
        if index >= size {
            return Err(TlogError::NoSuchEntry { index, size });
        }
        let at = self.segments.partition_point(|s| s.first <= index);
        let segment = at
            .checked_sub(1)
            .and_then(|i| self.segments.get(i))
            .ok_or(TlogError::NoSuchEntry { index, size })?;
        let mut offset = [0u8; 8];
        let idx_at = (index - segment.first) * 8;
        format::read_at(&segment.idx, &mut offset, idx_at)
            .map_err(TlogError::io(&segment.idx_path, "read the offset index"))?;
        let offset = u64::from_le_bytes(offset);
        let mut header = [0u8; HEADER_LEN];
        format::read_at(&segment.log, &mut header, offset)
            .map_err(TlogError::io(&segment.log_path, "read an entry"))?;
        let room = segment.len.saturating_sub(offset + HEADER_LEN as u64);
        let header = format::parse_header(&header, room)
            .map_err(|rule| TlogError::damaged(&segment.log_path, offset, rule))?;
        let mut payload = vec![0u8; header.len];
        format::read_at(&segment.log, &mut payload, offset + HEADER_LEN as u64)
            .map_err(TlogError::io(&segment.log_path, "read an entry"))?;
        if !format::checksum_ok(&header, &payload) {
            return Err(TlogError::damaged(
                &segment.log_path,
                offset,
                "the record's checksum does not match",
            ));
        }
        if header.kind != Kind::Entry || format::u64_at(&payload, 0) != Some(index) {
            return Err(TlogError::damaged(
                &segment.idx_path,
                idx_at,
                format!("the index does not point at the record of entry {index}"),
            ));
        }
        payload.drain(..8);
        Ok(payload)
    }

    /// The bytes of the committed entries in `range`.
    pub fn entries(&self, range: Range<u64>) -> Result<Vec<Vec<u8>>, TlogError> {
        range.map(|i| self.entry(i)).collect()
    }

    /// The hash of the perfect subtree of `2^level` leaves starting at leaf
    /// `index << level`, from the tile file of level `level / 8`: one read
    /// of `2^(level % 8)` hashes and as many hashes less one.
    pub fn perfect(&self, level: u32, index: u64) -> Result<Hash, TlogError> {
        let tile_level = level / TILE_HEIGHT;
        let rise = level % TILE_HEIGHT;
        let width = 1usize << rise;
        let start = index << rise;
        let stored = self.size() >> (tile_level * TILE_HEIGHT);
        let Some(tile) = self.tiles.get(tile_level as usize) else {
            return Err(TlogError::NoSuchEntry {
                index: index << level,
                size: self.size(),
            });
        };
        if start + width as u64 > stored {
            return Err(TlogError::NoSuchEntry {
                index: index << level,
                size: self.size(),
            });
        }
        let mut bytes = vec![0u8; width * 32];
        format::read_at(&tile.file, &mut bytes, start * 32)
            .map_err(TlogError::io(&tile.path, "read tile hashes"))?;
        let mut row: Vec<Hash> = bytes
            .chunks_exact(32)
            .map(|c| {
                let mut h = [0u8; 32];
                h.copy_from_slice(c);
                h
            })
            .collect();
        while row.len() > 1 {
            row = row
                .chunks_exact(2)
                .map(|pair| node_hash(&pair[0], &pair[1]))
                .collect();
        }
        row.first().copied().ok_or(TlogError::NoSuchEntry {
            index: index << level,
            size: self.size(),
        })
    }

    /// The root of the committed tree of `size <= self.size()` entries.
    pub fn root_at(&self, size: u64) -> Result<Hash, TlogError> {
        if size > self.size() {
            return Err(TlogError::BadProofSizes {
                first: size,
                second: size,
                size: self.size(),
            });
        }
        merkle::root(size, &mut |level, index| self.perfect(level, index))
    }

    /// The inclusion proof of entry `index` in the tree of `size` entries,
    /// any `index < size <= self.size()` (RFC 9162 2.1.3.1).
    pub fn inclusion_proof(&self, index: u64, size: u64) -> Result<Vec<Hash>, TlogError> {
        if index >= size || size > self.size() {
            return Err(TlogError::BadProofSizes {
                first: index,
                second: size,
                size: self.size(),
            });
        }
        merkle::inclusion_proof(index, size, &mut |level, at| self.perfect(level, at))
    }

    /// The consistency proof between the trees of `first` and `second`
    /// entries, `0 < first <= second <= self.size()` (RFC 9162 2.1.4.1).
    pub fn consistency_proof(&self, first: u64, second: u64) -> Result<Vec<Hash>, TlogError> {
        if first == 0 || first > second || second > self.size() {
            return Err(TlogError::BadProofSizes {
                first,
                second,
                size: self.size(),
            });
        }
        merkle::consistency_proof(first, second, &mut |level, at| self.perfect(level, at))
    }
}
