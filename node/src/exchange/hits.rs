//! Private hit/no-hit checks in the exchange (docs/hits.md): an agency's
//! indicator lists, the holder's epochs, signed sets and quota-bound
//! evaluations, and the asker's checks and the hits it keeps for a
//! follow-up. The cryptography is [`crate::hits`]; this file decides who
//! may, counts, records and audits.
//!
//! Values are personal data. They are stored sealed (a list's values with
//! the list's data key, a kept hit with its own), never logged or audited:
//! audit entries name peers, kinds, lists and counts. A value that missed
//! leaves nothing on either side: the holder never sees it, and the asker
//! keeps only hits.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use hmac::{Hmac, Mac as _};
use liaison_proto::domain::{CountryCode, HitReference};
use liaison_proto::pb;
use liaison_proto::pb::federation_client::FederationClient;
use sha2::Sha256;
use tonic::transport::Channel;

use crate::config::{LocalUser, Role};
use crate::error::{Error, Problem, Result};
use crate::hits::cache::HeldSet;
use crate::hits::{
    BlindState, HitRecord, HitSeed, HitsError, HolderKey, Indicator, IndicatorKind, MAX_BATCH,
    PrfOutput, PublishedSet,
};
use crate::policy::{Flow, HitChecks, is_list_name};
use crate::records::{
    HITS_KEY_NAME, HitEpoch, HitSeedRecord, HitSide, IndicatorList, IndicatorRecord, StoredHit,
    StoredHitRecord, utc_day,
};

use super::state::{Event, Exchange, Pending, new_id, now_ms};

/// The most values one import or removal carries.
pub const MAX_INDICATORS_PER_CALL: usize = 10_000;

/// The largest set this node accepts from a holder, in bytes.
pub const MAX_SET_BYTES: u64 = 1 << 30;

/// The bytes of a set in one `HitSetChunk`: well under the 1 MiB a peer
/// decodes in one message.
pub const SET_CHUNK_BYTES: usize = 512 << 10;

const DAY_MS: i64 = 86_400_000;

/// A list after an import or a removal.
#[derive(Debug, Clone)]
pub struct ListChange {
    pub list: IndicatorList,
    pub added: u64,
    pub removed: u64,
    pub absent: u64,
    pub epoch: u64,
}

/// What a check found, value by value.
#[derive(Debug, Clone)]
pub struct CheckOutcome {
    pub peer: CountryCode,
    pub kind: IndicatorKind,
    pub epoch: u64,
    /// One per value asked, in order: the hit kept, if it hit.
    pub hits: Vec<Option<StoredHit>>,
    pub quota_left: u64,
    pub quota_resets_unix_ms: i64,
    pub set_entries: u64,
}

/// The next UTC midnight after `now`: when daily quotas reset.
fn quota_resets(now: i64) -> i64 {
    (utc_day(now) + 1) * DAY_MS
}

