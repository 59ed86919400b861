#!/usr/bin/env bash
# Runs the end-to-end tests with every test process's clock moved forward (libfaketime), to show
# that no test depends on the real date. PostgreSQL and the shared Redis keep the real clock, as
# they would on a server whose application clock differs from theirs.
#   bash scripts/test-moved-clock.sh [jest paths...]      MOVE_CLOCK=+400d to move further
set -euo pipefail
cd "$(dirname "$0")/.."
LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1 || true)
if [ -z "$LIB" ]; then
  echo "libfaketime is missing: install it with 'apt-get install -y faketime', then run this again." >&2
  exit 1
fi
npm run build >/dev/null
export LD_PRELOAD="$LIB" FAKETIME="${MOVE_CLOCK:-+210d}" FAKETIME_DONT_FAKE_MONOTONIC=1
echo "== e2e tests with the clock at $(date -u +%Y-%m-%d) (real date $(LD_PRELOAD= date -u +%Y-%m-%d))"
NODE_OPTIONS=--experimental-vm-modules npx jest --config test/jest-e2e.config.js "$@"
