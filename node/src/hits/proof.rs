//! The holder's batch evaluation and its proof, written out from RFC 9497:
//! `BlindEvaluate` (section 3.3.2) and `GenerateProof` with
//! `ComputeCompositesFast` (section 2.2.1), in VOPRF mode with
//! ristretto255-SHA512 (section 4.1).
//!
//! Why not voprf's own `batch_blind_evaluate`: it computes the composite
//! element `M = d_0·C_0 + … + d_(m-1)·C_(m-1)` one scalar multiplication
//! at a time and serialises every element twice, which doubles the
//! holder's cost per element. Here `M` is one multiscalar multiplication
//! (the `d_i` and `C_i` are public, so variable time is fine), and each
//! element is decoded and encoded once. The output is the RFC's bit for
//! bit: a test checks it against the RFC's batch test vector, and the
//! asker verifies it with voprf's `VerifyProof`.

use curve25519_dalek::traits::VartimeMultiscalarMul as _;
use curve25519_dalek::{RistrettoPoint, Scalar};
use sha2::{Digest as _, Sha512};
use voprf::Group as _;

use super::oprf::{ELEMENT_BYTES, PROOF_BYTES, Suite};

/// RFC 9497 section 3.1: `"OPRFV1-" || I2OSP(mode, 1) || "-" ||
/// identifier`, mode 0x01 (VOPRF).
const CONTEXT: &[u8] = b"OPRFV1-\x01-ristretto255-SHA512";

/// `I2OSP(len, 2)` of a serialised element.
const ELEMENT_LEN: [u8; 2] = (ELEMENT_BYTES as u16).to_be_bytes();

/// `GG.HashToScalar(input)` with the DST `"HashToScalar-" || contextString`.
fn hash_to_scalar(input: &[&[u8]]) -> Scalar {
    let dst = [b"HashToScalar-".as_slice(), CONTEXT];
    // Cannot fail: the DST and output lengths are fixed and small.
    Suite::hash_to_scalar::<Sha512>(input, &dst).unwrap_or(Scalar::ZERO)
}

