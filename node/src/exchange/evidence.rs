//! Evidence files: attached by a person to a request (its sender's side)
//! or to its answer (the answering side), announced to the peer in a signed
//! manifest, and transferred apart, in chunks, on a queue of their own.
//!
//! Each file's chain of custody is a run of audit entries here, each naming
//! the file's hash and the entry before it (`after=`): `evidence.attached`
//! (by the person), `evidence.sent` (the peer's receipt for the bytes),
//! `evidence.opened` (by whoever downloaded it), `evidence.purged`; on the
//! receiving node `evidence.received` (after the acquiring node's
//! `evidence.attached`, which the signed manifest names) and
//! `evidence.verified`. No entry holds a file's name or content.
//!
//! The bytes live in the blob directory, encrypted under the request's
//! data key, so that the request's purge erases them too.

use liaison_proto::domain::{Content, CountryCode, EvidenceFile, EvidenceManifest, RequestStatus};
use liaison_proto::pb;
use prost::Message as _;

use crate::blobs::{BlobError, BlobReader, Upload};
use crate::config::{LocalUser, Role};
use crate::error::{Error, Problem, Result};
use crate::policy::EvidenceRule;
use crate::records::{
    Direction, EvidenceRecord, EvidenceState, OutboxKind, RequestRecord, TransferItem,
    request_key_name,
};
use crate::store::StoreError;
use crate::vault::DataKey;

use super::state::{After, DELIVERY_GRACE_MS, Event, Exchange, Pending, blocking, new_id, now_ms};

/// The largest chunk of a file in one message, either way.
pub const MAX_CHUNK: usize = 1 << 20;

/// The next part of a file to send, up to [`MAX_CHUNK`] bytes (the reader
/// hands out one 64 KiB segment at a time); `None` at the end.
pub fn next_part(reader: &mut BlobReader) -> std::result::Result<Option<Vec<u8>>, BlobError> {
    let mut data = Vec::with_capacity(MAX_CHUNK);
    while data.len() < MAX_CHUNK {
        match reader.read_chunk(MAX_CHUNK - data.len())? {
            Some(more) => data.extend_from_slice(&more),
            None => break,
        }
    }
    Ok((!data.is_empty()).then_some(data))
}

/// A file as a person describes it before its bytes arrive.
#[derive(Debug, Clone)]
pub struct NewEvidence {
    pub request_id: String,
    pub name: String,
    pub media_type: String,
    /// The exact size that will follow, or 0 when the sender cannot say
    /// (a browser's form does not): the node then takes what arrives, up
    /// to its own limit, and checks the agreement's on the actual size.
    pub size: u64,
    pub source: String,
    pub description: String,
}

impl From<BlobError> for Error {
    fn from(e: BlobError) -> Error {
        match e {
            BlobError::TooLarge { .. } => Error::exhausted(e.to_string()),
            BlobError::OutOfOrder { .. } => Error::precondition(e.to_string()),
            BlobError::HashMismatch { .. } => Error::invalid(e.to_string()),
            BlobError::InUse { .. } => Error::unavailable(e.to_string()),
            BlobError::NotFound { .. } => Error::not_found(e.to_string()),
            // A full or read-only disk, told apart as the store does.
            BlobError::Io {
                ref path,
                doing,
                ref source,
            } => Error::Store(StoreError::io(
                format_args!("{}: cannot {doing}", path.display()),
                source,
            )),
            other => Error::Store(StoreError::Io(other.to_string())),
        }
    }
}

/// The blob directory's name for a request's files.
fn upload_id(direction: &str, file_id: &str) -> String {
    format!("{direction}-{file_id}")
}

/// An upload in progress, for a local person or a peer's transfer.
pub struct Receiving {
    upload: Option<Upload>,
    record: EvidenceRecord,
    /// Bytes received since the last checkpoint.
    unsynced: u64,
    /// Whether `record.file.size` is the size announced; if not, it is
    /// only the most the upload may hold, and the size is what arrives.
    announced: bool,
}

impl std::fmt::Debug for Receiving {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Receiving")
            .field("request_id", &self.record.request_id)
            .field("file_id", &self.record.file.file_id)
            .finish_non_exhaustive()
    }
}

/// How many bytes a transfer takes between checkpoints.
const CHECKPOINT_BYTES: u64 = 8 << 20;

/// How many parts a [`Piped`] upload holds between the stream and its
/// writer: enough to keep the stream flowing through a checkpoint's fsync.
const PIPED_PARTS: usize = 8;

/// An upload whose parts are hashed, encrypted and written on a blocking
/// thread of their own, a few parts behind the stream that delivers them:
/// the network, the crypto and the disk overlap. The stream's side checks
/// each part's place and size at once, so a refusal is as prompt and as
/// specific as [`Receiving::write`]'s; a failure of the writer is returned
/// by the next [`Piped::write`] or by [`Piped::finish`].
pub struct Piped {
    parts: Option<tokio::sync::mpsc::Sender<(u64, Vec<u8>)>>,
    writer: Option<Writer>,
    /// The upload, once its writer stopped on an error.
    stopped: Option<Receiving>,
    /// Where the next part must start.
    next: u64,
    /// The most the upload may hold, and whether that is the announced size.
    limit: u64,
    announced: bool,
}

type Writer = tokio::task::JoinHandle<(Receiving, Result<()>)>;

impl std::fmt::Debug for Piped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Piped")
            .field("next", &self.next)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

fn writer_failed(e: tokio::task::JoinError) -> Error {
    Error::Store(StoreError::Io(format!("the upload's writer failed: {e}")))
}

