//! The tile log on real files in temporary directories: round trips,
//! proofs against `liaison_proto::merkle`'s reference tree, torn tails cut
//! back, damaged history refused, and a crash at every byte of a commit.

use std::fs;
use std::path::{Path, PathBuf};

use liaison_proto::merkle::{self, MemoryTree, leaf_hash};
use proptest::prelude::*;

use super::format::{self, HEADER_LEN, Kind, SEGMENT_HEADER_LEN};
use super::{Options, TileLog, TlogError};

fn entry(i: u64) -> Vec<u8> {
    format!("entry {i} {}", "x".repeat((i % 23) as usize)).into_bytes()
}

fn checkpoint(size: u64) -> Vec<u8> {
    format!("signed tree head of {size}").into_bytes()
}

/// Small segments and frequent tile syncs, to exercise both.
fn small() -> Options {
    options(4096, 100)
}

/// Segments of `segment_bytes`, tiles synced every `tile_sync_entries`, and
/// every commit synced.
fn options(segment_bytes: u64, tile_sync_entries: u64) -> Options {
    Options {
        segment_bytes,
        tile_sync_entries,
        ..Options::default()
    }
}

/// Appends entries up to each of `sizes` and commits at each.
fn grow(log: &mut TileLog, sizes: &[u64]) {
    for &size in sizes {
        let from = log.staged_size();
        let batch: Vec<Vec<u8>> = (from..size).map(entry).collect();
        assert_eq!(log.append(&batch).expect("append"), from);
        assert_eq!(log.commit(&checkpoint(size)).expect("commit"), size);
    }
}

fn reference(size: u64) -> MemoryTree {
    let mut tree = MemoryTree::new();
    for i in 0..size {
        tree.push(leaf_hash(&entry(i)));
    }
    tree
}

fn open(dir: &Path, options: Options) -> (TileLog, super::Recovery) {
    TileLog::open_with(dir, options).expect("the log opens")
}

fn last_segment(dir: &Path) -> PathBuf {
    let mut names: Vec<PathBuf> = fs::read_dir(dir.join("segments"))
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    names.sort();
    names.pop().expect("a segment")
}

fn file_len(path: &Path) -> u64 {
    fs::metadata(path).expect("metadata").len()
}

fn flip(path: &Path, offset: u64) {
    let mut bytes = fs::read(path).expect("read");
    bytes[offset as usize] ^= 0x40;
    fs::write(path, bytes).expect("write");
}

fn truncate(path: &Path, len: u64) {
    let file = fs::File::options().write(true).open(path).expect("open");
    file.set_len(len).expect("truncate");
}

fn append_bytes(path: &Path, bytes: &[u8]) {
    let mut all = fs::read(path).expect("read");
    all.extend_from_slice(bytes);
    fs::write(path, all).expect("write");
}

/// Checks size, root, entries and tile file lengths against the reference.
fn assert_log(log: &TileLog, size: u64) {
    let tree = reference(size);
    assert_eq!(log.size(), size);
    assert_eq!(log.root(), tree.root(size).expect("reference root"));
    assert_eq!(log.root_at(size).expect("root from tiles"), log.root());
    assert_eq!(
        log.entries(0..size).expect("entries"),
        (0..size).map(entry).collect::<Vec<_>>()
    );
    assert!(matches!(
        log.entry(size),
        Err(TlogError::NoSuchEntry { .. })
    ));
    for level in 0..4u32 {
        let expected = (size >> (8 * level)) * 32;
        let path = format::tile_path(log.dir(), level);
        let len = fs::metadata(&path).map_or(0, |m| m.len());
        assert_eq!(len, expected, "tiles/{level} at size {size}");
    }
    match log.last_checkpoint() {
        Some(c) => {
            assert_eq!(c.size, size);
            assert_eq!(c.body, checkpoint(size));
        }
        None => assert_eq!(size, 0),
    }
}