/// `YYYY-MM-DD` of a date.
fn date_text(date: time::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// The UTC date of `unix_ms`.
fn date_of(unix_ms: i64) -> time::Date {
    // Julian day 2440588 is 1970-01-01; every date a node meets is valid.
    let day = i32::try_from(utc_day(unix_ms) + 2_440_588).unwrap_or(2_440_588);
    time::Date::from_julian_day(day).unwrap_or(time::Date::MIN)
}

/// A `YYYY-MM-DD` date, not after `today`.
fn parse_date(field: &str, text: &str, today: time::Date) -> Result<time::Date> {
    let bad = || {
        Error::invalid(Problem::field(
            field,
            "must be a date YYYY-MM-DD, not in the future",
        ))
    };
    let mut parts = text.splitn(3, '-');
    let mut number = || parts.next().and_then(|p| p.parse::<i32>().ok());
    let (Some(year), Some(month), Some(day)) = (number(), number(), number()) else {
        return Err(bad());
    };
    if text.len() != 10 {
        return Err(bad());
    }
    let month = u8::try_from(month)
        .ok()
        .and_then(|m| time::Month::try_from(m).ok())
        .ok_or_else(bad)?;
    let day = u8::try_from(day).map_err(|_| bad())?;
    let date = time::Date::from_calendar_date(year, month, day).map_err(|_| bad())?;
    if date > today {
        return Err(bad());
    }
    Ok(date)
}

/// A kind of indicator by its name, or a refusal naming `field`.
pub fn indicator_kind(field: &str, name: &str) -> Result<IndicatorKind> {
    IndicatorKind::from_name(name).ok_or_else(|| {
        Error::invalid(Problem::field(
            field,
            format!(
                "must be one of {}",
                liaison_proto::domain::INDICATOR_KINDS.join(", ")
            ),
        ))
    })
}

/// A hits error as a refusal: its field (renamed by `field`, e.g. `values[3]`
/// for a value's error) and rule, never a value.
fn refusal(error: HitsError, field: Option<&str>) -> Error {
    let problem = |rule: String| match field {
        Some(field) => Problem::field(field, rule),
        None => Problem::field(error.field(), rule),
    };
    match &error {
        HitsError::Invalid { rule, .. } => Error::invalid(problem(rule.clone())),
        HitsError::Limit { rule, .. } => Error::invalid(problem(rule.clone())),
        HitsError::Epoch { .. } => Error::precondition(Problem::field("epoch", error.to_string())),
        HitsError::Proof => Error::Integrity(error.to_string()),
        HitsError::Random(reason) => Error::unavailable(format!("random source: {reason}")),
    }
}

/// A status a peer answered with, as this node's error: the peer's words,
/// which hold no value (the peer never sees one).
fn peer_refused(peer: CountryCode, status: &tonic::Status) -> Error {
    let text = format!(
        "{peer} answered {}: {}",
        crate::error::code_name(status.code()),
        status.message()
    );
    match status.code() {
        tonic::Code::ResourceExhausted => Error::exhausted(text),
        tonic::Code::PermissionDenied => Error::denied(text),
        tonic::Code::FailedPrecondition => Error::precondition(text),
        tonic::Code::InvalidArgument => Error::invalid(text),
        _ => Error::unavailable(text),
    }
}

/// The index of a value on a list: a keyed hash of its kind and normal
/// form, under a key derived from the hit seed, so that the key space
/// shows no value and cannot be tested offline without the seed.
fn index_of(seed: &HitSeed, indicator: &Indicator) -> Result<String> {
    // HMAC takes a key of any length: these never fail.
    let keyed = |key: &[u8]| {
        <Hmac<Sha256> as hmac::Mac>::new_from_slice(key)
            .map_err(|e| Error::Integrity(format!("the indicator index key: {e}")))
    };
    let mut derive = keyed(seed.bytes())?;
    derive.update(b"liaison-indicator-index-v1");
    let mut mac = keyed(&derive.finalize().into_bytes())?;
    mac.update(&indicator.prf_input());
    Ok(hex::encode(&mac.finalize().into_bytes()[..16]))
}

/// An agency's listing reference: 1 to 64 letters, digits, spaces or
/// - _ / . (what a follow-up request carries).
fn reference(field: &str, text: &str) -> Result<String> {
    if text.is_empty() {
        return Err(Error::invalid(Problem::field(field, "is required")));
    }
    liaison_proto::convert::case_reference(field, text).map_err(Error::from)
}

impl Exchange {
    /// The node's hit seed: the data key `node/hits`, made the first time.
    async fn hit_seed(&self) -> Result<HitSeed> {
        if let Some(key) = self.records.data_key(HITS_KEY_NAME)? {
            return Ok(HitSeed::from(&key));
        }
        let state = self.state.lock().await;
        if self.records.data_key(HITS_KEY_NAME)?.is_none() {
            let mut pending = Pending::default();
            pending.changes.put_hit_seed(&HitSeedRecord {
                created_unix_ms: now_ms(),
            });
            self.commit(state, pending).await?;
        } else {
            drop(state);
        }
        let key = self.records.data_key(HITS_KEY_NAME)?.ok_or_else(|| {
            Error::Integrity("the hit seed's data key is missing after it was made".into())
        })?;
        Ok(HitSeed::from(&key))
    }

    /// The current epoch: the stored one, or a new one when none exists or
    /// the stored one is over (`[node] hit_epoch_days`), audited.
    pub async fn hit_epoch(&self) -> Result<HitEpoch> {
        let now = now_ms();
        let length = i64::try_from(self.config().hit_epoch.as_millis()).unwrap_or(i64::MAX);
        let current = |epoch: Option<HitEpoch>| epoch.filter(|e| now < e.started_unix_ms + length);
        if let Some(epoch) = current(self.records.hit_epoch()?) {
            return Ok(epoch);
        }
        let state = self.state.lock().await;
        let stored = self.records.hit_epoch()?;
        if let Some(epoch) = current(stored) {
            return Ok(epoch);
        }
        let mut pending = Pending::default();
        let epoch = next_epoch(stored, now, "its schedule", &mut pending);
        self.commit(state, pending).await?;
        Ok(epoch)
    }

    /// When the epoch `epoch` ends at the latest.
    pub fn hit_epoch_ends(&self, epoch: &HitEpoch) -> i64 {
        epoch.started_unix_ms
            + i64::try_from(self.config().hit_epoch.as_millis()).unwrap_or(i64::MAX / 2)
    }

    /// Refuses unless `user` is an officer of `agency`, a configured one.
    fn may_keep_list(&self, user: &LocalUser, agency: &str, list: &str) -> Result<()> {
        if user.role != Role::Agency(agency.to_string()) {
            return Err(Error::denied(format!(
                "{} may keep the lists of its own agency only, not of {agency}",
                user.role
            )));
        }
        if !self.config().agencies.iter().any(|a| a.name == agency) {
            return Err(Error::not_found(Problem::field(
                "agency",
                format!("{agency} is not an agency of this node"),
            )));
        }
        if !is_list_name(list) {
            return Err(Error::invalid(Problem::field(
                "list",
                "must be 1 to 64 lower-case letters, digits, - _ or .",
            )));
        }
        Ok(())
    }

    /// Adds values to a list (see `Hits.ImportIndicators`): each checked
    /// and put in its normal form, stored sealed with the list's key; the
    /// epoch moves on. `entries` are (value, reference, added).
    pub async fn import_indicators(
        &self,
        user: &LocalUser,
        agency: &str,
        list: &str,
        kind: &str,
        entries: &[(String, String, String)],
    ) -> Result<ListChange> {
        self.may_keep_list(user, agency, list)?;
        let kind = indicator_kind("kind", kind)?;
        if entries.is_empty() || entries.len() > MAX_INDICATORS_PER_CALL {
            return Err(Error::invalid(Problem::field(
                "entries",
                format!(
                    "holds {}; a call carries 1 to {MAX_INDICATORS_PER_CALL}",
                    entries.len()
                ),
            )));
        }
        let now = now_ms();
        let today = date_of(now);
        let mut parsed = Vec::with_capacity(entries.len());
        for (i, (value, reference_text, added)) in entries.iter().enumerate() {
            let indicator = Indicator::parse(kind, value)
                .map_err(|e| refusal(e, Some(&format!("entries[{i}].value"))))?;
            let reference = reference(&format!("entries[{i}].reference"), reference_text)?;
            let added = if added.is_empty() {
                today
            } else {
                parse_date(&format!("entries[{i}].added"), added, today)?
            };
            parsed.push((indicator, reference, added));
        }
        let seed = self.hit_seed().await?;
        let state = self.state.lock().await;
        let mut summary = self
            .records
            .indicator_list(agency, list)?
            .unwrap_or_else(|| IndicatorList {
                agency: agency.to_string(),
                list: list.to_string(),
                counts: BTreeMap::new(),
                updated_unix_ms: now,
            });
        let mut pending = Pending::default();
        let mut fresh = HashSet::new();
        let mut added = 0;
        for (indicator, reference, date) in parsed {
            let index = index_of(&seed, &indicator)?;
            if !self.records.has_indicator(agency, list, &index)? && fresh.insert(index.clone()) {
                *summary.counts.entry(kind.name().to_string()).or_default() += 1;
            }
            added += 1;
            pending.changes.put_indicator(
                agency,
                list,
                &index,
                &IndicatorRecord {
                    kind: kind.name().to_string(),
                    value: indicator.value().to_string(),
                    reference,
                    added: date_text(date),
                },
            );
        }
        summary.updated_unix_ms = now;
        pending.changes.put_indicator_list(&summary);
        pending.events.push(
            Event::new("indicators.imported", user.name.clone()).detail(format!(
                "{agency}/{list}: {added} {kind} values added or updated; {} on the list",
                summary.counts.values().sum::<u64>()
            )),
        );
        let epoch = next_epoch(
            self.records.hit_epoch()?,
            now,
            "a list changed",
            &mut pending,
        );
        self.commit(state, pending).await?;
        Ok(ListChange {
            list: summary,
            added,
            removed: 0,
            absent: 0,
            epoch: epoch.epoch,
        })
    }

    /// Removes values from a list, or the whole list (its data key is
    /// destroyed with its last value); the epoch moves on.
    pub async fn remove_indicators(
        &self,
        user: &LocalUser,
        agency: &str,
        list: &str,
        kind: &str,
        values: &[String],
        whole_list: bool,
    ) -> Result<ListChange> {
        self.may_keep_list(user, agency, list)?;
        let now = now_ms();
        let mut indexes = Vec::new();
        let seed = self.hit_seed().await?;
        if whole_list {
            if !values.is_empty() || !kind.is_empty() {
                return Err(Error::invalid(Problem::field(
                    "whole_list",
                    "removes every value: name no kind and no values with it",
                )));
            }
        } else {
            let kind = indicator_kind("kind", kind)?;
            if values.is_empty() || values.len() > MAX_INDICATORS_PER_CALL {
                return Err(Error::invalid(Problem::field(
                    "values",
                    format!(
                        "holds {}; a call carries 1 to {MAX_INDICATORS_PER_CALL} (or use whole_list)",
                        values.len()
                    ),
                )));
            }
            for (i, value) in values.iter().enumerate() {
                let indicator = Indicator::parse(kind, value)
                    .map_err(|e| refusal(e, Some(&format!("values[{i}]"))))?;
                indexes.push((index_of(&seed, &indicator)?, kind));
            }
        }
        let state = self.state.lock().await;
        let Some(mut summary) = self.records.indicator_list(agency, list)? else {
            return Err(Error::not_found(Problem::field(
                "list",
                format!("{agency} has no list {list}"),
            )));
        };
        let mut pending = Pending::default();
        let (mut removed, mut absent) = (0u64, 0u64);
        if whole_list {
            for (index, _) in self.records.indicators(agency, list)? {
                pending.changes.remove_indicator(agency, list, &index);
                removed += 1;
            }
            summary.counts.clear();
        } else {
            let mut gone = HashSet::new();
            for (index, kind) in indexes {
                if self.records.has_indicator(agency, list, &index)? && gone.insert(index.clone()) {
                    pending.changes.remove_indicator(agency, list, &index);
                    if let Some(count) = summary.counts.get_mut(kind.name()) {
                        *count = count.saturating_sub(1);
                    }
                    removed += 1;
                } else {
                    absent += 1;
                }
            }
            summary.counts.retain(|_, count| *count > 0);
        }
        summary.updated_unix_ms = now;
        if summary.counts.is_empty() {
            pending.changes.remove_indicator_list(agency, list);
        } else {
            pending.changes.put_indicator_list(&summary);
        }
        pending.events.push(
            Event::new("indicators.removed", user.name.clone()).detail(format!(
                "{agency}/{list}: {removed} values removed, {absent} not on the list; {} left{}",
                summary.counts.values().sum::<u64>(),
                if summary.counts.is_empty() {
                    "; the list and its data key are destroyed"
                } else {
                    ""
                }
            )),
        );
        let epoch = next_epoch(
            self.records.hit_epoch()?,
            now,
            "a list changed",
            &mut pending,
        );
        self.commit(state, pending).await?;
        Ok(ListChange {
            list: summary,
            added: 0,
            removed,
            absent,
            epoch: epoch.epoch,
        })
    }

    /// The lists `user` may see: an agency's own, or (admins, auditors)
    /// every list; `agency` narrows them.
    pub fn indicator_lists(&self, user: &LocalUser, agency: &str) -> Result<Vec<IndicatorList>> {
        let own = match &user.role {
            Role::Agency(name) => Some(name.clone()),
            Role::Admin | Role::Auditor => None,
            Role::FocalPoint => {
                return Err(Error::denied(
                    "focal_point may not see indicator lists: they are the agencies'",
                ));
            }
        };
        if let Some(own) = &own
            && !agency.is_empty()
            && agency != own
        {
            return Err(Error::denied(format!(
                "{} may see the lists of its own agency only",
                user.role
            )));
        }
        Ok(self
            .records
            .indicator_lists()?
            .into_iter()
            .filter(|l| own.as_ref().is_none_or(|o| &l.agency == o))
            .filter(|l| agency.is_empty() || l.agency == agency)
            .collect())
    }

    /// The `[[hit_checks]]` entry of this node's agreement with `peer`
    /// for `flow`, or a refusal.
    fn hit_rule(&self, peer: CountryCode, flow: Flow) -> Result<HitChecks> {
        let config = self.config();
        let agreement = config.agreement_with(peer);
        agreement
            .and_then(|a| a.hit_checks(flow))
            .cloned()
            .ok_or_else(|| {
                Error::denied(format!(
                    "{}'s agreement with {peer} has no [[hit_checks]] entry for {flow}",
                    self.country()
                ))
            })
    }

    /// Audits a refused hit/no-hit call as `hits.refused`: the status,
    /// field and rule, never a value.
    async fn hit_refused(&self, actor: String, peer: CountryCode, error: Error) -> Error {
        let detail = match error.refusal() {
            Some(refusal) => refusal.detail(),
            None => error.to_string(),
        };
        tracing::info!(%peer, %detail, "hit/no-hit call refused");
        let mut event = Event::new("hits.refused", actor).detail(detail);
        event.peer = Some(peer);
        match self.record_event(event).await {
            Ok(()) => error,
            Err(audit) => audit,
        }
    }

    /// The signed set of this node's indicators for `asker`, built for the
    /// current epoch if not yet (as holder).
    pub async fn hit_set_for(&self, asker: CountryCode) -> Result<Arc<HeldSet>> {
        let outcome = self.build_hit_set(asker).await;
        match outcome {
            Ok(set) => Ok(set),
            Err(error) => Err(self
                .hit_refused(format!("peer:{asker}"), asker, error)
                .await),
        }
    }

    async fn build_hit_set(&self, asker: CountryCode) -> Result<Arc<HeldSet>> {
        let rule = self.hit_rule(
            asker,
            Flow {
                from: asker,
                to: self.country(),
            },
        )?;
        let agreement = self
            .config()
            .agreement_with(asker)
            .map(|a| a.hash)
            .unwrap_or_default();
        let epoch = self.hit_epoch().await?;
        let mut built = self.hits.built.lock().await;
        if let Some(set) = built.get(&asker)
            && set.epoch == epoch.epoch
            && set.agreement == agreement
        {
            return Ok(set.clone());
        }
        let seed = self.hit_seed().await?;
        let records = self.records.clone();
        let holder = self.country();
        let signer = self.signer();
        let started = std::time::Instant::now();
        let held = tokio::task::spawn_blocking(move || -> Result<HeldSet> {
            let mut items = Vec::new();
            for list in records.indicator_lists()? {
                if !rule.covers(&list.agency, &list.list) {
                    continue;
                }
                for (_, value) in records.indicators(&list.agency, &list.list)? {
                    if !rule.kinds.contains(&value.kind) {
                        continue;
                    }
                    let kind = IndicatorKind::from_name(&value.kind).ok_or_else(|| {
                        Error::Integrity(format!(
                            "a value of {}/{} has an unknown kind",
                            list.agency, list.list
                        ))
                    })?;
                    let added =
                        parse_date("added", &value.added, time::Date::MAX).map_err(|_| {
                            Error::Integrity(format!(
                                "a value of {}/{} has a malformed date",
                                list.agency, list.list
                            ))
                        })?;
                    items.push((
                        Indicator::from_stored(kind, value.value),
                        HitRecord {
                            agency: list.agency.clone(),
                            list: list.list.clone(),
                            reference: value.reference,
                            kind,
                            added,
                        },
                    ));
                }
            }
            let key = HolderKey::derive(&seed, holder, asker, epoch.epoch)
                .map_err(|e| Error::Integrity(e.to_string()))?;
            let set = PublishedSet::build(&key, &items).map_err(|e| refusal(e, None))?;
            let signature = signer.sign_hit_set(&set.digest().signing_bytes());
            Ok(HeldSet {
                epoch: epoch.epoch,
                agreement,
                set,
                key_id: signer.key_id().to_string(),
                signature,
            })
        })
        .await
        .map_err(|e| Error::unavailable(format!("building the hit set failed: {e}")))??;
        tracing::info!(
            %asker,
            epoch = held.epoch,
            entries = held.set.len(),
            millis = started.elapsed().as_millis() as u64,
            "hit set built"
        );
        let held = Arc::new(held);
        built.insert(asker, held.clone());
        Ok(held)
    }

    /// Evaluates a peer's blinded values (as holder; see
    /// `Federation.EvaluateHits`), within its agreement and daily quota.
    pub async fn evaluate_hits(
        &self,
        asker: CountryCode,
        call: &pb::HitEvaluation,
    ) -> Result<pb::HitEvaluated> {
        match self.evaluate_checked(asker, call).await {
            Ok(answer) => Ok(answer),
            Err(error) => Err(self
                .hit_refused(format!("peer:{asker}"), asker, error)
                .await),
        }
    }

    async fn evaluate_checked(
        &self,
        asker: CountryCode,
        call: &pb::HitEvaluation,
    ) -> Result<pb::HitEvaluated> {
        let flow = Flow {
            from: asker,
            to: self.country(),
        };
        let rule = self.hit_rule(asker, flow)?;
        let kind = indicator_kind("kind", &call.kind)?;
        if !rule.kinds.contains(kind.name()) {
            return Err(Error::denied(format!(
                "the agreement's [[hit_checks]] {flow} does not allow {kind} values"
            )));
        }
        let count = call.blinded.len();
        if count == 0 || count > MAX_BATCH {
            return Err(Error::invalid(Problem::field(
                "blinded",
                format!("holds {count} elements; a batch holds 1 to {MAX_BATCH}"),
            )));
        }
        let epoch = self.hit_epoch().await?;
        if call.epoch != epoch.epoch {
            return Err(refusal(
                HitsError::Epoch {
                    asked: call.epoch,
                    current: epoch.epoch,
                },
                None,
            ));
        }
        let now = now_ms();
        let day = utc_day(now);
        let resets = quota_resets(now);
        let exhausted = |used: u64| {
            Error::exhausted(format!(
                "{asker}'s daily quota of {} evaluations is used ({used} today, {count} asked); \
                 it resets at {}",
                rule.daily_quota,
                liaison_proto::time::rfc3339(resets)
            ))
        };
        let used = self.records.hit_count_all(day, HitSide::Holder, asker)?;
        if used + count as u64 > u64::from(rule.daily_quota) {
            return Err(exhausted(used));
        }
        let seed = self.hit_seed().await?;
        let holder = self.country();
        let blinded = call.blinded.clone();
        let evaluation = tokio::task::spawn_blocking(move || {
            let key = HolderKey::derive(&seed, holder, asker, epoch.epoch)?;
            key.evaluate_batch(epoch.epoch, &blinded)
        })
        .await
        .map_err(|e| Error::unavailable(format!("the evaluation failed: {e}")))?
        .map_err(|e| refusal(e, None))?;
        // Counted and audited before anything is answered; the epoch and
        // the quota are checked again under the write lock.
        let state = self.state.lock().await;
        let stored = self.records.hit_epoch()?;
        if stored.map(|e| e.epoch) != Some(epoch.epoch) {
            return Err(refusal(
                HitsError::Epoch {
                    asked: call.epoch,
                    current: stored.map_or(0, |e| e.epoch),
                },
                None,
            ));
        }
        let used = self.records.hit_count_all(day, HitSide::Holder, asker)?;
        if used + count as u64 > u64::from(rule.daily_quota) {
            return Err(exhausted(used));
        }
        let of_kind = self
            .records
            .hit_count(day, HitSide::Holder, asker, kind.name())?;
        let left = u64::from(rule.daily_quota) - used - count as u64;
        let mut pending = Pending::default();
        pending.changes.put_hit_count(
            day,
            HitSide::Holder,
            asker,
            kind.name(),
            of_kind.saturating_add(count as u32),
        );
        let mut event = Event::new("hits.evaluated", format!("peer:{asker}")).detail(format!(
            "{count} {kind} values evaluated for {asker} under epoch {}; {} of {kind} today; \
             quota {left} of {} left until {}",
            epoch.epoch,
            of_kind as u64 + count as u64,
            rule.daily_quota,
            liaison_proto::time::rfc3339(resets)
        ));
        event.peer = Some(asker);
        pending.events.push(event);
        self.commit(state, pending).await?;
        self.metrics.hit_evaluations(true, asker, count as u64);
        Ok(pb::HitEvaluated {
            evaluated: evaluation.elements.iter().map(|e| e.to_vec()).collect(),
            proof: evaluation.proof.to_vec(),
            quota_left: left,
            quota_resets_unix_ms: resets,
        })
    }

    /// Fetches `holder`'s signed set for this node, verifies its signature
    /// before reading it, checks it, and keeps it.
    async fn fetch_hit_set(
        &self,
        holder: CountryCode,
        client: &mut FederationClient<Channel>,
    ) -> Result<Arc<PublishedSet>> {
        let mut stream = client
            .get_hit_set(pb::HitSetQuery {})
            .await
            .map_err(|s| peer_refused(holder, &s))?
            .into_inner();
        let first = stream
            .message()
            .await
            .map_err(|s| peer_refused(holder, &s))?
            .ok_or_else(|| Error::unavailable(format!("{holder} sent an empty hit set stream")))?;
        let invalid = |rule: String| Error::unavailable(format!("{holder}'s hit set: {rule}"));
        if first.size > MAX_SET_BYTES {
            return Err(invalid(format!(
                "size {} is over the {MAX_SET_BYTES} bytes this node accepts",
                first.size
            )));
        }
        let size = first.size as usize;
        let mut bytes = Vec::with_capacity(size.min(64 << 20));
        let mut chunk = Some(first.clone());
        while let Some(part) = chunk {
            if part.offset != bytes.len() as u64 {
                return Err(invalid(format!(
                    "a chunk starts at offset {}, not at {}",
                    part.offset,
                    bytes.len()
                )));
            }
            if bytes.len() + part.data.len() > size {
                return Err(invalid(format!("chunks hold more than its size {size}")));
            }
            bytes.extend_from_slice(&part.data);
            chunk = stream
                .message()
                .await
                .map_err(|s| peer_refused(holder, &s))?;
        }
        if bytes.len() != size {
            return Err(invalid(format!(
                "ended after {} of its {size} bytes",
                bytes.len()
            )));
        }
        let keys = self.peer_keys(holder)?;
        let digest = crate::hits::SetDigest::of(&bytes);
        liaison_proto::envelope::verify_hit_set(
            &digest.signing_bytes(),
            &first.key_id,
            &first.signature,
            |id| keys.get(id).copied(),
        )
        .map_err(|e| Error::Integrity(format!("{holder}'s hit set signature: {e}")))?;
        let set = tokio::task::spawn_blocking(move || PublishedSet::from_bytes(bytes))
            .await
            .map_err(|e| Error::unavailable(format!("reading the hit set failed: {e}")))?
            .map_err(|e| Error::Integrity(format!("{holder}'s signed hit set: {e}")))?;
        set.expect_parties(holder, self.country())
            .map_err(|e| Error::Integrity(format!("{holder}'s signed hit set: {e}")))?;
        if set.header().epoch != first.epoch {
            return Err(Error::Integrity(format!(
                "{holder}'s signed hit set is of epoch {}, not {} as announced",
                set.header().epoch,
                first.epoch
            )));
        }
        let set = Arc::new(set);
        self.lock_fetched().insert(holder, set.clone());
        Ok(set)
    }

    fn lock_fetched(&self) -> std::sync::MutexGuard<'_, HashMap<CountryCode, Arc<PublishedSet>>> {
        self.hits.fetched.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Checks values against `peer`'s lists (as asker; see `Hits.Check`).
    pub async fn check_hits(
        &self,
        user: &LocalUser,
        peer: &str,
        kind: &str,
        values: &[String],
        client: Option<FederationClient<Channel>>,
    ) -> Result<CheckOutcome> {
        let peer: CountryCode = liaison_proto::convert::country("peer", peer)?;
        let kind = indicator_kind("kind", kind)?;
        if !self.config().peers.contains_key(&peer) {
            return Err(Error::not_found(Problem::field(
                "peer",
                format!("{peer} is not a configured peer"),
            )));
        }
        let outcome = self.check_allowed(user, peer, kind, values, client).await;
        match outcome {
            Err(
                error @ (Error::PermissionDenied(_)
                | Error::ResourceExhausted(_)
                | Error::Integrity(_)),
            ) => Err(self.hit_refused(user.name.clone(), peer, error).await),
            other => other,
        }
    }

    async fn check_allowed(
        &self,
        user: &LocalUser,
        peer: CountryCode,
        kind: IndicatorKind,
        values: &[String],
        client: Option<FederationClient<Channel>>,
    ) -> Result<CheckOutcome> {
        let flow = Flow {
            from: self.country(),
            to: peer,
        };
        let rule = self.hit_rule(peer, flow)?;
        if !rule.kinds.contains(kind.name()) {
            return Err(Error::denied(format!(
                "the agreement's [[hit_checks]] {flow} does not allow {kind} values"
            )));
        }
        let count = values.len();
        if count == 0 || count > MAX_BATCH {
            return Err(Error::invalid(Problem::field(
                "values",
                format!("holds {count}; a check holds 1 to {MAX_BATCH} values"),
            )));
        }
        let indicators = values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                Indicator::parse(kind, v).map_err(|e| refusal(e, Some(&format!("values[{i}]"))))
            })
            .collect::<Result<Vec<_>>>()?;
        let now = now_ms();
        let day = utc_day(now);
        let used = self.records.hit_count_all(day, HitSide::Asker, peer)?;
        if used + count as u64 > u64::from(rule.daily_quota) {
            return Err(Error::exhausted(format!(
                "this node's agreement allows {} checks a day at {peer} ({used} today, {count} \
                 asked); it resets at {}",
                rule.daily_quota,
                liaison_proto::time::rfc3339(quota_resets(now))
            )));
        }
        let mut client = client
            .ok_or_else(|| Error::unavailable(format!("no connection to {peer} is configured")))?;
        let cached = self.lock_fetched().get(&peer).cloned();
        let mut set = match cached {
            Some(set) => set,
            None => self.fetch_hit_set(peer, &mut client).await?,
        };
        let mut retried = false;
        let (outputs, answer) = loop {
            let (state, blinded) = BlindState::blind(&indicators).map_err(|e| refusal(e, None))?;
            let call = pb::HitEvaluation {
                epoch: set.header().epoch,
                kind: kind.name().to_string(),
                blinded: blinded.iter().map(|b| b.to_vec()).collect(),
            };
            match client.evaluate_hits(call).await {
                Ok(answer) => {
                    let answer = answer.into_inner();
                    let key = set.header().public_key;
                    match state.finalize(&answer.evaluated, &answer.proof, &key) {
                        Ok(outputs) => break (outputs, answer),
                        Err(HitsError::Proof) => {
                            self.lock_fetched().remove(&peer);
                            return Err(Error::Integrity(format!(
                                "{peer}'s evaluations do not verify against the public key of \
                                 its signed set for epoch {} (RFC 9497 section 2.2): refused, \
                                 and the set dropped",
                                set.header().epoch
                            )));
                        }
                        Err(other) => {
                            return Err(Error::Integrity(format!("{peer}'s evaluations: {other}")));
                        }
                    }
                }
                // The holder moved to a new epoch: fetch its set, once.
                Err(status) if status.code() == tonic::Code::FailedPrecondition && !retried => {
                    retried = true;
                    self.lock_fetched().remove(&peer);
                    set = self.fetch_hit_set(peer, &mut client).await?;
                }
                Err(status) => return Err(peer_refused(peer, &status)),
            }
        };
        self.record_check(user, peer, kind, &indicators, &outputs, &set, &answer)
            .await
    }

    /// Looks the outputs up in the set, keeps the hits and counts the
    /// check: `hits.checked` audited with counts only.
    #[allow(clippy::too_many_arguments)]
    async fn record_check(
        &self,
        user: &LocalUser,
        peer: CountryCode,
        kind: IndicatorKind,
        indicators: &[Indicator],
        outputs: &[PrfOutput],
        set: &PublishedSet,
        answer: &pb::HitEvaluated,
    ) -> Result<CheckOutcome> {
        let now = now_ms();
        let day = utc_day(now);
        let expires =
            now + i64::try_from(self.config().hit_retention.as_millis()).unwrap_or(i64::MAX / 2);
        let epoch = set.header().epoch;
        let mut hits = Vec::with_capacity(outputs.len());
        for (indicator, output) in indicators.iter().zip(outputs) {
            let opened = set.open(output).map_err(|e| {
                Error::Integrity(format!(
                    "{peer}'s signed set holds a record that does not open: {e}"
                ))
            })?;
            hits.push(opened.map(|records| {
                StoredHit {
                    hit_id: new_id(),
                    peer,
                    kind: kind.name().to_string(),
                    value: indicator.value().to_string(),
                    records: records
                        .into_iter()
                        .map(|r| StoredHitRecord {
                            agency: r.agency,
                            list: r.list,
                            reference: r.reference,
                            kind: r.kind.name().to_string(),
                            added: date_text(r.added),
                        })
                        .collect(),
                    checked_by: user.name.clone(),
                    epoch,
                    found_unix_ms: now,
                    expires_unix_ms: expires,
                }
            }));
        }
        let found = hits.iter().flatten().count();
        let count = indicators.len();
        let state = self.state.lock().await;
        let of_kind = self
            .records
            .hit_count(day, HitSide::Asker, peer, kind.name())?;
        let mut pending = Pending::default();
        pending.changes.put_hit_count(
            day,
            HitSide::Asker,
            peer,
            kind.name(),
            of_kind.saturating_add(count as u32),
        );
        for hit in hits.iter().flatten() {
            pending.changes.put_stored_hit(hit);
        }
        let mut event = Event::new("hits.checked", user.name.clone()).detail(format!(
            "{count} {kind} values checked at {peer} under epoch {epoch}: {found} hit; {} of \
             {kind} today; {peer}'s quota {} left until {}",
            of_kind as u64 + count as u64,
            answer.quota_left,
            liaison_proto::time::rfc3339(answer.quota_resets_unix_ms)
        ));
        event.peer = Some(peer);
        pending.events.push(event);
        self.commit(state, pending).await?;
        self.metrics.hit_evaluations(false, peer, count as u64);
        self.metrics.hits_found(peer, found as u64);
        Ok(CheckOutcome {
            peer,
            kind,
            epoch,
            hits,
            quota_left: answer.quota_left,
            quota_resets_unix_ms: answer.quota_resets_unix_ms,
            set_entries: set.len() as u64,
        })
    }

    /// A hit this node keeps, for a focal point.
    pub fn stored_hit(&self, hit_id: &str) -> Result<StoredHit> {
        let id = liaison_proto::convert::uuid("hit_id", hit_id)?;
        self.records
            .stored_hit(&id)?
            .filter(|hit| hit.expires_unix_ms > now_ms())
            .ok_or_else(|| {
                Error::not_found(Problem::field(
                    "hit_id",
                    format!("no hit {id} is kept here (hits are kept for a while, then erased)"),
                ))
            })
    }

    /// Makes `new` a follow-up of the hit it names: the hit's peer as the
    /// country asked (or checks it), the value that hit as the subject when
    /// none is given (or checks that the subject given is that value), and
    /// returns the listing to cite with the hit's id.
    pub fn follow_up(&self, new: &mut pb::NewRequest) -> Result<(HitReference, String)> {
        let hit = self.stored_hit(&new.follow_up_hit)?;
        let record = hit
            .records
            .get(new.follow_up_record as usize)
            .ok_or_else(|| {
                Error::invalid(Problem::field(
                    "follow_up_record",
                    format!("the hit has {} records", hit.records.len()),
                ))
            })?;
        if new.to_country.is_empty() {
            new.to_country = hit.peer.to_string();
        } else if new.to_country != hit.peer.as_str() {
            return Err(Error::invalid(Problem::field(
                "to_country",
                format!("a follow-up goes to the country of the hit, {}", hit.peer),
            )));
        }
        let kind = indicator_kind("kind", &hit.kind)?;
        match &new.subject {
            None => new.subject = Some(subject_of(kind, &hit.value)?),
            Some(subject) => {
                let given =
                    indicator_of(kind, subject).and_then(|text| Indicator::parse(kind, &text).ok());
                if given.as_ref().map(Indicator::value) != Some(hit.value.as_str()) {
                    return Err(Error::invalid(Problem::field(
                        "subject",
                        format!("must be the {kind} value that hit, or be left out"),
                    )));
                }
            }
        }
        Ok((
            HitReference {
                agency: record.agency.clone(),
                list: record.list.clone(),
                reference: record.reference.clone(),
                kind: record.kind.clone(),
            },
            hit.hit_id,
        ))
    }

    /// Erases the hits kept past their time, with their keys. Returns how
    /// many.
    pub async fn forget_expired_hits(&self, now: i64) -> Result<usize> {
        let due = self.records.hits_due(now)?;
        if due.is_empty() {
            return Ok(0);
        }
        let state = self.state.lock().await;
        let mut pending = Pending::default();
        let mut forgotten = 0;
        for (key, id) in due {
            pending.changes.remove_key(key);
            if let Some(hit) = self.records.stored_hit(&id)? {
                pending
                    .changes
                    .remove_stored_hit(&hit.hit_id, hit.expires_unix_ms);
                forgotten += 1;
            }
        }
        if forgotten > 0 {
            pending
                .events
                .push(Event::new("hits.forgotten", "node").detail(format!(
                    "{forgotten} kept hits erased at the end of their time"
                )));
        }
        self.commit(state, pending).await?;
        Ok(forgotten)
    }
}

