//! [`PackageWriter`]: writes an evidence package from parts already fetched,
//! streaming each evidence file from its reader into the zip while hashing
//! it.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read, Seek, Write};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use prost::Message as _;
use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::custody::{AuditEntryView, parse_custody_detail};
use super::report::{self, ReportEvent, ReportFile, ReportKey};
use super::{
    CustodyLine, CustodyListing, FORMAT, FileListing, KeyListing, KeysFile, MANIFEST,
    ManifestSignature, MemberListing, PACKAGE_CONTEXT, PackageManifest, REPORT, SIGNATURE, VERSION,
    canonical_json, custody_path, envelope_path, file_path, keys_path, tree_head_path,
};
use crate::domain::{Content, CountryCode, EvidenceFile, Message};
use crate::envelope::{SigningIdentity, sha256};
use crate::merkle::{Hash, leaf_hash};
use crate::pb;

/// Why a package could not be written. The output is then incomplete and
/// must be discarded.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[error("cannot write the package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("cannot write the package: {0}")]
    Io(#[from] io::Error),
    /// A part given to the writer is inconsistent; the message says which.
    #[error("{0}")]
    Invalid(String),
}

fn invalid(text: impl Into<String>) -> PackageError {
    PackageError::Invalid(text.into())
}

/// An evidence file a signed manifest describes.
#[derive(Debug, Clone)]
struct Described {
    file: EvidenceFile,
    /// The member of the envelope that describes it.
    envelope: String,
    /// The acquiring country: the envelope's sender.
    from: CountryCode,
}

/// A custody entry waiting to be written at [`PackageWriter::finish`].
#[derive(Debug, Clone)]
struct Custody {
    entry: Vec<u8>,
    proof: Vec<Hash>,
    tree_head: String,
}

/// Writes an evidence package (`docs/evidence-package.md`) to any
/// `Write + Seek`.
///
/// The node gathers the parts and hands them over in any order, then calls
/// [`finish`](Self::finish):
///
/// - [`add_keys`](Self::add_keys): the public signing keys of every country
///   whose node signed an envelope, tree head or the package itself, as
///   `Federation.GetKeys` (or the node's own configuration) gives them;
/// - [`add_envelope`](Self::add_envelope): each signed envelope, exactly as
///   received or sent: the `EvidenceManifest` envelopes of the files, and
///   the request and answer envelopes they relate to;
/// - [`add_file`](Self::add_file): each file's bytes, read once, streamed;
/// - [`add_custody`](Self::add_custody): each custody entry of the files
///   (`custody` module) with its inclusion proof under a signed tree head,
///   from this node's log and from the peer's (`pb::AuditProof`).
///
/// The writer checks what it can without keys: that every file is listed
/// in an envelope added before it and hashes to it, that every envelope
/// and custody entry is about the package's request, that tree heads of
/// one size agree. It does not check signatures or proofs: run
/// [`verify`](super::verify) on the result for that.
pub struct PackageWriter<W: Write + Seek> {
    zip: ZipWriter<W>,
    request_id: String,
    exporter: CountryCode,
    created_unix_ms: i64,
    members: BTreeMap<String, MemberListing>,
    keys: BTreeMap<CountryCode, Vec<KeyListing>>,
    /// Evidence files by `file_id`, from the evidence envelopes added.
    described: BTreeMap<String, Described>,
    files: BTreeMap<String, FileListing>,
    /// Custody entries by country and index.
    custody: BTreeMap<(CountryCode, u64), Custody>,
    /// Signed tree heads by country and size, with their root.
    tree_heads: BTreeMap<(CountryCode, u64), (Vec<u8>, Hash)>,
}

impl<W: Write + Seek> fmt::Debug for PackageWriter<W> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PackageWriter")
            .field("request_id", &self.request_id)
            .field("exporter", &self.exporter)
            .field("members", &self.members.len())
            .finish_non_exhaustive()
    }
}

/// Member options: stored for evidence files (their bytes are in the zip
/// as they are, for any tool to read), deflated for the rest; a fixed
/// modification time (1980-01-01), so the same parts give the same bytes.
fn options(stored: bool, size: u64) -> SimpleFileOptions {
    let method = if stored {
        CompressionMethod::Stored
    } else {
        CompressionMethod::Deflated
    };
    SimpleFileOptions::default()
        .compression_method(method)
        .last_modified_time(DateTime::DEFAULT)
        .large_file(size >= u64::from(u32::MAX))
}

