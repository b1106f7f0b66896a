//! The local gRPC services, `FocalPoint` and `Agency`, for the users of this
//! node's own country. Every method authenticates the caller
//! ([`caller`]: bearer token, client certificate) and checks its role; every refusal is audited with
//! the caller's name.

use std::pin::Pin;
use std::sync::Arc;

use futures::Stream;
use liaison_proto::convert::{self, MAX_TEXT_CHARS};
use liaison_proto::domain::RequestStatus;
use liaison_proto::pb;
use liaison_proto::pb::agency_server::Agency;
use liaison_proto::pb::focal_point_server::FocalPoint;
use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};

pub(crate) use crate::api::local_auth::caller;
use crate::config::{LocalUser, Role};
use crate::error::{Error, Problem};
use crate::exchange::{AgencyReply, Draft, Exchange};
use crate::records::{Direction, RequestRecord, StoredReceipt};

/// Records a refused call (bad input, unknown request, wrong state) in the
/// audit trail with the caller's name, and answers it. The audit entry and
/// the log line are built from the refusal's structured form (status,
/// field, rule), which never holds a value the caller sent. Policy denials
/// are audited where they are decided, as `policy.denied`.
pub(crate) async fn audited<T>(
    exchange: &Exchange,
    user: &LocalUser,
    outcome: Result<T, Error>,
) -> Result<T, Status> {
    let error = match outcome {
        Ok(value) => return Ok(value),
        Err(error) => error,
    };
    if let Some(refusal) = error.refusal()
        && matches!(
            refusal.code,
            tonic::Code::InvalidArgument
                | tonic::Code::NotFound
                | tonic::Code::FailedPrecondition
                | tonic::Code::AlreadyExists
        )
    {
        tracing::info!(
            user = %user.name,
            code = crate::error::code_name(refusal.code),
            field = refusal.problem.field.as_deref().unwrap_or("-"),
            rule = %refusal.problem.rule,
            "local call refused"
        );
        exchange
            .audit_refusal(user.name.clone(), None, refusal.detail())
            .await?;
    }
    Err(error.into())
}

/// Refuses the call unless the caller has `role`, and records the refusal.
pub(crate) async fn require(
    exchange: &Exchange,
    user: &LocalUser,
    allowed: bool,
    action: &str,
) -> Result<(), Status> {
    if allowed {
        return Ok(());
    }
    exchange
        .audit_refusal(
            user.name.clone(),
            None,
            format!("{} may not {action}", user.role),
        )
        .await?;
    Err(Status::permission_denied(format!(
        "user {} has role {}, which may not {action}",
        user.name, user.role
    )))
}

type ViewStream = Pin<Box<dyn Stream<Item = Result<pb::RequestView, Status>> + Send>>;

/// Streams `current`, then each update that `select` keeps, until `select`
/// says the stream is done, the caller goes away, or the node shuts down.
/// `select` returns (send this update, end after it).
///
/// `current` was read as applied, a moment before it may be on disk; it is
/// shown once durable, so a watcher never sees a state that a crash could
/// take back (updates are published only once durable).
fn forward(
    exchange: &Arc<Exchange>,
    current: Vec<RequestRecord>,
    mut updates: broadcast::Receiver<Arc<RequestRecord>>,
    mut select: impl FnMut(&RequestRecord) -> (bool, bool) + Send + 'static,
) -> ViewStream {
    let (tx, rx) = mpsc::channel(64);
    let mut closing = exchange.closing();
    let exchange = exchange.clone();
    tokio::spawn(async move {
        if !current.is_empty()
            && let Err(e) = exchange.durable().await
        {
            let _ = tx.send(Err(e.into())).await;
            return;
        }
        for record in &current {
            let (_, last) = select(record);
            if tx.send(Ok(view(record))).await.is_err() || last {
                return;
            }
        }
        loop {
            let update = tokio::select! {
                update = updates.recv() => update,
                _ = closing.wait_for(|closed| *closed) => return,
                _ = tx.closed() => return,
            };
            match update {
                Ok(record) => {
                    let (send, last) = select(&record);
                    if send && (tx.send(Ok(view(&record))).await.is_err() || last) {
                        return;
                    }
                }
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    let _ = tx
                        .send(Err(Status::data_loss(
                            "stream fell behind; list again to resync",
                        )))
                        .await;
                    return;
                }
                Err(broadcast::error::RecvError::Closed) => return,
            }
        }
    });
    Box::pin(ReceiverStream::new(rx))
}