/// The request subject for a value that hit, in its normal form. A wallet's
/// network and a document's type are not in the value: those subjects must
/// be given.
fn subject_of(kind: IndicatorKind, value: &str) -> Result<pb::Subject> {
    use pb::subject::Kind;
    let kind = match kind {
        IndicatorKind::Phone => Kind::Phone(pb::Phone {
            number: value.to_string(),
        }),
        IndicatorKind::BankAccount => Kind::BankAccount(match value.split_once('/') {
            Some((bic, number)) => pb::BankAccount {
                bic: bic.to_string(),
                account_number: number.to_string(),
                ..Default::default()
            },
            None => pb::BankAccount {
                iban: value.to_string(),
                ..Default::default()
            },
        }),
        IndicatorKind::OnlineAccount => {
            let (platform, handle) = value.split_once(':').unwrap_or(("OTHER", value));
            Kind::OnlineAccount(pb::OnlineAccount {
                platform: platform.to_string(),
                handle: handle.to_string(),
                user_id: String::new(),
            })
        }
        IndicatorKind::Imei => Kind::Device(pb::Device {
            imei: value.to_string(),
            model: String::new(),
        }),
        IndicatorKind::Wallet | IndicatorKind::IdentityDocument => {
            return Err(Error::invalid(Problem::field(
                "subject",
                format!(
                    "a {kind} hit does not say the {}: give the subject, with the value that hit",
                    if kind == IndicatorKind::Wallet {
                        "wallet's network"
                    } else {
                        "document's type"
                    }
                ),
            )));
        }
    };
    Ok(pb::Subject {
        kind: Some(kind),
        role: 0,
    })
}

