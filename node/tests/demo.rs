//! `liaison-node demo` runs the whole scenario and says so; `init` writes a
//! node that loads; `keygen` writes a key only its owner can read; `run`
//! refuses a bad configuration, or a key file others can read, before
//! binding.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::process::Command;

#[test]
fn the_demo_runs_the_scenario_end_to_end() {
    let output = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .arg("demo")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for step in [
        "THA focal point submitted request",
        "routed it to agency `police`: ASSIGNED",
        "THA verified the answer: answered by police of KHM",
        "THA holds KHM's receipt for the request: its audit entry",
        "KHM recorded the acquisition: 199 bytes, SHA-256",
        "signed a receipt naming the hash: RECEIVED, and DELIVERED on KHM's side",
        "THA exported the court package",
        "VERIFIED 1 file(s),",
        "a copy with one byte of the file changed FAILS: files/",
        "redacted by the agreement: sim_status, subscriber_name",
        "registration_date of subject 1 = 2025-06-02",
        "withheld subscriber_name for subject 1 (ONLINE_ACCOUNT)",
        "dual criminality for the officer: MET on ICCS 0204, by KHM's Law on Suppression of Human Trafficking",
        "handling INTELLIGENCE_ONLY, keep at most 90 days, released under KHM-THA v2 rule 1 (PHONE_CHECK)",
        "KHM's agreement accepts it under ACTIP; routed to agency `fiu`: ASSIGNED",
        "released under KHM-THA v2 rule 2 (WALLET_TRACE)",
        "redacted by the agreement: balance",
        "+85512345678: hit, listed by KHM police in `compound-numbers` on 2026-10-15, reference KH-POL-2026-0117",
        "+85599000111: no hit; neither node keeps anything of it.",
        "KHM routed it to `police`, whose list it hit: ASSIGNED (reference KH-POL-2026-0117)",
        "IDN routed it to `immigration`, its victim-protection agency",
        "the officer first sees NON-PUNISHMENT ACTIP_ART_14_7: ACTIP art. 14(7)",
        "any answer about a possible victim is released only under VICTIM_PROTECTED",
        "handling VICTIM_PROTECTED, keep at most 180 days, released under IDN-THA v1 rule 1 (VICTIM_IDENTIFICATION)",
        "NO_ONWARD_SHARING would weaken VICTIM_PROTECTED",
        "config.reload_failed",
        "IDN routed the notification to its victim-protection agency `immigration`: ASSIGNED",
        "victim status CONFIRMED, following",
        "legal bases ACTIP; non-punishment ACTIP_ART_14_7; concerns a possible victim; indicators DECEPTION,RESTRICTION_OF_MOVEMENT,RETENTION_OF_IDENTITY_DOCUMENTS,FORCED_ONLINE_FRAUD,QUOTAS_WITH_PUNISHMENT",
        "refused at once, nothing sent: refused by THA's own sharing agreement",
        "[rule: THA default deny]",
        "KHM allows PHONE_CHECK requests for INTELLIGENCE but THA does not, so such requests are refused by THA",
        "KHM: first-seen",
        "VNM: first-seen",
        "witness.checked",
        "first-seen: 0 -> ",
        "THA: VERIFIED",
        "IDN: VERIFIED",
        "KHM: a copy with one entry altered FAILS: first bad index 2",
        "Demo complete: every step succeeded.",
    ] {
        assert!(stdout.contains(step), "missing `{step}` in:\n{stdout}");
    }
    // The demo prints no subject data into the audit trail section.
    let audit = stdout.split("Each node's own audit trail").nth(1).unwrap();
    for personal in [
        "85512345678",
        "Siti",
        "easy_jobs_abroad",
        "001234567",
        "Golden Fortune",
        "prepaid SIM",
        "subscriber-record",
        "compound's gate",
    ] {
        assert!(!audit.contains(personal), "`{personal}` in {audit}");
    }
    // Nothing is said twice: neither a witness verdict nor an unchanged status.
    assert!(!stdout.contains("first-seen: first-seen"), "{stdout}");
    // (A request's changes are printed on consecutive lines.)
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.trim_start().starts_with("status now")),
        "{stdout}"
    );
    for pair in lines.windows(2) {
        if pair
            .iter()
            .all(|l| l.trim_start().starts_with("status now"))
        {
            assert_ne!(pair[0], pair[1], "{stdout}");
        }
    }
    // Its files are in a temporary directory, deleted by the time it ends:
    // it names none of them.
    let temp = std::env::temp_dir();
    assert!(
        stdout.contains("in a temporary directory that is deleted at the end")
            && !stdout.contains(&*temp.to_string_lossy())
            && !stdout.contains("audit-export.jsonl"),
        "{stdout}"
    );
}

