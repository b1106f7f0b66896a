//! `TestFederation`: real Liaison nodes on loopback port 0, each with a
//! temp-dir sled store, all sharing a freshly generated PKI. Tests talk to
//! them through the same gRPC APIs users do, and may also reach into a
//! node's records to check what was (not) stored.

pub mod browser;
pub mod local_api;
pub mod proxy;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use liaison_node::config::Config;
use liaison_node::devnet;
use liaison_node::server::{self, Listeners, RunningNode};
use liaison_node::store::Store;
use liaison_proto::auth::BearerToken;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::admin_client::AdminClient;
use liaison_proto::pb::agency_client::AgencyClient;
use liaison_proto::pb::audit_client::AuditClient;
use liaison_proto::pb::federation_client::FederationClient;
use liaison_proto::pb::focal_point_client::FocalPointClient;
use tonic::codegen::InterceptedService;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint, Identity};

pub type Focal = FocalPointClient<InterceptedService<Channel, BearerToken>>;
pub type AgencyApi = AgencyClient<InterceptedService<Channel, BearerToken>>;
pub type AdminApi = AdminClient<InterceptedService<Channel, BearerToken>>;
pub type AuditApi = AuditClient<InterceptedService<Channel, BearerToken>>;

/// How long a test waits for something that should happen promptly.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// One node of the federation.
#[derive(Debug)]
pub struct TestNode {
    pub country: CountryCode,
    pub dir: PathBuf,
    pub config_path: PathBuf,
    /// Bearer tokens by user name: `focal-point`, `police-officer`,
    /// `fiu-officer`, `immigration-officer`, `auditor`, `admin`.
    pub tokens: BTreeMap<String, String>,
    pub federation_addr: SocketAddr,
    pub local_addr: SocketAddr,
    running: Option<RunningNode>,
}

impl TestNode {
    /// The running node; panics if it was stopped.
    pub fn running(&self) -> &RunningNode {
        self.running.as_ref().expect("node is stopped")
    }

    /// Whether the node runs (it may have been stopped, and not restarted).
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    pub fn config(&self) -> Config {
        Config::load(&self.config_path).expect("generated config loads")
    }
}

/// Several nodes, all peered with each other.
#[derive(Debug)]
pub struct TestFederation {
    pub dir: tempfile::TempDir,
    nodes: BTreeMap<CountryCode, TestNode>,
}

pub fn country(code: &str) -> CountryCode {
    code.parse().expect("valid country code")
}

impl TestFederation {
    /// Generates keys and configs for `countries`, every pair under an
    /// open agreement, and starts every node.
    pub async fn start(countries: &[&str]) -> TestFederation {
        TestFederation::start_with(countries, &devnet::open_agreements).await
    }

    /// Like [`TestFederation::start`], with the agreement each node holds
    /// with each peer chosen by `agreements(holder, peer)`.
    pub async fn start_with(
        countries: &[&str],
        agreements: devnet::AgreementChoice<'_>,
    ) -> TestFederation {
        TestFederation::start_prepared(countries, agreements, |_| {}).await
    }

    /// Like [`TestFederation::start_with`], with `prepare` changing each
    /// planned node (its listeners, its files) before it starts.
    pub async fn start_prepared(
        countries: &[&str],
        agreements: devnet::AgreementChoice<'_>,
        prepare: impl FnMut(&mut devnet::PlannedNode),
    ) -> TestFederation {
        TestFederation::start_over(countries, agreements, prepare, |_, store| store).await
    }

    /// Like [`TestFederation::start_prepared`], each node over the store
    /// `wrap(country, its disk store)` returns (e.g. a
    /// [`liaison_node::store::faults::FaultyStore`] around it).
    pub async fn start_over(
        countries: &[&str],
        agreements: devnet::AgreementChoice<'_>,
        mut prepare: impl FnMut(&mut devnet::PlannedNode),
        mut wrap: impl FnMut(CountryCode, Arc<dyn Store>) -> Arc<dyn Store>,
    ) -> TestFederation {
        let dir = tempfile::tempdir().expect("temp dir");
        let codes: Vec<CountryCode> = countries.iter().map(|c| country(c)).collect();
        let planned =
            devnet::plan_with(dir.path(), &codes, agreements).expect("federation planned");
        let mut nodes = BTreeMap::new();
        for mut planned in planned {
            prepare(&mut planned);
            let devnet::PlannedNode {
                node: plan,
                listeners,
            } = planned;
            let federation_addr = listeners.federation.local_addr().expect("bound");
            let local_addr = listeners.local.local_addr().expect("bound");
            let config = Config::load(&plan.config_path).expect("generated config loads");
            let store = liaison_node::store::open(&config.data_dir).expect("store opens");
            let store = wrap(plan.country, Arc::new(store));
            let running = server::start_with_store(config, store, listeners)
                .await
                .expect("node starts");
            nodes.insert(
                plan.country,
                TestNode {
                    country: plan.country,
                    dir: plan.dir,
                    config_path: plan.config_path,
                    tokens: plan.tokens,
                    federation_addr,
                    local_addr,
                    running: Some(running),
                },
            );
        }
        TestFederation { dir, nodes }
    }

