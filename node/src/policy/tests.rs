//! Policy evaluation against a reference model, agreement validation, and
//! comparison of two copies; and the properties of issue 21: what a grant
//! releases and under which terms, both copies deciding, `compare`
//! symmetric and exact. The generators (valid agreements using every key,
//! and pairs of copies differing in a few aspects) serve the answering
//! side's properties too (`exchange/respond.rs`). `PROPTEST_CASES` raises
//! the cases of every property here.

use proptest::prelude::*;

use super::*;

fn c(code: &str) -> CountryCode {
    code.parse().unwrap()
}

fn rule(category: Category, flows: &[&str], purposes: &[Purpose], release: &[&str]) -> RuleSection {
    RuleSection {
        category: category.to_string(),
        flows: flows.iter().map(|f| f.to_string()).collect(),
        purposes: purposes.iter().map(|p| p.to_string()).collect(),
        release: release.iter().map(|f| f.to_string()).collect(),
        release_by_kind: BTreeMap::new(),
        handling: "INTELLIGENCE_ONLY".into(),
        retention_days: 180,
        daily_limit: 2,
        legal_bases: Vec::new(),
        require_dual_criminality: false,
        evidence: None,
    }
}

fn file(rules: Vec<RuleSection>) -> AgreementFile {
    AgreementFile {
        parties: vec!["THA".into(), "KHM".into()],
        version: 3,
        victim_data_agencies: Default::default(),
        rules,
        hit_checks: Vec::new(),
    }
}

/// The reference model: a request is allowed exactly when some rule names
/// its category, its direction and its purpose, and the limit is not used up.
fn model(
    file: Option<&AgreementFile>,
    flow: Flow,
    category: Category,
    purpose: Purpose,
    used: u32,
) -> Option<Vec<String>> {
    file?.rules.iter().find_map(|r| {
        (r.category == category.as_str()
            && r.flows.contains(&flow.to_string())
            && r.purposes.contains(&purpose.to_string())
            && used < r.daily_limit)
            .then(|| {
                let mut release = r.release.clone();
                release.sort();
                release
            })
    })
}

fn subset<T: Clone + std::fmt::Debug>(items: &'static [T]) -> impl Strategy<Value = Vec<T>> {
    proptest::sample::subsequence(items.to_vec(), 0..=items.len())
}

const FLOWS: &[&str] = &["THA->KHM", "KHM->THA"];

/// Per-kind release lists for up to two kinds the category accepts, each a
/// subset of `release`.
fn arb_release_by_kind(
    category: Category,
    release: Vec<&'static str>,
) -> impl Strategy<Value = BTreeMap<String, Vec<String>>> {
    let kinds: Vec<SubjectKind> = SubjectKind::ALL
        .iter()
        .copied()
        .filter(|k| category.accepts_kind(*k))
        .collect();
    let most = kinds.len().min(2);
    proptest::sample::subsequence(kinds, 0..=most).prop_flat_map(move |kinds| {
        kinds
            .into_iter()
            .map(|kind| {
                proptest::sample::subsequence(release.clone(), 0..=release.len()).prop_map(
                    move |fields| {
                        (
                            kind.to_string(),
                            fields.iter().map(|f| f.to_string()).collect::<Vec<_>>(),
                        )
                    },
                )
            })
            .collect::<Vec<_>>()
            .prop_map(|pairs| pairs.into_iter().collect())
    })
}

fn arb_evidence() -> impl Strategy<Value = Option<EvidenceSection>> {
    const TYPES: &[&str] = &["application/pdf", "image/png", "text/csv"];
    proptest::option::weighted(
        0.3,
        (
            proptest::sample::subsequence(TYPES.to_vec(), 1..=TYPES.len()),
            1u64..=4,
            0u64..=4,
        )
            .prop_map(|(types, file, more)| EvidenceSection {
                media_types: types.iter().map(|t| t.to_string()).collect(),
                max_file_mib: file,
                max_request_mib: file + more,
            }),
    )
}

/// A valid rule for `category`, using every key of a rule.
fn arb_rule(category: Category) -> impl Strategy<Value = RuleSection> {
    let bases: Vec<&'static str> = liaison_proto::legal::LEGAL_BASES
        .iter()
        .map(|(code, _)| *code)
        .take(3)
        .collect();
    (
        proptest::sample::subsequence(FLOWS.to_vec(), 1..=2),
        proptest::sample::subsequence(Purpose::ALL.to_vec(), 1..=Purpose::ALL.len()),
        subset(category.response_fields()),
        proptest::sample::select(HandlingCode::ALL.to_vec()),
        1u32..=3650,
        1u32..=4,
        proptest::option::weighted(0.3, proptest::sample::subsequence(bases, 1..=2)),
        proptest::bool::weighted(0.2),
        arb_evidence(),
    )
        .prop_flat_map(
            move |(
                flows,
                purposes,
                release,
                handling,
                retention_days,
                daily_limit,
                legal_bases,
                dual,
                evidence,
            )| {
                arb_release_by_kind(category, release.clone()).prop_map(move |release_by_kind| {
                    RuleSection {
                        category: category.to_string(),
                        flows: flows.iter().map(|f| f.to_string()).collect(),
                        purposes: purposes.iter().map(|p| p.to_string()).collect(),
                        release: release.iter().map(|f| f.to_string()).collect(),
                        release_by_kind,
                        // A victim identification is only ever VICTIM_PROTECTED.
                        handling: if category == Category::VictimIdentification {
                            HandlingCode::VictimProtected.to_string()
                        } else {
                            handling.to_string()
                        },
                        retention_days,
                        daily_limit,
                        legal_bases: legal_bases
                            .clone()
                            .unwrap_or_default()
                            .iter()
                            .map(|b| b.to_string())
                            .collect(),
                        require_dual_criminality: dual,
                        evidence: evidence.clone(),
                    }
                })
            },
        )
}

fn arb_hit_checks() -> impl Strategy<Value = Vec<HitChecksSection>> {
    proptest::sample::subsequence(FLOWS.to_vec(), 0..=2).prop_flat_map(|flows| {
        flows
            .into_iter()
            .map(|flow| {
                (
                    proptest::sample::subsequence(
                        vec!["police/numbers", "police/wallets", "fiu/accounts"],
                        1..=3,
                    ),
                    proptest::sample::subsequence(
                        liaison_proto::domain::INDICATOR_KINDS.to_vec(),
                        1..=3,
                    ),
                    1u32..=MAX_HIT_QUOTA,
                )
                    .prop_map(move |(lists, kinds, daily_quota)| {
                        HitChecksSection {
                            flow: flow.to_string(),
                            lists: lists.iter().map(|l| l.to_string()).collect(),
                            kinds: kinds.iter().map(|k| k.to_string()).collect(),
                            daily_quota,
                        }
                    })
            })
            .collect::<Vec<_>>()
    })
}