#[test]
fn init_writes_a_node_that_loads_and_run_refuses_bad_config() {
    let dir = tempfile::tempdir().unwrap();
    let node_dir = dir.path().join("tha");
    let init = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args(["init", "--country", "THA", "--dir"])
        .arg(&node_dir)
        .arg("--ca")
        .arg(dir.path().join("ca"))
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let config = liaison_node::Config::load(&node_dir.join("liaison.toml")).unwrap();
    assert_eq!(config.country.as_str(), "THA");
    // Without --non-punishment, focal points name the provision themselves.
    assert!(config.non_punishment.is_none());
    assert!(node_dir.join("tokens/focal-point.token").exists());

    // A second init must not overwrite the node's keys.
    let again = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args(["init", "--country", "THA", "--dir"])
        .arg(&node_dir)
        .arg("--ca")
        .arg(dir.path().join("ca"))
        .output()
        .unwrap();
    assert!(!again.status.success());

    let bad = node_dir.join("bad.toml");
    std::fs::write(
        &bad,
        std::fs::read_to_string(node_dir.join("liaison.toml"))
            .unwrap()
            .replace("country = \"THA\"", "country = \"XX\""),
    )
    .unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .arg("run")
        .arg("--config")
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("bad.toml") && stderr.contains("node.country"),
        "{stderr}"
    );

    // --non-punishment writes the node's default, in normal form; an
    // unknown provision is refused by name, and nothing is written.
    let cited = dir.path().join("khm");
    let init = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args([
            "init",
            "--country",
            "KHM",
            "--non-punishment",
            "actip-art-14-7",
            "--dir",
        ])
        .arg(&cited)
        .arg("--ca")
        .arg(dir.path().join("ca"))
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let config = liaison_node::Config::load(&cited.join("liaison.toml")).unwrap();
    assert_eq!(config.non_punishment.unwrap().provision, "ACTIP_ART_14_7");
    let unknown = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args([
            "init",
            "--country",
            "LAO",
            "--non-punishment",
            "UN_TIP_PROTOCOL",
            "--dir",
        ])
        .arg(dir.path().join("lao"))
        .arg("--ca")
        .arg(dir.path().join("ca"))
        .output()
        .unwrap();
    assert!(!unknown.status.success());
    let stderr = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        stderr.contains("--non-punishment") && stderr.contains("ACTIP_ART_14_7"),
        "{stderr}"
    );
    assert!(!dir.path().join("lao").exists());

    let bad_country = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args(["init", "--country", "Thailand", "--dir", "x", "--ca", "y"])
        .output()
        .unwrap();
    assert!(!bad_country.status.success());
    assert!(String::from_utf8_lossy(&bad_country.stderr).contains("ISO 3166-1 alpha-3"));
}