    pub fn node(&self, code: &str) -> &TestNode {
        self.nodes.get(&country(code)).expect("node in federation")
    }

    /// The text node `code` serves on `GET /metrics`.
    pub async fn metrics(&self, code: &str) -> String {
        use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
        let address = self
            .node(code)
            .running()
            .metrics_addr
            .expect("the node serves metrics");
        let mut stream = tokio::net::TcpStream::connect(address)
            .await
            .expect("metrics listener reachable");
        stream
            .write_all(b"GET /metrics HTTP/1.0\r\nHost: localhost\r\n\r\n")
            .await
            .expect("request sent");
        let mut response = String::new();
        stream
            .read_to_string(&mut response)
            .await
            .expect("response read");
        assert!(
            response.starts_with("HTTP/1.0 200") || response.starts_with("HTTP/1.1 200"),
            "{response}"
        );
        response
    }

    /// A local API channel with the bearer token of `user` on node `code`.
    pub async fn local(&self, code: &str, user: &str) -> (Channel, BearerToken) {
        let node = self.node(code);
        let token = node.tokens.get(user).expect("known user");
        let channel = Endpoint::from_shared(format!("http://{}", node.local_addr))
            .expect("valid address")
            .connect()
            .await
            .expect("local API reachable");
        (channel, BearerToken::new(token).expect("valid token"))
    }

    pub async fn focal_point(&self, code: &str) -> Focal {
        let (channel, token) = self.local(code, "focal-point").await;
        FocalPointClient::with_interceptor(channel, token)
    }

    pub async fn admin(&self, code: &str, user: &str) -> AdminApi {
        let (channel, token) = self.local(code, user).await;
        AdminClient::with_interceptor(channel, token)
    }

    pub async fn auditor(&self, code: &str) -> AuditApi {
        let (channel, token) = self.local(code, "auditor").await;
        AuditClient::with_interceptor(channel, token)
    }

    /// The officer of `agency` (`police`, `fiu`, `immigration`) on `code`.
    pub async fn agency(&self, code: &str, agency: &str) -> AgencyApi {
        let (channel, token) = self.local(code, &format!("{agency}-officer")).await;
        AgencyClient::with_interceptor(channel, token)
    }

    /// A federation client to node `to` presenting the given TLS identity
    /// (or none) and trusting `ca_pem`.
    pub async fn federation_client(
        &self,
        to: &str,
        identity: Option<(String, String)>,
        ca_pem: &str,
        tls_name: &str,
    ) -> Result<FederationClient<Channel>, tonic::transport::Error> {
        Ok(FederationClient::new(
            self.mtls_channel(to, identity, ca_pem, tls_name).await?,
        ))
    }

    /// A channel to node `to`'s federation listener presenting the given
    /// TLS identity (or none) and trusting `ca_pem`.
    pub async fn mtls_channel(
        &self,
        to: &str,
        identity: Option<(String, String)>,
        ca_pem: &str,
        tls_name: &str,
    ) -> Result<Channel, tonic::transport::Error> {
        let mut tls = ClientTlsConfig::new()
            .ca_certificate(Certificate::from_pem(ca_pem))
            .domain_name(tls_name.to_string());
        if let Some((cert, key)) = identity {
            tls = tls.identity(Identity::from_pem(cert, key));
        }
        Endpoint::from_shared(format!("https://{}", self.node(to).federation_addr))?
            .tls_config(tls)?
            .connect()
            .await
    }

    /// A local API channel to node `code`, with no token.
    pub async fn local_channel(&self, code: &str) -> Channel {
        Endpoint::from_shared(format!("http://{}", self.node(code).local_addr))
            .expect("valid address")
            .connect()
            .await
            .expect("local API reachable")
    }

