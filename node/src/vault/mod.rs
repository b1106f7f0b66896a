//! Personal data at rest, encrypted so that it can be destroyed by
//! destroying a key (crypto-erasure).
//!
//! Each request gets its own 256-bit data key; its records, stored
//! envelopes and evidence files are encrypted with it (XChaCha20-Poly1305).
//! Data keys are wrapped by the node's key-encryption key (KEK), which
//! lives outside the store.

use zeroize::Zeroizing;

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
