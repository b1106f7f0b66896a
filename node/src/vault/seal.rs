//! Values sealed with a data key. A sealed value is
//!
//! ```text
//! 0xFF 'L' 'S' 0x01 | name length (1 byte) | name | nonce (24) | ciphertext and tag
//! ```
//!
//! where `name` names the data key (`r/<request id>`, `node/accounts`) and
//! the ciphertext is XChaCha20-Poly1305 with associated data
//! `"liaison record v1\0" || storage key || 0x00 || name`: a sealed value
//! moved to another key does not open. No JSON text and no protocol
//! buffer message starts with 0xFF (wire type 7 does not exist), so a
//! plain value is never taken for a sealed one.

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};

use super::DataKey;

const MAGIC: [u8; 4] = [0xFF, b'L', b'S', 1];

fn aad(storage_key: &[u8], name: &str) -> Vec<u8> {
    let mut aad = b"liaison record v1\0".to_vec();
    aad.extend_from_slice(storage_key);
    aad.push(0);
    aad.extend_from_slice(name.as_bytes());
    aad
}

/// Seals `plain`, to be stored under `storage_key`, with the data key
/// `name`.
pub fn seal(
    key: &DataKey,
    storage_key: &[u8],
    name: &str,
    plain: &[u8],
) -> Result<Vec<u8>, String> {
    let name_len =
        u8::try_from(name.len()).map_err(|_| format!("data key name `{name}` is too long"))?;
    let mut nonce = [0u8; 24];
    getrandom::fill(&mut nonce).map_err(|e| format!("no random bytes: {e}"))?;
    let sealed = XChaCha20Poly1305::new(key.bytes().into())
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: &aad(storage_key, name),
            },
        )
        .map_err(|_| "encryption failed".to_string())?;
    let mut out = Vec::with_capacity(4 + 1 + name.len() + 24 + sealed.len());
    out.extend_from_slice(&MAGIC);
    out.push(name_len);
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// The name of the data key a sealed value needs; `None` for a plain value.
pub fn sealed_name(value: &[u8]) -> Option<Result<&str, String>> {
    let rest = value.strip_prefix(&MAGIC)?;
    Some(header(rest).map(|(name, _)| name))
}

fn header(rest: &[u8]) -> Result<(&str, &[u8]), String> {
    let (&len, rest) = rest
        .split_first()
        .ok_or("a sealed value ends after its magic bytes")?;
    let len = usize::from(len);
    if rest.len() < len + 24 + 16 {
        return Err("a sealed value is shorter than its header and tag".into());
    }
    let name = std::str::from_utf8(&rest[..len])
        .map_err(|_| "a sealed value's key name is not UTF-8".to_string())?;
    Ok((name, &rest[len..]))
}

/// Opens a value sealed with `key` under `storage_key`.
pub fn open(key: &DataKey, storage_key: &[u8], value: &[u8]) -> Result<Vec<u8>, String> {
    let rest = value
        .strip_prefix(&MAGIC)
        .ok_or("the value is not sealed")?;
    let (name, rest) = header(rest)?;
    let (nonce, sealed) = rest.split_at(24);
    XChaCha20Poly1305::new(key.bytes().into())
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: &aad(storage_key, name),
            },
        )
        .map_err(|_| {
            format!(
                "the value does not decrypt with the data key `{name}`: it was altered, moved \
                 from another key, or sealed with another data key"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_under_their_key_and_storage_key() {
        let key = DataKey::generate().unwrap();
        let sealed = seal(&key, b"in/r1", "r/r1", b"{\"marker\":1}").unwrap();
        assert_eq!(sealed_name(&sealed).unwrap().unwrap(), "r/r1");
        assert!(!sealed.windows(6).any(|w| w == b"marker"));
        assert_eq!(open(&key, b"in/r1", &sealed).unwrap(), b"{\"marker\":1}");
        assert!(open(&key, b"in/r2", &sealed).is_err());
        let other = DataKey::generate().unwrap();
        assert!(open(&other, b"in/r1", &sealed).is_err());
        let mut flipped = sealed.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(open(&key, b"in/r1", &flipped).is_err());
        assert!(sealed_name(b"{\"plain\":1}").is_none());
        assert!(sealed_name(&sealed[..8]).unwrap().is_err());
    }
}
