//! The bodies of Liaison's fuzz targets: every place that reads bytes from
//! outside, one function each, taking the fuzzer's bytes. `fuzz/libfuzzer`
//! runs them under cargo-fuzz (nightly, coverage-guided); on stable,
//! `tests/corpus.rs` replays the committed corpus and the regression inputs
//! through them, and `tests/real_traffic.rs` records real nodes' traffic
//! and replays it too. See `docs/fuzzing.md`.
//!
//! A body panics only when an invariant the product promises is broken
//! (a round trip that changes a value, a parser that echoes personal data,
//! two readers of one format that disagree, an answer accepted that the
//! holder never made): that panic is the finding. Any other panic is a
//! crash of the code under test.
//!
//! Inputs that must be signed to be read at all begin with the 32 bytes of
//! the Ed25519 public key the body trusts, so that seeds recorded from real
//! nodes carry their own keys and mutations reach past the signature
//! check where the signed bytes are left whole (see [`split_key`]).

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ed25519_dalek::{Signer as _, SigningKey, VerifyingKey};
use liaison_node::config::{Config, ConfigFile};
use liaison_node::hits::asker::BlindState;
use liaison_node::hits::holder::{HitSeed, HolderKey};
use liaison_node::hits::indicator::{Indicator, IndicatorKind};
use liaison_node::hits::set::PublishedSet;
use liaison_node::policy::{Agreement, AgreementFile};
use liaison_proto::domain::{CountryCode, Message};
use liaison_proto::envelope::{
    ENVELOPE_CONTEXT, key_id, open_envelope, open_receipt, open_tree_head, sha256,
};
use liaison_proto::merkle::{Hash, verify_consistency, verify_inclusion};
use liaison_proto::receipt::{Expected, HeadCache, verify_receipt};
use liaison_proto::{identifiers, pb, time};
use prost::Message as _;