impl Piped {
    /// Hands `bytes`, which must start at `offset`, to the writer.
    pub async fn write(&mut self, offset: u64, bytes: Vec<u8>) -> Result<()> {
        check_part(offset, bytes.len(), self.next, self.limit, self.announced)?;
        let Some(parts) = &self.parts else {
            return Err(Error::precondition("the upload is already finished"));
        };
        let len = bytes.len() as u64;
        if parts.send((offset, bytes)).await.is_ok() {
            self.next = offset + len;
            return Ok(());
        }
        // The writer stopped on an error: that error.
        self.parts = None;
        let Some(writer) = self.writer.take() else {
            return Err(Error::precondition("the upload is already finished"));
        };
        let (receiving, result) = writer.await.map_err(writer_failed)?;
        self.stopped = Some(receiving);
        result.and(Err(Error::precondition("the upload's writer stopped")))
    }

    /// Waits until every part handed over is written; the upload, to
    /// finish or checkpoint. On an error the upload is dropped: what its
    /// last checkpoint made durable stays, for a transfer to resume.
    pub async fn finish(self) -> Result<Receiving> {
        self.finish_or(false).await
    }

    /// As [`Piped::finish`], but an error also removes whatever of the
    /// upload is on disk (a person's upload keeps nothing that failed).
    pub async fn finish_or_abort(self) -> Result<Receiving> {
        self.finish_or(true).await
    }

    async fn finish_or(mut self, abort: bool) -> Result<Receiving> {
        self.parts = None;
        let Some(writer) = self.writer.take() else {
            if abort && let Some(receiving) = self.stopped.take() {
                receiving.abort();
            }
            return Err(Error::precondition("the upload's writer stopped"));
        };
        let (receiving, result) = writer.await.map_err(writer_failed)?;
        match result {
            Ok(()) => Ok(receiving),
            Err(e) => {
                if abort {
                    receiving.abort();
                }
                Err(e)
            }
        }
    }

    /// Stops the writer and drops the upload with whatever of it is on
    /// disk.
    pub async fn abort(mut self) {
        self.parts = None;
        let receiving = match self.writer.take() {
            Some(writer) => writer.await.ok().map(|(receiving, _)| receiving),
            None => self.stopped.take(),
        };
        if let Some(receiving) = receiving {
            receiving.abort();
        }
    }
}

/// Checks a part's place and size before its bytes are taken.
fn check_part(offset: u64, len: usize, next: u64, limit: u64, announced: bool) -> Result<()> {
    if len == 0 || len > MAX_CHUNK {
        return Err(Error::invalid(Problem::field(
            "data",
            format!("holds {len} bytes: 1 to {MAX_CHUNK} allowed"),
        )));
    }
    let end = offset.saturating_add(len as u64);
    if end > limit {
        let bound = if announced {
            "the file's"
        } else {
            "the most a file may hold here,"
        };
        return Err(Error::invalid(Problem::field(
            "data",
            format!("would end at byte {end}, past {bound} {limit} bytes"),
        )));
    }
    if offset != next {
        return Err(BlobError::OutOfOrder {
            expected: next,
            got: offset,
        }
        .into());
    }
    Ok(())
}

impl Receiving {
    /// Moves the writing to a blocking thread of its own (see [`Piped`]).
    pub fn piped(self) -> Piped {
        let (parts, mut rx) = tokio::sync::mpsc::channel::<(u64, Vec<u8>)>(PIPED_PARTS);
        let (next, limit, announced) = (self.offset(), self.record.file.size, self.announced);
        let mut receiving = self;
        let writer = tokio::task::spawn_blocking(move || {
            while let Some((offset, bytes)) = rx.blocking_recv() {
                if let Err(e) = receiving.write(offset, &bytes) {
                    return (receiving, Err(e));
                }
            }
            (receiving, Ok(()))
        });
        Piped {
            parts: Some(parts),
            writer: Some(writer),
            stopped: None,
            next,
            limit,
            announced,
        }
    }

    /// The request and the file.
    pub fn ids(&self) -> (&str, &str) {
        (&self.record.request_id, &self.record.file.file_id)
    }

    pub fn offset(&self) -> u64 {
        self.upload.as_ref().map_or(0, Upload::offset)
    }

    pub fn size(&self) -> u64 {
        self.record.file.size
    }

    /// Takes `bytes` at `offset`, which must be where the upload stands.
    pub fn write(&mut self, offset: u64, bytes: &[u8]) -> Result<()> {
        let next = self.offset();
        check_part(
            offset,
            bytes.len(),
            next,
            self.record.file.size,
            self.announced,
        )?;
        let upload = self
            .upload
            .as_mut()
            .ok_or_else(|| Error::precondition("the upload is already finished"))?;
        blocking(|| upload.write_at(offset, bytes))?;
        self.unsynced += bytes.len() as u64;
        if self.unsynced >= CHECKPOINT_BYTES {
            blocking(|| upload.checkpoint())?;
            self.unsynced = 0;
        }
        Ok(())
    }

    /// Makes what arrived durable (a stream that ends early resumes here).
    pub fn checkpoint(&mut self) -> Result<u64> {
        match self.upload.as_mut() {
            Some(upload) => Ok(blocking(|| upload.checkpoint())?),
            None => Ok(self.record.file.size),
        }
    }

    /// Drops the upload and whatever of it is on disk.
    pub fn abort(mut self) {
        if let Some(upload) = self.upload.take()
            && let Err(e) = blocking(|| upload.abort())
        {
            tracing::warn!(error = %e, "an aborted upload was not removed");
        }
    }

    pub fn complete(&self) -> bool {
        if self.announced {
            self.offset() == self.record.file.size
        } else {
            self.offset() > 0
        }
    }
}

impl Exchange {
    /// The request a person may attach files to, and the side it is on:
    /// a focal point's own sent request, or a request assigned to the
    /// officer's agency (attached to its answer). Not once purged.
    fn attachable(&self, caller: &LocalUser, request_id: &str) -> Result<RequestRecord> {
        let record = self.readable(caller, request_id)?;
        if record.purged_unix_ms.is_some() {
            return Err(Error::precondition(format!(
                "request {request_id} was purged at the end of its retention period"
            )));
        }
        if record.direction == Direction::Incoming
            && !matches!(
                record.status,
                RequestStatus::Assigned | RequestStatus::Answered
            )
        {
            return Err(Error::precondition(format!(
                "request {request_id} is {}: files go with an answer to a request assigned \
                 to the agency",
                record.status
            )));
        }
        Ok(record)
    }

