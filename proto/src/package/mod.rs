//! The court evidence package: one zip file holding evidence files, the
//! signed manifests that describe them, every custody entry of their chain
//! with its inclusion proof, the signed tree heads and public keys those
//! proofs need, and a readable custody report, so that a court can check
//! it all offline, years later, with nothing but the file.
//!
//! [`PackageWriter`] writes one from parts the node has already fetched,
//! streaming the files; [`verify`] checks one, streaming again, and lists
//! every [`Finding`]; [`custody`] defines the custody entries' chain and
//! [`report`] the HTML report. The format, byte for byte, and every rule a
//! verifier applies are in `docs/evidence-package.md`, which builds on
//! `docs/audit-export.md`.
//!
//! No file system or network here: the writer takes any `Write + Seek` and
//! the verifier any `Read + Seek`.

pub mod custody;
#[cfg(any(test, feature = "fixture"))]
pub mod fixture;
pub mod report;
mod verify;
mod writer;

#[cfg(test)]
mod tests;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::audit::{DistinctKeys, integers_only};
use crate::domain::CountryCode;
use crate::merkle::Hash;

pub use custody::{CustodyDetail, DetailError, custody_detail, parse_custody_detail};
pub use verify::{
    Finding, PackageFile, PackageKey, PinnedKeys, Rule, Verdict, Verification, verify,
};
pub use writer::{PackageError, PackageWriter};

/// What the manifest signature covers before the bytes of `manifest.json`.
pub const PACKAGE_CONTEXT: &[u8] = b"liaison.v1.evidence-package";
/// `manifest.json`'s `format`.
pub const FORMAT: &str = "liaison.evidence-package";
/// `manifest.json`'s `version`: the version of this format.
pub const VERSION: u64 = 1;
/// The signed list of the package's members.
pub const MANIFEST: &str = "manifest.json";
/// The exporting node's signature over [`MANIFEST`].
pub const SIGNATURE: &str = "manifest.sig";
/// The readable custody report.
pub const REPORT: &str = "report.html";
/// The largest member the verifier reads into memory: every member but the
/// evidence files, which it only streams through SHA-256.
pub const MAX_PART_BYTES: u64 = 16 * 1024 * 1024;
/// The most the verifier holds in memory of all members but the evidence
/// files together.
pub const MAX_PARTS_TOTAL: u64 = 256 * 1024 * 1024;
/// The most members a package may hold.
pub const MAX_MEMBERS: usize = 100_000;

/// `keys/<COUNTRY>.json`.
pub fn keys_path(country: CountryCode) -> String {
    format!("keys/{country}.json")
}

/// `envelopes/<hex SHA-256 of the message bytes>.pb`.
pub fn envelope_path(message_hash: &Hash) -> String {
    format!("envelopes/{}.pb", hex::encode(message_hash))
}

/// `files/<file_id>/<name>`.
pub fn file_path(file_id: &str, name: &str) -> String {
    format!("files/{file_id}/{name}")
}

/// `custody/<COUNTRY>.jsonl`.
pub fn custody_path(country: CountryCode) -> String {
    format!("custody/{country}.jsonl")
}

/// `tree-heads/<COUNTRY>-<tree size>.pb`.
pub fn tree_head_path(country: CountryCode, tree_size: u64) -> String {
    format!("tree-heads/{country}-{tree_size}.pb")
}

/// What a member's path says it holds (`docs/evidence-package.md`
/// section 1).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Keys(CountryCode),
    Envelope(Hash),
    File { file_id: String, name: String },
    Custody(CountryCode),
    TreeHead(CountryCode, u64),
    Report,
}

/// Reads a member path written the one way this format writes it, or
/// `None`.
fn part(path: &str) -> Option<Part> {
    if path == REPORT {
        return Some(Part::Report);
    }
    let (folder, rest) = path.split_once('/')?;
    match folder {
        "keys" => country(rest.strip_suffix(".json")?).map(Part::Keys),
        "custody" => country(rest.strip_suffix(".jsonl")?).map(Part::Custody),
        "envelopes" => custody::lower_hex_hash(rest.strip_suffix(".pb")?).map(Part::Envelope),
        "tree-heads" => {
            let (code, size) = rest.strip_suffix(".pb")?.split_once('-')?;
            let canonical_number =
                size == "0" || (!size.starts_with('0') && size.bytes().all(|b| b.is_ascii_digit()));
            let size: u64 = size.parse().ok().filter(|_| canonical_number)?;
            Some(Part::TreeHead(country(code)?, size))
        }
        "files" => {
            let (file_id, name) = rest.split_once('/')?;
            crate::convert::uuid("file_id", file_id).ok()?;
            crate::convert::file_name("name", name).ok()?;
            Some(Part::File {
                file_id: file_id.to_string(),
                name: name.to_string(),
            })
        }
        _ => None,
    }
}

/// Three upper-case ASCII letters, exactly.
fn country(code: &str) -> Option<CountryCode> {
    (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()))
        .then(|| code.parse().ok())
        .flatten()
}

/// `manifest.json`: what the package holds, signed by the exporting node
/// (`docs/evidence-package.md` section 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageManifest {
    /// Every custody entry in `custody/`, in the order of its country,
    /// then its index.
    pub custody: Vec<CustodyListing>,
    /// When the package was written, Unix milliseconds.
    pub created_unix_ms: i64,
    /// The country whose node wrote and signed the package.
    pub exporter: String,
    /// Every evidence file in `files/`, in the order of its path.
    pub files: Vec<FileListing>,
    /// [`FORMAT`].
    pub format: String,
    /// Every member but `manifest.json` and `manifest.sig`, in the order of
    /// its path.
    pub members: Vec<MemberListing>,
    /// The request every envelope and custody entry is about.
    pub request_id: String,
    /// [`VERSION`].
    pub version: u64,
}

