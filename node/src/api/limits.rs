//! Per-peer limits at the federation door: a token bucket for the rate of
//! calls and a cap on calls in flight. A peer over its limits is refused
//! with `RESOURCE_EXHAUSTED`; other peers are unaffected. Refusals are
//! audited at most once a second per peer, with the number refused, so a
//! flooding peer cannot flood the audit log.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use liaison_proto::domain::CountryCode;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::config::Config;

#[derive(Debug)]
struct Bucket {
    tokens: f64,
    last: Instant,
    in_flight: Arc<Semaphore>,
    /// Refusals since the last audited one, and when that was.
    unaudited: u64,
    last_audit: Option<Instant>,
}

/// Why a peer's call was refused, and whether to audit it now.
#[derive(Debug)]
pub struct Exceeded {
    pub message: String,
    /// `Some(n)`: audit now, covering `n` refusals.
    pub audit: Option<u64>,
}

#[derive(Debug)]
pub struct PeerLimits {
    rate: f64,
    burst: f64,
    concurrency: usize,
    buckets: Mutex<HashMap<CountryCode, Bucket>>,
}

impl PeerLimits {
    pub fn new(config: &Config) -> Self {
        PeerLimits {
            rate: f64::from(config.peer_rate_per_sec),
            burst: f64::from(config.peer_burst),
            concurrency: config.peer_concurrency as usize,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Admits one call from `peer`, returning the permit to hold while it
    /// runs, or why it is refused.
    pub fn admit(&self, peer: CountryCode) -> Result<OwnedSemaphorePermit, Exceeded> {
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let bucket = buckets.entry(peer).or_insert_with(|| Bucket {
            tokens: self.burst,
            last: now,
            in_flight: Arc::new(Semaphore::new(self.concurrency)),
            unaudited: 0,
            last_audit: None,
        });
        let elapsed = now.duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.rate).min(self.burst);
        bucket.last = now;
        let refusal = if bucket.tokens < 1.0 {
            Some(format!(
                "{peer} exceeds its limit of {} calls per second (burst {})",
                self.rate, self.burst
            ))
        } else {
            match bucket.in_flight.clone().try_acquire_owned() {
                Ok(permit) => {
                    bucket.tokens -= 1.0;
                    return Ok(permit);
                }
                Err(_) => Some(format!(
                    "{peer} has more than {} calls in flight",
                    self.concurrency
                )),
            }
        };
        bucket.unaudited += 1;
        let due = bucket
            .last_audit
            .is_none_or(|at| now.duration_since(at).as_secs() >= 1);
        let audit = due.then(|| {
            bucket.last_audit = Some(now);
            std::mem::take(&mut bucket.unaudited)
        });
        Err(Exceeded {
            message: refusal.unwrap_or_default(),
            audit,
        })
    }
}
