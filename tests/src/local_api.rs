//! The local API as agency systems reach it from other machines: nodes
//! whose local listener serves TLS on another loopback address (e.g.
//! 127.0.0.2), with a local CA of their own (apart from the federation CA
//! and from the node's directory) that also issues client certificates;
//! channels to them with or without a client certificate; and plain
//! channels from a chosen source address, for per-address limits.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

use liaison_proto::domain::CountryCode;

use liaison_node::devnet;
use liaison_node::pki::local_ca::{Issued, LocalCa};
use liaison_node::pki::{write_file, write_secret};
use time::{Duration, OffsetDateTime};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint, Identity};

use crate::{TestFederation, TestNode};

/// Where the federation generator put the local CA of the node in
/// `node_dir`: beside the federation CA, outside the node's directory.
pub fn local_ca_dir(node_dir: &Path, country: CountryCode) -> PathBuf {
    liaison_node::pki::local_ca_dir(node_dir.parent().unwrap_or(node_dir), country)
}

/// The local CA of `node`.
pub fn local_ca(node: &TestNode) -> LocalCa {
    LocalCa::load_or_create(
        &local_ca_dir(&node.dir, node.country),
        node.country.as_str(),
    )
    .expect("local CA readable")
}

/// Starts `countries` with each node's local API on `host` (a loopback
/// address other than 127.0.0.1) over TLS: a server certificate for `host`
/// from the node's local CA (which the generator made, with the
/// `local-tls/ca.pem` it wrote), which is also `client_ca`. `extra` is
/// appended to each config right after the `[local_tls]` keys, so it may
/// add more of them (`client_crls`) before its own tables (`[local_auth]`,
/// `[[users]]`).
pub async fn start_tls(countries: &[&str], host: &str, extra: &str) -> TestFederation {
    TestFederation::start_prepared(countries, &devnet::open_agreements, |planned| {
        planned.listeners.local =
            std::net::TcpListener::bind((host, 0)).expect("local API address free");
        let address = planned.listeners.local.local_addr().expect("bound");
        let dir = &planned.node.dir;
        let country = planned.node.country;
        let ca = LocalCa::load_or_create(&local_ca_dir(dir, country), country.as_str())
            .expect("local CA readable");
        let server = ca.issue_server(&[host.to_string()]).expect("issued");
        write_file(&dir.join("local-tls/node.pem"), &server.cert_pem).expect("written");
        write_secret(&dir.join("local-tls/node.key"), &server.key_pem).expect("written");
        edit_config(&planned.node.config_path, |text| {
            let line = text
                .lines()
                .find(|l| l.starts_with("local_listen"))
                .expect("local_listen in config")
                .to_string();
            *text = text.replace(&line, &format!("local_listen = \"{address}\""));
            text.push_str(&format!(
                "\n[local_tls]\ncert = \"local-tls/node.pem\"\nkey = \"local-tls/node.key\"\n\
                 client_ca = \"local-tls/ca.pem\"\n{extra}\n"
            ));
        });
    })
    .await
}

/// Rewrites the config file at `path` with `edit`.
pub fn edit_config(path: &Path, edit: impl FnOnce(&mut String)) {
    let mut text = std::fs::read_to_string(path).expect("config readable");
    edit(&mut text);
    std::fs::write(path, text).expect("config written");
}

/// `https://HOST:PORT` of `node`'s local API.
pub fn url(node: &TestNode) -> String {
    format!("https://{}", node.local_addr)
}

/// A client certificate from `node`'s local CA with subject
/// `CN=common_name[,O=organisation]`, valid from an hour ago for a year.
pub fn client_certificate(
    node: &TestNode,
    common_name: &str,
    organisation: Option<&str>,
) -> Issued {
    let now = OffsetDateTime::now_utc();
    local_ca(node)
        .issue_client(
            common_name,
            organisation,
            now - Duration::hours(1),
            now + Duration::days(365),
        )
        .expect("client certificate issued")
}

/// A TLS channel to `node`'s local API trusting its local CA, presenting
/// `identity` if given. TLS 1.3 checks a client certificate after the
/// client's side of the handshake is done, so a refused one may show only
/// at the first call.
pub async fn tls_channel(
    node: &TestNode,
    identity: Option<&Issued>,
) -> Result<Channel, tonic::transport::Error> {
    let ca = std::fs::read_to_string(node.dir.join("local-tls/ca.pem")).expect("CA readable");
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(ca))
        .domain_name(node.local_addr.ip().to_string());
    if let Some(issued) = identity {
        tls = tls.identity(Identity::from_pem(&issued.cert_pem, &issued.key_pem));
    }
    Endpoint::from_shared(url(node))?
        .tls_config(tls)?
        .connect()
        .await
}

/// A plain HTTP/2 channel to `target` whose connections come from
/// `source` (any 127.x address on Linux).
pub async fn channel_from(source: IpAddr, target: SocketAddr) -> Channel {
    let connector = tower::service_fn(move |_| async move {
        let socket = tokio::net::TcpSocket::new_v4()?;
        socket.bind(SocketAddr::new(source, 0))?;
        let stream = socket.connect(target).await?;
        Ok::<_, std::io::Error>(hyper_util::rt::TokioIo::new(stream))
    });
    Endpoint::from_shared(format!("http://{target}"))
        .expect("valid address")
        .connect_with_connector(connector)
        .await
        .expect("local API reachable")
}
