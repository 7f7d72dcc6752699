#!/usr/bin/env bash
# Unit and protocol tests of the VS Code extension (node --test):
# server resolution, settings, and the start-up path against the real server.
#
# Assumes `cargo build --release` has been run at the repository root (two
# levels up); COPYDESK_BIN overrides the server binary. Idempotent.
# Last line: `vscode-unit: N passed, M failed`; exit status 0 only when all passed.
set -euo pipefail

EXT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(cd "$EXT_DIR/../.." && pwd)"
export COPYDESK_BIN="${COPYDESK_BIN:-$REPO/target/release/copydesk}"
cd "$EXT_DIR"

if [ ! -x "$COPYDESK_BIN" ]; then
  echo "test-unit: warning: $COPYDESK_BIN not found (run \`cargo build --release\` in $REPO); the protocol tests will fail" >&2
fi

echo "test-unit: npm ci"
npm ci --no-audit --no-fund >/dev/null
echo "test-unit: build"
npm run --silent build >/dev/null

tap="$(mktemp)"
trap 'rm -f "$tap"' EXIT
set +e
node --test \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" \
  test/unit/
status=$?
set -e
passed="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -n 1)"
failed="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -n 1)"
passed="${passed:-0}"
failed="${failed:-0}"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "vscode-unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
