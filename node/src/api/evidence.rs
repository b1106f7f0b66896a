//! The local `Evidence` service: people attach files to requests, send
//! them, list them and read them. Every method authenticates the caller
//! and leaves the decisions (who may, which request, what the agreement
//! allows) to the exchange; every refusal is audited.

use std::pin::Pin;
use std::sync::Arc;

use futures::{Stream, StreamExt as _};
use liaison_proto::pb;
use liaison_proto::pb::evidence_server::Evidence;
use prost::Message as _;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};

use crate::api::local::{audited, caller, require};
use crate::config::Role;
use crate::error::{Error, Problem};
use crate::exchange::{Exchange, NewEvidence, next_part};
use crate::records::{EvidenceRecord, EvidenceState};

#[derive(Debug, Clone)]
pub struct EvidenceService {
    exchange: Arc<Exchange>,
}

impl EvidenceService {
    pub fn new(exchange: Arc<Exchange>) -> Self {
        EvidenceService { exchange }
    }
}

/// A file as the API shows it; `held` is how many of its bytes this node
/// holds ([`Exchange::bytes_held`]).
pub fn item(file: &EvidenceRecord, held: u64) -> pb::EvidenceItem {
    let state = match file.state {
        EvidenceState::Attached => pb::EvidenceState::EvidenceAttached,
        EvidenceState::Sending => pb::EvidenceState::EvidenceSending,
        EvidenceState::Delivered => pb::EvidenceState::EvidenceDelivered,
        EvidenceState::Expected => pb::EvidenceState::EvidenceExpected,
        EvidenceState::Received => pb::EvidenceState::EvidenceReceived,
    };
    pb::EvidenceItem {
        file: Some((&file.file).into()),
        state: state as i32,
        from_country: file.from.to_string(),
        received_bytes: held,
        manifest_hash: file.manifest_hash.map(|h| h.to_vec()).unwrap_or_default(),
        receipt: pb::AuditProof::decode(file.receipt.as_slice())
            .ok()
            .filter(|_| !file.receipt.is_empty()),
    }
}

/// An upload stream that broke (the caller went away, or sent bytes that
/// are no gRPC message).
fn stream_failed(status: Status) -> Error {
    Error::unavailable(format!(
        "the upload stream ended with {}; nothing was kept",
        crate::error::code_name(status.code())
    ))
}

type ChunkStream = Pin<Box<dyn Stream<Item = Result<pb::FileChunk, Status>> + Send>>;

impl EvidenceService {
    /// `Upload` from any stream of parts: the gRPC stream, or the
    /// console's form as it arrives.
    pub async fn receive<S>(
        &self,
        request: Request<S>,
    ) -> Result<Response<pb::EvidenceItem>, Status>
    where
        S: Stream<Item = Result<pb::UploadPart, Status>> + Send + Unpin,
    {
        let user = caller(&self.exchange, &request).await?;
        let allowed = matches!(user.role, Role::FocalPoint | Role::Agency(_));
        require(&self.exchange, &user, allowed, "attach evidence files").await?;
        let mut parts = request.into_inner();
        let outcome = async {
            let header = match parts.next().await.transpose().map_err(stream_failed)? {
                Some(pb::UploadPart {
                    part: Some(pb::upload_part::Part::Header(header)),
                }) => header,
                _ => {
                    return Err(Error::invalid(Problem::field(
                        "header",
                        "the first part of an upload is its header",
                    )));
                }
            };
            let receiving = self
                .exchange
                .start_attach(
                    &user,
                    NewEvidence {
                        request_id: header.request_id,
                        name: header.name,
                        media_type: header.media_type,
                        size: header.size,
                        source: header.source,
                        description: header.description,
                    },
                )
                .await?;
            // Hashed, encrypted and written a few parts behind the stream.
            let mut piped = receiving.piped();
            let mut offset = 0;
            let received = async {
                while let Some(part) = parts.next().await.transpose().map_err(stream_failed)? {
                    match part.part {
                        Some(pb::upload_part::Part::Chunk(chunk)) => {
                            let len = chunk.len() as u64;
                            piped.write(offset, chunk).await?;
                            offset += len;
                        }
                        _ => {
                            return Err(Error::invalid(Problem::field(
                                "chunk",
                                "every part after the header is a chunk",
                            )));
                        }
                    }
                }
                Ok(())
            }
            .await;
            match received {
                Ok(()) => {
                    let receiving = piped.finish_or_abort().await?;
                    self.exchange.attach(&user, receiving).await
                }
                Err(e) => {
                    // Nothing of a failed upload is kept.
                    piped.abort().await;
                    Err(e)
                }
            }
        }
        .await;
        let file = audited(&self.exchange, &user, outcome).await?;
        Ok(Response::new(item(&file, file.file.size)))
    }
}