    /// The evidence rule of this node's agreement for `record`'s peer and
    /// category, or why there is none.
    fn evidence_rule(&self, record: &RequestRecord) -> std::result::Result<EvidenceRule, String> {
        let config = self.config();
        let agreement = config
            .agreement_with(record.peer())
            .ok_or_else(|| format!("no agreement with {}", record.peer()))?;
        let rule = agreement.rule_for(record.request.category).ok_or_else(|| {
            format!(
                "{} has no rule for {}",
                agreement.label(),
                record.request.category
            )
        })?;
        rule.evidence.clone().ok_or_else(|| {
            format!(
                "{} rule {} ({}) allows no evidence files",
                agreement.label(),
                rule.number,
                rule.category
            )
        })
    }

    /// The bytes already attached by `from` to the request.
    fn carried(&self, request_id: &str, from: CountryCode) -> Result<u64> {
        Ok(self
            .records
            .evidence_files(request_id)?
            .iter()
            .filter(|f| f.from == from)
            .map(|f| f.file.size)
            .sum())
    }

    /// Refuses a file the agreement does not allow, auditing the refusal.
    async fn allow_file(
        &self,
        actor: &str,
        record: &RequestRecord,
        media_type: &str,
        size: u64,
        carried: u64,
    ) -> Result<()> {
        let max = self.config().evidence_max_file_bytes;
        let refusal = if size > max {
            Some(format!(
                "{size} bytes is more than the {} MiB this node takes",
                max >> 20
            ))
        } else {
            match self.evidence_rule(record) {
                Err(why) => Some(why),
                Ok(rule) => rule.refuses(media_type, size, carried),
            }
        };
        let Some(refusal) = refusal else {
            return Ok(());
        };
        self.record_event(
            Event::new("evidence.refused", actor)
                .about(record)
                .detail(refusal.clone()),
        )
        .await?;
        Err(Error::denied(refusal))
    }

    fn request_key(&self, request_id: &str) -> Result<DataKey> {
        self.records
            .data_key(&request_key_name(request_id))?
            .ok_or_else(|| {
                Error::precondition(format!("request {request_id} has no data key (purged)"))
            })
    }

    /// Starts a person's upload of a file to a request; the bytes follow
    /// with [`Receiving::write`], then [`Exchange::attach`].
    pub async fn start_attach(&self, caller: &LocalUser, new: NewEvidence) -> Result<Receiving> {
        let request_id = convert_uuid("request_id", &new.request_id)?;
        let name = liaison_proto::convert::file_name("name", &new.name)?;
        let media_type = liaison_proto::convert::media_type("media_type", &new.media_type)?;
        let announced = new.size > 0;
        let size = if announced {
            new.size
        } else {
            self.config().evidence_max_file_bytes
        };
        self.storage_has_room(if announced { size } else { 0 })?;
        let source = liaison_proto::convert::text(
            "source",
            &new.source,
            liaison_proto::convert::MAX_SOURCE_CHARS,
            false,
        )?;
        let description = liaison_proto::convert::text(
            "description",
            &new.description,
            liaison_proto::convert::MAX_DESCRIPTION_CHARS,
            true,
        )?;
        let record = self.attachable(caller, &request_id)?;
        let carried = self.carried(&request_id, self.country())?;
        // Unannounced, the size is checked once known, in `attach`.
        self.allow_file(&caller.name, &record, &media_type, new.size.max(1), carried)
            .await?;
        let key = self.request_key(&request_id)?;
        let file_id = new_id();
        let blobs = self.blobs.clone();
        let upload =
            blocking(|| blobs.upload(&request_id, &upload_id("up", &file_id), &key, size))?;
        Ok(Receiving {
            upload: Some(upload),
            record: EvidenceRecord {
                request_id,
                direction: record.direction,
                from: self.country(),
                file: EvidenceFile {
                    file_id,
                    name,
                    size,
                    media_type,
                    sha256: [0; 32],
                    acquired_by: caller.name.clone(),
                    acquired_unix_ms: 0,
                    source,
                    description,
                    custody_start: [0; 32],
                    acquisition: Vec::new(),
                },
                state: EvidenceState::Attached,
                manifest_hash: None,
                receipt: Vec::new(),
            },
            unsynced: 0,
            announced,
        })
    }

    /// Finishes a person's upload once every byte arrived: the file is
    /// hashed as stored, recorded, and `evidence.attached` starts its chain
    /// of custody.
    pub async fn attach(
        &self,
        caller: &LocalUser,
        mut receiving: Receiving,
    ) -> Result<EvidenceRecord> {
        if !receiving.complete() {
            let offset = receiving.offset();
            let announced = receiving.announced;
            if let Some(upload) = receiving.upload.take() {
                blocking(|| upload.abort())?;
            }
            let rule = if announced {
                format!(
                    "announced {} bytes but {offset} arrived; nothing was kept",
                    receiving.record.file.size
                )
            } else {
                "no byte arrived; nothing was kept".to_string()
            };
            return Err(Error::invalid(Problem::field("size", rule)));
        }
        if !receiving.announced {
            // Now the size is known: the agreement's limits on it.
            let size = receiving.offset();
            receiving.record.file.size = size;
            let (request_id, caller_name) = (receiving.record.request_id.clone(), &caller.name);
            let checked = async {
                let record = self.attachable(caller, &request_id)?;
                let carried = self.carried(&request_id, self.country())?;
                let media_type = receiving.record.file.media_type.clone();
                self.allow_file(caller_name, &record, &media_type, size, carried)
                    .await
            }
            .await;
            if let Err(e) = checked {
                receiving.abort();
                return Err(e);
            }
        }
        let upload = receiving
            .upload
            .take()
            .ok_or_else(|| Error::precondition("the upload is already finished"))?;
        let info = blocking(|| upload.finish(None))?;
        let mut evidence = receiving.record;
        evidence.file.sha256 = info.sha256;
        evidence.file.acquired_unix_ms = now_ms();
        let state = self.state.lock().await;
        let record = self.attachable(caller, &evidence.request_id)?;
        let mut pending = Pending::default();
        pending.events.push(
            Event::new("evidence.attached", &caller.name)
                .about(&record)
                .hash(info.sha256)
                .detail(format!(
                    "size={} type={}",
                    info.size, evidence.file.media_type
                ))
                .custody(&evidence.file.file_id, After::Start),
        );
        pending.changes.put_evidence_file(&evidence);
        self.commit(state, pending).await?;
        tracing::info!(
            country = %self.country(),
            request_id = %evidence.request_id,
            file_id = %evidence.file.file_id,
            size = info.size,
            "evidence attached"
        );
        Ok(evidence)
    }

