#!/usr/bin/env bash
# Runs the server on the bundled default config (config/acd.yaml: embedded storage, bundled
# prompts), building the server jar first if it is missing. Extra arguments replace the config:
#   scripts/run.sh                      # config/acd.yaml
#   scripts/run.sh config/examples/small-office.yaml
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="${1:-$root/config/acd.yaml}"
exec "$root/scripts/acd" run "$config"
