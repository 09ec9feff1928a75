#!/usr/bin/env bash
# Create .venv (once) and install lossguard with the given extras.
# torch==2.13.0 is installed first: a bare `torch` requirement would download a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-all}"
python3 -m venv .venv
# shellcheck disable=SC1091
. .venv/bin/activate
pip_quiet() {  # pip, without the warnings some machines print about missing local indexes
  python -m pip --quiet "$@" 2>&1 | { grep -v "^WARNING: Location" || true; }
  return "${PIPESTATUS[0]}"
}
pip_quiet install --upgrade pip
if ! python -c "import torch" 2>/dev/null; then
  pip_quiet install "torch==2.13.0"
fi
pip_quiet install -e ".[${extras}]"
