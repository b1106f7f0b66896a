//! The whole check, holder and asker, and every refusal on its way.

use liaison_proto::domain::CountryCode;
use time::{Date, Month};

use super::*;

fn country(code: &str) -> CountryCode {
    code.parse().unwrap()
}

fn seed(byte: u8) -> HitSeed {
    HitSeed::from_bytes([byte; 32])
}

/// KHM's key for THA in `epoch`.
fn key(seed: &HitSeed, epoch: u64) -> HolderKey {
    HolderKey::derive(seed, country("KHM"), country("THA"), epoch).unwrap()
}

fn indicator(kind: IndicatorKind, text: &str) -> Indicator {
    Indicator::parse(kind, text).unwrap()
}

fn record(kind: IndicatorKind, list: &str, reference: &str) -> HitRecord {
    HitRecord {
        agency: "KHM-NP-ATHP".into(),
        list: list.into(),
        reference: reference.into(),
        kind,
        added: Date::from_calendar_date(2025, Month::March, 14).unwrap(),
    }
}

/// A set of three values, one of them on two lists.
fn items() -> Vec<(Indicator, HitRecord)> {
    let phone = indicator(IndicatorKind::Phone, "+85512345678");
    vec![
        (
            phone.clone(),
            record(IndicatorKind::Phone, "scam-callers", "KHM-2025-001"),
        ),
        (
            indicator(IndicatorKind::BankAccount, "GB82 WEST 1234 5698 7654 32"),
            record(IndicatorKind::BankAccount, "mule-accounts", "KHM-2025-002"),
        ),
        (
            indicator(
                IndicatorKind::Wallet,
                "0xabcdef0123456789abcdef0123456789abcdef01",
            ),
            record(IndicatorKind::Wallet, "ransom-wallets", "KHM-2025-003"),
        ),
        (
            phone,
            record(
                IndicatorKind::Phone,
                "trafficking-recruiters",
                "KHM-2025-004",
            ),
        ),
    ]
}

/// The asker's whole side against `holder`: blind, evaluate, finalize
/// against `set`'s key.
fn ask(
    holder: &HolderKey,
    set: &PublishedSet,
    values: &[Indicator],
) -> Result<Vec<PrfOutput>, HitsError> {
    let (state, blinded) = BlindState::blind(values)?;
    let evaluation = holder.evaluate_batch(set.header().epoch, &blinded)?;
    state.finalize(
        &evaluation.elements,
        &evaluation.proof,
        &set.header().public_key,
    )
}

#[test]
fn a_listed_value_hits_and_opens_its_records() {
    let holder = key(&seed(1), 7);
    let set = PublishedSet::build(&holder, &items()).unwrap();
    // The asker gets the set's bytes and checks them.
    let set = PublishedSet::from_bytes(set.into_bytes()).unwrap();
    set.expect_parties(country("KHM"), country("THA")).unwrap();
    assert_eq!(set.len(), 3, "the phone on two lists is one entry");

    // The same phone written with spaces, and a number not listed.
    let asked = [
        indicator(IndicatorKind::Phone, "+855 12 345 678"),
        indicator(IndicatorKind::Phone, "+66 81 234 5678"),
        indicator(IndicatorKind::BankAccount, "gb82west12345698765432"),
    ];
    let outputs = ask(&holder, &set, &asked).unwrap();
    assert_eq!(outputs.len(), 3);

    let phone = set.open(&outputs[0]).unwrap().unwrap();
    let mut lists: Vec<&str> = phone.iter().map(|r| r.list.as_str()).collect();
    lists.sort();
    assert_eq!(lists, ["scam-callers", "trafficking-recruiters"]);
    assert!(phone.iter().all(|r| r.kind == IndicatorKind::Phone));
    assert_eq!(phone[0].agency, "KHM-NP-ATHP");
    assert_eq!(phone[0].added.to_string(), "2025-03-14");

    assert!(!set.contains(&outputs[1]));
    assert_eq!(set.open(&outputs[1]).unwrap(), None, "a miss");

    let account = set.open(&outputs[2]).unwrap().unwrap();
    assert_eq!(account.len(), 1);
    assert_eq!(account[0].reference, "KHM-2025-002");

    // What the asker computes through blinding is what the holder
    // computes directly.
    assert_eq!(outputs[0], holder.evaluate(&asked[0]).unwrap());
}

