#!/usr/bin/env bash
# Set up and run the whole test suite, integration tests included (what CI runs).
# The fast part alone: python -m pytest -q -m "not integration"  (README, "Tests").
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh all || exit 2
. .venv/bin/activate
python -m pytest -q "$@"
