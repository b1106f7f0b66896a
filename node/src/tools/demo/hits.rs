//! The demo's hit/no-hit step: Cambodia's police keep a list of numbers
//! tied to the compound; Thailand checks two numbers from a phone seized
//! at the compound against it without revealing them. One hits and names
//! the police's reference; Thailand follows it up with a formal request,
//! which Cambodia routes to the police. Every value is illustrative.

use liaison_proto::pb;
use liaison_proto::pb::hits_client::HitsClient;

use super::scenario::{CASE_REFERENCE, phone_check};
use super::{
    DemoFailure, DemoNode, await_status, describe_answer, fail, next_assignment, status_name,
    within,
};

/// The police's list (illustrative numbers and references).
const LISTED: [(&str, &str, &str); 2] = [
    ("+855 12 345 678", "KH-POL-2026-0117", "2026-10-15"),
    ("+85516888888", "KH-POL-2026-0121", "2026-10-20"),
];

/// The seized phone's numbers Thailand checks: the first is listed
/// (written another way), the second is not.
const CHECKED: [&str; 2] = ["+85512345678", "+85599000111"];

pub(super) async fn run(
    tha: &DemoNode,
    khm: &DemoNode,
    case_id: &str,
    deadline_unix_ms: i64,
) -> Result<(), DemoFailure> {
    println!(
        "   c. two numbers from a phone seized at the compound, checked against Cambodia's police \
         list without revealing them (private hit/no-hit, RFC 9497)"
    );
    let mut police =
        HitsClient::with_interceptor(khm.channel().await?, khm.token("police-officer")?);
    let listed = within("import", async {
        police
            .import_indicators(pb::IndicatorImport {
                agency: "police".into(),
                list: "compound-numbers".into(),
                kind: "phone".into(),
                entries: LISTED
                    .iter()
                    .map(|(value, reference, added)| pb::IndicatorEntry {
                        value: value.to_string(),
                        reference: reference.to_string(),
                        added: added.to_string(),
                    })
                    .collect(),
            })
            .await
            .map_err(fail)
    })
    .await?
    .into_inner();
    println!(
        "   KHM police keep {} numbers in their list `compound-numbers`, encrypted; epoch {}",
        listed.added, listed.epoch
    );
    let mut focal = HitsClient::with_interceptor(tha.channel().await?, tha.token("focal-point")?);
    let result = within("check", async {
        focal
            .check(pb::HitCheck {
                peer: "KHM".into(),
                kind: "phone".into(),
                values: CHECKED.iter().map(|v| v.to_string()).collect(),
            })
            .await
            .map_err(fail)
    })
    .await?
    .into_inner();
    let [hit, miss] = [&result.outcomes.first(), &result.outcomes.get(1)].map(|o| {
        o.cloned()
            .ok_or_else(|| fail("the check answered too few values"))
    });
    let (hit, miss) = (hit?, miss?);
    let record = hit
        .records
        .first()
        .filter(|_| hit.hit && !miss.hit)
        .ok_or_else(|| fail("expected the first number to hit and the second to miss"))?;
    println!(
        "   THA blinded both numbers; KHM evaluated them without seeing them and proved it used \
         the key of its signed set ({} entries)",
        result.set_entries
    );
    println!(
        "   {}: hit, listed by KHM {} in `{}` on {}, reference {}",
        CHECKED[0], record.agency, record.list, record.added, record.reference
    );
    println!(
        "   {}: no hit; neither node keeps anything of it. Quota left today: {}",
        CHECKED[1], result.quota_left
    );

    let mut follow_up = phone_check(
        "",
        "",
        "Number found on a phone seized at the compound.",
        deadline_unix_ms,
    );
    follow_up.subject = None;
    follow_up.follow_up_hit = hit.hit_id.clone();
    follow_up.case_id = case_id.to_string();
    follow_up.case_reference = CASE_REFERENCE.into();
    follow_up.legal_bases = vec!["ACTIP".into()];
    let mut tha_focal = tha.focal_point().await?;
    let submitted = within("follow-up", async {
        tha_focal.submit(follow_up).await.map_err(fail)
    })
    .await?
    .into_inner();
    let request_id = submitted
        .request
        .as_ref()
        .map(|r| r.request_id.clone())
        .unwrap_or_default();
    println!(
        "   THA follows the hit up with a formal PHONE_CHECK citing reference {}",
        record.reference
    );
    let mut khm_police = khm.agency("police").await?;
    let assignment = within("follow-up assignment", next_assignment(&mut khm_police)).await?;
    let cited = assignment
        .request
        .as_ref()
        .and_then(|r| r.hit.as_ref())
        .ok_or_else(|| fail("the follow-up arrived without its hit"))?;
    println!(
        "   KHM routed it to `{}`, whose list it hit: {} (reference {})",
        assignment.agency,
        status_name(assignment.status),
        cited.reference
    );
    within("follow-up answer", async {
        khm_police
            .answer(pb::AnswerCall {
                request_id: request_id.clone(),
                fields: vec![pb::Field {
                    name: "registration_date".into(),
                    value: "2024-02-11".into(),
                    ..Default::default()
                }],
                remarks: format!("See our file {}.", cited.reference),
                ..Default::default()
            })
            .await
            .map_err(fail)
    })
    .await?;
    let answered = within(
        "follow-up answer in Thailand",
        await_status(&mut tha_focal, &request_id, pb::RequestStatus::Answered),
    )
    .await?;
    println!(
        "   THA verified the answer: {}",
        describe_answer(&answered)?
    );
    Ok(())
}
