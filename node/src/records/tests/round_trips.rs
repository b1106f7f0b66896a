//! Every record type beside requests, outbox items and audit entries
//! (those are in `migrate::tests`): evidence files and their transfers and
//! custody chains, indicator lists and hits, people and their tokens,
//! console sessions, seen messages and witnessed tree heads. Each is
//! written through [`Changes`] and [`Records::apply`], and reads back equal
//! through the public reader, and again after a restart; a value holding
//! personal data is stored sealed with its data key, and no stored value
//! shows the personal text in plain. `PROPTEST_CASES` raises the cases.

use std::collections::BTreeMap;
use std::sync::Arc;

use liaison_proto::domain::{Category, CountryCode, EvidenceFile, INDICATOR_KINDS};
use liaison_proto::pb;
use proptest::collection::vec;
use proptest::option::of;
use proptest::prelude::*;
use proptest::sample::select;

use super::{arb_uuid, country, open, text};
use crate::policy::tests::cases;
use crate::records::*;
use crate::store::{MemoryStore, Store};
use crate::vault::FileKek;

/// Put in every generated personal field: a stored value that shows it
/// holds personal data in plain text. Letters, digits, `.` and `-` only,
/// so that it fits a login or a list name too.
const MARKER: &str = "plain.marker-q7z";

/// Free text holding personal data, marked.
fn personal() -> impl Strategy<Value = String> {
    text().prop_map(|t| format!("{t}{MARKER}"))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A store and a view of it over a new key-encryption key.
fn fresh() -> (Arc<MemoryStore>, Arc<FileKek>, Records) {
    let store = Arc::new(MemoryStore::new());
    let kek = Arc::new(FileKek::random().unwrap());
    let records = open(&store, &kek);
    (store, kek, records)
}

/// Applies `changes`, durably.
fn write(records: &Records, changes: Changes) {
    records.apply(changes).unwrap();
    records.flush().unwrap();
}

/// The value under `key` is sealed with data key `name`.
fn check_sealed(store: &MemoryStore, key: &[u8], name: &str) -> Result<(), TestCaseError> {
    let value = store.get(key).unwrap();
    let value = value.unwrap_or_default();
    prop_assert_eq!(
        seal::sealed_name(&value),
        Some(Ok(name)),
        "`{}` is not sealed with `{}`",
        String::from_utf8_lossy(key),
        name
    );
    Ok(())
}

/// No stored value shows [`MARKER`].
fn check_no_plain_personal_data(store: &MemoryStore) -> Result<(), TestCaseError> {
    for (key, value) in store.scan_prefix(b"").unwrap() {
        prop_assert!(
            !contains(&value, MARKER.as_bytes()),
            "`{}` holds personal data in plain text",
            String::from_utf8_lossy(&key)
        );
    }
    Ok(())
}

/// Drops all but the last of the items with the same key.
fn last_by<T, K: Ord>(items: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut by_key = BTreeMap::new();
    for item in items {
        by_key.insert(key(&item), item);
    }
    by_key.into_values().collect()
}

fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    vec(any::<u8>(), 0..max)
}

fn direction() -> impl Strategy<Value = Direction> {
    select(vec![Direction::Outgoing, Direction::Incoming])
}

/// Times that index keys hold: 1970 to 2100.
fn time() -> impl Strategy<Value = i64> {
    0i64..=4_102_444_800_000
}

fn date() -> impl Strategy<Value = String> {
    (2000u32..2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn login() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9._-]{1,15}"
}

fn indicator_kind() -> impl Strategy<Value = String> {
    select(INDICATOR_KINDS.to_vec()).prop_map(String::from)
}

fn arb_evidence(request_id: String) -> impl Strategy<Value = EvidenceRecord> {
    let file = (
        (
            arb_uuid(),
            personal(),
            any::<u64>(),
            select(vec!["application/pdf", "image/jpeg", "text/plain", ""]),
            any::<[u8; 32]>(),
            login(),
        ),
        (
            any::<i64>(),
            personal(),
            personal(),
            any::<[u8; 32]>(),
            bytes(40),
        ),
    )
        .prop_map(
            |(
                (file_id, name, size, media_type, sha256, acquired_by),
                (acquired_unix_ms, source, description, custody_start, acquisition),
            )| EvidenceFile {
                file_id,
                name,
                size,
                media_type: media_type.into(),
                sha256,
                acquired_by,
                acquired_unix_ms,
                source,
                description,
                custody_start,
                acquisition,
            },
        );
    (
        direction(),
        country(),
        file,
        select(vec![
            EvidenceState::Attached,
            EvidenceState::Sending,
            EvidenceState::Delivered,
            EvidenceState::Expected,
            EvidenceState::Received,
        ]),
        of(any::<[u8; 32]>()),
        bytes(40),
    )
        .prop_map(
            move |(direction, from, file, state, manifest_hash, receipt)| EvidenceRecord {
                request_id: request_id.clone(),
                direction,
                from,
                file,
                state,
                manifest_hash,
                receipt,
            },
        )
}

