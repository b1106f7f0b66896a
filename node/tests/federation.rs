//! `liaison-node federation` writes deny-by-default agreements (only the
//! demo's phone check) whose comments show how to add a rule, or, with
//! `--allow-all`, agreements that allow everything. It keeps private keys
//! and tokens in directories only their owner can enter, and, like `init`
//! and `keygen`, refuses to write them where git would commit them.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use liaison_node::Config;
use liaison_node::devnet;
use liaison_node::policy::{Agreement, AgreementFile, Flow, evaluate};
use liaison_proto::domain::{Category, CountryCode, HandlingCode, Purpose};

const COUNTRIES: [&str; 3] = ["THA", "KHM", "VNM"];

fn country(code: &str) -> CountryCode {
    code.parse().unwrap()
}

fn node(args: &[&str], paths: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_liaison-node"));
    command.args(args);
    for (flag, path) in paths {
        command.arg(flag).arg(path);
    }
    command.output().unwrap()
}

fn federation(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["federation", "--countries", "THA,KHM,VNM"];
    args.extend_from_slice(extra);
    node(&args, &[("--dir", dir)])
}

fn succeeded(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn failed(output: &Output) -> String {
    assert!(
        !output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn mode_of(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Every node's configuration, loaded as `liaison-node run` loads it.
fn configs(dir: &Path) -> Vec<Config> {
    COUNTRIES
        .iter()
        .map(|c| {
            let path = dir.join(c.to_ascii_lowercase()).join("liaison.toml");
            Config::load(&path).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

/// `holder`'s decision on a request `from` -> `to`.
fn decide(
    config: &Config,
    peer: CountryCode,
    from: CountryCode,
    to: CountryCode,
    category: Category,
    purpose: Purpose,
) -> liaison_node::policy::Decision {
    evaluate(
        config.country,
        config.agreement_with(peer),
        Flow { from, to },
        category,
        purpose,
        0,
    )
}

#[test]
fn a_generated_federation_allows_the_phone_check_and_denies_everything_else() {
    let dir = tempfile::tempdir().unwrap();
    let fed = dir.path().join("fed");
    let stdout = succeeded(&federation(&fed, &[]));
    assert!(stdout.contains("deny by default"), "{stdout}");

    let configs = configs(&fed);
    for config in &configs {
        let me = config.country;
        assert_eq!(config.peers.len(), 2, "{me}");
        for &peer in config.peers.keys() {
            // Asking and being asked, the phone check flows, releasing the
            // three fields, marked and kept as agreed.
            for (from, to) in [(me, peer), (peer, me)] {
                let phone = decide(
                    config,
                    peer,
                    from,
                    to,
                    Category::PhoneCheck,
                    Purpose::Investigation,
                );
                assert!(phone.allowed, "{me}: {from}->{to}: {}", phone.reason);
                let grant = phone.grant.unwrap();
                let release: BTreeSet<&str> = grant.release.iter().map(String::as_str).collect();
                assert_eq!(
                    release,
                    BTreeSet::from(["subscriber_name", "registration_date", "operator"])
                );
                assert_eq!(grant.handling, HandlingCode::IntelligenceOnly);
                assert_eq!(grant.retention_days, 30);
                assert_eq!(phone.daily_limit, 20);
            }
            // A wallet trace is denied by default, either way.
            for (from, to) in [(me, peer), (peer, me)] {
                let wallet = decide(
                    config,
                    peer,
                    from,
                    to,
                    Category::WalletTrace,
                    Purpose::Investigation,
                );
                assert!(!wallet.allowed, "{me}: {from}->{to} WALLET_TRACE allowed");
                assert_eq!(wallet.rule, format!("{me} default deny"));
            }
            // So is every other category and every other purpose.
            for &category in Category::ALL {
                for &purpose in Purpose::ALL {
                    let allowed =
                        category == Category::PhoneCheck && purpose == Purpose::Investigation;
                    let decision = decide(config, peer, me, peer, category, purpose);
                    assert_eq!(decision.allowed, allowed, "{me}: {category} {purpose}");
                }
            }
            // Both sides hold the very same text, hence the same hash.
            let mine = fed.join(me.as_str().to_ascii_lowercase()).join(format!(
                "agreements/{}.toml",
                peer.as_str().to_ascii_lowercase()
            ));
            let theirs = fed.join(peer.as_str().to_ascii_lowercase()).join(format!(
                "agreements/{}.toml",
                me.as_str().to_ascii_lowercase()
            ));
            assert_eq!(
                std::fs::read_to_string(&mine).unwrap(),
                std::fs::read_to_string(&theirs).unwrap()
            );
            let other = configs.iter().find(|c| c.country == peer).unwrap();
            assert_eq!(
                config.agreement_with(peer).unwrap().hash,
                other.agreement_with(me).unwrap().hash
            );
        }
    }
}

#[test]
fn the_commented_example_rule_is_valid_toml_that_adds_a_rule() {
    let dir = tempfile::tempdir().unwrap();
    let fed = dir.path().join("fed");
    succeeded(&federation(&fed, &[]));
    let text = std::fs::read_to_string(fed.join("tha/agreements/khm.toml")).unwrap();
    let (tha, khm) = (country("THA"), country("KHM"));

    // As written: the starting agreement, every comment plain TOML comment.
    let written: AgreementFile = toml::from_str(&text).unwrap();
    assert_eq!(written, devnet::starter_agreement(tha, khm));
    assert!(text.contains("Deny by default"), "{text}");

    // With the example uncommented, as its comment says: two rules, the
    // new one one-way.
    let start = text
        .find("# [[rules]]")
        .unwrap_or_else(|| panic!("no example rule in:\n{text}"));
    let mut edited = text[..start].to_string();
    for line in text[start..].lines() {
        let line = line
            .strip_prefix("# ")
            .unwrap_or_else(|| panic!("`{line}` in the example is not commented"));
        edited.push_str(line);
        edited.push('\n');
    }
    let file: AgreementFile =
        toml::from_str(&edited).unwrap_or_else(|e| panic!("{e}\nin:\n{edited}"));
    let agreement = Agreement::from_file(tha, khm, &file)
        .unwrap_or_else(|e| panic!("{}: {}\nin:\n{edited}", e.key, e.problem));
    assert_eq!(agreement.rules.len(), 2);
    let flow = |from, to| Flow { from, to };
    let person = |from, to| {
        evaluate(
            tha,
            Some(&agreement),
            flow(from, to),
            Category::PersonCheck,
            Purpose::Prosecution,
            0,
        )
    };
    // The parties are listed in alphabetical order, so KHM comes first.
    assert!(person(khm, tha).allowed);
    assert!(!person(tha, khm).allowed);
    // And the phone check is as before.
    assert!(
        evaluate(
            tha,
            Some(&agreement),
            flow(tha, khm),
            Category::PhoneCheck,
            Purpose::Investigation,
            0
        )
        .allowed
    );
}

#[test]
fn allow_all_allows_every_category_purpose_and_field() {
    let help = succeeded(&node(&["federation", "--help"], &[]));
    let allow_all = help
        .split("--allow-all")
        .nth(1)
        .unwrap_or_else(|| panic!("no --allow-all in:\n{help}"));
    assert!(
        allow_all.contains("UNSAFE") && allow_all.contains("labs"),
        "{help}"
    );

    let dir = tempfile::tempdir().unwrap();
    let fed = dir.path().join("fed");
    let output = federation(&fed, &["--allow-all"]);
    succeeded(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--allow-all") && stderr.contains("never with real data"),
        "{stderr}"
    );
    for config in configs(&fed) {
        let me = config.country;
        for &peer in config.peers.keys() {
            for &category in Category::ALL {
                for &purpose in Purpose::ALL {
                    for (from, to) in [(me, peer), (peer, me)] {
                        let decision = decide(&config, peer, from, to, category, purpose);
                        assert!(decision.allowed, "{me}: {from}->{to} {category} {purpose}");
                        let release: BTreeSet<&str> = decision
                            .grant
                            .as_ref()
                            .unwrap()
                            .release
                            .iter()
                            .map(String::as_str)
                            .collect();
                        let every: BTreeSet<&str> =
                            category.response_fields().iter().copied().collect();
                        assert_eq!(release, every, "{category}");
                    }
                }
            }
        }
    }
}

#[test]
fn keys_and_tokens_are_in_directories_only_their_owner_can_enter() {
    let dir = tempfile::tempdir().unwrap();
    let fed = dir.path().join("fed");
    succeeded(&federation(&fed, &[]));
    assert_eq!(mode_of(&fed.join("ca")), 0o700);
    assert_eq!(mode_of(&fed.join("ca/ca.key")), 0o600);
    for code in COUNTRIES {
        let node_dir = fed.join(code.to_ascii_lowercase());
        for private in [
            node_dir.clone(),
            node_dir.join("tls"),
            node_dir.join("tokens"),
        ] {
            assert_eq!(mode_of(&private), 0o700, "{}", private.display());
        }
        let mut secrets: Vec<PathBuf> = vec![
            node_dir.join("signing-key.pem"),
            node_dir.join("tls/node.key"),
        ];
        for token in std::fs::read_dir(node_dir.join("tokens")).unwrap() {
            secrets.push(token.unwrap().path());
        }
        assert_eq!(secrets.len(), 2 + 6, "{secrets:?}");
        for secret in secrets {
            assert_eq!(mode_of(&secret), 0o600, "{}", secret.display());
        }
    }

    // `init` does the same for one node, narrowing a directory made before.
    let etc = dir.path().join("etc-liaison");
    std::fs::create_dir(&etc).unwrap();
    std::fs::set_permissions(&etc, std::fs::Permissions::from_mode(0o755)).unwrap();
    let ca = dir.path().join("ca");
    succeeded(&node(
        &["init", "--country", "LAO"],
        &[("--dir", &etc), ("--ca", &ca)],
    ));
    for private in [etc.clone(), etc.join("tls"), etc.join("tokens"), ca] {
        assert_eq!(mode_of(&private), 0o700, "{}", private.display());
    }
}

/// Runs git in `dir`; `false` when git is not installed.
fn git(dir: &Path, args: &[&str]) -> bool {
    match Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
    {
        Ok(output) => {
            assert!(
                output.status.success(),
                "git {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            true
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => panic!("cannot run git: {e}"),
    }
}

#[test]
fn secrets_are_refused_inside_a_git_work_tree_unless_ignored_or_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    if !git(&repo, &["init", "--quiet"]) {
        eprintln!(
            "git is not installed: skipping the refusals inside a work tree \
             (the other tests cover writing outside one)"
        );
        return;
    }
    let fed = repo.join("fed");
    let stderr = failed(&federation(&fed, &[]));
    for needed in [
        format!(
            "--dir {}: refusing to write private keys and tokens where git would commit them",
            fed.display()
        ),
        "is a git work tree that does not ignore fed/ca/ca.key".to_string(),
        ".gitignore".to_string(),
        "--allow-inside-git".to_string(),
        "--dir ~/.local/state/liaison/federation".to_string(),
    ] {
        assert!(stderr.contains(&needed), "missing `{needed}` in:\n{stderr}");
    }
    assert!(!fed.exists(), "something was written before the refusal");

    let node_dir = repo.join("node");
    let ca = repo.join("ca");
    let init = |extra: &[&str]| {
        let mut args = vec!["init", "--country", "THA"];
        args.extend_from_slice(extra);
        node(&args, &[("--dir", &node_dir), ("--ca", &ca)])
    };
    let stderr = failed(&init(&[]));
    assert!(
        stderr.contains("--dir ") && stderr.contains("node/signing-key.pem"),
        "{stderr}"
    );
    assert!(!node_dir.exists() && !ca.exists());

    let key = repo.join("signing-key-2.pem");
    let stderr = failed(&node(&["keygen"], &[("--out", &key)]));
    assert!(
        stderr.contains("--out ") && stderr.contains("signing-key-2.pem"),
        "{stderr}"
    );
    assert!(!key.exists());

    // Ignored by git, the federation is written.
    std::fs::write(repo.join(".gitignore"), "/fed/\n").unwrap();
    succeeded(&federation(&fed, &[]));
    assert!(fed.join("tha/tokens/admin.token").exists());

    // Told to, `init` writes into the work tree, with a warning.
    let output = init(&["--allow-inside-git"]);
    succeeded(&output);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("warning: --dir") && stderr.contains("as --allow-inside-git asks"),
        "{stderr}"
    );
    assert!(node_dir.join("signing-key.pem").exists() && ca.join("ca.key").exists());
}
