//! `liaison-node bench` starts its nodes as processes, measures every
//! variant and prints the figures the issue asks for, an evidence file's
//! among them; the audit growth measurement verifies the proofs it times.

// Test helpers may panic on anything unexpected.
#![allow(clippy::unwrap_used)]

use std::process::Command;

/// The number before `/s` on the summary line of `label`.
fn rate(report: &str, label: &str) -> f64 {
    let line = report
        .lines()
        .skip_while(|l| !l.starts_with("variant"))
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no summary line for {label} in\n{report}"));
    line[label.len()..]
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn a_short_benchmark_measures_echo_and_both_exchanges() {
    let output = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args([
            "bench",
            "--duration-secs",
            "0.5",
            "--warmup-secs",
            "0.2",
            "--rounds",
            "2",
            "--concurrency",
            "4",
            "--evidence-mib",
            "4",
            "--hits-set",
            "0",
        ])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for label in ["E raw echo", "C exchange, memory", "F exchange, durable"] {
        assert!(
            rate(&report, label) > 0.0,
            "{label} measured nothing:\n{report}"
        );
    }
    for line in [
        "F/E: ",
        "F/C: ",
        "crypto floor: sign ",
        "encryption at rest: F sealed ",
        "round 2",
    ] {
        assert!(report.contains(line), "no `{line}` in\n{report}");
    }
    // Both durable nodes flushed, and grouped at least one record a flush.
    let full = report
        .lines()
        .find(|l| l.starts_with("round 1") && l.contains("F exchange"))
        .unwrap();
    let numbers_after = |label: &str| -> Vec<f64> {
        full.split(label)
            .nth(1)
            .unwrap()
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect()
    };
    let counts = &numbers_after("audit records/flush A")[..2];
    assert!(counts.iter().all(|&c| c >= 1.0), "{full}");
    // Tree heads are signed per group commit, not per delivery: at most as
    // many as the exchange's audit records, and at least one is checked.
    let heads = &numbers_after("tree heads/op signed")[..2];
    assert!(heads[0] > 0.0 && heads[1] > 0.0, "{full}");
    // Every exchange writes to both nodes' stores.
    let writes = numbers_after("store writes/op A");
    assert_eq!(writes.len(), 2, "{full}");
    assert!(writes.iter().all(|&w| w >= 1.0), "{full}");
    assert!(report.contains("with the tree heads F signed"), "{report}");
    // The disk floor: an fdatasync takes some time, and p99 is not below p50.
    let disk = report
        .lines()
        .find(|l| l.starts_with("disk floor: "))
        .unwrap_or_else(|| panic!("no disk floor in\n{report}"));
    let after = |label: &str| -> f64 {
        disk.split(label)
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|w| w.trim_end_matches(',').parse().ok())
            .unwrap_or_else(|| panic!("no number after `{label}` in {disk}"))
    };
    let (p50, p99, max) = (after("p50 "), after("p99 "), after("max "));
    assert!(0.0 < p50 && p50 <= p99 && p99 <= max, "{disk}");
    assert!(after("p99/p50 ") >= 1.0, "{disk}");

    // The evidence file: a rate for each phase, ratios against the raw
    // stream, and each node's peak memory above its idle figure.
    let evidence = line(&report, "evidence: ");
    assert!(evidence.starts_with("evidence: 4 MiB file: "), "{evidence}");
    let after = |label: &str| -> f64 {
        evidence
            .split(label)
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|w| w.trim_end_matches([',', ';']).parse().ok())
            .unwrap_or_else(|| panic!("no number after `{label}` in {evidence}"))
    };
    for label in ["raw stream ", "upload ", "transfer "] {
        assert!(after(label) > 0.0, "{label}: {evidence}");
    }
    let ratios: Vec<f64> = evidence
        .split(" of raw")
        .filter_map(|part| part.rsplit(' ').next()?.parse().ok())
        .collect();
    assert_eq!(ratios.len(), 2, "{evidence}");
    assert!(ratios.iter().all(|&r| r > 0.0), "{evidence}");
    for label in ["peak RSS above idle A ", ", B "] {
        assert!(after(label) >= 0.0, "{label}: {evidence}");
    }
    line(
        &report,
        "evidence CPU ms per MiB, A / B / driver: raw stream ",
    );
    // The court package of that file, written, saved and verified.
    let package = line(&report, "evidence package of the 4 MiB file: ");
    assert!(
        package.contains("written by A and saved in ") && package.contains("verified offline in "),
        "{package}"
    );
}

