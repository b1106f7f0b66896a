//! The package written from the synthetic case verifies; each kind of
//! tampering is reported by name, whether or not the forger could sign
//! again as the exporter.

use std::io::Cursor;

use serde_json::Value;

use super::fixture::{
    CHAT_ID, Case, PHOTO_ID, PHOTO_NAME, edit_manifest, identity, members, resign, rewrite, zip_of,
};
use super::*;
use crate::envelope::sha256;
use crate::pb;

fn check(package: &[u8]) -> Verification {
    verify(Cursor::new(package), &PinnedKeys::new())
}

fn listing(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("\n  {f}"))
        .collect::<String>()
}

/// Asserts a finding of `rule` at exactly `at` whose problem holds
/// `says`.
#[track_caller]
fn assert_found(verification: &Verification, rule: Rule, at: &str, says: &str) {
    let findings = &verification.findings;
    assert!(
        findings
            .iter()
            .any(|f| f.rule == rule && f.at == at && f.problem.contains(says)),
        "expected [{}] at `{at}` saying `{says}`; found:{}",
        rule.name(),
        listing(findings)
    );
    assert!(!verification.holds());
}

fn chat_path() -> String {
    file_path(CHAT_ID, "chat.txt")
}

fn envelope_member(case: &Case) -> String {
    envelope_path(&sha256(&case.envelopes[0].message))
}

/// Flips one bit of one byte of a member.
fn flip(package: &[u8], member: &str, at: usize) -> Vec<u8> {
    rewrite(package, |name, mut bytes| {
        if name == member {
            bytes[at] ^= 0x01;
        }
        Some(bytes)
    })
}

#[test]
fn the_genuine_package_verifies() {
    let case = Case::new();
    let package = case.write();
    let verification = check(&package);
    assert!(verification.holds(), "{}", listing(&verification.findings));
    let verdict = verification.into_result().unwrap();
    assert_eq!(verdict.request_id, fixture::REQUEST_ID);
    assert_eq!(verdict.exporter, "KHM");
    assert_eq!(verdict.signed_with, case.khm.key_id());
    assert_eq!(verdict.custody_entries, 9);
    let names: Vec<&str> = verdict.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["chat.txt", PHOTO_NAME]);
    // Unpinned: the keys are only what the package says.
    assert_eq!(verdict.keys.len(), 2);
    assert!(verdict.keys.iter().all(|k| k.pinned.is_none()));
    let tha = verdict
        .keys
        .iter()
        .find(|k| k.country.as_str() == "THA")
        .unwrap();
    assert_eq!(tha.key_id, case.tha.key_id());

    // The same parts give the same bytes.
    assert_eq!(case.write(), package);
}

#[test]
fn pinned_keys_are_compared_with_the_package_keys() {
    let case = Case::new();
    let package = case.write();
    let mut pins = PinnedKeys::new();
    pins.insert("THA".parse().unwrap(), vec![case.tha.verifying_key()]);
    pins.insert("KHM".parse().unwrap(), vec![case.khm.verifying_key()]);
    let verification = verify(Cursor::new(&package), &pins);
    assert!(verification.holds(), "{}", listing(&verification.findings));
    let verdict = verification.verdict.unwrap();
    assert!(verdict.keys.iter().all(|k| k.pinned == Some(true)));

    // The court's published key for KHM is another one.
    pins.insert("KHM".parse().unwrap(), vec![identity(3).verifying_key()]);
    let verification = verify(Cursor::new(&package), &pins);
    assert_found(
        &verification,
        Rule::Key,
        "keys/KHM.json keys[0]",
        "differs from the key pinned for KHM",
    );
    assert_eq!(
        verification.findings.len(),
        1,
        "{}",
        listing(&verification.findings)
    );
}