#[test]
fn a_proof_from_another_key_is_refused() {
    let holder = key(&seed(1), 7);
    let set = PublishedSet::build(&holder, &items()).unwrap();
    // A holder answering with another key than the one it committed to
    // (to tag this asker's questions, say) is caught by the proof.
    let impostor = key(&seed(2), 7);
    assert_ne!(impostor.public_key(), holder.public_key());
    let error = ask(
        &impostor,
        &set,
        &[indicator(IndicatorKind::Phone, "+85512345678")],
    )
    .unwrap_err();
    assert_eq!(error, HitsError::Proof);
    assert_eq!(error.field(), "proof");

    // The right key, and a proof changed in one bit.
    let (state, blinded) =
        BlindState::blind(&[indicator(IndicatorKind::Phone, "+85512345678")]).unwrap();
    let mut evaluation = holder.evaluate_batch(7, &blinded).unwrap();
    evaluation.proof[1] ^= 1;
    let error = state
        .finalize(&evaluation.elements, &evaluation.proof, holder.public_key())
        .unwrap_err();
    assert_eq!(error.field(), "proof", "{error}");
}

#[test]
fn each_epoch_and_asker_has_its_own_key_and_old_epochs_are_refused() {
    let seed = seed(1);
    let old = key(&seed, 7);
    let new = key(&seed, 8);
    assert_eq!(
        key(&seed, 7).public_key(),
        old.public_key(),
        "deterministic"
    );
    assert_ne!(old.public_key(), new.public_key());
    let other_asker = HolderKey::derive(&seed, country("KHM"), country("VNM"), 7).unwrap();
    assert_ne!(other_asker.public_key(), old.public_key());
    let phone = indicator(IndicatorKind::Phone, "+85512345678");
    assert_ne!(old.evaluate(&phone).unwrap(), new.evaluate(&phone).unwrap());

    // An asker holding the epoch-7 set asks a holder now in epoch 8.
    let (_, blinded) = BlindState::blind(std::slice::from_ref(&phone)).unwrap();
    let error = new.evaluate_batch(7, &blinded).unwrap_err();
    assert_eq!(
        error,
        HitsError::Epoch {
            asked: 7,
            current: 8
        }
    );
    assert!(error.to_string().contains("current epoch 8"), "{error}");

    // Evaluations under epoch 7's key do not verify against epoch 8's set.
    let new_set = PublishedSet::build(&new, &items()).unwrap();
    let (state, blinded) = BlindState::blind(&[phone]).unwrap();
    let evaluation = old.evaluate_batch(7, &blinded).unwrap();
    let error = state
        .finalize(
            &evaluation.elements,
            &evaluation.proof,
            &new_set.header().public_key,
        )
        .unwrap_err();
    assert_eq!(error, HitsError::Proof);
}

#[test]
fn batches_hold_1_to_1000_elements() {
    let holder = key(&seed(1), 7);
    let phones: Vec<Indicator> = (0..=MAX_BATCH)
        .map(|i| indicator(IndicatorKind::Phone, &format!("+6681{:07}", i)))
        .collect();
    let (state, blinded) = BlindState::blind(&phones[..MAX_BATCH]).unwrap();
    assert_eq!(state.len(), MAX_BATCH);
    let evaluation = holder.evaluate_batch(7, &blinded).unwrap();
    assert_eq!(evaluation.elements.len(), MAX_BATCH);
    let outputs = state
        .finalize(&evaluation.elements, &evaluation.proof, holder.public_key())
        .unwrap();
    assert_eq!(outputs.len(), MAX_BATCH);

    let mut over = blinded.clone();
    over.push(blinded[0]);
    let error = holder.evaluate_batch(7, &over).unwrap_err();
    assert!(
        matches!(&error, HitsError::Limit { field, .. } if field == "blinded"),
        "{error}"
    );
    assert!(error.to_string().contains("cap of 1000"), "{error}");
    let error = holder.evaluate_batch(7, &[] as &[[u8; 32]]).unwrap_err();
    assert!(
        matches!(&error, HitsError::Invalid { field, .. } if field == "blinded"),
        "{error}"
    );
    let error = BlindState::blind(&phones).unwrap_err();
    assert!(
        matches!(&error, HitsError::Limit { field, .. } if field == "indicators"),
        "{error}"
    );
    assert!(BlindState::blind(&[]).is_err());
}