    /// A mutual-TLS channel to `to`'s federation listener, presenting
    /// node `from`'s own TLS identity.
    pub async fn federation_channel(&self, from: &str, to: &str) -> Channel {
        let node = self.node(to);
        liaison_node::tls::mtls_endpoint(
            &self.node(from).config(),
            &format!("https://{}", node.federation_addr),
            &liaison_node::config::default_tls_name(node.country),
        )
        .expect("valid endpoint")
        .connect()
        .await
        .expect("federation listener reachable")
    }

    /// A federation client to `to` that presents node `from`'s own TLS identity.
    pub async fn federation_client_as(&self, from: &str, to: &str) -> FederationClient<Channel> {
        let config = self.node(from).config();
        let to_name = liaison_node::config::default_tls_name(country(to));
        self.federation_client(
            to,
            Some((config.tls.cert_pem, config.tls.key_pem)),
            &config.tls.ca_pem,
            &to_name,
        )
        .await
        .expect("federation connection")
    }

    /// Stops a node (gracefully), keeping its files.
    pub async fn stop(&mut self, code: &str) {
        let node = self
            .nodes
            .get_mut(&country(code))
            .expect("node in federation");
        if let Some(running) = node.running.take() {
            running.shutdown().await.expect("clean shutdown");
        }
    }

    /// Starts a stopped node again on the same addresses.
    pub async fn restart(&mut self, code: &str) {
        let node = self
            .nodes
            .get_mut(&country(code))
            .expect("node in federation");
        assert!(node.running.is_none(), "node {code} is still running");
        let listeners =
            Listeners::bind(node.federation_addr, node.local_addr).expect("same ports free again");
        let config = Config::load(&node.config_path).expect("config loads");
        node.running = Some(
            server::start(config, listeners)
                .await
                .expect("node restarts"),
        );
    }

    /// Stops every node.
    pub async fn shutdown(mut self) {
        let codes: Vec<String> = self.nodes.keys().map(|c| c.to_string()).collect();
        for code in codes {
            self.stop(&code).await;
        }
    }
}