/// A reader that hashes and counts what passes through it.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    size: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.size += n as u64;
        Ok(n)
    }
}

impl<W: Write> PackageWriter<zip::write::StreamWriter<W>> {
    /// Like [`PackageWriter::new`], to an output that cannot seek (a
    /// network stream): each member's sizes and CRC follow its data.
    pub fn new_stream(
        out: W,
        request_id: &str,
        exporter: CountryCode,
        created_unix_ms: i64,
    ) -> Result<Self, PackageError> {
        PackageWriter::with_zip(
            ZipWriter::new_stream(out),
            request_id,
            exporter,
            created_unix_ms,
        )
    }
}

impl<W: Write + Seek> PackageWriter<W> {
    /// A package about `request_id`, written by `exporter`'s node at
    /// `created_unix_ms`.
    pub fn new(
        out: W,
        request_id: &str,
        exporter: CountryCode,
        created_unix_ms: i64,
    ) -> Result<Self, PackageError> {
        PackageWriter::with_zip(ZipWriter::new(out), request_id, exporter, created_unix_ms)
    }

    fn with_zip(
        zip: ZipWriter<W>,
        request_id: &str,
        exporter: CountryCode,
        created_unix_ms: i64,
    ) -> Result<Self, PackageError> {
        crate::convert::uuid("request_id", request_id).map_err(|e| invalid(e.to_string()))?;
        Ok(PackageWriter {
            zip,
            request_id: request_id.to_string(),
            exporter,
            created_unix_ms,
            members: BTreeMap::new(),
            keys: BTreeMap::new(),
            described: BTreeMap::new(),
            files: BTreeMap::new(),
            custody: BTreeMap::new(),
            tree_heads: BTreeMap::new(),
        })
    }

    /// Writes a small member whole.
    fn put(&mut self, path: String, bytes: &[u8]) -> Result<(), PackageError> {
        if self.members.contains_key(&path) {
            return Err(invalid(format!("{path} is added twice")));
        }
        self.zip
            .start_file(path.as_str(), options(false, bytes.len() as u64))?;
        self.zip.write_all(bytes)?;
        self.list(path, sha256(bytes), bytes.len() as u64);
        Ok(())
    }

    fn list(&mut self, path: String, hash: Hash, size: u64) {
        self.members.insert(
            path.clone(),
            MemberListing {
                path,
                sha256: hex::encode(hash),
                size,
            },
        );
    }

    /// A country's public signing keys (`Federation.GetKeys`).
    pub fn add_keys(&mut self, keys: &pb::NodeKeys) -> Result<(), PackageError> {
        let country: CountryCode = keys
            .country
            .parse()
            .map_err(|_| invalid("keys: the country is not an ISO 3166-1 alpha-3 code"))?;
        if self.keys.contains_key(&country) {
            return Err(invalid(format!("keys of {country} are added twice")));
        }
        let mut listed = Vec::new();
        for key in &keys.keys {
            let public = crate::envelope::verifying_key(&key.public_key)
                .map_err(|e| invalid(format!("a key of {country}: {e}")))?;
            listed.push(KeyListing {
                current: key.current,
                key_id: crate::envelope::key_id(&public),
                public_key: STANDARD.encode(public.as_bytes()),
            });
        }
        listed.sort_by(|a, b| a.key_id.cmp(&b.key_id));
        let file = KeysFile {
            country: country.to_string(),
            keys: listed.clone(),
        };
        self.put(keys_path(country), canonical_json(&file).as_bytes())?;
        self.keys.insert(country, listed);
        Ok(())
    }

