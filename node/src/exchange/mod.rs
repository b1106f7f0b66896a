//! The node's domain logic, one file per step of a request's life.

mod state;

pub use state::*;
