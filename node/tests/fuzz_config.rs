//! Fuzzing of configuration and agreement parsing: mutated and random files
//! must load or be refused with an error naming the file; never panic.
//! `LIAISON_FUZZ_CASES` raises the number of cases (default 500).

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use liaison_node::config::Config;
use liaison_node::devnet;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("LIAISON_FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(500)
}

fn mutate(mut bytes: Vec<u8>, edits: &[(usize, u8)]) -> Vec<u8> {
    for &(at, value) in edits {
        if bytes.is_empty() {
            bytes.push(value);
            continue;
        }
        let i = at % bytes.len();
        match value % 3 {
            0 => bytes[i] ^= value | 1,
            1 => {
                bytes.remove(i);
            }
            _ => bytes.insert(i, value),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn mutated_configs_and_agreements_never_panic(
        config_edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
        agreement_edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let countries = ["THA".parse().unwrap(), "KHM".parse().unwrap()];
        let planned = devnet::plan(dir.path(), &countries).unwrap();
        let config_path = planned[0].node.config_path.clone();
        let agreement_path = planned[0].node.dir.join("agreements/khm.toml");

        let original = std::fs::read(&config_path).unwrap();
        std::fs::write(&config_path, mutate(original.clone(), &config_edits)).unwrap();
        if let Err(e) = Config::load(&config_path) {
            prop_assert!(!e.key.is_empty() && !e.problem.is_empty());
        }
        std::fs::write(&config_path, original).unwrap();

        let agreement = std::fs::read(&agreement_path).unwrap();
        std::fs::write(&agreement_path, mutate(agreement, &agreement_edits)).unwrap();
        match Config::load(&config_path) {
            Ok(_) => {}
            Err(e) => prop_assert!(e.file == agreement_path || e.file == config_path, "{e}"),
        }
    }

    #[test]
    fn random_text_is_refused_as_config(text in "\\PC{0,400}") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("liaison.toml");
        std::fs::write(&path, &text).unwrap();
        let error = Config::load(&path).unwrap_err();
        prop_assert_eq!(error.file, path);
    }
}