/// Proofs for `size` verify and equal the reference's.
fn assert_proofs(log: &TileLog, tree: &MemoryTree, size: u64, indexes: &[u64]) {
    let root = tree.root(size).expect("reference root");
    assert_eq!(log.root_at(size).expect("root"), root, "root at {size}");
    for &index in indexes.iter().filter(|&&i| i < size) {
        let proof = log.inclusion_proof(index, size).expect("inclusion proof");
        assert_eq!(proof, tree.inclusion_proof(index, size).expect("reference"));
        let leaf = tree.leaf(index).expect("leaf");
        merkle::verify_inclusion(index, size, &leaf, &proof, &root).expect("inclusion verifies");
    }
    for &first in indexes.iter().filter(|&&f| f > 0 && f <= size) {
        let proof = log
            .consistency_proof(first, size)
            .expect("consistency proof");
        assert_eq!(
            proof,
            tree.consistency_proof(first, size).expect("reference")
        );
        let first_root = tree.root(first).expect("first root");
        merkle::verify_consistency(first, size, &first_root, &root, &proof)
            .expect("consistency verifies");
    }
}

#[test]
fn a_new_log_is_empty_and_reopens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (log, recovery) = open(dir.path(), small());
    assert!(recovery.created);
    assert_eq!(log.size(), 0);
    assert_eq!(log.root(), merkle::empty_root());
    assert!(log.last_checkpoint().is_none());
    drop(log);
    let (log, recovery) = open(dir.path(), small());
    assert!(!recovery.created);
    assert_eq!(recovery.size, 0);
    assert_log(&log, 0);
}

#[test]
fn commits_survive_reopening_across_segments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut log, _) = open(dir.path(), small());
    grow(&mut log, &[1, 2, 3, 50, 300, 301, 700]);
    assert_log(&log, 700);
    // An empty commit records a new checkpoint for the same size.
    log.commit(&checkpoint(700)).expect("empty commit");
    drop(log);
    let (mut log, recovery) = open(dir.path(), small());
    assert_eq!(
        recovery,
        super::Recovery {
            size: 700,
            ..Default::default()
        }
    );
    let segments = fs::read_dir(dir.path().join("segments"))
        .expect("list")
        .count();
    assert!(segments > 4, "small segments roll ({segments} files)");
    assert_log(&log, 700);
    grow(&mut log, &[701, 1000]);
    drop(log);
    let (log, _) = open(dir.path(), small());
    assert_log(&log, 1000);
}

#[test]
fn staged_entries_are_invisible_until_committed_and_can_be_discarded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut log, _) = open(dir.path(), small());
    grow(&mut log, &[10]);
    let root = log.root();
    log.append(&[entry(10), entry(11)]).expect("append");
    assert_eq!(log.size(), 10);
    assert_eq!(log.staged_size(), 12);
    assert_eq!(log.staged_root(), reference(12).root(12).expect("root"));
    assert!(log.entry(10).is_err());
    assert!(log.inclusion_proof(0, 11).is_err());
    log.discard_staged();
    assert_eq!(log.staged_size(), 10);
    assert_eq!(log.staged_root(), root);
    grow(&mut log, &[12]);
    assert_log(&log, 12);
}

#[test]
fn proofs_match_the_reference_at_tile_boundaries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = options(1 << 20, 10_000);
    let (mut log, _) = open(dir.path(), options);
    let sizes = [
        1, 2, 3, 255, 256, 257, 511, 512, 513, 65_535, 65_536, 65_537,
    ];
    grow(&mut log, &sizes);
    drop(log);
    let (log, _) = open(dir.path(), options);
    assert_eq!(log.size(), 65_537);
    let tree = reference(65_537);
    for size in sizes.into_iter().chain([4, 1000, 65_000]) {
        let indexes = [
            0,
            1,
            size / 2,
            254,
            255,
            256,
            257,
            size.saturating_sub(2),
            size - 1,
            size,
        ];
        assert_proofs(&log, &tree, size, &indexes);
    }
    assert!(matches!(
        log.inclusion_proof(3, 65_538),
        Err(TlogError::BadProofSizes { .. })
    ));
    assert!(matches!(
        log.consistency_proof(0, 5),
        Err(TlogError::BadProofSizes { .. })
    ));
    assert!(log.consistency_proof(6, 5).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn roots_and_proofs_match_the_reference(
        batches in proptest::collection::vec(0u64..300, 1..8),
        picks in proptest::collection::vec((any::<u64>(), any::<u64>()), 8),
        tile_sync in 1u64..400,
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        let options = options(2048, tile_sync);
        let (mut log, _) = open(dir.path(), options);
        let mut sizes = Vec::new();
        let mut size = 0;
        for b in batches {
            size += b;
            sizes.push(size);
        }
        grow(&mut log, &sizes);
        drop(log);
        let (log, recovery) = open(dir.path(), options);
        prop_assert_eq!(recovery.size, size);
        let tree = reference(size);
        for &s in &sizes {
            prop_assert_eq!(log.root_at(s).expect("root"), tree.root(s).expect("reference"));
        }
        if size > 0 {
            for (a, b) in picks {
                let second = b % size + 1;
                let index = a % second;
                let first = a % second + 1;
                assert_proofs(&log, &tree, second, &[index, first]);
            }
        }
    }
}

