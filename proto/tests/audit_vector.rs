//! The audit export test vector in `docs/examples/`, specified in
//! `docs/audit-export.md`. The verifier must still accept the shipped
//! exports byte for byte with the figures the document states, and reject
//! the corrupted copy at the entry it names; and a second verifier written
//! here from the document alone (with sha2, base64, hex, serde_json and
//! ed25519-dalek, never this crate's `merkle`, `envelope` or `audit` code)
//! must reach the same verdicts. If the format drifts, this fails.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use ed25519_dalek::{Signature, VerifyingKey};
use liaison_proto::audit::{Verdict, VerifyFailure, verify_export};
use liaison_proto::merkle::{MemoryTree, leaf_hash, verify_consistency};
use serde_json::Value;
use sha2::{Digest, Sha256};

const EXPORT: &str = include_str!("../../docs/examples/audit-export-THA.jsonl");
const LATER: &str = include_str!("../../docs/examples/audit-export-THA-later.jsonl");
const CORRUPTED: &str = include_str!("../../docs/examples/audit-export-THA-corrupted.jsonl");
const PUBLIC_KEY: &str = include_str!("../../docs/examples/audit-export-THA.pub");
const DOCUMENT: &str = include_str!("../../docs/audit-export.md");

// The figures `docs/audit-export.md` states for the vector.
const KEY_ID: &str = "7f2cce6e65faa39e";
const ROOT_14: &str = "af1b0fd222bb0e30861163a24457498c7e192377dcce270b1b3490c071c3ded9";
const SIGNED_14: i64 = 1_796_013_561_434;
const ROOT_16: &str = "d20cfa142a7fa9ef6af724f3a4fadad0a446b61701d63497e2be5b3cf05858fa";
const SIGNED_16: i64 = 1_796_013_587_835;
/// The consistency proof from the 14-entry tree to the 16-entry one.
const CONSISTENCY_14_16: [&str; 4] = [
    "e80a4b4a930d2f4335c4b30a4d07b8747da4b851620d8c0c27737391570bb3ba",
    "9707440b78843c46e5db7c417df17a64791678190fd80ae7f4d1bfdfbfdb29ef",
    "852be0a4452b73043a790cdbfb076028aa107d2e01b0a4bde49e8fd2592dcc90",
    "ed89fc308d0b2ed2d728f7799c0bbd312166597a3340b57c571e1292966a8e4e",
];
/// SHA-256 of each shipped file, as the document lists them.
const FILE_HASHES: [(&str, &str); 4] = [
    (
        EXPORT,
        "1226a391f208f6a42142ccc9c86fc2b0eacec3fe917205b20e59b0681861a9b9",
    ),
    (
        LATER,
        "8c3975383d250627439ea57ac4c07b3bea94ebcf4967f0056bdb6b0619a8e3fc",
    ),
    (
        CORRUPTED,
        "7c964151787fc3704cb48a5369b4e6a4f4d2fafa2beebcb6c05559bbfd4ffb6d",
    ),
    (
        PUBLIC_KEY,
        "c37f45684d4389b1635632d568306eabb8085902962a76fea7bcbe2a34652ea8",
    ),
];

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

fn unhex(text: &str) -> [u8; 32] {
    hex::decode(text).unwrap().try_into().unwrap()
}

/// The public key file, read as `liaison audit verify --public-key` reads
/// it: base64 of the 32 raw bytes, surrounding whitespace ignored.
fn public_key() -> VerifyingKey {
    let raw = STANDARD.decode(PUBLIC_KEY.trim()).unwrap();
    liaison_proto::envelope::verifying_key(&raw).unwrap()
}

fn verdict(tree_size: u64, root: &str, signed: i64) -> Verdict {
    Verdict {
        country: "THA".into(),
        tree_size,
        root_hash: unhex(root),
        timestamp_unix_ms: signed,
    }
}

#[test]
fn the_shipped_files_are_the_documented_bytes() {
    for (text, expected) in FILE_HASHES {
        assert_eq!(hex::encode(sha256(text.as_bytes())), expected);
        // LF line endings, one final newline: a checkout that converted
        // them (see .gitattributes) would fail here first.
        assert!(!text.contains('\r') && text.ends_with('\n') && !text.ends_with("\n\n"));
    }
    assert_eq!(
        liaison_proto::envelope::key_id(&public_key()),
        KEY_ID,
        "key id"
    );
}

