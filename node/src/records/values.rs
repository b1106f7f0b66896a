//! The values the node stores: request records and their changes, seen
//! messages, outbox items, audit entries.

use liaison_proto::domain::{
    Answer, Category, CountryCode, InformationRequest, Outcome, RequestStatus,
};
use liaison_proto::pb;
use serde::{Deserialize, Serialize};

use liaison_proto::offences::DualCriminality;

use crate::policy::Grant;

/// Which side of an exchange a record belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Outgoing,
    Incoming,
}

impl Direction {
    pub(super) fn prefix(self) -> &'static str {
        match self {
            Direction::Outgoing => "out/",
            Direction::Incoming => "in/",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: RequestStatus,
    pub at_unix_ms: i64,
    pub note: String,
}

/// A peer's receipt for one of our envelopes, verified when it arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredReceipt {
    pub receiver: CountryCode,
    pub received_unix_ms: i64,
    pub audit_index: u64,
    pub key_id: String,
    /// The encoded `Receipt` exactly as received, kept as evidence.
    #[serde(with = "base64_bytes")]
    pub receipt: Vec<u8>,
}

/// Everything the node knows about one request, on either side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRecord {
    pub request: InformationRequest,
    pub direction: Direction,
    pub status: RequestStatus,
    pub history: Vec<StatusChange>,
    /// The agency the request is routed to (incoming only).
    pub agency: Option<String>,
    pub answer: Option<Answer>,
    /// SHA-256 of the signed request message; the envelope is stored under
    /// it (see [`Records::envelope`]).
    #[serde(with = "hex_bytes")]
    pub envelope_hash: [u8; 32],
    /// The peer's receipt for the request (outgoing only).
    pub receipt: Option<StoredReceipt>,
    /// SHA-256 of the signed answer message, as sent or received; the
    /// envelope is stored under it.
    #[serde(default, with = "hex_option")]
    pub answer_envelope_hash: Option<[u8; 32]>,
    /// The requester's receipt for our answer (incoming only).
    pub answer_receipt: Option<StoredReceipt>,
    /// What our agreement grants for this request (incoming, once allowed):
    /// the fields an answer may release and the terms attached to them.
    #[serde(default)]
    pub grant: Option<Grant>,
    /// When the personal data was purged at the end of the retention
    /// period (see [`RequestRecord::purge`]).
    #[serde(default)]
    pub purged_unix_ms: Option<i64>,
    /// Why the peer refused, for good, the delivery of this node's last
    /// message about the request (its request, answer or withdrawal): the
    /// status code and the peer's message.
    #[serde(default)]
    pub delivery_error: Option<String>,
    /// This node's dual-criminality indication (incoming, once the
    /// agreement allowed the request): advice for the officer.
    #[serde(default)]
    pub dual_criminality: Option<DualCriminality>,
    /// The officer's decision to answer although dual criminality was not
    /// established, where the agreement requires it (incoming).
    #[serde(default)]
    pub dual_criminality_decision: Option<DualCriminalityDecision>,
}

/// An officer's recorded decision to answer a request whose dual
/// criminality was not established, under a rule that requires it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DualCriminalityDecision {
    /// The officer (local user name).
    pub by: String,
    pub at_unix_ms: i64,
    /// The agreement rule that required it.
    pub rule: String,
    /// The officer's reason: free text, which may hold personal data, so it
    /// is kept here (and purged with the request), never in the audit log.
    pub reason: String,
}

impl RequestRecord {
    /// Moves the record to `status`, remembering when and why.
    pub fn transition(&mut self, status: RequestStatus, at_unix_ms: i64, note: impl Into<String>) {
        self.status = status;
        self.history.push(StatusChange {
            status,
            at_unix_ms,
            note: note.into(),
        });
    }

