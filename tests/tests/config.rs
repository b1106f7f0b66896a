//! Configuration files are validated before anything binds: every mistake
//! is reported with the file, the key and what is wrong.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use liaison_node::config::{Config, ConfigError};
use liaison_node::devnet;
use liaison_tests::country;
use toml::{Table, Value};

/// A valid two-node setup; returns the directory and THA's config path.
fn valid_config() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let planned = devnet::plan(dir.path(), &[country("THA"), country("KHM")]).unwrap();
    let path = planned[0].node.config_path.clone();
    (dir, path)
}

fn table(path: &Path) -> Table {
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

/// Writes `edit`ed config next to the original and loads it.
fn load_edited(path: &Path, edit: impl FnOnce(&mut Table)) -> (PathBuf, ConfigError) {
    let mut config = table(path);
    edit(&mut config);
    let edited = path.with_file_name("edited.toml");
    std::fs::write(&edited, toml::to_string(&config).unwrap()).unwrap();
    let error = Config::load(&edited).expect_err("edited config must be refused");
    (edited, error)
}

/// Adds the `[local_tls]` the generator's files allow, checking client
/// certificates against the local CA.
fn with_client_ca(config: &mut Table) {
    let mut tls = Table::new();
    tls.insert("cert".into(), "local-tls/node.pem".into());
    tls.insert("key".into(), "local-tls/node.key".into());
    tls.insert("client_ca".into(), "local-tls/ca.pem".into());
    config.insert("local_tls".into(), Value::Table(tls));
}

fn section<'a>(config: &'a mut Table, name: &str) -> &'a mut Table {
    config.get_mut(name).and_then(Value::as_table_mut).unwrap()
}

fn entry<'a>(config: &'a mut Table, list: &str, i: usize) -> &'a mut Table {
    config
        .get_mut(list)
        .and_then(Value::as_array_mut)
        .and_then(|a| a.get_mut(i))
        .and_then(Value::as_table_mut)
        .unwrap()
}

#[test]
fn the_generated_config_is_valid() {
    let (_dir, path) = valid_config();
    let config = Config::load(&path).unwrap();
    assert_eq!(config.country, country("THA"));
    assert_eq!(config.peers.len(), 1);
    assert_eq!(config.agencies.len(), 3);
    assert_eq!(config.accounts.iter().count(), 6);
}