    /// A signed envelope about the package's request, as it travelled.
    /// Its message is decoded (not verified) to learn the evidence files
    /// it describes.
    pub fn add_envelope(&mut self, envelope: &pb::Envelope) -> Result<(), PackageError> {
        let hash = sha256(&envelope.message);
        let path = envelope_path(&hash);
        let message = pb::Message::decode(envelope.message.as_slice())
            .map_err(|e| invalid(format!("{path}: the message does not decode: {e}")))?;
        let message = Message::try_from(&message)
            .map_err(|e| invalid(format!("{path}: the message is invalid: {e}")))?;
        if message.content.request_id() != self.request_id {
            return Err(invalid(format!(
                "{path}: the envelope is about another request"
            )));
        }
        if let Content::Evidence(manifest) = &message.content {
            for file in &manifest.files {
                if self.described.contains_key(&file.file_id) {
                    return Err(invalid(format!(
                        "file {} is described by two envelopes",
                        file.file_id
                    )));
                }
                self.described.insert(
                    file.file_id.clone(),
                    Described {
                        file: file.clone(),
                        envelope: path.clone(),
                        from: message.from,
                    },
                );
            }
        }
        self.put(path, &envelope.encode_to_vec())
    }

    /// The bytes of evidence file `file_id`, which an envelope added before
    /// describes. They are streamed into the package and must hash to the
    /// signed manifest; reading stops one byte past its size.
    pub fn add_file(&mut self, file_id: &str, bytes: impl Read) -> Result<(), PackageError> {
        let described =
            self.described.get(file_id).cloned().ok_or_else(|| {
                invalid(format!("file {file_id} is in no evidence envelope added"))
            })?;
        let file = &described.file;
        let path = file_path(file_id, &file.name);
        if self.members.contains_key(&path) {
            return Err(invalid(format!("{path} is added twice")));
        }
        self.zip
            .start_file(path.as_str(), options(true, file.size))?;
        let mut reader = Hashing {
            inner: bytes.take(file.size.saturating_add(1)),
            hasher: Sha256::new(),
            size: 0,
        };
        io::copy(&mut reader, &mut self.zip)?;
        let hash: Hash = reader.hasher.finalize().into();
        if reader.size != file.size || hash != file.sha256 {
            return Err(invalid(format!(
                "{path}: the bytes given are not those of the signed manifest ({} bytes, SHA-256 \
                 {}; the manifest says {} bytes, {})",
                reader.size,
                hex::encode(hash),
                file.size,
                hex::encode(file.sha256)
            )));
        }
        self.list(path.clone(), hash, file.size);
        self.files.insert(
            path.clone(),
            FileListing {
                envelope: described.envelope.clone(),
                file_id: file_id.to_string(),
                path,
                sha256: hex::encode(hash),
                size: file.size,
            },
        );
        Ok(())
    }

    /// A custody entry with its inclusion proof under a signed tree head of
    /// the log it is in.
    pub fn add_custody(&mut self, proof: &pb::AuditProof) -> Result<(), PackageError> {
        let head = proof
            .tree_head
            .as_ref()
            .ok_or_else(|| invalid(format!("custody entry {}: no tree head", proof.index)))?;
        let body = pb::TreeHeadBody::decode(head.body.as_slice())
            .map_err(|e| invalid(format!("a tree head does not decode: {e}")))?;
        let country: CountryCode = body
            .country
            .parse()
            .map_err(|_| invalid("a tree head names no valid country"))?;
        let at = format!("custody entry {country} #{}", proof.index);
        let root: Hash = body
            .root_hash
            .as_slice()
            .try_into()
            .map_err(|_| invalid(format!("{at}: the tree head's root is not 32 bytes")))?;
        let entry: AuditEntryView = serde_json::from_slice(&proof.entry)
            .map_err(|e| invalid(format!("{at}: not an audit entry: {e}")))?;
        if entry.index != proof.index || entry.request_id.as_deref() != Some(&self.request_id) {
            return Err(invalid(format!(
                "{at}: the entry names another index or request"
            )));
        }
        parse_custody_detail(&entry.detail).map_err(|e| invalid(format!("{at}: detail: {e}")))?;
        let key = (country, body.tree_size);
        match self.tree_heads.get(&key) {
            Some((_, known)) if *known != root => {
                return Err(invalid(format!(
                    "two tree heads of {country} at size {} have different roots",
                    body.tree_size
                )));
            }
            Some(_) => {}
            None => {
                self.tree_heads.insert(key, (head.encode_to_vec(), root));
            }
        }
        let path = proof
            .path
            .iter()
            .map(|h| h.as_slice().try_into())
            .collect::<Result<Vec<Hash>, _>>()
            .map_err(|_| invalid(format!("{at}: a proof hash is not 32 bytes")))?;
        let custody = Custody {
            entry: proof.entry.clone(),
            proof: path,
            tree_head: tree_head_path(country, body.tree_size),
        };
        if self
            .custody
            .insert((country, proof.index), custody)
            .is_some()
        {
            return Err(invalid(format!("{at} is added twice")));
        }
        Ok(())
    }

