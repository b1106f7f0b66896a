//! The evidence transfer worker: sends the bytes of this node's evidence
//! files to peers, on a queue of its own so that a large file never holds
//! up the small signed messages of the outbox.
//!
//! A file waits until the peer has its signed manifest (the manifest's
//! outbox item is gone). Then the worker asks the peer where the file
//! stands (`EvidenceOffset`), streams the bytes from there in chunks of
//! [`super::MAX_CHUNK`] (`TransferEvidence`), and records the peer's receipt as
//! `evidence.sent`. A transfer cut by a disconnect or a restart resumes
//! from the last offset the peer made durable. One file per peer at a
//! time; memory stays at a few chunks whatever the file's size.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use liaison_proto::domain::CountryCode;
use liaison_proto::pb;
use tokio::task::JoinSet;
use tokio_stream::wrappers::ReceiverStream;

use super::outbox::PeerClients;
use super::state::{Exchange, now_ms};
use crate::records::TransferItem;

/// The longest the worker sleeps between looks at its queue.
const MAX_IDLE: Duration = Duration::from_secs(2);

/// Runs until the exchange closes; transfers in flight are awaited (a
/// transfer cut short resumes at the next start).
pub async fn run(exchange: Arc<Exchange>, peers: PeerClients) {
    let mut shutdown = exchange.closing();
    let busy: Arc<Mutex<HashSet<CountryCode>>> = Arc::default();
    let mut tasks = JoinSet::new();
    loop {
        if *shutdown.borrow() {
            break;
        }
        let now = now_ms();
        let mut next = now + MAX_IDLE.as_millis() as i64;
        match exchange.records().transfers() {
            Err(e) => tracing::error!(error = %e, "cannot read the evidence queue"),
            Ok(items) => {
                for item in items {
                    if item.next_attempt_unix_ms > now {
                        next = next.min(item.next_attempt_unix_ms);
                        continue;
                    }
                    // The peer must hold the manifest first.
                    match exchange.records().outbox_item(&item.manifest_message_id) {
                        Ok(None) => {}
                        Ok(Some(_)) => continue,
                        Err(e) => {
                            tracing::error!(error = %e, "cannot read the outbox");
                            continue;
                        }
                    }
                    let free = busy.lock().map(|mut b| b.insert(item.to)).unwrap_or(false);
                    if !free {
                        continue;
                    }
                    let exchange = exchange.clone();
                    let client = peers.get(item.to);
                    let busy = busy.clone();
                    tasks.spawn(async move {
                        let peer = item.to;
                        transfer(&exchange, client, item).await;
                        if let Ok(mut b) = busy.lock() {
                            b.remove(&peer);
                        }
                        exchange.wake_transfers();
                    });
                }
            }
        }
        while tasks.try_join_next().is_some() {}
        let sleep =
            Duration::from_millis((next - now_ms()).clamp(1, MAX_IDLE.as_millis() as i64) as u64);
        tokio::select! {
            _ = exchange.transfers_waiting() => {}
            _ = tokio::time::sleep(sleep) => {}
            _ = shutdown.changed() => {}
        }
    }
    while tasks.join_next().await.is_some() {}
}

/// One attempt at one file; a failure is recorded for a later retry.
async fn transfer(
    exchange: &Exchange,
    client: Option<pb::federation_client::FederationClient<tonic::transport::Channel>>,
    item: TransferItem,
) {
    let outcome = match client {
        None => Err(format!("{} is no longer a configured peer", item.to)),
        Some(client) => attempt(exchange, client, &item).await,
    };
    let result = match outcome {
        Ok(proof) => exchange.transferred(&item, proof).await,
        Err(reason) => {
            tracing::warn!(
                peer = %item.to,
                request_id = %item.request_id,
                file_id = %item.file_id,
                reason = %reason,
                "evidence transfer failed; it will be retried"
            );
            exchange.transfer_failed(&item, reason).await
        }
    };
    if let Err(e) = result {
        tracing::error!(error = %e, file_id = %item.file_id, "cannot record an evidence transfer");
    }
}

/// Resumes the file where the peer stands and streams the rest; the
/// peer's receipt once it holds the whole file.
async fn attempt(
    exchange: &Exchange,
    mut client: pb::federation_client::FederationClient<tonic::transport::Channel>,
    item: &TransferItem,
) -> Result<pb::AuditProof, String> {
    let reference = pb::EvidenceFileRef {
        request_id: item.request_id.clone(),
        file_id: item.file_id.clone(),
    };
    let state = client
        .evidence_offset(reference)
        .await
        .map_err(|s| format!("{}: {}", crate::error::code_name(s.code()), s.message()))?
        .into_inner();
    if let Some(receipt) = state.receipt {
        return Ok(receipt);
    }
    let mut reader = exchange
        .transfer_reader(item, state.offset)
        .map_err(|e| e.to_string())?;
    let (tx, rx) = tokio::sync::mpsc::channel::<pb::EvidencePart>(2);
    let ids = (item.request_id.clone(), item.file_id.clone());
    let mut offset = state.offset;
    let reading = tokio::task::spawn_blocking(move || -> Result<(), String> {
        loop {
            match super::next_part(&mut reader).map_err(|e| e.to_string())? {
                None => return Ok(()),
                Some(data) => {
                    let len = data.len() as u64;
                    let part = pb::EvidencePart {
                        request_id: ids.0.clone(),
                        file_id: ids.1.clone(),
                        offset,
                        data,
                    };
                    offset += len;
                    if tx.blocking_send(part).is_err() {
                        // The call ended; the peer keeps what arrived.
                        return Ok(());
                    }
                }
            }
        }
    });
    let answer = client
        .transfer_evidence(ReceiverStream::new(rx))
        .await
        .map_err(|s| format!("{}: {}", crate::error::code_name(s.code()), s.message()));
    let read = reading
        .await
        .map_err(|e| format!("the reading task failed: {e}"))?;
    let state = answer?.into_inner();
    read?;
    state.receipt.ok_or_else(|| {
        format!(
            "the peer holds {} bytes and gave no receipt; the transfer resumes there",
            state.offset
        )
    })
}
