//! Key files and key text: who may read a private key file
//! ([`private_key_exposure`]), signing keys in PEM, public keys in base64.

use base64::Engine as _;
use ed25519_dalek::VerifyingKey;

pub use crate::vault::private_key_exposure;

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
