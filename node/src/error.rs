//! The node's error type and the one place that maps it to gRPC status codes.
//!
//! A refused call is described by a [`Problem`]: the field at fault (when
//! one is) and the rule it breaks, never the value that broke it. The status
//! returned to the caller, the node's log line and the audit entry are all
//! built from that structured form ([`Error::refusal`]), so a value the
//! caller sent (a name, a phone number, a summary) cannot reach the audit
//! log or the logs, which outlive every retention period.

use std::fmt;

use tonic::{Code, Status};

use crate::store::StoreError;

/// What is wrong with a call: the field at fault and the rule it breaks.
/// By construction it holds no value the caller sent: rules name fields,
/// limits, states, ids and countries only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Dotted path of the field at fault, e.g. `subject.person.date_of_birth`.
    pub field: Option<String>,
    /// The rule broken, in words.
    pub rule: String,
}

impl Problem {
    /// A problem with one field.
    pub fn field(field: impl Into<String>, rule: impl Into<String>) -> Problem {
        Problem {
            field: Some(field.into()),
            rule: rule.into(),
        }
    }
}

impl From<String> for Problem {
    fn from(rule: String) -> Problem {
        Problem { field: None, rule }
    }
}

impl From<&str> for Problem {
    fn from(rule: &str) -> Problem {
        Problem::from(rule.to_string())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "field `{field}`: {}", self.rule),
            None => f.write_str(&self.rule),
        }
    }
}

/// Everything that can go wrong while the node serves a call. Each variant
/// says what the caller did or what state the node is in, so that the gRPC
/// code follows from it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The caller sent something malformed or inconsistent.
    #[error("{0}")]
    InvalidArgument(Problem),
    /// The caller could not be identified, or its signature does not verify.
    #[error("{0}")]
    Unauthenticated(Problem),
    /// The caller is known but not allowed to do this.
    #[error("{0}")]
    PermissionDenied(Problem),
    #[error("{0}")]
    NotFound(Problem),
    /// The same id was already used for something else.
    #[error("{0}")]
    AlreadyExists(Problem),
    /// The request is well formed but the current state does not allow it.
    #[error("{0}")]
    FailedPrecondition(Problem),
    #[error("{0}")]
    ResourceExhausted(Problem),
    /// An envelope's timestamp is ahead of this node's clock by more than
    /// it tolerates: `FAILED_PRECONDITION`, with the refusal reason
    /// [`liaison_proto::status::CLOCK_SKEW`] that tells the sender to keep
    /// the envelope and try again.
    #[error("{0}")]
    ClockSkew(Problem),
    /// A peer or resource could not be reached; retrying may help.
    #[error("{0}")]
    Unavailable(Problem),
    #[error("storage failure: {0}")]
    Store(#[from] StoreError),
    /// Stored data does not match what the node signed.
    #[error("integrity failure: {0}")]
    Integrity(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A refused call as the audit log and the logs record it: the status, the
/// field and the rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub code: Code,
    pub problem: Problem,
}

impl Refusal {
    /// The audit entry's detail: `INVALID_ARGUMENT field `x`: rule`.
    pub fn detail(&self) -> String {
        format!("{} {}", code_name(self.code), self.problem)
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.detail())
    }
}

impl Error {
    pub fn invalid(problem: impl Into<Problem>) -> Error {
        Error::InvalidArgument(problem.into())
    }

    pub fn unauthenticated(problem: impl Into<Problem>) -> Error {
        Error::Unauthenticated(problem.into())
    }

    pub fn denied(problem: impl Into<Problem>) -> Error {
        Error::PermissionDenied(problem.into())
    }

    pub fn not_found(problem: impl Into<Problem>) -> Error {
        Error::NotFound(problem.into())
    }

    pub fn exists(problem: impl Into<Problem>) -> Error {
        Error::AlreadyExists(problem.into())
    }

    pub fn precondition(problem: impl Into<Problem>) -> Error {
        Error::FailedPrecondition(problem.into())
    }

    pub fn exhausted(problem: impl Into<Problem>) -> Error {
        Error::ResourceExhausted(problem.into())
    }