#[test]
fn a_flipped_byte_in_a_file_is_named() {
    let case = Case::new();
    let tampered = flip(&case.write(), &chat_path(), 100);
    let verification = check(&tampered);
    assert_found(
        &verification,
        Rule::Member,
        &chat_path(),
        "differs from the",
    );
    let signed = format!("({}, file {CHAT_ID})", envelope_member(&case));
    assert_found(&verification, Rule::File, &chat_path(), &signed);
    assert_found(&verification, Rule::File, &chat_path(), "differs from");

    // The exporter itself cannot make it pass: the file's hash is signed
    // by THA in the evidence manifest, and in the custody entries.
    let resigned = check(&resign(&tampered, &case.khm));
    assert_found(&resigned, Rule::File, &chat_path(), &signed);
    assert!(
        resigned.findings.iter().all(|f| f.rule == Rule::File),
        "{}",
        listing(&resigned.findings)
    );
}

#[test]
fn a_changed_manifest_field_is_named() {
    let case = Case::new();
    let package = case.write();

    // A size changed: the signature no longer holds.
    let bigger = edit_manifest(&package, None, |m| {
        let size = m["files"][0]["size"].as_u64().unwrap();
        m["files"][0]["size"] = Value::from(size + 1);
    });
    let verification = check(&bigger);
    assert_found(&verification, Rule::Signature, SIGNATURE, "does not hold");
    assert_found(
        &verification,
        Rule::File,
        "manifest.json files[0]",
        "the signed manifest",
    );

    // A hash changed and signed again by the exporter: still not THA's.
    let other = "ab".repeat(32);
    let rehashed = edit_manifest(&package, Some(&case.khm), |m| {
        m["files"][0]["sha256"] = Value::from(other.clone());
    });
    let verification = check(&rehashed);
    assert_found(
        &verification,
        Rule::File,
        "manifest.json files[0]",
        &format!("manifest.json lists SHA-256 {other}"),
    );
    assert!(
        !verification
            .findings
            .iter()
            .any(|f| f.rule == Rule::Signature),
        "{}",
        listing(&verification.findings)
    );

    // A member's listed size changed.
    let member = edit_manifest(&package, Some(&case.khm), |m| {
        let members = m["members"].as_array_mut().unwrap();
        let report = members.iter_mut().find(|x| x["path"] == REPORT).unwrap();
        report["size"] = Value::from(3);
    });
    assert_found(
        &check(&member),
        Rule::Member,
        REPORT,
        "manifest.json lists 3",
    );
}

/// The position of KHM's `evidence.verified` entry of the chat in
/// manifest.json's custody list, and its line in custody/KHM.jsonl.
const VERIFIED_INDEX: u64 = 2;

#[test]
fn a_custody_entry_removed_but_still_listed_is_a_gap() {
    let case = Case::new();
    let package = case.write();
    let dropped = rewrite(&package, |name, bytes| {
        if name != "custody/KHM.jsonl" {
            return Some(bytes);
        }
        let text = String::from_utf8(bytes).unwrap();
        let kept: String = text
            .lines()
            .filter(|l| !l.contains(&format!("\"index\":{VERIFIED_INDEX},")))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(kept.lines().count(), text.lines().count() - 1);
        Some(kept.into_bytes())
    });
    let verification = check(&dropped);
    // KHM's entries come first in the custody list (sorted by country).
    assert_found(
        &verification,
        Rule::Gap,
        "manifest.json custody[1]",
        "entry #2 of KHM",
    );
    assert_found(
        &verification,
        Rule::Gap,
        "manifest.json custody[1]",
        "listed but absent from custody/KHM.jsonl",
    );
    // The officer's opening of the chat follows the missing entry.
    let verified_leaf = hex::encode(crate::merkle::leaf_hash(
        &case.khm_log.entries[VERIFIED_INDEX as usize],
    ));
    assert_found(
        &verification,
        Rule::Gap,
        "custody/KHM.jsonl line 4",
        &format!("after={verified_leaf} names no entry in the package"),
    );
    assert_found(
        &verification,
        Rule::Member,
        "custody/KHM.jsonl",
        "manifest.json lists",
    );
}

