//! RFC 9162 (Certificate Transparency v2) Merkle tree hashing and proofs.
//!
//! Leaves hash as `SHA-256(0x00 || data)` and interior nodes as
//! `SHA-256(0x01 || left || right)`, so a leaf can never pass for a node.
//! Proof generation works from a source of *perfect subtree* hashes: the
//! hash of the `2^level` leaves starting at `index * 2^level`. A node keeps
//! those in its store; [`MemoryTree`] keeps them in memory for tests and the
//! offline verifier. Verification follows RFC 9162 sections 2.1.3.2 and
//! 2.1.4.2 and needs only the proof, the sizes and the roots.

use sha2::{Digest, Sha256};

pub type Hash = [u8; 32];

/// SHA-256 of nothing: the root of the empty tree.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0x00]);
    h.update(data);
    h.finalize().into()
}

pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([0x01]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// Why a proof was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("index {index} is outside a tree of size {size}")]
    IndexOutOfRange { index: u64, size: u64 },
    #[error("sizes {first} and {second} do not make a consistency proof")]
    BadSizes { first: u64, second: u64 },
    #[error("the proof has the wrong number of hashes")]
    WrongLength,
    #[error("the proof does not lead to the expected root")]
    RootMismatch,
}

/// The largest power of two strictly below `n` (`n >= 2`).
fn split(n: u64) -> u64 {
    1u64 << (63 - (n - 1).leading_zeros())
}

/// Hash of the leaves `[start, start + n)`, from perfect subtree hashes.
/// `perfect(level, index)` returns the hash of the perfect subtree of
/// `2^level` leaves starting at leaf `index << level`.
pub fn subtree_root<E>(
    start: u64,
    n: u64,
    perfect: &mut impl FnMut(u32, u64) -> Result<Hash, E>,
) -> Result<Hash, E> {
    if n.is_power_of_two() && start.is_multiple_of(n) {
        return perfect(n.trailing_zeros(), start >> n.trailing_zeros());
    }
    let k = split(n);
    let left = subtree_root(start, k, perfect)?;
    let right = subtree_root(start + k, n - k, perfect)?;
    Ok(node_hash(&left, &right))
}

/// The root of a tree of `size` leaves.
pub fn root<E>(
    size: u64,
    perfect: &mut impl FnMut(u32, u64) -> Result<Hash, E>,
) -> Result<Hash, E> {
    if size == 0 {
        Ok(empty_root())
    } else {
        subtree_root(0, size, perfect)
    }
}

/// The inclusion proof (audit path) of leaf `index` in a tree of `size`
/// leaves (RFC 9162 2.1.3.1). The caller checks `index < size`.
pub fn inclusion_proof<E>(
    index: u64,
    size: u64,
    perfect: &mut impl FnMut(u32, u64) -> Result<Hash, E>,
) -> Result<Vec<Hash>, E> {
    let mut proof = Vec::new();
    path(index, 0, size, perfect, &mut proof)?;
    Ok(proof)
}

fn path<E>(
    m: u64,
    start: u64,
    n: u64,
    perfect: &mut impl FnMut(u32, u64) -> Result<Hash, E>,
    out: &mut Vec<Hash>,
) -> Result<(), E> {
    if n <= 1 {
        return Ok(());
    }
    let k = split(n);
    if m < k {
        path(m, start, k, perfect, out)?;
        out.push(subtree_root(start + k, n - k, perfect)?);
    } else {
        path(m - k, start + k, n - k, perfect, out)?;
        out.push(subtree_root(start, k, perfect)?);
    }
    Ok(())
}

/// The consistency proof between the trees of `first` and `second` leaves
/// (RFC 9162 2.1.4.1). The caller checks `0 < first <= second`.
pub fn consistency_proof<E>(
    first: u64,
    second: u64,
    perfect: &mut impl FnMut(u32, u64) -> Result<Hash, E>,
) -> Result<Vec<Hash>, E> {
    let mut proof = Vec::new();
    if first > 0 && first < second {
        subproof(first, 0, second, true, perfect, &mut proof)?;
    }
    Ok(proof)
}