    /// Signs one manifest of the files attached here and not yet sent,
    /// queues it, and queues each file's transfer behind it.
    pub async fn send_evidence(
        &self,
        caller: &LocalUser,
        request_id: &str,
    ) -> Result<Vec<EvidenceRecord>> {
        // Every attached entry is durable, so this head covers them.
        let head = self.durable().await?;
        let state = self.state.lock().await;
        let record = self.attachable(caller, request_id)?;
        let country = self.country();
        let mut files: Vec<EvidenceRecord> = self
            .records
            .evidence_files(request_id)?
            .into_iter()
            .filter(|f| f.from == country && f.state == EvidenceState::Attached)
            .collect();
        if files.is_empty() {
            return Err(Error::precondition(format!(
                "request {request_id} has no attached file waiting to be sent"
            )));
        }
        if files.len() > liaison_proto::convert::MAX_EVIDENCE_FILES {
            files.truncate(liaison_proto::convert::MAX_EVIDENCE_FILES);
        }
        for file in &mut files {
            let chain = self
                .records
                .custody(request_id, &file.file.file_id)?
                .ok_or_else(|| {
                    Error::Integrity(format!("file {} has no custody chain", file.file.file_id))
                })?;
            file.file.custody_start = chain.start;
            file.file.acquisition = self
                .acquisition_proof(request_id, chain.start, head.clone())?
                .encode_to_vec();
        }
        let (message, sealed) = self.seal(
            record.peer(),
            Content::Evidence(EvidenceManifest {
                request_id: request_id.to_string(),
                files: files.iter().map(|f| f.file.clone()).collect(),
            }),
        );
        let kind = match record.direction {
            Direction::Outgoing => OutboxKind::RequestEvidence,
            Direction::Incoming => OutboxKind::AnswerEvidence,
        };
        let now = now_ms();
        let give_up = record.request.deadline_unix_ms.max(now) + DELIVERY_GRACE_MS;
        let mut pending = Pending::default();
        pending.enqueue(&self.outbox_item(&message, &sealed, kind, give_up));
        pending.events.push(
            Event::new("evidence.announced", &caller.name)
                .about(&record)
                .hash(sealed.hash)
                .detail(format!("{} files", files.len())),
        );
        for file in &mut files {
            file.state = EvidenceState::Sending;
            file.manifest_hash = Some(sealed.hash);
            pending.changes.put_evidence_file(file);
            pending.changes.put_transfer(&TransferItem {
                request_id: request_id.to_string(),
                file_id: file.file.file_id.clone(),
                to: record.peer(),
                direction: record.direction,
                manifest_message_id: message.message_id.clone(),
                attempts: 0,
                next_attempt_unix_ms: now,
                last_error: None,
            });
        }
        self.commit(state, pending).await?;
        Ok(files)
    }

    /// This node's `evidence.attached` entry with leaf hash `start`,
    /// proved under `head`.
    fn acquisition_proof(
        &self,
        request_id: &str,
        start: [u8; 32],
        head: Option<std::sync::Arc<crate::records::SealedHead>>,
    ) -> Result<pb::AuditProof> {
        for (index, event) in self.records.audit_positions(request_id)? {
            if event != "evidence.attached" {
                continue;
            }
            let Some(leaf) = self.records.audit_leaf(index)? else {
                continue;
            };
            if liaison_proto::merkle::leaf_hash(&leaf) == start {
                return self
                    .prove(index, leaf, head)?
                    .proof
                    .ok_or_else(|| Error::Integrity("a proof without its entry".into()));
            }
        }
        Err(Error::Integrity(format!(
            "no evidence.attached entry of request {request_id} has leaf hash {}",
            hex::encode(start)
        )))
    }

    /// Checks that a peer's file was acquired as its manifest says: its
    /// `evidence.attached` entry, proved under the peer's signed tree head.
    fn check_acquisition(&self, peer: CountryCode, at: usize, file: &EvidenceFile) -> Result<()> {
        let keys = self.peer_keys(peer)?;
        let proof = pb::AuditProof::decode(file.acquisition.as_slice()).map_err(|_| {
            Error::invalid(Problem::field(
                format!("evidence.files[{at}].acquisition"),
                "does not decode",
            ))
        })?;
        let receipt = pb::Receipt {
            proof: Some(proof),
            ..Default::default()
        };
        let expected = liaison_proto::receipt::Expected {
            receiver: peer,
            sender: self.country(),
            message_id: "",
            envelope_hash: file.sha256,
            event: "evidence.attached",
        };
        liaison_proto::receipt::verify_receipt(
            &receipt,
            &expected,
            |id| keys.get(id).copied(),
            &self.peer_heads,
        )
        .map_err(|e| {
            Error::invalid(Problem::field(
                format!("evidence.files[{at}].acquisition"),
                format!("is not {peer}'s proved evidence.attached entry for the file: {e}"),
            ))
        })?;
        Ok(())
    }

    /// The files of a request a person may see: both sides'. Auditors see
    /// hashes, sizes, types and states, not names or descriptions.
    pub fn evidence_of(&self, caller: &LocalUser, request_id: &str) -> Result<Vec<EvidenceRecord>> {
        let auditor = caller.role == Role::Auditor;
        if !auditor {
            self.readable(caller, request_id)?;
        }
        let mut files = self.records.evidence_files(request_id)?;
        if auditor {
            for file in &mut files {
                file.file.name = String::new();
                file.file.source = String::new();
                file.file.description = String::new();
            }
        }
        Ok(files)
    }

