//! The local `Hits` service: agency officers keep their indicator lists,
//! focal points check values against a peer's lists. Each method
//! authenticates the caller and leaves the decisions to the exchange
//! (`exchange/hits.rs`); refusals are audited there or by `audited`.

use std::sync::Arc;

use liaison_proto::pb;
use liaison_proto::pb::hits_server::Hits;
use tonic::{Request, Response, Status};

use crate::api::local::{audited, caller, require};
use crate::config::Role;
use crate::exchange::Exchange;
use crate::exchange::hits::ListChange;
use crate::exchange::outbox::PeerClients;
use crate::records::{IndicatorList, StoredHit};

#[derive(Debug, Clone)]
pub struct HitsService {
    exchange: Arc<Exchange>,
    peers: PeerClients,
}

impl HitsService {
    pub fn new(exchange: Arc<Exchange>, peers: PeerClients) -> Self {
        HitsService { exchange, peers }
    }
}

fn summary(list: &IndicatorList) -> pb::IndicatorListSummary {
    pb::IndicatorListSummary {
        agency: list.agency.clone(),
        list: list.list.clone(),
        counts: list
            .counts
            .iter()
            .map(|(kind, count)| pb::KindCount {
                kind: kind.clone(),
                count: *count,
            })
            .collect(),
        updated_unix_ms: list.updated_unix_ms,
        ..Default::default()
    }
}

fn changed(change: &ListChange) -> pb::IndicatorListSummary {
    pb::IndicatorListSummary {
        added: change.added,
        removed: change.removed,
        absent: change.absent,
        epoch: change.epoch,
        ..summary(&change.list)
    }
}

/// A kept hit as the API shows it.
pub fn hit(hit: &StoredHit) -> pb::Hit {
    pb::Hit {
        hit_id: hit.hit_id.clone(),
        peer: hit.peer.to_string(),
        kind: hit.kind.clone(),
        value: hit.value.clone(),
        records: records(hit),
        checked_by: hit.checked_by.clone(),
        found_unix_ms: hit.found_unix_ms,
        expires_unix_ms: hit.expires_unix_ms,
    }
}

fn records(hit: &StoredHit) -> Vec<pb::HitRecord> {
    hit.records
        .iter()
        .map(|r| pb::HitRecord {
            agency: r.agency.clone(),
            list: r.list.clone(),
            reference: r.reference.clone(),
            kind: r.kind.clone(),
            added: r.added.clone(),
        })
        .collect()
}

#[tonic::async_trait]
impl Hits for HitsService {
    async fn import_indicators(
        &self,
        request: Request<pb::IndicatorImport>,
    ) -> Result<Response<pb::IndicatorListSummary>, Status> {
        let user = caller(&self.exchange, &request).await?;
        let allowed = matches!(user.role, Role::Agency(_));
        require(&self.exchange, &user, allowed, "keep indicator lists").await?;
        let call = request.get_ref();
        let entries: Vec<(String, String, String)> = call
            .entries
            .iter()
            .map(|e| (e.value.clone(), e.reference.clone(), e.added.clone()))
            .collect();
        let outcome = self
            .exchange
            .import_indicators(&user, &call.agency, &call.list, &call.kind, &entries)
            .await;
        let change = audited(&self.exchange, &user, outcome).await?;
        Ok(Response::new(changed(&change)))
    }

    async fn remove_indicators(
        &self,
        request: Request<pb::IndicatorRemoval>,
    ) -> Result<Response<pb::IndicatorListSummary>, Status> {
        let user = caller(&self.exchange, &request).await?;
        let allowed = matches!(user.role, Role::Agency(_));
        require(&self.exchange, &user, allowed, "keep indicator lists").await?;
        let call = request.get_ref();
        let outcome = self
            .exchange
            .remove_indicators(
                &user,
                &call.agency,
                &call.list,
                &call.kind,
                &call.values,
                call.whole_list,
            )
            .await;
        let change = audited(&self.exchange, &user, outcome).await?;
        Ok(Response::new(changed(&change)))
    }

    async fn list_indicators(
        &self,
        request: Request<pb::IndicatorListQuery>,
    ) -> Result<Response<pb::IndicatorLists>, Status> {
        let user = caller(&self.exchange, &request).await?;
        let allowed = user.role != Role::FocalPoint;
        require(&self.exchange, &user, allowed, "see indicator lists").await?;
        let lists = self
            .exchange
            .indicator_lists(&user, &request.get_ref().agency);
        let lists = audited(&self.exchange, &user, lists).await?;
        let epoch = self.exchange.hit_epoch().await?;
        Ok(Response::new(pb::IndicatorLists {
            lists: lists.iter().map(summary).collect(),
            epoch: epoch.epoch,
            epoch_started_unix_ms: epoch.started_unix_ms,
            epoch_ends_unix_ms: self.exchange.hit_epoch_ends(&epoch),
        }))
    }

    async fn check(
        &self,
        request: Request<pb::HitCheck>,
    ) -> Result<Response<pb::HitCheckResult>, Status> {
        let user = caller(&self.exchange, &request).await?;
        require(
            &self.exchange,
            &user,
            user.role == Role::FocalPoint,
            "check values against a peer's lists",
        )
        .await?;
        let call = request.get_ref();
        let client = call.peer.parse().ok().and_then(|peer| self.peers.get(peer));
        let outcome = self
            .exchange
            .check_hits(&user, &call.peer, &call.kind, &call.values, client)
            .await;
        let outcome = audited(&self.exchange, &user, outcome).await?;
        Ok(Response::new(pb::HitCheckResult {
            peer: outcome.peer.to_string(),
            kind: outcome.kind.name().to_string(),
            epoch: outcome.epoch,
            outcomes: outcome
                .hits
                .iter()
                .map(|found| match found {
                    Some(found) => pb::HitOutcome {
                        hit: true,
                        hit_id: found.hit_id.clone(),
                        records: records(found),
                    },
                    None => pb::HitOutcome::default(),
                })
                .collect(),
            quota_left: outcome.quota_left,
            quota_resets_unix_ms: outcome.quota_resets_unix_ms,
            set_entries: outcome.set_entries,
        }))
    }

    async fn get_hit(&self, request: Request<pb::HitRef>) -> Result<Response<pb::Hit>, Status> {
        let user = caller(&self.exchange, &request).await?;
        require(
            &self.exchange,
            &user,
            user.role == Role::FocalPoint,
            "read hits",
        )
        .await?;
        let found = self.exchange.stored_hit(&request.get_ref().hit_id);
        let found = audited(&self.exchange, &user, found).await?;
        Ok(Response::new(hit(&found)))
    }
}