/// An evidence file with, maybe, its transfer and its custody chain.
fn arb_evidence_file()
-> impl Strategy<Value = (EvidenceRecord, Option<TransferItem>, Option<CustodyChain>)> {
    // Few requests, so that several files share one.
    select(vec![
        "0b7c4e7a-3f1d-4d7e-9a0c-5b2f8e1d6c3a",
        "6d1f0a2b-8c4e-4f3a-b5d7-9e0c1a2b3c4d",
    ])
    .prop_flat_map(|request_id| arb_evidence(request_id.into()))
    .prop_flat_map(|record| {
        let transfer = (
            country(),
            direction(),
            arb_uuid(),
            any::<u32>(),
            any::<i64>(),
            of(text()),
        )
            .prop_map({
                let (request_id, file_id) =
                    (record.request_id.clone(), record.file.file_id.clone());
                move |(to, direction, manifest_message_id, attempts, next, last_error)| {
                    TransferItem {
                        request_id: request_id.clone(),
                        file_id: file_id.clone(),
                        to,
                        direction,
                        manifest_message_id,
                        attempts,
                        next_attempt_unix_ms: next,
                        last_error,
                    }
                }
            });
        let custody = (any::<[u8; 32]>(), any::<[u8; 32]>())
            .prop_map(|(start, head)| CustodyChain { start, head });
        (Just(record), of(transfer), of(custody))
    })
}

fn arb_indicator() -> impl Strategy<Value = (String, IndicatorRecord)> {
    (
        "[0-9a-f]{64}",
        indicator_kind(),
        personal(),
        "[A-Za-z0-9 -]{1,16}",
        date(),
    )
        .prop_map(|(index, kind, value, reference, added)| {
            (
                index,
                IndicatorRecord {
                    kind,
                    value,
                    reference,
                    added,
                },
            )
        })
}

/// An indicator list with its values (by index).
fn arb_list() -> impl Strategy<Value = (IndicatorList, Vec<(String, IndicatorRecord)>)> {
    (
        "[a-z0-9-]{1,12}",
        "[a-z0-9._-]{1,12}",
        proptest::collection::btree_map(indicator_kind(), any::<u64>(), 0..3),
        any::<i64>(),
        vec(arb_indicator(), 0..4),
    )
        .prop_map(|(agency, list, counts, updated_unix_ms, values)| {
            (
                IndicatorList {
                    agency,
                    list,
                    counts,
                    updated_unix_ms,
                },
                last_by(values, |(index, _)| index.clone()),
            )
        })
}

fn arb_stored_hit() -> impl Strategy<Value = StoredHit> {
    let listing = (
        "[a-z0-9-]{1,12}",
        "[a-z0-9._-]{1,12}",
        "[A-Za-z0-9 -]{1,16}",
        indicator_kind(),
        date(),
    )
        .prop_map(|(agency, list, reference, kind, added)| StoredHitRecord {
            agency,
            list,
            reference,
            kind,
            added,
        });
    (
        (arb_uuid(), country(), indicator_kind(), personal()),
        (
            vec(listing, 0..3),
            login(),
            any::<u64>(),
            any::<i64>(),
            time(),
        ),
    )
        .prop_map(
            |((hit_id, peer, kind, value), (records, checked_by, epoch, found, expires))| {
                StoredHit {
                    hit_id,
                    peer,
                    kind,
                    value,
                    records,
                    checked_by,
                    epoch,
                    found_unix_ms: found,
                    expires_unix_ms: expires,
                }
            },
        )
}

fn hit_side(holder: bool) -> HitSide {
    if holder {
        HitSide::Holder
    } else {
        HitSide::Asker
    }
}