/// A fuzz target: its name (the directory of its corpus) and its body.
pub type Target = (&'static str, fn(&[u8]));

/// Every target, by name.
pub const TARGETS: &[Target] = &[
    ("envelope", envelope),
    ("message", message),
    ("receipt", receipt),
    ("tree_head", tree_head),
    ("merkle", merkle),
    ("audit_export", audit_export),
    ("package", package),
    ("config", config),
    ("agreement", agreement),
    ("cli_input", cli_input),
    ("subject", subject),
    ("indicator_csv", indicator_csv),
    ("console", console),
    ("hit_set", hit_set),
    ("oprf_batch", oprf_batch),
    ("oprf_answer", oprf_answer),
];

/// The body of the target `name`.
pub fn target(name: &str) -> Option<fn(&[u8])> {
    TARGETS.iter().find(|(n, _)| *n == name).map(|(_, f)| *f)
}

fn country(code: &str) -> CountryCode {
    code.parse().expect("a fixed country code")
}

/// The key the bodies sign with where the fuzzer's bytes are the signed
/// content itself (a fixed test key, never a node's).
fn fuzz_key() -> SigningKey {
    SigningKey::from_bytes(&[0x5a; 32])
}

/// The trusted key at the start of `data` and the bytes after it. Bytes
/// that are no public key fall back to the fuzz signer's key, so the rest
/// is still read.
pub fn split_key(data: &[u8]) -> (VerifyingKey, &[u8]) {
    match data.split_first_chunk::<32>() {
        Some((key, rest)) => match VerifyingKey::from_bytes(key) {
            Ok(key) => (key, rest),
            Err(_) => (fuzz_key().verifying_key(), rest),
        },
        None => (fuzz_key().verifying_key(), data),
    }
}

/// A domain message survives the wire: encoded, decoded and converted
/// again it is the same value.
fn assert_round_trip(value: &Message) {
    let bytes = pb::Message::from(value).encode_to_vec();
    let decoded = pb::Message::decode(bytes.as_slice()).expect("our own encoding decodes");
    let again = Message::try_from(&decoded).expect("our own message converts again");
    assert_eq!(&again, value, "a message changed on its way over the wire");
}

/// `key(32) | pb::Envelope`: verified, then decoded and converted.
pub fn envelope(data: &[u8]) {
    let (key, rest) = split_key(data);
    let Ok(envelope) = pb::Envelope::decode(rest) else {
        return;
    };
    if let Ok(opened) = open_envelope(&envelope, |_| Some(key)) {
        assert_eq!(opened.hash, sha256(&envelope.message));
        assert_round_trip(&opened.value);
    }
}

/// `pb::Message`, signed by the fuzz signer: what a peer with a valid key
/// can make a node decode and convert.
pub fn message(data: &[u8]) {
    let signer = fuzz_key();
    let envelope = pb::Envelope {
        message: data.to_vec(),
        key_id: key_id(&signer.verifying_key()),
        signature: signer
            .sign(&[ENVELOPE_CONTEXT, data].concat())
            .to_bytes()
            .to_vec(),
        protocol: liaison_proto::receipt::PROTOCOL,
    };
    let opened = open_envelope(&envelope, |_| Some(signer.verifying_key()));
    let converted = pb::Message::decode(data)
        .ok()
        .and_then(|m| Message::try_from(&m).ok());
    match (opened, converted) {
        (Ok(opened), Some(converted)) => {
            assert_eq!(opened.value, converted);
            assert_round_trip(&opened.value);
        }
        (Err(_), None) => {}
        (Ok(_), None) => panic!("an envelope opened to a message that does not convert"),
        // Opening checks more than conversion (lengths, clock skew is not
        // among them): a converted message may still be refused.
        (Err(_), Some(_)) => {}
    }
}

/// `event(1) | key(32) | envelope hash(32) | message id(36) | pb::Receipt`:
/// a receipt checked against what the sender expects.
pub fn receipt(data: &[u8]) {
    let _ = check_receipt(data);
}

/// Whether `data` (the receipt target's input) holds a receipt that
/// verifies: for the replay of real traffic.
pub fn receipt_verifies(data: &[u8]) -> bool {
    check_receipt(data) == Some(true)
}

fn check_receipt(data: &[u8]) -> Option<bool> {
    let (&which, rest) = data.split_first()?;
    let (key, rest) = split_key(rest);
    let (hash, rest) = rest.split_first_chunk::<32>()?;
    let (id, rest) = rest.split_first_chunk::<36>()?;
    let message_id = std::str::from_utf8(id).ok()?;
    let receipt = pb::Receipt::decode(rest).ok()?;
    let (sender, receiver, event) = match which % 3 {
        0 => ("THA", "KHM", "request.received"),
        1 => ("KHM", "THA", "answer.received"),
        _ => ("THA", "KHM", "request.withdrawn"),
    };
    let expected = Expected {
        receiver: country(receiver),
        sender: country(sender),
        message_id,
        envelope_hash: *hash,
        event,
    };
    let cache = HeadCache::new(4);
    let _ = open_receipt(&receipt, |_| Some(key));
    match verify_receipt(&receipt, &expected, |_| Some(key), &cache) {
        Ok(delivery) => {
            assert!(delivery.audit_index < delivery.tree_head.tree_size);
            assert_eq!(delivery.tree_head.country, expected.receiver);
            Some(true)
        }
        Err(_) => Some(false),
    }
}

/// `key(32) | pb::SignedTreeHead`.
pub fn tree_head(data: &[u8]) {
    let (key, rest) = split_key(data);
    let Ok(head) = pb::SignedTreeHead::decode(rest) else {
        return;
    };
    if let Ok(opened) = open_tree_head(&head, |_| Some(key)) {
        assert_eq!(opened.hash, sha256(&head.body));
    }
}

/// Sizes, an index, two roots, a leaf and proof hashes, read from the
/// bytes: the proof checks refuse what does not verify, never panic.
pub fn merkle(data: &[u8]) {
    let mut bytes = data;
    let mut u64_of = || {
        let (head, rest) = bytes.split_first_chunk::<8>()?;
        bytes = rest;
        Some(u64::from_le_bytes(*head))
    };
    let (Some(first), Some(second), Some(index)) = (u64_of(), u64_of(), u64_of()) else {
        return;
    };
    let hashes: Vec<Hash> = bytes
        .chunks_exact(32)
        .map(|c| c.try_into().expect("32 bytes"))
        .collect();
    let (Some(a), Some(b)) = (hashes.first(), hashes.get(1)) else {
        return;
    };
    let proof = &hashes[2..];
    let _ = verify_inclusion(index, second, a, proof, b);
    let _ = verify_consistency(first, second, a, b, proof);
    // A tree of one leaf: its root is the leaf and the proof is empty.
    assert!(verify_inclusion(0, 1, a, &[], a).is_ok());
    // Equal sizes (RFC 9162, 2.1.4.2): an empty proof, and equal roots.
    if first == second && first > 0 && proof.is_empty() {
        assert_eq!(
            verify_consistency(first, second, a, b, proof).is_ok(),
            a == b
        );
    }
}

/// `key(32) | export text`: the offline verifier.
pub fn audit_export(data: &[u8]) {
    let (key, rest) = split_key(data);
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    if let Ok(verdict) = liaison_proto::audit::verify_export(text, &key) {
        assert!(!verdict.country.is_empty());
    }
}

/// A court evidence package (a zip archive), verified with no pinned keys.
pub fn package(data: &[u8]) {
    let verification = liaison_proto::package::verify(Cursor::new(data), &Default::default());
    let holds = verification.holds();
    assert_eq!(holds, verification.into_result().is_ok());
}

/// A directory with a generated node's keys and agreements, made once, for
/// the configuration target.
fn config_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory").keep();
        liaison_node::devnet::plan(&dir, &[country("THA"), country("KHM")])
            .expect("a generated federation");
        dir.join("tha").join("liaison.toml")
    })
}

