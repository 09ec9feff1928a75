#!/usr/bin/env bash
# Create .venv and install lossguard (editable) with the given extras: runtime, dev or all.
# Nothing is reinstalled when .venv is already up to date: the stamp .venv/.lossguard-setup
# records pyproject.toml, the torch pin and the extras of the last install.
#
# torch is pinned and installed first (`pip install torch==2.13.0`: on the machines lossguard is
# developed and tested on, pip's find-links holds that version as a local CPU-only wheel);
# LOSSGUARD_TORCH_INDEX=URL installs it from another index instead (PyTorch's CPU index on a
# user's machine). A .venv that already has a torch keeps it. A bare `torch` requirement would
# download a multi-GB CUDA build.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-all}"
torch_pin="torch==2.13.0"
stamp_file=.venv/.lossguard-setup
digest="$( { cat pyproject.toml; echo "$torch_pin"; } | sha256sum | cut -d' ' -f1)"

if [ -x .venv/bin/python ] && [ -f "$stamp_file" ]; then
  read -r old_digest old_extras < "$stamp_file" || true
  if [ "$old_digest" = "$digest" ] && { [ "$old_extras" = "$extras" ] || [ "$old_extras" = all ]; }; then
    echo "setup: .venv is up to date (lossguard[$old_extras]); nothing to install"
    exit 0
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
# shellcheck disable=SC1091
. .venv/bin/activate
pip_quiet() {  # pip, without the warnings some machines print about missing local indexes
  python -m pip --quiet --disable-pip-version-check "$@" 2>&1 | { grep -v "^WARNING: Location" || true; }
  return "${PIPESTATUS[0]}"
}
pip_quiet install --upgrade pip
if ! python -c "import torch" 2>/dev/null; then
  echo "setup: installing $torch_pin (CPU build, a few hundred MB: this takes a few minutes the first time) ..."
  if [ -n "${LOSSGUARD_TORCH_INDEX:-}" ]; then
    pip_quiet install "$torch_pin" --index-url "$LOSSGUARD_TORCH_INDEX"
  else
    pip_quiet install "$torch_pin"
  fi
fi
echo "setup: installing lossguard[$extras] and its dependencies into .venv ..."
pip_quiet install -e ".[${extras}]"
echo "$digest $extras" > "$stamp_file"
echo "setup: done (.venv; activate it with: . .venv/bin/activate)"
