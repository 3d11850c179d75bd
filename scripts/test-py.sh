#!/usr/bin/env bash
# Runs the Python hosts' tests (pytest) for the packages that exist.
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=()
for d in runtime/python triton-backend kit-extension examples/kit-sim; do
  if [ -d "$d" ] && find "$d" -name 'test_*.py' -not -path '*/node_modules/*' | grep -q .; then dirs+=("$d"); fi
done
if [ ${#dirs[@]} -eq 0 ]; then
  echo "test-py: no Python test suites yet"
  exit 0
fi
# One pytest run per package: each has its own conftest and import roots.
status=0
for d in "${dirs[@]}"; do
  echo "test-py: $d"
  (cd "$d" && python3 -m pytest -q -p no:cacheprovider) || status=$?
done
exit $status