fn subproof<E>(
    m: u64,
    start: u64,
    n: u64,
    whole: bool,
    perfect: &mut impl FnMut(u32, u64) -> Result<Hash, E>,
    out: &mut Vec<Hash>,
) -> Result<(), E> {
    if m == n {
        if !whole {
            out.push(subtree_root(start, n, perfect)?);
        }
        return Ok(());
    }
    let k = split(n);
    if m <= k {
        subproof(m, start, k, whole, perfect, out)?;
        out.push(subtree_root(start + k, n - k, perfect)?);
    } else {
        subproof(m - k, start + k, n - k, false, perfect, out)?;
        out.push(subtree_root(start, k, perfect)?);
    }
    Ok(())
}

/// Checks that `leaf` (a leaf hash) is at `index` in the tree of `size`
/// leaves whose root is `root` (RFC 9162 2.1.3.2).
pub fn verify_inclusion(
    index: u64,
    size: u64,
    leaf: &Hash,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if s == 0 {
            return Err(ProofError::WrongLength);
        }
        if f & 1 == 1 || f == s {
            r = node_hash(p, &r);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    if s != 0 {
        return Err(ProofError::WrongLength);
    }
    if &r == root {
        Ok(())
    } else {
        Err(ProofError::RootMismatch)
    }
}

/// Checks that the tree of `second` leaves with root `second_root` extends
/// the tree of `first` leaves with root `first_root` (RFC 9162 2.1.4.2).
pub fn verify_consistency(
    first: u64,
    second: u64,
    first_root: &Hash,
    second_root: &Hash,
    proof: &[Hash],
) -> Result<(), ProofError> {
    if first == 0 || first > second {
        return Err(ProofError::BadSizes { first, second });
    }
    if first == second {
        if !proof.is_empty() {
            return Err(ProofError::WrongLength);
        }
        return if first_root == second_root {
            Ok(())
        } else {
            Err(ProofError::RootMismatch)
        };
    }
    if proof.is_empty() {
        return Err(ProofError::WrongLength);
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if first.is_power_of_two() {
        path.push(*first_root);
    }
    path.extend_from_slice(proof);
    let (mut f, mut s) = (first - 1, second - 1);
    while f & 1 == 1 {
        f >>= 1;
        s >>= 1;
    }
    let (mut fr, mut sr) = (path[0], path[0]);
    for c in &path[1..] {
        if s == 0 {
            return Err(ProofError::WrongLength);
        }
        if f & 1 == 1 || f == s {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        f >>= 1;
        s >>= 1;
    }
    if s != 0 {
        return Err(ProofError::WrongLength);
    }
    if &fr == first_root && &sr == second_root {
        Ok(())
    } else {
        Err(ProofError::RootMismatch)
    }
}

/// The right edge of a growing tree: one pending perfect subtree per set bit
/// of the size. Enough to append leaves and compute the root in `O(log n)`
/// memory; a node keeps one and stores the perfect subtrees it completes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Frontier {
    size: u64,
    /// `peaks[level]`: the perfect subtree of `2^level` leaves still waiting
    /// for a right sibling, present exactly when bit `level` of `size` is set.
    peaks: Vec<Option<Hash>>,
}

impl Frontier {
    pub fn new() -> Self {
        Frontier::default()
    }

    /// The frontier of a tree of `size` leaves, from its perfect subtrees.
    pub fn from_perfect<E>(
        size: u64,
        perfect: &mut impl FnMut(u32, u64) -> Result<Hash, E>,
    ) -> Result<Frontier, E> {
        let mut peaks = Vec::new();
        for level in 0..64 - size.leading_zeros() {
            peaks.push(if size >> level & 1 == 1 {
                Some(perfect(level, (size >> level) - 1)?)
            } else {
                None
            });
        }
        Ok(Frontier { size, peaks })
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// Appends a leaf hash. Returns every perfect subtree this completes, as
    /// `(level, index, hash)`, starting with the leaf itself at level 0.
    pub fn push(&mut self, leaf: Hash) -> Vec<(u32, u64, Hash)> {
        let mut completed = vec![(0, self.size, leaf)];
        let (mut hash, mut level, mut index) = (leaf, 0usize, self.size);
        while index & 1 == 1 {
            let Some(left) = self.peaks.get_mut(level).and_then(Option::take) else {
                break;
            };
            hash = node_hash(&left, &hash);
            level += 1;
            index >>= 1;
            completed.push((level as u32, index, hash));
        }
        if self.peaks.len() <= level {
            self.peaks.resize(level + 1, None);
        }
        self.peaks[level] = Some(hash);
        self.size += 1;
        completed
    }

    /// The root of the tree so far.
    pub fn root(&self) -> Hash {
        self.peaks
            .iter()
            .flatten()
            .fold(None, |acc: Option<Hash>, peak| {
                Some(match acc {
                    None => *peak,
                    Some(right) => node_hash(peak, &right),
                })
            })
            .unwrap_or_else(empty_root)
    }
}

/// A whole tree in memory: every perfect subtree hash, level by level.
#[derive(Debug, Clone, Default)]
pub struct MemoryTree {
    /// `levels[l][i]`: hash of the perfect subtree of `2^l` leaves at `i`.
    levels: Vec<Vec<Hash>>,
}

impl MemoryTree {
    pub fn new() -> Self {
        MemoryTree::default()
    }

    /// Appends a leaf (its hash), completing every perfect subtree it closes.
    pub fn push(&mut self, leaf: Hash) {
        let mut hash = leaf;
        let mut level = 0;
        loop {
            if self.levels.len() == level {
                self.levels.push(Vec::new());
            }
            self.levels[level].push(hash);
            let index = self.levels[level].len() - 1;
            if index.is_multiple_of(2) {
                break;
            }
            hash = node_hash(&self.levels[level][index - 1], &hash);
            level += 1;
        }
    }

    pub fn size(&self) -> u64 {
        self.levels.first().map_or(0, |l| l.len() as u64)
    }

    pub fn leaf(&self, index: u64) -> Option<Hash> {
        self.levels.first()?.get(index as usize).copied()
    }

    /// A perfect subtree hash, if the tree has it.
    pub fn perfect(&self, level: u32, index: u64) -> Option<Hash> {
        self.levels
            .get(level as usize)?
            .get(index as usize)
            .copied()
    }

    fn source(&self) -> impl FnMut(u32, u64) -> Result<Hash, ProofError> + '_ {
        move |level, index| {
            self.perfect(level, index)
                .ok_or(ProofError::IndexOutOfRange {
                    index: index << level,
                    size: self.size(),
                })
        }
    }

    /// The root of the first `size` leaves.
    pub fn root(&self, size: u64) -> Result<Hash, ProofError> {
        if size > self.size() {
            return Err(ProofError::IndexOutOfRange {
                index: size,
                size: self.size(),
            });
        }
        root(size, &mut self.source())
    }

    pub fn inclusion_proof(&self, index: u64, size: u64) -> Result<Vec<Hash>, ProofError> {
        if index >= size || size > self.size() {
            return Err(ProofError::IndexOutOfRange { index, size });
        }
        inclusion_proof(index, size, &mut self.source())
    }

    pub fn consistency_proof(&self, first: u64, second: u64) -> Result<Vec<Hash>, ProofError> {
        if first == 0 || first > second || second > self.size() {
            return Err(ProofError::BadSizes { first, second });
        }
        consistency_proof(first, second, &mut self.source())
    }
}

#[cfg(test)]
mod tests;
