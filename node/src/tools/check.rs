//! `liaison-node check --data DIR`: diagnoses a stopped node's data
//! without changing it. The directory is locked as a node would lock it
//! (so no node starts meanwhile) and copied, evidence files aside, to a
//! scratch directory; every check runs on the copy: the store opens (the
//! journal and the tile log read back whole, every committed entry
//! re-hashed against its checkpoints), the audit log verifies under the
//! node's keys, every request record opens with its data key, and every
//! queued envelope is stored, signed by this node, addressed as its queue
//! entry says, and belongs to a known request. See docs/reliability.md.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use liaison_proto::envelope::{open_envelope, sha256};
use liaison_proto::pb;
use prost::Message as _;

use crate::config::Config;
use crate::records::{Direction, Records};
use crate::store::{DiskStore, Store, StoreError, copy_dir};

/// What one check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What was checked: `lock`, `store`, `audit log`, `requests`, `outbox`.
    pub check: &'static str,
    pub ok: bool,
    pub detail: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mark = if self.ok { "ok  " } else { "FAIL" };
        write!(f, "{mark}  {:<10} {}", self.check, self.detail)
    }
}

/// Everything `check` found, in order.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether every check passed.
    pub fn healthy(&self) -> bool {
        self.findings.iter().all(|f| f.ok)
    }

    fn ok(&mut self, check: &'static str, detail: impl Into<String>) {
        self.findings.push(Finding {
            check,
            ok: true,
            detail: detail.into(),
        });
    }

    fn fail(&mut self, check: &'static str, detail: impl fmt::Display) {
        self.findings.push(Finding {
            check,
            ok: false,
            detail: detail.to_string(),
        });
    }
}

/// Why `check` could not run at all (as opposed to finding a problem).
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("{0} is not a node's data directory: {1}")]
    NotData(PathBuf, String),
    #[error("{0} is in use by a running node: stop it first (`check` reads a stopped node's data)")]
    InUse(PathBuf),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{path}: cannot {doing}: {source}")]
    Io {
        path: PathBuf,
        doing: &'static str,
        source: std::io::Error,
    },
}

fn io<'a>(path: &'a Path, doing: &'static str) -> impl FnOnce(std::io::Error) -> CheckError + 'a {
    move |source| CheckError::Io {
        path: path.to_path_buf(),
        doing,
        source,
    }
}

/// Checks the data directory `data`, copied into a directory made under
/// `scratch`. With the node's `config`, the audit log's signatures, the
/// request records (with the node's KEK) and the outbox are checked too;
/// without it, only what needs no key.
pub fn check(data: &Path, config: Option<&Config>, scratch: &Path) -> Result<Report, CheckError> {
    let lock_path = data.join("db");
    if !data.join("journal").is_file() || !lock_path.is_file() {
        return Err(CheckError::NotData(
            data.to_path_buf(),
            "it holds no `journal` and no `db`".into(),
        ));
    }
    let lock = std::fs::File::open(&lock_path).map_err(io(&lock_path, "open"))?;
    match rustix::fs::flock(&lock, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => {}
        Err(rustix::io::Errno::WOULDBLOCK) => return Err(CheckError::InUse(data.to_path_buf())),
        Err(e) => return Err(io(&lock_path, "lock")(e.into())),
    }
    let mut report = Report::default();
    report.ok(
        "lock",
        "no process holds the data directory; it is held until the copy is made",
    );
    let copy = tempfile::Builder::new()
        .prefix("liaison-check-")
        .tempdir_in(scratch)
        .map_err(io(scratch, "make a scratch directory"))?;
    let evidence = data.join("evidence");
    let bytes = copy_dir(data, copy.path(), &mut |path| path != evidence)?;
    drop(lock);
    report.ok(
        "copy",
        format!(
            "{} MiB copied to {} (evidence files aside); the data directory itself is not \
             changed",
            bytes.div_ceil(1 << 20),
            copy.path().display()
        ),
    );
    let store = match DiskStore::open(copy.path()) {
        Ok((store, opened)) => {
            let mut detail = "opens: the journal reads back whole, and every committed audit \
                              entry re-hashes to its checkpoints"
                .to_string();
            if opened.recovered() {
                detail = format!(
                    "{detail}; at its next start the node would apply {} journal records again, \
                     restore {} audit entries from the journal, and cut {} bytes of a journal \
                     record and {} audit entries never acknowledged (it stopped without a clean \
                     shutdown)",
                    opened.replayed,
                    opened.audit_restored,
                    opened.journal_bytes_cut,
                    opened.tlog.entries_cut
                );
            }
            report.ok("store", detail);
            Arc::new(store) as Arc<dyn Store>
        }
        Err(e) => {
            report.fail("store", format_args!("does not open: {e}"));
            return Ok(report);
        }
    };
    match store.audit_checkpoint() {
        Ok(Some(checkpoint)) => report.ok(
            "audit log",
            format!("{} entries under the last checkpoint", checkpoint.size),
        ),
        Ok(None) => report.ok("audit log", "empty"),
        Err(e) => report.fail("audit log", e),
    }
    let Some(config) = config else {
        report.ok(
            "keys",
            "no configuration given (--config): the tree head's signature, the request \
             records and the outbox were not checked",
        );
        return Ok(report);
    };
    check_with_keys(config, store, &mut report);
    Ok(report)
}

