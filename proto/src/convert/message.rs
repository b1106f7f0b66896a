//! A signed message's content (request, answer, withdrawal or evidence
//! manifest), whose
//! parties must be the envelope's.

use crate::domain::{
    Answer, Content, CountryCode, EvidenceManifest, InformationRequest, Message, Withdrawal,
};
use crate::pb;

use super::check::*;

impl TryFrom<&pb::Withdrawal> for Withdrawal {
    type Error = ConversionError;
    fn try_from(w: &pb::Withdrawal) -> Result<Self> {
        Ok(Withdrawal {
            request_id: uuid("request_id", &w.request_id)?,
            reason: text("reason", &w.reason, MAX_TEXT_CHARS, true)?,
        })
    }
}

impl From<&Withdrawal> for pb::Withdrawal {
    fn from(w: &Withdrawal) -> Self {
        pb::Withdrawal {
            request_id: w.request_id.clone(),
            reason: w.reason.clone(),
        }
    }
}

impl TryFrom<&pb::Message> for Message {
    type Error = ConversionError;
    fn try_from(m: &pb::Message) -> Result<Self> {
        use pb::message::Content as PbContent;
        let from = country("from", &m.from)?;
        let to = country("to", &m.to)?;
        if from == to {
            return Err(ConversionError::new("to", "must differ from `from`"));
        }
        let nonce: [u8; 16] = m.nonce.as_slice().try_into().map_err(|_| {
            ConversionError::new("nonce", format!("must be 16 bytes, not {}", m.nonce.len()))
        })?;
        let content = match &m.content {
            None => {
                return Err(ConversionError::new(
                    "content",
                    "is required: request, answer, withdrawal or evidence",
                ));
            }
            Some(PbContent::Request(r)) => {
                let r = InformationRequest::try_from(r).map_err(|e| e.within("request"))?;
                parties("request", (r.from_country, r.to_country), (from, to))?;
                Content::Request(r)
            }
            Some(PbContent::Answer(a)) => {
                let a = Answer::try_from(a).map_err(|e| e.within("answer"))?;
                parties("answer", (a.from_country, a.to_country), (from, to))?;
                Content::Answer(a)
            }
            Some(PbContent::Withdrawal(w)) => {
                Content::Withdrawal(Withdrawal::try_from(w).map_err(|e| e.within("withdrawal"))?)
            }
            Some(PbContent::Evidence(e)) => {
                Content::Evidence(EvidenceManifest::try_from(e).map_err(|e| e.within("evidence"))?)
            }
        };
        Ok(Message {
            message_id: uuid("message_id", &m.message_id)?,
            from,
            to,
            created_unix_ms: timestamp("created_unix_ms", m.created_unix_ms)?,
            nonce,
            content,
        })
    }
}

/// The parties named inside a request or answer must be the envelope's.
pub(super) fn parties(
    field: &str,
    inner: (CountryCode, CountryCode),
    outer: (CountryCode, CountryCode),
) -> Result<()> {
    if inner == outer {
        Ok(())
    } else {
        Err(ConversionError::new(
            field,
            format!(
                "names {} to {} but the message goes from {} to {}",
                inner.0, inner.1, outer.0, outer.1
            ),
        ))
    }
}

impl From<&Message> for pb::Message {
    fn from(m: &Message) -> Self {
        use pb::message::Content as PbContent;
        let content = match &m.content {
            Content::Request(r) => PbContent::Request(r.into()),
            Content::Answer(a) => PbContent::Answer(a.into()),
            Content::Withdrawal(w) => PbContent::Withdrawal(w.into()),
            Content::Evidence(e) => PbContent::Evidence(e.into()),
        };
        pb::Message {
            message_id: m.message_id.clone(),
            from: m.from.to_string(),
            to: m.to.to_string(),
            created_unix_ms: m.created_unix_ms,
            nonce: m.nonce.to_vec(),
            content: Some(content),
        }
    }
}