#[test]
fn the_document_states_these_figures() {
    let mut figures = vec![KEY_ID, ROOT_14, ROOT_16, PUBLIC_KEY.trim()];
    figures.extend(FILE_HASHES.map(|(_, hash)| hash));
    figures.extend(CONSISTENCY_14_16);
    let (s14, s16) = (SIGNED_14.to_string(), SIGNED_16.to_string());
    figures.extend([s14.as_str(), s16.as_str()]);
    figures.push("FAILED: first bad entry is index 8 (line 10): inclusion proof: the proof does not lead to the expected root");
    for figure in figures {
        assert!(
            DOCUMENT.contains(figure),
            "docs/audit-export.md lacks {figure}"
        );
    }
}

#[test]
fn the_documents_worked_examples_hold() {
    let head: Value = serde_json::from_str(EXPORT.lines().next().unwrap()).unwrap();
    let body = STANDARD.decode(head["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        hex::encode(&body),
        format!("0a03544841100e1a20{ROOT_14}20daac80d6a234")
    );
    assert_eq!(
        hex::encode(liaison_proto::envelope::TREE_HEAD_CONTEXT),
        "6c696169736f6e2e76312e747265652d68656164"
    );
    let entry =
        |i: usize| -> Value { serde_json::from_str(EXPORT.lines().nth(i + 1).unwrap()).unwrap() };
    let leaf = |i: usize| STANDARD.decode(entry(i)["leaf"].as_str().unwrap()).unwrap();
    assert_eq!(leaf(0).len(), 337);
    let (l0, l1) = (leaf_hash(&leaf(0)), leaf_hash(&leaf(1)));
    assert_eq!(
        hex::encode(l0),
        "3a9a54232cd0d639d642c50aa74549223052e2d7e623e058eca2ea91eb98c766"
    );
    assert_eq!(
        hex::encode(l1),
        "95975b0d7e1c4f70490f7d3f61b2af6135a0e17ad7bbbd1cc22cca7b169ae07b"
    );
    let node = sha256(&[&[0x01][..], &l0, &l1].concat());
    assert_eq!(
        hex::encode(node),
        "9c6d3e5aedb66d3b6f399d742565736b569d9eb31957eb2f5de7e91e91fa919e"
    );
    assert_eq!(entry(2)["proof"][1], hex::encode(node));
    assert_eq!(
        hex::encode(liaison_proto::merkle::empty_root()),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
}

#[test]
fn the_code_verifies_the_vector_with_the_documented_figures() {
    let key = public_key();
    assert_eq!(EXPORT.lines().count(), 1 + 14);
    assert_eq!(
        verify_export(EXPORT, &key).unwrap(),
        verdict(14, ROOT_14, SIGNED_14)
    );
    assert_eq!(LATER.lines().count(), 1 + 16);
    assert_eq!(
        verify_export(LATER, &key).unwrap(),
        verdict(16, ROOT_16, SIGNED_16)
    );
}

#[test]
fn the_corrupted_copy_fails_at_the_documented_entry() {
    // The copy differs from the export in line 10 only, where entry 8's
    // bytes and readable copy were both changed from `policy.denied` to
    // `policy.allowed`: the line is consistent in itself, so only the
    // Merkle proof catches it.
    let (good, bad): (Vec<&str>, Vec<&str>) =
        (EXPORT.lines().collect(), CORRUPTED.lines().collect());
    assert_eq!(good.len(), bad.len());
    let differing: Vec<usize> = (0..good.len()).filter(|&i| good[i] != bad[i]).collect();
    assert_eq!(differing, [9]);
    let line: Value = serde_json::from_str(bad[9]).unwrap();
    let leaf: Value =
        serde_json::from_slice(&STANDARD.decode(line["leaf"].as_str().unwrap()).unwrap()).unwrap();
    assert_eq!(leaf, line["entry"]);
    assert_eq!(leaf["event"], "policy.allowed");

    assert_eq!(
        verify_export(CORRUPTED, &public_key()).unwrap_err(),
        VerifyFailure {
            line: 10,
            index: Some(8),
            problem: "inclusion proof: the proof does not lead to the expected root".into(),
        }
    );
}

#[test]
fn the_later_export_extends_the_earlier_one() {
    let leaves: Vec<Vec<u8>> = LATER
        .lines()
        .skip(1)
        .map(|l| {
            let line: Value = serde_json::from_str(l).unwrap();
            STANDARD.decode(line["leaf"].as_str().unwrap()).unwrap()
        })
        .collect();
    let earlier: Vec<&str> = EXPORT.lines().skip(1).collect();
    for (i, line) in earlier.iter().enumerate() {
        let line: Value = serde_json::from_str(line).unwrap();
        assert_eq!(
            STANDARD.decode(line["leaf"].as_str().unwrap()).unwrap(),
            leaves[i],
            "entry {i}"
        );
    }
    let mut tree = MemoryTree::new();
    for leaf in &leaves {
        tree.push(leaf_hash(leaf));
    }
    let proof = tree.consistency_proof(14, 16).unwrap();
    assert_eq!(
        proof.iter().map(hex::encode).collect::<Vec<_>>(),
        CONSISTENCY_14_16
    );
    verify_consistency(14, 16, &unhex(ROOT_14), &unhex(ROOT_16), &proof).unwrap();
}

#[test]
fn the_documented_string_escapes_and_key_order_are_serde_jsons() {
    let mut text: String = (0u8..0x80).map(char::from).collect();
    text.push_str("é\u{2028}\u{10348}");
    let mut doc = String::new();
    quote(&text, &mut doc);
    assert_eq!(doc, serde_json::to_string(&text).unwrap());

    let value: Value = serde_json::from_str(
        r#"{"b":1,"a":[true,null,-7],"B":"x","é":{},"aa":18446744073709551615}"#,
    )
    .unwrap();
    assert_eq!(
        canonical(&value).unwrap(),
        serde_json::to_string(&value).unwrap()
    );
}

#[test]
fn an_independent_verifier_written_from_the_document_agrees() {
    let key = STANDARD.decode(PUBLIC_KEY.trim()).unwrap();
    assert_eq!(
        doc::verify(EXPORT, &key),
        Ok(("THA".to_string(), 14, unhex(ROOT_14), SIGNED_14))
    );
    assert_eq!(
        doc::verify(LATER, &key),
        Ok(("THA".to_string(), 16, unhex(ROOT_16), SIGNED_16))
    );
    assert_eq!(doc::verify(CORRUPTED, &key), Err((10, Some(8))));

    let proof: Vec<[u8; 32]> = CONSISTENCY_14_16.iter().map(|h| unhex(h)).collect();
    let (old, new) = (unhex(ROOT_14), unhex(ROOT_16));
    assert!(doc::consistent(14, 16, &old, &new, &proof));
    assert!(!doc::consistent(14, 16, &new, &old, &proof));
    assert!(!doc::consistent(13, 16, &old, &new, &proof));
    assert!(!doc::consistent(14, 16, &old, &new, &proof[1..]));
    let mut altered = proof.clone();
    altered[2][0] ^= 1;
    assert!(!doc::consistent(14, 16, &old, &new, &altered));
}

#[test]
fn the_vector_holds_no_personal_data() {
    // The demo's subjects, summaries and answer values.
    let personal = [
        "+85512345678",
        "85512345678",
        "Sihanoukville",
        "recruit",
        "shell company",
        "2024-02-11",
        "Nguyen",
        "1999-04-02",
        "compound",
        "photograph",
        "T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb",
        "ransom",
    ];
    for text in [EXPORT, LATER] {
        let mut all = text.to_string();
        for line in text.lines().skip(1) {
            let line: Value = serde_json::from_str(line).unwrap();
            let leaf = STANDARD.decode(line["leaf"].as_str().unwrap()).unwrap();
            all.push_str(&String::from_utf8(leaf).unwrap());
        }
        for value in personal {
            assert!(!all.contains(value), "{value}");
        }
    }
}

/// A JSON string as the document's canonical form writes it.
fn quote(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A value's canonical text by the document's rules, or `None` if it holds
/// a number that is not an integer.
fn canonical(value: &Value) -> Option<String> {
    let mut out = String::new();
    write(value, &mut out).then_some(out)
}

fn write(value: &Value, out: &mut String) -> bool {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => out.push_str(&u.to_string()),
            (None, Some(i)) => out.push_str(&i.to_string()),
            _ => return false,
        },
        Value::String(s) => quote(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if !write(item, out) {
                    return false;
                }
            }
            out.push(']');
        }
        Value::Object(fields) => {
            let mut keys: Vec<&String> = fields.keys().collect();
            keys.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                quote(key, out);
                out.push(':');
                if !write(&fields[key], out) {
                    return false;
                }
            }
            out.push('}');
        }
    }
    true
}

