//! Personal data at rest, encrypted so that it can be destroyed by
//! destroying a key (crypto-erasure). `docs/encryption.md` tells the whole
//! design; in short:
//!
//! - Each request gets its own 256-bit data key. Its records, stored
//!   envelopes and evidence files are encrypted with it (XChaCha20-Poly1305,
//!   [`seal`]); people's accounts and sessions share one node-wide key.
//! - Data keys are wrapped by the node's key-encryption key ([`Kek`]),
//!   which lives outside the store, and kept in fixed-size slots of their
//!   own ([`crate::store::KeySlots`]); the store maps a key's name to its
//!   slot (`dkey/<name>`).
//! - Destroying a key overwrites its slot with zeros: what is left of the
//!   data anywhere (sled's old segments, the journal) can no longer be
//!   read.
//! - New keys come from a pool of slots written and synced ahead, so that
//!   a new request costs no sync of its own. A slot no name refers to at
//!   start (the pool, or a key whose destruction a crash cut short) is
//!   destroyed then.

pub mod kek;
pub mod seal;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use zeroize::Zeroizing;

pub use kek::{FileKek, Kek, KekId, Rotation, private_key_exposure};

use crate::store::{SLOT, Slot, Store, StoreError};

/// A 256-bit data key, wiped from memory when dropped.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    /// A fresh key from the operating system's random source.
    pub fn generate() -> Result<DataKey, getrandom::Error> {
        let mut key = Zeroizing::new([0u8; 32]);
        getrandom::fill(key.as_mut())?;
        Ok(DataKey(key))
    }

    pub fn from_bytes(bytes: [u8; 32]) -> DataKey {
        DataKey(Zeroizing::new(bytes))
    }

    pub fn bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(<secret>)")
    }
}

/// The first bytes of a slot in use; a destroyed or unused slot is zeros.
const SLOT_MAGIC: &[u8; 4] = b"LSK1";
/// How many slots the pool writes (and syncs once) when it runs dry.
const POOL: usize = 64;

/// What a slot holds.
enum SlotState {
    Empty,
    Used {
        kek: KekId,
        wrapped: [u8; kek::WRAPPED],
    },
}

fn parse_slot(index: u64, slot: &Slot) -> Result<SlotState, StoreError> {
    if slot.iter().all(|&b| b == 0) {
        return Ok(SlotState::Empty);
    }
    if &slot[..4] != SLOT_MAGIC {
        return Err(StoreError::Corrupt {
            key: format!("data key slot {index}"),
            reason: "neither zeros nor a wrapped key (`LSK1`)".into(),
        });
    }
    let mut id = [0u8; 8];
    id.copy_from_slice(&slot[4..12]);
    let mut wrapped = [0u8; kek::WRAPPED];
    wrapped.copy_from_slice(&slot[12..12 + kek::WRAPPED]);
    Ok(SlotState::Used {
        kek: KekId(id),
        wrapped,
    })
}

fn used_slot(kek: KekId, wrapped: &[u8; kek::WRAPPED]) -> Slot {
    let mut slot = [0u8; SLOT];
    slot[..4].copy_from_slice(SLOT_MAGIC);
    slot[4..12].copy_from_slice(&kek.0);
    slot[12..12 + kek::WRAPPED].copy_from_slice(wrapped);
    slot
}

fn keys_error(reason: String) -> StoreError {
    StoreError::Keys(reason)
}

/// The node's data keys: their slots, the KEK that wraps them, and a pool
/// of keys ready for new requests.
pub struct Vault {
    store: Arc<dyn Store>,
    kek: Arc<dyn Kek>,
    pool: Mutex<Pool>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Vault({:?})", self.kek)
    }
}

#[derive(Default)]
struct Pool {
    /// Keys written and synced, not yet handed out.
    ready: Vec<(u64, DataKey)>,
    /// Slots destroyed, to be written again.
    empty: Vec<u64>,
}

/// What [`Vault::open`] found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct VaultReport {
    /// Slots in use, each referred to by a name.
    pub keys: u64,
    /// Slots nothing referred to, destroyed at open.
    pub destroyed: u64,
}