#[derive(Debug, Clone)]
pub struct FocalPointService {
    exchange: Arc<Exchange>,
}

impl FocalPointService {
    pub fn new(exchange: Arc<Exchange>) -> Self {
        FocalPointService { exchange }
    }

    async fn focal_point<T>(
        &self,
        request: &Request<T>,
        action: &str,
    ) -> Result<LocalUser, Status> {
        let user = caller(&self.exchange, request).await?;
        require(&self.exchange, &user, user.role == Role::FocalPoint, action).await?;
        Ok(user)
    }
}

/// Validates a new request as the focal point gave it.
fn draft(new: &pb::NewRequest, max_subjects: usize) -> Result<Draft, Error> {
    let category = convert::category("category", new.category)?;
    let (subject, subject_role, more_subjects) = convert::subjects_for(
        category,
        new.subject.as_ref(),
        &new.more_subjects,
        max_subjects,
    )?;
    let (legal_bases, legal_basis_reference) =
        convert::legal_bases(&new.legal_bases, &new.legal_basis_reference)?;
    Ok(Draft {
        to: convert::country("to_country", &new.to_country)?,
        category,
        purpose: convert::purpose("purpose", new.purpose)?,
        offence_codes: convert::offence_codes(
            "offence_code",
            &new.offence_code,
            "more_offence_codes",
            &new.more_offence_codes,
        )?,
        subject,
        subject_role,
        more_subjects,
        case_reference: convert::case_reference("case_reference", &new.case_reference)?,
        case_id: convert::optional_uuid("case_id", &new.case_id)?,
        summary: convert::text("summary", &new.summary, MAX_TEXT_CHARS, true)?,
        deadline_unix_ms: new.deadline_unix_ms,
        requested_fields: convert::requested_fields(
            "requested_fields",
            category,
            &new.requested_fields,
        )?,
        legal_bases,
        legal_basis_reference,
        non_punishment: convert::non_punishment(new.non_punishment.as_ref())?,
        victim_status: convert::victim_status("victim_status", new.victim_status)?,
        follows_request_id: convert::optional_uuid("follows_request_id", &new.follows_request_id)?,
        summary_language: convert::language_tag("summary_language", &new.summary_language)?,
        national_offence_statute: new
            .national_offence
            .as_ref()
            .map(|o| {
                convert::required_text(
                    "national_offence.statute",
                    &o.statute,
                    liaison_proto::offences::MAX_STATUTE_CHARS,
                )
            })
            .transpose()?,
        hit: None,
    })
}

#[tonic::async_trait]
impl FocalPoint for FocalPointService {
    async fn submit(
        &self,
        request: Request<pb::NewRequest>,
    ) -> Result<Response<pb::RequestView>, Status> {
        let user = self.focal_point(&request, "submit requests").await?;
        let outcome: Result<_, Error> = async {
            let mut new = request.get_ref().clone();
            let hit = if new.follow_up_hit.is_empty() {
                None
            } else {
                Some(self.exchange.follow_up(&mut new)?)
            };
            let mut draft = draft(&new, self.exchange.config().max_subjects)?;
            draft.hit = hit;
            let record = self.exchange.submit(&user, draft).await?;
            Ok(Response::new(view(&record)))
        }
        .await;
        audited(&self.exchange, &user, outcome).await
    }

    async fn get(
        &self,
        request: Request<pb::RequestRef>,
    ) -> Result<Response<pb::RequestView>, Status> {
        let user = self.focal_point(&request, "read requests").await?;
        let outcome: Result<_, Error> = async {
            let id = convert::uuid("request_id", &request.get_ref().request_id)?;
            let record = self.exchange.get(&id)?;
            Ok(Response::new(view(&record)))
        }
        .await;
        audited(&self.exchange, &user, outcome).await
    }

