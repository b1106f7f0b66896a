//! The key-encryption key (KEK): it wraps every data key and lives outside
//! the store, in a file only the node can read (or a systemd credential).
//! [`Kek`] is the seam for a hardware security module or a KMS: anything
//! that can wrap and unwrap 32 bytes under a key it keeps.

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::DataKey;

/// A wrapped data key: a 24-byte nonce, then the 32-byte key encrypted
/// with its 16-byte tag.
pub const WRAPPED: usize = 72;

/// The first line of a KEK file names its format.
const FILE_PREFIX: &str = "liaison-kek-v1 ";

/// Names a KEK without revealing it: the first 8 bytes of
/// SHA-256("liaison kek id v1" || key).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct KekId(pub [u8; 8]);

impl fmt::Display for KekId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&hex::encode(self.0))
    }
}

impl fmt::Debug for KekId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KekId({self})")
    }
}

/// Wraps and unwraps data keys. Each wrap is bound to the slot it is
/// stored in and to the KEK's id, so a wrapped key copied to another slot
/// does not unwrap.
pub trait Kek: Send + Sync + fmt::Debug {
    /// The KEK new wraps are made under.
    fn id(&self) -> KekId;
    /// Whether this KEK (or, during a rotation, either KEK) is `id`.
    fn knows(&self, id: KekId) -> bool {
        id == self.id()
    }
    fn wrap(&self, slot: u64, key: &DataKey) -> Result<[u8; WRAPPED], String>;
    /// Unwraps a key wrapped under KEK `id` for `slot`.
    fn unwrap(&self, slot: u64, id: KekId, wrapped: &[u8; WRAPPED]) -> Result<DataKey, String>;
}

/// A KEK held in memory, read from a file (or generated).
pub struct FileKek {
    key: Zeroizing<[u8; 32]>,
    id: KekId,
    /// Where it came from, for messages.
    path: Option<PathBuf>,
}

impl fmt::Debug for FileKek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FileKek({}, {:?})", self.id, self.path)
    }
}

fn aad(slot: u64, id: KekId) -> Vec<u8> {
    let mut aad = b"liaison data key v1\0".to_vec();
    aad.extend_from_slice(&slot.to_be_bytes());
    aad.extend_from_slice(&id.0);
    aad
}

impl FileKek {
    fn from_key(key: Zeroizing<[u8; 32]>, path: Option<PathBuf>) -> FileKek {
        let digest = Sha256::new()
            .chain_update(b"liaison kek id v1")
            .chain_update(key.as_ref())
            .finalize();
        let mut id = [0u8; 8];
        id.copy_from_slice(&digest[..8]);
        FileKek {
            key,
            id: KekId(id),
            path,
        }
    }

    /// A fresh KEK kept only in memory (tests, benchmarks).
    pub fn random() -> Result<FileKek, String> {
        let mut key = Zeroizing::new([0u8; 32]);
        getrandom::fill(key.as_mut()).map_err(|e| format!("no random bytes: {e}"))?;
        Ok(FileKek::from_key(key, None))
    }

    /// Reads the KEK file at `path`, whose text must be one line:
    /// `liaison-kek-v1 ` and 64 hex digits. The caller checks who may read
    /// it.
    pub fn parse(path: &Path, text: &str) -> Result<FileKek, String> {
        let hex_text = text
            .trim_end_matches(['\n', '\r'])
            .strip_prefix(FILE_PREFIX)
            .ok_or_else(|| {
                format!(
                    "`{}` is not a Liaison KEK file: it must hold one line, `{FILE_PREFIX}` \
                     followed by 64 hex digits",
                    path.display()
                )
            })?;
        let mut key = Zeroizing::new([0u8; 32]);
        hex::decode_to_slice(hex_text, key.as_mut()).map_err(|_| {
            format!(
                "`{}`: the key must be 64 hex digits after `{FILE_PREFIX}`",
                path.display()
            )
        })?;
        Ok(FileKek::from_key(key, Some(path.to_path_buf())))
    }