    /// When this request's personal data is due to be purged: the retention
    /// period of its released answer, or `default_days` when nothing was
    /// released, counted from when it last became final. A request received
    /// and never answered counts `default_days` from its deadline. `None`
    /// for a sent request still open (it becomes final by its deadline),
    /// and once purged.
    pub fn purge_due(&self, default_days: u32) -> Option<i64> {
        let days = |days: u32| i64::from(days) * 86_400_000;
        if self.purged_unix_ms.is_some() {
            return None;
        }
        if !self.status.is_final() {
            return (self.direction == Direction::Incoming).then(|| {
                self.request
                    .deadline_unix_ms
                    .saturating_add(days(default_days))
            });
        }
        let ended = self
            .history
            .iter()
            .rev()
            .find(|change| change.status.is_final())
            .map_or(self.request.created_unix_ms, |change| change.at_unix_ms);
        let kept = match self.answer.as_ref().map(|a| &a.outcome) {
            Some(Outcome::Released { retention_days, .. }) => *retention_days,
            _ => default_days,
        };
        Some(ended.saturating_add(days(kept)))
    }

    /// Erases the request's personal data: its subjects and summary, the
    /// released values, the free text of the answer and of an officer's
    /// dual-criminality decision. Who asked whom,
    /// what kind of request under which rule, when, the released field
    /// names and every hash stay, as does the audit log, which never held
    /// personal data.
    pub fn purge(&mut self, now_unix_ms: i64) {
        self.request.purge_subjects();
        self.request.summary.clear();
        if let Some(answer) = &mut self.answer {
            match &mut answer.outcome {
                Outcome::Released {
                    fields, remarks, ..
                } => {
                    for field in fields {
                        field.value.clear();
                    }
                    remarks.clear();
                }
                Outcome::Refused { explanation, .. } => explanation.clear(),
            }
        }
        if let Some(decision) = &mut self.dual_criminality_decision {
            decision.reason.clear();
        }
        self.purged_unix_ms = Some(now_unix_ms);
    }

    /// The peer on the other side of the exchange.
    pub fn peer(&self) -> CountryCode {
        match self.direction {
            Direction::Outgoing => self.request.to_country,
            Direction::Incoming => self.request.from_country,
        }
    }
}

/// A signed tree head of the audit log with the size it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedHead {
    pub signed: pb::SignedTreeHead,
    pub size: u64,
}

/// A delivered message, remembered so that a retried delivery gets a
/// receipt for the same audit entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeenMessage {
    #[serde(with = "hex_bytes")]
    pub envelope_hash: [u8; 32],
    /// Where the delivery is recorded in the audit log.
    #[serde(default)]
    pub audit_index: Option<u64>,
    /// The encoded signed `Receipt` of protocol 1 an earlier version
    /// returned; empty since.
    #[serde(default, with = "base64_bytes")]
    pub receipt: Vec<u8>,
}

/// What kind of message an outbox item carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxKind {
    Request,
    Answer,
    Withdrawal,
    /// An evidence manifest sent with a request (by its sender).
    RequestEvidence,
    /// An evidence manifest sent with an answer (by the answering side).
    AnswerEvidence,
}

impl OutboxKind {
    /// The audit event a receiving node records for this kind of message,
    /// which its receipt proves.
    pub fn receipt_event(self) -> &'static str {
        match self {
            OutboxKind::Request => "request.received",
            OutboxKind::Answer => "answer.received",
            OutboxKind::Withdrawal => "request.withdrawn",
            OutboxKind::RequestEvidence | OutboxKind::AnswerEvidence => "evidence.announced",
        }
    }

    /// The side of the request the sending node holds.
    pub fn direction(self) -> Direction {
        match self {
            OutboxKind::Request | OutboxKind::Withdrawal | OutboxKind::RequestEvidence => {
                Direction::Outgoing
            }
            OutboxKind::Answer | OutboxKind::AnswerEvidence => Direction::Incoming,
        }
    }
}

