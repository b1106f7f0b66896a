//! Lockout after failed authentications on the local API, per source
//! address and per user: [`LocalAuth::max_failures`] failures within
//! [`LocalAuth::window`] lock the address (or the user) out for
//! [`LocalAuth::lockout`], during which even good credentials are refused.
//! A success forgets the failures counted so far.
//!
//! Memory is bounded: at most [`MAX_TRACKED`] addresses and users are
//! remembered; when full, those neither locked nor failing within their
//! window are forgotten first, and a new address that still finds no room
//! is not counted (its user, if any, still is).

use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::net::IpAddr;
use std::time::Duration;

use tokio::time::Instant;

use crate::config::LocalAuth;

/// How many addresses and users the lockout remembers at most.
pub const MAX_TRACKED: usize = 100_000;

/// What a lockout applies to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    Address(IpAddr),
    User(String),
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Address(ip) => write!(f, "address {ip}"),
            Key::User(name) => write!(f, "user {name}"),
        }
    }
}

#[derive(Debug, Default)]
struct Record {
    /// Times of the failures still within the window, oldest first.
    failures: VecDeque<Instant>,
    locked_until: Option<Instant>,
}

impl Record {
    fn locked(&self, now: Instant) -> Option<Duration> {
        self.locked_until
            .filter(|until| *until > now)
            .map(|until| until - now)
    }

    fn forget_before(&mut self, start: Option<Instant>) {
        while self
            .failures
            .front()
            .is_some_and(|at| start.is_some_and(|start| *at <= start))
        {
            self.failures.pop_front();
        }
    }
}

/// Failed authentications counted per address and per user.
#[derive(Debug, Default)]
pub struct Lockout {
    records: std::sync::Mutex<HashMap<Key, Record>>,
}

/// A key that a failure just locked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockedOut {
    pub key: Key,
    /// The failures that locked it, all within the window.
    pub failures: usize,
}

impl Lockout {
    fn records(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Record>> {
        self.records
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// How much longer `key` is locked out, if it is.
    pub fn locked(&self, key: &Key, now: Instant) -> Option<Duration> {
        self.records().get(key).and_then(|r| r.locked(now))
    }

    /// Counts one failed authentication against each of `keys`, and returns
    /// those it locks out.
    pub fn failed(&self, keys: &[Key], settings: &LocalAuth, now: Instant) -> Vec<LockedOut> {
        let mut records = self.records();
        let window_start = now.checked_sub(settings.window);
        let mut locked = Vec::new();
        for key in keys {
            if !records.contains_key(key) && records.len() >= MAX_TRACKED {
                records.retain(|_, r| {
                    r.forget_before(window_start);
                    r.locked(now).is_some() || !r.failures.is_empty()
                });
                if records.len() >= MAX_TRACKED {
                    continue;
                }
            }
            let record = records.entry(key.clone()).or_default();
            if record.locked(now).is_some() {
                continue;
            }
            record.forget_before(window_start);
            record.failures.push_back(now);
            if record.failures.len() >= settings.max_failures as usize {
                record.locked_until = Some(now + settings.lockout);
                locked.push(LockedOut {
                    key: key.clone(),
                    failures: record.failures.len(),
                });
                record.failures.clear();
            }
        }
        locked
    }

    /// Forgets the failures counted against `keys` (a lockout in force
    /// stays).
    pub fn succeeded(&self, keys: &[Key]) {
        let mut records = self.records();
        for key in keys {
            if records.get(key).is_some_and(|r| r.locked_until.is_none()) {
                records.remove(key);
            } else if let Some(record) = records.get_mut(key) {
                record.failures.clear();
            }
        }
    }

    /// How many addresses and users are remembered.
    pub fn tracked(&self) -> usize {
        self.records().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> LocalAuth {
        LocalAuth {
            max_failures: 3,
            window: Duration::from_secs(60),
            lockout: Duration::from_secs(600),
        }
    }

    fn address(last: u8) -> Key {
        Key::Address(IpAddr::from([10, 0, 0, last]))
    }

    #[test]
    fn the_last_allowed_failure_locks_out_for_the_lockout_time_then_it_lifts() {
        let lockout = Lockout::default();
        let start = Instant::now();
        let key = address(1);
        for i in 0..2 {
            let at = start + Duration::from_secs(i);
            assert!(
                lockout
                    .failed(std::slice::from_ref(&key), &settings(), at)
                    .is_empty()
            );
            assert_eq!(lockout.locked(&key, at), None);
        }
        let third = start + Duration::from_secs(2);
        assert_eq!(
            lockout.failed(std::slice::from_ref(&key), &settings(), third),
            vec![LockedOut {
                key: key.clone(),
                failures: 3
            }]
        );
        assert_eq!(
            lockout.locked(&key, third + Duration::from_secs(100)),
            Some(Duration::from_secs(500))
        );
        // Failures while locked neither extend nor count.
        assert!(
            lockout
                .failed(
                    std::slice::from_ref(&key),
                    &settings(),
                    third + Duration::from_secs(1)
                )
                .is_empty()
        );
        assert_eq!(lockout.locked(&key, third + Duration::from_secs(600)), None);
        // Another address was never affected.
        assert_eq!(lockout.locked(&address(2), third), None);
    }

    #[test]
    fn failures_outside_the_window_do_not_count_and_a_success_forgets_them() {
        let lockout = Lockout::default();
        let start = Instant::now();
        let key = Key::User("focal-point".into());
        lockout.failed(std::slice::from_ref(&key), &settings(), start);
        lockout.failed(
            std::slice::from_ref(&key),
            &settings(),
            start + Duration::from_secs(1),
        );
        // 61 s later the first has left the window: two within it, no lockout.
        assert!(
            lockout
                .failed(
                    std::slice::from_ref(&key),
                    &settings(),
                    start + Duration::from_secs(61)
                )
                .is_empty()
        );
        lockout.succeeded(std::slice::from_ref(&key));
        assert_eq!(lockout.tracked(), 0);
        for i in 0..2 {
            lockout.failed(
                std::slice::from_ref(&key),
                &settings(),
                start + Duration::from_secs(70 + i),
            );
        }
        assert_eq!(lockout.locked(&key, start + Duration::from_secs(72)), None);
    }

    #[test]
    fn a_success_does_not_lift_a_lockout_in_force() {
        let lockout = Lockout::default();
        let now = Instant::now();
        let key = address(3);
        for _ in 0..3 {
            lockout.failed(std::slice::from_ref(&key), &settings(), now);
        }
        lockout.succeeded(std::slice::from_ref(&key));
        assert!(lockout.locked(&key, now).is_some());
    }

    #[test]
    fn memory_stays_bounded_and_stale_records_go_first() {
        let lockout = Lockout::default();
        let start = Instant::now();
        for i in 0..MAX_TRACKED {
            let ip = IpAddr::from(u32::try_from(i).unwrap_or(u32::MAX).to_be_bytes());
            lockout.failed(&[Key::Address(ip)], &settings(), start);
        }
        assert_eq!(lockout.tracked(), MAX_TRACKED);
        // Within the window, a new address finds no room and is not counted...
        let late = address(250);
        lockout.failed(
            std::slice::from_ref(&late),
            &settings(),
            start + Duration::from_secs(1),
        );
        assert_eq!(lockout.tracked(), MAX_TRACKED);
        // ...after it, the stale records make room.
        lockout.failed(&[late], &settings(), start + Duration::from_secs(120));
        assert_eq!(lockout.tracked(), 1);
    }
}
