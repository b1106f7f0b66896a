//! One behaviour suite, run against every [`Store`] backend.

use std::path::{Path, PathBuf};

use super::*;

fn suite(store: &dyn Store) {
    assert_eq!(store.get(b"a/1").unwrap(), None);
    assert_eq!(store.last_with_prefix(b"a/").unwrap(), None);

    let mut batch = Batch::new();
    batch.put(b"a/1".to_vec(), b"one".to_vec());
    batch.put(b"a/2".to_vec(), b"two".to_vec());
    batch.put(b"b/1".to_vec(), b"other".to_vec());
    store.apply(batch).unwrap();
    store.flush().unwrap();

    assert_eq!(store.get(b"a/1").unwrap(), Some(b"one".to_vec()));
    let scanned = store.scan_prefix(b"a/").unwrap();
    assert_eq!(
        scanned,
        vec![
            (b"a/1".to_vec(), b"one".to_vec()),
            (b"a/2".to_vec(), b"two".to_vec())
        ]
    );
    assert_eq!(
        store.last_with_prefix(b"a/").unwrap(),
        Some((b"a/2".to_vec(), b"two".to_vec()))
    );

    // Later writes in one batch win, deletes apply, other keys stay.
    let mut batch = Batch::new();
    batch.put(b"a/1".to_vec(), b"first".to_vec());
    batch.put(b"a/1".to_vec(), b"second".to_vec());
    batch.delete(b"a/2".to_vec());
    store.apply(batch).unwrap();
    assert_eq!(store.get(b"a/1").unwrap(), Some(b"second".to_vec()));
    assert_eq!(store.get(b"a/2").unwrap(), None);
    assert_eq!(store.get(b"b/1").unwrap(), Some(b"other".to_vec()));
    assert_eq!(store.scan_prefix(b"a/").unwrap().len(), 1);
    assert!(store.scan_prefix(b"zzz").unwrap().is_empty());

    // Ranges are half-open and ordered.
    let mut batch = Batch::new();
    for k in [b"r/1".to_vec(), b"r/2".to_vec(), b"r/3".to_vec()] {
        batch.put(k.clone(), k);
    }
    store.apply(batch).unwrap();
    let keys: Vec<Vec<u8>> = store
        .scan_range(b"r/1", b"r/3")
        .unwrap()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(keys, [b"r/1".to_vec(), b"r/2".to_vec()]);
    assert!(store.scan_range(b"r/3", b"r/1").unwrap().is_empty());
    let mut batch = Batch::new();
    for k in [b"r/1".to_vec(), b"r/2".to_vec(), b"r/3".to_vec()] {
        batch.delete(k);
    }
    store.apply(batch).unwrap();

    // An empty batch changes nothing.
    store.apply(Batch::new()).unwrap();
    // (The disk store keeps its own markers under `meta/`.)
    let keys = store.scan_prefix(b"").unwrap();
    assert_eq!(
        keys.iter()
            .filter(|(k, _)| !k.starts_with(b"meta/"))
            .count(),
        2
    );
}

/// An audit entry as JSON naming its index (what the node writes).
fn entry(index: u64) -> Vec<u8> {
    format!("{{\"index\":{index}}}").into_bytes()
}

/// A seal over the first `size` entries, with `tag` as the head's bytes.
fn seal(size: u64, tag: &str) -> AuditSeal {
    AuditSeal {
        size,
        head: tag.as_bytes().to_vec(),
    }
}

/// A batch writing `key` and appending entries `from..to`.
fn audited(key: &str, from: u64, to: u64) -> Batch {
    let mut batch = Batch::new();
    batch.put(key.as_bytes().to_vec(), b"v".to_vec());
    for index in from..to {
        batch.append_audit(index, entry(index));
    }
    batch
}

