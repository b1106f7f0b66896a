//! The asker's side: blind the values to check (RFC 9497 section 3.3.2,
//! `Blind`), and after the holder's answer verify its batch proof against
//! the key committed to in the signed set and unblind (`Finalize`). The
//! PRF outputs are then looked up in the set locally.

use std::fmt;

use rand_core::OsRng;
use voprf::{EvaluationElement, Proof, VoprfClient};

use super::error::HitsError;
use super::indicator::Indicator;
use super::oprf::{self, ELEMENT_BYTES, PrfOutput, PublicKey, Suite};

/// What the asker keeps between sending the blinded batch and reading the
/// holder's answer: each value's blind and PRF input. Secret (it unblinds
/// the answer, and holds the values); kept in memory only.
pub struct BlindState {
    clients: Vec<VoprfClient<Suite>>,
    inputs: Vec<Vec<u8>>,
}

impl fmt::Debug for BlindState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BlindState({} values)", self.inputs.len())
    }
}

impl BlindState {
    /// Blinds `indicators` (1 to [`oprf::MAX_BATCH`]) for one batch:
    /// returns the state to keep and the blinded elements to send, in the
    /// same order.
    pub fn blind(
        indicators: &[Indicator],
    ) -> Result<(BlindState, Vec<[u8; ELEMENT_BYTES]>), HitsError> {
        oprf::check_batch("indicators", indicators.len())?;
        let mut clients = Vec::with_capacity(indicators.len());
        let mut inputs = Vec::with_capacity(indicators.len());
        let mut blinded = Vec::with_capacity(indicators.len());
        for (i, indicator) in indicators.iter().enumerate() {
            let input = indicator.prf_input();
            let result = VoprfClient::<Suite>::blind(&input, &mut OsRng)
                .map_err(|_| HitsError::invalid(format!("indicators[{i}]"), "cannot be blinded"))?;
            let mut bytes = [0u8; ELEMENT_BYTES];
            bytes.copy_from_slice(&result.message.serialize());
            clients.push(result.state);
            inputs.push(input);
            blinded.push(bytes);
        }
        Ok((BlindState { clients, inputs }, blinded))
    }

    /// How many values the batch holds.
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// Checks the holder's answer and unblinds it: one evaluated element
    /// per blinded one, a proof that verifies against `public_key` (the
    /// key of the signed set; RFC 9497 section 2.2.2), else an error. The
    /// outputs come in the order of the blinded values.
    pub fn finalize<E: AsRef<[u8]>>(
        self,
        evaluations: &[E],
        proof: &[u8],
        public_key: &PublicKey,
    ) -> Result<Vec<PrfOutput>, HitsError> {
        if evaluations.len() != self.clients.len() {
            return Err(HitsError::invalid(
                "evaluations",
                format!(
                    "holds {} elements for a batch of {}: one per blinded element",
                    evaluations.len(),
                    self.clients.len()
                ),
            ));
        }
        let messages = evaluations
            .iter()
            .enumerate()
            .map(|(i, bytes)| {
                let field = || format!("evaluations[{i}]");
                let bytes = bytes.as_ref();
                oprf::check_encoding(&field(), bytes)?;
                EvaluationElement::<Suite>::deserialize(bytes)
                    .map_err(|_| oprf::not_canonical(&field()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if proof.len() != oprf::PROOF_BYTES {
            return Err(HitsError::invalid(
                "proof",
                format!(
                    "must be {} bytes (two scalars), not {}",
                    oprf::PROOF_BYTES,
                    proof.len()
                ),
            ));
        }
        let proof = Proof::<Suite>::deserialize(proof).map_err(|_| {
            HitsError::invalid("proof", "must be two canonical ristretto255 scalars")
        })?;
        let outputs = VoprfClient::batch_finalize(
            &self.inputs,
            &self.clients,
            &messages,
            &proof,
            public_key.element(),
        )
        .map_err(|e| match e {
            voprf::Error::ProofVerification => HitsError::Proof,
            other => HitsError::invalid("evaluations", format!("cannot be finalised: {other}")),
        })?;
        outputs
            .enumerate()
            .map(|(i, output)| {
                let output = output.map_err(|_| {
                    HitsError::invalid(format!("evaluations[{i}]"), "cannot be finalised")
                })?;
                PrfOutput::from_slice(&output)
            })
            .collect()
    }
}
