//! An online backup: a consistent snapshot of a running node, written into
//! a directory on its own host (docs/reliability.md, "Backups"). Under
//! the write lock, once everything applied is durable, the store writes
//! what is durable ([`crate::store::Store::snapshot`]): the audit log's
//! files, the data keys and the key space. Beside it go the evidence files,
//! the configuration directory without its private keys, tokens and KEK
//! (those only when asked), and this node's public signing key.

use std::path::{Path, PathBuf};

use super::state::{Event, Exchange, blocking};
use crate::config::LocalUser;
use crate::error::{Error, Problem, Result};
use crate::store::{StoreError, copy_dir};

/// What a backup wrote.
#[derive(Debug, Clone)]
pub struct Backup {
    pub directory: PathBuf,
    pub tree_size: u64,
    pub root: [u8; 32],
    pub queued: u64,
    pub bytes: u64,
    /// Files written, relative to the directory.
    pub files: Vec<String>,
    pub secrets: bool,
}

impl Exchange {
    /// Writes a snapshot of this node into `directory`, which must be an
    /// absolute path that does not exist yet (its parent must). Private
    /// keys, tokens and the KEK are left out unless `secrets`.
    pub async fn backup(
        &self,
        caller: &LocalUser,
        directory: &str,
        secrets: bool,
    ) -> Result<Backup> {
        let directory = PathBuf::from(directory);
        if !directory.is_absolute() {
            return Err(Error::invalid(Problem::field(
                "directory",
                "must be an absolute path on the node's host",
            )));
        }
        if directory.exists() {
            return Err(Error::exists(Problem::field(
                "directory",
                "already exists: a backup goes into a new directory",
            )));
        }
        if !directory.parent().is_some_and(Path::is_dir) {
            return Err(Error::invalid(Problem::field(
                "directory",
                "its parent directory does not exist",
            )));
        }
        let config = self.config();
        let state = self.state.lock().await;
        // Every change applied so far becomes durable; none is applied
        // until the snapshot is written.
        self.durable().await?;
        let head = self.records.sealed();
        let queued = self.records.outbox_len()? as u64;
        let data = directory.join("data");
        let bytes = blocking(|| -> Result<u64> {
            std::fs::create_dir(&directory)
                .map_err(|e| StoreError::io(format_args!("{}: create", directory.display()), &e))?;
            let mut bytes = self.records.snapshot(&data)?;
            let evidence = config.data_dir.join("evidence");
            if evidence.is_dir() {
                bytes += copy_dir(&evidence, &data.join("evidence"), &mut |_| true)?;
            }
            let node_dir = config.path.parent().unwrap_or(Path::new("."));
            let data_dir = config.data_dir.clone();
            let kek = config.kek.path.clone();
            let mut keep = |path: &Path| path != data_dir && (secrets || !is_secret(path, &kek));
            bytes += copy_dir(node_dir, &directory.join("config"), &mut keep)?;
            let public = directory.join("signing-key.pub");
            let key = config.signer.verifying_key();
            std::fs::write(&public, format!("{}\n", hex::encode(key.as_bytes())))
                .map_err(|e| StoreError::io(format_args!("{}: write", public.display()), &e))?;
            Ok(bytes)
        })?;
        let (tree_size, root) = match &head {
            Some(head) => (head.size, head_root(&head.signed)),
            None => (0, [0; 32]),
        };
        drop(state);
        let mut files = Vec::new();
        list_files(&directory, &directory, &mut files)?;
        files.sort();
        let event = Event::new("node.backup", &caller.name).detail(format!(
            "tree_size={tree_size} queued={queued} secrets={}",
            if secrets { "included" } else { "left out" }
        ));
        self.record_event(event).await?;
        tracing::info!(
            directory = %directory.display(),
            tree_size,
            queued,
            secrets,
            "backup written"
        );
        Ok(Backup {
            directory,
            tree_size,
            root,
            queued,
            bytes,
            files,
            secrets,
        })
    }
}

/// The root a signed tree head names (already verified when it was made).
fn head_root(signed: &liaison_proto::pb::SignedTreeHead) -> [u8; 32] {
    use prost::Message as _;
    liaison_proto::pb::TreeHeadBody::decode(signed.body.as_slice())
        .ok()
        .and_then(|body| body.root_hash.try_into().ok())
        .unwrap_or([0; 32])
}

/// A private key (PEM `PRIVATE KEY`), a token, or the KEK.
fn is_secret(path: &Path, kek: &Path) -> bool {
    if path == kek || path.components().any(|c| c.as_os_str() == "tokens") {
        return true;
    }
    if path.is_dir() {
        return false;
    }
    std::fs::read(path).is_ok_and(|bytes| {
        bytes
            .windows(b"PRIVATE KEY".len())
            .any(|w| w == b"PRIVATE KEY")
    })
}

/// Every file under `dir`, relative to `root`.
fn list_files(root: &Path, dir: &Path, files: &mut Vec<String>) -> Result<(), StoreError> {
    let fail = |e: std::io::Error| StoreError::io(format_args!("{}: list", dir.display()), &e);
    for entry in std::fs::read_dir(dir).map_err(fail)? {
        let path = entry.map_err(fail)?.path();
        if path.is_dir() {
            list_files(root, &path, files)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            files.push(relative.display().to_string());
        }
    }
    Ok(())
}
