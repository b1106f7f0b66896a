//! Conversions between protobuf and domain types. `From<&Domain> for pb::X`
//! cannot fail; `TryFrom<&pb::X> for Domain` validates every field and names
//! the first one that is missing or wrong.
//!
//! One file per kind of message: [`request`] with its [`subject`]s and
//! [`legal`] grounds, [`answer`], [`message`], [`evidence`] manifests,
//! [`receipt`], national
//! [`offences`]; the closed vocabularies in [`enums`]; the checks every
//! message shares, and [`ConversionError`], in [`check`]. Everything is
//! re-exported here, so callers name `convert::uuid`, `convert::fields`.

mod answer;
mod check;
mod enums;
mod evidence;
mod legal;
mod message;
mod offences;
mod receipt;
mod request;
mod subject;

pub use answer::*;
pub use check::*;
pub use enums::*;
pub use evidence::*;
pub use legal::*;
pub use offences::*;
pub use request::*;
pub use subject::*;

#[cfg(test)]
mod tests;