    /// How many bytes of `file` this node holds: of a peer's file on its
    /// way (`Expected`), what its transfer has written so far (see
    /// [`crate::blobs::BlobDir::partial_size`]), or all of it once the
    /// finished blob is in place (a moment before `evidence.received` is
    /// recorded); of any other, the whole file.
    pub fn bytes_held(&self, file: &EvidenceRecord) -> Result<u64> {
        if file.state != EvidenceState::Expected {
            return Ok(file.file.size);
        }
        let blobs = self.blobs.clone();
        let upload = upload_id("in", &file.file.file_id);
        let held = blocking(|| match blobs.partial_size(&file.request_id, &upload)? {
            0 => Ok::<_, BlobError>(
                blobs
                    .exists(&file.request_id, &file.file.sha256)?
                    .unwrap_or(0),
            ),
            held => Ok(held),
        })?;
        Ok(held.min(file.file.size))
    }

    /// The request record whose files a person may read, attach, send or
    /// export (purged or not): a focal point's sent request, or a request
    /// assigned to the officer's agency.
    fn readable(&self, caller: &LocalUser, request_id: &str) -> Result<RequestRecord> {
        match &caller.role {
            Role::FocalPoint => self.records.request(Direction::Outgoing, request_id)?,
            Role::Agency(agency) => self
                .records
                .request(Direction::Incoming, request_id)?
                .filter(|r| r.agency.as_deref() == Some(agency.as_str())),
            _ => None,
        }
        .ok_or_else(|| {
            Error::not_found(format!(
                "no request {request_id} whose files {} may handle",
                caller.name
            ))
        })
    }

    /// Opens a file for a person to read, recording `evidence.opened`
    /// first: the record stands even if the reader stops early.
    pub async fn open_evidence(
        &self,
        caller: &LocalUser,
        request_id: &str,
        file_id: &str,
    ) -> Result<(EvidenceRecord, BlobReader)> {
        let state = self.state.lock().await;
        let record = self.readable(caller, request_id)?;
        let file = self
            .records
            .evidence_file(request_id, file_id)?
            .ok_or_else(|| {
                Error::not_found(format!("no file {file_id} in request {request_id}"))
            })?;
        if !matches!(
            file.state,
            EvidenceState::Attached
                | EvidenceState::Sending
                | EvidenceState::Delivered
                | EvidenceState::Received
        ) {
            return Err(Error::precondition(format!(
                "file {file_id} has not arrived yet"
            )));
        }
        let key = self.request_key(request_id)?;
        let blobs = self.blobs.clone();
        let sha256 = file.file.sha256;
        let reader = blocking(|| blobs.reader(request_id, &sha256, &key, 0))?;
        let mut pending = Pending::default();
        pending.events.push(
            Event::new("evidence.opened", &caller.name)
                .about(&record)
                .hash(sha256)
                .custody(file_id, After::Head),
        );
        self.commit(state, pending).await?;
        Ok((file, reader))
    }

    /// A peer's manifest: every file must be one the agreement allows with
    /// this request; each is then expected. Called by `receive` with the
    /// write state held; adds to `pending`.
    pub(super) fn receive_manifest(
        &self,
        peer: CountryCode,
        manifest: &EvidenceManifest,
        hash: [u8; 32],
        pending: &mut Pending,
    ) -> Result<RequestRecord> {
        let request_id = &manifest.request_id;
        // The requester announces files with its request (which this node
        // received), the answering side with its answer (to our request).
        // A manifest may overtake its request in a batch: the sender
        // retries until the request is here.
        let record = [Direction::Incoming, Direction::Outgoing]
            .into_iter()
            .find_map(|d| self.records.request(d, request_id).ok().flatten())
            .filter(|r| r.peer() == peer)
            .ok_or_else(|| {
                Error::unavailable(format!("no request {request_id} shared with {peer} (yet)"))
            })?;
        if record.purged_unix_ms.is_some() {
            return Err(Error::precondition(format!(
                "request {request_id} was purged here"
            )));
        }
        let rule = self.evidence_rule(&record).map_err(Error::denied)?;
        let max = self.config().evidence_max_file_bytes;
        let mut carried = self.carried(request_id, peer)?;
        for (i, file) in manifest.files.iter().enumerate() {
            self.check_acquisition(peer, i, file)?;
            if self
                .records
                .evidence_file(request_id, &file.file_id)?
                .is_some()
            {
                return Err(Error::exists(Problem::field(
                    format!("evidence.files[{i}].file_id"),
                    "names a file already announced",
                )));
            }
            if file.size > max {
                return Err(Error::exhausted(format!(
                    "evidence.files[{i}]: {} bytes is more than the {} MiB this node takes",
                    file.size,
                    max >> 20
                )));
            }
            if let Some(refusal) = rule.refuses(&file.media_type, file.size, carried) {
                return Err(Error::denied(format!("evidence.files[{i}]: {refusal}")));
            }
            carried += file.size;
        }
        for file in &manifest.files {
            pending.changes.put_evidence_file(&EvidenceRecord {
                request_id: request_id.clone(),
                direction: record.direction,
                from: peer,
                file: file.clone(),
                state: EvidenceState::Expected,
                manifest_hash: Some(hash),
                receipt: Vec::new(),
            });
        }
        pending.record(&record);
        Ok(record)
    }

    /// A file a peer announced and may send bytes of.
    fn expected_from(
        &self,
        peer: CountryCode,
        request_id: &str,
        file_id: &str,
    ) -> Result<EvidenceRecord> {
        let request_id = convert_uuid("request_id", request_id)?;
        let file_id = convert_uuid("file_id", file_id)?;
        self.records
            .evidence_file(&request_id, &file_id)?
            .filter(|f| f.from == peer && f.from != self.country())
            .ok_or_else(|| {
                Error::not_found(format!(
                    "no file {file_id} of request {request_id} announced by {peer}"
                ))
            })
    }