#[test]
fn a_custody_entry_removed_everywhere_by_the_exporter_is_still_a_gap() {
    let mut case = Case::new();
    case.custody
        .retain(|p| !(p.index == VERIFIED_INDEX && p.entry.windows(9).any(|w| w == b"verified\"")));
    assert_eq!(case.custody.len(), 8);
    let verification = check(&case.write());
    let verified_leaf = hex::encode(crate::merkle::leaf_hash(
        &case.khm_log.entries[VERIFIED_INDEX as usize],
    ));
    assert_found(
        &verification,
        Rule::Gap,
        "custody/KHM.jsonl line 4",
        &format!("after={verified_leaf} names no entry in the package"),
    );
    assert_eq!(
        verification.findings.len(),
        1,
        "{}",
        listing(&verification.findings)
    );
}

#[test]
fn the_chain_start_missing_is_a_gap() {
    let mut case = Case::new();
    // THA's evidence.attached of the photo (THA index 2) left out.
    case.custody
        .retain(|p| !(p.index == 2 && p.entry.windows(8).any(|w| w == b"attached")));
    let verification = check(&case.write());
    let photo = file_path(PHOTO_ID, PHOTO_NAME);
    assert_found(&verification, Rule::Gap, &photo, "is not in the package");
    assert_found(
        &verification,
        Rule::Gap,
        "custody/KHM.jsonl line 3",
        "names no entry in the package",
    );
}

#[test]
fn a_replaced_key_is_named() {
    let case = Case::new();
    let forger = identity(7);
    let foreign = fixture::node_keys("KHM", &forger);
    let replaced = rewrite(&case.write(), |name, bytes| {
        if name != "keys/KHM.json" {
            return Some(bytes);
        }
        let mut value: Value = serde_json::from_slice(&bytes).unwrap();
        let key = &foreign.keys[0];
        value["keys"][0]["key_id"] = Value::from(key.key_id.clone());
        value["keys"][0]["public_key"] = Value::from(base64::Engine::encode(
            &base64::engine::general_purpose::STANDARD,
            &key.public_key,
        ));
        Some(value.to_string().into_bytes())
    });
    let verification = check(&replaced);
    assert_found(&verification, Rule::Member, "keys/KHM.json", "differs from");
    assert_found(
        &verification,
        Rule::Signature,
        SIGNATURE,
        "none of KHM's keys",
    );
    assert_found(
        &verification,
        Rule::Signature,
        "tree-heads/KHM-5.pb",
        "signed by an unknown key",
    );

    // The forger signs the manifest again with the key it put in: the
    // tree heads KHM signed still give it away, and a pinned key too.
    let resigned = resign(&replaced, &forger);
    let verification = check(&resigned);
    assert_found(
        &verification,
        Rule::Signature,
        "tree-heads/KHM-7.pb",
        "signed by an unknown key",
    );
    let mut pins = PinnedKeys::new();
    pins.insert("KHM".parse().unwrap(), vec![case.khm.verifying_key()]);
    let pinned = verify(Cursor::new(&resigned), &pins);
    assert_found(
        &pinned,
        Rule::Key,
        "keys/KHM.json keys[0]",
        "differs from the key pinned for KHM",
    );
}

#[test]
fn a_forged_envelope_signature_is_named() {
    let case = Case::new();
    let member = envelope_member(&case);
    let forged = rewrite(&case.write(), |name, bytes| {
        if name != member {
            return Some(bytes);
        }
        let mut envelope = <pb::Envelope as prost::Message>::decode(bytes.as_slice()).unwrap();
        envelope.signature[10] ^= 0x40;
        Some(prost::Message::encode_to_vec(&envelope))
    });
    let verification = check(&resign(&forged, &case.khm));
    assert_found(
        &verification,
        Rule::Signature,
        &member,
        "signature does not verify",
    );
    // Its files are then described by no signed manifest.
    assert_found(
        &verification,
        Rule::File,
        &chat_path(),
        "in no evidence manifest whose envelope holds",
    );
}

