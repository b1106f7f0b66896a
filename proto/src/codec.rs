//! The codec every Liaison gRPC *server* is generated with (clients keep
//! prost's own). It encodes and decodes exactly as `tonic_prost::ProstCodec`
//! does, except when a request is not valid protobuf: then the call is
//! refused with `INVALID_ARGUMENT` (prost's codec says `INTERNAL`, which
//! blames the server for the caller's bytes), and the status carries a
//! [`MalformedRequest`] source, so that the node's transport can tell this
//! refusal apart from any status a handler returns and audit it.
//!
//! prost's description of the error is dropped: it can quote values read
//! from the bytes (a tag, a wire type), and nothing read from a refused body
//! may reach a status, a log or the audit trail.

use std::marker::PhantomData;
use std::sync::Arc;

use prost::Message;
use tonic::Status;
use tonic::codec::{BufferSettings, Codec, DecodeBuf, Decoder};
use tonic_prost::ProstEncoder;

/// The message of the status a request that is not valid protobuf gets.
pub const MALFORMED_REQUEST: &str = "the request message is not valid protobuf";

/// The source of the status [`ServerDecoder`] refuses a request with; see
/// [`is_malformed_request`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{MALFORMED_REQUEST}")]
pub struct MalformedRequest;

/// Whether `status` is the refusal of a request that was not valid
/// protobuf, as opposed to anything a handler answered.
pub fn is_malformed_request(status: &Status) -> bool {
    std::error::Error::source(status).is_some_and(|source| source.is::<MalformedRequest>())
}

/// prost's encoding, and [`ServerDecoder`] for requests.
#[derive(Debug, Clone)]
pub struct ServerCodec<T, U> {
    _messages: PhantomData<(T, U)>,
}

impl<T, U> Default for ServerCodec<T, U> {
    fn default() -> Self {
        ServerCodec {
            _messages: PhantomData,
        }
    }
}

impl<T, U> Codec for ServerCodec<T, U>
where
    T: Message + Send + 'static,
    U: Message + Default + Send + 'static,
{
    type Encode = T;
    type Decode = U;
    type Encoder = ProstEncoder<T>;
    type Decoder = ServerDecoder<U>;

    fn encoder(&mut self) -> Self::Encoder {
        ProstEncoder::new(BufferSettings::default())
    }

    fn decoder(&mut self) -> Self::Decoder {
        ServerDecoder {
            _message: PhantomData,
        }
    }
}

/// Decodes a request message with prost; refuses one that is not valid
/// protobuf with `INVALID_ARGUMENT` and a [`MalformedRequest`] source.
#[derive(Debug, Clone)]
pub struct ServerDecoder<U> {
    _message: PhantomData<U>,
}

impl<U: Message + Default> Decoder for ServerDecoder<U> {
    type Item = U;
    type Error = Status;

    fn decode(&mut self, buf: &mut DecodeBuf<'_>) -> Result<Option<U>, Status> {
        U::decode(buf).map(Some).map_err(|_| malformed_request())
    }

    fn buffer_settings(&self) -> BufferSettings {
        BufferSettings::default()
    }
}

fn malformed_request() -> Status {
    let mut status = Status::invalid_argument(MALFORMED_REQUEST);
    status.set_source(Arc::new(MalformedRequest));
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_decoders_refusal_is_marked() {
        let status = malformed_request();
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        assert!(is_malformed_request(&status));
        // The same code and words from anywhere else are not the decoder's.
        assert!(!is_malformed_request(&Status::invalid_argument(
            MALFORMED_REQUEST
        )));
        assert!(!is_malformed_request(&Status::internal("failed to decode")));
    }
}
