//! gRPC status codes by the names the gRPC specification gives them
//! (`INVALID_ARGUMENT`), as the node's audit entries and logs and the CLI's
//! output and JSON errors all write them.

use tonic::Code;

/// The status metadata (and `DeliveryRefusal.reason`) that says why an
/// envelope was refused when the code alone does not say whether retrying
/// can help.
pub const REFUSAL_REASON_HEADER: &str = "liaison-refusal-reason";

/// The refusal reason of an envelope whose timestamp is ahead of the
/// receiver's clock by more than it tolerates (with `FAILED_PRECONDITION`):
/// the same envelope is accepted once the clocks agree, so the sender
/// keeps it queued.
pub const CLOCK_SKEW: &str = "clock-skew";

/// The canonical upper-case name of a gRPC status code.
pub fn code_name(code: Code) -> &'static str {
    match code {
        Code::Ok => "OK",
        Code::Cancelled => "CANCELLED",
        Code::Unknown => "UNKNOWN",
        Code::InvalidArgument => "INVALID_ARGUMENT",
        Code::DeadlineExceeded => "DEADLINE_EXCEEDED",
        Code::NotFound => "NOT_FOUND",
        Code::AlreadyExists => "ALREADY_EXISTS",
        Code::PermissionDenied => "PERMISSION_DENIED",
        Code::ResourceExhausted => "RESOURCE_EXHAUSTED",
        Code::FailedPrecondition => "FAILED_PRECONDITION",
        Code::Aborted => "ABORTED",
        Code::OutOfRange => "OUT_OF_RANGE",
        Code::Unimplemented => "UNIMPLEMENTED",
        Code::Internal => "INTERNAL",
        Code::Unavailable => "UNAVAILABLE",
        Code::DataLoss => "DATA_LOSS",
        Code::Unauthenticated => "UNAUTHENTICATED",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_specifications() {
        assert_eq!(code_name(Code::InvalidArgument), "INVALID_ARGUMENT");
        assert_eq!(code_name(Code::Unauthenticated), "UNAUTHENTICATED");
    }
}