fn arb_victim_data_agencies() -> impl Strategy<Value = BTreeMap<String, Vec<String>>> {
    proptest::sample::subsequence(vec!["KHM", "THA"], 0..=2).prop_flat_map(|countries| {
        countries
            .into_iter()
            .map(|country| {
                proptest::sample::subsequence(vec!["immigration", "police", "social"], 1..=3)
                    .prop_map(move |agencies| {
                        (
                            country.to_string(),
                            agencies.iter().map(|a| a.to_string()).collect::<Vec<_>>(),
                        )
                    })
            })
            .collect::<Vec<_>>()
            .prop_map(|pairs| pairs.into_iter().collect())
    })
}

/// A valid agreement between THA and KHM, using every key.
pub(crate) fn arb_agreement_file() -> impl Strategy<Value = AgreementFile> {
    let rules = subset(Category::ALL)
        .prop_flat_map(|categories| categories.into_iter().map(arb_rule).collect::<Vec<_>>());
    (
        rules,
        1u64..10,
        proptest::option::weighted(0.2, arb_victim_data_agencies()),
        proptest::option::weighted(0.2, arb_hit_checks()),
    )
        .prop_map(|(rules, version, victims, hit_checks)| AgreementFile {
            parties: vec!["KHM".into(), "THA".into()],
            version,
            victim_data_agencies: victims.unwrap_or_default(),
            rules,
            hit_checks: hit_checks.unwrap_or_default(),
        })
}

fn arb_agreement() -> impl Strategy<Value = Option<AgreementFile>> {
    proptest::option::weighted(0.9, arb_agreement_file())
}

/// Changes `file` in one aspect (`which`), keeping it valid; `pick` chooses
/// the rule, value or direction. Some changes are no-ops (no rule to
/// change), and reordering rules changes nothing an agreement means.
fn mutate(file: &mut AgreementFile, which: u8, pick: usize) {
    if which == 0 {
        file.version += 1;
        return;
    }
    if which == 1 {
        let check = HitChecksSection {
            flow: FLOWS[pick % 2].into(),
            lists: vec!["police/numbers".into()],
            kinds: vec!["phone".into()],
            daily_quota: 1 + (pick % 1000) as u32,
        };
        match file.hit_checks.iter().position(|h| h.flow == check.flow) {
            Some(i) if pick.is_multiple_of(3) => {
                file.hit_checks.remove(i);
            }
            Some(i) => file.hit_checks[i].daily_quota = file.hit_checks[i].daily_quota % 7 + 1,
            None => file.hit_checks.push(check),
        }
        return;
    }
    if which == 2 {
        let country = ["KHM", "THA"][pick % 2].to_string();
        if file.victim_data_agencies.remove(&country).is_none() {
            file.victim_data_agencies
                .insert(country, vec!["police".into()]);
        }
        return;
    }
    if which == 3 {
        let by = pick % file.rules.len().max(1);
        file.rules.rotate_left(by);
        return;
    }
    if file.rules.is_empty() {
        return;
    }
    let i = pick % file.rules.len();
    let rule = &mut file.rules[i];
    let category: Category = rule.category.parse().unwrap();
    let toggle = |list: &mut Vec<String>, value: String, keep_one: bool| match list
        .iter()
        .position(|v| *v == value)
    {
        Some(at) if !keep_one || list.len() > 1 => {
            list.remove(at);
        }
        Some(_) => {}
        None => list.push(value),
    };
    match which {
        4 => {
            file.rules.remove(i);
        }
        5 => toggle(&mut rule.flows, FLOWS[pick % 2].into(), true),
        6 => toggle(
            &mut rule.purposes,
            Purpose::ALL[pick % Purpose::ALL.len()].to_string(),
            true,
        ),
        7 => {
            let fields = category.response_fields();
            let field = fields[pick % fields.len()].to_string();
            toggle(&mut rule.release, field.clone(), false);
            // A kind may only narrow what the rule releases.
            if !rule.release.contains(&field) {
                for fields in rule.release_by_kind.values_mut() {
                    fields.retain(|f| *f != field);
                }
            }
        }
        8 => {
            let kinds: Vec<SubjectKind> = SubjectKind::ALL
                .iter()
                .copied()
                .filter(|k| category.accepts_kind(*k))
                .collect();
            let kind = kinds[pick % kinds.len()].to_string();
            if rule.release_by_kind.remove(&kind).is_none() {
                let narrowed = rule.release.iter().skip(1).cloned().collect();
                rule.release_by_kind.insert(kind, narrowed);
            }
        }
        9 if category != Category::VictimIdentification => {
            let handling: HandlingCode = rule.handling.parse().unwrap();
            let others: Vec<HandlingCode> = HandlingCode::ALL
                .iter()
                .copied()
                .filter(|h| *h != handling)
                .collect();
            rule.handling = others[pick % others.len()].to_string();
        }
        10 => rule.retention_days = rule.retention_days % 3650 + 1,
        11 => rule.daily_limit += 1,
        12 => {
            let code = liaison_proto::legal::LEGAL_BASES[pick % 3].0.to_string();
            toggle(&mut rule.legal_bases, code, false);
        }
        13 => rule.require_dual_criminality = !rule.require_dual_criminality,
        14 => {
            rule.evidence = match rule.evidence.take() {
                Some(e) if pick.is_multiple_of(2) => Some(EvidenceSection {
                    max_request_mib: e.max_request_mib + 1,
                    ..e
                }),
                Some(_) => None,
                None => Some(EvidenceSection {
                    media_types: vec!["text/plain".into()],
                    max_file_mib: 1,
                    max_request_mib: 1,
                }),
            }
        }
        _ => {}
    }
}

/// Two copies of one agreement: the same, or the second changed in up to
/// two aspects by [`mutate`].
pub(crate) fn arb_two_copies() -> impl Strategy<Value = (AgreementFile, AgreementFile)> {
    (
        arb_agreement_file(),
        proptest::collection::vec((0u8..16, any::<usize>()), 0..=2),
    )
        .prop_map(|(file, changes)| {
            let mut other = file.clone();
            for (which, pick) in changes {
                mutate(&mut other, which, pick);
            }
            (file, other)
        })
}

/// The cases of the properties below unless `PROPTEST_CASES` is set.
pub(crate) fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default)
}

