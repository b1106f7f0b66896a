//! The audit export format and its offline verifier, `verify_export`.
//!
//! An export is JSON Lines: the node's signed tree head, then every entry in
//! index order with its exact bytes (the Merkle leaf, base64), the same entry
//! decoded for people to read, and its inclusion proof. Each line is
//! canonical JSON, so that any change to the file is detected. The format,
//! byte for byte, and every check a verifier must make are specified in
//! `docs/audit-export.md`, for auditors who write their own verifier;
//! `proto/tests/audit_vector.rs` keeps this code and that document's test
//! vector in step.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::VerifyingKey;
use prost::Message as _;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Value, json};

use crate::envelope::{key_id, open_tree_head};
use crate::merkle::{Frontier, Hash, leaf_hash, verify_inclusion};
use crate::pb;

/// A tree head or entry that cannot be written to an export.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot export: {0}")]
pub struct ExportError(pub String);

/// The tree head line of an export.
pub fn tree_head_line(head: &pb::SignedTreeHead) -> Result<String, ExportError> {
    let body = pb::TreeHeadBody::decode(head.body.as_slice())
        .map_err(|e| ExportError(format!("tree head does not decode: {e}")))?;
    Ok(json!({
        "type": "tree_head",
        "body": STANDARD.encode(&head.body),
        "key_id": head.key_id,
        "signature": STANDARD.encode(&head.signature),
        "country": body.country,
        "tree_size": body.tree_size,
        "root_hash": hex::encode(&body.root_hash),
        "timestamp_unix_ms": body.timestamp_unix_ms,
    })
    .to_string())
}

/// The line of entry `index`: its exact bytes, decoded copy and proof.
pub fn entry_line(index: u64, leaf: &[u8], proof: &[Vec<u8>]) -> Result<String, ExportError> {
    let entry: Value = serde_json::from_slice(leaf)
        .map_err(|e| ExportError(format!("entry {index} is not JSON: {e}")))?;
    Ok(json!({
        "type": "entry",
        "index": index,
        "leaf": STANDARD.encode(leaf),
        "entry": entry,
        "proof": proof.iter().map(hex::encode).collect::<Vec<_>>(),
    })
    .to_string())
}

/// The export line of one item of the `Audit.Export` stream.
pub fn item_line(item: &pb::ExportItem) -> Result<String, ExportError> {
    match &item.item {
        Some(pb::export_item::Item::TreeHead(head)) => tree_head_line(head),
        Some(pb::export_item::Item::Entry(e)) => entry_line(e.index, &e.leaf, &e.inclusion_proof),
        None => Err(ExportError("an export item holds nothing".into())),
    }
}

/// A verified export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    pub country: String,
    pub tree_size: u64,
    pub root_hash: Hash,
    pub timestamp_unix_ms: i64,
}

/// Where and why an export failed verification.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}{}: {problem}", index.map(|i| format!(" (entry {i})")).unwrap_or_default())]
pub struct VerifyFailure {
    /// 1-based line of the file.
    pub line: usize,
    /// The first bad entry index, when the problem is in an entry.
    pub index: Option<u64>,
    pub problem: String,
}

fn failure(line: usize, index: Option<u64>, problem: impl Into<String>) -> VerifyFailure {
    VerifyFailure {
        line,
        index,
        problem: problem.into(),
    }
}

/// The fields of a tree head line; no other field is allowed.
const TREE_HEAD_FIELDS: [&str; 8] = [
    "body",
    "country",
    "key_id",
    "root_hash",
    "signature",
    "timestamp_unix_ms",
    "tree_size",
    "type",
];
/// The fields of an entry line; no other field is allowed.
const ENTRY_FIELDS: [&str; 5] = ["entry", "index", "leaf", "proof", "type"];