fn audit_suite(store: &dyn Store) {
    use liaison_proto::merkle::{self, Frontier, leaf_hash};
    assert_eq!(store.audit_checkpoint().unwrap(), None);
    store.apply(audited("x/1", 0, 3)).unwrap();
    // Applied, not committed: readable as applied, no proof material yet.
    assert_eq!(store.audit_applied(), 3);
    assert_eq!(store.audit_entries(1..3).unwrap(), vec![entry(1), entry(2)]);
    assert!(store.audit_node(0, 0).is_err());
    // A batch that does not continue the log is refused and changes nothing.
    let err = store.apply(audited("x/bad", 5, 6)).unwrap_err().to_string();
    assert!(err.contains("appends entry 5 where the log has 3"), "{err}");
    assert_eq!(store.get(b"x/bad").unwrap(), None);
    store.commit(Some(&seal(3, "head-3"))).unwrap();
    let mut frontier = Frontier::new();
    for index in 0..3 {
        frontier.push(leaf_hash(&entry(index)));
    }
    let checkpoint = store.audit_checkpoint().unwrap().unwrap();
    assert_eq!(
        (checkpoint.size, checkpoint.root, checkpoint.head),
        (3, frontier.root(), b"head-3".to_vec())
    );
    assert_eq!(store.audit_node(0, 2).unwrap(), leaf_hash(&entry(2)));
    let root = merkle::root(3, &mut |l, i| store.audit_node(l, i)).unwrap();
    assert_eq!(root, frontier.root());
    assert!(
        store.audit_node(2, 0).is_err(),
        "no subtree of 4 in 3 entries"
    );
    // A seal covering more than is applied is refused.
    assert!(store.commit(Some(&seal(9, "head-9"))).is_err());
    // A flush without a seal keeps later entries pending.
    store.apply(audited("x/2", 3, 4)).unwrap();
    store.flush().unwrap();
    assert_eq!(store.audit_checkpoint().unwrap().unwrap().size, 3);
    store.commit(Some(&seal(4, "head-4"))).unwrap();
    assert_eq!(store.audit_checkpoint().unwrap().unwrap().size, 4);
    assert_eq!(store.get(b"x/2").unwrap(), Some(b"v".to_vec()));
}

#[test]
fn memory_store_behaves() {
    suite(&MemoryStore::new());
    audit_suite(&MemoryStore::new());
}

#[test]
fn disk_store_behaves() {
    let dir = tempfile::tempdir().unwrap();
    suite(&DiskStore::open(dir.path()).unwrap().0);
    let dir = tempfile::tempdir().unwrap();
    audit_suite(&DiskStore::open(dir.path()).unwrap().0);
}

#[test]
fn disk_store_keeps_committed_writes_across_reopen_and_only_those() {
    let dir = tempfile::tempdir().unwrap();
    {
        let (store, _) = DiskStore::open(dir.path()).unwrap();
        store.apply(audited("k", 0, 2)).unwrap();
        store.commit(Some(&seal(2, "h2"))).unwrap();
        // Applied, never committed: gone after the restart.
        store.apply(audited("lost", 2, 3)).unwrap();
        assert_eq!(store.get(b"lost").unwrap(), Some(b"v".to_vec()));
    }
    let (store, report) = reopen(dir.path());
    assert!(!report.recovered(), "{report:?}");
    assert_eq!(store.get(b"k").unwrap(), Some(b"v".to_vec()));
    assert_eq!(store.get(b"lost").unwrap(), None);
    assert_eq!(store.audit_applied(), 2);
    assert_eq!(store.audit_checkpoint().unwrap().unwrap().head, b"h2");
    // Appending goes on from the committed log.
    store.apply(audited("k2", 2, 3)).unwrap();
    store.commit(Some(&seal(3, "h3"))).unwrap();
}