#[test]
fn bad_benchmark_arguments_are_refused_by_name() {
    for (args, named) in [
        (&["bench", "--rounds", "0"][..], "--rounds"),
        (&["bench", "--concurrency", "0"][..], "--concurrency"),
        (&["bench", "--payload", "99999999"][..], "--payload"),
        (&["bench", "--duration-secs", "nan"][..], "--duration-secs"),
        (&["bench", "--audit-entries", "10"][..], "--audit-entries"),
        (&["bench", "--evidence-mib", "4096"][..], "--evidence-mib"),
        (&["bench", "--hits-set", "10"][..], "--hits-set"),
        (
            &["bench", "--hits-only", "--hits-set", "0"][..],
            "--hits-only",
        ),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?} was accepted");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
    }
}

#[test]
fn the_hits_section_measures_evaluations_sets_and_memory() {
    let output = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args(["bench", "--hits-only", "--hits-set", "1000"])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for line in [
        "holder, one core: ",
        "/s in batches of 1000",
        "baseline, one core: HMAC-SHA256",
        "asker, one core: blinding ",
        "set built in ",
        "peak memory while building: +",
        "asker lookups in the set",
        "asker holding the set: +",
    ] {
        assert!(report.contains(line), "no `{line}` in\n{report}");
    }
    assert!(
        !report.contains("E raw echo"),
        "--hits-only ran the exchange"
    );
}

#[test]
fn audit_growth_times_appends_and_verified_proofs_at_each_power_of_ten() {
    let dir = tempfile::tempdir().unwrap();
    let report = liaison_node::bench::audit_growth(dir.path(), 10_000).unwrap();
    let rows: Vec<&str> = report
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|w| w.parse::<u64>().is_ok())
        })
        .collect();
    // A row at each power of ten, on the node's own store.
    assert_eq!(rows.len(), 2, "{report}");
    assert!(rows[0].trim_start().starts_with("1000 "), "{report}");
    assert!(rows[1].trim_start().starts_with("10000 "), "{report}");
    assert_eq!(
        report.matches("growth from 10^3 to 10000 entries").count(),
        1,
        "{report}"
    );
    assert!(report.contains("the node's store"), "{report}");
    assert!(report.contains("re-verified all 10000 entries"), "{report}");
}

/// The line of `report` that starts with `prefix`.
fn line<'a>(report: &'a str, prefix: &str) -> &'a str {
    report
        .lines()
        .find(|l| l.starts_with(prefix))
        .unwrap_or_else(|| panic!("no `{prefix}` line in\n{report}"))
}

#[test]
fn a_small_federation_answers_every_request_and_every_log_verifies() {
    let output = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
        .args([
            "bench",
            "--federation",
            "3",
            "--rate",
            "20",
            "--duration-secs",
            "0.5",
            "--node-worker-threads",
            "1",
            "--node-cache-mib",
            "4",
        ])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{report}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(report.contains("synthetic codes XAA..XAC"), "{report}");
    // 10 random-pair requests and 2 of the fan-out, all seen answered by
    // their asking node and counted by the answering agencies.
    assert!(
        line(&report, "answered: ").starts_with("answered: 12/12 requests"),
        "{report}"
    );
    assert!(
        line(&report, "answered: ").contains("(12 answered by the automatic agencies)"),
        "{report}"
    );
    assert!(
        line(&report, "audit logs verified: ").starts_with("audit logs verified: 3/3 "),
        "{report}"
    );
    assert!(
        line(&report, "fan-out: sent").starts_with("fan-out: sent 2, answered 2;"),
        "{report}"
    );
    for prefix in [
        "start-up: ",
        "RSS per node at start (min/median/max): ",
        "RSS per node after load (min/median/max): ",
        "memory per configured peer: ",
        "memory per connected peer: ",
        "exchanges per second, whole federation: ",
        "fan-out: XAA asks all 2 others the same request: ",
        "result: every request answered, every audit log verified",
    ] {
        line(&report, prefix);
    }
    let nodes = line(&report, "node runtime: ");
    assert!(
        nodes.contains("1 worker threads, sled cache 4 MiB"),
        "{nodes}"
    );
}

#[test]
fn bad_federation_arguments_are_refused_by_name() {
    for (args, named) in [
        (
            &["bench", "--federation", "1"][..],
            "--federation must be between 2 and 300",
        ),
        (
            &["bench", "--federation", "301"][..],
            "--federation must be between 2 and 300",
        ),
        (&["bench", "--federation", "3", "--rate", "0"][..], "--rate"),
        (
            &["bench", "--federation", "3", "--rate", "inf"][..],
            "--rate",
        ),
        (
            &["bench", "--federation", "3", "--node-worker-threads", "0"][..],
            "--node-worker-threads",
        ),
        (
            &["bench", "--federation", "3", "--node-cache-mib", "0"][..],
            "--node-cache-mib",
        ),
        (
            &["bench", "--federation", "3", "--duration-secs", "0"][..],
            "--duration-secs",
        ),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_liaison-node"))
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?} was accepted");
        assert!(stderr.contains(named), "{args:?}: {stderr}");
    }
}