#[test]
fn malformed_elements_are_refused_by_index() {
    let holder = key(&seed(1), 7);
    let phones = [
        indicator(IndicatorKind::Phone, "+85512345678"),
        indicator(IndicatorKind::Phone, "+66812345678"),
        indicator(IndicatorKind::Phone, "+66812345679"),
    ];
    let (_, blinded) = BlindState::blind(&phones).unwrap();
    let mut wire: Vec<Vec<u8>> = blinded.iter().map(|b| b.to_vec()).collect();
    for (bad, rule) in [
        (vec![7u8; 31], "must be 32 bytes"),
        (vec![0u8; 32], "identity"),
        (vec![0xFF; 32], "not a canonical ristretto255 encoding"),
    ] {
        wire[2] = bad;
        let error = holder.evaluate_batch(7, &wire).unwrap_err();
        assert_eq!(error.field(), "blinded[2]", "{error}");
        assert!(error.to_string().contains(rule), "{error}");
    }

    // The asker checks the holder's answer as strictly.
    let (state, blinded) = BlindState::blind(&phones).unwrap();
    let evaluation = holder.evaluate_batch(7, &blinded).unwrap();
    let mut elements: Vec<Vec<u8>> = evaluation.elements.iter().map(|e| e.to_vec()).collect();
    elements[1] = vec![0xFF; 32];
    let error = state
        .finalize(&elements, &evaluation.proof, holder.public_key())
        .unwrap_err();
    assert_eq!(error.field(), "evaluations[1]");
    let (state, _) = BlindState::blind(&phones).unwrap();
    let error = state
        .finalize(
            &evaluation.elements[..2],
            &evaluation.proof,
            holder.public_key(),
        )
        .unwrap_err();
    assert_eq!(error.field(), "evaluations");
    let (state, _) = BlindState::blind(&phones).unwrap();
    let error = state
        .finalize(
            &evaluation.elements,
            &evaluation.proof[..63],
            holder.public_key(),
        )
        .unwrap_err();
    assert_eq!(error.field(), "proof");
}

#[test]
fn tampered_sets_are_refused() {
    let holder = key(&seed(1), 7);
    let set = PublishedSet::build(&holder, &items()).unwrap();
    let bytes = set.bytes().to_vec();
    let digest = SetDigest::of(&bytes);
    assert_eq!(digest, set.digest());
    let entry = (bytes.len() - set::HEADER_BYTES) / 3;

    let refused = |change: &dyn Fn(&mut Vec<u8>), field: &str| {
        let mut tampered = bytes.clone();
        change(&mut tampered);
        assert_ne!(
            SetDigest::of(&tampered),
            digest,
            "the signature fails first"
        );
        let error = PublishedSet::from_bytes(tampered).unwrap_err();
        assert_eq!(error.field(), field, "{error}");
    };
    refused(&|b| b[0] = b'X', "set.magic");
    refused(&|b| b[5] = 2, "set.version");
    refused(&|b| b[6] = b'k', "set.holder");
    refused(&|b| b[9..12].copy_from_slice(b"T1A"), "set.asker");
    refused(&|b| b[20..52].fill(0), "set.public_key");
    refused(
        &|b| b[52..54].copy_from_slice(&33u16.to_be_bytes()),
        "set.record_bytes",
    );
    refused(&|b| b[54..58].copy_from_slice(&4u32.to_be_bytes()), "set");
    refused(
        &|b| b[54..58].copy_from_slice(&u32::MAX.to_be_bytes()),
        "set.count",
    );
    refused(&|b| b.truncate(b.len() - 1), "set");
    refused(&|b| b.truncate(10), "set");
    refused(&|b| b.push(0), "set");
    // Two entries swapped: out of order.
    refused(
        &|b| {
            let (first, second) = (set::HEADER_BYTES, set::HEADER_BYTES + entry);
            let copy = b[first..second].to_vec();
            b.copy_within(second..second + entry, first);
            b[second..second + entry].copy_from_slice(&copy);
        },
        "set.entries[1].tag",
    );
    // A duplicated entry.
    refused(
        &|b| {
            let first = set::HEADER_BYTES;
            b.copy_within(first..first + entry, first + entry);
        },
        "set.entries[1].tag",
    );

    // A record changed in place still parses, and then does not open.
    let phone = holder
        .evaluate(&indicator(IndicatorKind::Phone, "+85512345678"))
        .unwrap();
    let position = {
        let mut found = None;
        for i in 0..3 {
            let start = set::HEADER_BYTES + i * entry;
            if bytes[start..start + 16] == phone.tag() {
                found = Some(i);
            }
        }
        found.unwrap()
    };
    let mut tampered = bytes.clone();
    tampered[set::HEADER_BYTES + position * entry + 40] ^= 1;
    let tampered = PublishedSet::from_bytes(tampered).unwrap();
    let error = tampered.open(&phone).unwrap_err();
    assert_eq!(
        error.field(),
        format!("set.entries[{position}].record"),
        "{error}"
    );

    // A set meant for another asker, or from another holder.
    assert_eq!(
        set.expect_parties(country("KHM"), country("VNM"))
            .unwrap_err()
            .field(),
        "set.asker"
    );
    assert_eq!(
        set.expect_parties(country("LAO"), country("THA"))
            .unwrap_err()
            .field(),
        "set.holder"
    );
}