/// A verifier implemented from `docs/audit-export.md` only. It makes the
/// checks that decide these vectors' verdicts, not every check of the
/// document's list, and reports a failure as (line, first bad index).
mod doc {
    use super::*;

    type Failure = (usize, Option<u64>);
    type Hash = [u8; 32];

    fn leaf_hash(data: &[u8]) -> Hash {
        sha256(&[&[0x00], data].concat())
    }

    fn node_hash(left: &Hash, right: &Hash) -> Hash {
        sha256(&[&[0x01][..], left, right].concat())
    }

    /// The Merkle Tree Hash of RFC 9162 section 2.1.1.
    fn mth(leaves: &[Hash]) -> Hash {
        match leaves.len() {
            0 => sha256(b""),
            1 => leaves[0],
            n => {
                // The largest power of two smaller than n.
                let mut k = 1;
                while k * 2 < n {
                    k *= 2;
                }
                node_hash(&mth(&leaves[..k]), &mth(&leaves[k..]))
            }
        }
    }

    /// RFC 9162 section 2.1.3.2, as the document states it.
    fn included(index: u64, size: u64, leaf: &Hash, proof: &[Hash], root: &Hash) -> bool {
        if index >= size {
            return false;
        }
        let (mut f, mut s, mut r) = (index, size - 1, *leaf);
        for p in proof {
            if s == 0 {
                return false;
            }
            if f % 2 == 1 || f == s {
                r = node_hash(p, &r);
                while f % 2 == 0 && f != 0 {
                    f /= 2;
                    s /= 2;
                }
            } else {
                r = node_hash(&r, p);
            }
            f /= 2;
            s /= 2;
        }
        s == 0 && &r == root
    }

