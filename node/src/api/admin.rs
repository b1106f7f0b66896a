//! The local `Admin` service: peers and sharing agreements, for operators
//! (role `admin`) and auditors (role `auditor`). Dry runs and comparisons
//! ask the peer through the federation API.

use std::sync::Arc;

use liaison_proto::convert;
use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use liaison_proto::pb::admin_server::Admin;
use tonic::{Code, Request, Response, Status};

use crate::api::local::{caller, require};
use crate::config::{LocalUser, Role};
use crate::error::Error;
use crate::exchange::Exchange;
use crate::exchange::outbox::PeerClients;
use crate::exchange::witness;
use crate::policy::{self, Flow};

#[derive(Debug, Clone)]
pub struct AdminService {
    exchange: Arc<Exchange>,
    /// Clients for asking peers about their side of an agreement.
    peers: PeerClients,
}

impl AdminService {
    pub fn new(exchange: Arc<Exchange>, peers: PeerClients) -> Self {
        AdminService { exchange, peers }
    }

    async fn operator<T>(&self, request: &Request<T>, action: &str) -> Result<LocalUser, Status> {
        let user = caller(&self.exchange, request).await?;
        let allowed = matches!(user.role, Role::Admin | Role::Auditor);
        require(&self.exchange, &user, allowed, action).await?;
        Ok(user)
    }

    fn peer(&self, field: &str, text: &str) -> Result<CountryCode, Status> {
        let country = convert::country(field, text).map_err(Error::from)?;
        if self.exchange.config().peers.contains_key(&country) {
            Ok(country)
        } else {
            Err(Status::not_found(format!(
                "{country} is not a configured peer"
            )))
        }
    }

    /// This node's copy of its agreement with `peer`, or an empty one.
    fn local_view(&self, peer: CountryCode) -> pb::AgreementView {
        match self.exchange.config().agreement_with(peer) {
            Some(agreement) => agreement.view(),
            None => empty_view(self.exchange.country(), peer),
        }
    }
}

fn empty_view(holder: CountryCode, peer: CountryCode) -> pb::AgreementView {
    pb::AgreementView {
        holder: holder.to_string(),
        peer: peer.to_string(),
        ..pb::AgreementView::default()
    }
}

#[tonic::async_trait]
impl Admin for AdminService {
    async fn list_peers(
        &self,
        request: Request<pb::PeersQuery>,
    ) -> Result<Response<pb::PeerList>, Status> {
        self.operator(&request, "list peers").await?;
        let peers = self
            .exchange
            .config()
            .peers
            .values()
            .map(|p| pb::PeerInfo {
                country: p.country.to_string(),
                endpoint: p.endpoint.clone(),
                tls_name: p.tls_name.clone(),
                key_ids: p.keys.keys().cloned().collect(),
                agreement_version: p.agreement.as_ref().map(|a| a.version).unwrap_or(0),
                agreement_hash: p
                    .agreement
                    .as_ref()
                    .map(|a| hex::encode(a.hash))
                    .unwrap_or_default(),
            })
            .collect();
        Ok(Response::new(pb::PeerList { peers }))
    }

    async fn show_agreements(
        &self,
        request: Request<pb::PeerRef>,
    ) -> Result<Response<pb::AgreementList>, Status> {
        self.operator(&request, "read sharing agreements").await?;
        let config = self.exchange.config();
        let agreements = match request.get_ref().country.as_str() {
            "" => config
                .peers
                .values()
                .filter_map(|p| p.agreement.as_ref().map(|a| a.view()))
                .collect(),
            text => {
                let peer = self.peer("country", text)?;
                vec![self.local_view(peer)]
            }
        };
        Ok(Response::new(pb::AgreementList { agreements }))
    }

