//! Reloading the configuration: refusing restart-only changes, putting the
//! rest in force, auditing only what changed.

use std::sync::Arc;

use crate::config::Config;
use crate::error::{Error, Result};

use super::state::{Event, Exchange, OwnKeys, Pending};

/// The settings that differ between `old` and `new` and that a running
/// node cannot change: they are read once, when it starts.
pub(super) fn restart_only_changes(old: &Config, new: &Config) -> Vec<&'static str> {
    let mut changed = Vec::new();
    let mut check = |name, differs: bool| {
        if differs {
            changed.push(name);
        }
    };
    check("node.country", old.country != new.country);
    check("node.tls_name", old.tls_name != new.tls_name);
    check(
        "node.federation_listen",
        old.federation_listen != new.federation_listen,
    );
    check("node.local_listen", old.local_listen != new.local_listen);
    check(
        "local_tls",
        old.local_tls.is_some() != new.local_tls.is_some(),
    );
    check(
        "node.metrics_listen",
        old.metrics_listen != new.metrics_listen,
    );
    check("node.data_dir", old.data_dir != new.data_dir);
    // The console's listener and whether it serves HTTPS are bound at
    // start; its certificate and settings are read as it serves.
    let console = |c: &Config| c.console.as_ref().map(|c| (c.listen, c.tls.is_some()));
    check("console.listen", console(old) != console(new));
    check("tls.cert", old.tls.cert_pem != new.tls.cert_pem);
    check("tls.key", old.tls.key_pem != new.tls.key_pem);
    check("tls.ca", old.tls.ca_pem != new.tls.ca_pem);
    check(
        "node.witness_interval_secs",
        old.witness_interval != new.witness_interval,
    );
    check(
        "node.peer_rate_per_sec",
        old.peer_rate_per_sec != new.peer_rate_per_sec,
    );
    check("node.peer_burst", old.peer_burst != new.peer_burst);
    check(
        "node.peer_concurrency",
        old.peer_concurrency != new.peer_concurrency,
    );
    changed
}

/// What a reload from `old` to `new` changes (besides the signing key), in
/// words fit for the audit log: countries, agreement versions and hashes,
/// key ids, agency and user names, settings. No personal data.
pub(super) fn config_changes(old: &Config, new: &Config) -> Vec<String> {
    let mut changes = Vec::new();
    let keys = |c: &Config| c.previous_keys.keys().cloned().collect::<Vec<_>>();
    if keys(old) != keys(new) {
        changes.push(format!("earlier signing keys: {}", keys(new).join(",")));
    }
    let agreement = |p: &crate::config::Peer| {
        p.agreement
            .as_ref()
            .map_or("no agreement".to_string(), |a| {
                format!("v{} ({})", a.version, hex::encode(a.hash))
            })
    };
    for (country, peer) in &new.peers {
        let Some(before) = old.peers.get(country) else {
            changes.push(format!(
                "peer {country} added, agreement {}",
                agreement(peer)
            ));
            continue;
        };
        if before.endpoint != peer.endpoint || before.tls_name != peer.tls_name {
            changes.push(format!(
                "peer {country} now at {} ({})",
                peer.endpoint, peer.tls_name
            ));
        }
        let ids = |p: &crate::config::Peer| p.keys.keys().cloned().collect::<Vec<_>>();
        if ids(before) != ids(peer) {
            changes.push(format!("peer {country} keys: {}", ids(peer).join(",")));
        }
        if before.revoked != peer.revoked {
            let revoked: Vec<String> = peer.revoked.iter().cloned().collect();
            changes.push(format!(
                "peer {country} revoked keys: {}",
                revoked.join(",")
            ));
        }
        if before.agreement.as_ref().map(|a| a.hash) != peer.agreement.as_ref().map(|a| a.hash) {
            changes.push(format!(
                "agreement with {country} {} -> {}",
                agreement(before),
                agreement(peer)
            ));
        }
    }
    for country in old.peers.keys().filter(|c| !new.peers.contains_key(c)) {
        changes.push(format!("peer {country} removed"));
    }
    let agencies = |c: &Config| {
        c.agencies
            .iter()
            .map(|a| {
                let categories: Vec<&str> = a.categories.iter().map(|c| c.as_str()).collect();
                let victims = if a.victim_protection {
                    " (victim protection)"
                } else {
                    ""
                };
                format!("{} [{}]{victims}", a.name, categories.join(","))
            })
            .collect::<Vec<_>>()
    };
    if agencies(old) != agencies(new) {
        changes.push(format!("agencies: {}", agencies(new).join(", ")));
    }
    if old.accounts != new.accounts {
        let mut users: Vec<String> = new.accounts.iter().map(|a| a.describe()).collect();
        users.sort();
        changes.push(format!("users: {}", users.join(", ")));
    }
    let local_tls = |c: &Config| {
        c.local_tls
            .as_ref()
            .map(|t| (t.cert_pem.clone(), t.client_pem.clone()))
    };
    if local_tls(old) != local_tls(new) {
        changes.push("local_tls: certificate, client CA or revocation lists replaced".into());
    }
    if old.local_auth != new.local_auth {
        let a = &new.local_auth;
        changes.push(format!(
            "local_auth: {} failures within {} s lock out for {} s",
            a.max_failures,
            a.window.as_secs(),
            a.lockout.as_secs()
        ));
    }
    if console_settings(old) != console_settings(new) {
        changes.push(format!(
            "console: {}",
            console_settings(new).unwrap_or_else(|| "none".into())
        ));
    }
    if old.non_punishment != new.non_punishment {
        changes.push(format!(
            "node.non_punishment: {}",
            new.non_punishment
                .as_ref()
                .map_or("none (focal points name it)", |n| n.provision.as_str())
        ));
    }
    if old.national_offences != new.national_offences {
        changes.push(match &new.national_offences {
            Some(map) => format!("national offences: {} offences", map.offences().len()),
            None => "national offences: none".to_string(),
        });
    }
    let mut setting = |name: &str, before: u64, after: u64| {
        if before != after {
            changes.push(format!("{name} {before} -> {after}"));
        }
    };
    setting(
        "node.max_clock_skew_secs",
        old.max_clock_skew.as_secs(),
        new.max_clock_skew.as_secs(),
    );
    setting(
        "node.max_message_age_secs",
        old.max_message_age.as_secs(),
        new.max_message_age.as_secs(),
    );
    setting(
        "node.retention_days",
        u64::from(old.retention_days),
        u64::from(new.retention_days),
    );
    setting(
        "node.outbox_per_peer",
        old.outbox_per_peer as u64,
        new.outbox_per_peer as u64,
    );
    setting(
        "node.delivery_retry_max_secs",
        old.delivery_retry_max.as_secs(),
        new.delivery_retry_max.as_secs(),
    );
    setting(
        "node.max_subjects",
        old.max_subjects as u64,
        new.max_subjects as u64,
    );
    changes
}