#[test]
fn a_record_opens_only_with_its_own_output() {
    let holder = key(&seed(1), 7);
    let set = PublishedSet::build(&holder, &items()).unwrap();
    let phone = holder
        .evaluate(&indicator(IndicatorKind::Phone, "+85512345678"))
        .unwrap();
    let account = holder
        .evaluate(&indicator(
            IndicatorKind::BankAccount,
            "GB82WEST12345698765432",
        ))
        .unwrap();
    // The phone's sealed record under the account's key, and under the
    // right key but another set's parties: neither opens.
    let header = set.header();
    let size = (set.bytes().len() - set::HEADER_BYTES) / set.len();
    let entry = set.bytes()[set::HEADER_BYTES..]
        .chunks_exact(size)
        .find(|e| e[..16] == phone.tag())
        .unwrap();
    let (nonce, sealed) = entry[16..].split_at(12);
    let mut aad = b"liaison-hit-record-v1KHMTHA".to_vec();
    aad.extend_from_slice(&header.epoch.to_be_bytes());
    aad.extend_from_slice(&phone.tag());
    assert!(record::open(&phone.record_key(), nonce, &aad, sealed).is_some());
    assert!(record::open(&account.record_key(), nonce, &aad, sealed).is_none());
    let mut other_aad = b"liaison-hit-record-v1KHMVNM".to_vec();
    other_aad.extend_from_slice(&aad[27..]);
    assert!(record::open(&phone.record_key(), nonce, &other_aad, sealed).is_none());

    // The same value under another epoch's key finds nothing.
    let next = key(&seed(1), 8)
        .evaluate(&indicator(IndicatorKind::Phone, "+85512345678"))
        .unwrap();
    assert_eq!(set.open(&next).unwrap(), None);
}

#[test]
fn records_are_checked_when_the_set_is_built() {
    let holder = key(&seed(1), 7);
    let mut bad = items();
    bad[1].1.kind = IndicatorKind::Phone;
    let error = PublishedSet::build(&holder, &bad).unwrap_err();
    assert_eq!(error.field(), "items[1].record.kind");
    let mut bad = items();
    bad[2].1.reference = "x".repeat(65);
    let error = PublishedSet::build(&holder, &bad).unwrap_err();
    assert_eq!(error.field(), "items[2].record.reference");
    let phone = indicator(IndicatorKind::Phone, "+85512345678");
    let many: Vec<(Indicator, HitRecord)> = (0..17)
        .map(|i| {
            (
                phone.clone(),
                record(IndicatorKind::Phone, &format!("list-{i}"), "KHM-1"),
            )
        })
        .collect();
    let error = PublishedSet::build(&holder, &many).unwrap_err();
    assert!(matches!(error, HitsError::Limit { .. }), "{error}");
    // No value, and no personal data, in any message.
    assert!(!error.to_string().contains("855"), "{error}");
    // An empty set is a valid set.
    let empty = PublishedSet::build(&holder, &[]).unwrap();
    assert!(empty.is_empty());
    let empty = PublishedSet::from_bytes(empty.into_bytes()).unwrap();
    assert_eq!(empty.open(&holder.evaluate(&phone).unwrap()).unwrap(), None);
}

#[test]
fn every_entry_has_the_same_length() {
    let holder = key(&seed(1), 7);
    let mut items = items();
    items[2].1.reference = "a much longer reference, KHM-2025-000003".into();
    let set = PublishedSet::build(&holder, &items).unwrap();
    let header = set.header();
    assert_eq!(header.record_bytes % 32, 0);
    assert_eq!(
        set.bytes().len(),
        set::HEADER_BYTES + 3 * (16 + 12 + header.record_bytes + 16)
    );
    let digest = set.digest().signing_bytes();
    assert!(digest.starts_with(b"liaison-hit-set-v1\0"));
    assert_eq!(digest.len(), 19 + 32);
}