    /// Where a peer's transfer of a file resumes, and its receipt once the
    /// file is here.
    pub async fn transfer_state(
        &self,
        peer: CountryCode,
        request_id: &str,
        file_id: &str,
    ) -> Result<pb::EvidenceTransferState> {
        let file = self.expected_from(peer, request_id, file_id)?;
        if file.state == EvidenceState::Received {
            return self.transfer_receipt(&file).await;
        }
        let receiving = self.start_transfer(peer, request_id, file_id)?;
        Ok(pb::EvidenceTransferState {
            offset: receiving.offset(),
            receipt: None,
        })
    }

    /// Opens (or resumes) the upload of a peer's file.
    pub fn start_transfer(
        &self,
        peer: CountryCode,
        request_id: &str,
        file_id: &str,
    ) -> Result<Receiving> {
        let file = self.expected_from(peer, request_id, file_id)?;
        let held = self.bytes_held(&file).unwrap_or(0);
        self.storage_has_room(file.file.size.saturating_sub(held))?;
        if file.state != EvidenceState::Expected {
            return Err(Error::exists(format!(
                "file {file_id} has already arrived and been verified"
            )));
        }
        let key = self.request_key(&file.request_id)?;
        let blobs = self.blobs.clone();
        let upload = blocking(|| {
            blobs.upload(
                &file.request_id,
                &upload_id("in", &file.file.file_id),
                &key,
                file.file.size,
            )
        })?;
        Ok(Receiving {
            upload: Some(upload),
            record: file,
            unsynced: 0,
            announced: true,
        })
    }

    /// The receipt for a file already received: its `evidence.received`
    /// entry under the latest durable tree head.
    async fn transfer_receipt(&self, file: &EvidenceRecord) -> Result<pb::EvidenceTransferState> {
        let head = self.durable().await?;
        let index = self
            .records
            .audit_positions(&file.request_id)?
            .into_iter()
            .filter(|(_, event)| event == "evidence.received")
            .map(|(index, _)| index)
            .find(|&index| {
                self.records
                    .audit_leaf(index)
                    .ok()
                    .flatten()
                    .is_some_and(|leaf| {
                        serde_json::from_slice::<serde_json::Value>(&leaf)
                            .ok()
                            .and_then(|v| v["message_hash"].as_str().map(str::to_string))
                            == Some(hex::encode(file.file.sha256))
                    })
            })
            .ok_or_else(|| Error::Integrity("a received file has no audit entry".into()))?;
        let entry = self
            .records
            .audit_leaf(index)?
            .ok_or_else(|| Error::Integrity(format!("audit entry {index} is missing")))?;
        let receipt = self.prove(index, entry, head)?;
        Ok(pb::EvidenceTransferState {
            offset: file.file.size,
            receipt: receipt.proof,
        })
    }

    /// Ends a peer's transfer call: a complete file is checked against the
    /// signed manifest, recorded and receipted; an incomplete one is kept
    /// durably for the next call.
    pub async fn end_transfer(
        &self,
        peer: CountryCode,
        mut receiving: Receiving,
    ) -> Result<pb::EvidenceTransferState> {
        if !receiving.complete() {
            let offset = receiving.checkpoint()?;
            return Ok(pb::EvidenceTransferState {
                offset,
                receipt: None,
            });
        }
        let upload = receiving
            .upload
            .take()
            .ok_or_else(|| Error::precondition("the transfer is already finished"))?;
        let mut file = receiving.record;
        let expected = file.file.sha256;
        let verified = blocking(|| upload.finish(Some(&expected)));
        let state = self.state.lock().await;
        let record = [Direction::Incoming, Direction::Outgoing]
            .into_iter()
            .find_map(|d| self.records.request(d, &file.request_id).ok().flatten())
            .filter(|r| r.peer() == peer)
            .ok_or_else(|| Error::not_found(format!("no request {}", file.request_id)))?;
        let info = match verified {
            Ok(info) => info,
            Err(e) => {
                // The bytes are discarded; the peer may send them again.
                let mut pending = Pending::default();
                let mut event = Event::new("evidence.rejected", format!("peer:{peer}"))
                    .about(&record)
                    .hash(expected)
                    .detail(format!("file={}: {e}", file.file.file_id));
                event.peer = Some(peer);
                pending.events.push(event);
                self.commit(state, pending).await?;
                return Err(e.into());
            }
        };
        let mut pending = Pending::default();
        file.state = EvidenceState::Received;
        pending.changes.put_evidence_file(&file);
        // Watchers of the request hear of it.
        pending.record(&record);
        let mut received = Event::new("evidence.received", format!("peer:{peer}"))
            .about(&record)
            .hash(info.sha256)
            .detail(format!("size={}", info.size))
            .custody(&file.file.file_id, After::Entry(file.file.custody_start));
        received.peer = Some(peer);
        pending.events.push(received);
        pending.events.push(
            Event::new("evidence.verified", "node")
                .about(&record)
                .hash(info.sha256)
                .detail("sha256 matches the signed manifest")
                .custody(&file.file.file_id, After::Head),
        );
        let before = state.frontier.clone();
        let mut state = state;
        let (index, entry) = self
            .append_log(&mut state, &mut pending)
            .ok_or_else(|| Error::precondition("nothing to record"))?;
        let head = self.finish(state, before, pending).await?;
        let receipt = self.prove(index, entry, head)?;
        tracing::info!(
            country = %self.country(),
            %peer,
            request_id = %file.request_id,
            file_id = %file.file.file_id,
            size = info.size,
            "evidence received and verified"
        );
        Ok(pb::EvidenceTransferState {
            offset: info.size,
            receipt: receipt.proof,
        })
    }