#[test]
fn each_mistake_names_the_file_and_key() {
    let (_dir, path) = valid_config();
    type Edit = Box<dyn FnOnce(&mut Table)>;
    let cases: Vec<(&str, Edit, &str)> = vec![
        (
            "missing key",
            Box::new(|c| {
                section(c, "node").remove("country");
            }),
            "node.country",
        ),
        (
            "misspelt key",
            Box::new(|c| {
                section(c, "node").insert("contry".into(), "THA".into());
            }),
            "node.contry",
        ),
        (
            "bad country",
            Box::new(|c| {
                section(c, "node").insert("country".into(), "Thailand".into());
            }),
            "node.country",
        ),
        (
            "bad listen address",
            Box::new(|c| {
                section(c, "node").insert("federation_listen".into(), "nowhere".into());
            }),
            "node.federation_listen",
        ),
        (
            "public local API",
            Box::new(|c| {
                section(c, "node").insert("local_listen".into(), "0.0.0.0:7401".into());
            }),
            "node.local_listen",
        ),
        (
            "bad metrics address",
            Box::new(|c| {
                section(c, "node").insert("metrics_listen".into(), "localhost:metrics".into());
            }),
            "node.metrics_listen",
        ),
        (
            "no wait at all between delivery attempts",
            Box::new(|c| {
                section(c, "node").insert("delivery_retry_max_secs".into(), Value::Integer(0));
            }),
            "node.delivery_retry_max_secs",
        ),
        (
            "no retention at all",
            Box::new(|c| {
                section(c, "node").insert("retention_days".into(), Value::Integer(0));
            }),
            "node.retention_days",
        ),
        (
            "retention beyond ten years",
            Box::new(|c| {
                section(c, "node").insert("retention_days".into(), Value::Integer(4000));
            }),
            "node.retention_days",
        ),
        (
            "missing key file",
            Box::new(|c| {
                section(c, "node").insert("signing_key".into(), "absent.pem".into());
            }),
            "node.signing_key",
        ),
        (
            "key file is not a key",
            Box::new(|c| {
                section(c, "node").insert("signing_key".into(), "tls/ca.pem".into());
            }),
            "node.signing_key",
        ),
        (
            "CA file is not a certificate",
            Box::new(|c| {
                section(c, "tls").insert("ca".into(), "signing-key.pem".into());
            }),
            "tls.ca",
        ),
        (
            "wrong type",
            Box::new(|c| {
                section(c, "tls").insert("cert".into(), Value::Integer(3));
            }),
            "tls.cert",
        ),
        (
            "bad endpoint",
            Box::new(|c| {
                entry(c, "peers", 0).insert("endpoint".into(), "ftp://khm".into());
            }),
            "peers[0].endpoint",
        ),
        (
            "bad peer key",
            Box::new(|c| {
                entry(c, "peers", 0)
                    .insert("signing_keys".into(), Value::Array(vec!["abc".into()]));
            }),
            "peers[0].signing_keys[0]",
        ),
        (
            "no peer key",
            Box::new(|c| {
                entry(c, "peers", 0).insert("signing_keys".into(), Value::Array(vec![]));
            }),
            "peers[0].signing_keys",
        ),
        (
            "self as peer",
            Box::new(|c| {
                entry(c, "peers", 0).insert("country".into(), "THA".into());
            }),
            "peers[0].country",
        ),
        (
            "bad TLS name",
            Box::new(|c| {
                entry(c, "peers", 0).insert("tls_name".into(), "not a name".into());
            }),
            "peers[0].tls_name",
        ),
        (
            "duplicate peer",
            Box::new(|c| {
                let peer = c["peers"].as_array().unwrap()[0].clone();
                c.get_mut("peers")
                    .and_then(Value::as_array_mut)
                    .unwrap()
                    .push(peer);
            }),
            "peers[1].country",
        ),
        (
            "unknown category",
            Box::new(|c| {
                entry(c, "agencies", 0)
                    .insert("categories".into(), Value::Array(vec!["PHONE".into()]));
            }),
            "agencies[0].categories[0]",
        ),
        (
            "category routed twice",
            Box::new(|c| {
                entry(c, "agencies", 1).insert(
                    "categories".into(),
                    Value::Array(vec!["PHONE_CHECK".into()]),
                );
            }),
            "agencies[1].categories[0]",
        ),
        (
            "bad agency name",
            Box::new(|c| {
                entry(c, "agencies", 0).insert("name".into(), "Police Unit".into());
            }),
            "agencies[0].name",
        ),
        (
            "role for unknown agency",
            Box::new(|c| {
                entry(c, "users", 0).insert("role".into(), "agency:customs".into());
            }),
            "users[0].role",
        ),
        (
            "unknown role",
            Box::new(|c| {
                entry(c, "users", 0).insert("role".into(), "superuser".into());
            }),
            "users[0].role",
        ),
        (
            "bad token hash",
            Box::new(|c| {
                entry(c, "users", 0).insert("token_sha256".into(), "xyz".into());
            }),
            "users[0].token_sha256",
        ),
        (
            "shared token",
            Box::new(|c| {
                let hash = c["users"].as_array().unwrap()[0]["token_sha256"].clone();
                entry(c, "users", 1).insert("token_sha256".into(), hash);
            }),
            "users[1].token_sha256",
        ),
        (
            "neither token nor certificate",
            Box::new(|c| {
                entry(c, "users", 0).remove("token_sha256");
            }),
            "users[0].token_sha256",
        ),
        (
            "certificate subject without a client CA",
            Box::new(|c| {
                entry(c, "users", 0).insert("certificate_subject".into(), "CN=cms".into());
            }),
            "users[0].certificate_subject",
        ),
        (
            "malformed certificate subject",
            Box::new(|c| {
                with_client_ca(c);
                entry(c, "users", 0).insert("certificate_subject".into(), "cms".into());
            }),
            "users[0].certificate_subject",
        ),
        (
            "shared certificate subject",
            Box::new(|c| {
                with_client_ca(c);
                entry(c, "users", 0).insert("certificate_subject".into(), "CN=cms".into());
                entry(c, "users", 1).insert("certificate_subject".into(), "cn=cms".into());
            }),
            "users[1].certificate_subject",
        ),
        (
            "revocation lists without a client CA",
            Box::new(|c| {
                with_client_ca(c);
                section(c, "local_tls").remove("client_ca");
                section(c, "local_tls").insert(
                    "client_crls".into(),
                    Value::Array(vec!["local-tls/crl.pem".into()]),
                );
            }),
            "local_tls.client_crls",
        ),
        (
            "a revocation list that is a certificate",
            Box::new(|c| {
                with_client_ca(c);
                section(c, "local_tls").insert(
                    "client_crls".into(),
                    Value::Array(vec!["local-tls/ca.pem".into()]),
                );
            }),
            "local_tls.client_crls[0]",
        ),
        (
            "client CA that is no certificate",
            Box::new(|c| {
                with_client_ca(c);
                section(c, "local_tls").insert("client_ca".into(), "liaison.toml".into());
            }),
            "local_tls.client_ca",
        ),
        (
            "two agencies protecting victims",
            Box::new(|c| {
                entry(c, "agencies", 0).insert("victim_protection".into(), true.into());
                entry(c, "agencies", 2).insert("victim_protection".into(), true.into());
            }),
            "agencies[2].victim_protection",
        ),
        (
            "more subjects than the protocol carries",
            Box::new(|c| {
                section(c, "node").insert("max_subjects".into(), 51.into());
            }),
            "node.max_subjects",
        ),
        (
            "no lockout",
            Box::new(|c| {
                c.insert("local_auth".into(), Value::Table(Table::new()));
                section(c, "local_auth").insert("max_failures".into(), 0.into());
            }),
            "local_auth.max_failures",
        ),
        (
            "endless lockout",
            Box::new(|c| {
                c.insert("local_auth".into(), Value::Table(Table::new()));
                section(c, "local_auth").insert("lockout_secs".into(), 10_000_000.into());
            }),
            "local_auth.lockout_secs",
        ),
    ];
    for (what, edit, key) in cases {
        let (file, error) = load_edited(&path, edit);
        assert_eq!(error.key, key, "{what}: {error}");
        assert_eq!(error.file, file, "{what}");
        let shown = error.to_string();
        assert!(
            shown.contains("edited.toml") && shown.contains(key),
            "{what}: {shown}"
        );
        assert!(!error.problem.is_empty(), "{what}");
    }
}