fn arb_bases() -> impl Strategy<Value = Vec<String>> {
    let codes: Vec<String> = liaison_proto::legal::LEGAL_BASES
        .iter()
        .map(|(code, _)| code.to_string())
        .take(4)
        .collect();
    proptest::sample::subsequence(codes.clone(), 0..=2)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(2000)))]

    #[test]
    fn evaluation_matches_the_reference_model(
        agreement in arb_agreement(),
        holder_is_tha in any::<bool>(),
        outgoing in any::<bool>(),
        category in proptest::sample::select(Category::ALL.to_vec()),
        purpose in proptest::sample::select(Purpose::ALL.to_vec()),
        used in 0u32..6,
    ) {
        let (holder, peer) = if holder_is_tha { (c("THA"), c("KHM")) } else { (c("KHM"), c("THA")) };
        let flow = if outgoing { Flow { from: holder, to: peer } } else { Flow { from: peer, to: holder } };
        let validated = agreement.as_ref().map(|f| Agreement::from_file(holder, peer, f).unwrap());
        let decision = evaluate(holder, validated.as_ref(), flow, category, purpose, used);
        let expected = model(agreement.as_ref(), flow, category, purpose, used);
        prop_assert_eq!(decision.allowed, expected.is_some(), "{:?}", decision);
        prop_assert_eq!(decision.grant.as_ref().map(|g| g.release.clone()), expected);
        prop_assert_eq!(decision.decided_by, holder);
        prop_assert!(!decision.rule.is_empty() && !decision.reason.is_empty());
        if decision.exhausted {
            prop_assert!(!decision.allowed && used >= decision.daily_limit);
        }
        // With no rule for the category, the default deny decides.
        let has_rule = agreement.as_ref().is_some_and(|f| f.rules.iter().any(|r| r.category == category.as_str()));
        prop_assert_eq!(decision.rule.ends_with("default deny"), !has_rule);
    }

    #[test]
    fn mirrored_copies_hash_the_same(agreement in arb_agreement()) {
        if let Some(file) = agreement {
            let tha = Agreement::from_file(c("THA"), c("KHM"), &file).unwrap();
            let mut reversed = file.clone();
            reversed.rules.reverse();
            reversed.parties.reverse();
            let khm = Agreement::from_file(c("KHM"), c("THA"), &reversed).unwrap();
            prop_assert_eq!(tha.hash, khm.hash);
            prop_assert!(compare(&tha.view(), &khm.view()).is_empty());
        }
    }
}

/// Aspects of a rule that decide whether a request may flow.
const DECIDING: &[&str] = &["rule", "flow", "purpose", "legal_bases", "daily_limit"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(1000)))]

    /// Property 1a, on the policy side: an allowed decision grants exactly
    /// its rule's release lists (per kind too), so no answer can release a
    /// field the holder's rule does not; `evaluate_request` only narrows
    /// `evaluate`. (The answer's own subset of granted and requested
    /// fields is `exchange/respond.rs`'s property.)
    #[test]
    fn a_grant_releases_exactly_what_its_rule_releases(
        agreement in arb_agreement(),
        holder_is_tha in any::<bool>(),
        outgoing in any::<bool>(),
        category in proptest::sample::select(Category::ALL.to_vec()),
        purpose in proptest::sample::select(Purpose::ALL.to_vec()),
        bases in arb_bases(),
        used in 0u32..6,
    ) {
        let (holder, peer) = if holder_is_tha { (c("THA"), c("KHM")) } else { (c("KHM"), c("THA")) };
        let flow = if outgoing { Flow { from: holder, to: peer } } else { Flow { from: peer, to: holder } };
        let validated = agreement.as_ref().map(|f| Agreement::from_file(holder, peer, f).unwrap());
        let plain = evaluate(holder, validated.as_ref(), flow, category, purpose, used);
        let decision = evaluate_request(holder, validated.as_ref(), flow, category, purpose, &bases, used);
        prop_assert_eq!(decision.allowed, decision.grant.is_some());
        prop_assert!(!decision.allowed || plain.allowed, "legal bases only narrow");
        if !plain.allowed {
            prop_assert_eq!(&decision, &plain);
        }
        let view = pb::PolicyDecision::from(&decision);
        prop_assert_eq!(view.allowed, decision.allowed);
        let Some(grant) = &decision.grant else {
            prop_assert!(view.release.is_empty());
            return Ok(());
        };
        prop_assert_eq!(&view.release, &grant.release);
        let rule = validated.as_ref().and_then(|a| a.rule_for(category)).unwrap();
        prop_assert!(rule.flows.contains(&flow) && rule.purposes.contains(&purpose));
        prop_assert!(used < rule.daily_limit);
        prop_assert!(
            rule.legal_bases.is_empty()
                || (!bases.is_empty() && bases.iter().all(|b| rule.legal_bases.contains(b)))
        );
        let granted: BTreeSet<String> = grant.release.iter().cloned().collect();
        prop_assert_eq!(&granted, &rule.release);
        prop_assert_eq!(grant.release.len(), granted.len(), "each field once");
        for name in category.response_fields().iter().chain(&["not_a_field"]) {
            prop_assert_eq!(grant.releases(name, None), rule.release.contains(*name));
            for kind in SubjectKind::ALL {
                let releases = grant.releases(name, Some(*kind));
                prop_assert_eq!(releases, rule.releases(name, Some(*kind)));
                prop_assert!(!releases || rule.release.contains(*name));
                prop_assert_eq!(
                    grant.withholds_for_kind(name, Some(*kind)),
                    rule.release.contains(*name) && !releases
                );
            }
        }
        // Property 1b, on the policy side: the grant carries the rule's
        // handling and retention, and VICTIM_PROTECTED for victims.
        prop_assert_eq!(grant.handling, rule.handling);
        prop_assert_eq!(grant.retention_days, rule.retention_days);
        prop_assert_eq!(grant.require_dual_criminality, rule.require_dual_criminality);
        if category == Category::VictimIdentification {
            prop_assert_eq!(grant.handling, HandlingCode::VictimProtected);
        }
    }

    /// Property 1c: a request crosses only when the asker's copy allows
    /// sending it (`exchange/submit.rs`) and the holder's copy allows
    /// receiving it (`exchange/route.rs`), each side deciding with
    /// `evaluate_request` on its own copy and the same counts. Two copies
    /// that `compare` finds alike decide alike, with the same terms; when
    /// the sides decide differently, `compare` names the category and an
    /// aspect that decides requests, so a denial by either side is never
    /// a surprise to the operators.
    #[test]
    fn both_copies_decide_alike_unless_compare_says_why(
        (asker_file, holder_file) in arb_two_copies(),
        asker_is_tha in any::<bool>(),
        category in proptest::sample::select(Category::ALL.to_vec()),
        purpose in proptest::sample::select(Purpose::ALL.to_vec()),
        bases in arb_bases(),
        used in 0u32..6,
    ) {
        let (asker, holder) = if asker_is_tha { (c("THA"), c("KHM")) } else { (c("KHM"), c("THA")) };
        let flow = Flow { from: asker, to: holder };
        let ours = Agreement::from_file(asker, holder, &asker_file).unwrap();
        let theirs = Agreement::from_file(holder, asker, &holder_file).unwrap();
        let sent = evaluate_request(asker, Some(&ours), flow, category, purpose, &bases, used);
        let received = evaluate_request(holder, Some(&theirs), flow, category, purpose, &bases, used);
        prop_assert_eq!(sent.decided_by, asker);
        prop_assert_eq!(received.decided_by, holder);
        let differences = compare(&ours.view(), &theirs.view());
        if differences.is_empty() {
            prop_assert_eq!(sent.allowed, received.allowed);
            prop_assert_eq!(sent.exhausted, received.exhausted);
            if let (Some(a), Some(b)) = (&sent.grant, &received.grant) {
                // Everything but the rule's name, which starts with its holder.
                prop_assert_eq!(
                    (&a.release, &a.release_by_kind, a.handling, a.retention_days, a.require_dual_criminality),
                    (&b.release, &b.release_by_kind, b.handling, b.retention_days, b.require_dual_criminality)
                );
            }
        }
        if sent.allowed != received.allowed {
            prop_assert!(
                differences.iter().any(|d| d.category == pb::Category::from(category) as i32
                    && DECIDING.contains(&d.aspect.as_str())),
                "{:?} vs {:?}: {:#?}", sent, received, differences
            );
        }
    }

    /// Property 1d: `compare` reports the same differences whichever copy
    /// is the local one (each with `local` and `peer` swapped), and none
    /// exactly when the two copies have the same canonical form.
    #[test]
    fn compare_is_symmetric_and_empty_only_for_identical_copies(
        (tha_file, khm_file) in arb_two_copies(),
    ) {
        let tha = Agreement::from_file(c("THA"), c("KHM"), &tha_file).unwrap();
        let khm = Agreement::from_file(c("KHM"), c("THA"), &khm_file).unwrap();
        let forth = compare(&tha.view(), &khm.view());
        let back = compare(&khm.view(), &tha.view());
        let key = |d: &pb::Disagreement, swap: bool| {
            let (local, peer) = if swap { (&d.peer, &d.local) } else { (&d.local, &d.peer) };
            (d.category, d.aspect.clone(), local.clone(), peer.clone())
        };
        let mut forth_keys: Vec<_> = forth.iter().map(|d| key(d, false)).collect();
        let mut back_keys: Vec<_> = back.iter().map(|d| key(d, true)).collect();
        forth_keys.sort();
        back_keys.sort();
        prop_assert_eq!(forth_keys, back_keys);
        for d in forth.iter().chain(&back) {
            prop_assert!(d.local != d.peer, "{:?}", d);
            prop_assert!(!d.explanation.is_empty());
        }
        let same = tha.canonical_json() == khm.canonical_json();
        prop_assert_eq!(forth.is_empty(), same, "{:#?}", forth);
        prop_assert_eq!(same, tha.hash == khm.hash);
        // Against itself, held by either side: nothing.
        prop_assert!(compare(&tha.view(), &tha.view()).is_empty());
    }
}

