#!/usr/bin/env bash
# Install klantreis with its test tools and run the whole test suite (lint and type check included).
# Used by the README's second command and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
python3 -m pip install -q --upgrade pip
python3 -m pip install -q -e '.[test]'
python3 -m ruff check .
python3 -m ruff format --check .
python3 -m mypy  # the whole package (see [tool.mypy] in pyproject.toml)
set +e
python3 -m pytest -n 2 --dist loadgroup "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing on purpose" >&2
  exit 1
fi
exit "$status"