#[test]
fn a_tree_head_from_another_log_is_named() {
    let case = Case::new();
    let package = case.write();
    // THA's key, THA's name, the same size, but another log's root.
    let mut other = crate::merkle::MemoryTree::new();
    for i in 0..7u8 {
        other.push(crate::merkle::leaf_hash(&[i]));
    }
    let head = case.tha.sign_tree_head(&crate::domain::TreeHead {
        country: "THA".parse().unwrap(),
        tree_size: 7,
        root_hash: other.root(7).unwrap(),
        timestamp_unix_ms: fixture::T0 + 5_500,
    });
    let swapped = rewrite(&package, |name, bytes| {
        Some(if name == "tree-heads/THA-7.pb" {
            prost::Message::encode_to_vec(&head)
        } else {
            bytes
        })
    });
    let verification = check(&resign(&swapped, &case.khm));
    for line in 1..=4 {
        assert_found(
            &verification,
            Rule::Proof,
            &format!("custody/THA.jsonl line {line}"),
            "under tree-heads/THA-7.pb: the proof does not lead to the expected root",
        );
    }
    assert!(
        verification.findings.iter().all(|f| f.rule == Rule::Proof),
        "{}",
        listing(&verification.findings)
    );

    // KHM's genuine head put in THA's place: THA's keys do not sign it.
    let khm_head = members(&package)
        .into_iter()
        .find(|(n, _)| n == "tree-heads/KHM-7.pb")
        .unwrap()
        .1;
    let foreign = rewrite(&package, |name, bytes| {
        Some(if name == "tree-heads/THA-7.pb" {
            khm_head.clone()
        } else {
            bytes
        })
    });
    let verification = check(&resign(&foreign, &case.khm));
    assert_found(
        &verification,
        Rule::Signature,
        "tree-heads/THA-7.pb",
        "checked with THA's keys",
    );
    assert_found(
        &verification,
        Rule::Proof,
        "custody/THA.jsonl line 1",
        "absent or its signature does not hold",
    );
}

#[test]
fn an_extra_member_is_named() {
    let case = Case::new();
    let mut all = members(&case.write());
    all.push(("notes.txt".into(), b"approved by the judge".to_vec()));
    let extra = zip_of(&all);
    let verification = check(&extra);
    assert_found(
        &verification,
        Rule::Member,
        "notes.txt",
        "not listed in manifest.json",
    );
    assert_eq!(
        verification.findings.len(),
        1,
        "{}",
        listing(&verification.findings)
    );

    // Listed by a re-signing exporter, it is still no part of the format.
    let listed = check(&resign(&extra, &case.khm));
    assert_found(
        &listed,
        Rule::Format,
        "manifest.json members[7]",
        "`notes.txt` is not a member this format defines",
    );
}

#[test]
fn a_truncated_or_corrupted_package_is_refused_without_panic() {
    let package = Case::new().write();
    for cut in [0, 1, 22, 100, package.len() / 2, package.len() - 1] {
        let verification = check(&package[..cut]);
        assert_eq!(verification.findings[0].rule, Rule::Archive, "cut at {cut}");
        assert!(verification.verdict.is_none());
    }
    // A flipped byte anywhere never panics, and is caught unless it is in
    // zip bookkeeping that changes no member (a local header's time).
    let original = members(&package);
    let mut caught = 0;
    for at in (0..package.len()).step_by(97) {
        let mut corrupted = package.clone();
        corrupted[at] ^= 0x55;
        let verification = check(&corrupted);
        if verification.holds() {
            assert_eq!(
                members(&corrupted),
                original,
                "byte {at} flipped undetected"
            );
        } else {
            caught += 1;
        }
    }
    assert!(caught > package.len() / 97 * 9 / 10, "{caught}");
    // Every byte of the central directory's end, where sizes and counts
    // are read from.
    for at in package.len() - 120..package.len() {
        for flip in [0x01, 0x80, 0xff] {
            let mut corrupted = package.clone();
            corrupted[at] ^= flip;
            let verification = check(&corrupted);
            if verification.holds() {
                assert_eq!(
                    members(&corrupted),
                    original,
                    "byte {at} flipped undetected"
                );
            }
        }
    }
}

