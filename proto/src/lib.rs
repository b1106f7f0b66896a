//! Liaison's shared vocabulary, with no I/O: the generated protobuf types
//! ([`pb`]), the domain types the rest of the code works on ([`domain`]), the
//! validating conversions between the two ([`convert`]), and the signing and
//! verification of envelopes ([`envelope`]) and receipts ([`receipt`]), calendar
//! dates and UTC times ([`time`]), and the checks of the identifiers cases
//! are about ([`identifiers`]: IBAN, BIC, IMEI, E.164 phone numbers).
//! National offences and the dual-criminality indication are in
//! [`offences`]. The court evidence package, its writer and its offline
//! verifier are in [`package`].
//!
//! The offline audit verifier depends on this crate and never on the node.

pub mod audit;
pub mod codec;
pub mod convert;
pub mod domain;
pub mod envelope;
pub mod iccs;
pub mod identifiers;
pub mod legal;
pub mod merkle;
pub mod offences;
pub mod package;
pub mod receipt;
pub mod status;
pub mod subject_text;
pub mod time;
pub mod victims;

/// Code generated from `liaison/v1/*.proto` by `build.rs`.
#[allow(missing_docs, missing_debug_implementations, clippy::all)]
pub mod pb {
    tonic::include_proto!("liaison.v1");
    // The servers, generated apart with `codec::ServerCodec`.
    include!(concat!(env!("OUT_DIR"), "/server/liaison.v1.rs"));

    /// The encoded file descriptor set of every Liaison proto file, for gRPC
    /// server reflection.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        tonic::include_file_descriptor_set!("liaison_descriptor");
}

/// The benchmark's echo and counters (`liaison-node bench` only).
#[allow(missing_docs, missing_debug_implementations, clippy::all)]
pub mod bench_pb {
    tonic::include_proto!("liaison.bench.v1");
}

pub use convert::ConversionError;

/// Client-side authentication for the local API.
pub mod auth {
    use tonic::metadata::MetadataValue;
    use tonic::service::Interceptor;
    use tonic::{Request, Status};

    /// Adds `authorization: Bearer <token>` to every call, or nothing when
    /// a client certificate alone names the caller ([`BearerToken::none`]).
    #[derive(Clone)]
    pub struct BearerToken(Option<MetadataValue<tonic::metadata::Ascii>>);

    impl std::fmt::Debug for BearerToken {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("BearerToken(<secret>)")
        }
    }

    impl BearerToken {
        /// Fails if the token holds characters not allowed in metadata.
        pub fn new(token: &str) -> Result<Self, String> {
            format!("Bearer {}", token.trim())
                .parse()
                .map(|value| BearerToken(Some(value)))
                .map_err(|_| "the token holds characters not allowed in gRPC metadata".to_string())
        }

        /// No token: for a caller whose client certificate names it.
        pub fn none() -> Self {
            BearerToken(None)
        }
    }

    impl Interceptor for BearerToken {
        fn call(&mut self, mut request: Request<()>) -> Result<Request<()>, Status> {
            if let Some(value) = &self.0 {
                request
                    .metadata_mut()
                    .insert("authorization", value.clone());
            }
            Ok(request)
        }
    }
}