/// The holder's answer to one batch: `sk·C_i` for each blinded element,
/// encoded, and the proof `c || s` that they share one key with `pk`.
/// `blinded` are the decoded elements and `blinded_bytes` their encodings;
/// `r` is the proof's random scalar (fresh and secret for every batch:
/// whoever knows it and the proof can compute `sk`).
pub(crate) fn evaluate_batch(
    sk: &Scalar,
    pk_bytes: &[u8; ELEMENT_BYTES],
    blinded: &[RistrettoPoint],
    blinded_bytes: &[&[u8]],
    r: &Scalar,
) -> (Vec<[u8; ELEMENT_BYTES]>, [u8; PROOF_BYTES]) {
    // `sk·C_i` = `2·((sk/2)·C_i)`: encoding the doubles of a batch takes
    // one field inversion for the batch instead of an inverse square root
    // per element (curve25519-dalek's `double_and_compress_batch`).
    // Secret like `sk`: wiped when dropped.
    let half = zeroize::Zeroizing::new(sk * Scalar::from(2u8).invert());
    let halves: Vec<RistrettoPoint> = blinded.iter().map(|c| c * *half).collect();
    let evaluated: Vec<[u8; ELEMENT_BYTES]> = RistrettoPoint::double_and_compress_batch(&halves)
        .iter()
        .map(|e| e.to_bytes())
        .collect();

    // ComputeCompositesFast: seed = Hash(I2OSP(len(Bm), 2) || Bm ||
    // I2OSP(len(seedDST), 2) || seedDST), seedDST = "Seed-" || context.
    let seed_dst_len = u16::try_from(5 + CONTEXT.len()).unwrap_or(u16::MAX);
    let seed = Sha512::new()
        .chain_update(ELEMENT_LEN)
        .chain_update(pk_bytes)
        .chain_update(seed_dst_len.to_be_bytes())
        .chain_update(b"Seed-")
        .chain_update(CONTEXT)
        .finalize();
    let seed_len = u16::try_from(seed.len()).unwrap_or(u16::MAX).to_be_bytes();
    let weights: Vec<Scalar> = blinded_bytes
        .iter()
        .zip(&evaluated)
        .enumerate()
        .map(|(i, (c, d))| {
            // Batches hold at most MAX_BATCH (1000) elements.
            let index = u16::try_from(i).unwrap_or(u16::MAX).to_be_bytes();
            hash_to_scalar(&[
                &seed_len,
                &seed,
                &index,
                &ELEMENT_LEN,
                c,
                &ELEMENT_LEN,
                d,
                b"Composite",
            ])
        })
        .collect();
    let m = RistrettoPoint::vartime_multiscalar_mul(&weights, blinded);
    let z = m * sk;

    // GenerateProof: t2 = r·G, t3 = r·M, c = HashToScalar(Bm, M, Z, t2,
    // t3, "Challenge"), s = r - c·k.
    let t2 = RistrettoPoint::mul_base(r);
    let t3 = m * r;
    let [m, z, t2, t3] = [m, z, t2, t3].map(|e| e.compress().to_bytes());
    let c = hash_to_scalar(&[
        &ELEMENT_LEN,
        pk_bytes,
        &ELEMENT_LEN,
        &m,
        &ELEMENT_LEN,
        &z,
        &ELEMENT_LEN,
        &t2,
        &ELEMENT_LEN,
        &t3,
        b"Challenge",
    ]);
    let s = r - c * sk;
    let mut proof = [0u8; PROOF_BYTES];
    proof[..32].copy_from_slice(c.as_bytes());
    proof[32..].copy_from_slice(s.as_bytes());
    (evaluated, proof)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes32(text: &str) -> [u8; 32] {
        hex::decode(text).unwrap().try_into().unwrap()
    }

    #[test]
    fn the_batch_proof_is_rfc_9497s() {
        // RFC 9497 appendix A.1.2.3 (VOPRF, ristretto255-SHA512, batch
        // size 2): the key, the blinded elements and the proof's random
        // scalar give exactly the evaluated elements and the proof.
        let sk = Scalar::from_canonical_bytes(bytes32(
            "e6f73f344b79b379f1a0dd37e07ff62e38d9f71345ce62ae3a9bc60b04ccd909",
        ))
        .unwrap();
        let pk = bytes32("c803e2cc6b05fc15064549b5920659ca4a77b2cca6f04f6b357009335476ad4e");
        let blinded_bytes = [
            bytes32("863f330cc1a1259ed5a5998a23acfd37fb4351a793a5b3c090b642ddc439b945"),
            bytes32("90a0145ea9da29254c3a56be4fe185465ebb3bf2a1801f7124bbbadac751e654"),
        ];
        let blinded: Vec<RistrettoPoint> = blinded_bytes
            .iter()
            .map(|b| Suite::deserialize_elem(b).unwrap())
            .collect();
        let r = Scalar::from_canonical_bytes(bytes32(
            "419c4f4f5052c53c45f3da494d2b67b220d02118e0857cdbcf037f9ea84bbe0c",
        ))
        .unwrap();
        let refs: Vec<&[u8]> = blinded_bytes.iter().map(|b| b.as_slice()).collect();
        let (evaluated, proof) = evaluate_batch(&sk, &pk, &blinded, &refs, &r);
        assert_eq!(
            hex::encode(evaluated[0]),
            "aa8fa048764d5623868679402ff6108d2521884fa138cd7f9c7669a9a014267e"
        );
        assert_eq!(
            hex::encode(evaluated[1]),
            "cc5ac221950a49ceaa73c8db41b82c20372a4c8d63e5dded2db920b7eee36a2a"
        );
        assert_eq!(
            hex::encode(proof),
            "cc203910175d786927eeb44ea847328047892ddf8590e723c37205cb74600b0a\
             5ab5337c8eb4ceae0494c2cf89529dcf94572ed267473d567aeed6ab873dee08"
        );
    }
}