/// One member of the package, with the SHA-256 and size of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberListing {
    pub path: String,
    pub sha256: String,
    pub size: u64,
}

/// One evidence file: where its bytes are and which signed manifest
/// describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileListing {
    /// The member of the envelope whose evidence manifest lists the file.
    pub envelope: String,
    pub file_id: String,
    pub path: String,
    pub sha256: String,
    pub size: u64,
}

/// One custody entry: the log it is in, its index there and its leaf hash.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustodyListing {
    pub country: String,
    pub index: u64,
    pub leaf: String,
}

/// `manifest.sig`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestSignature {
    /// The exporting node's key that signed (`envelope::key_id`).
    pub key_id: String,
    /// Base64 of the 64-byte Ed25519 signature over [`PACKAGE_CONTEXT`]
    /// followed by the bytes of `manifest.json`.
    pub signature: String,
}

/// `keys/<COUNTRY>.json`: a node's public signing keys, as
/// `Federation.GetKeys` gives them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeysFile {
    pub country: String,
    pub keys: Vec<KeyListing>,
}

/// One public key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyListing {
    /// Whether the node signs with it now (the others are earlier keys).
    pub current: bool,
    pub key_id: String,
    /// Base64 of the raw 32-byte Ed25519 key.
    pub public_key: String,
}

/// One line of `custody/<COUNTRY>.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustodyLine {
    /// The audit entry's exact bytes (the Merkle leaf), as a JSON string.
    pub entry: String,
    pub index: u64,
    /// Hex of the leaf hash of `entry`.
    pub leaf: String,
    /// The inclusion proof under `tree_head`, hex hashes.
    pub proof: Vec<String>,
    /// The member holding the signed tree head the proof leads to.
    pub tree_head: String,
}

/// `value` as canonical JSON (`docs/audit-export.md` section 2): serde_json
/// sorts object members when it goes through a [`Value`].
fn canonical_json<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .map(|v| v.to_string())
        .unwrap_or_default()
}

/// Parses `bytes` that must be the canonical JSON of a `T`: UTF-8, no
/// object naming a key twice, integers only, byte for byte as
/// [`canonical_json`] writes it, and no member `T` does not define.
fn from_canonical_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, String> {
    let DistinctKeys(value) =
        serde_json::from_slice(bytes).map_err(|e| format!("not JSON with distinct keys: {e}"))?;
    if !integers_only(&value) {
        return Err("holds a number that is not an integer".into());
    }
    if value.to_string().as_bytes() != bytes {
        return Err("not in canonical form (see docs/audit-export.md section 2)".into());
    }
    serde_json::from_value::<T>(value).map_err(|e| e.to_string())
}

/// Parses JSON with distinct keys into a [`Value`].
fn distinct_json(bytes: &[u8]) -> Result<Value, String> {
    serde_json::from_slice::<DistinctKeys>(bytes)
        .map(|DistinctKeys(v)| v)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn member_paths_read_back_only_in_their_one_form() {
        let tha: CountryCode = "THA".parse().unwrap();
        let id = "3f0e8c1a-5b2d-4c6e-9f7a-0b1c2d3e4f50";
        assert_eq!(part(&keys_path(tha)), Some(Part::Keys(tha)));
        assert_eq!(part(&custody_path(tha)), Some(Part::Custody(tha)));
        assert_eq!(
            part(&tree_head_path(tha, 12)),
            Some(Part::TreeHead(tha, 12))
        );
        assert_eq!(
            part(&envelope_path(&[7; 32])),
            Some(Part::Envelope([7; 32]))
        );
        assert_eq!(
            part(&file_path(id, "chat <1>.txt")),
            Some(Part::File {
                file_id: id.into(),
                name: "chat <1>.txt".into()
            })
        );
        for bad in [
            "keys/tha.json",
            "keys/THAI.json",
            "tree-heads/THA-012.pb",
            "tree-heads/THA-+1.pb",
            "tree-heads/THA-.pb",
            "envelopes/AB.pb",
            "files/not-a-uuid/x",
            &format!("files/{id}/a/b"),
            &format!("files/{id}/.."),
            "report.htm",
            "other/x",
            "manifest.json",
        ] {
            assert_eq!(part(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_canonical_json_is_read() {
        let key = KeyListing {
            current: true,
            key_id: "ab".into(),
            public_key: "cd".into(),
        };
        let text = canonical_json(&key);
        assert_eq!(text, r#"{"current":true,"key_id":"ab","public_key":"cd"}"#);
        assert_eq!(from_canonical_json::<KeyListing>(text.as_bytes()), Ok(key));
        for bad in [
            r#"{"key_id":"ab","current":true,"public_key":"cd"}"#,
            r#"{"current":true, "key_id":"ab","public_key":"cd"}"#,
            r#"{"current":true,"key_id":"ab","key_id":"ab","public_key":"cd"}"#,
            r#"{"current":true,"extra":1,"key_id":"ab","public_key":"cd"}"#,
            r#"{"current":true,"key_id":"ab"}"#,
        ] {
            assert!(
                from_canonical_json::<KeyListing>(bad.as_bytes()).is_err(),
                "{bad}"
            );
        }
    }
}
