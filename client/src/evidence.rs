//! `liaison evidence`: attach files to a request (focal points) or to its
//! answer (agency officers), send them, list them and read them, through
//! the node's `Evidence` service (`docs/evidence.md`); `verify` checks a
//! court package offline (`crate::package`).
//!
//! Files are read and written in 1 MiB chunks: memory stays flat whatever
//! their size. A downloaded file is written beside its destination first
//! and moved into place only once its SHA-256 matches the node's record.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Subcommand;
use liaison_proto::auth::BearerToken;
use liaison_proto::pb;
use liaison_proto::pb::evidence_client::EvidenceClient;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tonic::transport::Channel;

use crate::failure::status;
use crate::output::{Align, Printer, Table, time};

/// The largest chunk sent or received.
const CHUNK: usize = 1 << 20;

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Attach files to a request: yours (focal point), or one assigned to
    /// your agency, to go with its answer. Nothing is sent until `send`
    /// (or `--send`).
    Add {
        /// The request (its UUID).
        request_id: String,
        /// The files, each attached on its own.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The IANA media type of every file (default: from the file's
        /// extension: pdf, png, jpg, jpeg, csv, txt).
        #[arg(long)]
        media_type: Option<String>,
        /// The source or device the files were taken from, as recorded at
        /// acquisition (e.g. "seized phone, exhibit 4").
        #[arg(long, default_value = "")]
        source: String,
        /// What the files show.
        #[arg(long, default_value = "")]
        description: String,
        /// Send them at once (as `liaison evidence send`).
        #[arg(long)]
        send: bool,
    },
    /// Sign one manifest of the request's attached files and queue them for
    /// the other country.
    Send {
        /// The request (its UUID).
        request_id: String,
    },
    /// The request's files, both ways, and where each stands.
    List {
        /// The request (its UUID).
        request_id: String,
    },
    /// Write the request's court evidence package (a zip: files, signed
    /// envelopes, custody entries with proofs, keys, a readable report),
    /// then verify it here as `verify` would.
    Package {
        /// The request (its UUID).
        request_id: String,
        /// Where to write it (must not exist), e.g. case.zip.
        #[arg(long, short = 'o')]
        output: PathBuf,
    },
    /// Verify a court evidence package offline: every signature, hash,
    /// inclusion proof and custody link, with nothing but the zip (no node,
    /// no token). Exit status 1 on any finding.
    Verify {
        /// The package (a zip file).
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// A country's published key, to compare with the key the package
        /// carries: COUNTRY=KEY, KEY being the base64 of the raw key or a
        /// file holding it (`signing-key.pub`). Repeat for each country.
        #[arg(long, value_name = "COUNTRY=KEY")]
        public_key: Vec<String>,
    },
    /// Download a file, checked against its SHA-256.
    Get {
        /// The request (its UUID).
        request_id: String,
        /// The file (its UUID, from `liaison evidence list`).
        file_id: String,
        /// Where to write it (must not exist).
        #[arg(long, short = 'o')]
        output: PathBuf,
    },
}

/// A media type from a file's extension, for the common kinds.
fn media_type_of(path: &Path) -> Option<&'static str> {
    let extension = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match extension.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "csv" => "text/csv",
        "txt" => "text/plain",
        _ => return None,
    })
}

