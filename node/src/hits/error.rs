//! What can go wrong in a hit/no-hit check. Every error names the field at
//! fault (dotted, with an index where there is one: `blinded[3]`,
//! `set.entries[17].tag`) and the rule broken, never a value: indicator
//! values are personal data.

/// An error of the hits module. The integration maps the variants to gRPC
/// codes: `Invalid` to `INVALID_ARGUMENT`, `Limit` to
/// `RESOURCE_EXHAUSTED`, `Epoch` to `FAILED_PRECONDITION`; `Proof` and a
/// peer's set that is `Invalid` mean the peer misbehaved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HitsError {
    /// Input that breaks a rule.
    #[error("{field}: {rule}")]
    Invalid { field: String, rule: String },
    /// Input over one of the module's caps (batch size, set size).
    #[error("{field}: {rule}")]
    Limit { field: String, rule: String },
    /// Evaluations asked under an epoch that is not the holder's current one.
    #[error(
        "epoch: evaluations are made only under the current epoch {current}, not {asked}: \
         fetch the holder's current set"
    )]
    Epoch { asked: u64, current: u64 },
    /// A batch proof that does not verify against the committed key.
    #[error(
        "proof: the evaluations' proof does not verify against the public key committed to \
         in the signed set (RFC 9497 section 2.2)"
    )]
    Proof,
    /// The operating system's random source failed.
    #[error("random source: {0}")]
    Random(String),
}

impl HitsError {
    pub(crate) fn invalid(field: impl Into<String>, rule: impl Into<String>) -> HitsError {
        HitsError::Invalid {
            field: field.into(),
            rule: rule.into(),
        }
    }

    pub(crate) fn limit(field: impl Into<String>, rule: impl Into<String>) -> HitsError {
        HitsError::Limit {
            field: field.into(),
            rule: rule.into(),
        }
    }

    /// The field at fault.
    pub fn field(&self) -> &str {
        match self {
            HitsError::Invalid { field, .. } | HitsError::Limit { field, .. } => field,
            HitsError::Epoch { .. } => "epoch",
            HitsError::Proof => "proof",
            HitsError::Random(_) => "random source",
        }
    }
}
