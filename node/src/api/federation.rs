//! The `Federation` gRPC service that peers call over mutual TLS. It only
//! identifies the calling country from its certificate; the exchange decides
//! everything else.

use std::sync::Arc;

use tracing::Instrument as _;

use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::federation_server::Federation;
use liaison_proto::receipt::MAX_BATCH_ENVELOPES;
use tonic::{Request, Response, Status};

use crate::api::limits::{Exceeded, PeerLimits};
use crate::audit;
use crate::error::Error;
use crate::exchange::Exchange;
use crate::exchange::hits::SET_CHUNK_BYTES;
use crate::policy::Flow;
use liaison_proto::convert;
use tokio::sync::OwnedSemaphorePermit;

/// gRPC metadata carrying the request id a delivery concerns; the outbox
/// sets it, this service reads it.
pub use crate::exchange::outbox::REQUEST_ID_HEADER;

#[derive(Debug, Clone)]
pub struct FederationService {
    exchange: Arc<Exchange>,
    /// Rate and concurrency limits per calling peer.
    limits: Arc<PeerLimits>,
}

impl FederationService {
    pub fn new(exchange: Arc<Exchange>) -> Self {
        let limits = Arc::new(PeerLimits::new(&exchange.config()));
        FederationService { exchange, limits }
    }

    /// Identifies the calling peer and admits the call under its limits;
    /// the permit is held until the call is answered.
    async fn admit<T>(
        &self,
        request: &Request<T>,
    ) -> Result<(CountryCode, OwnedSemaphorePermit), Status> {
        let peer = self.caller(request).await?;
        match self.limits.admit(peer) {
            Ok(permit) => Ok((peer, permit)),
            Err(exceeded) => {
                self.audit_exceeded(peer, &exceeded).await?;
                Err(Status::resource_exhausted(exceeded.message))
            }
        }
    }

    /// Audits refusals for being over the limits, when one is due (at most
    /// once a second per peer, with the number refused since).
    async fn audit_exceeded(&self, peer: CountryCode, exceeded: &Exceeded) -> Result<(), Status> {
        if let Some(count) = exceeded.audit {
            tracing::warn!(%peer, refused = count, "peer over its limits");
            self.exchange
                .audit_refusal(
                    format!("peer:{peer}"),
                    Some(peer),
                    format!("{} ({count} calls refused)", exceeded.message),
                )
                .await?;
        }
        Ok(())
    }

    /// The configured peer whose certificate the caller presented.
    async fn caller<T>(&self, request: &Request<T>) -> Result<CountryCode, Status> {
        let certs = request
            .peer_certs()
            .ok_or_else(|| Status::unauthenticated("no client certificate presented"))?;
        let leaf = certs
            .first()
            .ok_or_else(|| Status::unauthenticated("no client certificate presented"))?;
        match crate::pki::tls::peer_of(&self.exchange.config(), leaf) {
            Some(country) => Ok(country),
            None => {
                let names = crate::pki::tls::dns_names(leaf).join(", ");
                let detail = format!("certificate for [{names}] is not a configured peer");
                self.exchange
                    .audit_refusal("peer:unknown".into(), None, detail.clone())
                    .await
                    .map_err(Status::from)?;
                Err(Status::permission_denied(detail))
            }
        }
    }
}