    async fn list(
        &self,
        request: Request<pb::ListFilter>,
    ) -> Result<Response<pb::RequestList>, Status> {
        let user = self.focal_point(&request, "list requests").await?;
        let outcome: Result<_, Error> = async {
            let filter = request.get_ref();
            let status = match filter.status {
                0 => None,
                raw => Some(convert::status("status", raw)?),
            };
            let country = match filter.country.as_str() {
                "" => None,
                text => Some(convert::country("country", text)?),
            };
            let records = self.exchange.list_outgoing(status, country)?;
            page(records, filter.limit, &filter.after)
        }
        .await;
        audited(&self.exchange, &user, outcome).await
    }

    type WatchStream = ViewStream;

    async fn watch(
        &self,
        request: Request<pb::RequestRef>,
    ) -> Result<Response<ViewStream>, Status> {
        let user = self.focal_point(&request, "watch requests").await?;
        let outcome: Result<_, Error> = async {
            let wanted = match request.get_ref().request_id.as_str() {
                "" => None,
                id => Some(convert::uuid("request_id", id)?),
            };
            // Subscribe before reading the current state, so no change between
            // the two is missed.
            let updates = self.exchange.subscribe();
            let current = match &wanted {
                Some(id) => vec![self.exchange.get(id)?],
                None => Vec::new(),
            };
            let single = wanted.is_some();
            let stream = forward(&self.exchange, current, updates, move |record| {
                let matches = wanted
                    .as_deref()
                    .is_none_or(|id| id == record.request.request_id);
                // Watching one request ends with its final state.
                (matches, single && record.status.is_final())
            });
            Ok(Response::new(stream))
        }
        .await;
        audited(&self.exchange, &user, outcome).await
    }

    async fn withdraw(
        &self,
        request: Request<pb::WithdrawCall>,
    ) -> Result<Response<pb::RequestView>, Status> {
        let user = self.focal_point(&request, "withdraw requests").await?;
        let outcome: Result<_, Error> = async {
            let call = request.get_ref();
            let id = convert::uuid("request_id", &call.request_id)?;
            let reason = convert::text("reason", &call.reason, MAX_TEXT_CHARS, true)?;
            let record = self.exchange.withdraw(&user, &id, reason).await?;
            Ok(Response::new(view(&record)))
        }
        .await;
        audited(&self.exchange, &user, outcome).await
    }
}

#[derive(Debug, Clone)]
pub struct AgencyService {
    exchange: Arc<Exchange>,
}

impl AgencyService {
    pub fn new(exchange: Arc<Exchange>) -> Self {
        AgencyService { exchange }
    }

    /// The caller and the agency it acts for.
    async fn agency<T>(
        &self,
        request: &Request<T>,
        action: &str,
    ) -> Result<(LocalUser, String), Status> {
        let user = caller(&self.exchange, request).await?;
        let agency = match &user.role {
            Role::Agency(name) => Some(name.clone()),
            _ => None,
        };
        require(&self.exchange, &user, agency.is_some(), action).await?;
        Ok((user, agency.unwrap_or_default()))
    }

    async fn respond(
        &self,
        user: LocalUser,
        agency: String,
        id: &str,
        reply: AgencyReply,
    ) -> Result<pb::RequestView, Error> {
        let id = convert::uuid("request_id", id)?;
        let record = self.exchange.respond(&user, &agency, &id, reply).await?;
        Ok(view(&record))
    }
}

#[tonic::async_trait]
impl Agency for AgencyService {
    async fn inbox(
        &self,
        request: Request<pb::InboxFilter>,
    ) -> Result<Response<pb::RequestList>, Status> {
        let (user, agency) = self.agency(&request, "read an agency inbox").await?;
        let outcome: Result<_, Error> = async {
            let filter = request.get_ref();
            let records = self.exchange.assignments(&agency, filter.include_closed)?;
            page(records, filter.limit, &filter.after)
        }
        .await;
        audited(&self.exchange, &user, outcome).await
    }

    type StreamAssignmentsStream = ViewStream;