/// Where an evidence file stands on this node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceState {
    /// Attached here, not yet sent.
    Attached,
    /// In a signed manifest queued for the peer; the bytes follow.
    Sending,
    /// The peer verified the bytes and signed a receipt.
    Delivered,
    /// Named in a peer's manifest; the bytes are on their way.
    Expected,
    /// Received from the peer and verified against its manifest.
    Received,
}

/// An evidence file of a request, either side. Sealed with the request's
/// data key (its name and description may say who it is about).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceRecord {
    pub request_id: String,
    /// The side of the request this node holds.
    pub direction: Direction,
    /// The country whose officer attached it.
    pub from: CountryCode,
    pub file: liaison_proto::domain::EvidenceFile,
    pub state: EvidenceState,
    /// SHA-256 of the signed manifest message naming the file.
    #[serde(default, with = "hex_option")]
    pub manifest_hash: Option<[u8; 32]>,
    /// The receiver's receipt for the bytes (an encoded `pb::AuditProof`),
    /// once delivered.
    #[serde(default, with = "base64_bytes")]
    pub receipt: Vec<u8>,
}

impl EvidenceRecord {
    /// Whether this node attached the file (and so sends it).
    pub fn ours(&self, country: CountryCode) -> bool {
        self.from == country
    }
}

/// A file waiting to be transferred to the peer, on its own queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferItem {
    pub request_id: String,
    pub file_id: String,
    pub to: CountryCode,
    pub direction: Direction,
    /// The manifest's message id: the transfer waits for its delivery.
    pub manifest_message_id: String,
    pub attempts: u32,
    pub next_attempt_unix_ms: i64,
    pub last_error: Option<String>,
}

/// Where a file's chain of custody stands on this node: the leaf hashes of
/// its first and latest custody entries here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustodyChain {
    #[serde(with = "hex_bytes")]
    pub start: [u8; 32],
    #[serde(with = "hex_bytes")]
    pub head: [u8; 32],
}

/// A signed envelope waiting for the peer's receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxItem {
    pub message_id: String,
    pub to: CountryCode,
    pub request_id: String,
    pub kind: OutboxKind,
    /// The encoded signed `Envelope`. Stored apart, under its hash: a
    /// retry rewrites the item, never the envelope.
    #[serde(skip)]
    pub envelope: Vec<u8>,
    #[serde(with = "hex_bytes")]
    pub envelope_hash: [u8; 32],
    pub attempts: u32,
    pub next_attempt_unix_ms: i64,
    /// After this time the node stops trying.
    pub give_up_unix_ms: i64,
    pub last_error: Option<String>,
    /// Its place in the order this node queued its envelopes: the
    /// delivery worker sends each peer's in this order. (0 for envelopes
    /// queued before the order was kept: they go first.)
    #[serde(default)]
    pub seq: u64,
}

/// One event in the node's audit trail: metadata and hashes, never the
/// subject of a request nor the content of an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub index: u64,
    pub at_unix_ms: i64,
    /// What happened, e.g. `request.submitted`, `envelope.refused`.
    pub event: String,
    /// Who did it: a local user, `peer:<country>`, or `node`.
    pub actor: String,
    pub request_id: Option<String>,
    pub peer: Option<CountryCode>,
    pub category: Option<Category>,
    /// Hex SHA-256 of the signed message concerned, if any.
    pub message_hash: Option<String>,
    /// Non-personal detail: a status, a reason code, a field list.
    pub detail: String,
}

