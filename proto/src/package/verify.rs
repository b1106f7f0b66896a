//! [`verify`]: checks an evidence package offline, with nothing but the zip
//! (and, if given, the countries' published keys), and lists every
//! [`Finding`]. The rules, in the order they are applied, are in
//! `docs/evidence-package.md` section 9.
//!
//! Nothing here trusts a size or a count the archive states: members are
//! read through a bound, evidence files only streamed through SHA-256.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::{self, Read, Seek};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, VerifyingKey};
use prost::Message as _;
use sha2::{Digest, Sha256};
use zip::ZipArchive;

use super::custody::{
    AuditEntryView, CustodyDetail, EVIDENCE_ATTACHED, EVIDENCE_RECEIVED, is_custody_event,
    lower_hex_hash, parse_custody_detail,
};
use super::{
    CustodyLine, FORMAT, KeysFile, MANIFEST, MAX_MEMBERS, MAX_PART_BYTES, MAX_PARTS_TOTAL,
    ManifestSignature, PACKAGE_CONTEXT, PackageManifest, Part, SIGNATURE, VERSION, distinct_json,
    from_canonical_json, part,
};
use crate::domain::{Content, CountryCode, EvidenceFile};
use crate::envelope::{key_id, open_envelope, open_tree_head, sha256};
use crate::merkle::{Hash, leaf_hash, verify_inclusion};
use crate::pb;

/// The keys a court obtained from each country, to compare with the keys
/// the package carries. A country without an entry is not compared.
pub type PinnedKeys = BTreeMap<CountryCode, Vec<VerifyingKey>>;

/// Which rule a finding breaks (`docs/evidence-package.md` section 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    /// The archive, or one of its members, cannot be read.
    Archive,
    /// A member is missing, unlisted, or not the bytes `manifest.json`
    /// lists.
    Member,
    /// A member or field is not in the form this format prescribes.
    Format,
    /// A public key is malformed, absent, or not the pinned one.
    Key,
    /// A signature does not hold.
    Signature,
    /// An envelope or custody entry is about another request.
    Request,
    /// An evidence file differs from its signed manifest.
    File,
    /// An inclusion proof does not lead to its signed tree head.
    Proof,
    /// A custody entry breaks a rule of the chain.
    Custody,
    /// A custody entry is missing from a chain.
    Gap,
}

impl Rule {
    /// The rule's name in findings.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Archive => "archive",
            Rule::Member => "member",
            Rule::Format => "format",
            Rule::Key => "key",
            Rule::Signature => "signature",
            Rule::Request => "request",
            Rule::File => "file",
            Rule::Proof => "proof",
            Rule::Custody => "custody",
            Rule::Gap => "gap",
        }
    }
}

/// One thing wrong with a package: where, which rule, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// The member, with a line or field where there is one, e.g.
    /// `custody/KHM.jsonl line 3`.
    pub at: String,
    pub problem: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.at, self.rule.name(), self.problem)
    }
}

/// A public key the package carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageKey {
    pub country: CountryCode,
    pub key_id: String,
    /// Base64 of the raw 32-byte key, as a node's `signing-key.pub` holds it.
    pub public_key: String,
    /// `Some(true)` if it is one of the keys pinned for its country,
    /// `Some(false)` if keys were pinned and it is none of them, `None` if
    /// none were pinned: then it is only what the package says.
    pub pinned: Option<bool>,
}

/// An evidence file of the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageFile {
    pub file_id: String,
    pub name: String,
    pub path: String,
    pub size: u64,
    pub sha256: Hash,
}

/// What the package says it is: set once `manifest.json` is read, whether
/// or not the rest holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub request_id: String,
    pub exporter: String,
    pub created_unix_ms: i64,
    /// The key id `manifest.sig` names.
    pub signed_with: String,
    pub files: Vec<PackageFile>,
    pub custody_entries: usize,
    pub keys: Vec<PackageKey>,
}

/// The result of [`verify`]: the checks that held, in order, every finding,
/// and what the package says it is.
#[derive(Debug, Clone, Default)]
pub struct Verification {
    pub checks: Vec<String>,
    pub findings: Vec<Finding>,
    pub verdict: Option<Verdict>,
}

impl Verification {
    /// Whether the package holds: read whole, and no finding.
    pub fn holds(&self) -> bool {
        self.findings.is_empty() && self.verdict.is_some()
    }

    /// The verdict if the package holds, else every finding.
    pub fn into_result(self) -> Result<Verdict, Vec<Finding>> {
        match self.verdict {
            Some(verdict) if self.findings.is_empty() => Ok(verdict),
            _ => Err(self.findings),
        }
    }
}

/// A custody entry read from a custody file.
#[derive(Debug, Clone)]
struct Entry {
    country: CountryCode,
    /// `custody/<COUNTRY>.jsonl line <n>`.
    at: String,
    index: u64,
    leaf: Hash,
    view: Option<AuditEntryView>,
    detail: Option<CustodyDetail>,
}

/// An evidence file as a signed manifest describes it.
#[derive(Debug, Clone)]
struct Described {
    file: EvidenceFile,
    envelope: String,
    from: CountryCode,
}