impl Exchange {
    /// Puts `fresh`, a new load of this node's configuration file, in
    /// force without a restart: signing keys, peers (endpoints, keys,
    /// revocations), sharing agreements, agencies, users, national
    /// offences, and the clock, message-age, retention, outbox and retry
    /// settings. Everything was validated when
    /// `fresh` was loaded; here it is checked against what cannot change
    /// while the node runs (its country, listeners, data directory, TLS
    /// identity, per-peer limits and witnessing interval), and if any of
    /// those differ nothing is changed.
    ///
    /// Returns what changed, in words. Only a real change is audited: a
    /// new signing key as `key.rotated`, the rest as one `config.reloaded`
    /// entry naming each change, agreements with their old and new version
    /// and hash. An unchanged file changes and records nothing.
    pub async fn reload(&self, fresh: Config) -> Result<Vec<String>> {
        let current = self.config();
        let needs_restart = restart_only_changes(&current, &fresh);
        if !needs_restart.is_empty() {
            return Err(Error::precondition(format!(
                "{} changed; restart the node to apply that (nothing was reloaded)",
                needs_restart.join(", ")
            )));
        }
        let state = self.state.lock().await;
        let mut changes = config_changes(&current, &fresh);
        let old_key = current.signer.key_id().to_string();
        let new_key = fresh.signer.key_id().to_string();
        let mut pending = Pending::default();
        if old_key != new_key {
            pending
                .events
                .push(Event::new("key.rotated", "node").detail(format!(
                    "signing key {old_key} -> {new_key}; earlier keys: {}",
                    fresh
                        .previous_keys
                        .keys()
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(",")
                )));
        }
        if !changes.is_empty() {
            pending
                .events
                .push(Event::new("config.reloaded", "node").detail(changes.join("; ")));
        }
        if old_key != new_key {
            changes.insert(0, format!("signing key {old_key} -> {new_key}"));
        }
        if changes.is_empty() {
            self.metrics.reload("unchanged");
            tracing::info!(country = %self.country(), "configuration reloaded: nothing changed");
            return Ok(changes);
        }
        let fresh = Arc::new(fresh);
        *self.keys.write().unwrap_or_else(|p| p.into_inner()) = OwnKeys {
            signer: fresh.signer.clone(),
            previous: fresh.previous_keys.clone(),
        };
        *self.config.write().unwrap_or_else(|p| p.into_inner()) = fresh;
        // The entries and the tree head after them are signed with the new
        // key, if there is one.
        self.commit(state, pending).await?;
        self.metrics.reload("applied");
        tracing::info!(country = %self.country(), changes = %changes.join("; "), "configuration reloaded");
        Ok(changes)
    }

    /// Records that a reload was refused (a file that does not load, or a
    /// change that needs a restart): the running configuration stays, and
    /// the reason is audited as `config.reload_failed`, logged, and shown
    /// by the `liaison_config_reload_failed` metric until a reload succeeds.
    pub async fn reload_failed(&self, reason: &str) -> Result<()> {
        tracing::error!(country = %self.country(), reason, "configuration reload refused; the running configuration stays");
        self.metrics.reload("refused");
        self.record_event(Event::new("config.reload_failed", "node").detail(reason.to_string()))
            .await
    }
}

/// The console's settings that a reload puts in force, in words.
fn console_settings(config: &Config) -> Option<String> {
    config.console.as_ref().map(|c| {
        let totp: Vec<String> = c.require_totp.iter().map(ToString::to_string).collect();
        format!(
            "idle {} min, at most {} h, {} failed sign-ins lock for {} min, second factor for [{}]",
            c.idle.as_secs() / 60,
            c.absolute.as_secs() / 3600,
            c.max_failed_logins,
            c.lockout.as_secs() / 60,
            totp.join(", ")
        )
    })
}
