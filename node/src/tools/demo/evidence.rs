//! The demo's evidence step: Cambodia's police attach the operator's
//! subscriber record to their answer, Thailand receives it checked against
//! the signed manifest, exports the court package, and anyone verifies it
//! offline with the two countries' public keys.

use std::time::Duration;

use liaison_proto::package::PinnedKeys;
use liaison_proto::pb;
use liaison_proto::pb::evidence_client::EvidenceClient;
use sha2::{Digest, Sha256};
use tonic::codegen::InterceptedService;
use tonic::transport::Channel;

use super::{DemoFailure, DemoNode, Workspace, fail, within};

type EvidenceApi = EvidenceClient<InterceptedService<Channel, liaison_proto::auth::BearerToken>>;

/// The attached file: illustrative, like every value in the demo.
const RECORD_NAME: &str = "subscriber-record.txt";
const RECORD: &str = "Operator subscriber record (illustrative demo data)\n\
    MSISDN: +855 12 345 678\n\
    Registered: 2025-06-02, prepaid SIM, no identity document on file\n\
    Top-ups: cash, at a kiosk 300 m from the compound's gate\n";

async fn evidence_api(node: &DemoNode, user: &str) -> Result<EvidenceApi, DemoFailure> {
    Ok(EvidenceClient::with_interceptor(
        node.channel().await?,
        node.token(user)?,
    ))
}

/// Waits until `api` lists the file in `state`.
async fn until_state(
    api: &mut EvidenceApi,
    request_id: &str,
    file_id: &str,
    state: pb::EvidenceState,
) -> Result<(), DemoFailure> {
    let mut tick = tokio::time::interval(Duration::from_millis(100));
    loop {
        tick.tick().await;
        let list = api
            .list(pb::EvidenceQuery {
                request_id: request_id.into(),
            })
            .await
            .map_err(fail)?
            .into_inner();
        let reached = list.items.iter().any(|i| {
            i.state == state as i32 && i.file.as_ref().is_some_and(|f| f.file_id == file_id)
        });
        if reached {
            return Ok(());
        }
    }
}

/// Attaches, sends, receives, packages and verifies one file.
pub(super) async fn run(
    tha: &DemoNode,
    khm: &DemoNode,
    request_id: &str,
    workspace: Workspace,
) -> Result<(), DemoFailure> {
    println!(
        "   KHM police attach the operator's subscriber record to their answer (an illustrative file)"
    );
    let mut police = evidence_api(khm, "police-officer").await?;
    let header = pb::UploadPart {
        part: Some(pb::upload_part::Part::Header(pb::UploadHeader {
            request_id: request_id.into(),
            name: RECORD_NAME.into(),
            media_type: "text/plain".into(),
            size: RECORD.len() as u64,
            source: "operator's subscriber database, export of 2026-11-03 (illustrative)".into(),
            description: "Subscriber record of the recruiting number".into(),
        })),
    };
    let chunk = pb::UploadPart {
        part: Some(pb::upload_part::Part::Chunk(RECORD.as_bytes().to_vec())),
    };
    let item = within("evidence upload", async {
        police
            .upload(tokio_stream::iter([header, chunk]))
            .await
            .map_err(fail)
    })
    .await?
    .into_inner();
    let file = item
        .file
        .ok_or_else(|| fail("the upload returned no file"))?;
    if file.sha256 != Sha256::digest(RECORD.as_bytes()).to_vec() {
        return Err(fail("the node's SHA-256 of the file is not the file's"));
    }
    println!(
        "   KHM recorded the acquisition: {} bytes, SHA-256 {}…, by {}",
        file.size,
        &hex::encode(&file.sha256)[..16],
        file.acquired_by
    );
    within("evidence send", async {
        police
            .send(pb::EvidenceSendCall {
                request_id: request_id.into(),
            })
            .await
            .map_err(fail)
    })
    .await?;
    let mut focal = evidence_api(tha, "focal-point").await?;
    within(
        "the file in Thailand",
        until_state(
            &mut focal,
            request_id,
            &file.file_id,
            pb::EvidenceState::EvidenceReceived,
        ),
    )
    .await?;
    within(
        "KHM's receipt for the file",
        until_state(
            &mut police,
            request_id,
            &file.file_id,
            pb::EvidenceState::EvidenceDelivered,
        ),
    )
    .await?;
    println!(
        "   THA received the bytes, checked them against KHM's signed manifest and signed a \
         receipt naming the hash: RECEIVED, and DELIVERED on KHM's side"
    );

    let package = within("the court package", async {
        let mut stream = focal
            .package(pb::EvidenceQuery {
                request_id: request_id.into(),
            })
            .await
            .map_err(fail)?
            .into_inner();
        let mut zip = Vec::new();
        while let Some(chunk) = stream.message().await.map_err(fail)? {
            zip.extend_from_slice(&chunk.data);
        }
        Ok(zip)
    })
    .await?;
    let mut pins = PinnedKeys::new();
    for node in [tha, khm] {
        let text = std::fs::read_to_string(node.dir.join("signing-key.pub")).map_err(fail)?;
        let key = crate::config::parse_public_key(&text).map_err(fail)?;
        pins.insert(node.node.country, vec![key]);
    }
    let path = tha.dir.join("case.zip");
    std::fs::write(&path, &package).map_err(fail)?;
    let saved = match workspace {
        Workspace::Kept => format!(" ({})", path.display()),
        Workspace::Temporary => String::new(),
    };
    let verification = liaison_proto::package::verify(std::io::Cursor::new(&package), &pins);
    let verdict = match (&verification.verdict, verification.holds()) {
        (Some(verdict), true) => verdict,
        _ => {
            let findings: Vec<String> = verification
                .findings
                .iter()
                .map(|f| f.to_string())
                .collect();
            return Err(fail(format!(
                "THA's court package does not verify: {}",
                findings.join("; ")
            )));
        }
    };
    println!(
        "   THA exported the court package, {} bytes{saved}; verified offline with THA's and \
         KHM's public keys only:",
        package.len()
    );
    println!(
        "   VERIFIED {} file(s), {} custody entries from both logs, every hash, signature and \
         inclusion proof, no gap in the chain ({} checks)",
        verdict.files.len(),
        verdict.custody_entries,
        verification.checks.len()
    );
    // One byte of the file changed in a copy.
    let mut tampered = package.clone();
    let at = tampered
        .windows(RECORD.len())
        .position(|w| w == RECORD.as_bytes())
        .ok_or_else(|| fail("the package does not hold the file's bytes"))?;
    tampered[at] ^= 1;
    let caught = liaison_proto::package::verify(std::io::Cursor::new(&tampered), &pins);
    match caught.findings.first() {
        Some(finding) if !caught.holds() => {
            println!("   a copy with one byte of the file changed FAILS: {finding}")
        }
        _ => return Err(fail("a tampered copy of the package verified")),
    }
    Ok(())
}