/// Runs one `liaison evidence` command.
pub async fn run<W: Write>(
    command: &EvidenceCommand,
    channel: Channel,
    token: BearerToken,
    out: &mut Printer<W>,
) -> anyhow::Result<()> {
    let mut client = EvidenceClient::with_interceptor(channel, token);
    match command {
        EvidenceCommand::Add {
            request_id,
            files,
            media_type,
            source,
            description,
            send,
        } => {
            // Every file is checked before the first is sent.
            let mut plans = Vec::new();
            for path in files {
                let media = match (media_type, media_type_of(path)) {
                    (Some(given), _) => given.clone(),
                    (None, Some(guessed)) => guessed.to_string(),
                    (None, None) => anyhow::bail!(
                        "{}: cannot tell its media type from its name; give --media-type",
                        path.display()
                    ),
                };
                let name = path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .with_context(|| format!("{}: not a file name in UTF-8", path.display()))?
                    .to_string();
                let size = std::fs::metadata(path)
                    .with_context(|| format!("cannot read {}", path.display()))?
                    .len();
                plans.push((path.clone(), name, media, size));
            }
            for (path, name, media, size) in plans {
                let header = pb::UploadHeader {
                    request_id: request_id.clone(),
                    name,
                    media_type: media,
                    size,
                    source: source.clone(),
                    description: description.clone(),
                };
                let item = client
                    .upload(upload_stream(header, &path)?)
                    .await
                    .map_err(status)?
                    .into_inner();
                print_item(out, &item, "attached")?;
            }
            if *send {
                send_files(&mut client, request_id, out).await?;
            }
        }
        EvidenceCommand::Send { request_id } => send_files(&mut client, request_id, out).await?,
        EvidenceCommand::List { request_id } => {
            let list = client
                .list(pb::EvidenceQuery {
                    request_id: request_id.clone(),
                })
                .await
                .map_err(status)?
                .into_inner();
            print_list(out, &list)?;
        }
        EvidenceCommand::Package { request_id, output } => {
            let query = pb::EvidenceQuery {
                request_id: request_id.clone(),
            };
            let size = save(output, client.package(query), None).await?;
            if !out.json {
                writeln!(
                    out.out,
                    "{}: {size} bytes written; checking it:",
                    output.display()
                )?;
            }
            let held = crate::package::verify(&mut out.out, output, &[], out.json)?;
            anyhow::ensure!(
                held,
                "the package the node wrote does not verify: keep it for the operators"
            );
        }
        EvidenceCommand::Verify { .. } => {
            anyhow::bail!("`liaison evidence verify` runs offline, without a node")
        }
        EvidenceCommand::Get {
            request_id,
            file_id,
            output,
        } => {
            let list = client
                .list(pb::EvidenceQuery {
                    request_id: request_id.clone(),
                })
                .await
                .map_err(status)?
                .into_inner();
            let file = list
                .items
                .iter()
                .filter_map(|i| i.file.as_ref())
                .find(|f| &f.file_id == file_id)
                .with_context(|| format!("request {request_id} has no file {file_id}"))?
                .clone();
            let reference = pb::FileRef {
                request_id: request_id.clone(),
                file_id: file.file_id.clone(),
            };
            let written = save(output, client.download(reference), Some(&file)).await?;
            if out.json {
                out.json_line(&json!({
                    "file_id": file.file_id,
                    "path": output.display().to_string(),
                    "size": written,
                    "sha256": hex::encode(&file.sha256),
                    "verified": true,
                }))?;
            } else {
                writeln!(
                    out.out,
                    "{}: {written} bytes, SHA-256 {} as recorded",
                    output.display(),
                    hex::encode(&file.sha256)
                )?;
            }
        }
    }
    Ok(())
}

/// The parts of an upload: the header, then the file in chunks, read as
/// they are sent.
fn upload_stream(
    header: pb::UploadHeader,
    path: &Path,
) -> anyhow::Result<impl futures::Stream<Item = pb::UploadPart> + Send + 'static> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let shown = path.display().to_string();
    let first = pb::UploadPart {
        part: Some(pb::upload_part::Part::Header(header)),
    };
    let chunks = futures::stream::unfold(Some(()), move |more| {
        let shown = shown.clone();
        let mut read = || -> Option<pb::UploadPart> {
            more?;
            let mut chunk = vec![0u8; CHUNK];
            let mut filled = 0;
            while filled < CHUNK {
                match file.read(&mut chunk[filled..]) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => {
                        // The node sees fewer bytes than announced and keeps
                        // nothing; say why here.
                        eprintln!("liaison: cannot read {shown}: {e}");
                        return None;
                    }
                }
            }
            (filled > 0).then(|| {
                chunk.truncate(filled);
                pb::UploadPart {
                    part: Some(pb::upload_part::Part::Chunk(chunk)),
                }
            })
        };
        let part = read();
        std::future::ready(part.map(|p| (p, Some(()))))
    });
    Ok(futures::StreamExt::chain(
        futures::stream::iter([first]),
        chunks,
    ))
}

type Api = EvidenceClient<tonic::service::interceptor::InterceptedService<Channel, BearerToken>>;

/// Signs and queues the request's attached files.
async fn send_files<W: Write>(
    client: &mut Api,
    request_id: &str,
    out: &mut Printer<W>,
) -> anyhow::Result<()> {
    let sent = client
        .send(pb::EvidenceSendCall {
            request_id: request_id.into(),
        })
        .await
        .map_err(status)?
        .into_inner();
    Ok(print_sent(out, &sent)?)
}

