#!/usr/bin/env bash
# Runs the hostile-peer simulation (tests/tests/hostile_peer.rs) longer than
# CI does: STEPS steps (default 2000) from SEED (default: a new random one),
# several times (RUNS, default 1), each with the next seed. It prints each
# seed first, so that a failing run can be repeated exactly:
#
#   tests/hostile-peer.sh [STEPS] [SEED] [RUNS]
#   LIAISON_HOSTILE_STEPS=STEPS LIAISON_HOSTILE_SEED=SEED \
#     cargo test -p liaison-tests --test hostile_peer -- --nocapture
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${1:-2000}"
seed="${2:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}"
runs="${3:-1}"
for value in "$steps" "$seed" "$runs"; do
  case "$value" in
    '' | *[!0-9]*) echo "STEPS, SEED and RUNS are whole numbers, not '$value'" >&2; exit 2 ;;
  esac
done
cargo build --quiet -p liaison-tests --tests
for ((run = 0; run < runs; run++)); do
  current=$((seed + run))
  echo "== hostile peer: $steps steps, seed $current"
  LIAISON_HOSTILE_STEPS="$steps" LIAISON_HOSTILE_SEED="$current" \
    cargo test --quiet -p liaison-tests --test hostile_peer -- --nocapture
done