struct Checker<R: Read + Seek> {
    zip: ZipArchive<R>,
    out: Verification,
}

impl<R: Read + Seek> Checker<R> {
    fn find(&mut self, rule: Rule, at: impl Into<String>, problem: impl Into<String>) {
        self.out.findings.push(Finding {
            rule,
            at: at.into(),
            problem: problem.into(),
        });
    }

    fn check(&mut self, text: impl Into<String>) {
        self.out.checks.push(text.into());
    }

    /// Reads a member whole, through a bound of [`MAX_PART_BYTES`]; the zip
    /// reader checks its CRC-32 at the end.
    fn read_part(&mut self, name: &str) -> Result<Vec<u8>, String> {
        let file = self.zip.by_name(name).map_err(|e| e.to_string())?;
        let mut bytes = Vec::new();
        file.take(MAX_PART_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())?;
        if bytes.len() as u64 > MAX_PART_BYTES {
            return Err(format!("larger than the {MAX_PART_BYTES} bytes allowed"));
        }
        Ok(bytes)
    }

    /// Streams a member through SHA-256, reading at most `limit` bytes.
    fn hash_member(&mut self, name: &str, limit: u64) -> Result<(Hash, u64), String> {
        let file = self.zip.by_name(name).map_err(|e| e.to_string())?;
        let mut hasher = HashingSink(Sha256::new());
        let size = io::copy(&mut file.take(limit), &mut hasher).map_err(|e| e.to_string())?;
        Ok((hasher.0.finalize().into(), size))
    }
}

/// A writer that only hashes.
struct HashingSink(Sha256);

impl io::Write for HashingSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn hex_field(text: &str) -> Option<Hash> {
    lower_hex_hash(text)
}

/// Checks an evidence package with nothing but its bytes and, where given,
/// the countries' published keys. Never panics; reads evidence files in
/// constant memory.
pub fn verify<R: Read + Seek>(archive: R, pinned: &PinnedKeys) -> Verification {
    let zip = match ZipArchive::new(archive) {
        Ok(zip) => zip,
        Err(e) => {
            let mut out = Verification::default();
            out.findings.push(Finding {
                rule: Rule::Archive,
                at: "the archive".into(),
                problem: format!("not a readable zip archive: {e}"),
            });
            return out;
        }
    };
    let mut checker = Checker {
        zip,
        out: Verification::default(),
    };
    checker.run(pinned);
    checker.out
}