#[test]
fn keygen_writes_an_owner_only_key_and_run_refuses_a_key_others_can_read() {
    use std::os::unix::fs::PermissionsExt;

    let dir = tempfile::tempdir().unwrap();
    let node_dir = dir.path().join("tha");
    let init = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args(["init", "--country", "THA", "--dir"])
        .arg(&node_dir)
        .arg("--ca")
        .arg(dir.path().join("ca"))
        .args(["--federation-listen", "127.0.0.1:0"])
        .args(["--local-listen", "127.0.0.1:0"])
        .args(["--metrics-listen", "none"])
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );

    let fresh = node_dir.join("signing-key-2.pem");
    let keygen = || {
        Command::new(env!("CARGO_BIN_EXE_liaison-node"))
            .arg("keygen")
            .arg("--out")
            .arg(&fresh)
            .output()
            .unwrap()
    };
    let made = keygen();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let mode = std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    let text = std::fs::read_to_string(&fresh).unwrap();
    assert!(text.starts_with("-----BEGIN PRIVATE KEY-----\n"), "{text}");
    let key = liaison_node::pki::decode_signing_key(&text).unwrap();
    let public = liaison_node::config::encode_public_key(&key.verifying_key());
    let stdout = String::from_utf8_lossy(&made.stdout);
    assert!(
        stdout.contains(&format!("public key (give it to peers): {public}")),
        "{stdout}"
    );
    // A second keygen to the same file must not replace the key.
    let again = keygen();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read_to_string(&fresh).unwrap(), text);

    let signing_key = node_dir.join("signing-key.pem");
    std::fs::set_permissions(&signing_key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .arg("run")
        .arg("--config")
        .arg(node_dir.join("liaison.toml"))
        .output()
        .unwrap();
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    let shown = signing_key.display();
    assert!(
        stderr.contains("liaison.toml: `node.signing_key`: ")
            && stderr.contains(&format!(
                "`{shown}` is readable by group or others (mode 0644); run `chmod 600 {shown}`"
            )),
        "{stderr}"
    );
}

#[tokio::test]
async fn sighup_switches_the_signing_key_of_a_running_node() {
    use tokio::io::AsyncBufReadExt;

    let dir = tempfile::tempdir().unwrap();
    let mut planned = liaison_node::devnet::plan(dir.path(), &["THA".parse().unwrap()]).unwrap();
    // The listeners are released for the node process to bind.
    let node = planned.remove(0).node;
    let old = liaison_node::Config::load(&node.config_path)
        .unwrap()
        .signer;

    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args(["run", "--config"])
        .arg(&node.config_path)
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = tokio::io::BufReader::new(child.stderr.take().unwrap()).lines();
    let mut wait_for = async |needle: &str| {
        while let Some(line) = lines.next_line().await.unwrap() {
            if line.contains(needle) {
                return line;
            }
        }
        panic!("the node ended before logging `{needle}`");
    };
    let timeout = std::time::Duration::from_secs(30);
    tokio::time::timeout(timeout, wait_for("node started"))
        .await
        .unwrap();

    let key = liaison_node::pki::generate_signing_key().unwrap();
    liaison_node::pki::write_signing_key(&node.dir.join("signing-key-2.pem"), &key).unwrap();
    let text = std::fs::read_to_string(&node.config_path).unwrap();
    let old_public = liaison_node::config::encode_public_key(&old.verifying_key());
    let rotated = text.replacen(
        "signing_key = \"signing-key.pem\"",
        &format!("signing_key = \"signing-key-2.pem\"\nprevious_signing_keys = [\"{old_public}\"]"),
        1,
    );
    assert_ne!(rotated, text);
    std::fs::write(&node.config_path, rotated).unwrap();

    let pid = child.id().unwrap().to_string();
    assert!(
        Command::new("kill")
            .args(["-HUP", &pid])
            .status()
            .unwrap()
            .success()
    );
    let line = tokio::time::timeout(timeout, wait_for("configuration reloaded"))
        .await
        .unwrap();
    let new_id = liaison_proto::envelope::key_id(&key.verifying_key());
    assert!(line.contains(&new_id), "{line}");

    // SIGTERM: the node stops accepting, drains, flushes and exits 0...
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    tokio::time::timeout(timeout, wait_for("shutting down"))
        .await
        .unwrap();
    let status = tokio::time::timeout(timeout, child.wait())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(status.code(), Some(0), "{status}");
    // ...leaving a store that opens, with the rotation recorded in a log
    // that still verifies against its last signed tree head.
    let config = liaison_node::Config::load(&node.config_path).unwrap();
    let exchange = liaison_node::exchange::Exchange::open(
        std::sync::Arc::new(config),
        std::sync::Arc::new(liaison_node::store::open(&node.dir.join("data")).unwrap()),
    )
    .unwrap();
    let events: Vec<String> = exchange
        .records()
        .audit_entries()
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert!(events.iter().any(|e| e == "key.rotated"), "{events:?}");
}