/// Copies the files of a closed store.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A store with one commit (`before`), and the same store after a second
/// commit (`after`), whose journal still holds that commit.
fn before_and_after() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let live = root.path().join("live");
    {
        let (store, _) = DiskStore::open(&live).unwrap();
        store.apply(audited("first", 0, 2)).unwrap();
        store.commit(Some(&seal(2, "h2"))).unwrap();
    }
    let before = root.path().join("before");
    wait_closed(&live);
    copy_dir(&live, &before);
    {
        let (store, _) = reopen(&live);
        let mut batch = audited("second", 2, 5);
        batch.delete(b"first".to_vec());
        store.apply(batch).unwrap();
        store.commit(Some(&seal(5, "h5"))).unwrap();
    }
    wait_closed(&live);
    (root, before, live)
}

fn assert_second_commit_kept(dir: &Path) -> OpenReport {
    let (store, report) = reopen(dir);
    assert_eq!(store.get(b"second").unwrap(), Some(b"v".to_vec()));
    assert_eq!(store.get(b"first").unwrap(), None);
    let checkpoint = store.audit_checkpoint().unwrap().unwrap();
    assert_eq!((checkpoint.size, checkpoint.head), (5, b"h5".to_vec()));
    assert_eq!(store.audit_entries(0..5).unwrap()[4], entry(4));
    report
}

#[test]
fn a_commit_only_the_journal_holds_is_applied_at_start() {
    // The node died after the journal's fdatasync, before sled or the tile
    // log had the commit: the older sled and tile log, the newer journal.
    let (root, before, after) = before_and_after();
    let crashed = root.path().join("crashed");
    copy_dir(&before, &crashed);
    std::fs::copy(after.join("journal"), crashed.join("journal")).unwrap();
    let report = assert_second_commit_kept(&crashed);
    assert_eq!(
        (report.replayed, report.audit_restored),
        (1, 3),
        "{report:?}"
    );
    // Sled had it, the tile log did not.
    let crashed = root.path().join("crashed-log");
    copy_dir(&after, &crashed);
    std::fs::remove_dir_all(crashed.join("audit")).unwrap();
    copy_dir(&before.join("audit"), &crashed.join("audit"));
    let report = assert_second_commit_kept(&crashed);
    assert_eq!(
        (report.replayed, report.audit_restored),
        (0, 3),
        "{report:?}"
    );
}

#[test]
fn a_torn_journal_record_was_never_acknowledged_and_is_cut() {
    let (root, before, after) = before_and_after();
    let crashed = root.path().join("crashed");
    copy_dir(&before, &crashed);
    let journal = std::fs::read(after.join("journal")).unwrap();
    std::fs::write(crashed.join("journal"), &journal[..journal.len() - 3]).unwrap();
    let (store, report) = reopen(&crashed);
    assert_eq!(report.journal_bytes_cut, journal.len() as u64 - 3);
    assert_eq!(store.get(b"first").unwrap(), Some(b"v".to_vec()));
    assert_eq!(store.get(b"second").unwrap(), None);
    assert_eq!(store.audit_checkpoint().unwrap().unwrap().size, 2);
}

#[test]
fn an_audit_log_shorter_than_committed_is_refused() {
    // The tile log of the first commit with the journal emptied: the
    // second commit's entries are gone, and sled knows they were there.
    let (root, before, after) = before_and_after();
    let damaged = root.path().join("damaged");
    copy_dir(&after, &damaged);
    std::fs::write(damaged.join("journal"), b"").unwrap();
    std::fs::remove_dir_all(damaged.join("audit")).unwrap();
    copy_dir(&before.join("audit"), &damaged.join("audit"));
    let err = DiskStore::open(&damaged).unwrap_err().to_string();
    assert!(
        err.contains("holds 2 entries, but 5 were committed"),
        "{err}"
    );
}

