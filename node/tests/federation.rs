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
use std::process::Output;

use liaison_node::Config;
use liaison_node::devnet;
use liaison_node::policy::{Agreement, AgreementFile, Flow, evaluate};
use liaison_proto::domain::{Category, CountryCode, HandlingCode, Purpose};

const COUNTRIES: [&str; 3] = ["THA", "KHM", "VNM"];

fn country(code: &str) -> CountryCode {
    code.parse().unwrap()
}

mod common;
use common::node;

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
        let lower = code.to_ascii_lowercase();
        let node_dir = fed.join(&lower);
        // Each country's local CA, beside the federation CA.
        let local_ca = fed.join(format!("ca/local-{lower}"));
        for private in [
            node_dir.clone(),
            node_dir.join("tls"),
            node_dir.join("local-tls"),
            node_dir.join("tokens"),
            local_ca.clone(),
        ] {
            assert_eq!(mode_of(&private), 0o700, "{}", private.display());
        }
        let mut secrets: Vec<PathBuf> = vec![
            node_dir.join("signing-key.pem"),
            node_dir.join("tls/node.key"),
            node_dir.join("local-tls/node.key"),
            local_ca.join("ca.key"),
        ];
        for token in std::fs::read_dir(node_dir.join("tokens")).unwrap() {
            secrets.push(token.unwrap().path());
        }
        assert_eq!(secrets.len(), 4 + 6, "{secrets:?}");
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
    for private in [
        etc.clone(),
        etc.join("tls"),
        etc.join("local-tls"),
        etc.join("tokens"),
        ca.join("local-lao"),
        ca,
    ] {
        assert_eq!(mode_of(&private), 0o700, "{}", private.display());
    }
}

#[test]
fn init_off_loopback_serves_tls_and_the_local_ca_issues_and_revokes_client_certificates() {
    let dir = tempfile::tempdir().unwrap();
    let etc = dir.path().join("etc-liaison");
    let ca = dir.path().join("ca");
    let stdout = succeeded(&node(
        &[
            "init",
            "--country",
            "THA",
            "--local-listen",
            "10.1.2.3:7401",
            "--local-name",
            "liaison.police.example",
        ],
        &[("--dir", &etc), ("--ca", &ca)],
    ));
    assert!(
        stdout.contains("local API: TLS 1.3 ([local_tls])"),
        "{stdout}"
    );
    // The configuration loads as written: TLS on the local API, client
    // certificates checked against the local CA, which is not the
    // federation's.
    let config = liaison_node::Config::load(&etc.join("liaison.toml")).unwrap();
    let local_tls = config.local_tls.as_ref().unwrap();
    assert!(local_tls.client_verifier.is_some());
    let local_ca_pem = std::fs::read_to_string(ca.join("local-tha/ca.pem")).unwrap();
    assert_eq!(
        std::fs::read_to_string(etc.join("local-tls/ca.pem")).unwrap(),
        local_ca_pem
    );
    assert_ne!(local_ca_pem, config.tls.ca_pem);
    // The server certificate names what users connect to.
    let der = {
        use rustls::pki_types::pem::PemObject as _;
        rustls::pki_types::CertificateDer::from_pem_slice(local_tls.cert_pem.as_bytes()).unwrap()
    };
    let (_, cert) = x509_parser::parse_x509_certificate(&der).unwrap();
    let names = format!(
        "{:?}",
        cert.subject_alternative_name().unwrap().unwrap().value
    );
    for name in [
        "liaison.police.example",
        "localhost",
        "10.1.2.3",
        "127.0.0.1",
    ] {
        let needle = match name.parse::<std::net::Ipv4Addr>() {
            Ok(ip) => format!("{:?}", ip.octets()),
            Err(_) => name.to_string(),
        };
        assert!(names.contains(&needle), "{name} not in {names}");
    }

    // An agency system's client certificate, and its subject to configure.
    let local_ca = ca.join("local-tha");
    let certs = dir.path().join("certs");
    let issue = |name: &str| {
        node(
            &[
                "local-ca",
                "issue",
                "--name",
                name,
                "--organisation",
                "Royal Thai Police",
            ],
            &[("--local-ca", &local_ca), ("--out", &certs)],
        )
    };
    let stdout = succeeded(&issue("police-cms"));
    assert!(
        stdout.contains("certificate_subject = \"CN=police-cms,O=Royal Thai Police\""),
        "{stdout}"
    );
    assert_eq!(mode_of(&certs.join("police-cms.key")), 0o600);
    let serial = stdout
        .lines()
        .find_map(|l| l.strip_prefix("serial (to revoke it): "))
        .unwrap()
        .to_string();
    // Issued again into the same place: refused, nothing overwritten.
    let key_before = std::fs::read(certs.join("police-cms.key")).unwrap();
    assert!(failed(&issue("police-cms")).contains("refusing to overwrite"));
    assert_eq!(
        std::fs::read(certs.join("police-cms.key")).unwrap(),
        key_before
    );
    // A name no configuration could hold.
    assert!(failed(&issue("a=b")).contains("--name/--organisation"));

    // Revoked: a CRL of the local CA listing it.
    let revoke = |serial: &str| {
        node(
            &["local-ca", "revoke", "--serial", serial],
            &[("--local-ca", &local_ca)],
        )
    };
    let stdout = succeeded(&revoke(&serial));
    assert!(stdout.contains("client_crls"), "{stdout}");
    let crl = std::fs::read_to_string(local_ca.join("crl.pem")).unwrap();
    assert!(crl.starts_with("-----BEGIN X509 CRL-----"), "{crl}");
    assert!(failed(&revoke("zz")).contains("is not 1 to 20 bytes of hex"));

    // A directory holding no CA: refused, and no CA made there.
    let nowhere = dir.path().join("no-ca");
    let stderr = failed(&node(
        &["local-ca", "issue", "--name", "x"],
        &[("--local-ca", &nowhere), ("--out", &certs)],
    ));
    assert!(
        stderr.contains("--local-ca:") && stderr.contains("ca.pem"),
        "{stderr}"
    );
    assert!(!nowhere.exists());

    // On loopback the local API stays plain, unless --local-tls asks.
    for (flag, tls) in [(None, false), (Some("--local-tls"), true)] {
        let etc = dir.path().join(format!("loopback-{tls}"));
        let mut args = vec!["init", "--country", "KHM"];
        args.extend(flag);
        succeeded(&node(&args, &[("--dir", &etc), ("--ca", &ca)]));
        let config = liaison_node::Config::load(&etc.join("liaison.toml")).unwrap();
        assert_eq!(config.local_tls.is_some(), tls, "{flag:?}");
    }
}
