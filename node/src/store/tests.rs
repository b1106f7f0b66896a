//! One behaviour suite, run against every [`Store`] backend.

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
    assert_eq!(store.scan_prefix(b"").unwrap().len(), 2);
}

#[test]
fn memory_store_behaves() {
    suite(&MemoryStore::new());
}

#[test]
fn sled_store_behaves() {
    let dir = tempfile::tempdir().unwrap();
    suite(&SledStore::open(dir.path()).unwrap());
}

#[test]
fn sled_store_keeps_flushed_writes_across_reopen() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = SledStore::open(dir.path()).unwrap();
        let mut batch = Batch::new();
        batch.put(b"k".to_vec(), b"v".to_vec());
        store.apply(batch).unwrap();
        store.flush().unwrap();
    }
    let store = reopen(dir.path());
    assert_eq!(store.get(b"k").unwrap(), Some(b"v".to_vec()));
}

/// Opens the store in `dir` again once the dropped handle's last I/O
/// thread has let go of its file lock (sled finishes writes it started in
/// the background after the handle is dropped).
fn reopen(dir: &std::path::Path) -> SledStore {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match SledStore::open(dir) {
            Ok(store) => return store,
            Err(_) if std::time::Instant::now() < deadline => std::thread::yield_now(),
            Err(e) => panic!("the store does not reopen: {e}"),
        }
    }
}