#[tonic::async_trait]
impl Federation for FederationService {
    async fn deliver(
        &self,
        request: Request<pb::Envelope>,
    ) -> Result<Response<pb::Receipt>, Status> {
        // The sender's request id, for correlating logs across nodes only:
        // unauthenticated, so it is trusted for nothing and kept only if it
        // has the shape of one.
        let request_id = request
            .metadata()
            .get(REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .filter(|v| uuid::Uuid::parse_str(v).is_ok())
            .unwrap_or("-")
            .to_string();
        let span = tracing::info_span!(
            "deliver",
            country = %self.exchange.country(),
            request_id = %request_id
        );
        async {
            let (peer, _permit) = self.admit(&request).await?;
            let receipt = self.exchange.receive(peer, request.get_ref()).await?;
            Ok(Response::new(receipt))
        }
        .instrument(span)
        .await
    }

    async fn deliver_batch(
        &self,
        request: Request<pb::EnvelopeBatch>,
    ) -> Result<Response<pb::DeliveryResults>, Status> {
        let peer = self.caller(&request).await?;
        let envelopes = &request.get_ref().envelopes;
        if envelopes.is_empty() || envelopes.len() > MAX_BATCH_ENVELOPES {
            let rule = format!(
                "`envelopes` holds {}; a batch holds 1 to {MAX_BATCH_ENVELOPES}",
                envelopes.len()
            );
            self.exchange
                .audit_refusal(format!("peer:{peer}"), Some(peer), rule.clone())
                .await?;
            return Err(Status::invalid_argument(rule));
        }
        let span = tracing::info_span!(
            "deliver_batch",
            country = %self.exchange.country(),
            %peer,
            envelopes = envelopes.len()
        );
        async {
            let admitted = match self.limits.admit_many(peer, envelopes.len()) {
                Ok(admitted) => admitted,
                Err(exceeded) => {
                    self.audit_exceeded(peer, &exceeded).await?;
                    return Err(Status::resource_exhausted(exceeded.message));
                }
            };
            if let Some(exceeded) = &admitted.exceeded {
                self.audit_exceeded(peer, exceeded).await?;
            }
            // Received side by side, so that their commits share flushes
            // and tree heads.
            let received = futures::future::join_all(
                envelopes[..admitted.count]
                    .iter()
                    .map(|envelope| self.exchange.receive(peer, envelope)),
            )
            .await;
            let over_limit = admitted.exceeded.as_ref().map(|e| e.message.clone());
            let results = received
                .into_iter()
                .map(|outcome| match outcome {
                    Ok(receipt) => pb::delivery_result::Result::Receipt(receipt),
                    Err(error) => {
                        let reason = error.reason().unwrap_or_default().to_string();
                        let status = Status::from(error);
                        pb::delivery_result::Result::Refusal(pb::DeliveryRefusal {
                            code: status.code() as i32,
                            message: status.message().to_string(),
                            reason,
                        })
                    }
                })
                .chain(
                    std::iter::repeat_n(
                        over_limit.unwrap_or_default(),
                        envelopes.len() - admitted.count,
                    )
                    .map(|message| {
                        pb::delivery_result::Result::Refusal(pb::DeliveryRefusal {
                            code: tonic::Code::ResourceExhausted as i32,
                            message,
                            reason: String::new(),
                        })
                    }),
                )
                .map(|result| pb::DeliveryResult {
                    result: Some(result),
                })
                .collect();
            drop(admitted.permit);
            Ok(Response::new(pb::DeliveryResults { results }))
        }
        .instrument(span)
        .await
    }

    async fn get_keys(
        &self,
        request: Request<pb::KeysQuery>,
    ) -> Result<Response<pb::NodeKeys>, Status> {
        let _admitted = self.admit(&request).await?;
        let own = self.exchange.own_keys();
        let mut keys = vec![pb::PublicKey {
            key_id: own.signer.key_id().to_string(),
            public_key: own.signer.verifying_key().as_bytes().to_vec(),
            current: true,
        }];
        keys.extend(own.previous.iter().map(|(id, key)| pb::PublicKey {
            key_id: id.clone(),
            public_key: key.as_bytes().to_vec(),
            current: false,
        }));
        Ok(Response::new(pb::NodeKeys {
            country: self.exchange.country().to_string(),
            keys,
        }))
    }

    async fn check_policy(
        &self,
        request: Request<pb::PolicyQuery>,
    ) -> Result<Response<pb::PolicyDecision>, Status> {
        let (peer, _permit) = self.admit(&request).await?;
        let query = request.get_ref();
        let flow = Flow {
            from: convert::country("from_country", &query.from_country).map_err(Error::from)?,
            to: convert::country("to_country", &query.to_country).map_err(Error::from)?,
        };
        if flow.from != peer || flow.to != self.exchange.country() {
            return Err(Error::invalid(format!(
                "a peer may only ask about its own requests to this node ({peer}->{}), not {flow}",
                self.exchange.country()
            ))
            .into());
        }
        let category = convert::category("category", query.category).map_err(Error::from)?;
        let purpose = convert::purpose("purpose", query.purpose).map_err(Error::from)?;
        let legal_bases = convert::legal_basis_codes(&query.legal_bases).map_err(Error::from)?;
        let decision = self
            .exchange
            .dry_run(
                &format!("peer:{peer}"),
                flow,
                category,
                purpose,
                &legal_bases,
            )
            .await?;
        Ok(Response::new((&decision).into()))
    }

    async fn get_agreement(
        &self,
        request: Request<pb::AgreementQuery>,
    ) -> Result<Response<pb::AgreementView>, Status> {
        let (peer, _permit) = self.admit(&request).await?;
        match self.exchange.config().agreement_with(peer) {
            Some(agreement) => Ok(Response::new(agreement.view())),
            None => Err(Status::not_found(format!(
                "{} has no sharing agreement with {peer}",
                self.exchange.country()
            ))),
        }
    }

    async fn get_tree_head(
        &self,
        request: Request<pb::TreeHeadQuery>,
    ) -> Result<Response<pb::SignedTreeHead>, Status> {
        let _admitted = self.admit(&request).await?;
        match self.exchange.tree_head() {
            Some(head) => Ok(Response::new(head.signed.clone())),
            None => Err(Status::failed_precondition("the audit log is still empty")),
        }
    }

    async fn get_consistency_proof(
        &self,
        request: Request<pb::ConsistencyQuery>,
    ) -> Result<Response<pb::ConsistencyProof>, Status> {
        let _admitted = self.admit(&request).await?;
        Ok(Response::new(consistency(
            &self.exchange,
            request.get_ref(),
        )?))
    }

    async fn evidence_offset(
        &self,
        request: Request<pb::EvidenceFileRef>,
    ) -> Result<Response<pb::EvidenceTransferState>, Status> {
        let (peer, _permit) = self.admit(&request).await?;
        let file = request.get_ref();
        let state = self
            .exchange
            .transfer_state(peer, &file.request_id, &file.file_id)
            .await?;
        Ok(Response::new(state))
    }

    async fn transfer_evidence(
        &self,
        request: Request<tonic::Streaming<pb::EvidencePart>>,
    ) -> Result<Response<pb::EvidenceTransferState>, Status> {
        let (peer, _permit) = self.admit(&request).await?;
        let mut parts = request.into_inner();
        let Some(first) = parts.message().await? else {
            return Err(Status::invalid_argument("the transfer holds no part"));
        };
        let span = tracing::info_span!(
            "transfer_evidence",
            country = %self.exchange.country(),
            %peer,
        );
        async {
            let receiving =
                self.exchange
                    .start_transfer(peer, &first.request_id, &first.file_id)?;
            let ids = (first.request_id.clone(), first.file_id.clone());
            // Hashed, encrypted and written a few parts behind the stream.
            let mut piped = receiving.piped();
            let received = async {
                let mut part = Some(first);
                while let Some(p) = part {
                    if p.request_id != ids.0 || p.file_id != ids.1 {
                        return Err(Status::invalid_argument(
                            "field `file_id`: every part of a transfer names the same file",
                        ));
                    }
                    piped.write(p.offset, p.data).await?;
                    part = parts.message().await?;
                }
                Ok(())
            }
            .await;
            if let Err(status) = received {
                // On a refusal or a broken stream the upload is dropped once
                // its writer is done: its last checkpoint stays for the
                // peer to resume from, and nothing holds the file any more.
                let _ = piped.finish().await;
                return Err(status);
            }
            let receiving = piped.finish().await?;
            let state = self.exchange.end_transfer(peer, receiving).await?;
            Ok(Response::new(state))
        }
        .instrument(span)
        .await
    }

    type GetHitSetStream = HitSetStream;

    async fn get_hit_set(
        &self,
        request: Request<pb::HitSetQuery>,
    ) -> Result<Response<Self::GetHitSetStream>, Status> {
        let (peer, _permit) = self.admit(&request).await?;
        let held = self.exchange.hit_set_for(peer).await?;
        // The set is shared: chunks are copied out of it as the peer reads.
        let size = held.set.bytes().len();
        let chunks = size.div_ceil(SET_CHUNK_BYTES).max(1);
        let stream = futures::stream::iter((0..chunks).map(move |i| {
            let start = i * SET_CHUNK_BYTES;
            let end = (start + SET_CHUNK_BYTES).min(size);
            let first = i == 0;
            Ok(pb::HitSetChunk {
                epoch: if first { held.epoch } else { 0 },
                size: if first { size as u64 } else { 0 },
                key_id: if first {
                    held.key_id.clone()
                } else {
                    String::new()
                },
                signature: if first {
                    held.signature.clone()
                } else {
                    Vec::new()
                },
                offset: start as u64,
                data: held.set.bytes()[start..end].to_vec(),
            })
        }));
        Ok(Response::new(Box::pin(stream)))
    }

    async fn evaluate_hits(
        &self,
        request: Request<pb::HitEvaluation>,
    ) -> Result<Response<pb::HitEvaluated>, Status> {
        let (peer, _permit) = self.admit(&request).await?;
        let answer = self.exchange.evaluate_hits(peer, request.get_ref()).await?;
        Ok(Response::new(answer))
    }
}

/// A hit set's chunks, as `GetHitSet` streams them.
pub type HitSetStream =
    std::pin::Pin<Box<dyn futures::Stream<Item = Result<pb::HitSetChunk, Status>> + Send>>;

/// A consistency proof between two sizes of this node's log (the second
/// defaulting to the current size), for peers and local auditors alike.
pub fn consistency(
    exchange: &Exchange,
    query: &pb::ConsistencyQuery,
) -> Result<pb::ConsistencyProof, Status> {
    let size = exchange.tree_head().map_or(0, |head| head.size);
    let second = if query.second == 0 {
        size
    } else {
        query.second
    };
    if query.first == 0 || query.first > second || second > size {
        return Err(Status::invalid_argument(format!(
            "no consistency proof from {} to {second} entries: the log holds {size}",
            query.first
        )));
    }
    let hashes =
        audit::consistency_proof(exchange.records(), query.first, second).map_err(Error::from)?;
    Ok(pb::ConsistencyProof {
        first: query.first,
        second,
        hashes: hashes.iter().map(|h| h.to_vec()).collect(),
    })
}