/// Parses a line, insisting it is exactly the canonical form of its value
/// and holds no number but integers (a float has no single text form that
/// verifiers in other languages would agree on).
fn canonical(line_no: usize, index: Option<u64>, line: &str) -> Result<Value, VerifyFailure> {
    let value: Value = serde_json::from_str(line)
        .map_err(|e| failure(line_no, index, format!("not JSON: {e}")))?;
    // Compare the re-serialized text (not the value) with the line. Without
    // serde_json's `preserve_order` feature objects come out with sorted
    // keys; `proto/tests/audit_vector.rs` fails if a dependency enables it.
    let reserialized = serde_json::to_string(&value)
        .map_err(|e| failure(line_no, index, format!("not JSON: {e}")))?;
    if reserialized.as_str() != line {
        return Err(failure(
            line_no,
            index,
            "not in canonical form (altered formatting)",
        ));
    }
    if !integers_only(&value) {
        return Err(failure(
            line_no,
            index,
            "holds a number that is not an integer",
        ));
    }
    Ok(value)
}

/// Whether every number in `value` is an integer. serde_json keeps a number
/// written without fraction or exponent that fits an `i64` or a `u64` as an
/// integer, and any other as a float.
pub(crate) fn integers_only(value: &Value) -> bool {
    match value {
        Value::Number(n) => !n.is_f64(),
        Value::Array(items) => items.iter().all(integers_only),
        Value::Object(fields) => fields.values().all(integers_only),
        _ => true,
    }
}

/// Refuses a field the format does not define: a verified file would carry
/// it along although no signature covers it.
fn only_fields(
    value: &Value,
    allowed: &[&str],
    line: usize,
    index: Option<u64>,
) -> Result<(), VerifyFailure> {
    let extra = value
        .as_object()
        .and_then(|fields| fields.keys().find(|k| !allowed.contains(&k.as_str())));
    match extra {
        Some(name) => Err(failure(
            line,
            index,
            format!(
                "unexpected field `{}`",
                name.chars().take(48).collect::<String>()
            ),
        )),
        None => Ok(()),
    }
}

/// JSON parsed into a [`Value`], refusing an object that names a key twice:
/// RFC 8259 section 4 leaves the meaning of such an object to each parser
/// (serde_json keeps the last value, others the first or neither), so
/// verifiers in different languages could read one entry differently.
pub(crate) struct DistinctKeys(pub(crate) Value);

impl<'de> Deserialize<'de> for DistinctKeys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_any(DistinctKeysVisitor)
            .map(DistinctKeys)
    }
}

struct DistinctKeysVisitor;

impl<'de> Visitor<'de> for DistinctKeysVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(DistinctKeys(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if fields.contains_key(&key) {
                let key: String = key.chars().take(48).collect();
                return Err(de::Error::custom(format!("names `{key}` twice")));
            }
            let DistinctKeys(value) = map.next_value()?;
            fields.insert(key, value);
        }
        Ok(Value::Object(fields))
    }
}

fn field<'a>(
    value: &'a Value,
    name: &str,
    line: usize,
    index: Option<u64>,
) -> Result<&'a Value, VerifyFailure> {
    value
        .get(name)
        .ok_or_else(|| failure(line, index, format!("missing `{name}`")))
}

fn text<'a>(
    value: &'a Value,
    name: &str,
    line: usize,
    index: Option<u64>,
) -> Result<&'a str, VerifyFailure> {
    field(value, name, line, index)?
        .as_str()
        .ok_or_else(|| failure(line, index, format!("`{name}` is not a string")))
}

fn number(
    value: &Value,
    name: &str,
    line: usize,
    index: Option<u64>,
) -> Result<u64, VerifyFailure> {
    field(value, name, line, index)?
        .as_u64()
        .ok_or_else(|| failure(line, index, format!("`{name}` is not a whole number")))
}

/// Decodes canonical base64 (re-encoding gives the same text).
fn base64(
    value: &Value,
    name: &str,
    line: usize,
    index: Option<u64>,
) -> Result<Vec<u8>, VerifyFailure> {
    let encoded = text(value, name, line, index)?;
    let bytes = STANDARD
        .decode(encoded)
        .map_err(|e| failure(line, index, format!("`{name}` is not base64: {e}")))?;
    if STANDARD.encode(&bytes) != encoded {
        return Err(failure(
            line,
            index,
            format!("`{name}` is not canonical base64"),
        ));
    }
    Ok(bytes)
}

