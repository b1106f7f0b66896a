//! Published RFC 6962 / 9162 test vectors, and every corrupted proof
//! variant rejected for all tree sizes up to 70 (inclusion) and all
//! consistency pairs up to 130; then the same as properties of random trees
//! up to 300 leaves, with every single bit of the leaf, the proof, the
//! roots and the sizes changed. `PROPTEST_CASES` raises the number of
//! random trees (default [`CASES`]).

use std::sync::LazyLock;

use proptest::prelude::*;

use super::*;

mod transparency_dev;

/// The leaves of the Certificate Transparency reference tests, as in
/// transparency-dev/merkle `testonly/constants.go` (`LeafInputs`, commit
/// 77f1b57d7aa25fcd2e51273166b6b2b0e74923b1); [`ROOTS`] are its
/// `RootHashes` for sizes 1 to 8.
const LEAVES: [&str; 8] = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
];

const ROOTS: [&str; 8] = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

fn h(text: &str) -> Hash {
    hex::decode(text).unwrap().try_into().unwrap()
}

fn reference_tree() -> MemoryTree {
    let mut tree = MemoryTree::new();
    for leaf in LEAVES {
        tree.push(leaf_hash(&hex::decode(leaf).unwrap()));
    }
    tree
}

/// A tree of `n` distinct leaves.
fn tree_of(n: u64) -> MemoryTree {
    let mut tree = MemoryTree::new();
    for i in 0..n {
        tree.push(leaf_hash(&i.to_be_bytes()));
    }
    tree
}

#[test]
fn roots_match_the_published_vectors() {
    assert_eq!(
        hex::encode(empty_root()),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
    let tree = reference_tree();
    for (i, expected) in ROOTS.iter().enumerate() {
        assert_eq!(
            hex::encode(tree.root(i as u64 + 1).unwrap()),
            *expected,
            "size {}",
            i + 1
        );
    }
}

#[test]
fn proofs_match_the_published_vectors() {
    let tree = reference_tree();
    let hexes = |proof: Vec<Hash>| proof.iter().map(hex::encode).collect::<Vec<_>>();
    assert_eq!(
        hexes(tree.inclusion_proof(0, 8).unwrap()),
        [
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ]
    );
    assert_eq!(
        hexes(tree.inclusion_proof(5, 8).unwrap()),
        [
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ]
    );
    assert_eq!(
        hexes(tree.consistency_proof(1, 8).unwrap()),
        hexes(tree.inclusion_proof(0, 8).unwrap())
    );
    assert_eq!(
        hexes(tree.consistency_proof(6, 8).unwrap()),
        [
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        ]
    );
    assert_eq!(
        hexes(tree.consistency_proof(2, 5).unwrap()),
        [
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
        ]
    );
    verify_consistency(
        6,
        8,
        &h(ROOTS[5]),
        &h(ROOTS[7]),
        &tree.consistency_proof(6, 8).unwrap(),
    )
    .unwrap();
    verify_inclusion(
        5,
        8,
        &tree.leaf(5).unwrap(),
        &tree.inclusion_proof(5, 8).unwrap(),
        &h(ROOTS[7]),
    )
    .unwrap();
}

/// Each bit of each hash of the proof flipped, one at a time.
fn bit_flips(proof: &[Hash]) -> impl Iterator<Item = Vec<Hash>> + '_ {
    (0..proof.len() * 256).map(move |n| {
        let mut p = proof.to_vec();
        p[n / 256][(n % 256) / 8] ^= 1 << (n % 8);
        p
    })
}

/// A proof with its last or first hash dropped, or a hash added at either
/// end.
fn structural(proof: &[Hash]) -> Vec<Vec<Hash>> {
    let mut out = Vec::new();
    if !proof.is_empty() {
        out.push(proof[..proof.len() - 1].to_vec());
        out.push(proof[1..].to_vec());
    }
    let mut appended = proof.to_vec();
    appended.push([0; 32]);
    out.push(appended);
    let mut prepended = vec![proof.first().copied().unwrap_or([7; 32])];
    prepended.extend_from_slice(proof);
    out.push(prepended);
    out
}

