#!/usr/bin/env bash
# The project's own lint, on the whole tree: ruff (lint and format check) and mypy, with the
# settings in pyproject.toml. Needs the dev extra (bash scripts/setup.sh dev, or all).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh all || exit 2
. .venv/bin/activate
status=0
ruff check . || status=1
ruff format --check . || status=1
python -m mypy || status=1
exit "$status"