/// The value of the metric series `series` (its name with its labels as
/// written) in `/metrics` text.
pub fn metric(text: &str, series: &str) -> Option<f64> {
    text.lines()
        .find_map(|line| line.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
}

/// Sets `key = value` (a line of the generated file) in a planned node's
/// configuration file, before it starts.
pub fn set_config(config: &std::path::Path, key: &str, value: &str) {
    let text = std::fs::read_to_string(config).expect("configuration readable");
    let line = text
        .lines()
        .find(|line| line.starts_with(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("{key} is in the generated configuration"))
        .to_string();
    std::fs::write(config, text.replace(&line, &format!("{key} = {value}")))
        .expect("configuration written");
}

/// A phone check from whoever submits it to `to`, due in a week.
pub fn phone_check(to: &str, number: &str) -> pb::NewRequest {
    liaison_node::demo::phone_check(
        to,
        number,
        "Number used to recruit victims.",
        liaison_node::exchange::now_ms() + 7 * 24 * 3600 * 1000,
    )
}

/// A victim identification request to `to`, due in a week.
pub fn victim_identification(to: &str, name: &str) -> pb::NewRequest {
    pb::NewRequest {
        to_country: to.into(),
        category: pb::Category::VictimIdentification as i32,
        purpose: pb::Purpose::VictimAssistance as i32,
        offence_code: "0204".into(),
        subject: Some(pb::Subject {
            kind: Some(pb::subject::Kind::Person(pb::Person {
                full_name: name.into(),
                date_of_birth: "1999-04-02".into(),
                nationality: "VNM".into(),
                document_number: String::new(),
                ..Default::default()
            })),
            ..Default::default()
        }),
        summary: "Rescued at the border.".into(),
        deadline_unix_ms: liaison_node::exchange::now_ms() + 7 * 24 * 3600 * 1000,
        requested_fields: Vec::new(),
        more_offence_codes: Vec::new(),
        ..Default::default()
    }
}

/// Submits `request`, which must be refused with `INVALID_ARGUMENT` and a
/// message starting ``field `FIELD`: RULE``; returns the status.
pub async fn refused_submit(
    focal: &mut Focal,
    request: pb::NewRequest,
    what: &str,
    field: &str,
    rule: &str,
) -> tonic::Status {
    let status = focal
        .submit(request)
        .await
        .expect_err(&format!("{what}: accepted"));
    assert_eq!(
        status.code(),
        tonic::Code::InvalidArgument,
        "{what}: {status:?}"
    );
    assert!(
        status
            .message()
            .starts_with(&format!("field `{field}`: {rule}")),
        "{what}: {}",
        status.message()
    );
    status
}

/// The requests node `code` has sent (or stored to send).
pub fn outgoing_requests(
    federation: &TestFederation,
    code: &str,
) -> Vec<liaison_node::records::RequestRecord> {
    federation
        .node(code)
        .running()
        .exchange()
        .records()
        .requests(liaison_node::records::Direction::Outgoing)
        .expect("records readable")
}

/// Follows a request's watch stream until it reaches `status`; fails if the
/// stream ends first or nothing happens within [`PATIENCE`].
pub async fn await_status(
    focal: &mut Focal,
    request_id: &str,
    status: pb::RequestStatus,
) -> pb::RequestView {
    let watch = async {
        let mut stream = focal
            .watch(pb::RequestRef {
                request_id: request_id.into(),
            })
            .await
            .expect("watch starts")
            .into_inner();
        let mut seen = Vec::new();
        while let Some(view) = stream.message().await.expect("watch stream") {
            if view.status == status as i32 {
                return view;
            }
            seen.push(view.status);
        }
        panic!("request {request_id} ended in {seen:?} without reaching {status:?}");
    };
    tokio::time::timeout(PATIENCE, watch)
        .await
        .unwrap_or_else(|_| panic!("request {request_id} did not reach {status:?} in time"))
}

/// Waits for the next request assigned to an agency.
pub async fn next_assignment(agency: &mut AgencyApi) -> pb::RequestView {
    let next = async {
        let mut stream = agency
            .stream_assignments(pb::InboxFilter {
                include_closed: false,
                ..Default::default()
            })
            .await
            .expect("assignment stream starts")
            .into_inner();
        stream
            .message()
            .await
            .expect("assignment stream")
            .expect("an assignment")
    };
    tokio::time::timeout(PATIENCE, next)
        .await
        .expect("an assignment in time")
}

/// The request id of a view.
pub fn id_of(view: &pb::RequestView) -> String {
    view.request
        .as_ref()
        .expect("view has a request")
        .request_id
        .clone()
}

/// Waits until node `exchange` holds a record for `request_id` that
/// satisfies `done`, driven by the node's change notifications, and until
/// that record is durable (with the tree head covering its audit entries).
pub async fn wait_for_record(
    exchange: &liaison_node::exchange::Exchange,
    request_id: &str,
    done: impl Fn(&liaison_node::records::RequestRecord) -> bool,
) -> liaison_node::records::RequestRecord {
    let mut updates = exchange.subscribe();
    if let Ok(record) = exchange.get(request_id)
        && done(&record)
    {
        // Read as applied: it may still be on its way to disk.
        exchange.durable().await.expect("the node's store flushes");
        return record;
    }
    tokio::time::timeout(PATIENCE, async {
        loop {
            let record = updates.recv().await.expect("node change notifications");
            if record.request.request_id == request_id && done(&record) {
                return (*record).clone();
            }
        }
    })
    .await
    .unwrap_or_else(|_| panic!("request {request_id} did not reach the expected state in time"))
}

/// One rule for [`agreement`]: category, flows, purposes, released fields.
pub type RuleSpec<'a> = (
    pb::Category,
    &'a [&'a str],
    &'a [pb::Purpose],
    &'a [&'a str],
);