/// A log with a first commit of 300 entries and a last one of 5, every
/// commit syncing tiles; returns the segment length before the last commit.
fn two_commits(dir: &Path) -> (Options, u64) {
    let options = options(1 << 20, 1);
    let (mut log, _) = open(dir, options);
    grow(&mut log, &[300]);
    let before = file_len(&last_segment(dir));
    grow(&mut log, &[305]);
    (options, before)
}

#[test]
fn a_record_cut_mid_way_is_cut_back_to_the_last_checkpoint() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (options, before) = two_commits(dir.path());
    let segment = last_segment(dir.path());
    // Entry 300's record is 12 + 8 + 11 bytes: keep it whole and 5 bytes
    // of the next.
    truncate(&segment, before + 31 + 5);
    let (mut log, recovery) = open(dir.path(), options);
    assert_eq!(recovery.size, 300);
    assert_eq!(recovery.bytes_cut, 36);
    assert_eq!(recovery.entries_cut, 1);
    assert_eq!(file_len(&segment), before);
    assert_log(&log, 300);
    // The log carries on from there.
    grow(&mut log, &[310]);
    drop(log);
    let (log, _) = open(dir.path(), options);
    assert_log(&log, 310);
}

#[test]
fn garbage_after_the_last_checkpoint_is_cut() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (options, _) = two_commits(dir.path());
    let segment = last_segment(dir.path());
    let end = file_len(&segment);
    let garbage = b"TL\x02\x00garbage that is not a record";
    append_bytes(&segment, garbage);
    let (log, recovery) = open(dir.path(), options);
    assert_eq!(recovery.size, 305);
    assert_eq!(recovery.bytes_cut, garbage.len() as u64);
    assert_eq!(file_len(&segment), end);
    assert_log(&log, 305);
}

#[test]
fn entries_without_a_checkpoint_are_cut() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (options, _) = two_commits(dir.path());
    let segment = last_segment(dir.path());
    let mut records = Vec::new();
    for i in 305..309u64 {
        format::encode(Kind::Entry, &[&i.to_le_bytes(), &entry(i)], &mut records);
    }
    append_bytes(&segment, &records);
    let (log, recovery) = open(dir.path(), options);
    assert_eq!(recovery.entries_cut, 4);
    assert!(!recovery.checkpoint_dropped);
    assert_log(&log, 305);
}

#[test]
fn tile_hashes_beyond_the_checkpoint_are_cut_and_unsynced_ones_rewritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = options(1 << 20, 1000);
    let (mut log, _) = open(dir.path(), options);
    grow(&mut log, &[600]);
    drop(log);
    let tiles = format::tile_path(dir.path(), 0);
    // A partial hash and a whole stray one past the end.
    append_bytes(&tiles, &[7u8; 40]);
    let (log, recovery) = open(dir.path(), options);
    assert_eq!(recovery.tile_hashes_cut, 1);
    assert_log(&log, 600);
    drop(log);
    // Nothing synced yet: a damaged or missing tile is rebuilt.
    flip(&tiles, 32 * 300);
    let (log, recovery) = open(dir.path(), options);
    assert_eq!(recovery.tile_hashes_rewritten, 300);
    assert_log(&log, 600);
    drop(log);
    fs::remove_file(&tiles).expect("remove");
    let (log, recovery) = open(dir.path(), options);
    assert_eq!(recovery.tile_hashes_rewritten, 600);
    assert_log(&log, 600);
}

#[test]
fn a_damaged_old_entry_refuses_to_open_naming_the_segment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (options, _) = two_commits(dir.path());
    let segment = format::segment_path(dir.path(), 0);
    let first_entry = SEGMENT_HEADER_LEN;
    flip(&segment, first_entry + HEADER_LEN as u64 + 9);
    match TileLog::open_with(dir.path(), options) {
        Err(TlogError::Damaged { path, offset, rule }) => {
            assert_eq!(path, segment);
            assert_eq!(offset, first_entry);
            assert!(rule.contains("checksum"), "{rule}");
            assert!(rule.contains("later commit"), "{rule}");
        }
        other => panic!("expected damage, got {other:?}"),
    }
}