    /// RFC 9162 section 2.1.4.2, as the document states it.
    pub fn consistent(first: u64, second: u64, old: &Hash, new: &Hash, proof: &[Hash]) -> bool {
        if first == 0 || first > second {
            return false;
        }
        if first == second {
            return proof.is_empty() && old == new;
        }
        if proof.is_empty() {
            return false;
        }
        let mut path = Vec::new();
        if first.is_power_of_two() {
            path.push(*old);
        }
        path.extend_from_slice(proof);
        let (mut f, mut s) = (first - 1, second - 1);
        while f % 2 == 1 {
            f /= 2;
            s /= 2;
        }
        let (mut fr, mut sr) = (path[0], path[0]);
        for c in &path[1..] {
            if s == 0 {
                return false;
            }
            if f % 2 == 1 || f == s {
                fr = node_hash(c, &fr);
                sr = node_hash(c, &sr);
                while f % 2 == 0 && f != 0 {
                    f /= 2;
                    s /= 2;
                }
            } else {
                sr = node_hash(&sr, c);
            }
            f /= 2;
            s /= 2;
        }
        s == 0 && &fr == old && &sr == new
    }

    fn varint(bytes: &[u8], at: &mut usize) -> Option<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *bytes.get(*at)?;
            *at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// `TreeHeadBody`: country (1), tree_size (2), root_hash (3),
    /// timestamp_unix_ms (4).
    fn tree_head_body(body: &[u8]) -> Option<(String, u64, Vec<u8>, i64)> {
        let (mut country, mut size, mut root, mut time) = (String::new(), 0, Vec::new(), 0);
        let mut at = 0;
        while at < body.len() {
            let tag = varint(body, &mut at)?;
            match (tag >> 3, tag & 7) {
                (n, 2) => {
                    let len = usize::try_from(varint(body, &mut at)?).ok()?;
                    let bytes = body.get(at..at.checked_add(len)?)?.to_vec();
                    at += len;
                    match n {
                        1 => country = String::from_utf8(bytes).ok()?,
                        3 => root = bytes,
                        2 | 4 => return None,
                        _ => {}
                    }
                }
                (n, 0) => {
                    let value = varint(body, &mut at)?;
                    match n {
                        2 => size = value,
                        4 => time = value as i64,
                        1 | 3 => return None,
                        _ => {}
                    }
                }
                _ => return None,
            }
        }
        Some((country, size, root, time))
    }

