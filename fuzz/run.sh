#!/usr/bin/env bash
# Runs every fuzz target (or those named) for SECONDS each under libFuzzer,
# and prints per target the executions, their rate, the coverage reached
# and what was found. Needs the nightly toolchain beside stable and
# cargo-fuzz (installed from crates.io if missing). See docs/fuzzing.md.
#
#   fuzz/run.sh SECONDS [TARGET...]
#
# FUZZ_JOBS (default: the number of cores) targets run at once, one core
# each. New inputs go to fuzz/artifacts/corpus/TARGET (not committed); with
# FUZZ_MERGE=1 they are then minimised into fuzz/corpus/TARGET, the
# committed corpus that the stable test fuzz/tests/corpus.rs replays.
# Crashes, timeouts and out-of-memory inputs are written to
# fuzz/artifacts/TARGET/; the run fails if there is any.
# FUZZ_RUNS stops each target after that many executions (SECONDS still
# bounds it): to bring a target's total over campaigns to an aim.
# FUZZ_SANITIZER (default: none) is cargo-fuzz's --sanitizer: Liaison's
# own crates forbid unsafe code, so AddressSanitizer only watches the
# dependencies' unsafe code, at about a third of the executions per second;
# FUZZ_SANITIZER=address turns it on.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:?usage: fuzz/run.sh SECONDS [TARGET...]}"
shift
case "$seconds" in
  '' | *[!0-9]*) echo "SECONDS must be a whole number, not '$seconds'" >&2; exit 2 ;;
esac
runs="${FUZZ_RUNS:--1}"
case "$runs" in
  -1) ;;
  '' | *[!0-9]*) echo "FUZZ_RUNS must be a whole number of executions, not '$runs'" >&2; exit 2 ;;
esac
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for file in libfuzzer/fuzz_targets/*.rs; do
    targets+=("$(basename "$file" .rs)")
  done
fi
for target in "${targets[@]}"; do
  [ -f "libfuzzer/fuzz_targets/$target.rs" ] || { echo "no fuzz target '$target'" >&2; exit 2; }
done

if ! cargo +nightly --version >/dev/null 2>&1; then
  echo "fuzzing needs the nightly toolchain: rustup toolchain install nightly" >&2
  exit 1
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "installing cargo-fuzz"
  cargo install --locked cargo-fuzz
fi

unset CARGO_TARGET_DIR
sanitizer="${FUZZ_SANITIZER:-none}"
echo "== building ${#targets[@]} targets (nightly, sanitizer coverage, optimised)"
echo "   (sanitizer: $sanitizer)"
cargo +nightly fuzz build --fuzz-dir libfuzzer -O --sanitizer "$sanitizer"
host="$(rustc +nightly -vV | sed -n 's/^host: //p')"
bin="libfuzzer/target/$host/release"

jobs="${FUZZ_JOBS:-$(nproc)}"
mkdir -p artifacts/logs
export seconds runs bin

run_one() {
  local target="$1"
  mkdir -p "artifacts/corpus/$target" "artifacts/$target"
  # The first directory receives new inputs; the committed corpus is read.
  "$bin/$target" "artifacts/corpus/$target" "corpus/$target" \
    -max_total_time="$seconds" -runs="$runs" -print_final_stats=1 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="artifacts/$target/" \
    >"artifacts/logs/$target.log" 2>&1 || true
}
export -f run_one
echo "== fuzzing ${#targets[@]} targets for ${seconds}s each, $jobs at a time"
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}'

if [ "${FUZZ_MERGE:-0}" = 1 ]; then
  echo "== minimising the new inputs into fuzz/corpus"
  for target in "${targets[@]}"; do
    merged="artifacts/merged/$target"
    rm -rf "$merged" && mkdir -p "$merged"
    "$bin/$target" -merge=1 "$merged" "corpus/$target" "artifacts/corpus/$target" \
      >"artifacts/logs/$target.merge.log" 2>&1
    rm -rf "corpus/$target" && mv "$merged" "corpus/$target"
  done
fi

found=0
printf '%-14s %14s %10s %8s %8s %8s  %s\n' target executions "per s" cov features corpus findings
for target in "${targets[@]}"; do
  log="artifacts/logs/$target.log"
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  done_line="$(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE).*cov:' "$log" | tail -1 || true)"
  cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")"
  ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")"
  corpus="$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$done_line")"
  findings="$(find "artifacts/$target" -maxdepth 1 -type f \
    \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  printf '%-14s %14s %10s %8s %8s %8s  %s\n' "$target" "${execs:-?}" "${rate:-?}" "${cov:-?}" \
    "${ft:-?}" "${corpus:-?}" "$findings"
  if [ -z "$execs" ]; then
    echo "   $target did not report its executions: see fuzz/$log" >&2
    found=1
  fi
  if [ "$findings" -gt 0 ]; then
    found=1
    find "artifacts/$target" -maxdepth 1 -type f -name '*-*' | sed 's/^/   /'
  fi
done
exit "$found"