/// A node's configuration file: parsed and validated, or refused naming
/// the file, the key and the problem.
pub fn config(data: &[u8]) {
    let _ = load_config(data);
}

/// Whether `data` is a configuration that loads (beside a generated
/// node's keys and agreements): for the replay of real traffic.
pub fn config_loads(data: &[u8]) -> bool {
    load_config(data) == Some(true)
}

fn load_config(data: &[u8]) -> Option<bool> {
    let text = std::str::from_utf8(data).ok()?;
    let path = config_dir();
    let result = liaison_node::config::parse::<ConfigFile>(path, text)
        .and_then(|file| Config::from_file(path, file));
    if let Err(error) = &result {
        assert!(
            !error.key.is_empty() && !error.problem.is_empty(),
            "{error}"
        );
    }
    Some(result.is_ok())
}

/// One agreement file, as THA's copy of its agreement with KHM.
pub fn agreement(data: &[u8]) {
    let _ = load_agreement(data);
}

/// Whether `data` is an agreement THA may hold with KHM: for the replay
/// of real traffic.
pub fn agreement_loads(data: &[u8]) -> bool {
    load_agreement(data) == Some(true)
}

fn load_agreement(data: &[u8]) -> Option<bool> {
    let text = std::str::from_utf8(data).ok()?;
    let path = Path::new("agreements/khm.toml");
    let file = liaison_node::config::parse::<AgreementFile>(path, text).ok()?;
    match Agreement::from_file(country("THA"), country("KHM"), &file) {
        Ok(agreement) => {
            let view = agreement.view();
            assert!(liaison_node::policy::compare(&view, &view).is_empty());
            Some(true)
        }
        Err(error) => {
            assert!(!error.key.is_empty());
            Some(false)
        }
    }
}

