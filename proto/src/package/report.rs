//! `report.html`: the custody report for people. Per file, what the signed
//! manifest says about it, then each custody event in order of time with
//! the country, actor and what the event shows. It holds no verdict: the
//! report is informational and `liaison evidence verify` decides. maud
//! escapes every text; the page has no script and loads nothing, and its
//! content security policy forbids both.

use maud::{DOCTYPE, Markup, html};

use super::custody::{self, AuditEntryView, parse_custody_detail};
use crate::domain::{CountryCode, EvidenceFile};
use crate::merkle::Hash;
use crate::time::rfc3339;

/// An evidence file in the package.
#[derive(Debug, Clone)]
pub struct ReportFile {
    pub file: EvidenceFile,
    /// Its member in the package.
    pub path: String,
    /// The country whose node acquired it (the manifest's signer).
    pub acquired_in: CountryCode,
}

/// A custody entry in the package.
#[derive(Debug, Clone)]
pub struct ReportEvent {
    /// The country whose log holds it.
    pub country: CountryCode,
    pub leaf: Hash,
    pub entry: AuditEntryView,
}

/// A public key in the package.
#[derive(Debug, Clone)]
pub struct ReportKey {
    pub country: CountryCode,
    pub key_id: String,
    /// Base64 of the raw key.
    pub public_key: String,
}

/// Everything the report shows.
#[derive(Debug, Clone)]
pub struct ReportInput<'a> {
    pub request_id: &'a str,
    pub exporter: CountryCode,
    pub created_unix_ms: i64,
    pub files: &'a [ReportFile],
    pub events: &'a [ReportEvent],
    pub keys: &'a [ReportKey],
}

/// What a custody event shows, in one sentence.
fn meaning(event: &AuditEntryView, country: CountryCode) -> String {
    let peer = event.peer.as_deref().unwrap_or("the peer");
    match event.event.as_str() {
        custody::EVIDENCE_ATTACHED => format!(
            "The file was attached at {country}'s node, which recorded its SHA-256; the chain \
             of custody starts here."
        ),
        custody::EVIDENCE_SENT => {
            format!("{country}'s node sent the file to {peer} and holds {peer}'s receipt.")
        }
        custody::EVIDENCE_RECEIVED => {
            format!("{country}'s node received the file's bytes from {peer}.")
        }
        custody::EVIDENCE_VERIFIED => format!(
            "{country}'s node found that the bytes hash to the SHA-256 of the manifest {peer} \
             signed."
        ),
        custody::EVIDENCE_OPENED => {
            format!("The file was downloaded or viewed at {country}'s node.")
        }
        custody::EVIDENCE_EXPORTED => {
            format!("{country}'s node put the file into an evidence package.")
        }
        custody::EVIDENCE_PURGED => format!("{country}'s node deleted the file's bytes."),
        _ => "Not a custody event.".to_string(),
    }
}

/// The events about `file_id`, in order of time, then country, then index.
fn events_of<'a>(events: &'a [ReportEvent], file_id: &str) -> Vec<&'a ReportEvent> {
    let mut found: Vec<&ReportEvent> = events
        .iter()
        .filter(|e| parse_custody_detail(&e.entry.detail).is_ok_and(|d| d.file_id == file_id))
        .collect();
    found.sort_by(|a, b| {
        (a.entry.at_unix_ms, a.country, a.entry.index).cmp(&(
            b.entry.at_unix_ms,
            b.country,
            b.entry.index,
        ))
    });
    found
}

fn file_section(file: &ReportFile, events: &[ReportEvent]) -> Markup {
    let f = &file.file;
    html! {
        section {
            h2 { (f.name) }
            table.facts {
                tr { th { "File id" } td { code { (f.file_id) } } }
                tr { th { "In the package" } td { code { (file.path) } } }
                tr { th { "Size" } td { (f.size) " bytes" } }
                tr { th { "Media type" } td { (f.media_type) } }
                tr { th { "SHA-256" } td { code { (hex::encode(f.sha256)) } } }
                tr { th { "Acquired by" } td { (f.acquired_by) " at " (file.acquired_in) "'s node" } }
                tr { th { "Acquired at (UTC)" } td { (rfc3339(f.acquired_unix_ms)) } }
                tr { th { "Source" } td { (f.source) } }
                tr { th { "Description" } td { (f.description) } }
                tr { th { "Custody starts at" } td { code { (hex::encode(f.custody_start)) } } }
            }
            h3 { "Chain of custody" }
            table.events {
                thead {
                    tr {
                        th { "#" } th { "Time (UTC)" } th { "Country" } th { "Log index" }
                        th { "Actor" } th { "Event" } th { "What it shows" } th { "Leaf hash" }
                    }
                }
                tbody {
                    @for (n, event) in events_of(events, &f.file_id).into_iter().enumerate() {
                        tr {
                            td { (n + 1) }
                            td { (rfc3339(event.entry.at_unix_ms)) }
                            td { (event.country) }
                            td { (event.entry.index) }
                            td { (event.entry.actor) }
                            td.event { (event.entry.event) }
                            td { (meaning(&event.entry, event.country)) }
                            td { code { (hex::encode(event.leaf)) } }
                        }
                    }
                }
            }
        }
    }
}

const STYLE: &str = "body{font-family:sans-serif;margin:2em;max-width:80em}\
table{border-collapse:collapse;margin:0.5em 0 1.5em}\
th,td{border:1px solid #999;padding:0.25em 0.5em;text-align:left;vertical-align:top}\
code{font-size:0.85em;word-break:break-all}.note{background:#ffd;padding:0.5em}";

/// The report as one HTML page.
pub fn render(input: &ReportInput<'_>) -> String {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'";
                title { "Chain of custody, request " (input.request_id) }
                style { (maud::PreEscaped(STYLE)) }
            }
            body {
                h1 { "Chain of custody" }
                p.note {
                    "This report is for reading and proves nothing by itself. Whether the package \
                     is intact and its signatures and proofs hold is decided by "
                    code { "liaison evidence verify" }
                    " (docs/evidence-package.md)."
                }
                table.facts {
                    tr { th { "Request" } td { code { (input.request_id) } } }
                    tr { th { "Package written by" } td { (input.exporter) "'s node" } }
                    tr { th { "Written at (UTC)" } td { (rfc3339(input.created_unix_ms)) } }
                    tr { th { "Files" } td { (input.files.len()) } }
                }
                @for file in input.files {
                    (file_section(file, input.events))
                }
                h2 { "Signing keys in the package" }
                p { "Compare them with the keys each country publishes." }
                table.keys {
                    tr { th { "Country" } th { "Key id" } th { "Public key (base64)" } }
                    @for key in input.keys {
                        tr {
                            td { (key.country) }
                            td { code { (key.key_id) } }
                            td { code { (key.public_key) } }
                        }
                    }
                }
            }
        }
    };
    page.into_string()
}
