//! The store's key space: the key of every record and index (the table in
//! [`records`](super) names them all).

use liaison_proto::domain::{Category, CountryCode};

use super::values::Direction;

pub(super) fn request_key(direction: Direction, request_id: &str) -> Vec<u8> {
    format!("{}{request_id}", direction.prefix()).into_bytes()
}

pub(super) fn seen_key(message_id: &str) -> Vec<u8> {
    format!("msg/{message_id}").into_bytes()
}

pub(super) fn envelope_key(hash: &[u8; 32]) -> Vec<u8> {
    format!("env/{}", hex::encode(hash)).into_bytes()
}

pub(super) fn outbox_key(message_id: &str) -> Vec<u8> {
    format!("outbox/{message_id}").into_bytes()
}

/// Days since the Unix epoch (UTC) of a time in milliseconds.
pub fn utc_day(unix_ms: i64) -> i64 {
    unix_ms.div_euclid(86_400_000)
}

pub(super) fn count_key(
    day: i64,
    direction: Direction,
    peer: CountryCode,
    category: Category,
) -> Vec<u8> {
    format!("count/{day:08}/{}{peer}/{category}", direction.prefix()).into_bytes()
}

/// Index of incoming requests awaiting an agency's answer.
pub(super) fn open_key(agency: &str, created_unix_ms: i64, request_id: &str) -> Vec<u8> {
    format!("open/{agency}/{:016}/{request_id}", created_unix_ms.max(0)).into_bytes()
}

/// Index of outgoing requests by deadline, for expiry.
pub(super) fn due_key(deadline_unix_ms: i64, request_id: &str) -> Vec<u8> {
    format!("due/{:016}/{request_id}", deadline_unix_ms.max(0)).into_bytes()
}

/// Index of incoming requests not yet final by deadline, for expiry on
/// the answering side. Kept in step with the record by `put_request`.
pub(super) fn due_in_key(deadline_unix_ms: i64, request_id: &str) -> Vec<u8> {
    format!("due-in/{:016}/{request_id}", deadline_unix_ms.max(0)).into_bytes()
}

/// Index of final requests by when their personal data is to be purged.
pub(super) fn purge_key(due_unix_ms: i64, direction: Direction, request_id: &str) -> Vec<u8> {
    let side = match direction {
        Direction::Outgoing => 'o',
        Direction::Incoming => 'i',
    };
    format!("purge/{:016}/{side}/{request_id}", due_unix_ms.max(0)).into_bytes()
}

pub(super) fn witness_key(peer: CountryCode) -> Vec<u8> {
    format!("witness/{peer}").into_bytes()
}

/// Where a request's events are in the audit log: `at/<request id>/<index>`,
/// valued with the event's name.
pub(super) fn audit_position_key(request_id: &str, index: u64) -> Vec<u8> {
    format!("at/{request_id}/{index:016}").into_bytes()
}

/// A person's account: `person/<login>`.
pub(super) fn person_key(login: &str) -> Vec<u8> {
    format!("person/{login}").into_bytes()
}

/// A person's API token, by the SHA-256 of the token (hex): `ptoken/<hash>`,
/// valued with the login.
pub(super) fn person_token_key(sha256: &[u8; 32]) -> Vec<u8> {
    format!("ptoken/{}", hex::encode(sha256)).into_bytes()
}

/// A console session, by the SHA-256 of its cookie (hex): the store never
/// holds a session's cookie itself.
pub(super) fn session_key(sha256: &[u8; 32]) -> Vec<u8> {
    format!("session/{}", hex::encode(sha256)).into_bytes()
}

/// An evidence file of a request: `evfile/<request id>/<file id>`.
pub(super) fn evidence_key(request_id: &str, file_id: &str) -> Vec<u8> {
    format!("evfile/{request_id}/{file_id}").into_bytes()
}

/// A file waiting for transfer: `evq/<request id>/<file id>`.
pub(super) fn transfer_key(request_id: &str, file_id: &str) -> Vec<u8> {
    format!("evq/{request_id}/{file_id}").into_bytes()
}

/// A file's chain of custody here: `evchain/<request id>/<file id>`.
pub(super) fn custody_key(request_id: &str, file_id: &str) -> Vec<u8> {
    format!("evchain/{request_id}/{file_id}").into_bytes()
}

/// Where the slot of data key `name` is recorded: `dkey/<name>`.
pub(super) fn data_key_key(name: &str) -> Vec<u8> {
    format!("dkey/{name}").into_bytes()
}

/// The name of a request's data key.
pub fn request_key_name(request_id: &str) -> String {
    format!("r/{request_id}")
}

/// The name of the data key people's accounts and sessions are sealed
/// with.
pub const ACCOUNTS_KEY_NAME: &str = "node/accounts";

/// A value on an indicator list: `ind/<agency>/<list>/<index>`, where the
/// index is a keyed hash of the kind and value (the key is derived from the
/// node's hit seed), so that the key space shows no value.
pub(super) fn indicator_key(agency: &str, list: &str, index: &str) -> Vec<u8> {
    format!("ind/{agency}/{list}/{index}").into_bytes()
}

/// An indicator list's counts: `indlist/<agency>/<list>`.
pub(super) fn indicator_list_key(agency: &str, list: &str) -> Vec<u8> {
    format!("indlist/{agency}/{list}").into_bytes()
}

/// The name of an indicator list's data key: removing the list destroys it.
pub fn indicator_key_name(agency: &str, list: &str) -> String {
    format!("i/{agency}/{list}")
}

/// The holder's current hit epoch.
pub(super) const HIT_EPOCH_KEY: &[u8] = b"hitepoch";

/// The node's hit seed, sealed with [`HITS_KEY_NAME`].
pub(super) const HIT_SEED_KEY: &[u8] = b"hitseed";

/// The name of the data key the hit seed is sealed with.
pub const HITS_KEY_NAME: &str = "node/hits";

/// Which side of a hit/no-hit check a count is kept by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitSide {
    /// Values this node evaluated for a peer, as the holder.
    Holder,
    /// Values this node checked against a peer's lists, as the asker.
    Asker,
}

impl HitSide {
    fn letter(self) -> char {
        match self {
            HitSide::Holder => 'h',
            HitSide::Asker => 'a',
        }
    }
}

/// Values of `kind` counted on `day` for (holder) or at (asker) `peer`:
/// `hitcount/<day>/<h|a><peer>/<kind>`.
pub(super) fn hit_count_key(day: i64, side: HitSide, peer: CountryCode, kind: &str) -> Vec<u8> {
    format!("hitcount/{day:08}/{}{peer}/{kind}", side.letter()).into_bytes()
}

pub(super) fn hit_count_prefix(day: i64, side: HitSide, peer: CountryCode) -> Vec<u8> {
    format!("hitcount/{day:08}/{}{peer}/", side.letter()).into_bytes()
}

/// A hit kept for a follow-up: `hit/<hit id>`, sealed with its own key.
pub(super) fn stored_hit_key(hit_id: &str) -> Vec<u8> {
    format!("hit/{hit_id}").into_bytes()
}

/// The name of a kept hit's data key.
pub fn hit_key_name(hit_id: &str) -> String {
    format!("h/{hit_id}")
}

/// Index of kept hits by when they are forgotten.
pub(super) fn hit_due_key(expires_unix_ms: i64, hit_id: &str) -> Vec<u8> {
    format!("hitdue/{:016}/{hit_id}", expires_unix_ms.max(0)).into_bytes()
}