#[test]
fn syntax_errors_name_the_file_and_line() {
    let (_dir, path) = valid_config();
    let broken = path.with_file_name("broken.toml");
    std::fs::write(&broken, "[node]\ncountry = \"THA\n").unwrap();
    let error = Config::load(&broken).unwrap_err();
    assert_eq!(error.file, broken);
    assert!(error.problem.contains("line 2"), "{error}");

    let missing = Config::load(&path.with_file_name("absent.toml")).unwrap_err();
    assert!(missing.to_string().contains("absent.toml"), "{missing}");
}

#[test]
fn agreement_mistakes_name_the_file_the_peer_and_the_rule() {
    let (dir, path) = valid_config();
    let agreement_path = dir.path().join("tha/agreements/khm.toml");
    let original = std::fs::read_to_string(&agreement_path).unwrap();

    std::fs::write(
        &agreement_path,
        original.replacen("\"subscriber_name\"", "\"shoe_size\"", 1),
    )
    .unwrap();
    let error = Config::load(&path).unwrap_err();
    assert_eq!(error.file, agreement_path);
    assert!(
        error.key.starts_with("rules[") && error.key.contains("].release["),
        "{error}"
    );
    assert!(error.problem.contains("agreement with KHM"), "{error}");
    assert!(
        error
            .problem
            .contains("`shoe_size` is not a response field of PHONE_CHECK"),
        "{error}"
    );

    std::fs::write(
        &agreement_path,
        original.replacen("retention_days = 365", "retention_days = 0", 1),
    )
    .unwrap();
    let error = Config::load(&path).unwrap_err();
    assert_eq!(error.key, "rules[0].retention_days", "{error}");

    std::fs::write(
        &agreement_path,
        original.replacen("version = 1", "version = \"one\"", 1),
    )
    .unwrap();
    let error = Config::load(&path).unwrap_err();
    assert_eq!(
        (error.file.as_path(), error.key.as_str()),
        (agreement_path.as_path(), "version"),
        "{error}"
    );

    std::fs::write(&agreement_path, &original).unwrap();
    Config::load(&path).unwrap();

    // Inline and from a file at once is ambiguous.
    let (_, error) = load_edited(&path, |c| {
        let inline: Table = original.parse().unwrap();
        entry(c, "peers", 0).insert("agreement".into(), Value::Table(inline));
    });
    assert_eq!(error.key, "peers[0].agreement", "{error}");

    // An inline agreement is checked the same way, under the peer's key.
    let (file, error) = load_edited(&path, |c| {
        let mut inline: Table = original.parse().unwrap();
        inline.insert(
            "parties".into(),
            Value::Array(vec!["THA".into(), "VNM".into()]),
        );
        let peer = entry(c, "peers", 0);
        peer.remove("agreement_file");
        peer.insert("agreement".into(), Value::Table(inline));
    });
    assert_eq!(error.file, file);
    assert_eq!(error.key, "peers[0].agreement.parties", "{error}");
    assert!(error.problem.contains("agreement with KHM"), "{error}");
}