    /// Writes this KEK to `path`, readable by the node's user only (0600),
    /// and syncs it and its directory. Refuses to replace a file.
    pub fn write_new(&self, path: &Path) -> Result<(), String> {
        use std::os::unix::fs::OpenOptionsExt as _;
        let failed = |e: std::io::Error| format!("cannot write `{}`: {e}", path.display());
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(path)
            .map_err(failed)?;
        let text = Zeroizing::new(format!("{FILE_PREFIX}{}\n", hex::encode(self.key.as_ref())));
        file.write_all(text.as_bytes()).map_err(failed)?;
        file.sync_all().map_err(failed)?;
        sync_dir(path).map_err(failed)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }
}

/// Syncs the directory holding `path`, so that a new name in it is durable.
pub fn sync_dir(path: &Path) -> std::io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => std::fs::File::open(dir)?.sync_all(),
        _ => std::fs::File::open(".")?.sync_all(),
    }
}

impl Kek for FileKek {
    fn id(&self) -> KekId {
        self.id
    }

    fn wrap(&self, slot: u64, key: &DataKey) -> Result<[u8; WRAPPED], String> {
        let cipher = XChaCha20Poly1305::new(self.key.as_ref().into());
        let mut nonce = [0u8; 24];
        getrandom::fill(&mut nonce).map_err(|e| format!("no random bytes: {e}"))?;
        let sealed = cipher
            .encrypt(
                XNonce::from_slice(&nonce),
                Payload {
                    msg: key.bytes(),
                    aad: &aad(slot, self.id),
                },
            )
            .map_err(|_| "wrapping a data key failed".to_string())?;
        let mut out = [0u8; WRAPPED];
        out[..24].copy_from_slice(&nonce);
        if sealed.len() != WRAPPED - 24 {
            return Err("wrapping a data key gave an unexpected length".into());
        }
        out[24..].copy_from_slice(&sealed);
        Ok(out)
    }

    fn unwrap(&self, slot: u64, id: KekId, wrapped: &[u8; WRAPPED]) -> Result<DataKey, String> {
        if id != self.id {
            return Err(format!(
                "slot {slot} is wrapped under KEK {id}, not under the configured KEK {}",
                self.id
            ));
        }
        let cipher = XChaCha20Poly1305::new(self.key.as_ref().into());
        let plain = Zeroizing::new(
            cipher
                .decrypt(
                    XNonce::from_slice(&wrapped[..24]),
                    Payload {
                        msg: &wrapped[24..],
                        aad: &aad(slot, id),
                    },
                )
                .map_err(|_| {
                    format!(
                        "slot {slot} does not unwrap under KEK {id}: the slot is damaged or was \
                         moved from another slot"
                    )
                })?,
        );
        let bytes: [u8; 32] = plain
            .as_slice()
            .try_into()
            .map_err(|_| format!("slot {slot} unwraps to a key of the wrong length"))?;
        Ok(DataKey::from_bytes(bytes))
    }
}

/// Both KEKs of a rotation in progress: unwraps under either, wraps under
/// the new one.
#[derive(Debug)]
pub struct Rotation {
    pub old: FileKek,
    pub new: FileKek,
}

impl Kek for Rotation {
    fn id(&self) -> KekId {
        self.new.id
    }

    fn knows(&self, id: KekId) -> bool {
        id == self.old.id || id == self.new.id
    }

    fn wrap(&self, slot: u64, key: &DataKey) -> Result<[u8; WRAPPED], String> {
        self.new.wrap(slot, key)
    }

    fn unwrap(&self, slot: u64, id: KekId, wrapped: &[u8; WRAPPED]) -> Result<DataKey, String> {
        if id == self.old.id {
            self.old.unwrap(slot, id, wrapped)
        } else {
            self.new.unwrap(slot, id, wrapped)
        }
    }
}

