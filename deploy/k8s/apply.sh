#!/usr/bin/env bash
# Deploys a federation's nodes to the current kubectl context, one
# StatefulSet per country, all in one namespace.
#
#   liaison-node federation --countries THA,KHM,VNM --dir ~/liaison/fed \
#       --host '{country}.NAMESPACE.svc.cluster.local'
#   deploy/k8s/apply.sh ~/liaison/fed THA,KHM,VNM [NAMESPACE]
#
# Each node's files go into the Secret `liaison-<country>`, flattened (the
# configuration is rewritten to match), and its store onto the pod's
# persistent volume. The KEK (`node.kek`) goes into the Secret too, apart
# from the volume it protects; back it up apart from the volume's backups. In a real federation each country runs only its own
# node, in its own cluster, with its own files.
set -euo pipefail
dir=$1
countries=$2
namespace=${3:-default}
here=$(cd "$(dirname "$0")" && pwd)
IFS=, read -ra list <<<"$countries"
for country in "${list[@]}"; do
  lower=$(echo "$country" | tr '[:upper:]' '[:lower:]')
  node="$dir/$lower"
  work=$(mktemp -d)
  sed -e 's|^data_dir = .*|data_dir = "/var/lib/liaison/data"|' \
      -e 's|"tls/|"|' \
      -e 's|agreement_file = "agreements/\(.*\)"|agreement_file = "agreement-\1"|' \
      "$node/liaison.toml" >"$work/liaison.toml"
  args=(--from-file="$work/liaison.toml" --from-file="$node/signing-key.pem"
        --from-file="$node/tls/node.pem" --from-file="$node/tls/node.key"
        --from-file="$node/tls/ca.pem" --from-file="$node/node.kek")
  for agreement in "$node"/agreements/*.toml; do
    args+=(--from-file="agreement-$(basename "$agreement")=$agreement")
  done
  kubectl -n "$namespace" create secret generic "liaison-$lower" "${args[@]}" \
      --dry-run=client -o yaml | kubectl -n "$namespace" apply -f -
  sed -e "s/__COUNTRY__/$country/g" -e "s/__country__/$lower/g" "$here/liaison-node.yaml" |
    kubectl -n "$namespace" apply -f -
  rm -rf "$work"
done
