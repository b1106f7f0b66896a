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
        PeerLimits::with(
            config.peer_rate_per_sec,
            config.peer_burst,
            config.peer_concurrency,
        )
    }

    /// Limits of `rate` calls a second with bursts of `burst`, and
    /// `concurrency` calls in flight, per peer.
    pub fn with(rate: u32, burst: u32, concurrency: u32) -> Self {
        PeerLimits {
            rate: f64::from(rate),
            burst: f64::from(burst),
            concurrency: concurrency as usize,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Admits one call from `peer`, returning the permit to hold while it
    /// runs, or why it is refused.
    pub fn admit(&self, peer: CountryCode) -> Result<OwnedSemaphorePermit, Exceeded> {
        self.admit_many(peer, 1).map(|admitted| admitted.permit)
    }

    /// Admits a call from `peer` carrying `wanted` deliveries, each counted
    /// against the rate: as many as the bucket holds tokens for (at least
    /// one, or the call is refused). The rest are over the limit, and
    /// counted with the refusals audited once a second.
    pub fn admit_many(&self, peer: CountryCode, wanted: usize) -> Result<Admitted, Exceeded> {
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
        let over_rate = format!(
            "{peer} exceeds its limit of {} calls per second (burst {})",
            self.rate, self.burst
        );
        let refusal = if bucket.tokens < 1.0 {
            over_rate.clone()
        } else {
            match bucket.in_flight.clone().try_acquire_owned() {
                Ok(permit) => {
                    let count = wanted.min(bucket.tokens as usize);
                    bucket.tokens -= count as f64;
                    let over = wanted - count;
                    let exceeded = (over > 0).then(|| Exceeded {
                        message: over_rate,
                        audit: bucket.refused(over as u64, now),
                    });
                    return Ok(Admitted {
                        permit,
                        count,
                        exceeded,
                    });
                }
                Err(_) => format!("{peer} has more than {} calls in flight", self.concurrency),
            }
        };
        Err(Exceeded {
            audit: bucket.refused(wanted as u64, now),
            message: refusal,
        })
    }
}

/// A call let in: the permit to hold while it runs, how many of its
/// deliveries may proceed, and why the others may not.
#[derive(Debug)]
pub struct Admitted {
    pub permit: OwnedSemaphorePermit,
    pub count: usize,
    pub exceeded: Option<Exceeded>,
}

impl Bucket {
    /// Counts `n` refusals; returns how many to audit now, at most once a
    /// second.
    fn refused(&mut self, n: u64, now: Instant) -> Option<u64> {
        self.unaudited += n;
        let due = self
            .last_audit
            .is_none_or(|at| now.duration_since(at).as_secs() >= 1);
        due.then(|| {
            self.last_audit = Some(now);
            std::mem::take(&mut self.unaudited)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_gets_as_many_deliveries_as_the_bucket_holds() {
        // A rate too slow to refill during the test.
        let limits = PeerLimits::with(1, 3, 4);
        let tha: CountryCode = "THA".parse().unwrap();
        let admitted = limits.admit_many(tha, 5).expect("three of five admitted");
        assert_eq!(admitted.count, 3);
        let over = admitted.exceeded.expect("two over the limit");
        assert!(
            over.message.contains("exceeds its limit"),
            "{}",
            over.message
        );
        // The first refusals of a peer are audited at once, counted.
        assert_eq!(over.audit, Some(2));
        // The bucket is empty: the next call is refused whole.
        let refused = limits.admit_many(tha, 2).expect_err("no tokens left");
        assert!(refused.message.contains("exceeds its limit"));
        // Other peers are unaffected.
        let khm: CountryCode = "KHM".parse().unwrap();
        assert_eq!(limits.admit_many(khm, 2).map(|a| a.count).ok(), Some(2));
    }

    #[test]
    fn calls_in_flight_are_capped_whatever_they_carry() {
        let limits = PeerLimits::with(1000, 1000, 1);
        let tha: CountryCode = "THA".parse().unwrap();
        let held = limits.admit_many(tha, 10).expect("first call admitted");
        assert_eq!(held.count, 10);
        let refused = limits.admit(tha).expect_err("second call refused");
        assert!(
            refused.message.contains("calls in flight"),
            "{}",
            refused.message
        );
        drop(held);
        assert!(limits.admit(tha).is_ok());
    }
}
