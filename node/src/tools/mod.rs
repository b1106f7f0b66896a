//! What is not the node itself but drives real nodes: [`devnet`] (a
//! federation created in one go), [`demo`] (the demo scenario run on it),
//! [`bench`] (the benchmark) and [`check`] (a stopped node's data,
//! diagnosed).

pub mod bench;
pub mod check;
pub mod demo;
pub mod devnet;
