//! The example configurations in `deploy/` load: a five-country federation
//! whose nodes list each other's real public keys and hold identical
//! copies of each agreement, the deny-by-default one `liaison-node
//! federation` writes. Private keys are never committed, so the test
//! supplies fresh ones where the configurations expect them.

use std::path::{Path, PathBuf};

use liaison_node::Config;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/examples/five-countries")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("directory created");
    for entry in std::fs::read_dir(from).expect("example directory readable") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("file copied");
        }
    }
}

#[test]
fn the_five_country_examples_load_and_agree_with_each_other() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&examples(), dir.path());
    let countries = ["tha", "khm", "vnm", "lao", "mmr"];
    for country in countries {
        let node = dir.path().join(country);
        // What `liaison-node federation` would have written beside them.
        assert!(
            !node.join("signing-key.pem").exists(),
            "a private key is committed"
        );
        assert!(
            !node.join("tls/node.key").exists(),
            "a private key is committed"
        );
        let signing = liaison_node::pki::generate_signing_key().expect("key");
        liaison_node::pki::write_signing_key(&node.join("signing-key.pem"), &signing)
            .expect("written");
        let tls = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).expect("key");
        liaison_node::pki::write_secret(&node.join("tls/node.key"), &tls.serialize_pem())
            .expect("written");
    }
    let configs: Vec<Config> = countries
        .iter()
        .map(|c| {
            let path = dir.path().join(c).join("liaison.toml");
            Config::load(&path).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    for config in &configs {
        assert_eq!(config.peers.len(), 4, "{} peers", config.country);
        assert!(
            config.metrics_listen.is_some(),
            "{} has no metrics",
            config.country
        );
        for (peer, entry) in &config.peers {
            let lower = peer.as_str().to_ascii_lowercase();
            // The key listed for each peer is the one that peer publishes.
            let published =
                std::fs::read_to_string(dir.path().join(&lower).join("signing-key.pub"))
                    .expect("public key committed");
            let listed: Vec<String> = entry
                .keys
                .values()
                .map(liaison_node::config::encode_public_key)
                .collect();
            assert_eq!(
                listed,
                vec![published.trim().to_string()],
                "{} lists for {peer}",
                config.country
            );
            assert_eq!(
                entry.endpoint,
                format!("https://{lower}.liaison.internal:7400")
            );
            // Both sides hold the same agreement.
            let other = configs
                .iter()
                .find(|c| c.country == *peer)
                .expect("peer configured");
            let mine = entry.agreement.as_ref().expect("agreement");
            let theirs = other.peers[&config.country]
                .agreement
                .as_ref()
                .expect("agreement");
            assert_eq!(mine.hash, theirs.hash, "{}-{peer}", config.country);
            // And it is what `liaison-node federation` writes today.
            let file = dir
                .path()
                .join(config.country.as_str().to_ascii_lowercase())
                .join(format!("agreements/{lower}.toml"));
            assert_eq!(
                std::fs::read_to_string(&file).expect("agreement committed"),
                liaison_node::devnet::starter_agreement_text(config.country, *peer),
                "{}",
                file.display()
            );
        }
    }
}

/// The compose file, Prometheus configuration, alert rules, Dockerfile and
/// Kubernetes manifest parse and hold what deploy/README.md describes.
#[test]
fn the_container_and_kubernetes_files_parse_and_hold_the_federation() {
    let output = std::process::Command::new(liaison_tests::python())
        .arg(liaison_tests::repository().join("tests/python/check_deploy.py"))
        .arg(liaison_tests::repository().join("deploy"))
        .output()
        .expect("the check runs");
    assert!(
        output.status.success() && output.stdout.starts_with(b"deploy ok"),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