#[test]
fn damage_after_the_synced_size_cuts_the_unsynced_commits_and_before_it_refuses() {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = options(1 << 20, 1);
    let (mut log, _) = open(dir.path(), options);
    grow(&mut log, &[300]);
    let synced = file_len(&last_segment(dir.path()));
    // Three commits written without a sync, as a journaled caller does.
    for size in [303, 306, 309] {
        let from = log.staged_size();
        let batch: Vec<Vec<u8>> = (from..size).map(entry).collect();
        log.append(&batch).expect("append");
        assert_eq!(
            log.commit_unsynced(&checkpoint(size)).expect("commit"),
            size
        );
    }
    // Readers see them at once.
    assert_log(&log, 309);
    drop(log);
    // A power cut lost a page in the middle of them: entry 301 is zeros,
    // the commits after it landed.
    let segment = last_segment(dir.path());
    let record_len = |i: u64| (HEADER_LEN + 8 + entry(i).len()) as u64;
    let at = synced + record_len(300);
    let mut bytes = std::fs::read(&segment).expect("read");
    bytes[at as usize..(at + record_len(301)) as usize].fill(0);
    let damaged = bytes.clone();
    std::fs::write(&segment, &bytes).expect("write");
    // Without the caller's word that those commits were unsynced, that is
    // damage inside committed history.
    match TileLog::open_with(dir.path(), options) {
        Err(TlogError::Damaged { offset, rule, .. }) => {
            assert_eq!(offset, at);
            assert!(rule.contains("later commit"), "{rule}");
        }
        other => panic!("expected damage, got {other:?}"),
    }
    // Nor when the caller synced past the damage.
    let past = Options {
        unsynced_from: Some(303),
        ..options
    };
    assert!(matches!(
        TileLog::open_with(dir.path(), past),
        Err(TlogError::Damaged { .. })
    ));
    assert_eq!(std::fs::read(&segment).expect("read"), damaged);
    // With it, the unsynced commits are cut back to the synced size.
    let journaled = Options {
        unsynced_from: Some(300),
        ..options
    };
    let (mut log, recovery) = open(dir.path(), journaled);
    assert_eq!(recovery.size, 300);
    assert_eq!(recovery.unsynced_commits_cut, 3);
    assert!(!recovery.checkpoint_dropped);
    assert_eq!(file_len(&segment), synced);
    assert_log(&log, 300);
    // The caller commits them again and the log carries on.
    grow(&mut log, &[309, 312]);
    drop(log);
    let (log, _) = open(dir.path(), options);
    assert_log(&log, 312);
    assert_proofs(&log, &reference(312), 312, &[0, 301, 311]);
}

#[test]
fn a_damaged_synced_tile_refuses_to_open_naming_the_tile() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (options, _) = two_commits(dir.path());
    let tiles = format::tile_path(dir.path(), 0);
    flip(&tiles, 32 * 257 + 3);
    match TileLog::open_with(dir.path(), options) {
        Err(TlogError::Damaged { path, offset, rule }) => {
            assert_eq!(path, tiles);
            assert_eq!(offset, 32 * 257);
            assert!(rule.contains("hash 1 of tile 1"), "{rule}");
        }
        other => panic!("expected damage, got {other:?}"),
    }
}

#[test]
fn a_missing_synced_tile_refuses_to_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (options, _) = two_commits(dir.path());
    let tiles = format::tile_path(dir.path(), 0);
    // The last full tile cut off, then the whole file.
    truncate(&tiles, 256 * 32);
    let err = TileLog::open_with(dir.path(), options).expect_err("a synced tile is missing");
    assert!(
        matches!(&err, TlogError::Damaged { path, offset: 8192, .. } if *path == tiles),
        "{err}"
    );
    fs::remove_file(&tiles).expect("remove");
    let err = TileLog::open_with(dir.path(), options).expect_err("the tile file is missing");
    assert!(
        matches!(&err, TlogError::Missing { path, .. } if *path == tiles),
        "{err}"
    );
}

