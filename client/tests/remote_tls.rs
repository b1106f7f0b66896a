//! The local API over TLS, from another address: a node whose local
//! listener is on 127.0.0.2 with `[local_tls]` (a certificate from a local
//! CA, not the federation CA), reached by the `liaison` command line.

#![allow(clippy::unwrap_used)]

mod common;

use std::io::{Read as _, Write as _};
use std::path::Path;

use common::{at_home, bare, stderr, stdout};
use liaison_node::config::Config;
use liaison_node::devnet;
use liaison_node::pki::{FederationCa, write_file, write_secret};
use liaison_node::server;

/// `liaison peers` against `node` with the admin token of the node in `dir`.
fn peers(dir: &Path, node: &str, ca: Option<&Path>) -> std::process::Output {
    let mut command = bare();
    command
        .args(["--node", node, "--token-file"])
        .arg(dir.join("tokens/admin.token"));
    if let Some(ca) = ca {
        command.arg("--ca").arg(ca);
    }
    command.arg("peers").output().unwrap()
}

/// Rewrites the node's config at `path`: `local_listen` set to `listen`,
/// and a `[local_tls]` section naming `tls/local.pem` and `tls/local.key`
/// if `tls`.
fn reconfigure(path: &Path, listen: &str, tls: bool) {
    let text = std::fs::read_to_string(path).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("local_listen"))
        .unwrap()
        .to_string();
    let mut text = text.replace(&line, &format!("local_listen = \"{listen}\""));
    if tls {
        text.push_str("\n[local_tls]\ncert = \"tls/local.pem\"\nkey = \"tls/local.key\"\n");
    }
    std::fs::write(path, text).unwrap();
}