#[test]
fn inclusion_proofs_verify_and_every_corruption_is_rejected() {
    let tree = tree_of(140);
    for size in 1..=70u64 {
        let root = tree.root(size).unwrap();
        for index in 0..size {
            let leaf = tree.leaf(index).unwrap();
            let proof = tree.inclusion_proof(index, size).unwrap();
            verify_inclusion(index, size, &leaf, &proof, &root).unwrap();
            // Every bit of every hash for a sample of leaves (to keep the test
            // brisk); the structural damage for every leaf.
            let flips = bit_flips(&proof).filter(|_| index % 7 == 0);
            for bad in flips.chain(structural(&proof)) {
                assert!(
                    verify_inclusion(index, size, &leaf, &bad, &root).is_err(),
                    "size {size} index {index}"
                );
            }
            // Wrong leaf, wrong index, and the proof held against another
            // size with that size's own root.
            let mut other_leaf = leaf;
            other_leaf[0] ^= 1;
            assert!(verify_inclusion(index, size, &other_leaf, &proof, &root).is_err());
            if size > 1 {
                let other = (index + 1) % size;
                assert!(verify_inclusion(other, size, &leaf, &proof, &root).is_err());
            }
            for other_size in [size - 1, size + 1, size * 2] {
                if other_size > index && other_size != size {
                    let other_root = tree.root(other_size).unwrap();
                    assert!(
                        verify_inclusion(index, other_size, &leaf, &proof, &other_root).is_err(),
                        "size {size} index {index} against size {other_size}"
                    );
                }
            }
            assert!(verify_inclusion(size, size, &leaf, &proof, &root).is_err());
        }
    }
}

#[test]
fn consistency_proofs_verify_and_every_corruption_is_rejected() {
    let tree = tree_of(131);
    let roots: Vec<Hash> = (0..=131).map(|n| tree.root(n).unwrap()).collect();
    // forked_roots[n]: the root of the first n-1 leaves plus a forged one.
    let forked_roots: Vec<Hash> = (0..=131u64)
        .map(|n| {
            let mut forked = tree_of(n.saturating_sub(1));
            forked.push(leaf_hash(b"forged"));
            forked.root(n.max(1)).unwrap()
        })
        .collect();
    for second in 1..=130u64 {
        for first in 1..=second {
            let proof = tree.consistency_proof(first, second).unwrap();
            let (r1, r2) = (&roots[first as usize], &roots[second as usize]);
            verify_consistency(first, second, r1, r2, &proof).unwrap();
            let flips = bit_flips(&proof).filter(|_| (first + second) % 11 == 0);
            for bad in flips.chain(structural(&proof)) {
                assert!(
                    verify_consistency(first, second, r1, r2, &bad).is_err(),
                    "{first}->{second}"
                );
            }
            if first != second {
                // Swapped roots.
                assert!(
                    verify_consistency(first, second, r2, r1, &proof).is_err(),
                    "{first}->{second} swapped"
                );
            }
            // The proof held against other sizes, with their own roots.
            for (f, s) in [
                (first + 1, second),
                (first.saturating_sub(1), second),
                (first, second + 1),
                (first, second - 1),
            ] {
                if (f, s) != (first, second) && f >= 1 && f <= s && s <= 131 {
                    assert!(
                        verify_consistency(f, s, &roots[f as usize], &roots[s as usize], &proof)
                            .is_err(),
                        "{first}->{second} held as {f}->{s}"
                    );
                }
            }
            // A different first tree (another last leaf) is caught.
            let forked_root = forked_roots[first as usize];
            assert!(verify_consistency(first, second, &forked_root, r2, &proof).is_err());
        }
    }
    assert!(verify_consistency(0, 5, &roots[0], &roots[5], &[]).is_err());
    assert!(verify_consistency(6, 5, &roots[6], &roots[5], &[]).is_err());
}

