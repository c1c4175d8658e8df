#!/bin/sh
# Installs what `npm run test:e2e` needs, with nothing downloaded outside the npm registry and Debian apt:
#   - code-server 4.100.3 (= VS Code 1.100.3, the newest code-server whose engines.node is 20) into the
#     ignored cache folder .vscode-test/code-server/ — never a project dependency;
#   - Debian's chromium (driven by playwright-core, a devDependency; never `npx playwright install`),
#     ripgrep (stands in for the GitHub download of @vscode/ripgrep) and libkrb5-dev (kerberos builds).
# Idempotent: a second run with everything in place does nothing and takes well under a second.
# usage: sh test/e2e/setup.sh            (run by test/e2e/run.js when code-server is missing)
# env:   ZWGK_E2E_CACHE  cache folder (default <repo>/.vscode-test)
set -eu
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
ROOT="${ZWGK_E2E_CACHE:-$REPO/.vscode-test}"
CS_VERSION=4.100.3
RG_PKG_VERSION=1.15.11              # @vscode/ripgrep version code-server 4.100.3 depends on
RG_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
CS_DIR="$ROOT/code-server"
ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
STAMP="$CS_DIR/.installed-$CS_VERSION"

say() { echo "[e2e setup] $*"; }

# 1. OS packages, only those missing.
missing=""
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v rg >/dev/null 2>&1 || missing="$missing ripgrep"
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing="$missing libkrb5-dev"
if [ -n "$missing" ]; then
  if [ "$(id -u)" != 0 ]; then
    say "missing Debian packages:$missing — run as root: apt-get install -y$missing" >&2
    exit 1
  fi
  say "apt-get install$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq $missing
fi

if [ -f "$STAMP" ] && [ -f "$ENTRY" ]; then
  say "code-server $CS_VERSION already installed in $CS_DIR"
  exit 0
fi

# 2. Seed @vscode/ripgrep's download cache with Debian's rg (its postinstall would fetch from GitHub).
mkdir -p "$ROOT/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION" "$ROOT/rgpkg"
cp "$(command -v rg)" "$ROOT/rgpkg/rg"
tar czf "$ROOT/tmp/vscode-ripgrep-cache-$RG_PKG_VERSION/$RG_ASSET" -C "$ROOT/rgpkg" rg

# 3. code-server into its own little npm project inside the cache folder.
mkdir -p "$CS_DIR"
cd "$CS_DIR"
# npm 11 blocks dependency install scripts unless allowed: code-server, node-pty, kerberos, argon2 and
# @vscode/ripgrep all need theirs (native builds, the ripgrep binary, code-server's own vscode deps).
cat > package.json <<JSON
{
  "name": "zwgk-e2e-code-server",
  "private": true,
  "description": "Cache of code-server for zwgk's integration tests (installed by test/e2e/setup.sh)"
}
JSON
say "npm install code-server@$CS_VERSION (about a minute)"
t0=$(date +%s)
TMPDIR="$ROOT/tmp" \
npm_config_unsafe_perm=true \
npm_config_nodedir=/usr \
npm_config_yes=true \
npm_config_ignore_scripts=false \
npm_config_fund=false \
npm_config_audit=false \
npm_config_update_notifier=false \
  npm install --no-save --no-package-lock --foreground-scripts --dangerously-allow-all-scripts \
    "code-server@$CS_VERSION"
#   TMPDIR                      -> the seeded ripgrep cache is found: no api.github.com call
#   npm_config_unsafe_perm=true -> code-server's postinstall refuses to run as root without it
#   npm_config_nodedir=/usr     -> node-gyp uses /usr/include/node instead of downloading headers
#   npm_config_yes=true         -> node-pty's postinstall runs `npx node-gyp`
#   --dangerously-allow-all-scripts -> npm 11's install-script approval would skip the native builds
#   (argon2 / kerberos prebuilt downloads from GitHub fail and fall back to node-gyp by themselves)
[ -f "$ENTRY" ] || { say "code-server entry missing after install: $ENTRY" >&2; exit 1; }
# The ext host loads ripgrep from here; a failed postinstall leaves it missing and search breaks.
RG_BIN="$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
[ -x "$RG_BIN" ] || say "warning: $RG_BIN missing (workspace search may fail)" >&2
touch "$STAMP"
say "code-server $CS_VERSION installed in $(( $(date +%s) - t0 ))s ($(du -sh "$CS_DIR" | cut -f1))"
