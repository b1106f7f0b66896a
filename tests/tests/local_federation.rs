//! `deploy/local-federation.sh` runs the release build when there is one
//! and the debug build otherwise. The script runs here from a copy of the
//! repository's layout whose `cargo` and `liaison-node` only record how
//! they were called, so nothing is built or started.

use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::Command;

fn write_executable(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("directory created");
    std::fs::write(path, text).expect("script written");
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
}

/// Runs the script in a fake repository with the given builds present;
/// returns what `cargo` and `liaison-node` were asked to do.
fn run_script(builds: &[&str]) -> Vec<String> {
    let root = tempfile::tempdir().expect("temp dir");
    let script = root.path().join("deploy/local-federation.sh");
    std::fs::create_dir_all(script.parent().expect("deploy")).expect("deploy dir");
    std::fs::copy(
        liaison_tests::repository().join("deploy/local-federation.sh"),
        &script,
    )
    .expect("script copied");
    let log = root.path().join("calls.log");
    let record = "#!/bin/sh\necho \"$0 $*\" >> \"$CALLS\"\n";
    write_executable(&root.path().join("bin/cargo"), record);
    for build in builds {
        write_executable(
            &root.path().join(format!("target/{build}/liaison-node")),
            record,
        );
    }
    let output = Command::new("bash")
        .arg(&script)
        .arg(root.path().join("federation"))
        .arg("THA,KHM")
        .current_dir(root.path())
        .env("CALLS", &log)
        .env(
            "PATH",
            format!(
                "{}:{}",
                root.path().join("bin").display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .output()
        .expect("bash runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let root_text = root.path().display().to_string();
    std::fs::read_to_string(&log)
        .expect("calls recorded")
        .lines()
        .map(|line| line.replace(&root_text, "ROOT"))
        .collect()
}

#[test]
fn the_release_build_is_used_when_there_is_one() {
    let calls = run_script(&["debug", "release"]);
    assert!(
        calls[0].starts_with("ROOT/bin/cargo build") && calls[0].contains("--release"),
        "{calls:?}"
    );
    let nodes: Vec<&String> = calls.iter().filter(|c| !c.contains("bin/cargo")).collect();
    assert!(nodes.len() >= 3, "{calls:?}");
    assert!(
        nodes
            .iter()
            .all(|c| c.starts_with("ROOT/target/release/liaison-node ")),
        "{calls:?}"
    );
}

#[test]
fn the_debug_build_is_used_otherwise() {
    let calls = run_script(&["debug"]);
    assert!(
        calls[0].starts_with("ROOT/bin/cargo build") && !calls[0].contains("--release"),
        "{calls:?}"
    );
    let nodes: Vec<&String> = calls.iter().filter(|c| !c.contains("bin/cargo")).collect();
    assert!(nodes.len() >= 3, "{calls:?}");
    assert!(
        nodes
            .iter()
            .all(|c| c.starts_with("ROOT/target/debug/liaison-node ")),
        "{calls:?}"
    );
}