/// An agreement between `a` and `b` with one rule per `(category, flows,
/// purposes, release)`; handling INTELLIGENCE_ONLY, 30 days, `limit` a day.
pub fn agreement(
    a: &str,
    b: &str,
    version: u64,
    limit: u32,
    rules: &[RuleSpec<'_>],
) -> liaison_node::policy::AgreementFile {
    use liaison_node::policy::{AgreementFile, RuleSection};
    AgreementFile {
        parties: vec![a.into(), b.into()],
        version,
        victim_data_agencies: Default::default(),
        rules: rules
            .iter()
            .map(|(category, flows, purposes, release)| RuleSection {
                category: category.as_str_name().into(),
                flows: flows.iter().map(|f| f.to_string()).collect(),
                purposes: purposes.iter().map(|p| p.as_str_name().into()).collect(),
                release: release.iter().map(|f| f.to_string()).collect(),
                release_by_kind: Default::default(),
                // A victim identification is only ever VICTIM_PROTECTED.
                handling: if *category == pb::Category::VictimIdentification {
                    "VICTIM_PROTECTED".into()
                } else {
                    "INTELLIGENCE_ONLY".into()
                },
                retention_days: 30,
                daily_limit: limit,
                legal_bases: Vec::new(),
                require_dual_criminality: false,
                evidence: None,
            })
            .collect(),
        hit_checks: Vec::new(),
    }
}

/// Exports a node's audit log through its Audit API, as JSON Lines.
pub async fn export(auditor: &mut AuditApi) -> String {
    let mut stream = auditor
        .export(pb::ExportQuery {})
        .await
        .expect("export starts")
        .into_inner();
    let mut out = String::new();
    while let Some(item) = stream.message().await.expect("export stream") {
        out.push_str(&liaison_proto::audit::item_line(&item).expect("export line"));
        out.push('\n');
    }
    out
}

/// An agency's answer to phone check `request_id`, releasing one field.
pub fn subscriber_answer(request_id: &str) -> pb::AnswerCall {
    pb::AnswerCall {
        request_id: request_id.into(),
        fields: vec![pb::Field {
            name: "subscriber_name".into(),
            value: "Shell Co".into(),
            ..Default::default()
        }],
        remarks: String::new(),
        ..Default::default()
    }
}

/// Submits `request` and returns its id.
pub async fn submit(focal: &mut Focal, request: pb::NewRequest) -> String {
    id_of(&focal.submit(request).await.expect("submitted").into_inner())
}

/// What the focal point sees of request `request_id` now.
pub async fn view_of(focal: &mut Focal, request_id: &str) -> pb::RequestView {
    focal
        .get(pb::RequestRef {
            request_id: request_id.into(),
        })
        .await
        .expect("request readable")
        .into_inner()
}

/// The audit entries of node `code` recording `event`.
pub fn audit_events(
    federation: &TestFederation,
    code: &str,
    event: &str,
) -> Vec<liaison_node::records::AuditEntry> {
    federation
        .node(code)
        .running()
        .exchange()
        .records()
        .audit_entries()
        .expect("audit entries readable")
        .into_iter()
        .filter(|e| e.event == event)
        .collect()
}

/// Runs one phone check from `from` to `to`, answered by `to`'s police,
/// and waits until both sides have recorded everything about it.
pub async fn exchange_once(federation: &TestFederation, from: &str, to: &str) -> String {
    let mut focal = federation.focal_point(from).await;
    let id = id_of(
        &focal
            .submit(phone_check(to, "+85512345678"))
            .await
            .expect("submitted")
            .into_inner(),
    );
    let mut police = federation.agency(to, "police").await;
    let assignment = next_assignment(&mut police).await;
    assert_eq!(id_of(&assignment), id);
    police
        .answer(subscriber_answer(&id))
        .await
        .expect("answered");
    await_status(&mut focal, &id, pb::RequestStatus::Answered).await;
    // Let the exchange settle: the answering node holds the receipt for its
    // answer, so neither log grows any more because of this exchange.
    let answering = federation.node(to).running().exchange();
    wait_for_record(answering, &id, |r| r.answer_receipt.is_some()).await;
    id
}

/// The repository's root directory.
pub fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .canonicalize()
        .expect("repository root")
}

/// The Python of `target/python-venv`, which `.ci/run` creates with the
/// pinned packages of `tests/python/requirements.txt` (grpcio, grpcio-tools,
/// PyYAML). On a machine where it is missing it is created here the same
/// way, which needs PyPI once.
pub fn python() -> PathBuf {
    use std::process::Command;
    let root = repository();
    let venv = root.join("target/python-venv");
    let python = venv.join("bin/python");
    let ready = python.exists()
        && Command::new(&python)
            .args(["-c", "import grpc, grpc_tools, yaml"])
            .status()
            .is_ok_and(|s| s.success());
    if !ready {
        let created = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .expect("python3 is needed for the Python tests");
        assert!(created.success(), "python3 -m venv failed");
        let installed = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "-r"])
            .arg(root.join("tests/python/requirements.txt"))
            .status()
            .expect("pip runs");
        assert!(
            installed.success(),
            "pip could not install tests/python/requirements.txt"
        );
    }
    python
}

