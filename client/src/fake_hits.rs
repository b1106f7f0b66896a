//! A stand-in for a node's `Hits` service, for the unit tests of
//! `indicators` and `hits`: it serves on `127.0.0.1:0`, records every call
//! it gets, and refuses a value spelt `bad` the way a node does, naming
//! `entries[i]` or `values[i]` of the call. The real service is tested
//! against real nodes in `tests/`.

use std::sync::{Arc, Mutex};

use liaison_proto::pb;
use liaison_proto::pb::hits_server::{Hits, HitsServer};
use tonic::transport::{Channel, Server};
use tonic::{Request, Response, Status};

/// What the fake was asked, in order.
#[derive(Debug, Default)]
pub struct Calls {
    pub imports: Vec<pb::IndicatorImport>,
    pub removals: Vec<pb::IndicatorRemoval>,
    pub checks: Vec<pb::HitCheck>,
}

#[derive(Debug, Clone, Default)]
struct FakeHits {
    calls: Arc<Mutex<Calls>>,
}

/// The refusal of the first value spelt `bad`, as a node words it.
fn refuse_bad<'a>(items: &str, values: impl Iterator<Item = &'a str>) -> Result<(), Status> {
    for (i, value) in values.enumerate() {
        if value == "bad" {
            return Err(Status::invalid_argument(format!(
                "field `{items}[{i}]`: is not a phone number in E.164 form"
            )));
        }
    }
    Ok(())
}

fn summary(agency: &str, list: &str, epoch: u64) -> pb::IndicatorListSummary {
    pb::IndicatorListSummary {
        agency: agency.to_string(),
        list: list.to_string(),
        counts: vec![pb::KindCount {
            kind: "phone".into(),
            count: 1,
        }],
        updated_unix_ms: 1_795_441_500_000,
        epoch,
        ..Default::default()
    }
}

#[tonic::async_trait]
impl Hits for FakeHits {
    async fn import_indicators(
        &self,
        request: Request<pb::IndicatorImport>,
    ) -> Result<Response<pb::IndicatorListSummary>, Status> {
        let call = request.into_inner();
        let mut calls = self.calls.lock().unwrap();
        calls.imports.push(call.clone());
        refuse_bad("entries", call.entries.iter().map(|e| e.value.as_str()))?;
        Ok(Response::new(pb::IndicatorListSummary {
            added: call.entries.len() as u64,
            ..summary(&call.agency, &call.list, calls.imports.len() as u64)
        }))
    }

    async fn remove_indicators(
        &self,
        request: Request<pb::IndicatorRemoval>,
    ) -> Result<Response<pb::IndicatorListSummary>, Status> {
        let call = request.into_inner();
        let mut calls = self.calls.lock().unwrap();
        calls.removals.push(call.clone());
        refuse_bad("values", call.values.iter().map(String::as_str))?;
        Ok(Response::new(pb::IndicatorListSummary {
            removed: call.values.len() as u64 / 2,
            absent: call.values.len() as u64 - call.values.len() as u64 / 2,
            ..summary(&call.agency, &call.list, 1)
        }))
    }

    async fn list_indicators(
        &self,
        _request: Request<pb::IndicatorListQuery>,
    ) -> Result<Response<pb::IndicatorLists>, Status> {
        Ok(Response::new(pb::IndicatorLists::default()))
    }

    /// A value ending in 7 hits.
    async fn check(
        &self,
        request: Request<pb::HitCheck>,
    ) -> Result<Response<pb::HitCheckResult>, Status> {
        let call = request.into_inner();
        let mut calls = self.calls.lock().unwrap();
        calls.checks.push(call.clone());
        refuse_bad("values", call.values.iter().map(String::as_str))?;
        let outcomes = call
            .values
            .iter()
            .enumerate()
            .map(|(i, value)| {
                let hit = value.ends_with('7');
                pb::HitOutcome {
                    hit,
                    hit_id: if hit {
                        format!("hit-{i}")
                    } else {
                        String::new()
                    },
                    records: if hit {
                        vec![pb::HitRecord {
                            agency: "police".into(),
                            list: "numbers".into(),
                            reference: "R1".into(),
                            kind: call.kind.clone(),
                            added: "2026-11-02".into(),
                        }]
                    } else {
                        Vec::new()
                    },
                }
            })
            .collect();
        Ok(Response::new(pb::HitCheckResult {
            peer: call.peer,
            kind: call.kind,
            epoch: 5,
            outcomes,
            quota_left: 100,
            quota_resets_unix_ms: 1_795_478_400_000,
            set_entries: 42,
        }))
    }

    async fn get_hit(&self, request: Request<pb::HitRef>) -> Result<Response<pb::Hit>, Status> {
        Ok(Response::new(pb::Hit {
            hit_id: request.into_inner().hit_id,
            peer: "KHM".into(),
            ..Default::default()
        }))
    }
}

/// Serves a fake `Hits` on a free port; returns a channel to it and what
/// it records. The server stops with the test's runtime.
pub async fn serve() -> (Channel, Arc<Mutex<Calls>>) {
    let fake = FakeHits::default();
    let calls = fake.calls.clone();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(
        Server::builder()
            .add_service(HitsServer::new(fake))
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );
    let channel = Channel::from_shared(format!("http://{address}"))
        .unwrap()
        .connect()
        .await
        .unwrap();
    (channel, calls)
}
