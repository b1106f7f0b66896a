//! The fuzz corpus replayed on stable, so that CI catches a regression
//! without nightly: every input under `fuzz/corpus/<target>/` (the
//! minimised corpus) and `fuzz/regressions/<target>/` (each crash or
//! finding a fuzzing run made, kept once it was fixed) goes through its
//! target's body, which panics on a crash or a broken invariant.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// The files of `dir`, sorted; none if it does not exist.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs `body` on `input`, naming the file if it panics.
fn replay(target: &str, body: fn(&[u8]), input: &Path) {
    let bytes = std::fs::read(input).unwrap();
    if std::panic::catch_unwind(|| body(&bytes)).is_err() {
        panic!("{target}: {} fails", input.display());
    }
}

#[test]
fn every_target_has_a_corpus_and_every_corpus_a_target() {
    for (name, _) in liaison_fuzz::TARGETS {
        let corpus = inputs(&fuzz_dir().join("corpus").join(name));
        assert!(!corpus.is_empty(), "{name}: fuzz/corpus/{name} is empty");
    }
    for folder in ["corpus", "regressions"] {
        for entry in std::fs::read_dir(fuzz_dir().join(folder)).unwrap() {
            let entry = entry.unwrap();
            if !entry.file_type().unwrap().is_dir() {
                continue;
            }
            let name = entry.file_name().into_string().unwrap();
            assert!(
                liaison_fuzz::target(&name).is_some(),
                "fuzz/{folder}/{name} is no target's"
            );
        }
    }
    // Every target has a libFuzzer binary calling its body, and every
    // binary a body.
    for (name, _) in liaison_fuzz::TARGETS {
        let path = fuzz_dir().join(format!("libfuzzer/fuzz_targets/{name}.rs"));
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(&format!("liaison_fuzz::{name}(data)")),
            "{} does not call liaison_fuzz::{name}",
            path.display()
        );
    }
    let binaries: Vec<String> = inputs(&fuzz_dir().join("libfuzzer/fuzz_targets"))
        .iter()
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut names: Vec<String> = liaison_fuzz::TARGETS
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    names.sort();
    let mut sorted = binaries.clone();
    sorted.sort();
    assert_eq!(sorted, names);
}

#[test]
fn the_corpus_and_the_regressions_replay_without_a_finding() {
    let mut replayed = 0;
    for (name, body) in liaison_fuzz::TARGETS {
        for folder in ["corpus", "regressions"] {
            for input in inputs(&fuzz_dir().join(folder).join(name)) {
                replay(name, *body, &input);
                replayed += 1;
            }
        }
    }
    assert!(replayed >= liaison_fuzz::TARGETS.len());
}

#[test]
fn the_generated_seeds_replay_without_a_finding() {
    for (name, input) in liaison_fuzz::generated_seeds() {
        liaison_fuzz::target(name).unwrap()(&input);
    }
}