/// A person's account on this node: an officer, an auditor or an operator
/// who signs in to the console or calls the local API with a personal
/// token. Audit entries name the person as `<role>/<login>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRecord {
    pub login: String,
    /// The role, as configuration spells it (`focal_point`, `agency:NAME`,
    /// `auditor`, `admin`).
    pub role: String,
    /// The password's Argon2id hash in PHC form (salt and parameters
    /// included); never the password.
    pub password_phc: String,
    /// Set by an admin's reset: the password is a one-time one, to be
    /// changed at the next sign-in before anything else.
    #[serde(default)]
    pub must_change_password: bool,
    /// The RFC 6238 secret (base32) of the person's second factor, once
    /// enrolled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub totp_secret: Option<String>,
    /// The last 30-second step a code was accepted for: a code is never
    /// accepted twice.
    #[serde(default)]
    pub totp_last_step: u64,
    #[serde(default)]
    pub disabled: bool,
    /// Failed sign-ins in a row; reset by a success or an admin's enable.
    #[serde(default)]
    pub failed_logins: u32,
    /// Locked after too many failed sign-ins, until this time (ms).
    #[serde(default)]
    pub locked_until_unix_ms: i64,
    /// The console language the person chose (a BCP 47 tag).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// SHA-256 (hex) of each personal API token, with when it was issued.
    #[serde(default)]
    pub tokens: Vec<PersonToken>,
    pub created_unix_ms: i64,
}

/// One personal API token, by hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonToken {
    #[serde(with = "hex_bytes")]
    pub sha256: [u8; 32],
    pub issued_unix_ms: i64,
}

/// A console session, stored under the SHA-256 of its cookie.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub login: String,
    pub created_unix_ms: i64,
    pub last_seen_unix_ms: i64,
    /// The token every state-changing form must carry (hex).
    pub csrf: String,
    /// Signed in with a password, the second factor still to be given.
    #[serde(default)]
    pub awaiting_totp: bool,
    /// A second-factor secret being enrolled, until a code confirms it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enrolling_totp: Option<String>,
}

mod hex_bytes {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(bytes: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        let text = String::deserialize(d)?;
        hex::decode(&text)
            .ok()
            .and_then(|v| v.try_into().ok())
            .ok_or_else(|| D::Error::custom("expected 64 hex digits"))
    }
}

mod base64_bytes {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        STANDARD.decode(text).map_err(D::Error::custom)
    }
}

mod hex_option {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(bytes: &Option<[u8; 32]>, s: S) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(b) => s.serialize_some(&hex::encode(b)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[u8; 32]>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| {
                hex::decode(&text)
                    .ok()
                    .and_then(|v| v.try_into().ok())
                    .ok_or_else(|| D::Error::custom("expected 64 hex digits"))
            })
            .transpose()
    }
}

/// A value on an indicator list, sealed with the list's data key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorRecord {
    /// `phone`, `bank_account`, ... (`hits::IndicatorKind::name`).
    pub kind: String,
    /// The normal form. Personal data.
    pub value: String,
    /// The agency's reference for the listing.
    pub reference: String,
    /// When it was listed, `YYYY-MM-DD`.
    pub added: String,
}

/// An indicator list: names and counts only, kept plain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorList {
    pub agency: String,
    pub list: String,
    /// Values per kind.
    pub counts: std::collections::BTreeMap<String, u64>,
    pub updated_unix_ms: i64,
}

/// The holder's hit epoch: keys and sets are per epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HitEpoch {
    pub epoch: u64,
    pub started_unix_ms: i64,
}

/// Marks that the node's hit seed exists: the seed is the data key
/// `node/hits` this record is sealed with, wrapped under the KEK in its
/// slot like every data key, so the store never holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HitSeedRecord {
    pub created_unix_ms: i64,
}

/// A hit this node's check found, kept (sealed with its own key) for a
/// follow-up request until it expires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredHit {
    pub hit_id: String,
    pub peer: CountryCode,
    pub kind: String,
    /// The value checked, in its normal form. Personal data.
    pub value: String,
    pub records: Vec<StoredHitRecord>,
    pub checked_by: String,
    pub epoch: u64,
    pub found_unix_ms: i64,
    pub expires_unix_ms: i64,
}

/// One listing a hit opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredHitRecord {
    pub agency: String,
    pub list: String,
    pub reference: String,
    pub kind: String,
    /// `YYYY-MM-DD`.
    pub added: String,
}