impl Vault {
    /// Opens the store's slots under `kek`. `referenced` maps each slot a
    /// name refers to onto that name. Refuses when a referenced slot is
    /// empty or wrapped under a KEK other than `kek`, and checks that `kek`
    /// really unwraps one key; destroys every slot no name refers to.
    pub fn open(
        store: Arc<dyn Store>,
        kek: Arc<dyn Kek>,
        referenced: &BTreeMap<u64, String>,
    ) -> Result<(Vault, VaultReport), StoreError> {
        let slots = store.key_slots();
        let mut pool = Pool::default();
        let mut report = VaultReport::default();
        let mut checked = false;
        for index in 0..slots.count() {
            let slot = slots.read(index)?;
            let state = parse_slot(index, &slot)?;
            match (state, referenced.get(&index)) {
                (SlotState::Empty, None) => pool.empty.push(index),
                (SlotState::Empty, Some(name)) => {
                    return Err(keys_error(format!(
                        "the data key `{name}` (slot {index}) was destroyed, yet the store still \
                         refers to it"
                    )));
                }
                (SlotState::Used { kek: id, .. }, Some(name)) if !kek.knows(id) => {
                    return Err(keys_error(format!(
                        "the data key `{name}` (slot {index}) is wrapped under KEK {id}, but the \
                         configured KEK is {}: configure the KEK this store was written with \
                         (nothing is lost while it is missing)",
                        kek.id()
                    )));
                }
                (SlotState::Used { kek: id, wrapped }, Some(name)) => {
                    if !checked {
                        kek.unwrap(index, id, &wrapped)
                            .map_err(|e| keys_error(format!("the data key `{name}`: {e}")))?;
                        checked = true;
                    }
                    report.keys += 1;
                }
                (SlotState::Used { .. }, None) => {
                    slots.write(index, &[0u8; SLOT])?;
                    pool.empty.push(index);
                    report.destroyed += 1;
                }
            }
        }
        if let Some((index, name)) = referenced.range(slots.count()..).next() {
            return Err(keys_error(format!(
                "the data key `{name}` is in slot {index}, past the {} slots there are",
                slots.count()
            )));
        }
        if report.destroyed > 0 {
            slots.sync()?;
        }
        // Reused lowest first.
        pool.empty.reverse();
        Ok((
            Vault {
                store,
                kek,
                pool: Mutex::new(pool),
            },
            report,
        ))
    }

    fn pool(&self) -> std::sync::MutexGuard<'_, Pool> {
        self.pool.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The KEK new keys are wrapped under.
    pub fn kek_id(&self) -> KekId {
        self.kek.id()
    }

    /// A new data key and its slot, durable already.
    pub fn take(&self) -> Result<(u64, DataKey), StoreError> {
        let mut pool = self.pool();
        if pool.ready.is_empty() {
            self.refill(&mut pool)?;
        }
        pool.ready
            .pop()
            .ok_or_else(|| keys_error("the pool of data keys is empty".into()))
    }

    fn refill(&self, pool: &mut Pool) -> Result<(), StoreError> {
        let slots = self.store.key_slots();
        let mut next = slots.count();
        let mut fresh = Vec::with_capacity(POOL);
        for _ in 0..POOL {
            let index = match pool.empty.pop() {
                Some(index) => index,
                None => {
                    next += 1;
                    next - 1
                }
            };
            let key = DataKey::generate()
                .map_err(|e| keys_error(format!("no random bytes for a data key: {e}")))?;
            let wrapped = self.kek.wrap(index, &key).map_err(keys_error)?;
            fresh.push((index, key, used_slot(self.kek.id(), &wrapped)));
        }
        // Appended slots must be written in order.
        fresh.sort_by_key(|(index, _, _)| *index);
        for (index, _, slot) in &fresh {
            slots.write(*index, slot)?;
        }
        slots.sync()?;
        pool.ready
            .extend(fresh.into_iter().rev().map(|(index, key, _)| (index, key)));
        Ok(())
    }

    /// The data key in `slot`.
    pub fn key(&self, index: u64) -> Result<DataKey, StoreError> {
        let slot = self.store.key_slots().read(index)?;
        match parse_slot(index, &slot)? {
            SlotState::Empty => Err(keys_error(format!(
                "data key slot {index} has been destroyed"
            ))),
            SlotState::Used { kek, wrapped } => {
                self.kek.unwrap(index, kek, &wrapped).map_err(keys_error)
            }
        }
    }

