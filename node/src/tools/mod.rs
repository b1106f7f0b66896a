//! What is not the node itself but drives real nodes: [`devnet`] (a
//! federation created in one go), [`demo`] (the demo scenario run on it)
//! and [`bench`] (the benchmark).

pub mod bench;
pub mod demo;
pub mod devnet;
