#!/usr/bin/env bash
# Set up and run the whole test suite.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh all || exit 2
. .venv/bin/activate
python -m pytest -q "$@"