/// True when `text` holds a character no rule text holds, so that an
/// error message holding `text` can only have copied it.
fn marked(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

fn assert_not_echoed(text: &str, error: &str) {
    if marked(text) {
        assert!(
            !error.contains(text),
            "an error message repeats the value refused"
        );
    }
}

/// What the command line reads from its arguments: durations, moments,
/// dates, answer fields, legal bases, kinds and lists, offence codes.
pub fn cli_input(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    use liaison_client::{indicator_file, input};
    let errors = [
        input::parse_duration(text).err(),
        input::parse_when(text).err(),
        input::parse_field(text).err(),
        input::parse_birth_date(text).err(),
        input::parse_legal_basis(text).err(),
        input::parse_non_punishment(text).err(),
        indicator_file::parse_kind(text).err(),
        indicator_file::parse_list(text).err(),
    ];
    for error in errors.iter().flatten() {
        assert_not_echoed(text, error);
    }
    if let Ok((year, month, day)) = time::parse_date(text) {
        let days = time::days_from_civil(year, month, day);
        assert_eq!(time::civil_from_days(days), (year, month, day));
    }
    let moments = [
        time::parse_rfc3339(text),
        time::parse_utc(text),
        time::parse_date_time(text),
    ];
    for ms in moments.into_iter().flatten() {
        let again = time::parse_rfc3339(&time::rfc3339(ms));
        assert_eq!(again, Ok(ms), "a moment changed when written again");
    }
    let _ = liaison_proto::iccs::describe(text);
    let _ = liaison_proto::iccs::parent(text);
    let _ = text.parse::<CountryCode>();
}

/// `kind(1) | text`: a subject's value put in its normal form, which is
/// stable: normalising the normal form gives it back.
pub fn subject(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = IndicatorKind::ALL[usize::from(which) % IndicatorKind::ALL.len()];
    match Indicator::parse(kind, text) {
        Ok(indicator) => {
            let again =
                Indicator::parse(kind, indicator.value()).expect("a normal form is accepted again");
            assert_eq!(again.value(), indicator.value());
        }
        Err(error) => assert_not_echoed(text, &error.to_string()),
    }
    type Check = fn(&str) -> Result<String, &'static str>;
    let checks: [Check; 7] = [
        identifiers::iban,
        identifiers::bic,
        identifiers::account_number,
        identifiers::imei,
        identifiers::phone,
        identifiers::ip_address,
        identifiers::platform,
    ];
    let check = checks[usize::from(which) % checks.len()];
    if let Ok(normal) = check(text) {
        assert_eq!(check(&normal), Ok(normal.clone()), "a normal form changed");
    }
}

/// An indicator CSV, read by the command line and by the console: the two
/// readers of one format agree on every line.
pub fn indicator_csv(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    use liaison_client::indicator_file;
    use liaison_node::api::console::fuzzing;
    if let Err(failure) = indicator_file::parse_entries(&mut text.as_bytes(), "list.csv", "--file")
    {
        assert_not_echoed(text, &failure.to_string());
    }
    let _ = indicator_file::parse_values(&mut text.as_bytes(), "values.txt", "--file");
    let _ = fuzzing::csv_entries(text);
    for line in text.lines() {
        if line.len() > indicator_file::MAX_LINE_BYTES {
            continue;
        }
        let client = indicator_file::fields(line).ok();
        let console = fuzzing::csv_fields(line);
        assert_eq!(
            client, console,
            "the CLI and the console read a CSV line differently"
        );
    }
}

/// `cookie \n accept-language \n query string \n form body`: what the
/// console reads from a browser before it trusts anyone.
pub fn console(data: &[u8]) {
    use axum::http::{HeaderMap, HeaderValue, header};
    use liaison_node::api::console::fuzzing;
    let mut parts = data.splitn(4, |b| *b == b'\n');
    let (cookie, language) = (parts.next().unwrap_or(b""), parts.next().unwrap_or(b""));
    let (query, form) = (parts.next().unwrap_or(b""), parts.next().unwrap_or(b""));
    let mut headers = HeaderMap::new();
    if let Ok(value) = HeaderValue::from_bytes(cookie) {
        headers.insert(header::COOKIE, value);
    }
    if let Ok(value) = HeaderValue::from_bytes(language) {
        headers.insert(header::ACCEPT_LANGUAGE, value);
    }
    if let Some(value) = fuzzing::cookie(&headers, "liaison-lang") {
        let sent = headers
            .get(header::COOKIE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(sent.contains(&format!("liaison-lang={value}")));
    }
    for tag in fuzzing::accepted(&headers) {
        assert!(!tag.is_empty() && !tag.contains(','));
    }
    if let Ok(query) = serde_urlencoded::from_bytes::<HashMap<String, String>>(query) {
        let _ = fuzzing::filters(&query);
    }
    if let Ok(form) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(form) {
        let token = "0123456789abcdef0123456789abcdef";
        let first = form
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str());
        assert_eq!(fuzzing::csrf_matches(&form, token), first == Some(token));
    }
}

/// A published hit set, as the asker reads it after checking its
/// signature: refused naming a field, or read whole.
pub fn hit_set(data: &[u8]) {
    match PublishedSet::from_bytes(data.to_vec()) {
        Ok(set) => {
            assert_eq!(set.bytes(), data);
            let _ = set.expect_parties(country("KHM"), country("THA"));
            let output = holder_key()
                .evaluate(&phone())
                .expect("a fixed value evaluates");
            let _ = set.open(&output);
        }
        Err(error) => assert!(!error.field().is_empty()),
    }
}

/// The holder's key the OPRF targets evaluate with (KHM for THA, epoch 1).
fn holder_key() -> &'static HolderKey {
    static KEY: OnceLock<HolderKey> = OnceLock::new();
    KEY.get_or_init(|| {
        HolderKey::derive(
            &HitSeed::from_bytes([0x17; 32]),
            country("KHM"),
            country("THA"),
            1,
        )
        .expect("a fixed key derives")
    })
}