impl<R: Read + Seek> Checker<R> {
    fn run(&mut self, pinned: &PinnedKeys) {
        if self.zip.len() > MAX_MEMBERS {
            self.find(
                Rule::Archive,
                "the archive",
                format!("holds {} members, more than {MAX_MEMBERS}", self.zip.len()),
            );
            return;
        }
        if self.zip.has_duplicate_names() {
            self.find(
                Rule::Archive,
                "the archive",
                "its central directory names a member twice",
            );
            return;
        }
        let names: Result<BTreeSet<String>, _> = self
            .zip
            .file_names()
            .map(|name| name.map(|n| n.into_owned()))
            .collect();
        let names = match names {
            Ok(names) => names,
            Err(e) => {
                self.find(Rule::Archive, "the archive", format!("a member name: {e}"));
                return;
            }
        };

        // 1. manifest.json.
        if !names.contains(MANIFEST) {
            self.find(Rule::Member, MANIFEST, "missing: nothing can be checked");
            return;
        }
        let manifest_bytes = match self.read_part(MANIFEST) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.find(Rule::Archive, MANIFEST, format!("cannot be read: {e}"));
                return;
            }
        };
        let manifest: PackageManifest = match from_canonical_json(&manifest_bytes) {
            Ok(m) => m,
            Err(e) => {
                self.find(Rule::Format, MANIFEST, e);
                return;
            }
        };
        if manifest.format != FORMAT || manifest.version != VERSION {
            self.find(
                Rule::Format,
                MANIFEST,
                format!(
                    "format `{}` version {} is not `{FORMAT}` version {VERSION}",
                    manifest.format.chars().take(64).collect::<String>(),
                    manifest.version
                ),
            );
            return;
        }
        let exporter = super::country(&manifest.exporter);
        if exporter.is_none() {
            self.find(
                Rule::Format,
                format!("{MANIFEST} exporter"),
                "is not three upper-case letters",
            );
        }
        if crate::convert::uuid("request_id", &manifest.request_id).is_err() {
            self.find(
                Rule::Format,
                format!("{MANIFEST} request_id"),
                "is not a lower-case UUID",
            );
        }
        if manifest.created_unix_ms <= 0 {
            self.find(
                Rule::Format,
                format!("{MANIFEST} created_unix_ms"),
                "is not a positive time",
            );
        }

        // 2. The members: each listed one present with its bytes, no other.
        let listed = self.members(&manifest, &names);
        let mut parts: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let mut file_hashes: BTreeMap<String, (Hash, u64)> = BTreeMap::new();
        let mut intact = 0usize;
        let mut held = 0u64;
        for (path, (kind, hash, size)) in &listed {
            if !names.contains(path) {
                continue;
            }
            let actual = if let Part::File { .. } = kind {
                // One byte past the listed size tells a longer member.
                self.hash_member(path, size.saturating_add(1))
                    .inspect(|&got| {
                        file_hashes.insert(path.clone(), got);
                    })
            } else if held > MAX_PARTS_TOTAL {
                Err(format!(
                    "the members other than evidence files exceed {MAX_PARTS_TOTAL} bytes in total"
                ))
            } else {
                self.read_part(path).map(|bytes| {
                    let got = (sha256(&bytes), bytes.len() as u64);
                    held += got.1;
                    parts.insert(path.clone(), bytes);
                    got
                })
            };
            match actual {
                Err(e) => self.find(Rule::Archive, path.clone(), format!("cannot be read: {e}")),
                Ok((_, got)) if got != *size => self.find(
                    Rule::Member,
                    path.clone(),
                    format!(
                        "is {} bytes, manifest.json lists {size}",
                        if got > *size {
                            format!("more than {size}")
                        } else {
                            got.to_string()
                        }
                    ),
                ),
                Ok((got, _)) if got != *hash => self.find(
                    Rule::Member,
                    path.clone(),
                    format!(
                        "SHA-256 {} differs from the {} manifest.json lists",
                        hex::encode(got),
                        hex::encode(hash)
                    ),
                ),
                Ok(_) => intact += 1,
            }
        }
        self.check(format!(
            "members: {intact} of {} listed in manifest.json are present with the SHA-256 and \
             size it lists",
            listed.len()
        ));

        // 3. Keys, and the manifest's signature.
        let keys = self.keys(&parts, pinned);
        let signed_with = match exporter {
            Some(exporter) => self.manifest_signature(&names, &manifest_bytes, exporter, &keys),
            None => String::new(),
        };

        // 4. Signed tree heads.
        let heads = self.tree_heads(&parts, &keys);

        // 5. Envelopes and the evidence files they describe.
        let described = self.envelopes(&parts, &keys, &manifest.request_id);

        // 6. Evidence files against their signed manifests.
        let files = self.files(&manifest, &listed, &described, &file_hashes);

        // 7. Custody entries, their proofs, and the chains.
        let entries = self.custody_files(&parts, &heads);
        self.custody_listing(&manifest, &entries);
        self.chains(&manifest.request_id, &entries, &described, &files);

        let package_keys = keys
            .iter()
            .flat_map(|(country, keys)| {
                keys.iter().map(|(id, key)| PackageKey {
                    country: *country,
                    key_id: id.clone(),
                    public_key: STANDARD.encode(key.as_bytes()),
                    pinned: pinned.get(country).map(|pins| pins.contains(key)),
                })
            })
            .collect();
        self.out.verdict = Some(Verdict {
            request_id: manifest.request_id.clone(),
            exporter: manifest.exporter.clone(),
            created_unix_ms: manifest.created_unix_ms,
            signed_with,
            files: files
                .iter()
                .map(|(path, d)| PackageFile {
                    file_id: d.file.file_id.clone(),
                    name: d.file.name.clone(),
                    path: path.clone(),
                    size: d.file.size,
                    sha256: d.file.sha256,
                })
                .collect(),
            custody_entries: entries.len(),
            keys: package_keys,
        });
    }

    /// The listed members by path, with what each is and its listed hash
    /// and size; findings for a listing out of order, a path this format
    /// does not define, a listed member absent and a member not listed.
    fn members(
        &mut self,
        manifest: &PackageManifest,
        names: &BTreeSet<String>,
    ) -> BTreeMap<String, (Part, Hash, u64)> {
        let mut listed = BTreeMap::new();
        let mut previous: Option<&str> = None;
        for (i, member) in manifest.members.iter().enumerate() {
            let at = format!("{MANIFEST} members[{i}]");
            if previous.is_some_and(|p| p >= member.path.as_str()) {
                self.find(
                    Rule::Format,
                    at.clone(),
                    "members are not in strictly ascending order of path",
                );
            }
            previous = Some(&member.path);
            let Some(kind) = part(&member.path) else {
                self.find(
                    Rule::Format,
                    at,
                    format!(
                        "`{}` is not a member this format defines",
                        member.path.chars().take(300).collect::<String>()
                    ),
                );
                continue;
            };
            let Some(hash) = hex_field(&member.sha256) else {
                self.find(Rule::Format, at, "`sha256` is not 64 lower-case hex digits");
                continue;
            };
            if !names.contains(&member.path) {
                self.find(
                    Rule::Member,
                    member.path.clone(),
                    "listed in manifest.json but absent from the archive",
                );
            }
            listed.insert(member.path.clone(), (kind, hash, member.size));
        }
        for name in names {
            if name != MANIFEST && name != SIGNATURE && !listed.contains_key(name) {
                self.find(
                    Rule::Member,
                    name.chars().take(300).collect::<String>(),
                    "in the archive but not listed in manifest.json",
                );
            }
        }
        listed
    }

    /// Every `keys/` member: the keys by country, with their ids.
    fn keys(
        &mut self,
        parts: &BTreeMap<String, Vec<u8>>,
        pinned: &PinnedKeys,
    ) -> BTreeMap<CountryCode, Vec<(String, VerifyingKey)>> {
        let mut found = BTreeMap::new();
        for (path, bytes) in parts {
            let Some(Part::Keys(country)) = part(path) else {
                continue;
            };
            let file: KeysFile = match from_canonical_json(bytes) {
                Ok(file) => file,
                Err(e) => {
                    self.find(Rule::Format, path.clone(), e);
                    continue;
                }
            };
            if file.country != country.as_str() {
                self.find(
                    Rule::Key,
                    path.clone(),
                    "`country` is not the country of the path",
                );
                continue;
            }
            let mut keys = Vec::new();
            for (i, listed) in file.keys.iter().enumerate() {
                let at = format!("{path} keys[{i}]");
                let key = STANDARD
                    .decode(&listed.public_key)
                    .ok()
                    .filter(|raw| STANDARD.encode(raw) == listed.public_key)
                    .and_then(|raw| crate::envelope::verifying_key(&raw).ok());
                let Some(key) = key else {
                    self.find(
                        Rule::Key,
                        at,
                        "`public_key` is not the canonical base64 of an Ed25519 public key",
                    );
                    continue;
                };
                let id = key_id(&key);
                if id != listed.key_id {
                    self.find(
                        Rule::Key,
                        at,
                        format!("`key_id` is not {id}, the id of the key listed"),
                    );
                    continue;
                }
                if let Some(pins) = pinned.get(&country)
                    && !pins.contains(&key)
                {
                    let pinned_ids: Vec<String> = pins.iter().map(key_id).collect();
                    self.find(
                        Rule::Key,
                        at,
                        format!(
                            "key {id} of {country} differs from the key pinned for {country} \
                             ({})",
                            pinned_ids.join(", ")
                        ),
                    );
                }
                keys.push((id, key));
            }
            let ids: Vec<&str> = keys.iter().map(|(id, _)| id.as_str()).collect();
            let how = if pinned.contains_key(&country) {
                "compared with the pinned keys"
            } else {
                "as the package gives them: compare them with the published keys"
            };
            self.check(format!(
                "{path}: {country} key(s) {} ({how})",
                ids.join(", ")
            ));
            found.insert(country, keys);
        }
        found
    }

    /// `manifest.sig` over `manifest.json` by the exporter's key; returns
    /// the key id it names.
    fn manifest_signature(
        &mut self,
        names: &BTreeSet<String>,
        manifest: &[u8],
        exporter: CountryCode,
        keys: &BTreeMap<CountryCode, Vec<(String, VerifyingKey)>>,
    ) -> String {
        if !names.contains(SIGNATURE) {
            self.find(
                Rule::Member,
                SIGNATURE,
                "missing: the manifest is not signed",
            );
            return String::new();
        }
        let bytes = match self.read_part(SIGNATURE) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.find(Rule::Archive, SIGNATURE, format!("cannot be read: {e}"));
                return String::new();
            }
        };
        let sig: ManifestSignature = match from_canonical_json(&bytes) {
            Ok(sig) => sig,
            Err(e) => {
                self.find(Rule::Format, SIGNATURE, e);
                return String::new();
            }
        };
        let Some(exporter_keys) = keys.get(&exporter) else {
            self.find(
                Rule::Key,
                super::keys_path(exporter),
                format!("missing: the keys of the exporter {exporter}"),
            );
            return sig.key_id;
        };
        let Some((_, key)) = exporter_keys.iter().find(|(id, _)| *id == sig.key_id) else {
            self.find(
                Rule::Signature,
                SIGNATURE,
                format!(
                    "names key `{}`, which is none of {exporter}'s keys in the package",
                    sig.key_id.chars().take(64).collect::<String>()
                ),
            );
            return sig.key_id;
        };
        let signature: Option<[u8; 64]> = STANDARD
            .decode(&sig.signature)
            .ok()
            .filter(|raw| STANDARD.encode(raw) == sig.signature)
            .and_then(|raw| raw.try_into().ok());
        let Some(signature) = signature else {
            self.find(
                Rule::Format,
                SIGNATURE,
                "`signature` is not the canonical base64 of 64 bytes",
            );
            return sig.key_id;
        };
        let mut signed = PACKAGE_CONTEXT.to_vec();
        signed.extend_from_slice(manifest);
        if key
            .verify_strict(&signed, &Signature::from_bytes(&signature))
            .is_err()
        {
            self.find(
                Rule::Signature,
                SIGNATURE,
                format!(
                    "the signature by {exporter}'s key {} over manifest.json does not hold",
                    sig.key_id
                ),
            );
        } else {
            self.check(format!(
                "{SIGNATURE}: manifest.json is signed by {exporter}'s key {}",
                sig.key_id
            ));
        }
        sig.key_id
    }

    /// Every `tree-heads/` member whose signature holds: its size and root
    /// by path.
    fn tree_heads(
        &mut self,
        parts: &BTreeMap<String, Vec<u8>>,
        keys: &BTreeMap<CountryCode, Vec<(String, VerifyingKey)>>,
    ) -> BTreeMap<String, (u64, Hash)> {
        let mut heads = BTreeMap::new();
        for (path, bytes) in parts {
            let Some(Part::TreeHead(country, size)) = part(path) else {
                continue;
            };
            let head = match pb::SignedTreeHead::decode(bytes.as_slice()) {
                Ok(head) => head,
                Err(e) => {
                    self.find(
                        Rule::Format,
                        path.clone(),
                        format!("not a SignedTreeHead: {e}"),
                    );
                    continue;
                }
            };
            let country_keys = keys.get(&country).cloned().unwrap_or_default();
            let key_for = |id: &str| {
                country_keys
                    .iter()
                    .find(|(k, _)| k == id)
                    .map(|(_, key)| *key)
            };
            let verified = match open_tree_head(&head, key_for) {
                Ok(verified) => verified.value,
                Err(e) => {
                    self.find(
                        Rule::Signature,
                        path.clone(),
                        format!("tree head, checked with {country}'s keys: {e}"),
                    );
                    continue;
                }
            };
            if verified.country != country || verified.tree_size != size {
                self.find(
                    Rule::Format,
                    path.clone(),
                    format!(
                        "the signed head is of {} at size {}, not what its path says",
                        verified.country, verified.tree_size
                    ),
                );
                continue;
            }
            self.check(format!(
                "{path}: {country}'s tree head of {size} entries, root {}, signed with key {}",
                hex::encode(verified.root_hash),
                head.key_id
            ));
            heads.insert(path.clone(), (size, verified.root_hash));
        }
        heads
    }

    /// Every `envelopes/` member: signature by the key of the country it
    /// names as sender, about the package's request; returns the evidence
    /// files the signed manifests describe, by `file_id`.
    fn envelopes(
        &mut self,
        parts: &BTreeMap<String, Vec<u8>>,
        keys: &BTreeMap<CountryCode, Vec<(String, VerifyingKey)>>,
        request_id: &str,
    ) -> BTreeMap<String, Described> {
        let mut described: BTreeMap<String, Described> = BTreeMap::new();
        for (path, bytes) in parts {
            let Some(Part::Envelope(name_hash)) = part(path) else {
                continue;
            };
            let envelope = match pb::Envelope::decode(bytes.as_slice()) {
                Ok(envelope) => envelope,
                Err(e) => {
                    self.find(Rule::Format, path.clone(), format!("not an Envelope: {e}"));
                    continue;
                }
            };
            let hash = sha256(&envelope.message);
            if hash != name_hash {
                self.find(
                    Rule::Format,
                    path.clone(),
                    format!(
                        "its message hashes to {}, not to the hash in its name",
                        hex::encode(hash)
                    ),
                );
                continue;
            }
            let owner = keys.iter().find_map(|(country, keys)| {
                keys.iter()
                    .find(|(id, _)| *id == envelope.key_id)
                    .map(|(_, key)| (*country, *key))
            });
            let Some((signer, key)) = owner else {
                self.find(
                    Rule::Signature,
                    path.clone(),
                    format!(
                        "signed with key `{}`, which no keys/ member lists",
                        envelope.key_id.chars().take(64).collect::<String>()
                    ),
                );
                continue;
            };
            let opened = match open_envelope(&envelope, |id| (id == envelope.key_id).then_some(key))
            {
                Ok(opened) => opened.value,
                Err(e) => {
                    self.find(
                        Rule::Signature,
                        path.clone(),
                        format!(
                            "envelope, checked with {signer}'s key {}: {e}",
                            envelope.key_id
                        ),
                    );
                    continue;
                }
            };
            if opened.from != signer {
                self.find(
                    Rule::Signature,
                    path.clone(),
                    format!(
                        "signed with {signer}'s key but its message says it is from {}",
                        opened.from
                    ),
                );
                continue;
            }
            if opened.content.request_id() != request_id {
                self.find(
                    Rule::Request,
                    path.clone(),
                    format!(
                        "the {} is about request {}, not the package's",
                        opened.content.kind(),
                        opened.content.request_id()
                    ),
                );
                continue;
            }
            self.check(format!(
                "{path}: {} from {} to {}, signed with {signer}'s key {}",
                opened.content.kind(),
                opened.from,
                opened.to,
                envelope.key_id
            ));
            if let Content::Evidence(manifest) = opened.content {
                for file in manifest.files {
                    if let Some(other) = described.get(&file.file_id) {
                        self.find(
                            Rule::File,
                            path.clone(),
                            format!(
                                "file {} is described by {} too",
                                file.file_id, other.envelope
                            ),
                        );
                        continue;
                    }
                    described.insert(
                        file.file_id.clone(),
                        Described {
                            file,
                            envelope: path.clone(),
                            from: opened.from,
                        },
                    );
                }
            }
        }
        described
    }

    /// Every file of `manifest.json` against the signed manifest that
    /// describes it and against its bytes; returns the files by path.
    fn files(
        &mut self,
        manifest: &PackageManifest,
        listed: &BTreeMap<String, (Part, Hash, u64)>,
        described: &BTreeMap<String, Described>,
        hashes: &BTreeMap<String, (Hash, u64)>,
    ) -> BTreeMap<String, Described> {
        let mut files = BTreeMap::new();
        let mut previous: Option<&str> = None;
        for (i, listing) in manifest.files.iter().enumerate() {
            let at = format!("{MANIFEST} files[{i}]");
            if previous.is_some_and(|p| p >= listing.path.as_str()) {
                self.find(
                    Rule::Format,
                    at.clone(),
                    "files are not in strictly ascending order of path",
                );
            }
            previous = Some(&listing.path);
            match listed.get(&listing.path) {
                Some((Part::File { file_id, .. }, _, _)) if *file_id == listing.file_id => {}
                _ => {
                    self.find(
                        Rule::Format,
                        at,
                        "`path` is not a listed member files/<file_id>/<name> of this file",
                    );
                    continue;
                }
            }
            let Some(signed) = described.get(&listing.file_id) else {
                self.find(
                    Rule::File,
                    listing.path.clone(),
                    format!(
                        "file {} is in no evidence manifest whose envelope holds",
                        listing.file_id
                    ),
                );
                continue;
            };
            if signed.envelope != listing.envelope {
                self.find(
                    Rule::File,
                    at.clone(),
                    format!(
                        "`envelope` is {}, but the file is described by {}",
                        listing.envelope, signed.envelope
                    ),
                );
            }
            let f = &signed.file;
            let origin = format!("({}, file {})", signed.envelope, f.file_id);
            if listing.path != super::file_path(&f.file_id, &f.name) {
                self.find(
                    Rule::File,
                    listing.path.clone(),
                    format!(
                        "the name differs from `{}` in the signed manifest {origin}",
                        f.name
                    ),
                );
            }
            if hex_field(&listing.sha256) != Some(f.sha256) || listing.size != f.size {
                self.find(
                    Rule::File,
                    at.clone(),
                    format!(
                        "manifest.json lists SHA-256 {} and {} bytes; the signed manifest \
                         {origin} says {} and {} bytes",
                        listing.sha256.chars().take(64).collect::<String>(),
                        listing.size,
                        hex::encode(f.sha256),
                        f.size
                    ),
                );
            }
            match hashes.get(&listing.path) {
                Some((hash, size)) if *hash == f.sha256 && *size == f.size => {
                    self.check(format!(
                        "{}: {} bytes, SHA-256 {} as in the signed manifest {origin}",
                        listing.path,
                        f.size,
                        hex::encode(f.sha256)
                    ));
                }
                Some((hash, size)) => {
                    let problem = if *size != f.size {
                        format!(
                            "{} bytes read, the signed manifest {origin} says {} bytes",
                            if *size > f.size {
                                format!("more than {}", f.size)
                            } else {
                                size.to_string()
                            },
                            f.size
                        )
                    } else {
                        format!(
                            "SHA-256 {} differs from {} in the signed manifest {origin}",
                            hex::encode(hash),
                            hex::encode(f.sha256)
                        )
                    };
                    self.find(Rule::File, listing.path.clone(), problem);
                }
                // Absent or unreadable: already a finding.
                None => {}
            }
            files.insert(listing.path.clone(), signed.clone());
        }
        for (path, (kind, _, _)) in listed {
            if let Part::File { .. } = kind
                && !files.contains_key(path)
                && !manifest.files.iter().any(|f| f.path == *path)
            {
                self.find(
                    Rule::Format,
                    path.clone(),
                    "an evidence file that manifest.json's `files` does not list",
                );
            }
        }
        files
    }

    /// Every line of every `custody/` member, its proof checked under its
    /// tree head.
    fn custody_files(
        &mut self,
        parts: &BTreeMap<String, Vec<u8>>,
        heads: &BTreeMap<String, (u64, Hash)>,
    ) -> Vec<Entry> {
        let mut entries = Vec::new();
        for (path, bytes) in parts {
            let Some(Part::Custody(country)) = part(path) else {
                continue;
            };
            let Ok(text) = std::str::from_utf8(bytes) else {
                self.find(Rule::Format, path.clone(), "not UTF-8");
                continue;
            };
            let Some(body) = text.strip_suffix('\n') else {
                self.find(Rule::Format, path.clone(), "does not end with a line feed");
                continue;
            };
            let mut proved = 0usize;
            let mut previous: Option<u64> = None;
            for (n, line) in body.split('\n').enumerate() {
                let at = format!("{path} line {}", n + 1);
                let line: CustodyLine = match from_canonical_json(line.as_bytes()) {
                    Ok(line) => line,
                    Err(e) => {
                        self.find(Rule::Format, at, e);
                        continue;
                    }
                };
                if previous.is_some_and(|p| p >= line.index) {
                    self.find(
                        Rule::Format,
                        at.clone(),
                        "entries are not in strictly ascending order of index",
                    );
                }
                previous = Some(line.index);
                let leaf = leaf_hash(line.entry.as_bytes());
                if hex_field(&line.leaf) != Some(leaf) {
                    self.find(
                        Rule::Format,
                        at.clone(),
                        format!(
                            "`leaf` is not {}, the leaf hash of `entry`",
                            hex::encode(leaf)
                        ),
                    );
                }
                if self.proof(&at, country, &line, &leaf, heads) {
                    proved += 1;
                }
                let view = match distinct_json(line.entry.as_bytes()).and_then(|v| {
                    serde_json::from_value::<AuditEntryView>(v).map_err(|e| e.to_string())
                }) {
                    Ok(view) if view.index == line.index => Some(view),
                    Ok(_) => {
                        self.find(Rule::Format, at.clone(), "the entry names another index");
                        None
                    }
                    Err(e) => {
                        self.find(
                            Rule::Format,
                            at.clone(),
                            format!("`entry` is not an audit entry: {e}"),
                        );
                        None
                    }
                };
                let detail = view
                    .as_ref()
                    .and_then(|v| match parse_custody_detail(&v.detail) {
                        Ok(detail) => Some(detail),
                        Err(e) => {
                            self.find(Rule::Custody, at.clone(), format!("detail: {e}"));
                            None
                        }
                    });
                entries.push(Entry {
                    country,
                    at,
                    index: line.index,
                    leaf,
                    view,
                    detail,
                });
            }
            self.check(format!(
                "{path}: {proved} entries proved in {country}'s log under its signed tree heads"
            ));
        }
        entries
    }

    /// The inclusion proof of one custody line; whether it holds.
    fn proof(
        &mut self,
        at: &str,
        country: CountryCode,
        line: &CustodyLine,
        leaf: &Hash,
        heads: &BTreeMap<String, (u64, Hash)>,
    ) -> bool {
        if !matches!(part(&line.tree_head), Some(Part::TreeHead(c, _)) if c == country) {
            self.find(
                Rule::Proof,
                at,
                format!(
                    "`tree_head` `{}` is not a tree head of {country}",
                    line.tree_head.chars().take(64).collect::<String>()
                ),
            );
            return false;
        }
        let Some((size, root)) = heads.get(&line.tree_head) else {
            self.find(
                Rule::Proof,
                at,
                format!(
                    "{} is absent or its signature does not hold: entry #{} is not proved",
                    line.tree_head, line.index
                ),
            );
            return false;
        };
        let Some(path) = line
            .proof
            .iter()
            .map(|h| hex_field(h))
            .collect::<Option<Vec<Hash>>>()
        else {
            self.find(
                Rule::Format,
                at,
                "`proof` holds an item that is not 64 lower-case hex digits",
            );
            return false;
        };
        match verify_inclusion(line.index, *size, leaf, &path, root) {
            Ok(()) => true,
            Err(e) => {
                self.find(
                    Rule::Proof,
                    at,
                    format!(
                        "inclusion proof of entry #{} under {}: {e}",
                        line.index, line.tree_head
                    ),
                );
                false
            }
        }
    }

    /// `manifest.json`'s custody list against the custody files.
    fn custody_listing(&mut self, manifest: &PackageManifest, entries: &[Entry]) {
        let found: BTreeSet<(String, u64, String)> = entries
            .iter()
            .map(|e| (e.country.to_string(), e.index, hex::encode(e.leaf)))
            .collect();
        let mut listed = BTreeSet::new();
        let mut previous = None;
        for (i, item) in manifest.custody.iter().enumerate() {
            if previous.is_some_and(|p| p >= item) {
                self.find(
                    Rule::Format,
                    format!("{MANIFEST} custody[{i}]"),
                    "custody entries are not in strictly ascending order of country and index",
                );
            }
            previous = Some(item);
            let key = (item.country.clone(), item.index, item.leaf.clone());
            if !found.contains(&key) {
                self.find(
                    Rule::Gap,
                    format!("{MANIFEST} custody[{i}]"),
                    format!(
                        "entry #{} of {} (leaf {}) is listed but absent from custody/{}.jsonl",
                        item.index,
                        item.country.chars().take(8).collect::<String>(),
                        item.leaf.chars().take(64).collect::<String>(),
                        item.country.chars().take(8).collect::<String>()
                    ),
                );
            }
            listed.insert(key);
        }
        for entry in entries {
            let key = (
                entry.country.to_string(),
                entry.index,
                hex::encode(entry.leaf),
            );
            if !listed.contains(&key) {
                self.find(
                    Rule::Member,
                    entry.at.clone(),
                    format!("entry #{} is not listed in manifest.json", entry.index),
                );
            }
        }
    }

    /// The custody chain rules: each entry about a file of the package and
    /// the package's request, with the file's hash; `evidence.attached` at
    /// the signed `custody_start`; every `after` naming an entry of the
    /// package of the same file, no earlier in time; one chain per country.
    fn chains(
        &mut self,
        request_id: &str,
        entries: &[Entry],
        described: &BTreeMap<String, Described>,
        files: &BTreeMap<String, Described>,
    ) {
        let in_package: BTreeMap<&str, &Described> = files
            .values()
            .map(|d| (d.file.file_id.as_str(), d))
            .collect();
        let by_leaf: BTreeMap<Hash, &Entry> = entries.iter().map(|e| (e.leaf, e)).collect();
        let mut successors: BTreeMap<(CountryCode, Hash), &str> = BTreeMap::new();
        let mut linked = 0usize;
        for entry in entries {
            let (Some(view), Some(detail)) = (&entry.view, &entry.detail) else {
                continue;
            };
            let at = entry.at.clone();
            if !is_custody_event(&view.event) {
                self.find(
                    Rule::Custody,
                    at.clone(),
                    format!(
                        "`{}` is not a custody event",
                        view.event.chars().take(64).collect::<String>()
                    ),
                );
            }
            if view.request_id.as_deref() != Some(request_id) {
                self.find(
                    Rule::Request,
                    at.clone(),
                    "the entry is about another request than the package's",
                );
            }
            let Some(signed) = in_package.get(detail.file_id.as_str()) else {
                let why = if described.contains_key(&detail.file_id) {
                    "whose bytes are not in the package"
                } else {
                    "which no signed manifest of the package describes"
                };
                self.find(
                    Rule::Custody,
                    at,
                    format!("names file {}, {why}", detail.file_id),
                );
                continue;
            };
            let file = &signed.file;
            if view.message_hash.as_deref() != Some(hex::encode(file.sha256).as_str()) {
                self.find(
                    Rule::Custody,
                    at.clone(),
                    format!(
                        "`message_hash` is not {}, the SHA-256 of file {} in the signed manifest",
                        hex::encode(file.sha256),
                        file.file_id
                    ),
                );
            }
            let attached = view.event == EVIDENCE_ATTACHED;
            match (&detail.after, attached) {
                (None, true) => {
                    if entry.leaf != file.custody_start {
                        self.find(
                            Rule::Custody,
                            at.clone(),
                            format!(
                                "evidence.attached has leaf {}, not the custody_start {} of the \
                                 signed manifest ({})",
                                hex::encode(entry.leaf),
                                hex::encode(file.custody_start),
                                signed.envelope
                            ),
                        );
                    }
                    if entry.country != signed.from {
                        self.find(
                            Rule::Custody,
                            at.clone(),
                            format!(
                                "evidence.attached is in {}'s log, but {} acquired the file",
                                entry.country, signed.from
                            ),
                        );
                    }
                }
                (None, false) => self.find(
                    Rule::Custody,
                    at.clone(),
                    "after=- but only evidence.attached starts a chain",
                ),
                (Some(_), true) => self.find(
                    Rule::Custody,
                    at.clone(),
                    "evidence.attached must start the chain with after=-",
                ),
                (Some(after), false) => {
                    if view.event == EVIDENCE_RECEIVED && *after != file.custody_start {
                        self.find(
                            Rule::Custody,
                            at.clone(),
                            format!(
                                "evidence.received must follow the custody_start {} of the \
                                 signed manifest",
                                hex::encode(file.custody_start)
                            ),
                        );
                    }
                    self.link(entry, view, detail, after, &by_leaf, &mut linked);
                    if let Some(first) = successors.insert((entry.country, *after), &entry.at) {
                        self.find(
                            Rule::Custody,
                            at.clone(),
                            format!(
                                "fork: {first} follows the same entry in {}'s chain",
                                entry.country
                            ),
                        );
                    }
                }
            }
        }
        for (path, signed) in files {
            if !by_leaf.contains_key(&signed.file.custody_start) {
                self.find(
                    Rule::Gap,
                    path.clone(),
                    format!(
                        "the chain's start, evidence.attached with leaf {} (the signed \
                         custody_start), is not in the package",
                        hex::encode(signed.file.custody_start)
                    ),
                );
            }
        }
        self.check(format!(
            "custody chains: {linked} links between {} entries, each to an entry of the package \
             of the same file, none earlier in time",
            entries.len()
        ));
    }

    /// One `after` link: to an entry of the package, of the same file, in
    /// the same country's chain unless it is the receiver's first entry,
    /// and not later in time.
    fn link(
        &mut self,
        entry: &Entry,
        view: &AuditEntryView,
        detail: &CustodyDetail,
        after: &Hash,
        by_leaf: &BTreeMap<Hash, &Entry>,
        linked: &mut usize,
    ) {
        let at = entry.at.clone();
        let Some(previous) = by_leaf.get(after) else {
            self.find(
                Rule::Gap,
                at,
                format!("after={} names no entry in the package", hex::encode(after)),
            );
            return;
        };
        let (Some(prev_view), Some(prev_detail)) = (&previous.view, &previous.detail) else {
            // The entry it names is unreadable: already a finding.
            return;
        };
        if prev_detail.file_id != detail.file_id {
            self.find(
                Rule::Custody,
                at,
                format!("after= names {}, an entry of another file", previous.at),
            );
            return;
        }
        if previous.country != entry.country && view.event != EVIDENCE_RECEIVED {
            self.find(
                Rule::Custody,
                at.clone(),
                format!(
                    "{} follows {}, an entry of {}'s log: only evidence.received crosses to \
                     another country",
                    view.event, previous.at, previous.country
                ),
            );
        }
        if view.at_unix_ms < prev_view.at_unix_ms {
            self.find(
                Rule::Custody,
                at,
                format!(
                    "recorded at {}, before the entry it follows ({}, {})",
                    crate::time::rfc3339(view.at_unix_ms),
                    previous.at,
                    crate::time::rfc3339(prev_view.at_unix_ms)
                ),
            );
            return;
        }
        *linked += 1;
    }
}