/// Signs messages with a node's real Ed25519 key: a peer that holds real
/// credentials but misbehaves, for tests of what a node accepts.
#[derive(Debug)]
pub struct PeerSigner {
    key: ed25519_dalek::SigningKey,
}

impl PeerSigner {
    /// The signing key of `country`'s node, read from its directory.
    pub fn of(federation: &TestFederation, country: &str) -> PeerSigner {
        use ed25519_dalek::pkcs8::DecodePrivateKey as _;
        let pem = std::fs::read_to_string(federation.node(country).dir.join("signing-key.pem"))
            .expect("signing key readable");
        PeerSigner {
            key: ed25519_dalek::SigningKey::from_pkcs8_pem(&pem).expect("signing key parses"),
        }
    }

    /// `message` (any bytes) signed as an envelope.
    pub fn envelope(&self, message: Vec<u8>) -> pb::Envelope {
        use ed25519_dalek::Signer as _;
        let context = liaison_proto::envelope::ENVELOPE_CONTEXT;
        let signature = self.key.sign(&[context, message.as_slice()].concat());
        pb::Envelope {
            message,
            key_id: liaison_proto::envelope::key_id(&self.key.verifying_key()),
            signature: signature.to_bytes().to_vec(),
            protocol: liaison_proto::receipt::PROTOCOL,
        }
    }

    /// A tree head signed with this node's key, as its node would sign it.
    pub fn tree_head(&self, head: &liaison_proto::domain::TreeHead) -> pb::SignedTreeHead {
        liaison_proto::envelope::SigningIdentity::new(self.key.clone()).sign_tree_head(head)
    }

    /// `message` encoded and signed as an envelope.
    pub fn seal(&self, message: &pb::Message) -> pb::Envelope {
        use prost::Message as _;
        self.envelope(message.encode_to_vec())
    }
}

/// A valid phone check from `from` to `to` as a peer's node would sign it,
/// with message id and request id [`test_uuid`]`(n)`: for tests that talk
/// to the federation API directly (sign it with a [`PeerSigner`]).
pub fn signed_phone_check(n: u64, from: &str, to: &str) -> pb::Message {
    let now = liaison_node::exchange::now_ms();
    pb::Message {
        message_id: test_uuid(n),
        from: from.into(),
        to: to.into(),
        created_unix_ms: now,
        nonce: vec![n as u8; 16],
        content: Some(pb::message::Content::Request(pb::InformationRequest {
            request_id: test_uuid(n),
            from_country: from.into(),
            to_country: to.into(),
            category: pb::Category::PhoneCheck as i32,
            purpose: pb::Purpose::Investigation as i32,
            offence_code: "0204".into(),
            subject: Some(pb::Subject {
                kind: Some(pb::subject::Kind::Phone(pb::Phone {
                    number: "+85512345678".into(),
                })),
                ..Default::default()
            }),
            summary: "test".into(),
            deadline_unix_ms: now + 86_400_000,
            requested_by: "focal-point".into(),
            created_unix_ms: now,
            ..Default::default()
        })),
    }
}

/// A fixed, valid UUID numbered `n`, for messages tests build by hand.
pub fn test_uuid(n: u64) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}

/// Hex SHA-256 of an envelope's message bytes: the hash audit entries and
/// receipts name it by.
pub fn envelope_hash(envelope: &pb::Envelope) -> String {
    hex::encode(liaison_proto::envelope::sha256(&envelope.message))
}

