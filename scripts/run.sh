#!/usr/bin/env bash
# Runs the server on the bundled default config (config/acd.yaml: SQLite, recordings and
# voicemail under config/data/, bundled prompts), building the server jar first if it is
# missing. Relative paths in a config resolve against its own directory, not the working
# directory, so this runs the same from anywhere. Extra arguments replace the config:
#   scripts/run.sh                      # config/acd.yaml
#   scripts/run.sh config/examples/small-office.yaml
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib/usage.sh"; help_from_header "$@"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
config="${1:-$root/config/acd.yaml}"
exec "$root/scripts/acd" run "$config"
