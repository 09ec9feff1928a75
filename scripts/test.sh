#!/usr/bin/env bash
# Set up and run the whole test suite, integration tests included (what CI runs).
# The fast part alone: python -m pytest -q -m "not integration"  (README, "Tests").
#
# With no arguments and two or more CPUs the suite runs as two pytest processes side by side:
# the watcher's tests with the end-to-end folders (tests/runtime, tests/integrations: torch;
# tests/integration: pre-commit, the GitHub Action) and everything else (the checker, the CLI,
# the catalog), estimated at about 610 and 620 s on a loaded 2-core machine. Each has its own
# temporary folder and its own log,
# printed whole when it ends; the exit status is the first failure's. Together they hold every
# test once (the second is "tests" less the first's folders). LOSSGUARD_TEST_SERIAL=1, or any
# argument (passed to pytest), runs one process as before.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh all || exit 2
. .venv/bin/activate

cpus="$(python -c 'import os; print(len(os.sched_getaffinity(0)))' 2>/dev/null || echo 1)"
if [ "$#" -gt 0 ] || [ -n "${LOSSGUARD_TEST_SERIAL:-}" ] || [ "$cpus" -lt 2 ]; then
  python -m pytest -q "$@"
  exit $?
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
watcher=(tests/runtime tests/integrations tests/integration)
python -m pytest -q -p no:cacheprovider --basetemp="$work/watcher" "${watcher[@]}" >"$work/watcher.log" 2>&1 &
first=$!
python -m pytest -q -p no:cacheprovider --basetemp="$work/checker" tests --ignore=tests/runtime --ignore=tests/integrations --ignore=tests/integration >"$work/checker.log" 2>&1 &
second=$!
wait "$first"
watcher_status=$?
wait "$second"
checker_status=$?
echo "== the watcher's and the end-to-end tests (${watcher[*]}): exit $watcher_status"
cat "$work/watcher.log"
echo "== every other test (tests/ less those folders): exit $checker_status"
cat "$work/checker.log"
[ "$watcher_status" -ne 0 ] && exit "$watcher_status"
exit "$checker_status"
