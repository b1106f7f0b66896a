//! Evidence manifests: the signed list of files that travel with a request
//! or its answer.

use crate::domain::{EvidenceFile, EvidenceManifest};
use crate::pb;

use super::check::*;

/// Most files one manifest may list.
pub const MAX_EVIDENCE_FILES: usize = 20;
/// Longest file name, in bytes (as most file systems allow).
pub const MAX_FILE_NAME_BYTES: usize = 255;
/// Longest source or device description, in characters.
pub const MAX_SOURCE_CHARS: usize = 500;
/// Longest description of what a file shows, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 2000;

/// Checks a file name as given: not empty, no directory, no control
/// characters, at most [`MAX_FILE_NAME_BYTES`].
pub fn file_name(field: &str, value: &str) -> Result<String> {
    if value.is_empty() {
        return Err(ConversionError::new(field, "is required"));
    }
    if value.len() > MAX_FILE_NAME_BYTES {
        return Err(ConversionError::new(
            field,
            format!(
                "is {} bytes long, at most {MAX_FILE_NAME_BYTES} allowed",
                value.len()
            ),
        ));
    }
    if value.contains(['/', '\\']) || value == "." || value == ".." {
        return Err(ConversionError::new(
            field,
            "must be a file name without a directory",
        ));
    }
    text(field, value, MAX_FILE_NAME_BYTES, false)
}

/// Checks an IANA media type's form: `type/subtype`, lower case, letters,
/// digits and `!#$&-^_.+` (RFC 6838 section 4.2), no parameters.
pub fn media_type(field: &str, value: &str) -> Result<String> {
    let name_ok = |part: &str| {
        !part.is_empty()
            && part.len() <= 127
            && part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"!#$&-^_.+".contains(&b))
    };
    match value.split_once('/') {
        Some((kind, sub)) if name_ok(kind) && name_ok(sub) => Ok(value.to_string()),
        _ if value.is_empty() => Err(ConversionError::new(field, "is required")),
        _ => Err(ConversionError::new(
            field,
            "is not a media type in lower case (`type/subtype`, RFC 6838)",
        )),
    }
}

fn hash(field: &str, bytes: &[u8]) -> Result<[u8; 32]> {
    bytes
        .try_into()
        .map_err(|_| ConversionError::new(field, format!("must be 32 bytes, not {}", bytes.len())))
}

impl TryFrom<&pb::EvidenceFile> for EvidenceFile {
    type Error = ConversionError;
    fn try_from(f: &pb::EvidenceFile) -> Result<Self> {
        if f.size == 0 {
            return Err(ConversionError::new("size", "must be at least 1 byte"));
        }
        Ok(EvidenceFile {
            file_id: uuid("file_id", &f.file_id)?,
            name: file_name("name", &f.name)?,
            size: f.size,
            media_type: media_type("media_type", &f.media_type)?,
            sha256: hash("sha256", &f.sha256)?,
            acquired_by: required_text("acquired_by", &f.acquired_by, MAX_NAME_CHARS)?,
            acquired_unix_ms: timestamp("acquired_unix_ms", f.acquired_unix_ms)?,
            source: text("source", &f.source, MAX_SOURCE_CHARS, false)?,
            description: text("description", &f.description, MAX_DESCRIPTION_CHARS, true)?,
            custody_start: hash("custody_start", &f.custody_start)?,
            acquisition: {
                use prost::Message as _;
                let proof = f
                    .acquisition
                    .as_ref()
                    .ok_or_else(|| ConversionError::new("acquisition", "is required"))?;
                if proof.entry.is_empty() || proof.tree_head.is_none() {
                    return Err(ConversionError::new(
                        "acquisition",
                        "must hold the entry and its signed tree head",
                    ));
                }
                if crate::merkle::leaf_hash(&proof.entry)
                    != hash("custody_start", &f.custody_start)?
                {
                    return Err(ConversionError::new(
                        "acquisition.entry",
                        "is not the entry `custody_start` names",
                    ));
                }
                proof.encode_to_vec()
            },
        })
    }
}

impl From<&EvidenceFile> for pb::EvidenceFile {
    fn from(f: &EvidenceFile) -> Self {
        pb::EvidenceFile {
            file_id: f.file_id.clone(),
            name: f.name.clone(),
            size: f.size,
            media_type: f.media_type.clone(),
            sha256: f.sha256.to_vec(),
            acquired_by: f.acquired_by.clone(),
            acquired_unix_ms: f.acquired_unix_ms,
            source: f.source.clone(),
            description: f.description.clone(),
            custody_start: f.custody_start.to_vec(),
            acquisition: {
                use prost::Message as _;
                pb::AuditProof::decode(f.acquisition.as_slice()).ok()
            },
        }
    }
}

impl TryFrom<&pb::EvidenceManifest> for EvidenceManifest {
    type Error = ConversionError;
    fn try_from(m: &pb::EvidenceManifest) -> Result<Self> {
        if m.files.is_empty() || m.files.len() > MAX_EVIDENCE_FILES {
            return Err(ConversionError::new(
                "files",
                format!(
                    "lists {} files: 1 to {MAX_EVIDENCE_FILES} allowed",
                    m.files.len()
                ),
            ));
        }
        let mut files: Vec<EvidenceFile> = Vec::with_capacity(m.files.len());
        for (i, file) in m.files.iter().enumerate() {
            let file =
                EvidenceFile::try_from(file).map_err(|e| e.within(&format!("files[{i}]")))?;
            if files.iter().any(|f| f.file_id == file.file_id) {
                return Err(ConversionError::new(
                    format!("files[{i}].file_id"),
                    "is listed twice",
                ));
            }
            files.push(file);
        }
        Ok(EvidenceManifest {
            request_id: uuid("request_id", &m.request_id)?,
            files,
        })
    }
}

impl From<&EvidenceManifest> for pb::EvidenceManifest {
    fn from(m: &EvidenceManifest) -> Self {
        pb::EvidenceManifest {
            request_id: m.request_id.clone(),
            files: m.files.iter().map(Into::into).collect(),
        }
    }
}