    fn line_value(text: &str, line: usize, index: Option<u64>) -> Result<Value, Failure> {
        let value: Value = serde_json::from_str(text).map_err(|_| (line, index))?;
        match canonical(&value) {
            Some(canonical) if canonical == text => Ok(value),
            _ => Err((line, index)),
        }
    }

    fn base64(value: &Value, failure: Failure) -> Result<Vec<u8>, Failure> {
        let text = value.as_str().ok_or(failure)?;
        let bytes = STANDARD.decode(text).map_err(|_| failure)?;
        (STANDARD.encode(&bytes) == text)
            .then_some(bytes)
            .ok_or(failure)
    }

    fn lower_hex(value: &Value, failure: Failure) -> Result<Hash, Failure> {
        let text = value.as_str().ok_or(failure)?;
        let bytes: Hash = hex::decode(text)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or(failure)?;
        (hex::encode(bytes) == text).then_some(bytes).ok_or(failure)
    }

    pub fn verify(text: &str, raw_key: &[u8]) -> Result<(String, u64, Hash, i64), Failure> {
        let text = text.strip_suffix('\n').unwrap_or(text);
        let mut lines = text.split('\n');
        let head = line_value(lines.next().unwrap_or(""), 1, None)?;
        let bad = (1, None);
        if head["type"] != "tree_head" {
            return Err(bad);
        }
        let body = base64(&head["body"], bad)?;
        let signature: [u8; 64] = base64(&head["signature"], bad)?
            .try_into()
            .map_err(|_| bad)?;
        let raw_key: [u8; 32] = raw_key.try_into().map_err(|_| bad)?;
        if head["key_id"] != hex::encode(&sha256(&raw_key)[..8]) {
            return Err(bad);
        }
        let key = VerifyingKey::from_bytes(&raw_key).map_err(|_| bad)?;
        let signed = [&b"liaison.v1.tree-head"[..], &body].concat();
        key.verify_strict(&signed, &Signature::from_bytes(&signature))
            .map_err(|_| bad)?;
        let (country, size, root, time) = tree_head_body(&body).ok_or(bad)?;
        let root: Hash = root.try_into().map_err(|_| bad)?;
        if head["country"] != country.as_str()
            || head["tree_size"] != size
            || head["root_hash"] != hex::encode(root)
            || head["timestamp_unix_ms"] != time
        {
            return Err(bad);
        }

        let mut leaves = Vec::new();
        for (i, text) in lines.enumerate() {
            let (index, line) = (i as u64, i + 2);
            let bad = (line, Some(index));
            let value = line_value(text, line, Some(index))?;
            if value["type"] != "entry" || value["index"] != index || index >= size {
                return Err(bad);
            }
            let leaf = base64(&value["leaf"], bad)?;
            let entry: Value = serde_json::from_slice(&leaf).map_err(|_| bad)?;
            if entry != value["entry"] || entry["index"] != index {
                return Err(bad);
            }
            let proof = value["proof"]
                .as_array()
                .ok_or(bad)?
                .iter()
                .map(|h| lower_hex(h, bad))
                .collect::<Result<Vec<Hash>, _>>()?;
            let hash = leaf_hash(&leaf);
            if !included(index, size, &hash, &proof, &root) {
                return Err(bad);
            }
            leaves.push(hash);
        }
        let count = leaves.len() as u64;
        if count != size {
            return Err((count as usize + 2, Some(count)));
        }
        if mth(&leaves) != root {
            return Err((1, None));
        }
        Ok((country, size, root, time))
    }
}
