#!/usr/bin/env bash
# The main job end to end: check the bundled examples, then watch a real training run.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh runtime || exit 2
. .venv/bin/activate

echo "== lossguard check examples/  (every buggy.py has a finding; every fixed.py is clean)"
lossguard check examples/
status=$?
if [ "$status" -ne 1 ]; then
  echo "expected findings in examples/*/buggy.py (exit 1), got exit $status" >&2
  exit 1
fi
echo
echo "== the fixed versions are clean"
lossguard check examples/*/fixed.py || exit 1
echo
if [ -f examples/watch_demo.py ]; then
  echo "== lossguard.watch on a real training run (a new TensorBoard run under runs/demo)"
  python examples/watch_demo.py runs/demo || exit 1
fi
echo
echo "Demo finished. Open the TensorBoard runs with: tensorboard --logdir runs/demo"