#[test]
fn missing_segments_refuse_to_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut log, _) = open(dir.path(), small());
    grow(&mut log, &[100, 200, 300, 400]);
    drop(log);
    let mut segments: Vec<PathBuf> = fs::read_dir(dir.path().join("segments"))
        .expect("list")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    segments.sort();
    assert!(segments.len() >= 3);
    // The newest segment: its predecessor is sealed, so it must exist.
    let newest = segments.pop().expect("a segment");
    let saved = fs::read(&newest).expect("read");
    fs::remove_file(&newest).expect("remove");
    let err = TileLog::open_with(dir.path(), small()).expect_err("the newest is missing");
    assert!(
        matches!(&err, TlogError::Missing { path, .. } if *path == newest),
        "{err}"
    );
    fs::write(&newest, saved).expect("restore");
    // One in the middle.
    fs::remove_file(&segments[1]).expect("remove");
    let err = TileLog::open_with(dir.path(), small()).expect_err("a middle one is missing");
    assert!(
        matches!(&err, TlogError::Missing { path, .. } if *path == segments[1]),
        "{err}"
    );
}

#[test]
fn an_interrupted_segment_roll_is_undone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = options(1 << 20, 1);
    let (mut log, _) = open(dir.path(), options);
    grow(&mut log, &[20]);
    drop(log);
    // The successor was created, the old segment never sealed.
    fs::write(
        format::segment_path(dir.path(), 20),
        format::segment_header(20),
    )
    .expect("write");
    let (mut log, recovery) = open(dir.path(), options);
    assert_eq!(recovery.segments_removed, 1);
    assert!(!format::segment_path(dir.path(), 20).exists());
    assert_log(&log, 20);
    grow(&mut log, &[25]);
    assert_log(&log, 25);
}

#[test]
fn a_directory_of_something_else_is_not_taken_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("notes.txt"), "mine").expect("write");
    assert!(matches!(
        TileLog::open_with(dir.path(), small()),
        Err(TlogError::NotALog { .. })
    ));
}

/// Every file of a directory tree, to restore after each simulated crash.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for sub in ["", "segments", "tiles"] {
        for e in fs::read_dir(dir.join(sub)).expect("list") {
            let path = e.expect("entry").path();
            if path.is_file() {
                let rel = path.strip_prefix(dir).expect("inside").to_path_buf();
                files.push((rel, fs::read(&path).expect("read")));
            }
        }
    }
    files
}

fn restore(files: &[(PathBuf, Vec<u8>)], dir: &Path) {
    for sub in ["segments", "tiles"] {
        fs::create_dir_all(dir.join(sub)).expect("mkdir");
    }
    for (rel, bytes) in files {
        fs::write(dir.join(rel), bytes).expect("write");
    }
}

#[test]
fn a_crash_at_any_byte_of_a_commit_keeps_exactly_the_last_committed_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = options(1 << 20, 100);
    let (mut log, _) = open(dir.path(), options);
    grow(&mut log, &[250]);
    let segment = last_segment(dir.path());
    let before = file_len(&segment);
    // The last commit completes a tile and syncs tiles.
    grow(&mut log, &[260]);
    let after = file_len(&segment);
    drop(log);
    let files = snapshot(dir.path());
    let rel = segment
        .strip_prefix(dir.path())
        .expect("inside")
        .to_path_buf();
    for cut in before..=after {
        let crashed = tempfile::tempdir().expect("tempdir");
        restore(&files, crashed.path());
        truncate(&crashed.path().join(&rel), cut);
        let (log, recovery) = TileLog::open_with(crashed.path(), options)
            .unwrap_or_else(|e| panic!("a crash at byte {cut} must open: {e}"));
        let expected = if cut == after { 260 } else { 250 };
        assert_eq!(recovery.size, expected, "crash at byte {cut}");
        assert_eq!(
            recovery.bytes_cut,
            cut - if cut == after { after } else { before }
        );
        assert_log(&log, expected);
    }
}

#[test]
fn a_torn_commit_whose_checkpoint_landed_is_dropped_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (options, before) = two_commits(dir.path());
    let segment = last_segment(dir.path());
    // The pages of the last commit reached the disk out of order: an entry
    // is zeros, its checkpoint arrived.
    let mut bytes = fs::read(&segment).expect("read");
    let at = before as usize + HEADER_LEN + 2;
    bytes[at..at + 8].fill(0);
    fs::write(&segment, bytes).expect("write");
    let (log, recovery) = open(dir.path(), options);
    assert!(recovery.checkpoint_dropped);
    assert_log(&log, 300);
}