    /// Records the peer's receipt for a file's bytes: `evidence.sent`, and
    /// the transfer leaves the queue.
    pub(crate) async fn transferred(
        &self,
        item: &TransferItem,
        proof: pb::AuditProof,
    ) -> Result<()> {
        let keys = self.peer_keys(item.to)?;
        let mut file = self
            .records
            .evidence_file(&item.request_id, &item.file_id)?
            .ok_or_else(|| Error::not_found(format!("no file {}", item.file_id)))?;
        let expected = liaison_proto::receipt::Expected {
            receiver: item.to,
            sender: self.country(),
            message_id: &item.manifest_message_id,
            envelope_hash: file.file.sha256,
            event: "evidence.received",
        };
        let receipt = pb::Receipt {
            proof: Some(proof.clone()),
            ..Default::default()
        };
        let delivery = liaison_proto::receipt::verify_receipt(
            &receipt,
            &expected,
            |id| keys.get(id).copied(),
            &self.peer_heads,
        )
        .map_err(|e| Error::invalid(format!("evidence receipt from {}: {e}", item.to)))?;
        let state = self.state.lock().await;
        let record = self
            .records
            .request(item.direction, &item.request_id)?
            .ok_or_else(|| Error::not_found(format!("no request {}", item.request_id)))?;
        let mut pending = Pending::default();
        file.state = EvidenceState::Delivered;
        file.receipt = proof.encode_to_vec();
        pending.changes.put_evidence_file(&file);
        pending.record(&record);
        pending
            .changes
            .remove_transfer(&item.request_id, &item.file_id);
        pending.events.push(
            Event::new("evidence.sent", "node")
                .about(&record)
                .hash(file.file.sha256)
                .detail(format!("peer audit index {}", delivery.audit_index))
                .custody(&item.file_id, After::Head),
        );
        self.commit(state, pending).await?;
        tracing::info!(
            country = %self.country(),
            peer = %item.to,
            request_id = %item.request_id,
            file_id = %item.file_id,
            "evidence delivered"
        );
        Ok(())
    }

    /// Reschedules a transfer that failed (the peer unreachable, or not
    /// ready for the bytes yet).
    pub(crate) async fn transfer_failed(&self, item: &TransferItem, reason: String) -> Result<()> {
        let _state = self.state.lock().await;
        let Some(mut current) = self.records.transfer(&item.request_id, &item.file_id)? else {
            return Ok(());
        };
        current.attempts = current.attempts.saturating_add(1);
        current.next_attempt_unix_ms =
            now_ms() + super::backoff_ms(current.attempts, self.config().delivery_retry_max);
        current.last_error = Some(
            reason
                .chars()
                .filter(|c| !c.is_control())
                .take(300)
                .collect(),
        );
        let mut changes = crate::records::Changes::new();
        changes.put_transfer(&current);
        self.records.apply(changes)?;
        self.records.durable(|| Ok(None)).await?;
        Ok(())
    }

    /// A reader of one of this node's files, for its transfer.
    pub(crate) fn transfer_reader(&self, item: &TransferItem, offset: u64) -> Result<BlobReader> {
        let file = self
            .records
            .evidence_file(&item.request_id, &item.file_id)?
            .ok_or_else(|| Error::not_found(format!("no file {}", item.file_id)))?;
        let key = self.request_key(&item.request_id)?;
        let blobs = self.blobs.clone();
        let sha256 = file.file.sha256;
        Ok(blocking(|| {
            blobs.reader(&item.request_id, &sha256, &key, offset)
        })?)
    }

    /// Adds the purge of a request's files to `pending`: their records and
    /// transfers go, `evidence.purged` ends each chain; the bytes are
    /// removed once the purge is durable ([`Exchange::remove_files`]).
    pub(super) fn purge_files(
        &self,
        record: &RequestRecord,
        pending: &mut Pending,
    ) -> Result<usize> {
        let request_id = &record.request.request_id;
        let files = self.records.evidence_files(request_id)?;
        let manifests: std::collections::BTreeSet<[u8; 32]> =
            files.iter().filter_map(|f| f.manifest_hash).collect();
        for hash in &manifests {
            pending.changes.remove_envelope(hash);
        }
        for file in &files {
            pending
                .changes
                .remove_evidence_file(request_id, &file.file.file_id);
            pending
                .changes
                .remove_transfer(request_id, &file.file.file_id);
            if file.state == EvidenceState::Expected {
                // Never arrived: no chain here, and nothing to erase.
                continue;
            }
            pending.events.push(
                Event::new("evidence.purged", "node")
                    .about(record)
                    .hash(file.file.sha256)
                    .custody(&file.file.file_id, After::Head),
            );
        }
        Ok(files.len())
    }

    /// Removes the blob directory of purged requests.
    pub(super) fn remove_files(&self, request_ids: &[String]) {
        for id in request_ids {
            let blobs = self.blobs.clone();
            if let Err(e) = blocking(|| blobs.remove_owner(id)) {
                tracing::warn!(request_id = %id, error = %e, "purged evidence files not removed (their key is destroyed)");
            }
        }
    }
}

fn convert_uuid(field: &str, value: &str) -> Result<String> {
    Ok(liaison_proto::convert::uuid(field, value)?)
}

/// A package being written, chunk by chunk, for the caller to stream.
pub type PackageStream = tokio::sync::mpsc::Receiver<std::result::Result<Vec<u8>, String>>;

/// Hands what the package writer writes to a channel, in chunks of up to
/// [`MAX_CHUNK`].
struct ChannelWriter {
    tx: tokio::sync::mpsc::Sender<std::result::Result<Vec<u8>, String>>,
    buffer: Vec<u8>,
}

impl std::io::Write for ChannelWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= MAX_CHUNK {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = std::mem::take(&mut self.buffer);
        self.tx.blocking_send(Ok(chunk)).map_err(|_| {
            std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the reader went away")
        })
    }
}

