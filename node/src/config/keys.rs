//! Key files and key text: who may read a private key file
//! ([`private_key_exposure`]), signing keys in PEM, public keys in base64.

use std::path::Path;

use base64::Engine as _;
use ed25519_dalek::VerifyingKey;

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

/// Reads a PKCS#8 PEM Ed25519 signing key: the v1 form Liaison and OpenSSL
/// write, or the v2 form earlier Liaison versions wrote (whose attached
/// public key must then match the seed).
pub fn decode_signing_key(pem: &str) -> Result<ed25519_dalek::SigningKey, String> {
    use ed25519_dalek::pkcs8::DecodePrivateKey as _;
    ed25519_dalek::SigningKey::from_pkcs8_pem(pem).map_err(|e| e.to_string())
}

/// Parses base64 of a raw 32-byte Ed25519 public key.
pub fn parse_public_key(encoded: &str) -> Result<VerifyingKey, String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .map_err(|e| format!("not base64: {e}"))?;
    liaison_proto::envelope::verifying_key(&bytes).map_err(|e| e.to_string())
}

/// Base64 of a raw public key, as configuration files carry it.
pub fn encode_public_key(key: &VerifyingKey) -> String {
    base64::engine::general_purpose::STANDARD.encode(key.as_bytes())
}