    async fn check_policy(
        &self,
        request: Request<pb::PolicyQuery>,
    ) -> Result<Response<pb::PolicyCheck>, Status> {
        // Focal points too: they see the decision before they send.
        let user = caller(&self.exchange, &request).await?;
        let allowed = matches!(user.role, Role::Admin | Role::Auditor | Role::FocalPoint);
        require(&self.exchange, &user, allowed, "dry-run requests").await?;
        let query = request.get_ref().clone();
        let here = self.exchange.country();
        let from = match query.from_country.as_str() {
            "" => here,
            text => convert::country("from_country", text).map_err(Error::from)?,
        };
        if from != here {
            return Err(Status::invalid_argument(format!(
                "field `from_country`: dry runs are for requests this node ({here}) would send"
            )));
        }
        let to = self.peer("to_country", &query.to_country)?;
        let category = convert::category("category", query.category).map_err(Error::from)?;
        let purpose = convert::purpose("purpose", query.purpose).map_err(Error::from)?;
        let legal_bases = convert::legal_basis_codes(&query.legal_bases).map_err(Error::from)?;
        let local = self
            .exchange
            .dry_run(
                &user.name,
                Flow { from, to },
                category,
                purpose,
                &legal_bases,
            )
            .await?;
        let mut check = pb::PolicyCheck {
            local: Some((&local).into()),
            ..pb::PolicyCheck::default()
        };
        let peer_query = pb::PolicyQuery {
            from_country: from.to_string(),
            to_country: to.to_string(),
            ..query
        };
        match self.peers.get(to) {
            None => check.peer_error = format!("no client for {to}"),
            Some(mut client) => match client.check_policy(peer_query).await {
                Ok(decision) => check.peer = Some(decision.into_inner()),
                Err(status) => {
                    check.peer_error = format!("{to} could not be asked: {}", status.message())
                }
            },
        }
        check.allowed = local.allowed && check.peer.as_ref().is_some_and(|p| p.allowed);
        Ok(Response::new(check))
    }

    async fn compare_agreements(
        &self,
        request: Request<pb::PeerRef>,
    ) -> Result<Response<pb::AgreementComparison>, Status> {
        self.operator(&request, "compare sharing agreements")
            .await?;
        let peer = self.peer("country", &request.get_ref().country)?;
        let local = self.local_view(peer);
        let mut client = self
            .peers
            .get(peer)
            .ok_or_else(|| Status::not_found(format!("no client for {peer}")))?;
        let remote = match client.get_agreement(pb::AgreementQuery {}).await {
            Ok(view) => view.into_inner(),
            // The peer holds no agreement: compare with an empty one.
            Err(status) if status.code() == Code::NotFound => {
                empty_view(peer, self.exchange.country())
            }
            Err(status) => {
                return Err(Status::unavailable(format!(
                    "{peer} could not be asked for its copy: {}",
                    status.message()
                )));
            }
        };
        let disagreements = policy::compare(&local, &remote);
        Ok(Response::new(pb::AgreementComparison {
            local: Some(local),
            peer: Some(remote),
            disagreements,
        }))
    }

    async fn witness_peers(
        &self,
        request: Request<pb::PeerRef>,
    ) -> Result<Response<pb::WitnessReport>, Status> {
        self.operator(&request, "witness peers").await?;
        let peers: Vec<CountryCode> = match request.get_ref().country.as_str() {
            "" => self.exchange.config().peers.keys().copied().collect(),
            text => vec![self.peer("country", text)?],
        };
        let results = witness::witness_all(&self.exchange, &self.peers, &peers)
            .await
            .into_iter()
            .map(|outcome| pb::WitnessResult {
                peer: outcome.peer.to_string(),
                verdict: outcome.verdict.as_str().to_string(),
                previous_size: outcome.previous_size,
                tree_size: outcome.tree_size,
                detail: outcome.detail,
            })
            .collect();
        Ok(Response::new(pb::WitnessReport { results }))
    }

    async fn backup(
        &self,
        request: Request<pb::BackupCall>,
    ) -> Result<Response<pb::BackupReport>, Status> {
        let user = caller(&self.exchange, &request).await?;
        require(
            &self.exchange,
            &user,
            user.role == Role::Admin,
            "take a backup",
        )
        .await?;
        let call = request.into_inner();
        let backup = self
            .exchange
            .backup(&user, &call.directory, call.include_secrets)
            .await?;
        Ok(Response::new(pb::BackupReport {
            directory: backup.directory.display().to_string(),
            tree_size: backup.tree_size,
            root_hex: hex::encode(backup.root),
            queued: backup.queued,
            bytes: backup.bytes,
            files: backup.files,
            warning: if backup.secrets {
                "this backup holds private keys, tokens and the key-encryption key: keep it as \
                 you keep the node's keys, apart from its data backups"
                    .into()
            } else {
                String::new()
            },
        }))
    }
}
