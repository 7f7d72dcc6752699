#!/usr/bin/env bash
# Real-editor test of the VS Code extension: packages the .vsix, installs
# code-server 4.100.3 (VS Code 1.100) and playwright-core into .e2e-cache/,
# and runs test/e2e/run.mjs in Debian's Chromium.
#
# Assumes `cargo build --release` has been run at the repository root (two
# levels up). Idempotent; runs as root on a fresh Debian machine.
#
#   COPYDESK_BIN=/path/to/copydesk   server to bundle (default: <repo>/target/release/copydesk)
#   COPYDESK_E2E_SERVER=bundled      (default) the .vsix bundles the server and the test checks it is used
#   COPYDESK_E2E_SERVER=setting      the test sets copydesk.server.path to COPYDESK_BIN instead
#
# Last line: `vscode-e2e: N passed, M failed`; exit status 0 only when all passed.
set -euo pipefail

EXT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO="$(cd "$EXT_DIR/../.." && pwd)"
CACHE="$EXT_DIR/.e2e-cache"
TOOLS="$CACHE/tools"
CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.56.1
BIN="${COPYDESK_BIN:-$REPO/target/release/copydesk}"
MODE="${COPYDESK_E2E_SERVER:-bundled}"
cd "$EXT_DIR"

fail() {
  echo "test-e2e: $*" >&2
  echo "vscode-e2e: 0 passed, 6 failed"
  exit 1
}

[ -x "$BIN" ] || fail "server binary $BIN not found: run \`cargo build --release\` in $REPO first"
case "$MODE" in bundled|setting) ;; *) fail "COPYDESK_E2E_SERVER must be bundled or setting, not $MODE" ;; esac
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" = 20 ] || echo "test-e2e: warning: code-server $CODE_SERVER_VERSION wants Node 20, this is $(node --version)" >&2

# 1. System packages (Debian's Chromium; the rest lets code-server's native modules build).
missing=()
for pkg in chromium libkrb5-dev pkg-config ripgrep; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test-e2e: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. The extension: dependencies from the lockfile, then the .vsix.
echo "test-e2e: npm ci"
npm ci --no-audit --no-fund >/dev/null
echo "test-e2e: packaging"
if [ "$MODE" = bundled ]; then
  COPYDESK_SERVER_BINARY="$BIN" npm run --silent package >"$CACHE.package.log" 2>&1 || { cat "$CACHE.package.log"; fail "npm run package failed"; }
else
  COPYDESK_BUNDLE=0 npm run --silent package >"$CACHE.package.log" 2>&1 || { cat "$CACHE.package.log"; fail "npm run package failed"; }
fi
VSIX="$(tail -n 1 "$CACHE.package.log")"
rm -f "$CACHE.package.log"
[ -f "$VSIX" ] || fail "no .vsix produced"
echo "test-e2e: packaged $(basename "$VSIX")"

# 3. code-server and playwright-core, once (about 80 s and 300 MB the first time).
mkdir -p "$CACHE/tmp"
MARKER="$TOOLS/.installed-code-server-$CODE_SERVER_VERSION-playwright-core-$PLAYWRIGHT_VERSION"
if [ ! -f "$MARKER" ] || [ ! -x "$TOOLS/node_modules/.bin/code-server" ]; then
  echo "test-e2e: installing code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION into $TOOLS"
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  (
    cd "$TOOLS"
    export TMPDIR="$CACHE/tmp"
    export XDG_CONFIG_HOME="$CACHE/tmp/config" XDG_DATA_HOME="$CACHE/tmp/data" XDG_CACHE_HOME="$CACHE/tmp/cache"
    # @vscode/ripgrep's postinstall would download rg: seed its cache with Debian's rg.
    mkdir -p "$TMPDIR/vscode-ripgrep-cache-1.15.11"
    tar czf "$TMPDIR/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C /usr/bin rg
    echo '{"name":"copydesk-e2e-tools","private":true}' >package.json
    # As root, native modules build from source and node-pty's postinstall uses npx.
    npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" >"$CACHE/install.log" 2>&1 \
      || { tail -n 40 "$CACHE/install.log"; exit 1; }
    npm install --no-audit --no-fund --ignore-scripts "playwright-core@$PLAYWRIGHT_VERSION" >>"$CACHE/install.log" 2>&1 \
      || { tail -n 40 "$CACHE/install.log"; exit 1; }
  ) || fail "installing code-server failed (log: $CACHE/install.log)"
  touch "$MARKER"
fi

# 4. The test (run.mjs bounds each step; `timeout` bounds the whole).
args=(--vsix "$VSIX" --tools "$TOOLS" --run-dir "$CACHE/run")
if [ "$MODE" = setting ]; then
  args+=(--server-path "$BIN" --expect-source setting)
else
  args+=(--expect-source bundled)
fi
echo "test-e2e: running the real-editor test (server: $MODE)"
set +e
timeout -k 10 420 node test/e2e/run.mjs "${args[@]}"
status=$?
set -e
if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
  echo "test-e2e: timed out"
  echo "vscode-e2e: 0 passed, 6 failed"
fi
exit "$status"
