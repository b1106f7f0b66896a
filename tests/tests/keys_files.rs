//! Private key files as an operator meets them: every one Liaison writes is
//! readable by its owner only (mode 0600); a node refuses a key file that
//! group or others can read, naming the file and the fix; and the signing
//! key is the standard PKCS#8 form that OpenSSL (and, where installed,
//! Python's `cryptography`) reads and writes.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use ed25519_dalek::{Signer as _, SigningKey};
use liaison_node::config::{Config, ConfigError};
use liaison_node::devnet::{self, NodeAddresses};
use liaison_node::pki;
use liaison_tests::country;

/// The DER of an Ed25519 public key (RFC 8410 section 4) is these 12 bytes
/// followed by the 32-byte key.
const SPKI_PREFIX: [u8; 12] = [
    0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
];

/// The DER of an Ed25519 private key (RFC 8410 section 7, PKCS#8 v1) is
/// these 16 bytes followed by the 32-byte seed.
const PKCS8_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

/// Writes a two-country federation's files (as `liaison-node federation`
/// does) without binding anything; returns the directory and THA's
/// configuration.
fn federation_files() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let nodes: Vec<NodeAddresses> = ["THA", "KHM"]
        .iter()
        .map(|code| NodeAddresses {
            country: country(code),
            federation_listen: "127.0.0.1:0".into(),
            local_listen: "127.0.0.1:0".into(),
            metrics_listen: None,
            console_listen: None,
            endpoint: format!("https://{}.liaison:7400", code.to_ascii_lowercase()),
        })
        .collect();
    let created = devnet::create(dir.path(), &nodes, &devnet::open_agreements).unwrap();
    let config = created[0].config_path.clone();
    (dir, config)
}