impl Exchange {
    /// Writes the court package of a request's files (docs/evidence-package.md):
    /// the files that travelled (sent or received), the signed envelopes
    /// (request, answer, manifests), every custody entry this node holds
    /// for them and those its peer proved (acquisition, receipts), with
    /// inclusion proofs under signed tree heads, both countries' keys, and
    /// the manifest signed by this node. `evidence.exported` is recorded
    /// for each file first, so the package ends each chain here with it.
    pub async fn export_package(
        &self,
        caller: &LocalUser,
        request_id: &str,
    ) -> Result<PackageStream> {
        use liaison_proto::package::custody::CUSTODY_EVENTS;
        use liaison_proto::package::{PackageWriter, parse_custody_detail};
        let state = self.state.lock().await;
        let record = self.readable(caller, request_id)?;
        let files: Vec<EvidenceRecord> = self
            .records
            .evidence_files(request_id)?
            .into_iter()
            .filter(|f| {
                f.manifest_hash.is_some()
                    && matches!(
                        f.state,
                        EvidenceState::Sending | EvidenceState::Delivered | EvidenceState::Received
                    )
            })
            .collect();
        if files.is_empty() {
            return Err(Error::precondition(format!(
                "request {request_id} has no file that was sent or received yet"
            )));
        }
        let mut pending = Pending::default();
        for file in &files {
            pending.events.push(
                Event::new("evidence.exported", &caller.name)
                    .about(&record)
                    .hash(file.file.sha256)
                    .custody(&file.file.file_id, After::Head),
            );
        }
        self.commit(state, pending).await?;
        let head = self.durable().await?;

        let config = self.config();
        let peer = record.peer();
        let own = self.own_keys();
        let mut own_keys = vec![pb::PublicKey {
            key_id: own.signer.key_id().to_string(),
            public_key: own.signer.verifying_key().as_bytes().to_vec(),
            current: true,
        }];
        own_keys.extend(own.previous.iter().map(|(id, key)| pb::PublicKey {
            key_id: id.clone(),
            public_key: key.as_bytes().to_vec(),
            current: false,
        }));
        let peer_keys = config
            .peers
            .get(&peer)
            .map(|p| {
                p.keys
                    .iter()
                    .map(|(id, key)| pb::PublicKey {
                        key_id: id.clone(),
                        public_key: key.as_bytes().to_vec(),
                        current: false,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let keys = [
            pb::NodeKeys {
                country: self.country().to_string(),
                keys: own_keys,
            },
            pb::NodeKeys {
                country: peer.to_string(),
                keys: peer_keys,
            },
        ];

        let mut hashes: Vec<[u8; 32]> = vec![record.envelope_hash];
        hashes.extend(record.answer_envelope_hash);
        for file in &files {
            if let Some(hash) = file.manifest_hash
                && !hashes.contains(&hash)
            {
                hashes.push(hash);
            }
        }
        let mut envelopes = Vec::new();
        for hash in hashes {
            let bytes = self.records.envelope(&hash)?.ok_or_else(|| {
                Error::Integrity(format!("envelope {} is missing", hex::encode(hash)))
            })?;
            envelopes.push(pb::Envelope::decode(bytes.as_slice()).map_err(|e| {
                Error::Integrity(format!(
                    "envelope {} does not decode: {e}",
                    hex::encode(hash)
                ))
            })?);
        }

        // This node's custody entries for the files, then what the peer
        // proved: the acquisition of its files, its receipts for ours.
        let ids: std::collections::BTreeSet<&str> =
            files.iter().map(|f| f.file.file_id.as_str()).collect();
        let mut custody = Vec::new();
        for (index, event) in self.records.audit_positions(request_id)? {
            if !CUSTODY_EVENTS.contains(&event.as_str()) {
                continue;
            }
            let Some(leaf) = self.records.audit_leaf(index)? else {
                continue;
            };
            let entry: serde_json::Value = serde_json::from_slice(&leaf)
                .map_err(|e| Error::Integrity(format!("audit entry {index}: {e}")))?;
            let detail = entry["detail"].as_str().unwrap_or_default();
            let Ok(parsed) = parse_custody_detail(detail) else {
                continue;
            };
            if !ids.contains(parsed.file_id.as_str()) {
                continue;
            }
            if let Some(proof) = self.prove(index, leaf, head.clone())?.proof {
                custody.push(proof);
            }
        }
        for file in &files {
            let peer_proof = if file.from == self.country() {
                &file.receipt
            } else {
                &file.file.acquisition
            };
            if let Ok(proof) = pb::AuditProof::decode(peer_proof.as_slice())
                && !peer_proof.is_empty()
            {
                custody.push(proof);
            }
        }

        let mut readers = Vec::new();
        for file in &files {
            let key = self.request_key(request_id)?;
            let blobs = self.blobs.clone();
            let sha256 = file.file.sha256;
            let reader = blocking(|| blobs.reader(request_id, &sha256, &key, 0))?;
            readers.push((file.file.file_id.clone(), reader));
        }

        let (tx, rx) = tokio::sync::mpsc::channel(2);
        let signer = own.signer;
        let country = self.country();
        let request_id = request_id.to_string();
        tokio::task::spawn_blocking(move || {
            let sink = tx.clone();
            let written = (|| -> std::result::Result<(), String> {
                let out = ChannelWriter {
                    tx: sink,
                    buffer: Vec::new(),
                };
                let mut writer = PackageWriter::new_stream(out, &request_id, country, now_ms())
                    .map_err(|e| e.to_string())?;
                for keys in &keys {
                    writer.add_keys(keys).map_err(|e| e.to_string())?;
                }
                for envelope in &envelopes {
                    writer.add_envelope(envelope).map_err(|e| e.to_string())?;
                }
                for (file_id, reader) in readers {
                    writer
                        .add_file(&file_id, reader)
                        .map_err(|e| e.to_string())?;
                }
                for proof in &custody {
                    writer.add_custody(proof).map_err(|e| e.to_string())?;
                }
                let mut out = writer.finish(&signer).map_err(|e| e.to_string())?;
                std::io::Write::flush(out.get_mut()).map_err(|e| e.to_string())
            })();
            if let Err(e) = written {
                let _ = tx.blocking_send(Err(e));
            }
        });
        Ok(rx)
    }
}