#[test]
fn the_ciphersuite_matches_rfc_9497_test_vectors() {
    // RFC 9497 appendix A.1.2 (VOPRF mode, ristretto255-SHA512): the key
    // derived from the vector's seed and info, and the output of test
    // vector 1 (input 0x00).
    let server =
        voprf::VoprfServer::<oprf::Suite>::new_from_seed(&[0xA3; 32], b"test key").unwrap();
    assert_eq!(
        hex::encode(oprf::PublicKey::from_element(server.get_public_key()).to_bytes()),
        "c803e2cc6b05fc15064549b5920659ca4a77b2cca6f04f6b357009335476ad4e"
    );
    assert_eq!(
        hex::encode(server.evaluate(&[0x00]).unwrap()),
        "b58cfbe118e0cb94d79b5fd6a6dafb98764dff49c14e1770b566e42402da1a7d\
         a4d8527693914139caee5bd03903af43a491351d23b430948dd50cde10d32b3c"
    );
}

#[test]
fn inputs_keys_and_tags_do_not_change() {
    // Known answers: a change to the PRF input's encoding, the key's
    // derivation info or the tag's label changes every set, so it must be
    // a new version, never a silent edit.
    let holder = key(&seed(1), 7);
    let phone = indicator(IndicatorKind::Phone, "+85512345678");
    assert_eq!(
        hex::encode(holder.public_key().to_bytes()),
        "98858f0840eaada098e1b8e2c417a5be5b9982cb06379da4f798beb2a5b8ea17"
    );
    assert_eq!(
        hex::encode(holder.evaluate(&phone).unwrap().tag()),
        "9b915d900a663b9396bc5a92613da2b8"
    );
}

mod properties {
    //! Inputs nobody wrote by hand (issue 21): whatever bytes arrive as a
    //! set, a batch or a holder's answer, the decoders refuse them with an
    //! error naming a field, or accept exactly what the protocol allows;
    //! none panics.

    use proptest::prelude::*;

    use super::*;

    fn valid_set() -> Vec<u8> {
        PublishedSet::build(&key(&seed(1), 7), &items())
            .unwrap()
            .bytes()
            .to_vec()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_bytes_as_a_set_are_refused_or_read_whole(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            if let Ok(set) = PublishedSet::from_bytes(bytes.clone()) {
                prop_assert_eq!(set.bytes(), &bytes[..]);
            }
        }

        #[test]
        fn one_changed_byte_of_a_set_is_refused_or_changes_nothing_it_opens(index in 0usize..400, byte in any::<u8>()) {
            let bytes = valid_set();
            let index = index % bytes.len();
            let mut changed = bytes.clone();
            changed[index] = byte;
            // Either refused with a named field, or (a byte of an entry's
            // sealed record or tag) read, in which case a value that was
            // listed no longer opens wrong records: the AEAD refuses them.
            match PublishedSet::from_bytes(changed.clone()) {
                Err(error) => prop_assert!(!error.field().is_empty()),
                Ok(set) => {
                    let holder = key(&seed(1), 7);
                    let original = PublishedSet::from_bytes(bytes).unwrap();
                    for (indicator, _) in items() {
                        let output = holder.evaluate(&indicator).unwrap();
                        // A changed entry opens to nothing or to an error,
                        // never to other records than the holder sealed.
                        if let Ok(Some(records)) = set.open(&output) {
                            prop_assert_eq!(Some(records), original.open(&output).unwrap());
                        }
                    }
                }
            }
        }

        #[test]
        fn any_blinded_batch_is_evaluated_or_refused_by_index(elements in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..40), 1..8)) {
            let holder = key(&seed(2), 3);
            match holder.evaluate_batch(3, &elements) {
                Ok(evaluation) => prop_assert_eq!(evaluation.elements.len(), elements.len()),
                Err(error) => prop_assert!(error.field().starts_with("blinded")),
            }
        }

        #[test]
        fn any_answer_to_a_blinded_batch_is_refused_unless_the_holder_made_it(
            evaluated in proptest::collection::vec(proptest::collection::vec(any::<u8>(), 32), 1..3),
            proof in proptest::collection::vec(any::<u8>(), 0..70),
        ) {
            let holder = key(&seed(3), 1);
            let values: Vec<Indicator> = items().into_iter().map(|(i, _)| i).take(evaluated.len()).collect();
            let (state, _) = BlindState::blind(&values).unwrap();
            prop_assert!(state.finalize(&evaluated, &proof, holder.public_key()).is_err());
        }
    }
}