/// Why a private key file at `path` with permission bits `mode`, owned by
/// user id `owner`, must not be used by a node running as user id
/// `node_user`; `None` if it may be.
///
/// The rule is PostgreSQL's for its server key (`be-secure-common.c`):
///
/// - a file the node's own user owns must be 0600 or stricter, as OpenSSH
///   requires of private keys: nobody else can read it;
/// - a file root owns (the node not running as root) may also be readable,
///   and nothing more, by its group: 0640 or stricter. This is how a node
///   not running as root reads a key root provisioned for it: a Kubernetes
///   Secret mounted with `fsGroup` (the kubelet always adds group read, so
///   such files are 0440 whatever `defaultMode` says; see deploy/README.md)
///   or a key shared through a group such as Debian's `ssl-cert`;
/// - a file anyone else owns is refused: its owner could replace the key.
///
/// Bits for others are never allowed. Each refusal names the file, its mode
/// and the command that fixes it.
pub fn private_key_exposure(path: &Path, mode: u32, owner: u32, node_user: u32) -> Option<String> {
    const GROUP: u32 = 0o070;
    const GROUP_READ: u32 = 0o040;
    const OTHERS: u32 = 0o007;
    let file = path.display();
    let permissions = mode & 0o777;
    let access = |bits: u32| {
        if bits & 0o444 != 0 {
            "readable"
        } else {
            "writable or executable"
        }
    };
    if owner == node_user {
        let open = permissions & (GROUP | OTHERS);
        (open != 0).then(|| {
            format!(
                "`{file}` is {} by group or others (mode {permissions:04o}); run `chmod 600 {file}`",
                access(open)
            )
        })
    } else if owner == 0 {
        let mut wrong = Vec::new();
        if permissions & OTHERS != 0 {
            wrong.push(format!("{} by others", access(permissions & OTHERS)));
        }
        if permissions & GROUP & !GROUP_READ != 0 {
            wrong.push("writable or executable by its group".to_string());
        }
        (!wrong.is_empty()).then(|| {
            format!(
                "`{file}` is owned by root and {} (mode {permissions:04o}); a key root owns may \
                 be readable by its group, no more: run `chmod 640 {file}`",
                wrong.join(" and ")
            )
        })
    } else {
        Some(format!(
            "`{file}` is owned by user id {owner}, neither the node's user (id {node_user}) \
             nor root, and that user could replace the key; run `chown {node_user} {file}` \
             and `chmod 600 {file}`"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_key_unwraps_only_in_its_slot_under_its_kek() {
        let kek = FileKek::random().unwrap();
        let other = FileKek::random().unwrap();
        let key = DataKey::generate().unwrap();
        let wrapped = kek.wrap(7, &key).unwrap();
        assert_eq!(
            kek.unwrap(7, kek.id(), &wrapped).unwrap().bytes(),
            key.bytes()
        );
        assert!(
            kek.unwrap(8, kek.id(), &wrapped)
                .unwrap_err()
                .contains("slot 8")
        );
        assert!(other.unwrap(7, kek.id(), &wrapped).is_err());
        let mut flipped = wrapped;
        flipped[40] ^= 1;
        assert!(kek.unwrap(7, kek.id(), &flipped).is_err());
    }

    #[test]
    fn a_kek_file_round_trips_and_bad_text_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("node.kek");
        let kek = FileKek::random().unwrap();
        kek.write_new(&path).unwrap();
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(FileKek::parse(&path, &text).unwrap().id(), kek.id());
        assert!(kek.write_new(&path).unwrap_err().contains("node.kek"));
        let error = FileKek::parse(&path, "liaison-kek-v1 zz").unwrap_err();
        assert!(error.contains("64 hex digits"), "{error}");
        let error = FileKek::parse(&path, "-----BEGIN PRIVATE KEY-----").unwrap_err();
        assert!(error.contains("not a Liaison KEK file"), "{error}");
    }
}
