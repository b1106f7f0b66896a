//! The local `Audit` service, for the node's auditors and operators (roles
//! `auditor` and `admin`): entries, tree heads, proofs and exports.

use std::pin::Pin;
use std::sync::Arc;

use futures::Stream;
use liaison_proto::convert;
use liaison_proto::pb;
use liaison_proto::pb::audit_server::Audit;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};

use crate::api::local::{caller, require};
use crate::audit;
use crate::config::Role;
use crate::error::Error;
use crate::exchange::Exchange;
use crate::records::AuditEntry;

#[derive(Debug, Clone)]
pub struct AuditService {
    exchange: Arc<Exchange>,
}

impl AuditService {
    pub fn new(exchange: Arc<Exchange>) -> Self {
        AuditService { exchange }
    }

    async fn auditor<T>(&self, request: &Request<T>, action: &str) -> Result<(), Status> {
        let user = caller(&self.exchange, request).await?;
        let allowed = matches!(user.role, Role::Auditor | Role::Admin);
        require(&self.exchange, &user, allowed, action).await
    }

    fn size(&self) -> Result<u64, Status> {
        Ok(self.exchange.tree_head().map_or(0, |head| head.size))
    }
}

/// Whether an entry passes the query's filters.
fn matches(
    entry: &AuditEntry,
    query: &pb::EntryQuery,
    peer: Option<&str>,
    category: Option<liaison_proto::domain::Category>,
) -> bool {
    entry.index >= query.from_index
        && peer.is_none_or(|p| entry.peer.is_some_and(|e| e.as_str() == p))
        && category.is_none_or(|c| entry.category == Some(c))
        && (query.since_unix_ms == 0 || entry.at_unix_ms >= query.since_unix_ms)
        && (query.until_unix_ms == 0 || entry.at_unix_ms < query.until_unix_ms)
        && (query.request_id.is_empty()
            || entry.request_id.as_deref() == Some(query.request_id.as_str()))
        && entry.event.starts_with(&query.event)
}

type Stream_<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

#[tonic::async_trait]
impl Audit for AuditService {
    type StreamEntriesStream = Stream_<pb::AuditRecord>;

    async fn stream_entries(
        &self,
        request: Request<pb::EntryQuery>,
    ) -> Result<Response<Self::StreamEntriesStream>, Status> {
        self.auditor(&request, "read the audit log").await?;
        let query = request.into_inner();
        let peer = match query.peer.as_str() {
            "" => None,
            text => Some(
                convert::country("peer", text)
                    .map_err(Error::from)?
                    .to_string(),
            ),
        };
        let category = match query.category {
            0 => None,
            raw => Some(convert::category("category", raw).map_err(Error::from)?),
        };
        let leaves = self
            .exchange
            .records()
            .audit_leaves()
            .map_err(Error::from)?;
        let mut records = Vec::new();
        for (index, leaf) in leaves.into_iter().enumerate() {
            let entry: AuditEntry = serde_json::from_slice(&leaf)
                .map_err(|e| Error::Integrity(format!("audit entry {index}: {e}")))?;
            if matches(&entry, &query, peer.as_deref(), category) {
                records.push(Ok(pb::AuditRecord {
                    index: entry.index,
                    leaf,
                }));
            }
        }
        Ok(Response::new(Box::pin(tokio_stream::iter(records))))
    }

    async fn get_tree_head(
        &self,
        request: Request<pb::TreeHeadQuery>,
    ) -> Result<Response<pb::SignedTreeHead>, Status> {
        self.auditor(&request, "read the audit log").await?;
        match self.exchange.tree_head() {
            Some(head) => Ok(Response::new(head.signed.clone())),
            None => Err(Status::failed_precondition("the audit log is still empty")),
        }
    }

    async fn get_inclusion_proof(
        &self,
        request: Request<pb::InclusionQuery>,
    ) -> Result<Response<pb::InclusionProof>, Status> {
        self.auditor(&request, "read the audit log").await?;
        let query = request.get_ref();
        let size = self.size()?;
        let tree_size = if query.tree_size == 0 {
            size
        } else {
            query.tree_size
        };
        if query.index >= tree_size || tree_size > size {
            return Err(Status::invalid_argument(format!(
                "no inclusion proof of entry {} in {tree_size} entries: the log holds {size}",
                query.index
            )));
        }
        let records = self.exchange.records();
        let hashes =
            audit::inclusion_proof(records, query.index, tree_size).map_err(Error::from)?;
        let leaf = records
            .audit_leaf(query.index)
            .map_err(Error::from)?
            .ok_or_else(|| Error::Integrity(format!("entry {} is missing", query.index)))?;
        Ok(Response::new(pb::InclusionProof {
            index: query.index,
            tree_size,
            hashes: hashes.iter().map(|h| h.to_vec()).collect(),
            leaf,
        }))
    }

    async fn get_consistency_proof(
        &self,
        request: Request<pb::ConsistencyQuery>,
    ) -> Result<Response<pb::ConsistencyProof>, Status> {
        self.auditor(&request, "read the audit log").await?;
        Ok(Response::new(crate::api::federation::consistency(
            &self.exchange,
            request.get_ref(),
        )?))
    }

    type ExportStream = Stream_<pb::ExportItem>;

    async fn export(
        &self,
        request: Request<pb::ExportQuery>,
    ) -> Result<Response<Self::ExportStream>, Status> {
        self.auditor(&request, "export the audit log").await?;
        let Some((head, size)) = self
            .exchange
            .tree_head()
            .map(|head| (head.signed.clone(), head.size))
        else {
            return Err(Status::failed_precondition("the audit log is still empty"));
        };
        let exchange = self.exchange.clone();
        let (tx, rx) = mpsc::channel(64);
        tokio::spawn(async move {
            let head_item = pb::ExportItem {
                item: Some(pb::export_item::Item::TreeHead(head)),
            };
            if tx.send(Ok(head_item)).await.is_err() {
                return;
            }
            let records = exchange.records();
            for index in 0..size {
                let item = records
                    .audit_leaf(index)
                    .and_then(|leaf| {
                        let proof = audit::inclusion_proof(records, index, size)?;
                        Ok((leaf, proof))
                    })
                    .map_err(|e| Status::from(Error::from(e)))
                    .and_then(|(leaf, proof)| {
                        let leaf = leaf.ok_or_else(|| {
                            Status::data_loss(format!("entry {index} is missing"))
                        })?;
                        Ok(pb::ExportItem {
                            item: Some(pb::export_item::Item::Entry(pb::ExportedEntry {
                                index,
                                leaf,
                                inclusion_proof: proof.iter().map(|h| h.to_vec()).collect(),
                            })),
                        })
                    });
                let failed = item.is_err();
                if tx.send(item).await.is_err() || failed {
                    return;
                }
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(rx))))
    }
}