    /// Destroys the keys in `slots`: each is overwritten with zeros, then
    /// synced.
    pub fn destroy(&self, slots: &[u64]) -> Result<(), StoreError> {
        if slots.is_empty() {
            return Ok(());
        }
        let table = self.store.key_slots();
        for &index in slots {
            table.write(index, &[0u8; SLOT])?;
        }
        table.sync()?;
        self.pool().empty.extend_from_slice(slots);
        Ok(())
    }

    /// Wraps every key not yet under the KEK's current id again under it,
    /// in place, and syncs; returns how many were rewrapped. The data they
    /// encrypt is not touched.
    pub fn rewrap(&self) -> Result<u64, StoreError> {
        let table = self.store.key_slots();
        let target = self.kek.id();
        let mut rewrapped = 0;
        for index in 0..table.count() {
            let slot = table.read(index)?;
            if let SlotState::Used { kek, wrapped } = parse_slot(index, &slot)?
                && kek != target
            {
                let key = self.kek.unwrap(index, kek, &wrapped).map_err(keys_error)?;
                let wrapped = self.kek.wrap(index, &key).map_err(keys_error)?;
                table.write(index, &used_slot(target, &wrapped))?;
                rewrapped += 1;
            }
        }
        table.sync()?;
        Ok(rewrapped)
    }
}

/// Where the node's KEK comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KekSource {
    pub path: PathBuf,
    /// A systemd credential (`${CREDENTIALS_DIRECTORY}/...`): never created
    /// by the node.
    pub credential: bool,
}

impl KekSource {
    /// Where a rotation writes the next KEK before it takes its place.
    pub fn next_path(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".new");
        PathBuf::from(name)
    }
}

/// Reads a KEK file, refusing one that others can read or replace.
pub fn read_kek(path: &Path) -> Result<FileKek, StoreError> {
    use std::io::Read as _;
    use std::os::unix::fs::MetadataExt as _;
    let failed = |e: std::io::Error| keys_error(format!("cannot read `{}`: {e}", path.display()));
    let mut file = std::fs::File::open(path).map_err(failed)?;
    let metadata = file.metadata().map_err(failed)?;
    let node_user = rustix::process::geteuid().as_raw();
    if let Some(problem) =
        kek::private_key_exposure(path, metadata.mode(), metadata.uid(), node_user)
    {
        return Err(keys_error(problem));
    }
    let mut text = Zeroizing::new(String::new());
    file.read_to_string(&mut text).map_err(failed)?;
    FileKek::parse(path, &text).map_err(keys_error)
}

/// The node's KEK at start: read from `source`; created there when it does
/// not exist and the store holds no data key yet (a new node, or one
/// upgraded from a version without encryption at rest). A missing KEK with
/// keys in the store, or a rotation left half done, stops the start.
pub fn load_kek(source: &KekSource, store: &dyn Store) -> Result<(FileKek, bool), StoreError> {
    let next = source.next_path();
    if next.exists() {
        return Err(keys_error(format!(
            "a KEK rotation was interrupted (`{}` exists): run `liaison-node rotate-kek` again \
             to finish it",
            next.display()
        )));
    }
    if source.path.exists() {
        return Ok((read_kek(&source.path)?, false));
    }
    let slots = store.key_slots();
    let mut in_use = 0u64;
    for index in 0..slots.count() {
        if matches!(
            parse_slot(index, &slots.read(index)?)?,
            SlotState::Used { .. }
        ) {
            in_use += 1;
        }
    }
    if in_use > 0 || source.credential {
        return Err(keys_error(format!(
            "the KEK `{}` does not exist, and the store holds data keys wrapped under one \
             ({in_use} slots in use): restore the KEK file from its backup (the data is intact, and unreadable \
             without it)",
            source.path.display()
        )));
    }
    let kek = FileKek::random().map_err(keys_error)?;
    kek.write_new(&source.path).map_err(keys_error)?;
    Ok((read_kek(&source.path)?, true))
}