fn arb_person() -> impl Strategy<Value = PersonRecord> {
    (
        (
            login(),
            select(vec!["focal_point", "agency:police", "auditor", "admin"]),
            personal(),
            any::<bool>(),
            of(("[A-Z2-7]{32}", Just(MARKER)).prop_map(|(s, m)| format!("{s}{m}"))),
            any::<u64>(),
        ),
        (
            any::<bool>(),
            any::<u32>(),
            any::<i64>(),
            of(select(vec!["en", "th", "km", "vi"])),
            vec((any::<[u8; 32]>(), any::<i64>()), 0..3),
            any::<i64>(),
        ),
    )
        .prop_map(
            |(
                (login, role, password, must_change_password, totp_secret, totp_last_step),
                (disabled, failed_logins, locked_until_unix_ms, language, tokens, created),
            )| PersonRecord {
                login,
                role: role.into(),
                password_phc: format!("$argon2id$v=19$m=19456,t=2,p=1${password}"),
                must_change_password,
                totp_secret,
                totp_last_step,
                disabled,
                failed_logins,
                locked_until_unix_ms,
                language: language.map(String::from),
                tokens: tokens
                    .into_iter()
                    .map(|(sha256, issued_unix_ms)| PersonToken {
                        sha256,
                        issued_unix_ms,
                    })
                    .collect(),
                created_unix_ms: created,
            },
        )
}

