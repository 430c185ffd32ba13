#!/usr/bin/env bash
# Set up (system packages + Python interop peers), build, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export GSEL_PYTHON="$(pwd)/.venv/bin/python"
export PATH="$(pwd)/.venv/bin:$(pwd)/.venv-cff/bin:$PATH"
swift build -c release
swift test -c release "$@"