fn phone() -> Indicator {
    Indicator::parse(IndicatorKind::Phone, "+85512345678").expect("a valid phone number")
}

/// A batch of blinded elements (32 bytes each) from an asker: evaluated
/// whole, or refused naming the element.
pub fn oprf_batch(data: &[u8]) {
    let elements: Vec<&[u8]> = data.chunks(32).collect();
    match holder_key().evaluate_batch(1, &elements) {
        Ok(evaluation) => assert_eq!(evaluation.elements.len(), elements.len()),
        Err(error) => {
            let field = error.field();
            assert!(field.starts_with("blinded"), "{field}");
        }
    }
}

/// A holder's answer to one blinded value: `evaluated(32) | proof`.
/// Whatever the bytes, the asker accepts no answer the holder did not
/// compute: only the holder's key can make a proof that verifies.
pub fn oprf_answer(data: &[u8]) {
    let Some((evaluated, proof)) = data.split_first_chunk::<32>() else {
        return;
    };
    let (state, _) = BlindState::blind(&[phone()]).expect("one value blinds");
    let accepted = state.finalize(&[evaluated], proof, holder_key().public_key());
    assert!(
        accepted.is_err(),
        "an answer the holder never made was accepted"
    );
}

/// Seeds for the targets whose inputs real traffic between two test nodes
/// does not carry, made by the same code the node runs: a published hit
/// set (three values, one on two lists), blinded elements of real values,
/// a holder's real answer (which the asker, with blinds of its own, must
/// still refuse), and Merkle proofs of a 7-leaf tree.
pub fn generated_seeds() -> Vec<(&'static str, Vec<u8>)> {
    use liaison_node::hits::record::HitRecord;
    let record = |kind: IndicatorKind, list: &str, reference: &str| HitRecord {
        agency: "KHM-NP-ATHP".into(),
        list: list.into(),
        reference: reference.into(),
        kind,
        added: ::time::Date::from_calendar_date(2025, ::time::Month::March, 14)
            .expect("a valid date"),
    };
    let wallet = Indicator::parse(
        IndicatorKind::Wallet,
        "0xabcdef0123456789abcdef0123456789abcdef01",
    )
    .expect("a valid wallet (illustrative)");
    let items = vec![
        (
            phone(),
            record(IndicatorKind::Phone, "scam-callers", "KHM-2025-001"),
        ),
        (
            wallet.clone(),
            record(IndicatorKind::Wallet, "ransom-wallets", "KHM-2025-003"),
        ),
        (
            phone(),
            record(IndicatorKind::Phone, "recruiters", "KHM-2025-004"),
        ),
    ];
    let set = PublishedSet::build(holder_key(), &items).expect("a small set builds");
    let mut seeds = vec![("hit_set", set.into_bytes())];
    let (_, blinded) = BlindState::blind(&[phone(), wallet]).expect("two values blind");
    seeds.push(("oprf_batch", blinded.concat()));
    let evaluation = holder_key()
        .evaluate_batch(1, &blinded[..1])
        .expect("a real element evaluates");
    seeds.push((
        "oprf_answer",
        [&evaluation.elements[0][..], &evaluation.proof[..]].concat(),
    ));

    let mut tree = liaison_proto::merkle::MemoryTree::new();
    for i in 0..7u8 {
        tree.push(liaison_proto::merkle::leaf_hash(&[i]));
    }
    let root = |size| tree.root(size).expect("a size within the tree");
    let sizes = |a: u64, b: u64, c: u64| [a, b, c].map(u64::to_le_bytes).concat();
    let inclusion = tree.inclusion_proof(2, 7).expect("a leaf within the tree");
    let leaf = liaison_proto::merkle::leaf_hash(&[2]);
    seeds.push((
        "merkle",
        [
            sizes(0, 7, 2),
            leaf.to_vec(),
            root(7).to_vec(),
            inclusion.concat(),
        ]
        .concat(),
    ));
    let consistency = tree.consistency_proof(3, 7).expect("sizes within the tree");
    seeds.push((
        "merkle",
        [
            sizes(3, 7, 0),
            root(3).to_vec(),
            root(7).to_vec(),
            consistency.concat(),
        ]
        .concat(),
    ));
    seeds
}