    async fn stream_assignments(
        &self,
        request: Request<pb::InboxFilter>,
    ) -> Result<Response<ViewStream>, Status> {
        let (user, agency) = self.agency(&request, "read an agency inbox").await?;
        let outcome: Result<_, Error> = async {
            let updates = self.exchange.subscribe();
            let current = self
                .exchange
                .assignments(&agency, request.get_ref().include_closed)?;
            let stream = forward(&self.exchange, current, updates, move |record| {
                let mine = record.direction == Direction::Incoming
                    && record.agency.as_deref() == Some(agency.as_str())
                    && record.status == RequestStatus::Assigned;
                (mine, false)
            });
            Ok(Response::new(stream))
        }
        .await;
        audited(&self.exchange, &user, outcome).await
    }

    async fn get(
        &self,
        request: Request<pb::RequestRef>,
    ) -> Result<Response<pb::Assignment>, Status> {
        let (user, agency) = self.agency(&request, "read assigned requests").await?;
        let outcome: Result<_, Error> = async {
            let id = convert::uuid("request_id", &request.get_ref().request_id)?;
            let record = self.exchange.assignment(&agency, &id)?;
            Ok(Response::new(pb::Assignment {
                view: Some(view(&record)),
                dry_run: Some(dry_run(&record)),
            }))
        }
        .await;
        audited(&self.exchange, &user, outcome).await
    }

    async fn answer(
        &self,
        request: Request<pb::AnswerCall>,
    ) -> Result<Response<pb::RequestView>, Status> {
        let (user, agency) = self.agency(&request, "answer requests").await?;
        let outcome: Result<_, Error> = async {
            let call = request.get_ref();
            let fields = convert::fields("fields", &call.fields)?;
            if fields.is_empty() {
                return Err(Error::invalid(Problem::field(
                    "fields",
                    "an answer gives at least one field",
                )));
            }
            let reply = AgencyReply::Release {
                fields,
                remarks: convert::text("remarks", &call.remarks, MAX_TEXT_CHARS, true)?,
                dual_criminality_decision: dual_criminality_decision(
                    "dual_criminality_decision",
                    &call.dual_criminality_decision,
                )?,
            };
            Ok(Response::new(
                self.respond(user.clone(), agency, &call.request_id, reply)
                    .await?,
            ))
        }
        .await;
        audited(&self.exchange, &user, outcome).await
    }

    async fn refuse(
        &self,
        request: Request<pb::RefuseCall>,
    ) -> Result<Response<pb::RequestView>, Status> {
        let (user, agency) = self.agency(&request, "refuse requests").await?;
        let outcome: Result<_, Error> = async {
            let call = request.get_ref();
            let reply = AgencyReply::Refuse {
                reason: convert::refusal_reason("reason", call.reason)?,
                explanation: convert::text("explanation", &call.explanation, MAX_TEXT_CHARS, true)?,
            };
            Ok(Response::new(
                self.respond(user.clone(), agency, &call.request_id, reply)
                    .await?,
            ))
        }
        .await;
        audited(&self.exchange, &user, outcome).await
    }
}

/// The shortest and longest reason an officer gives for answering although
/// dual criminality is not established, in characters.
pub const DECISION_CHARS: std::ops::RangeInclusive<usize> = 10..=1000;

/// Checks an officer's dual-criminality decision: empty for none, else a
/// reason of [`DECISION_CHARS`] characters.
fn dual_criminality_decision(field: &str, value: &str) -> Result<Option<String>, Error> {
    if value.is_empty() {
        return Ok(None);
    }
    let reason = convert::text(field, value, *DECISION_CHARS.end(), true)?;
    let chars = reason.trim().chars().count();
    if chars < *DECISION_CHARS.start() {
        return Err(Error::invalid(Problem::field(
            field,
            format!(
                "is {chars} characters long; give a reason of at least {} characters",
                DECISION_CHARS.start()
            ),
        )));
    }
    Ok(Some(reason))
}

