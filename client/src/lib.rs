//! The parts of the `liaison` command line that read what a user types or
//! gives in a file: durations, moments, answer fields, long texts
//! ([`input`]), indicator files ([`indicator_file`]), and the failures they
//! report ([`failure`]). They are a library so that the fuzz targets in
//! `fuzz/` run the same code the command line does; the command itself is
//! `src/main.rs`.

pub mod failure;
pub mod indicator_file;
pub mod input;