/// What the nodes of a test binary log, kept in memory: Liaison's own
/// crates at debug level and above, everything else at info.
#[derive(Debug, Clone, Default)]
pub struct LogCapture(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl LogCapture {
    /// Starts capturing every log line of this process (once per process;
    /// later calls share the same capture).
    pub fn start() -> LogCapture {
        static CAPTURE: std::sync::OnceLock<LogCapture> = std::sync::OnceLock::new();
        CAPTURE
            .get_or_init(|| {
                let capture = LogCapture::default();
                let subscriber = tracing_subscriber::fmt()
                    .with_writer(capture.clone())
                    .with_ansi(false)
                    .with_env_filter(tracing_subscriber::EnvFilter::new(
                        "info,liaison_node=debug,liaison_proto=debug",
                    ))
                    .finish();
                tracing::subscriber::set_global_default(subscriber)
                    .expect("no other log subscriber in this test binary");
                capture
            })
            .clone()
    }

    /// Everything logged so far.
    pub fn text(&self) -> String {
        let bytes = self.0.lock().unwrap_or_else(|p| p.into_inner());
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl std::io::Write for LogCapture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A codec that sends and receives message bytes as they are, so that tests
/// can put anything on the wire inside well-formed gRPC framing.
#[derive(Debug, Clone, Copy, Default)]
pub struct RawCodec;

impl tonic::codec::Codec for RawCodec {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = RawCodec;
    type Decoder = RawCodec;

    fn encoder(&mut self) -> RawCodec {
        RawCodec
    }

    fn decoder(&mut self) -> RawCodec {
        RawCodec
    }
}

impl tonic::codec::Encoder for RawCodec {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn encode(
        &mut self,
        item: Vec<u8>,
        buf: &mut tonic::codec::EncodeBuf<'_>,
    ) -> Result<(), tonic::Status> {
        prost::bytes::BufMut::put_slice(buf, &item);
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for LogCapture {
    type Writer = LogCapture;

    fn make_writer(&'a self) -> LogCapture {
        self.clone()
    }
}

impl tonic::codec::Decoder for RawCodec {
    type Item = Vec<u8>;
    type Error = tonic::Status;

    fn decode(
        &mut self,
        buf: &mut tonic::codec::DecodeBuf<'_>,
    ) -> Result<Option<Vec<u8>>, tonic::Status> {
        let len = prost::bytes::Buf::remaining(buf);
        Ok(Some(prost::bytes::Buf::copy_to_bytes(buf, len).to_vec()))
    }
}

/// Calls `path` with one gRPC message holding exactly `message` (framed by
/// tonic), with `authorization: Bearer <token>` if a token is given, and
/// returns the first message of the answer.
pub async fn raw_call(
    channel: Channel,
    path: &'static str,
    message: Vec<u8>,
    token: Option<&str>,
) -> Result<Vec<u8>, tonic::Status> {
    let mut grpc = tonic::client::Grpc::new(channel);
    grpc.ready()
        .await
        .map_err(|e| tonic::Status::unavailable(e.to_string()))?;
    let mut request = tonic::Request::new(message);
    if let Some(token) = token {
        request.metadata_mut().insert(
            "authorization",
            format!("Bearer {token}").parse().expect("token is ASCII"),
        );
    }
    grpc.unary(
        request,
        tonic::codegen::http::uri::PathAndQuery::from_static(path),
        RawCodec,
    )
    .await
    .map(tonic::Response::into_inner)
}

/// Sends exactly `body` as the HTTP/2 body of a gRPC call to `path` (no
/// framing added: the test writes its own) and returns the call's final
/// status, from the trailers-only answer or from the trailers.
pub async fn raw_body(
    mut channel: Channel,
    path: &str,
    body: Vec<u8>,
    token: Option<&str>,
) -> tonic::Status {
    use http_body_util::BodyExt as _;
    use tonic::codegen::{Service as _, http};
    let mut request = http::Request::builder()
        .method(http::Method::POST)
        .uri(path)
        .header(http::header::CONTENT_TYPE, "application/grpc")
        .header(http::header::TE, "trailers");
    if let Some(token) = token {
        request = request.header(http::header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let request = request
        .body(tonic::body::Body::new(http_body_util::Full::new(
            tonic::codegen::Bytes::from(body),
        )))
        .expect("valid request");
    std::future::poll_fn(|cx| channel.poll_ready(cx))
        .await
        .expect("channel ready");
    let response = channel.call(request).await.expect("an HTTP/2 answer");
    if let Some(status) = tonic::Status::from_header_map(response.headers()) {
        return status;
    }
    let trailers = response
        .into_body()
        .collect()
        .await
        .expect("the answer's body")
        .trailers()
        .cloned()
        .expect("trailers");
    tonic::Status::from_header_map(&trailers).expect("a grpc-status trailer")
}

/// One gRPC frame holding `message`: the flag, the big-endian length, the
/// bytes.
pub fn grpc_frame(flag: u8, message: &[u8]) -> Vec<u8> {
    let mut frame = vec![flag];
    frame.extend_from_slice(&u32::try_from(message.len()).expect("small").to_be_bytes());
    frame.extend_from_slice(message);
    frame
}

/// The `call.refused` entries in node `code`'s audit trail, oldest first.
pub fn refused_calls(
    federation: &TestFederation,
    code: &str,
) -> Vec<liaison_node::records::AuditEntry> {
    audit_events(federation, code, "call.refused")
}
