//! `liaison login`, `logout` and `whoami` against real nodes, and the
//! config file they write: a token checked before it is stored, a file
//! only its owner can read, the command line and the environment before
//! the file, and the files refused (readable by others, unknown keys).

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

mod common;

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{at_home, json_error, json_record, stderr, stdout};
use liaison_tests::{TestFederation, TestNode};

fn address(node: &TestNode) -> String {
    format!("http://{}", node.local_addr)
}

fn token_path(node: &TestNode, user: &str) -> PathBuf {
    node.dir.join("tokens").join(format!("{user}.token"))
}

/// The config file `login` writes for `home`.
fn config_path(home: &Path) -> PathBuf {
    home.join(".config/liaison/config.toml")
}

/// Runs `command` with `input` on its stdin.
fn with_stdin(mut command: Command, input: &str) -> Output {
    use std::io::Write as _;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn succeeded(output: &Output) -> String {
    assert!(output.status.success(), "{}", stderr(output));
    stdout(output)
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

/// Writes a config file as a user would, with `mode`.
fn write_config(path: &Path, text: &str, mode: u32) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `liaison --json whoami` as given: (country, user) of the node's answer.
fn who(mut command: Command) -> (String, String) {
    let record = json_record(&command.args(["--json", "whoami"]).output().unwrap());
    (
        record["country"].as_str().unwrap().to_string(),
        record["user"].as_str().unwrap().to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn login_stores_a_checked_token_that_later_commands_use() {
    let federation = TestFederation::start(&["THA"]).await;
    let tha = federation.node("THA");
    let home = tempfile::tempdir().unwrap();
    let config = config_path(home.path());
    let token = &tha.tokens["focal-point"];

    // The token on stdin, as from a pipe.
    let mut login = at_home(home.path());
    login.args(["--node", &address(tha), "login"]);
    let output = with_stdin(login, &format!("{token}\n"));
    assert_eq!(
        succeeded(&output),
        format!(
            "logged in to THA as focal-point (focal_point); token stored in {}\n",
            config.display()
        )
    );
    assert!(!stderr(&output).contains(token.as_str()));
    // Created only its owner can read, in directories only its owner can
    // enter.
    assert_eq!(mode(&config), 0o600);
    assert_eq!(mode(config.parent().unwrap()), 0o700);
    assert_eq!(mode(&home.path().join(".config")), 0o700);
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.contains(&format!("node = \"{}\"", address(tha))),
        "{text}"
    );
    assert!(text.contains(&format!("token = \"{token}\"")));

    // Later commands need no --node and no token.
    let whoami = succeeded(&at_home(home.path()).arg("whoami").output().unwrap());
    let mut lines = whoami.lines();
    let header: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["USER", "ROLE", "COUNTRY", "NODE"]);
    let row: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(row, ["focal-point", "focal_point", "THA", &address(tha)]);
    let record = json_record(
        &at_home(home.path())
            .args(["--json", "whoami"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        record,
        serde_json::json!({
            "user": "focal-point",
            "role": "focal_point",
            "country": "THA",
            "node": address(tha),
        })
    );
    succeeded(
        &at_home(home.path())
            .args(["request", "list"])
            .output()
            .unwrap(),
    );

    // Logging in again, from a token file, as another user: the token is
    // replaced, the user's own comment kept.
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.insert_str(0, "# my workstation's node\n");
    std::fs::write(&config, text).unwrap();
    let output = at_home(home.path())
        .args(["--json", "login", "--token-file"])
        .arg(token_path(tha, "police-officer"))
        .output()
        .unwrap();
    let record = json_record(&output);
    assert_eq!(record["user"], "police-officer");
    assert_eq!(record["role"], "agency:police");
    assert_eq!(record["config"], config.display().to_string());
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.starts_with("# my workstation's node\n"), "{text}");
    assert!(!text.contains(token.as_str()), "{text}");
    assert_eq!(mode(&config), 0o600);
    assert_eq!(
        who(at_home(home.path())),
        ("THA".into(), "police-officer".into())
    );

    // Logging out removes the token and keeps the node.
    let output = at_home(home.path()).arg("logout").output().unwrap();
    assert_eq!(
        succeeded(&output),
        format!("token removed from {}\n", config.display())
    );
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(!text.contains("token"), "{text}");
    assert!(text.contains(&address(tha)), "{text}");
    let output = at_home(home.path()).arg("whoami").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("or store it with `liaison login`"),
        "{}",
        stderr(&output)
    );
    let output = at_home(home.path())
        .args(["--json", "logout"])
        .output()
        .unwrap();
    assert_eq!(
        json_record(&output),
        serde_json::json!({"config": config.display().to_string(), "removed": false})
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_the_node_refuses_is_not_stored() {
    let federation = TestFederation::start(&["THA"]).await;
    let tha = federation.node("THA");
    let home = tempfile::tempdir().unwrap();
    let config = config_path(home.path());
    let wrong = "not-a-token-of-this-node";

    let mut login = at_home(home.path());
    login.args(["--node", &address(tha), "login"]);
    let output = with_stdin(login, &format!("{wrong}\n"));
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains(&format!(
            "the node at {} does not accept the token from stdin",
            address(tha)
        )),
        "{text}"
    );
    assert!(text.contains("nothing was written"), "{text}");
    assert!(!text.contains(wrong), "{text}");
    assert!(!config.exists());
    assert!(!config.parent().unwrap().exists());

    // As JSON, the field at fault is the token.
    let mut login = at_home(home.path());
    login.args(["--json", "--node", &address(tha), "login"]);
    let error = json_error(&with_stdin(login, &format!("{wrong}\n")));
    assert_eq!(error["status"], "UNAUTHENTICATED");
    assert_eq!(error["field"], "token");

    // A stored token stays as it was when a new one is refused.
    let good = at_home(home.path())
        .args(["--node", &address(tha), "login", "--token-file"])
        .arg(token_path(tha, "auditor"))
        .output()
        .unwrap();
    succeeded(&good);
    let before = std::fs::read(&config).unwrap();
    let mut login = at_home(home.path());
    login.arg("login");
    let output = with_stdin(login, &format!("{wrong}\n"));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read(&config).unwrap(), before);

    // Nothing on stdin: told how to give it.
    let output = with_stdin(
        {
            let mut login = at_home(home.path());
            login.arg("login");
            login
        },
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no token on stdin"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read(&config).unwrap(), before);

    // A stored token the node no longer accepts, and a stored address
    // where no node answers: the error says they came from the file.
    write_config(
        &config,
        &format!("node = \"{}\"\ntoken = \"{wrong}\"\n", address(tha)),
        0o600,
    );
    let output = at_home(home.path()).arg("whoami").output().unwrap();
    assert_eq!(
        stderr(&output),
        format!(
            "error: UNAUTHENTICATED: unknown token (the token stored in config file {})\n",
            config.display()
        )
    );
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = format!("http://{}", free.local_addr().unwrap());
    drop(free);
    write_config(&config, &format!("node = \"{closed}\"\n"), 0o600);
    let output = at_home(home.path())
        .arg("whoami")
        .arg("--token-file")
        .arg(token_path(tha, "admin"))
        .output()
        .unwrap();
    let text = stderr(&output);
    assert!(
        text.contains(&format!("no node answers at {closed}")),
        "{text}"
    );
    assert!(
        text.trim_end()
            .ends_with(&format!("(`node` in config file {})", config.display())),
        "{text}"
    );
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_config_file_others_can_read_is_refused_with_the_fix() {
    let federation = TestFederation::start(&["THA"]).await;
    let tha = federation.node("THA");
    let home = tempfile::tempdir().unwrap();
    let config = config_path(home.path());
    let token = &tha.tokens["admin"];
    let text = format!("node = \"{}\"\ntoken = \"{token}\"\n", address(tha));

    // Readable by the group, by others, writable by the group.
    for bits in [0o640, 0o604, 0o620] {
        write_config(&config, &text, bits);
        let output = at_home(home.path()).arg("whoami").output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let message = stderr(&output);
        assert!(
            message.contains(&format!("config file {}", config.display())),
            "{message}"
        );
        assert!(
            message.contains("readable or writable by group or others"),
            "{message}"
        );
        assert!(
            message.contains(&format!("run `chmod 600 {}`", config.display())),
            "{message}"
        );
        assert!(!message.contains(token.as_str()), "{message}");
        // Even a token given on the command line does not make the file
        // acceptable.
        let error = json_error(
            &at_home(home.path())
                .args(["--json", "whoami", "--token-file"])
                .arg(token_path(tha, "admin"))
                .output()
                .unwrap(),
        );
        assert_eq!(error["field"], "--config");
    }
    // The fix it names works.
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(who(at_home(home.path())), ("THA".into(), "admin".into()));
    // A file without a token is no secret: any mode will do.
    write_config(&config, &format!("node = \"{}\"\n", address(tha)), 0o644);
    let output = at_home(home.path())
        .arg("whoami")
        .arg("--token-file")
        .arg(token_path(tha, "admin"))
        .output()
        .unwrap();
    succeeded(&output);
    federation.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_keys_and_named_missing_files_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let config = config_path(home.path());
    write_config(
        &config,
        "node = \"http://127.0.0.1:7401\"\nnodes = \"http://127.0.0.1:7402\"\n",
        0o600,
    );
    let output = at_home(home.path())
        .args(["--json", "whoami"])
        .output()
        .unwrap();
    let error = json_error(&output);
    assert_eq!(error["field"], "nodes");
    assert_eq!(
        error["message"],
        format!(
            "config file {}: line 2: unknown key `nodes`: a config file holds only node, ca, \
             token and token_file",
            config.display()
        )
    );

    // A file named with --config or LIAISON_CONFIG must exist.
    let missing = home.path().join("missing.toml");
    for mut command in [
        {
            let mut c = at_home(home.path());
            c.arg("--config").arg(&missing);
            c
        },
        {
            let mut c = at_home(home.path());
            c.env("LIAISON_CONFIG", &missing);
            c
        },
    ] {
        let output = command.arg("whoami").output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains(&format!("config file {} (named with", missing.display())),
            "{}",
            stderr(&output)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_line_beats_the_environment_beats_the_file() {
    let federation = TestFederation::start(&["THA", "KHM"]).await;
    let (tha, khm) = (federation.node("THA"), federation.node("KHM"));
    let home = tempfile::tempdir().unwrap();
    let config = config_path(home.path());
    write_config(
        &config,
        &format!(
            "node = \"{}\"\ntoken = \"{}\"\n",
            address(tha),
            tha.tokens["focal-point"]
        ),
        0o600,
    );
    let user = |country: &str, user: &str| (country.to_string(), user.to_string());

    // The file alone.
    assert_eq!(who(at_home(home.path())), user("THA", "focal-point"));
    // The environment's token before the file's.
    let mut command = at_home(home.path());
    command.env("LIAISON_TOKEN_FILE", token_path(tha, "admin"));
    assert_eq!(who(command), user("THA", "admin"));
    // The command line's before the environment's, given after the
    // subcommand as well as before it.
    for before in [true, false] {
        let mut command = at_home(home.path());
        command.env("LIAISON_TOKEN", &tha.tokens["admin"]);
        let auditor = token_path(tha, "auditor");
        let flag = ["--token-file", auditor.to_str().unwrap()];
        if before {
            command.args(flag);
        }
        command.args(["--json", "whoami"]);
        if !before {
            command.args(flag);
        }
        let record = json_record(&command.output().unwrap());
        assert_eq!(record["user"], "auditor", "flag before: {before}");
    }
    // The environment's node before the file's; the file's token is not
    // sent to it.
    let mut command = at_home(home.path());
    command
        .env("LIAISON_NODE", address(khm))
        .env("LIAISON_TOKEN_FILE", token_path(khm, "admin"));
    assert_eq!(who(command), user("KHM", "admin"));
    let output = at_home(home.path())
        .env("LIAISON_NODE", address(khm))
        .arg("whoami")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.contains(&format!(
            "the token in config file {} is for {}",
            config.display(),
            address(tha)
        )),
        "{text}"
    );
    assert!(!text.contains(tha.tokens["focal-point"].as_str()), "{text}");
    // The command line's node before the environment's: the file's node,
    // so the file's token goes with it.
    let mut command = at_home(home.path());
    command
        .env("LIAISON_NODE", address(khm))
        .args(["--node", &address(tha)]);
    assert_eq!(who(command), user("THA", "focal-point"));

    // Another file, named by LIAISON_CONFIG, with a token file relative to
    // its own directory; --config before LIAISON_CONFIG.
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::copy(
        token_path(khm, "police-officer"),
        elsewhere.path().join("officer.token"),
    )
    .unwrap();
    let other = elsewhere.path().join("khm.toml");
    write_config(
        &other,
        &format!(
            "node = \"{}\"\ntoken_file = \"officer.token\"\n",
            address(khm)
        ),
        0o644,
    );
    let mut command = at_home(home.path());
    command.env("LIAISON_CONFIG", &other);
    assert_eq!(who(command), user("KHM", "police-officer"));
    let mut command = at_home(home.path());
    command
        .env("LIAISON_CONFIG", &other)
        .arg("--config")
        .arg(&config);
    assert_eq!(who(command), user("THA", "focal-point"));
    // XDG_CONFIG_HOME, when set, is where the default file is.
    let xdg = tempfile::tempdir().unwrap();
    write_config(
        &xdg.path().join("liaison/config.toml"),
        &std::fs::read_to_string(&other).unwrap().replace(
            "officer.token",
            other
                .parent()
                .unwrap()
                .join("officer.token")
                .to_str()
                .unwrap(),
        ),
        0o600,
    );
    let mut command = at_home(home.path());
    command.env("XDG_CONFIG_HOME", xdg.path());
    assert_eq!(who(command), user("KHM", "police-officer"));
    federation.shutdown().await;
}