#[test]
fn a_journal_holding_other_entries_than_the_audit_log_is_refused() {
    let (root, _, after) = before_and_after();
    let damaged = root.path().join("damaged");
    copy_dir(&after, &damaged);
    let mut journal = std::fs::read(damaged.join("journal")).unwrap();
    // Change an entry in the journal and its record's checksum with it.
    let at = journal
        .windows(11)
        .position(|w| w == b"{\"index\":3}")
        .unwrap();
    journal[at + 9] = b'7';
    let payload_len = u32::from_le_bytes(journal[4..8].try_into().unwrap()) as usize;
    let mut hasher = crc32fast::Hasher::new();
    hasher.update(&journal[..8]);
    hasher.update(&journal[12..12 + payload_len]);
    journal[8..12].copy_from_slice(&hasher.finalize().to_le_bytes());
    std::fs::write(damaged.join("journal"), &journal).unwrap();
    let err = DiskStore::open(&damaged).unwrap_err().to_string();
    assert!(
        err.contains("entry 3 differs between the journal and the audit log"),
        "{err}"
    );
}

/// Returns once sled's files in `dir` are no longer locked by a dropped
/// store, without opening the store (which would empty its journal).
fn wait_closed(dir: &Path) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while sled::Config::new().path(dir).open().is_err() {
        assert!(std::time::Instant::now() < deadline, "sled stays locked");
        std::thread::yield_now();
    }
}

/// Opens the store in `dir` again once the dropped handle's last I/O
/// thread has let go of sled's file lock (sled finishes writes it started
/// in the background after the handle is dropped).
fn reopen(dir: &Path) -> (DiskStore, OpenReport) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match DiskStore::open(dir) {
            Ok(opened) => return opened,
            Err(_) if std::time::Instant::now() < deadline => std::thread::yield_now(),
            Err(e) => panic!("the store does not reopen: {e}"),
        }
    }
}

#[test]
fn an_earlier_versions_audit_log_moves_out_of_sled_once() {
    use prost::Message as _;
    let dir = tempfile::tempdir().unwrap();
    {
        // The earlier layout: entries, tree nodes and the head in sled; the
        // head covers 3 of 4 entries (the last group commit never flushed).
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        for index in 0..4 {
            db.insert(legacy_audit_key(index), entry(index)).unwrap();
        }
        db.insert(b"mt/01/0000000000000000", &[7u8; 32]).unwrap();
        let body = liaison_proto::pb::TreeHeadBody {
            tree_size: 3,
            ..Default::default()
        };
        let head = liaison_proto::pb::SignedTreeHead {
            body: body.encode_to_vec(),
            ..Default::default()
        };
        db.insert(b"sth", head.encode_to_vec()).unwrap();
        db.insert(b"out/r1", b"{}".to_vec()).unwrap();
        db.flush().unwrap();
    }
    wait_closed(dir.path());
    let head_bytes;
    {
        let (store, report) = reopen(dir.path());
        assert_eq!(report.migrated, 4);
        let checkpoint = store.audit_checkpoint().unwrap().unwrap();
        assert_eq!(checkpoint.size, 3);
        head_bytes = checkpoint.head;
        // The entry after the head is applied, not committed; the old keys
        // are gone from view, the rest of the state stays.
        assert_eq!(store.audit_applied(), 4);
        assert_eq!(store.audit_entries(3..4).unwrap(), vec![entry(3)]);
        assert!(store.scan_prefix(b"audit/").unwrap().is_empty());
        assert_eq!(store.get(b"sth").unwrap(), None);
        assert_eq!(store.get(b"out/r1").unwrap(), Some(b"{}".to_vec()));
        // The node seals it at start.
        store.commit(Some(&seal(4, "h4"))).unwrap();
    }
    wait_closed(dir.path());
    let (store, report) = reopen(dir.path());
    assert_eq!(report.migrated, 0, "moved once");
    assert_eq!(store.audit_checkpoint().unwrap().unwrap().size, 4);
    assert!(store.scan_prefix(b"mt/").unwrap().is_empty());
    assert_eq!(store.audit_entries(0..4).unwrap()[0], entry(0));
    assert!(!head_bytes.is_empty());
}