/// A full run of the demo with JSON logs at debug level: every line is a
/// JSON object, each node's deliveries are logged with the request id on
/// both sides, and none of the subjects' or answers' values appear. Run
/// with `--dir`, the demo names the files it keeps there.
#[test]
fn json_logs_carry_request_ids_across_nodes_and_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let kept = dir.path().join("demo");
    let output = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args(["--log-json", "demo", "--dir"])
        .arg(&kept)
        .env("RUST_LOG", "debug")
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let export = kept.join("tha/audit-export.jsonl");
    assert!(
        stdout.contains(&format!("({})", export.display()))
            && stdout.contains(&format!("kept in {}", kept.display())),
        "{stdout}"
    );
    assert!(export.exists());
    let logs = String::from_utf8_lossy(&output.stderr);
    let mut lines = Vec::new();
    for line in logs.lines() {
        let value: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("not a JSON log line ({e}): {line}"));
        lines.push(value);
    }
    assert!(lines.len() > 20, "{logs}");
    // The request Thailand submitted, as Thailand logged it...
    let submitted = lines
        .iter()
        .find(|l| l["fields"]["message"] == "request submitted" && l["fields"]["country"] == "THA")
        .unwrap_or_else(|| panic!("no submission logged:\n{logs}"));
    let id = submitted["fields"]["request_id"].as_str().unwrap();
    // ...is named by Cambodia when it accepts it, in the delivery's span
    // (from the sender's metadata) and in the event itself.
    let accepted = lines.iter().find(|l| {
        l["fields"]["message"] == "envelope accepted"
            && l["fields"]["country"] == "KHM"
            && l["fields"]["request_id"] == id
    });
    let accepted = accepted.unwrap_or_else(|| panic!("KHM did not log {id}:\n{logs}"));
    assert_eq!(accepted["span"]["request_id"], id, "{accepted}");
    // And Thailand logs Cambodia's receipt for it.
    assert!(
        lines
            .iter()
            .any(|l| l["fields"]["message"] == "receipt accepted"
                && l["fields"]["country"] == "THA"
                && l["fields"]["request_id"] == id),
        "{logs}"
    );
    for personal in [
        "85512345678",
        "easy_jobs_abroad",
        "High Salary Jobs",
        "001234567",
        "Siti Rahma",
        "2001-08-17",
        "Sihanoukville",
        "shell company",
        "2024-02-11",
        "Subscriber details",
        "Golden Fortune",
        "prepaid SIM",
        "USD 182,000",
        "civil registry",
        "Indonesian embassy",
        "passport was kept",
    ] {
        assert!(!logs.contains(personal), "`{personal}` is in the logs");
    }
}

#[test]
fn rotate_kek_replaces_the_kek_of_a_stopped_node() {
    let dir = tempfile::tempdir().unwrap();
    let node_dir = dir.path().join("tha");
    let init = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args(["init", "--country", "THA", "--dir"])
        .arg(&node_dir)
        .arg("--ca")
        .arg(dir.path().join("ca"))
        .output()
        .unwrap();
    assert!(init.status.success());
    let kek = node_dir.join("node.kek");
    let before = std::fs::read_to_string(&kek).unwrap();
    assert!(before.starts_with("liaison-kek-v1 "), "init writes the KEK");
    let rotate = |config: &std::path::Path| {
        Command::new(env!("CARGO_BIN_EXE_liaison-node"))
            .arg("rotate-kek")
            .arg("--config")
            .arg(config)
            .output()
            .unwrap()
    };
    let rotated = rotate(&node_dir.join("liaison.toml"));
    let stdout = String::from_utf8_lossy(&rotated.stdout);
    assert!(
        rotated.status.success(),
        "{}",
        String::from_utf8_lossy(&rotated.stderr)
    );
    assert!(
        stdout.contains("data keys rewrapped") && stdout.contains("kek.rotated"),
        "{stdout}"
    );
    assert_ne!(std::fs::read_to_string(&kek).unwrap(), before);
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(&kek).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);

    // A KEK others can read is refused, by name, and left as it is.
    std::fs::set_permissions(&kek, std::fs::Permissions::from_mode(0o644)).unwrap();
    let current = std::fs::read_to_string(&kek).unwrap();
    let refused = rotate(&node_dir.join("liaison.toml"));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success());
    assert!(
        stderr.contains("node.kek") && stderr.contains("chmod 600"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&kek).unwrap(), current);
    assert!(!node_dir.join("node.kek.new").exists());
}
