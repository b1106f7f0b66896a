//! The local `Account` service: who the node takes the caller to be. Any
//! configured user may ask, whatever their role; the command line checks a
//! token with it before storing it (`liaison login`) and shows it
//! (`liaison whoami`).
//!
//! Like the other read-only calls (`FocalPoint/Get`, `Admin/ListPeers`), an
//! answered `WhoAmI` is not audited; a refused one (no token, an unknown
//! token) is, by [`caller`].

use std::sync::Arc;

use liaison_proto::pb;
use liaison_proto::pb::account_server::Account;
use tonic::{Request, Response, Status};

use crate::api::local::caller;
use crate::exchange::Exchange;

#[derive(Debug, Clone)]
pub struct AccountService {
    exchange: Arc<Exchange>,
}

impl AccountService {
    pub fn new(exchange: Arc<Exchange>) -> Self {
        AccountService { exchange }
    }
}

#[tonic::async_trait]
impl Account for AccountService {
    async fn who_am_i(
        &self,
        request: Request<pb::WhoAmIRequest>,
    ) -> Result<Response<pb::Identity>, Status> {
        let user = caller(&self.exchange, &request).await?;
        Ok(Response::new(pb::Identity {
            user: user.name,
            role: user.role.to_string(),
            country: self.exchange.country().to_string(),
        }))
    }
}
