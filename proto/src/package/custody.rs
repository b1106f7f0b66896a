//! Custody entries: the audit log entries that record what happened to one
//! evidence file, and the `detail` syntax that links them into a chain.
//!
//! A node writes one audit entry per custody event. Its `message_hash` is
//! the file's SHA-256 and its `detail` names the file and the Merkle leaf
//! hash of the file's previous custody entry at that node
//! (`file=<uuid> after=<hex>`), or `after=-` for the first one,
//! `evidence.attached`. The receiving node's first entry names the
//! `custody_start` of the signed manifest: the acquiring node's
//! `evidence.attached` leaf. So each file's entries form a tree rooted at
//! `evidence.attached`, each node's part of it a chain.
//! `docs/evidence-package.md` section 6 specifies it; the node writes the
//! detail with [`custody_detail`] and the verifier reads it with
//! [`parse_custody_detail`].

use serde::{Deserialize, Serialize};

use crate::merkle::Hash;

/// A person uploaded the file at the acquiring node.
pub const EVIDENCE_ATTACHED: &str = "evidence.attached";
/// The acquiring node sent the file and holds the receiver's receipt.
pub const EVIDENCE_SENT: &str = "evidence.sent";
/// The receiving node got the file's bytes.
pub const EVIDENCE_RECEIVED: &str = "evidence.received";
/// The receiving node found the bytes hash to the signed manifest.
pub const EVIDENCE_VERIFIED: &str = "evidence.verified";
/// Someone downloaded or viewed the file.
pub const EVIDENCE_OPENED: &str = "evidence.opened";
/// The file was put into an evidence package.
pub const EVIDENCE_EXPORTED: &str = "evidence.exported";
/// The node deleted the file's bytes.
pub const EVIDENCE_PURGED: &str = "evidence.purged";

/// Every custody event, in the order they usually happen.
pub const CUSTODY_EVENTS: [&str; 7] = [
    EVIDENCE_ATTACHED,
    EVIDENCE_SENT,
    EVIDENCE_RECEIVED,
    EVIDENCE_VERIFIED,
    EVIDENCE_OPENED,
    EVIDENCE_EXPORTED,
    EVIDENCE_PURGED,
];

/// The detail key naming the file (its `file_id`, a UUID).
pub const DETAIL_FILE: &str = "file";
/// The detail key naming the previous custody entry's leaf hash.
pub const DETAIL_AFTER: &str = "after";
/// The value of `after` for the first entry of a chain.
pub const NO_PREVIOUS: &str = "-";

/// Whether `event` is one of [`CUSTODY_EVENTS`].
pub fn is_custody_event(event: &str) -> bool {
    CUSTODY_EVENTS.contains(&event)
}

/// What a custody entry's `detail` says about its chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustodyDetail {
    /// The evidence file the entry is about.
    pub file_id: String,
    /// The leaf hash of the file's previous custody entry; `None` for
    /// `after=-`, the start of the chain.
    pub after: Option<Hash>,
}

/// Why a custody entry's `detail` could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DetailError {
    #[error("`{0}=` is missing")]
    Missing(&'static str),
    #[error("`{0}=` appears more than once")]
    Repeated(&'static str),
    #[error("`file=` is not a lower-case UUID")]
    BadFile,
    #[error("`after=` is neither `-` nor 64 lower-case hex digits")]
    BadAfter,
}

/// The `detail` of a custody entry: `file=<file_id> after=<hex|->`. The
/// node may append further `key=value` tokens (`size=`, `type=`), each
/// separated by one space.
pub fn custody_detail(file_id: &str, after: Option<&Hash>) -> String {
    let after = after.map_or_else(|| NO_PREVIOUS.to_string(), hex::encode);
    format!("{DETAIL_FILE}={file_id} {DETAIL_AFTER}={after}")
}

/// Reads a custody entry's `detail`: tokens separated by ASCII spaces, of
/// which exactly one `file=<lower-case UUID>` and one `after=<64 lower-case
/// hex digits, or ->`. Any other token, with or without `=`, is ignored.
pub fn parse_custody_detail(detail: &str) -> Result<CustodyDetail, DetailError> {
    let (mut file, mut after) = (None, None);
    for token in detail.split(' ') {
        let Some((key, value)) = token.split_once('=') else {
            continue;
        };
        let (slot, name) = match key {
            DETAIL_FILE => (&mut file, DETAIL_FILE),
            DETAIL_AFTER => (&mut after, DETAIL_AFTER),
            _ => continue,
        };
        if slot.replace(value).is_some() {
            return Err(DetailError::Repeated(name));
        }
    }
    let file = file.ok_or(DetailError::Missing(DETAIL_FILE))?;
    let after = after.ok_or(DetailError::Missing(DETAIL_AFTER))?;
    crate::convert::uuid(DETAIL_FILE, file).map_err(|_| DetailError::BadFile)?;
    let after = if after == NO_PREVIOUS {
        None
    } else {
        Some(lower_hex_hash(after).ok_or(DetailError::BadAfter)?)
    };
    Ok(CustodyDetail {
        file_id: file.to_string(),
        after,
    })
}

/// Decodes 64 lower-case hex digits.
pub(crate) fn lower_hex_hash(text: &str) -> Option<Hash> {
    let valid = text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !valid {
        return None;
    }
    hex::decode(text).ok()?.try_into().ok()
}

/// An audit entry as a custody entry is read: the members of the node's
/// audit entry (`docs/audit-export.md` section 4), declared in the order
/// the node writes them, so that serializing one gives the node's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub index: u64,
    pub at_unix_ms: i64,
    pub event: String,
    pub actor: String,
    pub request_id: Option<String>,
    pub peer: Option<String>,
    pub category: Option<String>,
    pub message_hash: Option<String>,
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "3f0e8c1a-5b2d-4c6e-9f7a-0b1c2d3e4f50";

    #[test]
    fn the_detail_written_is_the_detail_read() {
        let leaf = [0xab; 32];
        for after in [None, Some(&leaf)] {
            let detail = custody_detail(FILE, after);
            let parsed = parse_custody_detail(&detail).unwrap();
            assert_eq!(parsed.file_id, FILE);
            assert_eq!(parsed.after.as_ref(), after);
        }
        assert_eq!(custody_detail(FILE, None), format!("file={FILE} after=-"));
    }

    #[test]
    fn unknown_tokens_are_ignored_in_any_order() {
        let detail = format!("size=12 after=- note type=text/plain file={FILE}");
        let parsed = parse_custody_detail(&detail).unwrap();
        assert_eq!((parsed.file_id.as_str(), parsed.after), (FILE, None));
    }

    #[test]
    fn missing_repeated_or_malformed_tokens_are_refused() {
        let hex = "ab".repeat(32);
        let cases = [
            (format!("after={hex}"), DetailError::Missing("file")),
            (format!("file={FILE}"), DetailError::Missing("after")),
            (
                format!("file={FILE} after=- after={hex}"),
                DetailError::Repeated("after"),
            ),
            (
                format!("file={FILE} file={FILE} after=-"),
                DetailError::Repeated("file"),
            ),
            (
                format!("file={} after=-", FILE.to_uppercase()),
                DetailError::BadFile,
            ),
            (
                format!("file={FILE} after={}", hex.to_uppercase()),
                DetailError::BadAfter,
            ),
            (
                format!("file={FILE} after={}", &hex[2..]),
                DetailError::BadAfter,
            ),
            (format!("file={FILE} after="), DetailError::BadAfter),
        ];
        for (detail, expected) in cases {
            assert_eq!(parse_custody_detail(&detail), Err(expected), "{detail}");
        }
    }
}
