//! Unit tests of configuration loading and validation.

use super::*;

const NODE: u32 = 10001;
const ROOT: u32 = 0;

fn exposure(mode: u32, owner: u32, node_user: u32) -> Option<String> {
    private_key_exposure(
        Path::new("/etc/liaison/signing-key.pem"),
        mode,
        owner,
        node_user,
    )
}

#[test]
fn a_key_the_node_owns_must_be_0600_or_stricter() {
    for mode in [0o600, 0o400, 0o200, 0o000, 0o100600] {
        assert_eq!(exposure(mode, NODE, NODE), None, "{mode:o}");
    }
    assert_eq!(
        exposure(0o100644, NODE, NODE).as_deref(),
        Some(
            "`/etc/liaison/signing-key.pem` is readable by group or others (mode 0644); \
             run `chmod 600 /etc/liaison/signing-key.pem`"
        )
    );
    for mode in [0o640, 0o604, 0o660, 0o440, 0o444, 0o700 | 0o004] {
        let problem = exposure(mode, NODE, NODE).unwrap();
        assert!(problem.contains("readable by group or others"), "{problem}");
        assert!(
            problem.contains(&format!("mode {:04o}", mode & 0o777)),
            "{problem}"
        );
    }
    for mode in [0o620, 0o602, 0o610, 0o601] {
        let problem = exposure(mode, NODE, NODE).unwrap();
        assert!(
            problem.contains("writable or executable by group or others"),
            "{problem}"
        );
    }
}

#[test]
fn a_node_running_as_root_holds_its_own_keys_to_0600() {
    assert_eq!(exposure(0o600, ROOT, ROOT), None);
    let problem = exposure(0o440, ROOT, ROOT).unwrap();
    assert!(problem.contains("chmod 600"), "{problem}");
}

#[test]
fn a_key_root_owns_may_be_read_by_its_group_and_nothing_more() {
    // A Kubernetes Secret mounted with fsGroup: root-owned, 0440.
    for mode in [0o440, 0o640, 0o600, 0o400] {
        assert_eq!(exposure(mode, ROOT, NODE), None, "{mode:o}");
    }
    let problem = exposure(0o644, ROOT, NODE).unwrap();
    assert_eq!(
        problem,
        "`/etc/liaison/signing-key.pem` is owned by root and readable by others (mode 0644); \
         a key root owns may be readable by its group, no more: \
         run `chmod 640 /etc/liaison/signing-key.pem`"
    );
    let problem = exposure(0o660, ROOT, NODE).unwrap();
    assert!(
        problem.contains("writable or executable by its group"),
        "{problem}"
    );
    assert!(!problem.contains("others"), "{problem}");
    let problem = exposure(0o464, ROOT, NODE).unwrap();
    assert!(
        problem.contains("readable by others and writable or executable by its group"),
        "{problem}"
    );
    let problem = exposure(0o442, ROOT, NODE).unwrap();
    assert!(
        problem.contains("writable or executable by others"),
        "{problem}"
    );
}

#[test]
fn a_key_someone_else_owns_is_refused() {
    for mode in [0o600, 0o440, 0o400] {
        let problem = exposure(mode, 1000, NODE).unwrap();
        assert!(problem.contains("owned by user id 1000"), "{problem}");
        assert!(
            problem.contains("chown 10001 /etc/liaison/signing-key.pem"),
            "{problem}"
        );
    }
}

/// Found by fuzzing (fuzz/regressions/config): an unknown key spelt as
/// the empty string was named as nothing at all (key ``), so the operator
/// could not tell which line was wrong.
#[test]
fn an_unknown_empty_key_is_named_as_toml_writes_it() {
    let path = Path::new("liaison.toml");
    let error = super::parse::<ConfigFile>(path, "\"\" = [\"admix\"]\n").unwrap_err();
    assert_eq!(error.key, "\"\"");
    assert!(error.problem.contains("unknown field"), "{error}");
    assert!(error.problem.ends_with("(line 1)"), "{error}");
}

/// Line numbers count the lines before the error's position, in bytes,
/// so that text in any script is numbered (and never split) safely.
#[test]
fn errors_name_the_line_of_the_key_in_any_script() {
    let path = Path::new("liaison.toml");
    let text = "# ข้อความภาษาไทย\n\n[node]\ncountry = \"THA\"\nบ = 1\n";
    let error = super::parse::<ConfigFile>(path, text).unwrap_err();
    assert!(error.problem.ends_with("(line 5)"), "{error}");
}