#[test]
fn the_frontier_agrees_with_the_whole_tree() {
    let tree = tree_of(300);
    let mut frontier = Frontier::new();
    assert_eq!(frontier.root(), empty_root());
    for n in 0..300u64 {
        let completed = frontier.push(tree.leaf(n).unwrap());
        for (level, index, hash) in completed {
            assert_eq!(
                Some(hash),
                tree.perfect(level, index),
                "node {level}/{index}"
            );
        }
        assert_eq!(frontier.root(), tree.root(n + 1).unwrap(), "size {}", n + 1);
        let rebuilt =
            Frontier::from_perfect(n + 1, &mut |l, i| tree.perfect(l, i).ok_or(())).unwrap();
        assert_eq!(rebuilt, frontier);
    }
}

/// A probe's value as a hash. Most are 32-byte hashes; a few are
/// placeholders ("don't care"), empty, or lengthened ("trailing garbage"),
/// which the typed API cannot take. transparency-dev's verifier treats all
/// of them as opaque bytes, compared and hashed, so each such value stands
/// in as a hash no tree produces (SHA-256 of a tag and the bytes): equal
/// values stay equal, and a wrong one stays wrong. The one length it
/// checks is a leaf hash's, which here is its type: such probes must
/// expect an error.
fn hash_of(text: &str) -> Hash {
    let bytes = hex::decode(text).unwrap();
    bytes.as_slice().try_into().unwrap_or_else(|_| {
        let mut h = Sha256::new();
        h.update(b"transparency-dev probe value that is not a 32-byte hash");
        h.update(&bytes);
        h.finalize().into()
    })
}

#[test]
fn transparency_dev_inclusion_probes_decide_alike() {
    let reference = reference_tree();
    for probe in transparency_dev::INCLUSION {
        if probe.leaf_hash.len() != 64 {
            assert!(probe.want_err, "{}", probe.file);
            continue;
        }
        let (root, leaf) = (hash_of(probe.root), hash_of(probe.leaf_hash));
        let proof: Vec<Hash> = probe.proof.iter().map(|p| hash_of(p)).collect();
        let verified = verify_inclusion(probe.leaf_idx, probe.tree_size, &leaf, &proof, &root);
        assert_eq!(
            verified.is_err(),
            probe.want_err,
            "{}: {verified:?}",
            probe.file
        );
        // The accepted proofs are the ones this crate generates for the
        // reference tree.
        if !probe.want_err && probe.tree_size <= 8 {
            assert_eq!(
                reference
                    .inclusion_proof(probe.leaf_idx, probe.tree_size)
                    .unwrap(),
                proof,
                "{}",
                probe.file
            );
        }
    }
}

#[test]
fn transparency_dev_consistency_probes_decide_alike() {
    let reference = reference_tree();
    for probe in transparency_dev::CONSISTENCY {
        let (root1, root2) = (hash_of(probe.root1), hash_of(probe.root2));
        let proof: Vec<Hash> = probe.proof.iter().map(|p| hash_of(p)).collect();
        let verified = verify_consistency(probe.size1, probe.size2, &root1, &root2, &proof);
        assert_eq!(
            verified.is_err(),
            probe.want_err,
            "{}: {verified:?}",
            probe.file
        );
        if !probe.want_err && (1..=8).contains(&probe.size1) && probe.size2 <= 8 {
            assert_eq!(
                reference
                    .consistency_proof(probe.size1, probe.size2)
                    .unwrap(),
                proof,
                "{}",
                probe.file
            );
        }
    }
}

/// Random trees per property unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 256;

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(CASES),
    )
}

/// The largest tree of the properties.
const MAX_SIZE: u64 = 300;

/// Leaves enough that every size with one bit of a size up to
/// [`MAX_SIZE`] changed, up to bit 10, has its own tree; sizes beyond
/// (bit 11 and up) need a proof longer than any of these.
static TREE: LazyLock<MemoryTree> = LazyLock::new(|| tree_of(MAX_SIZE + 1024 + 1));

/// `value` with bit `bit` flipped.
fn flipped<const N: usize>(value: &[u8; N], bit: usize) -> [u8; N] {
    let mut out = *value;
    out[bit / 8] ^= 1 << (bit % 8);
    out
}