/// What an answer to an assigned request would release under the grant
/// this node's agreement gave it, without answering it.
fn dry_run(record: &RequestRecord) -> pb::AnswerDryRun {
    let Some(grant) = &record.grant else {
        return pb::AnswerDryRun {
            problem: "this node's agreement did not allow the request, so nothing can be released"
                .into(),
            ..Default::default()
        };
    };
    // Per subject, then overall: released about at least one subject, or
    // withheld about all.
    let subjects = crate::exchange::release_per_subject(grant, &record.request);
    let (released, withheld): (Vec<String>, Vec<String>) =
        crate::exchange::asked_fields(grant, &record.request)
            .iter()
            .cloned()
            .partition(|name| subjects.iter().any(|s| s.released.contains(name)));
    let mut dry_run = pb::AnswerDryRun {
        released_fields: released,
        withheld_fields: withheld,
        rule: grant.rule.clone(),
        subjects: subjects
            .into_iter()
            .map(|s| pb::SubjectDryRun {
                subject: s.position,
                role: pb::SubjectRole::from(s.role) as i32,
                kind: s.kind.map(|k| k.to_string()).unwrap_or_default(),
                released_fields: s.released,
                withheld_fields: s.withheld,
            })
            .collect(),
        ..Default::default()
    };
    match crate::exchange::answer_terms(grant, &record.request) {
        Ok((handling, retention_days)) => {
            dry_run.handling = pb::HandlingCode::from(handling) as i32;
            dry_run.retention_days = retention_days;
        }
        Err(problem) => dry_run.problem = problem,
    }
    dry_run
}

/// The most requests one list call returns.
pub const MAX_PAGE: u32 = 1000;

/// One page of `records` (oldest first): at most `limit` (default 100)
/// after the request `after`, with the cursor of the next page.
fn page(
    records: Vec<RequestRecord>,
    limit: u32,
    after: &str,
) -> Result<Response<pb::RequestList>, Error> {
    let limit = match limit {
        0 => 100,
        n if n <= MAX_PAGE => n as usize,
        n => {
            return Err(Error::invalid(Problem::field(
                "limit",
                format!("{n} is more than the {MAX_PAGE} allowed"),
            )));
        }
    };
    let start = match after {
        "" => 0,
        id => {
            let id = convert::uuid("after", id)?;
            records
                .iter()
                .position(|r| r.request.request_id == id)
                .map(|p| p + 1)
                .ok_or_else(|| {
                    Error::invalid(Problem::field(
                        "after",
                        format!("no request {id} in this list"),
                    ))
                })?
        }
    };
    let end = (start + limit).min(records.len());
    let next = if end < records.len() {
        records[end - 1].request.request_id.clone()
    } else {
        String::new()
    };
    Ok(Response::new(pb::RequestList {
        requests: records[start..end].iter().map(view).collect(),
        next,
    }))
}

fn receipt_view(receipt: &StoredReceipt) -> pb::DeliveryReceipt {
    pb::DeliveryReceipt {
        receiver: receipt.receiver.to_string(),
        received_unix_ms: receipt.received_unix_ms,
        audit_index: receipt.audit_index,
        key_id: receipt.key_id.clone(),
    }
}

/// What a local caller sees of a request record.
pub fn view(record: &RequestRecord) -> pb::RequestView {
    pb::RequestView {
        request: Some((&record.request).into()),
        direction: match record.direction {
            Direction::Outgoing => pb::Direction::Outgoing,
            Direction::Incoming => pb::Direction::Incoming,
        } as i32,
        status: pb::RequestStatus::from(record.status) as i32,
        agency: record.agency.clone().unwrap_or_default(),
        answer: record.answer.as_ref().map(Into::into),
        history: record
            .history
            .iter()
            .map(|c| pb::StatusChange {
                status: pb::RequestStatus::from(c.status) as i32,
                at_unix_ms: c.at_unix_ms,
                note: c.note.clone(),
            })
            .collect(),
        envelope_hash: hex::encode(record.envelope_hash),
        receipt: record
            .receipt
            .as_ref()
            .or(record.answer_receipt.as_ref())
            .map(receipt_view),
        purged_unix_ms: record.purged_unix_ms.unwrap_or(0),
        delivery_error: record.delivery_error.clone().unwrap_or_default(),
        dual_criminality: record.dual_criminality.as_ref().map(Into::into),
        dual_criminality_decision: record.dual_criminality_decision.as_ref().map(|d| {
            pb::DualCriminalityDecision {
                by: d.by.clone(),
                at_unix_ms: d.at_unix_ms,
                rule: d.rule.clone(),
                reason: d.reason.clone(),
            }
        }),
    }
}
