//! Helpers shared by the command-line tests: run the built `liaison`
//! binary as a node's user, and read its JSON Lines.

// Test helpers may panic on anything unexpected; not every test file uses
// every helper.
#![allow(clippy::unwrap_used, dead_code)]

use std::process::{Command, Output};

use liaison_tests::TestNode;
use serde_json::Value;

/// The `liaison` binary, with no node, token, config file or colour
/// settings inherited from the environment of whoever runs the tests. Its
/// home (`HOME`, `XDG_CONFIG_HOME`) is a directory that does not exist, so
/// that no test reads the developer's own config file; a test of the
/// config file gives it a home of its own with [`at_home`].
pub fn bare() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_liaison"));
    for name in [
        "LIAISON_NODE",
        "LIAISON_TOKEN",
        "LIAISON_TOKEN_FILE",
        "LIAISON_CA",
        "LIAISON_CONFIG",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
    ] {
        command.env_remove(name);
    }
    let nowhere = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("liaison-no-home");
    command
        .env("HOME", &nowhere)
        .env("XDG_CONFIG_HOME", nowhere.join(".config"));
    command
}

/// The `liaison` binary, bare but for its home: `home`, whose config file
/// is `home/.config/liaison/config.toml`.
pub fn at_home(home: &std::path::Path) -> Command {
    let mut command = bare();
    command.env("HOME", home).env_remove("XDG_CONFIG_HOME");
    command
}

/// The `liaison` binary as `user` of `node`.
pub fn as_user(node: &TestNode, user: &str) -> Command {
    let mut command = bare();
    command
        .arg("--node")
        .arg(format!("http://{}", node.local_addr))
        .arg("--token-file")
        .arg(node.dir.join("tokens").join(format!("{user}.token")));
    command
}

/// Runs `liaison ARGS` as `user` of `node`.
pub fn liaison(node: &TestNode, user: &str, args: &[&str]) -> Output {
    as_user(node, user).args(args).output().unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// The JSON objects of a successful command's stdout, one per line; fails
/// unless every line is one JSON object.
pub fn json_lines(output: &Output) -> Vec<Value> {
    assert!(
        output.status.success(),
        "liaison failed: {}",
        stderr(output)
    );
    stdout(output)
        .lines()
        .map(|line| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("not one JSON object per line ({e}): {line}"));
            assert!(value.is_object(), "not an object: {line}");
            value
        })
        .collect()
}

/// The one JSON object a successful command printed.
pub fn json_record(output: &Output) -> Value {
    let mut lines = json_lines(output);
    assert_eq!(lines.len(), 1, "{}", stdout(output));
    lines.remove(0)
}

/// The JSON error a failed `--json` command printed on stderr, with
/// nothing on stdout.
pub fn json_error(output: &Output) -> Value {
    assert!(!output.status.success(), "{}", stdout(output));
    assert!(output.stdout.is_empty(), "{}", stdout(output));
    let text = stderr(output);
    assert_eq!(text.lines().count(), 1, "{text}");
    let value: Value = serde_json::from_str(&text).unwrap();
    value["error"].clone()
}