/// A TLS handshake with the node at `address` trusting `ca_pem`, offering
/// only `versions` and `h2`: the version and protocol agreed on.
async fn handshake(
    address: std::net::SocketAddr,
    ca_pem: &str,
    versions: &[&'static rustls::SupportedProtocolVersion],
) -> std::io::Result<(Option<rustls::ProtocolVersion>, Option<Vec<u8>>)> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject as _;
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_slice_iter(ca_pem.as_bytes()) {
        roots.add(cert.unwrap()).unwrap();
    }
    let mut config = rustls::ClientConfig::builder_with_provider(std::sync::Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_protocol_versions(versions)
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec()];
    let connector = tokio_rustls::TlsConnector::from(std::sync::Arc::new(config));
    let tcp = tokio::net::TcpStream::connect(address).await?;
    let name = rustls::pki_types::ServerName::try_from(address.ip().to_string()).unwrap();
    let tls = connector.connect(name, tcp).await?;
    let (_, session) = tls.get_ref();
    Ok((
        session.protocol_version(),
        session.alpn_protocol().map(<[u8]>::to_vec),
    ))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_line_reaches_a_node_over_tls_on_another_address() {
    let root = tempfile::tempdir().unwrap();
    let mut planned = devnet::plan(root.path(), &["THA".parse().unwrap()]).unwrap();
    let devnet::PlannedNode {
        node: plan,
        mut listeners,
    } = planned.remove(0);
    // The local API on 127.0.0.2, with a certificate for that address from
    // a local CA.
    listeners.local = std::net::TcpListener::bind("127.0.0.2:0").unwrap();
    let local = listeners.local.local_addr().unwrap();
    let local_ca = FederationCa::generate("THA local CA").unwrap();
    let (cert, key) = local_ca.issue("127.0.0.2").unwrap();
    write_file(&plan.dir.join("tls/local.pem"), &cert).unwrap();
    write_secret(&plan.dir.join("tls/local.key"), &key).unwrap();
    let ca_path = root.path().join("local-ca.pem");
    write_file(&ca_path, local_ca.cert_pem()).unwrap();
    reconfigure(&plan.config_path, &local.to_string(), true);
    let config = Config::load(&plan.config_path).unwrap();
    let running = server::start(config, listeners).await.unwrap();
    let node = format!("https://{local}");

    // With the local CA: the command works.
    let output = peers(&plan.dir, &node, Some(&ca_path));
    assert!(output.status.success(), "{}", stderr(&output));

    // `login` stores the node and its CA, given relative to the working
    // directory, as an absolute path: later commands, from anywhere, need
    // no --node, --ca or token.
    let home = root.path().join("home");
    let output = at_home(&home)
        .current_dir(root.path())
        .args([
            "--node",
            &node,
            "--ca",
            "local-ca.pem",
            "login",
            "--token-file",
        ])
        .arg(plan.dir.join("tokens/admin.token"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let stored: toml::Table = std::fs::read_to_string(home.join(".config/liaison/config.toml"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(stored["node"].as_str(), Some(node.as_str()));
    let stored_ca = Path::new(stored["ca"].as_str().unwrap());
    assert!(stored_ca.is_absolute(), "{stored_ca:?}");
    assert_eq!(
        stored_ca.canonicalize().unwrap(),
        ca_path.canonicalize().unwrap()
    );
    let output = at_home(&home).arg("peers").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));

    // TLS 1.3 with HTTP/2 is what the node speaks; a client offering only
    // TLS 1.2 is refused in the handshake.
    let agreed = handshake(local, local_ca.cert_pem(), &[&rustls::version::TLS13])
        .await
        .unwrap();
    assert_eq!(
        agreed,
        (Some(rustls::ProtocolVersion::TLSv1_3), Some(b"h2".to_vec()))
    );
    let refused = handshake(local, local_ca.cert_pem(), &[&rustls::version::TLS12]).await;
    assert!(refused.is_err(), "a TLS 1.2 client got {refused:?}");

    // Without it: told to give it, nothing sent.
    let output = peers(&plan.dir, &node, None);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("give the node's local CA"),
        "{}",
        stderr(&output)
    );

    // A CA that did not issue the node's certificate (the federation CA):
    // refused by the client's TLS, one sentence.
    let output = peers(&plan.dir, &node, Some(&plan.dir.join("tls/ca.pem")));
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("no node answers at"), "{text}");

    // Plain HTTP against the TLS port: no gRPC answer at all.
    let output = peers(&plan.dir, &format!("http://{local}"), None);
    assert_eq!(output.status.code(), Some(1));
    assert!(!output.status.success(), "{}", stdout(&output));

    // A raw plain-text HTTP/2 preface gets no HTTP/2 back: the server
    // answers with a TLS alert or closes.
    let mut stream = std::net::TcpStream::connect(local).unwrap();
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    stream
        .write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
        .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    assert!(
        answer.is_empty() || answer[0] == 0x15,
        "plain text got an answer other than a TLS alert: {answer:?}"
    );

    running.shutdown().await.unwrap();
}

#[test]
fn a_local_api_off_loopback_without_tls_is_refused_naming_the_fix() {
    let root = tempfile::tempdir().unwrap();
    let planned = devnet::plan(root.path(), &["THA".parse().unwrap()]).unwrap();
    let plan = &planned[0].node;
    reconfigure(&plan.config_path, "10.1.2.3:7401", false);
    let error = Config::load(&plan.config_path).unwrap_err();
    assert_eq!(error.key, "node.local_listen");
    assert!(
        error.problem.contains("add a [local_tls] section"),
        "{}",
        error.problem
    );

    // A key that does not go with the certificate is refused at load.
    let local_ca = FederationCa::generate("THA local CA").unwrap();
    let (cert, _) = local_ca.issue("127.0.0.2").unwrap();
    let (_, other_key) = local_ca.issue("127.0.0.3").unwrap();
    write_file(&plan.dir.join("tls/local.pem"), &cert).unwrap();
    write_secret(&plan.dir.join("tls/local.key"), &other_key).unwrap();
    reconfigure(&plan.config_path, "10.1.2.3:7401", true);
    let error = Config::load(&plan.config_path).unwrap_err();
    assert_eq!(error.key, "local_tls.key");
    assert!(
        error.problem.contains("does not go with the certificate"),
        "{}",
        error.problem
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agency_system_uses_the_command_line_with_its_client_certificate() {
    let users = "\n[[users]]\nname = \"police-cms\"\nrole = \"agency:police\"\n\
                 certificate_subject = \"CN=police-cms,O=Royal Thai Police\"\n";
    let federation = liaison_tests::local_api::start_tls(&["THA"], "127.0.0.2", users).await;
    let node = federation.node("THA");
    let url = liaison_tests::local_api::url(node);
    let ca = node.dir.join("local-tls/ca.pem");
    let cms =
        liaison_tests::local_api::client_certificate(node, "police-cms", Some("Royal Thai Police"));
    let dir = federation.dir.path();
    let cert = dir.join("police-cms.pem");
    let key = dir.join("police-cms.key");
    write_file(&cert, &cms.cert_pem).unwrap();
    write_secret(&key, &cms.key_pem).unwrap();
    let inbox = |extra: &[&std::ffi::OsStr]| {
        let mut command = bare();
        command
            .args(["--node", &url, "--ca"])
            .arg(&ca)
            .args(extra)
            .args(["--json", "agency", "inbox"]);
        command.output().unwrap()
    };

    // The certificate alone names the police's case system: no token.
    let output = inbox(&[
        "--cert".as_ref(),
        cert.as_os_str(),
        "--key".as_ref(),
        key.as_os_str(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    // The same through the environment.
    let output = bare()
        .args(["--node", &url, "--ca"])
        .arg(&ca)
        .env("LIAISON_CERT", &cert)
        .env("LIAISON_KEY", &key)
        .args(["agency", "inbox"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));

    // Without it and without a token: told to give a token, nothing sent.
    let output = inbox(&[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("token"), "{}", stderr(&output));
    // A certificate without its key, and the other way round.
    let output = inbox(&["--cert".as_ref(), cert.as_os_str()]);
    assert!(
        stderr(&output).contains("\"field\":\"--key\""),
        "{}",
        stderr(&output)
    );
    let output = inbox(&["--key".as_ref(), key.as_os_str()]);
    assert!(
        stderr(&output).contains("\"field\":\"--cert\""),
        "{}",
        stderr(&output)
    );
    // A key others can read is refused before anything is sent.
    let open_key = dir.join("open.key");
    std::fs::write(&open_key, &cms.key_pem).unwrap();
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&open_key, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let output = inbox(&[
        "--cert".as_ref(),
        cert.as_os_str(),
        "--key".as_ref(),
        open_key.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains("chmod 600") && text.contains("\"field\":\"--key\""),
        "{text}"
    );
    // A certificate over plain http:// makes no sense: refused, naming it.
    let output = bare()
        .args(["--node", &format!("http://{}", node.local_addr)])
        .arg("--cert")
        .arg(&cert)
        .arg("--key")
        .arg(&key)
        .args(["--json", "agency", "inbox"])
        .output()
        .unwrap();
    assert!(
        stderr(&output).contains("\"field\":\"--cert\""),
        "{}",
        stderr(&output)
    );

    // The node saw two calls by police-cms and refused nothing: every
    // refusal above was the command line's own.
    let refused = liaison_tests::refused_calls(&federation, "THA");
    assert!(refused.is_empty(), "{refused:?}");
    federation.shutdown().await;
}