#[tonic::async_trait]
impl Evidence for EvidenceService {
    async fn upload(
        &self,
        request: Request<Streaming<pb::UploadPart>>,
    ) -> Result<Response<pb::EvidenceItem>, Status> {
        self.receive(request).await
    }

    async fn send(
        &self,
        request: Request<pb::EvidenceSendCall>,
    ) -> Result<Response<pb::EvidenceList>, Status> {
        let user = caller(&self.exchange, &request).await?;
        let allowed = matches!(user.role, Role::FocalPoint | Role::Agency(_));
        require(&self.exchange, &user, allowed, "send evidence files").await?;
        let outcome = self
            .exchange
            .send_evidence(&user, &request.get_ref().request_id)
            .await;
        let files = audited(&self.exchange, &user, outcome).await?;
        Ok(Response::new(pb::EvidenceList {
            items: files.iter().map(|f| item(f, f.file.size)).collect(),
        }))
    }

    async fn list(
        &self,
        request: Request<pb::EvidenceQuery>,
    ) -> Result<Response<pb::EvidenceList>, Status> {
        let user = caller(&self.exchange, &request).await?;
        let allowed = matches!(
            user.role,
            Role::FocalPoint | Role::Agency(_) | Role::Auditor
        );
        require(&self.exchange, &user, allowed, "list evidence files").await?;
        let outcome = self
            .exchange
            .evidence_of(&user, &request.get_ref().request_id)
            .and_then(|files| {
                files
                    .iter()
                    .map(|f| Ok(item(f, self.exchange.bytes_held(f)?)))
                    .collect::<crate::error::Result<Vec<_>>>()
            });
        let items = audited(&self.exchange, &user, outcome).await?;
        Ok(Response::new(pb::EvidenceList { items }))
    }

    type DownloadStream = ChunkStream;

    async fn download(
        &self,
        request: Request<pb::FileRef>,
    ) -> Result<Response<Self::DownloadStream>, Status> {
        let user = caller(&self.exchange, &request).await?;
        let allowed = matches!(user.role, Role::FocalPoint | Role::Agency(_));
        require(&self.exchange, &user, allowed, "read evidence files").await?;
        let file = request.get_ref();
        let outcome = self
            .exchange
            .open_evidence(&user, &file.request_id, &file.file_id)
            .await;
        let (_, mut reader) = audited(&self.exchange, &user, outcome).await?;
        let (tx, rx) = tokio::sync::mpsc::channel(2);
        tokio::task::spawn_blocking(move || {
            let mut offset = 0u64;
            loop {
                let chunk = match next_part(&mut reader) {
                    Ok(Some(data)) => {
                        let chunk = pb::FileChunk { offset, data };
                        offset += chunk.data.len() as u64;
                        Ok(chunk)
                    }
                    Ok(None) => return,
                    Err(e) => Err(Status::data_loss(e.to_string())),
                };
                let failed = chunk.is_err();
                if tx.blocking_send(chunk).is_err() || failed {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }

    type PackageStream = ChunkStream;

    async fn package(
        &self,
        request: Request<pb::EvidenceQuery>,
    ) -> Result<Response<Self::PackageStream>, Status> {
        let user = caller(&self.exchange, &request).await?;
        let allowed = matches!(user.role, Role::FocalPoint | Role::Agency(_));
        require(&self.exchange, &user, allowed, "export evidence packages").await?;
        let outcome = self
            .exchange
            .export_package(&user, &request.get_ref().request_id)
            .await;
        let mut written = audited(&self.exchange, &user, outcome).await?;
        let (tx, rx) = tokio::sync::mpsc::channel(2);
        tokio::spawn(async move {
            let mut offset = 0u64;
            while let Some(next) = written.recv().await {
                let chunk = match next {
                    Ok(data) => {
                        let chunk = pb::FileChunk { offset, data };
                        offset += chunk.data.len() as u64;
                        Ok(chunk)
                    }
                    Err(e) => Err(Status::internal(format!(
                        "the package could not be written: {e}"
                    ))),
                };
                let failed = chunk.is_err();
                if tx.send(chunk).await.is_err() || failed {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}