#[test]
fn no_agreement_denies_everything() {
    let flow = Flow {
        from: c("THA"),
        to: c("KHM"),
    };
    let d = evaluate(
        c("THA"),
        None,
        flow,
        Category::PhoneCheck,
        Purpose::Investigation,
        0,
    );
    assert!(!d.allowed);
    assert_eq!(d.rule, "THA default deny");
    assert!(
        d.reason.contains("no sharing agreement with KHM"),
        "{}",
        d.reason
    );
}

#[test]
fn decisions_name_the_rule() {
    let a = Agreement::from_file(
        c("THA"),
        c("KHM"),
        &file(vec![
            rule(
                Category::WalletTrace,
                &["THA->KHM"],
                &[Purpose::Investigation],
                &["wallet_owner"],
            ),
            rule(
                Category::PhoneCheck,
                &["KHM->THA"],
                &[Purpose::Investigation, Purpose::Prosecution],
                &["sim_status"],
            ),
        ]),
    )
    .unwrap();
    let out = Flow {
        from: c("THA"),
        to: c("KHM"),
    };
    let allowed = evaluate(
        c("THA"),
        Some(&a),
        out,
        Category::WalletTrace,
        Purpose::Investigation,
        0,
    );
    assert!(allowed.allowed);
    assert_eq!(allowed.rule, "THA-KHM v3 rule 1 (WALLET_TRACE)");
    let wrong_way = evaluate(
        c("THA"),
        Some(&a),
        out,
        Category::PhoneCheck,
        Purpose::Investigation,
        0,
    );
    assert!(!wrong_way.allowed);
    assert_eq!(wrong_way.rule, "THA-KHM v3 rule 2 (PHONE_CHECK)");
    assert!(
        wrong_way.reason.contains("may not flow THA->KHM"),
        "{}",
        wrong_way.reason
    );
    let purpose = evaluate(
        c("THA"),
        Some(&a),
        out,
        Category::WalletTrace,
        Purpose::Intelligence,
        0,
    );
    assert!(
        purpose
            .reason
            .contains("purpose INTELLIGENCE is not allowed"),
        "{}",
        purpose.reason
    );
    let full = evaluate(
        c("THA"),
        Some(&a),
        out,
        Category::WalletTrace,
        Purpose::Investigation,
        2,
    );
    assert!(!full.allowed && full.exhausted);
    assert!(full.reason.contains("daily limit of 2"), "{}", full.reason);
}

#[test]
fn invalid_agreements_name_the_rule_and_key() {
    let base = || {
        file(vec![rule(
            Category::PhoneCheck,
            &["THA->KHM"],
            &[Purpose::Investigation],
            &["sim_status"],
        )])
    };
    type Edit = Box<dyn Fn(&mut AgreementFile)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "wrong parties",
            Box::new(|f| f.parties = vec!["THA".into(), "VNM".into()]),
            "parties",
        ),
        ("version 0", Box::new(|f| f.version = 0), "version"),
        (
            "unknown category",
            Box::new(|f| f.rules[0].category = "PHONE".into()),
            "rules[0].category",
        ),
        (
            "unknown field",
            Box::new(|f| f.rules[0].release = vec!["wallet_owner".into()]),
            "rules[0].release[0]",
        ),
        (
            "unknown purpose",
            Box::new(|f| f.rules[0].purposes = vec!["CURIOSITY".into()]),
            "rules[0].purposes[0]",
        ),
        (
            "no purposes",
            Box::new(|f| f.rules[0].purposes.clear()),
            "rules[0].purposes",
        ),
        (
            "third-country flow",
            Box::new(|f| f.rules[0].flows = vec!["THA->VNM".into()]),
            "rules[0].flows[0]",
        ),
        (
            "garbled flow",
            Box::new(|f| f.rules[0].flows = vec!["THA to KHM".into()]),
            "rules[0].flows[0]",
        ),
        (
            "no flows",
            Box::new(|f| f.rules[0].flows.clear()),
            "rules[0].flows",
        ),
        (
            "unknown handling",
            Box::new(|f| f.rules[0].handling = "SECRET".into()),
            "rules[0].handling",
        ),
        (
            "zero retention",
            Box::new(|f| f.rules[0].retention_days = 0),
            "rules[0].retention_days",
        ),
        (
            "endless retention",
            Box::new(|f| f.rules[0].retention_days = 100_000),
            "rules[0].retention_days",
        ),
        (
            "zero limit",
            Box::new(|f| f.rules[0].daily_limit = 0),
            "rules[0].daily_limit",
        ),
        (
            "category twice",
            Box::new(|f| {
                let again = f.rules[0].clone();
                f.rules.push(again);
            }),
            "rules[1].category",
        ),
    ];
    for (what, edit, key) in cases {
        let mut f = base();
        edit(&mut f);
        let e = Agreement::from_file(c("THA"), c("KHM"), &f).unwrap_err();
        assert_eq!(e.key, key, "{what}: {}", e.problem);
    }
}