#[test]
fn the_report_lists_every_event_in_order_and_escapes_names() {
    let case = Case::new();
    let html = members(&case.write())
        .into_iter()
        .find(|(n, _)| n == REPORT)
        .map(|(_, b)| String::from_utf8(b).unwrap())
        .unwrap();
    assert!(!html.to_lowercase().contains("<script"), "{html}");
    assert!(html.contains("screenshot &lt;script&gt;alert(1)&lt;script&gt;.png"));
    assert!(html.contains("&lt;b&gt;the victim&lt;/b&gt; &amp; when"));
    assert!(!html.contains("src=") && !html.contains("href="));

    // Each file's events, in order, in its own section.
    let sections: Vec<&str> = html.split("<section>").skip(1).collect();
    assert_eq!(sections.len(), 2);
    for (section, file_id) in sections.iter().zip([CHAT_ID, PHOTO_ID]) {
        assert!(section.contains(file_id));
        let rows: Vec<(String, String)> = section
            .split("<tr>")
            .filter_map(|row| {
                let cells: Vec<&str> = row
                    .split("<td")
                    .skip(1)
                    .map(|c| c.split_once('>').map_or("", |(_, rest)| rest))
                    .map(|c| c.split("</td>").next().unwrap_or(""))
                    .collect();
                (cells.len() == 8).then(|| (cells[2].to_string(), cells[5].to_string()))
            })
            .collect();
        let expected: Vec<(String, String)> = case
            .events
            .iter()
            .filter(|(f, _, _)| f == file_id)
            .map(|(_, c, e)| (c.clone(), e.clone()))
            .collect();
        assert_eq!(rows, expected);
    }
}

/// The case with one more entry in KHM's log about the chat, recorded and
/// proved as the node would: only the chain rules can object to it.
fn with_khm_entry(at: i64, bytes_of: usize, after_index: u64) -> Verification {
    let mut case = Case::new();
    let bytes = case.files[bytes_of].1.clone();
    let after = crate::merkle::leaf_hash(&case.khm_log.entries[after_index as usize]);
    let (index, _) = case.khm_log.record(
        at,
        custody::EVIDENCE_OPENED,
        "agency:police/dara",
        None,
        Some((CHAT_ID, &bytes, Some(&after))),
    );
    let head = case.khm_log.head(&case.khm, fixture::T0 + 20_000);
    let size = case.khm_log.tree.size();
    case.custody.push(case.khm_log.proof(index, &head, size));
    check(&case.write())
}

#[test]
fn the_chain_rules_hold_even_for_entries_the_node_signed() {
    let later = fixture::T0 + 10_000;
    // A second opening after the first: a genuine chain.
    let fine = with_khm_entry(later, 0, 6);
    assert!(fine.holds(), "{}", listing(&fine.findings));

    // Two entries of KHM after the same one: a fork.
    let fork = with_khm_entry(later, 0, 2);
    assert_found(
        &fork,
        Rule::Custody,
        "custody/KHM.jsonl line 6",
        "fork: custody/KHM.jsonl line 5",
    );
    assert_eq!(fork.findings.len(), 1, "{}", listing(&fork.findings));

    // Recorded before the entry it follows.
    let early = with_khm_entry(fixture::T0 + 100, 0, 6);
    assert_found(
        &early,
        Rule::Custody,
        "custody/KHM.jsonl line 6",
        "before the entry it follows",
    );
    assert_eq!(early.findings.len(), 1, "{}", listing(&early.findings));

    // The photo's hash in an entry about the chat.
    let hash = with_khm_entry(later, 1, 6);
    assert_found(
        &hash,
        Rule::Custody,
        "custody/KHM.jsonl line 6",
        "`message_hash` is not",
    );
    assert_eq!(hash.findings.len(), 1, "{}", listing(&hash.findings));
}