#[test]
fn a_full_journal_is_emptied_once_sled_has_flushed_everything_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let options = disk::Options {
        journal_bytes: 1,
        ..disk::Options::default()
    };
    {
        let (store, _) = DiskStore::open_with(dir.path(), options).unwrap();
        store.apply(audited("kept", 0, 2)).unwrap();
        store.commit(Some(&seal(2, "h2"))).unwrap();
        // Emptied right after the commit: nothing of it lingers there.
        assert_eq!(
            std::fs::metadata(dir.path().join("journal")).unwrap().len(),
            0
        );
    }
    // sled and the tile log hold it alone, and reopen with it.
    wait_closed(dir.path());
    let (store, report) = reopen(dir.path());
    assert_eq!(report.replayed, 0);
    assert_eq!(store.get(b"kept").unwrap(), Some(b"v".to_vec()));
    assert_eq!(store.audit_checkpoint().unwrap().unwrap().size, 2);
}

#[test]
fn commits_the_tile_log_lost_before_its_sync_come_back_from_the_journal() {
    let root = tempfile::tempdir().unwrap();
    let live = root.path().join("live");
    {
        let (store, _) = DiskStore::open(&live).unwrap();
        store.apply(audited("first", 0, 2)).unwrap();
        store.commit(Some(&seal(2, "h2"))).unwrap();
    }
    {
        // Reopening synced the tile log and emptied the journal; the two
        // commits after it are in the journal and, unsynced, in the log.
        let (store, _) = reopen(&live);
        store.apply(audited("second", 2, 5)).unwrap();
        store.commit(Some(&seal(5, "h5"))).unwrap();
        store.apply(audited("third", 5, 7)).unwrap();
        store.commit(Some(&seal(7, "h7"))).unwrap();
    }
    wait_closed(&live);
    // A power cut lost the page holding entry 3; the later ones landed.
    let crashed = root.path().join("crashed");
    copy_dir(&live, &crashed);
    let segment = crashed.join("audit/segments/00000000000000000000.log");
    let mut bytes = std::fs::read(&segment).unwrap();
    let at = bytes
        .windows(11)
        .position(|w| w == b"{\"index\":3}")
        .unwrap();
    bytes[at - 20..at + 11].fill(0);
    std::fs::write(&segment, &bytes).unwrap();
    // Without the journal that is damage inside committed history.
    let emptied = root.path().join("emptied");
    copy_dir(&crashed, &emptied);
    std::fs::write(emptied.join("journal"), b"").unwrap();
    let err = DiskStore::open(&emptied).unwrap_err().to_string();
    assert!(err.contains("a later commit follows it"), "{err}");
    // With it, the log is cut back to its synced size and both commits
    // are committed again from the journal.
    let (store, report) = reopen(&crashed);
    assert_eq!(report.tlog.unsynced_commits_cut, 2, "{report:?}");
    assert_eq!(report.audit_restored, 5, "{report:?}");
    assert!(report.recovered());
    assert_eq!(
        store.audit_entries(0..7).unwrap(),
        (0..7).map(entry).collect::<Vec<_>>()
    );
    let checkpoint = store.audit_checkpoint().unwrap().unwrap();
    assert_eq!((checkpoint.size, checkpoint.head), (7, b"h7".to_vec()));
    assert_eq!(store.get(b"third").unwrap(), Some(b"v".to_vec()));
}

