//! Policy evaluation against a reference model, agreement validation, and
//! comparison of two copies.

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
        handling: "INTELLIGENCE_ONLY".into(),
        retention_days: 180,
        daily_limit: 2,
        require_dual_criminality: false,
    }
}

fn file(rules: Vec<RuleSection>) -> AgreementFile {
    AgreementFile {
        parties: vec!["THA".into(), "KHM".into()],
        version: 3,
        rules,
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

fn arb_rule(category: Category) -> impl Strategy<Value = RuleSection> {
    (
        proptest::sample::subsequence(FLOWS.to_vec(), 1..=2),
        proptest::sample::subsequence(Purpose::ALL.to_vec(), 1..=Purpose::ALL.len()),
        subset(category.response_fields()),
        proptest::sample::select(HandlingCode::ALL.to_vec()),
        1u32..=3650,
        1u32..=4,
    )
        .prop_map(
            move |(flows, purposes, release, handling, retention_days, daily_limit)| RuleSection {
                category: category.to_string(),
                flows: flows.iter().map(|f| f.to_string()).collect(),
                purposes: purposes.iter().map(|p| p.to_string()).collect(),
                release: release.iter().map(|f| f.to_string()).collect(),
                handling: handling.to_string(),
                retention_days,
                daily_limit,
                require_dual_criminality: false,
            },
        )
}

fn arb_agreement() -> impl Strategy<Value = Option<AgreementFile>> {
    let rules = subset(Category::ALL)
        .prop_flat_map(|categories| categories.into_iter().map(arb_rule).collect::<Vec<_>>());
    proptest::option::weighted(
        0.9,
        (rules, 1u64..10).prop_map(|(rules, version)| AgreementFile {
            parties: vec!["KHM".into(), "THA".into()],
            version,
            rules,
        }),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

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