/// The checks that need the node's keys.
fn check_with_keys(config: &Config, store: Arc<dyn Store>, report: &mut Report) {
    if !config.kek.path.exists() {
        report.fail(
            "keys",
            format_args!(
                "the key-encryption key {} does not exist: the request records cannot be read",
                config.kek.path.display()
            ),
        );
        return;
    }
    let kek = match crate::vault::read_kek(&config.kek.path) {
        Ok(kek) => kek,
        Err(e) => return report.fail("keys", e),
    };
    let records = match Records::open(store, Arc::new(kek)) {
        Ok((records, _)) => records,
        Err(e) => return report.fail("keys", format_args!("the data keys do not open: {e}")),
    };
    match crate::audit::verify_log(&records, config.country, &config.own_keys()) {
        Ok(checked) => report.ok(
            "audit log",
            match checked.head {
                Some(head) => format!(
                    "verifies: {} entries, the last tree head ({} entries) signed by {}'s key",
                    checked.frontier.size(),
                    head.size,
                    config.country
                ),
                None => format!("verifies: {} entries", checked.frontier.size()),
            },
        ),
        Err(e) => report.fail("audit log", format_args!("does not verify: {e}")),
    }
    let mut counts = [0usize; 2];
    for (i, direction) in [Direction::Outgoing, Direction::Incoming]
        .into_iter()
        .enumerate()
    {
        match records.requests(direction) {
            Ok(found) => counts[i] = found.len(),
            Err(e) => report.fail("requests", e),
        }
    }
    if report.findings.iter().all(|f| f.check != "requests") {
        report.ok(
            "requests",
            format!(
                "{} outgoing and {} incoming, each readable with its data key",
                counts[0], counts[1]
            ),
        );
    }
    check_outbox(config, &records, report);
}

/// Every queued envelope is stored, signed by this node, addressed as its
/// entry says, and about a request the node holds.
fn check_outbox(config: &Config, records: &Records, report: &mut Report) {
    let items = match records.outbox() {
        Ok(items) => items,
        Err(e) => return report.fail("outbox", e),
    };
    let keys = config.own_keys();
    let mut problems = 0;
    for item in &items {
        let problem = (|| {
            let envelope = pb::Envelope::decode(item.envelope.as_slice())
                .map_err(|_| "its stored envelope does not decode".to_string())?;
            if sha256(&envelope.message) != item.envelope_hash {
                return Err(
                    "its stored envelope does not hash to the hash it is kept under".into(),
                );
            }
            let opened = open_envelope(&envelope, |id| {
                keys.iter()
                    .find(|k| liaison_proto::envelope::key_id(k) == id)
                    .copied()
            })
            .map_err(|e| format!("its envelope does not verify under this node's keys: {e}"))?;
            let message = opened.value;
            if message.message_id != item.message_id || message.to != item.to {
                return Err("its envelope is another message, or to another country".into());
            }
            match records.request(item.kind.direction(), &item.request_id) {
                Ok(Some(_)) => Ok(()),
                Ok(None) => Err("its request is not in the store".to_string()),
                Err(e) => Err(e.to_string()),
            }
        })();
        if let Err(problem) = problem {
            problems += 1;
            report.fail(
                "outbox",
                format_args!("envelope {} to {}: {problem}", item.message_id, item.to),
            );
        }
    }
    if problems == 0 {
        let mut by_peer = std::collections::BTreeMap::<String, usize>::new();
        for item in &items {
            *by_peer.entry(item.to.to_string()).or_default() += 1;
        }
        let peers: Vec<String> = by_peer.iter().map(|(p, n)| format!("{p} {n}")).collect();
        report.ok(
            "outbox",
            format!(
                "{} envelopes queued{}, each stored, signed by this node and of a known request",
                items.len(),
                if peers.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", peers.join(", "))
                }
            ),
        );
    }
}

/// Brings the backup in `from` (written by `Admin.Backup`) back as the data
/// directory of the node `config` describes, which must not exist or be
/// empty, then checks it. The configuration and keys are the operator's to
/// put in place first (from the backup's `config/`).
pub fn restore(from: &Path, config: &Config, scratch: &Path) -> Result<Report, CheckError> {
    let source = from.join("data");
    if !source.join("journal").is_file() {
        return Err(CheckError::NotData(
            source,
            "it holds no `journal`: not a backup written by Admin.Backup".into(),
        ));
    }
    let target = &config.data_dir;
    if target.exists()
        && std::fs::read_dir(target)
            .map_err(io(target, "list"))?
            .next()
            .is_some()
    {
        return Err(CheckError::NotData(
            target.clone(),
            "it already holds data: restore into an empty or absent directory".into(),
        ));
    }
    copy_dir(&source, target, &mut |_| true)?;
    check(target, Some(config), scratch)
}
