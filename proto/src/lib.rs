//! Liaison's shared vocabulary, with no I/O: the generated protobuf types
//! ([`pb`]), the domain types the rest of the code works on ([`domain`]), the
//! validating conversions between the two ([`convert`]), and the signing and
//! verification of envelopes and receipts ([`envelope`]).
//!
//! The offline audit verifier depends on this crate and never on the node.

pub mod convert;
pub mod domain;
pub mod envelope;

/// Code generated from `liaison/v1/*.proto` by `build.rs`.
#[allow(missing_docs, missing_debug_implementations, clippy::all)]
pub mod pb {
    tonic::include_proto!("liaison.v1");

    /// The encoded file descriptor set of every Liaison proto file, for gRPC
    /// server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] = tonic::include_file_descriptor_set!("liaison_descriptor");
}

pub use convert::ConversionError;