fn mode_of(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn every_private_key_and_token_liaison_writes_is_owner_only() {
    let (dir, _) = federation_files();
    let mut secrets = vec![dir.path().join("ca/ca.key")];
    for node in ["tha", "khm"] {
        let node = dir.path().join(node);
        secrets.push(node.join("signing-key.pem"));
        secrets.push(node.join("tls/node.key"));
        for token in std::fs::read_dir(node.join("tokens")).unwrap() {
            secrets.push(token.unwrap().path());
        }
    }
    assert_eq!(secrets.len(), 1 + 2 * (2 + 6));
    for path in &secrets {
        assert_eq!(mode_of(path), 0o600, "{}", path.display());
    }
    // Public material stays readable: peers and auditors are given it.
    assert_ne!(mode_of(&dir.path().join("tha/signing-key.pub")) & 0o044, 0);
}

/// Loads `config` and returns the refusal, which must name `key`.
fn refusal(config: &Path, key: &str) -> ConfigError {
    let error = Config::load(config).expect_err("the configuration must be refused");
    assert_eq!(error.file, config);
    assert_eq!(error.key, key, "{error}");
    error
}

#[test]
fn a_key_file_group_or_others_can_read_is_refused_naming_the_file_and_the_fix() {
    let (dir, config) = federation_files();
    let node = dir.path().join("tha");
    Config::load(&config).unwrap();
    for (key, file) in [
        ("node.signing_key", node.join("signing-key.pem")),
        ("tls.key", node.join("tls/node.key")),
    ] {
        set_mode(&file, 0o644);
        let error = refusal(&config, key);
        assert_eq!(
            error.problem,
            format!(
                "`{0}` is readable by group or others (mode 0644); run `chmod 600 {0}`",
                file.display()
            )
        );
        // The whole message, as the operator sees it, names both files.
        let shown = error.to_string();
        assert!(shown.starts_with(&config.display().to_string()), "{shown}");
        for mode in [0o640, 0o604, 0o660, 0o620] {
            set_mode(&file, mode);
            let error = refusal(&config, key);
            assert!(
                error.problem.contains(&format!("(mode {mode:04o})")),
                "{error}"
            );
            assert!(
                error
                    .problem
                    .contains(&format!("run `chmod 600 {}`", file.display())),
                "{error}"
            );
        }
        // The fix it names is enough.
        set_mode(&file, 0o600);
        Config::load(&config).unwrap();
        set_mode(&file, 0o400);
        Config::load(&config).unwrap();
    }
}

#[test]
fn a_signing_key_in_the_earlier_form_still_loads() {
    let (dir, config) = federation_files();
    let path = dir.path().join("tha/signing-key.pem");
    let key = pki::decode_signing_key(&std::fs::read_to_string(&path).unwrap()).unwrap();
    // What earlier versions wrote: ed25519-dalek's PKCS#8 v2, public key attached.
    let old = ed25519_dalek::pkcs8::EncodePrivateKey::to_pkcs8_pem(
        &key,
        ed25519_dalek::pkcs8::spki::der::pem::LineEnding::LF,
    )
    .unwrap();
    assert_ne!(old.as_str(), std::fs::read_to_string(&path).unwrap());
    pki::write_secret(&path, &old).unwrap();
    let loaded = Config::load(&config).unwrap();
    assert_eq!(loaded.signer.verifying_key(), key.verifying_key());
}

fn run(command: &mut Command) -> Output {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// Whether the `openssl` command is installed.
fn openssl_present() -> bool {
    Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The raw public key `openssl` derives from the private key file `path`.
fn openssl_public_key(path: &Path) -> [u8; 32] {
    let der = run(Command::new("openssl")
        .args(["pkey", "-pubout", "-outform", "DER", "-in"])
        .arg(path))
    .stdout;
    assert_eq!(der.len(), 44, "{der:02x?}");
    assert_eq!(der[..12], SPKI_PREFIX);
    der[12..].try_into().unwrap()
}

#[test]
fn openssl_reads_the_keys_liaison_writes_and_liaison_reads_those_openssl_writes() {
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("liaison.pem");
    let key = pki::generate_signing_key().unwrap();
    pki::write_signing_key(&ours, &key).unwrap();

    // Whatever is installed, the file holds RFC 8410's 48-byte structure.
    let text = std::fs::read_to_string(&ours).unwrap();
    let (label, der) = ed25519_dalek::pkcs8::SecretDocument::from_pem(&text).unwrap();
    assert_eq!(label, "PRIVATE KEY");
    assert_eq!(der.as_bytes().len(), 48);
    assert_eq!(der.as_bytes()[..16], PKCS8_PREFIX);
    assert_eq!(der.as_bytes()[16..], key.to_bytes());

    if !openssl_present() {
        eprintln!(
            "openssl is not installed: checked the key's DER against RFC 8410 only, \
             not against OpenSSL"
        );
        return;
    }

    // Liaison writes, OpenSSL reads: the same public key, and a signature
    // OpenSSL makes with the file verifies under Liaison's public key.
    run(Command::new("openssl")
        .args(["pkey", "-noout", "-in"])
        .arg(&ours));
    assert_eq!(openssl_public_key(&ours), key.verifying_key().to_bytes());
    let message = dir.path().join("message");
    std::fs::write(&message, b"liaison.v1.envelope interoperability").unwrap();
    let signature = dir.path().join("signature");
    run(Command::new("openssl")
        .args(["pkeyutl", "-sign", "-rawin", "-inkey"])
        .arg(&ours)
        .arg("-in")
        .arg(&message)
        .arg("-out")
        .arg(&signature));
    let signature =
        ed25519_dalek::Signature::from_slice(&std::fs::read(&signature).unwrap()).unwrap();
    key.verifying_key()
        .verify_strict(b"liaison.v1.envelope interoperability", &signature)
        .unwrap();
    assert_eq!(signature, key.sign(b"liaison.v1.envelope interoperability"));

    // OpenSSL writes, Liaison reads, and a node runs with it.
    let (federation, config) = federation_files();
    let theirs = federation.path().join("tha/openssl-key.pem");
    run(Command::new("openssl")
        .args(["genpkey", "-algorithm", "ed25519", "-out"])
        .arg(&theirs));
    let expected = openssl_public_key(&theirs);
    let loaded: SigningKey =
        pki::decode_signing_key(&std::fs::read_to_string(&theirs).unwrap()).unwrap();
    assert_eq!(loaded.verifying_key().to_bytes(), expected);
    let text = std::fs::read_to_string(&config).unwrap().replacen(
        "signing_key = \"signing-key.pem\"",
        "signing_key = \"openssl-key.pem\"",
        1,
    );
    std::fs::write(&config, text).unwrap();
    // OpenSSL, too, writes private keys readable by their owner only.
    assert_eq!(mode_of(&theirs), 0o600);
    let node = Config::load(&config).unwrap();
    assert_eq!(node.signer.verifying_key().to_bytes(), expected);
}

/// A Python with the `cryptography` package: the test venv's if it has one,
/// else the machine's `python3`.
fn python_with_cryptography() -> Option<PathBuf> {
    let venv = liaison_tests::repository().join("target/python-venv/bin/python");
    [venv, PathBuf::from("python3")].into_iter().find(|python| {
        Command::new(python)
            .args(["-c", "import cryptography"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn python_cryptography_reads_the_keys_liaison_writes() {
    let Some(python) = python_with_cryptography() else {
        eprintln!(
            "no Python with the `cryptography` package: OpenSSL and the DER check \
             (the test above) cover the key format"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liaison.pem");
    let key = pki::generate_signing_key().unwrap();
    pki::write_signing_key(&path, &key).unwrap();
    let script = "import sys\n\
        from cryptography.hazmat.primitives import serialization as s\n\
        key = s.load_pem_private_key(open(sys.argv[1], 'rb').read(), None)\n\
        print(key.public_key().public_bytes(s.Encoding.Raw, s.PublicFormat.Raw).hex())\n";
    let output = run(Command::new(&python).args(["-c", script]).arg(&path));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        hex::encode(key.verifying_key().as_bytes())
    );
}