    pub fn unavailable(problem: impl Into<Problem>) -> Error {
        Error::Unavailable(problem.into())
    }

    /// The gRPC code this error is answered with.
    pub fn code(&self) -> Code {
        match self {
            Error::InvalidArgument(_) => Code::InvalidArgument,
            Error::Unauthenticated(_) => Code::Unauthenticated,
            Error::PermissionDenied(_) => Code::PermissionDenied,
            Error::NotFound(_) => Code::NotFound,
            Error::AlreadyExists(_) => Code::AlreadyExists,
            Error::FailedPrecondition(_) | Error::ClockSkew(_) => Code::FailedPrecondition,
            Error::ResourceExhausted(_) => Code::ResourceExhausted,
            Error::Unavailable(_) => Code::Unavailable,
            Error::Store(StoreError::Full(_)) => Code::ResourceExhausted,
            Error::Store(StoreError::ReadOnly(_)) => Code::Unavailable,
            Error::Store(_) => Code::Internal,
            Error::Integrity(_) => Code::DataLoss,
        }
    }

    /// The caller's fault or the state's, as a refusal to audit; `None` for
    /// the node's own failures (storage, integrity), which are not refusals.
    pub fn refusal(&self) -> Option<Refusal> {
        let problem = match self {
            Error::InvalidArgument(p)
            | Error::Unauthenticated(p)
            | Error::PermissionDenied(p)
            | Error::NotFound(p)
            | Error::AlreadyExists(p)
            | Error::FailedPrecondition(p)
            | Error::ClockSkew(p)
            | Error::ResourceExhausted(p)
            | Error::Unavailable(p) => p.clone(),
            Error::Store(_) | Error::Integrity(_) => return None,
        };
        Some(Refusal {
            code: self.code(),
            problem,
        })
    }

    /// The refusal reason sent with the status, when the code alone does
    /// not say whether retrying can help.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            Error::ClockSkew(_) => Some(liaison_proto::status::CLOCK_SKEW),
            _ => None,
        }
    }
}

pub use liaison_proto::status::code_name;

impl From<Error> for Status {
    fn from(e: Error) -> Status {
        let code = e.code();
        if matches!(code, Code::Internal | Code::DataLoss) {
            tracing::error!(error = %e, "internal error");
        }
        let reason = e.reason();
        let mut status = Status::new(code, e.to_string());
        if let Some(reason) = reason {
            status.metadata_mut().insert(
                liaison_proto::status::REFUSAL_REASON_HEADER,
                tonic::metadata::MetadataValue::from_static(reason),
            );
        }
        status
    }
}

impl From<liaison_proto::ConversionError> for Error {
    fn from(e: liaison_proto::ConversionError) -> Error {
        Error::InvalidArgument(Problem::field(e.field, e.problem))
    }
}

impl From<liaison_proto::envelope::VerifyError> for Error {
    fn from(e: liaison_proto::envelope::VerifyError) -> Error {
        use liaison_proto::envelope::VerifyError as V;
        match e {
            V::Invalid(inner) => Error::InvalidArgument(Problem::field(
                inner.field,
                format!("{} (in the signed message)", inner.problem),
            )),
            V::UnknownKey
            | V::MissingKeyId
            | V::MalformedKey(_)
            | V::MalformedSignature(_)
            | V::BadSignature => Error::unauthenticated(format!("envelope refused: {e}")),
            V::TooLarge { .. } => Error::exhausted(format!("envelope refused: {e}")),
            V::Decode(_) => Error::invalid(format!("envelope refused: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_names_code_field_and_rule() {
        let e = Error::from(liaison_proto::ConversionError::new(
            "subject.person.date_of_birth",
            "is not a day of that month in the calendar",
        ));
        let refusal = e.refusal().expect("a refusal");
        assert_eq!(refusal.code, Code::InvalidArgument);
        assert_eq!(
            refusal.detail(),
            "INVALID_ARGUMENT field `subject.person.date_of_birth`: is not a day of that month in the calendar"
        );
        assert_eq!(Status::from(e).code(), Code::InvalidArgument);
    }

    #[test]
    fn own_failures_are_not_refusals() {
        assert!(Error::Integrity("root differs".into()).refusal().is_none());
    }
}