#[test]
fn compare_explains_each_disagreement() {
    let tha = Agreement::from_file(
        c("THA"),
        c("KHM"),
        &file(vec![
            rule(
                Category::PhoneCheck,
                &["THA->KHM", "KHM->THA"],
                &[Purpose::Investigation],
                &["sim_status"],
            ),
            rule(
                Category::WalletTrace,
                &["THA->KHM"],
                &[Purpose::Investigation],
                &[],
            ),
        ]),
    )
    .unwrap();
    let mut khm_file = file(vec![rule(
        Category::PhoneCheck,
        &["THA->KHM"],
        &[Purpose::Investigation, Purpose::Prosecution],
        &["sim_status", "operator"],
    )]);
    khm_file.rules[0].retention_days = 90;
    khm_file.version = 4;
    let khm = Agreement::from_file(c("KHM"), c("THA"), &khm_file).unwrap();
    let diffs = compare(&tha.view(), &khm.view());
    let aspects: Vec<&str> = diffs.iter().map(|d| d.aspect.as_str()).collect();
    assert_eq!(
        aspects,
        [
            "version",
            "flow",
            "purpose",
            "release",
            "retention_days",
            "rule"
        ],
        "{diffs:#?}"
    );
    let text = |aspect: &str| {
        diffs
            .iter()
            .find(|d| d.aspect == aspect)
            .unwrap()
            .explanation
            .clone()
    };
    assert_eq!(
        text("flow"),
        "THA allows PHONE_CHECK requests KHM->THA but KHM does not, so they are refused by KHM"
    );
    assert_eq!(
        text("purpose"),
        "KHM allows PHONE_CHECK requests for PROSECUTION but THA does not, so such requests are refused by THA"
    );
    assert!(
        text("release").contains("KHM releases `operator`"),
        "{}",
        text("release")
    );
    assert!(text("rule").contains("KHM has none"), "{}", text("rule"));
    assert_ne!(tha.hash, khm.hash);
}