/// A session; its login marked: a session names whose it is only sealed.
fn arb_session() -> impl Strategy<Value = SessionRecord> {
    (
        login(),
        any::<i64>(),
        any::<i64>(),
        "[0-9a-f]{64}",
        any::<bool>(),
        of(("[A-Z2-7]{32}", Just(MARKER)).prop_map(|(s, m)| format!("{s}{m}"))),
    )
        .prop_map(
            |(login, created, last_seen, csrf, awaiting_totp, enrolling_totp)| SessionRecord {
                login: format!("{login}{MARKER}"),
                created_unix_ms: created,
                last_seen_unix_ms: last_seen,
                csrf,
                awaiting_totp,
                enrolling_totp,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(64)))]

    #[test]
    fn evidence_files_transfers_and_custody_round_trip(
        files in vec(arb_evidence_file(), 1..5)
            .prop_map(|f| last_by(f, |(r, ..)| (r.request_id.clone(), r.file.file_id.clone()))),
    ) {
        let (store, kek, written) = fresh();
        let mut changes = Changes::new();
        for (record, transfer, custody) in &files {
            prop_assert!(contains(&encode(record), MARKER.as_bytes()));
            changes.put_evidence_file(record);
            if let Some(item) = transfer {
                changes.put_transfer(item);
            }
            if let Some(chain) = custody {
                changes.put_custody(&record.request_id, &record.file.file_id, chain);
            }
        }
        write(&written, changes);
        for (record, ..) in &files {
            check_sealed(
                &store,
                &evidence_key(&record.request_id, &record.file.file_id),
                &request_key_name(&record.request_id),
            )?;
        }
        check_no_plain_personal_data(&store)?;
        // `last_by` ordered them by request and file id: key order.
        let transfers: Vec<TransferItem> =
            files.iter().filter_map(|(_, t, _)| t.clone()).collect();
        for records in [written, open(&store, &kek)] {
            for (record, transfer, custody) in &files {
                let (request_id, file_id) = (&record.request_id, &record.file.file_id);
                prop_assert_eq!(records.evidence_file(request_id, file_id).unwrap(), Some(record.clone()));
                prop_assert_eq!(&records.transfer(request_id, file_id).unwrap(), transfer);
                prop_assert_eq!(&records.custody(request_id, file_id).unwrap(), custody);
                let of_request: Vec<EvidenceRecord> = files
                    .iter()
                    .filter(|(r, ..)| &r.request_id == request_id)
                    .map(|(r, ..)| r.clone())
                    .collect();
                prop_assert_eq!(records.evidence_files(request_id).unwrap(), of_request);
            }
            prop_assert_eq!(records.transfers().unwrap(), transfers.clone());
        }
    }

    #[test]
    fn indicators_and_hits_round_trip(
        lists in vec(arb_list(), 1..3)
            .prop_map(|l| last_by(l, |(list, _)| (list.agency.clone(), list.list.clone()))),
        epoch in of((any::<u64>(), any::<i64>())),
        seed in of(any::<i64>()),
        hits in vec(arb_stored_hit(), 0..3).prop_map(|h| last_by(h, |hit| hit.hit_id.clone())),
        now in time(),
        counts in vec((0i64..40_000, any::<bool>(), country(), indicator_kind(), any::<u32>()), 0..6),
        request_counts in vec(
            (0i64..40_000, any::<bool>(), country(), select(Category::ALL.to_vec()), any::<u32>()),
            0..4,
        ),
    ) {
        let (store, kek, written) = fresh();
        let mut changes = Changes::new();
        for (list, values) in &lists {
            changes.put_indicator_list(list);
            for (index, record) in values {
                changes.put_indicator(&list.agency, &list.list, index, record);
            }
        }
        let epoch = epoch.map(|(epoch, started_unix_ms)| HitEpoch { epoch, started_unix_ms });
        if let Some(epoch) = &epoch {
            changes.put_hit_epoch(epoch);
        }
        let seed = seed.map(|created_unix_ms| HitSeedRecord { created_unix_ms });
        if let Some(seed) = &seed {
            changes.put_hit_seed(seed);
        }
        for hit in &hits {
            changes.put_stored_hit(hit);
        }
        let mut expected_counts = BTreeMap::new();
        for (day, holder, peer, kind, count) in &counts {
            changes.put_hit_count(*day, hit_side(*holder), *peer, kind, *count);
            expected_counts.insert((*day, *holder, *peer, kind.clone()), *count);
        }
        let mut expected_request_counts = BTreeMap::new();
        for (day, outgoing, peer, category, count) in &request_counts {
            let direction = if *outgoing { Direction::Outgoing } else { Direction::Incoming };
            changes.put_count(*day, direction, *peer, *category, *count);
            expected_request_counts.insert((*day, *outgoing, *peer, *category), *count);
        }
        write(&written, changes);

        for (list, values) in &lists {
            for (index, _) in values {
                check_sealed(
                    &store,
                    &indicator_key(&list.agency, &list.list, index),
                    &indicator_key_name(&list.agency, &list.list),
                )?;
            }
        }
        for hit in &hits {
            check_sealed(&store, &stored_hit_key(&hit.hit_id), &hit_key_name(&hit.hit_id))?;
        }
        if seed.is_some() {
            check_sealed(&store, HIT_SEED_KEY, HITS_KEY_NAME)?;
        }
        check_no_plain_personal_data(&store)?;

        let mut due: Vec<String> = hits
            .iter()
            .filter(|hit| hit.expires_unix_ms <= now)
            .map(|hit| hit.hit_id.clone())
            .collect();
        due.sort();
        for records in [written, open(&store, &kek)] {
            let mut read_lists = records.indicator_lists().unwrap();
            read_lists.sort_by(|a, b| (&a.agency, &a.list).cmp(&(&b.agency, &b.list)));
            let expected: Vec<IndicatorList> = lists.iter().map(|(list, _)| list.clone()).collect();
            prop_assert_eq!(read_lists, expected);
            for (list, values) in &lists {
                let read = records.indicator_list(&list.agency, &list.list).unwrap();
                prop_assert_eq!(read.as_ref(), Some(list));
                // `last_by` ordered them by index: key order.
                prop_assert_eq!(&records.indicators(&list.agency, &list.list).unwrap(), values);
                for (index, _) in values {
                    prop_assert!(records.has_indicator(&list.agency, &list.list, index).unwrap());
                }
            }
            prop_assert_eq!(records.hit_epoch().unwrap(), epoch);
            prop_assert_eq!(&records.hit_seed().unwrap(), &seed);
            for hit in &hits {
                prop_assert_eq!(records.stored_hit(&hit.hit_id).unwrap(), Some(hit.clone()));
            }
            let mut read_due: Vec<String> =
                records.hits_due(now).unwrap().into_iter().map(|(_, id)| id).collect();
            read_due.sort();
            prop_assert_eq!(&read_due, &due);
            for ((day, holder, peer, kind), count) in &expected_counts {
                prop_assert_eq!(records.hit_count(*day, hit_side(*holder), *peer, kind).unwrap(), *count);
                // Every side of the day and peer sums its own kinds only.
                for side in [true, false] {
                    let total: u64 = expected_counts
                        .iter()
                        .filter(|((d, h, p, _), _)| (d, h, p) == (day, &side, peer))
                        .map(|(_, c)| u64::from(*c))
                        .sum();
                    prop_assert_eq!(records.hit_count_all(*day, hit_side(side), *peer).unwrap(), total);
                }
            }
            for ((day, outgoing, peer, category), count) in &expected_request_counts {
                let direction = if *outgoing { Direction::Outgoing } else { Direction::Incoming };
                prop_assert_eq!(records.count(*day, direction, *peer, *category).unwrap(), *count);
            }
        }
    }

    #[test]
    fn people_and_their_tokens_round_trip(
        persons in vec(arb_person(), 1..4).prop_map(|p| last_by(p, |person| person.login.clone())),
    ) {
        let (store, kek, written) = fresh();
        let mut changes = Changes::new();
        let mut tokens = BTreeMap::new();
        for person in &persons {
            prop_assert!(contains(&encode(person), MARKER.as_bytes()));
            changes.put_person(person);
            for token in &person.tokens {
                changes.put_person_token(&token.sha256, &person.login);
                tokens.insert(token.sha256, person.login.clone());
            }
        }
        write(&written, changes);
        for person in &persons {
            check_sealed(&store, &person_key(&person.login), ACCOUNTS_KEY_NAME)?;
        }
        check_no_plain_personal_data(&store)?;
        for records in [written, open(&store, &kek)] {
            for person in &persons {
                prop_assert_eq!(records.person(&person.login).unwrap(), Some(person.clone()));
            }
            // `last_by` ordered them by login: key order.
            prop_assert_eq!(&records.persons().unwrap(), &persons);
            for (sha256, login) in &tokens {
                prop_assert_eq!(records.person_token(sha256).unwrap(), Some(login.clone()));
            }
        }
    }

    #[test]
    fn console_sessions_round_trip(
        sessions in vec((any::<[u8; 32]>(), arb_session()), 1..4)
            .prop_map(|s| last_by(s, |(hash, _)| *hash)),
    ) {
        let (store, kek, written) = fresh();
        let mut changes = Changes::new();
        for (hash, session) in &sessions {
            prop_assert!(contains(&encode(session), MARKER.as_bytes()));
            changes.put_session(hash, session);
        }
        write(&written, changes);
        for (hash, _) in &sessions {
            check_sealed(&store, &session_key(hash), ACCOUNTS_KEY_NAME)?;
        }
        check_no_plain_personal_data(&store)?;
        for records in [written, open(&store, &kek)] {
            for (hash, session) in &sessions {
                prop_assert_eq!(records.session(hash).unwrap(), Some(session.clone()));
            }
            // `last_by` ordered them by hash: key order (hex).
            prop_assert_eq!(&records.sessions().unwrap(), &sessions);
        }
    }

    #[test]
    fn seen_messages_and_witnessed_heads_round_trip(
        seen in vec(
            (arb_uuid(), any::<[u8; 32]>(), of(any::<u64>()), bytes(40)),
            0..4,
        )
        .prop_map(|s| last_by(s, |(id, ..)| id.clone())),
        heads in vec((country(), bytes(60), "[0-9a-f]{0,16}", bytes(64)), 0..4)
            .prop_map(|h| last_by(h, |(peer, ..)| *peer)),
    ) {
        let (store, kek, written) = fresh();
        let mut changes = Changes::new();
        let seen: Vec<(String, SeenMessage)> = seen
            .into_iter()
            .map(|(id, envelope_hash, audit_index, receipt)| {
                (id, SeenMessage { envelope_hash, audit_index, receipt })
            })
            .collect();
        for (id, message) in &seen {
            changes.put_seen(id, message);
        }
        let heads: BTreeMap<CountryCode, pb::SignedTreeHead> = heads
            .into_iter()
            .map(|(peer, body, key_id, signature)| {
                (peer, pb::SignedTreeHead { body, key_id, signature })
            })
            .collect();
        for (peer, head) in &heads {
            changes.put_witnessed(*peer, head);
        }
        write(&written, changes);
        for records in [written, open(&store, &kek)] {
            for (id, message) in &seen {
                prop_assert_eq!(records.seen(id).unwrap(), Some(message.clone()));
            }
            for peer in ["THA", "KHM", "VNM"] {
                let peer: CountryCode = peer.parse().unwrap();
                prop_assert_eq!(records.witnessed(peer).unwrap(), heads.get(&peer).cloned());
            }
        }
    }
}