/// Saves the chunks `open` streams into `output`, which must not exist
/// (checked before the call is made): written beside it first, synced,
/// checked against `expected` (size and SHA-256) if given, then moved into
/// place. Returns the bytes written; on any failure nothing is left.
async fn save(
    output: &Path,
    open: impl std::future::Future<
        Output = Result<tonic::Response<tonic::Streaming<pb::FileChunk>>, tonic::Status>,
    >,
    expected: Option<&pb::EvidenceFile>,
) -> anyhow::Result<u64> {
    if output.exists() {
        anyhow::bail!("{} exists; choose another --output", output.display());
    }
    let partial = output.with_extension("part");
    let mut writer = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&partial)
        .with_context(|| format!("cannot create {}", partial.display()))?;
    let result = async {
        let mut stream = open.await.map_err(status)?.into_inner();
        let mut hasher = Sha256::new();
        let mut written = 0u64;
        while let Some(chunk) = stream.message().await.map_err(status)? {
            anyhow::ensure!(
                chunk.offset == written,
                "the node sent bytes at offset {} where {written} was due",
                chunk.offset
            );
            hasher.update(&chunk.data);
            writer.write_all(&chunk.data)?;
            written += chunk.data.len() as u64;
        }
        writer.sync_all()?;
        if let Some(file) = expected {
            let got = hasher.finalize();
            anyhow::ensure!(
                got.as_slice() == file.sha256.as_slice() && written == file.size,
                "the downloaded bytes (SHA-256 {}, {written} bytes) differ from the record \
                 (SHA-256 {}, {} bytes); nothing was kept",
                hex::encode(got),
                hex::encode(&file.sha256),
                file.size
            );
        }
        std::fs::rename(&partial, output)
            .with_context(|| format!("cannot move the file to {}", output.display()))?;
        Ok(written)
    }
    .await;
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

fn state_name(state: i32) -> &'static str {
    match pb::EvidenceState::try_from(state) {
        Ok(pb::EvidenceState::EvidenceAttached) => "attached",
        Ok(pb::EvidenceState::EvidenceSending) => "sending",
        Ok(pb::EvidenceState::EvidenceDelivered) => "delivered",
        Ok(pb::EvidenceState::EvidenceExpected) => "expected",
        Ok(pb::EvidenceState::EvidenceReceived) => "received",
        Ok(pb::EvidenceState::EvidencePurged) => "purged",
        _ => "unknown",
    }
}

fn item_json(item: &pb::EvidenceItem) -> Value {
    let file = item.file.clone().unwrap_or_default();
    json!({
        "file_id": file.file_id,
        "name": file.name,
        "size": file.size,
        "media_type": file.media_type,
        "sha256": hex::encode(&file.sha256),
        "acquired_by": file.acquired_by,
        "acquired_unix_ms": file.acquired_unix_ms,
        "source": file.source,
        "description": file.description,
        "from_country": item.from_country,
        "state": state_name(item.state),
        "manifest_hash": hex::encode(&item.manifest_hash),
        "receipt_index": item.receipt.as_ref().map(|r| r.index),
    })
}

fn print_item<W: Write>(
    out: &mut Printer<W>,
    item: &pb::EvidenceItem,
    done: &str,
) -> io::Result<()> {
    if out.json {
        return out.json_line(&item_json(item));
    }
    let file = item.file.clone().unwrap_or_default();
    writeln!(
        out.out,
        "{done}: {} ({} bytes, {}) as file {}, SHA-256 {}",
        file.name,
        file.size,
        file.media_type,
        file.file_id,
        hex::encode(&file.sha256)
    )
}

fn print_sent<W: Write>(out: &mut Printer<W>, sent: &pb::EvidenceList) -> io::Result<()> {
    if out.json {
        for item in &sent.items {
            out.json_line(&item_json(item))?;
        }
        return Ok(());
    }
    writeln!(
        out.out,
        "{} files in a signed manifest, queued for the other country; `liaison evidence list` \
         shows them delivered once it has verified them",
        sent.items.len()
    )
}

fn print_list<W: Write>(out: &mut Printer<W>, list: &pb::EvidenceList) -> io::Result<()> {
    if out.json {
        for item in &list.items {
            out.json_line(&item_json(item))?;
        }
        return Ok(());
    }
    if list.items.is_empty() {
        return writeln!(out.out, "no files (attach some: liaison evidence add)");
    }
    let mut table = Table::new(&[
        ("FILE", Align::Left),
        ("NAME", Align::Left),
        ("SIZE", Align::Right),
        ("TYPE", Align::Left),
        ("FROM", Align::Left),
        ("STATE", Align::Left),
        ("ACQUIRED", Align::Left),
        ("SHA-256", Align::Left),
    ]);
    for item in &list.items {
        let file = item.file.clone().unwrap_or_default();
        table.row(vec![
            vec![file.file_id.clone()],
            vec![file.name.clone()],
            vec![file.size.to_string()],
            vec![file.media_type.clone()],
            vec![item.from_country.clone()],
            vec![state_name(item.state).to_string()],
            vec![format!(
                "{} by {}",
                time(file.acquired_unix_ms),
                file.acquired_by
            )],
            vec![hex::encode(&file.sha256)],
        ]);
    }
    table.write(&mut out.out, "")
}
