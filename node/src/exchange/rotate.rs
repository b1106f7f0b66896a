//! Rotating the key-encryption key (`liaison-node rotate-kek`), with the
//! node stopped: every data key is wrapped again under a new KEK, in place
//! in its slot; the data those keys encrypt is not touched.
//!
//! The steps, each safe to interrupt:
//!
//! 1. the new KEK is written beside the current one, as `<kek>.new` (0600,
//!    synced); while it exists the node refuses to start;
//! 2. the store is opened with both KEKs, every slot is rewrapped under the
//!    new one and synced, and a `kek.rotated` audit entry is recorded;
//! 3. `<kek>.new` is renamed over `<kek>` and the directory synced.
//!
//! Run again after an interruption, it takes the `.new` file it finds and
//! finishes: slots already rewrapped are left as they are.

use std::sync::Arc;

use super::state::{Event, Exchange};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::store::{Store, StoreError};
use crate::vault::{FileKek, Kek as _, KekId, Rotation, kek::sync_dir, read_kek};

/// What a rotation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KekRotated {
    pub old: KekId,
    pub new: KekId,
    /// Data keys wrapped again under the new KEK by this run.
    pub rewrapped: u64,
    /// Whether this run finished a rotation an earlier run began.
    pub resumed: bool,
}

fn keys_error(reason: String) -> Error {
    Error::Store(StoreError::Keys(reason))
}

/// Replaces the node's KEK by a new one (see the module's steps). The
/// node must be stopped: `store` is its data directory, opened here.
pub async fn rotate_kek(config: Arc<Config>, store: Arc<dyn Store>) -> Result<KekRotated> {
    let source = config.kek.clone();
    if source.credential {
        return Err(keys_error(format!(
            "the KEK `{}` is a systemd credential, which the node does not replace: copy it \
             to a 0600 file, set `kek_file` to that file, rotate, then load the new file as \
             the credential (docs/encryption.md)",
            source.path.display()
        )));
    }
    let old = read_kek(&source.path)?;
    let next = source.next_path();
    let resumed = next.exists();
    if !resumed {
        FileKek::random()
            .and_then(|kek| kek.write_new(&next))
            .map_err(keys_error)?;
    }
    let new = read_kek(&next)?;
    let (old_id, new_id) = (old.id(), new.id());
    let exchange = Exchange::open_with_kek(config, store, Arc::new(Rotation { old, new }))?;
    let rewrapped = exchange.records().vault().rewrap()?;
    exchange
        .record_event(Event::new("kek.rotated", "operator").detail(format!(
            "KEK {old_id} -> {new_id}; {rewrapped} data keys rewrapped{}",
            if resumed {
                " (finishing an interrupted rotation)"
            } else {
                ""
            }
        )))
        .await?;
    drop(exchange);
    let failed = |e: std::io::Error| {
        keys_error(format!(
            "every data key is wrapped under `{}`, which could not replace `{}`: {e}; move it \
             there by hand",
            next.display(),
            source.path.display()
        ))
    };
    std::fs::rename(&next, &source.path).map_err(failed)?;
    sync_dir(&source.path).map_err(failed)?;
    Ok(KekRotated {
        old: old_id,
        new: new_id,
        rewrapped,
        resumed,
    })
}