#[test]
fn a_commit_only_the_journal_holds_is_in_the_tree_until_the_next_commit_finishes_it() {
    use liaison_proto::merkle::{self, Frontier, leaf_hash};
    use std::sync::atomic::Ordering;
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = DiskStore::open(dir.path()).unwrap();
    store.apply(audited("first", 0, 4)).unwrap();
    store.commit(Some(&seal(4, "h4"))).unwrap();
    // The disk fills up between the journal and the tile log: the commit
    // is durable, and the tile log still holds 4 entries.
    store.faults.finish_fails.store(true, Ordering::SeqCst);
    store.apply(audited("second", 4, 11)).unwrap();
    store.commit(Some(&seal(11, "h11"))).unwrap();
    assert_eq!(store.audit_checkpoint().unwrap().unwrap().size, 4);
    // The tree of all 11 entries (what a roll-back or a proof asks for) is
    // whole meanwhile, hashed the same as from the entries themselves.
    let leaves: Vec<_> = (0..11).map(|i| leaf_hash(&entry(i))).collect();
    let mut reference = Frontier::new();
    let mut first_root = None;
    for leaf in &leaves {
        reference.push(*leaf);
        if reference.size() == 4 {
            first_root = Some(reference.root());
        }
    }
    let node = &mut |level, index| store.audit_node(level, index);
    let frontier = Frontier::from_perfect(11, node).unwrap();
    assert_eq!(frontier.root(), reference.root());
    let proof = merkle::inclusion_proof(9, 11, node).unwrap();
    merkle::verify_inclusion(9, 11, &leaves[9], &proof, &reference.root()).unwrap();
    let proof = merkle::consistency_proof(4, 11, node).unwrap();
    merkle::verify_consistency(4, 11, &first_root.unwrap(), &reference.root(), &proof).unwrap();
    // A node the log does not hold is still refused.
    let err = store.audit_node(4, 0).unwrap_err().to_string();
    assert!(
        err.contains("ends at entry 16, beyond the 11 committed"),
        "{err}"
    );
    // The next commit finishes it first.
    store.apply(audited("third", 11, 12)).unwrap();
    store.commit(Some(&seal(12, "h12"))).unwrap();
    let checkpoint = store.audit_checkpoint().unwrap().unwrap();
    assert_eq!((checkpoint.size, checkpoint.head), (12, b"h12".to_vec()));
    assert_eq!(
        store.audit_entries(0..12).unwrap(),
        (0..12).map(entry).collect::<Vec<_>>()
    );
    assert_eq!(store.get(b"second").unwrap(), Some(b"v".to_vec()));
}

#[test]
fn a_failed_key_space_is_reopened_by_the_next_read_not_only_by_a_commit() {
    use std::sync::atomic::Ordering;
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = DiskStore::open(dir.path()).unwrap();
    store.apply(audited("kept", 0, 1)).unwrap();
    store.commit(Some(&seal(1, "h1"))).unwrap();
    // sled met a full disk (in its background flush, say): every call
    // fails after, reads included, until it is reopened.
    store.faults.sled_fails.store(true, Ordering::SeqCst);
    let err = store.get(b"kept").unwrap_err();
    assert!(err.is_disk(), "{err}");
    // The disk has room again: the next read reopens it, with no commit
    // (a node whose every request starts with a read would wait forever).
    assert_eq!(store.get(b"kept").unwrap(), Some(b"v".to_vec()));
    assert_eq!(store.scan_prefix(b"kept").unwrap().len(), 1);
    store.apply(audited("after", 1, 2)).unwrap();
    store.commit(Some(&seal(2, "h2"))).unwrap();
    assert_eq!(store.get(b"after").unwrap(), Some(b"v".to_vec()));
    // And a failure met inside a commit is reopened by that commit's
    // successor.
    store.faults.sled_fails.store(true, Ordering::SeqCst);
    store.apply(audited("during", 2, 3)).unwrap();
    store.commit(Some(&seal(3, "h3"))).unwrap();
    store.apply(audited("later", 3, 4)).unwrap();
    store.commit(Some(&seal(4, "h4"))).unwrap();
    for key in ["kept", "after", "during", "later"] {
        assert_eq!(
            store.get(key.as_bytes()).unwrap(),
            Some(b"v".to_vec()),
            "{key}"
        );
    }
    assert_eq!(store.audit_checkpoint().unwrap().unwrap().size, 4);
}