/// Decodes a lower-case hex hash.
fn hash(encoded: &str, name: &str, line: usize, index: Option<u64>) -> Result<Hash, VerifyFailure> {
    let bytes: Hash = hex::decode(encoded)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| failure(line, index, format!("`{name}` is not a 32-byte hex hash")))?;
    if hex::encode(bytes) != encoded {
        return Err(failure(
            line,
            index,
            format!("`{name}` is not lower-case hex"),
        ));
    }
    Ok(bytes)
}

/// Verifies an export with nothing but the node's public key: the tree
/// head's signature, every entry's bytes against its decoded copy and its
/// index, every inclusion proof, and that the entries make up exactly the
/// signed tree. The checks, in this order, are listed in
/// `docs/audit-export.md` ("What a verifier must reject").
pub fn verify_export(text_in: &str, key: &VerifyingKey) -> Result<Verdict, VerifyFailure> {
    let mut lines = text_in.strip_suffix('\n').unwrap_or(text_in).split('\n');
    let head_line = lines.next().unwrap_or("");
    let head = canonical(1, None, head_line)?;
    if text(&head, "type", 1, None)? != "tree_head" {
        return Err(failure(
            1,
            None,
            "the first line must be the signed tree head",
        ));
    }
    only_fields(&head, &TREE_HEAD_FIELDS, 1, None)?;
    let signed = pb::SignedTreeHead {
        body: base64(&head, "body", 1, None)?,
        key_id: text(&head, "key_id", 1, None)?.to_string(),
        signature: base64(&head, "signature", 1, None)?,
    };
    let expected_id = key_id(key);
    let verified = open_tree_head(&signed, |id| (id == expected_id).then_some(*key))
        .map_err(|e| failure(1, None, format!("tree head: {e}")))?
        .value;
    let readable = (
        text(&head, "country", 1, None)?,
        number(&head, "tree_size", 1, None)?,
        text(&head, "root_hash", 1, None)?,
        field(&head, "timestamp_unix_ms", 1, None)?.as_i64(),
    );
    if readable
        != (
            verified.country.as_str(),
            verified.tree_size,
            hex::encode(verified.root_hash).as_str(),
            Some(verified.timestamp_unix_ms),
        )
    {
        return Err(failure(
            1,
            None,
            "the readable tree head fields differ from the signed ones",
        ));
    }

    let (size, root) = (verified.tree_size, verified.root_hash);
    let mut frontier = Frontier::new();
    for (offset, line) in lines.enumerate() {
        let line_no = offset + 2;
        let index = offset as u64;
        let at = Some(index);
        let value = canonical(line_no, at, line)?;
        if text(&value, "type", line_no, at)? != "entry" {
            return Err(failure(line_no, at, "expected an entry line"));
        }
        only_fields(&value, &ENTRY_FIELDS, line_no, at)?;
        if number(&value, "index", line_no, at)? != index {
            return Err(failure(
                line_no,
                at,
                format!("entries must come in order; expected index {index}"),
            ));
        }
        if index >= size {
            return Err(failure(
                line_no,
                at,
                format!("the signed tree head covers only {size} entries"),
            ));
        }
        let leaf = base64(&value, "leaf", line_no, at)?;
        let DistinctKeys(decoded) = serde_json::from_slice(&leaf).map_err(|e| {
            failure(
                line_no,
                at,
                format!("the entry bytes are not JSON with distinct keys: {e}"),
            )
        })?;
        if &decoded != field(&value, "entry", line_no, at)? {
            return Err(failure(
                line_no,
                at,
                "the readable entry differs from its signed bytes",
            ));
        }
        if decoded.get("index").and_then(Value::as_u64) != Some(index) {
            return Err(failure(line_no, at, "the entry bytes name another index"));
        }
        let proof = field(&value, "proof", line_no, at)?
            .as_array()
            .ok_or_else(|| failure(line_no, at, "`proof` is not a list"))?
            .iter()
            .map(|h| {
                let encoded = h
                    .as_str()
                    .ok_or_else(|| failure(line_no, at, "`proof` holds a non-string"))?;
                hash(encoded, "proof", line_no, at)
            })
            .collect::<Result<Vec<Hash>, _>>()?;
        let leaf_hash = leaf_hash(&leaf);
        verify_inclusion(index, size, &leaf_hash, &proof, &root)
            .map_err(|e| failure(line_no, at, format!("inclusion proof: {e}")))?;
        frontier.push(leaf_hash);
    }
    if frontier.size() != size {
        let missing = frontier.size();
        return Err(failure(
            missing as usize + 2,
            Some(missing),
            format!("the export ends after {missing} entries but the tree head covers {size}"),
        ));
    }
    if frontier.root() != root {
        return Err(failure(
            1,
            None,
            "the entries do not make up the signed tree",
        ));
    }
    Ok(Verdict {
        country: verified.country.to_string(),
        tree_size: size,
        root_hash: root,
        timestamp_unix_ms: verified.timestamp_unix_ms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TreeHead;
    use crate::envelope::SigningIdentity;
    use crate::merkle::MemoryTree;
    use ed25519_dalek::SigningKey;

    /// An export of `n` entries signed by `signer`.
    fn export(signer: &SigningIdentity, n: u64) -> String {
        let leaves: Vec<Vec<u8>> = (0..n)
            .map(|i| {
                format!("{{\"index\":{i},\"event\":\"request.submitted\",\"detail\":\"é {i}\"}}")
                    .into_bytes()
            })
            .collect();
        export_of(signer, &leaves)
    }

    /// An export of exactly these entry bytes, signed by `signer`.
    fn export_of(signer: &SigningIdentity, leaves: &[Vec<u8>]) -> String {
        let n = leaves.len() as u64;
        let mut tree = MemoryTree::new();
        for leaf in leaves {
            tree.push(leaf_hash(leaf));
        }
        let head = signer.sign_tree_head(&TreeHead {
            country: "THA".parse().unwrap(),
            tree_size: n,
            root_hash: tree.root(n).unwrap(),
            timestamp_unix_ms: 1_800_000_000_000,
        });
        let mut out = tree_head_line(&head).unwrap();
        out.push('\n');
        for (i, leaf) in leaves.iter().enumerate() {
            let proof: Vec<Vec<u8>> = tree
                .inclusion_proof(i as u64, n)
                .unwrap()
                .iter()
                .map(|h| h.to_vec())
                .collect();
            out.push_str(&entry_line(i as u64, leaf, &proof).unwrap());
            out.push('\n');
        }
        out
    }

    #[test]
    fn a_genuine_export_verifies() {
        let signer = SigningIdentity::new(SigningKey::from_bytes(&[4; 32]));
        let verdict = verify_export(&export(&signer, 6), &signer.verifying_key()).unwrap();
        assert_eq!((verdict.country.as_str(), verdict.tree_size), ("THA", 6));
    }

    #[test]
    fn every_single_byte_change_is_detected() {
        let signer = SigningIdentity::new(SigningKey::from_bytes(&[4; 32]));
        let key = signer.verifying_key();
        let original = export(&signer, 5);
        let head_len = original.find('\n').unwrap();
        let bytes = original.as_bytes();
        for i in 0..bytes.len() - 1 {
            let mut changed = bytes.to_vec();
            changed[i] ^= 0x01;
            let Ok(text) = String::from_utf8(changed) else {
                continue;
            };
            let failure =
                verify_export(&text, &key).expect_err(&format!("byte {i} changed undetected"));
            // A change inside an entry line names that entry as the first bad one.
            if i > head_len && bytes[i] != b'\n' {
                let line = bytes[..i].iter().filter(|&&b| b == b'\n').count();
                assert_eq!(failure.index, Some(line as u64 - 1), "byte {i}: {failure}");
            }
        }
    }

    #[test]
    fn dropped_reordered_or_foreign_entries_are_detected() {
        let signer = SigningIdentity::new(SigningKey::from_bytes(&[4; 32]));
        let key = signer.verifying_key();
        let original = export(&signer, 5);
        let lines: Vec<&str> = original.lines().collect();

        let dropped = [&lines[..3], &lines[4..]].concat().join("\n");
        assert_eq!(verify_export(&dropped, &key).unwrap_err().index, Some(2));
        let truncated = lines[..4].join("\n");
        assert_eq!(verify_export(&truncated, &key).unwrap_err().index, Some(3));
        let mut swapped = lines.clone();
        swapped.swap(2, 3);
        assert_eq!(
            verify_export(&swapped.join("\n"), &key).unwrap_err().index,
            Some(1)
        );

        let other = SigningIdentity::new(SigningKey::from_bytes(&[5; 32]));
        let foreign = verify_export(&original, &other.verifying_key()).unwrap_err();
        assert_eq!((foreign.line, foreign.index), (1, None));
        // Another node's genuine export does not pass for this one's.
        assert!(verify_export(&export(&other, 5), &key).is_err());
    }

    /// Rewrites line `line` (0-based) through its JSON value; serde_json
    /// sorts the keys, so the result is still canonical.
    fn edit_line(export: &str, line: usize, edit: impl FnOnce(&mut Value)) -> String {
        let mut lines: Vec<String> = export.lines().map(str::to_string).collect();
        let mut value: Value = serde_json::from_str(&lines[line]).unwrap();
        edit(&mut value);
        lines[line] = value.to_string();
        lines.join("\n") + "\n"
    }

    #[test]
    fn fields_added_to_a_line_are_refused() {
        let signer = SigningIdentity::new(SigningKey::from_bytes(&[4; 32]));
        let key = signer.verifying_key();
        let original = export(&signer, 4);
        let note = |v: &mut Value| {
            v["note"] = json!("approved");
        };
        let head = verify_export(&edit_line(&original, 0, note), &key).unwrap_err();
        assert_eq!((head.line, head.index), (1, None), "{head}");
        assert!(head.problem.contains("`note`"), "{head}");
        let entry = verify_export(&edit_line(&original, 3, note), &key).unwrap_err();
        assert_eq!((entry.line, entry.index), (4, Some(2)), "{entry}");
        assert!(entry.problem.contains("`note`"), "{entry}");
    }

    #[test]
    fn numbers_that_are_not_integers_are_refused() {
        let signer = SigningIdentity::new(SigningKey::from_bytes(&[4; 32]));
        let key = signer.verifying_key();
        // Signed by the node, yet a float has no one canonical text form.
        let leaves = vec![
            br#"{"index":0,"event":"a"}"#.to_vec(),
            br#"{"index":1,"event":"b","weight":1.5}"#.to_vec(),
        ];
        let failure = verify_export(&export_of(&signer, &leaves), &key).unwrap_err();
        assert_eq!((failure.line, failure.index), (3, Some(1)), "{failure}");
        assert!(failure.problem.contains("integer"), "{failure}");
    }

    #[test]
    fn entry_bytes_naming_a_key_twice_are_refused() {
        let signer = SigningIdentity::new(SigningKey::from_bytes(&[4; 32]));
        let key = signer.verifying_key();
        // Parsers disagree on which `event` counts, so neither may.
        let leaves = vec![
            br#"{"index":0,"event":"a"}"#.to_vec(),
            br#"{"index":1,"event":"policy.denied","detail":{"x":1,"x":2},"event":"policy.allowed"}"#.to_vec(),
            br#"{"index":2,"event":"c"}"#.to_vec(),
        ];
        let failure = verify_export(&export_of(&signer, &leaves), &key).unwrap_err();
        assert_eq!((failure.line, failure.index), (3, Some(1)), "{failure}");
        assert!(failure.problem.contains("twice"), "{failure}");
        // Nested objects are held to the same rule.
        let nested = vec![br#"{"index":0,"detail":{"x":1,"x":2}}"#.to_vec()];
        let failure = verify_export(&export_of(&signer, &nested), &key).unwrap_err();
        assert!(failure.problem.contains("`x` twice"), "{failure}");
    }
}