/// The root a tree head of `size` leaves would sign: that tree's own root
/// where this tree has it; otherwise `fallback`.
fn root_for(size: u64, fallback: &Hash) -> Hash {
    TREE.root(size).unwrap_or(*fallback)
}

fn size_and_index() -> impl Strategy<Value = (u64, u64)> {
    (1..=MAX_SIZE).prop_flat_map(|size| (Just(size), 0..size))
}

fn two_sizes() -> impl Strategy<Value = (u64, u64)> {
    (1..=MAX_SIZE).prop_flat_map(|second| (1..=second, Just(second)))
}

proptest! {
    #![proptest_config(config())]

    /// An inclusion proof verifies, and no single changed bit of the leaf,
    /// a proof hash, the root, the index or the size does. RFC 9162 roots
    /// do not commit to the size (the signed tree head does, with the
    /// root), and a proof for leaf 0 of 5 is also one for leaf 0 of 7
    /// under the same root: so a changed size is held against the root of
    /// that size, as a tree head claiming it would sign.
    #[test]
    fn inclusion_proofs_verify_and_no_bit_can_change((size, index) in size_and_index()) {
        let tree = &*TREE;
        let root = tree.root(size).unwrap();
        let leaf = tree.leaf(index).unwrap();
        let proof = tree.inclusion_proof(index, size).unwrap();
        prop_assert_eq!(verify_inclusion(index, size, &leaf, &proof, &root), Ok(()));
        for bit in 0..256 {
            prop_assert!(verify_inclusion(index, size, &flipped(&leaf, bit), &proof, &root).is_err());
            prop_assert!(verify_inclusion(index, size, &leaf, &proof, &flipped(&root, bit)).is_err());
            for at in 0..proof.len() {
                let mut bad = proof.clone();
                bad[at] = flipped(&bad[at], bit);
                prop_assert!(
                    verify_inclusion(index, size, &leaf, &bad, &root).is_err(),
                    "bit {} of proof[{}]", bit, at
                );
            }
        }
        for bit in 0..64 {
            let other_index = index ^ (1 << bit);
            prop_assert!(
                verify_inclusion(other_index, size, &leaf, &proof, &root).is_err(),
                "index {} as {}", index, other_index
            );
            let other_size = size ^ (1 << bit);
            prop_assert!(
                verify_inclusion(index, other_size, &leaf, &proof, &root_for(other_size, &root))
                    .is_err(),
                "size {} as {}", size, other_size
            );
        }
    }

    /// A consistency proof verifies, and no single changed bit of a proof
    /// hash, either root or either size does (a changed size held against
    /// the root of that size, as for inclusion).
    #[test]
    fn consistency_proofs_verify_and_no_bit_can_change((first, second) in two_sizes()) {
        let tree = &*TREE;
        let (r1, r2) = (tree.root(first).unwrap(), tree.root(second).unwrap());
        let proof = tree.consistency_proof(first, second).unwrap();
        prop_assert_eq!(verify_consistency(first, second, &r1, &r2, &proof), Ok(()));
        for bit in 0..256 {
            prop_assert!(verify_consistency(first, second, &flipped(&r1, bit), &r2, &proof).is_err());
            prop_assert!(verify_consistency(first, second, &r1, &flipped(&r2, bit), &proof).is_err());
            for at in 0..proof.len() {
                let mut bad = proof.clone();
                bad[at] = flipped(&bad[at], bit);
                prop_assert!(
                    verify_consistency(first, second, &r1, &r2, &bad).is_err(),
                    "bit {} of proof[{}]", bit, at
                );
            }
        }
        for bit in 0..64 {
            let f = first ^ (1 << bit);
            prop_assert!(
                verify_consistency(f, second, &root_for(f, &r1), &r2, &proof).is_err(),
                "{}->{} as {}->{}", first, second, f, second
            );
            let s = second ^ (1 << bit);
            prop_assert!(
                verify_consistency(first, s, &r1, &root_for(s, &r2), &proof).is_err(),
                "{}->{} as {}->{}", first, second, first, s
            );
        }
    }
}
