#!/usr/bin/env bash
# Starts a federation of real node processes on this machine, each from its
# own configuration file, as an operator would run them.
#
#   deploy/local-federation.sh [DIR] [COUNTRIES] [BASE_PORT]
#
# DIR receives the CA, one directory per country (private keys, tokens,
# configuration, deny-by-default agreements) and the nodes' stores; an
# existing DIR is reused as it is. It defaults to
# ${XDG_STATE_HOME:-$HOME/.local/state}/liaison/federation, outside the
# repository, so that no key or token can be committed by mistake;
# `liaison-node federation` refuses a DIR inside a git work tree unless git
# ignores it. COUNTRIES defaults to THA,KHM,VNM and BASE_PORT to 7400
# (country i listens on BASE_PORT+3i for peers, BASE_PORT+3i+1 for its local
# API and BASE_PORT+3i+2 for Prometheus metrics). Ctrl-C stops every node
# gracefully.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-${XDG_STATE_HOME:-$HOME/.local/state}/liaison/federation}
countries=${2:-THA,KHM,VNM}
base_port=${3:-7400}

# The release build when there is one (much faster; `cargo build --release`
# makes it), else the debug build; either is brought up to date first.
build=(cargo build --quiet --manifest-path "$root/Cargo.toml" -p liaison-node -p liaison-client)
if [ -x "$root/target/release/liaison-node" ]; then
  profile=release
  build+=(--release)
else
  profile=debug
fi
"${build[@]}"
bin="$root/target/$profile"
echo "Using the $profile build in $bin."

if [ ! -d "$dir" ]; then
  "$bin/liaison-node" federation --countries "$countries" --dir "$dir" --base-port "$base_port"
else
  echo "Reusing the federation in $dir (delete it for a fresh one)."
fi

pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait
}
trap stop INT TERM EXIT

IFS=, read -ra list <<<"$countries"
for country in "${list[@]}"; do
  lower=$(echo "$country" | tr '[:upper:]' '[:lower:]')
  "$bin/liaison-node" run --config "$dir/$lower/liaison.toml" &
  pids+=("$!")
done

first=$(echo "${list[0]}" | tr '[:upper:]' '[:lower:]')
cat <<HELP

${#list[@]} nodes running, with their keys, tokens and stores in $dir.
From another terminal, as ${list[0]}'s focal point:

  export LIAISON_NODE=http://127.0.0.1:$((base_port + 1))
  export LIAISON_TOKEN_FILE=$dir/$first/tokens/focal-point.token
  $bin/liaison request send --to ${list[1]} --category PHONE_CHECK \\
      --purpose INVESTIGATION --offence 0204 --phone +85512345678
  $bin/liaison request list

Metrics: curl http://127.0.0.1:$((base_port + 2))/metrics
Services: grpcurl -plaintext 127.0.0.1:$((base_port + 1)) list

Press Ctrl-C to stop the federation.
HELP
wait
