//! The node's error type and the one place that maps it to gRPC status codes.

use tonic::{Code, Status};

use crate::store::StoreError;

/// Everything that can go wrong while the node serves a call. Each variant
/// says what the caller did or what state the node is in, so that the gRPC
/// code follows from it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The caller sent something malformed or inconsistent.
    #[error("{0}")]
    InvalidArgument(String),
    /// The caller could not be identified, or its signature does not verify.
    #[error("{0}")]
    Unauthenticated(String),
    /// The caller is known but not allowed to do this.
    #[error("{0}")]
    PermissionDenied(String),
    #[error("{0}")]
    NotFound(String),
    /// The same id was already used for something else.
    #[error("{0}")]
    AlreadyExists(String),
    /// The request is well formed but the current state does not allow it.
    #[error("{0}")]
    FailedPrecondition(String),
    #[error("{0}")]
    ResourceExhausted(String),
    /// A peer or resource could not be reached; retrying may help.
    #[error("{0}")]
    Unavailable(String),
    #[error("storage failure: {0}")]
    Store(#[from] StoreError),
    /// Stored data does not match what the node signed.
    #[error("integrity failure: {0}")]
    Integrity(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Error> for Status {
    fn from(e: Error) -> Status {
        let code = match &e {
            Error::InvalidArgument(_) => Code::InvalidArgument,
            Error::Unauthenticated(_) => Code::Unauthenticated,
            Error::PermissionDenied(_) => Code::PermissionDenied,
            Error::NotFound(_) => Code::NotFound,
            Error::AlreadyExists(_) => Code::AlreadyExists,
            Error::FailedPrecondition(_) => Code::FailedPrecondition,
            Error::ResourceExhausted(_) => Code::ResourceExhausted,
            Error::Unavailable(_) => Code::Unavailable,
            Error::Store(_) => Code::Internal,
            Error::Integrity(_) => Code::DataLoss,
        };
        if matches!(code, Code::Internal | Code::DataLoss) {
            tracing::error!(error = %e, "internal error");
        }
        Status::new(code, e.to_string())
    }
}

impl From<liaison_proto::ConversionError> for Error {
    fn from(e: liaison_proto::ConversionError) -> Error {
        Error::InvalidArgument(e.to_string())
    }
}

impl From<liaison_proto::envelope::VerifyError> for Error {
    fn from(e: liaison_proto::envelope::VerifyError) -> Error {
        use liaison_proto::envelope::VerifyError as V;
        let text = format!("envelope refused: {e}");
        match e {
            V::UnknownKey(_) | V::MalformedKey(_) | V::MalformedSignature(_) | V::BadSignature => {
                Error::Unauthenticated(text)
            }
            V::TooLarge { .. } => Error::ResourceExhausted(text),
            V::Decode(_) | V::Invalid(_) => Error::InvalidArgument(text),
        }
    }
}
