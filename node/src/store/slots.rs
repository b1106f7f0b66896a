//! Fixed-size slots that hold wrapped data keys, apart from the key space
//! so that destroying a key overwrites its bytes in place: a record deleted
//! from the key space may survive in old log segments, a slot overwritten
//! with zeros does not survive in the file (see `docs/encryption.md` for
//! what this does and does not promise about the disk underneath).
//!
//! On disk, the slots are the file `datakeys` in the data directory:
//! [`SLOT`] bytes each, slot `i` at offset `i * SLOT`. A trailing partial
//! slot (an extension torn by a crash, never handed out) is cut at open.

use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::StoreError;

/// The size of one slot.
pub const SLOT: usize = 128;

/// One slot's bytes.
pub type Slot = [u8; SLOT];

/// A table of slots, each written whole and in place.
pub trait KeySlots: Send + Sync + std::fmt::Debug {
    /// How many slots there are.
    fn count(&self) -> u64;
    /// Slot `index`, which must be below [`KeySlots::count`].
    fn read(&self, index: u64) -> Result<Slot, StoreError>;
    /// Overwrites slot `index` in place, or appends it when `index` is
    /// [`KeySlots::count`]. Durable only after [`KeySlots::sync`].
    fn write(&self, index: u64, slot: &Slot) -> Result<(), StoreError>;
    /// Makes every write so far durable.
    fn sync(&self) -> Result<(), StoreError>;
}

/// The slots of a node's data directory.
#[derive(Debug)]
pub struct FileSlots {
    path: PathBuf,
    file: File,
    len: Mutex<u64>,
}

impl FileSlots {
    pub fn open(dir: &Path) -> Result<FileSlots, StoreError> {
        let path = dir.join("datakeys");
        let open_error = |e: std::io::Error| StoreError::Open {
            path: path.display().to_string(),
            reason: e.to_string(),
        };
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(open_error)?;
        let bytes = file.metadata().map_err(open_error)?.len();
        let whole = bytes / SLOT as u64;
        if bytes % SLOT as u64 != 0 {
            file.set_len(whole * SLOT as u64).map_err(open_error)?;
            file.sync_all().map_err(open_error)?;
        }
        Ok(FileSlots {
            path,
            file,
            len: Mutex::new(whole),
        })
    }

    fn io(&self, e: std::io::Error) -> StoreError {
        StoreError::Io(format!("{}: {e}", self.path.display()))
    }
}

impl KeySlots for FileSlots {
    fn count(&self) -> u64 {
        *self.len.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn read(&self, index: u64) -> Result<Slot, StoreError> {
        if index >= self.count() {
            return Err(StoreError::Corrupt {
                key: format!("{} slot {index}", self.path.display()),
                reason: format!("the file holds only {} slots", self.count()),
            });
        }
        let mut slot = [0u8; SLOT];
        self.file
            .read_exact_at(&mut slot, index * SLOT as u64)
            .map_err(|e| self.io(e))?;
        Ok(slot)
    }

    fn write(&self, index: u64, slot: &Slot) -> Result<(), StoreError> {
        let mut len = self.len.lock().unwrap_or_else(|p| p.into_inner());
        if index > *len {
            return Err(StoreError::Io(format!(
                "{}: slot {index} written past the end ({} slots)",
                self.path.display(),
                *len
            )));
        }
        self.file
            .write_all_at(slot, index * SLOT as u64)
            .map_err(|e| self.io(e))?;
        *len = (*len).max(index + 1);
        Ok(())
    }

    fn sync(&self) -> Result<(), StoreError> {
        self.file.sync_data().map_err(|e| self.io(e))
    }
}

/// Slots in memory, for the memory store.
#[derive(Debug, Default)]
pub struct MemorySlots {
    slots: Mutex<Vec<Slot>>,
}

impl KeySlots for MemorySlots {
    fn count(&self) -> u64 {
        self.slots.lock().unwrap_or_else(|p| p.into_inner()).len() as u64
    }

    fn read(&self, index: u64) -> Result<Slot, StoreError> {
        let slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        usize::try_from(index)
            .ok()
            .and_then(|i| slots.get(i))
            .copied()
            .ok_or_else(|| StoreError::Corrupt {
                key: format!("key slot {index}"),
                reason: format!("there are only {} slots", slots.len()),
            })
    }

    fn write(&self, index: u64, slot: &Slot) -> Result<(), StoreError> {
        let mut slots = self.slots.lock().unwrap_or_else(|p| p.into_inner());
        match usize::try_from(index) {
            Ok(i) if i < slots.len() => slots[i] = *slot,
            Ok(i) if i == slots.len() => slots.push(*slot),
            _ => {
                return Err(StoreError::Io(format!(
                    "key slot {index} written past the end ({} slots)",
                    slots.len()
                )));
            }
        }
        Ok(())
    }

    fn sync(&self) -> Result<(), StoreError> {
        Ok(())
    }
}