    /// Writes the tree heads, the custody files, the report, then
    /// `manifest.json` and its signature by `signer`, the exporting node's
    /// key (one of its keys added), and ends the zip.
    pub fn finish(mut self, signer: &SigningIdentity) -> Result<W, PackageError> {
        let exporter_keys = self.keys.get(&self.exporter).ok_or_else(|| {
            invalid(format!(
                "the keys of the exporter {} are missing",
                self.exporter
            ))
        })?;
        if !exporter_keys.iter().any(|k| k.key_id == signer.key_id()) {
            return Err(invalid(format!(
                "the signing key {} is not among the keys of {}",
                signer.key_id(),
                self.exporter
            )));
        }
        let heads = std::mem::take(&mut self.tree_heads);
        for ((country, size), (bytes, _)) in &heads {
            self.put(tree_head_path(*country, *size), bytes)?;
        }
        let custody = std::mem::take(&mut self.custody);
        let mut listing = Vec::new();
        let mut lines: BTreeMap<CountryCode, String> = BTreeMap::new();
        let mut events = Vec::new();
        for ((country, index), item) in &custody {
            let leaf = leaf_hash(&item.entry);
            let entry = String::from_utf8(item.entry.clone())
                .map_err(|_| invalid(format!("custody entry {country} #{index} is not UTF-8")))?;
            let line = CustodyLine {
                entry,
                index: *index,
                leaf: hex::encode(leaf),
                proof: item.proof.iter().map(hex::encode).collect(),
                tree_head: item.tree_head.clone(),
            };
            let text = lines.entry(*country).or_default();
            text.push_str(&canonical_json(&line));
            text.push('\n');
            listing.push(CustodyListing {
                country: country.to_string(),
                index: *index,
                leaf: hex::encode(leaf),
            });
            // Parsed in add_custody already.
            if let Ok(view) = serde_json::from_slice::<AuditEntryView>(&item.entry) {
                events.push(ReportEvent {
                    country: *country,
                    leaf,
                    entry: view,
                });
            }
        }
        for (country, text) in &lines {
            self.put(custody_path(*country), text.as_bytes())?;
        }

        let files: Vec<ReportFile> = self
            .files
            .values()
            .filter_map(|listed| {
                let described = self.described.get(&listed.file_id)?;
                Some(ReportFile {
                    file: described.file.clone(),
                    path: listed.path.clone(),
                    acquired_in: described.from,
                })
            })
            .collect();
        let keys: Vec<ReportKey> = self
            .keys
            .iter()
            .flat_map(|(country, keys)| {
                keys.iter().map(|k| ReportKey {
                    country: *country,
                    key_id: k.key_id.clone(),
                    public_key: k.public_key.clone(),
                })
            })
            .collect();
        let html = report::render(&report::ReportInput {
            request_id: &self.request_id,
            exporter: self.exporter,
            created_unix_ms: self.created_unix_ms,
            files: &files,
            events: &events,
            keys: &keys,
        });
        self.put(REPORT.to_string(), html.as_bytes())?;

        let manifest = PackageManifest {
            custody: listing,
            created_unix_ms: self.created_unix_ms,
            exporter: self.exporter.to_string(),
            files: self.files.values().cloned().collect(),
            format: FORMAT.to_string(),
            members: self.members.values().cloned().collect(),
            request_id: self.request_id.clone(),
            version: VERSION,
        };
        let manifest = canonical_json(&manifest);
        let signature = ManifestSignature {
            key_id: signer.key_id().to_string(),
            signature: STANDARD.encode(signer.sign(PACKAGE_CONTEXT, manifest.as_bytes())),
        };
        self.zip
            .start_file(MANIFEST, options(false, manifest.len() as u64))?;
        self.zip.write_all(manifest.as_bytes())?;
        let signature = canonical_json(&signature);
        self.zip
            .start_file(SIGNATURE, options(false, signature.len() as u64))?;
        self.zip.write_all(signature.as_bytes())?;
        Ok(self.zip.finish()?)
    }
}