/// The text of a subject as an indicator of `kind`, if it is one.
fn indicator_of(kind: IndicatorKind, subject: &pb::Subject) -> Option<String> {
    use pb::subject::Kind;
    match (kind, subject.kind.as_ref()?) {
        (IndicatorKind::Phone, Kind::Phone(p)) => Some(p.number.clone()),
        (IndicatorKind::BankAccount, Kind::BankAccount(b)) => Some(if b.iban.is_empty() {
            format!("{}/{}", b.bic, b.account_number)
        } else {
            b.iban.clone()
        }),
        (IndicatorKind::Wallet, Kind::Wallet(w)) => Some(w.address.clone()),
        (IndicatorKind::OnlineAccount, Kind::OnlineAccount(o)) => {
            Some(format!("{}:{}", o.platform, o.handle))
        }
        (IndicatorKind::Imei, Kind::Device(d)) => Some(d.imei.clone()),
        (IndicatorKind::IdentityDocument, Kind::IdentityDocument(d)) => {
            Some(format!("{}:{}", d.issuing_country, d.number))
        }
        _ => None,
    }
}

/// Starts the epoch after `stored` (the first, if none) at `now`, audited
/// as `hits.epoch` with `why`.
fn next_epoch(stored: Option<HitEpoch>, now: i64, why: &str, pending: &mut Pending) -> HitEpoch {
    let epoch = HitEpoch {
        epoch: stored.map_or(1, |e| e.epoch + 1),
        started_unix_ms: now,
    };
    pending.changes.put_hit_epoch(&epoch);
    pending.events.push(
        Event::new("hits.epoch", "node").detail(format!("epoch {} began: {why}", epoch.epoch)),
    );
    epoch
}
