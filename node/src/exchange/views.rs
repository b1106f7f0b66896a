//! Reading requests: one by id, a focal point's list, an agency's
//! assignments.

use liaison_proto::domain::{CountryCode, RequestStatus};

use crate::error::{Error, Result};
use crate::records::{Direction, RequestRecord};

use super::state::Exchange;

impl Exchange {
    /// A request this node sent or received.
    pub fn get(&self, request_id: &str) -> Result<RequestRecord> {
        for direction in [Direction::Outgoing, Direction::Incoming] {
            if let Some(record) = self.records.request(direction, request_id)? {
                return Ok(record);
            }
        }
        Err(Error::not_found(format!("no request {request_id}")))
    }

    /// Requests this node sent, optionally only those in one status or to
    /// one country.
    pub fn list_outgoing(
        &self,
        status: Option<RequestStatus>,
        country: Option<CountryCode>,
    ) -> Result<Vec<RequestRecord>> {
        let mut records = self.records.requests(Direction::Outgoing)?;
        records.retain(|r| {
            status.is_none_or(|s| r.status == s) && country.is_none_or(|c| r.peer() == c)
        });
        records.sort_by(|a, b| {
            (a.request.created_unix_ms, &a.request.request_id)
                .cmp(&(b.request.created_unix_ms, &b.request.request_id))
        });
        Ok(records)
    }

    /// The requests routed to `agency`.
    pub fn assignments(&self, agency: &str, include_closed: bool) -> Result<Vec<RequestRecord>> {
        if !include_closed {
            return Ok(self.records.open_assignments(agency)?);
        }
        let mut records = self.records.requests(Direction::Incoming)?;
        records.retain(|r| {
            r.agency.as_deref() == Some(agency)
                && (include_closed || r.status == RequestStatus::Assigned)
        });
        records.sort_by(|a, b| {
            (a.request.created_unix_ms, &a.request.request_id)
                .cmp(&(b.request.created_unix_ms, &b.request.request_id))
        });
        Ok(records)
    }

    /// A request received by this node and routed to `agency`.
    pub fn assignment(&self, agency: &str, request_id: &str) -> Result<RequestRecord> {
        self.records
            .request(Direction::Incoming, request_id)?
            .filter(|r| r.agency.as_deref() == Some(agency))
            .ok_or_else(|| {
                Error::not_found(format!(
                    "no request {request_id} assigned to agency {agency}"
                ))
            })
    }
}