#[test]
fn a_rule_listing_legal_bases_accepts_only_requests_naming_them() {
    let mut wallet = rule(
        Category::WalletTrace,
        &["THA->KHM"],
        &[Purpose::Investigation],
        &["kyc_name"],
    );
    let plain = Agreement::from_file(c("THA"), c("KHM"), &file(vec![wallet.clone()])).unwrap();
    wallet.legal_bases = vec!["actip".into(), "UNTOC_ART_18".into()];
    let agreement = Agreement::from_file(c("THA"), c("KHM"), &file(vec![wallet.clone()])).unwrap();
    // A new key changes the hash only when set.
    assert!(!plain.canonical_json().contains("legal_bases"));
    assert!(
        agreement
            .canonical_json()
            .contains(r#""legal_bases":["ACTIP","UNTOC_ART_18"]"#)
    );
    assert_ne!(plain.hash, agreement.hash);

    let decide = |agreement: &Agreement, bases: &[&str]| {
        let bases: Vec<String> = bases.iter().map(|b| b.to_string()).collect();
        evaluate_request(
            c("THA"),
            Some(agreement),
            Flow {
                from: c("THA"),
                to: c("KHM"),
            },
            Category::WalletTrace,
            Purpose::Investigation,
            &bases,
            0,
        )
    };
    assert!(decide(&plain, &[]).allowed);
    assert!(decide(&agreement, &["ACTIP"]).allowed);
    assert!(decide(&agreement, &["ACTIP", "UNTOC_ART_18"]).allowed);
    let none = decide(&agreement, &[]);
    assert!(!none.allowed && none.grant.is_none());
    assert!(
        none.reason.contains("names no legal basis"),
        "{}",
        none.reason
    );
    assert_eq!(none.rule, "THA-KHM v3 rule 1 (WALLET_TRACE)");
    let other = decide(&agreement, &["ACTIP", "RECIPROCITY"]);
    assert!(!other.allowed);
    assert!(
        other.reason.contains("RECIPROCITY is not one accepted"),
        "{}",
        other.reason
    );

    // Unknown or repeated codes are refused at load, naming the key.
    wallet.legal_bases = vec!["ACTIP".into(), "MAGNA_CARTA".into()];
    let error = Agreement::from_file(c("THA"), c("KHM"), &file(vec![wallet.clone()])).unwrap_err();
    assert_eq!(error.key, "rules[0].legal_bases[1]");
    wallet.legal_bases = vec!["ACTIP".into(), "ACTIP".into()];
    let error = Agreement::from_file(c("THA"), c("KHM"), &file(vec![wallet])).unwrap_err();
    assert_eq!(error.key, "rules[0].legal_bases[1]");

    // Compare names a difference.
    let peer = Agreement::from_file(
        c("KHM"),
        c("THA"),
        &file(vec![rule(
            Category::WalletTrace,
            &["THA->KHM"],
            &[Purpose::Investigation],
            &["kyc_name"],
        )]),
    )
    .unwrap();
    let differences = compare(&agreement.view(), &peer.view());
    let bases = differences
        .iter()
        .find(|d| d.aspect == "legal_bases")
        .expect("a legal_bases difference");
    assert_eq!(bases.local, "ACTIP, UNTOC_ART_18");
    assert_eq!(bases.peer, "any legal basis");
}

#[test]
fn victim_data_agencies_name_a_party_and_enter_the_hash_only_when_set() {
    let wallet = || {
        rule(
            Category::WalletTrace,
            &["THA->KHM"],
            &[Purpose::Investigation],
            &["kyc_name"],
        )
    };
    let plain = Agreement::from_file(c("THA"), c("KHM"), &file(vec![wallet()])).unwrap();
    assert!(!plain.canonical_json().contains("victim_data_agencies"));
    assert!(plain.may_see_victim_data(c("KHM"), "anyone"));
    let mut restricted = file(vec![wallet()]);
    restricted
        .victim_data_agencies
        .insert("KHM".into(), vec!["immigration".into()]);
    let agreement = Agreement::from_file(c("THA"), c("KHM"), &restricted).unwrap();
    assert!(agreement.may_see_victim_data(c("KHM"), "immigration"));
    assert!(!agreement.may_see_victim_data(c("KHM"), "police"));
    assert!(agreement.may_see_victim_data(c("THA"), "police"));
    assert_ne!(plain.hash, agreement.hash);
    let differences = compare(&agreement.view(), &plain.view());
    assert_eq!(differences[0].aspect, "victim_data_agencies");
    assert_eq!(differences[0].local, "immigration");

    restricted
        .victim_data_agencies
        .insert("VNM".into(), vec!["police".into()]);
    let error = Agreement::from_file(c("THA"), c("KHM"), &restricted).unwrap_err();
    assert_eq!(error.key, "victim_data_agencies.VNM");
    restricted.victim_data_agencies.remove("VNM");
    restricted
        .victim_data_agencies
        .insert("THA".into(), Vec::new());
    let error = Agreement::from_file(c("THA"), c("KHM"), &restricted).unwrap_err();
    assert_eq!(error.key, "victim_data_agencies.THA");
}

#[test]
fn a_victim_identification_rule_cannot_weaken_victim_protected() {
    let mut victims = rule(
        Category::VictimIdentification,
        &["THA->KHM"],
        &[Purpose::VictimAssistance],
        &["identity_confirmed"],
    );
    let error = Agreement::from_file(c("THA"), c("KHM"), &file(vec![victims.clone()])).unwrap_err();
    assert_eq!(error.key, "rules[0].handling");
    assert!(
        error.problem.contains("would weaken VICTIM_PROTECTED"),
        "{}",
        error.problem
    );
    victims.handling = "VICTIM_PROTECTED".into();
    assert!(Agreement::from_file(c("THA"), c("KHM"), &file(vec![victims])).is_ok());
}

/// A wallet trace rule releasing three fields, with `by_kind` narrowing
/// them per subject kind (TOML, as an operator writes it).
fn wallet_rule_toml(by_kind: &str) -> AgreementFile {
    toml::from_str(&format!(
        r#"
        parties = ["THA", "KHM"]
        version = 3
        [[rules]]
        category = "WALLET_TRACE"
        flows = ["THA->KHM"]
        purposes = ["INVESTIGATION"]
        release = ["exchange_name", "kyc_name", "transaction_summary"]
        {by_kind}
        handling = "INTELLIGENCE_ONLY"
        retention_days = 180
        daily_limit = 2
        "#
    ))
    .unwrap()
}

#[test]
fn release_by_kind_narrows_the_fields_per_subject_kind() {
    let file = wallet_rule_toml(
        r#"release_by_kind = { BANK_ACCOUNT = ["kyc_name", "transaction_summary"], wallet = ["exchange_name"] }"#,
    );
    let a = Agreement::from_file(c("THA"), c("KHM"), &file).unwrap();
    let rule = &a.rules[0];
    assert_eq!(
        rule.release_by_kind[&SubjectKind::Wallet],
        BTreeSet::from(["exchange_name".to_string()])
    );
    assert!(rule.releases("exchange_name", Some(SubjectKind::Wallet)));
    assert!(!rule.releases("kyc_name", Some(SubjectKind::Wallet)));
    assert!(rule.releases("kyc_name", Some(SubjectKind::BankAccount)));
    assert!(!rule.releases("exchange_name", Some(SubjectKind::BankAccount)));
    // The grant carries the lists to the answer.
    let d = evaluate(
        c("THA"),
        Some(&a),
        Flow {
            from: c("THA"),
            to: c("KHM"),
        },
        Category::WalletTrace,
        Purpose::Investigation,
        0,
    );
    let grant = d.grant.unwrap();
    assert!(grant.releases("kyc_name", Some(SubjectKind::BankAccount)));
    assert!(!grant.releases("kyc_name", Some(SubjectKind::Wallet)));
    assert!(grant.withholds_for_kind("kyc_name", Some(SubjectKind::Wallet)));
    assert!(!grant.withholds_for_kind("balance", Some(SubjectKind::Wallet)));
    // The pb view lists each kind with its fields.
    let view = a.view();
    let kinds: Vec<(&str, Vec<&str>)> = view.rules[0]
        .release_by_kind
        .iter()
        .map(|k| {
            (
                k.kind.as_str(),
                k.fields.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("WALLET", vec!["exchange_name"]),
            ("BANK_ACCOUNT", vec!["kyc_name", "transaction_summary"])
        ]
    );
}

#[test]
fn a_grant_stored_before_release_by_kind_releases_to_every_kind() {
    let stored = r#"{"rule":"KHM-THA v1 rule 1 (WALLET_TRACE)","release":["kyc_name"],"handling":"INTELLIGENCE_ONLY","retention_days":30}"#;
    let grant: Grant = serde_json::from_str(stored).unwrap();
    assert!(grant.release_by_kind.is_empty());
    assert!(grant.releases("kyc_name", Some(SubjectKind::Wallet)));
    // And a grant with the lists reads back as written.
    let mut narrowed = grant.clone();
    narrowed
        .release_by_kind
        .insert(SubjectKind::Wallet, BTreeSet::new());
    let text = serde_json::to_string(&narrowed).unwrap();
    assert!(
        text.contains(r#""release_by_kind":{"WALLET":[]}"#),
        "{text}"
    );
    assert_eq!(serde_json::from_str::<Grant>(&text).unwrap(), narrowed);
    assert!(!narrowed.releases("kyc_name", Some(SubjectKind::Wallet)));
}

#[test]
fn release_by_kind_errors_name_the_rule_kind_and_position() {
    let cases = [
        (
            r#"release_by_kind = { SHIP = ["kyc_name"] }"#,
            "rules[0].release_by_kind.SHIP",
            "is not a known SubjectKind",
        ),
        (
            r#"release_by_kind = { PHONE = ["kyc_name"] }"#,
            "rules[0].release_by_kind.PHONE",
            "WALLET_TRACE requests are never about a subject of kind PHONE",
        ),
        (
            r#"release_by_kind = { WALLET = ["exchange_name", "subscriber_name"] }"#,
            "rules[0].release_by_kind.WALLET[1]",
            "is not a response field of WALLET_TRACE",
        ),
        (
            r#"release_by_kind = { WALLET = ["balance"] }"#,
            "rules[0].release_by_kind.WALLET[0]",
            "is not in the rule's `release` list",
        ),
        (
            r#"release_by_kind = { WALLET = ["kyc_name", "kyc_name"] }"#,
            "rules[0].release_by_kind.WALLET[1]",
            "listed twice",
        ),
        (
            r#"release_by_kind = { WALLET = ["kyc_name"], wallet = ["kyc_name"] }"#,
            "rules[0].release_by_kind.wallet",
            "WALLET is listed twice",
        ),
    ];
    for (by_kind, key, problem) in cases {
        let e = Agreement::from_file(c("THA"), c("KHM"), &wallet_rule_toml(by_kind)).unwrap_err();
        assert_eq!(e.key, key, "{by_kind}: {}", e.problem);
        assert!(e.problem.contains(problem), "{by_kind}: {}", e.problem);
    }
}

#[test]
fn the_hash_is_unchanged_without_release_by_kind() {
    let plain = Agreement::from_file(c("THA"), c("KHM"), &wallet_rule_toml("")).unwrap();
    // The canonical form of agreements written before the key existed,
    // byte for byte: no new key appears in it.
    assert_eq!(
        plain.canonical_json(),
        r#"{"parties":["KHM","THA"],"rules":[{"category":"WALLET_TRACE","daily_limit":2,"flows":["THA->KHM"],"handling":"INTELLIGENCE_ONLY","purposes":["INVESTIGATION"],"release":["exchange_name","kyc_name","transaction_summary"],"retention_days":180}],"version":3}"#
    );
    let empty = Agreement::from_file(
        c("THA"),
        c("KHM"),
        &wallet_rule_toml("release_by_kind = {}"),
    )
    .unwrap();
    assert_eq!(empty.hash, plain.hash);
    let narrowed = Agreement::from_file(
        c("THA"),
        c("KHM"),
        &wallet_rule_toml(r#"release_by_kind = { WALLET = ["exchange_name"] }"#),
    )
    .unwrap();
    assert_ne!(narrowed.hash, plain.hash);
    assert!(
        narrowed
            .canonical_json()
            .contains(r#""release_by_kind":{"WALLET":["exchange_name"]}"#),
        "{}",
        narrowed.canonical_json()
    );
    // Written back as TOML, an agreement without the key does not gain it.
    let text = toml::to_string(&wallet_rule_toml("")).unwrap();
    assert!(!text.contains("release_by_kind"), "{text}");
}

#[test]
fn compare_reports_a_release_by_kind_difference() {
    let tha = Agreement::from_file(
        c("THA"),
        c("KHM"),
        &wallet_rule_toml(r#"release_by_kind = { WALLET = ["exchange_name"] }"#),
    )
    .unwrap();
    let khm = Agreement::from_file(
        c("KHM"),
        c("THA"),
        &wallet_rule_toml(r#"release_by_kind = { WALLET = ["exchange_name", "kyc_name"], BANK_ACCOUNT = ["kyc_name"] }"#),
    )
    .unwrap();
    let diffs = compare(&tha.view(), &khm.view());
    let by_kind: Vec<&pb::Disagreement> = diffs
        .iter()
        .filter(|d| d.aspect == "release_by_kind")
        .collect();
    assert_eq!(by_kind.len(), 2, "{diffs:#?}");
    assert_eq!(
        by_kind[0].local,
        "no list for BANK_ACCOUNT: its whole release list"
    );
    assert_eq!(by_kind[0].peer, "releases kyc_name about BANK_ACCOUNT");
    assert_eq!(by_kind[1].local, "releases exchange_name about WALLET");
    assert_eq!(
        by_kind[1].peer,
        "releases exchange_name, kyc_name about WALLET"
    );
    assert!(
        by_kind[0]
            .explanation
            .contains("THA and KHM release different fields about BANK_ACCOUNT subjects in WALLET_TRACE answers"),
        "{}",
        by_kind[1].explanation
    );
    assert!(
        diffs.iter().all(|d| d.aspect == "release_by_kind"),
        "{diffs:#?}"
    );
    // The same lists on both sides: nothing to report.
    let same = Agreement::from_file(
        c("KHM"),
        c("THA"),
        &wallet_rule_toml(r#"release_by_kind = { WALLET = ["exchange_name"] }"#),
    )
    .unwrap();
    assert!(compare(&tha.view(), &same.view()).is_empty());
    assert_eq!(tha.hash, same.hash);
}

#[test]
fn require_dual_criminality_enters_the_hash_only_when_set() {
    let phone = || {
        rule(
            Category::PhoneCheck,
            &["THA->KHM"],
            &[Purpose::Investigation],
            &[],
        )
    };
    // Written without the key, as every agreement before it was.
    let text = "parties = [\"THA\", \"KHM\"]\nversion = 3\n[[rules]]\ncategory = \"PHONE_CHECK\"\n\
                flows = [\"THA->KHM\"]\npurposes = [\"INVESTIGATION\"]\n\
                handling = \"INTELLIGENCE_ONLY\"\nretention_days = 180\ndaily_limit = 2\n";
    let old: AgreementFile = toml::from_str(text).unwrap();
    assert_eq!(old, file(vec![phone()]));
    let before = Agreement::from_file(c("THA"), c("KHM"), &old).unwrap();
    // The canonical form keeps exactly the keys it had.
    let canonical: serde_json::Value = serde_json::from_str(&before.canonical_json()).unwrap();
    let keys: Vec<&String> = canonical["rules"][0].as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "category",
            "daily_limit",
            "flows",
            "handling",
            "purposes",
            "release",
            "retention_days"
        ]
    );
    let mut required = phone();
    required.require_dual_criminality = true;
    let after = Agreement::from_file(c("KHM"), c("THA"), &file(vec![required])).unwrap();
    assert!(after.rules[0].require_dual_criminality);
    assert!(
        after
            .canonical_json()
            .contains("\"require_dual_criminality\":true"),
        "{}",
        after.canonical_json()
    );
    assert_ne!(before.hash, after.hash);
    assert!(after.view().rules[0].require_dual_criminality);
    // The grant carries it to the answer.
    let decision = evaluate(
        c("KHM"),
        Some(&after),
        Flow {
            from: c("THA"),
            to: c("KHM"),
        },
        Category::PhoneCheck,
        Purpose::Investigation,
        0,
    );
    assert!(decision.grant.unwrap().require_dual_criminality);
    // A grant stored before the rule existed reads as not requiring it.
    let grant = Grant {
        rule: "r".into(),
        release: Vec::new(),
        release_by_kind: BTreeMap::new(),
        handling: HandlingCode::IntelligenceOnly,
        retention_days: 1,
        require_dual_criminality: false,
    };
    let stored = serde_json::to_string(&grant).unwrap();
    assert!(!stored.contains("require_dual_criminality"), "{stored}");
    assert_eq!(serde_json::from_str::<Grant>(&stored).unwrap(), grant);

    let diffs = compare(&before.view(), &after.view());
    assert_eq!(diffs.len(), 1, "{diffs:#?}");
    assert_eq!(diffs[0].aspect, "require_dual_criminality");
    assert_eq!(
        (diffs[0].local.as_str(), diffs[0].peer.as_str()),
        (
            "does not require dual criminality",
            "requires dual criminality"
        )
    );
    assert!(
        diffs[0]
            .explanation
            .starts_with("KHM answers PHONE_CHECK requests only when dual criminality"),
        "{}",
        diffs[0].explanation
    );
}

#[test]
fn an_evidence_section_allows_files_by_type_and_size_and_enters_the_hash() {
    let phone = |evidence: Option<EvidenceSection>| {
        let mut rule = rule(
            Category::PhoneCheck,
            &["THA->KHM"],
            &[Purpose::Investigation],
            &[],
        );
        rule.evidence = evidence;
        rule
    };
    let section = |types: &[&str], file: u64, request: u64| EvidenceSection {
        media_types: types.iter().map(|t| t.to_string()).collect(),
        max_file_mib: file,
        max_request_mib: request,
    };
    let without = Agreement::from_file(c("THA"), c("KHM"), &file(vec![phone(None)])).unwrap();
    let with = Agreement::from_file(
        c("THA"),
        c("KHM"),
        &file(vec![phone(Some(section(
            &["application/pdf", "text/csv"],
            1,
            2,
        )))]),
    )
    .unwrap();
    assert_ne!(without.hash, with.hash, "the section enters the hash");
    assert!(without.rules[0].evidence.is_none(), "no section, no files");
    let rule = with.rules[0].evidence.as_ref().unwrap();
    assert_eq!(rule.refuses("text/csv", 1 << 20, 0), None);
    let refused = rule.refuses("video/mp4", 10, 0).unwrap();
    assert!(refused.contains("video/mp4") && refused.contains("application/pdf, text/csv"));
    assert!(
        rule.refuses("text/csv", (1 << 20) + 1, 0)
            .unwrap()
            .contains("1 MiB a file")
    );
    assert!(
        rule.refuses("text/csv", 1 << 20, (1 << 20) + 1)
            .unwrap()
            .contains("2 MiB a request")
    );

    // Each mistake is named by its key.
    for (bad, key, words) in [
        (
            section(&[], 1, 1),
            "rules[0].evidence.media_types",
            "is empty",
        ),
        (
            section(&["Text/CSV"], 1, 1),
            "rules[0].evidence.media_types[0]",
            "lower case",
        ),
        (
            section(&["text/csv", "text/csv"], 1, 1),
            "rules[0].evidence.media_types[1]",
            "twice",
        ),
        (
            section(&["text/csv"], 0, 1),
            "rules[0].evidence.max_file_mib",
            "1 to 1048576",
        ),
        (
            section(&["text/csv"], 4, 2),
            "rules[0].evidence.max_request_mib",
            "at least",
        ),
    ] {
        let error =
            Agreement::from_file(c("THA"), c("KHM"), &file(vec![phone(Some(bad))])).unwrap_err();
        assert!(error.key.ends_with(key), "{error:?}");
        assert!(error.problem.contains(words), "{error:?}");
    }

    // Two copies that differ on files say so, in words.
    let diffs = compare(&with.view(), &without.view());
    assert_eq!(diffs.len(), 1, "{diffs:?}");
    assert_eq!(diffs[0].aspect, "evidence");
    assert!(
        diffs[0]
            .explanation
            .contains("refuses a file its own copy does not allow")
    );
    assert!(diffs[0].peer.contains("no evidence files"));
}

fn with_hit_checks(text: &str) -> AgreementFile {
    let mut agreement: AgreementFile = toml::from_str(&format!(
        "parties = [\"THA\", \"KHM\"]\nversion = 1\n{text}"
    ))
    .unwrap();
    agreement.rules = file(Vec::new()).rules;
    agreement
}

const HIT_CHECKS: &str = r#"
[[hit_checks]]
flow = "THA->KHM"
lists = ["police/compound-numbers"]
kinds = ["phone", "bank_account"]
daily_quota = 500
"#;

#[test]
fn hit_checks_allow_one_direction_and_enter_the_hash_only_when_set() {
    let tha = Agreement::from_file(c("THA"), c("KHM"), &with_hit_checks(HIT_CHECKS)).unwrap();
    let checks = tha
        .hit_checks(Flow {
            from: c("THA"),
            to: c("KHM"),
        })
        .unwrap();
    assert!(checks.covers("police", "compound-numbers"));
    assert!(!checks.covers("police", "other"));
    assert!(!checks.covers("fiu", "compound-numbers"));
    assert_eq!(checks.daily_quota, 500);
    assert!(checks.kinds.contains("phone") && !checks.kinds.contains("imei"));
    // Not the other way.
    assert!(
        tha.hit_checks(Flow {
            from: c("KHM"),
            to: c("THA"),
        })
        .is_none()
    );
    // Both copies hash alike; without the section, as before it existed.
    let khm = Agreement::from_file(c("KHM"), c("THA"), &with_hit_checks(HIT_CHECKS)).unwrap();
    assert_eq!(tha.hash, khm.hash);
    let none = Agreement::from_file(c("THA"), c("KHM"), &with_hit_checks("")).unwrap();
    assert_ne!(none.hash, tha.hash);
    assert!(!none.canonical_json().contains("hit_checks"));
}

#[test]
fn hit_checks_errors_name_the_entry_and_key() {
    for (text, key, rule) in [
        ("flow = \"THA->THA\"", "hit_checks[0].flow", "ASKER->HOLDER"),
        ("flow = \"THA->VNM\"", "hit_checks[0].flow", "ASKER->HOLDER"),
        ("lists = []", "hit_checks[0].lists", "at least one list"),
        (
            "lists = [\"compound-numbers\"]",
            "hit_checks[0].lists[0]",
            "agency/list",
        ),
        (
            "lists = [\"police/Big List\"]",
            "hit_checks[0].lists[0]",
            "lower-case",
        ),
        (
            "lists = [\"police/a\", \"police/a\"]",
            "hit_checks[0].lists[1]",
            "listed twice",
        ),
        (
            "kinds = [\"email\"]",
            "hit_checks[0].kinds[0]",
            "not a kind",
        ),
        ("kinds = []", "hit_checks[0].kinds", "at least one kind"),
        (
            "daily_quota = 0",
            "hit_checks[0].daily_quota",
            "remove the entry",
        ),
        (
            "daily_quota = 1000001",
            "hit_checks[0].daily_quota",
            "1 to 1000000",
        ),
    ] {
        let field = text.split(" =").next().unwrap();
        let entry: String = HIT_CHECKS
            .lines()
            .map(|line| {
                if line.starts_with(&format!("{field} =")) {
                    text.to_string()
                } else {
                    line.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let error = Agreement::from_file(c("THA"), c("KHM"), &with_hit_checks(&entry)).unwrap_err();
        assert_eq!(error.key, key, "{text}: {error:?}");
        assert!(error.problem.contains(rule), "{text}: {error:?}");
    }
    let twice = format!("{HIT_CHECKS}{HIT_CHECKS}");
    let error = Agreement::from_file(c("THA"), c("KHM"), &with_hit_checks(&twice)).unwrap_err();
    assert_eq!(error.key, "hit_checks[1].flow");
}

#[test]
fn compare_reports_a_hit_checks_difference() {
    let tha = Agreement::from_file(c("THA"), c("KHM"), &with_hit_checks(HIT_CHECKS)).unwrap();
    let khm = Agreement::from_file(
        c("KHM"),
        c("THA"),
        &with_hit_checks(&HIT_CHECKS.replace("500", "100")),
    )
    .unwrap();
    let diffs = compare(&tha.view(), &khm.view());
    assert_eq!(diffs.len(), 1, "{diffs:#?}");
    assert_eq!(diffs[0].aspect, "hit_checks");
    assert!(diffs[0].local.contains("500 a day") && diffs[0].peer.contains("100 a day"));
    assert!(diffs[0].explanation.contains("a check needs both"));
    let missing = Agreement::from_file(c("KHM"), c("THA"), &with_hit_checks("")).unwrap();
    let diffs = compare(&tha.view(), &missing.view());
    assert_eq!(diffs.len(), 1, "{diffs:#?}");
    assert_eq!(diffs[0].peer, "no hit checks");
}
